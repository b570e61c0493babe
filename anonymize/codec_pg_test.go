package anonymize

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// testConn connects to the test server, or skips (fails under CI=true).
func testConn(t *testing.T) *pgconn.PgConn {
	t.Helper()
	dsn := os.Getenv("PGVEIL_TEST_DSN")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PGVEIL_TEST_DSN is not set (run scripts/test.sh)")
		}
		t.Skip("PGVEIL_TEST_DSN is not set")
	}
	c, err := pgconn.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// TestCodecAgainstServer asks the server for each value in text and in
// binary format and checks the codec converts one into the other.
func TestCodecAgainstServer(t *testing.T) {
	conn := testConn(t)
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'").ReadAll(); err != nil {
		t.Fatal(err)
	}
	codec := NewCodec()
	for _, expr := range []string{
		"'Mario Rossi'::text", "'é日本'::varchar(10)", "'ab'::char(4)", "'x'::name",
		"42::int2", "'-2147483648'::int4", "9223372036854775807::int8",
		"123456789.0123456789::numeric", "'NaN'::numeric", "0.000001::numeric(10,6)", "-1.5e3::numeric",
		"1.5::float4", "-0.1::float8", "1e300::float8",
		"'2024-02-29'::date", "'0044-03-15 BC'::date", "'infinity'::date",
		"'2024-03-15 10:11:12.123456'::timestamp", "'2024-03-15 10:11:12.5+05:30'::timestamptz",
		"'-infinity'::timestamptz",
		`'{"email": "a@b.c", "n": [1, 2]}'::jsonb`, `'{"a" :1}'::json`,
		"'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", "true",
	} {
		t.Run(expr, func(t *testing.T) {
			sql := "SELECT " + expr
			text := queryOne(t, conn, sql, 0)
			bin := queryOne(t, conn, sql, 1)
			oid := queryOID(t, conn, sql)
			got, err := codec.BinaryToText(nil, oid, bin.val)
			if err != nil {
				t.Fatalf("BinaryToText: %v", err)
			}
			back, err := codec.TextToBinary(nil, oid, text.val)
			if err != nil {
				t.Fatalf("TextToBinary(%q): %v", text.val, err)
			}
			// Binary spellings may differ (numeric digit groups): compare
			// what the server's and our binary mean, through the codec.
			backText, err := codec.BinaryToText(nil, oid, back)
			if err != nil || !bytes.Equal(backText, got) {
				t.Errorf("TextToBinary(%q) means %q, server binary means %q (%v)", text.val, backText, got, err)
			}
			again, err := codec.TextToBinary(nil, oid, got)
			if againText, _ := codec.BinaryToText(nil, oid, again); err != nil || !bytes.Equal(againText, got) {
				t.Errorf("text %q from binary does not encode back: %x vs %x (%v)", got, again, bin.val, err)
			}
		})
	}
}

type field struct{ val []byte }

func queryOne(t *testing.T, conn *pgconn.PgConn, sql string, format int16) field {
	t.Helper()
	rr := conn.ExecParams(context.Background(), sql, nil, nil, nil, []int16{format})
	var out field
	for rr.NextRow() {
		out.val = append([]byte(nil), rr.Values()[0]...)
	}
	if _, err := rr.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

func queryOID(t *testing.T, conn *pgconn.PgConn, sql string) uint32 {
	t.Helper()
	sd, err := conn.Prepare(context.Background(), "", sql, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sd.Fields[0].DataTypeOID
}
