// Package lineage decides, from SQL text alone, what the proxy may let
// through: which statements run (the statement gate), where every result
// column comes from (output-column lineage) and whether sensitive columns
// are used in ways that reveal them (the posture). It parses with
// pg_query_go (PostgreSQL 16's grammar) and reads the catalog snapshot and
// the rules; it never talks to a database.
//
// Invariants:
//   - Fail closed. Every statement kind, function, operator, expression and
//     FROM item not known to be safe is refused; the zero values (Class,
//     Posture) are the refusing/strict ones. An allowed statement never has
//     an output column that is Sensitive but not Direct: Analyze refuses a
//     value derived from a masked column itself, because no mask applies to
//     it. Parse errors are refusals.
//   - Over-approximate. A value depends on every base column any of its
//     inputs depends on; what pgveil cannot follow is Uncertain, and
//     Uncertain counts as sensitive.
//   - Direct means exactly one base column, unmodified: renamed by aliases,
//     passed through subqueries, CTEs (recursive ones to a fixpoint), views,
//     materialized views (through their definitions), joins (USING/NATURAL
//     merged columns, FULL JOIN only when both sides are the same column)
//     and set operations whose branches are all that column. Casts,
//     COLLATE and any expression end it.
//   - Refusal text names columns, relations, functions and statement kinds,
//     never a literal of the statement (literals may be personal data and
//     refusals are logged).
//
// How the proxy uses an Analysis:
//   - One Statement per statement of a simple query; an extended-protocol
//     Parse must hold exactly one. A Statement with a Refusal must not reach
//     the server; with several statements in one simple query, refuse the
//     whole message when any is refused.
//   - Columns describe the result; align them with the RowDescription's
//     fields with Statement.Fit (when it fails, the result's shape is not
//     what pgveil analysed: refuse). Mask a Sensitive column with its Direct
//     column's verdict (rules.Rules.Decide, with the snapshot as ancestry);
//     pass a non-sensitive one. A field whose origin (table OID, attnum) is a
//     stored table should name that same column as Direct: use the origin
//     and refuse on disagreement. Origins that are views or materialized
//     views name the view, not the table the values come from: use Direct.
//   - When TouchesSensitive is set, scrub error, notice and notification
//     text caused by the statement.
//   - Unresolved means a name was not in the snapshot: refresh the catalog
//     and analyse again before giving up.
//   - search_path is session state the analysis depends on: pass the
//     session's value in Options.SearchPath. Setting reports SET/RESET; after
//     a change of search_path, RESET ALL, DISCARD ALL, or the end of a
//     transaction in which search_path changed (ROLLBACK and SET LOCAL undo
//     it), re-read it with SHOW search_path before analysing further
//     statements. Within one query string Analyze applies SET search_path to
//     the statements after it and refuses name-resolving statements after a
//     reset or a transaction end.
//
// Postures. Strict (the default) lets a sensitive value appear only as a
// bare output column, in an equality with a value not computed from
// sensitive data (= $1, = 'x', IN (...), = ANY($1), IS [NOT] DISTINCT
// FROM), in an equality with another bare column (equi-join, USING,
// NATURAL), or in IS [NOT] NULL / IS TRUE tests; any computation on it
// (functions, operators, casts, COLLATE, constructors, CASE, aggregates,
// windows), ordering (ORDER BY, DISTINCT [ON], GROUP BY, window keys,
// UNION/INTERSECT/EXCEPT deduplication) and any other predicate is refused.
// Standard allows all of that; in both postures only Direct columns may be
// output. View definitions are not checked against the posture: their
// author chose their predicates, the client cannot vary them.
//
// Known limits (residual risks, closed elsewhere or accepted):
//   - Equality lookups confirm guesses, and a join with a generated set of
//     guesses confirms many at once; strict closes prefix, range and
//     function oracles, not dictionary attacks.
//   - Row order is not analysed: a plan may return rows in the order of a
//     sensitive column (an index scan for IS NOT NULL, a merge join on an
//     equi-joined column, sort-based grouping).
//   - Functions and operators are judged by name. A builtin's name that a
//     user schema defines too (the snapshot lists them; members of
//     installed extensions are trusted like built-ins and not listed) is
//     refused unless qualified with pg_catalog, so a snapshot
//     older than such a definition misses it until the next refresh. An
//     allowed extension function's name is trusted in any schema: a user
//     function by that name is taken for the extension's. Casts and
//     operators on user-defined types are taken to compute from their
//     operands.
//   - Only the first inheritance parent of a table is known; a table with
//     several parents is not part of the other parents' families.
//   - View definitions are resolved with the catalog loader's effective
//     search_path (Snapshot.ViewSearchPath): pg_get_viewdef qualifies every
//     name that path does not find.
//   - The catalog snapshot is as old as its last load: the proxy loads it
//     every minute, on unknown relations, and about a second after DDL
//     commits (it watches the catalogs' newest row versions). Until then,
//     DDL that keeps OIDs (CREATE OR REPLACE VIEW) is judged on the old
//     definitions. Rules name columns: renaming a column moves its rule.
package lineage
