package proxy

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/lineage"
)

// The extended query protocol, client side. The client's messages are
// taken up to its Sync (or Flush), checked, and forwarded together, so a
// pipelining client is never held in lockstep; each pushes what the server
// will answer onto the session's expectation queue (queue.go), and the
// relay (relay.go) serves the answers at the Sync or Flush.
//
// Every Bind is followed by a Describe of its portal that the proxy sends
// itself and whose RowDescription it keeps: the rows of an Execute are
// always masked under a plan bound to the portal's real result columns,
// even for drivers that cache descriptions and never Describe.

// extended handles one extended-protocol message.
func (s *session) extended(ctx context.Context, msg pgproto3.FrontendMessage) error {
	p := &s.pipe
	if p.ignoring {
		// After an error the server ignores everything up to Sync; so does
		// the proxy after a refusal of its own (a Flush still gets the
		// answers so far, the refusal among them).
		switch msg.(type) {
		case *pgproto3.Sync:
			p.ignoring = false
		case *pgproto3.Flush:
		default:
			return nil
		}
	}
	switch m := msg.(type) {
	case *pgproto3.Parse:
		s.parse(ctx, m)
	case *pgproto3.Bind:
		s.bind(ctx, m)
	case *pgproto3.Describe:
		s.describe(m)
	case *pgproto3.Execute:
		s.execute(m)
	case *pgproto3.Close:
		s.closeObject(m)
	case *pgproto3.Flush:
		s.fe.Send(m)
		p.push(expect{kind: expFlush})
		return s.relay()
	case *pgproto3.Sync:
		s.fe.Send(m)
		p.push(expect{kind: expSync, touched: true})
		return s.relay()
	default:
		return fmt.Errorf("unexpected %T: %w", msg, errClosed)
	}
	return nil
}

// refuseInBatch answers a message with an error in its place in the
// stream; the proxy then ignores the client's messages up to Sync, as the
// server does after an error.
func (s *session) refuseInBatch(r *lineage.Refusal) {
	s.noteRefusal()
	s.pipe.queue = append(s.pipe.queue, expect{kind: expLocalError, refusal: r})
	s.pipe.ignoring = true
}

func (s *session) parse(ctx context.Context, m *pgproto3.Parse) {
	st, g, ref := s.analyzeOne(ctx, m.Query)
	if ref == nil {
		ref = s.abortedRefusal(st)
	}
	if ref != nil {
		// A refused statement never runs: its event is written here; an
		// allowed one gets one per Execute.
		s.auditRefused("extended", []*lineage.Statement{st}, ref)
		s.refuseInBatch(ref)
		return
	}
	p := &s.pipe
	prev, had := p.stmts[m.Name]
	p.stmts[m.Name] = &stmtState{st: st, pathGen: s.pathGen, sql: m.Query, gen: g}
	if s.abortedCommit(st) {
		m = &pgproto3.Parse{Name: m.Name, Query: "ROLLBACK"}
	}
	s.fe.Send(m)
	p.push(expect{kind: expParse, stmt: st, touched: st.TouchesSensitive, name: m.Name, hadPrev: had, prevStmt: prev})
}

func (s *session) bind(ctx context.Context, m *pgproto3.Bind) {
	p := &s.pipe
	ss, ok := p.stmts[m.PreparedStatement]
	if !ok {
		s.refuseInBatch(&lineage.Refusal{SQLState: "26000", Message: fmt.Sprintf("pgveil: prepared statement %q does not exist", m.PreparedStatement)})
		return
	}
	if ss.pathGen != s.pathGen || s.pathStale {
		// PostgreSQL would analyse it again under the new path: names
		// could mean other tables than the proxy's analysis saw.
		s.refuseInBatch(&lineage.Refusal{SQLState: "0A000",
			Message: fmt.Sprintf("pgveil: search_path changed since prepared statement %q was prepared", m.PreparedStatement),
			Hint:    "prepare it again (after a Sync when the path was reset or rolled back)"})
		return
	}
	if ss.gen != s.srv.current() {
		st, g, ref := s.analyzeOne(ctx, ss.sql)
		if ref != nil {
			s.refuseInBatch(ref)
			return
		}
		ss.st, ss.gen = st, g
	}
	if ref := s.abortedRefusal(ss.st); ref != nil {
		s.refuseInBatch(ref)
		return
	}
	prev, had := p.portals[m.DestinationPortal]
	ps := &portalState{stmt: ss.st, gen: ss.gen}
	p.portals[m.DestinationPortal] = ps
	s.fe.Send(m)
	s.fe.Send(&pgproto3.Describe{ObjectType: 'P', Name: m.DestinationPortal})
	touched := ss.st.TouchesSensitive
	p.push(expect{kind: expBind, stmt: ss.st, touched: touched, name: m.DestinationPortal, hadPrev: had, prevPortal: prev},
		expect{kind: expDescribePortal, portal: m.DestinationPortal, ps: ps, internal: true, stmt: ss.st, touched: touched})
}

func (s *session) describe(m *pgproto3.Describe) {
	p := &s.pipe
	if n := len(p.queue); m.ObjectType == 'P' && n > 0 {
		// libpq describes the portal it has just bound: the proxy's own
		// Describe of it is answered to the client instead of sending a
		// second one.
		if last := &p.queue[n-1]; last.kind == expDescribePortal && last.internal && last.portal == m.Name {
			last.internal = false
			return
		}
	}
	e := expect{kind: expDescribePortal, portal: m.Name}
	if m.ObjectType == 'S' {
		e.kind = expDescribeStmt
		if ss := p.stmts[m.Name]; ss != nil {
			e.stmt = ss.st
		}
	} else if e.ps = p.portals[m.Name]; e.ps != nil {
		e.stmt = e.ps.stmt
	}
	e.touched = e.stmt == nil || e.stmt.TouchesSensitive
	s.fe.Send(m)
	p.push(e)
}

func (s *session) execute(m *pgproto3.Execute) {
	p := &s.pipe
	ps := p.portals[m.Portal]
	if ps == nil {
		s.refuseInBatch(&lineage.Refusal{SQLState: "34000", Message: fmt.Sprintf("pgveil: portal %q does not exist", m.Portal)})
		return
	}
	st := ps.stmt
	if ref := s.abortedRefusal(st); ref != nil {
		s.refuseInBatch(ref) // a portal bound before the failure runs no more
		return
	}
	touched := st == nil || st.TouchesSensitive
	p.touched = p.touched || touched
	if st != nil && (st.Class == lineage.ClassSet || st.Class == lineage.ClassDiscard || (s.pathTouched && changesPath(st))) {
		// The path may change under the statements after this one in the
		// batch: they are analysed only after the server answered.
		s.pathStale = true
	}
	s.fe.Send(m)
	p.push(expect{kind: expExecute, portal: m.Portal, ps: ps, stmt: st, touched: touched, audit: newAudit("extended", st)})
}

func (s *session) closeObject(m *pgproto3.Close) {
	p := &s.pipe
	e := expect{kind: expClose, name: m.Name, objType: m.ObjectType, touched: true}
	if m.ObjectType == 'S' {
		e.prevStmt, e.hadPrev = p.stmts[m.Name]
		delete(p.stmts, m.Name)
	} else {
		e.prevPortal, e.hadPrev = p.portals[m.Name]
		delete(p.portals, m.Name)
	}
	s.fe.Send(m)
	p.push(e)
}

// analyzeOne runs the analysis of one extended-protocol statement and
// returns the generation it was decided under.
func (s *session) analyzeOne(ctx context.Context, sql string) (*lineage.Statement, *generation, *lineage.Refusal) {
	an, g, err := s.analyze(ctx, sql)
	if err != nil {
		return nil, g, &lineage.Refusal{SQLState: "XX000", Message: "pgveil: the statement could not be analysed"}
	}
	switch len(an.Statements) {
	case 0:
		return &lineage.Statement{Class: lineage.ClassSelect}, g, nil // empty query
	case 1:
	default:
		return nil, g, &lineage.Refusal{SQLState: "42601", Message: "cannot insert multiple commands into a prepared statement"}
	}
	st := &an.Statements[0]
	if ref := statementRefusal(st); ref != nil {
		return st, g, ref // st for the audit log only
	}
	return st, g, nil
}
