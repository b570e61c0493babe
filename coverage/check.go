package coverage

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// Check compares the rules with the schema: the logic of `pgveil check`.
// strict also reports every column that only the unlisted fallback decides.
//
// Tables with rows: none expose no value, so only rule mistakes are reported
// for them (missing columns, masks that do not fit). Generated columns are
// checked like others (the proxy masks them) except that NOT NULL does not
// matter (a dump leaves them out and the restore recomputes them) and they
// are never compared across a foreign key (their values derive from other
// columns).
func Check(s *catalog.Snapshot, r *rules.Rules, strict bool) Report {
	c := &checker{s: s, r: r, strict: strict, seen: map[string]bool{}, decided: map[relname.Name][]rules.Verdict{}}
	c.checkRules()
	c.checkColumns()
	c.checkForeignKeys()
	c.sortProblems()
	return Report{Rows: c.rows, Problems: c.problems}
}

type checker struct {
	s        *catalog.Snapshot
	r        *rules.Rules
	strict   bool
	rows     []Row
	problems []Problem
	order    []problemOrder // parallel to problems
	seen     map[string]bool
	decided  map[relname.Name][]rules.Verdict // by table, parallel to its Columns
}

// verdicts decides every column of t once, with rules.Decide: the rows, the
// column problems and the foreign-key problems all read the same verdicts.
// A generated column's NOT NULL does not count: a dump leaves it out and
// the restore recomputes it.
func (c *checker) verdicts(t *catalog.Table) []rules.Verdict {
	if vs, ok := c.decided[t.Name]; ok {
		return vs
	}
	vs := make([]rules.Verdict, len(t.Columns))
	for i, col := range t.Columns {
		vs[i] = c.r.Decide(rules.BaseColumn{Table: t.Name, Name: col.Name, Type: col.Type, NotNull: col.NotNull && !col.Generated}, c.s)
	}
	c.decided[t.Name] = vs
	return vs
}

// verdict is the verdict of t's column named name.
func (c *checker) verdict(t *catalog.Table, name string) rules.Verdict {
	for i, col := range t.Columns {
		if col.Name == name {
			return c.verdicts(t)[i]
		}
	}
	return rules.Verdict{}
}

// problemOrder sorts problems: rule-file problems by position first, then
// schema problems by table, column and kind.
type problemOrder struct {
	group     int
	line, col int
	table     relname.Name
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
		n := relname.Name{Schema: tr.Schema, Name: tr.Table}
		t := c.s.Tables[n]
		order := problemOrder{line: tr.Pos.Line, col: tr.Pos.Col}
		if t == nil {
			c.add(Problem{Kind: ProblemNoTable, Pos: tr.Pos, Table: n,
				Msg: fmt.Sprintf("table %s does not exist in the database%s; remove or rename its rule", n, c.suggestTable(n))}, order)
			continue
		}
		if t.Kind == catalog.KindView || t.Kind == catalog.KindMatView {
			what := "a view"
			if t.Kind == catalog.KindMatView {
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
func (c *checker) suggestTable(n relname.Name) string {
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

// depth counts ancestors, so parents are checked before their partitions and
// a problem shared with the parent is reported once, on the parent.
func depth(s *catalog.Snapshot, t *catalog.Table) int {
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
func (c *checker) dedupKey(t *catalog.Table, gov relname.Name) relname.Name {
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
	var tables []*catalog.Table
	for _, t := range all {
		if t.HoldsRows() {
			tables = append(tables, t)
		}
	}
	for _, t := range tables {
		vs := c.verdicts(t)
		for i, col := range t.Columns {
			v := vs[i]
			c.rows = append(c.rows, Row{Table: t.Name, Column: col.Name, Num: col.Num, TypeSQL: col.TypeSQL,
				Mask: v.Rule.Mask, Type: v.Rule.Type, Source: v.Rule.Source, RowsNone: v.RowsNone(), RulesTable: v.RulesTable, Generated: col.Generated})
		}
	}
	// Problems: ancestors first, so what a partition shares with its parent
	// is reported on the parent.
	byDepth := append([]*catalog.Table(nil), tables...)
	sort.SliceStable(byDepth, func(i, j int) bool { return depth(c.s, byDepth[i]) < depth(c.s, byDepth[j]) })
	for _, t := range byDepth {
		gov, _ := c.r.Governing(t.Name, c.s)
		key := c.dedupKey(t, gov)
		keyCols := keyColumns(t)
		for i, col := range t.Columns {
			c.checkColumn(t, col, c.verdicts(t)[i], key, keyCols[col.Name])
		}
	}
}

// keyColumns maps each column in the primary key or a unique key to a
// description of the first such key.
func keyColumns(t *catalog.Table) map[string]string {
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

// checkColumn reports what is wrong with one column's verdict.
func (c *checker) checkColumn(t *catalog.Table, col catalog.Column, v rules.Verdict, key relname.Name, inKey string) {
	d, gov, rowsNone := v.Rule, v.RulesTable, v.RowsNone()
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
	// A rule whose mask does not fit is a mistake even under rows: none.
	if v.Err != nil {
		c.addOnce(dedup(ProblemType), Problem{Kind: ProblemType, Pos: at, Table: t.Name, Column: col.Name,
			Msg: fmt.Sprintf("%s: %v%s", where, v.Err, c.origin(d))}, order)
		return
	}
	if rowsNone {
		return
	}
	if v.Reason == rules.ReasonNotNull {
		msg := fmt.Sprintf("%s is NOT NULL but mask %s writes NULL%s: a dump's restore would fail; choose a mask that keeps it non-null", where, d.Mask, c.origin(d))
		if d.Source == rules.SourceUnlisted {
			msg = fmt.Sprintf("%s is NOT NULL but no rule classifies it, so unlisted: %s writes NULL and a dump's restore would fail; add a rule for it under tables: %s: columns:", where, c.r.Unlisted, gov)
		}
		c.addOnce(dedup(ProblemType), Problem{Kind: ProblemType, Pos: at, Table: t.Name, Column: col.Name, Msg: msg}, order)
		return
	}
	// A NULL is never a duplicate (NULLS NOT DISTINCT keys aside), so the
	// null mask is left to the NOT NULL check above.
	if inKey != "" && !d.Bijective && !v.Bound.Nulls() {
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
		if !t.HoldsRows() {
			continue
		}
		gov, rowsNone := c.r.Governing(t.Name, c.s)
		if rowsNone {
			continue
		}
		for _, fk := range t.ForeignKey {
			ref := c.s.Tables[fk.RefTable]
			if ref == nil || len(fk.Columns) != len(fk.RefColumns) {
				continue
			}
			refGov, refRowsNone := c.r.Governing(ref.Name, c.s)
			if refRowsNone {
				continue
			}
			for i := range fk.Columns {
				c.checkPair(t, gov, fk, i, ref, refGov)
			}
		}
	}
}

func (c *checker) checkPair(t *catalog.Table, gov relname.Name, fk catalog.ForeignKey, i int, ref *catalog.Table, refGov relname.Name) {
	col, ok1 := t.Column(fk.Columns[i])
	refCol, ok2 := ref.Column(fk.RefColumns[i])
	if !ok1 || !ok2 || col.Generated || refCol.Generated {
		return
	}
	d := c.verdict(t, col.Name).Rule
	rd := c.verdict(ref, refCol.Name).Rule
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
