package proxy

import (
	"bytes"
	"context"
	"encoding/binary"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// functionCall is one FunctionCall message TestFunctionCallRefused sends.
type functionCall struct {
	name   string
	call   *pgproto3.FunctionCall
	marker string // what the server's result shows
}

// TestFunctionCallRefused: the FunctionCall message is answered with 42501
// and ReadyForQuery, never with the function's result, in and out of a
// transaction and in the middle of a pipeline; the session goes on. Sent to
// the server itself, the same calls return data (the poison control).
func TestFunctionCallRefused(t *testing.T) {
	client, upstream, _ := startProxy(t)
	plantCanaries(t, upstream)
	uc := pgtest.Connect(t, upstream)
	minID := createFunctionCallTargets(t, uc)
	calls := functionCalls(t, uc, minID)
	c := dialRaw(t, client)
	d := dialRaw(t, upstream)
	for _, fc := range calls {
		t.Run(fc.name, func(t *testing.T) { checkFunctionCallRefused(t, c, d, fc, minID) })
	}
}

// createFunctionCallTargets creates fc_email, a function that returns a
// customer's e-mail, and returns the lowest customer id.
func createFunctionCallTargets(t *testing.T, uc *pgx.Conn) (minID string) {
	t.Helper()
	ctx := context.Background()
	if _, err := uc.Exec(ctx, `CREATE FUNCTION fc_email(i bigint) RETURNS text LANGUAGE sql STABLE AS
		'SELECT email FROM customers WHERE id = i'`); err != nil {
		t.Fatal(err)
	}
	if err := uc.QueryRow(ctx, "SELECT min(id)::text FROM customers").Scan(&minID); err != nil {
		t.Fatal(err)
	}
	return minID
}

// procOID is the oid of the function with signature sig.
func procOID(t *testing.T, uc *pgx.Conn, sig string) uint32 {
	t.Helper()
	var o uint32
	if err := uc.QueryRow(context.Background(), "SELECT $1::regprocedure::oid", sig).Scan(&o); err != nil {
		t.Fatal(err)
	}
	return o
}

// textArgs are args as arguments in text format.
func textArgs(args ...string) [][]byte {
	var out [][]byte
	for _, a := range args {
		out = append(out, []byte(a))
	}
	return out
}

// functionCalls are calls whose results show masked data or a file.
func functionCalls(t *testing.T, uc *pgx.Conn, minID string) []functionCall {
	t.Helper()
	return []functionCall{
		{"query_to_xml", &pgproto3.FunctionCall{Function: procOID(t, uc, "pg_catalog.query_to_xml(text,boolean,boolean,text)"),
			ArgFormatCodes: []uint16{0}, Arguments: textArgs("SELECT email FROM customers", "true", "true", "")}, canary},
		{"user function", &pgproto3.FunctionCall{Function: procOID(t, uc, "public.fc_email(bigint)"),
			ArgFormatCodes: []uint16{0}, Arguments: textArgs(minID)}, canary},
		{"user function, binary", &pgproto3.FunctionCall{Function: procOID(t, uc, "public.fc_email(bigint)"),
			ArgFormatCodes: []uint16{1}, Arguments: [][]byte{binary.BigEndian.AppendUint64(nil, mustUint(t, minID))}, ResultFormatCode: 1}, canary},
		{"pg_read_file", &pgproto3.FunctionCall{Function: procOID(t, uc, "pg_catalog.pg_read_file(text)"),
			ArgFormatCodes: []uint16{0}, Arguments: textArgs("/etc/passwd")}, passwd},
		{"textout", &pgproto3.FunctionCall{Function: procOID(t, uc, "pg_catalog.textout(text)"),
			ArgFormatCodes: []uint16{0}, Arguments: textArgs(canary + "-argument")}, canary + "-argument"},
	}
}

// checkFunctionCallRefused sends fc through the proxy (c), in and out of a
// transaction and in a pipeline, and to the server itself (d).
func checkFunctionCallRefused(t *testing.T, c, d *rawConn, fc functionCall, minID string) {
	forms := append(canaryForms(), spellings(fc.marker)...)
	for _, tx := range []bool{false, true} {
		checkRefusedAlone(t, c, fc.call, tx)
	}
	// In the middle of a pipeline: the refusal, and the rows still masked.
	got := c.roundTrip(parse("", "SELECT email FROM customers WHERE id = "+minID), bind("", "", 0), fc.call, execute("", 0), syncMsg)
	if count(got, "ErrorResponse") == 0 || count(got, "FunctionCallResponse") != 0 {
		t.Errorf("in a pipeline: %v", kinds(got))
	}
	if b := c.rec.take(); containsAny(b, forms) {
		t.Errorf("LEAK: the function's result reached the client through the proxy: %q", excerpt(b, forms))
	}
	after := c.roundTrip(query("SELECT 1"))
	if g := groups(after); len(g) != 1 || len(g[0]) != 1 || string(g[0][0][0]) != "1" {
		t.Errorf("the session does not work after the call: %v", kinds(after))
	}
	c.rec.take()
	// Poison control.
	d.rec.take()
	got = d.roundTrip(fc.call)
	if count(got, "FunctionCallResponse") != 1 || !containsAny(bytes.Join(got[0].values, nil), forms) {
		t.Errorf("poison control: the server's answer shows no result (%v), so this case tests nothing", kinds(got))
	}
}

// checkRefusedAlone: call, on its own and in a transaction if tx, is
// answered with 42501 and ReadyForQuery; in a transaction the refusal
// aborts it, as a server error would (status 'E').
func checkRefusedAlone(t *testing.T, c *rawConn, call *pgproto3.FunctionCall, tx bool) {
	t.Helper()
	status := byte('I')
	if tx {
		c.roundTrip(query("BEGIN"))
		status = 'E'
	}
	got := c.roundTrip(call)
	if len(got) != 2 || got[0].kind != "ErrorResponse" || got[0].code != "42501" || got[1].kind != "ReadyForQuery" || got[1].tx != status {
		t.Errorf("in transaction %v: want ErrorResponse 42501 then ReadyForQuery %q, got %v", tx, status, kinds(got))
	}
	if tx {
		c.roundTrip(query("ROLLBACK"))
	}
}

func mustUint(t *testing.T, s string) uint64 {
	t.Helper()
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
