package dump

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/rules"
)

// qualName is a schema-qualified relation or type name.
type qualName struct{ schema, name string }

func (q qualName) String() string { return q.schema + "." + q.name }

// colInfo is one column as a CREATE TABLE statement declares it.
type colInfo struct {
	name      string
	typ       anonymize.Column
	notNull   bool
	generated bool
}

// tableInfo is a table learned from the dump's DDL.
type tableInfo struct {
	name   qualName
	cols   []colInfo
	parent *qualName // partition parent or inheritance parent: rules fall back to it
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
	tables  map[qualName]*tableInfo
	domains map[qualName]anonymize.Column
}

func newStreamCatalog() *streamCatalog {
	return &streamCatalog{tables: map[qualName]*tableInfo{}, domains: map[qualName]anonymize.Column{}}
}

func rangeVarName(rv *pg_query.RangeVar) qualName {
	s := rv.GetSchemaname()
	if s == "" {
		s = "public"
	}
	return qualName{s, rv.GetRelname()}
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

// typeNameParts turns a list of String nodes into a qualified name; an
// unqualified name is taken as public (pg_dump qualifies user types).
func typeNameParts(nodes []*pg_query.Node) qualName {
	var parts []string
	for _, n := range nodes {
		parts = append(parts, n.GetString_().GetSval())
	}
	switch len(parts) {
	case 0:
		return qualName{}
	case 1:
		return qualName{"public", parts[0]}
	}
	return qualName{parts[len(parts)-2], parts[len(parts)-1]}
}

// columnType maps a parsed type to what masks need: canonical base type
// (domains resolved), length limit, array-ness.
func (c *streamCatalog) columnType(tn *pg_query.TypeName) anonymize.Column {
	q := typeNameParts(tn.GetNames())
	var col anonymize.Column
	if base, ok := c.domains[q]; ok {
		col = base
	} else if q.schema == "pg_catalog" || q.schema == "public" {
		col.Type = anonymize.CanonicalType(q.name)
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
	table    qualName
	rowsNone bool
	cols     []columnPlan
	masked   int // columns not kept
}

// rulesTable finds the relation whose rules apply: the table itself, else
// its nearest partition/inheritance ancestor that the rules name.
func (c *streamCatalog) rulesTable(r *rules.Rules, q qualName) qualName {
	seen := map[qualName]bool{}
	for cur := q; !seen[cur]; {
		seen[cur] = true
		if _, ok := r.Table(cur.schema, cur.name); ok {
			return cur
		}
		t, ok := c.tables[cur]
		if !ok || t.parent == nil {
			break
		}
		cur = *t.parent
	}
	return q
}

// plan decides every listed column of table q, with the column types the
// stream declared.
func (c *streamCatalog) plan(r *rules.Rules, q qualName, cols []string) (*tablePlan, error) {
	ti := c.tables[q]
	return planTable(r, q, c.rulesTable(r, q), cols, func(name string) (colInfo, bool) {
		if ti == nil {
			return colInfo{}, false
		}
		return ti.col(name)
	})
}

// planTable decides every listed column of table q under the rules of table
// rq (q itself or the ancestor whose rules apply): the one place in the dump
// streamer where a column's fate is chosen. info gives the column's type and
// constraints; an unknown column is bound as text.
func planTable(r *rules.Rules, q, rq qualName, cols []string, info func(string) (colInfo, bool)) (*tablePlan, error) {
	p := &tablePlan{table: q, rowsNone: r.RowsNone(rq.schema, rq.name)}
	if p.rowsNone {
		// No row is written, so no column needs a mask. The zero Bound
		// refuses, should a row ever reach one.
		for _, name := range cols {
			p.cols = append(p.cols, columnPlan{name: name})
		}
		return p, nil
	}
	for _, name := range cols {
		d := r.Column(rq.schema, rq.name, name)
		cp := columnPlan{name: name}
		if d.Keeps() {
			cp.keep = true
			cp.bound = anonymize.KeepBound()
			p.cols = append(p.cols, cp)
			continue
		}
		typ := anonymize.Column{Type: "text"}
		ci, known := info(name)
		if known && ci.typ.Type != "" {
			typ = ci.typ
		}
		b, err := d.Masker.Bind(typ)
		if err != nil {
			where := d.Pos.String()
			if d.Pos.IsZero() {
				where = "unlisted: " + rules.UnlistedMask.String()
			}
			return nil, fmt.Errorf("table %s column %s (%s): %w (rule at %s)", q, name, typ, err, where)
		}
		if b.Nulls() && ci.notNull {
			if d.Source == rules.SourceUnlisted {
				return nil, fmt.Errorf("table %s column %s is NOT NULL but no rule classifies it, so unlisted: mask would write NULL and the restore would fail; add a rule for it to %s", q, name, r.File)
			}
			return nil, fmt.Errorf("table %s column %s is NOT NULL but its mask %s writes NULL (rule at %s); the restore would fail", q, name, d.Mask, d.Pos)
		}
		cp.bound = b
		p.cols = append(p.cols, cp)
		p.masked++
	}
	return p, nil
}
