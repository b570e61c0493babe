package proxy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/rs/zerolog"

	"github.com/pgveil/pgveil/lineage"
)

// session is one client connection and its upstream connection, served
// by one goroutine: it reads the client's messages (loop), forwards them
// with what they will be answered with pushed on the expectation queue,
// and relays the answers (relay.go).
type session struct {
	srv      *Server
	client   net.Conn
	in       *clientConn // the client's reading side (watch)
	be       *pgproto3.Backend
	out      clientOut // the client's writing side, over be
	up       *pgconn.HijackedConn
	fe       *pgproto3.Frontend
	user     string
	txStatus byte
	log      zerolog.Logger

	pipe       pipeline // statements, portals and the expectation queue
	searchPath []string // session search_path as the analysis sees it; nil = default
	localPath  []string // SET LOCAL search_path, until the transaction ends
	// See searchpath.go.
	pathStale, pathTouched bool
	pathGen                uint64

	row       pgproto3.DataRow // reused for rewritten rows
	mk        masker           // the session's own masking buffers
	streak    int              // rows of the current result so far (memo.go)
	canceled  chan struct{}    // a cancel request went out in this exchange; closed once delivered
	txAborted bool             // a refusal aborted the client's transaction block (txabort.go)
}

// errClosed ends a session without a reply: the protocol state is unknown,
// so the only safe move is to drop both legs.
var errClosed = errors.New("session closed")

// refuse answers a simple Query the proxy refused before it ran: its error
// and the ReadyForQuery that ends the exchange.
func (s *session) refuse(r *lineage.Refusal) error {
	s.noteRefusal()
	s.out.send(refusalError(r), 256)
	s.out.send(s.readyStatus(&pgproto3.ReadyForQuery{TxStatus: s.txStatus}), 8)
	return s.out.flush()
}

// receiveFailed tells the client, as PostgreSQL would, why its session ends
// when the proxy ends it (idle timeout, a message over the size limit); a
// connection that failed by itself gets nothing.
func receiveFailed(err error) error {
	var tooBig *pgproto3.ExceededMaxBodyLenErr
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		return &clientError{resp: pgError(sevFatal, "57P05", "pgveil: terminating connection due to idle timeout",
			"proxy.idle_timeout sets it"), cause: err}
	case errors.As(err, &tooBig):
		return &clientError{resp: pgError(sevFatal, "08P01",
			fmt.Sprintf("pgveil: message of %d bytes is over the limit of %d", tooBig.ActualBodyLen, tooBig.MaxExpectedBodyLen),
			"proxy.max_message_size sets the limit"), cause: err}
	}
	return err
}

// loop serves the client until it terminates or the connection fails.
func (s *session) loop(ctx context.Context) error {
	for {
		msg, err := s.receive()
		if err != nil {
			return receiveFailed(err)
		}
		switch m := msg.(type) {
		case *pgproto3.Query:
			if err := s.query(ctx, m); err != nil {
				return err
			}
		case *pgproto3.Terminate:
			s.fe.Send(&pgproto3.Terminate{})
			s.fe.Flush()
			return nil
		case *pgproto3.Parse, *pgproto3.Bind, *pgproto3.Describe, *pgproto3.Execute, *pgproto3.Close, *pgproto3.Flush, *pgproto3.Sync:
			if err := s.extended(ctx, m); err != nil {
				return err
			}
		case *pgproto3.FunctionCall:
			if err := s.refuse(&lineage.Refusal{SQLState: "42501", Message: "pgveil: the FunctionCall protocol message is refused",
				Hint: "call functions from a SELECT instead"}); err != nil {
				return err
			}
		default:
			// CopyData, CopyDone, CopyFail outside COPY, and anything else.
			return fmt.Errorf("unexpected %T from client: %w", msg, errClosed)
		}
	}
}

// receive reads the client's next message under the settings in force:
// a reload may change the idle timeout and the message size limit.
func (s *session) receive() (pgproto3.FrontendMessage, error) {
	set := s.srv.current().settings()
	s.be.SetMaxBodyLen(set.MaxMessageSize)
	if d := set.IdleTimeout; d > 0 {
		s.client.SetReadDeadline(time.Now().Add(d))
		defer s.client.SetReadDeadline(time.Time{})
	}
	return s.be.Receive()
}

// query runs one simple Query: analysis, the statement gate, then the
// exchange, relayed like an extended-protocol batch: one expectation per
// statement and one for the closing ReadyForQuery.
func (s *session) query(ctx context.Context, q *pgproto3.Query) error {
	p := &s.pipe
	if p.busy() {
		if p.failed || p.ignoring || p.withheld {
			// The server discards everything up to Sync (after an error, or
			// the cancellation of a withheld result), the Query too: it
			// would never be answered.
			return &clientError{resp: pgError(sevFatal, "08P01",
				"pgveil: a simple Query arrived while an extended-protocol error awaits Sync", "send Sync after an error"),
				cause: fmt.Errorf("query after an unsynced error: %w", errClosed)}
		}
		// Extended-protocol messages still unanswered: their results go out
		// under their own plans first.
		if len(p.queue) > 0 {
			if err := s.extended(ctx, &pgproto3.Flush{}); err != nil {
				return err
			}
		}
	}
	an, g, err := s.analyze(ctx, q.String)
	if err != nil {
		ref := &lineage.Refusal{SQLState: "XX000", Message: "pgveil: the statement could not be analysed"}
		s.auditRefused("simple", nil, ref)
		return s.refuse(ref)
	}
	stmts := make([]*lineage.Statement, len(an.Statements))
	touched := false
	for i := range an.Statements {
		st := &an.Statements[i]
		stmts[i] = st
		touched = touched || st.TouchesSensitive
		ref := statementRefusal(st)
		if ref == nil && i == 0 {
			ref = s.abortedRefusal(st)
		}
		if ref != nil {
			s.auditRefused("simple", stmts[:i+1], ref)
			return s.refuse(ref)
		}
	}
	if len(stmts) > 0 && s.abortedCommit(stmts[0]) {
		if len(stmts) > 1 {
			ref := &lineage.Refusal{SQLState: "25P02", Message: "current transaction is aborted, commands ignored until end of transaction block",
				Hint: "send ROLLBACK on its own"}
			s.auditRefused("simple", stmts, ref)
			return s.refuse(ref)
		}
		q = &pgproto3.Query{String: "ROLLBACK"}
	}
	if len(stmts) == 0 {
		stmts = append(stmts, &lineage.Statement{Class: lineage.ClassSelect}) // answered by EmptyQueryResponse
	}
	audit := newAudit("simple", stmts...)
	for _, st := range stmts {
		p.push(expect{kind: expStatement, stmt: st, ps: &portalState{stmt: st, gen: g}, touched: touched, audit: audit})
	}
	p.push(expect{kind: expSync, query: true, touched: true})
	p.touched = p.touched || touched
	s.fe.Send(q)
	return s.relay()
}

// analyze runs the lineage analysis with the session's search_path and
// returns the generation it decided under, which the statement keeps to its
// last row. When a relation is missing from the snapshot it reads the
// catalog again (rate-limited) and decides on the fresh one.
func (s *session) analyze(ctx context.Context, sql string) (*lineage.Analysis, *generation, error) {
	stale := s.freshPath()
	g := s.srv.current()
	if stale != nil && !errors.Is(stale, errPathUnknown) {
		return nil, g, stale
	}
	opt := lineage.Options{Posture: g.posture, SearchPath: s.currentPath(), User: s.srv.upstream.User}
	an, err := s.srv.verdicts.Analyze(sql, g.snap, g.rules, opt)
	if err == nil && unresolved(an) && s.srv.refreshNow(ctx) {
		g = s.srv.current()
		opt.Posture = g.posture
		an, err = s.srv.verdicts.Analyze(sql, g.snap, g.rules, opt)
	}
	if stale != nil && err == nil && !onlyTransactionEnds(an) {
		return &lineage.Analysis{Statements: []lineage.Statement{{Refusal: &lineage.Refusal{SQLState: "0A000",
			Message: "pgveil: the session's search_path may have changed (a SET was rolled back or reset) and is read again only between exchanges",
			Hint:    "end the failed transaction, or send a Sync, before the next statement"}}}}, g, nil
	}
	return an, g, err
}

// statementRefusal is the one place that decides whether an analysed
// statement may run: the gate's refusal, or (the proxy's own check, lineage
// refuses these too) a result column computed from masked data.
func statementRefusal(st *lineage.Statement) *lineage.Refusal {
	if st.Refusal != nil {
		return st.Refusal
	}
	for _, c := range st.Columns {
		if c.Uncertain || (c.Sensitive && c.Direct == nil) {
			return &lineage.Refusal{SQLState: "42501",
				Message: fmt.Sprintf("pgveil: column %q is computed from masked data and cannot be returned", c.Name),
				Hint:    "select the column itself to get its masked value"}
		}
	}
	return nil
}

func unresolved(an *lineage.Analysis) bool {
	for _, st := range an.Statements {
		if st.Unresolved {
			return true
		}
	}
	return false
}

// noteStatement follows search_path changes that succeeded, so the next
// analysis resolves names as the server does (searchpath.go says when the
// value is read from the server instead).
func (s *session) noteStatement(st *lineage.Statement) {
	if st.Class == lineage.ClassDiscard {
		s.pathStale = true // DISCARD ALL resets the path; the others are harmless to read again
		return
	}
	set := st.Setting
	switch {
	case set == nil:
		return
	case set.All, set.Reset && !set.Local && set.Name == "search_path":
		// Back to a default a role or database setting may define: asked
		// from the server before the next analysis.
		s.pathStale = true
	case set.Name != "search_path":
		return
	case set.Reset:
		// SET LOCAL search_path TO DEFAULT goes back to the session's
		// default, which a role or database setting may define.
		s.pathStale = true
	case set.Local:
		s.localPath = append([]string(nil), set.Values...)
	default:
		// A plain SET also replaces a SET LOCAL of the same transaction.
		s.searchPath, s.localPath = append([]string(nil), set.Values...), nil
	}
	s.notePathChange()
}

// relayedParameters are the ParameterStatus values clients rely on; others
// (anything a SET of a custom setting could fill with data) are dropped.
var relayedParameters = map[string]bool{
	"server_version": true, "server_encoding": true, "client_encoding": true, "application_name": true,
	"DateStyle": true, "IntervalStyle": true, "TimeZone": true, "integer_datetimes": true,
	"standard_conforming_strings": true, "is_superuser": true, "session_authorization": true,
	"default_transaction_read_only": true, "in_hot_standby": true, "scram_iterations": true,
}

// scrubError keeps an error's SQLSTATE and drops its text when the statement
// touched a masked column: messages echo values (`email::int`), so do
// DETAIL, HINT, WHERE and CONTEXT.
func scrubError(e *pgproto3.ErrorResponse, touched bool) *pgproto3.ErrorResponse {
	if !touched {
		return e
	}
	sev := e.SeverityUnlocalized
	if sev == "" {
		sev = e.Severity
	}
	return pgError(severity(sev), e.Code,
		"pgveil: error text withheld because the statement used masked columns (SQLSTATE "+e.Code+")",
		"check the statement against the column types; error details can echo personal data")
}

func scrubNotice(n *pgproto3.NoticeResponse, touched bool) *pgproto3.NoticeResponse {
	if !touched {
		return n
	}
	return &pgproto3.NoticeResponse{Severity: n.Severity, SeverityUnlocalized: n.SeverityUnlocalized, Code: n.Code,
		Message: "pgveil: notice text withheld because the statement used masked columns"}
}

// cancelUpstream asks the server to stop the running query (a new
// connection carrying the upstream backend key, as libpq does). It does
// not wait: the relay goes on dropping the result; cancelDelivered waits
// before the exchange ends.
func (s *session) cancelUpstream() {
	if s.canceled != nil {
		return
	}
	done := make(chan struct{})
	s.canceled = done
	go func() {
		defer close(done)
		cancelRequest(s.up.Conn.RemoteAddr(), s.up.PID, s.up.SecretKey)
	}()
}

// cancelDelivered waits until the exchange's cancel request has been
// served: a cancel still in flight when the next statement is forwarded
// would stop that statement instead. The server ignores a cancel that
// reaches it between statements.
func (s *session) cancelDelivered() {
	if s.canceled != nil {
		<-s.canceled
		s.canceled = nil
	}
}

func cancelRequest(addr net.Addr, pid uint32, key []byte) {
	if len(key) != 4 {
		return
	}
	c, err := net.DialTimeout(addr.Network(), addr.String(), 5*time.Second)
	if err != nil {
		return
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	buf, err := (&pgproto3.CancelRequest{ProcessID: pid, SecretKey: key}).Encode(nil)
	if err == nil {
		c.Write(buf)
	}
	io.Copy(io.Discard, c) // the server closes the connection when done
}
