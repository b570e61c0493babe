package proxy

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/rules"
)

// The catalog snapshot and the known-name index: read at start, then
// periodically, soon after DDL commits (watchCatalog), and at once when a
// statement names a relation the snapshot lacks (refreshNow). A failed read
// keeps the last good snapshot.

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

// refreshEvery is the period of the catalog refresh.
func (s *Server) refreshEvery() time.Duration {
	if s.cfg.CatalogRefresh > 0 {
		return s.cfg.CatalogRefresh
	}
	return time.Minute
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
	if r := s.current().rules; r.KnownNames().Get() == nil || time.Since(time.Unix(0, s.namesAt.Load())) >= knownNamesEvery {
		// The names scan every name column: a budget of its own.
		nctx, ncancel := context.WithTimeout(ctx, 2*time.Minute)
		defer ncancel()
		if err := s.loadKnownNames(nctx, r, snap, conn); err != nil {
			s.metrics.refreshes.WithLabelValues("failed").Inc()
			return err
		}
	}
	s.publish(func(old *generation) (*generation, error) { return old.withSnapshot(snap), nil })
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
	cfg, err := pgx.ParseConfig(s.cfg.Rules.Proxy.Upstream)
	if err != nil {
		return nil, err
	}
	cfg.Password = s.upstream.Password
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	return pgx.ConnectConfig(cctx, cfg)
}

// refreshLoop reads the catalog every refresh period and whenever a
// session or the DDL watcher asks for it (refreshSoon).
func (s *Server) refreshLoop(ctx context.Context) {
	t := time.NewTicker(s.refreshEvery())
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.refresh:
		}
		if err := s.loadCatalog(ctx); err != nil {
			s.cfg.Log.Warn().Err(err).Msg("catalog refresh failed; keeping the last snapshot")
		}
	}
}
