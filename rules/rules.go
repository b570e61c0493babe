package rules

import (
	"os"
	"sort"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
)

// Options adjusts how a rules file is loaded.
type Options struct {
	// Getenv reads environment variables (key.env); default os.Getenv.
	Getenv func(string) string
	// ReadFile reads files (key.file); default os.ReadFile. Relative paths
	// are resolved against the rules file's directory.
	ReadFile func(string) ([]byte, error)
	// NoKey is for `pgveil check`: the key section is validated but not
	// read, masks are built with a random throwaway key and Rules.Key is nil.
	NoKey bool
}

// Unlisted says what happens to columns no rule mentions.
type Unlisted uint8

const (
	// UnlistedMask (the zero value: fail-closed) turns them into NULL.
	UnlistedMask Unlisted = iota
	// UnlistedKeep passes them unchanged.
	UnlistedKeep
)

func (u Unlisted) String() string {
	if u == UnlistedKeep {
		return "keep"
	}
	return "mask"
}

// Source says which kind of rule decided a column.
type Source uint8

const (
	SourceRule         Source = iota // a column rule naming a mask
	SourceType                       // a column rule naming a semantic type
	SourceTableDefault               // the table's default:
	SourceUnlisted                   // the top-level unlisted: fallback
)

func (s Source) String() string {
	switch s {
	case SourceRule:
		return "rule"
	case SourceType:
		return "type"
	case SourceTableDefault:
		return "table default"
	default:
		return "unlisted"
	}
}

// Decision is how one column is masked.
type Decision struct {
	Masker    anonymize.Masker // never nil
	Mask      string           // mask name: "keep", "null", "email", ...
	Type      string           // semantic type name when the rule names one, else ""
	Domain    string           // pseudonym domain
	Bijective bool             // distinct inputs give distinct outputs
	Source    Source
	Pos       Pos // where the deciding rule is; zero for unlisted
}

// Keeps reports whether the decision leaves values unchanged.
func (d Decision) Keeps() bool { return d.Mask == "keep" }

// ColumnRule is one entry under a table's columns:.
type ColumnRule struct {
	Name     string
	Pos      Pos
	Decision Decision
}

// TableRule is one entry under tables:.
type TableRule struct {
	Schema, Table string
	Pos           Pos
	RowsNone      bool      // rows: none
	Default       *Decision // the table's default:, nil when absent
	Columns       []ColumnRule
}

// TypeRule is one entry under types:.
type TypeRule struct {
	Name     string
	Pos      Pos
	Decision Decision // Source is SourceType; Pos is the type's position
}

// Rules is a validated rules file. It is immutable and safe for concurrent use.
type Rules struct {
	File     string
	Locale   string
	Unlisted Unlisted
	// Key is the masking secret; nil when loaded with Options.NoKey.
	Key *anonymize.Key
	// Proxy is the proxy: section; nil when absent.
	Proxy *Proxy

	types    []TypeRule
	tables   []tableEntry
	byName   map[relname.Name]int // index into tables
	unlisted Decision
	// knownNames is shared by every scrub mask of this file: the front-ends
	// publish the database's person names there (the one mutable part).
	knownNames *anonymize.KnownNamesRef
}

// KnownNames is where a front-end publishes the known-name index that the
// scrub masks of these rules read.
func (r *Rules) KnownNames() *anonymize.KnownNamesRef { return r.knownNames }

// NameColumn is one column whose values are person names: a rule masks it
// with first_name, last_name or full_name (directly or through a type).
type NameColumn struct {
	Table    relname.Name
	Column   string
	Decision Decision
}

// NameColumns lists the name columns of the rules, sorted by schema, table
// and column: the order in which a known-name index must take them.
func (r *Rules) NameColumns() []NameColumn {
	var out []NameColumn
	for _, t := range r.tables {
		for _, c := range t.rule.Columns {
			if anonymize.NamePartOf(c.Decision.Masker) != anonymize.PartNone {
				out = append(out, NameColumn{Table: relname.Name{Schema: t.rule.Schema, Name: t.rule.Table}, Column: c.Name, Decision: c.Decision})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if c := a.Table.Compare(b.Table); c != 0 {
			return c < 0
		}
		return a.Column < b.Column
	})
	return out
}

// EachNameColumn calls fn for every name column, in NameColumns' order, with
// the mask that gives its values their pseudonyms; it stops at fn's first
// error and returns it. Its signature names no type of this package, so
// catalog.LoadKnownNames can take the rules without importing them.
func (r *Rules) EachNameColumn(fn func(table relname.Name, column string, m anonymize.Masker) error) error {
	for _, nc := range r.NameColumns() {
		if err := fn(nc.Table, nc.Column, nc.Decision.Masker); err != nil {
			return err
		}
	}
	return nil
}

type tableEntry struct {
	rule TableRule
	cols map[string]int // index into rule.Columns
}

// Load reads and validates the rules file at path.
func Load(path string, opt Options) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{List: []Problem{{Pos: Pos{File: path}, Msg: oneLine(err.Error())}}}
	}
	return Parse(path, data, opt)
}

// Parse validates a rules file given as bytes; file names it in errors and
// anchors relative key.file paths. Every problem found is reported in one
// *Error, each with file:line:col.
func Parse(file string, data []byte, opt Options) (*Rules, error) {
	if opt.Getenv == nil {
		opt.Getenv = os.Getenv
	}
	if opt.ReadFile == nil {
		opt.ReadFile = os.ReadFile
	}
	p := newParser(file, opt)
	r := p.parse(data)
	if len(p.problems) > 0 {
		return nil, newError(p.problems)
	}
	return r, nil
}

// Column decides how (schema, table, column) is masked: the column's rule,
// else the table's default, else the unlisted fallback. Names match exactly
// (catalog spelling).
func (r *Rules) Column(schema, table, column string) Decision {
	if i, ok := r.byName[relname.Name{Schema: schema, Name: table}]; ok {
		t := &r.tables[i]
		if j, ok := t.cols[column]; ok {
			return t.rule.Columns[j].Decision
		}
		if t.rule.Default != nil {
			return *t.rule.Default
		}
	}
	return r.unlisted
}

// RowsNone reports whether the table's rows are never exposed (rows: none):
// dumps carry its schema only and the proxy refuses reads.
func (r *Rules) RowsNone(schema, table string) bool {
	i, ok := r.byName[relname.Name{Schema: schema, Name: table}]
	return ok && r.tables[i].rule.RowsNone
}

// Table returns the rule of one table, if any.
func (r *Rules) Table(schema, table string) (TableRule, bool) {
	i, ok := r.byName[relname.Name{Schema: schema, Name: table}]
	if !ok {
		return TableRule{}, false
	}
	return copyTable(r.tables[i].rule), true
}

// Tables lists every table rule in file order, with its column rules in
// file order (for `pgveil check`).
func (r *Rules) Tables() []TableRule {
	out := make([]TableRule, len(r.tables))
	for i := range r.tables {
		out[i] = copyTable(r.tables[i].rule)
	}
	return out
}

// Types lists the semantic types in file order.
func (r *Rules) Types() []TypeRule { return append([]TypeRule(nil), r.types...) }

// UnlistedDecision is the fallback for columns no rule mentions.
func (r *Rules) UnlistedDecision() Decision { return r.unlisted }

func copyTable(t TableRule) TableRule {
	t.Columns = append([]ColumnRule(nil), t.Columns...)
	if t.Default != nil {
		d := *t.Default
		t.Default = &d
	}
	return t
}
