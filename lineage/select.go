package lineage

import (
	"fmt"
	"strconv"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// query analyses a SELECT, VALUES or set operation and returns its output
// columns. outer is the enclosing scope (nil at top level): correlated
// references and CTEs of enclosing queries resolve through it.
func (a *analyzer) query(s *pg.SelectStmt, outer *scope) []col {
	if s == nil || !a.step() {
		return nil
	}
	defer a.leave()
	if s.IntoClause != nil {
		a.refuse("42501", "pgveil: SELECT INTO creates a table and is refused: pgveil is read-only",
			"run the SELECT without INTO")
		return nil
	}
	if len(s.LockingClause) > 0 {
		a.refuse("42501", "pgveil: row locks (FOR UPDATE/SHARE) are refused: pgveil is read-only",
			"run the SELECT without the locking clause")
		return nil
	}
	sc := outer
	if s.WithClause != nil {
		sc = a.with(s.WithClause, outer)
	}
	if a.stopped() {
		return nil
	}
	switch s.Op {
	case pg.SetOperation_SETOP_UNION, pg.SetOperation_SETOP_INTERSECT, pg.SetOperation_SETOP_EXCEPT:
		return a.setOp(s, sc)
	}
	if len(s.ValuesLists) > 0 {
		return a.values(s.ValuesLists, sc)
	}
	return a.simpleSelect(s, sc)
}

// setOp analyses UNION / INTERSECT / EXCEPT. A column's lineage is the
// merge of its branches: Direct only if every branch is the same column.
// Deduplication (UNION without ALL) and INTERSECT/EXCEPT compare whole rows,
// which the strict posture treats like grouping.
func (a *analyzer) setOp(s *pg.SelectStmt, sc *scope) []col {
	left := a.query(s.Larg, sc)
	right := a.query(s.Rarg, sc)
	out := mergeBranches(left, right)
	if s.Op != pg.SetOperation_SETOP_UNION || !s.All {
		for _, c := range out {
			a.posture(c.l, opName(s.Op, s.All))
		}
	}
	res := &scope{parent: sc, items: []*nsItem{{cols: out, colsVisible: true}}}
	a.sortAndLimit(s, res, out, res)
	return out
}

func opName(op pg.SetOperation, all bool) string {
	name := map[pg.SetOperation]string{pg.SetOperation_SETOP_UNION: "UNION",
		pg.SetOperation_SETOP_INTERSECT: "INTERSECT", pg.SetOperation_SETOP_EXCEPT: "EXCEPT"}[op]
	if all {
		name += " ALL"
	}
	return name
}

// mergeBranches merges the columns of two set-operation branches (or two
// iterations of a recursive CTE) position by position. Shapes that cannot
// be aligned (a branch of unknown width) collapse into one open column.
func mergeBranches(left, right []col) []col {
	aligned := len(left) == len(right)
	for i := 0; aligned && i < len(left); i++ {
		aligned = !left[i].many && !right[i].many
	}
	if !aligned {
		var ls []lin
		for _, c := range append(append([]col(nil), left...), right...) {
			ls = append(ls, c.l)
		}
		name := ""
		if len(left) > 0 {
			name = left[0].name
		}
		return []col{{name: name, l: unionAll(ls), many: true}}
	}
	out := make([]col, len(left))
	for i := range left {
		out[i] = col{name: left[i].name, l: branchMerge(left[i].l, right[i].l)}
	}
	return out
}

// values analyses a VALUES list: columnN merges row N's expressions.
func (a *analyzer) values(rows []*pg.Node, sc *scope) []col {
	var out []col
	for r, row := range rows {
		items := row.GetList().GetItems()
		for i, e := range items {
			l := a.expr(e, sc)
			if r == 0 || i >= len(out) {
				out = append(out, col{name: "column" + strconv.Itoa(i+1), l: l})
				continue
			}
			out[i].l = branchMerge(out[i].l, l)
		}
	}
	return out
}

// simpleSelect analyses SELECT ... FROM ... WHERE ... GROUP BY ... HAVING
// ... WINDOW ... ORDER BY ... LIMIT.
func (a *analyzer) simpleSelect(s *pg.SelectStmt, sc *scope) []col {
	lvl := a.fromList(s.FromClause, sc)
	if s.WhereClause != nil {
		a.qual(s.WhereClause, lvl, "a WHERE clause")
	}
	lvl.windows = a.windowClause(s.WindowClause, lvl)
	out := a.targetList(s.TargetList, lvl)
	for _, g := range s.GroupClause {
		a.groupKey(g, lvl, out)
	}
	if s.HavingClause != nil {
		a.qual(s.HavingClause, lvl, "a HAVING clause")
	}
	for _, d := range s.DistinctClause {
		if d == nil || d.Node == nil { // plain DISTINCT: every output column
			for _, c := range out {
				a.posture(c.l, "DISTINCT")
			}
			continue
		}
		a.posture(a.sortKey(d, lvl, out), "DISTINCT ON")
	}
	a.sortAndLimit(s, lvl, out, sc)
	return out
}

// sortAndLimit checks ORDER BY, LIMIT and OFFSET: ordering by a sensitive
// value is an oracle (ORDER BY email LIMIT 1 OFFSET n).
func (a *analyzer) sortAndLimit(s *pg.SelectStmt, lvl *scope, out []col, limitScope *scope) {
	for _, n := range s.SortClause {
		if sb := n.GetSortBy(); sb != nil {
			a.sortOp(sb)
			a.posture(a.sortKey(sb.Node, lvl, out), "ORDER BY")
		}
	}
	for _, n := range []*pg.Node{s.LimitCount, s.LimitOffset} {
		if n != nil {
			a.posture(a.expr(n, &scope{parent: limitScope}), "LIMIT or OFFSET")
		}
	}
}

// sortKey resolves an ORDER BY or DISTINCT ON item: an output column name or
// position first (SQL92), else an expression over the input.
func (a *analyzer) sortKey(n *pg.Node, lvl *scope, out []col) lin {
	if l, ok := a.outputRef(n, out); ok {
		return l
	}
	return a.expr(n, lvl)
}

// outputRef is outputRef that records a position (ORDER BY 2): the verdict
// then depends on a constant's value, so it must not be reused for the same
// statement with other constants (Cache). A parameter in the same place is
// recorded too: pg_query's normalisation turns some such positions into
// parameters, so both spellings may share a cache key.
func (a *analyzer) outputRef(n *pg.Node, out []col) (lin, bool) {
	if n.GetAConst() != nil || n.GetParamRef() != nil {
		a.constRead = true
	}
	return outputRef(n, out)
}

// outputRef resolves a bare name or integer position against the output
// columns.
func outputRef(n *pg.Node, out []col) (lin, bool) {
	if cr := n.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
		name := cr.Fields[0].GetString_().GetSval()
		var ls []lin
		for _, c := range out {
			if !c.many && c.name == name && name != "" {
				ls = append(ls, c.l)
			}
		}
		switch len(ls) {
		case 0:
		case 1:
			return ls[0], true
		default:
			return unionAll(ls), true
		}
	}
	if ac := n.GetAConst(); ac != nil {
		if iv, ok := ac.Val.(*pg.A_Const_Ival); ok {
			pos := int(iv.Ival.Ival)
			for i, c := range out {
				if c.many { // positions past an open column are unknown
					ls := make([]lin, 0, len(out)-i)
					for _, r := range out[i:] {
						ls = append(ls, r.l)
					}
					return unionAll(ls), true
				}
				if i+1 == pos {
					return c.l, true
				}
			}
			return lin{}, true // out of range: PostgreSQL errors
		}
	}
	return lin{}, false
}

// groupKey checks one GROUP BY item. A bare name is an input column first,
// then an output column (the opposite of ORDER BY).
func (a *analyzer) groupKey(n *pg.Node, lvl *scope, out []col) {
	if gs := n.GetGroupingSet(); gs != nil {
		for _, c := range gs.Content {
			a.groupKey(c, lvl, out)
		}
		return
	}
	if rl := n.GetRowExpr(); rl != nil { // GROUP BY (a, b) inside grouping sets
		for _, c := range rl.Args {
			a.groupKey(c, lvl, out)
		}
		return
	}
	if cr := n.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
		name := cr.Fields[0].GetString_().GetSval()
		inInput := false
		for _, it := range lvl.items {
			if _, ok := it.column(name); ok && it.colsVisible {
				inInput = true
			}
		}
		if !inInput {
			if l, ok := a.outputRef(n, out); ok {
				a.posture(l, "GROUP BY")
				return
			}
		}
	}
	if l, ok := a.outputRef(n, out); ok && n.GetAConst() != nil {
		a.posture(l, "GROUP BY")
		return
	}
	a.posture(a.expr(n, lvl), "GROUP BY")
}

// targetList analyses the select list into output columns.
func (a *analyzer) targetList(targets []*pg.Node, lvl *scope) []col {
	out := make([]col, 0, len(targets))
	for _, t := range targets {
		rt := t.GetResTarget()
		if rt == nil {
			a.unknown(lin{}, "cannot analyse a select-list item of this form", "")
			continue
		}
		if cols, ok := a.starTarget(rt.Val, lvl); ok {
			out = append(out, cols...)
			continue
		}
		l := a.expr(rt.Val, lvl)
		name := rt.Name
		if name == "" {
			name = figureName(rt.Val)
		}
		out = append(out, col{name: name, l: l})
	}
	return out
}

// starTarget expands *, rel.* and (expr).* in a select list.
func (a *analyzer) starTarget(n *pg.Node, lvl *scope) ([]col, bool) {
	if cr := n.GetColumnRef(); cr != nil && len(cr.Fields) > 0 {
		if _, ok := cr.Fields[len(cr.Fields)-1].Node.(*pg.Node_AStar); ok {
			qual, ok := stringsOf(cr.Fields[:len(cr.Fields)-1])
			if !ok {
				a.unknown(lin{}, "cannot analyse a column reference of this form", "")
				return nil, true
			}
			return a.expandStar(qual, lvl), true
		}
	}
	ind := n.GetAIndirection()
	if ind == nil || len(ind.Indirection) == 0 {
		return nil, false
	}
	if _, ok := ind.Indirection[len(ind.Indirection)-1].Node.(*pg.Node_AStar); !ok {
		return nil, false
	}
	if len(ind.Indirection) == 1 {
		if cr := ind.Arg.GetColumnRef(); cr != nil {
			if names, ok := stringsOf(cr.Fields); ok && len(names) >= 1 {
				if items := lvl.refItems(names); len(items) > 0 && !hasColumn(lvl, names) {
					return a.expandStar(names, lvl), true // (c).* is c.*
				}
			}
		}
	}
	l := a.expr(&pg.Node{Node: &pg.Node_AIndirection{AIndirection: &pg.A_Indirection{
		Arg: ind.Arg, Indirection: ind.Indirection[:len(ind.Indirection)-1]}}}, lvl)
	a.posture(l, "a composite expansion")
	return []col{{l: l.derive(), many: true}}, true
}

// hasColumn reports whether a one-part name is a column somewhere in scope
// (then (x).* expands that composite column, not a relation).
func hasColumn(sc *scope, names []string) bool {
	if len(names) != 1 {
		return false
	}
	for s := sc; s != nil; s = s.parent {
		for _, it := range s.items {
			if _, ok := it.column(names[0]); ok && it.colsVisible {
				return true
			}
		}
	}
	return false
}

// windowClause analyses WINDOW w AS (...) definitions; the lineage of a
// window's keys is part of every window function's result over it.
func (a *analyzer) windowClause(defs []*pg.Node, lvl *scope) map[string]lin {
	if len(defs) == 0 {
		return nil
	}
	m := map[string]lin{}
	for _, d := range defs {
		if wd := d.GetWindowDef(); wd != nil {
			l := a.windowDef(wd, lvl, m)
			m[wd.Name] = l
		}
	}
	return m
}

// with analyses a WITH clause and returns the scope its CTEs are visible in.
func (a *analyzer) with(w *pg.WithClause, outer *scope) *scope {
	sc := &scope{parent: outer}
	var defs []*pg.CommonTableExpr
	for _, n := range w.Ctes {
		cte := n.GetCommonTableExpr()
		if cte == nil {
			continue
		}
		if cte.Ctequery.GetSelectStmt() == nil {
			a.refuse("42501", fmt.Sprintf("pgveil: WITH %s holds a %s: writes are refused, pgveil is read-only",
				cte.Ctename, nodeName(cte.Ctequery)), "keep only SELECT queries in WITH")
			return sc
		}
		defs = append(defs, cte)
	}
	if !w.Recursive {
		for _, cte := range defs {
			cols := a.query(cte.Ctequery.GetSelectStmt(), sc)
			sc.ctes = append(sc.ctes, &cteDef{name: cte.Ctename, cols: a.cteColumns(cte, cols)})
		}
		return sc
	}
	// WITH RECURSIVE: every CTE is visible to all; iterate to a fixpoint.
	ds := make([]*cteDef, len(defs))
	for i, cte := range defs {
		ds[i] = &cteDef{name: cte.Ctename, pending: true}
		sc.ctes = append(sc.ctes, ds[i])
	}
	for i, cte := range defs { // seed with the non-recursive term
		sel := cte.Ctequery.GetSelectStmt()
		seed := sel
		if sel.Op == pg.SetOperation_SETOP_UNION && sel.Larg != nil {
			seed = sel.Larg
		}
		ds[i].cols = a.cteColumns(cte, a.query(seed, sc))
		ds[i].pending = false
	}
	for iter := 0; ; iter++ {
		if a.stopped() {
			return sc
		}
		changed := false
		for i, cte := range defs {
			next := mergeBranches(ds[i].cols, a.cteColumns(cte, a.query(cte.Ctequery.GetSelectStmt(), sc)))
			if !sameCols(next, ds[i].cols) {
				ds[i].cols, changed = next, true
			}
		}
		if !changed {
			return sc
		}
		if iter >= maxFixpoint {
			for _, d := range ds {
				for j := range d.cols {
					d.cols[j].l = d.cols[j].l.uncertain()
				}
			}
			return sc
		}
	}
}

// cteColumns applies a CTE's column names and SEARCH/CYCLE columns.
func (a *analyzer) cteColumns(cte *pg.CommonTableExpr, cols []col) []col {
	names, _ := stringsOf(cte.Aliascolnames)
	out := renamed(cols, names)
	listed := func(ns []*pg.Node) lin {
		want, _ := stringsOf(ns)
		var ls []lin
		for _, c := range out {
			if c.many || contains(want, c.name) {
				ls = append(ls, c.l)
			}
		}
		return unionAll(ls)
	}
	if sc := cte.SearchClause; sc != nil {
		out = append(out, col{name: sc.SearchSeqColumn, l: listed(sc.SearchColList)})
	}
	if cc := cte.CycleClause; cc != nil {
		l := listed(cc.CycleColList)
		out = append(out, col{name: cc.CycleMarkColumn, l: l}, col{name: cc.CyclePathColumn, l: l})
	}
	return out
}

func sameCols(x, y []col) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i].name != y[i].name || x[i].many != y[i].many || !sameLin(x[i].l, y[i].l) {
			return false
		}
	}
	return true
}
