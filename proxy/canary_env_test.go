package proxy

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// Helpers of the tests that plant canaries, create what an administrator
// may have created (fixtures), and check that no canary reaches a client.

// canaryProxy is a proxy over the sample with canaries planted; fixtures
// run on the server before the proxy re-reads its catalog ({{dbname}} is
// the database's name).
func canaryProxy(t *testing.T, fixtures ...string) (client, upstream string) {
	t.Helper()
	client, upstream, _ = canaryProxyServer(t, fixtures...)
	return client, upstream
}

// canaryProxyServer is canaryProxy that also returns the server.
func canaryProxyServer(t *testing.T, fixtures ...string) (client, upstream string, srv *Server) {
	t.Helper()
	client, upstream, _, srv = startProxyServer(t, "")
	plantCanaries(t, upstream)
	uc := pgtest.Connect(t, upstream)
	ctx := context.Background()
	u, _ := url.Parse(upstream)
	db := strings.TrimPrefix(u.Path, "/")
	for _, f := range fixtures {
		if _, err := uc.Exec(ctx, strings.ReplaceAll(f, "{{dbname}}", db)); err != nil {
			t.Fatalf("fixture %q: %v", f, err)
		}
	}
	if err := srv.loadCatalog(ctx); err != nil {
		t.Fatal(err)
	}
	return client, upstream, srv
}

// noCanaryAllModes runs sql on the server (the poison control: the canary
// must show) and through the proxy in every protocol mode, each on a fresh
// session (no canary may reach the client).
func noCanaryAllModes(t *testing.T, client, upstream, sql string) {
	t.Helper()
	ctx := context.Background()
	direct, drec := dialRecorded(t, upstream)
	o := runSimple(ctx, direct, sql)
	if !containsAny(drec.take(), canaryForms()) {
		t.Fatalf("poison control: %q shows no canary on the server (%s)", sql, o)
	}
	for _, mode := range protoModes {
		t.Run(mode.name, func(t *testing.T) {
			pc, rec := dialRecorded(t, client)
			rec.take()
			o := mode.run(ctx, pc, sql)
			if got := rec.take(); containsAny(got, canaryForms()) {
				t.Errorf("LEAK (%s): %q answered with %s; canary on the wire: %q", mode.name, sql, o, excerpt(got, canaryForms()))
			}
		})
	}
}

// runStepsNoCanary runs steps, one simple Query each, on the server (the
// poison control: the canary must show) and through the proxy (no canary
// may reach the client).
func runStepsNoCanary(t *testing.T, client, upstream string, steps []string) {
	t.Helper()
	ctx := context.Background()
	direct, drec := dialRecorded(t, upstream)
	for _, s := range steps {
		direct.Exec(ctx, s).ReadAll()
	}
	if !containsAny(drec.take(), canaryForms()) {
		t.Fatal("poison control: the steps show no canary on the server")
	}
	pc, rec := dialRecorded(t, client)
	var last outcome
	for _, s := range steps {
		last = runSimple(ctx, pc, s)
	}
	if got := rec.take(); containsAny(got, canaryForms()) {
		t.Errorf("LEAK: %s answered with %s; canary on the wire: %q", strings.Join(steps, " | "), last, excerpt(got, canaryForms()))
	}
}
