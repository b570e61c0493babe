package lineage

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/catalog"
)

// shadowSnapshot is the fixture plus views computing with upper and +, with
// the given functions and operators defined in user schemas.
func shadowSnapshot(funcs, ops catalog.UserNames) *catalog.Snapshot {
	s := fixtureSnapshot()
	for _, v := range []*catalog.Table{
		table("public", "v_upper", catalog.KindView,
			" SELECT customers.id,\n    upper(customers.country) AS c\n   FROM customers;", "id", "c"),
		table("public", "v_plus", catalog.KindView,
			" SELECT customers.id,\n    (customers.id + 1) AS n\n   FROM customers;", "id", "n"),
		table("public", "v_qualified", catalog.KindView,
			" SELECT pg_catalog.upper(customers.country) AS c,\n    (customers.id OPERATOR(pg_catalog.+) 1) AS n\n   FROM customers;", "c", "n"),
	} {
		s.Tables[v.Name] = v
		s.ByOID[v.OID] = v
	}
	s.Functions, s.Operators = funcs, ops
	return s
}

func TestShadowedBuiltins(t *testing.T) {
	pub := []string{"public"}
	cases := []struct {
		name  string
		funcs catalog.UserNames
		ops   catalog.UserNames
		sql   string
		msg   string // substring of the refusal; "" means allowed
		hint  string // substring of the refusal's hint
	}{
		// A user function named like a builtin.
		{"call", catalog.UserNames{"upper": pub}, nil, `SELECT upper(country) FROM customers`,
			"pgveil: function upper is also defined in schema public: pgveil cannot tell which one runs",
			"qualify it as pg_catalog.upper(...) or drop or rename the user function"},
		{"call on a kept column", catalog.UserNames{"upper": pub}, nil, `SELECT upper(id) FROM customers`,
			"function upper is also defined in schema public", ""},
		{"upper case", catalog.UserNames{"upper": pub}, nil, `SELECT UPPER(country) FROM customers`,
			"function upper is also defined", ""},
		{"quoted", catalog.UserNames{"upper": pub}, nil, `SELECT "upper"(country) FROM customers`,
			"function upper is also defined", ""},
		{"several schemas", catalog.UserNames{"upper": {"app", "public"}}, nil, `SELECT upper(country) FROM customers`,
			"function upper is also defined in schemas app, public", ""},
		{"in WHERE", catalog.UserNames{"upper": pub}, nil, `SELECT id FROM customers WHERE upper(country) = 'X'`,
			"function upper is also defined", ""},
		{"in GROUP BY", catalog.UserNames{"upper": pub}, nil, `SELECT count(*) FROM customers GROUP BY upper(country)`,
			"function upper is also defined", ""},
		{"aggregate", catalog.UserNames{"count": pub}, nil, `SELECT count(*) FROM customers`,
			"function count is also defined", ""},
		{"in FROM", catalog.UserNames{"generate_series": pub}, nil, `SELECT g FROM generate_series(1, 3) g`,
			"function generate_series is also defined", ""},
		{"type-named", catalog.UserNames{"text": pub}, nil, `SELECT text(id) FROM customers`,
			"function text is also defined", ""},
		{"column notation", catalog.UserNames{"upper": pub}, nil, `SELECT customers.upper FROM customers`,
			"function upper is also defined", ""},
		{"field selection", catalog.UserNames{"leak_rec": pub}, nil, `SELECT (ROW(id)).leak_rec FROM customers`,
			"field selection .leak_rec may call function leak_rec, which is defined in schema public", ""},
		{"field selection of a builtin name", catalog.UserNames{"upper": pub}, nil, `SELECT (c).upper FROM customers c`,
			"function upper is also defined", ""},
		{"in a view", catalog.UserNames{"upper": pub}, nil, `SELECT id FROM v_upper`,
			"pgveil: view public.v_upper cannot be read: function upper is also defined in schema public", ""},
		{"denied wins", catalog.UserNames{"pg_sleep": pub}, nil, `SELECT pg_sleep(1)`,
			"function pg_sleep is refused: it pauses", ""},
		{"qualified", catalog.UserNames{"upper": pub}, nil, `SELECT pg_catalog.upper(country) FROM customers`, "", ""},
		{"qualified in a view", catalog.UserNames{"upper": pub}, catalog.UserNames{"+": pub}, `SELECT c, n FROM v_qualified`, "", ""},
		{"other names", catalog.UserNames{"get_email": pub, "upper2": pub}, nil, `SELECT upper(country), id FROM customers`, "", ""},
		{"extension function", catalog.UserNames{"similarity": pub}, nil, `SELECT similarity(country, 'x') FROM customers`, "", ""},

		// A user operator named like a builtin.
		{"operator", nil, catalog.UserNames{"+": pub}, `SELECT id + 1 FROM customers`,
			"pgveil: operator + is also defined in schema public: pgveil cannot tell which one runs",
			"write it as OPERATOR(pg_catalog.+) or drop or rename the user operator"},
		{"operator with text", nil, catalog.UserNames{"+": pub}, `SELECT id + 'x'::text FROM customers`,
			"operator + is also defined", ""},
		{"prefix operator", nil, catalog.UserNames{"-": pub}, `SELECT -id FROM customers`,
			"operator - is also defined", ""},
		{"operator in WHERE", nil, catalog.UserNames{"+": pub}, `SELECT id FROM customers WHERE id + 1 = 2`,
			"operator + is also defined", ""},
		{"equality", nil, catalog.UserNames{"=": pub}, `SELECT id FROM customers WHERE id = 1`,
			"operator = is also defined", ""},
		{"IN list", nil, catalog.UserNames{"=": pub}, `SELECT id FROM customers WHERE id IN (1, 2)`,
			"operator = is also defined", ""},
		{"= ANY", nil, catalog.UserNames{"=": pub}, `SELECT id FROM customers WHERE id = ANY($1)`,
			"operator = is also defined", ""},
		{"IS DISTINCT FROM", nil, catalog.UserNames{"=": pub}, `SELECT id FROM customers WHERE id IS DISTINCT FROM 1`,
			"operator = is also defined", ""},
		{"NULLIF", nil, catalog.UserNames{"=": pub}, `SELECT nullif(id, 1) FROM customers`,
			"operator = is also defined", ""},
		{"LIKE", nil, catalog.UserNames{"~~": pub}, `SELECT id FROM customers WHERE country LIKE 'F%'`,
			"operator ~~ is also defined", ""},
		{"BETWEEN", nil, catalog.UserNames{">=": pub}, `SELECT id FROM customers WHERE id BETWEEN 1 AND 3`,
			"operator >= (used by BETWEEN) is also defined in schema public",
			"spell the comparison out with OPERATOR(pg_catalog.>=)"},
		{"NOT BETWEEN", nil, catalog.UserNames{">": pub}, `SELECT id FROM customers WHERE id NOT BETWEEN 1 AND 3`,
			"operator > (used by NOT BETWEEN) is also defined", ""},
		{"CASE x WHEN", nil, catalog.UserNames{"=": pub}, `SELECT CASE id WHEN 1 THEN 'a' END FROM customers`,
			"operator = (used by CASE ... WHEN) is also defined", ""},
		{"IN subquery", nil, catalog.UserNames{"=": pub}, `SELECT id FROM customers WHERE id IN (SELECT customer_id FROM accounts)`,
			"operator = (used by IN with a subquery) is also defined", ""},
		{"ANY subquery", nil, catalog.UserNames{"<": pub}, `SELECT id FROM customers WHERE id < ANY (SELECT customer_id FROM accounts)`,
			"operator < is also defined", ""},
		{"JOIN USING", nil, catalog.UserNames{"=": pub}, `SELECT id FROM customers JOIN accounts USING (id)`,
			"operator = (used by JOIN USING) is also defined", ""},
		{"NATURAL JOIN", nil, catalog.UserNames{"=": pub}, `SELECT id FROM customers NATURAL JOIN accounts`,
			"operator = (used by NATURAL JOIN) is also defined", ""},
		{"ORDER BY USING", nil, catalog.UserNames{"<": pub}, `SELECT id FROM customers ORDER BY id USING <`,
			"operator < is also defined", ""},
		{"aggregate ORDER BY USING", nil, catalog.UserNames{"<": pub}, `SELECT array_agg(id ORDER BY id USING <) FROM customers`,
			"operator < is also defined", ""},
		{"operator in a view", nil, catalog.UserNames{"+": pub}, `SELECT id FROM v_plus`,
			"pgveil: view public.v_plus cannot be read: operator + is also defined in schema public", ""},
		{"OPERATOR(pg_catalog.+)", nil, catalog.UserNames{"+": pub}, `SELECT id OPERATOR(pg_catalog.+) 1 FROM customers`, "", ""},
		{"OPERATOR(pg_catalog.=)", nil, catalog.UserNames{"=": pub}, `SELECT id FROM customers WHERE id OPERATOR(pg_catalog.=) 1`, "", ""},
		{"ORDER BY USING OPERATOR(pg_catalog.<)", nil, catalog.UserNames{"<": pub}, `SELECT id FROM customers ORDER BY id USING OPERATOR(pg_catalog.<)`, "", ""},
		{"BETWEEN without its operators", nil, catalog.UserNames{"<": pub, ">": pub}, `SELECT id FROM customers WHERE id BETWEEN 1 AND 3`, "", ""},
		{"other operators", nil, catalog.UserNames{"===": pub, "-": pub}, `SELECT id + 1, id FROM customers WHERE id = 1 ORDER BY id`, "", ""},
		{"a function named like an operator", catalog.UserNames{"+": pub}, catalog.UserNames{"upper": pub}, `SELECT upper(country), id + 1 FROM customers`, "", ""},
	}
	for _, tc := range cases {
		snap := shadowSnapshot(tc.funcs, tc.ops)
		for _, p := range []Posture{PostureStrict, PostureStandard} {
			an, err := Analyze(tc.sql, snap, fixRules, p)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			st := an.Statements[0]
			checkInvariants(t, tc.sql, st)
			switch {
			case tc.msg == "" && st.Refusal != nil:
				t.Errorf("%s (%s): %q refused (%s), want allowed", tc.name, p, tc.sql, st.Refusal.Message)
			case tc.msg != "" && st.Refusal == nil:
				t.Errorf("%s (%s): %q allowed (%+v), want refused with %q", tc.name, p, tc.sql, st.Columns, tc.msg)
			case tc.msg != "" && !strings.Contains(st.Refusal.Message, tc.msg):
				t.Errorf("%s (%s): %q refused with %q, want %q", tc.name, p, tc.sql, st.Refusal.Message, tc.msg)
			case tc.msg != "" && !strings.Contains(st.Refusal.Hint, tc.hint):
				t.Errorf("%s (%s): %q hint %q, want %q", tc.name, p, tc.sql, st.Refusal.Hint, tc.hint)
			}
			// A cache serves the same verdict for the statement and its
			// constant variants.
			c := NewCache(8)
			for _, sql := range append([]string{tc.sql}, constVariants(t, tc.sql)...) {
				got, err := c.Analyze(sql, snap, fixRules, Options{Posture: p})
				if err != nil {
					t.Fatal(err)
				}
				want, _ := Analyze(sql, snap, fixRules, p)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s (%s): cached %q: %+v, want %+v", tc.name, p, sql, got.Statements, want.Statements)
				}
			}
		}
	}
}

// TestShadowingChangesNothingElse: user functions and operators whose names
// are no builtin's leave every verdict of the package's corpus as it was.
func TestShadowingChangesNothingElse(t *testing.T) {
	snap := *fixSnap
	snap.Functions = catalog.UserNames{"get_email": {"public"}, "leak_sql": {"public", "app"}, "similarity": {"public"}}
	snap.Operators = catalog.UserNames{"===": {"public"}, "@@@@": {"app"}}
	for _, sql := range cacheCorpus(t) {
		for _, p := range []Posture{PostureStrict, PostureStandard} {
			want, err := Analyze(sql, fixSnap, fixRules, p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Analyze(sql, &snap, fixRules, p)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: %+v, want %+v", p, sql, got.Statements, want.Statements)
			}
		}
	}
}

func TestJudgeShadowing(t *testing.T) {
	user := catalog.UserNames{"upper": {"public"}, "+": {"public"}}
	fn := []struct {
		schema, name string
		want         funcVerdict
	}{
		{"", "upper", funcShadowed},
		{"pg_catalog", "upper", funcAllowed},
		{"public", "upper", funcUnknown},
		{"", "lower", funcAllowed},
		{"", "query_to_xml", funcDenied},
	}
	for _, c := range fn {
		if got, _ := judgeFunction(c.schema, c.name, user); got != c.want {
			t.Errorf("judgeFunction(%q, %q) = %v, want %v", c.schema, c.name, got, c.want)
		}
	}
	op := []struct {
		schema, name string
		want         funcVerdict
	}{
		{"", "+", funcShadowed},
		{"pg_catalog", "+", funcAllowed},
		{"public", "+", funcUnknown},
		{"", "-", funcAllowed},
		{"", "===", funcUnknown},
	}
	for _, c := range op {
		if got, _ := judgeOperator(c.schema, c.name, user); got != c.want {
			t.Errorf("judgeOperator(%q, %q) = %v, want %v", c.schema, c.name, got, c.want)
		}
	}
	if _, reason := judgeOperator("", "+", catalog.UserNames{"+": {"app", "public"}}); reason != "schemas app, public" {
		t.Errorf("reason %q", reason)
	}
}

// TestDomainCasts: a cast to a user domain runs its CHECK constraints, so
// it is refused wherever a type name is written; pg_catalog types and
// databases without domains are unaffected.
func TestDomainCasts(t *testing.T) {
	snap := fixtureSnapshot()
	snap.Domains = catalog.UserNames{"checked_dom": {"public"}, "email_t": {"app"}}
	for _, tc := range []struct {
		sql     string
		refused bool
	}{
		{`SELECT 1::checked_dom`, true},
		{`SELECT CAST(id AS public.checked_dom) FROM customers`, true},
		{`SELECT checked_dom '1'`, true},
		{`SELECT ARRAY[1]::checked_dom[]`, true},
		{`SELECT x FROM json_to_record('{"x": 1}') AS t(x email_t)`, true},
		{`SELECT 1::int, 'x'::text, id::pg_catalog.int8 FROM customers`, false},
		{`SELECT 1::bigint`, false},
	} {
		an, err := Analyze(tc.sql, snap, fixRules, PostureStrict)
		if err != nil {
			t.Fatal(err)
		}
		if got := an.Refused() != nil; got != tc.refused {
			t.Errorf("%s: refused %v, want %v (%v)", tc.sql, got, tc.refused, an.Refused())
		}
	}
}
