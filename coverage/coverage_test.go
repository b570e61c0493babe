package coverage

import (
	"strings"
	"testing"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// The CLI tests (cmd/pgveil/check_test.go) cover each problem kind against
// the sample database; these cover what the sample has none of: partitions,
// inheritance, views, foreign tables, rows: none and generated columns.

func col(name string, num int16, typ string, notNull bool) catalog.Column {
	return catalog.Column{Name: name, Num: num, Type: anonymize.Column{Type: typ}, TypeSQL: typ, NotNull: notNull}
}

func pub(name string) relname.Name { return relname.Name{Schema: "public", Name: name} }

func snapshotOf(tables ...*catalog.Table) *catalog.Snapshot {
	s := &catalog.Snapshot{Tables: map[relname.Name]*catalog.Table{}, ByOID: map[uint32]*catalog.Table{}}
	for i, t := range tables {
		t.OID = uint32(1000 + i)
		s.Tables[t.Name] = t
		s.ByOID[t.OID] = t
	}
	return s
}

func parseRules(t *testing.T, body string) *rules.Rules {
	t.Helper()
	r, err := rules.Parse("r.yaml", []byte("version: 1\nkey: {env: PGVEIL_KEY}\n"+body), rules.Options{NoKey: true})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// testSchema: a partitioned table with two partitions (one with an extra
// NOT NULL), an inheritance child, a view, a foreign table, a table whose
// generated column references another table.
func testSchema() *catalog.Snapshot {
	events := pub("events")
	base := pub("base")
	evCols := func(extraNotNull bool) []catalog.Column {
		return []catalog.Column{col("id", 1, "int8", true), col("at", 2, "date", true), col("note", 3, "text", extraNotNull)}
	}
	gen := col("ref", 2, "int8", false)
	gen.Generated = true
	return snapshotOf(
		&catalog.Table{Name: events, Kind: catalog.KindPartitioned, Columns: evCols(false), PrimaryKey: []string{"id", "at"}},
		&catalog.Table{Name: pub("events_1"), Kind: catalog.KindTable, Columns: evCols(true), PrimaryKey: []string{"id", "at"}, Parent: &events, Partition: true},
		&catalog.Table{Name: pub("events_2"), Kind: catalog.KindTable, Columns: evCols(false), PrimaryKey: []string{"id", "at"}, Parent: &events, Partition: true},
		&catalog.Table{Name: base, Kind: catalog.KindTable, Columns: []catalog.Column{col("id", 1, "int4", false), col("secret", 2, "text", false)}},
		&catalog.Table{Name: pub("child"), Kind: catalog.KindTable, Columns: []catalog.Column{col("id", 1, "int4", false), col("secret", 2, "text", false), col("extra", 3, "text", false)}, Parent: &base},
		&catalog.Table{Name: pub("v"), Kind: catalog.KindView, Columns: []catalog.Column{col("id", 1, "int8", false)}, ViewDef: "SELECT id FROM events"},
		&catalog.Table{Name: pub("remote"), Kind: catalog.KindForeign, Columns: []catalog.Column{col("a", 1, "text", false)}},
		&catalog.Table{Name: pub("gen"), Kind: catalog.KindTable, Columns: []catalog.Column{col("id", 1, "int8", true), gen},
			ForeignKey: []catalog.ForeignKey{{Name: "gen_ref_fkey", Columns: []string{"ref"}, RefTable: pub("base"), RefColumns: []string{"id"}}}},
	)
}

func problemsOf(rep Report) string {
	var b strings.Builder
	for _, p := range rep.Problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestCheckPartitionsTakeParentRules(t *testing.T) {
	s := testSchema()
	r := parseRules(t, `unlisted: keep
tables:
  public.events:
    columns:
      id: {mask: number, bucket: 10}
      note: "null"
`)
	rep := Check(s, r, false)
	// The parent's non-bijective key mask is one problem, on the parent;
	// the NOT NULL only one partition has is that partition's problem.
	var kinds []string
	for _, p := range rep.Problems {
		kinds = append(kinds, p.Kind.String()+" "+p.Table.String()+"."+p.Column)
	}
	want := []string{"not_bijective public.events.id", "type public.events_1.note"}
	if strings.Join(kinds, "|") != strings.Join(want, "|") {
		t.Errorf("problems %v, want %v\n%s", kinds, want, problemsOf(rep))
	}
	for _, p := range rep.Problems {
		if p.Pos.Line == 0 {
			t.Errorf("problem without the rule's line: %s", p)
		}
	}
	for _, row := range rep.Rows {
		if strings.HasPrefix(row.Table.Name, "events_") {
			if row.RulesTable != (pub("events")) {
				t.Errorf("%s.%s decided by %s", row.Table, row.Column, row.RulesTable)
			}
			if row.Column == "id" && (row.Mask != "number" || row.Source != rules.SourceRule) {
				t.Errorf("%s.id: %+v", row.Table, row)
			}
		}
	}

	// A partition the rules name itself keeps its own rules.
	r = parseRules(t, `unlisted: keep
tables:
  public.events:
    columns:
      id: {mask: number, bucket: 10}
  public.events_2:
    columns:
      id: keep
`)
	rep = Check(s, r, false)
	if len(rep.Problems) != 1 || rep.Problems[0].Table != (pub("events")) {
		t.Errorf("problems:\n%s", problemsOf(rep))
	}
}

func TestCheckStrictPartitionsOnce(t *testing.T) {
	s := testSchema()
	r := parseRules(t, `unlisted: keep
tables:
  public.base: {default: keep}
  public.gen: {default: keep}
  public.remote: {default: keep}
`)
	rep := Check(s, r, true)
	// events and its partitions share three columns: three problems, on the
	// root; child inherits base's default: nothing unlisted there.
	got := problemsOf(rep)
	if len(rep.Problems) != 3 || strings.Count(got, "public.events.") != 3 {
		t.Errorf("problems:\n%s", got)
	}
	if rep2 := Check(s, r, false); !rep2.OK() {
		t.Errorf("without strict:\n%s", problemsOf(rep2))
	}
}

func TestCheckRelationKinds(t *testing.T) {
	s := testSchema()
	r := parseRules(t, `unlisted: keep
tables:
  public.v:
    columns:
      id: keep
  public.remote:
    columns:
      a: {mask: date, truncate: year}
  public.base:
    columns:
      secret: hash
`)
	rep := Check(s, r, false)
	got := problemsOf(rep)
	if len(rep.Problems) != 2 ||
		!strings.Contains(got, "r.yaml:5:3: public.v is a view, not a table") ||
		!strings.Contains(got, "r.yaml:10:7: public.remote.a (text): mask date does not fit") {
		t.Errorf("problems:\n%s", got)
	}
	var tables []string
	for _, row := range rep.Rows {
		if len(tables) == 0 || tables[len(tables)-1] != row.Table.String() {
			tables = append(tables, row.Table.String())
		}
		if row.Table.Name == "child" && row.Column == "secret" && (row.Mask != "hash" || row.RulesTable != (pub("base"))) {
			t.Errorf("inheritance child does not take its parent's rule: %+v", row)
		}
	}
	// Sorted by name, views left out, foreign tables in.
	want := "public.base public.child public.events public.events_1 public.events_2 public.gen public.remote"
	if strings.Join(tables, " ") != want {
		t.Errorf("report tables %v, want %s", tables, want)
	}
}

func TestCheckRowsNoneAndGenerated(t *testing.T) {
	s := testSchema()
	// unlisted: mask writes NULL into NOT NULL columns, but rows: none
	// exposes no value; a rule that names a missing column or a mask that
	// does not fit is still a mistake.
	r := parseRules(t, `tables:
  public.events:
    rows: none
    columns:
      nope: keep
      at: email
  public.base: {default: keep}
  public.gen:
    columns:
      id: keep
      ref: {mask: number, bucket: 5}
  public.remote: {default: keep}
`)
	rep := Check(s, r, true)
	var kinds []string
	for _, p := range rep.Problems {
		kinds = append(kinds, p.Kind.String()+" "+p.Table.String()+"."+p.Column)
	}
	// gen.ref is a generated column: it references base.id (kept) through a
	// foreign key, yet its mask is no join problem.
	want := "no_column public.events.nope|type public.events.at"
	if strings.Join(kinds, "|") != want {
		t.Errorf("problems %v, want %s\n%s", kinds, want, problemsOf(rep))
	}
	// The same foreign key on a plain column is a problem.
	s.Tables[pub("gen")].Columns[1].Generated = false
	rep = Check(s, r, true)
	if !strings.Contains(problemsOf(rep), "foreign key gen_ref_fkey: public.gen.ref is masked with number") {
		t.Errorf("problems:\n%s", problemsOf(rep))
	}
}

func TestSuggest(t *testing.T) {
	cases := []struct {
		in   string
		cand []string
		want string
	}{
		{"emial", []string{"email", "phone"}, "email"},
		{"email", []string{"email"}, ""},
		{"xyz", []string{"email"}, ""},
		{"custmers", []string{"customers", "contacts"}, "customers"},
	}
	for _, tc := range cases {
		if got := rules.Nearest(tc.in, tc.cand); got != tc.want {
			t.Errorf("rules.Nearest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
