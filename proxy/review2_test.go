package proxy

import (
	"context"
	"testing"
	"time"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// Findings of a security review of the analysis (package lineage) and of
// what the allowlist lets through (session 3). Each test plants canaries,
// runs the statement directly on the server (the poison control: the canary
// must show) and through the proxy over the simple protocol and the
// extended protocol (text and binary results); no canary may reach the
// client.
//
//	go test ./proxy -run TestReview2 -count=1 -v

// noCanaryAllModes runs sql on the server (poison control) and through the
// proxy in every protocol mode, each on a fresh session.
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

// TestReview2AliasPastOpenColumn: a column alias list (FROM subquery, join
// alias, CTE column list) renames columns by position. When a column of
// unknown width (SELECT * over a set-returning function without a known
// shape, or over a system catalog) comes first, lineage.applyAlias gives
// every remaining alias name the open column's lineage and leaves the
// columns after it with their old names; cteColumns stops renaming at the
// open column and the unlisted name then resolves to the open column's
// lineage (nsItem.rest). PostgreSQL gives unnest(...) exactly one column,
// so the second alias names the masked email, which lineage believes is
// computed from the constant array: x concatenated with the empty string passes the strict posture and
// leaves without any origin (an expression), unmasked.
func TestReview2AliasPastOpenColumn(t *testing.T) {
	client, upstream := reviewEnv(t)
	for _, sql := range []string{
		`SELECT x || '' FROM (SELECT * FROM unnest(ARRAY[1]), (SELECT email FROM customers) c) s(a, x)`,
		`WITH s(a, x) AS (SELECT * FROM unnest(ARRAY[1]), (SELECT email FROM customers) c) SELECT x || '' FROM s`,
		`SELECT s.x || '' FROM (unnest(ARRAY[1]) CROSS JOIN (SELECT email FROM customers) c) AS s(a, x)`,
		`SELECT x || '' FROM (SELECT * FROM pg_catalog.pg_namespace, (SELECT email FROM customers) c) s(a1, a2, a3, a4, x)`,
	} {
		t.Run(sql, func(t *testing.T) { noCanaryAllModes(t, client, upstream, sql) })
	}
}

// TestReview2SublinkColumnName: PostgreSQL names an unaliased scalar
// subquery after the subquery's own column (FigureColname: "text" for
// (SELECT email AS text ...)), and a cast of one after the subquery's
// column too; lineage.figureName calls the first "?column?" and the cast
// (SELECT 'x' AS q)::text "text". In the derived table s, lineage thus
// puts the name text on the constant column while PostgreSQL puts it on
// the email: s.text concatenated with the empty string is believed computed from a constant (strict
// posture satisfied) and the server returns every email in clear, without
// an origin. The same mismatch with CASE: PostgreSQL names CASE ... ELSE
// c.country END "country" (its ELSE branch's name), lineage "case".
func TestReview2SublinkColumnName(t *testing.T) {
	client, upstream := reviewEnv(t)
	for _, sql := range []string{
		`SELECT s.text || '' FROM (SELECT (SELECT c2.email AS text FROM customers c2 WHERE c2.id = c.id), (SELECT 'x' AS q)::text FROM customers c) s`,
		`SELECT "case" || '' FROM (SELECT (SELECT c2.email AS "case" FROM customers c2 WHERE c2.id = c.id), CASE WHEN true THEN 'x' ELSE c.country END FROM customers c) s`,
	} {
		t.Run(sql, func(t *testing.T) { noCanaryAllModes(t, client, upstream, sql) })
	}
}

// TestReview2StaleSnapshotReplacedView: a view redefined after the last
// catalog read (CREATE OR REPLACE VIEW keeps the OID, the column names and
// types) reports itself as the origin, so the proxy follows the lineage of
// the definition it read: label was country::text (kept), it is now
// email::text. Nothing in a result shows the change, so the proxy watches
// the catalogs (watchCatalog) and loads them again within about a second
// of the DDL instead of at the next periodic refresh (a minute). The test
// waits for a load that read the catalogs after the DDL (far shorter than
// the periodic one), then checks that no canary goes out.
func TestReview2StaleSnapshotReplacedView(t *testing.T) {
	client, upstream, srv := reviewEnvServer(t,
		`CREATE VIEW v_pub AS SELECT id, country::text AS label FROM customers`,
	)
	uc := pgtest.Connect(t, upstream)
	ctx := context.Background()
	// A statement prepared before the DDL and bound after it must be
	// analysed again under the new snapshot.
	prepared, rec := dialRecorded(t, client)
	if _, err := prepared.Prepare(ctx, "label", `SELECT label FROM v_pub`, nil); err != nil {
		t.Fatal(err)
	}
	before := srv.ddlMark.Load()
	// After the proxy's catalog read: a migration redefines the view.
	if _, err := uc.Exec(ctx, `CREATE OR REPLACE VIEW v_pub AS SELECT id, email::text AS label FROM customers`); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for srv.ddlMark.Load() == before {
		if time.Now().After(deadline) {
			t.Fatal("no catalog load after the DDL: the proxy still judges by the old definition")
		}
		time.Sleep(50 * time.Millisecond)
	}
	noCanaryAllModes(t, client, upstream, `SELECT label FROM v_pub`)
	rec.take()
	prepared.ExecPrepared(ctx, "label", nil, nil, nil).Read()
	if got := rec.take(); containsAny(got, canaryForms()) {
		t.Errorf("LEAK: a statement prepared before the DDL, executed after it: %q", excerpt(got, canaryForms()))
	}
}

// TestReview2ViewDefinitionSearchPath: view definitions are analysed with
// search_path public (viewSearchPath), but pg_get_viewdef leaves unqualified
// every name visible on the catalog loader's search_path, which is the
// database's (or the role's) default. With a database default of
// "app, public", a view over app.customers reads back as FROM customers
// and the analysis resolves it to public.customers, whose country the
// rules keep; app.customers is not in the rules (unlisted: mask), so its
// country is masked. The view reports itself as origin, the proxy follows
// the lineage (Direct public.customers.country, kept) and app.customers'
// values go out as they are.
func TestReview2ViewDefinitionSearchPath(t *testing.T) {
	client, upstream := reviewEnv(t,
		`CREATE SCHEMA app`,
		`CREATE TABLE app.customers (id bigint, country text)`,
		`INSERT INTO app.customers VALUES (1, 'zqcanary7leak@example.com')`,
		`ALTER DATABASE "{{dbname}}" SET search_path = app, public`,
		`SET search_path = app, public`,
		`CREATE VIEW public.v_app AS SELECT id, country FROM customers`,
	)
	noCanaryAllModes(t, client, upstream, `SELECT country FROM public.v_app`)
}
