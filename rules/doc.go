// Package rules owns the rules file (pgveil.yaml): it loads it with
// gopkg.in/yaml.v3, validates every part of it, and resolves each
// (schema, table, column) to a Decision — the mask the dump streamer, the
// proxy and `pgveil check` apply.
//
// Rules.Decide (decide.go) is the one function that decides what a column of
// a stored table becomes — kept, masked with its rule's mask bound to the
// column's type, or refused (rows: none, a mask that does not fit the type,
// NULL into NOT NULL) — with the rules of the table or of the partition or
// inheritance ancestor it takes them from (Governing). Every front-end calls
// it: the proxy for each result field with a base-table origin
// (proxy.planner.baseColumn), the dump for each column of a COPY or INSERT
// of the direct dump and of the pg_dump filter (dump.planTable), and
// `pgveil check` for each column it reports (coverage.Check). Each words the
// refusal for its own users; none re-derives the decision.
//
// Invariants:
//   - Every problem names file:line:col and says what is valid instead; all
//     problems of a file are reported together in one *Error. Unknown keys
//     are errors anywhere in the file.
//   - Fail closed: a column no rule mentions is masked to NULL unless the
//     file says `unlisted: keep`; the zero Unlisted is UnlistedMask, and a
//     Decision's Masker is never nil.
//   - The masking key is read only from the environment or a file, never has
//     a default, and never appears in an error. Neither does a password.
//   - Pseudonym domains: the semantic type's name when a rule goes through a
//     type, else the mask name plus its parameters rendered like
//     anonymize.MapParams.Canonical (so a bare `email` has domain "email").
//     The same file and key always give the same masks.
//   - Parsing never panics on input and stays bounded on hostile YAML
//     (aliases are budgeted, nesting is capped).
//   - Rules is immutable after Parse and safe for concurrent use. The package
//     knows nothing about connections or the catalog: names match exactly,
//     and ancestors come from the caller through the Parents interface.
//   - The zero Verdict refuses: a column nobody decided fails closed.
package rules
