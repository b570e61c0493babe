// Package relname is the one name of a relation that every part of pgveil
// uses: the rules file's table entries, the live catalog, the dump (direct
// and filter), the lineage analysis, the proxy and `pgveil check` all key
// tables by Name. The dump filter also keys the domains it learns from the
// stream by Name: a type's qualified name has the same shape and spelling.
//
// It sits below every other package of the module (it imports only pgx, for
// quoting) so that the rules and the catalog can share it without either
// importing the other.
//
// Invariants:
//   - A Name holds the catalog's spelling, case and all: two names are the
//     same relation exactly when they are equal (==), so Name is a map key.
//   - SQL text gets a name only through Quoted, never by concatenating
//     Schema and Name; String is for messages and labels.
//   - Less and Compare give the one stable order (schema, then relation
//     name) that reports and dumps list tables in.
package relname
