package proxy

import (
	"fmt"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/lineage"
	"github.com/pgveil/pgveil/rules"
)

// firstNormalObjectID is PostgreSQL's FirstNormalObjectId: OIDs below it
// belong to objects created by initdb (the system catalogs).
const firstNormalObjectID = 16384

// fieldAction is what happens to one result column. The zero value refuses,
// so a case nobody thought of fails closed.
type fieldAction uint8

const (
	actRefuse fieldAction = iota
	actPass
	actMask
)

// fieldPlan is the decision for one column of a RowDescription.
type fieldPlan struct {
	act    fieldAction
	bound  anonymize.Bound
	why    string // for refusals: names the column
	column string // base column masked, for the audit log
	format int16  // result format of the field (1 = binary), extended protocol
	oid    uint32 // the field's type, for binary conversion
}

// rowPlan binds a result set: one fieldPlan per RowDescription field.
type rowPlan struct {
	fields     []fieldPlan
	unknownOID bool       // a field came from a relation the snapshot lacks
	refused    *fieldPlan // first refused field, nil when every field may go out
	masked     []string
	textPart   *rowPlan // with binary masked fields: the plan for the rest (see binaryChecked)
}

// planner decides result columns against one catalog snapshot and the rules.
type planner struct {
	snap  *catalog.Snapshot
	rules *rules.Rules
}

// planRows binds every field of rd; st is the analysed statement that
// produced it (nil when unknown: every field then needs a base-table origin).
func (p planner) planRows(rd *pgproto3.RowDescription, st *lineage.Statement) *rowPlan {
	rp := &rowPlan{fields: make([]fieldPlan, len(rd.Fields))}
	var cols []lineage.OutputColumn
	if st != nil {
		if c, ok := st.Fit(len(rd.Fields)); ok {
			cols = c
		}
	}
	for i, fd := range rd.Fields {
		var col *lineage.OutputColumn
		if i < len(cols) {
			col = &cols[i]
		}
		fp := p.planField(fd, col)
		rp.fields[i] = fp
		if fd.TableOID >= firstNormalObjectID && p.snap.ByOID[fd.TableOID] == nil {
			rp.unknownOID = true
		}
		switch fp.act {
		case actRefuse:
			if rp.refused == nil {
				rp.refused = &rp.fields[i]
			}
		case actMask:
			rp.masked = append(rp.masked, fp.column)
		}
	}
	return rp
}

// planField is the one place that decides what a result column becomes.
// PostgreSQL's own report of the column's origin (table OID, attnum) is
// authoritative for base tables; views, expressions and set operations
// (reported without a usable origin) go by the statement's lineage.
func (p planner) planField(fd pgproto3.FieldDescription, col *lineage.OutputColumn) fieldPlan {
	name := string(fd.Name)
	// Lineage first: a value derived from a sensitive column is never sent,
	// whatever origin the server reports.
	if col != nil && (col.Uncertain || (col.Sensitive && col.Direct == nil)) {
		return fieldPlan{why: fmt.Sprintf("column %q is computed from masked data", name)}
	}
	if num := int16(fd.TableAttributeNumber); fd.TableOID != 0 && num < 0 {
		// A system column (ctid, xmin, xmax, cmin, cmax, tableoid: the
		// attnum arrives as an unsigned 16-bit number) describes the row
		// version, never a value of the row.
		switch {
		case p.snap.ByOID[fd.TableOID] == nil && fd.TableOID >= firstNormalObjectID:
			return fieldPlan{why: fmt.Sprintf("column %q comes from a relation (oid %d) pgveil does not know", name, fd.TableOID)}
		case col != nil && col.Direct != nil:
			// The analysis saw a stored column where the server reports a
			// system one: they disagree, as for base columns below.
			return fieldPlan{why: fmt.Sprintf("the origin of column %q reported by the server differs from the analysis", name)}
		}
		return fieldPlan{act: actPass}
	}
	if fd.TableOID != 0 && fd.TableAttributeNumber > 0 {
		t := p.snap.ByOID[fd.TableOID]
		if t == nil {
			// System catalogs (OIDs below FirstNormalObjectId) hold the
			// schema, not data; the gate has refused the ones that hold data
			// (pg_statistic, ...) before the statement ran, and the lineage
			// vouches for the column.
			if fd.TableOID < firstNormalObjectID && col != nil && !col.Sensitive && !col.Uncertain {
				return fieldPlan{act: actPass}
			}
			return fieldPlan{why: fmt.Sprintf("column %q comes from a relation (oid %d) pgveil does not know", name, fd.TableOID)}
		}
		if t.Kind == catalog.KindTable || t.Kind == catalog.KindPartitioned {
			c, ok := columnByNum(t, int16(fd.TableAttributeNumber))
			if !ok {
				return fieldPlan{why: fmt.Sprintf("column %q has an unknown origin", name)}
			}
			// The server and the analysis must agree on where the value
			// comes from (a search_path the analysis did not see, say).
			if col != nil && col.Direct != nil && (col.Direct.Table != t.Name || col.Direct.Column != c.Name) {
				return fieldPlan{why: fmt.Sprintf("the origin of column %q reported by the server differs from the analysis", name)}
			}
			return p.baseColumn(t, c, fd)
		}
		// Views and materialized views report themselves: follow the lineage.
	}
	switch {
	case col == nil:
		return fieldPlan{why: fmt.Sprintf("the origin of column %q cannot be established", name)}
	case col.Direct != nil:
		t := p.snap.Tables[col.Direct.Table]
		if t == nil {
			return fieldPlan{why: fmt.Sprintf("column %q comes from an unknown relation", name)}
		}
		c, ok := t.Column(col.Direct.Column)
		if !ok {
			return fieldPlan{why: fmt.Sprintf("column %q comes from an unknown column", name)}
		}
		return p.baseColumn(t, c, fd)
	case !col.Sensitive:
		return fieldPlan{act: actPass}
	}
	return fieldPlan{why: fmt.Sprintf("column %q is computed from masked data", name)}
}

// baseColumn applies the rules of one base column to a result field, with
// rules.Rules.Decide: the decision the dump and `pgveil check` share. The
// mask is bound to the type the field reports (a cast may change it); NOT
// NULL is no concern here, a result may hold NULLs.
func (p planner) baseColumn(t *catalog.Table, c catalog.Column, fd pgproto3.FieldDescription) fieldPlan {
	full := t.Name.String() + "." + c.Name
	typ := c.Type
	if ot := anonymize.OIDType(fd.DataTypeOID); ot != "" && ot != typ.Type && !typ.Array {
		typ = anonymize.Column{Type: ot, MaxLen: typ.MaxLen} // a cast to another type reports its own
	}
	v := p.rules.Decide(rules.BaseColumn{Table: t.Name, Name: c.Name, Type: typ}, p.snap)
	switch v.Action {
	case rules.ActionKeep:
		return fieldPlan{act: actPass}
	case rules.ActionMask:
		return fieldPlan{act: actMask, bound: v.Bound, column: full}
	}
	switch v.Reason {
	case rules.ReasonRowsNone:
		return fieldPlan{why: fmt.Sprintf("rows of %s are never exposed (rows: none)", t.Name)}
	case rules.ReasonType:
		return fieldPlan{why: fmt.Sprintf("column %s cannot be masked as %s: %v", full, typ, v.Err)}
	}
	return fieldPlan{why: fmt.Sprintf("column %s is refused (%v)", full, v.Reason)}
}

func columnByNum(t *catalog.Table, num int16) (catalog.Column, bool) {
	for _, c := range t.Columns {
		if c.Num == num {
			return c, true
		}
	}
	return catalog.Column{}, false
}
