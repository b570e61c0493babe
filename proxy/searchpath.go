package proxy

import (
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/lineage"
)

// The session's search_path decides which table a name means, so the
// analysis must see the path the server uses. The proxy follows SET
// search_path itself, and asks the server (SHOW search_path) whenever it
// cannot know the value: at session start (a role or database may set
// it), after RESET or DISCARD ALL, and when a transaction end, a rollback
// to a savepoint or an error may have undone a SET it followed.
//
// pathStale says the proxy's value may be wrong; pathTouched that a SET of
// search_path ran since the value was last read from the server, so a
// rollback could undo it. pathGen changes with every change of the value:
// a statement prepared under another value is not bound (PostgreSQL would
// re-analyse it under the new path at execution).

// notePathChange records a change of the path the analysis uses.
func (s *session) notePathChange() {
	s.pathTouched = true
	s.pathGen++
}

// endExchange runs at each ReadyForQuery: an error or a transaction
// statement after a SET of search_path may have undone it.
func (s *session) endExchange(sawError, txControl bool) {
	if s.pathTouched && (sawError || txControl) {
		s.pathStale = true
	}
}

// endLocalPath drops a SET LOCAL path at the end of its transaction.
func (s *session) endLocalPath() {
	if s.localPath != nil {
		s.localPath = nil
		s.pathGen++
	}
}

// currentPath is the path the analysis uses.
func (s *session) currentPath() []string {
	if s.localPath != nil {
		return s.localPath
	}
	return s.searchPath
}

var errPathUnknown = errors.New("search_path unknown")

// freshPath reads the path from the server when it is stale and the
// session is between exchanges; otherwise it reports errPathUnknown while
// stale. In a failed transaction the server refuses SHOW (and every other
// statement but the transaction's end), so the value is read after it.
func (s *session) freshPath() error {
	if !s.pathStale {
		return nil
	}
	if s.txStatus == 'E' || s.pipe.busy() {
		// A SHOW now would end the extended protocol's implicit
		// transaction (and with it a SET LOCAL) or be discarded.
		return errPathUnknown
	}
	v, err := s.showSearchPath()
	if err != nil {
		return err
	}
	path := lineage.SplitSearchPath(v)
	if !slices.Equal(path, s.currentPath()) {
		s.pathGen++
	}
	if s.txStatus == 'I' {
		s.searchPath, s.localPath = path, nil
		s.pathTouched = false
	} else {
		// Inside a transaction the value may be a SET LOCAL one: it ends
		// with the transaction, which makes the path stale again.
		s.localPath = path
	}
	s.pathStale = false
	return nil
}

// showSearchPath runs SHOW search_path on the upstream connection; nothing
// of it reaches the client.
func (s *session) showSearchPath() (string, error) {
	s.fe.Send(&pgproto3.Query{String: "SHOW search_path"})
	if err := s.fe.Flush(); err != nil {
		return "", fmt.Errorf("upstream: %w", err)
	}
	var value string
	var got bool
	var failed error
	for {
		msg, err := s.fe.Receive()
		if err != nil {
			return "", fmt.Errorf("upstream: %w", err)
		}
		switch m := msg.(type) {
		case *pgproto3.DataRow:
			if len(m.Values) == 1 && m.Values[0] != nil {
				value, got = string(m.Values[0]), true
			}
		case *pgproto3.ErrorResponse:
			failed = fmt.Errorf("SHOW search_path failed: SQLSTATE %s", m.Code)
		case *pgproto3.ReadyForQuery:
			s.txStatus = m.TxStatus
			if failed != nil {
				return "", failed
			}
			if !got {
				return "", errors.New("SHOW search_path returned no value")
			}
			return value, nil
		case *pgproto3.RowDescription, *pgproto3.CommandComplete, *pgproto3.NoticeResponse,
			*pgproto3.ParameterStatus, *pgproto3.NotificationResponse:
		default:
			return "", fmt.Errorf("unexpected %T from upstream: %w", msg, errClosed)
		}
	}
}

// changesPath: running st may leave the server's search_path other than
// the proxy's value until the proxy reads it again.
func changesPath(st *lineage.Statement) bool {
	switch st.Class {
	case lineage.ClassTransaction, lineage.ClassDiscard:
		return true
	}
	return false
}

// onlyTransactionEnds: every statement is a transaction statement, which
// needs no names resolved (what a failed transaction still accepts).
func onlyTransactionEnds(an *lineage.Analysis) bool {
	for i := range an.Statements {
		if an.Statements[i].Class != lineage.ClassTransaction {
			return false
		}
	}
	return true
}

// checkParameter ends the session when the server reports a setting under
// which pg_query would read statements differently from the server (see
// lineage.SafeClientEncoding); the gate refuses the SETs that change them,
// this catches any other way (a role's default, a function).
func (s *session) checkParameter(m *pgproto3.ParameterStatus) error {
	if err := lexingParameter(m.Name, m.Value); err != nil {
		s.cancelUpstream()
		return &clientError{resp: pgError(sevFatal, "0A000", "pgveil: "+err.Error(), "use client_encoding UTF8 and standard_conforming_strings on"),
			cause: fmt.Errorf("%w: %w", err, errClosed)}
	}
	return nil
}

// lexingParameter checks one reported setting.
func lexingParameter(name, value string) error {
	switch name {
	case "standard_conforming_strings":
		if value != "on" {
			return errors.New("standard_conforming_strings is off on the server: pgveil reads statements with it on")
		}
	case "client_encoding":
		if !lineage.SafeClientEncoding(value) {
			return fmt.Errorf("client_encoding %s is not accepted: its multibyte characters can hide quotes and backslashes", value)
		}
	}
	return nil
}
