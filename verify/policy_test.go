package verify

import (
	"slices"
	"testing"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
)

func TestVerifyPolicy(t *testing.T) {
	col := func(typ string) catalog.Column { return catalog.Column{Name: "c", Type: anonymize.Column{Type: typ}} }
	for _, tc := range []struct {
		mask, typ string
		rowsNone  bool
		want      Treatment
		form      Form
	}{
		{"keep", "text", false, Skip, FormPlain},
		{"keep", "text", true, Whole, FormPlain}, // rows: none: nothing of it may show
		{"keep", "int8", true, Skip, FormPlain},  // ids are vocabulary
		{"email", "varchar", false, Whole, FormPlain},
		{"iban", "varchar", false, Whole, FormIBAN},
		{"card", "text", false, Whole, FormCard},
		{"phone", "text", false, Whole, FormPhone},
		{"digits", "int8", false, Whole, FormPlain},
		{"null", "int4", false, Skip, FormPlain},
		{"null", "timestamptz", false, Skip, FormPlain},
		{"date", "date", false, Skip, FormPlain},
		{"number", "numeric", false, Skip, FormPlain},
		{"city", "text", false, Skip, FormPlain},
		{"scrub", "text", false, Skip, FormPlain},
		{"scrub", "text", true, Whole, FormPlain},
		{"first_name", "text", false, NamePart, FormPlain},
		{"json", "jsonb", false, JSONPaths, FormPlain},
		{"json", "jsonb", true, JSONLeaves, FormPlain},
		{"null", "jsonb", false, JSONLeaves, FormPlain},
		{"some_future_mask", "text", false, Whole, FormPlain},
	} {
		p := planColumn(relname.Name{Schema: "public", Name: "t"}, col(tc.typ), tc.mask, tc.rowsNone)
		if p.Treat != tc.want || p.Form != tc.form {
			t.Errorf("%s on %s (rows none %v): treatment %d form %d, want %d %d", tc.mask, tc.typ, tc.rowsNone, p.Treat, p.Form, tc.want, tc.form)
		}
	}
	// A name part alone is skipped; with its counterpart both are kept.
	alone := []ColumnPlan{{Treat: NamePart, Mask: "first_name"}}
	pairNames(alone)
	pair := []ColumnPlan{{Treat: NamePart, Mask: "first_name"}, {Treat: NamePart, Mask: "last_name"}}
	pairNames(pair)
	if alone[0].Treat != Skip || pair[0].Treat != NamePart || pair[1].Treat != NamePart {
		t.Errorf("name pairs: %+v %+v", alone, pair)
	}
}

func TestVerifyJSONPaths(t *testing.T) {
	doc, err := decodeJSON([]byte(`{"email": "a@b.c", "phones": ["1", "2"], "address": {"city": "X", "street": "S"},
		"deep": {"x": {"email": "d@e.f"}}, "odd key": "k", "list": [{"email": "l@m.n"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string][]string{
		"$.email":         {"a@b.c"},
		"$.phones[*]":     {"1", "2"},
		"$.phones[1]":     {"2"},
		"$.address":       {"S", "X"},
		"$..email":        {"a@b.c", "d@e.f", "l@m.n"},
		"$['odd key']":    {"k"},
		"$.list[*].email": {"l@m.n"},
		"$.missing":       nil,
	} {
		steps, err := parseJSONPath(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var got []string
		jsonStrings(doc, steps, func(s string) { got = append(got, s) })
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
	for _, bad := range []string{"email", "$[", "$['x'", "$.a[x]"} {
		if _, err := parseJSONPath(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
