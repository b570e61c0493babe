package lineage

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/internal/relname"
)

// want describes one expected output column: Direct on a column (masked or
// kept), or not Direct and not sensitive ("").
type want struct {
	name   string
	direct string
}

func TestAllowed(t *testing.T) {
	cases := []struct {
		sql   string
		class Class
		cols  []want
	}{
		{`SELECT 1`, ClassSelect, []want{{"?column?", ""}}},
		{`SELECT now()`, ClassSelect, []want{{"now", ""}}},
		{`SELECT current_user, current_date`, ClassSelect, []want{{"current_user", ""}, {"current_date", ""}}},
		{`SELECT count(*) FROM customers`, ClassSelect, []want{{"count", ""}}},
		{`SELECT id, country FROM customers WHERE email = $1`, ClassSelect,
			[]want{{"id", "public.customers.id"}, {"country", "public.customers.country"}}},
		{`SELECT email FROM customers`, ClassSelect, []want{{"email", "public.customers.email"}}},
		{`SELECT * FROM customers`, ClassSelect, []want{{"id", "public.customers.id"}, {"email", "public.customers.email"},
			{"first_name", "public.customers.first_name"}, {"profile", "public.customers.profile"}, {"country", "public.customers.country"}}},
		{`TABLE accounts`, ClassSelect, []want{{"id", "public.accounts.id"}, {"customer_id", "public.accounts.customer_id"}, {"iban", "public.accounts.iban"}}},
		{`SELECT c.id, a.iban FROM customers c JOIN accounts a ON a.customer_id = c.id`, ClassSelect,
			[]want{{"id", "public.customers.id"}, {"iban", "public.accounts.iban"}}},
		{`SELECT c.country, count(*) FROM customers c JOIN accounts a ON a.customer_id = c.id GROUP BY c.country ORDER BY 2 DESC`, ClassSelect,
			[]want{{"country", "public.customers.country"}, {"count", ""}}},
		{`SELECT id FROM customers WHERE email IN ('a@x.org', 'b@x.org')`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id FROM customers WHERE email = ANY($1)`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id FROM customers WHERE email = ANY(ARRAY[lower($1), 'x'])`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id FROM customers WHERE email <> 'x' AND NOT (email = $2)`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id FROM customers WHERE email IS DISTINCT FROM $1`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id FROM customers WHERE (email, id) = ($1, 3)`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id FROM customers WHERE email NOT IN (SELECT email FROM contacts)`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT c.id FROM customers c JOIN contacts k ON c.email = k.email`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM contacts k WHERE k.email = c.email)`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id FROM customers WHERE email IS NULL OR email IS NOT NULL`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id FROM customers WHERE CASE WHEN id > 3 THEN true ELSE false END`, ClassSelect, []want{{"id", "public.customers.id"}}},
		{`SELECT id, upper(country) FROM customers ORDER BY country LIMIT 10`, ClassSelect, []want{{"id", "public.customers.id"}, {"upper", ""}}},
		{`SELECT id, row_number() OVER (PARTITION BY country ORDER BY id) FROM customers`, ClassSelect,
			[]want{{"id", "public.customers.id"}, {"row_number", ""}}},
		{`VALUES (1, 'a'), (2, 'b')`, ClassValues, []want{{"column1", ""}, {"column2", ""}}},
		{`SELECT * FROM generate_series(1, 3) g`, ClassSelect, []want{{"g", ""}}},
		{`SELECT g FROM generate_series(1, 3) AS g`, ClassSelect, []want{{"g", ""}}},
		{`SELECT x, ordinality FROM unnest(ARRAY[1, 2]) WITH ORDINALITY AS u(x)`, ClassSelect, []want{{"x", ""}, {"ordinality", ""}}},
		{`SELECT x FROM json_to_record('{"x": 1}') AS t(x int)`, ClassSelect, []want{{"x", ""}}},
		{`SELECT country, n FROM mv_countries`, ClassSelect, []want{{"country", "public.customers.country"}, {"n", ""}}},
		{`SELECT * FROM v_customers`, ClassSelect, []want{{"id", "public.customers.id"}, {"contact", "public.customers.email"}}},
		{`SELECT ctid, xmin, id FROM customers`, ClassSelect, []want{{"ctid", ""}, {"xmin", ""}, {"id", "public.customers.id"}}},
		{`SELECT note FROM events_2024`, ClassSelect, []want{{"note", "public.events_2024.note"}}},
		{`SELECT note FROM ONLY events`, ClassSelect, []want{{"note", "public.events.note"}}},
		{`SELECT id FROM events`, ClassSelect, []want{{"id", "public.events.id"}}},
		{`SELECT email FROM private.customers`, ClassSelect, []want{{"email", "private.customers.email"}}},
		{`SELECT (SELECT relname FROM pg_class LIMIT 1) FROM customers`, ClassSelect, []want{{"relname", ""}}},
		{`SELECT current_setting('search_path'), version()`, ClassSelect, []want{{"current_setting", ""}, {"version", ""}}},
		{`WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t`, ClassSelect, []want{{"n", ""}}},
		{`SELECT n.oid, n.*, d.description FROM pg_catalog.pg_namespace n LEFT OUTER JOIN pg_catalog.pg_description d ` +
			`ON d.objoid = n.oid AND d.objsubid = 0 AND d.classoid = 'pg_namespace'::regclass ORDER BY nspname`, ClassSelect,
			[]want{{"oid", ""}, {"*", ""}, {"description", ""}}},
		{`SELECT typinput='pg_catalog.array_in'::regproc as is_array, typtype, typname, pg_type.oid FROM pg_catalog.pg_type ` +
			`LEFT JOIN (select ns.oid as nspoid, ns.nspname, r.r from pg_namespace as ns join ( select s.r, (current_schemas(false))[s.r] as nspname ` +
			`from generate_series(1, array_upper(current_schemas(false), 1)) as s(r) ) as r using ( nspname ) ) as sp ON sp.nspoid = typnamespace ` +
			`WHERE pg_type.oid = $1 ORDER BY sp.r, pg_type.oid DESC`, ClassSelect,
			[]want{{"is_array", ""}, {"typtype", ""}, {"typname", ""}, {"oid", ""}}},
	}
	for _, c := range cases {
		for _, p := range []Posture{PostureStrict, PostureStandard} {
			st := analyzeOne(t, c.sql, p)
			if st.Refusal != nil {
				t.Errorf("%s %q: refused: %s", p, c.sql, st.Refusal.Message)
				continue
			}
			if st.Class != c.class {
				t.Errorf("%s %q: class %v, want %v", p, c.sql, st.Class, c.class)
			}
			if len(st.Columns) != len(c.cols) {
				t.Errorf("%s %q: %d columns %+v, want %d", p, c.sql, len(st.Columns), st.Columns, len(c.cols))
				continue
			}
			for i, w := range c.cols {
				got := st.Columns[i]
				if got.Name != w.name {
					t.Errorf("%s %q: column %d named %q, want %q", p, c.sql, i, got.Name, w.name)
				}
				switch {
				case w.direct == "" && (got.Direct != nil || got.Sensitive):
					t.Errorf("%s %q: column %q = %+v, want computed and not sensitive", p, c.sql, w.name, got)
				case w.direct != "" && (got.Direct == nil || *got.Direct != ref(w.direct)):
					t.Errorf("%s %q: column %q = %+v, want Direct %s", p, c.sql, w.name, got, w.direct)
				case w.direct != "" && got.Sensitive == keeps(ref(w.direct)):
					t.Errorf("%s %q: column %q Sensitive=%v for %s", p, c.sql, w.name, got.Sensitive, w.direct)
				}
			}
		}
	}
}

// TestFamilies: reading a parent reads its partitions, whose rules apply.
func TestFamilies(t *testing.T) {
	st := analyzeOne(t, `SELECT note FROM events`, PostureStandard)
	if st.Refusal == nil {
		t.Fatalf("events.note is kept by events but masked by partition events_2024: want refused, got %+v", st.Columns)
	}
	st = analyzeOne(t, `SELECT * FROM ONLY events`, PostureStrict)
	if st.Refusal != nil {
		t.Fatalf("ONLY events: %s", st.Refusal.Message)
	}
}

func TestSearchPath(t *testing.T) {
	sql := `SELECT email FROM customers`
	for _, c := range []struct {
		path []string
		user string
		want string
	}{
		{nil, "", "public.customers.email"},
		{[]string{"private", "public"}, "", "private.customers.email"},
		{[]string{"$user", "public"}, "private", "private.customers.email"},
		{[]string{"$user", "public"}, "", "public.customers.email"},
		{[]string{"public", "pg_catalog"}, "", "public.customers.email"},
	} {
		an, err := AnalyzeWith(sql, fixSnap, fixRules, Options{SearchPath: c.path, User: c.user})
		if err != nil {
			t.Fatal(err)
		}
		st := an.Statements[0]
		checkInvariants(t, sql, st)
		if st.Refusal != nil || st.Columns[0].Direct == nil || *st.Columns[0].Direct != ref(c.want) {
			t.Errorf("path %v user %q: %+v %+v, want Direct %s", c.path, c.user, st.Refusal, st.Columns, c.want)
		}
	}
	// pg_catalog is searched first unless listed later: pg_class is the catalog's.
	an, _ := AnalyzeWith(`SELECT relname FROM pg_class`, fixSnap, fixRules, Options{SearchPath: []string{"public"}})
	if st := an.Statements[0]; st.Refusal != nil || st.Columns[0].Sensitive {
		t.Errorf("pg_class: %+v", st)
	}
	// A schema not on the path is not searched.
	an, _ = AnalyzeWith(sql, fixSnap, fixRules, Options{SearchPath: []string{"nowhere"}})
	if st := an.Statements[0]; st.Refusal == nil || !st.Unresolved || st.Refusal.SQLState != "42P01" {
		t.Errorf("unresolved: %+v", st)
	}
}

func TestSplitSearchPath(t *testing.T) {
	for in, want := range map[string][]string{
		`"$user", public`:            {"$user", "public"},
		`Public,"My ""Schema""" , x`: {"public", `My "Schema"`, "x"},
		``:                           nil,
		`a`:                          {"a"},
	} {
		if got := SplitSearchPath(in); !reflect.DeepEqual(got, want) {
			t.Errorf("SplitSearchPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFit(t *testing.T) {
	email := ref("public.customers.email")
	st := analyzeOne(t, `SELECT c.email, p.*, c.id FROM customers c, pg_class p`, PostureStrict)
	if st.Refusal != nil {
		t.Fatal(st.Refusal.Message)
	}
	cols, ok := st.Fit(5)
	if !ok || len(cols) != 5 || *cols[0].Direct != email || cols[1].Many || cols[3].Sensitive || cols[4].Name != "id" {
		t.Fatalf("Fit(5) = %+v, %v", cols, ok)
	}
	if _, ok := st.Fit(1); ok {
		t.Error("Fit(1) fits 2 fixed columns")
	}
	st = analyzeOne(t, `SELECT p.*, c.email, q.* FROM customers c, pg_class p, pg_type q`, PostureStrict)
	cols, ok = st.Fit(6)
	if !ok || len(cols) != 6 {
		t.Fatalf("Fit(6) = %+v, %v", cols, ok)
	}
	for i, c := range cols {
		if c.Direct != nil || !c.Sensitive { // the email may be at any position in the span
			t.Errorf("ambiguous span column %d = %+v, want merged and sensitive", i, c)
		}
	}
	st = analyzeOne(t, `SELECT 1, 2`, PostureStrict)
	if _, ok := st.Fit(3); ok {
		t.Error("Fit(3) of two columns")
	}
}

func TestStatementsAndAudit(t *testing.T) {
	an, err := Analyze(`SELECT 1; SELECT lower(email) FROM customers WHERE id = 42; SET search_path = private, "Pub"`, fixSnap, fixRules, PostureStandard)
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Statements) != 3 {
		t.Fatalf("%d statements", len(an.Statements))
	}
	s0, s1, s2 := an.Statements[0], an.Statements[1], an.Statements[2]
	if s0.Refusal != nil || s1.Refusal == nil || s2.Refusal != nil || an.Refused() != s1.Refusal {
		t.Fatalf("verdicts: %+v / %+v / %+v", s0.Refusal, s1.Refusal, s2.Refusal)
	}
	if !s1.TouchesSensitive || s0.TouchesSensitive {
		t.Error("TouchesSensitive")
	}
	if s1.Fingerprint == "" || s1.Fingerprint == s0.Fingerprint || strings.Contains(s1.Normalized, "42") || !strings.Contains(s1.Normalized, "$1") {
		t.Errorf("audit fields: %q %q", s1.Fingerprint, s1.Normalized)
	}
	if s2.Class != ClassSet || s2.Setting == nil || s2.Setting.Name != "search_path" || !reflect.DeepEqual(s2.Setting.Values, []string{"private", "Pub"}) {
		t.Errorf("SET: %+v %+v", s2, s2.Setting)
	}
	an, _ = Analyze(``, fixSnap, fixRules, PostureStrict)
	if len(an.Statements) != 0 {
		t.Errorf("empty query: %+v", an.Statements)
	}
	if _, err := Analyze(`SELECT 1`, nil, fixRules, PostureStrict); err == nil {
		t.Error("nil snapshot accepted")
	}
}

func TestParseErrorDoesNotEchoLiterals(t *testing.T) {
	an, err := Analyze(`SELECT 'alice@example.org' 'bob@example.org' FROM`, fixSnap, fixRules, PostureStrict)
	if err != nil {
		t.Fatal(err)
	}
	r := an.Refused()
	if r == nil || r.SQLState != "42601" || strings.Contains(r.Message, "example") {
		t.Fatalf("refusal %+v", r)
	}
	st := an.Statements[0]
	if st.Fingerprint != "" || st.Normalized != "" || st.Class != ClassRefused {
		t.Errorf("statement %+v", st)
	}
}

func TestGate(t *testing.T) {
	cases := []struct {
		sql   string
		class Class // ClassRefused: refused
	}{
		{`SHOW search_path`, ClassShow},
		// Booleans as PostgreSQL reads them: 'f' and 'of' are false.
		{`SET standard_conforming_strings = 'f'`, ClassRefused},
		{`SET standard_conforming_strings = 'of'`, ClassRefused},
		{`SET standard_conforming_strings = 'maybe'`, ClassRefused},
		{`SET standard_conforming_strings = on`, ClassSet},
		{`SET default_transaction_read_only = 'of'`, ClassRefused},
		{`SET default_transaction_read_only = 'n'`, ClassRefused},
		{`SET default_transaction_read_only = 't'`, ClassSet},
		{`BEGIN TRANSACTION READ ONLY`, ClassTransaction},
		// A qualified system relation must be on the list too.
		{`SELECT * FROM pg_catalog.pg_no_such_catalog`, ClassRefused},
		{`SELECT * FROM information_schema.no_such_view`, ClassRefused},
		{`SHOW ALL`, ClassShow},
		{`SHOW primary_conninfo`, ClassRefused},
		{`SET search_path = private, public`, ClassSet},
		{`SET SCHEMA 'public'`, ClassSet},
		{`SET TIME ZONE 'UTC'`, ClassSet},
		{`SET NAMES 'UTF8'`, ClassSet},
		{`SET LOCAL statement_timeout = '5s'`, ClassSet},
		{`SET DateStyle = ISO, DMY`, ClassSet},
		{`SET extra_float_digits = 3`, ClassSet},
		{`SET application_name = 'psql'`, ClassSet},
		{`SET enable_seqscan = off`, ClassSet},
		{`SET search_path TO DEFAULT`, ClassSet},
		{`RESET search_path`, ClassSet},
		{`RESET ALL`, ClassSet},
		{`SET default_transaction_read_only = on`, ClassSet},
		{`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`, ClassSet},
		{`SET TRANSACTION SNAPSHOT '00000003-0000001B-1'`, ClassRefused},
		{`SET work_mem FROM CURRENT`, ClassRefused},
		{`BEGIN`, ClassTransaction},
		{`BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE`, ClassTransaction},
		{`START TRANSACTION`, ClassTransaction},
		{`COMMIT`, ClassTransaction},
		{`COMMIT AND CHAIN`, ClassTransaction},
		{`ROLLBACK`, ClassTransaction},
		{`SAVEPOINT s1`, ClassTransaction},
		{`RELEASE SAVEPOINT s1`, ClassTransaction},
		{`ROLLBACK TO SAVEPOINT s1`, ClassTransaction},
		{`COMMIT PREPARED 'x'`, ClassRefused},
		{`DEALLOCATE ALL`, ClassDeallocate},
		{`DEALLOCATE s1`, ClassDeallocate},
		{`DISCARD ALL`, ClassDiscard},
		{`EXPLAIN SELECT email FROM customers WHERE id = 1`, ClassExplain},
		{`EXPLAIN (FORMAT JSON, VERBOSE, COSTS OFF) SELECT lower(country) FROM customers`, ClassExplain},
		{`EXPLAIN SELECT lower(email) FROM customers`, ClassRefused},
		{`EXPLAIN (ANALYZE off) SELECT 1`, ClassExplain},
		{`EXPLAIN (GENERIC_PLAN) SELECT id FROM customers WHERE email = $1`, ClassExplain},
		{`EXPLAIN INSERT INTO customers (id) VALUES (1)`, ClassRefused},
		{`EXPLAIN SELECT * FROM audit_log`, ClassRefused},
		{`EXPLAIN (ANALYZE) SELECT 1`, ClassRefused},
		{`CREATE INDEX ON customers (email)`, ClassRefused},
		{`ALTER TABLE customers ADD COLUMN x int`, ClassRefused},
		{`DROP TABLE customers`, ClassRefused},
		{`UNLISTEN *`, ClassRefused},
		{`CHECKPOINT`, ClassRefused},
		{`LOAD 'x'`, ClassRefused},
	}
	for _, c := range cases {
		st := analyzeOne(t, c.sql, PostureStrict)
		if st.Class != c.class {
			msg := ""
			if st.Refusal != nil {
				msg = st.Refusal.Message
			}
			t.Errorf("%q: class %v (%s), want %v", c.sql, st.Class, msg, c.class)
		}
	}
	st := analyzeOne(t, `EXPLAIN SELECT lower(email) FROM customers`, PostureStandard)
	if len(st.Columns) != 1 || st.Columns[0].Name != "QUERY PLAN" || st.Columns[0].Sensitive {
		t.Errorf("EXPLAIN columns %+v", st.Columns)
	}
	st = analyzeOne(t, `RESET ALL`, PostureStrict)
	if st.Setting == nil || !st.Setting.All {
		t.Errorf("RESET ALL: %+v", st.Setting)
	}
}

// TestPsql runs queries psql 15 sends for \dt, \d customers, \d+ customers,
// \l, \df, \dn, \dv, \du, \di, \dT, \db, \dx (captured with psql -E).
func TestPsql(t *testing.T) {
	files, err := filepath.Glob("testdata/psql/*.sql")
	if err != nil || len(files) < 10 {
		t.Fatalf("psql queries: %v, %d files", err, len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		st := analyzeOne(t, string(b), PostureStrict)
		if st.Refusal != nil {
			t.Errorf("%s: refused: %s", f, st.Refusal.Message)
			continue
		}
		if st.TouchesSensitive || len(st.Columns) == 0 {
			t.Errorf("%s: %+v", f, st)
		}
	}
}

// TestViewCache: a view analysed once is reused, and a new snapshot is not
// served from the old one's cache.
func TestViewCache(t *testing.T) {
	analyzeOne(t, `SELECT contact FROM v_customers`, PostureStrict)
	snap := fixtureSnapshot()
	v := snap.Tables[relname.Name{Schema: "public", Name: "v_customers"}]
	v.ViewDef = " SELECT customers.id,\n    lower(customers.email) AS contact\n   FROM customers;"
	an, err := Analyze(`SELECT contact FROM v_customers`, snap, fixRules, PostureStandard)
	if err != nil {
		t.Fatal(err)
	}
	if an.Refused() == nil {
		t.Errorf("redefined view served from the old snapshot's cache: %+v", an.Statements[0].Columns)
	}
}

// TestMultiStatementSearchPath: SET search_path in a query string applies
// to the statements after it; after a reset or a transaction end the path
// is unknown and name-resolving statements are refused.
func TestMultiStatementSearchPath(t *testing.T) {
	cases := []struct {
		sql     string
		path    []string
		refused []bool
	}{
		{`SET search_path = public; SELECT lower(email) FROM customers`, []string{"private"}, []bool{false, true}},
		{`SET search_path = private; SELECT lower(email) FROM customers`, nil, []bool{false, false}},
		{`RESET search_path; SELECT id FROM customers`, nil, []bool{false, true}},
		{`DISCARD ALL; SELECT 1`, nil, []bool{false, true}},
		{`BEGIN; SET LOCAL search_path = private; COMMIT; SELECT email FROM customers`, nil, []bool{false, false, false, true}},
		{`BEGIN; SELECT 1; COMMIT; SELECT 2`, nil, []bool{false, false, false, false}},
	}
	for _, c := range cases {
		an, err := AnalyzeWith(c.sql, fixSnap, fixRules, Options{SearchPath: c.path})
		if err != nil {
			t.Fatal(err)
		}
		if len(an.Statements) != len(c.refused) {
			t.Fatalf("%q: %d statements", c.sql, len(an.Statements))
		}
		for i, st := range an.Statements {
			checkInvariants(t, c.sql, st)
			if (st.Refusal != nil) != c.refused[i] {
				t.Errorf("%q statement %d: refusal %+v, want refused=%v", c.sql, i, st.Refusal, c.refused[i])
			}
		}
	}
}

// TestSpecialForms: SQL syntax the parser turns into function calls or
// special nodes is allowed over kept columns and constants.
func TestSpecialForms(t *testing.T) {
	for _, sql := range []string{
		`SELECT extract(year FROM now()), date_part('month', now()), now() AT TIME ZONE 'UTC'`,
		`SELECT substring(country FROM 1 FOR 2), position('a' IN country), trim(BOTH ' ' FROM country), overlay(country PLACING 'x' FROM 1) FROM customers`,
		`SELECT country LIKE 'a%' ESCAPE '!', country SIMILAR TO 'a%', country ILIKE 'A%', country ~* 'a' FROM customers`,
		`SELECT collation for (country), normalize(country), country IS NFC NORMALIZED FROM customers`,
		`SELECT (now(), now()) OVERLAPS (now(), now()), current_timestamp(3), localtime, current_catalog, current_schema`,
		`SELECT xmlexists('//a' PASSING '<a/>'), xmlparse(document '<a/>') IS DOCUMENT, xmlserialize(content '<a/>' AS text)`,
		`SELECT interval '1 day', ('{1,2,3}'::int[])[1:2], (ARRAY[1, 2])[1], (ROW(1, 2)).f1`,
		`SELECT country, count(*) FILTER (WHERE id > 3), percentile_cont(0.5) WITHIN GROUP (ORDER BY id) FROM customers GROUP BY ROLLUP (country)`,
		`SELECT GROUPING(country), count(*) FROM customers GROUP BY CUBE (country)`,
		`SELECT JSON_OBJECT('a': 1), JSON_ARRAY(1, 2), '{"a":1}'::jsonb -> 'a', '{}' IS JSON OBJECT`,
		`SELECT greatest(1, 2), least(3, 4), coalesce(null, 1), nullif(1, 2)`,
		`SELECT id FROM customers WHERE id BETWEEN 1 AND 10 AND country IN (SELECT country FROM customers WHERE id < 5)`,
		`SELECT * FROM customers TABLESAMPLE BERNOULLI (10) REPEATABLE (1) WHERE email = $1`,
		`SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 3)) AS t(a, b)`,
		`SELECT x.* FROM XMLTABLE('/r/e' PASSING '<r><e>1</e></r>' COLUMNS v text PATH '.', n FOR ORDINALITY) x`,
		`SELECT id FROM customers ORDER BY id FETCH FIRST 3 ROWS WITH TIES`,
		`SELECT c.id FROM customers c LEFT JOIN LATERAL (SELECT a.iban FROM accounts a WHERE a.customer_id = c.id LIMIT 1) x ON true`,
	} {
		st := analyzeOne(t, sql, PostureStrict)
		if st.Refusal != nil {
			t.Errorf("%q: refused: %s", sql, st.Refusal.Message)
		}
	}
}

// TestAuditTextHasNoLiterals: normalized text keeps no constant and no
// comment, whatever the statement kind.
func TestAuditTextHasNoLiterals(t *testing.T) {
	for _, sql := range []string{
		`SELECT 1 /* alice@x.org */ FROM customers WHERE email = 'alice@x.org' -- alice@x.org`,
		`PREPARE p AS SELECT * FROM customers WHERE email = 'alice@x.org'`,
		`NOTIFY c, 'alice@x.org'`,
		`COMMENT ON TABLE customers IS 'alice@x.org'`,
		`SET application_name = 'alice@x.org'`,
		`DO $$ BEGIN RAISE NOTICE 'alice@x.org'; END $$`,
		`SELECT U&'alice@x.org', E'alice@x.org', $q$alice@x.org$q$ FROM customers ORDER BY 1`,
	} {
		an, err := Analyze(sql, fixSnap, fixRules, PostureStrict)
		if err != nil {
			t.Fatal(err)
		}
		n := an.Statements[0].Normalized
		if n == "" || strings.Contains(n, "alice") {
			t.Errorf("%q normalized to %q", sql, n)
		}
	}
}

// TestConcurrent: analyses share the snapshot index and view cache.
func TestConcurrent(t *testing.T) {
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			defer func() { done <- true }()
			for j := 0; j < 20; j++ {
				an, err := Analyze(`SELECT contact FROM v_nested n JOIN v_customers v ON v.id = n.id`, fixSnap, fixRules, PostureStrict)
				if err != nil || an.Refused() == nil && len(an.Statements[0].Columns) != 1 {
					t.Errorf("concurrent analysis: %v %+v", err, an)
				}
			}
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
}
