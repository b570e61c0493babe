package proxy

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestRefusalAbortsTransaction: a statement the proxy refuses inside a
// transaction block aborts it as a server error would: the client sees
// status 'E', later statements get 25P02 until ROLLBACK, ROLLBACK TO
// SAVEPOINT ends the failure, COMMIT rolls back. Outside a block a refusal
// aborts nothing.
func TestRefusalAbortsTransaction(t *testing.T) {
	client, _, _ := startProxy(t)
	ctx := context.Background()
	pc, err := pgconn.Connect(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close(ctx)
	const refused = "SELECT lower(email) FROM customers"
	code := func(err error) string {
		var pe *pgconn.PgError
		if errors.As(err, &pe) {
			return pe.Code
		}
		return ""
	}
	exec := func(sql, wantCode string, wantStatus byte) string {
		t.Helper()
		res, err := pc.Exec(ctx, sql).ReadAll()
		if got := code(err); got != wantCode || (wantCode == "" && err != nil) {
			t.Fatalf("%s: error %v, want SQLSTATE %q", sql, err, wantCode)
		}
		if st := pc.TxStatus(); st != wantStatus {
			t.Fatalf("after %s: transaction status %c, want %c", sql, st, wantStatus)
		}
		if len(res) > 0 {
			return res[len(res)-1].CommandTag.String()
		}
		return ""
	}
	extended := func(sql, wantCode string, wantStatus byte) {
		t.Helper()
		r := pc.ExecParams(ctx, sql, nil, nil, nil, nil).Read()
		if got := code(r.Err); got != wantCode || (wantCode == "" && r.Err != nil) {
			t.Fatalf("extended %s: error %v, want SQLSTATE %q", sql, r.Err, wantCode)
		}
		if st := pc.TxStatus(); st != wantStatus {
			t.Fatalf("after extended %s: transaction status %c, want %c", sql, st, wantStatus)
		}
	}

	exec(refused, "42501", 'I')
	exec("SELECT 1", "", 'I')

	exec("BEGIN", "", 'T')
	exec("SELECT 1", "", 'T')
	exec(refused, "42501", 'E')
	exec("SELECT 1", "25P02", 'E')
	extended("SELECT 1", "25P02", 'E')
	if tag := exec("COMMIT", "", 'I'); tag != "ROLLBACK" {
		t.Fatalf("COMMIT of an aborted transaction reported %q, want ROLLBACK", tag)
	}

	exec("BEGIN", "", 'T')
	exec("SAVEPOINT a", "", 'T')
	exec(refused, "42501", 'E')
	exec("SELECT 1", "25P02", 'E')
	exec("ROLLBACK TO SAVEPOINT a", "", 'T')
	exec("SELECT 1", "", 'T')
	if tag := exec("COMMIT", "", 'I'); tag != "COMMIT" {
		t.Fatalf("COMMIT after ROLLBACK TO reported %q, want COMMIT", tag)
	}

	exec("BEGIN", "", 'T')
	extended(refused, "42501", 'E')
	extended("SELECT 1", "25P02", 'E')
	extended("ROLLBACK", "", 'I')
	exec("SELECT 1", "", 'I')
}

// TestRefusalAbortsBoundPortals: a portal bound before a refusal aborted the
// transaction is not executed afterwards (25P02), as PostgreSQL refuses it.
func TestRefusalAbortsBoundPortals(t *testing.T) {
	client, _, _ := startProxy(t)
	c := dialRaw(t, client)
	c.roundTrip(query("BEGIN"))
	got := c.roundTrip(parse("s", "SELECT id FROM customers LIMIT 1"), bind("p", "s", 0), syncMsg)
	if count(got, "ErrorResponse") != 0 {
		t.Fatalf("binding the portal: %v", kinds(got))
	}
	got = c.roundTrip(query("SELECT lower(email) FROM customers"))
	if count(got, "ErrorResponse") != 1 || got[len(got)-1].tx != 'E' {
		t.Fatalf("the refusal: %v", kinds(got))
	}
	got = c.roundTrip(execute("p", 0), syncMsg)
	if len(got) != 2 || got[0].code != "25P02" || count(got, "DataRow") != 0 || got[1].tx != 'E' {
		t.Fatalf("executing a portal bound before the failure: %v", kinds(got))
	}
	got = c.roundTrip(query("ROLLBACK"))
	if got[len(got)-1].tx != 'I' {
		t.Fatalf("ROLLBACK: %v", kinds(got))
	}
}
