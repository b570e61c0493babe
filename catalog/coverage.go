package catalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/rules"
)

// Row is one column of the coverage report of `pgveil check`.
type Row struct {
	Table      Name
	Column     string
	Num        int16
	TypeSQL    string
	Mask       string
	Type       string       // semantic type, "" when the decision names none
	Source     rules.Source // rule, type, table default or unlisted
	RowsNone   bool         // the table's rows are never exposed (rows: none)
	RulesTable Name         // whose rules decided: the table, or the ancestor it inherits them from
	Generated  bool
}

// ProblemKind classifies what check found wrong.
type ProblemKind uint8

const (
	ProblemNoTable   ProblemKind = iota + 1 // a rule names a table that does not exist (or a view)
	ProblemNoColumn                         // a rule names a column its table does not have
	ProblemType                             // a mask does not fit the column (type, or NULL into NOT NULL)
	ProblemBijective                        // a key column's mask may map distinct values to one
	ProblemDomain                           // the two ends of a foreign key are masked in different domains
	ProblemUnlisted                         // strict: a column no rule classifies
)

// String is the kind's stable name, for JSON output.
func (k ProblemKind) String() string {
	switch k {
	case ProblemNoTable:
		return "no_table"
	case ProblemNoColumn:
		return "no_column"
	case ProblemType:
		return "type"
	case ProblemBijective:
		return "not_bijective"
	case ProblemDomain:
		return "domain"
	case ProblemUnlisted:
		return "unlisted"
	}
	return "unknown"
}

// Problem is one finding, rendered as one line.
type Problem struct {
	Kind   ProblemKind
	Pos    rules.Pos // the rule at fault; the bare file name when no rule is
	Table  Name
	Column string // "" for table-level problems
	Msg    string // one line, without the position
}

func (p Problem) String() string {
	if p.Pos.IsZero() {
		return p.Msg
	}
	return p.Pos.String() + ": " + p.Msg
}

// Report is what check found: one Row per column of every table, partitioned
// table and foreign table (by table name, then attnum), and the problems.
// Views and materialized views are not listed: they hold no data of their
// own (the proxy masks them through their base tables, a dump refreshes
// materialized views from masked data).
type Report struct {
	Rows     []Row
	Problems []Problem
}

// OK reports whether check found nothing wrong.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// RulesTable returns the relation whose rules apply to table n: n itself
// when the rules name it, else its nearest partition or inheritance ancestor
// that the rules name, else n (so the unlisted fallback applies).
func (s *Snapshot) RulesTable(r *rules.Rules, n Name) Name {
	seen := map[Name]bool{}
	for cur := n; !seen[cur]; {
		seen[cur] = true
		if _, ok := r.Table(cur.Schema, cur.Name); ok {
			return cur
		}
		t := s.Tables[cur]
		if t == nil || t.Parent == nil {
			break
		}
		cur = *t.Parent
	}
	return n
}

// Check compares the rules with the schema: the logic of `pgveil check`.
// strict also reports every column that only the unlisted fallback decides.
//
// Tables with rows: none expose no value, so only rule mistakes are reported
// for them (missing columns, masks that do not fit). Generated columns are
// checked like others (the proxy masks them) except that NOT NULL does not
// matter (a dump leaves them out and the restore recomputes them) and they
// are never compared across a foreign key (their values derive from other
// columns).
func Check(s *Snapshot, r *rules.Rules, strict bool) Report {
	c := &checker{s: s, r: r, strict: strict, seen: map[string]bool{}}
	c.checkRules()
	c.checkColumns()
	c.checkForeignKeys()
	c.sortProblems()
	return Report{Rows: c.rows, Problems: c.problems}
}

type checker struct {
	s        *Snapshot
	r        *rules.Rules
	strict   bool
	rows     []Row
	problems []Problem
	order    []problemOrder // parallel to problems
	seen     map[string]bool
}

// problemOrder sorts problems: rule-file problems by position first, then
// schema problems by table, column and kind.
type problemOrder struct {
	group     int
	line, col int
	table     Name
	num       int16
	kind      ProblemKind
	seq       int
}

func (c *checker) add(p Problem, o problemOrder) {
	o.kind, o.seq = p.Kind, len(c.problems)
	c.problems = append(c.problems, p)
	c.order = append(c.order, o)
}

// addOnce drops a problem already reported under the same key: a partition
// that takes its parent's rules has the parent's columns and keys, and one
// line per rule mistake is enough.
func (c *checker) addOnce(key string, p Problem, o problemOrder) {
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.add(p, o)
}

func (c *checker) sortProblems() {
	idx := make([]int, len(c.problems))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := c.order[idx[i]], c.order[idx[j]]
		switch {
		case a.group != b.group:
			return a.group < b.group
		case a.line != b.line:
			return a.line < b.line
		case a.col != b.col:
			return a.col < b.col
		case a.table != b.table:
			return a.table.Less(b.table)
		case a.num != b.num:
			return a.num < b.num
		case a.kind != b.kind:
			return a.kind < b.kind
		}
		return a.seq < b.seq
	})
	sorted := make([]Problem, len(idx))
	for i, k := range idx {
		sorted[i] = c.problems[k]
	}
	c.problems = sorted
}

func (c *checker) filePos() rules.Pos { return rules.Pos{File: c.r.File} }

// checkRules reports rules naming tables or columns the schema lacks.
func (c *checker) checkRules() {
	for _, tr := range c.r.Tables() {
		n := Name{Schema: tr.Schema, Name: tr.Table}
		t := c.s.Tables[n]
		order := problemOrder{line: tr.Pos.Line, col: tr.Pos.Col}
		if t == nil {
			c.add(Problem{Kind: ProblemNoTable, Pos: tr.Pos, Table: n,
				Msg: fmt.Sprintf("table %s does not exist in the database%s; remove or rename its rule", n, c.suggestTable(n))}, order)
			continue
		}
		if t.Kind == KindView || t.Kind == KindMatView {
			what := "a view"
			if t.Kind == KindMatView {
				what = "a materialized view"
			}
			c.add(Problem{Kind: ProblemNoTable, Pos: tr.Pos, Table: n,
				Msg: fmt.Sprintf("%s is %s, not a table: views are masked through the rules of their base tables; move the rule to those tables", n, what)}, order)
			continue
		}
		names := make([]string, len(t.Columns))
		for i, col := range t.Columns {
			names[i] = col.Name
		}
		for _, cr := range tr.Columns {
			if _, ok := t.Column(cr.Name); ok {
				continue
			}
			c.add(Problem{Kind: ProblemNoColumn, Pos: cr.Pos, Table: n, Column: cr.Name,
				Msg: fmt.Sprintf("column %s.%s does not exist%s; remove or rename its rule (columns of %s: %s)",
					n, cr.Name, suggest(cr.Name, names), n, strings.Join(names, ", "))},
				problemOrder{line: cr.Pos.Line, col: cr.Pos.Col})
		}
	}
}

// suggestTable names a relation the rule may have meant: the same name in
// another schema, or a near spelling in the same schema.
func (c *checker) suggestTable(n Name) string {
	var same []string
	for _, t := range c.s.Sorted() {
		if t.Name.Name == n.Name && t.Name.Schema != n.Schema {
			return fmt.Sprintf(" (did you mean %s?)", t.Name)
		}
		if t.Name.Schema == n.Schema {
			same = append(same, t.Name.Name)
		}
	}
	if near := rules.Nearest(n.Name, same); near != "" {
		return fmt.Sprintf(" (did you mean %s.%s?)", n.Schema, near)
	}
	return ""
}

// dataKind reports whether the relation holds rows the rules govern.
func dataKind(k byte) bool { return k == KindTable || k == KindPartitioned || k == KindForeign }

// depth counts ancestors, so parents are checked before their partitions and
// a problem shared with the parent is reported once, on the parent.
func (s *Snapshot) depth(t *Table) int {
	d := 0
	for cur := t; cur.Parent != nil && d < 64; d++ {
		next := s.Tables[*cur.Parent]
		if next == nil {
			return d + 1
		}
		cur = next
	}
	return d
}

// dedupKey is the relation under whose name a table's column problems are
// reported once: the table whose rules apply, or for a partition that no
// rule covers, its partition root (all partitions share its columns).
func (c *checker) dedupKey(t *Table, gov Name) Name {
	if gov != t.Name {
		return gov
	}
	cur := t
	for i := 0; cur.Partition && cur.Parent != nil && i < 64; i++ {
		p := c.s.Tables[*cur.Parent]
		if p == nil {
			break
		}
		if _, named := c.r.Table(p.Name.Schema, p.Name.Name); named {
			break
		}
		cur = p
	}
	return cur.Name
}

func (c *checker) checkColumns() {
	all := c.s.Sorted()
	var tables []*Table
	for _, t := range all {
		if dataKind(t.Kind) {
			tables = append(tables, t)
		}
	}
	for _, t := range tables {
		gov := c.s.RulesTable(c.r, t.Name)
		rowsNone := c.r.RowsNone(gov.Schema, gov.Name)
		for _, col := range t.Columns {
			d := c.r.Column(gov.Schema, gov.Name, col.Name)
			c.rows = append(c.rows, Row{Table: t.Name, Column: col.Name, Num: col.Num, TypeSQL: col.TypeSQL,
				Mask: d.Mask, Type: d.Type, Source: d.Source, RowsNone: rowsNone, RulesTable: gov, Generated: col.Generated})
		}
	}
	// Problems: ancestors first, so what a partition shares with its parent
	// is reported on the parent.
	byDepth := append([]*Table(nil), tables...)
	sort.SliceStable(byDepth, func(i, j int) bool { return c.s.depth(byDepth[i]) < c.s.depth(byDepth[j]) })
	for _, t := range byDepth {
		gov := c.s.RulesTable(c.r, t.Name)
		rowsNone := c.r.RowsNone(gov.Schema, gov.Name)
		key := c.dedupKey(t, gov)
		keyCols := keyColumns(t)
		for _, col := range t.Columns {
			c.checkColumn(t, col, gov, key, rowsNone, keyCols[col.Name])
		}
	}
}

// keyColumns maps each column in the primary key or a unique key to a
// description of the first such key.
func keyColumns(t *Table) map[string]string {
	m := map[string]string{}
	for _, name := range t.PrimaryKey {
		m[name] = "in the primary key"
	}
	for _, u := range t.Unique {
		for _, name := range u {
			if _, ok := m[name]; !ok {
				m[name] = fmt.Sprintf("in a unique key (%s)", strings.Join(u, ", "))
			}
		}
	}
	return m
}

func (c *checker) checkColumn(t *Table, col Column, gov, key Name, rowsNone bool, inKey string) {
	d := c.r.Column(gov.Schema, gov.Name, col.Name)
	at := d.Pos
	if at.IsZero() {
		at = c.filePos()
	}
	where := fmt.Sprintf("%s.%s (%s)", t.Name, col.Name, col.TypeSQL)
	order := problemOrder{group: 1, table: t.Name, num: col.Num}
	dedup := func(kind ProblemKind) string {
		return fmt.Sprintf("%d\x00%s\x00%s\x00%s", kind, key.Schema, key.Name, col.Name)
	}
	if d.Source == rules.SourceUnlisted {
		if rowsNone {
			return // no value leaves the table; nothing to classify
		}
		if c.strict {
			c.addOnce(dedup(ProblemUnlisted), Problem{Kind: ProblemUnlisted, Pos: at, Table: t.Name, Column: col.Name,
				Msg: fmt.Sprintf("%s is not classified by any rule (unlisted: %s applies); add a rule for it under tables: %s: columns:",
					where, c.r.Unlisted, gov)}, order)
		}
	}
	b, err := d.Masker.Bind(col.Type)
	if err != nil {
		c.addOnce(dedup(ProblemType), Problem{Kind: ProblemType, Pos: at, Table: t.Name, Column: col.Name,
			Msg: fmt.Sprintf("%s: %v%s", where, err, c.origin(d))}, order)
		return
	}
	if rowsNone {
		return
	}
	if b.Nulls() && col.NotNull && !col.Generated {
		msg := fmt.Sprintf("%s is NOT NULL but mask %s writes NULL%s: a dump's restore would fail; choose a mask that keeps it non-null", where, d.Mask, c.origin(d))
		if d.Source == rules.SourceUnlisted {
			msg = fmt.Sprintf("%s is NOT NULL but no rule classifies it, so unlisted: %s writes NULL and a dump's restore would fail; add a rule for it under tables: %s: columns:", where, c.r.Unlisted, gov)
		}
		c.addOnce(dedup(ProblemType), Problem{Kind: ProblemType, Pos: at, Table: t.Name, Column: col.Name, Msg: msg}, order)
		return
	}
	// A NULL is never a duplicate (NULLS NOT DISTINCT keys aside), so the
	// null mask is left to the NOT NULL check above.
	if inKey != "" && !d.Bijective && !b.Nulls() {
		c.addOnce(dedup(ProblemBijective), Problem{Kind: ProblemBijective, Pos: at, Table: t.Name, Column: col.Name,
			Msg: fmt.Sprintf("%s is %s but mask %s is not bijective%s: distinct values may collide and a dump's restore would fail; use a bijective mask (%s)",
				where, inKey, d.Mask, c.origin(d), strings.Join(bijectiveMasks(), ", "))}, order)
	}
}

// origin says where a decision comes from, for messages.
func (c *checker) origin(d rules.Decision) string {
	switch d.Source {
	case rules.SourceType:
		return fmt.Sprintf(" (semantic type %s)", d.Type)
	case rules.SourceTableDefault:
		return " (the table's default:)"
	case rules.SourceUnlisted:
		return fmt.Sprintf(" (unlisted: %s)", c.r.Unlisted)
	}
	return ""
}

func bijectiveMasks() []string {
	var out []string
	for _, n := range anonymize.Names() {
		if i, ok := anonymize.Lookup(n); ok && i.Bijective {
			out = append(out, n)
		}
	}
	return out
}

// checkForeignKeys reports foreign keys whose two ends would be masked into
// different pseudonym domains: the masked values would no longer match.
func (c *checker) checkForeignKeys() {
	for _, t := range c.s.Sorted() {
		if !dataKind(t.Kind) {
			continue
		}
		gov := c.s.RulesTable(c.r, t.Name)
		if c.r.RowsNone(gov.Schema, gov.Name) {
			continue
		}
		for _, fk := range t.ForeignKey {
			ref := c.s.Tables[fk.RefTable]
			if ref == nil || len(fk.Columns) != len(fk.RefColumns) {
				continue
			}
			refGov := c.s.RulesTable(c.r, ref.Name)
			if c.r.RowsNone(refGov.Schema, refGov.Name) {
				continue
			}
			for i := range fk.Columns {
				c.checkPair(t, gov, fk, i, ref, refGov)
			}
		}
	}
}

func (c *checker) checkPair(t *Table, gov Name, fk ForeignKey, i int, ref *Table, refGov Name) {
	col, ok1 := t.Column(fk.Columns[i])
	refCol, ok2 := ref.Column(fk.RefColumns[i])
	if !ok1 || !ok2 || col.Generated || refCol.Generated {
		return
	}
	d := c.r.Column(gov.Schema, gov.Name, col.Name)
	rd := c.r.Column(refGov.Schema, refGov.Name, refCol.Name)
	if d.Domain == rd.Domain && d.Keeps() == rd.Keeps() {
		return
	}
	key := fmt.Sprintf("%d\x00%s\x00%s\x00%s\x00%s", ProblemDomain, c.dedupKey(t, gov), col.Name, c.dedupKey(ref, refGov), refCol.Name)
	at := d.Pos
	if at.IsZero() {
		at = rd.Pos
	}
	if at.IsZero() {
		at = c.filePos()
	}
	c.addOnce(key, Problem{Kind: ProblemDomain, Pos: at, Table: t.Name, Column: col.Name,
		Msg: fmt.Sprintf("foreign key %s: %s.%s is masked with %s but %s.%s with %s: the masked values would not match and joins break; give both columns the same semantic type or mask",
			fk.Name, t.Name, col.Name, c.describe(d), ref.Name, refCol.Name, c.describe(rd))},
		problemOrder{group: 1, table: t.Name, num: col.Num})
}

// describe names a decision and its pseudonym domain for messages.
func (c *checker) describe(d rules.Decision) string {
	s := d.Mask
	if d.Type != "" {
		s = "type " + d.Type + " (mask " + d.Mask + ")"
	}
	if d.Mask != "keep" && d.Mask != "null" {
		s += fmt.Sprintf(" in domain %q", d.Domain)
	}
	if d.Source == rules.SourceUnlisted {
		s += fmt.Sprintf(" (unlisted: %s)", c.r.Unlisted)
	} else if !d.Pos.IsZero() {
		s += " (" + d.Pos.String() + ")"
	}
	return s
}

// suggest returns " (did you mean X?)" for the candidate nearest to s when it
// is a plausible typo.
func suggest(s string, candidates []string) string {
	if near := rules.Nearest(s, candidates); near != "" {
		return fmt.Sprintf(" (did you mean %s?)", near)
	}
	return ""
}
