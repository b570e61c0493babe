package lineage

import (
	"testing"
)

// FuzzAnalyze: any input is analysed without panicking, and every verdict
// keeps the invariants (an allowed statement never outputs a value derived
// from a masked column). The committed corpus under
// testdata/fuzz/FuzzAnalyze runs as an ordinary test.
func FuzzAnalyze(f *testing.F) {
	for _, cases := range leakClasses {
		for _, c := range cases[:2] {
			f.Add(c.sql, uint8(0))
		}
	}
	f.Fuzz(func(t *testing.T, sql string, posture uint8) {
		p := Posture(posture % 2)
		an, err := Analyze(sql, fixSnap, fixRules, p)
		if err != nil {
			t.Fatalf("Analyze(%q): %v", sql, err)
		}
		for _, st := range an.Statements {
			checkInvariants(t, sql, st)
		}
	})
}
