package catalog

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/internal/relname"
)

// loadSchema covers every kind of relation and column Load describes.
const loadSchema = `
CREATE SCHEMA app;
CREATE DOMAIN app.code AS varchar(20);
CREATE DOMAIN app.code2 AS app.code;
CREATE DOMAIN app.codelist AS varchar(5)[];

CREATE TABLE app.people (
    id        int GENERATED ALWAYS AS IDENTITY,
    tenant    int NOT NULL,
    junk      text,
    code      app.code,
    code2     app.code2,
    codes     app.code[],
    codelist  app.codelist,
    tags      varchar(8)[],
    first     text NOT NULL,
    last      text,
    full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED,
    born      date,
    ch        char(3),
    profile   jsonb,
    amount    numeric(10,2),
    PRIMARY KEY (tenant, id),
    CONSTRAINT people_first_last_key UNIQUE (first, last)
);
ALTER TABLE app.people DROP COLUMN junk;
CREATE UNIQUE INDEX people_code_idx ON app.people (code);
CREATE UNIQUE INDEX people_ch_idx ON app.people (ch) INCLUDE (born);
CREATE UNIQUE INDEX people_partial_idx ON app.people (last) WHERE born IS NULL;
CREATE UNIQUE INDEX people_expr_idx ON app.people (lower(first));
CREATE INDEX people_born_idx ON app.people (born);

CREATE TABLE app.orders (
    id     bigserial PRIMARY KEY,
    tenant int NOT NULL,
    person int NOT NULL,
    CONSTRAINT orders_person_fkey FOREIGN KEY (person, tenant) REFERENCES app.people (id, tenant)
);

CREATE TABLE app.events (
    id       bigint NOT NULL,
    at       date NOT NULL,
    order_id bigint REFERENCES app.orders (id),
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE app.events_2023 PARTITION OF app.events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE app.event_refs (
    event_id bigint,
    event_at date,
    CONSTRAINT event_refs_event_fkey FOREIGN KEY (event_id, event_at) REFERENCES app.events (id, at)
);

CREATE TABLE app.base (id int, note text);
CREATE TABLE app.child (extra int) INHERITS (app.base);

CREATE VIEW app.v_people AS SELECT id, first FROM app.people;
CREATE MATERIALIZED VIEW app.mv_orders AS SELECT count(*) AS n FROM app.orders;

CREATE FOREIGN DATA WRAPPER pgveil_test_fdw;
CREATE SERVER pgveil_test_srv FOREIGN DATA WRAPPER pgveil_test_fdw;
CREATE FOREIGN TABLE app.remote (a int, b varchar(4)) SERVER pgveil_test_srv;

INSERT INTO app.people (tenant, first, last) SELECT 1, 'f' || g, 'l' || g FROM generate_series(1, 500) g;
ANALYZE app.people;
`

func TestLoadCatalog(t *testing.T) {
	dsn := pgtest.CreateDB(t, "pgveil_catalog")
	conn := pgtest.Connect(t, dsn)
	ctx := context.Background()
	if _, err := conn.Exec(ctx, loadSchema); err != nil {
		t.Fatal(err)
	}
	// A temporary table lives in pg_temp_N: never listed.
	if _, err := conn.Exec(ctx, "CREATE TEMP TABLE scratch (x int)"); err != nil {
		t.Fatal(err)
	}
	s, err := Load(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}

	oid := func(sql string) uint32 {
		t.Helper()
		var o uint32
		if err := conn.QueryRow(ctx, sql).Scan(&o); err != nil {
			t.Fatal(err)
		}
		return o
	}

	wantNames := []string{"app.base", "app.child", "app.event_refs", "app.events", "app.events_2023", "app.events_2024",
		"app.mv_orders", "app.orders", "app.people", "app.remote", "app.v_people"}
	var got []string
	for _, tb := range s.Sorted() {
		got = append(got, tb.Name.String())
		if s.ByOID[tb.OID] != tb {
			t.Errorf("%s: ByOID[%d] is not the same table", tb.Name, tb.OID)
		}
		if want := oid("SELECT " + quoteLiteral(tb.Name.Quoted()) + "::regclass::oid"); tb.OID != want {
			t.Errorf("%s: OID %d, want %d", tb.Name, tb.OID, want)
		}
	}
	if !reflect.DeepEqual(got, wantNames) {
		t.Fatalf("relations %v, want %v", got, wantNames)
	}
	if len(s.ByOID) != len(s.Tables) {
		t.Errorf("ByOID has %d entries, Tables %d", len(s.ByOID), len(s.Tables))
	}

	tbl := func(name string) *Table {
		t.Helper()
		schema, rel, _ := strings.Cut(name, ".")
		tb := s.Tables[relname.Name{Schema: schema, Name: rel}]
		if tb == nil {
			t.Fatalf("%s not loaded", name)
		}
		return tb
	}

	t.Run("kinds", func(t *testing.T) {
		kinds := map[string]byte{"app.people": KindTable, "app.events": KindPartitioned, "app.events_2023": KindTable,
			"app.v_people": KindView, "app.mv_orders": KindMatView, "app.remote": KindForeign, "app.child": KindTable}
		for name, k := range kinds {
			if got := tbl(name).Kind; got != k {
				t.Errorf("%s: kind %q, want %q", name, got, k)
			}
		}
	})

	t.Run("columns", func(t *testing.T) {
		code := oid("SELECT 'app.code'::regtype::oid")
		type col = Column
		want := []col{
			{Name: "id", Num: 1, Type: anonymize.Column{Type: "int4"}, TypeOID: 23, TypeSQL: "integer", NotNull: true, Identity: true},
			{Name: "tenant", Num: 2, Type: anonymize.Column{Type: "int4"}, TypeOID: 23, TypeSQL: "integer", NotNull: true},
			// attnum 3 was dropped
			{Name: "code", Num: 4, Type: anonymize.Column{Type: "varchar", MaxLen: 20}, TypeOID: code, TypeSQL: "app.code"},
			{Name: "code2", Num: 5, Type: anonymize.Column{Type: "varchar", MaxLen: 20}, TypeOID: oid("SELECT 'app.code2'::regtype::oid"), TypeSQL: "app.code2"},
			{Name: "codes", Num: 6, Type: anonymize.Column{Type: "varchar", MaxLen: 20, Array: true}, TypeOID: oid("SELECT 'app.code[]'::regtype::oid"), TypeSQL: "app.code[]"},
			{Name: "codelist", Num: 7, Type: anonymize.Column{Type: "varchar", MaxLen: 5, Array: true}, TypeOID: oid("SELECT 'app.codelist'::regtype::oid"), TypeSQL: "app.codelist"},
			{Name: "tags", Num: 8, Type: anonymize.Column{Type: "varchar", MaxLen: 8, Array: true}, TypeOID: 1015, TypeSQL: "character varying(8)[]"},
			{Name: "first", Num: 9, Type: anonymize.Column{Type: "text"}, TypeOID: 25, TypeSQL: "text", NotNull: true},
			{Name: "last", Num: 10, Type: anonymize.Column{Type: "text"}, TypeOID: 25, TypeSQL: "text"},
			{Name: "full_name", Num: 11, Type: anonymize.Column{Type: "text"}, TypeOID: 25, TypeSQL: "text", Generated: true},
			{Name: "born", Num: 12, Type: anonymize.Column{Type: "date"}, TypeOID: 1082, TypeSQL: "date"},
			{Name: "ch", Num: 13, Type: anonymize.Column{Type: "bpchar", MaxLen: 3}, TypeOID: 1042, TypeSQL: "character(3)"},
			{Name: "profile", Num: 14, Type: anonymize.Column{Type: "jsonb"}, TypeOID: 3802, TypeSQL: "jsonb"},
			{Name: "amount", Num: 15, Type: anonymize.Column{Type: "numeric"}, TypeOID: 1700, TypeSQL: "numeric(10,2)"},
		}
		got := tbl("app.people").Columns
		if len(got) != len(want) {
			t.Fatalf("%d columns, want %d: %+v", len(got), len(want), got)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("column %d:\n got %+v\nwant %+v", i, got[i], want[i])
			}
		}
		if c, ok := tbl("app.people").Column("ch"); !ok || c.Num != 13 {
			t.Errorf("Column(ch) = %+v, %v", c, ok)
		}
		if _, ok := tbl("app.people").Column("junk"); ok {
			t.Error("dropped column listed")
		}
		// Other relation kinds have their columns too.
		if got := names(tbl("app.child").Columns); !reflect.DeepEqual(got, []string{"id", "note", "extra"}) {
			t.Errorf("child columns %v", got)
		}
		if got := names(tbl("app.v_people").Columns); !reflect.DeepEqual(got, []string{"id", "first"}) {
			t.Errorf("view columns %v", got)
		}
		if c := tbl("app.mv_orders").Columns; len(c) != 1 || c[0].Name != "n" || c[0].Type.Type != "int8" {
			t.Errorf("matview columns %+v", c)
		}
		if c := tbl("app.remote").Columns; len(c) != 2 || c[1].Type != (anonymize.Column{Type: "varchar", MaxLen: 4}) {
			t.Errorf("foreign table columns %+v", c)
		}
		if c, _ := tbl("app.events_2023").Column("at"); !c.NotNull || c.Type.Type != "date" {
			t.Errorf("partition column at: %+v", c)
		}
	})

	t.Run("keys", func(t *testing.T) {
		p := tbl("app.people")
		if !reflect.DeepEqual(p.PrimaryKey, []string{"tenant", "id"}) {
			t.Errorf("people primary key %v", p.PrimaryKey)
		}
		// Constraints and unique indexes by name; the partial and
		// expression indexes are left out, INCLUDE columns too.
		wantUnique := [][]string{{"ch"}, {"code"}, {"first", "last"}}
		if !reflect.DeepEqual(p.Unique, wantUnique) {
			t.Errorf("people unique %v, want %v", p.Unique, wantUnique)
		}
		if got := tbl("app.events").PrimaryKey; !reflect.DeepEqual(got, []string{"id", "at"}) {
			t.Errorf("events primary key %v", got)
		}
		if got := tbl("app.events_2024").PrimaryKey; !reflect.DeepEqual(got, []string{"id", "at"}) {
			t.Errorf("partition primary key %v", got)
		}
		if got := tbl("app.base"); got.PrimaryKey != nil || got.Unique != nil {
			t.Errorf("base keys %v %v", got.PrimaryKey, got.Unique)
		}
	})

	t.Run("foreign keys", func(t *testing.T) {
		want := []ForeignKey{{Name: "orders_person_fkey", Columns: []string{"person", "tenant"},
			RefTable: relname.Name{Schema: "app", Name: "people"}, RefColumns: []string{"id", "tenant"}}}
		if got := tbl("app.orders").ForeignKey; !reflect.DeepEqual(got, want) {
			t.Errorf("orders foreign keys %+v", got)
		}
		// One key to the partitioned table, not one per partition.
		want = []ForeignKey{{Name: "event_refs_event_fkey", Columns: []string{"event_id", "event_at"},
			RefTable: relname.Name{Schema: "app", Name: "events"}, RefColumns: []string{"id", "at"}}}
		if got := tbl("app.event_refs").ForeignKey; !reflect.DeepEqual(got, want) {
			t.Errorf("event_refs foreign keys %+v", got)
		}
		for _, name := range []string{"app.events", "app.events_2023", "app.events_2024"} {
			fks := tbl(name).ForeignKey
			if len(fks) != 1 || fks[0].RefTable != (relname.Name{Schema: "app", Name: "orders"}) ||
				!reflect.DeepEqual(fks[0].Columns, []string{"order_id"}) || !reflect.DeepEqual(fks[0].RefColumns, []string{"id"}) {
				t.Errorf("%s foreign keys %+v", name, fks)
			}
		}
		if got := tbl("app.people").ForeignKey; got != nil {
			t.Errorf("people foreign keys %+v", got)
		}
	})

	t.Run("parents", func(t *testing.T) {
		cases := []struct {
			name      string
			parent    *relname.Name
			partition bool
		}{
			{"app.events_2023", &relname.Name{Schema: "app", Name: "events"}, true},
			{"app.events_2024", &relname.Name{Schema: "app", Name: "events"}, true},
			{"app.child", &relname.Name{Schema: "app", Name: "base"}, false},
			{"app.events", nil, false},
			{"app.base", nil, false},
			{"app.people", nil, false},
		}
		for _, tc := range cases {
			tb := tbl(tc.name)
			if !reflect.DeepEqual(tb.Parent, tc.parent) || tb.Partition != tc.partition {
				t.Errorf("%s: parent %v partition %v, want %v %v", tc.name, tb.Parent, tb.Partition, tc.parent, tc.partition)
			}
		}
	})

	t.Run("sizes", func(t *testing.T) {
		p := tbl("app.people")
		if p.Rows != 500 {
			t.Errorf("people rows %d, want 500 (analyzed)", p.Rows)
		}
		var size int64
		if err := conn.QueryRow(ctx, "SELECT pg_table_size('app.people')").Scan(&size); err != nil {
			t.Fatal(err)
		}
		if p.Bytes != size || size <= 0 {
			t.Errorf("people bytes %d, want %d", p.Bytes, size)
		}
		// Never analyzed: reltuples is -1 on PostgreSQL 14+, reported as 0.
		if r := tbl("app.base").Rows; r != 0 {
			t.Errorf("base rows %d, want 0", r)
		}
		if r := tbl("app.v_people"); r.Rows != 0 || r.Bytes != 0 {
			t.Errorf("view rows %d bytes %d", r.Rows, r.Bytes)
		}
	})

	t.Run("views", func(t *testing.T) {
		v := tbl("app.v_people").ViewDef
		if !strings.Contains(v, "FROM app.people") || !strings.Contains(v, "first") {
			t.Errorf("view definition %q", v)
		}
		if m := tbl("app.mv_orders").ViewDef; !strings.Contains(m, "count(*)") || !strings.Contains(m, "app.orders") {
			t.Errorf("matview definition %q", m)
		}
		if d := tbl("app.people").ViewDef; d != "" {
			t.Errorf("table has a view definition %q", d)
		}
	})
}

// TestLoadInSnapshot: Load works through a transaction (the dump loads the
// catalog inside its snapshot) and sees that transaction's schema.
func TestLoadInSnapshot(t *testing.T) {
	dsn := pgtest.CreateDB(t, "pgveil_catalog")
	conn := pgtest.Connect(t, dsn)
	ctx := context.Background()
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "CREATE TABLE public.t (a int PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	s, err := Load(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	tb := s.Tables[relname.Name{Schema: "public", Name: "t"}]
	if tb == nil || len(tb.Columns) != 1 || !reflect.DeepEqual(tb.PrimaryKey, []string{"a"}) {
		t.Fatalf("public.t: %+v", tb)
	}
	if len(s.Tables) != 1 {
		t.Errorf("%d relations in an empty database plus one table", len(s.Tables))
	}
}

func names(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// TestLoadUserNames: Load lists the functions (of every kind) and operators
// of every schema but pg_catalog and information_schema, by lower-cased
// name, with their schemas sorted, extension members included.
func TestLoadUserNames(t *testing.T) {
	dsn := pgtest.CreateDB(t, "pgveil_catalog")
	conn := pgtest.Connect(t, dsn)
	ctx := context.Background()

	// A fresh database defines none: the builtins and information_schema's
	// helpers are not listed.
	s, err := Load(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Functions) != 0 || len(s.Operators) != 0 {
		t.Fatalf("fresh database: functions %v, operators %v", s.Functions, s.Operators)
	}

	if _, err := conn.Exec(ctx, `
CREATE SCHEMA app;
CREATE TABLE customers (id bigint, email text);
CREATE FUNCTION public.upper(i bigint) RETURNS text LANGUAGE sql STABLE AS 'SELECT email FROM customers WHERE id = i';
CREATE FUNCTION app."Upper"(i int) RETURNS text LANGUAGE sql STABLE AS 'SELECT email FROM customers WHERE id = i';
CREATE FUNCTION app.upper(t text, n int) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT t';
CREATE FUNCTION leak_plus(i bigint, t text) RETURNS text LANGUAGE sql STABLE AS 'SELECT email FROM customers WHERE id = i';
CREATE OPERATOR public.+ (LEFTARG = bigint, RIGHTARG = text, FUNCTION = leak_plus);
CREATE FUNCTION app.leak_plus(t text, i bigint) RETURNS text LANGUAGE sql STABLE AS 'SELECT t';
CREATE OPERATOR app.+ (LEFTARG = text, RIGHTARG = bigint, FUNCTION = app.leak_plus);
CREATE OPERATOR app.=== (LEFTARG = bigint, RIGHTARG = text, FUNCTION = leak_plus);
CREATE AGGREGATE app.count(text) (SFUNC = pg_catalog.textcat, STYPE = text);
CREATE DOMAIN app.positive AS bigint CHECK (VALUE > 0);
CREATE PROCEDURE app.lower(INOUT t text) LANGUAGE sql AS 'SELECT t';
CREATE FUNCTION pg_temp.length(t text) RETURNS int LANGUAGE sql AS 'SELECT 1';
`); err != nil {
		t.Fatal(err)
	}
	var temp string
	if err := conn.QueryRow(ctx, "SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()").Scan(&temp); err != nil {
		t.Fatal(err)
	}
	// An extension's members are left out (citext's = would otherwise
	// refuse every equality), when the server has one to install.
	var citext bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'citext')").Scan(&citext); err != nil {
		t.Fatal(err)
	}
	if citext {
		if _, err := conn.Exec(ctx, "CREATE EXTENSION citext SCHEMA app"); err != nil {
			t.Fatal(err)
		}
	}

	s, err = Load(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Domains.Schemas("positive"); !reflect.DeepEqual(got, []string{"app"}) {
		t.Errorf("domain positive: schemas %v, want [app]", got)
	}
	wantFuncs := map[string][]string{
		"upper":     {"app", "public"}, // "Upper" and upper share the lower-cased entry, app once
		"leak_plus": {"app", "public"},
		"count":     {"app"}, // an aggregate
		"lower":     {"app"}, // a procedure
		"length":    {temp},  // temporary schemas are user schemas too
	}
	for name, want := range wantFuncs {
		if got := s.Functions.Schemas(name); !reflect.DeepEqual(got, want) {
			t.Errorf("function %s: schemas %v, want %v", name, got, want)
		}
	}
	if got := s.Functions.Schemas("UPPER"); !reflect.DeepEqual(got, []string{"app", "public"}) {
		t.Errorf("Schemas(UPPER) = %v", got)
	}
	wantOps := map[string][]string{"+": {"app", "public"}, "===": {"app"}}
	for name, want := range wantOps {
		if got := s.Operators.Schemas(name); !reflect.DeepEqual(got, want) {
			t.Errorf("operator %s: schemas %v, want %v", name, got, want)
		}
	}
	// Builtins live in pg_catalog, information_schema's helpers in
	// information_schema: neither is listed.
	for _, name := range []string{"substr", "_pg_expandarray", "concat"} {
		if got := s.Functions.Schemas(name); got != nil {
			t.Errorf("function %s listed in %v", name, got)
		}
	}
	if got := s.Operators.Schemas("||"); got != nil {
		t.Errorf("operator || listed in %v", got)
	}
	if citext {
		for _, name := range []string{"strpos", "citext", "max"} {
			if got := s.Functions.Schemas(name); got != nil {
				t.Errorf("citext function %s listed in %v", name, got)
			}
		}
		if got := s.Operators.Schemas("="); got != nil {
			t.Errorf("citext operator = listed in %v", got)
		}
	} else {
		t.Log("citext is not available: extension members not checked")
	}
}
