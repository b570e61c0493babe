package dump

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgveil/pgveil/internal/pbwalk"
	"github.com/pgveil/pgveil/internal/relname"
)

// A fixture subset is chosen by conditions the user writes on the command
// line and runs inside the dump's snapshot. The condition is therefore
// treated as hostile: it must parse as one boolean expression over its own
// table, built only from an allowlist of node kinds and functions, and what
// reaches the server is pg_query's deparse of the checked tree, never the
// user's text. The parser cannot type-check: a condition like `42` or
// `name` parses, and the server refuses it when ComputeSubset runs it (the
// error names the table). Only bare numeric constants are refused up front.

// SubsetSpec is one --subset 'schema.table: condition' argument.
type SubsetSpec struct {
	Table relname.Name
	Where string // the condition deparsed by pg_query, safe to embed in parentheses
}

// maxConditionDepth bounds the expression tree so a pathological argument
// cannot exhaust the stack of the checker or the deparser.
const maxConditionDepth = 1000

// subsetFuncs are the functions a condition may call: side-effect free
// functions of pg_catalog, written unqualified or as pg_catalog.f. Anything
// else (set_config, pg_sleep, dblink, lo_import, nextval, user functions, ...)
// is refused. The SQL-syntax forms EXTRACT, POSITION, SUBSTRING, TRIM,
// AT TIME ZONE and LIKE ... ESCAPE parse into calls listed here.
var subsetFuncs = map[string]bool{
	"lower": true, "upper": true, "initcap": true, "length": true, "char_length": true,
	"character_length": true, "octet_length": true, "substr": true, "substring": true,
	"left": true, "right": true, "btrim": true, "ltrim": true, "rtrim": true, "position": true,
	"strpos": true, "replace": true, "concat": true, "concat_ws": true, "split_part": true,
	"starts_with": true, "like_escape": true, "similar_to_escape": true, "abs": true,
	"round": true, "trunc": true, "floor": true, "ceil": true, "ceiling": true, "mod": true,
	"date_trunc": true, "date_part": true, "extract": true, "now": true, "age": true,
	"timezone": true, "to_char": true, "to_date": true, "to_timestamp": true, "make_date": true,
	"jsonb_typeof": true, "jsonb_array_length": true, "json_typeof": true, "array_length": true,
	"cardinality": true,
}

// ParseSubset parses and validates one --subset argument,
// 'schema.table: condition'. The table is an SQL identifier (quoted names
// allowed, unqualified means public). The condition must be exactly one
// boolean expression over that table: no sub-selects, no parameters, no
// column of another table, only allowlisted functions and unqualified (or
// pg_catalog) operators. Errors never quote the condition, which may hold
// personal data.
func ParseSubset(arg string) (SubsetSpec, error) {
	namePart, cond, ok := splitSubsetArg(arg)
	if !ok {
		return SubsetSpec{}, errors.New("subset: want 'schema.table: condition' (no ':' after the table name)")
	}
	name, err := parseTableName(namePart)
	if err != nil {
		return SubsetSpec{}, err
	}
	if strings.TrimSpace(cond) == "" {
		return SubsetSpec{}, fmt.Errorf("subset %s: empty condition", name)
	}
	where, err := checkedCondition(name, cond)
	if err != nil {
		return SubsetSpec{}, fmt.Errorf("subset %s: %w", name, err)
	}
	// The deparse must itself be a valid condition that deparses to itself:
	// what runs is exactly what was checked.
	again, err := checkedCondition(name, where)
	if err != nil || again != where {
		return SubsetSpec{}, fmt.Errorf("subset %s: condition does not survive a deparse round trip", name)
	}
	return SubsetSpec{Table: name, Where: where}, nil
}

// splitSubsetArg cuts arg at the first ':' outside double quotes.
func splitSubsetArg(arg string) (name, cond string, ok bool) {
	quoted := false
	for i := 0; i < len(arg); i++ {
		switch arg[i] {
		case '"':
			quoted = !quoted // a doubled "" toggles twice: still right
		case ':':
			if !quoted {
				return strings.TrimSpace(arg[:i]), arg[i+1:], true
			}
		}
	}
	return "", "", false
}

// parseTableName parses an identifier like the server would, by letting
// pg_query parse "SELECT FROM <name>" and taking the single plain RangeVar.
func parseTableName(s string) (relname.Name, error) {
	if s == "" {
		return relname.Name{}, errors.New("subset: empty table name")
	}
	bad := fmt.Errorf("subset: %q is not a table name (want schema.table or table)", s)
	tree, err := pg_query.Parse("SELECT FROM " + s)
	if err != nil {
		return relname.Name{}, bad
	}
	sel, err := singleSelect(tree)
	if err != nil || sel.WhereClause != nil || len(sel.FromClause) != 1 {
		return relname.Name{}, bad
	}
	rv := sel.FromClause[0].GetRangeVar()
	if rv == nil || !plainRangeVar(rv) {
		return relname.Name{}, bad
	}
	name := relname.Name{Schema: rv.Schemaname, Name: rv.Relname}
	if name.Schema == "" {
		name.Schema = "public"
	}
	return name, nil
}

// plainRangeVar reports whether rv is just [schema.]table: no catalog, no
// alias, no ONLY, no temp/unlogged marker.
func plainRangeVar(rv *pg_query.RangeVar) bool {
	ok := true
	pbwalk.Fields(rv.ProtoReflect(), func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch fd.Name() {
		case "relname", "schemaname", "location":
		case "inh": // false (ONLY) is not listed by Range: checked below
		case "relpersistence":
			ok = ok && v.String() == "p"
		default:
			ok = false
		}
		return ok
	})
	return ok && rv.Inh && rv.Relname != ""
}

// singleSelect returns the one SELECT of tree, refusing anything but a
// single plain SELECT whose only clauses are FROM and WHERE.
func singleSelect(tree *pg_query.ParseResult) (*pg_query.SelectStmt, error) {
	if len(tree.Stmts) != 1 {
		return nil, errors.New("condition must be one expression, not several statements")
	}
	sel := tree.Stmts[0].GetStmt().GetSelectStmt()
	if sel == nil {
		return nil, errors.New("condition must be one expression")
	}
	// Every offending clause is named, in descriptor order, so the message
	// does not depend on which field a walk happens to meet first.
	var extra []string
	pbwalk.Fields(sel.ProtoReflect(), func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch fd.Name() {
		case "from_clause", "where_clause":
		case "limit_option":
			if pg_query.LimitOption(v.Enum()) != pg_query.LimitOption_LIMIT_OPTION_DEFAULT {
				extra = append(extra, string(fd.Name()))
			}
		case "op":
			if pg_query.SetOperation(v.Enum()) != pg_query.SetOperation_SETOP_NONE {
				extra = append(extra, "set operation")
			}
		default:
			extra = append(extra, string(fd.Name()))
		}
		return true
	})
	if len(extra) > 0 {
		return nil, fmt.Errorf("condition must be one expression (it adds %s to the query)", strings.ReplaceAll(strings.Join(extra, ", "), "_", " "))
	}
	return sel, nil
}

// checkedCondition parses cond inside "SELECT FROM <table> WHERE (cond)",
// validates the tree and returns the deparsed expression.
func checkedCondition(table relname.Name, cond string) (string, error) {
	tree, err := pg_query.Parse("SELECT FROM " + table.Quoted() + " WHERE (" + cond + ")")
	if err != nil {
		return "", fmt.Errorf("condition: %w", err)
	}
	sel, err := singleSelect(tree)
	if err != nil {
		return "", err
	}
	if len(sel.FromClause) != 1 || sel.WhereClause == nil {
		return "", errors.New("condition must be one expression")
	}
	rv := sel.FromClause[0].GetRangeVar()
	if rv == nil || !plainRangeVar(rv) || rv.Schemaname != table.Schema || rv.Relname != table.Name {
		return "", errors.New("condition must be one expression over the table")
	}
	where := sel.WhereClause
	if c := where.GetAConst(); c != nil && (c.GetIval() != nil || c.GetFval() != nil || c.GetBsval() != nil) {
		return "", errors.New("condition is a constant, not a boolean expression")
	}
	ck := condChecker{table: table}
	if err := ck.check(where.ProtoReflect(), 0); err != nil {
		return "", err
	}
	return deparseExpr(where)
}

// deparseExpr deparses one expression as the target of "SELECT <expr>".
func deparseExpr(expr *pg_query.Node) (string, error) {
	sel := &pg_query.SelectStmt{
		TargetList:  []*pg_query.Node{{Node: &pg_query.Node_ResTarget{ResTarget: &pg_query.ResTarget{Val: expr}}}},
		LimitOption: pg_query.LimitOption_LIMIT_OPTION_DEFAULT,
		Op:          pg_query.SetOperation_SETOP_NONE,
	}
	out, err := pg_query.Deparse(&pg_query.ParseResult{Stmts: []*pg_query.RawStmt{{
		Stmt: &pg_query.Node{Node: &pg_query.Node_SelectStmt{SelectStmt: sel}},
	}}})
	if err != nil {
		return "", fmt.Errorf("condition: deparse: %w", err)
	}
	expr2, ok := strings.CutPrefix(out, "SELECT ")
	if !ok || expr2 == "" {
		return "", errors.New("condition: unexpected deparse output")
	}
	return expr2, nil
}

// condChecker walks an expression tree, admitting only allowlisted node
// kinds; every field of every admitted node is walked too, so a node kind
// added by a future parser version is refused rather than overlooked.
type condChecker struct{ table relname.Name }

func (ck *condChecker) check(m protoreflect.Message, depth int) error {
	if depth > maxConditionDepth {
		return errors.New("condition is nested too deeply")
	}
	switch x := m.Interface().(type) {
	case *pg_query.Node, *pg_query.List, *pg_query.String, *pg_query.Integer, *pg_query.Float,
		*pg_query.Boolean, *pg_query.BitString, *pg_query.A_Const, *pg_query.BoolExpr,
		*pg_query.NullTest, *pg_query.BooleanTest, *pg_query.TypeCast, *pg_query.TypeName,
		*pg_query.A_ArrayExpr, *pg_query.CaseExpr, *pg_query.CaseWhen, *pg_query.CoalesceExpr,
		*pg_query.MinMaxExpr, *pg_query.SQLValueFunction, *pg_query.RowExpr,
		*pg_query.CollateClause, *pg_query.A_Indirection, *pg_query.A_Indices:
	case *pg_query.A_Expr:
		if err := checkOperator(x.Name); err != nil {
			return err
		}
	case *pg_query.ColumnRef:
		if err := ck.checkColumn(x); err != nil {
			return err
		}
	case *pg_query.FuncCall:
		if err := checkFunc(x); err != nil {
			return err
		}
	case *pg_query.SubLink:
		return errors.New("sub-selects are not allowed in a subset condition (the subset follows foreign keys itself)")
	case *pg_query.ParamRef:
		return errors.New("parameters ($n) are not allowed in a subset condition")
	case *pg_query.A_Star:
		return errors.New("* is not allowed in a subset condition")
	default:
		return fmt.Errorf("%s is not allowed in a subset condition", m.Descriptor().Name())
	}
	var err error
	pbwalk.Fields(m, func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Message() == nil {
			return true
		}
		if fd.IsList() {
			l := v.List()
			for i := 0; i < l.Len() && err == nil; i++ {
				err = ck.check(l.Get(i).Message(), depth+1)
			}
		} else {
			err = ck.check(v.Message(), depth+1)
		}
		return err == nil
	})
	return err
}

func stringsOf(nodes []*pg_query.Node) ([]string, bool) {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		s := n.GetString_()
		if s == nil {
			return nil, false
		}
		out = append(out, s.Sval)
	}
	return out, true
}

// checkOperator admits operators written bare or as OPERATOR(pg_catalog.op).
func checkOperator(name []*pg_query.Node) error {
	parts, ok := stringsOf(name)
	if !ok || len(parts) == 0 || len(parts) > 2 || (len(parts) == 2 && parts[0] != "pg_catalog") {
		return errors.New("only unqualified or pg_catalog operators are allowed in a subset condition")
	}
	return nil
}

func checkFunc(f *pg_query.FuncCall) error {
	parts, ok := stringsOf(f.Funcname)
	if !ok || len(parts) == 0 || len(parts) > 2 || (len(parts) == 2 && parts[0] != "pg_catalog") {
		return errors.New("only pg_catalog functions are allowed in a subset condition")
	}
	fn := parts[len(parts)-1]
	if !subsetFuncs[fn] {
		return fmt.Errorf("function %s is not allowed in a subset condition", pgx.Identifier{fn}.Sanitize())
	}
	if len(f.AggOrder) > 0 || f.AggFilter != nil || f.Over != nil || f.AggWithinGroup || f.AggStar ||
		f.AggDistinct || f.FuncVariadic {
		return fmt.Errorf("function %s: aggregate and window syntax is not allowed in a subset condition", fn)
	}
	return nil
}

// checkColumn admits col, table.col and schema.table.col of the subset's
// own table.
func (ck *condChecker) checkColumn(c *pg_query.ColumnRef) error {
	parts, ok := stringsOf(c.Fields)
	if !ok {
		return errors.New("* is not allowed in a subset condition")
	}
	other := func() error {
		return fmt.Errorf("column %s names another table: a condition may only use columns of %s",
			strings.Join(parts, "."), ck.table)
	}
	switch len(parts) {
	case 1:
	case 2:
		if parts[0] != ck.table.Name {
			return other()
		}
	case 3:
		if parts[0] != ck.table.Schema || parts[1] != ck.table.Name {
			return other()
		}
	default:
		return other()
	}
	return nil
}
