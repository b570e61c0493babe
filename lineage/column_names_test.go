package lineage

import "testing"

// Output column names and alias lists as PostgreSQL assigns them: when the
// analysis names or numbers a column otherwise than the server, a name in a
// derived table, a CTE or ORDER BY reaches another column than the one the
// analysis judged. proxy/column_names_test.go runs the same statements
// through a real proxy.

// mustRefuse asserts that sql is refused under every given posture (both
// when none is given).
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

// TestAliasListPastOpenColumnRefused: an alias list names columns by
// position. Past a column of unknown width (SELECT * over unnest(...) or a
// system catalog) applyAlias must not give every remaining alias name the
// open column's lineage, nor may cteColumns stop at the open column and
// resolve the unlisted names to nsItem.rest(). In PostgreSQL
// unnest(ARRAY[1]) is one column, so x is the email.
func TestAliasListPastOpenColumnRefused(t *testing.T) {
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

// TestScalarSubqueryColumnNamedAsPostgres: figureName must agree with
// PostgreSQL's FigureColname, which names an unaliased scalar subquery
// after its single column, keeps that name under a cast, and names CASE
// after its ELSE branch when that has a name. Otherwise a name in a derived
// table sits on another column than in PostgreSQL ("?column?" for the
// subquery, "text" for (SELECT 'x' AS q)::text, "case" for any CASE).
func TestScalarSubqueryColumnNamedAsPostgres(t *testing.T) {
	for _, sql := range []string{
		`SELECT s.text || '' FROM (SELECT (SELECT c2.email AS text FROM customers c2 WHERE c2.id = c.id), (SELECT 'x' AS q)::text FROM customers c) s`,
		`SELECT "case" || '' FROM (SELECT (SELECT c2.email AS "case" FROM customers c2 WHERE c2.id = c.id), CASE WHEN true THEN 'x' ELSE c.country END FROM customers c) s`,
	} {
		mustRefuse(t, sql)
	}
}

// TestOrderByScalarSubqueryNameRefusedStrict: the same naming in ORDER BY
// (an output column name): PostgreSQL sorts by the scalar subquery named
// text (the email), not by the constant cast to text. The strict posture
// must refuse ordering by a masked column (with LIMIT/OFFSET it is a rank
// oracle on the real values).
func TestOrderByScalarSubqueryNameRefusedStrict(t *testing.T) {
	mustRefuse(t, `SELECT c.id, (SELECT c2.email AS text FROM customers c2 WHERE c2.id = c.id), (SELECT 'x' AS q)::text FROM customers c ORDER BY text LIMIT 1 OFFSET 5`,
		PostureStrict)
}
