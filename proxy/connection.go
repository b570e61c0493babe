package proxy

import (
	"context"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/rs/zerolog"
)

// A client connection goes through phases, each a function that returns an
// error: TLS negotiation and the startup message (negotiate), the startup
// checks (checkStartup), authentication, the upstream connection
// (openUpstream), the greeting (greet) and the session itself. handle is
// the one place that turns an error into what the client sees.

// clientError is an error the client is told about before its connection
// closes. The response is what the client reads; cause is for the log only.
type clientError struct {
	resp  *pgproto3.ErrorResponse
	cause error
}

func (e *clientError) Error() string {
	if e.cause != nil {
		return e.cause.Error()
	}
	return e.resp.Message
}

func (e *clientError) Unwrap() error { return e.cause }

// fatal is a clientError whose message is its own cause.
func fatal(code, msg, hint string) *clientError {
	return &clientError{resp: pgError(sevFatal, code, "pgveil: "+msg, hint), cause: errors.New(msg)}
}

// errQuiet ends a connection with nothing sent and nothing logged: a
// cancel request served, a client that went away during startup, a
// failed login (logged and answered by authentication itself).
var errQuiet = errors.New("connection ended")

// clientLeg is the client's side of a connection: the connection (TLS once
// negotiated) and the protocol backend over it.
type clientLeg struct {
	conn      net.Conn
	be        *pgproto3.Backend
	encrypted bool
}

// startupParameters are the startup parameters a client may set, passed on
// to the upstream session; user and database are checked, never passed.
var startupParameters = []string{"application_name", "client_encoding", "DateStyle", "TimeZone", "extra_float_digits", "IntervalStyle"}

// handle runs one client connection from startup to close.
func (s *Server) handle(ctx context.Context, c net.Conn) {
	cl := &clientLeg{conn: c, be: pgproto3.NewBackend(c, c)}
	defer func() { cl.conn.Close(); c.Close() }()
	log := s.cfg.Log.With().Str("client", c.RemoteAddr().String()).Logger()
	err := s.serveConnection(ctx, cl, log)
	var ce *clientError
	switch {
	case err == nil, errors.Is(err, errQuiet):
	case errors.As(err, &ce):
		cl.conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
		cl.be.Send(ce.resp)
		cl.be.Flush() // best effort: the client may be gone
		log.Info().Str("sqlstate", ce.resp.Code).Err(ce).Msg("connection ended")
	case !errors.Is(err, net.ErrClosed) && !errors.Is(err, io.EOF):
		log.Info().Err(err).Msg("session ended")
	}
}

// serveConnection runs the phases of one connection.
func (s *Server) serveConnection(ctx context.Context, cl *clientLeg, log zerolog.Logger) error {
	cl.conn.SetDeadline(time.Now().Add(30 * time.Second)) // startup and authentication
	g := s.current()
	cl.be.SetMaxBodyLen(g.settings().MaxMessageSize)
	startup, err := s.negotiate(cl, g)
	if err != nil {
		return err
	}
	if err := s.checkStartup(startup, cl.encrypted, g); err != nil {
		return err
	}
	declineProtocolOptions(cl.be, startup)
	user := startup.Parameters["user"]
	if _, err := authenticate(cl.be, g.settings().Users, user, g.secret); err != nil {
		s.metrics.authFailed.Inc()
		log.Info().Str("user", user).Msg("authentication failed")
		return &clientError{resp: errorResponse(err, user), cause: err}
	}
	s.metrics.sessions.Inc()
	sess := &session{srv: s, client: cl.conn, user: user, txStatus: 'I', log: log, pipe: newPipeline()}
	if err := s.openUpstream(ctx, sess, startup, log); err != nil {
		return err
	}
	defer sess.up.Conn.Close()
	key := s.register(sess)
	defer s.unregister(key)
	if err := greet(cl.be, sess, key); err != nil {
		return err
	}
	cl.conn.SetDeadline(time.Time{})
	log.Info().Str("user", user).Msg("session started")
	// From here the session reads the client through clientConn, which
	// notices a client that vanishes while the server is still computing
	// (no row to write yet) so that its query is cancelled.
	sess.in = newClientConn(cl.conn)
	sess.be = pgproto3.NewBackend(sess.in, cl.conn)
	sess.out = clientOut{be: sess.be}
	cl.be = sess.be
	return sess.run(ctx)
}

// negotiate answers SSL and GSS encryption requests and serves a cancel
// request, up to the client's startup message.
func (s *Server) negotiate(cl *clientLeg, g *generation) (*pgproto3.StartupMessage, error) {
	for {
		msg, err := cl.be.ReceiveStartupMessage()
		if err != nil {
			return nil, errQuiet
		}
		switch m := msg.(type) {
		case *pgproto3.SSLRequest:
			if err := s.startTLS(cl, g); err != nil {
				return nil, err
			}
		case *pgproto3.GSSEncRequest:
			if _, err := cl.conn.Write([]byte{'N'}); err != nil {
				return nil, errQuiet
			}
		case *pgproto3.CancelRequest:
			s.cancel(m)
			return nil, errQuiet
		case *pgproto3.StartupMessage:
			return m, nil
		default:
			return nil, errQuiet
		}
	}
}

// startTLS answers an SSLRequest: 'N' when TLS is off (or on already),
// else 'S' and the handshake.
func (s *Server) startTLS(cl *clientLeg, g *generation) error {
	if g.tls == nil || cl.encrypted {
		if _, err := cl.conn.Write([]byte{'N'}); err != nil {
			return errQuiet
		}
		return nil
	}
	if _, err := cl.conn.Write([]byte{'S'}); err != nil {
		return errQuiet
	}
	tc := tls.Server(cl.conn, g.tls)
	if err := tc.Handshake(); err != nil {
		s.cfg.Log.Info().Err(err).Str("client", cl.conn.RemoteAddr().String()).Msg("TLS handshake failed")
		return errQuiet
	}
	cl.conn, cl.encrypted = tc, true
	cl.be = pgproto3.NewBackend(tc, tc)
	cl.be.SetMaxBodyLen(g.settings().MaxMessageSize)
	return nil
}

// checkStartup refuses protocol versions and startup options that would
// change what the proxy guarantees.
func (s *Server) checkStartup(m *pgproto3.StartupMessage, encrypted bool, g *generation) error {
	if g.tls != nil && !encrypted {
		return fatal("28000", "this proxy accepts TLS connections only", "connect with sslmode=require (or verify-full)")
	}
	if m.ProtocolVersion>>16 != 3 {
		return fatal("08004", fmt.Sprintf("unsupported protocol version %d.%d", m.ProtocolVersion>>16, m.ProtocolVersion&0xffff), "")
	}
	for k := range m.Parameters {
		if strings.HasPrefix(k, "_pq_.") || k == "user" || k == "database" {
			continue // protocol options are declined by NegotiateProtocolVersion
		}
		if !contains(startupParameters, k) {
			return fatal("08004", fmt.Sprintf("startup parameter %q is not accepted through pgveil", k), "")
		}
	}
	if m.Parameters["user"] == "" {
		return fatal("08004", "no user name given", "")
	}
	if db := m.Parameters["database"]; db != "" && db != s.upstream.Database {
		return fatal("08004", fmt.Sprintf("database %q is not served here (this proxy serves %q)", db, s.upstream.Database), "")
	}
	return nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// declineProtocolOptions tells a client asking for a newer minor version or
// protocol options what is served (3.0, no options), as PostgreSQL does.
func declineProtocolOptions(be *pgproto3.Backend, startup *pgproto3.StartupMessage) {
	var unrecognized []string
	for k := range startup.Parameters {
		if strings.HasPrefix(k, "_pq_.") {
			unrecognized = append(unrecognized, k)
		}
	}
	if startup.ProtocolVersion&0xffff != 0 || len(unrecognized) > 0 {
		sort.Strings(unrecognized)
		be.Send(&pgproto3.NegotiateProtocolVersion{NewestMinorProtocol: 0, UnrecognizedOptions: unrecognized})
	}
}

// openUpstream opens the session's upstream connection with the proxy's own
// credential, takes over its protocol stream and checks the settings the
// analysis depends on.
func (s *Server) openUpstream(ctx context.Context, sess *session, startup *pgproto3.StartupMessage, log zerolog.Logger) error {
	cfg := s.upstream.Copy()
	for _, k := range startupParameters {
		if v, ok := startup.Parameters[k]; ok {
			cfg.RuntimeParams[k] = v
		}
	}
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	pc, err := pgconn.ConnectConfig(cctx, cfg)
	if err == nil {
		sess.up, err = pc.Hijack()
		if err != nil {
			pc.Close(context.Background())
		}
	}
	if err != nil {
		log.Warn().Err(err).Msg("upstream connection failed")
		return &clientError{resp: pgError(sevFatal, "08006", "pgveil: cannot connect to the database server",
			"the proxy's upstream is down or refuses its credential; see the proxy log"), cause: err}
	}
	sess.fe = sess.up.Frontend
	for _, name := range []string{"standard_conforming_strings", "client_encoding"} {
		if err := lexingParameter(name, sess.up.ParameterStatuses[name]); err != nil {
			sess.up.Conn.Close()
			return &clientError{resp: pgError(sevFatal, "0A000", "pgveil: "+err.Error(),
				"use client_encoding UTF8 and standard_conforming_strings on"), cause: err}
		}
	}
	sess.pathStale = true // a role or database setting may set it
	if err := sess.freshPath(); err != nil {
		sess.up.Conn.Close()
		return &clientError{resp: pgError(sevFatal, "08006", "pgveil: the upstream session could not be set up", ""),
			cause: fmt.Errorf("read the upstream search_path: %w", err)}
	}
	return nil
}

// greet sends what a client reads before its first query: the settings it
// relies on, the proxy's own cancel key and ReadyForQuery.
func greet(be *pgproto3.Backend, sess *session, key uint64) error {
	names := make([]string, 0, len(sess.up.ParameterStatuses))
	for name := range sess.up.ParameterStatuses {
		if relayedParameters[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		be.Send(&pgproto3.ParameterStatus{Name: name, Value: sess.up.ParameterStatuses[name]})
	}
	var kb [4]byte
	binary.BigEndian.PutUint32(kb[:], uint32(key))
	be.Send(&pgproto3.BackendKeyData{ProcessID: uint32(key >> 32), SecretKey: kb[:]})
	be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
	if err := be.Flush(); err != nil {
		return errQuiet
	}
	return nil
}

// run serves the session; when it ends in error (the client vanished, the
// stream broke, maybe mid-result) whatever the server still runs for it is
// cancelled. A client that vanishes while the server computes is noticed
// by clientConn and its query cancelled too.
func (sess *session) run(ctx context.Context) error {
	ended := make(chan struct{})
	defer close(ended)
	go func() {
		select {
		case <-sess.in.gone:
			sess.cancelNow()
		case <-ended:
		}
	}()
	err := sess.loop(ctx)
	if err != nil {
		sess.cancelNow()
	}
	return err
}

// cancelNow sends the upstream server a cancel request for this session and
// waits for it to be served.
func (sess *session) cancelNow() {
	cancelRequest(sess.up.Conn.RemoteAddr(), sess.up.PID, sess.up.SecretKey)
}
