package proxy

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// TestSystemColumnsServed: ctid, xmin, xmax, cmin, cmax and tableoid
// describe a row version, not its values: they come back as the server
// reports them, next to masked columns of the same row, in the simple
// protocol and in the extended protocol in text and binary format.
func TestSystemColumnsServed(t *testing.T) {
	client, upstream, _ := startProxy(t)
	ctx := context.Background()
	const sql = "SELECT ctid, xmin, xmax, cmin, cmax, tableoid, email FROM customers WHERE id = 3"
	direct := pgtest.Connect(t, upstream)
	var ctid, xmin, xmax, cmin, cmax, tableoid, email string
	if err := direct.QueryRow(ctx, "SELECT ctid::text, xmin::text, xmax::text, cmin::text, cmax::text, tableoid::text, email FROM customers WHERE id = 3").
		Scan(&ctid, &xmin, &xmax, &cmin, &cmax, &tableoid, &email); err != nil {
		t.Fatal(err)
	}
	pc, err := pgconn.Connect(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close(ctx)
	check := func(mode string, row [][]byte) {
		t.Helper()
		if len(row) != 7 {
			t.Fatalf("%s: %d columns, want 7", mode, len(row))
		}
		if string(row[6]) == email || len(row[6]) == 0 {
			t.Errorf("%s: email not masked", mode)
		}
	}
	res, err := pc.Exec(ctx, sql).ReadAll()
	if err != nil {
		t.Fatalf("simple protocol: %v", err)
	}
	row := res[0].Rows[0]
	check("simple", row)
	for i, want := range []string{ctid, xmin, xmax, cmin, cmax, tableoid} {
		if string(row[i]) != want {
			t.Errorf("simple: system column %d is %q, the server says %q", i, row[i], want)
		}
	}
	text := pc.ExecParams(ctx, sql, nil, nil, nil, nil).Read()
	if text.Err != nil {
		t.Fatalf("extended protocol, text: %v", text.Err)
	}
	check("extended text", text.Rows[0])
	if string(text.Rows[0][0]) != ctid || string(text.Rows[0][5]) != tableoid {
		t.Errorf("extended text: ctid %q tableoid %q, the server says %q and %q", text.Rows[0][0], text.Rows[0][5], ctid, tableoid)
	}
	bin := pc.ExecParams(ctx, sql, nil, nil, nil, []int16{1}).Read()
	if bin.Err != nil {
		t.Fatalf("extended protocol, binary: %v", bin.Err)
	}
	if len(bin.Rows) != 1 || len(bin.Rows[0]) != 7 || len(bin.Rows[0][0]) != 6 {
		t.Fatalf("extended binary: want one row of 7 columns with a 6-byte ctid, got %v", bin.Rows)
	}
}
