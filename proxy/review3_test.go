package proxy

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgveil/pgveil/rules"
)

// Findings of a third security review (error scrubbing, authentication,
// session isolation, metrics and audit): each test fails while the problem
// exists.
//
//	go test ./proxy -run 'TestReview3' -count=1 -v

// TestReview3CancelRefusedWhenFull: a CancelRequest is a connection of its
// own, and the accept loop counts it against proxy.max_connections before
// reading it; at the limit it goes to refuseBusy, which answers 53300 and
// never forwards the cancel. A session cannot stop its own runaway query
// while the proxy is full (PostgreSQL serves cancels outside
// max_connections), and unauthenticated sockets are enough to make it full
// (see TestReview3PreAuthSlots).
func TestReview3CancelRefusedWhenFull(t *testing.T) {
	client, _, _ := startProxyWith(t, "  max_connections: 1\n")
	ctx := context.Background()
	pc, err := pgconn.Connect(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close(ctx)
	if _, err := pc.Exec(ctx, "SET statement_timeout = '12s'").ReadAll(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := pc.Exec(ctx, "SELECT count(*) FROM generate_series(1, 2000000000)").ReadAll()
		done <- err
	}()
	time.Sleep(700 * time.Millisecond)
	start := time.Now()
	cerr := pc.CancelRequest(ctx)
	select {
	case err := <-done:
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "57014" || time.Since(start) > 4*time.Second {
			t.Errorf("cancel at max_connections: query ended after %v with %v (CancelRequest: %v); want 57014 within a second or two",
				time.Since(start).Round(time.Millisecond), err, cerr)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("query neither cancelled nor timed out")
	}
}

// TestReview3AcceptErrorStopsProxy: Serve returns on the first Accept
// error, and the errgroup's context then ends every session: a process out
// of file descriptors (EMFILE, a temporary condition) stops the proxy for
// good (cmd/pgveil exits). Unauthenticated clients can cause it: every
// accepted connection holds a descriptor for up to 30 s (startup) or 5 s
// (refuseBusy, with no bound on how many). Here the descriptor limit is
// lowered so that a burst of silent connections reaches it; once they are
// gone and the limit is back, the proxy must still accept.
func TestReview3AcceptErrorStopsProxy(t *testing.T) {
	client, _, _ := startProxyWith(t, "  max_connections: 1000\n")
	cfg, err := pgconn.ParseConfig(client)
	if err != nil {
		t.Fatal(err)
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
	ctx := context.Background()
	// A session that was working before the burst.
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
	time.Sleep(300 * time.Millisecond) // the accept loop meets EMFILE
	for _, c := range burst {
		c.Close()
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)

	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	after, err := pgconn.Connect(cctx, client)
	if err != nil {
		t.Errorf("after a burst of %d unauthenticated connections the proxy no longer accepts: %v", len(burst), err)
	} else {
		after.Close(ctx)
	}
	if _, err := before.Exec(ctx, "SELECT 1").ReadAll(); err != nil {
		t.Logf("the session opened before the burst: %v", err)
	}
}

// TestReview3FakeSaltPerProcess: an unknown user's salt is HMAC(secret,
// name); a configured verifier's salt never changes. If the secret changed
// at each start, asking a name's salt before and after a restart of the
// proxy (or of a second replica) would tell whether the user exists. The
// secret is derived from the masking key (scramSecret): two processes with
// the same rules give an unknown user the same salt.
func TestReview3FakeSaltPerProcess(t *testing.T) {
	users := []rules.User{verifierUser(t, "bob", "bob-secret")}
	salt := func(name string, secret []byte) []byte {
		x := startExchange(t, users, name, secret)
		x.start("SCRAM-SHA-256", "n,,n=,r="+clientNonce(t))
		_, _, s, _ := x.serverFirst()
		x.conn.Close()
		<-x.result
		return s
	}
	parse := func(key string) *rules.Rules {
		r, err := rules.Parse("salt.yaml", []byte("version: 1\nkey: {env: K}\n"), rules.Options{Getenv: func(string) string { return key }})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	process1, process2 := scramSecret(parse(testKey)), scramSecret(parse(testKey)) // two starts, same rules
	bobStable := bytes.Equal(salt("bob", process1), salt("bob", process2))
	unknownStable := bytes.Equal(salt("mallory", process1), salt("mallory", process2))
	if !bobStable || !unknownStable {
		t.Errorf("across two proxy processes an existing user's salt stable=%v, an unknown user's stable=%v: users can be enumerated",
			bobStable, unknownStable)
	}
	if other := scramSecret(parse(testKey + "-other")); bytes.Equal(other, process1) || len(process1) < MinSecretSize {
		t.Error("the secret does not depend on the key, or is too short")
	}
}
