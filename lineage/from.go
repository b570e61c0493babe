package lineage

import (
	"fmt"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
)

// fromList analyses a FROM clause into the items of a new query level.
func (a *analyzer) fromList(items []*pg.Node, outer *scope) *scope {
	lvl := &scope{parent: outer}
	for _, n := range items {
		if a.stopped() {
			break
		}
		_, added := a.fromItem(n, lvl, lvl.items)
		lvl.items = append(lvl.items, added...)
	}
	return lvl
}

// fromItem analyses one FROM item. lvl is the level being built (its parent
// is the enclosing scope); lateral are the items a LATERAL item may see. It
// returns the item that stands for the whole (for joins) and every
// namespace entry it contributes.
func (a *analyzer) fromItem(n *pg.Node, lvl *scope, lateral []*nsItem) (*nsItem, []*nsItem) {
	if !a.step() {
		return &nsItem{}, nil
	}
	defer a.leave()
	switch v := n.Node.(type) {
	case *pg.Node_RangeVar:
		it := a.rangeVar(v.RangeVar, lvl)
		return it, []*nsItem{it}
	case *pg.Node_RangeSubselect:
		rs := v.RangeSubselect
		sub := lateralScope(lvl, lateral, rs.Lateral)
		sel, ok := rs.Subquery.GetNode().(*pg.Node_SelectStmt)
		if !ok {
			a.refuse("42501", "pgveil: only SELECT may appear as a subquery in FROM", "")
			return &nsItem{}, nil
		}
		cols := a.query(sel.SelectStmt, sub)
		it := &nsItem{cols: cols, relVisible: true, colsVisible: true}
		a.applyAlias(it, rs.Alias, "")
		return it, []*nsItem{it}
	case *pg.Node_RangeFunction:
		it := a.rangeFunction(v.RangeFunction, lateralScope(lvl, lateral, true))
		return it, []*nsItem{it}
	case *pg.Node_RangeTableFunc:
		it := a.xmlTable(v.RangeTableFunc, lateralScope(lvl, lateral, true))
		return it, []*nsItem{it}
	case *pg.Node_RangeTableSample:
		ts := v.RangeTableSample
		main, added := a.fromItem(ts.Relation, lvl, lateral)
		for _, arg := range append(ts.Args, ts.Repeatable) {
			a.posture(a.expr(arg, lateralScope(lvl, lateral, false)), "TABLESAMPLE")
		}
		return main, added
	case *pg.Node_JoinExpr:
		return a.join(v.JoinExpr, lvl, lateral)
	}
	a.unknown(lin{}, fmt.Sprintf("cannot analyse FROM item %s", nodeName(n)), "")
	return &nsItem{}, nil
}

// lateralScope is the scope a FROM item's expressions see: the enclosing
// levels and, for LATERAL items (functions are implicitly lateral), the
// items to their left.
func lateralScope(lvl *scope, left []*nsItem, lateral bool) *scope {
	if !lateral || len(left) == 0 {
		return &scope{parent: lvl.parent}
	}
	return &scope{parent: lvl.parent, items: append([]*nsItem(nil), left...)}
}

// applyAlias renames an item: AS name (col1, col2, ...) renames the first
// columns in order. A single-column function result takes the alias as its
// column name too.
func (a *analyzer) applyAlias(it *nsItem, al *pg.Alias, defaultName string) {
	it.refname = defaultName
	if al == nil {
		return
	}
	it.refname = al.Aliasname
	it.table = nil // an alias hides the relation's own name
	names, _ := stringsOf(al.Colnames)
	it.cols = renamed(it.cols, names)
}

// renamed applies a column alias list. The names fall on the columns in
// order, but a column of unknown width (many: a function or relation of
// unknown shape) takes an unknown number of them: from there, each
// remaining name may stand for it or for any column after it, so it gets
// all their lineage, as a computed value.
func renamed(cols []col, names []string) []col {
	out := make([]col, 0, len(cols)+len(names))
	i := 0
	for k, c := range cols {
		switch {
		case i < len(names) && c.many:
			ls := make([]lin, 0, len(cols)-k)
			for _, r := range cols[k:] {
				ls = append(ls, r.l)
			}
			l := unionAll(ls).derive()
			for ; i < len(names); i++ {
				out = append(out, col{name: names[i], l: l})
			}
		case i < len(names):
			c.name = names[i]
			i++
		}
		out = append(out, c)
	}
	return out
}

// rangeVar resolves a table, view, CTE or system relation named in FROM.
func (a *analyzer) rangeVar(rv *pg.RangeVar, lvl *scope) *nsItem {
	if rv.Schemaname == "" {
		if cte := lvl.findCTE(rv.Relname); cte != nil {
			cols := cte.cols
			if cte.pending {
				cols = []col{{many: true, l: lin{undef: true}}}
			}
			it := &nsItem{cols: append([]col(nil), cols...), relVisible: true, colsVisible: true}
			a.applyAlias(it, rv.Alias, rv.Relname)
			return it
		}
	}
	it := a.relation(rv)
	it.relVisible, it.colsVisible = true, true
	a.applyAlias(it, rv.Alias, rv.Relname)
	return it
}

// relation resolves a relation name through the search path and the
// snapshot, refusing what may not be read.
func (a *analyzer) relation(rv *pg.RangeVar) *nsItem {
	name := rv.Relname
	if reason, ok := deniedRelation(name); ok {
		a.refuse("42501", fmt.Sprintf("pgveil: %s cannot be read: it %s", name, reason),
			"pgveil refuses catalogs that hold data values, statement text or credentials")
		return &nsItem{}
	}
	if isToastSchema(rv.Schemaname) || (rv.Schemaname == "" && len(name) > 9 && name[:9] == "pg_toast_") {
		a.refuse("42501", "pgveil: TOAST tables cannot be read: they hold column values unmasked",
			"read the table the TOAST table belongs to")
		return &nsItem{}
	}
	l := policy()
	system := func(schema string) *nsItem {
		return &nsItem{table: &relname.Name{Schema: schema, Name: name}, cols: []col{{many: true}}}
	}
	if rv.Schemaname != "" {
		switch {
		case rv.Schemaname == "pg_catalog" && l.pgCatalog.has(name),
			rv.Schemaname == "information_schema" && l.infoRels.has(name):
			return system(rv.Schemaname)
		case rv.Schemaname == "pg_catalog", rv.Schemaname == "information_schema":
			// Qualified or not, a system relation must be on the list of
			// those that hold no data.
			a.refuse("42501", fmt.Sprintf("pgveil: %s.%s is not on pgveil's list of system relations that hold no data", rv.Schemaname, name), "")
			return &nsItem{}
		}
		if t := a.snap.Tables[relname.Name{Schema: rv.Schemaname, Name: name}]; t != nil {
			return a.tableItem(t, rv.Inh)
		}
		a.unresolvedName("42P01", fmt.Sprintf("relation %s.%s", rv.Schemaname, name))
		return &nsItem{}
	}
	for _, schema := range a.searchPath {
		switch schema {
		case "pg_catalog":
			if l.pgCatalog.has(name) {
				return system(schema)
			}
		case "information_schema":
			if l.infoRels.has(name) {
				return system(schema)
			}
		}
		if t := a.snap.Tables[relname.Name{Schema: schema, Name: name}]; t != nil {
			return a.tableItem(t, rv.Inh)
		}
	}
	a.unresolvedNear("42P01", "relation", fmt.Sprintf("relation %q", name), name, a.relationNames())
	return &nsItem{}
}

// tableItem is the namespace item of a snapshot relation.
func (a *analyzer) tableItem(t *catalog.Table, inh bool) *nsItem {
	name := t.Name
	it := &nsItem{table: &name}
	switch t.Kind {
	case catalog.KindForeign:
		a.refuse("42501", fmt.Sprintf("pgveil: foreign table %s cannot be read through pgveil", t.Name),
			"its rows come from another server; pgveil does not mask them")
		return it
	case catalog.KindView, catalog.KindMatView:
		if a.rules.RowsNone(t.Name.Schema, t.Name.Name) {
			a.refuseRowsNone(t.Name)
			return it
		}
		ls := a.viewLineage(t)
		it.cols = make([]col, len(t.Columns))
		for i, c := range t.Columns {
			var l lin
			if i < len(ls) {
				l = ls[i]
			} else {
				l = lin{unc: true}
			}
			it.cols[i] = col{name: c.Name, l: l}
		}
		it.sysCols = t.Kind == catalog.KindMatView
		return it
	}
	it.cols = a.tableCols(t, inh)
	it.sysCols = true
	return it
}

func (a *analyzer) refuseRowsNone(n relname.Name) {
	a.refuse("42501", fmt.Sprintf("pgveil: rows of table %s are never exposed (rows: none)", n),
		"the rules file keeps this table's rows out; its definition is still visible with \\d")
}

// tableCols computes the lineage of a stored relation's columns under the
// rules. Reading a parent reads its partitions and inheritance children:
// rows: none or a foreign table among them refuses, and a column is
// sensitive when any of them masks it. When the parent keeps a column that a
// child masks, the column is not Direct (the proxy would mask child rows
// with the parent's keep): derived, it is refused.
func (a *analyzer) tableCols(t *catalog.Table, inh bool) []col {
	key := tableKey{t, inh}
	if cols, ok := a.tables[key]; ok {
		return cols
	}
	fam := a.idx.family(t, !inh)
	govs := make([]relname.Name, len(fam))
	for i, m := range fam {
		var rowsNone bool
		govs[i], rowsNone = a.rules.Governing(m.Name, a.snap)
		if rowsNone {
			a.refuseRowsNone(m.Name)
		}
		if m.Kind == catalog.KindForeign {
			a.refuse("42501", fmt.Sprintf("pgveil: %s reads foreign table %s, which cannot be read through pgveil", t.Name, m.Name),
				"query the local partitions directly")
		}
	}
	cols := make([]col, len(t.Columns))
	for i, c := range t.Columns {
		own := !a.rules.Column(govs[0].Schema, govs[0].Name, c.Name).Keeps()
		sens := own
		for j := 1; j < len(fam) && !sens; j++ {
			sens = !a.rules.Column(govs[j].Schema, govs[j].Name, c.Name).Keeps()
		}
		ref := ColumnRef{Table: t.Name, Column: c.Name}
		cols[i] = col{name: c.Name, l: lin{srcs: []src{{ref: ref, sens: sens}}, sens: sens, direct: own || !sens}}
	}
	if a.tables == nil {
		a.tables = map[tableKey][]col{}
	}
	a.tables[key] = cols
	return cols
}

// join analyses a JOIN: its columns (USING and NATURAL merge same-named
// columns, first), its condition, and its namespace entries.
func (a *analyzer) join(j *pg.JoinExpr, lvl *scope, lateral []*nsItem) (*nsItem, []*nsItem) {
	left, ladded := a.fromItem(j.Larg, lvl, lateral)
	right, radded := a.fromItem(j.Rarg, lvl, append(append([]*nsItem(nil), lateral...), ladded...))
	if a.stopped() {
		return &nsItem{}, nil
	}
	var using []string
	if j.IsNatural {
		for _, lc := range left.cols {
			if lc.many {
				continue
			}
			if _, ok := right.column(lc.name); ok && !contains(using, lc.name) {
				using = append(using, lc.name)
			}
		}
	} else {
		using, _ = stringsOf(j.UsingClause)
	}
	if len(using) > 0 {
		via := "JOIN USING"
		if j.IsNatural {
			via = "NATURAL JOIN"
		}
		a.operator("", "=", via)
	}
	var merged, rest []col
	for _, name := range using {
		ll, lok := left.column(name)
		rl, rok := right.column(name)
		if !lok && left.open() {
			ll, lok = left.rest(), true
		}
		if !rok && right.open() {
			rl, rok = right.rest(), true
		}
		if !lok || !rok {
			a.unresolvedName("42703", fmt.Sprintf("column %q in USING", name))
			return &nsItem{}, nil
		}
		a.equality(ll, rl)
		var m lin
		switch j.Jointype {
		case pg.JoinType_JOIN_RIGHT:
			m = rl
		case pg.JoinType_JOIN_FULL:
			m = branchMerge(ll, rl)
		default:
			m = ll
		}
		merged = append(merged, col{name: name, l: m})
	}
	for _, c := range left.cols {
		if c.many || !contains(using, c.name) {
			rest = append(rest, c)
		}
	}
	for _, c := range right.cols {
		if c.many || !contains(using, c.name) {
			rest = append(rest, c)
		}
	}
	if j.Quals != nil {
		on := &scope{parent: lvl.parent, items: append(append([]*nsItem(nil), ladded...), radded...)}
		a.qual(j.Quals, on, "a JOIN condition")
	}
	it := &nsItem{cols: append(merged, rest...), colsVisible: true}
	if j.Alias != nil {
		it.relVisible = true
		a.applyAlias(it, j.Alias, "")
		return it, []*nsItem{it}
	}
	added := make([]*nsItem, 0, len(ladded)+len(radded)+2)
	for _, x := range append(append([]*nsItem(nil), ladded...), radded...) {
		x.colsVisible = false // reachable qualified only; the join item holds the columns
		added = append(added, x)
	}
	added = append(added, it)
	if j.JoinUsingAlias != nil {
		ua := &nsItem{refname: j.JoinUsingAlias.Aliasname, cols: merged, relVisible: true}
		added = append(added, ua)
	}
	return it, added
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rangeFunction analyses functions in FROM: f(...), ROWS FROM (f(...),
// g(...)), WITH ORDINALITY, column definition lists.
func (a *analyzer) rangeFunction(rf *pg.RangeFunction, sc *scope) *nsItem {
	it := &nsItem{relVisible: true, colsVisible: true}
	defaultName := ""
	aliasNames := false // a single column named after the function takes the alias as its name
	for i, item := range rf.Functions {
		parts := item.GetList().GetItems()
		if len(parts) == 0 {
			continue
		}
		fc, ok := parts[0].Node.(*pg.Node_FuncCall)
		if !ok { // a special form like CURRENT_DATE in FROM
			l := a.expr(parts[0], sc)
			it.cols = append(it.cols, col{name: figureName(parts[0]), l: l.derive()})
			continue
		}
		_, fname := funcName(fc.FuncCall.Funcname)
		l := a.funcCall(fc.FuncCall, sc).derive()
		if i == 0 {
			defaultName = fname
		}
		var coldefs []*pg.Node
		if len(parts) > 1 {
			coldefs = parts[1].GetList().GetItems()
		}
		if len(rf.Functions) == 1 && len(rf.Coldeflist) > 0 {
			coldefs = rf.Coldeflist
		}
		switch shape, known := knownShapes[fname]; {
		case len(coldefs) > 0:
			for _, cd := range coldefs {
				it.cols = append(it.cols, col{name: cd.GetColumnDef().GetColname(), l: l})
			}
		case known:
			for _, name := range shape {
				if name == "" {
					name = fname
					aliasNames = len(rf.Functions) == 1 && len(shape) == 1
				}
				it.cols = append(it.cols, col{name: name, l: l})
			}
		default:
			it.cols = append(it.cols, col{many: true, l: l})
		}
	}
	if rf.Ordinality {
		it.cols = append(it.cols, col{name: "ordinality"})
	}
	if aliasNames && rf.Alias != nil && len(rf.Alias.Colnames) == 0 {
		it.cols[0].name = rf.Alias.Aliasname
	}
	a.applyAlias(it, rf.Alias, defaultName)
	return it
}

// xmlTable analyses XMLTABLE(...): every column is computed from the
// document, the row expression and its own column expression.
func (a *analyzer) xmlTable(t *pg.RangeTableFunc, sc *scope) *nsItem {
	doc := a.expr(t.Docexpr, sc)
	row := a.expr(t.Rowexpr, sc)
	a.posture(doc, "XMLTABLE")
	a.posture(row, "XMLTABLE")
	base := union(doc, row)
	for _, ns := range t.Namespaces {
		if rt := ns.GetResTarget(); rt != nil {
			a.posture(a.expr(rt.Val, sc), "XMLTABLE")
		}
	}
	it := &nsItem{relVisible: true, colsVisible: true}
	for _, n := range t.Columns {
		c := n.GetRangeTableFuncCol()
		if c == nil {
			continue
		}
		if c.ForOrdinality {
			it.cols = append(it.cols, col{name: c.Colname})
			continue
		}
		l := union(base, a.expr(c.Colexpr, sc))
		l = union(l, a.expr(c.Coldefexpr, sc))
		a.posture(l, "XMLTABLE")
		it.cols = append(it.cols, col{name: c.Colname, l: l.derive()})
	}
	a.applyAlias(it, t.Alias, "xmltable")
	return it
}
