package proxy

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/rs/zerolog"
	"golang.org/x/sync/errgroup"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/lineage"
	"github.com/pgveil/pgveil/rules"
)

// Config configures a Server. The upstream server is the rules' own
// (proxy.upstream); its password comes from PGPASSWORD, .pgpass or the
// variable proxy.password_env names.
type Config struct {
	Rules *rules.Rules
	Log   zerolog.Logger
	// CatalogRefresh is how often the schema is re-read; 0 means a minute.
	CatalogRefresh time.Duration
}

// Server accepts PostgreSQL clients and serves them masked data.
type Server struct {
	cfg      Config
	gen      atomic.Pointer[generation] // see generation.go
	genMu    sync.Mutex                 // serialises publishers of gen
	upstream *pgconn.Config             // fixed at start (reloadPolicy)
	codec    *anonymize.Codec

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
	g, err := newGeneration(cfg.Rules, nil)
	if err != nil {
		return nil, err
	}
	up, err := pgconn.ParseConfig(cfg.Rules.Proxy.Upstream)
	if err != nil {
		return nil, fmt.Errorf("upstream: %w", err)
	}
	if env := cfg.Rules.Proxy.PasswordEnv; env != "" {
		up.Password = os.Getenv(env)
	}
	// Defence in depth: the gate refuses writes, the session refuses them too.
	up.RuntimeParams["default_transaction_read_only"] = "on"
	s := &Server{cfg: cfg, upstream: up, keys: map[uint64]*session{}, refresh: make(chan struct{}, 1),
		verdicts: lineage.NewCache(4096), codec: anonymize.NewCodec()}
	s.metrics = newMetrics(s)
	s.gen.Store(g)
	if err := s.loadCatalog(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Reload swaps in new rules (SIGHUP). What a reload may change, and when a
// change takes effect, is reloadPolicy; a change to anything else is
// refused and the rules in force stay.
func (s *Server) Reload(r *rules.Rules) error {
	if r == nil || r.Proxy == nil {
		return errors.New("reload: the rules file has no proxy: section")
	}
	if err := checkReload(s.current().settings(), r.Proxy); err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	// The new rules' scrub masks need their own known-name index (their
	// masks may differ) before they serve a row. Read outside publish, so
	// catalog refreshes are not held up meanwhile.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := s.loadKnownNames(ctx, r, s.current().snap, nil); err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	return s.publish(func(old *generation) (*generation, error) {
		g, err := newGeneration(r, old.snap)
		if err != nil {
			return nil, fmt.Errorf("reload: %w", err)
		}
		return g, nil
	})
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
		s.refreshLoop(ctx)
		return nil
	})
	g.Go(func() error { return s.acceptLoop(ctx, ln) })
	err := g.Wait()
	s.drainSessions()
	return err
}

// acceptLoop accepts clients and runs each connection on its own goroutine.
func (s *Server) acceptLoop(ctx context.Context, ln net.Listener) error {
	var acceptDelay time.Duration
	for {
		c, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			// Out of file descriptors and the like: wait and accept again,
			// as net/http does; stopping would end every session.
			if !temporaryAccept(err) {
				return fmt.Errorf("accept: %w", err)
			}
			acceptDelay = max(5*time.Millisecond, min(2*acceptDelay, time.Second))
			s.cfg.Log.Warn().Err(err).Dur("retry_in", acceptDelay).Msg("accept failed")
			select {
			case <-time.After(acceptDelay):
			case <-ctx.Done():
				return nil
			}
			continue
		}
		acceptDelay = 0
		if int(s.active.Add(1)) > s.current().settings().MaxConnections {
			s.active.Add(-1)
			go s.refuseBusy(c)
			continue
		}
		s.sessions.Add(1)
		go func() {
			defer s.sessions.Done()
			defer s.active.Add(-1)
			defer func() {
				// A bug must cost one session, not every session of the
				// proxy: its connections close and nothing else is sent.
				if r := recover(); r != nil {
					c.Close()
					s.cfg.Log.Error().Str("panic", fmt.Sprint(r)).Msg("session ended by an internal error")
				}
			}()
			s.handle(ctx, c)
		}()
	}
}

// drainSessions gives sessions a grace period to finish after a shutdown
// request, then closes their client connections, which ends them.
func (s *Server) drainSessions() {
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
}

// shutdownGrace is how long sessions may run on after a shutdown request.
const shutdownGrace = 10 * time.Second

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
	be.Send(pgError(sevFatal, "53300", "pgveil: too many connections", "raise proxy.max_connections or close idle sessions"))
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
