package proxy

import (
	"fmt"
	"time"

	"github.com/pgveil/pgveil/lineage"
)

// Audit decisions: the label values of pgveil_proxy_statements_total and
// the "decision" of the audit event.
const (
	decisionAllowed  = "allowed"  // ran, every row went out masked
	decisionRefused  = "refused"  // never reached the database
	decisionWithheld = "withheld" // cut off by the proxy (a value it could not mask, a refused plan)
	decisionError    = "error"    // the database failed it
)

var decisions = []string{decisionAllowed, decisionRefused, decisionWithheld, decisionError}

// auditRec is one audit event in the making: one per simple Query (its
// statements numbered) and one per Execute. The statements' fingerprints
// and normalized texts were fixed at analysis; no value reaches it.
type auditRec struct {
	protocol string
	stmts    []*lineage.Statement
	masked   []string // base columns masked in the results
	rows     int64
	reason   string // refused: why
	start    time.Time
	done     bool
}

func newAudit(protocol string, stmts ...*lineage.Statement) *auditRec {
	return &auditRec{protocol: protocol, stmts: stmts, start: time.Now()}
}

// emit writes the event and counts it in the metrics, once.
func (s *session) emit(a *auditRec, decision, sqlstate string) {
	if a.done {
		return
	}
	a.done = true
	ev := s.log.Info().Str("user", s.user).Str("protocol", a.protocol)
	for i, st := range a.stmts {
		if st == nil || st.Fingerprint == "" { // an empty query
			continue
		}
		if len(a.stmts) == 1 {
			ev = ev.Str("fingerprint", st.Fingerprint).Str("statement", st.Normalized)
		} else { // several statements in one query string: numbered
			ev = ev.Str(fmt.Sprintf("fingerprint_%d", i), st.Fingerprint).Str(fmt.Sprintf("statement_%d", i), st.Normalized)
		}
	}
	ev = ev.Str("decision", decision)
	if sqlstate != "" {
		ev = ev.Str("sqlstate", sqlstate)
	}
	if a.reason != "" {
		ev = ev.Str("reason", a.reason)
	}
	if decision != decisionRefused {
		ev = ev.Strs("masked", a.masked).Int64("rows", a.rows).Dur("duration", time.Since(a.start))
	}
	ev.Msg("statement")
	s.srv.metrics.statements.WithLabelValues(decision).Inc()
	s.srv.metrics.rows.Add(float64(a.rows))
}

// auditRefused writes the event of statements refused before they ran,
// with the refusal's message as its reason (refusal texts name columns,
// relations and constructs, never a value: see lineage.Refusal).
func (s *session) auditRefused(protocol string, stmts []*lineage.Statement, r *lineage.Refusal) {
	a := newAudit(protocol, stmts...)
	a.reason = r.Message
	s.emit(a, decisionRefused, r.SQLState)
}
