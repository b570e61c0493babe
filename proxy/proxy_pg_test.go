package proxy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/rs/zerolog"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/rules"
)

const testKey = "proxy-test-key-0123456789abcdef"

// startProxy loads the sample into a fresh database and serves it through
// an in-process proxy; it returns the client URL and the upstream URL.
func startProxy(t testing.TB) (client, upstream string, r *rules.Rules) {
	t.Helper()
	return startProxyWith(t, "")
}

// startProxyWith adds extra lines (indented for the proxy: section).
func startProxyWith(t testing.TB, extra string) (client, upstream string, r *rules.Rules) {
	t.Helper()
	client, upstream, r, _ = startProxyServer(t, extra)
	return client, upstream, r
}

// startProxyServer is startProxyWith that also returns the server.
func startProxyServer(t testing.TB, extra string) (client, upstream string, r *rules.Rules, srv *Server) {
	t.Helper()
	return startProxyLogged(t, extra, zerolog.Nop())
}

// startProxyLogged is startProxyServer with the server's log.
func startProxyLogged(t testing.TB, extra string, log zerolog.Logger) (client, upstream string, r *rules.Rules, srv *Server) {
	t.Helper()
	upstream = pgtest.CreateDB(t, "proxy")
	pgtest.LoadSample(t, upstream, "0.05")
	u, _ := url.Parse(upstream)
	pw, _ := u.User.Password()
	r = parseTestRules(t, upstream, testKey, fmt.Sprintf(`
proxy:
  listen: 127.0.0.1:0
  upstream: %s
  password_env: PROXY_TEST_UPSTREAM_PASSWORD
  users:
    - name: alice
      password: alice-secret
`, upstreamWithoutPassword(upstream))+extra)
	t.Setenv("PROXY_TEST_UPSTREAM_PASSWORD", pw)
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := NewServer(ctx, Config{Rules: r, Log: log})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("proxy did not shut down")
		}
	})
	client = fmt.Sprintf("postgres://alice:alice-secret@%s/%s?sslmode=disable", ln.Addr(), strings.TrimPrefix(u.Path, "/"))
	return client, upstream, r, srv
}

// upstreamWithoutPassword is the upstream URL as the rules hold it: the
// password comes from proxy.password_env.
func upstreamWithoutPassword(upstream string) string {
	u, _ := url.Parse(upstream)
	u.User = url.User(u.User.Username())
	return u.String()
}

// parseTestRules parses the sample rules followed by proxyBlock, with key as
// the masking key and upstream's password as PROXY_TEST_UPSTREAM_PASSWORD.
func parseTestRules(t testing.TB, upstream, key, proxyBlock string) *rules.Rules {
	t.Helper()
	sample, err := os.ReadFile(filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(upstream)
	pw, _ := u.User.Password()
	r, err := rules.Parse("proxy-test.yaml", append(sample, proxyBlock...), rules.Options{Getenv: func(k string) string {
		if k == "PROXY_TEST_UPSTREAM_PASSWORD" {
			return pw
		}
		return key
	}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func simpleConn(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	c, err := pgx.ConnectConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// TestProxyMasksDirectColumns: values of masked columns come back masked,
// identical to the dump's masks, kept columns unchanged.
func TestProxyMasksDirectColumns(t *testing.T) {
	client, upstream, r := startProxy(t)
	pc := simpleConn(t, client)
	uc := pgtest.Connect(t, upstream)
	ctx := context.Background()
	want := map[int64][2]string{}
	rows, _ := uc.Query(ctx, "SELECT id, email, country FROM customers ORDER BY id LIMIT 20")
	for rows.Next() {
		var id int64
		var email, country string
		rows.Scan(&id, &email, &country)
		want[id] = [2]string{email, country}
	}
	if len(want) == 0 {
		t.Fatal("no sample rows")
	}
	bound, err := r.Column("public", "customers", "email").Masker.Bind(anonymize.Column{Type: "varchar", MaxLen: 120})
	if err != nil {
		t.Fatal(err)
	}
	got, err := pc.Query(ctx, "SELECT id, email AS contact, country FROM customers ORDER BY id LIMIT 20")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for got.Next() {
		var id int64
		var email, country string
		if err := got.Scan(&id, &email, &country); err != nil {
			t.Fatal(err)
		}
		orig := want[id]
		masked, _, _ := bound.Apply(nil, []byte(orig[0]), false)
		if email == orig[0] || email != string(masked) {
			t.Errorf("id %d: got %q, want the dump's mask %q of the original", id, email, masked)
		}
		if country != orig[1] {
			t.Errorf("id %d: kept column changed: %q vs %q", id, country, orig[1])
		}
		n++
	}
	if err := got.Err(); err != nil || n != len(want) {
		t.Fatalf("rows %d, err %v", n, err)
	}
}

// TestProxyRefusals: derived values, rows: none tables, writes and the
// extended protocol are refused with SQLSTATE and hint; the session goes on.
func TestProxyRefusals(t *testing.T) {
	client, _, _ := startProxy(t)
	pc := simpleConn(t, client)
	ctx := context.Background()
	for _, sql := range []string{
		"SELECT email || '' FROM customers",
		"SELECT lower(email) FROM customers",
		"SELECT * FROM audit_log",
		"DELETE FROM customers",
		"SELECT c FROM customers c",
		"SELECT email::int FROM customers",
	} {
		_, err := pc.Exec(ctx, sql)
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code == "" || !strings.HasPrefix(pe.Message, "pgveil") {
			t.Errorf("%s: want a pgveil refusal, got %v", sql, err)
		}
	}
	var n int
	if err := pc.QueryRow(ctx, "SELECT count(*) FROM customers").Scan(&n); err != nil || n == 0 {
		t.Errorf("count after refusals: %d, %v", n, err)
	}
}

// TestProxyPsql: psql works through the proxy, \d included.
func TestProxyPsql(t *testing.T) {
	client, _, _ := startProxy(t)
	for _, cmd := range []string{`\dt`, `\d customers`, `\d+ customers`, `\l`, `\df`, `\dv`, `\dn`, `\x on`,
		`SELECT email FROM customers ORDER BY id LIMIT 1`} {
		out, err := exec.Command(pgtest.Bin(t, "psql"), "-X", "-v", "ON_ERROR_STOP=1", "-d", client, "-c", cmd).CombinedOutput()
		if err != nil {
			t.Errorf("psql %s: %v\n%s", cmd, err, out)
		}
	}
}

// TestProxySearchPath: after SET search_path the analysis resolves names as
// the server does; a same-named table in another schema follows its own
// rules (here unlisted: mask, so NULL).
func TestProxySearchPath(t *testing.T) {
	client, upstream, _ := startProxy(t)
	uc := pgtest.Connect(t, upstream)
	ctx := context.Background()
	if _, err := uc.Exec(ctx, `CREATE SCHEMA shadow; CREATE TABLE shadow.customers (id int, email text);
		INSERT INTO shadow.customers VALUES (1, 'shadow-secret@example.com')`); err != nil {
		t.Fatal(err)
	}
	pc := simpleConn(t, client)
	if _, err := pc.Exec(ctx, "SET search_path TO shadow, public"); err != nil {
		t.Fatal(err)
	}
	// The table is newer than the proxy's catalog snapshot: the first read
	// is refused (unknown origin), which triggers a refresh; a retry works.
	var email *string
	var err error
	for i := 0; i < 50; i++ {
		if err = pc.QueryRow(ctx, "SELECT email FROM customers").Scan(&email); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	if email != nil {
		t.Errorf("shadow.customers.email is unlisted (masked to NULL), got %q", *email)
	}
	if _, err := pc.Exec(ctx, "SELECT lower(email) FROM customers"); err == nil {
		t.Error("a derived value of an unlisted column was allowed")
	}
	if _, err := pc.Exec(ctx, "RESET search_path"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := pc.QueryRow(ctx, "SELECT count(*) FROM customers").Scan(&n); err != nil || n < 2 {
		t.Errorf("after RESET, customers is public.customers again: %d %v", n, err)
	}
}

// TestProxyExtended: pgx in its default extended-protocol modes (binary
// results, cached statements executed without a fresh Describe) gets masked
// values identical to the dump's, and refusals as errors.
func TestProxyExtended(t *testing.T) {
	client, upstream, r := startProxy(t)
	uc := pgtest.Connect(t, upstream)
	ctx := context.Background()
	var id int64
	var email string
	var birth time.Time
	if err := uc.QueryRow(ctx, "SELECT id, email, birth_date FROM customers WHERE birth_date IS NOT NULL ORDER BY id LIMIT 1").Scan(&id, &email, &birth); err != nil {
		t.Fatal(err)
	}
	eb, _ := r.Column("public", "customers", "email").Masker.Bind(anonymize.Column{Type: "varchar", MaxLen: 120})
	wantEmail, _, _ := eb.Apply(nil, []byte(email), false)
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeCacheDescribe, pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec} {
		t.Run(mode.String(), func(t *testing.T) {
			cfg, _ := pgx.ParseConfig(client)
			cfg.DefaultQueryExecMode = mode
			pc, err := pgx.ConnectConfig(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer pc.Close(ctx)
			for i := 0; i < 3; i++ { // again and again: cached statement paths
				var gotEmail string
				var gotBirth time.Time
				if err := pc.QueryRow(ctx, "SELECT email, birth_date FROM customers WHERE id = $1", id).Scan(&gotEmail, &gotBirth); err != nil {
					t.Fatal(err)
				}
				if gotEmail != string(wantEmail) || gotEmail == email {
					t.Errorf("email %q, want the dump's mask %q", gotEmail, wantEmail)
				}
				if gotBirth.Year() != birth.Year() || gotBirth.YearDay() != 1 {
					t.Errorf("birth_date %v, want January 1st of %d", gotBirth, birth.Year())
				}
			}
			_, err = pc.Exec(ctx, "SELECT lower(email) FROM customers WHERE id = $1", id)
			var pe *pgconn.PgError
			if !errors.As(err, &pe) || pe.Code != "42501" {
				t.Errorf("derived value: want 42501, got %v", err)
			}
			var n int
			if err := pc.QueryRow(ctx, "SELECT count(*) FROM customers WHERE email = $1", email).Scan(&n); err != nil || n != 1 {
				t.Errorf("equality lookup on a masked column: %d, %v", n, err)
			}
		})
	}
}

// TestProxyMaxConnections: connections over proxy.max_connections get
// SQLSTATE 53300; the sessions already open keep working.
func TestProxyMaxConnections(t *testing.T) {
	client, _, _ := startProxyWith(t, "  max_connections: 2\n")
	ctx := context.Background()
	a := simpleConn(t, client)
	b := simpleConn(t, client)
	_, err := pgconn.Connect(ctx, client)
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "53300" {
		t.Errorf("third connection: want 53300, got %v", err)
	}
	for _, c := range []*pgx.Conn{a, b} {
		if _, err := c.Exec(ctx, "SELECT 1"); err != nil {
			t.Errorf("open session broken: %v", err)
		}
	}
}

// TestProxyMetrics: /metrics counts sessions and decisions and holds no
// value; /healthz answers 200 with a fresh catalog.
func TestProxyMetrics(t *testing.T) {
	client, _, _, srv := startProxyServer(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.ServeMetrics(ctx, ln)
	pc := simpleConn(t, client)
	var email string
	pc.QueryRow(ctx, "SELECT email FROM customers ORDER BY id LIMIT 1").Scan(&email)
	pc.Exec(ctx, "SELECT lower(email) FROM customers")
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + ln.Addr().String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get("/metrics")
	for _, want := range []string{"pgveil_proxy_sessions_total 1", `pgveil_proxy_statements_total{decision="refused"} 1`,
		`pgveil_proxy_statements_total{decision="allowed"} 1`, "pgveil_proxy_rows_total 1", "pgveil_proxy_connections 1"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if email == "" || strings.Contains(body, email) || strings.Contains(body, "customers") {
		t.Error("/metrics carries a value or a statement")
	}
	if code, body := get("/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", code, body)
	}
}

// TestProxyNegotiatesProtocol: a client asking for protocol 3.2 and an
// option is told 3.0 and no options, then served.
func TestProxyNegotiatesProtocol(t *testing.T) {
	client, _, _ := startProxy(t)
	u, _ := url.Parse(client)
	c, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	fe := pgproto3.NewFrontend(c, c)
	fe.Send(&pgproto3.StartupMessage{ProtocolVersion: 3<<16 | 2, Parameters: map[string]string{
		"user": "alice", "database": strings.TrimPrefix(u.Path, "/"), "_pq_.test_option": "on"}})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	msg, err := fe.Receive()
	if err != nil {
		t.Fatal(err)
	}
	npv, ok := msg.(*pgproto3.NegotiateProtocolVersion)
	if !ok || npv.NewestMinorProtocol != 0 || len(npv.UnrecognizedOptions) != 1 || npv.UnrecognizedOptions[0] != "_pq_.test_option" {
		t.Fatalf("want NegotiateProtocolVersion(0, [_pq_.test_option]), got %#v", msg)
	}
	if msg, err = fe.Receive(); err != nil {
		t.Fatal(err)
	}
	if _, ok := msg.(*pgproto3.AuthenticationSASL); !ok {
		t.Fatalf("want the SASL authentication request next, got %#v", msg)
	}
}
