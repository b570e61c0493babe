// Package proxy is pgveil's PostgreSQL wire-protocol proxy: startup, TLS on
// the client leg, authentication of the proxy's own users, both query
// protocols, masking of result rows under the rules, and the audit trail.
//
// Invariants, for every file of the package:
//   - Fail closed: a message the proxy does not understand, a field whose
//     lineage is unknown, an analysis or catalog error, or a malformed
//     authentication exchange ends in a clean ErrorResponse (or a closed
//     connection), never in pass-through.
//   - A DataRow is never forwarded without the masking plan of the portal that
//     produced it.
//   - No value, password, verifier or key appears in a log line, an error sent
//     to a client, or a metric.
//   - What the proxy believes about a session (prepared statements, portals,
//     search_path) follows what the server did, not what was asked: a
//     message the server fails or skips is undone (extState.undo), and a
//     search_path a rollback or reset may have changed is read again from the
//     server before the next analysis (searchpath.go).
//   - One goroutine per session reads and writes both legs; the only other
//     ones are the per-exchange client watcher (clientconn.go), which reads
//     only while the session waits for the server, and the server's own
//     accept, refresh and metrics loops, all ended by the server's context.
//     State shared between sessions is immutable (catalog snapshot, rules,
//     cached verdicts) or synchronised (the verdict cache, the codec's pool).
package proxy
