package main

import (
	"bytes"
	"context"
	"fmt"
	"index/suffixarray"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// proseDecoys are names of the sample's tables that its texts also use as
// ordinary words ("Vittoria!" — victory; "Sie sind ein Engel" — an angel):
// scrub rightly leaves those words, so they are no leak when found.
var proseDecoys = map[string]bool{"Vittoria": true, "Engel": true}

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
	index := suffixarray.New(out1)
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
				if len(v) < 5 || proseDecoys[v] {
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

	// Every name planted in free text (customers, staff, and relatives that
	// are in no table), as a whole word in any case: a name the scrubber
	// missed is a leak like any other.
	names, skipped := plantedNames(t, src, sqlWords(out1))
	lower := bytes.ToLower(out1)
	lowerIndex := suffixarray.New(lower)
	leaks := 0
	for _, n := range names {
		if at := wholeMatch(lowerIndex, lower, n); at >= 0 {
			leaks++
			if leaks <= 20 {
				t.Errorf("name %q planted in free text found in the anonymized dump at byte %d: %q", n, at, contextAround(out1, at))
			}
		}
	}
	if leaks > 20 {
		t.Errorf("... %d planted names found in the anonymized dump in all", leaks)
	}
	if len(names) < 100 {
		t.Errorf("only %d planted names searched", len(names))
	}
	t.Logf("searched %d names planted in free text (%d skipped: shorter than 5 bytes or also an ordinary word of the texts)", len(names), skipped)

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

// plantedNames returns the names the sample generator planted in the free
// text of the database at src, lower-cased: it regenerates the sample's
// labels at the scale the row counts give (checking they match the stored
// texts). Left out, like the short values above: names under 5 bytes, and
// names that are also an ordinary word somewhere in the texts (Grace, Will,
// Rose: "grace period" must survive) or in the SQL around the data (ordinary).
func plantedNames(t *testing.T, src string, ordinary map[string]bool) (names []string, skipped int) {
	t.Helper()
	customers := countIn(t, src, "SELECT count(*) FROM public.customers")
	scale := strconv.FormatFloat(float64(customers)/5400, 'g', -1, 64)
	_, labelsFile := generateSample(t, scale)
	texts := freeTexts(t, src)
	labels := readSampleLabels(t, labelsFile)
	byText := map[textKey][]sampleLabel{}
	set := map[string]bool{}
	for i, l := range labels {
		k := textKey{l.Table, l.Column, l.ID}
		text, ok := texts[k]
		if !ok || l.End > len(text) || text[l.Start:l.End] != l.Value {
			if i < 50 {
				t.Fatalf("the labels of the sample at scale %s do not match %v: was the database loaded with another scale or seed?", scale, k)
			}
			continue
		}
		byText[k] = append(byText[k], l)
		if l.Kind == "name" {
			set[strings.ToLower(l.Value)] = true
		}
	}
	// Words of the texts outside any label.
	prose := ordinary
	for k, text := range texts {
		for _, tk := range tokenize(text) {
			if !tk.word {
				continue
			}
			inLabel := false
			for _, l := range byText[k] {
				inLabel = inLabel || tk.start < l.End && tk.end > l.Start
			}
			if !inLabel {
				prose[tk.fold] = true
			}
		}
	}
	for n := range set {
		ordinary := false
		for _, w := range tokenize(n) {
			ordinary = ordinary || w.word && prose[w.fold]
		}
		if len(n) < 5 || ordinary {
			skipped++
			continue
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return names, skipped
}

// sqlWords returns the lower-cased words of a dump outside its COPY data
// and INSERT values: the schema, comments, settings.
func sqlWords(dump []byte) map[string]bool {
	words := map[string]bool{}
	inCopy := false
	for line := range strings.SplitSeq(string(dump), "\n") {
		switch {
		case inCopy:
			inCopy = line != `\.`
			continue
		case strings.HasPrefix(line, "COPY ") && strings.HasSuffix(line, "FROM stdin;"):
			inCopy = true
		case strings.HasPrefix(line, "INSERT INTO "):
			line, _, _ = strings.Cut(line, " VALUES")
		}
		for _, tk := range tokenize(line) {
			if tk.word {
				words[tk.fold] = true
			}
		}
	}
	return words
}
