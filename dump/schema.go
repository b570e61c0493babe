package dump

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// colInfo is one column as a CREATE TABLE statement declares it.
type colInfo struct {
	name      string
	typ       anonymize.Column
	notNull   bool
	generated bool
}

// tableInfo is a table learned from the dump's DDL.
type tableInfo struct {
	name   relname.Name
	cols   []colInfo
	parent *relname.Name // partition parent or inheritance parent: rules fall back to it
}

func (t *tableInfo) col(name string) (colInfo, bool) {
	for _, c := range t.cols {
		if c.name == name {
			return c, true
		}
	}
	return colInfo{}, false
}

// streamCatalog is what the filter learns from DDL in the stream: column types of
// tables (CREATE TABLE), base types of domains (CREATE DOMAIN), and partition
// and inheritance parents (PARTITION OF, INHERITS, ATTACH PARTITION).
type streamCatalog struct {
	tables  map[relname.Name]*tableInfo
	domains map[relname.Name]anonymize.Column // by the domain's (type's) name
}

func newStreamCatalog() *streamCatalog {
	return &streamCatalog{tables: map[relname.Name]*tableInfo{}, domains: map[relname.Name]anonymize.Column{}}
}

// Parent returns the partition or inheritance parent the stream declared
// for q: the ancestry the rules fall back along (rules.Parents).
func (c *streamCatalog) Parent(q relname.Name) (relname.Name, bool) {
	if c == nil {
		return relname.Name{}, false
	}
	if t, ok := c.tables[q]; ok && t.parent != nil {
		return *t.parent, true
	}
	return relname.Name{}, false
}

func rangeVarName(rv *pg_query.RangeVar) relname.Name {
	s := rv.GetSchemaname()
	if s == "" {
		s = "public"
	}
	return relname.Name{Schema: s, Name: rv.GetRelname()}
}

// learn records what a DDL statement tells about tables and types.
func (c *streamCatalog) learn(n *pg_query.Node) {
	switch {
	case n.GetCreateStmt() != nil:
		c.learnTable(n.GetCreateStmt())
	case n.GetCreateDomainStmt() != nil:
		d := n.GetCreateDomainStmt()
		name := typeNameParts(d.GetDomainname())
		c.domains[name] = c.columnType(d.GetTypeName())
	case n.GetAlterTableStmt() != nil:
		a := n.GetAlterTableStmt()
		for _, cmdNode := range a.GetCmds() {
			cmd := cmdNode.GetAlterTableCmd()
			if cmd == nil || cmd.GetSubtype() != pg_query.AlterTableType_AT_AttachPartition {
				continue
			}
			pc := cmd.GetDef().GetPartitionCmd()
			if pc == nil || pc.GetName() == nil {
				continue
			}
			parent := rangeVarName(a.GetRelation())
			if t, ok := c.tables[rangeVarName(pc.GetName())]; ok {
				t.parent = &parent
			}
		}
	}
}

func (c *streamCatalog) learnTable(cs *pg_query.CreateStmt) {
	t := &tableInfo{name: rangeVarName(cs.GetRelation())}
	for _, el := range cs.GetTableElts() {
		cd := el.GetColumnDef()
		if cd == nil {
			continue
		}
		ci := colInfo{name: cd.GetColname(), notNull: cd.GetIsNotNull()}
		if cd.GetTypeName() != nil {
			ci.typ = c.columnType(cd.GetTypeName())
		}
		for _, cn := range cd.GetConstraints() {
			switch cn.GetConstraint().GetContype() {
			case pg_query.ConstrType_CONSTR_NOTNULL, pg_query.ConstrType_CONSTR_PRIMARY:
				ci.notNull = true
			case pg_query.ConstrType_CONSTR_GENERATED:
				ci.generated = true
			}
		}
		t.cols = append(t.cols, ci)
	}
	if inh := cs.GetInhRelations(); len(inh) > 0 && inh[0].GetRangeVar() != nil {
		p := rangeVarName(inh[0].GetRangeVar())
		t.parent = &p
		// PARTITION OF / INHERITS: columns come from the parent.
		if parent, ok := c.tables[p]; ok && len(t.cols) == 0 {
			t.cols = append(t.cols, parent.cols...)
		}
	}
	c.tables[t.name] = t
}

// typeNameParts turns a list of String nodes into a qualified type name; an
// unqualified name is taken as public (pg_dump qualifies user types).
func typeNameParts(nodes []*pg_query.Node) relname.Name {
	var parts []string
	for _, n := range nodes {
		parts = append(parts, n.GetString_().GetSval())
	}
	switch len(parts) {
	case 0:
		return relname.Name{}
	case 1:
		return relname.Name{Schema: "public", Name: parts[0]}
	}
	return relname.Name{Schema: parts[len(parts)-2], Name: parts[len(parts)-1]}
}

// columnType maps a parsed type to what masks need: canonical base type
// (domains resolved), length limit, array-ness.
func (c *streamCatalog) columnType(tn *pg_query.TypeName) anonymize.Column {
	q := typeNameParts(tn.GetNames())
	var col anonymize.Column
	if base, ok := c.domains[q]; ok {
		col = base
	} else if q.Schema == "pg_catalog" || q.Schema == "public" {
		col.Type = anonymize.CanonicalType(q.Name)
	} else {
		col.Type = strings.ToLower(q.String())
	}
	if col.Type == "varchar" || col.Type == "bpchar" {
		if mods := tn.GetTypmods(); len(mods) == 1 {
			if ac := mods[0].GetAConst(); ac != nil && ac.GetIval() != nil {
				col.MaxLen = int(ac.GetIval().GetIval())
			}
		} else if col.Type == "bpchar" && len(mods) == 0 && col.MaxLen == 0 {
			col.MaxLen = 1 // "character" without length is char(1)
		}
	}
	if len(tn.GetArrayBounds()) > 0 {
		col.Array = true
	}
	return col
}

// columnPlan is how one column of a COPY or INSERT is rewritten.
type columnPlan struct {
	name  string
	bound anonymize.Bound
	keep  bool
}

// tablePlan binds the rules to the columns of one COPY/INSERT column list.
type tablePlan struct {
	table    relname.Name
	rowsNone bool
	cols     []columnPlan
	masked   int // columns not kept
}

// plan decides every listed column of table q, with the column types and
// the ancestry the stream declared.
func (c *streamCatalog) plan(r *rules.Rules, q relname.Name, cols []string) (*tablePlan, error) {
	ti := c.tables[q]
	return planTable(r, c, q, cols, func(name string) (colInfo, bool) {
		if ti == nil {
			return colInfo{}, false
		}
		return ti.col(name)
	})
}

// planTable binds every listed column of table q with rules.Rules.Decide,
// the decision the proxy and `pgveil check` share; parents is q's ancestry
// for the rules fallback (the live snapshot, or what the stream declared)
// and info gives a column's type and constraints. An unknown column is bound
// as text. A refused column stops the run: a value is never written
// unmasked because its mask did not fit.
func planTable(r *rules.Rules, parents rules.Parents, q relname.Name, cols []string, info func(string) (colInfo, bool)) (*tablePlan, error) {
	_, rowsNone := r.Governing(q, parents)
	p := &tablePlan{table: q, rowsNone: rowsNone}
	if p.rowsNone {
		// No row is written, so no column needs a mask. The zero Bound
		// refuses, should a row ever reach one.
		for _, name := range cols {
			p.cols = append(p.cols, columnPlan{name: name})
		}
		return p, nil
	}
	for _, name := range cols {
		typ := anonymize.Column{Type: "text"}
		ci, known := info(name)
		if known && ci.typ.Type != "" {
			typ = ci.typ
		}
		v := r.Decide(rules.BaseColumn{Table: q, Name: name, Type: typ, NotNull: ci.notNull}, parents)
		cp := columnPlan{name: name, bound: v.Bound}
		switch v.Action {
		case rules.ActionKeep:
			cp.keep = true
		case rules.ActionMask:
			p.masked++
		default:
			return nil, refusal(r, q, name, typ, v)
		}
		p.cols = append(p.cols, cp)
	}
	return p, nil
}

// refusal words a refused column for the user of a dump.
func refusal(r *rules.Rules, q relname.Name, name string, typ anonymize.Column, v rules.Verdict) error {
	d := v.Rule
	switch v.Reason {
	case rules.ReasonType:
		where := d.Pos.String()
		if d.Pos.IsZero() {
			where = "unlisted: " + rules.UnlistedMask.String()
		}
		return fmt.Errorf("table %s column %s (%s): %w (rule at %s)", q, name, typ, v.Err, where)
	case rules.ReasonNotNull:
		if d.Source == rules.SourceUnlisted {
			return fmt.Errorf("table %s column %s is NOT NULL but no rule classifies it, so unlisted: mask would write NULL and the restore would fail; add a rule for it to %s", q, name, r.File)
		}
		return fmt.Errorf("table %s column %s is NOT NULL but its mask %s writes NULL (rule at %s); the restore would fail", q, name, d.Mask, d.Pos)
	}
	return fmt.Errorf("table %s column %s is refused (%v)", q, name, v.Reason)
}
