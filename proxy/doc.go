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
package proxy
