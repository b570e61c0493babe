package catalog

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
)

// Querier is what Load needs: a connection or a transaction (the dump loads
// the catalog inside its snapshot transaction).
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// Relation kinds (pg_class.relkind).
const (
	KindTable       = 'r'
	KindPartitioned = 'p'
	KindView        = 'v'
	KindMatView     = 'm'
	KindForeign     = 'f'
)

// Column is one live column (dropped columns are never listed).
type Column struct {
	Name      string
	Num       int16            // attnum
	Type      anonymize.Column // canonical base type (domains resolved), length limit, array-ness
	TypeOID   uint32           // atttypid (the domain's OID for domain columns)
	TypeSQL   string           // format_type(atttypid, atttypmod), for messages
	NotNull   bool
	Generated bool // GENERATED ALWAYS AS (...) STORED: never dumped, recomputed on restore
	Identity  bool
}

// ForeignKey is one FOREIGN KEY constraint of a table.
type ForeignKey struct {
	Name       string
	Columns    []string // in the referencing table, in constraint order
	RefTable   relname.Name
	RefColumns []string // in the referenced table, same order
}

// Table is a relation with its columns and keys.
type Table struct {
	Name       relname.Name
	OID        uint32
	Kind       byte
	Columns    []Column      // attnum order
	Parent     *relname.Name // partition parent or first inheritance parent
	Partition  bool          // a partition of Parent (pg_class.relispartition), not an inheritance child
	PrimaryKey []string
	Unique     [][]string // unique constraints and unique indexes (without the primary key)
	ForeignKey []ForeignKey
	Rows       int64 // reltuples estimate (0 when unknown)
	Bytes      int64 // pg_table_size
	ViewDef    string
}

// HoldsRows reports whether the relation holds rows the rules govern:
// tables, partitioned tables (through their partitions) and foreign tables.
// Views and materialized views derive theirs from base tables.
func (t *Table) HoldsRows() bool {
	return t.Kind == KindTable || t.Kind == KindPartitioned || t.Kind == KindForeign
}

// Column returns the named column.
func (t *Table) Column(name string) (Column, bool) {
	for _, c := range t.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// Snapshot is the schema as read at one moment. It is immutable.
type Snapshot struct {
	Tables map[relname.Name]*Table // every table, partitioned table, view, materialized view and foreign table of user schemas
	ByOID  map[uint32]*Table

	// Functions names every function, procedure, aggregate and window
	// function (pg_proc) and Operators every operator (pg_operator) defined
	// in a schema other than pg_catalog and information_schema, except the
	// members of installed extensions (see userNamesQuery). A call of a builtin's name may resolve to one of
	// them (overload resolution, or search_path order), so the analysis
	// cannot take such a name for the builtin. Nil in snapshots built by
	// hand: no such definitions.
	Functions UserNames
	Operators UserNames
	// Domains names the domains of the same schemas: a cast to one runs
	// its CHECK constraints, which may call any function.
	Domains UserNames
	// ViewSearchPath is the loading session's effective search_path
	// (current_schemas(false)): the view definitions (ViewDef) leave
	// unqualified exactly the names it finds. Nil in snapshots built by
	// hand, which mean public.
	ViewSearchPath []string
}

// Parent returns the partition or first inheritance parent of n: the
// ancestry the rules fall back along (rules.Parents).
func (s *Snapshot) Parent(n relname.Name) (relname.Name, bool) {
	if s == nil {
		return relname.Name{}, false
	}
	if t := s.Tables[n]; t != nil && t.Parent != nil {
		return *t.Parent, true
	}
	return relname.Name{}, false
}

// UserNames maps a lower-cased function or operator name to the schemas
// that define one by that name: sorted, each once, spelled as in the
// catalog.
type UserNames map[string][]string

// Schemas returns the schemas that define name, compared case-insensitively
// (so "UPPER" counts for upper: a false match only refuses more); nil when
// none does.
func (u UserNames) Schemas(name string) []string { return u[strings.ToLower(name)] }
