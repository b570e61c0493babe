package proxy

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pgveil/pgveil/internal/pgtest"
)

const bigQuery = "SELECT g FROM generate_series(1, 100000000) g"

// activeBigQueries counts upstream backends still running bigQuery.
func activeBigQueries(t *testing.T, c *pgx.Conn) int {
	t.Helper()
	var n int
	if err := c.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
		WHERE query = $1 AND state = 'active' AND pid <> pg_backend_pid()`, bigQuery).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestProxyFaults: the upstream backend killed mid-result gives the client
// an error and leaves other sessions working; a client that vanishes
// mid-result has its upstream query cancelled within a second.
func TestProxyFaults(t *testing.T) {
	client, _, _ := startProxyWith(t, "  max_connections: 400\n")
	admin := pgtest.Connect(t, pgtest.DSN(t))
	t.Run("upstream killed mid-result", func(t *testing.T) { testUpstreamKilledMidResult(t, client, admin) })
	t.Run("client vanishes mid-result", func(t *testing.T) { testClientVanishesMidResult(t, client, admin) })
	t.Run("300 concurrent sessions", func(t *testing.T) { testConcurrentSessions(t, client, 300) })
}

// waitBigQueryRuns waits, for up to ten seconds, until bigQuery runs
// upstream.
func waitBigQueryRuns(t *testing.T, admin *pgx.Conn) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for activeBigQueries(t, admin) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
}

// testUpstreamKilledMidResult: the client whose upstream backend is killed
// gets an error; another session goes on.
func testUpstreamKilledMidResult(t *testing.T, client string, admin *pgx.Conn) {
	ctx := context.Background()
	victim := simpleConn(t, client)
	other := simpleConn(t, client)
	done := make(chan error, 1)
	go func() {
		rows, err := victim.Query(ctx, bigQuery)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
		}
		done <- err
	}()
	waitBigQueryRuns(t, admin)
	admin.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()`, bigQuery)
	select {
	case err := <-done:
		if err == nil {
			t.Error("the client got no error when its upstream was killed")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the client hangs after its upstream was killed")
	}
	var n int
	if err := other.QueryRow(ctx, "SELECT count(*) FROM customers").Scan(&n); err != nil || n == 0 {
		t.Errorf("another session broke: %d %v", n, err)
	}
}

// testClientVanishesMidResult: the upstream query of a client that resets
// its connection is cancelled within a second.
func testClientVanishesMidResult(t *testing.T, client string, admin *pgx.Conn) {
	ctx := context.Background()
	cfg, _ := pgconn.ParseConfig(client)
	pc, err := pgconn.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	hc, err := pc.Hijack()
	if err != nil {
		t.Fatal(err)
	}
	hc.Frontend.SendQuery(&pgproto3.Query{String: bigQuery})
	hc.Frontend.Flush()
	waitBigQueryRuns(t, admin) // until the query runs upstream
	hc.Conn.(*net.TCPConn).SetLinger(0)
	hc.Conn.Close()
	gone := time.Now()
	for activeBigQueries(t, admin) > 0 {
		if time.Since(gone) > time.Second {
			t.Fatal("the upstream query still runs a second after its client vanished")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// testConcurrentSessions runs n sessions at once, half of them in the
// simple protocol, and reports every error of theirs.
func testConcurrentSessions(t *testing.T, client string, n int) {
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			concurrentSession(client, i, errs)
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// concurrentSession is session i of testConcurrentSessions: a masked
// e-mail, a masked date, a count and a refused statement, its errors sent
// to errs.
func concurrentSession(client string, i int, errs chan<- error) {
	ctx := context.Background()
	cfg, _ := pgx.ParseConfig(client)
	if i%2 == 0 {
		cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	}
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		errs <- fmt.Errorf("session %d connect: %w", i, err)
		return
	}
	defer c.Close(ctx)
	var email string
	var n int
	if err := c.QueryRow(ctx, "SELECT email FROM customers WHERE id = $1", int64(i%20+1)).Scan(&email); err != nil && err != pgx.ErrNoRows {
		errs <- fmt.Errorf("session %d select: %w", i, err)
	}
	// A masked date, in binary in the extended sessions: every
	// session converts through the shared codec at once.
	var born pgtype.Date
	if err := c.QueryRow(ctx, "SELECT birth_date FROM customers WHERE birth_date IS NOT NULL ORDER BY id LIMIT 1").Scan(&born); err != nil || !born.Valid {
		errs <- fmt.Errorf("session %d masked date: %v", i, err)
	}
	if err := c.QueryRow(ctx, "SELECT count(*) FROM accounts").Scan(&n); err != nil {
		errs <- fmt.Errorf("session %d count: %w", i, err)
	}
	if _, err := c.Exec(ctx, "SELECT lower(email) FROM customers"); err == nil || !strings.Contains(err.Error(), "42501") {
		errs <- fmt.Errorf("session %d: refusal missing: %v", i, err)
	}
}
