package main

import (
	"bytes"
	"context"
	"fmt"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"index/suffixarray"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"gopkg.in/yaml.v3"

	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/rules"
)

// sampleConstraints is a floor on the primary, unique, foreign-key and
// check constraints of the sample schema.
const sampleConstraints = 10

const (
	sampleKey = "pgveil-test-key-0123456789abcdef"
	otherKey  = "another-test-key-0123456789abcdef"
)

// anonymizeFile runs `pgveil anonymize` in-process on in, writing out.
func anonymizeFile(t *testing.T, key, config, in, out string) {
	t.Helper()
	t.Setenv("PGVEIL_KEY", key)
	var stderr bytes.Buffer
	code := run([]string{"pgveil", "--log-format", "json", "anonymize", "-c", config, "-i", in, "-o", out}, nil, os.Stdout, &stderr)
	if code != 0 {
		t.Fatalf("pgveil anonymize exited %d:\n%s", code, stderr.String())
	}
}

// identifying masks: no original value may reappear anywhere in the
// output. For the format-preserving masks the output space is too large for
// chance; for the name and street fakes the sample generator draws its names
// from lists disjoint from pgveil's fake lists (testdata/gen/fakes_test.go
// guards that), so an original name in the output can only be a leak.
// Cities, postcodes, dates and rounded numbers share their vocabulary with
// real data and are checked row by row instead (checkRowByRow).
var identifying = map[string]bool{
	"email": true, "phone": true, "iban": true, "card": true, "digits": true, "uuid": true,
	"hash": true, "first_name": true, "last_name": true, "full_name": true, "street": true,
	"address": true, "company": true,
}

// TestRoundTrip is acceptance for `pgveil anonymize`: sample data -> pg_dump
// -> anonymize -> restore into an empty database with zero errors and valid
// constraints, no original value of a masked column anywhere in the output,
// consistent pseudonyms across tables, deterministic output per key.
func TestRoundTrip(t *testing.T) {
	scale := "1"
	if testing.Short() {
		scale = "0.1"
	}
	root := pgtest.RepoRoot(t)
	config := filepath.Join(root, "testdata", "pgveil.yaml")
	src := pgtest.CreateDB(t, "roundtrip_src")
	pgtest.LoadSample(t, src, scale)
	dumpFile := pgtest.PgDump(t, src)

	dir := t.TempDir()
	anon1 := filepath.Join(dir, "anon1.sql")
	anon2 := filepath.Join(dir, "anon2.sql")
	anonOther := filepath.Join(dir, "anon-other.sql")
	anonymizeFile(t, sampleKey, config, dumpFile, anon1)
	anonymizeFile(t, sampleKey, config, dumpFile, anon2)
	anonymizeFile(t, otherKey, config, dumpFile, anonOther)

	out1, err := os.ReadFile(anon1)
	if err != nil {
		t.Fatal(err)
	}
	out2, _ := os.ReadFile(anon2)
	outOther, _ := os.ReadFile(anonOther)
	if !bytes.Equal(out1, out2) {
		t.Error("two runs with the same key differ")
	}
	if bytes.Equal(out1, outOther) {
		t.Error("a different key gave the same output")
	}

	dst := restoreChecked(t, anon1, sampleConstraints)
	checkAnonymized(t, config, src, dst, out1)
}

// restoreChecked restores a dump into an empty database and checks every
// constraint holds; it returns the database's URL.
func restoreChecked(t *testing.T, file string, minConstraints int) string {
	t.Helper()
	// Restore: psql with ON_ERROR_STOP fails the test on the first error,
	// and foreign keys, unique and CHECK constraints are created after the
	// data, so they are verified against the masked rows.
	dst := pgtest.CreateDB(t, "restore")
	pgtest.Psql(t, dst, file)
	ctx := context.Background()
	dconn := pgtest.Connect(t, dst)
	var invalid int
	if err := dconn.QueryRow(ctx, `SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE n.nspname = 'public' AND NOT c.convalidated`).Scan(&invalid); err != nil {
		t.Fatal(err)
	}
	if invalid != 0 {
		t.Errorf("%d constraints not validated after restore", invalid)
	}
	var ncons int
	dconn.QueryRow(ctx, `SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE n.nspname = 'public' AND c.contype IN ('f','u','c','p')`).Scan(&ncons)
	if ncons < minConstraints {
		t.Errorf("only %d constraints restored, want at least %d", ncons, minConstraints)
	}

	return dst
}

// checkAnonymized is the leak check shared by the anonymize and dump round
// trips: no original value of an identifying masked column anywhere in out,
// the other masked columns changed row by row, rows: none tables empty, and
// consistent pseudonyms across tables.
func checkAnonymized(t *testing.T, config, src, dst string, out1 []byte) {
	t.Helper()
	ctx := context.Background()
	dconn := pgtest.Connect(t, dst)
	r, err := rules.Load(config, rules.Options{Getenv: func(string) string { return sampleKey }})
	if err != nil {
		t.Fatal(err)
	}
	sconn := pgtest.Connect(t, src)
	// Free text is measured by TestScrubRecall (label by label, with its
	// floors and targets); here the search covers every other byte.
	index := suffixarray.New(blankFreeText(t, r, out1))
	checked := 0
	for _, tr := range r.Tables() {
		if tr.RowsNone {
			var n int
			dconn.QueryRow(ctx, fmt.Sprintf("SELECT count(*) FROM %s.%s", tr.Schema, tr.Table)).Scan(&n)
			if n != 0 {
				t.Errorf("%s.%s has rows: none but %d rows were restored", tr.Schema, tr.Table, n)
			}
			continue
		}
		for _, cr := range tr.Columns {
			d := cr.Decision
			if d.Keeps() {
				continue
			}
			if d.Mask != "scrub" && d.Mask != "json" {
				checkRowByRow(t, sconn, dconn, tr.Schema+"."+tr.Table, cr.Name, d.Mask)
			}
			var values []string
			switch {
			case identifying[d.Mask]:
				values = distinctValues(t, sconn, fmt.Sprintf("SELECT DISTINCT %s::text FROM %s.%s WHERE %s IS NOT NULL", cr.Name, tr.Schema, tr.Table, cr.Name))
			case d.Mask == "json":
				for path, mask := range jsonPaths(t, r, config, tr.Schema+"."+tr.Table, cr.Name) {
					if !identifying[mask] {
						continue
					}
					values = append(values, distinctValues(t, sconn, fmt.Sprintf(
						"SELECT DISTINCT v #>> '{}' FROM %s.%s, jsonb_path_query(%s, '%s') v", tr.Schema, tr.Table, cr.Name, path))...)
				}
			default:
				continue
			}
			for _, v := range values {
				if len(v) < 5 {
					continue
				}
				if at := wholeMatch(index, out1, v); at >= 0 {
					t.Errorf("%s.%s.%s (%s): original value found in the anonymized dump at byte %d: %q",
						tr.Schema, tr.Table, cr.Name, d.Mask, at, contextAround(out1, at))
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d original values searched: the sample is too small for this test to mean anything", checked)
	}
	t.Logf("searched %d original values of masked columns in %d bytes of output", checked, len(out1))

	// The same e-mail in customers and contacts (the primary contact) maps to
	// the same pseudonym, so joins on the masked value still work.
	const sameEmail = `SELECT count(*) FROM public.contacts c JOIN public.customers cu ON cu.id = c.customer_id AND cu.email = c.email`
	var before, after int
	sconn.QueryRow(ctx, sameEmail).Scan(&before)
	dconn.QueryRow(ctx, sameEmail).Scan(&after)
	if before == 0 || before != after {
		t.Errorf("customers/contacts sharing an e-mail: %d before, %d after anonymization", before, after)
	}
}

func distinctValues(t *testing.T, conn *pgx.Conn, sql string) []string {
	t.Helper()
	rows, err := conn.Query(context.Background(), sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	vals, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return vals
}

// checkRowByRow compares a masked column's values before and after by row
// id: a mask may leave a value unchanged only by chance (a fake drawn from a
// list that holds the original, a date already on January 1st).
func checkRowByRow(t *testing.T, src, dst *pgx.Conn, table, column, mask string) {
	t.Helper()
	read := func(c *pgx.Conn) map[string]string {
		rows, err := c.Query(context.Background(), fmt.Sprintf("SELECT id::text, %s::text FROM %s WHERE %s IS NOT NULL", column, table, column))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for rows.Next() {
			var id, v string
			if err := rows.Scan(&id, &v); err != nil {
				t.Fatal(err)
			}
			m[id] = v
		}
		return m
	}
	before, after := read(src), read(dst)
	if len(before) == 0 {
		t.Errorf("%s.%s: no values to compare", table, column)
		return
	}
	same := 0
	for id, v := range before {
		if after[id] == v {
			same++
		}
	}
	if same*10 > len(before) {
		t.Errorf("%s.%s (%s): %d of %d values unchanged", table, column, mask, same, len(before))
	}
	if len(after) != len(before) && mask != "null" {
		t.Errorf("%s.%s (%s): %d non-NULL values before, %d after", table, column, mask, len(before), len(after))
	}
}

// wholeMatch returns the offset of an occurrence of v in data that is not
// part of a longer word, or -1.
func wholeMatch(index *suffixarray.Index, data []byte, v string) int {
	for _, at := range index.Lookup([]byte(v), -1) {
		before := at == 0 || !isWordByte(data[at-1])
		end := at + len(v)
		after := end >= len(data) || !isWordByte(data[end])
		if before && after {
			return at
		}
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func contextAround(data []byte, at int) string {
	lo, hi := max(0, at-40), min(len(data), at+60)
	return strings.ReplaceAll(string(data[lo:hi]), "\t", " ")
}

// jsonPaths reads the json mask's paths of one column from the rules file,
// with the mask each path resolves to.
func jsonPaths(t *testing.T, r *rules.Rules, config, table, column string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tables map[string]struct {
			Columns map[string]yaml.Node `yaml:"columns"`
		} `yaml:"tables"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	node := doc.Tables[table].Columns[column]
	var spec struct {
		Paths map[string]string `yaml:"paths"`
	}
	if err := node.Decode(&spec); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for p, m := range spec.Paths {
		out[p] = m
		for _, ty := range r.Types() {
			if ty.Name == m {
				out[p] = ty.Decision.Mask
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s.%s: json rule without paths", table, column)
	}
	return out
}

// TestRoundTripInserts: the same round trip with pg_dump's INSERT output
// (--inserts without column lists, --column-inserts with multi-row VALUES).
func TestRoundTripInserts(t *testing.T) {
	config := filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml")
	src := pgtest.CreateDB(t, "inserts_src")
	pgtest.LoadSample(t, src, "0.05")
	for name, args := range map[string][]string{
		"inserts":        {"--inserts"},
		"column-inserts": {"--column-inserts", "--rows-per-insert=7"},
	} {
		t.Run(name, func(t *testing.T) {
			in := pgtest.PgDump(t, src, args...)
			raw, _ := os.ReadFile(in)
			if !bytes.Contains(raw, []byte("INSERT INTO public.customers")) {
				t.Fatal("pg_dump wrote no INSERT statements")
			}
			out := filepath.Join(t.TempDir(), "anon.sql")
			anonymizeFile(t, sampleKey, config, in, out)
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			dst := restoreChecked(t, out, sampleConstraints)
			checkAnonymized(t, config, src, dst, b)
		})
	}
}

// blankFreeText returns a copy of a plain dump with the values of scrub
// columns (COPY fields) and the INSERT statements into tables that have
// one replaced by spaces.
func blankFreeText(t *testing.T, r *rules.Rules, dump1 []byte) []byte {
	t.Helper()
	out := append([]byte(nil), dump1...)
	scrubCols := map[string]map[string]bool{}
	for _, tr := range r.Tables() {
		for _, c := range tr.Columns {
			if c.Decision.Mask == "scrub" {
				name := tr.Schema + "." + tr.Table
				if scrubCols[name] == nil {
					scrubCols[name] = map[string]bool{}
				}
				scrubCols[name][c.Name] = true
			}
		}
	}
	blank := func(a, b int) {
		for i := a; i < b; i++ {
			out[i] = ' '
		}
	}
	var cols []string
	var table string
	for pos := 0; pos < len(out); {
		end := bytes.IndexByte(out[pos:], '\n')
		if end < 0 {
			end = len(out)
		} else {
			end += pos
		}
		line := string(dump1[pos:end])
		plain := strings.ReplaceAll(line, `"`, "")
		switch {
		case cols == nil && strings.HasPrefix(plain, "COPY ") && strings.HasSuffix(plain, "FROM stdin;"):
			table = strings.Fields(plain)[1]
			if open, close := strings.Index(plain, "("), strings.Index(plain, ")"); scrubCols[table] != nil && open > 0 && close > open {
				cols = strings.Split(plain[open+1:close], ", ")
			}
		case cols != nil && line == `\.`:
			cols = nil
		case cols != nil:
			start := pos
			for i, f := range strings.Split(line, "\t") {
				if i < len(cols) && scrubCols[table][cols[i]] {
					blank(start, start+len(f))
				}
				start += len(f) + 1
			}
		case strings.HasPrefix(plain, "INSERT INTO ") && scrubCols[strings.Fields(plain)[2]] != nil:
			// The statement may span lines (newlines inside its strings):
			// blank up to the line where its scanned tokens end with ';'.
			for stmtEnd := end; ; {
				if res, err := pg_query.Scan(string(dump1[pos:stmtEnd])); err == nil {
					if toks := res.GetTokens(); len(toks) > 0 && toks[len(toks)-1].GetToken() == pg_query.Token_ASCII_59 {
						end = stmtEnd
						break
					}
				}
				next := bytes.IndexByte(dump1[stmtEnd+1:], '\n')
				if stmtEnd >= len(dump1) || next < 0 {
					end = len(dump1)
					break
				}
				stmtEnd += next + 1
			}
			blank(pos, end)
		}
		pos = end + 1
	}
	return out
}
