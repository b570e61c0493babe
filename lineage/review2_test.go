package lineage

import "testing"

// Findings of a security review (session 3) of the analysis; each test
// fails while the problem exists (proxy/review2_test.go shows the same
// statements leaking through a real proxy):
//
//	go test ./lineage -run TestReview2 -count=1 -v

// mustRefuse asserts that sql is refused under both postures.
func mustRefuse(t *testing.T, sql string, postures ...Posture) {
	t.Helper()
	if len(postures) == 0 {
		postures = []Posture{PostureStrict, PostureStandard}
	}
	for _, p := range postures {
		an, err := Analyze(sql, fixSnap, fixRules, p)
		if err != nil {
			t.Fatal(err)
		}
		st := an.Statements[0]
		if st.Refusal == nil {
			t.Errorf("%v: %q allowed with columns %+v; it outputs a value computed from public.customers.email", p, sql, st.Columns)
		}
	}
}

// TestReview2AliasPastOpenColumn: applyAlias gives every alias name past
// a column of unknown width (SELECT * over unnest(...) or a system
// catalog) the open column's lineage and leaves the columns after it with
// their old names; cteColumns stops at the open column and the unlisted
// name then resolves to nsItem.rest(), the open column's lineage. In
// PostgreSQL unnest(ARRAY[1]) is one column, so x is the email.
func TestReview2AliasPastOpenColumn(t *testing.T) {
	for _, sql := range []string{
		`SELECT x || '' FROM (SELECT * FROM unnest(ARRAY[1]), (SELECT email FROM customers) c) s(a, x)`,
		`WITH s(a, x) AS (SELECT * FROM unnest(ARRAY[1]), (SELECT email FROM customers) c) SELECT x || '' FROM s`,
		`SELECT s.x || '' FROM (unnest(ARRAY[1]) CROSS JOIN (SELECT email FROM customers) c) AS s(a, x)`,
		`SELECT x || '' FROM (SELECT * FROM pg_catalog.pg_namespace, (SELECT email FROM customers) c) s(a1, a2, a3, a4, x)`,
	} {
		mustRefuse(t, sql)
	}
	// Without an expression the lineage still says "not sensitive": only
	// the server's origin (a base column through a subquery) saves it.
	sql := `SELECT x FROM (SELECT * FROM unnest(ARRAY[1]), (SELECT email FROM customers) c) s(a, x)`
	an, _ := Analyze(sql, fixSnap, fixRules, PostureStrict)
	if st := an.Statements[0]; st.Refusal == nil && !st.Columns[0].Sensitive {
		t.Errorf("%q: column x is public.customers.email, lineage says %+v", sql, st.Columns[0])
	}
}

// TestReview2SublinkColumnName: figureName disagrees with PostgreSQL's
// FigureColname. PostgreSQL names an unaliased scalar subquery after its
// single column and keeps that name under a cast; it names CASE after its
// ELSE branch when that has a name. figureName says "?column?" for the
// subquery, "text" for (SELECT 'x' AS q)::text, "case" for any CASE. In a
// derived table the name then sits on another column than in PostgreSQL.
func TestReview2SublinkColumnName(t *testing.T) {
	for _, sql := range []string{
		`SELECT s.text || '' FROM (SELECT (SELECT c2.email AS text FROM customers c2 WHERE c2.id = c.id), (SELECT 'x' AS q)::text FROM customers c) s`,
		`SELECT "case" || '' FROM (SELECT (SELECT c2.email AS "case" FROM customers c2 WHERE c2.id = c.id), CASE WHEN true THEN 'x' ELSE c.country END FROM customers c) s`,
	} {
		mustRefuse(t, sql)
	}
}

// TestReview2OrderByMisnamedOutput: the same naming mismatch in ORDER BY
// (an output column name): PostgreSQL sorts by the scalar subquery named
// text (the email), lineage by the constant it calls text. The strict
// posture must refuse ordering by a masked column (with LIMIT/OFFSET it is
// a rank oracle on the real values).
func TestReview2OrderByMisnamedOutput(t *testing.T) {
	mustRefuse(t, `SELECT c.id, (SELECT c2.email AS text FROM customers c2 WHERE c2.id = c.id), (SELECT 'x' AS q)::text FROM customers c ORDER BY text LIMIT 1 OFFSET 5`,
		PostureStrict)
}
