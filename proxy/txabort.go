package proxy

import (
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/lineage"
)

// A statement the proxy refuses never reaches the server, so the server's
// transaction block stays open where PostgreSQL would have aborted it on an
// error. Scripts rely on that (a failed step must not be followed by
// statements that succeed), so the session keeps the client's view itself:
// after a refusal inside a transaction block the client sees status 'E',
// every statement but the ones that end the failure is refused with
// 25P02, as PostgreSQL does, and COMMIT rolls back.

// noteRefusal aborts the client's transaction block, if one is open.
func (s *session) noteRefusal() {
	if s.txStatus == 'T' {
		s.txAborted = true
	}
}

// abortedRefusal is the refusal of st in a transaction the proxy aborted;
// nil when st may run (ROLLBACK, ROLLBACK TO SAVEPOINT, COMMIT).
func (s *session) abortedRefusal(st *lineage.Statement) *lineage.Refusal {
	if !s.txAborted || (st != nil && st.TxEnd != lineage.TxEndNone) {
		return nil
	}
	return &lineage.Refusal{SQLState: "25P02", Message: "current transaction is aborted, commands ignored until end of transaction block",
		Hint: "pgveil refused a statement of this transaction, which aborts it as an error would: ROLLBACK (or ROLLBACK TO SAVEPOINT) first"}
}

// abortedCommit reports a COMMIT of a transaction the proxy aborted: it is
// sent as ROLLBACK, which is what PostgreSQL does with it (and reports).
func (s *session) abortedCommit(st *lineage.Statement) bool {
	return s.txAborted && st != nil && st.TxEnd == lineage.TxEndCommit
}

// readyStatus turns the server's transaction status into the client's.
func (s *session) readyStatus(m *pgproto3.ReadyForQuery) *pgproto3.ReadyForQuery {
	if !s.txAborted {
		return m
	}
	if m.TxStatus != 'T' {
		s.txAborted = false // the block ended, or failed on the server too
		return m
	}
	return &pgproto3.ReadyForQuery{TxStatus: 'E'}
}

// endedFailure: a ROLLBACK TO SAVEPOINT completed, which ends the failure.
func (s *session) endedFailure(st *lineage.Statement) {
	if st != nil && st.TxEnd == lineage.TxEndRollbackTo {
		s.txAborted = false
	}
}
