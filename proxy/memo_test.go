package proxy

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/pgtest"
)

// TestMemoMatchesMask: past memoAfter rows a result's masked columns go
// through the session's memo. Every value must still be the mask of its
// original, in text and in binary, repeated values included.
func TestMemoMatchesMask(t *testing.T) {
	client, upstream, r := startProxy(t)
	ctx := context.Background()
	// Each customer twelve times, so that the memo serves repeats.
	const q = "SELECT c.first_name, c.birth_date FROM customers c, generate_series(1, 12) g ORDER BY g, c.id LIMIT 2000"
	uc := pgtest.Connect(t, upstream)
	var names []string
	var dates []*string // birth_date may be NULL
	rows, err := uc.Query(ctx, "SELECT first_name, birth_date::text FROM ("+q+") x")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		var d *string
		if err := rows.Scan(&n, &d); err != nil {
			t.Fatal(err)
		}
		names, dates = append(names, n), append(dates, d)
	}
	if rows.Err() != nil || len(names) <= 10*memoAfter {
		t.Fatalf("%d upstream rows (%v): too few to exercise the memo", len(names), rows.Err())
	}
	bound := func(col, typ string) anonymize.Bound {
		b, err := r.Column("public", "customers", col).Masker.Bind(anonymize.Column{Type: typ, MaxLen: 80})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	nameMask, dateMask := bound("first_name", "varchar"), bound("birth_date", "date")

	pc, err := pgconn.Connect(ctx, client)
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close(ctx)
	text := pc.ExecParams(ctx, q, nil, nil, nil, nil).Read()
	binary := pc.ExecParams(ctx, q, nil, nil, nil, []int16{1}).Read()
	if text.Err != nil || binary.Err != nil || len(text.Rows) != len(names) || len(binary.Rows) != len(names) {
		t.Fatalf("text %d rows (%v), binary %d rows (%v), want %d", len(text.Rows), text.Err, len(binary.Rows), binary.Err, len(names))
	}
	codec := anonymize.NewCodec()
	const dateOID = 1082
	for i := range names {
		wantName, _, _ := nameMask.Apply(nil, []byte(names[i]), false)
		if got := string(text.Rows[i][0]); got != string(wantName) {
			t.Errorf("row %d text: first_name %q, want %q", i, got, wantName)
		}
		if got := string(binary.Rows[i][0]); got != string(wantName) { // varchar's binary form is its text
			t.Errorf("row %d binary: first_name %q, want %q", i, got, wantName)
		}
		if dates[i] == nil {
			if text.Rows[i][1] != nil || binary.Rows[i][1] != nil {
				t.Errorf("row %d: NULL birth_date came back as a value", i)
			}
			continue
		}
		wantDate, _, _ := dateMask.Apply(nil, []byte(*dates[i]), false)
		if got := string(text.Rows[i][1]); got != string(wantDate) {
			t.Errorf("row %d text: birth_date %q, want %q", i, got, wantDate)
		}
		got, err := codec.BinaryToText(nil, dateOID, binary.Rows[i][1])
		if err != nil || string(got) != string(wantDate) {
			t.Errorf("row %d binary: birth_date %q (%v), want %q", i, got, err, wantDate)
		}
	}
}
