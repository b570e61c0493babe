package catalog

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
)

// userRelations selects the relations Load reads: tables, partitioned
// tables, views, materialized views and foreign tables outside the system
// schemas. Every query below restricts itself to this set, so one query per
// kind of information covers all relations at once.
const userRelations = `
SELECT c.oid
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp%'`

const relationsQuery = `
SELECT c.oid, n.nspname, c.relname, c.relkind::text, c.relispartition,
       c.reltuples::float8,
       coalesce(pg_catalog.pg_table_size(c.oid), 0),
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END,
       pn.nspname, pc.relname
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_inherits ih ON ih.inhrelid = c.oid AND ih.inhseqno = 1
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = ih.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
WHERE c.oid IN (` + userRelations + `)`

const columnsQuery = `
SELECT a.attrelid, a.attname, a.attnum, a.atttypid, a.atttypmod,
       pg_catalog.format_type(a.atttypid, a.atttypmod),
       a.attnotnull, a.attgenerated <> '', a.attidentity <> ''
FROM pg_catalog.pg_attribute a
WHERE a.attrelid IN (` + userRelations + `)
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`

// typesQuery reads every type the columns use plus, transitively, the base
// types of domains and the element types of arrays, so base types are
// resolved in Go without one query per column.
const typesQuery = `
WITH RECURSIVE ty AS (
    SELECT t.oid, t.typname, t.typtype, t.typbasetype, t.typelem, t.typcategory, t.typtypmod
    FROM pg_catalog.pg_type t
    WHERE t.oid IN (SELECT a.atttypid FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid IN (` + userRelations + `)
                      AND a.attnum > 0 AND NOT a.attisdropped)
  UNION
    SELECT t.oid, t.typname, t.typtype, t.typbasetype, t.typelem, t.typcategory, t.typtypmod
    FROM pg_catalog.pg_type t
    JOIN ty ON t.oid = ty.typbasetype OR (ty.typcategory = 'A' AND t.oid = ty.typelem)
)
SELECT oid, typname, typtype::text, typbasetype, typelem, typcategory::text, typtypmod FROM ty`

// keysQuery lists primary keys, unique constraints and the unique indexes
// that back no constraint (valid, without predicate or expression; only the
// key columns, not INCLUDE ones), each with its column names in key order,
// by name.
const keysQuery = `
SELECT k.relid, k.name, k.kind, k.cols FROM (
    SELECT c.conrelid AS relid, c.conname::text AS name, c.contype::text AS kind,
           ARRAY(SELECT a.attname::text
                 FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord)
                 JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num
                 ORDER BY k.ord) AS cols
    FROM pg_catalog.pg_constraint c
    WHERE c.contype IN ('p', 'u') AND c.conrelid IN (` + userRelations + `)
  UNION ALL
    SELECT i.indrelid, ic.relname::text, 'u',
           ARRAY(SELECT a.attname::text
                 FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(num, ord)
                 JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
                 WHERE k.ord <= i.indnkeyatts
                 ORDER BY k.ord)
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indisunique AND NOT i.indisprimary AND i.indisvalid
      AND i.indpred IS NULL AND i.indexprs IS NULL
      AND i.indrelid IN (` + userRelations + `)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c
                      WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                        AND c.contype IN ('p', 'u'))
) k
ORDER BY k.relid, k.kind, k.name`

// foreignKeysQuery lists foreign keys with their column names in constraint
// order. When a key references a partitioned table, PostgreSQL adds internal
// copies of it (same referencing table, one per referenced partition); they
// are left out. Copies on the partitions of a referencing partitioned table
// are real constraints of those partitions and stay.
const foreignKeysQuery = `
SELECT c.conrelid, c.conname::text, rn.nspname, rc.relname,
       ARRAY(SELECT a.attname::text
             FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num
             ORDER BY k.ord),
       ARRAY(SELECT a.attname::text
             FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num
             ORDER BY k.ord)
FROM pg_catalog.pg_constraint c
JOIN pg_catalog.pg_class rc ON rc.oid = c.confrelid
JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE c.contype = 'f' AND c.conrelid IN (` + userRelations + `)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint p
                  WHERE p.oid = c.conparentid AND p.conrelid = c.conrelid)
ORDER BY c.conrelid, c.conname`

// userNamesQuery lists, in one round trip, the name and schema of every
// function, procedure and aggregate ('f'), every operator ('o') and every
// domain ('d': its CHECK constraints run code on a cast) outside
// pg_catalog and information_schema, once per name and schema. Members of
// installed extensions are left out: citext or hstore define = and || for
// their own types, and counting them would refuse those operators
// everywhere; an extension's functions compute from their arguments (the
// same trust pgveil gives the built-ins), unlike a function written for one
// database, which may read any table.
const userNamesQuery = `
SELECT 'f', p.proname::text, n.nspname::text
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
UNION
SELECT 'o', o.oprname::text, n.nspname::text
FROM pg_catalog.pg_operator o
JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_operator'::regclass AND d.objid = o.oid AND d.deptype = 'e')
UNION
SELECT 'd', t.typname::text, n.nspname::text
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')`

// Load reads the schema of every relation in user schemas (all but
// pg_catalog, information_schema, pg_toast* and pg_temp*), and the names of
// the functions and operators of every schema but pg_catalog and
// information_schema (Snapshot.Functions, Snapshot.Operators). It runs a fixed
// number of catalog queries whatever the number of tables; inside a
// REPEATABLE READ transaction the result matches that transaction's snapshot.
func Load(ctx context.Context, q Querier) (*Snapshot, error) {
	s := &Snapshot{Tables: map[relname.Name]*Table{}, ByOID: map[uint32]*Table{}}
	// pg_get_viewdef leaves unqualified the names this session's
	// search_path finds: the view definitions are read under it.
	if err := q.QueryRow(ctx, "SELECT pg_catalog.current_schemas(false)::text[]").Scan(&s.ViewSearchPath); err != nil {
		return nil, fmt.Errorf("catalog: read search_path: %w", err)
	}
	if s.ViewSearchPath == nil {
		s.ViewSearchPath = []string{}
	}
	if err := loadRelations(ctx, q, s); err != nil {
		return nil, err
	}
	types, err := loadTypes(ctx, q)
	if err != nil {
		return nil, err
	}
	if err := loadColumns(ctx, q, s, types); err != nil {
		return nil, err
	}
	if err := loadKeys(ctx, q, s); err != nil {
		return nil, err
	}
	if err := loadForeignKeys(ctx, q, s); err != nil {
		return nil, err
	}
	if err := loadUserNames(ctx, q, s); err != nil {
		return nil, err
	}
	return s, nil
}

func loadRelations(ctx context.Context, q Querier, s *Snapshot) error {
	rows, err := q.Query(ctx, relationsQuery)
	if err != nil {
		return fmt.Errorf("catalog: read relations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			t                      Table
			kind                   string
			tuples                 float64
			viewDef                *string
			parentSchema, parentNm *string
		)
		if err := rows.Scan(&t.OID, &t.Name.Schema, &t.Name.Name, &kind, &t.Partition,
			&tuples, &t.Bytes, &viewDef, &parentSchema, &parentNm); err != nil {
			return fmt.Errorf("catalog: read relations: %w", err)
		}
		t.Kind = kind[0]
		t.Rows = clampRows(tuples)
		if viewDef != nil {
			t.ViewDef = *viewDef
		}
		if parentSchema != nil && parentNm != nil {
			t.Parent = &relname.Name{Schema: *parentSchema, Name: *parentNm}
		}
		tp := &t
		s.Tables[t.Name] = tp
		s.ByOID[t.OID] = tp
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("catalog: read relations: %w", err)
	}
	return nil
}

// clampRows turns reltuples into a row estimate: -1 (never analyzed, since
// PostgreSQL 14) and other nonsense become 0.
func clampRows(f float64) int64 {
	if math.IsNaN(f) || f <= 0 {
		return 0
	}
	if f >= math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(f)
}

type pgType struct {
	name     string
	typtype  byte // b base, d domain, e enum, c composite, r range, m multirange, p pseudo
	base     uint32
	elem     uint32
	category byte
	typmod   int32
}

func loadTypes(ctx context.Context, q Querier) (map[uint32]pgType, error) {
	rows, err := q.Query(ctx, typesQuery)
	if err != nil {
		return nil, fmt.Errorf("catalog: read types: %w", err)
	}
	defer rows.Close()
	types := map[uint32]pgType{}
	for rows.Next() {
		var (
			oid               uint32
			t                 pgType
			typtype, category string
		)
		if err := rows.Scan(&oid, &t.name, &typtype, &t.base, &t.elem, &category, &t.typmod); err != nil {
			return nil, fmt.Errorf("catalog: read types: %w", err)
		}
		t.typtype, t.category = typtype[0], category[0]
		types[oid] = t
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("catalog: read types: %w", err)
	}
	return types, nil
}

// maxTypeDepth bounds the walk through domains and arrays; real chains are a
// few steps long.
const maxTypeDepth = 64

// resolveType follows domains to their base type and arrays to their element
// type. The typmod of a domain column is on the domain (the column's own is
// -1), so the first typmod met on the way down is the one that applies.
func resolveType(types map[uint32]pgType, oid uint32, typmod int32) (anonymize.Column, error) {
	var c anonymize.Column
	for range maxTypeDepth {
		t, ok := types[oid]
		if !ok {
			return c, fmt.Errorf("type %d not found in pg_type", oid)
		}
		switch {
		case t.typtype == 'd':
			if typmod < 0 {
				typmod = t.typmod
			}
			oid = t.base
		case t.category == 'A' && t.elem != 0:
			c.Array = true
			oid = t.elem
		default:
			c.Type = anonymize.CanonicalType(t.name)
			if (c.Type == "varchar" || c.Type == "bpchar") && typmod >= 4 {
				c.MaxLen = int(typmod - 4)
			}
			return c, nil
		}
	}
	return c, fmt.Errorf("type %d: domains or arrays nested more than %d deep", oid, maxTypeDepth)
}

func loadColumns(ctx context.Context, q Querier, s *Snapshot, types map[uint32]pgType) error {
	rows, err := q.Query(ctx, columnsQuery)
	if err != nil {
		return fmt.Errorf("catalog: read columns: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			relid  uint32
			c      Column
			typmod int32
		)
		if err := rows.Scan(&relid, &c.Name, &c.Num, &c.TypeOID, &typmod, &c.TypeSQL,
			&c.NotNull, &c.Generated, &c.Identity); err != nil {
			return fmt.Errorf("catalog: read columns: %w", err)
		}
		t := s.ByOID[relid]
		if t == nil { // created after the relations were read (outside a snapshot)
			continue
		}
		c.Type, err = resolveType(types, c.TypeOID, typmod)
		if err != nil {
			return fmt.Errorf("catalog: column %s.%s: %w", t.Name, c.Name, err)
		}
		t.Columns = append(t.Columns, c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("catalog: read columns: %w", err)
	}
	return nil
}

func loadKeys(ctx context.Context, q Querier, s *Snapshot) error {
	rows, err := q.Query(ctx, keysQuery)
	if err != nil {
		return fmt.Errorf("catalog: read keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			relid      uint32
			name, kind string
			cols       []string
		)
		if err := rows.Scan(&relid, &name, &kind, &cols); err != nil {
			return fmt.Errorf("catalog: read keys: %w", err)
		}
		t := s.ByOID[relid]
		if t == nil {
			continue
		}
		if kind == "p" {
			t.PrimaryKey = cols
		} else {
			t.Unique = append(t.Unique, cols)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("catalog: read keys: %w", err)
	}
	return nil
}

func loadForeignKeys(ctx context.Context, q Querier, s *Snapshot) error {
	rows, err := q.Query(ctx, foreignKeysQuery)
	if err != nil {
		return fmt.Errorf("catalog: read foreign keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			relid uint32
			fk    ForeignKey
		)
		if err := rows.Scan(&relid, &fk.Name, &fk.RefTable.Schema, &fk.RefTable.Name, &fk.Columns, &fk.RefColumns); err != nil {
			return fmt.Errorf("catalog: read foreign keys: %w", err)
		}
		t := s.ByOID[relid]
		if t == nil {
			continue
		}
		t.ForeignKey = append(t.ForeignKey, fk)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("catalog: read foreign keys: %w", err)
	}
	return nil
}

func loadUserNames(ctx context.Context, q Querier, s *Snapshot) error {
	rows, err := q.Query(ctx, userNamesQuery)
	if err != nil {
		return fmt.Errorf("catalog: read functions and operators: %w", err)
	}
	defer rows.Close()
	s.Functions, s.Operators, s.Domains = UserNames{}, UserNames{}, UserNames{}
	for rows.Next() {
		var kind, name, schema string
		if err := rows.Scan(&kind, &name, &schema); err != nil {
			return fmt.Errorf("catalog: read functions and operators: %w", err)
		}
		names := s.Functions
		switch kind {
		case "o":
			names = s.Operators
		case "d":
			names = s.Domains
		}
		names.add(name, schema)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("catalog: read functions and operators: %w", err)
	}
	return nil
}

// add records that schema defines name, keeping the schemas sorted and
// unique (names differing only in case share an entry).
func (u UserNames) add(name, schema string) {
	key := strings.ToLower(name)
	if i, found := slices.BinarySearch(u[key], schema); !found {
		u[key] = slices.Insert(u[key], i, schema)
	}
}

// Sorted lists the relations ordered by schema, then name: the stable order
// of reports and dumps.
func (s *Snapshot) Sorted() []*Table {
	out := make([]*Table, 0, len(s.Tables))
	for _, t := range s.Tables {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name.Less(out[j].Name) })
	return out
}
