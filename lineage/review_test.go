package lineage

import (
	"testing"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// A finding of a security review (session 2) of the verdict cache; the
// test fails if the problem comes back:
//
//	go test ./lineage -run TestReview -count=1 -v
//
// TestReviewCacheParamVsPosition: when quickKey gives up (a comment, a $,
// a backslash, a non-ASCII byte...), the key is pg_query's normalisation,
// which turns a DISTINCT ON or GROUPING SETS/ROLLUP/CUBE position into $n
// (it keeps only plain ORDER BY n and GROUP BY n). A parameter in the same
// place normalises to the same text; its verdict reads no constant
// (outputRef sets constRead for an A_Const, not for a ParamRef), so it is
// stored, and then served for the position, which the strict posture
// refuses. The parameter form needs no extended protocol: a simple query
// with $1 is analysed (and stored) before the server rejects it.
func TestReviewCacheParamVsPosition(t *testing.T) {
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
