package dump

import (
	"fmt"
	"sort"
	"strconv"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// INSERT statements (pg_dump --inserts, --column-inserts, --rows-per-insert):
// the constants of masked columns are replaced in place, located through the
// parse tree and the scanner's token boundaries; every other byte of the
// statement is kept.

type splice struct {
	start, end int
	text       []byte
}

func (fr *filterRun) rewriteInserts(sql []byte, stmts []*pg_query.RawStmt) error {
	scan, err := pg_query.Scan(string(sql))
	if err != nil {
		return fr.fail(fr.stmtStart, "scan INSERT: %v", err)
	}
	toks := scan.GetTokens()
	var edits []splice
	drop := map[int]bool{} // statement index -> left out (rows: none)
	for si, rs := range stmts {
		ins := rs.GetStmt().GetInsertStmt()
		if ins == nil {
			continue
		}
		p, err := fr.insertPlan(ins)
		if err != nil {
			return fr.fail(fr.stmtStart, "%v", err)
		}
		fr.seenTables[p.table] = true
		sel := ins.GetSelectStmt().GetSelectStmt()
		if sel == nil || len(sel.GetValuesLists()) == 0 {
			if p.masked > 0 || p.rowsNone {
				return fr.fail(fr.stmtStart, "INSERT into %s without a VALUES list cannot be masked", p.table)
			}
			continue
		}
		fr.stats.Rows += int64(len(sel.GetValuesLists()))
		if p.rowsNone {
			drop[si] = true
			fr.stats.DroppedRows += int64(len(sel.GetValuesLists()))
			continue
		}
		if p.masked == 0 {
			continue
		}
		for _, vl := range sel.GetValuesLists() {
			items := vl.GetList().GetItems()
			if len(items) != len(p.cols) {
				return fr.fail(fr.stmtStart, "INSERT into %s: %d values for %d columns", p.table, len(items), len(p.cols))
			}
			for i, item := range items {
				cp := &p.cols[i]
				if cp.keep || item.GetSetToDefault() != nil {
					continue
				}
				e, err := fr.maskConst(sql, toks, item, cp)
				if err != nil {
					return fr.fail(fr.stmtStart, "INSERT into %s column %s: %v", p.table, cp.name, err)
				}
				edits = append(edits, e)
			}
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	// Write statement by statement so dropped ones can be left out.
	pos := 0
	ei := 0
	for si, rs := range stmts {
		start, end := int(rs.GetStmtLocation()), len(sql)
		if si < len(stmts)-1 {
			end = int(stmts[si+1].GetStmtLocation())
		}
		if drop[si] {
			fr.write(sql[pos:start])
			pos = end
			continue
		}
		for ; ei < len(edits) && edits[ei].start < end; ei++ {
			fr.write(sql[pos:edits[ei].start])
			fr.write(edits[ei].text)
			pos = edits[ei].end
		}
	}
	fr.write(sql[pos:])
	return nil
}

func (fr *filterRun) insertPlan(ins *pg_query.InsertStmt) (*tablePlan, error) {
	q := rangeVarName(ins.GetRelation())
	var cols []string
	for _, c := range ins.GetCols() {
		cols = append(cols, c.GetResTarget().GetName())
	}
	if len(cols) == 0 {
		t, ok := fr.cat.tables[q]
		if !ok {
			return nil, fmt.Errorf("INSERT into %s has no column list and its CREATE TABLE was not seen; dump with --column-inserts or include the schema", q)
		}
		for _, c := range t.cols {
			cols = append(cols, c.name)
		}
	}
	key := q.String()
	for _, c := range cols {
		key += "\x00" + c
	}
	if p, ok := fr.insertPlans[key]; ok {
		return p, nil
	}
	p, err := fr.plan(q, cols)
	if err != nil {
		return nil, err
	}
	fr.insertPlans[key] = p
	return p, nil
}

// maskConst computes the replacement for one value of a masked column.
func (fr *filterRun) maskConst(sql []byte, toks []*pg_query.ScanToken, item *pg_query.Node, cp *columnPlan) (splice, error) {
	node := item
	if tc := item.GetTypeCast(); tc != nil {
		node = tc.GetArg() // 'value'::type: replace the constant, keep the cast
	}
	ac := node.GetAConst()
	if ac == nil {
		return splice{}, fmt.Errorf("value is an expression, not a constant; only constants can be masked")
	}
	start := int(ac.GetLocation())
	k := sort.Search(len(toks), func(i int) bool { return int(toks[i].GetStart()) >= start })
	if k == len(toks) || int(toks[k].GetStart()) != start {
		return splice{}, fmt.Errorf("cannot locate the constant at offset %d", start)
	}
	end := int(toks[k].GetEnd())
	if string(sql[start:end]) == "-" && k+1 < len(toks) { // negative number: '-' then the number
		end = int(toks[k+1].GetEnd())
	}
	var val []byte
	quoted := false
	null := ac.GetIsnull()
	switch v := ac.GetVal().(type) {
	case *pg_query.A_Const_Sval:
		val, quoted = []byte(v.Sval.GetSval()), true
	case *pg_query.A_Const_Ival:
		val = strconv.AppendInt(nil, int64(v.Ival.GetIval()), 10)
	case *pg_query.A_Const_Fval:
		val = []byte(v.Fval.GetFval())
	case *pg_query.A_Const_Boolval:
		val = []byte(strconv.FormatBool(v.Boolval.GetBoolval()))
	case *pg_query.A_Const_Bsval:
		val, quoted = []byte(v.Bsval.GetBsval()), true
	default:
		if !null {
			return splice{}, fmt.Errorf("unsupported constant")
		}
	}
	out, outNull, err := cp.bound.Apply(fr.maskBuf[:0], val, null)
	fr.maskBuf = out
	if err != nil {
		return splice{}, err
	}
	var text []byte
	switch {
	case outNull:
		text = []byte("NULL")
	case !quoted && isNumber(out):
		text = append([]byte(nil), out...)
		fr.stats.MaskedValues++
	default:
		text = appendQuoted(nil, out)
		fr.stats.MaskedValues++
	}
	return splice{start: start, end: end, text: text}, nil
}

func isNumber(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	_, err := strconv.ParseFloat(string(b), 64)
	return err == nil && b[0] != '+' && b[len(b)-1] != '.'
}

// appendQuoted appends a standard-conforming string literal.
func appendQuoted(dst, s []byte) []byte {
	dst = append(dst, '\'')
	for _, c := range s {
		if c == '\'' {
			dst = append(dst, '\'')
		}
		dst = append(dst, c)
	}
	return append(dst, '\'')
}
