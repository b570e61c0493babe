package lineage

import (
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
)

// viewLineage returns the lineage of a view's or materialized view's
// columns (attnum order), from its definition. A materialized view's stored
// values were computed by the same definition, so its columns trace to the
// base columns they were copied or computed from; a Direct column is masked
// with its base column's rule. Anything a view definition does that pgveil
// cannot follow makes the column uncertain; what pgveil refuses outright
// (rows: none, foreign tables, data-holding catalogs, denied functions)
// refuses every statement that reads the view.
func (a *analyzer) viewLineage(t *catalog.Table) []lin {
	key := viewKey{rules: a.rules, name: t.Name}
	res := a.idx.view(key)
	if res == nil {
		var cacheable bool
		res, cacheable = a.analyzeView(t)
		if cacheable {
			a.idx.storeView(key, res)
		}
	}
	if res.refusal != nil {
		a.refuse(res.refusal.SQLState,
			"pgveil: view "+t.Name.String()+" cannot be read: "+strings.TrimPrefix(res.refusal.Message, "pgveil: "),
			res.refusal.Hint)
	}
	if res.touches {
		a.touches = true
	}
	return res.cols
}

// analyzeView analyses a view definition in a fresh analyzer. The result
// is cacheable unless the view sits in a cycle or too deep a nesting (then
// it depends on how it was reached).
func (a *analyzer) analyzeView(t *catalog.Table) (*viewResult, bool) {
	allUncertain := func(srcs lin) *viewResult {
		r := &viewResult{cols: make([]lin, len(t.Columns)), touches: true}
		for i := range r.cols {
			r.cols[i] = srcs.uncertain()
		}
		return r
	}
	if len(a.viewStack) >= maxViewDepth {
		return allUncertain(lin{}), false
	}
	for _, n := range a.viewStack {
		if n == t.Name {
			return allUncertain(lin{}), false
		}
	}
	tree, err := pg.Parse(t.ViewDef)
	if err != nil || len(tree.Stmts) != 1 {
		return allUncertain(lin{}), true
	}
	sel := tree.Stmts[0].Stmt.GetSelectStmt()
	if sel == nil {
		return allUncertain(lin{}), true
	}
	sub := &analyzer{
		snap:       a.snap,
		rules:      a.rules,
		idx:        a.idx,
		searchPath: effectivePath(a.viewPath(), ""),
		inView:     true,
		viewStack:  append(append([]relname.Name(nil), a.viewStack...), t.Name),
		steps:      a.steps,
	}
	out := sub.query(sel, nil)
	if sub.refusal == nil {
		sub.safetyNet(tree.Stmts[0].Stmt)
	}
	a.steps = sub.steps
	res := &viewResult{refusal: sub.refusal, touches: sub.touches}
	if sub.refusal != nil {
		return res, true
	}
	fits := len(out) == len(t.Columns)
	for _, c := range out {
		fits = fits && !c.many
	}
	if !fits {
		ls := make([]lin, len(out))
		for i, c := range out {
			ls[i] = c.l
		}
		r := allUncertain(unionAll(ls))
		return r, true
	}
	res.cols = make([]lin, len(out))
	for i, c := range out {
		res.cols[i] = c.l
	}
	return res, true
}
