// Package proxy is pgveil's PostgreSQL wire-protocol proxy: the connection
// phases (TLS on the client leg, startup checks, authentication of the
// proxy's own users, the upstream connection, the greeting), both query
// protocols, masking of result rows under the rules, reload, audit and
// metrics.
//
// Where things are:
//   - connection.go: the phases of a connection, each a function returning
//     an error; Server.handle is the one place that turns an error into the
//     FATAL the client sees (clientError).
//   - generation.go: the immutable generation (rules, catalog snapshot,
//     posture, settings) a statement is decided under, and reloadPolicy,
//     the list of what a reload may change.
//   - session.go: the session's loop and the simple Query; extended.go: the
//     extended protocol's client side. Both push onto one expectation queue
//     (queue.go).
//   - relay.go: the one relay of the server's answers for both protocols:
//     plan lookup, masking, withholding, error and notice scrubbing, audit
//     events (audit.go) and metrics.
//   - plan.go: what a result field becomes (base-table columns through
//     rules.Rules.Decide); masker.go: rewriting rows under a plan.
//   - clientout.go: buffered writes to the client with a sticky first
//     error, and pgError, the constructor of every ErrorResponse the proxy
//     writes itself.
//
// Invariants, for every file of the package:
//   - Fail closed: a message the proxy does not understand, a field whose
//     lineage is unknown, an analysis or catalog error, or a malformed
//     authentication exchange ends in a clean ErrorResponse (or a closed
//     connection), never in pass-through.
//   - A DataRow is never forwarded without the masking plan of the portal
//     (or simple-Query statement) that produced it; session.answerRow is the
//     only place rows are sent.
//   - A statement is analysed, planned and masked under one generation.
//   - No value, password, verifier or key appears in a log line, an error sent
//     to a client, or a metric.
//   - What the proxy believes about a session (prepared statements, portals,
//     search_path) follows what the server did, not what was asked: a
//     message the server fails or skips is undone (pipeline.undo), and a
//     search_path a rollback or reset may have changed is read again from the
//     server before the next analysis (searchpath.go).
//   - One goroutine per session reads and writes both legs; the only other
//     ones are the per-exchange client watcher (clientconn.go), which reads
//     only while the session waits for the server, the watcher that cancels
//     the upstream query of a vanished client (session.run), short-lived
//     senders of cancel requests (cancelUpstream) and of refusals over
//     max_connections (refuseBusy), which change no session state, and the
//     server's own accept, refresh and metrics loops, all ended by the
//     server's context. State shared between sessions is immutable
//     (generations) or synchronised (the verdict cache, the codec's pool,
//     the known-name index).
package proxy
