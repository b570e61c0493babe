package lineage

import (
	"errors"
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"
	"github.com/pganalyze/pg_query_go/v5/parser"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// Posture is how strictly sensitive columns may be used (doc.go,
// "Postures"). The zero value is the strict one.
type Posture uint8

const (
	// PostureStrict allows a sensitive column only as a bare output column,
	// in an equality lookup against a value not computed from sensitive data
	// (= $1, IN (...), = ANY($1)), in an equi-join with another bare column,
	// or in IS [NOT] NULL. Everything else (LIKE, ranges, functions, ORDER
	// BY, GROUP BY, ...) is refused: those are inference oracles.
	PostureStrict Posture = iota
	// PostureStandard allows sensitive columns anywhere but in the output,
	// where only bare (Direct) columns pass, to be masked.
	PostureStandard
)

func (p Posture) String() string {
	if p == PostureStandard {
		return rules.PostureStandard
	}
	return rules.PostureStrict
}

// ParsePosture reads the proxy: posture setting ("" means strict).
func ParsePosture(s string) (Posture, error) {
	switch s {
	case "", rules.PostureStrict:
		return PostureStrict, nil
	case rules.PostureStandard:
		return PostureStandard, nil
	}
	return PostureStrict, fmt.Errorf("lineage: unknown posture %q (want %s or %s)", s, rules.PostureStrict, rules.PostureStandard)
}

// Class is what kind of statement was analysed. The zero value refuses.
type Class uint8

const (
	ClassRefused     Class = iota
	ClassSelect            // SELECT and TABLE, set operations included
	ClassValues            // a top-level VALUES list
	ClassShow              // SHOW name, SHOW ALL
	ClassSet               // SET or RESET of an allowed setting, SET TRANSACTION
	ClassTransaction       // BEGIN/START (not READ WRITE), COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK TO
	ClassExplain           // EXPLAIN without ANALYZE of an allowed SELECT
	ClassDeallocate        // DEALLOCATE [ALL]: drops prepared statements, the proxy's included
	ClassDiscard           // DISCARD ALL|PLANS|SEQUENCES|TEMP: ALL also resets settings
)

var classNames = [...]string{"refused", "select", "values", "show", "set", "transaction", "explain", "deallocate", "discard"}

func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("class(%d)", c)
}

// ColumnRef names a base column: a column of a table, partitioned table or
// materialized view whose values are stored, as the rules address it.
type ColumnRef struct {
	Table  relname.Name
	Column string
}

func (c ColumnRef) String() string { return c.Table.String() + "." + c.Column }

// OutputColumn is the lineage of one result column.
type OutputColumn struct {
	Name string
	// Direct is set when the value is exactly one base column, unmodified:
	// renamed by aliases, passed through subqueries, CTEs, views and joins,
	// or through set-operation branches that all return that same column.
	// The proxy masks it with that column's rule. A cast, COLLATE or any
	// expression makes a value non-Direct.
	Direct *ColumnRef
	// Sources are the base columns the value depends on (over-approximated;
	// predicates that only filter rows are not included).
	Sources []ColumnRef
	// Sensitive: some source is not kept by the rules, or Uncertain.
	Sensitive bool
	// Uncertain: where the value comes from could not be established (a view
	// calling an unknown function, views nested too deep, ...).
	Uncertain bool
	// Many: this entry stands for zero or more result columns whose names
	// and number pgveil does not know (SELECT * over a system catalog or a
	// function without a column definition list); they all share this
	// lineage. Use Statement.Fit to align with a RowDescription.
	Many bool
}

// TxEnd is how a transaction statement ends a failed transaction.
type TxEnd uint8

const (
	TxEndNone       TxEnd = iota // not a statement a failed transaction accepts
	TxEndCommit                  // COMMIT / END: rolls a failed transaction back
	TxEndRollback                // ROLLBACK / ABORT
	TxEndRollbackTo              // ROLLBACK TO SAVEPOINT: ends the failure, not the transaction
)

// Refusal says why a statement may not run. Its text never contains a value
// from the statement or the database: only names of columns, relations,
// functions and statement kinds.
type Refusal struct {
	SQLState string
	Message  string
	Hint     string
}

func (r *Refusal) Error() string { return r.Message }

// Setting describes a SET or RESET statement (ClassSet), so that the proxy
// can track settings it depends on (search_path).
type Setting struct {
	Name   string   // lower case as PostgreSQL spells it; "transaction" for SET TRANSACTION
	Values []string // SET name TO v1, v2: the values as written (search_path: schema names)
	Local  bool     // SET LOCAL
	Reset  bool     // RESET name or SET name TO DEFAULT
	All    bool     // RESET ALL
}

// Statement is the verdict on one statement.
type Statement struct {
	Class Class
	// Refusal is nil when the statement may run. Class is ClassRefused
	// whenever Refusal is set.
	Refusal *Refusal
	// Columns describe the result of a row-returning statement, in order.
	Columns []OutputColumn
	// TouchesSensitive: the statement references a sensitive column (or a
	// value of uncertain origin) somewhere, so error, notice and notification
	// text it causes may carry values and must be scrubbed.
	TouchesSensitive bool
	// Unresolved: a relation or column was not found in the catalog snapshot.
	// The statement is refused; a fresher snapshot may resolve it.
	Unresolved bool
	// Setting is set for ClassSet.
	Setting *Setting
	// TxEnd is set for the ClassTransaction statements that end a failed
	// transaction or its failure (what PostgreSQL accepts in one).
	TxEnd TxEnd
	// Fingerprint and Normalized (literals replaced by $n) identify the
	// statement in the audit log; empty when the statement does not parse.
	Fingerprint string
	Normalized  string

	// constDependent: the verdict looked at a constant's value (a SET
	// value, ORDER BY 2), so Cache must not reuse it for other constants.
	constDependent bool
}

// Analysis is the verdict on one query string: one Statement per statement
// (a simple-protocol query may hold several; an extended-protocol Parse
// must hold exactly one, which the caller checks). An empty query string
// gives no statements.
type Analysis struct {
	Statements []Statement
}

// Refused returns the first refusal, if any.
func (a *Analysis) Refused() *Refusal {
	for i := range a.Statements {
		if r := a.Statements[i].Refusal; r != nil {
			return r
		}
	}
	return nil
}

// Options adjusts the analysis to a session.
type Options struct {
	Posture Posture
	// SearchPath is the session's search_path as schema names (SHOW
	// search_path, split with SplitSearchPath); nil means the default
	// "$user", public. pg_catalog is searched first unless listed.
	SearchPath []string
	// User replaces "$user" in SearchPath; "$user" is skipped when empty.
	User string
}

// Analyze parses one simple-query string or one extended-protocol statement
// (with $n parameters) and decides, under the snapshot and rules, what may
// run. Parse errors are refusals; the error is only for internal failures.
func Analyze(sql string, snap *catalog.Snapshot, r *rules.Rules, posture Posture) (*Analysis, error) {
	return AnalyzeWith(sql, snap, r, Options{Posture: posture})
}

// AnalyzeWith is Analyze with session options.
func AnalyzeWith(sql string, snap *catalog.Snapshot, r *rules.Rules, opt Options) (*Analysis, error) {
	if snap == nil || r == nil {
		return nil, errors.New("lineage: nil catalog snapshot or rules")
	}
	tree, err := pg.Parse(sql)
	if err != nil {
		return &Analysis{Statements: []Statement{{Refusal: parseRefusal(err)}}}, nil
	}
	out := &Analysis{Statements: make([]Statement, 0, len(tree.Stmts))}
	path := pathTracker{known: true}
	for _, raw := range tree.Stmts {
		var st Statement
		if !path.known && resolvesNames(raw.Stmt) {
			st = Statement{Refusal: &Refusal{SQLState: "0A000",
				Message: "pgveil: a statement after a search_path reset or a transaction end in the same query string cannot be analysed",
				Hint:    "send it as a separate query"}}
		} else {
			st = analyzeStatement(raw.Stmt, snap, r, opt)
			path.after(&st, &opt)
		}
		text := statementText(sql, raw)
		if fp, err := pg.Fingerprint(text); err == nil {
			st.Fingerprint = fp
		}
		st.Normalized = auditText(text)
		out.Statements = append(out.Statements, st)
	}
	return out, nil
}

// pathTracker follows search_path through the statements of one query
// string, which run in order on one session: SET search_path TO x applies
// to the statements after it. A reset (RESET, SET ... TO DEFAULT, RESET
// ALL, DISCARD ALL) goes back to a default pgveil does not know, and a
// transaction end after a change may undo it (ROLLBACK, SET LOCAL): the
// path is unknown from there on.
type pathTracker struct {
	known   bool
	changed bool
}

func (p *pathTracker) after(st *Statement, opt *Options) {
	if st.Refusal != nil {
		return
	}
	switch {
	case st.Class == ClassSet && st.Setting != nil && st.Setting.All, st.Class == ClassDiscard:
		p.known = false
	case st.Class == ClassSet && st.Setting != nil && st.Setting.Name == "search_path":
		if st.Setting.Reset {
			p.known = false
			return
		}
		opt.SearchPath = append([]string(nil), st.Setting.Values...)
		p.changed = true
	case st.Class == ClassTransaction && p.changed:
		p.known = false
	}
}

// resolvesNames reports statements whose analysis depends on search_path.
func resolvesNames(n *pg.Node) bool {
	switch n.GetNode().(type) {
	case *pg.Node_SelectStmt, *pg.Node_ExplainStmt:
		return true
	}
	return false
}

// auditText is the statement's text for the audit log: pg_query's
// normalization (constants become $n), then, because it leaves some
// constants in place (utility statements such as PREPARE, NOTIFY or COMMENT,
// ORDER BY positions) and keeps comments, every remaining constant replaced
// by ? and every comment dropped, found with PostgreSQL's own scanner.
// Empty when that fails: no text is better than a literal in the log.
func auditText(text string) string {
	norm, err := pg.Normalize(text)
	if err != nil {
		return ""
	}
	scan, err := pg.Scan(norm)
	if err != nil {
		return ""
	}
	var b strings.Builder
	last := 0
	for _, tok := range scan.Tokens {
		var repl string
		switch tok.Token {
		case pg.Token_SCONST, pg.Token_USCONST, pg.Token_BCONST, pg.Token_XCONST, pg.Token_ICONST, pg.Token_FCONST:
			repl = "?"
		case pg.Token_SQL_COMMENT, pg.Token_C_COMMENT:
		default:
			continue
		}
		start, end := int(tok.Start), int(tok.End)
		if start < last || end > len(norm) || start > end {
			return ""
		}
		b.WriteString(norm[last:start])
		b.WriteString(repl)
		last = end
	}
	b.WriteString(norm[last:])
	return strings.TrimSpace(b.String())
}

// statementText cuts one statement out of a multi-statement string; a zero
// length means "to the end".
func statementText(sql string, raw *pg.RawStmt) string {
	start, n := int(raw.StmtLocation), int(raw.StmtLen)
	if start < 0 || start > len(sql) {
		return sql
	}
	if n <= 0 || start+n > len(sql) {
		return sql[start:]
	}
	return sql[start : start+n]
}

// parseRefusal turns a parser error into a refusal without quoting the
// statement (the token near the error may be a literal holding personal data).
func parseRefusal(err error) *Refusal {
	var perr *parser.Error
	if !errors.As(err, &perr) {
		return &Refusal{SQLState: "54001", Message: "pgveil: statement too complex to analyse",
			Hint: "split it into simpler statements"}
	}
	msg := perr.Message
	if i := strings.Index(msg, " at or near "); i >= 0 {
		msg = msg[:i]
	}
	if strings.ContainsAny(msg, `"'`) || msg == "" {
		msg = "syntax error"
	}
	if perr.Cursorpos > 0 {
		msg = fmt.Sprintf("%s at character %d", msg, perr.Cursorpos)
	}
	return &Refusal{SQLState: "42601", Message: "pgveil: " + msg,
		Hint: "pgveil parses every statement with the PostgreSQL 16 grammar before it reaches the server"}
}

// Fit aligns the statement's columns with the n fields of a RowDescription,
// expanding Many entries. When the alignment is ambiguous (several Many
// entries), each field between the first and the last Many entry gets the
// union of everything in that span (never Direct). ok is false when the
// shapes cannot match: the caller must refuse.
func (s *Statement) Fit(n int) (cols []OutputColumn, ok bool) {
	first, last, fixed := -1, -1, 0
	for i, c := range s.Columns {
		if c.Many {
			if first < 0 {
				first = i
			}
			last = i
		} else {
			fixed++
		}
	}
	if first < 0 {
		if n != len(s.Columns) {
			return nil, false
		}
		return s.Columns, true
	}
	if n < fixed {
		return nil, false
	}
	tail := len(s.Columns) - 1 - last
	cols = make([]OutputColumn, 0, n)
	cols = append(cols, s.Columns[:first]...)
	mid := n - first - tail
	if first == last {
		for range mid {
			c := s.Columns[first]
			c.Many = false
			cols = append(cols, c)
		}
	} else {
		span := mergeOutputs(s.Columns[first : last+1])
		for range mid {
			cols = append(cols, span)
		}
	}
	cols = append(cols, s.Columns[last+1:]...)
	return cols, true
}

func mergeOutputs(cs []OutputColumn) OutputColumn {
	var m OutputColumn
	seen := map[ColumnRef]bool{}
	for _, c := range cs {
		m.Sensitive = m.Sensitive || c.Sensitive
		m.Uncertain = m.Uncertain || c.Uncertain
		for _, r := range c.Sources {
			if !seen[r] {
				seen[r] = true
				m.Sources = append(m.Sources, r)
			}
		}
	}
	m.Name = "?column?"
	return m
}

// SplitSearchPath splits a search_path value as SHOW reports it
// (`"$user", public, "My Schema"`) into schema names.
func SplitSearchPath(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == ',' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			break
		}
		var b strings.Builder
		if s[i] == '"' {
			i++
			for i < len(s) {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(s[i])
				i++
			}
			for i < len(s) && s[i] != ',' {
				i++
			}
		} else {
			j := i
			for i < len(s) && s[i] != ',' {
				i++
			}
			b.WriteString(strings.ToLower(strings.TrimSpace(s[j:i])))
		}
		out = append(out, b.String())
	}
	return out
}
