package proxy

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/lineage"
	"github.com/pgveil/pgveil/rules"
)

// The extended query protocol. The client's messages are taken up to its
// Sync (or Flush), checked, and forwarded together, so a pipelining client
// is never held in lockstep; the responses are then matched, in order,
// against a queue of what each forwarded message will produce.
//
// Every Bind is followed by a Describe of its portal that the proxy sends
// itself and whose RowDescription it keeps: the rows of an Execute are
// always masked under a plan bound to the portal's real result columns,
// even for drivers that cache descriptions and never Describe.

type expectKind uint8

const (
	expParse expectKind = iota + 1
	expBind
	expDescribeStmt
	expDescribePortal
	expExecute
	expClose
	expSync
	expFlush
	expLocalError // a refusal of the proxy's own, answered in its place in the stream
)

// expect is what one forwarded message will be answered with.
type expect struct {
	kind     expectKind
	portal   string
	ps       *portalState // Describe 'P' and Execute: the portal as bound when the message was forwarded
	internal bool         // the proxy's own Describe: its answer is not relayed
	stmt     *lineage.Statement
	refusal  *lineage.Refusal // expLocalError
	start    time.Time        // expExecute: when it was forwarded, for the audit event
	rows     int64            // expExecute: rows relayed so far

	// What a Parse, Bind or Close changed in the proxy's view as it was
	// forwarded, so that it can be undone if the server does not do it (an
	// error skips it, or it fails itself: 42P05, 42P03).
	name       string // statement (Parse, Close 'S') or portal (Bind, Close 'P')
	objType    byte   // Close: 'S' or 'P'
	hadPrev    bool
	prevStmt   *stmtState
	prevPortal *portalState
}

// stmtState is what the proxy knows of a prepared statement.
type stmtState struct {
	st      *lineage.Statement
	pathGen uint64 // the session's search_path when it was analysed (see searchpath.go)
	// sql and the snapshot and rules in force before it was analysed: a
	// Bind under others analyses it again (a view redefined, a column
	// classified otherwise by reloaded rules).
	sql   string
	snap  *catalog.Snapshot
	rules *rules.Rules
}

// portalState is what the proxy knows of a bound portal.
type portalState struct {
	stmt *lineage.Statement
	plan *rowPlan // from the proxy's own Describe
}

// extState lives as long as the session.
type extState struct {
	stmts    map[string]*stmtState
	portals  map[string]*portalState
	queue    []expect
	ignoring bool // after a refusal, messages up to Sync are dropped, as the server does after an error
	// open: messages went to the server since its last ReadyForQuery (an
	// implicit transaction may be open; a Flush does not end it). failed:
	// the server reported an error and discards everything up to Sync.
	// touched: a statement of the batch touched sensitive data.
	open, failed, touched bool
	// withheld: a result was cut off by the proxy (cancelled upstream); the
	// server's remaining answers up to ReadyForQuery are dropped.
	withheld bool
	// plans remembers the last plan of each statement, reused while the
	// portal's RowDescription, the snapshot and the rules are the same: a
	// prepared statement executed again needs no new plan.
	plans map[*lineage.Statement]*planMemo
}

// planMemo is one remembered plan and what it was made from.
type planMemo struct {
	pl     planner
	fields []pgproto3.FieldDescription // names copied: the message's buffer is reused
	plan   *rowPlan
}

const maxPlanMemos = 256

// portalPlan returns the plan of a portal's RowDescription.
func (es *extState) portalPlan(pl planner, rd *pgproto3.RowDescription, st *lineage.Statement) *rowPlan {
	if m := es.plans[st]; st != nil && m != nil && m.pl == pl && sameFields(m.fields, rd.Fields) {
		return m.plan
	}
	plan := binaryChecked(pl.planRows(rd, st), rd)
	if st == nil || plan.unknownOID {
		return plan
	}
	if es.plans == nil || len(es.plans) >= maxPlanMemos {
		es.plans = make(map[*lineage.Statement]*planMemo)
	}
	fields := make([]pgproto3.FieldDescription, len(rd.Fields))
	for i, f := range rd.Fields {
		fields[i] = f
		fields[i].Name = append([]byte(nil), f.Name...)
	}
	es.plans[st] = &planMemo{pl: pl, fields: fields, plan: plan}
	return plan
}

func sameFields(a, b []pgproto3.FieldDescription) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.TableOID != y.TableOID || x.TableAttributeNumber != y.TableAttributeNumber || x.DataTypeOID != y.DataTypeOID ||
			x.DataTypeSize != y.DataTypeSize || x.TypeModifier != y.TypeModifier || x.Format != y.Format ||
			string(x.Name) != string(y.Name) {
			return false
		}
	}
	return true
}

func (s *session) ext() *extState {
	if s.es == nil {
		s.es = &extState{stmts: map[string]*stmtState{}, portals: map[string]*portalState{}}
	}
	return s.es
}

// extended handles one extended-protocol message and, at Sync or Flush, the
// exchange with the server.
func (s *session) extended(ctx context.Context, msg pgproto3.FrontendMessage) error {
	es := s.ext()
	if es.ignoring {
		// After an error the server ignores everything up to Sync; so does
		// the proxy after a refusal of its own (a Flush still gets the
		// answers so far, the refusal among them).
		switch msg.(type) {
		case *pgproto3.Sync:
			es.ignoring = false
		case *pgproto3.Flush:
		default:
			return nil
		}
	}
	refuse := func(r *lineage.Refusal) error {
		es.queue = append(es.queue, expect{kind: expLocalError, refusal: r})
		es.ignoring = true
		return nil
	}
	switch m := msg.(type) {
	case *pgproto3.Parse:
		snap, rs := s.srv.snapshot(), s.srv.rules() // before: an analysis may refresh
		st, ref := s.analyzeOne(ctx, m.Query)
		if ref != nil {
			// A refused statement never runs: its event is written here;
			// an allowed one gets one per Execute (auditExecute).
			audit := s.log.Info().Str("user", s.user).Str("protocol", "extended")
			if st != nil {
				audit = audit.Str("fingerprint", st.Fingerprint).Str("statement", st.Normalized)
			}
			audit.Str("decision", "refused").Str("sqlstate", ref.SQLState).Msg("statement")
			s.srv.metrics.statements.WithLabelValues("refused").Inc()
			return refuse(ref)
		}
		prev, had := es.stmts[m.Name]
		es.stmts[m.Name] = &stmtState{st: st, pathGen: s.pathGen, sql: m.Query, snap: snap, rules: rs}
		es.open = true
		s.fe.Send(m)
		es.queue = append(es.queue, expect{kind: expParse, stmt: st, name: m.Name, hadPrev: had, prevStmt: prev})
	case *pgproto3.Bind:
		ss, ok := es.stmts[m.PreparedStatement]
		if !ok {
			return refuse(&lineage.Refusal{SQLState: "26000", Message: fmt.Sprintf("pgveil: prepared statement %q does not exist", m.PreparedStatement)})
		}
		if ss.pathGen != s.pathGen || s.pathStale {
			// PostgreSQL would analyse it again under the new path: names
			// could mean other tables than the proxy's analysis saw.
			return refuse(&lineage.Refusal{SQLState: "0A000",
				Message: fmt.Sprintf("pgveil: search_path changed since prepared statement %q was prepared", m.PreparedStatement),
				Hint:    "prepare it again (after a Sync when the path was reset or rolled back)"})
		}
		if snap, rs := s.srv.snapshot(), s.srv.rules(); ss.snap != snap || ss.rules != rs {
			st, ref := s.analyzeOne(ctx, ss.sql)
			if ref != nil {
				return refuse(ref)
			}
			ss.st, ss.snap, ss.rules = st, snap, rs
		}
		st := ss.st
		prev, had := es.portals[m.DestinationPortal]
		ps := &portalState{stmt: st}
		es.portals[m.DestinationPortal] = ps
		es.open = true
		s.fe.Send(m)
		s.fe.Send(&pgproto3.Describe{ObjectType: 'P', Name: m.DestinationPortal})
		es.queue = append(es.queue, expect{kind: expBind, stmt: st, name: m.DestinationPortal, hadPrev: had, prevPortal: prev},
			expect{kind: expDescribePortal, portal: m.DestinationPortal, ps: ps, internal: true, stmt: st})
	case *pgproto3.Describe:
		if n := len(es.queue); m.ObjectType == 'P' && n > 0 {
			// libpq describes the portal it has just bound: the proxy's own
			// Describe of it is answered to the client instead of sending
			// a second one.
			if last := &es.queue[n-1]; last.kind == expDescribePortal && last.internal && last.portal == m.Name {
				last.internal = false
				return nil
			}
		}
		var st *lineage.Statement
		var ps *portalState
		if m.ObjectType == 'S' {
			if ss := es.stmts[m.Name]; ss != nil {
				st = ss.st
			}
		} else if ps = es.portals[m.Name]; ps != nil {
			st = ps.stmt
		}
		es.open = true
		s.fe.Send(m)
		kind := expDescribePortal
		if m.ObjectType == 'S' {
			kind = expDescribeStmt
		}
		es.queue = append(es.queue, expect{kind: kind, portal: m.Name, ps: ps, stmt: st})
	case *pgproto3.Execute:
		p := es.portals[m.Portal]
		if p == nil {
			return refuse(&lineage.Refusal{SQLState: "34000", Message: fmt.Sprintf("pgveil: portal %q does not exist", m.Portal)})
		}
		if p.stmt == nil || p.stmt.TouchesSensitive {
			es.touched = true
		}
		if st := p.stmt; st != nil && (st.Class == lineage.ClassSet || st.Class == lineage.ClassDiscard ||
			(s.pathTouched && changesPath(st))) {
			// The path may change under the statements after this one in
			// the batch: they are analysed only after the server answered.
			s.pathStale = true
		}
		es.open = true
		s.fe.Send(m)
		es.queue = append(es.queue, expect{kind: expExecute, portal: m.Portal, ps: p, stmt: p.stmt, start: time.Now()})
	case *pgproto3.Close:
		e := expect{kind: expClose, name: m.Name, objType: m.ObjectType}
		if m.ObjectType == 'S' {
			e.prevStmt, e.hadPrev = es.stmts[m.Name]
			delete(es.stmts, m.Name)
		} else {
			e.prevPortal, e.hadPrev = es.portals[m.Name]
			delete(es.portals, m.Name)
		}
		es.open = true
		s.fe.Send(m)
		es.queue = append(es.queue, e)
	case *pgproto3.Flush:
		es.open = true
		s.fe.Send(m)
		es.queue = append(es.queue, expect{kind: expFlush})
		return s.drain(ctx)
	case *pgproto3.Sync:
		es.open = true
		s.fe.Send(m)
		es.queue = append(es.queue, expect{kind: expSync})
		return s.drain(ctx)
	default:
		return fmt.Errorf("unexpected %T: %w", msg, errClosed)
	}
	return nil
}

// analyzeOne runs the analysis of one extended-protocol statement.
func (s *session) analyzeOne(ctx context.Context, sql string) (*lineage.Statement, *lineage.Refusal) {
	an, err := s.analyze(ctx, sql)
	if err != nil {
		return nil, &lineage.Refusal{SQLState: "XX000", Message: "pgveil: the statement could not be analysed"}
	}
	switch len(an.Statements) {
	case 0:
		return &lineage.Statement{Class: lineage.ClassSelect}, nil // empty query
	case 1:
	default:
		return nil, &lineage.Refusal{SQLState: "42601", Message: "cannot insert multiple commands into a prepared statement"}
	}
	st := &an.Statements[0]
	if st.Refusal != nil {
		return st, st.Refusal // st for the audit log only
	}
	if ref := derivedRefusal(st); ref != nil {
		return st, ref
	}
	return st, nil
}

// drain relays the server's answers to everything queued, masking rows.
func (s *session) drain(ctx context.Context) error {
	es := s.ext()
	if err := s.fe.Flush(); err != nil {
		s.refuseUpstreamLost()
		return fmt.Errorf("upstream: %w", err)
	}
	s.in.startWatch()
	defer s.in.stopWatch()
	pl := planner{snap: s.srv.snapshot(), rules: s.srv.rules()}
	sawError, txCtl := false, false
	for len(es.queue) > 0 {
		head := es.queue[0]
		if head.kind == expLocalError {
			r := head.refusal
			s.queueClient(&pgproto3.ErrorResponse{Severity: "ERROR", SeverityUnlocalized: "ERROR", Code: r.SQLState, Message: r.Message, Hint: r.Hint})
			es.queue = es.queue[1:]
			es.skipToSync()
			continue
		}
		if head.kind == expFlush {
			es.queue = es.queue[1:]
			if len(es.queue) == 0 {
				return s.flushClient()
			}
			continue
		}
		msg, err := s.fe.Receive()
		if err != nil {
			s.refuseUpstreamLost()
			return fmt.Errorf("upstream: %w", err)
		}
		pop := func() { es.queue = es.queue[1:] }
		withhold := func() {
			// A value that cannot be masked is never sent as it is.
			s.cancelUpstream()
			s.queueClient(&pgproto3.ErrorResponse{Severity: "ERROR", SeverityUnlocalized: "ERROR", Code: "22000",
				Message: "pgveil: a value could not be masked; the result was withheld"})
			s.auditExecute(&es.queue[0], "withheld", "")
			es.forgetToSync()
			es.withheld = true
		}
		if _, row := msg.(*pgproto3.DataRow); !row {
			s.endResult()
		}
		if ps, ok := msg.(*pgproto3.ParameterStatus); ok {
			// Checked whatever happens to the rest of the answers.
			if err := s.checkParameter(ps); err != nil {
				return err
			}
		}
		if es.withheld {
			if rfq, ok := msg.(*pgproto3.ReadyForQuery); ok {
				es.withheld = false
				msg = rfq
			} else {
				continue // rows, completions and the cancellation error of the cut-off result
			}
		}
		switch m := msg.(type) {
		case *pgproto3.ParseComplete, *pgproto3.BindComplete, *pgproto3.CloseComplete:
			pop()
			s.sendClient(m, 8)
		case *pgproto3.ParameterDescription:
			s.sendClient(m, 8+4*len(m.ParameterOIDs))
		case *pgproto3.RowDescription:
			if head.kind == expDescribePortal {
				plan := es.portalPlan(pl, m, head.stmt)
				if plan.unknownOID {
					s.srv.refreshSoon()
				}
				if head.ps != nil {
					head.ps.plan = plan
				}
			}
			pop()
			if !head.internal {
				s.sendClient(m, 64*len(m.Fields))
			}
		case *pgproto3.NoData:
			if head.kind == expDescribePortal && head.ps != nil {
				head.ps.plan = &rowPlan{}
			}
			pop()
			if !head.internal {
				s.sendClient(m, 8)
			}
		case *pgproto3.DataRow:
			p := head.ps
			if head.kind != expExecute || p == nil || p.plan == nil {
				return fmt.Errorf("DataRow without a plan: %w", errClosed)
			}
			if p.plan.refused != nil {
				s.cancelUpstream()
				s.queueClient(&pgproto3.ErrorResponse{Severity: "ERROR", SeverityUnlocalized: "ERROR", Code: "42501",
					Message: "pgveil: " + p.plan.refused.why, Hint: "select the column itself to get its masked value"})
				s.auditExecute(&es.queue[0], "withheld", "")
				es.forgetToSync()
				es.withheld = true
				continue
			}
			n, err := s.relayRow(p.plan, m.Values)
			es.queue[0].rows += int64(n)
			if errors.Is(err, errMask) {
				withhold()
			} else if err != nil {
				return err
			}
		case *pgproto3.CommandComplete, *pgproto3.EmptyQueryResponse, *pgproto3.PortalSuspended:
			if head.stmt != nil {
				s.noteStatement(head.stmt)
			}
			if head.kind == expExecute {
				s.auditExecute(&es.queue[0], "allowed", "")
				txCtl = txCtl || (head.stmt != nil && changesPath(head.stmt))
			}
			pop()
			s.sendClient(m, 32)
		case *pgproto3.ErrorResponse:
			sawError = true
			es.failed = true
			if head.kind == expExecute {
				s.auditExecute(&es.queue[0], "error", m.Code)
			}
			touched := head.stmt == nil || head.stmt.TouchesSensitive
			s.sendClient(scrubError(m, touched), 256)
			es.skipToSync()
		case *pgproto3.NoticeResponse:
			s.sendClient(scrubNotice(m, head.stmt == nil || head.stmt.TouchesSensitive), 256)
		case *pgproto3.ParameterStatus:
			if relayedParameters[m.Name] && !es.touched { // a function could report data through a setting
				s.sendClient(m, 64)
			}
		case *pgproto3.NotificationResponse:
		case *pgproto3.ReadyForQuery:
			if head.kind != expSync {
				return fmt.Errorf("ReadyForQuery out of order: %w", errClosed)
			}
			pop()
			s.endExchange(sawError, txCtl)
			sawError, txCtl = false, false
			es.open, es.failed, es.touched = false, false, false
			s.txStatus = m.TxStatus
			if m.TxStatus == 'I' {
				s.endLocalPath()
				// Portals end with the transaction; the unnamed one at Sync.
				clear(es.portals)
			}
			s.queueClient(m)
			if err := s.flushClient(); err != nil {
				return err
			}
		default:
			return fmt.Errorf("unexpected %T from upstream: %w", msg, errClosed)
		}
	}
	return s.flushClient()
}

// auditExecute writes the audit event of one Execute (the statement's
// fingerprint and text were fixed at Parse) and counts it in the metrics.
func (s *session) auditExecute(e *expect, decision, sqlstate string) {
	ev := s.log.Info().Str("user", s.user).Str("protocol", "extended")
	if e.stmt != nil {
		ev = ev.Str("fingerprint", e.stmt.Fingerprint).Str("statement", e.stmt.Normalized)
	}
	ev = ev.Str("decision", decision)
	if sqlstate != "" {
		ev = ev.Str("sqlstate", sqlstate)
	}
	if e.ps != nil && e.ps.plan != nil {
		ev = ev.Strs("masked", e.ps.plan.masked)
	}
	ev.Int64("rows", e.rows).Dur("duration", time.Since(e.start)).Msg("statement")
	s.srv.metrics.statements.WithLabelValues(decision).Inc()
	s.srv.metrics.rows.Add(float64(e.rows))
}

// skipToSync drops what the server will not answer after an error: none
// of it took effect, so the names the dropped messages bound or closed get
// back their earlier meaning (undone last first).
func (es *extState) skipToSync() {
	end := 0
	for end < len(es.queue) && es.queue[end].kind != expSync {
		end++
	}
	for i := end - 1; i >= 0; i-- {
		es.undo(&es.queue[i])
	}
	es.queue = es.queue[end:]
}

// forgetToSync drops the rest of a result the proxy cut off: which of the
// dropped messages the server ran before the cancellation is unknown, so
// the names they touched are forgotten and using them is refused.
func (es *extState) forgetToSync() {
	for len(es.queue) > 0 && es.queue[0].kind != expSync {
		e := &es.queue[0]
		switch {
		case e.kind == expParse || (e.kind == expClose && e.objType == 'S'):
			delete(es.stmts, e.name)
		case e.kind == expBind || (e.kind == expClose && e.objType == 'P'):
			delete(es.portals, e.name)
		}
		es.queue = es.queue[1:]
	}
}

// undo reverts what forwarding e changed in the proxy's view.
func (es *extState) undo(e *expect) {
	switch {
	case e.kind == expParse || (e.kind == expClose && e.objType == 'S'):
		if e.hadPrev {
			es.stmts[e.name] = e.prevStmt
		} else {
			delete(es.stmts, e.name)
		}
	case e.kind == expBind || (e.kind == expClose && e.objType == 'P'):
		if e.hadPrev {
			es.portals[e.name] = e.prevPortal
		} else {
			delete(es.portals, e.name)
		}
	}
}

// binaryChecked refuses masked fields in the binary format whose type the
// codec cannot convert (the mask works on the text form).
func binaryChecked(p *rowPlan, rd *pgproto3.RowDescription) *rowPlan {
	for i, fd := range rd.Fields {
		fp := &p.fields[i]
		if fd.Format == 1 && fp.act == actMask && anonymize.OIDType(fd.DataTypeOID) == "" {
			fp.act = actRefuse
			fp.why = fmt.Sprintf("column %q is masked and its type has no binary conversion", fd.Name)
			if p.refused == nil {
				p.refused = fp
			}
		}
		fp.format = fd.Format
		fp.oid = fd.DataTypeOID
	}
	// The text path's view of the plan: binary masked fields are final
	// once converted, so it passes them. Built once per portal, not per row.
	for i := range p.fields {
		if p.fields[i].act == actMask && p.fields[i].format == 1 {
			if p.textPart == nil {
				p.textPart = &rowPlan{fields: append([]fieldPlan(nil), p.fields...)}
			}
			p.textPart.fields[i].act = actPass
		}
	}
	return p
}
