package dump

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/internal/relname"
)

func subsetCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// snapshotTx opens the kind of transaction the dump computes a subset in,
// read-only so the test also shows the subset queries write nothing.
func snapshotTx(t *testing.T, ctx context.Context, conn *pgx.Conn) (pgx.Tx, *catalog.Snapshot) {
	t.Helper()
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Rollback(context.Background()) })
	snap, err := catalog.Load(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	return tx, snap
}

func mustSpec(t *testing.T, arg string) SubsetSpec {
	t.Helper()
	sp, err := ParseSubset(arg)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

func queryIDs(t *testing.T, ctx context.Context, q catalog.Querier, sql string, args ...any) []int64 {
	t.Helper()
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// restoreFixture builds the fixture the way a dump restores: the source's
// schema (pg_dump --schema-only) into an empty database, then each table's
// subset rows copied with COPY (SELECT ... WHERE <Filter>), foreign-key
// triggers off during the load. It then checks every foreign key of the
// fixture with an anti-join and returns the ids each physical table holds.
func restoreFixture(t *testing.T, ctx context.Context, schemaFile string, tx pgx.Tx, snap *catalog.Snapshot, sub *Subset) map[relname.Name][]int64 {
	t.Helper()
	dst := pgtest.CreateDB(t, "subset_fixture")
	pgtest.Psql(t, dst, schemaFile)
	dconn := pgtest.Connect(t, dst)
	if _, err := dconn.Exec(ctx, "SET session_replication_role = replica"); err != nil {
		t.Fatal(err)
	}
	for _, tbl := range snap.Sorted() {
		clause, ok := sub.Filter(tbl.Name)
		if tbl.Kind != catalog.KindTable {
			if ok {
				t.Fatalf("Filter(%s) of a %c relation reports rows", tbl.Name, tbl.Kind)
			}
			continue
		}
		if !ok {
			if sub.Rows(tbl.Name) != 0 {
				t.Fatalf("%s: Rows = %d but Filter reports none", tbl.Name, sub.Rows(tbl.Name))
			}
			continue
		}
		var cols []string
		for _, c := range tbl.Columns {
			if !c.Generated {
				cols = append(cols, pgx.Identifier{c.Name}.Sanitize())
			}
		}
		list := strings.Join(cols, ", ")
		var buf bytes.Buffer
		tag, err := tx.Conn().PgConn().CopyTo(ctx, &buf,
			"COPY (SELECT "+list+" FROM "+tbl.Name.Quoted()+" WHERE "+clause+") TO STDOUT")
		if err != nil {
			t.Fatalf("copy out %s: %v", tbl.Name, err)
		}
		if int(tag.RowsAffected()) != sub.Rows(tbl.Name) {
			t.Fatalf("%s: Filter selects %d rows, Rows says %d", tbl.Name, tag.RowsAffected(), sub.Rows(tbl.Name))
		}
		if _, err := dconn.PgConn().CopyFrom(ctx, &buf, "COPY "+tbl.Name.Quoted()+" ("+list+") FROM STDIN"); err != nil {
			t.Fatalf("copy in %s: %v", tbl.Name, err)
		}
	}
	if _, err := dconn.Exec(ctx, "RESET session_replication_role"); err != nil {
		t.Fatal(err)
	}
	checkForeignKeys(t, ctx, dconn)

	got := map[relname.Name][]int64{}
	for _, tbl := range snap.Sorted() {
		if _, ok := tbl.Column("id"); ok && tbl.Kind == catalog.KindTable {
			if ids := queryIDs(t, ctx, dconn, "SELECT id::int8 FROM ONLY "+tbl.Name.Quoted()); len(ids) > 0 {
				got[tbl.Name] = ids
			}
		}
	}
	return got
}

// checkForeignKeys counts, for every foreign key of the database, the rows
// whose reference finds no row (MATCH SIMPLE: a NULL column exempts).
func checkForeignKeys(t *testing.T, ctx context.Context, conn *pgx.Conn) {
	t.Helper()
	snap, err := catalog.Load(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, tbl := range snap.Sorted() {
		for _, fk := range tbl.ForeignKey {
			var notNull, match []string
			for i, c := range fk.Columns {
				col := "c." + pgx.Identifier{c}.Sanitize()
				notNull = append(notNull, col+" IS NOT NULL")
				match = append(match, "p."+pgx.Identifier{fk.RefColumns[i]}.Sanitize()+" = "+col)
			}
			sql := fmt.Sprintf("SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM %s p WHERE %s)) FROM %s c WHERE %s",
				fk.RefTable.Quoted(), strings.Join(match, " AND "), tbl.Name.Quoted(), strings.Join(notNull, " AND "))
			var refs, broken int64
			if err := conn.QueryRow(ctx, sql).Scan(&refs, &broken); err != nil {
				t.Fatalf("%s: %v", sql, err)
			}
			if broken != 0 {
				t.Errorf("fixture: %d rows of %s break foreign key %s", broken, tbl.Name, fk.Name)
			}
			checked += int(refs)
		}
	}
	if checked == 0 {
		t.Fatal("fixture: no foreign key reference to check; the test proves nothing")
	}
}

func pub(name string) relname.Name { return relname.Name{Schema: "public", Name: name} }

func compareIDs(t *testing.T, label string, got, want map[relname.Name][]int64) {
	t.Helper()
	for name, ids := range want {
		if len(ids) == 0 {
			delete(want, name)
		}
	}
	for name, ids := range want {
		if !slices.Equal(got[name], ids) {
			t.Errorf("%s: %s holds ids %v, want %v", label, name, got[name], ids)
		}
	}
	for name, ids := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s holds ids %v, want none (not reachable)", label, name, ids)
		}
	}
}

func TestSubsetSample(t *testing.T) {
	src := pgtest.CreateDB(t, "subset_src")
	pgtest.LoadSample(t, src, "0.01")
	ctx := subsetCtx(t)
	conn := pgtest.Connect(t, src)
	schema := pgtest.PgDump(t, src, "--schema-only")

	// The customer with the most to follow: contacts, cards, assigned tickets.
	var cust int64
	err := conn.QueryRow(ctx, `
		SELECT c.id FROM customers c
		ORDER BY EXISTS (SELECT 1 FROM tickets x WHERE x.customer_id = c.id AND x.assigned_to IS NOT NULL) DESC,
		         EXISTS (SELECT 1 FROM accounts a JOIN payment_cards p ON p.account_id = a.id WHERE a.customer_id = c.id) DESC,
		         EXISTS (SELECT 1 FROM contacts x WHERE x.customer_id = c.id) DESC,
		         c.id
		LIMIT 1`).Scan(&cust)
	if err != nil {
		t.Fatal(err)
	}
	// What "reachable from the customer" means, written independently of
	// the implementation.
	accounts := queryIDs(t, ctx, conn, "SELECT id FROM accounts WHERE customer_id = $1", cust)
	tickets := queryIDs(t, ctx, conn, "SELECT id FROM tickets WHERE customer_id = $1", cust)
	agents := queryIDs(t, ctx, conn, "SELECT assigned_to::int8 FROM tickets WHERE customer_id = $1 AND assigned_to IS NOT NULL", cust)
	withChildren := map[relname.Name][]int64{
		pub("customers"):     {cust},
		pub("contacts"):      queryIDs(t, ctx, conn, "SELECT id FROM contacts WHERE customer_id = $1", cust),
		pub("accounts"):      accounts,
		pub("payment_cards"): queryIDs(t, ctx, conn, "SELECT id FROM payment_cards WHERE account_id = ANY ($1)", accounts),
		pub("tickets"):       tickets,
		pub("users"):         agents,
	}
	if len(accounts) == 0 || len(tickets) == 0 || len(agents) == 0 || len(withChildren[pub("payment_cards")]) == 0 {
		t.Fatalf("sample customer %d lacks accounts, cards, tickets or agents: %v", cust, withChildren)
	}
	t.Logf("customer %d: %v", cust, withChildren)

	t.Run("children", func(t *testing.T) {
		tx, snap := snapshotTx(t, ctx, conn)
		sub, err := ComputeSubset(ctx, tx, snap, []SubsetSpec{mustSpec(t, fmt.Sprintf("public.customers: id = %d", cust))}, true)
		if err != nil {
			t.Fatal(err)
		}
		for name, ids := range withChildren {
			if sub.Rows(name) != len(ids) {
				t.Errorf("Rows(%s) = %d, want %d", name, sub.Rows(name), len(ids))
			}
		}
		if sub.Rows(pub("audit_log")) != 0 {
			t.Errorf("the agents' audit log is not below the customer, yet %d rows are in", sub.Rows(pub("audit_log")))
		}
		compareIDs(t, "children", restoreFixture(t, ctx, schema, tx, snap, sub), withChildren)
	})

	t.Run("parents only", func(t *testing.T) {
		tx, snap := snapshotTx(t, ctx, conn)
		sub, err := ComputeSubset(ctx, tx, snap, []SubsetSpec{mustSpec(t, fmt.Sprintf("customers: id = %d", cust))}, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := sub.Tables(); !slices.Equal(got, []relname.Name{pub("customers")}) || sub.Rows(pub("customers")) != 1 {
			t.Fatalf("Tables = %v (customers: %d rows), want only the customer", got, sub.Rows(pub("customers")))
		}
	})

	t.Run("ticket pulls customer and agent", func(t *testing.T) {
		tx, snap := snapshotTx(t, ctx, conn)
		var ticket, agent int64
		if err := conn.QueryRow(ctx, "SELECT id, assigned_to FROM tickets WHERE customer_id = $1 AND assigned_to IS NOT NULL ORDER BY id LIMIT 1", cust).Scan(&ticket, &agent); err != nil {
			t.Fatal(err)
		}
		sub, err := ComputeSubset(ctx, tx, snap, []SubsetSpec{mustSpec(t, fmt.Sprintf("tickets: id = %d", ticket))}, false)
		if err != nil {
			t.Fatal(err)
		}
		want := map[relname.Name][]int64{pub("tickets"): {ticket}, pub("customers"): {cust}, pub("users"): {agent}}
		compareIDs(t, "ticket", restoreFixture(t, ctx, schema, tx, snap, sub), want)
	})

	t.Run("several specs", func(t *testing.T) {
		tx, snap := snapshotTx(t, ctx, conn)
		card := withChildren[pub("payment_cards")][0]
		specs := []SubsetSpec{
			mustSpec(t, fmt.Sprintf("payment_cards: id = %d", card)),
			mustSpec(t, "audit_log: id < 0"), // matches nothing: adds nothing
		}
		sub, err := ComputeSubset(ctx, tx, snap, specs, false)
		if err != nil {
			t.Fatal(err)
		}
		acct := queryIDs(t, ctx, conn, "SELECT account_id FROM payment_cards WHERE id = $1", card)
		owner := queryIDs(t, ctx, conn, "SELECT customer_id FROM accounts WHERE id = ANY ($1)", acct)
		want := map[relname.Name][]int64{pub("payment_cards"): {card}, pub("accounts"): acct, pub("customers"): owner}
		compareIDs(t, "card", restoreFixture(t, ctx, schema, tx, snap, sub), want)
	})

	t.Run("server refusals name the table", func(t *testing.T) {
		tx, snap := snapshotTx(t, ctx, conn)
		for _, arg := range []string{"customers: id", "customers: no_such_column = 1", "nope: id = 1", "customers: email::int > 0"} {
			sp, err := ParseSubset(arg)
			if err != nil {
				t.Fatalf("%q: %v", arg, err)
			}
			if _, err := tx.Exec(ctx, "SAVEPOINT s"); err != nil {
				t.Fatal(err)
			}
			_, err = ComputeSubset(ctx, tx, snap, []SubsetSpec{sp}, true)
			if err == nil || !strings.HasPrefix(err.Error(), "subset "+sp.Table.String()+": ") {
				t.Errorf("%q: error %v, want one naming %s", arg, err, sp.Table)
			}
			if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT s"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := ComputeSubset(ctx, tx, snap, nil, true); err == nil {
			t.Error("no specs: accepted")
		}
	})
}

// Self-references, a two-table cycle and multi-level partitions, on a
// schema made for them.
func TestSubsetGraphShapes(t *testing.T) {
	src := pgtest.CreateDB(t, "subset_shapes")
	ctx := subsetCtx(t)
	conn := pgtest.Connect(t, src)
	_, err := conn.Exec(ctx, `
CREATE TABLE emp (id int PRIMARY KEY, manager_id int REFERENCES emp (id), name text);
INSERT INTO emp VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'c'), (5, 2, 'd'), (6, 4, 'e'), (7, 3, 'f');

CREATE TABLE a (id int PRIMARY KEY, b_id int);
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id) DEFERRABLE INITIALLY DEFERRED;
BEGIN;
INSERT INTO a VALUES (1, 1), (2, 2), (3, 3);
INSERT INTO b VALUES (1, 1), (2, 1), (3, 3);
COMMIT;

CREATE TABLE regions (id int PRIMARY KEY, name text);
CREATE TABLE orders (id int PRIMARY KEY, region_id int REFERENCES regions (id)) PARTITION BY RANGE (id);
CREATE TABLE orders_lo PARTITION OF orders FOR VALUES FROM (0) TO (100);
CREATE TABLE orders_hi PARTITION OF orders FOR VALUES FROM (100) TO (200) PARTITION BY RANGE (id);
CREATE TABLE orders_hi_a PARTITION OF orders_hi FOR VALUES FROM (100) TO (150);
CREATE TABLE orders_hi_b PARTITION OF orders_hi FOR VALUES FROM (150) TO (200);
CREATE TABLE items (id int PRIMARY KEY, order_id int REFERENCES orders (id), parent_item int REFERENCES items (id));
INSERT INTO regions VALUES (1, 'north'), (2, 'south');
INSERT INTO orders VALUES (10, 1), (20, 2), (120, 1), (170, 1), (180, 2);
INSERT INTO items VALUES (1, 10, NULL), (2, 120, NULL), (3, 170, 2), (4, 180, NULL), (5, 20, 4);
`)
	if err != nil {
		t.Fatal(err)
	}
	schema := pgtest.PgDump(t, src, "--schema-only")

	tests := []struct {
		arg      string
		children bool
		want     map[relname.Name][]int64
	}{
		{"emp: id = 6", false, map[relname.Name][]int64{pub("emp"): {1, 2, 4, 6}}},
		{"emp: id = 2", false, map[relname.Name][]int64{pub("emp"): {1, 2}}},
		// Children go down the tree; the root comes in only as a parent.
		{"emp: id = 2", true, map[relname.Name][]int64{pub("emp"): {1, 2, 4, 5, 6}}},
		{"a: id = 1", false, map[relname.Name][]int64{pub("a"): {1}, pub("b"): {1}}},
		{"a: id = 2", false, map[relname.Name][]int64{pub("a"): {1, 2}, pub("b"): {1, 2}}},
		{"a: id = 1", true, map[relname.Name][]int64{pub("a"): {1, 2}, pub("b"): {1, 2}}},
		// A leaf row pulls its parent item (another leaf's order) and the
		// orders and region they reference.
		{"items: id = 3", false, map[relname.Name][]int64{
			pub("items"): {2, 3}, pub("orders_hi_a"): {120}, pub("orders_hi_b"): {170}, pub("regions"): {1}}},
		// Conditions on a partitioned table seed rows of its leaves.
		{"orders: id >= 150", false, map[relname.Name][]int64{
			pub("orders_hi_b"): {170, 180}, pub("regions"): {1, 2}}},
		{"regions: name = 'north'", true, map[relname.Name][]int64{
			pub("regions"): {1}, pub("orders_lo"): {10}, pub("orders_hi_a"): {120}, pub("orders_hi_b"): {170},
			pub("items"): {1, 2, 3}}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s children=%v", tt.arg, tt.children), func(t *testing.T) {
			tx, snap := snapshotTx(t, ctx, conn)
			sub, err := ComputeSubset(ctx, tx, snap, []SubsetSpec{mustSpec(t, tt.arg)}, tt.children)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{"orders", "orders_hi"} {
				if _, ok := sub.Filter(pub(p)); ok {
					t.Errorf("Filter(%s): a partitioned table holds no rows itself", p)
				}
			}
			compareIDs(t, tt.arg, restoreFixture(t, ctx, schema, tx, snap, sub), tt.want)
		})
	}
}
