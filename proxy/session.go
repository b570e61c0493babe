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

// session is one client connection and its upstream connection.
type session struct {
	srv      *Server
	client   net.Conn
	in       *clientConn // the client's reading side (watch)
	be       *pgproto3.Backend
	up       *pgconn.HijackedConn
	fe       *pgproto3.Frontend
	user     string
	txStatus byte
	log      zerolog.Logger

	es         *extState // extended-protocol statements and portals
	searchPath []string  // session search_path as the analysis sees it; nil = default
	localPath  []string  // SET LOCAL search_path, until the transaction ends
	// See searchpath.go.
	pathStale, pathTouched bool
	pathGen                uint64

	out      pgproto3.DataRow // reused for rewritten rows
	mk       masker           // the session's own masking buffers
	streak   int              // rows of the current result so far (relay.go)
	pending  int              // bytes sent to the client since the last flush
	unsent   bool             // messages buffered since the last flush
	canceled bool
}

// flushEvery bounds what the client leg buffers before a write: results are
// streamed, never held whole.
const flushEvery = 256 << 10

// errClosed ends a session without a reply: the protocol state is unknown,
// so the only safe move is to drop both legs.
var errClosed = errors.New("session closed")

func (s *session) sendClient(m pgproto3.BackendMessage, size int) error {
	s.queueClient(m)
	s.pending += size
	if s.pending >= flushEvery {
		return s.flushClient()
	}
	return nil
}

// queueClient buffers a message for the client's next flush.
func (s *session) queueClient(m pgproto3.BackendMessage) {
	s.be.Send(m)
	s.unsent = true
}

// flushClient writes what is buffered; nothing buffered, no system call.
func (s *session) flushClient() error {
	if !s.unsent {
		return nil
	}
	s.pending, s.unsent = 0, false
	return s.be.Flush()
}

// refuse answers a statement with an error and, outside a pipeline, the
// ReadyForQuery that ends the exchange.
func (s *session) refuse(code, msg, hint string) error {
	s.queueClient(&pgproto3.ErrorResponse{Severity: "ERROR", SeverityUnlocalized: "ERROR", Code: code, Message: msg, Hint: hint})
	s.queueClient(&pgproto3.ReadyForQuery{TxStatus: s.txStatus})
	return s.flushClient()
}

// receiveFailed tells the client, as PostgreSQL would, why its session ends
// when the proxy ends it (idle timeout, a message over the size limit); a
// connection that failed by itself gets nothing.
func (s *session) receiveFailed(err error) error {
	var tooBig *pgproto3.ExceededMaxBodyLenErr
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		s.be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "57P05",
			Message: "pgveil: terminating connection due to idle timeout", Hint: "proxy.idle_timeout sets it"})
	case errors.As(err, &tooBig):
		s.be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "08P01",
			Message: fmt.Sprintf("pgveil: message of %d bytes is over the limit of %d", tooBig.ActualBodyLen, tooBig.MaxExpectedBodyLen),
			Hint:    "proxy.max_message_size sets the limit"})
	default:
		return err
	}
	s.client.SetWriteDeadline(time.Now().Add(5 * time.Second))
	s.be.Flush()
	return err
}

// loop serves the client until it terminates or the connection fails.
func (s *session) loop(ctx context.Context) error {
	for {
		if d := s.srv.idleTimeout; d > 0 {
			s.client.SetReadDeadline(time.Now().Add(d))
		}
		msg, err := s.be.Receive()
		if err != nil {
			return s.receiveFailed(err)
		}
		if s.srv.idleTimeout > 0 {
			s.client.SetReadDeadline(time.Time{})
		}
		switch m := msg.(type) {
		case *pgproto3.Query:
			if es := s.es; es != nil && (len(es.queue) > 0 || es.open) {
				if es.failed || es.ignoring {
					// The server discards everything up to Sync, the Query
					// too: it would never be answered.
					s.queueClient(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "08P01",
						Message: "pgveil: a simple Query arrived while an extended-protocol error awaits Sync", Hint: "send Sync after an error"})
					s.flushClient()
					return fmt.Errorf("query after an unsynced error: %w", errClosed)
				}
				// Extended-protocol messages still unanswered: their results
				// go out under their own plans first.
				if len(es.queue) > 0 {
					if err := s.extended(ctx, &pgproto3.Flush{}); err != nil {
						return err
					}
				}
			}
			if err := s.simpleQuery(ctx, m); err != nil {
				return err
			}
			if es := s.es; es != nil {
				// A simple Query ends the extended protocol's implicit
				// transaction and drops the unnamed statement and portal.
				es.open, es.failed, es.touched = false, false, false
				delete(es.stmts, "")
				delete(es.portals, "")
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
			if err := s.refuse("42501", "pgveil: the FunctionCall protocol message is refused", "call functions from a SELECT instead"); err != nil {
				return err
			}
		default:
			// CopyData, CopyDone, CopyFail outside COPY, and anything else.
			return fmt.Errorf("unexpected %T from client: %w", msg, errClosed)
		}
	}
}

// simpleQuery runs one Query message: analysis, the statement gate, then
// the upstream exchange with every result set bound to a masking plan.
func (s *session) simpleQuery(ctx context.Context, q *pgproto3.Query) error {
	start := time.Now()
	s.canceled = false
	an, err := s.analyze(ctx, q.String)
	snap := s.srv.snapshot() // after analyze: it may have refreshed
	audit := s.log.Info().Str("user", s.user).Str("protocol", "simple")
	if err != nil {
		audit.Str("decision", "refused").Str("reason", "analysis failed").Msg("statement")
		return s.refuse("XX000", "pgveil: the statement could not be analysed", "")
	}
	touched := false
	for i, st := range an.Statements {
		touched = touched || st.TouchesSensitive
		if len(an.Statements) == 1 {
			audit = audit.Str("fingerprint", st.Fingerprint).Str("statement", st.Normalized)
		} else { // several statements in one query string: numbered
			audit = audit.Str(fmt.Sprintf("fingerprint_%d", i), st.Fingerprint).Str(fmt.Sprintf("statement_%d", i), st.Normalized)
		}
		if st.Refusal != nil {
			audit.Str("decision", "refused").Str("sqlstate", st.Refusal.SQLState).Msg("statement")
			s.srv.metrics.statements.WithLabelValues("refused").Inc()
			return s.refuse(st.Refusal.SQLState, st.Refusal.Message, st.Refusal.Hint)
		}
		if r := derivedRefusal(&st); r != nil {
			audit.Str("decision", "refused").Str("sqlstate", r.SQLState).Msg("statement")
			s.srv.metrics.statements.WithLabelValues("refused").Inc()
			return s.refuse(r.SQLState, r.Message, r.Hint)
		}
	}
	s.fe.Send(q)
	if err := s.fe.Flush(); err != nil {
		return fmt.Errorf("upstream: %w", err)
	}
	s.in.startWatch()
	defer s.in.stopWatch()
	pl := planner{snap: snap, rules: s.srv.rules()}
	var plan *rowPlan
	discarding := false
	stmt := 0
	var rows int64
	var masked []string
	sawError := false
	maskFailed := func() {
		// A value that cannot be masked is never sent as it is.
		s.cancelUpstream()
		discarding = true
		s.queueClient(&pgproto3.ErrorResponse{Severity: "ERROR", SeverityUnlocalized: "ERROR", Code: "22000",
			Message: "pgveil: a value could not be masked; the result was withheld"})
	}
	for {
		msg, err := s.fe.Receive()
		if err != nil {
			s.refuseUpstreamLost()
			return fmt.Errorf("upstream: %w", err)
		}
		if _, row := msg.(*pgproto3.DataRow); !row {
			s.endResult()
		}
		switch m := msg.(type) {
		case *pgproto3.RowDescription:
			if discarding {
				continue
			}
			var st *lineage.Statement
			if stmt < len(an.Statements) {
				st = &an.Statements[stmt]
			}
			plan = s.ext().portalPlan(pl, m, st)
			if plan.unknownOID {
				s.srv.refreshSoon()
			}
			if plan.refused != nil {
				// Should have been refused before running; fail closed.
				s.cancelUpstream()
				discarding = true
				s.queueClient(&pgproto3.ErrorResponse{Severity: "ERROR", SeverityUnlocalized: "ERROR", Code: "42501",
					Message: "pgveil: " + plan.refused.why, Hint: "select the column itself to get its masked value"})
				continue
			}
			masked = append(masked, plan.masked...)
			if err := s.sendClient(m, 64*len(m.Fields)); err != nil {
				return err
			}
		case *pgproto3.DataRow:
			if discarding {
				continue
			}
			if plan == nil {
				return fmt.Errorf("DataRow without RowDescription: %w", errClosed)
			}
			n, err := s.relayRow(plan, m.Values)
			rows += int64(n)
			if errors.Is(err, errMask) {
				maskFailed()
			} else if err != nil {
				return err
			}
		case *pgproto3.CommandComplete:
			if stmt < len(an.Statements) {
				s.noteStatement(&an.Statements[stmt])
			}
			stmt++
			plan = nil
			if !discarding {
				if err := s.sendClient(m, 32); err != nil {
					return err
				}
			}
		case *pgproto3.EmptyQueryResponse:
			stmt++
			if !discarding {
				s.sendClient(m, 8)
			}
		case *pgproto3.ErrorResponse:
			sawError = true
			if !discarding {
				s.sendClient(scrubError(m, touched), 256)
			}
		case *pgproto3.NoticeResponse:
			if !discarding {
				s.sendClient(scrubNotice(m, touched), 256)
			}
		case *pgproto3.ParameterStatus:
			if err := s.checkParameter(m); err != nil {
				return err
			}
			if relayedParameters[m.Name] && !touched { // a function could report data through a setting
				s.sendClient(m, 64)
			}
		case *pgproto3.NotificationResponse:
			// LISTEN is refused; a notification can carry anything: dropped.
		case *pgproto3.ReadyForQuery:
			s.txStatus = m.TxStatus
			if m.TxStatus == 'I' {
				s.endLocalPath() // SET LOCAL ends with the transaction
			}
			s.endExchange(sawError, txControl(an))
			s.queueClient(m)
			decision := "allowed"
			if discarding {
				decision = "withheld"
			}
			audit.Str("decision", decision).Strs("masked", masked).Int64("rows", rows).Dur("duration", time.Since(start)).Msg("statement")
			s.srv.metrics.statements.WithLabelValues(decision).Inc()
			s.srv.metrics.rows.Add(float64(rows))
			return s.flushClient()
		default:
			// COPY responses (COPY is refused before it runs) and anything
			// unknown: the stream cannot be trusted any more.
			return fmt.Errorf("unexpected %T from upstream: %w", msg, errClosed)
		}
	}
}

// analyze runs the lineage analysis with the session's search_path; when a
// relation is missing from the snapshot it reads the catalog again
// (rate-limited) and decides on the fresh one.
func (s *session) analyze(ctx context.Context, sql string) (*lineage.Analysis, error) {
	stale := s.freshPath()
	if stale != nil && !errors.Is(stale, errPathUnknown) {
		return nil, stale
	}
	opt := lineage.Options{Posture: s.srv.posture(), SearchPath: s.currentPath(), User: s.srv.upstream.User}
	an, err := s.srv.verdicts.Analyze(sql, s.srv.snapshot(), s.srv.rules(), opt)
	if err == nil && unresolved(an) && s.srv.refreshNow(ctx) {
		an, err = s.srv.verdicts.Analyze(sql, s.srv.snapshot(), s.srv.rules(), opt)
	}
	if stale != nil && err == nil && !onlyTransactionEnds(an) {
		return &lineage.Analysis{Statements: []lineage.Statement{{Refusal: &lineage.Refusal{SQLState: "0A000",
			Message: "pgveil: the session's search_path may have changed (a SET was rolled back or reset) and is read again only between exchanges",
			Hint:    "end the failed transaction, or send a Sync, before the next statement"}}}}, nil
	}
	return an, err
}

// derivedRefusal refuses a statement that would return a value computed
// from masked data (lineage refuses these too; this is the proxy's check).
func derivedRefusal(st *lineage.Statement) *lineage.Refusal {
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
	return &pgproto3.ErrorResponse{
		Severity: e.Severity, SeverityUnlocalized: e.SeverityUnlocalized, Code: e.Code,
		Message: "pgveil: error text withheld because the statement used masked columns (SQLSTATE " + e.Code + ")",
		Hint:    "check the statement against the column types; error details can echo personal data",
	}
}

func scrubNotice(n *pgproto3.NoticeResponse, touched bool) *pgproto3.NoticeResponse {
	if !touched {
		return n
	}
	return &pgproto3.NoticeResponse{Severity: n.Severity, SeverityUnlocalized: n.SeverityUnlocalized, Code: n.Code,
		Message: "pgveil: notice text withheld because the statement used masked columns"}
}

// refuseUpstreamLost tells the client its server went away.
func (s *session) refuseUpstreamLost() {
	s.be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "57P01",
		Message: "pgveil: the connection to the database server was lost"})
	s.be.Flush()
}

// cancelUpstream asks the server to stop the running query (a new
// connection carrying the upstream backend key, as libpq does).
func (s *session) cancelUpstream() {
	if s.canceled {
		return
	}
	s.canceled = true
	go cancelRequest(s.up.Conn.RemoteAddr(), s.up.PID, s.up.SecretKey)
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
