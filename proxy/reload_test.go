package proxy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/rules"
)

// reloadRules parses the sample rules with a proxy: section for upstream
// made of the given lines (each "key: value", indented by this function),
// under key.
func reloadRules(t *testing.T, upstream, key string, lines ...string) *rules.Rules {
	t.Helper()
	block := map[string]string{"listen": "127.0.0.1:0", "upstream": upstreamWithoutPassword(upstream), "password_env": "PROXY_TEST_UPSTREAM_PASSWORD",
		"users": "\n    - name: alice\n      password: alice-secret"}
	order := []string{"listen", "upstream", "password_env", "users"}
	for _, l := range lines {
		k, v, _ := strings.Cut(l, ": ")
		if _, ok := block[k]; !ok {
			order = append(order, k)
		}
		block[k] = v
	}
	var b strings.Builder
	b.WriteString("\nproxy:\n")
	for _, k := range order {
		fmt.Fprintf(&b, "  %s: %s\n", k, block[k])
	}
	return parseTestRules(t, upstream, key, b.String())
}

// waitFatal reads a hijacked session until the proxy's FATAL arrives and
// returns its SQLSTATE.
func waitFatal(t *testing.T, c *pgconn.PgConn) string {
	t.Helper()
	hc, err := c.Hijack()
	if err != nil {
		t.Fatal(err)
	}
	defer hc.Conn.Close()
	hc.Conn.SetDeadline(time.Now().Add(time.Minute))
	for {
		msg, err := hc.Frontend.Receive()
		if err != nil {
			t.Fatalf("the session ended without a FATAL: %v", err)
		}
		if e, ok := msg.(*pgproto3.ErrorResponse); ok && e.Severity == "FATAL" {
			return e.Code
		}
	}
}

// reloadHarness is the proxy whose rules the subtests of TestReloadPolicy
// reload.
type reloadHarness struct {
	ctx              context.Context
	client, upstream string
	srv              *Server
}

// alice opens a session as alice, closed when the test ends.
func (h *reloadHarness) alice(t *testing.T) *pgconn.PgConn {
	t.Helper()
	c, err := pgconn.Connect(h.ctx, h.client)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(h.ctx) })
	return c
}

// reload puts rules with the given proxy lines in force, and the original
// rules back when the test ends.
func (h *reloadHarness) reload(t *testing.T, lines ...string) {
	t.Helper()
	if err := h.srv.Reload(reloadRules(t, h.upstream, testKey, lines...)); err != nil {
		t.Fatalf("reload refused: %v", err)
	}
	t.Cleanup(func() {
		if err := h.srv.Reload(reloadRules(t, h.upstream, testKey)); err != nil {
			t.Errorf("restoring the rules: %v", err)
		}
	})
}

// restartLines change settings that need a restart.
var restartLines = []string{"listen: 127.0.0.1:1", "upstream: postgres://elsewhere:5432/db", "password_env: OTHER_VARIABLE", "metrics_listen: 127.0.0.1:0"}

// reloadCases test the settings a reload may change: policy is the
// reloadPolicy line, name the subtest's.
var reloadCases = []struct {
	policy, name string
	run          func(*reloadHarness, *testing.T)
}{
	{"tls", "tls", (*reloadHarness).tls},
	{"users", "users", (*reloadHarness).users},
	{"posture", "posture", (*reloadHarness).posture},
	{"max_connections", "max_connections", (*reloadHarness).maxConnections},
	{"idle_timeout", "idle_timeout", (*reloadHarness).idleTimeout},
	{"max_message_size", "max_message_size", (*reloadHarness).maxMessageSize},
	{"tables, types, unlisted, locale, key", "key", (*reloadHarness).key},
}

// TestReloadPolicy checks every line of reloadPolicy: a setting that needs
// a restart makes the reload fail and leaves the rules in force; a setting
// a reload may change takes effect as the policy says.
func TestReloadPolicy(t *testing.T) {
	client, upstream, _, srv := startProxyServer(t, "")
	h := &reloadHarness{ctx: context.Background(), client: client, upstream: upstream, srv: srv}
	tested := map[string]bool{}
	for _, line := range restartLines {
		name, _, _ := strings.Cut(line, ":")
		tested[name] = true
		t.Run(name, func(t *testing.T) { h.refusedNeedsRestart(t, name, line) })
	}
	for _, c := range reloadCases {
		tested[c.policy] = true
		t.Run(c.name, func(t *testing.T) { c.run(h, t) })
	}
	checkReloadPolicyCovered(t, tested)
}

// checkReloadPolicyCovered: every line of reloadPolicy has a test and a row
// in the README's table.
func checkReloadPolicyCovered(t *testing.T, tested map[string]bool) {
	t.Helper()
	for _, rs := range reloadPolicy {
		if !tested[rs.name] {
			t.Errorf("reloadPolicy line %q has no test", rs.name)
		}
	}
	readme, err := os.ReadFile(filepath.Join(pgtest.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, rs := range reloadPolicy {
		if !strings.Contains(string(readme), "| `"+rs.name+"` |") {
			t.Errorf("README.md does not list the reload setting %q as a table row", rs.name)
		}
	}
}

// refusedNeedsRestart: a reload with line, changing the setting name, fails
// naming the setting and a restart, and leaves the rules in force.
func (h *reloadHarness) refusedNeedsRestart(t *testing.T, name, line string) {
	before := h.srv.current()
	err := h.srv.Reload(reloadRules(t, h.upstream, testKey, line))
	if err == nil || !strings.Contains(err.Error(), "proxy."+name) || !strings.Contains(err.Error(), "restart") {
		t.Fatalf("a reload changing %s: got %v, want an error naming proxy.%s and a restart", name, err, name)
	}
	if h.srv.current() != before {
		t.Fatal("a refused reload replaced the rules in force")
	}
}

// tls: after TLS is switched on, plaintext connections are refused and TLS
// ones accepted; a session opened before goes on.
func (h *reloadHarness) tls(t *testing.T) {
	open := h.alice(t)
	cert, key := selfSigned(t)
	h.reload(t, "tls: {cert: "+cert+", key: "+key+"}")
	_, err := pgconn.Connect(h.ctx, h.client) // sslmode=disable
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "28000" {
		t.Fatalf("a plaintext connection after TLS was switched on: got %v, want 28000", err)
	}
	tc, err := pgconn.Connect(h.ctx, strings.Replace(h.client, "sslmode=disable", "sslmode=require", 1))
	if err != nil {
		t.Fatalf("a TLS connection after the reload: %v", err)
	}
	tc.Close(h.ctx)
	if _, err := open.Exec(h.ctx, "SELECT 1").ReadAll(); err != nil {
		t.Fatalf("a session opened before the reload: %v", err)
	}
}

// users: a user removed cannot log in, one added can; a session
// authenticated before goes on.
func (h *reloadHarness) users(t *testing.T) {
	open := h.alice(t)
	h.reload(t, "users: \n    - name: bob\n      password: bob-secret")
	if _, err := pgconn.Connect(h.ctx, h.client); err == nil {
		t.Fatal("a user removed by the reload could still log in")
	}
	bob, err := pgconn.Connect(h.ctx, strings.Replace(h.client, "alice:alice-secret", "bob:bob-secret", 1))
	if err != nil {
		t.Fatalf("a user added by the reload: %v", err)
	}
	bob.Close(h.ctx)
	if _, err := open.Exec(h.ctx, "SELECT 1").ReadAll(); err != nil {
		t.Fatalf("a session authenticated before the reload: %v", err)
	}
}

// posture: an open session's next statement runs under the new posture.
func (h *reloadHarness) posture(t *testing.T) {
	c := h.alice(t)
	const sql = "SELECT id FROM customers ORDER BY email LIMIT 1"
	var pe *pgconn.PgError
	if _, err := c.Exec(h.ctx, sql).ReadAll(); !errors.As(err, &pe) || pe.Code != "42501" {
		t.Fatalf("under posture strict: got %v, want 42501", err)
	}
	h.reload(t, "posture: standard")
	if _, err := c.Exec(h.ctx, sql).ReadAll(); err != nil {
		t.Fatalf("the same session's next statement under posture standard: %v", err)
	}
}

// maxConnections: a lower limit refuses the next connection.
func (h *reloadHarness) maxConnections(t *testing.T) {
	h.alice(t)
	h.reload(t, "max_connections: 1")
	_, err := pgconn.Connect(h.ctx, h.client)
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "53300" {
		t.Fatalf("a second connection under max_connections 1: got %v, want 53300", err)
	}
}

// idleTimeout: an open session left idle after the reload is ended.
func (h *reloadHarness) idleTimeout(t *testing.T) {
	c := h.alice(t)
	h.reload(t, "idle_timeout: 200ms")
	if _, err := c.Exec(h.ctx, "SELECT 1").ReadAll(); err != nil {
		t.Fatal(err)
	}
	if code := waitFatal(t, c); code != "57P05" {
		t.Fatalf("an idle session after the reload ended with %s, want 57P05", code)
	}
}

// maxMessageSize: an open session's messages after the next one are held
// to the new limit.
func (h *reloadHarness) maxMessageSize(t *testing.T) {
	c := h.alice(t)
	h.reload(t, "max_message_size: 8192")
	if _, err := c.Exec(h.ctx, "SELECT 1").ReadAll(); err != nil { // the wait already begun keeps the old limit
		t.Fatal(err)
	}
	sql := "SELECT '" + strings.Repeat("x", 20000) + "'"
	_, err := c.Exec(h.ctx, sql).ReadAll()
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "08P01" {
		t.Fatalf("a message over the reloaded limit: got %v, want 08P01", err)
	}
}

// key: an open session's next statement is masked under the new key.
func (h *reloadHarness) key(t *testing.T) {
	c := h.alice(t)
	const sql = "SELECT email FROM customers ORDER BY id LIMIT 1"
	before, err := c.Exec(h.ctx, sql).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.srv.Reload(reloadRules(t, h.upstream, testKey+"-rotated")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.srv.Reload(reloadRules(t, h.upstream, testKey)) })
	after, err := c.Exec(h.ctx, sql).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if string(before[0].Rows[0][0]) == string(after[0].Rows[0][0]) {
		t.Fatal("the next statement after a key change was masked under the old key")
	}
}

// TestCatalogRefreshKeepsReloadedRules: a catalog refresh after a reload
// publishes the new snapshot with the reloaded rules, not the rules it
// started from.
func TestCatalogRefreshKeepsReloadedRules(t *testing.T) {
	_, upstream, _, srv := startProxyServer(t, "")
	next := reloadRules(t, upstream, testKey)
	if err := srv.Reload(next); err != nil {
		t.Fatal(err)
	}
	before := srv.current()
	if err := srv.loadCatalog(context.Background()); err != nil {
		t.Fatal(err)
	}
	if g := srv.current(); g.rules != next || g.snap == before.snap {
		t.Fatalf("after a reload and a refresh: reloaded rules kept %v, new snapshot %v", g.rules == next, g.snap != before.snap)
	}
}
