package lineage

import (
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
)

// expr returns the lineage of an expression used as a value. Under the
// strict posture every computation on a sensitive value is refused (see
// posture); a bare column reference is not a computation.
func (a *analyzer) expr(n *pg.Node, sc *scope) lin {
	if n == nil || n.Node == nil || a.stopped() {
		return lin{}
	}
	if !a.step() {
		return lin{unc: true}
	}
	defer a.leave()
	switch v := n.Node.(type) {
	case *pg.Node_ColumnRef:
		return a.columnRef(v.ColumnRef, sc)
	case *pg.Node_ParamRef, *pg.Node_AConst, *pg.Node_SqlvalueFunction:
		return lin{}
	case *pg.Node_TypeCast:
		return a.computed(a.expr(v.TypeCast.Arg, sc), "a cast")
	case *pg.Node_CollateClause:
		return a.computed(a.expr(v.CollateClause.Arg, sc), "COLLATE")
	case *pg.Node_AExpr:
		return a.aExpr(v.AExpr, sc, false)
	case *pg.Node_BoolExpr:
		return a.list(v.BoolExpr.Args, sc, "a boolean expression")
	case *pg.Node_FuncCall:
		return a.funcCall(v.FuncCall, sc)
	case *pg.Node_SubLink:
		return a.subLink(v.SubLink, sc, false)
	case *pg.Node_CaseExpr:
		return a.caseExpr(v.CaseExpr, sc)
	case *pg.Node_CoalesceExpr:
		return a.list(v.CoalesceExpr.Args, sc, "COALESCE")
	case *pg.Node_MinMaxExpr:
		return a.list(v.MinMaxExpr.Args, sc, "GREATEST or LEAST")
	case *pg.Node_NullTest:
		return a.computed(a.expr(v.NullTest.Arg, sc), "an IS NULL test outside a WHERE clause")
	case *pg.Node_BooleanTest:
		return a.computed(a.expr(v.BooleanTest.Arg, sc), "an IS TRUE/FALSE test outside a WHERE clause")
	case *pg.Node_RowExpr:
		return a.list(v.RowExpr.Args, sc, "a row constructor")
	case *pg.Node_AArrayExpr:
		return a.list(v.AArrayExpr.Elements, sc, "an array constructor")
	case *pg.Node_AIndirection:
		return a.indirection(v.AIndirection, sc)
	case *pg.Node_GroupingFunc:
		return a.list(v.GroupingFunc.Args, sc, "GROUPING")
	case *pg.Node_List:
		return a.list(v.List.Items, sc, "a list")
	case *pg.Node_XmlExpr:
		ls := []lin{a.list(v.XmlExpr.Args, sc, "an XML expression")}
		for _, na := range v.XmlExpr.NamedArgs {
			if rt := na.GetResTarget(); rt != nil {
				ls = append(ls, a.computed(a.expr(rt.Val, sc), "an XML expression"))
			}
		}
		return unionAll(ls)
	case *pg.Node_XmlSerialize:
		return a.computed(a.expr(v.XmlSerialize.Expr, sc), "XMLSERIALIZE")
	case *pg.Node_JsonObjectConstructor:
		return a.list(v.JsonObjectConstructor.Exprs, sc, "a JSON constructor")
	case *pg.Node_JsonArrayConstructor:
		return a.list(v.JsonArrayConstructor.Exprs, sc, "a JSON constructor")
	case *pg.Node_JsonKeyValue:
		l := a.computed(a.expr(v.JsonKeyValue.Key, sc), "a JSON constructor")
		return union(l, a.jsonValue(v.JsonKeyValue.Value, sc))
	case *pg.Node_JsonValueExpr:
		return a.jsonValue(v.JsonValueExpr, sc)
	case *pg.Node_JsonIsPredicate:
		return a.computed(a.expr(v.JsonIsPredicate.Expr, sc), "IS JSON")
	case *pg.Node_JsonArrayQueryConstructor:
		sel := v.JsonArrayQueryConstructor.Query.GetSelectStmt()
		if sel == nil {
			return a.unknown(lin{}, "cannot analyse JSON_ARRAY over this query", "")
		}
		return a.computed(colsLin(a.query(sel, sc)), "a JSON constructor")
	case *pg.Node_JsonObjectAgg:
		l := a.expr(&pg.Node{Node: &pg.Node_JsonKeyValue{JsonKeyValue: v.JsonObjectAgg.Arg}}, sc)
		return union(l, a.jsonAgg(v.JsonObjectAgg.Constructor, sc))
	case *pg.Node_JsonArrayAgg:
		return union(a.jsonValue(v.JsonArrayAgg.Arg, sc), a.jsonAgg(v.JsonArrayAgg.Constructor, sc))
	}
	return a.unknown(lin{}, fmt.Sprintf("cannot analyse expression %s", nodeName(n)), "")
}

// computed is the result of computing on l: refused under strict when l is
// sensitive, never Direct.
func (a *analyzer) computed(l lin, use string) lin {
	a.posture(l, use)
	return l.derive()
}

// list is a computation over several inputs.
func (a *analyzer) list(ns []*pg.Node, sc *scope, use string) lin {
	ls := make([]lin, 0, len(ns))
	for _, n := range ns {
		ls = append(ls, a.computed(a.expr(n, sc), use))
	}
	return unionAll(ls)
}

func colsLin(cols []col) lin {
	ls := make([]lin, len(cols))
	for i, c := range cols {
		ls[i] = c.l
	}
	return unionAll(ls)
}

func (a *analyzer) jsonValue(v *pg.JsonValueExpr, sc *scope) lin {
	if v == nil {
		return lin{}
	}
	return a.computed(a.expr(v.RawExpr, sc), "a JSON constructor")
}

func (a *analyzer) jsonAgg(c *pg.JsonAggConstructor, sc *scope) lin {
	if c == nil {
		return lin{}
	}
	return unionAll(a.aggTail(nil, c.AggOrder, c.AggFilter, c.Over, sc))
}

// aggTail adds the lineage of an aggregate's ORDER BY and window, and
// checks its FILTER as a condition.
func (a *analyzer) aggTail(ls []lin, order []*pg.Node, filter *pg.Node, over *pg.WindowDef, sc *scope) []lin {
	for _, o := range order {
		if sb := o.GetSortBy(); sb != nil {
			a.sortOp(sb)
			ls = append(ls, a.computed(a.expr(sb.Node, sc), "an aggregate's ORDER BY"))
		}
	}
	if filter != nil {
		a.qual(filter, sc, "an aggregate FILTER")
	}
	if over != nil {
		ls = append(ls, a.windowDef(over, sc, sc.windowsOf()))
	}
	return ls
}

// qual analyses a condition (WHERE, JOIN ON, HAVING, FILTER, CASE WHEN).
// Here a sensitive value may be compared for equality, tested for NULL or
// used as a boolean, as long as it is Direct; where says where the
// condition is, for messages.
func (a *analyzer) qual(n *pg.Node, sc *scope, where string) lin {
	if n == nil || n.Node == nil || a.stopped() {
		return lin{}
	}
	if !a.step() {
		return lin{unc: true}
	}
	defer a.leave()
	switch v := n.Node.(type) {
	case *pg.Node_BoolExpr:
		ls := make([]lin, 0, len(v.BoolExpr.Args))
		for _, x := range v.BoolExpr.Args {
			ls = append(ls, a.qual(x, sc, where))
		}
		return unionAll(ls)
	case *pg.Node_AExpr:
		return a.aExpr(v.AExpr, sc, true)
	case *pg.Node_SubLink:
		return a.subLink(v.SubLink, sc, true)
	case *pg.Node_NullTest:
		return a.bareOnly(a.expr(v.NullTest.Arg, sc), "IS NULL")
	case *pg.Node_BooleanTest:
		return a.bareOnly(a.expr(v.BooleanTest.Arg, sc), "IS TRUE/FALSE")
	}
	return a.bareOnly(a.expr(n, sc), where)
}

// bareOnly accepts a sensitive value only when it is a bare column.
func (a *analyzer) bareOnly(l lin, use string) lin {
	if l.risky() && !l.direct {
		a.posture(l, use+" once transformed by a cast, function or expression")
	}
	return l.derive()
}

// equality checks the two sides of an equality: a sensitive side must be a
// bare column (an equi-join when both are, a lookup otherwise).
func (a *analyzer) equality(l, r lin) {
	for _, x := range [2]lin{l, r} {
		if x.risky() && !x.direct {
			a.posture(x, "a comparison once transformed by a cast, function or expression")
		}
	}
}

// parts evaluates an operand that may be a row or array constructor
// element-wise (without counting the constructor as a computation), for
// comparisons like (a, b) = ($1, $2) and col = ANY(ARRAY[...]).
func (a *analyzer) parts(n *pg.Node, sc *scope, arrays bool) []lin {
	var items []*pg.Node
	switch {
	case n.GetRowExpr() != nil:
		items = n.GetRowExpr().Args
	case arrays && n.GetAArrayExpr() != nil:
		items = n.GetAArrayExpr().Elements
	case n.GetList() != nil:
		items = n.GetList().Items
	default:
		return []lin{a.expr(n, sc)}
	}
	out := make([]lin, len(items))
	for i, x := range items {
		out[i] = a.expr(x, sc)
	}
	return out
}

// pairwise checks equality between two operand lists (rows compare
// element-wise; a single value is compared with every element).
func (a *analyzer) pairwise(ls, rs []lin) {
	switch {
	case len(ls) == len(rs):
		for i := range ls {
			a.equality(ls[i], rs[i])
		}
	case len(ls) == 1:
		for _, r := range rs {
			a.equality(ls[0], r)
		}
	default:
		for _, x := range append(append([]lin(nil), ls...), rs...) {
			a.posture(x, "a row comparison")
		}
	}
}

// aExpr analyses an operator expression. In a condition, equality-like
// operators (=, <>, IN, = ANY, <> ALL, IS [NOT] DISTINCT FROM) accept bare
// sensitive columns; everything else is a computation.
func (a *analyzer) aExpr(e *pg.A_Expr, sc *scope, inQual bool) lin {
	schema, op := qualifiedName(e.Name)
	k := e.Kind
	switch k {
	case pg.A_Expr_Kind_AEXPR_BETWEEN, pg.A_Expr_Kind_AEXPR_BETWEEN_SYM:
		a.operator("", ">=", "BETWEEN")
		a.operator("", "<=", "BETWEEN")
	case pg.A_Expr_Kind_AEXPR_NOT_BETWEEN, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM:
		a.operator("", "<", "NOT BETWEEN")
		a.operator("", ">", "NOT BETWEEN")
	default:
		a.operator(schema, op, "")
	}
	eq := inQual && (k == pg.A_Expr_Kind_AEXPR_IN ||
		k == pg.A_Expr_Kind_AEXPR_DISTINCT || k == pg.A_Expr_Kind_AEXPR_NOT_DISTINCT ||
		(k == pg.A_Expr_Kind_AEXPR_OP && (op == "=" || op == "<>")) ||
		(k == pg.A_Expr_Kind_AEXPR_OP_ANY && op == "=") ||
		(k == pg.A_Expr_Kind_AEXPR_OP_ALL && op == "<>"))
	if eq {
		ls := a.parts(e.Lexpr, sc, false)
		var rs []lin
		if k == pg.A_Expr_Kind_AEXPR_IN {
			for _, item := range e.Rexpr.GetList().GetItems() {
				ps := a.parts(item, sc, false)
				a.pairwise(ls, ps)
				rs = append(rs, ps...)
			}
		} else {
			rs = a.parts(e.Rexpr, sc, k != pg.A_Expr_Kind_AEXPR_OP)
			a.pairwise(ls, rs)
		}
		return unionAll(append(ls, rs...))
	}
	use := operatorUse(k, op)
	l := a.computed(a.expr(e.Lexpr, sc), use)
	r := a.computed(a.expr(e.Rexpr, sc), use)
	return union(l, r)
}

func operatorUse(k pg.A_Expr_Kind, op string) string {
	switch k {
	case pg.A_Expr_Kind_AEXPR_LIKE:
		return "a LIKE predicate"
	case pg.A_Expr_Kind_AEXPR_ILIKE:
		return "an ILIKE predicate"
	case pg.A_Expr_Kind_AEXPR_SIMILAR:
		return "a SIMILAR TO predicate"
	case pg.A_Expr_Kind_AEXPR_BETWEEN, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN,
		pg.A_Expr_Kind_AEXPR_BETWEEN_SYM, pg.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM:
		return "a BETWEEN predicate"
	case pg.A_Expr_Kind_AEXPR_NULLIF:
		return "NULLIF"
	case pg.A_Expr_Kind_AEXPR_IN:
		return "an IN list outside a WHERE clause"
	}
	return fmt.Sprintf("the operator %s", op)
}

// operator refuses an operator the statement applies that is not a
// builtin, or whose name a user schema defines too (judgeOperator). via
// names the construct that implies an operator not written (BETWEEN's >=),
// "" for a written one.
func (a *analyzer) operator(schema, op, via string) {
	switch verdict, reason := judgeOperator(schema, op, a.snap.Operators); verdict {
	case funcUnknown:
		a.unknown(lin{}, fmt.Sprintf("operator %s is not a built-in operator: it could compute from any data", displayName(schema, op)),
			"use built-in operators")
	case funcShadowed:
		what, hint := "operator "+op, fmt.Sprintf("write it as OPERATOR(pg_catalog.%s) or drop or rename the user operator", op)
		if via != "" {
			what = fmt.Sprintf("operator %s (used by %s)", op, via)
			hint = fmt.Sprintf("spell the comparison out with OPERATOR(pg_catalog.%s) or drop or rename the user operator", op)
		}
		a.unknown(lin{}, fmt.Sprintf("%s is also defined in %s: pgveil cannot tell which one runs", what, reason), hint)
	}
}

// shadowedFunction refuses a call of a builtin's name that user schemas
// define too (judgeFunction's funcShadowed; in is its reason).
func (a *analyzer) shadowedFunction(name, in string) lin {
	return a.unknown(lin{}, fmt.Sprintf("function %s is also defined in %s: pgveil cannot tell which one runs", name, in),
		fmt.Sprintf("qualify it as pg_catalog.%s(...) or drop or rename the user function", name))
}

// sortOp checks the operator of ORDER BY ... USING op.
func (a *analyzer) sortOp(sb *pg.SortBy) {
	if len(sb.UseOp) > 0 {
		schema, op := qualifiedName(sb.UseOp)
		a.operator(schema, op, "")
	}
}

// funcCall analyses a function call: aggregate and window forms included.
// Its result depends on every argument, ordering key and window key.
func (a *analyzer) funcCall(fc *pg.FuncCall, sc *scope) lin {
	schema, name := funcName(fc.Funcname)
	display := displayName(schema, name)
	var base lin
	switch verdict, reason := judgeFunction(schema, name, a.snap.Functions); verdict {
	case funcDenied:
		a.refuse("42501", fmt.Sprintf("pgveil: function %s is refused: it %s", display, reason),
			"pgveil refuses functions that run SQL from text, read files or large objects, expose other sessions, change state or pause")
		return lin{unc: true}
	case funcUnknown:
		base = a.unknown(lin{}, fmt.Sprintf("function %s is not on pgveil's list of known functions: its result could come from any table", display),
			"use built-in functions, or read the underlying columns directly")
	case funcShadowed:
		base = a.shadowedFunction(name, reason)
	}
	use := "an argument of function " + display
	ls := []lin{base}
	for _, arg := range fc.Args {
		if na := arg.GetNamedArgExpr(); na != nil {
			arg = na.Arg
		}
		ls = append(ls, a.computed(a.expr(arg, sc), use))
	}
	return unionAll(a.aggTail(ls, fc.AggOrder, fc.AggFilter, fc.Over, sc))
}

// windowDef returns the lineage of a window's keys (PARTITION BY, ORDER
// BY, frame offsets, and those of a named window it refers to).
func (a *analyzer) windowDef(wd *pg.WindowDef, sc *scope, named map[string]lin) lin {
	var ls []lin
	for _, ref := range []string{wd.Name, wd.Refname} {
		if l, ok := named[ref]; ok && ref != "" {
			ls = append(ls, l)
		}
	}
	for _, p := range wd.PartitionClause {
		ls = append(ls, a.computed(a.expr(p, sc), "a window PARTITION BY"))
	}
	for _, o := range wd.OrderClause {
		if sb := o.GetSortBy(); sb != nil {
			a.sortOp(sb)
			ls = append(ls, a.computed(a.expr(sb.Node, sc), "a window ORDER BY"))
		}
	}
	for _, off := range []*pg.Node{wd.StartOffset, wd.EndOffset} {
		ls = append(ls, a.computed(a.expr(off, sc), "a window frame"))
	}
	return unionAll(ls)
}

// subLink analyses a subquery expression.
func (a *analyzer) subLink(sl *pg.SubLink, sc *scope, inQual bool) lin {
	sel := sl.Subselect.GetSelectStmt()
	if sel == nil {
		return a.unknown(lin{}, "cannot analyse a subquery that is not a SELECT", "")
	}
	switch sl.SubLinkType {
	case pg.SubLinkType_EXISTS_SUBLINK:
		a.query(sel, sc)
		return lin{}
	case pg.SubLinkType_EXPR_SUBLINK:
		cols := a.query(sel, sc)
		if len(cols) == 1 && !cols[0].many {
			return cols[0].l // (SELECT email ...) passes the column through
		}
		return colsLin(cols)
	case pg.SubLinkType_ARRAY_SUBLINK:
		return a.computed(colsLin(a.query(sel, sc)), "an ARRAY subquery")
	case pg.SubLinkType_ANY_SUBLINK, pg.SubLinkType_ALL_SUBLINK, pg.SubLinkType_ROWCOMPARE_SUBLINK:
		schema, op := qualifiedName(sl.OperName)
		if len(sl.OperName) == 0 {
			op = "=" // IN (SELECT ...)
			a.operator("", op, "IN with a subquery")
		} else {
			a.operator(schema, op, "")
		}
		ls := a.parts(sl.Testexpr, sc, false)
		cols := a.query(sel, sc)
		rs := make([]lin, 0, len(cols))
		aligned := true
		for _, c := range cols {
			rs = append(rs, c.l)
			aligned = aligned && !c.many
		}
		eq := inQual && aligned && len(ls) == len(rs) &&
			((sl.SubLinkType == pg.SubLinkType_ANY_SUBLINK && op == "=") ||
				(sl.SubLinkType == pg.SubLinkType_ALL_SUBLINK && op == "<>"))
		if eq {
			a.pairwise(ls, rs)
		} else {
			for _, x := range append(append([]lin(nil), ls...), rs...) {
				a.posture(x, "a subquery comparison with "+op)
			}
		}
		return unionAll(append(ls, rs...))
	}
	return a.unknown(lin{}, "cannot analyse this kind of subquery", "")
}

// caseExpr analyses CASE: its value depends on the tested value, the
// conditions and every result.
func (a *analyzer) caseExpr(ce *pg.CaseExpr, sc *scope) lin {
	arg := a.expr(ce.Arg, sc)
	ls := []lin{arg}
	for _, w := range ce.Args {
		cw := w.GetCaseWhen()
		if cw == nil {
			continue
		}
		if ce.Arg != nil { // CASE x WHEN v: x = v
			a.operator("", "=", "CASE ... WHEN")
			v := a.expr(cw.Expr, sc)
			a.equality(arg, v)
			ls = append(ls, v)
		} else {
			ls = append(ls, a.qual(cw.Expr, sc, "a CASE condition"))
		}
		ls = append(ls, a.computed(a.expr(cw.Result, sc), "a CASE result"))
	}
	ls = append(ls, a.computed(a.expr(ce.Defresult, sc), "a CASE result"))
	return unionAll(ls)
}

// indirection analyses subscripts and field selections: x[i], (x).f.
// (c).col where c is a FROM item is PostgreSQL's spelling of c.col.
func (a *analyzer) indirection(ind *pg.A_Indirection, sc *scope) lin {
	rest := ind.Indirection
	var l lin
	resolved := false
	if len(rest) > 0 {
		if f := rest[0].GetString_(); f != nil {
			if cr := ind.Arg.GetColumnRef(); cr != nil {
				fields := cr.Fields
				if n := len(fields); n > 0 && fields[n-1].GetAStar() != nil {
					fields = fields[:n-1]
				}
				if names, ok := stringsOf(fields); ok && len(names) > 0 && (len(names) > 1 || !hasColumn(sc, names)) {
					if items := sc.refItems(names); len(items) > 0 {
						l = a.columnRef(&pg.ColumnRef{Fields: append(append([]*pg.Node(nil), fields...),
							&pg.Node{Node: &pg.Node_String_{String_: &pg.String{Sval: f.Sval}}})}, sc)
						rest, resolved = rest[1:], true
					}
				}
			}
		}
	}
	if !resolved {
		l = a.expr(ind.Arg, sc)
	}
	for _, x := range rest {
		if f := x.GetString_(); f != nil {
			a.fieldSelection(f.Sval)
		}
		if idx := x.GetAIndices(); idx != nil {
			l = union(l, a.computed(a.expr(idx.Lidx, sc), "a subscript"))
			l = union(l, a.computed(a.expr(idx.Uidx, sc), "a subscript"))
		}
		l = a.computed(l, "a subscript or field selection")
	}
	return l
}

// fieldSelection checks (x).f. PostgreSQL reads it as the call f(x) when
// x has no field f, and pgveil does not know the fields of composite
// values: a name that a user schema defines as a function may be a call of
// that function, refused like an unknown function. (rel.f, with rel a FROM
// item, is resolved against rel's columns in qualified.)
func (a *analyzer) fieldSelection(name string) {
	if schemas := a.snap.Functions.Schemas(name); len(schemas) > 0 {
		a.unknown(lin{}, fmt.Sprintf("field selection .%s may call function %s, which is defined in %s: pgveil cannot tell a field from that call", name, name, inSchemas(schemas)),
			"select the field from a table column, or rename the user function")
	}
}

// funcName splits a function name list: [name], [schema, name],
// [catalog, schema, name].
func funcName(ns []*pg.Node) (schema, name string) { return qualifiedName(ns) }

func qualifiedName(ns []*pg.Node) (schema, name string) {
	parts, _ := stringsOf(ns)
	switch len(parts) {
	case 0:
		return "", ""
	case 1:
		return "", parts[0]
	}
	return parts[len(parts)-2], parts[len(parts)-1]
}

func displayName(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

// nodeName names a parse node's kind for messages ("InsertStmt").
func nodeName(n *pg.Node) string {
	if n == nil || n.Node == nil {
		return "empty node"
	}
	s := fmt.Sprintf("%T", n.Node)
	return strings.TrimPrefix(s, "*pg_query.Node_")
}

// figureName is the column name PostgreSQL gives an unaliased select-list
// expression (FigureColname), as far as messages and ORDER BY need it.
func figureName(n *pg.Node) string {
	if name, _ := figureColname(n); name != "" {
		return name
	}
	return "?column?"
}

// figureColname follows PostgreSQL's FigureColnameInternal (parse_target.c)
// case by case, with its strength: 2 for a name the expression has, 1 for a
// fallback (a cast's type name, "case") that a stronger inner name beats, 0
// for none. A name that differs from PostgreSQL's would put a derived
// table's column name on another column than the server does.
func figureColname(n *pg.Node) (string, int) {
	switch v := n.GetNode().(type) {
	case *pg.Node_ColumnRef:
		if name := lastFieldName(v.ColumnRef.Fields); name != "" {
			return name, 2
		}
	case *pg.Node_AIndirection:
		if name := lastFieldName(v.AIndirection.Indirection); name != "" {
			return name, 2
		}
		return figureColname(v.AIndirection.Arg)
	case *pg.Node_FuncCall:
		_, name := funcName(v.FuncCall.Funcname)
		return name, 2
	case *pg.Node_AExpr:
		if v.AExpr.Kind == pg.A_Expr_Kind_AEXPR_NULLIF {
			return "nullif", 2
		}
	case *pg.Node_TypeCast:
		name, strength := figureColname(v.TypeCast.Arg)
		if strength <= 1 {
			if tn := v.TypeCast.TypeName; tn != nil && len(tn.Names) > 0 {
				if s := tn.Names[len(tn.Names)-1].GetString_(); s != nil {
					return s.Sval, 1
				}
			}
		}
		return name, strength
	case *pg.Node_CollateClause:
		return figureColname(v.CollateClause.Arg)
	case *pg.Node_GroupingFunc:
		return "grouping", 2
	case *pg.Node_SubLink:
		switch v.SubLink.SubLinkType {
		case pg.SubLinkType_EXISTS_SUBLINK:
			return "exists", 2
		case pg.SubLinkType_ARRAY_SUBLINK:
			return "array", 2
		case pg.SubLinkType_EXPR_SUBLINK:
			// The subquery's single column's name, as PostgreSQL resolved it.
			if name := firstTargetName(v.SubLink.Subselect); name != "" {
				return name, 2
			}
		}
	case *pg.Node_CaseExpr:
		name, strength := figureColname(v.CaseExpr.Defresult)
		if strength <= 1 {
			return "case", 1
		}
		return name, strength
	case *pg.Node_AArrayExpr:
		return "array", 2
	case *pg.Node_RowExpr:
		return "row", 2
	case *pg.Node_CoalesceExpr:
		return "coalesce", 2
	case *pg.Node_MinMaxExpr:
		if v.MinMaxExpr.Op == pg.MinMaxOp_IS_LEAST {
			return "least", 2
		}
		return "greatest", 2
	case *pg.Node_SqlvalueFunction:
		if name, ok := sqlValueNames[v.SqlvalueFunction.Op]; ok {
			return name, 2
		}
	case *pg.Node_XmlExpr:
		if name, ok := xmlExprNames[v.XmlExpr.Op]; ok {
			return name, 2
		}
	case *pg.Node_XmlSerialize:
		return "xmlserialize", 2
	}
	return "", 0
}

// lastFieldName is the last field name of a column reference or an
// indirection, ignoring * and subscripts; "" when there is none.
func lastFieldName(fields []*pg.Node) string {
	name := ""
	for _, f := range fields {
		if s := f.GetString_(); s != nil {
			name = s.Sval
		}
	}
	return name
}

// firstTargetName is the name of a subquery's first result column: its
// alias, else the figured name ("?column?" included, as PostgreSQL's
// target entries always have one); set operations take the leftmost
// branch's, VALUES "column1".
func firstTargetName(n *pg.Node) string {
	sel := n.GetSelectStmt()
	for sel != nil && sel.Op != pg.SetOperation_SETOP_NONE {
		sel = sel.Larg
	}
	switch {
	case sel == nil:
		return ""
	case len(sel.ValuesLists) > 0:
		return "column1"
	case len(sel.TargetList) == 0:
		return ""
	}
	rt := sel.TargetList[0].GetResTarget()
	switch {
	case rt == nil:
		return ""
	case rt.Name != "":
		return rt.Name
	case rt.Val.GetColumnRef() != nil && len(rt.Val.GetColumnRef().Fields) > 0 &&
		rt.Val.GetColumnRef().Fields[len(rt.Val.GetColumnRef().Fields)-1].GetAStar() != nil:
		return "" // SELECT *: the name is the first column's, not known here
	}
	return figureName(rt.Val)
}

var sqlValueNames = map[pg.SQLValueFunctionOp]string{
	pg.SQLValueFunctionOp_SVFOP_CURRENT_DATE: "current_date", pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME: "current_time",
	pg.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N: "current_time", pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP: "current_timestamp",
	pg.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N: "current_timestamp", pg.SQLValueFunctionOp_SVFOP_LOCALTIME: "localtime",
	pg.SQLValueFunctionOp_SVFOP_LOCALTIME_N: "localtime", pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP: "localtimestamp",
	pg.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N: "localtimestamp", pg.SQLValueFunctionOp_SVFOP_CURRENT_ROLE: "current_role",
	pg.SQLValueFunctionOp_SVFOP_CURRENT_USER: "current_user", pg.SQLValueFunctionOp_SVFOP_USER: "user",
	pg.SQLValueFunctionOp_SVFOP_SESSION_USER: "session_user", pg.SQLValueFunctionOp_SVFOP_CURRENT_CATALOG: "current_catalog",
	pg.SQLValueFunctionOp_SVFOP_CURRENT_SCHEMA: "current_schema",
}

var xmlExprNames = map[pg.XmlExprOp]string{
	pg.XmlExprOp_IS_XMLCONCAT: "xmlconcat", pg.XmlExprOp_IS_XMLELEMENT: "xmlelement", pg.XmlExprOp_IS_XMLFOREST: "xmlforest",
	pg.XmlExprOp_IS_XMLPARSE: "xmlparse", pg.XmlExprOp_IS_XMLPI: "xmlpi", pg.XmlExprOp_IS_XMLROOT: "xmlroot",
	pg.XmlExprOp_IS_XMLSERIALIZE: "xmlserialize",
}
