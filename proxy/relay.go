package proxy

import (
	"fmt"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/anonymize"
)

// The relay: the one place where the server's answers, to either protocol,
// become what the client receives. It owns plan lookup, masking,
// withholding, the scrubbing of errors and notices, the audit events and
// the metrics. Its rule: a DataRow goes out only masked under the plan of
// the portal (or simple-Query statement) that produced it (answerRow).

// relay writes what was forwarded to the server and relays the server's
// answers until every queued expectation is met.
func (s *session) relay() error {
	if err := s.fe.Flush(); err != nil {
		return upstreamLost(err)
	}
	s.in.startWatch()
	defer s.in.stopWatch()
	p := &s.pipe
	for len(p.queue) > 0 {
		switch head := &p.queue[0]; head.kind {
		case expLocalError:
			s.out.send(refusalError(head.refusal), 256)
			p.pop()
			p.skipToSync()
			continue
		case expFlush:
			p.pop()
			continue
		}
		msg, err := s.fe.Receive()
		if err != nil {
			return upstreamLost(err)
		}
		if err := s.answer(msg); err != nil {
			return err
		}
		if s.out.err != nil {
			return s.out.err
		}
	}
	return s.out.flush()
}

// upstreamLost ends the session when the server's connection fails.
func upstreamLost(err error) error {
	return &clientError{resp: pgError(sevFatal, "57P01", "pgveil: the connection to the database server was lost", ""),
		cause: fmt.Errorf("upstream: %w", err)}
}

// answer handles one message from the server.
func (s *session) answer(msg pgproto3.BackendMessage) error {
	p := &s.pipe
	if _, row := msg.(*pgproto3.DataRow); !row {
		s.streak = 0 // the next result starts a new count (memo.go)
	}
	if m, ok := msg.(*pgproto3.ParameterStatus); ok {
		// Checked whatever happens to the rest of the answers.
		if err := s.checkParameter(m); err != nil {
			return err
		}
		if relayedParameters[m.Name] && !p.touched && !p.withheld { // a function could report data through a setting
			s.out.send(m, 64)
		}
		return nil
	}
	if p.withheld {
		// Rows, completions and the cancellation error of the cut-off
		// result are dropped, up to its ReadyForQuery.
		if m, ok := msg.(*pgproto3.ReadyForQuery); ok {
			return s.answerReady(m)
		}
		return nil
	}
	head := &p.queue[0]
	switch m := msg.(type) {
	case *pgproto3.ParseComplete, *pgproto3.BindComplete, *pgproto3.CloseComplete:
		return s.answerDone(head, m)
	case *pgproto3.ParameterDescription:
		if head.kind != expDescribeStmt {
			return fmt.Errorf("ParameterDescription out of order: %w", errClosed)
		}
		s.out.send(m, 8+4*len(m.ParameterOIDs))
	case *pgproto3.RowDescription:
		return s.answerDescription(head, m)
	case *pgproto3.NoData:
		return s.answerNoData(head, m)
	case *pgproto3.DataRow:
		return s.answerRow(head, m)
	case *pgproto3.CommandComplete, *pgproto3.EmptyQueryResponse, *pgproto3.PortalSuspended:
		return s.answerComplete(head, m)
	case *pgproto3.ErrorResponse:
		p.sawError, p.failed = true, true
		if head.result() {
			s.finish(head, decisionError, m.Code)
		}
		s.out.send(scrubError(m, head.touched), 256)
		p.skipToSync()
	case *pgproto3.NoticeResponse:
		s.out.send(scrubNotice(m, head.touched), 256)
	case *pgproto3.NotificationResponse:
		// LISTEN is refused; a notification can carry anything: dropped.
	case *pgproto3.ReadyForQuery:
		return s.answerReady(m)
	default:
		return fmt.Errorf("unexpected %T from upstream: %w", msg, errClosed)
	}
	return nil
}

// answerDone relays the completion of a Parse, Bind or Close.
func (s *session) answerDone(head *expect, m pgproto3.BackendMessage) error {
	ok := false
	switch m.(type) {
	case *pgproto3.ParseComplete:
		ok = head.kind == expParse
	case *pgproto3.BindComplete:
		ok = head.kind == expBind
	case *pgproto3.CloseComplete:
		ok = head.kind == expClose
	}
	if !ok {
		return fmt.Errorf("%T out of order: %w", m, errClosed)
	}
	s.pipe.pop()
	s.out.send(m, 8)
	return nil
}

// answerDescription plans a result's columns. A simple-Query statement
// whose plan refuses a column is withheld before its description goes out;
// a described portal's refused plan cuts off its Execute at the first row.
func (s *session) answerDescription(head *expect, m *pgproto3.RowDescription) error {
	switch head.kind {
	case expDescribeStmt:
	case expDescribePortal:
		if head.ps != nil {
			head.ps.plan = s.planResult(head, m)
		}
	case expStatement:
		plan := s.planResult(head, m)
		head.ps.plan = plan
		if plan.refused != nil {
			s.withhold(head, refusedPlanError(plan))
			return nil
		}
		s.out.send(m, 64*len(m.Fields))
		return nil // its rows follow
	default:
		return fmt.Errorf("RowDescription out of order: %w", errClosed)
	}
	internal := head.internal
	s.pipe.pop()
	if !internal {
		s.out.send(m, 64*len(m.Fields))
	}
	return nil
}

// answerNoData: a statement or portal that returns no rows.
func (s *session) answerNoData(head *expect, m *pgproto3.NoData) error {
	switch head.kind {
	case expDescribeStmt:
	case expDescribePortal:
		if head.ps != nil {
			head.ps.plan = &rowPlan{}
		}
	default:
		return fmt.Errorf("NoData out of order: %w", errClosed)
	}
	internal := head.internal
	s.pipe.pop()
	if !internal {
		s.out.send(m, 8)
	}
	return nil
}

// planResult returns the plan of head's result under the generation its
// statement was analysed under.
func (s *session) planResult(head *expect, rd *pgproto3.RowDescription) *rowPlan {
	plan := s.pipe.plan(head.ps.gen, rd, head.stmt)
	if plan.unknownOID {
		s.srv.refreshSoon()
	}
	return plan
}

// answerRow masks and relays one row. No DataRow leaves without the plan of
// the result that produced it: this is the only place rows are sent.
//
// Masking stays on the session's goroutine. Spreading the rows of long
// results over the cores was tried (batches masked by one masker per
// worker, sent in order): on the 2-core benchmark machine it gained
// nothing, because the proxy, the server and the client already keep both
// cores busy (bench/RESULTS.md).
func (s *session) answerRow(head *expect, m *pgproto3.DataRow) error {
	if !head.result() || head.ps == nil || head.ps.plan == nil {
		return fmt.Errorf("DataRow without a plan: %w", errClosed)
	}
	plan := head.ps.plan
	if plan.refused != nil {
		s.withhold(head, refusedPlanError(plan))
		return nil
	}
	s.streak++
	out, size, err := s.mk.formats(plan, m.Values, s.streak >= memoAfter, s.srv.codec)
	if err != nil {
		// A value that cannot be masked is never sent as it is.
		s.withhold(head, pgError(sevError, "22000", "pgveil: a value could not be masked; the result was withheld", ""))
		return nil
	}
	s.row.Values = out
	head.audit.rows++
	s.out.send(&s.row, size)
	return nil
}

// answerComplete ends a result.
func (s *session) answerComplete(head *expect, m pgproto3.BackendMessage) error {
	if !head.result() {
		return fmt.Errorf("%T out of order: %w", m, errClosed)
	}
	if head.stmt != nil {
		s.endedFailure(head.stmt)
		s.noteStatement(head.stmt)
		s.pipe.txCtl = s.pipe.txCtl || changesPath(head.stmt)
	}
	s.finish(head, decisionAllowed, "")
	s.pipe.pop()
	s.out.send(m, 32)
	return nil
}

// answerReady ends an exchange: a Sync's or a simple Query's.
func (s *session) answerReady(m *pgproto3.ReadyForQuery) error {
	p := &s.pipe
	if len(p.queue) == 0 || p.queue[0].kind != expSync {
		return fmt.Errorf("ReadyForQuery out of order: %w", errClosed)
	}
	query := p.queue[0].query
	p.pop()
	s.endExchange(p.sawError, p.txCtl)
	p.sawError, p.txCtl, p.open, p.failed, p.touched, p.withheld = false, false, false, false, false, false
	s.cancelDelivered()
	s.txStatus = m.TxStatus // the server's; the client may be told 'E' (readyStatus)
	if m.TxStatus == 'I' {
		s.endLocalPath()
		clear(p.portals) // portals end with their transaction
	}
	if query {
		// A simple Query drops the unnamed statement and portal.
		delete(p.stmts, "")
		delete(p.portals, "")
	}
	s.out.send(s.readyStatus(m), 8)
	return s.out.flush()
}

// finish ends head's part in its audit event: an Execute's event is
// written when its result ends; a simple Query's when its last statement
// ends, or at the first that fails or is withheld.
func (s *session) finish(head *expect, decision, sqlstate string) {
	a := head.audit
	if a == nil || a.done {
		return
	}
	if head.ps != nil && head.ps.plan != nil {
		a.masked = append(a.masked, head.ps.plan.masked...)
	}
	if decision == decisionAllowed && head.kind == expStatement && !lastStatement(s.pipe.queue) {
		return
	}
	s.emit(a, decision, sqlstate)
}

// lastStatement reports whether the head of q is the last statement of its
// simple Query.
func lastStatement(q []expect) bool {
	return len(q) < 2 || q[1].kind != expStatement
}

// withhold cuts off head's result: a value that cannot go out is never
// sent, the server is asked to stop, and its remaining answers up to the
// next ReadyForQuery are dropped.
func (s *session) withhold(head *expect, e *pgproto3.ErrorResponse) {
	s.cancelUpstream()
	s.out.send(e, 256)
	s.finish(head, decisionWithheld, "")
	s.pipe.forgetToSync()
	s.pipe.withheld = true
}

// refusedPlanError tells the client which column kept its result from
// going out.
func refusedPlanError(plan *rowPlan) *pgproto3.ErrorResponse {
	return pgError(sevError, "42501", "pgveil: "+plan.refused.why, "select the column itself to get its masked value")
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
