package lineage

import (
	"testing"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// checkQuickKey asserts that every constant quickKey replaces is one
// constant token (ICONST or SCONST) of PostgreSQL's own lexer, at the same
// bytes: two texts with the same key then differ only in constants.
func checkQuickKey(t *testing.T, sql string) {
	t.Helper()
	var spans []litSpan
	if _, ok := quickKeySpans(sql, &spans); !ok {
		return
	}
	res, err := pg.Scan(sql)
	if err != nil {
		if len(spans) > 0 {
			// PostgreSQL cannot tokenize it: the statement will be a parse
			// refusal, which the cache never reuses across keys anyway.
			return
		}
		return
	}
	consts := map[litSpan]bool{}
	for _, tok := range res.Tokens {
		if tok.Token == pg.Token_ICONST || tok.Token == pg.Token_SCONST {
			consts[litSpan{int(tok.Start), int(tok.End)}] = true
		}
	}
	for _, sp := range spans {
		if !consts[sp] {
			t.Errorf("quickKey(%q) replaced %q, which PostgreSQL's lexer does not read as one constant", sql, sql[sp.start:sp.end])
		}
	}
}

func TestQuickKeyConstantsAreLexerConstants(t *testing.T) {
	tricky := []string{
		`SELECT 1`, `SELECT 'a''b', "x""'y", 'c'`, `SELECT t1.c2 FROM t1`, `SELECT 1.5, .5, 5., 1e10, 0x1F, 1_000`,
		`SELECT E'a', B'101', X'1F', N'x', U&'d0061'`, `SELECT email::varchar(200) FROM customers`,
		`SELECT 'a'
'b'`, `SELECT "1" FROM t`, `SELECT a[1] FROM t`, `FETCH 10 FROM c`, `SELECT 1 -- c`, `SELECT /* 1 */ 2`,
		`SELECT $1`, `SELECT $$1$$`, `SELECT 'unterminated`, `SELECT "unterminated`, `SELECT 'é'`, `SELECT 1::int4`,
		`SELECT id FROM customers WHERE email = 'x' AND id IN (1, 2, 3) ORDER BY 1 LIMIT 10 OFFSET 5`,
		`SELECT interval '1 day', date '2020-01-01', 'x'::regclass`,
	}
	for _, sql := range append(tricky, cacheCorpus(t)...) {
		checkQuickKey(t, sql)
	}
	// The scan must give up where tokenizing depends on more than it sees.
	for _, sql := range []string{`SELECT 1 -- x`, `SELECT /* x */ 1`, `SELECT $1`, `SELECT $$a$$`, `SELECT E'\n'`,
		`SELECT U&'\0061'`, `SELECT 'é'`, "SELECT 1\x00"} {
		if _, ok := quickKey(sql); ok {
			t.Errorf("quickKey(%q) did not give up", sql)
		}
	}
	// Same key, differing only in constants; different text, different key.
	a, _ := quickKey(`SELECT abalance FROM pgbench_accounts WHERE aid = 42;`)
	b, _ := quickKey(`SELECT abalance FROM pgbench_accounts WHERE aid = 7;`)
	c, _ := quickKey(`SELECT abalance FROM pgbench_accounts WHERE bid = 7;`)
	if a != b || a == c {
		t.Errorf("keys: %q %q %q", a, b, c)
	}
}

// FuzzQuickKey checks the same property on any input.
func FuzzQuickKey(f *testing.F) {
	for _, s := range []string{`SELECT 1`, `SELECT 'a''b' FROM "t""x" WHERE c = 5`, `SELECT x1, 1x, 1.e5, '1'::int`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		checkQuickKey(t, sql)
	})
}
