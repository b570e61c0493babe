package dump

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/rules"
)

// The tables are sized so that the largest is neither first nor last in name
// order: with several readers it is read first and must wait for a_small in
// a spill file, while a_small streams straight to the output. b_big spans
// several batches. In e_bad the number mask meets a string in row 777.
const directSchema = `
CREATE TABLE public.a_small (id int PRIMARY KEY, email text);
CREATE TABLE public.b_big (id int, email text, note text);
CREATE TABLE public.c_mid (id int, email text);
CREATE TABLE public.d_empty (id int, email text);
CREATE TABLE public.e_bad (id int, doc jsonb);
INSERT INTO public.a_small SELECT g, 'small' || g || '@canary.example' FROM generate_series(1, 100) g;
INSERT INTO public.b_big SELECT g, 'big' || g || '@canary.example', repeat('note ' || g, 8) FROM generate_series(1, 30000) g;
INSERT INTO public.c_mid SELECT g, 'mid' || g || '@canary.example' FROM generate_series(1, 5000) g;
INSERT INTO public.e_bad SELECT g, CASE WHEN g = 777 THEN '{"n": "seven"}' ELSE '{"n": ' || g || '}' END::jsonb FROM generate_series(1, 1000) g;
`

const directRules = `version: 1
key: {env: TEST_KEY}
tables:
  public.a_small:
    columns: {id: keep, email: {mask: email}}
  public.b_big:
    columns: {id: keep, email: {mask: email}, note: {mask: hash, length: 12}}
  public.c_mid:
    columns: {id: keep, email: {mask: email}}
  public.d_empty:
    columns: {id: keep, email: {mask: email}}
  public.e_bad:
    columns: {id: keep, doc: {mask: json, paths: {"$.n": {mask: number, noise: 0.1}}}}
`

// directDB creates a database holding directSchema.
func directDB(t *testing.T) string {
	t.Helper()
	dsn := pgtest.CreateDB(t, "direct")
	f := filepath.Join(t.TempDir(), "schema.sql")
	if err := os.WriteFile(f, []byte(directSchema), 0o600); err != nil {
		t.Fatal(err)
	}
	pgtest.Psql(t, dsn, f)
	return dsn
}

// runDirect dumps dsn with the given options filled in; it returns the
// output, the Stats and every Progress report.
func runDirect(t *testing.T, dsn string, o DirectOptions) ([]byte, Stats, []Progress, error) {
	t.Helper()
	r, err := rules.Parse("test.yaml", []byte(directRules), rules.Options{Getenv: func(string) string { return "0123456789abcdef0123" }})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var reports []Progress
	o.DSN, o.Rules, o.PgDump, o.Log = dsn, r, pgtest.Bin(t, "pg_dump"), zerolog.Nop()
	o.Progress = func(p Progress) { reports = append(reports, p) }
	var out bytes.Buffer
	st, err := Direct(ctx, o, &out)
	return out.Bytes(), st, reports, err
}

// copyBytes is the size of the COPY data of the given tables, read here
// independently of Direct.
func copyBytes(t *testing.T, dsn string, tables ...string) int64 {
	t.Helper()
	conn := pgtest.Connect(t, dsn)
	var n int64
	for _, tb := range tables {
		var buf bytes.Buffer
		if _, err := conn.PgConn().CopyTo(context.Background(), &buf, "COPY "+tb+" TO STDOUT"); err != nil {
			t.Fatal(err)
		}
		n += int64(buf.Len())
	}
	return n
}

// TestDirectJobs: the dump is byte-identical whatever Jobs is, and every
// mode counts what it reads: Stats and the last Progress report give the
// exact COPY bytes and rows, also with Jobs 1.
func TestDirectJobs(t *testing.T) {
	dsn := directDB(t)
	tables := []string{"public.a_small", "public.b_big", "public.c_mid", "public.d_empty"}
	wantBytes := copyBytes(t, dsn, tables...)
	const wantRows = 100 + 30000 + 5000
	const wantMasked = 100 + 2*30000 + 5000 // no NULLs: every value of a masked column
	var first []byte
	for _, jobs := range []int{1, 3, 2} {
		t.Run(fmt.Sprintf("jobs=%d", jobs), func(t *testing.T) {
			out, st, reports, err := runDirect(t, dsn, DirectOptions{Jobs: jobs, ExcludeTables: []string{"public.e_bad"}, SpillDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = out
			} else if !bytes.Equal(out, first) {
				t.Errorf("output differs from the --jobs 1 output (%d and %d bytes)", len(out), len(first))
			}
			if bytes.Contains(out, []byte("@canary.example")) {
				t.Error("an original value is in the dump")
			}
			if st.BytesIn != wantBytes || st.Rows != wantRows || st.Tables != len(tables) {
				t.Errorf("Stats: %d bytes read, %d rows, %d tables; want %d, %d, %d", st.BytesIn, st.Rows, st.Tables, wantBytes, wantRows, len(tables))
			}
			if st.MaskedValues != wantMasked || st.BytesOut != int64(len(out)) {
				t.Errorf("Stats: %d values masked, %d bytes out (output: %d bytes)", st.MaskedValues, st.BytesOut, len(out))
			}
			checkReports(t, reports, st)
		})
	}
}

// checkReports: one report per table, totals that never go back, the last
// one equal to the final Stats.
func checkReports(t *testing.T, reports []Progress, st Stats) {
	t.Helper()
	if len(reports) != st.Tables {
		t.Fatalf("%d progress reports for %d tables", len(reports), st.Tables)
	}
	for i, p := range reports {
		if p.TablesDone != i+1 || p.Tables != st.Tables {
			t.Errorf("report %d: tables %d/%d", i, p.TablesDone, p.Tables)
		}
		if i > 0 && (p.Rows < reports[i-1].Rows || p.Bytes < reports[i-1].Bytes) {
			t.Errorf("report %d goes back: %+v after %+v", i, p, reports[i-1])
		}
	}
	if last := reports[len(reports)-1]; last.Bytes != st.BytesIn || last.Rows != st.Rows {
		t.Errorf("last progress report %+v, Stats %d bytes, %d rows", last, st.BytesIn, st.Rows)
	}
}

// TestDirectFailures: an error names its table (and the row, for a value
// its mask refuses) and stops the dump in every mode. Jobs 1 never spills,
// so an unusable SpillDir only fails the dump with several readers.
func TestDirectFailures(t *testing.T) {
	dsn := directDB(t)
	for _, jobs := range []int{1, 3} {
		_, _, _, err := runDirect(t, dsn, DirectOptions{Jobs: jobs, Tables: []string{"public.b_big", "public.e_bad"}, SpillDir: t.TempDir()})
		if err == nil || !strings.Contains(err.Error(), "dump table public.e_bad: row 777: ") || !strings.Contains(err.Error(), "json") {
			t.Errorf("jobs %d, a value the mask refuses: error %v", jobs, err)
		}
	}
	noDir := filepath.Join(t.TempDir(), "missing")
	opts := DirectOptions{ExcludeTables: []string{"public.e_bad"}, SpillDir: noDir}
	opts.Jobs = 1
	if _, st, _, err := runDirect(t, dsn, opts); err != nil || st.BytesIn == 0 {
		t.Errorf("jobs 1 with no spill directory: %v, %d bytes read", err, st.BytesIn)
	}
	opts.Jobs = 3
	if _, _, _, err := runDirect(t, dsn, opts); err == nil || !strings.Contains(err.Error(), "spill file") || !strings.HasPrefix(err.Error(), "dump table public.") {
		t.Errorf("jobs 3 with no spill directory: error %v", err)
	}
}
