package proxy

import (
	"context"
	"testing"
	"time"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// The proxy follows a view's lineage as it read the view's definition from
// the catalog: the definition it analyses must be the one the server runs.

// TestReplacedViewReanalysedAfterCatalogReload: a view redefined after the
// last catalog read (CREATE OR REPLACE VIEW keeps the OID, the column names
// and types) reports itself as the origin, so the proxy follows the lineage
// of the definition it read: label was country::text (kept), it is now
// email::text. Nothing in a result shows the change, so the proxy watches
// the catalogs and loads them again after DDL instead of at the next
// periodic refresh (a minute). The test waits for a load that read the
// catalogs after the DDL, then checks that no canary goes out, also from a
// statement prepared before the DDL and bound after it (analysed again
// under the new snapshot).
func TestReplacedViewReanalysedAfterCatalogReload(t *testing.T) {
	client, upstream, srv := canaryProxyServer(t,
		`CREATE VIEW v_pub AS SELECT id, country::text AS label FROM customers`,
	)
	uc := pgtest.Connect(t, upstream)
	ctx := context.Background()
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

// TestViewDefinitionReadIndependentOfDatabaseSearchPath: view definitions
// are analysed with search_path public, but pg_get_viewdef leaves
// unqualified every name visible on the catalog loader's search_path, which
// is the database's (or the role's) default. With a database default of
// "app, public", a view over app.customers must not read back as FROM
// customers and resolve to public.customers, whose country the rules keep:
// app.customers is not in the rules (unlisted: mask), so its country is
// masked. Otherwise the view reports itself as origin, the proxy follows
// the lineage (public.customers.country, kept) and app.customers' values
// go out as they are.
func TestViewDefinitionReadIndependentOfDatabaseSearchPath(t *testing.T) {
	client, upstream := canaryProxy(t,
		`CREATE SCHEMA app`,
		`CREATE TABLE app.customers (id bigint, country text)`,
		`INSERT INTO app.customers VALUES (1, 'zqcanary7leak@example.com')`,
		`ALTER DATABASE "{{dbname}}" SET search_path = app, public`,
		`SET search_path = app, public`,
		`CREATE VIEW public.v_app AS SELECT id, country FROM customers`,
	)
	noCanaryAllModes(t, client, upstream, `SELECT country FROM public.v_app`)
}
