// Package verify proves an anonymized output clean: it indexes the original
// values of the masked columns of a live database and streams a plain SQL
// dump (as `pgveil dump` and `pgveil anonymize` write it, any text really)
// through one Aho-Corasick automaton of them, reporting every value found
// by output line, section and originating column — the logic of
// `pgveil verify`.
//
// Job, in order: PlanColumns decides per column what is searched
// (policy.go: by mask and type; first and last names only as pairs of a
// row; json columns at their mask's paths; scrub, date, number, city and
// postcode columns not at all), Collect reads the distinct values in the
// caller's read-only snapshot, Builder.Build compiles them, Index.Scan
// streams the output, OpenInput decompresses it (gzip, zstd).
//
// Invariants:
//   - No original value is ever printed, logged or put in an error: a
//     finding carries the origin, the line, the section and a keyed
//     fingerprint (HMAC-SHA256 of the lower-cased value, 12 hex digits).
//   - Streaming: Scan's memory is its 1 MiB buffer (plus four 1 MiB
//     read-ahead buffers and the decompressor's window for .gz/.zst) and
//     the index; the index grows with the values indexed, never with the
//     output. Large regions are scanned in four lanes (lanes.go) that find
//     exactly what one scan finds. The
//     automaton's state carries across reads, and a needle split across
//     two reads is found like any other (the scan keeps one byte of
//     lookahead and never cuts a rune).
//   - Matching is case-insensitive (ASCII, and every rune whose lower case
//     has the same UTF-8 length), on word boundaries (letters, digits, _
//     and non-ASCII bytes make words; a COPY or JSON escape such as \n
//     before a value is a boundary), for the value as stored and as it is
//     spelled in COPY rows, SQL literals and JSON strings.
//   - Fail closed: a read or decompression error ends the scan with an
//     error, never with a partial "clean"; a mask this package does not
//     know is searched whole.
//   - Input is data: no input makes Scan panic or allocate without bound.
package verify
