package dump

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
)

// copyTestConn connects to the throwaway server of scripts/pg.sh.
func copyTestConn(t *testing.T) (context.Context, *pgx.Conn) {
	t.Helper()
	dsn := os.Getenv("PGVEIL_TEST_DSN")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PGVEIL_TEST_DSN is not set (CI=true requires the PostgreSQL tests)")
		}
		t.Skip("PGVEIL_TEST_DSN is not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { _ = conn.Close(context.Background()) })
	return ctx, conn
}

// awkwardColumns are the columns of the test table; every one has an
// equality operator so EXCEPT can compare rows.
const awkwardColumns = "id, t, b, arr, j, n, ts, v"

const awkwardTable = `CREATE TEMP TABLE %s (
	id  int PRIMARY KEY,
	t   text,
	b   bytea,
	arr text[],
	j   jsonb,
	n   numeric,
	ts  timestamptz,
	v   varchar(40)
)`

// awkwardRows are inserted as SQL literals (standard_conforming_strings on:
// '...' is literal, E'...' has C escapes).
var awkwardRows = []string{
	`(1, E'tab\there\nnewline\rcr', '\x00ff80417f0a095c', ARRAY['a"b', 'c,d', NULL, 'e\f', E'tab\t', '', 'NULL'],
	  '{"k": "line\nnext \"q\" \\ \u00e9", "t": "\t", "nul": null}', 1.50, '2024-02-29 23:59:59.123456+00', 'x')`,
	`(2, 'back\slash \N \. \\', '\x', ARRAY[]::text[], '[]', -0.000001, '-infinity', '')`,
	`(3, '\N', NULL, ARRAY[NULL]::text[], 'null', 'NaN', NULL, '\N')`,
	`(4, '', '', '{}', '""', 0, 'epoch', NULL)`,
	`(5, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
	`(6, E'\x01\x02\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f ctrl', '\x0102030405060708090a0b0c0d0e0f', ARRAY[E'\x01', E'\n', '\\'],
	  '{"ctl": "\u0001\u001f", "bs": "\\\\"}', 1e100, '1999-12-31 00:00:00+05:30', E'\t')`,
	`(7, 'é 日本 😀 ñ Ω', '\xc3a9e697a5f09f9880', ARRAY['é', '日本', '😀'], '{"é": "日本", "emoji": "😀"}',
	  123456789012345678901234567890.123456789, 'infinity', '日本語テキスト')`,
	`(8, '\.', '\x5c2e', ARRAY['\.', '\N'], '"\\."', 1, now(), '\.')`,
	`(9, E'\\.\n\\.\r\n', NULL, ARRAY[E'\\.\n'], '{"a": [1, "\\u0000x", {"b": null}]}', 2, NULL, E'\\')`,
	`(10, E'\\x41 \\101 \\b \\t \\\\ \\', NULL, NULL, NULL, NULL, NULL, E'\\x')`,
	`(11, repeat(E'long\tvalue\\ with escapes\n', 2000), decode(repeat('00ff5c0a', 5000), 'hex'), NULL, NULL, NULL, NULL, NULL)`,
}

// TestCopyTextAgainstPostgres reads COPY TO output of awkward values from a
// real server and checks that our codec agrees with it in both directions.
func TestCopyTextAgainstPostgres(t *testing.T) {
	ctx, conn := copyTestConn(t)
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := conn.Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", firstLine(sql), err)
		}
	}
	exec(fmt.Sprintf(awkwardTable, "awkward"))
	exec(fmt.Sprintf(awkwardTable, "awkward_copy"))
	exec("INSERT INTO awkward (" + awkwardColumns + ") VALUES " + strings.Join(awkwardRows, ",\n"))
	// Every ASCII character but NUL, and a few beyond, alone in a value.
	exec(`INSERT INTO awkward (id, t, v) SELECT 100 + i, chr(i), 'c' || chr(i) FROM generate_series(1, 127) i`)
	exec(`INSERT INTO awkward (id, t) SELECT 300 + i, chr(c) FROM unnest(ARRAY[128, 233, 255, 256, 1024, 26085, 65533, 128512]) WITH ORDINALITY AS u(c, i)`)
	// Random strings: bound as parameters, so no SQL quoting is involved.
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 300 {
		exec(`INSERT INTO awkward (id, t, arr) VALUES ($1, $2, ARRAY[$2, $3, NULL])`,
			1000+i, randomUTF8(r), randomUTF8(r))
	}

	// What the server says each value is, as text.
	want := map[string][]*string{}
	rows, err := conn.Query(ctx, `SELECT id::text, t::text, b::text, arr::text, j::text, n::text, ts::text, v::text FROM awkward`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		vals := make([]*string, 8)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		want[*vals[0]] = vals
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	if _, err := conn.PgConn().CopyTo(ctx, &out, "COPY awkward ("+awkwardColumns+") TO STDOUT"); err != nil {
		t.Fatalf("COPY TO: %v", err)
	}
	lines := bytes.Split(out.Bytes(), []byte{'\n'})
	if n := len(lines); n == 0 || len(lines[n-1]) != 0 {
		t.Fatalf("COPY output does not end with a newline")
	}
	lines = lines[:len(lines)-1]
	if len(lines) != len(want) {
		t.Fatalf("COPY gave %d lines, SELECT %d rows", len(lines), len(want))
	}

	var fields [][]byte
	var dec, reenc []byte
	var ours bytes.Buffer // our encoding of the SELECT values, for COPY FROM
	seen := map[string]bool{}
	for _, line := range lines {
		fields = SplitFields(fields, line)
		if len(fields) != 8 {
			t.Fatalf("line %q: %d fields, want 8", line, len(fields))
		}
		id := string(fields[0])
		row, ok := want[id]
		if !ok || seen[id] {
			t.Fatalf("line %q: unknown or repeated id %q", line, id)
		}
		seen[id] = true
		reenc = reenc[:0]
		for i, raw := range fields {
			if i > 0 {
				reenc = append(reenc, '\t')
				ours.WriteByte('\t')
			}
			// (a) decoding gives exactly the server's text value.
			if IsNull(raw) {
				if row[i] != nil {
					t.Errorf("id %s col %d: COPY has NULL, SELECT has %q", id, i, *row[i])
				}
				reenc = AppendNull(reenc)
				ours.Write(AppendNull(nil))
				continue
			}
			dec, err = DecodeField(dec[:0], raw)
			if err != nil {
				t.Fatalf("id %s col %d: DecodeField(%q): %v", id, i, raw, err)
			}
			if row[i] == nil {
				t.Errorf("id %s col %d: COPY has %q, SELECT has NULL", id, i, dec)
			} else if string(dec) != *row[i] {
				t.Errorf("id %s col %d: decoded %q, SELECT %q", id, i, dec, *row[i])
			}
			reenc = EncodeField(reenc, dec)
			if row[i] != nil {
				ours.Write(EncodeField(nil, []byte(*row[i])))
			}
		}
		// (b) re-encoding reproduces the server's bytes.
		if !bytes.Equal(reenc, line) {
			t.Errorf("id %s: re-encoded\n  %q\nserver\n  %q", id, reenc, line)
		}
		ours.WriteByte('\n')
	}

	// (c) the server reads our encoding back to the same rows.
	if _, err := conn.PgConn().CopyFrom(ctx, bytes.NewReader(ours.Bytes()), "COPY awkward_copy ("+awkwardColumns+") FROM STDIN"); err != nil {
		t.Fatalf("COPY FROM of our encoding: %v", err)
	}
	for _, q := range []string{
		"SELECT count(*) FROM (SELECT * FROM awkward EXCEPT ALL SELECT * FROM awkward_copy) d",
		"SELECT count(*) FROM (SELECT * FROM awkward_copy EXCEPT ALL SELECT * FROM awkward) d",
	} {
		var n int
		if err := conn.QueryRow(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s = %d, want 0", q, n)
		}
	}
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM awkward_copy").Scan(&n); err != nil || n != len(want) {
		t.Errorf("awkward_copy has %d rows (%v), want %d", n, err, len(want))
	}
}

// TestCopyTextEscapesAcceptedByPostgres feeds the server the escapes
// PostgreSQL never writes but must read (octal, hex, \x alone, escaped
// literal characters) and checks it stores what DecodeField produces. (A
// backslash-dot is left out: PostgreSQL 15 reads it as the end-of-data marker
// wherever it appears in text-format input, and EncodeField never writes one.)
func TestCopyTextEscapesAcceptedByPostgres(t *testing.T) {
	ctx, conn := copyTestConn(t)
	if _, err := conn.Exec(ctx, "CREATE TEMP TABLE escapes (id int PRIMARY KEY, t text)"); err != nil {
		t.Fatal(err)
	}
	raws := []string{
		`\101\102C`, `\1012`, `\18`, `\177`, `\x41\x4a\x4`, `\x4g`, `\x`, `\xg`, `\X41`,
		`\a\q\"\'\ \N`, "\\\t", `\N\N`, `\303\251`, `\xc3\xa9`, `\xC3\xA9`, `\\x00`, `\b\f\v\n\r\t`,
		`\u00e9`, `\e\z`,
	}
	var in bytes.Buffer
	for i, raw := range raws {
		fmt.Fprintf(&in, "%d\t%s\n", i, raw)
	}
	if _, err := conn.PgConn().CopyFrom(ctx, &in, "COPY escapes FROM STDIN"); err != nil {
		t.Fatalf("COPY FROM: %v", err)
	}
	for i, raw := range raws {
		var got *string
		if err := conn.QueryRow(ctx, "SELECT t FROM escapes WHERE id = $1", i).Scan(&got); err != nil {
			t.Fatal(err)
		}
		dec, err := DecodeField(nil, []byte(raw))
		if err != nil {
			t.Fatalf("DecodeField(%q): %v", raw, err)
		}
		if got == nil {
			t.Errorf("raw %q: server stored NULL", raw)
		} else if *got != string(dec) {
			t.Errorf("raw %q: server stored %q, DecodeField %q", raw, *got, dec)
		}
	}
}

// randomUTF8 draws a valid UTF-8 string without NUL, rich in characters
// the COPY format escapes.
func randomUTF8(r *rand.Rand) string {
	runes := []rune("\\\t\n\r\b\f\v\x01\x1f\x7fN.x0{}\",é日😀 aZ")
	var b strings.Builder
	for n := r.IntN(30); n > 0; n-- {
		if r.IntN(5) == 0 {
			c := rune(1 + r.IntN(0x10FFFF))
			if utf8.ValidRune(c) {
				b.WriteRune(c)
			}
			continue
		}
		b.WriteRune(runes[r.IntN(len(runes))])
	}
	return b.String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
