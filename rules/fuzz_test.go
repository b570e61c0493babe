package rules

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzParse: Parse never panics, and either returns usable rules or an
// *Error whose problems are one positioned line each.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/valid.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(header + aliasBomb))
	opt := Options{
		Getenv:   testEnv(map[string]string{"PGVEIL_KEY": testSecret, "SHORT": "x"}),
		ReadFile: func(string) ([]byte, error) { return []byte(testSecret + "\n"), nil },
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.yaml", data, opt)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || len(e.List) == 0 || len(e.List) > MaxProblems {
				t.Fatalf("error %T with %v", err, err)
			}
			for _, p := range e.List {
				if p.Pos.File != "fuzz.yaml" || strings.ContainsAny(p.Msg, "\r\n") || p.Msg == "" {
					t.Fatalf("bad problem %q", p.Error())
				}
			}
			if strings.Contains(err.Error(), testSecret) {
				t.Fatal("error shows the key")
			}
			return
		}
		if r.Key == nil {
			t.Fatal("rules without a key")
		}
		for _, tr := range r.Tables() {
			for _, c := range tr.Columns {
				if d := r.Column(tr.Schema, tr.Table, c.Name); d.Masker == nil || d.Pos != c.Pos {
					t.Fatalf("column %s: %+v", c.Name, d)
				}
			}
			if d := r.Column(tr.Schema, tr.Table, "\x00unlisted"); d.Masker == nil {
				t.Fatal("nil masker for an unlisted column")
			}
		}
	})
}
