// Package coverage is the logic of `pgveil check`: it compares the rules
// with the live schema and reports, for every column of every table,
// partitioned table and foreign table, what the rules make of it (a Row),
// and every mistake it finds (a Problem): rules naming tables or columns the
// schema lacks, masks that do not fit their column's type, NULL masks on
// NOT NULL columns, non-bijective masks on unique keys, foreign keys whose
// two ends are masked into different pseudonym domains and, when strict,
// columns no rule classifies.
//
// The decision itself is not made here: every column goes through
// rules.Rules.Decide, the function the proxy and the dump call too, with the
// catalog snapshot as the partition and inheritance ancestry. This package
// only words the verdicts for the rules' author.
//
// Invariants:
//   - Read-only and offline: it reads a catalog.Snapshot and the rules,
//     never a connection.
//   - One verdict per column: each is decided once and the row, the column
//     problems and the foreign-key problems read that same verdict.
//   - Deterministic: rows come by table name then attnum, problems by rule
//     position then table, column and kind; a mistake shared by a
//     partitioned table and its partitions is reported once, on the table
//     whose rules apply (or the partition root).
//   - Views and materialized views are not rows of the report: they hold no
//     data of their own.
package coverage
