package proxy

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// Inference: statements that return no sensitive byte but whose answer
// (a count, an order, an error, a delay, a plan) depends on a sensitive
// value. Under the strict posture the proxy refuses them; the assertion is
// that it does so in every protocol mode and answers the canary's probe
// exactly as it answers a probe that matches nothing.

// oracleCase is a statement run with two probes: hit matches the canary
// row, miss matches nothing. {probe} in sql is replaced by the probe, or
// with param the probe is bound to $1.
type oracleCase struct {
	class     string
	sql       string
	hit, miss string
	param     bool
}

// prefix probes: the canary's first letters and letters no value starts with.
func prefix(class, sql string) oracleCase {
	return oracleCase{class: class, sql: sql, hit: "zqcan", miss: "zqnot"}
}

var oracleCases = []oracleCase{
	// Predicate oracles.
	prefix("predicate", "SELECT count(*) FROM customers WHERE email LIKE '{probe}%'"),
	prefix("predicate", "SELECT id FROM customers WHERE email LIKE '{probe}%'"),
	prefix("predicate", "SELECT count(*) FROM customers WHERE email ILIKE '{probe}%'"),
	prefix("predicate", "SELECT count(*) FROM customers WHERE email ~ '^{probe}'"),
	prefix("predicate", "SELECT count(*) FROM customers WHERE starts_with(email, '{probe}')"),
	prefix("predicate", "SELECT count(*) FROM customers WHERE substr(email, 1, 5) = '{probe}'"),
	prefix("predicate", "SELECT count(*) FROM customers WHERE left(first_name, 5) = '{probe}'"),
	prefix("predicate", "SELECT count(*) FROM customers WHERE position('{probe}' in email) = 1"),
	prefix("predicate", "SELECT count(*) FROM customers WHERE profile->>'email' LIKE '{probe}%'"),
	prefix("predicate", "SELECT count(*) FROM accounts WHERE substr(iban, 1, 5) = upper('{probe}')"),
	prefix("predicate", "SELECT count(*) FROM customers WHERE email IN (SELECT email FROM customers WHERE email LIKE '{probe}%')"),
	prefix("predicate", "SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id AND c.email LIKE '{probe}%')"),
	{class: "predicate", sql: "SELECT count(*) FROM customers WHERE email LIKE $1 || '%'", hit: "zqcan", miss: "zqnot", param: true},
	{class: "predicate", sql: "SELECT count(*) FROM customers WHERE length(email) = {probe}", hit: "25", miss: "99"},
	{class: "predicate", sql: "SELECT count(*) FROM customers WHERE octet_length(first_name) > {probe}", hit: "12", miss: "99"},
	// Range comparisons.
	prefix("range", "SELECT count(*) FROM customers WHERE email > '{probe}'"),
	prefix("range", "SELECT count(*) FROM customers WHERE email BETWEEN '{probe}' AND 'zz'"),
	prefix("range", "SELECT count(*) FROM customers WHERE greatest(email, '{probe}') = email"),
	prefix("range", "SELECT count(*) FROM customers GROUP BY email > '{probe}'"),
	{class: "range", sql: "SELECT count(*) FROM customers WHERE email >= $1", hit: "zqcan", miss: "zqnot", param: true},
	// Order: which row comes first is a comparison of sensitive values.
	{class: "order", sql: "SELECT id FROM customers ORDER BY lower(email) {probe} LIMIT 1 OFFSET 0", hit: "DESC", miss: "ASC"},
	{class: "order", sql: "SELECT id, country FROM customers ORDER BY email {probe} LIMIT 1", hit: "DESC", miss: "ASC"},
	{class: "order", sql: "SELECT id FROM customers ORDER BY email LIMIT 1 OFFSET {probe}", hit: "269", miss: "0"},
	{class: "order", sql: "SELECT id, rank() OVER (ORDER BY email {probe}) FROM customers ORDER BY id LIMIT 1", hit: "DESC", miss: "ASC"},
	{class: "order", sql: "SELECT DISTINCT ON (email) id FROM customers ORDER BY email {probe} LIMIT 1", hit: "DESC", miss: "ASC"},
	// Error oracles: the statement fails only when the canary matches.
	prefix("error", "SELECT 1/(CASE WHEN email LIKE '{probe}%' THEN 0 ELSE 1 END) FROM customers"),
	prefix("error", "SELECT id FROM customers WHERE 1/(CASE WHEN email LIKE '{probe}%' THEN 0 ELSE 1 END) = 1"),
	prefix("error", "SELECT count(*) FROM customers WHERE (CASE WHEN email LIKE '{probe}%' THEN 'x' ELSE '1' END)::int = 1"),
	prefix("error", "SELECT count(*) FROM customers WHERE CASE WHEN email LIKE '{probe}%' THEN (SELECT 1 UNION SELECT 2) ELSE 1 END = 1"),
	// Timing oracles: the delay happens only for the canary. The direct
	// answer shows the data-dependent evaluation; no clock is read.
	prefix("timing", "SELECT count(CASE WHEN email LIKE '{probe}%' THEN pg_sleep(0) END) FROM customers"),
	prefix("timing", "SELECT count(*) FROM customers WHERE pg_sleep_for(CASE WHEN email LIKE '{probe}%' THEN '0s'::interval END) IS NULL"),
	prefix("timing", "SELECT count(*) FROM customers, generate_series(1, CASE WHEN email LIKE '{probe}%' THEN 1000 ELSE 1 END)"),
	{class: "timing", sql: "SELECT count(*) FROM customers WHERE email = $1 AND pg_sleep(0) IS NOT NULL",
		hit: canary + "@example.com", miss: "nobody@example.com", param: true},
	// EXPLAIN ANALYZE reports the rows a predicate kept; plain EXPLAIN
	// reports estimates from the column's statistics.
	prefix("explain", "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id FROM customers WHERE email LIKE '{probe}%'"),
	prefix("explain", "EXPLAIN (ANALYZE 1, COSTS 0, TIMING 0, SUMMARY 0, FORMAT JSON) SELECT count(*) FROM customers WHERE email > '{probe}'"),
	{class: "explain", sql: "EXPLAIN (ANALYZE true, COSTS false, TIMING false, SUMMARY false) SELECT id FROM customers WHERE email = $1",
		hit: canary + "@example.com", miss: "nobody@example.com", param: true},
	prefix("explain", "EXPLAIN SELECT id FROM customers WHERE email > '{probe}'"),
}

func (oc oracleCase) statement(probe string) (string, []string) {
	if oc.param {
		return oc.sql, []string{probe}
	}
	return strings.ReplaceAll(oc.sql, "{probe}", probe), nil
}

// answer is everything a client learns from an outcome.
func answer(o outcome) string {
	var b strings.Builder
	if pe := o.pgErr(); pe != nil {
		fmt.Fprintf(&b, "error %s %s|", pe.Code, pe.Message)
	} else if o.err != nil {
		fmt.Fprintf(&b, "error %v|", o.err)
	}
	for _, r := range o.rows {
		b.Write(bytes.Join(r, []byte{0}))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestLeaksInference: every oracle is refused with 42501 in every protocol
// mode, with the same answer for the canary's probe as for the other; run
// directly on the server the two answers differ (the poison control).
func TestLeaksInference(t *testing.T) {
	e := newLeakEnv(t, []leakFixture{extraCanaries})
	for _, oc := range oracleCases {
		t.Run(oc.class+"/"+oc.sql, func(t *testing.T) {
			hitSQL, hitArgs := oc.statement(oc.hit)
			missSQL, missArgs := oc.statement(oc.miss)
			for _, mode := range protoModes {
				e.rec.take()
				hit := mode.run(e.ctx, e.pc, hitSQL, hitArgs...)
				miss := mode.run(e.ctx, e.pc, missSQL, missArgs...)
				if got := e.rec.take(); containsAny(got, canaryForms()) && !oc.param {
					t.Errorf("%s: LEAK: a canary reached the client: %q", mode.name, excerpt(got, canaryForms()))
				}
				for _, o := range []outcome{hit, miss} {
					if !o.refusedByProxy("42501") {
						t.Errorf("%s: want the proxy's refusal (42501), got %s", mode.name, o)
					}
				}
				if answer(hit) != answer(miss) {
					t.Errorf("%s: LEAK: the answers to the two probes differ:\n%s\n%s", mode.name, answer(hit), answer(miss))
				}
				e.resetProxySession(t, nil)
			}
			hit := runSimple(e.ctx, e.direct, hitSQL, hitArgs...)
			miss := runSimple(e.ctx, e.direct, missSQL, missArgs...)
			if answer(hit) == answer(miss) {
				t.Errorf("poison control: directly the two probes get the same answer (%s), so this case tests nothing", answer(hit))
			}
		})
	}
}

// TestStrictAllowsLookups: what the strict posture allows on a sensitive
// column (equality with a value, IN, = ANY, IS [NOT] NULL, IS NOT DISTINCT
// FROM, equi-joins) works through the proxy in every protocol mode, with the
// server's own answer; so the refusals above are not "refuse everything".
func TestStrictAllowsLookups(t *testing.T) {
	e := newLeakEnv(t, nil)
	email := canary + "@example.com"
	for _, c := range []struct {
		sql  string
		args []string
	}{
		{"SELECT id FROM customers WHERE email = $1", []string{email}},
		{"SELECT count(*) FROM customers WHERE email = $1", []string{"nobody@example.com"}},
		{"SELECT id FROM customers WHERE email IN ($1, 'nobody@example.com')", []string{email}},
		{"SELECT id FROM customers WHERE email = ANY($1)", []string{"{" + email + ",nobody@example.com}"}},
		{"SELECT id FROM customers WHERE email IS NOT DISTINCT FROM $1", []string{email}},
		{"SELECT count(*) FROM customers WHERE email IS NULL", nil},
		{"SELECT count(*) FROM customers WHERE email IS NOT NULL", nil},
		{"SELECT count(*) FROM customers c JOIN contacts k ON k.email = c.email", nil},
		{"SELECT c.id FROM customers c WHERE c.email NOT IN (SELECT email FROM contacts WHERE email IS NOT NULL) ORDER BY c.id LIMIT 3", nil},
	} {
		t.Run(c.sql, func(t *testing.T) {
			for _, mode := range protoModes {
				got := mode.run(e.ctx, e.pc, c.sql, c.args...)
				want := mode.run(e.ctx, e.direct, c.sql, c.args...)
				if got.err != nil || answer(got) != answer(want) {
					t.Errorf("%s: got %q (%v), want the server's %q", mode.name, answer(got), got.err, answer(want))
				}
			}
		})
	}
	// The canary row found by equality comes back masked.
	for _, mode := range protoModes {
		got := mode.run(e.ctx, e.pc, "SELECT email FROM customers WHERE email = $1", email)
		if got.err != nil || len(got.rows) != 1 || len(got.rows[0][0]) == 0 || bytes.Contains(got.rows[0][0], []byte(canary)) {
			t.Errorf("%s: want one masked e-mail, got %q (%v)", mode.name, answer(got), got.err)
		}
	}
}
