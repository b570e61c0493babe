// Package catalog reads the live schema of a PostgreSQL database: relations
// (tables, partitioned tables, views, materialized views, foreign tables),
// their columns with canonical types and length limits, primary, unique and
// foreign keys, size estimates and view definitions; the names of the
// functions, operators and domains defined outside the system schemas
// (functions and operators may shadow builtins of the same name, a cast to
// a domain runs its checks); and the known-name index (the distinct values
// of the name columns the rules list).
//
// It does not import the rules: a Snapshot gives the partition and
// inheritance ancestry the rules fall back along (Snapshot.Parent, a
// rules.Parents), and LoadKnownNames takes the name columns through a small
// interface of plain types. Comparing the rules with the schema is package
// coverage's job.
//
// Invariants:
//   - Read-only: Load issues SELECTs on pg_catalog only; LoadKnownNames
//     reads the distinct values of the name columns and no other data.
//   - A Snapshot is immutable once loaded; callers share it across goroutines.
//   - Names are the catalog's spelling (relname.Name); quoting for SQL goes
//     through Name.Quoted, never string concatenation.
package catalog
