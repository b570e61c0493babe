package proxy

import (
	"context"
	"testing"
)

// TestSharedCacheDoesNotServeParamVerdictForPosition: pg_query's
// normalisation (the verdict cache's key when quickKey gives up, here on
// the comment or the $) turns a DISTINCT ON or GROUPING SETS position into
// $n, the same text as a parameter in that place. The parameter's verdict
// (allowed under the strict posture) must not be served for the position,
// which the strict posture refuses (ordering or grouping by a masked
// column). The cache is shared across sessions: one session warms it, the
// other reads. The warming statement fails on the server (no parameter $1
// in a simple query) after its analysis.
func TestSharedCacheDoesNotServeParamVerdictForPosition(t *testing.T) {
	client, _ := canaryProxy(t)
	ctx := context.Background()
	for _, p := range [][2]string{
		{`SELECT DISTINCT ON ($1) id, email FROM customers -- k`, `SELECT DISTINCT ON (2) id, email FROM customers -- k`},
		{`SELECT email, count(*) FROM customers GROUP BY ROLLUP($1) -- k`, `SELECT email, count(*) FROM customers GROUP BY ROLLUP(1) -- k`},
	} {
		t.Run(p[1], func(t *testing.T) {
			cold, _ := dialRecorded(t, client)
			if o := runSimple(ctx, cold, p[1]); !o.refusedByProxy("42501") {
				t.Fatalf("control: %q on a cold cache: want the strict posture's refusal, got %s", p[1], o)
			}
			warm, _ := dialRecorded(t, client)
			runSimple(ctx, warm, p[0]) // analysed, then failed by the server
			victim, _ := dialRecorded(t, client)
			if o := runSimple(ctx, victim, p[1]); !o.refusedByProxy("42501") {
				t.Errorf("after %q, %q: want the strict posture's refusal, got %s", p[0], p[1], o)
			}
		})
	}
}
