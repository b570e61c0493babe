package proxy

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/rs/zerolog"
	"golang.org/x/sync/errgroup"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/lineage"
	"github.com/pgveil/pgveil/rules"
)

// Config configures a Server.
type Config struct {
	Rules    *rules.Rules
	Upstream string // connection string of the database; its password from PGPASSWORD, .pgpass or Rules.Proxy.PasswordEnv
	Log      zerolog.Logger
	// CatalogRefresh is how often the schema is re-read; 0 means a minute.
	CatalogRefresh time.Duration
}

// Server accepts PostgreSQL clients and serves them masked data.
type Server struct {
	cfg         Config
	rulesPtr    atomic.Pointer[rules.Rules]
	snap        atomic.Pointer[catalog.Snapshot]
	idleTimeout time.Duration
	secret      []byte // for the fake SCRAM exchange of unknown users
	upstream    *pgconn.Config
	tls         *tls.Config // client leg; nil when proxy.tls is not set
	codec       *anonymize.Codec

	active  atomic.Int64 // client connections being served
	metrics *metrics
	snapAt  atomic.Int64 // unix nanoseconds of the last good catalog read
	namesAt atomic.Int64 // unix nanoseconds of the last known-name index read
	ddlMark atomic.Value // string: ddlMarkQuery as of the last good catalog read

	refreshMu   sync.Mutex
	lastRefresh time.Time

	mu       sync.Mutex
	keys     map[uint64]*session // proxy BackendKeyData -> session, for CancelRequest
	sessions sync.WaitGroup
	refresh  chan struct{}
	// verdicts reuses the analysis of statements that differ only in
	// constants, across sessions (lineage.Cache says why that is sound).
	verdicts *lineage.Cache
}

// NewServer reads the catalog once (so the first query has a snapshot) and
// returns a server ready to Serve.
func NewServer(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Rules == nil || cfg.Rules.Proxy == nil {
		return nil, errors.New("the rules file has no proxy: section")
	}
	up, err := pgconn.ParseConfig(cfg.Upstream)
	if err != nil {
		return nil, fmt.Errorf("upstream: %w", err)
	}
	if env := cfg.Rules.Proxy.PasswordEnv; env != "" {
		up.Password = os.Getenv(env)
	}
	// Defence in depth: the gate refuses writes, the session refuses them too.
	up.RuntimeParams["default_transaction_read_only"] = "on"
	s := &Server{cfg: cfg, upstream: up, keys: map[uint64]*session{}, refresh: make(chan struct{}, 1),
		verdicts:    lineage.NewCache(4096),
		idleTimeout: cfg.Rules.Proxy.IdleTimeout}
	if t := cfg.Rules.Proxy.TLS; t != nil {
		cert, err := tls.LoadX509KeyPair(t.Cert, t.Key)
		if err != nil {
			return nil, fmt.Errorf("proxy.tls: %w", err)
		}
		s.tls = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	s.codec = anonymize.NewCodec()
	s.metrics = newMetrics(s)
	s.rulesPtr.Store(cfg.Rules)
	s.secret = scramSecret(cfg.Rules)
	if err := s.loadCatalog(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Server) rules() *rules.Rules { return s.rulesPtr.Load() }

// Reload swaps in new rules (SIGHUP). Sessions pick them up at their next
// statement; the upstream, listen address and TLS settings are fixed at
// start, so a change to those is refused.
func (s *Server) Reload(r *rules.Rules) error {
	old := s.rules()
	if r.Proxy == nil || r.Proxy.Upstream != old.Proxy.Upstream || r.Proxy.Listen != old.Proxy.Listen {
		return errors.New("proxy.upstream and proxy.listen cannot change on reload; restart the proxy")
	}
	// The new rules' scrub masks need their own known-name index (their
	// masks may differ) before they serve a row.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := s.loadKnownNames(ctx, r, s.snapshot(), nil); err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	s.rulesPtr.Store(r)
	return nil
}

// knownNamesEvery is how often the known-name index is read again: it scans
// every name column, so less often than the catalog.
const knownNamesEvery = 5 * time.Minute

// loadKnownNames reads the person names of r's name columns, for the scrub
// masks, on conn (nil: a connection of its own).
func (s *Server) loadKnownNames(ctx context.Context, r *rules.Rules, snap *catalog.Snapshot, conn *pgx.Conn) error {
	if len(r.NameColumns()) == 0 || snap == nil {
		return nil
	}
	if conn == nil {
		c, err := s.catalogConn(ctx)
		if err != nil {
			return fmt.Errorf("read known names: %w", err)
		}
		defer c.Close(context.Background())
		conn = c
	}
	kn, err := catalog.LoadKnownNames(ctx, conn, snap, r, 0)
	if err != nil {
		return err
	}
	r.KnownNames().Set(kn)
	s.namesAt.Store(time.Now().UnixNano())
	return nil
}

// refreshNow re-reads the catalog unless that was done less than a second
// ago; it reports whether a new snapshot is in place.
func (s *Server) refreshNow(ctx context.Context) bool {
	s.refreshMu.Lock()
	defer s.refreshMu.Unlock()
	if time.Since(s.lastRefresh) < time.Second {
		return false
	}
	s.lastRefresh = time.Now()
	if err := s.loadCatalog(ctx); err != nil {
		s.cfg.Log.Warn().Err(err).Msg("catalog refresh failed; keeping the last snapshot")
		return false
	}
	return true
}

// refreshSoon asks the refresher goroutine for a new snapshot.
func (s *Server) refreshSoon() {
	select {
	case s.refresh <- struct{}{}:
	default:
	}
}
func (s *Server) snapshot() *catalog.Snapshot { return s.snap.Load() }

// refreshEvery is the period of the catalog refresh.
func (s *Server) refreshEvery() time.Duration {
	if s.cfg.CatalogRefresh > 0 {
		return s.cfg.CatalogRefresh
	}
	return time.Minute
}

// posture follows the rules in force (they change on reload).
func (s *Server) posture() lineage.Posture {
	if s.rules().Proxy.Posture == rules.PostureStandard {
		return lineage.PostureStandard
	}
	return lineage.PostureStrict
}

// loadCatalog reads the schema through a connection of its own; a failed
// refresh keeps the last good snapshot.
func (s *Server) loadCatalog(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := s.catalogConn(cctx)
	if err != nil {
		return fmt.Errorf("read catalog: %w", err)
	}
	defer conn.Close(context.Background())
	// The mark first: DDL committing during the load moves it past this
	// value, so the watcher asks for another load.
	var mark string
	if err := conn.QueryRow(cctx, ddlMarkQuery).Scan(&mark); err != nil {
		s.metrics.refreshes.WithLabelValues("failed").Inc()
		return fmt.Errorf("read catalog: %w", err)
	}
	snap, err := catalog.Load(cctx, conn)
	if err != nil {
		s.metrics.refreshes.WithLabelValues("failed").Inc()
		return fmt.Errorf("read catalog: %w", err)
	}
	if r := s.rules(); r.KnownNames().Get() == nil || time.Since(time.Unix(0, s.namesAt.Load())) >= knownNamesEvery {
		// The names scan every name column: a budget of its own.
		nctx, ncancel := context.WithTimeout(ctx, 2*time.Minute)
		defer ncancel()
		if err := s.loadKnownNames(nctx, r, snap, conn); err != nil {
			s.metrics.refreshes.WithLabelValues("failed").Inc()
			return err
		}
	}
	s.snap.Store(snap)
	s.ddlMark.Store(mark)
	s.snapAt.Store(time.Now().UnixNano())
	s.metrics.refreshes.WithLabelValues("ok").Inc()
	return nil
}

// ddlMarkQuery changes when DDL commits: the newest row versions (xmin)
// of the catalogs that hold relations, columns and view rules change at
// once, and the statistics of the catalogs that describe relations,
// columns, views, functions, operators and types count every change, but
// only once the writing session flushes them (within seconds). The scans
// are of system catalogs, small next to the data.
const ddlMarkQuery = `SELECT concat_ws(',',
  (SELECT max(xmin::text::bigint) FROM pg_catalog.pg_class),
  (SELECT max(xmin::text::bigint) FROM pg_catalog.pg_attribute),
  (SELECT max(xmin::text::bigint) FROM pg_catalog.pg_rewrite),
  (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_catalog.pg_stat_sys_tables
   WHERE schemaname = 'pg_catalog' AND relname IN ('pg_class', 'pg_attribute', 'pg_rewrite', 'pg_proc',
     'pg_operator', 'pg_type', 'pg_namespace', 'pg_depend', 'pg_inherits', 'pg_constraint')))`

// watchCatalog asks for a catalog refresh soon after DDL commits (a
// migration redefining a view keeps its OID, column numbers and types, so
// nothing in a result would show it): once a second it reads ddlMarkQuery
// on a connection of its own, and a value other than the one read with the
// snapshot in force triggers refreshSoon. The periodic refresh still runs, for what the counter
// misses.
func (s *Server) watchCatalog(ctx context.Context) {
	var conn *pgx.Conn
	defer func() {
		if conn != nil {
			conn.Close(context.Background())
		}
	}()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if conn == nil {
			c, err := s.catalogConn(ctx)
			if err != nil {
				continue
			}
			conn = c
		}
		var n string
		if err := conn.QueryRow(ctx, ddlMarkQuery).Scan(&n); err != nil {
			conn.Close(context.Background())
			conn = nil
			continue
		}
		if loaded, _ := s.ddlMark.Load().(string); n != loaded {
			s.refreshSoon()
		}
	}
}

// catalogConn opens a read-only connection with the proxy's credential.
func (s *Server) catalogConn(ctx context.Context) (*pgx.Conn, error) {
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cfg, err := pgx.ParseConfig(s.cfg.Upstream)
	if err != nil {
		return nil, err
	}
	cfg.Password = s.upstream.Password
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	return pgx.ConnectConfig(cctx, cfg)
}

// Serve accepts connections until ctx ends, then waits for the sessions.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		<-ctx.Done()
		ln.Close()
		return nil
	})
	g.Go(func() error {
		s.watchCatalog(ctx)
		return nil
	})
	g.Go(func() error {
		t := time.NewTicker(s.refreshEvery())
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
			case <-s.refresh:
			}
			if err := s.loadCatalog(ctx); err != nil {
				s.cfg.Log.Warn().Err(err).Msg("catalog refresh failed; keeping the last snapshot")
			}
		}
	})
	g.Go(func() error {
		var acceptDelay time.Duration
		for {
			c, err := ln.Accept()
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				// Out of file descriptors and the like: wait and accept
				// again, as net/http does; stopping would end every session.
				if temporaryAccept(err) {
					acceptDelay = max(5*time.Millisecond, min(2*acceptDelay, time.Second))
					s.cfg.Log.Warn().Err(err).Dur("retry_in", acceptDelay).Msg("accept failed")
					select {
					case <-time.After(acceptDelay):
					case <-ctx.Done():
						return nil
					}
					continue
				}
				return fmt.Errorf("accept: %w", err)
			}
			acceptDelay = 0
			if int(s.active.Add(1)) > s.rules().Proxy.MaxConnections {
				s.active.Add(-1)
				go s.refuseBusy(c)
				continue
			}
			s.sessions.Add(1)
			go func() {
				defer s.sessions.Done()
				defer s.active.Add(-1)
				defer func() {
					// A bug must cost one session, not every session of
					// the proxy: its connections close and nothing else
					// is sent.
					if r := recover(); r != nil {
						c.Close()
						s.cfg.Log.Error().Str("panic", fmt.Sprint(r)).Msg("session ended by an internal error")
					}
				}()
				s.handle(ctx, c)
			}()
		}
	})
	err := g.Wait()
	// Graceful: sessions get a grace period to finish, then their client
	// connections are closed, which ends them.
	done := make(chan struct{})
	go func() { s.sessions.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(shutdownGrace):
		s.mu.Lock()
		for _, sess := range s.keys {
			sess.client.Close()
		}
		s.mu.Unlock()
		<-done
	}
	return err
}

// shutdownGrace is how long sessions may run on after a shutdown request.
const shutdownGrace = 10 * time.Second

// handle runs one client connection from startup to close.
func (s *Server) handle(ctx context.Context, c net.Conn) {
	defer c.Close()
	log := s.cfg.Log.With().Str("client", c.RemoteAddr().String()).Logger()
	c.SetDeadline(time.Now().Add(30 * time.Second)) // startup and authentication
	be := pgproto3.NewBackend(c, c)
	be.SetMaxBodyLen(s.rules().Proxy.MaxMessageSize)
	var startup *pgproto3.StartupMessage
	encrypted := false
	for startup == nil {
		msg, err := be.ReceiveStartupMessage()
		if err != nil {
			return
		}
		switch m := msg.(type) {
		case *pgproto3.SSLRequest:
			if s.tls == nil || encrypted {
				if _, err := c.Write([]byte{'N'}); err != nil {
					return
				}
				continue
			}
			if _, err := c.Write([]byte{'S'}); err != nil {
				return
			}
			tc := tls.Server(c, s.tls)
			if err := tc.Handshake(); err != nil {
				log.Info().Err(err).Msg("TLS handshake failed")
				return
			}
			c, encrypted = tc, true
			defer tc.Close()
			be = pgproto3.NewBackend(c, c)
			be.SetMaxBodyLen(s.rules().Proxy.MaxMessageSize)
		case *pgproto3.GSSEncRequest:
			if _, err := c.Write([]byte{'N'}); err != nil {
				return
			}
		case *pgproto3.CancelRequest:
			s.cancel(m)
			return
		case *pgproto3.StartupMessage:
			startup = m
		default:
			return
		}
	}
	if s.tls != nil && !encrypted {
		be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "28000",
			Message: "pgveil: this proxy accepts TLS connections only", Hint: "connect with sslmode=require (or verify-full)"})
		be.Flush()
		return
	}
	if err := s.checkStartup(startup); err != nil {
		be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "08004", Message: "pgveil: " + err.Error()})
		be.Flush()
		return
	}
	// A client asking for a newer minor version or protocol options is told
	// what is served (3.0, no options), as PostgreSQL does.
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
	user := startup.Parameters["user"]
	if _, err := Authenticate(be, s.rules().Proxy.Users, user, s.secret); err != nil {
		s.metrics.authFailed.Inc()
		log.Info().Str("user", user).Msg("authentication failed")
		return
	}
	s.metrics.sessions.Inc()
	be.SetMaxBodyLen(s.rules().Proxy.MaxMessageSize) // Authenticate bounds its own exchange
	sess := &session{srv: s, client: c, be: be, user: user, txStatus: 'I', log: log}
	if err := s.connectUpstream(ctx, sess, startup); err != nil {
		log.Warn().Err(err).Msg("upstream connection failed")
		be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "08006",
			Message: "pgveil: cannot connect to the database server", Hint: "the proxy's upstream is down or refuses its credential; see the proxy log"})
		be.Flush()
		return
	}
	defer sess.up.Conn.Close()
	for _, name := range []string{"standard_conforming_strings", "client_encoding"} {
		if err := lexingParameter(name, sess.up.ParameterStatuses[name]); err != nil {
			log.Warn().Err(err).Msg("session refused")
			be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "0A000",
				Message: "pgveil: " + err.Error(), Hint: "use client_encoding UTF8 and standard_conforming_strings on"})
			be.Flush()
			return
		}
	}
	sess.pathStale = true // a role or database setting may set it
	if err := sess.freshPath(); err != nil {
		log.Warn().Err(err).Msg("cannot read the upstream search_path")
		be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "08006",
			Message: "pgveil: the upstream session could not be set up"})
		be.Flush()
		return
	}
	key := s.register(sess)
	defer s.unregister(key)
	for name, v := range sess.up.ParameterStatuses {
		if relayedParameters[name] {
			be.Send(&pgproto3.ParameterStatus{Name: name, Value: v})
		}
	}
	var kb [4]byte
	binary.BigEndian.PutUint32(kb[:], uint32(key))
	be.Send(&pgproto3.BackendKeyData{ProcessID: uint32(key >> 32), SecretKey: kb[:]})
	be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
	if err := be.Flush(); err != nil {
		return
	}
	c.SetDeadline(time.Time{})
	log.Info().Str("user", user).Msg("session started")
	// From here the session reads the client through clientConn, which
	// notices a client that vanishes while the server is still computing
	// (no row to write yet) so that its query is cancelled.
	in := newClientConn(c)
	gone := in.gone
	sess.in = in
	sess.be = pgproto3.NewBackend(in, c)
	sess.be.SetMaxBodyLen(s.rules().Proxy.MaxMessageSize)
	ended := make(chan struct{})
	defer close(ended)
	go func() {
		select {
		case <-gone:
			cancelRequest(sess.up.Conn.RemoteAddr(), sess.up.PID, sess.up.SecretKey)
		case <-ended:
		}
	}()
	err := sess.loop(ctx)
	if err != nil {
		// The client vanished or the stream broke, maybe mid-result: stop
		// whatever the server is still running for this session.
		cancelRequest(sess.up.Conn.RemoteAddr(), sess.up.PID, sess.up.SecretKey)
		if !errors.Is(err, net.ErrClosed) && !errors.Is(err, io.EOF) {
			log.Info().Err(err).Msg("session ended")
		}
	}
}

// refuseBusy answers a connection over proxy.max_connections the way
// PostgreSQL does (53300), after reading its startup packet.
func (s *Server) refuseBusy(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	be := pgproto3.NewBackend(c, c)
	for {
		msg, err := be.ReceiveStartupMessage()
		if err != nil {
			return
		}
		switch m := msg.(type) {
		case *pgproto3.SSLRequest:
			c.Write([]byte{'N'})
			continue
		case *pgproto3.CancelRequest:
			// A cancel is not a session: it is served at the limit too, as
			// PostgreSQL does, so a full proxy cannot keep a client from
			// stopping its query.
			s.cancel(m)
			return
		}
		break
	}
	be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: "53300",
		Message: "pgveil: too many connections", Hint: "raise proxy.max_connections or close idle sessions"})
	be.Flush()
}

// temporaryAccept tells an Accept error worth retrying (EMFILE, ENFILE,
// ECONNABORTED...) from a closed listener.
func temporaryAccept(err error) bool {
	var ne net.Error
	//lint:ignore SA1019 Temporary is still what marks EMFILE and ENFILE, as net/http relies on
	return errors.As(err, &ne) && ne.Temporary()
}

// scramSecret derives the secret of the fake SCRAM exchange for unknown
// users from the masking key, so an unknown user's salt stays the same
// across restarts and replicas, as a real user's does (a salt that changes
// would tell the two apart); without a key it is random.
func scramSecret(r *rules.Rules) []byte {
	secret := make([]byte, 0, 32)
	if r != nil && r.Key != nil {
		d := r.Key.Domain("pgveil proxy scram secret")
		for i := byte(0); i < 4; i++ {
			secret = binary.BigEndian.AppendUint64(secret, d.Seed([]byte{i}))
		}
		return secret
	}
	secret = secret[:32]
	rand.Read(secret)
	return secret
}

// checkStartup refuses protocol versions and startup options that would
// change what the proxy guarantees.
func (s *Server) checkStartup(m *pgproto3.StartupMessage) error {
	if m.ProtocolVersion>>16 != 3 {
		return fmt.Errorf("unsupported protocol version %d.%d", m.ProtocolVersion>>16, m.ProtocolVersion&0xffff)
	}
	for k := range m.Parameters {
		switch {
		case strings.HasPrefix(k, "_pq_."):
			// Protocol options: declined by NegotiateProtocolVersion.
		case k == "user", k == "database", k == "application_name", k == "client_encoding", k == "DateStyle",
			k == "TimeZone", k == "extra_float_digits", k == "IntervalStyle":
		default:
			return fmt.Errorf("startup parameter %q is not accepted through pgveil", k)
		}
	}
	if m.Parameters["user"] == "" {
		return errors.New("no user name given")
	}
	if db := m.Parameters["database"]; db != "" && db != s.upstream.Database {
		return fmt.Errorf("database %q is not served here (this proxy serves %q)", db, s.upstream.Database)
	}
	return nil
}

// connectUpstream opens the session's upstream connection with the proxy's
// own credential and takes over its protocol stream.
func (s *Server) connectUpstream(ctx context.Context, sess *session, startup *pgproto3.StartupMessage) error {
	cfg := s.upstream.Copy()
	for _, k := range []string{"application_name", "client_encoding", "DateStyle", "TimeZone", "extra_float_digits", "IntervalStyle"} {
		if v, ok := startup.Parameters[k]; ok {
			cfg.RuntimeParams[k] = v
		}
	}
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	pc, err := pgconn.ConnectConfig(cctx, cfg)
	if err != nil {
		return err
	}
	hc, err := pc.Hijack()
	if err != nil {
		pc.Close(context.Background())
		return err
	}
	sess.up, sess.fe = hc, hc.Frontend
	return nil
}

// register gives a session a random proxy-side BackendKeyData.
func (s *Server) register(sess *session) uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		var b [8]byte
		rand.Read(b[:])
		k := binary.BigEndian.Uint64(b[:])
		if _, dup := s.keys[k]; !dup && k != 0 {
			s.keys[k] = sess
			return k
		}
	}
}

func (s *Server) unregister(k uint64) {
	s.mu.Lock()
	delete(s.keys, k)
	s.mu.Unlock()
}

// cancel maps a client's CancelRequest to the session's upstream key.
func (s *Server) cancel(m *pgproto3.CancelRequest) {
	if len(m.SecretKey) != 4 {
		return
	}
	k := uint64(m.ProcessID)<<32 | uint64(binary.BigEndian.Uint32(m.SecretKey))
	s.mu.Lock()
	sess := s.keys[k]
	s.mu.Unlock()
	if sess != nil {
		cancelRequest(sess.up.Conn.RemoteAddr(), sess.up.PID, sess.up.SecretKey)
	}
}
