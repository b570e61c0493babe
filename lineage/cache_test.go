package lineage

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// constSensitive are statements whose verdict depends on a constant's value:
// the cache must tell them apart however their constants change.
var constSensitive = []string{
	`SELECT id, email FROM customers ORDER BY 1`,
	`SELECT id, email FROM customers ORDER BY 2 LIMIT 1 OFFSET 3`,
	`SELECT DISTINCT ON (1) id, email FROM customers`,
	`SELECT email, count(*) FROM customers GROUP BY 1`,
	`SELECT country, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC`,
	`SET default_transaction_read_only = on`,
	`SET transaction_read_only = 'off'`,
	`SET statement_timeout = 5000`,
	`BEGIN TRANSACTION READ ONLY`,
	`EXPLAIN (ANALYZE false) SELECT id FROM customers WHERE id = 4`,
	`EXPLAIN (ANALYZE 0) SELECT id FROM customers`,
	`EXPLAIN (ANALYZE 'off') SELECT id FROM customers`,
	`BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY`,
	`SET search_path = 'public'; SELECT email FROM customers`,
}

// cacheCorpus is every statement the package's tests know.
func cacheCorpus(t *testing.T) []string {
	t.Helper()
	corpus := append([]string(nil), constSensitive...)
	var classes []string
	for c := range leakClasses {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		for _, lc := range leakClasses[c] {
			corpus = append(corpus, lc.sql)
		}
	}
	files, _ := filepath.Glob("testdata/psql/*.sql")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		corpus = append(corpus, string(b))
	}
	return corpus
}

// constVariants rewrites every constant of sql: integers to 1, 2 and 3,
// strings to 'on', 'off' and 'x', so that positions, booleans and settings
// all change.
func constVariants(t *testing.T, sql string) []string {
	t.Helper()
	res, err := pg.Scan(sql)
	if err != nil {
		return nil
	}
	var out []string
	for _, sub := range [][2]string{{"1", "'on'"}, {"2", "'off'"}, {"3", "'x'"}} {
		b := []byte{}
		last := 0
		changed := false
		for _, tok := range res.Tokens {
			var rep string
			switch tok.Token {
			case pg.Token_ICONST:
				rep = sub[0]
			case pg.Token_SCONST:
				rep = sub[1]
			default:
				continue
			}
			b = append(b, sql[last:tok.Start]...)
			b = append(b, rep...)
			last = int(tok.End)
			changed = true
		}
		if changed {
			out = append(out, string(append(b, sql[last:]...)))
		}
	}
	return out
}

// TestCacheSameVerdict: for every statement of the corpus and its constant
// variants, a verdict served by a cache warmed with any other variant
// equals a fresh analysis, under both postures.
func TestCacheSameVerdict(t *testing.T) {
	reused, checked := 0, 0
	for _, sql := range cacheCorpus(t) {
		forms := append([]string{sql}, constVariants(t, sql)...)
		for _, p := range []Posture{PostureStrict, PostureStandard} {
			opt := Options{Posture: p}
			for _, warm := range forms {
				c := NewCache(64)
				warmed, err := c.Analyze(warm, fixSnap, fixRules, opt)
				if err != nil {
					t.Fatal(err)
				}
				for _, probe := range forms {
					got, err := c.Analyze(probe, fixSnap, fixRules, opt)
					if err != nil {
						t.Fatal(err)
					}
					want, err := AnalyzeWith(probe, fixSnap, fixRules, opt)
					if err != nil {
						t.Fatal(err)
					}
					checked++
					if probe != warm && got == warmed {
						reused++
					}
					if !sameVerdict(got, want) {
						t.Errorf("%s: warmed with %q, %q got %+v, want %+v", p, warm, probe, got.Statements, want.Statements)
					}
				}
			}
		}
	}
	// The test proves something only if the cache served many of them.
	if reused < checked/10 {
		t.Errorf("the cache served %d of %d probes from another variant; expected many more", reused, checked)
	}
	t.Logf("%d probes, %d of them after warming with another variant", checked, reused)
}

// sameVerdict compares two analyses but for the statements' fingerprints:
// a cached analysis carries the fingerprint of the first text of its key,
// and pg_query's fingerprint keeps some integers the key treats as
// constants (FETCH 10 vs FETCH 1), which changes no verdict.
func sameVerdict(a, b *Analysis) bool {
	if len(a.Statements) != len(b.Statements) {
		return false
	}
	for i := range a.Statements {
		x, y := a.Statements[i], b.Statements[i]
		x.Fingerprint, y.Fingerprint = "", ""
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// TestCacheDoesNotStore checks the statements the cache must not keep.
func TestCacheDoesNotStore(t *testing.T) {
	for _, sql := range append(constSensitive,
		`SELECT id FROM no_such_table WHERE id = 1`, // unresolved: a refresh may find it
		`SHOW search_path`,
		`COMMIT`,
	) {
		c := NewCache(8)
		if _, err := c.Analyze(sql, fixSnap, fixRules, Options{}); err != nil {
			t.Fatal(err)
		}
		if len(c.cur) != 0 {
			t.Errorf("%q was stored", sql)
		}
	}
	c := NewCache(8)
	for _, sql := range []string{`SELECT id FROM customers WHERE id = 1`, `SELECT lower(email) FROM customers WHERE id = 7`} {
		if _, err := c.Analyze(sql, fixSnap, fixRules, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if len(c.cur) != 2 {
		t.Errorf("a lookup and a refusal: %d entries stored, want 2", len(c.cur))
	}
}

// TestCacheKeys: the options, the snapshot and the rules are part of the
// key, and the size stays bounded.
func TestCacheKeys(t *testing.T) {
	c := NewCache(4)
	sql := `SELECT email FROM customers WHERE id = 1`
	a1, _ := c.Analyze(sql, fixSnap, fixRules, Options{Posture: PostureStrict})
	a2, _ := c.Analyze(sql, fixSnap, fixRules, Options{Posture: PostureStandard})
	a3, _ := c.Analyze(sql, fixSnap, fixRules, Options{SearchPath: []string{"private"}})
	if a1 == a2 || a1 == a3 {
		t.Error("another posture or search_path was served the same analysis")
	}
	other := fixtureSnapshot()
	if a4, _ := c.Analyze(sql, other, fixRules, Options{}); a4 == a1 {
		t.Error("another snapshot was served the old analysis")
	}
	for i := 0; i < 20; i++ {
		c.Analyze("SELECT id FROM customers LIMIT "+string(rune('a'+i)), fixSnap, fixRules, Options{})
	}
	if n := len(c.cur) + len(c.old); n > 8 {
		t.Errorf("%d entries, want at most 8", n)
	}
}

func BenchmarkCacheLookup(b *testing.B) {
	c := NewCache(1024)
	for i := 0; i < b.N; i++ {
		if _, err := c.Analyze(`SELECT email FROM customers WHERE id = `+string(rune('1'+i%9)), fixSnap, fixRules, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCacheParamDoesNotServePosition: when quickKey gives up (a comment, a
// $, a backslash, a non-ASCII byte...), the key is pg_query's
// normalisation, which turns a DISTINCT ON or GROUPING SETS/ROLLUP/CUBE
// position into $n (it keeps only plain ORDER BY n and GROUP BY n). A
// parameter in the same place normalises to the same text; its verdict
// reads no constant (outputRef sets constRead for an A_Const, not for a
// ParamRef), so it is stored. The position must not be served that
// verdict: the strict posture refuses it. The parameter form needs no
// extended protocol: a simple query with $1 is analysed (and stored)
// before the server rejects it.
func TestCacheParamDoesNotServePosition(t *testing.T) {
	for _, p := range [][2]string{
		{`SELECT DISTINCT ON ($1) id, email FROM customers -- k`, `SELECT DISTINCT ON (2) id, email FROM customers -- k`},
		{`SELECT DISTINCT ON ($2) id, email FROM customers WHERE id = $1`, `SELECT DISTINCT ON (2) id, email FROM customers WHERE id = $1`},
		{`SELECT email, count(*) FROM customers GROUP BY ROLLUP($1) -- k`, `SELECT email, count(*) FROM customers GROUP BY ROLLUP(1) -- k`},
		{`SELECT email, count(*) FROM customers GROUP BY CUBE($1) -- k`, `SELECT email, count(*) FROM customers GROUP BY CUBE(1) -- k`},
		{`SELECT email, count(*) FROM customers GROUP BY GROUPING SETS (($1)) -- k`, `SELECT email, count(*) FROM customers GROUP BY GROUPING SETS ((1)) -- k`},
	} {
		warm, probe := p[0], p[1]
		nw, _ := pg.Normalize(warm)
		np, _ := pg.Normalize(probe)
		opt := Options{Posture: PostureStrict}
		want, err := AnalyzeWith(probe, fixSnap, fixRules, opt)
		if err != nil {
			t.Fatal(err)
		}
		if want.Statements[0].Refusal == nil {
			t.Fatalf("control: a fresh analysis of %q should be refused under strict", probe)
		}
		c := NewCache(16)
		if _, err := c.Analyze(warm, fixSnap, fixRules, opt); err != nil {
			t.Fatal(err)
		}
		got, err := c.Analyze(probe, fixSnap, fixRules, opt)
		if err != nil {
			t.Fatal(err)
		}
		if got.Statements[0].Refusal == nil {
			t.Errorf("cache warmed with %q served %q as allowed (both normalise to %q / %q); fresh analysis: %s",
				warm, probe, nw, np, want.Statements[0].Refusal.Message)
		}
	}
}
