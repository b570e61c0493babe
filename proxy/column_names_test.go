package proxy

import "testing"

// Output column names and alias lists as PostgreSQL assigns them (see
// lineage/column_names_test.go): each statement plants nothing of its own
// and runs directly on the server (the poison control: the canary must
// show) and through the proxy over the simple protocol and the extended
// protocol (text and binary results); no canary may reach the client.

// TestAliasListPastOpenColumnLeaksNothing: a column alias list (FROM
// subquery, join alias, CTE column list) renames columns by position. Past
// a column of unknown width (SELECT * over a set-returning function without
// a known shape, or over a system catalog) the analysis must still name the
// columns as PostgreSQL does, which gives unnest(...) exactly one column:
// the second alias names the masked email. Were it believed computed from
// the constant array, x concatenated with the empty string would pass the
// strict posture and leave without any origin, unmasked.
func TestAliasListPastOpenColumnLeaksNothing(t *testing.T) {
	client, upstream := canaryProxy(t)
	for _, sql := range []string{
		`SELECT x || '' FROM (SELECT * FROM unnest(ARRAY[1]), (SELECT email FROM customers) c) s(a, x)`,
		`WITH s(a, x) AS (SELECT * FROM unnest(ARRAY[1]), (SELECT email FROM customers) c) SELECT x || '' FROM s`,
		`SELECT s.x || '' FROM (unnest(ARRAY[1]) CROSS JOIN (SELECT email FROM customers) c) AS s(a, x)`,
		`SELECT x || '' FROM (SELECT * FROM pg_catalog.pg_namespace, (SELECT email FROM customers) c) s(a1, a2, a3, a4, x)`,
	} {
		t.Run(sql, func(t *testing.T) { noCanaryAllModes(t, client, upstream, sql) })
	}
}

// TestScalarSubqueryColumnNameLeaksNothing: PostgreSQL names an unaliased
// scalar subquery after the subquery's own column (FigureColname: "text"
// for (SELECT email AS text ...)), and a cast of one after the subquery's
// column too; in the derived table s the name text is the e-mail's, not
// the constant's. Were the analysis to put the name on the constant
// column, s.text concatenated with the empty string would be believed
// computed from a constant (strict posture satisfied) and the server would
// return every e-mail in clear, without an origin. The same with CASE:
// PostgreSQL names CASE ... ELSE c.country END "country" (its ELSE
// branch's name), not "case".
func TestScalarSubqueryColumnNameLeaksNothing(t *testing.T) {
	client, upstream := canaryProxy(t)
	for _, sql := range []string{
		`SELECT s.text || '' FROM (SELECT (SELECT c2.email AS text FROM customers c2 WHERE c2.id = c.id), (SELECT 'x' AS q)::text FROM customers c) s`,
		`SELECT "case" || '' FROM (SELECT (SELECT c2.email AS "case" FROM customers c2 WHERE c2.id = c.id), CASE WHEN true THEN 'x' ELSE c.country END FROM customers c) s`,
	} {
		t.Run(sql, func(t *testing.T) { noCanaryAllModes(t, client, upstream, sql) })
	}
}
