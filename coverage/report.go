package coverage

import (
	"github.com/pgveil/pgveil/internal/relname"
	"github.com/pgveil/pgveil/rules"
)

// Row is one column of the coverage report of `pgveil check`.
type Row struct {
	Table      relname.Name
	Column     string
	Num        int16
	TypeSQL    string
	Mask       string
	Type       string       // semantic type, "" when the decision names none
	Source     rules.Source // rule, type, table default or unlisted
	RowsNone   bool         // the table's rows are never exposed (rows: none)
	RulesTable relname.Name // whose rules decided: the table, or the ancestor it inherits them from
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
	Table  relname.Name
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
