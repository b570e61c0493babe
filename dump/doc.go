// Package dump owns the dump streamer: the COPY text codec, the filter that
// anonymizes a plain-format pg_dump stream (Filter), the dump taken straight
// from a live database (Direct), and the output sinks.
//
// Direct works on one exported snapshot. pg_dump writes the schema sections
// and the sequence values from it; the table rows go through one pipeline
// whatever --jobs is (tabledata.go):
//   - Readers, one per snapshot connection (the first is the snapshot's own
//     connection), take tables off a schedule and cut each table's COPY data
//     into batches of whole lines, counting the rows and bytes they read.
//   - Maskers, one per CPU and shared by every reader, mask the batches.
//   - A drain takes one table's batches in the order they were read and
//     writes each once it is masked, between the table's COPY header and its
//     end-of-data line; it then counts the table as done (Progress).
//   - The writer emits the tables in name order. A table whose reader starts
//     it when every table before it has been read streams straight to the
//     output; any other is drained into an unlinked spill file that the
//     writer copies when its turn comes. A single reader takes the tables in
//     name order, so --jobs 1 never spills; several readers take the largest
//     first.
//
// Every goroutine belongs to one errgroup: the first error (naming its
// table) cancels the others and is the one returned.
//
// Invariants:
//   - Every byte that is not the value of a masked column passes unchanged:
//     DDL, comments, psql meta-commands (\connect, \restrict), kept columns.
//   - Each column's fate is decided in one place, rules.Rules.Decide (which
//     the proxy and `pgveil check` call too), through planTable for the
//     direct dump and the filter alike; a column the rules cannot bind to
//     its type stops the run — a value is never written unmasked because its
//     mask did not fit.
//   - Streaming in constant memory: one SQL statement at a time, COPY data in
//     batches of about 256 KiB of which a bounded number are in flight; a
//     table is never held whole in memory (a spilled one waits on disk).
//     Writes are coalesced through large buffers.
//   - The output does not depend on timing: a direct dump is byte-identical
//     whatever --jobs is.
//   - Output goes to a temporary file renamed onto the target only after
//     complete success; on any error nothing is left at the target path.
//   - No value and no key is ever logged.
package dump
