package textpii

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

const samplePath = "../../testdata/sample.sql"

// copyTexts reads the COPY blocks of a pg_dump in plain format and returns
// the unescaped, non-NULL values of the columns accepted by keep (table
// without schema, column name).
func copyTexts(tb testing.TB, path string, keep func(table, column string) bool) [][]byte {
	tb.Helper()
	fh, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	var out [][]byte
	r := bufio.NewReaderSize(fh, 1<<20)
	var cols []bool // which columns of the current COPY block are kept; nil outside
	for {
		line, err := r.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			if err != io.EOF {
				tb.Fatal(err)
			}
			break
		}
		line = bytes.TrimSuffix(line, []byte{'\n'})
		switch {
		case cols == nil:
			if bytes.HasPrefix(line, []byte("COPY ")) {
				cols = copyColumns(string(line), keep)
			}
		case string(line) == `\.`:
			cols = nil
		default:
			for k, field := range bytes.Split(line, []byte{'\t'}) {
				if k < len(cols) && cols[k] && string(field) != `\N` {
					out = append(out, unescapeCopy(field))
				}
			}
		}
	}
	return out
}

// copyColumns parses "COPY public.t (a, b, c) FROM stdin;".
func copyColumns(line string, keep func(table, column string) bool) []bool {
	rest := strings.TrimPrefix(line, "COPY ")
	table, rest, _ := strings.Cut(rest, " (")
	if _, t, ok := strings.Cut(table, "."); ok {
		table = t
	}
	list, _, _ := strings.Cut(rest, ")")
	var cols []bool
	for _, c := range strings.Split(list, ",") {
		cols = append(cols, keep(table, strings.TrimSpace(c)))
	}
	return cols
}

// unescapeCopy undoes the COPY text escapes \n \r \t \\.
func unescapeCopy(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for k := 0; k < len(b); k++ {
		if b[k] == '\\' && k+1 < len(b) {
			k++
			switch b[k] {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			default:
				out = append(out, b[k])
			}
			continue
		}
		out = append(out, b[k])
	}
	return out
}

// ticketTexts keeps the free-text columns the scrub mask sees most.
func ticketTexts(table, column string) bool {
	return table == "tickets" && (column == "subject" || column == "body") ||
		table == "contacts" && column == "note"
}

func allColumns(string, string) bool { return true }

// hitsList writes one line per hit of every text: text index, start, end,
// kind, id and the matched bytes.
func hitsList(w io.Writer, texts [][]byte, opts Options) {
	var hits []Hit
	for k, src := range texts {
		hits = Find(src, opts, hits[:0])
		for _, h := range hits {
			fmt.Fprintf(w, "%d %d %d %d %d %q\n", k, h.Start, h.End, h.Kind, h.ID, src[h.Start:h.End])
		}
	}
}

// sampleDigest is the SHA-256 of hitsList over every column of every COPY
// block of testdata/sample.sql with AllOptions, recorded before the scanner
// was optimised: any change of a result changes it.
const sampleDigest = "d4c31098fca38e41f2b2ce9682c6c798c292479236690ea09f4d252de126892f"

// TestFindUnchangedOnSample guards the results of Find on the bundled
// sample. With TEXTPII_CORPUS set to another dump (go run ./testdata/gen
// -scale 1 > /tmp/s1.sql), it also writes the hits of that corpus, with
// AllOptions and with every single option, to TEXTPII_CORPUS_OUT for a diff
// against an earlier run.
func TestFindUnchangedOnSample(t *testing.T) {
	texts := copyTexts(t, samplePath, allColumns)
	if len(texts) < 1000 {
		t.Fatalf("only %d texts in %s", len(texts), samplePath)
	}
	h := sha256.New()
	hitsList(h, texts, AllOptions)
	if got := hex.EncodeToString(h.Sum(nil)); got != sampleDigest {
		t.Errorf("hits on %s changed: digest %s, want %s", samplePath, got, sampleDigest)
	}
	path := os.Getenv("TEXTPII_CORPUS")
	if path == "" {
		return
	}
	out := os.Getenv("TEXTPII_CORPUS_OUT")
	if out == "" {
		t.Fatal("TEXTPII_CORPUS needs TEXTPII_CORPUS_OUT")
	}
	texts = copyTexts(t, path, allColumns)
	fh, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(fh)
	sum := sha256.New()
	mw := io.MultiWriter(w, sum)
	fmt.Fprintln(mw, "# all")
	hitsList(mw, texts, AllOptions)
	for k, o := range singleOptions() {
		fmt.Fprintln(mw, "# option", k)
		hitsList(mw, texts, o)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d texts of %s: hits written to %s, digest %x", len(texts), path, out, sum.Sum(nil))
}

// singleOptions returns the options with one detector on each.
func singleOptions() []Options {
	return []Options{{IDs: true}, {Documents: true}, {CVV: true}, {BirthDates: true}, {Addresses: true},
		{IPs: true}, {ObfuscatedEmails: true}, {IBANs: true}}
}

// BenchmarkFindSample runs Find over the ticket subjects and bodies and the
// contact notes of testdata/sample.sql and reports ns per 200 bytes.
func BenchmarkFindSample(b *testing.B) {
	texts := copyTexts(b, samplePath, ticketTexts)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	hits := make([]Hit, 0, 64)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range texts {
			hits = Find(src, AllOptions, hits[:0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(total)*200, "ns/200B")
}
