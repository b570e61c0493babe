package proxy

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/rs/zerolog"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// TestProxyLimits: a session idle past proxy.idle_timeout and a message over
// proxy.max_message_size end with a FATAL error that says why (SQLSTATE and
// hint), and other sessions go on.
func TestProxyLimits(t *testing.T) {
	client, _, _ := startProxyWith(t, "  idle_timeout: 300ms\n  max_message_size: 8192\n")
	ctx := context.Background()
	fatal := func(err error) *pgconn.PgError {
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Severity != "FATAL" {
			t.Fatalf("want a FATAL error from the proxy, got %v", err)
		}
		return pe
	}

	t.Run("idle timeout", func(t *testing.T) {
		c, err := pgconn.Connect(ctx, client)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "SELECT 1").ReadAll(); err != nil {
			t.Fatal(err)
		}
		// A busy session is not idle: a query that usually runs longer than
		// the timeout.
		if _, err := c.Exec(ctx, "SELECT count(*) FROM generate_series(1, 8000000)").ReadAll(); err != nil {
			t.Fatalf("a statement running past the idle timeout was cut: %v", err)
		}
		time.Sleep(900 * time.Millisecond)
		_, err = c.Exec(ctx, "SELECT 1").ReadAll()
		if err == nil {
			t.Fatal("the idle session still works")
		}
		// The FATAL came before the close; pgconn reads it on the next use.
		if pe := fatal(err); pe.Code != "57P05" || pe.Hint == "" {
			t.Errorf("idle timeout: %s %q hint %q", pe.Code, pe.Message, pe.Hint)
		}
	})

	t.Run("message too large", func(t *testing.T) {
		c, err := pgconn.Connect(ctx, client)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, "SELECT '"+strings.Repeat("x", 20000)+"'").ReadAll()
		pe := fatal(err)
		if pe.Code != "08P01" || !strings.Contains(pe.Message, "over the limit of 8192") || pe.Hint == "" {
			t.Errorf("too large: %s %q hint %q", pe.Code, pe.Message, pe.Hint)
		}
		if strings.Contains(pe.Message, "xxxx") {
			t.Error("the refused message's content was echoed")
		}
		// Another session is unaffected.
		d, err := pgconn.Connect(ctx, client)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close(ctx)
		if _, err := d.Exec(ctx, "SELECT '"+strings.Repeat("y", 1000)+"'").ReadAll(); err != nil {
			t.Errorf("a message under the limit: %v", err)
		}
	})
}

// TestCancelRequestServedAtMaxConnections: a CancelRequest is a connection
// of its own, and the accept loop counts it against proxy.max_connections
// before reading it. At the limit it must still be forwarded (PostgreSQL
// serves cancels outside max_connections): a session can stop its own
// runaway query while the proxy is full, and unauthenticated sockets are
// enough to make it full. The query has no statement_timeout, so the 57014
// can only be the cancel's.
func TestCancelRequestServedAtMaxConnections(t *testing.T) {
	client, upstream, _ := startProxyWith(t, "  max_connections: 1\n")
	ctx := context.Background()
	pc, err := pgconn.Connect(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close(ctx)
	if _, err := pc.Exec(ctx, "SET statement_timeout = 0").ReadAll(); err != nil {
		t.Fatal(err)
	}
	const runaway = "SELECT count(*) FROM generate_series(1, 2000000000)"
	uc := pgtest.Connect(t, upstream)
	stop := func() { // the server's own cancel, when the proxy's did nothing
		uc.Exec(ctx, "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()", runaway)
	}
	done := make(chan error, 1)
	go func() {
		_, err := pc.Exec(ctx, runaway).ReadAll()
		done <- err
	}()
	// The cancel must find the query running on the server.
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		var n int
		if err := uc.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = $1 AND pid <> pg_backend_pid()",
			runaway).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the query never ran on the server")
		}
	}
	cerr := pc.CancelRequest(ctx)
	select {
	case err := <-done:
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "57014" {
			t.Errorf("cancel at max_connections: the query ended with %v (CancelRequest: %v); want 57014", err, cerr)
		}
	case <-time.After(60 * time.Second): // a bound for the failure only: the query runs for minutes
		stop()
		t.Fatalf("the query was not cancelled (CancelRequest: %v)", cerr)
	}
}

// TestAcceptErrorKeepsProxyServing: an Accept error such as EMFILE (out of
// file descriptors, a temporary condition) must not stop the proxy, nor end
// the sessions already open: unauthenticated clients can cause it, since
// every accepted connection holds a descriptor until its startup times
// out. Here the descriptor limit is lowered until a burst of silent
// connections reaches it and the proxy logs an Accept failure; once they
// are gone and the limit is back, the proxy must accept again and the
// session opened before the burst must still answer.
func TestAcceptErrorKeepsProxyServing(t *testing.T) {
	var logs syncBuffer
	client, _, _, _ := startProxyLogged(t, "  max_connections: 1000\n", zerolog.New(&logs))
	cfg, err := pgconn.ParseConfig(client)
	if err != nil {
		t.Fatal(err)
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
	ctx := context.Background()
	before, err := pgconn.Connect(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	defer before.Close(ctx)

	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		t.Fatal(err)
	}
	low := old
	low.Cur = uint64(len(fds) + 40)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		t.Skip("cannot lower RLIMIT_NOFILE:", err)
	}
	var burst []net.Conn
	for i := 0; i < 200; i++ {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		burst = append(burst, c)
	}
	// Out of descriptors, with connections waiting: the accept loop fails.
	acceptFailed := func() bool {
		logs.mu.Lock()
		defer logs.mu.Unlock()
		return strings.Contains(logs.b.String(), `"accept failed"`)
	}
	for deadline := time.Now().Add(30 * time.Second); !acceptFailed(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			break
		}
	}
	failed := acceptFailed()
	for _, c := range burst {
		c.Close()
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		t.Fatal(err)
	}
	if !failed {
		t.Fatalf("a burst of %d connections under a limit of %d descriptors: no Accept failure logged", len(burst), low.Cur)
	}

	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	after, err := pgconn.Connect(cctx, client)
	if err != nil {
		t.Errorf("after a burst of %d unauthenticated connections the proxy no longer accepts: %v", len(burst), err)
	} else {
		after.Close(ctx)
	}
	if _, err := before.Exec(ctx, "SELECT 1").ReadAll(); err != nil {
		t.Errorf("the session opened before the burst no longer answers: %v", err)
	}
}
