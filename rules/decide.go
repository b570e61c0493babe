package rules

import (
	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
)

// Parents gives the partition or inheritance parent of a relation, for the
// rules fallback: a table no rule names takes the rules of its nearest
// ancestor that one names. The live catalog (catalog.Snapshot) and the dump
// filter's catalog learned from the stream's DDL implement it; a nil
// Parents means no ancestors.
type Parents interface {
	// Parent returns n's partition parent or first inheritance parent; ok
	// is false when n has none or is unknown.
	Parent(n relname.Name) (parent relname.Name, ok bool)
}

// Governing returns the relation whose rules apply to table t: t itself
// when the rules name it, else its nearest ancestor (through p) that they
// name, else t (so the unlisted fallback applies); and whether that
// relation's rows are never exposed (rows: none).
func (r *Rules) Governing(t relname.Name, p Parents) (gov relname.Name, rowsNone bool) {
	gov = r.governing(t, p)
	i, ok := r.byName[gov]
	return gov, ok && r.tables[i].rule.RowsNone
}

func (r *Rules) governing(t relname.Name, p Parents) relname.Name {
	if _, named := r.byName[t]; named || p == nil {
		return t
	}
	// The dump filter learns parents from the stream, which may describe a
	// cycle: stop at a relation seen before.
	seen := map[relname.Name]bool{t: true}
	for cur := t; ; {
		next, ok := p.Parent(cur)
		if !ok || seen[next] {
			return t
		}
		if _, named := r.byName[next]; named {
			return next
		}
		seen[next] = true
		cur = next
	}
}

// BaseColumn is a column of a stored table, as Decide needs it.
type BaseColumn struct {
	Table relname.Name
	Name  string
	Type  anonymize.Column // what the mask is bound to
	// NotNull: a NULL written into the column would fail a restore. The
	// dump and check set it; the proxy, whose results may hold NULLs, does
	// not.
	NotNull bool
}

// Action is what happens to a column's values. The zero value refuses, so a
// Verdict nobody filled in fails closed.
type Action uint8

const (
	ActionRefuse Action = iota // no value of the column goes out (Verdict.Reason says why)
	ActionKeep                 // values go out unchanged
	ActionMask                 // values go out through Verdict.Bound
)

// Reason says why a column is refused.
type Reason uint8

const (
	ReasonUnset    Reason = iota // not refused, or the zero Verdict: nothing was decided
	ReasonRowsNone               // the governing table has rows: none
	ReasonType                   // the mask does not fit the column's type (Verdict.Err says how)
	ReasonNotNull                // the mask writes NULL into a NOT NULL column
)

func (r Reason) String() string {
	switch r {
	case ReasonRowsNone:
		return "rows: none"
	case ReasonType:
		return "mask does not fit the type"
	case ReasonNotNull:
		return "NULL into NOT NULL"
	}
	return "undecided"
}

// Verdict is what Decide made of one column. The zero Verdict refuses.
type Verdict struct {
	Action Action
	Reason Reason // set when Action is ActionRefuse
	// Bound applies the decision to values: KeepBound for ActionKeep, the
	// rule's mask bound to the column's type for ActionMask, and the zero
	// Bound (which fails every value) when refused.
	Bound anonymize.Bound
	// Err is why the rule's mask does not fit the column's type: the cause
	// of ReasonType, and also set under rows: none, where nothing is bound
	// but `pgveil check` still reports a rule that could never apply.
	Err error
	// Rule is the rule that governs the column: mask and semantic type
	// names, pseudonym domain, bijectivity, source and position. Zero only
	// in the zero Verdict.
	Rule Decision
	// RulesTable is whose rules decided: the table itself or the ancestor
	// it takes them from (see Governing).
	RulesTable relname.Name
}

// RowsNone reports whether the column is refused because its table's rows
// are never exposed.
func (v Verdict) RowsNone() bool { return v.Action == ActionRefuse && v.Reason == ReasonRowsNone }

// Decide is the one place where pgveil decides what a column of a stored
// table becomes: kept, masked with its rule's mask bound to the column's
// type, or refused. The rules that apply are those of the table or of the
// ancestor p leads to (Governing); within them, the column's rule, else the
// table's default, else the unlisted fallback (Column). Refused are the
// columns of rows: none tables, masks that do not fit the type and masks
// that would write NULL into a NOT NULL column. The front-ends word the
// refusal for their users from the Verdict.
func (r *Rules) Decide(c BaseColumn, p Parents) Verdict {
	gov, rowsNone := r.Governing(c.Table, p)
	d := r.Column(gov.Schema, gov.Name, c.Name)
	v := Verdict{Rule: d, RulesTable: gov}
	if rowsNone {
		_, v.Err = d.Masker.Bind(c.Type)
		v.Reason = ReasonRowsNone
		return v
	}
	if d.Keeps() {
		v.Action, v.Bound = ActionKeep, anonymize.KeepBound()
		return v
	}
	b, err := d.Masker.Bind(c.Type)
	if err != nil {
		v.Reason, v.Err = ReasonType, err
		return v
	}
	if b.Nulls() && c.NotNull {
		v.Reason = ReasonNotNull
		return v
	}
	v.Action, v.Bound = ActionMask, b
	return v
}
