package verify

import (
	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// Treatment is how a column's original values are searched for.
type Treatment uint8

const (
	Skip       Treatment = iota
	Whole                // every distinct value
	NamePart             // first_name / last_name: only as "First Last" pairs of a row
	JSONPaths            // the strings at the json mask's paths whose masks are searched
	JSONLeaves           // every string in the document
)

// ColumnPlan says what verify does with one column.
type ColumnPlan struct {
	Table    relname.Name
	Column   catalog.Column
	Mask     string
	RowsNone bool
	Treat    Treatment
	Form     Form
	Reason   string       // why a column is skipped
	Targets  []JSONTarget // JSONPaths: the paths that are searched
}

// Skip reasons, as the summary names them.
const (
	ReasonKept       = "kept"
	ReasonFreeText   = "free text (scrub)"
	ReasonVocabulary = "not searchable (shares vocabulary with real data)"
	ReasonNameAlone  = "first or last name alone (no pair in the table)"
	ReasonType       = "not searchable (type)"
	ReasonNoPaths    = "no searched json path"
)

// maskTreatment is the policy by mask, before the column's type is seen.
func maskTreatment(mask string) (Treatment, Form, string) {
	switch mask {
	case "keep":
		return Skip, FormPlain, ReasonKept
	case "scrub":
		return Skip, FormPlain, ReasonFreeText
	case "date", "number", "city", "postcode", "country":
		return Skip, FormPlain, ReasonVocabulary
	case "first_name", "last_name":
		return NamePart, FormPlain, ""
	case "json":
		return JSONPaths, FormPlain, ""
	case "iban":
		return Whole, FormIBAN, ""
	case "card":
		return Whole, FormCard, ""
	case "phone":
		return Whole, FormPhone, ""
	}
	// email, digits, uuid, hash, null, redact, full_name, street, address,
	// company, and any mask added later: searched whole (fail closed).
	return Whole, FormPlain, ""
}

// identifierMask: masks for identifiers, which may live in numeric columns.
func identifierMask(mask string) bool {
	switch mask {
	case "digits", "card", "phone", "iban", "hash":
		return true
	}
	return false
}

// typeSearchable reports whether values of type t are specific enough to
// search for under mask.
func typeSearchable(t anonymize.Column, mask string) bool {
	switch t.Type {
	case "date", "time", "timetz", "timestamp", "timestamptz", "interval", "bool",
		"float4", "float8", "money", "bytea", "tsvector", "tsquery":
		return false
	case "int2", "int4", "int8", "oid", "numeric":
		return identifierMask(mask)
	}
	return true
}

// PlanColumns decides the treatment of every column of every table of the
// snapshot under the rules. Partitioned parents are left out (their rows
// are read through the partitions), as are views and foreign tables (a
// dump holds no rows of theirs). Tables with rows: none are planned like
// the others except that kept and free-text columns are searched whole
// too: no value of theirs may be in the output.
func PlanColumns(snap *catalog.Snapshot, r *rules.Rules) ([]ColumnPlan, error) {
	var jr *jsonRules
	var out []ColumnPlan
	for _, t := range snap.Sorted() {
		if t.Kind != catalog.KindTable {
			continue
		}
		rt, rowsNone := r.Governing(t.Name, snap)
		first := len(out)
		for _, c := range t.Columns {
			d := r.Column(rt.Schema, rt.Name, c.Name)
			p := planColumn(t.Name, c, d.Mask, rowsNone)
			if p.Treat == JSONPaths {
				if jr == nil {
					var err error
					if jr, err = loadJSONRules(r); err != nil {
						return nil, err
					}
				}
				if err := p.setTargets(jr, d); err != nil {
					return nil, err
				}
			}
			out = append(out, p)
		}
		pairNames(out[first:])
	}
	return out, nil
}

func planColumn(table relname.Name, c catalog.Column, mask string, rowsNone bool) ColumnPlan {
	p := ColumnPlan{Table: table, Column: c, Mask: mask, RowsNone: rowsNone}
	p.Treat, p.Form, p.Reason = maskTreatment(mask)
	if rowsNone && (p.Treat == Skip && p.Reason != ReasonVocabulary) {
		p.Treat, p.Reason = Whole, ""
	}
	isJSON := c.Type.Type == "json" || c.Type.Type == "jsonb"
	switch {
	case p.Treat != Skip && isJSON && c.Type.Array:
		p.Treat, p.Reason = Skip, ReasonType
	case p.Treat == JSONPaths && (!isJSON || rowsNone):
		p.Treat = JSONLeaves
	case p.Treat == Whole && isJSON:
		p.Treat = JSONLeaves
	case p.Treat != Skip && !typeSearchable(c.Type, mask):
		p.Treat, p.Reason = Skip, ReasonType
	}
	return p
}

// setTargets keeps the json paths whose own mask is searched whole.
func (p *ColumnPlan) setTargets(jr *jsonRules, d rules.Decision) error {
	all, err := jr.targets(d)
	if err != nil {
		return err
	}
	for _, t := range all {
		if tr, _, _ := maskTreatment(t.Mask); tr == Whole || tr == JSONPaths {
			p.Targets = append(p.Targets, t)
		}
	}
	if len(p.Targets) == 0 {
		p.Treat, p.Reason = Skip, ReasonNoPaths
	}
	return nil
}

// pairNames keeps the name parts of a table that has both a first-name and
// a last-name column; alone, a name part is skipped.
func pairNames(cols []ColumnPlan) {
	var firsts, lasts int
	for _, c := range cols {
		if c.Treat == NamePart {
			if c.Mask == "first_name" {
				firsts++
			} else {
				lasts++
			}
		}
	}
	if firsts > 0 && lasts > 0 {
		return
	}
	for i := range cols {
		if cols[i].Treat == NamePart {
			cols[i].Treat, cols[i].Reason = Skip, ReasonNameAlone
		}
	}
}
