// Package dump owns the dump streamer: the COPY text codec, the filter that
// anonymizes a plain-format pg_dump stream, and the output sinks.
//
// Invariants:
//   - Every byte that is not the value of a masked column passes unchanged:
//     DDL, comments, psql meta-commands (\connect, \restrict), kept columns.
//   - Each column's fate is decided in one place (catalog.plan) from the rules;
//     a column the rules cannot bind to its type stops the run — a value is
//     never written unmasked because its mask did not fit.
//   - Streaming in constant memory: one line of COPY data, one SQL statement
//     at a time; writes are coalesced through a large buffer.
//   - Output goes to a temporary file renamed onto the target only after
//     complete success; on any error nothing is left at the target path.
//   - No value and no key is ever logged.
package dump
