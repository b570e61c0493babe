// Package anonymize owns the masks: the keyed, deterministic transformations
// that replace one personal value by a fake one, and the registry that maps a
// mask name from the rules file to its constructor.
//
// Invariants:
//   - Determinism: every mask output is a pure function of (key, pseudonym
//     domain, parameters, input). Nothing is seeded from time or global state,
//     so the proxy and the dump streamer give the same output for the same input.
//   - Masks declared Bijective (keep, email, iban, card, phone, digits, uuid) map
//     distinct inputs to distinct outputs, so unique constraints survive a restore.
//   - NULL stays NULL unless the mask is "null"; outputs respect the column's
//     length limit (varchar(n), char(n)).
//   - Fail closed: the zero Bound refuses to produce a value, and a mask that
//     cannot be applied returns an error instead of the input.
//   - The package knows nothing about PostgreSQL connections or SQL; it works on
//     the text representation of values (and converts binary ones via pgtype).
//     It never logs values or the key.
package anonymize
