package proxy

import (
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/lineage"
)

// severity of an ErrorResponse the proxy writes itself.
type severity string

const (
	sevError severity = "ERROR" // the statement fails, the session goes on
	sevFatal severity = "FATAL" // the session ends
)

// pgError builds every ErrorResponse the proxy writes itself: a SQLSTATE
// clients can act on, a message saying pgveil decided it, and a hint on
// what to do instead.
func pgError(sev severity, code, msg, hint string) *pgproto3.ErrorResponse {
	return &pgproto3.ErrorResponse{Severity: string(sev), SeverityUnlocalized: string(sev), Code: code, Message: msg, Hint: hint}
}

// refusalError is the ErrorResponse of a statement the proxy refused.
func refusalError(r *lineage.Refusal) *pgproto3.ErrorResponse {
	return pgError(sevError, r.SQLState, r.Message, r.Hint)
}

// clientOut buffers the messages for the client and keeps the first write
// error, as pgproto3.Backend keeps the first encoding error: senders never
// check, and the error comes back from flush (or err) where the caller
// can stop. After a failed write nothing more is written.
type clientOut struct {
	be      *pgproto3.Backend
	pending int  // bytes buffered since the last flush
	unsent  bool // messages buffered since the last flush
	err     error
}

// flushEvery bounds what the client leg buffers before a write: results are
// streamed, never held whole.
const flushEvery = 256 << 10

// send buffers m (about size bytes on the wire) and writes the buffer once
// it holds flushEvery bytes.
func (o *clientOut) send(m pgproto3.BackendMessage, size int) {
	if o.err != nil {
		return
	}
	o.be.Send(m)
	o.unsent = true
	o.pending += size
	if o.pending >= flushEvery {
		o.flush()
	}
}

// flush writes what is buffered; nothing buffered, no system call.
func (o *clientOut) flush() error {
	if o.err != nil || !o.unsent {
		return o.err
	}
	o.pending, o.unsent = 0, false
	o.err = o.be.Flush()
	return o.err
}
