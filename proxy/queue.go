package proxy

import (
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/lineage"
)

// The expectation queue. Every message the session forwards to the server,
// from either protocol, pushes what the server will answer it with; the
// relay (relay.go) matches the server's answers against the head, in order.
// A simple Query pushes one expStatement per statement and an expSync for
// its ReadyForQuery; an extended-protocol batch one entry per message.

type expectKind uint8

const (
	expParse expectKind = iota + 1
	expBind
	expDescribeStmt
	expDescribePortal
	expExecute
	expStatement // one statement of a simple Query: its result and completion
	expClose
	expSync // a ReadyForQuery: a Sync's, or the end of a simple Query
	expFlush
	expLocalError // a refusal of the proxy's own, answered in its place in the stream
)

// expect is what one forwarded message will be answered with.
type expect struct {
	kind     expectKind
	portal   string
	ps       *portalState // Describe 'P', Execute, statement: the portal as bound when the message was forwarded
	internal bool         // the proxy's own Describe: its answer is not relayed
	stmt     *lineage.Statement
	touched  bool             // error and notice texts answering it are withheld
	refusal  *lineage.Refusal // expLocalError
	audit    *auditRec        // Execute and statement: the audit event its result belongs to
	query    bool             // expSync: ends a simple Query

	// What a Parse, Bind or Close changed in the proxy's view as it was
	// forwarded, so that it can be undone if the server does not do it (an
	// error skips it, or it fails itself: 42P05, 42P03).
	name       string // statement (Parse, Close 'S') or portal (Bind, Close 'P')
	objType    byte   // Close: 'S' or 'P'
	hadPrev    bool
	prevStmt   *stmtState
	prevPortal *portalState
}

// result reports whether e's answer may carry rows.
func (e *expect) result() bool { return e.kind == expExecute || e.kind == expStatement }

// stmtState is what the proxy knows of a prepared statement.
type stmtState struct {
	st      *lineage.Statement
	pathGen uint64 // the session's search_path when it was analysed (see searchpath.go)
	sql     string
	// gen is the generation it was analysed under: a Bind under another
	// analyses it again (a view redefined, a column classified otherwise
	// by reloaded rules).
	gen *generation
}

// portalState is what the proxy knows of a bound portal, or of the result
// of one statement of a simple Query.
type portalState struct {
	stmt *lineage.Statement
	gen  *generation // the generation its statement was analysed under
	plan *rowPlan    // from its RowDescription
}

// pipeline is the session's protocol state: prepared statements, portals,
// the expectation queue and what the current exchange has seen.
type pipeline struct {
	stmts    map[string]*stmtState
	portals  map[string]*portalState
	queue    []expect
	ignoring bool // after a refusal, messages up to Sync are dropped, as the server does after an error
	// open: messages went to the server since its last ReadyForQuery (an
	// implicit transaction may be open; a Flush does not end it). failed:
	// the server reported an error and discards everything up to Sync.
	// touched: a statement of the exchange touched sensitive data, so
	// ParameterStatus reports are not relayed.
	open, failed, touched bool
	// withheld: a result was cut off by the proxy (cancelled upstream); the
	// server's remaining answers up to ReadyForQuery are dropped.
	withheld bool
	// Since the last ReadyForQuery: an error, a statement that may have
	// moved search_path (searchpath.go).
	sawError, txCtl bool
	// plans remembers the last plan of each statement, reused while the
	// RowDescription and the generation are the same: a prepared statement
	// executed again needs no new plan.
	plans map[*lineage.Statement]*planMemo
}

func newPipeline() pipeline {
	return pipeline{stmts: map[string]*stmtState{}, portals: map[string]*portalState{}}
}

// busy reports messages sent to the server and not yet answered up to a
// ReadyForQuery.
func (p *pipeline) busy() bool { return len(p.queue) > 0 || p.open }

func (p *pipeline) push(e ...expect) {
	p.queue = append(p.queue, e...)
	p.open = true
}

func (p *pipeline) pop() { p.queue = p.queue[1:] }

// skipToSync drops what the server will not answer after an error: none
// of it took effect, so the names the dropped messages bound or closed get
// back their earlier meaning (undone last first).
func (p *pipeline) skipToSync() {
	end := 0
	for end < len(p.queue) && p.queue[end].kind != expSync {
		end++
	}
	for i := end - 1; i >= 0; i-- {
		p.undo(&p.queue[i])
	}
	p.queue = p.queue[end:]
}

// forgetToSync drops the rest of a result the proxy cut off: which of the
// dropped messages the server ran before the cancellation is unknown, so
// the names they touched are forgotten and using them is refused.
func (p *pipeline) forgetToSync() {
	for len(p.queue) > 0 && p.queue[0].kind != expSync {
		e := &p.queue[0]
		switch {
		case e.kind == expParse || (e.kind == expClose && e.objType == 'S'):
			delete(p.stmts, e.name)
		case e.kind == expBind || (e.kind == expClose && e.objType == 'P'):
			delete(p.portals, e.name)
		}
		p.pop()
	}
}

// undo reverts what forwarding e changed in the proxy's view.
func (p *pipeline) undo(e *expect) {
	switch {
	case e.kind == expParse || (e.kind == expClose && e.objType == 'S'):
		if e.hadPrev {
			p.stmts[e.name] = e.prevStmt
		} else {
			delete(p.stmts, e.name)
		}
	case e.kind == expBind || (e.kind == expClose && e.objType == 'P'):
		if e.hadPrev {
			p.portals[e.name] = e.prevPortal
		} else {
			delete(p.portals, e.name)
		}
	}
}

// planMemo is one remembered plan and what it was made from.
type planMemo struct {
	gen    *generation
	fields []pgproto3.FieldDescription // names copied: the message's buffer is reused
	plan   *rowPlan
}

const maxPlanMemos = 256

// plan returns the plan of a result's RowDescription under gen.
func (p *pipeline) plan(gen *generation, rd *pgproto3.RowDescription, st *lineage.Statement) *rowPlan {
	if m := p.plans[st]; st != nil && m != nil && m.gen == gen && sameFields(m.fields, rd.Fields) {
		return m.plan
	}
	plan := binaryChecked(gen.planner().planRows(rd, st), rd)
	if st == nil || plan.unknownOID {
		return plan
	}
	if p.plans == nil || len(p.plans) >= maxPlanMemos {
		p.plans = make(map[*lineage.Statement]*planMemo)
	}
	fields := make([]pgproto3.FieldDescription, len(rd.Fields))
	for i, f := range rd.Fields {
		fields[i] = f
		fields[i].Name = append([]byte(nil), f.Name...)
	}
	p.plans[st] = &planMemo{gen: gen, fields: fields, plan: plan}
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
