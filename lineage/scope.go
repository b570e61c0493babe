package lineage

import (
	"fmt"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgveil/pgveil/internal/relname"
)

// col is one column of a relation or query result.
type col struct {
	name string
	l    lin
	many bool // zero or more columns of unknown names, all with lineage l
}

// nsItem is one entry of a query level's namespace, as PostgreSQL's
// ParseNamespaceItem: a FROM item that can be referenced by name (rel
// visible) and/or whose columns can be referenced unqualified (cols visible).
type nsItem struct {
	refname     string
	table       *relname.Name // an unaliased relation: schema.table.column references match it
	cols        []col
	relVisible  bool
	colsVisible bool
	sysCols     bool // a stored relation: ctid, xmin, ... exist and are not sensitive
}

// open reports whether the item may have columns it does not list.
func (it *nsItem) open() bool {
	for _, c := range it.cols {
		if c.many {
			return true
		}
	}
	return false
}

// rest is the lineage of the columns the item does not list.
func (it *nsItem) rest() lin {
	var ls []lin
	for _, c := range it.cols {
		if c.many {
			ls = append(ls, c.l)
		}
	}
	return unionAll(ls)
}

// column finds a listed column; several matches (a join without USING over
// same-named columns) are ambiguous in PostgreSQL, so their union is fine.
func (it *nsItem) column(name string) (lin, bool) {
	var found []lin
	for _, c := range it.cols {
		if !c.many && c.name == name {
			found = append(found, c.l)
		}
	}
	switch len(found) {
	case 0:
		if it.sysCols && isSystemColumn(name) {
			return lin{}, true
		}
		return lin{}, false
	case 1:
		return found[0], true
	}
	return unionAll(found), true
}

// whole is the lineage of a whole-row reference: every column.
func (it *nsItem) whole() lin {
	ls := make([]lin, len(it.cols))
	for i, c := range it.cols {
		ls[i] = c.l
	}
	return unionAll(ls)
}

func isSystemColumn(name string) bool {
	switch name {
	case "ctid", "xmin", "xmax", "cmin", "cmax", "tableoid":
		return true
	}
	return false
}

// scope is one query level (or the WITH list of one) and its enclosing ones.
type scope struct {
	parent  *scope
	items   []*nsItem
	ctes    []*cteDef
	windows map[string]lin // WINDOW clause of the level, by name
}

func (s *scope) windowsOf() map[string]lin {
	if s == nil {
		return nil
	}
	return s.windows
}

// cteDef is a common table expression visible by name.
type cteDef struct {
	name    string
	cols    []col
	pending bool // referenced before its definition is analysed (recursion)
}

func (s *scope) findCTE(name string) *cteDef {
	for ; s != nil; s = s.parent {
		for i := len(s.ctes) - 1; i >= 0; i-- {
			if s.ctes[i].name == name {
				return s.ctes[i]
			}
		}
	}
	return nil
}

// stringsOf returns the String fields of a name list; ok is false when an
// element is not a String (A_Star is reported separately by the caller).
func stringsOf(ns []*pg.Node) ([]string, bool) {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		s, ok := n.Node.(*pg.Node_String_)
		if !ok {
			return nil, false
		}
		out = append(out, s.String_.Sval)
	}
	return out, true
}

// refItems finds the items a qualifier names: a refname (one part) or an
// unaliased relation (schema.table; catalog.schema.table).
func (s *scope) refItems(qual []string) []*nsItem {
	for ; s != nil; s = s.parent {
		var found []*nsItem
		for _, it := range s.items {
			if !it.relVisible {
				continue
			}
			switch len(qual) {
			case 1:
				if it.refname == qual[0] {
					found = append(found, it)
				}
			default:
				n := len(qual)
				if it.table != nil && it.table.Schema == qual[n-2] && it.table.Name == qual[n-1] {
					found = append(found, it)
				}
			}
		}
		if len(found) > 0 {
			return found
		}
	}
	return nil
}

// columnRef resolves a column reference outside a target list: a column, or
// a whole-row reference (c, c.*).
func (a *analyzer) columnRef(cr *pg.ColumnRef, sc *scope) lin {
	fields := cr.Fields
	star := false
	if n := len(fields); n > 0 {
		if _, ok := fields[n-1].Node.(*pg.Node_AStar); ok {
			star = true
			fields = fields[:n-1]
		}
	}
	names, ok := stringsOf(fields)
	if !ok || len(names) > 4 || (len(names) == 0 && !star) {
		return a.unknown(lin{}, "cannot analyse a column reference of this form", "")
	}
	var l lin
	switch {
	case star && len(names) == 0:
		l = a.wholeOfLevel(sc)
	case star:
		l = a.qualifiedWhole(names, sc)
	case len(names) == 1:
		l = a.unqualified(names[0], sc)
	default:
		l = a.qualified(names[:len(names)-1], names[len(names)-1], sc)
	}
	a.touch(l)
	return l
}

// unqualified resolves a bare name as PostgreSQL does: a column of the
// innermost level that has one, else a whole-row reference to a relation of
// that name. Items of unknown shape (system catalogs, functions) might hold
// any name, so when only they could match, the result also includes what
// the name would mean otherwise (an outer column, a whole row).
func (a *analyzer) unqualified(name string, sc *scope) lin {
	var maybe []lin
	for s := sc; s != nil; s = s.parent {
		var exact, levelMaybe []lin
		for _, it := range s.items {
			if !it.colsVisible {
				continue
			}
			if l, ok := it.column(name); ok {
				exact = append(exact, l)
			} else if it.open() {
				levelMaybe = append(levelMaybe, it.rest())
			}
		}
		if len(exact) > 0 {
			// At the same level an open item holding the name too would make
			// the reference ambiguous (an error), so exact wins there; an open
			// item of an inner level would win over it.
			l := exact[0]
			if len(exact) > 1 {
				l = unionAll(exact)
			}
			if len(maybe) > 0 {
				return union(unionAll(maybe), l)
			}
			return l
		}
		maybe = append(maybe, levelMaybe...)
	}
	if items := sc.refItems([]string{name}); len(items) > 0 {
		ls := append(maybe, wholeOf(items))
		return unionAll(ls)
	}
	if len(maybe) > 0 {
		return unionAll(maybe)
	}
	return a.unresolvedNear("42703", "column", fmt.Sprintf("column %q", name), name, visibleColumns(sc))
}

func wholeOf(items []*nsItem) lin {
	ls := make([]lin, len(items))
	for i, it := range items {
		ls[i] = it.whole()
	}
	return unionAll(ls)
}

// qualified resolves rel.col, schema.rel.col and db.schema.rel.col.
func (a *analyzer) qualified(qual []string, name string, sc *scope) lin {
	items := sc.refItems(qual)
	if len(items) == 0 {
		return a.unresolvedName("42P01", fmt.Sprintf("FROM item %q", qual[len(qual)-1]))
	}
	var ls []lin
	for _, it := range items {
		if l, ok := it.column(name); ok {
			ls = append(ls, l)
			continue
		}
		if it.open() {
			ls = append(ls, it.rest())
			continue
		}
		// PostgreSQL reads rel.f as f(rel) when rel has no column f: a
		// function of the whole row (rel.text is the row as text).
		switch v, reason := judgeFunction("", name, a.snap.Functions); v {
		case funcAllowed:
			ls = append(ls, it.whole())
			continue
		case funcShadowed:
			return a.shadowedFunction(name, reason)
		}
		return a.unresolvedNear("42703", "column", fmt.Sprintf("column %s.%s", qual[len(qual)-1], name), name, columnNames(items))
	}
	if len(ls) == 1 {
		return ls[0]
	}
	return unionAll(ls)
}

func (a *analyzer) qualifiedWhole(qual []string, sc *scope) lin {
	items := sc.refItems(qual)
	if len(items) == 0 {
		return a.unresolvedName("42P01", fmt.Sprintf("FROM item %q", qual[len(qual)-1]))
	}
	return wholeOf(items)
}

// wholeOfLevel is a bare * outside a target list (ROW(*) is an error in
// PostgreSQL; count(*) never gets here): every column of the level.
func (a *analyzer) wholeOfLevel(sc *scope) lin {
	var ls []lin
	for _, it := range sc.items {
		if it.colsVisible {
			ls = append(ls, it.whole())
		}
	}
	return unionAll(ls)
}

// expandStar expands * or rel.* in a target list into columns, in
// PostgreSQL's order.
func (a *analyzer) expandStar(qual []string, sc *scope) []col {
	var out []col
	if len(qual) == 0 {
		for _, it := range sc.items {
			if it.colsVisible {
				out = append(out, it.cols...)
			}
		}
		if len(out) == 0 && len(sc.items) == 0 {
			a.refuse("42601", "pgveil: SELECT * with no tables specified", "")
		}
	} else {
		items := sc.refItems(qual)
		if len(items) == 0 {
			a.unresolvedName("42P01", fmt.Sprintf("FROM item %q", qual[len(qual)-1]))
			return nil
		}
		for _, it := range items {
			out = append(out, it.cols...)
		}
	}
	for _, c := range out {
		a.touch(c.l)
	}
	return out
}
