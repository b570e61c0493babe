// Package rules owns the rules file (pgveil.yaml): it loads it with
// gopkg.in/yaml.v3, validates every part of it, and resolves each
// (schema, table, column) to a Decision — the mask the dump streamer, the
// proxy and `pgveil check` apply.
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
//     knows nothing about connections or the catalog: names match exactly.
package rules
