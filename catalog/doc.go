// Package catalog reads the live schema of a PostgreSQL database: relations
// (tables, partitioned tables, views, materialized views, foreign tables),
// their columns with canonical types and length limits, primary, unique and
// foreign keys, size estimates and view definitions; the names of the
// functions and operators defined outside the system schemas (which may
// shadow builtins of the same name); and Check, the logic of
// `pgveil check`, which compares the rules with that schema (missing tables
// and columns, masks that do not fit, non-bijective masks on unique keys,
// foreign keys across pseudonym domains, unlisted columns).
//
// Invariants:
//   - Read-only: it issues SELECTs on pg_catalog only, never reads table data.
//   - A Snapshot is immutable once loaded; callers share it across goroutines.
//   - Names are the catalog's spelling; quoting for SQL goes through
//     Name.Quoted, never string concatenation.
package catalog
