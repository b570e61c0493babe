package rules

import (
	"testing"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
)

const decideSrc = `version: 1
key: {env: K}
tables:
  public.customers:
    columns:
      id: keep
      token: {mask: hash, length: 16}
      note: redact
      gone: null
  public.orders:
    default: keep
    columns:
      comment: redact
  public.orders_archive:
    columns:
      comment: keep
  public.audit:
    rows: none
    columns:
      body: redact
`

// parentMap is a Parents built by hand: child -> parent.
type parentMap map[relname.Name]relname.Name

func (m parentMap) Parent(n relname.Name) (relname.Name, bool) {
	p, ok := m[n]
	return p, ok
}

func pub(name string) relname.Name { return relname.Name{Schema: "public", Name: name} }

func TestDecide(t *testing.T) {
	opt := Options{Getenv: testEnv(map[string]string{"K": testSecret})}
	masked, err := Parse("d.yaml", []byte(decideSrc), opt)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := Parse("k.yaml", []byte("version: 1\nkey: {env: K}\nunlisted: keep\n"), opt)
	if err != nil {
		t.Fatal(err)
	}
	parents := parentMap{
		pub("customers_eu"):      pub("customers"),
		pub("customers_eu_2024"): pub("customers_eu"), // two levels down
		pub("orders_archive"):    pub("orders"),       // named itself: its own rules win
		pub("audit_2024"):        pub("audit"),
		pub("cyc_a"):             pub("cyc_b"), // a cycle no rule names
		pub("cyc_b"):             pub("cyc_a"),
	}
	text := anonymize.Column{Type: "text"}
	int4 := anonymize.Column{Type: "int4"}
	for _, tc := range []struct {
		name      string
		r         *Rules
		col       BaseColumn
		parents   Parents
		action    Action
		reason    Reason
		mask      string
		source    Source
		gov       relname.Name
		err       bool // Verdict.Err set
		nulls     bool // the bound writes NULL
		wantValue string
	}{
		{name: "keep", r: masked, col: BaseColumn{Table: pub("customers"), Name: "id", Type: int4},
			action: ActionKeep, mask: "keep", gov: pub("customers"), wantValue: "v"},
		{name: "mask", r: masked, col: BaseColumn{Table: pub("customers"), Name: "token", Type: text},
			action: ActionMask, mask: "hash", gov: pub("customers")},
		{name: "table default", r: masked, col: BaseColumn{Table: pub("orders"), Name: "total", Type: int4},
			action: ActionKeep, mask: "keep", source: SourceTableDefault, gov: pub("orders"), wantValue: "v"},
		{name: "rows none", r: masked, col: BaseColumn{Table: pub("audit"), Name: "body", Type: text},
			reason: ReasonRowsNone, mask: "redact", gov: pub("audit")},
		{name: "rows none, mask that does not fit", r: masked, col: BaseColumn{Table: pub("audit"), Name: "body", Type: int4},
			reason: ReasonRowsNone, mask: "redact", gov: pub("audit"), err: true},
		{name: "rows none, unlisted column", r: masked, col: BaseColumn{Table: pub("audit"), Name: "at", Type: text},
			reason: ReasonRowsNone, mask: "null", source: SourceUnlisted, gov: pub("audit")},
		{name: "mask that cannot bind", r: masked, col: BaseColumn{Table: pub("customers"), Name: "note", Type: int4},
			reason: ReasonType, mask: "redact", gov: pub("customers"), err: true},
		{name: "null into NOT NULL", r: masked, col: BaseColumn{Table: pub("customers"), Name: "gone", Type: text, NotNull: true},
			reason: ReasonNotNull, mask: "null", gov: pub("customers")},
		{name: "null, nullable", r: masked, col: BaseColumn{Table: pub("customers"), Name: "gone", Type: text},
			action: ActionMask, mask: "null", gov: pub("customers"), nulls: true},
		{name: "unlisted mask", r: masked, col: BaseColumn{Table: pub("other"), Name: "c", Type: text},
			action: ActionMask, mask: "null", source: SourceUnlisted, gov: pub("other"), nulls: true},
		{name: "unlisted mask, NOT NULL", r: masked, col: BaseColumn{Table: pub("other"), Name: "c", Type: text, NotNull: true},
			reason: ReasonNotNull, mask: "null", source: SourceUnlisted, gov: pub("other")},
		{name: "unlisted mask, unlisted column of a named table", r: masked, col: BaseColumn{Table: pub("customers"), Name: "email", Type: text},
			action: ActionMask, mask: "null", source: SourceUnlisted, gov: pub("customers"), nulls: true},
		{name: "unlisted keep", r: kept, col: BaseColumn{Table: pub("other"), Name: "c", Type: text, NotNull: true},
			action: ActionKeep, mask: "keep", source: SourceUnlisted, gov: pub("other"), wantValue: "v"},
		{name: "partition takes the parent's rules", r: masked, col: BaseColumn{Table: pub("customers_eu"), Name: "token", Type: text},
			parents: parents, action: ActionMask, mask: "hash", gov: pub("customers")},
		{name: "grandchild takes the ancestor's rules", r: masked, col: BaseColumn{Table: pub("customers_eu_2024"), Name: "id", Type: int4},
			parents: parents, action: ActionKeep, mask: "keep", gov: pub("customers"), wantValue: "v"},
		{name: "rows none is inherited", r: masked, col: BaseColumn{Table: pub("audit_2024"), Name: "body", Type: text},
			parents: parents, reason: ReasonRowsNone, mask: "redact", gov: pub("audit")},
		{name: "a named child keeps its own rules", r: masked, col: BaseColumn{Table: pub("orders_archive"), Name: "total", Type: int4},
			parents: parents, action: ActionMask, mask: "null", source: SourceUnlisted, gov: pub("orders_archive"), nulls: true},
		{name: "no parents: the table alone", r: masked, col: BaseColumn{Table: pub("customers_eu"), Name: "token", Type: text},
			action: ActionMask, mask: "null", source: SourceUnlisted, gov: pub("customers_eu"), nulls: true},
		{name: "a cycle of unnamed parents ends", r: masked, col: BaseColumn{Table: pub("cyc_a"), Name: "c", Type: text},
			parents: parents, action: ActionMask, mask: "null", source: SourceUnlisted, gov: pub("cyc_a"), nulls: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := tc.r.Decide(tc.col, tc.parents)
			if v.Action != tc.action || v.Reason != tc.reason {
				t.Fatalf("action %d reason %d, want %d %d (err %v)", v.Action, v.Reason, tc.action, tc.reason, v.Err)
			}
			if v.Rule.Mask != tc.mask || v.Rule.Source != tc.source || v.RulesTable != tc.gov {
				t.Errorf("rule %s (%v) of %s, want %s (%v) of %s", v.Rule.Mask, v.Rule.Source, v.RulesTable, tc.mask, tc.source, tc.gov)
			}
			if (v.Err != nil) != tc.err {
				t.Errorf("err = %v, want error: %v", v.Err, tc.err)
			}
			if v.RowsNone() != (tc.reason == ReasonRowsNone) {
				t.Errorf("RowsNone() = %v", v.RowsNone())
			}
			if v.Action == ActionRefuse {
				if _, _, err := v.Bound.Apply(nil, []byte("v"), false); err == nil {
					t.Error("a refused column's Bound lets a value through")
				}
				return
			}
			if v.Bound.Nulls() != tc.nulls {
				t.Errorf("Bound.Nulls() = %v, want %v", v.Bound.Nulls(), tc.nulls)
			}
			out, null, err := v.Bound.Apply(nil, []byte("v"), false)
			switch {
			case err != nil:
				t.Errorf("Apply: %v", err)
			case tc.nulls != null:
				t.Errorf("Apply gave NULL %v", null)
			case tc.wantValue != "" && string(out) != tc.wantValue:
				t.Errorf("Apply = %q, want %q", out, tc.wantValue)
			case tc.wantValue == "" && !tc.nulls && string(out) == "v":
				t.Errorf("masked value left unchanged")
			}
		})
	}
}

func TestZeroVerdictRefuses(t *testing.T) {
	var v Verdict
	if v.Action != ActionRefuse || v.Reason != ReasonUnset || v.RowsNone() {
		t.Fatalf("zero Verdict = %+v", v)
	}
	if _, _, err := v.Bound.Apply(nil, []byte("secret"), false); err == nil {
		t.Error("the zero Verdict's Bound lets a value through")
	}
}
