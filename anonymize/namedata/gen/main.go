//go:build ignore

// Command gen rebuilds the embedded name dictionaries of package namedata
// (anonymize/namedata/data/*.txt.gz) and the held-out lists used by the test
// data generator (testdata/gen/heldout/*.txt) from the raw source files.
//
// Run it from the repository root:
//
//	go run anonymize/namedata/gen/main.go -raw /path/to/raw
//
// The raw directory is not committed (it is ~300 MB). Its expected layout, and
// where each file comes from, is described in the README section
// "Data: name dictionaries" (Regenerating). The output is deterministic: the same raw files always
// produce byte-identical outputs (sorted lists, gzip without timestamps).
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tuning knobs. They are part of the recipe: changing one changes the data.
const (
	enFirstMinCount = 500   // SSA: total births 1880-2023 with that name, both sexes
	enLastMax       = 50000 // US Census 1990: keep the most frequent N surnames
	frFirstMinCount = 20    // INSEE: total births 1900-2022 with that name
	frLastMax       = 50000 // INSEE: keep the most frequent N surnames (births 1891-2000)
	deFirstMinCount = 2     // city statistics: total newborns with that name
	itMinPersons    = 2     // Anagrafe amministratori: distinct persons bearing the name
	itFirstMax      = 20000
	itLastMax       = 50000
	commonMax       = 10000 // Google Books 1-grams: at most N words per locale

	protectTop     = 200 // the N most frequent names of every list are never held out
	heldoutMod     = 20  // held out when fnv1a(lower(name)) % heldoutMod < k
	minHeldFirst   = 100
	minHeldLast    = 300
	maxHeldoutStep = 8 // k never exceeds this (40 %)
)

// protected names are never held out: the package tests and the docs rely on them.
var protected = []string{
	"Giuseppe", "Rossi", "Camille", "Martin", "Lukas", "Müller", "James", "Smith",
}

// junk lists source artefacts that are not names (table headers, "other names" rows).
var junk = map[string][]string{
	"de-first": {"Vorname", "Vornamen", "Von", "Unbekannt"},
	"fr-last":  {"Autres Noms"},
}

// entry is a name and its frequency in the source (0 if the source gives none).
type entry struct {
	name  string
	count int64
}

// list is one dictionary: a locale's first names or surnames.
type list struct {
	locale, kind string // kind: "first" or "last"
	ranked       bool   // sorted by frequency (else alphabetically)
	entries      []entry
}

func main() {
	raw := flag.String("raw", "", "directory holding the raw source files (required)")
	out := flag.String("out", "anonymize/namedata/data", "output directory for the embedded .txt.gz files")
	held := flag.String("heldout", "testdata/gen/heldout", "output directory for the held-out .txt files")
	flag.Parse()
	if *raw == "" {
		log.Fatal("-raw is required")
	}
	r := func(p ...string) string { return filepath.Join(append([]string{*raw}, p...)...) }

	lists := []*list{
		{locale: "en", kind: "first", ranked: true, entries: enFirst(r("en", "ssa"))},
		{locale: "en", kind: "last", ranked: true, entries: enLast(r("en", "census1990", "dist.all.last"))},
		{locale: "fr", kind: "first", ranked: true, entries: frFirst(r("fr", "nat2022.csv"))},
		{locale: "fr", kind: "last", ranked: true, entries: frLast(r("fr", "noms2008nat_txt.txt"))},
		{locale: "de", kind: "first", ranked: true, entries: deFirst(r("de", "vornamen"))},
		{locale: "de", kind: "last", ranked: false, entries: deLast(r("de", "faker", "last_names.txt"))},
	}
	itF, itL := italian(r("it", "amministratori"))
	lists = append(lists,
		&list{locale: "it", kind: "first", ranked: true, entries: itF},
		&list{locale: "it", kind: "last", ranked: true, entries: itL},
	)
	common := map[string][]string{
		"en": commonWords(r("words", "1grams_english.csv")),
		"fr": commonWords(r("words", "1grams_french.csv")),
		"de": commonWords(r("words", "1grams_german.csv")),
		"it": commonWords(r("words", "1grams_italian.csv")),
	}
	for _, l := range lists {
		l.entries = finish(l.entries, l.ranked, junk[l.locale+"-"+l.kind])
	}

	// Names that must never be held out.
	keep := map[string]bool{}
	for _, p := range protected {
		keep[strings.ToLower(p)] = true
	}
	for _, l := range lists {
		if !l.ranked {
			continue
		}
		for i := 0; i < len(l.entries) && i < protectTop; i++ {
			keep[strings.ToLower(l.entries[i].name)] = true
		}
	}

	// Choose the held-out split of every list.
	heldAll := map[string]bool{}
	heldBy := map[string][]string{}
	for _, l := range lists {
		cw := toSet(common[l.locale])
		want := minHeldFirst
		if l.kind == "last" {
			want = minHeldLast
		}
		var picked []string
		for k := uint32(1); k <= maxHeldoutStep; k++ {
			picked = picked[:0]
			for _, e := range l.entries {
				low := strings.ToLower(e.name)
				if keep[low] || cw[low] || fnv1a(low)%heldoutMod >= k {
					continue
				}
				picked = append(picked, e.name)
			}
			if len(picked) >= want {
				if k > 1 {
					log.Printf("%s-%s: held-out share raised to %d/%d to reach %d names", l.locale, l.kind, k, heldoutMod, want)
				}
				break
			}
		}
		if len(picked) < want {
			log.Printf("WARNING %s-%s: only %d held-out names (< %d)", l.locale, l.kind, len(picked), want)
		}
		key := l.locale + "-" + l.kind
		heldBy[key] = append([]string(nil), picked...)
		for _, n := range picked {
			heldAll[strings.ToLower(n)] = true
		}
	}

	// Remove every held-out name from every embedded list, then write.
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(*held, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, l := range lists {
		var names []string
		for _, e := range l.entries {
			if !heldAll[strings.ToLower(e.name)] {
				names = append(names, e.name)
			}
		}
		key := l.locale + "-" + l.kind
		writeGz(filepath.Join(*out, key+".txt.gz"), names)
		h := heldBy[key]
		sort.Strings(h)
		writeText(filepath.Join(*held, key+".txt"), h)
		log.Printf("%-8s embedded %6d  held-out %5d", key, len(names), len(h))
	}
	for _, loc := range []string{"de", "en", "fr", "it"} {
		writeGz(filepath.Join(*out, loc+"-common.txt.gz"), common[loc])
		log.Printf("%s-common embedded %6d", loc, len(common[loc]))
	}
}

// ---------------------------------------------------------------- sources

// enFirst reads the SSA national baby-name files yobYYYY.txt ("Name,F,123").
func enFirst(dir string) []entry {
	files, err := filepath.Glob(filepath.Join(dir, "yob*.txt"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no SSA files in %s", dir)
	}
	sort.Strings(files)
	counts := map[string]int64{}
	for _, f := range files {
		eachLine(f, func(line string) {
			p := strings.Split(line, ",")
			if len(p) != 3 {
				return
			}
			n, err := strconv.ParseInt(strings.TrimSpace(p[2]), 10, 64)
			if err != nil {
				return
			}
			counts[strings.TrimSpace(p[0])] += n
		})
	}
	return fromCounts(counts, enFirstMinCount, 0)
}

// enLast reads the Census 1990 dist.all.last file ("SMITH  1.006  1.006  1").
func enLast(path string) []entry {
	var out []entry
	eachLine(path, func(line string) {
		f := strings.Fields(line)
		if len(f) != 4 {
			return
		}
		rank, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return
		}
		out = append(out, entry{name: titleCase(f[0]), count: 1 << 40 / rank})
	})
	if len(out) > enLastMax {
		out = out[:enLastMax]
	}
	return out
}

// frFirst reads the INSEE "fichier des prénoms" (sexe;preusuel;annais;nombre).
func frFirst(path string) []entry {
	counts := map[string]int64{}
	eachLine(path, func(line string) {
		p := strings.Split(line, ";")
		if len(p) != 4 || p[1] == "preusuel" || strings.HasPrefix(p[1], "_") {
			return
		}
		n, err := strconv.ParseInt(strings.TrimSpace(p[3]), 10, 64)
		if err != nil {
			return
		}
		counts[titleCase(p[1])] += n
	})
	return fromCounts(counts, frFirstMinCount, 0)
}

// frLast reads the INSEE "noms de famille" file (NOM then births per decade, tab separated).
func frLast(path string) []entry {
	counts := map[string]int64{}
	eachLine(path, func(line string) {
		p := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(p) < 2 || p[0] == "NOM" {
			return
		}
		var sum int64
		for _, c := range p[1:] {
			n, err := strconv.ParseInt(strings.TrimSpace(c), 10, 64)
			if err == nil {
				sum += n
			}
		}
		counts[titleCase(p[0])] += sum
	})
	return fromCounts(counts, 1, frLastMax)
}

// deFirst reads the city first-name statistics (Berlin, Köln, Leipzig, München).
// The files differ in delimiter and column order; the columns are found by
// header name, and a file may hold several side-by-side tables (Leipzig).
func deFirst(dir string) []entry {
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no first-name files in %s", dir)
	}
	sort.Strings(files)
	counts := map[string]int64{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		first, _, _ := bytes.Cut(data, []byte("\n"))
		cr := csv.NewReader(bytes.NewReader(data))
		cr.Comma = ','
		if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
			cr.Comma = ';'
		}
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		recs, err := cr.ReadAll()
		if err != nil || len(recs) < 2 {
			log.Fatalf("%s: %v", f, err)
		}
		var nameCols, countCols []int
		for i, h := range recs[0] {
			h = strings.TrimRight(strings.ToLower(strings.TrimSpace(h)), "0123456789")
			switch h {
			case "vorname", "vornamen":
				nameCols = append(nameCols, i)
			case "anzahl":
				countCols = append(countCols, i)
			}
		}
		if len(nameCols) == 0 || len(countCols) == 0 {
			log.Fatalf("%s: no vorname/anzahl columns", f)
		}
		for _, rec := range recs[1:] {
			for _, nc := range nameCols {
				cc := nearest(countCols, nc)
				if nc >= len(rec) || cc >= len(rec) {
					continue
				}
				n, err := strconv.ParseInt(strings.TrimSpace(rec[cc]), 10, 64)
				if err != nil {
					continue
				}
				name := strings.TrimSpace(rec[nc])
				if !validName(name) || !unicode.IsUpper(firstRune(name)) {
					continue
				}
				counts[name] += n
			}
		}
	}
	return fromCounts(counts, deFirstMinCount, 0)
}

// deLast reads a plain list of surnames, one per line (no frequencies).
func deLast(path string) []entry {
	var out []entry
	eachLine(path, func(line string) {
		n := strings.TrimSpace(line)
		if validName(n) {
			out = append(out, entry{name: n})
		}
	})
	return out
}

var (
	itAccent  = regexp.MustCompile(`([AEIOU])'(\s|$)`)
	itWidow   = regexp.MustCompile(`\s+(VED|IN|NATA|MARITATA)\b.*$`)
	itSpaces  = regexp.MustCompile(`\s+`)
	accentFor = map[string]string{"A": "À", "E": "È", "I": "Ì", "O": "Ò", "U": "Ù"}
)

// italian reads the Anagrafe degli amministratori locali files (Latin-1, ';'
// separated, with a header). A person is counted once per distinct
// (surname, given names, birth date), however many offices and years they appear in.
func italian(dir string) (first, last []entry) {
	files, err := filepath.Glob(filepath.Join(dir, "comuni*.txt"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no amministratori files in %s", dir)
	}
	sort.Strings(files)
	seen := map[string]bool{}
	fc, lc := map[string]int64{}, map[string]int64{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var iSur, iNom, iBirth = -1, -1, -1
		for sc.Scan() {
			p := strings.Split(latin1(sc.Bytes()), ";")
			if iSur < 0 {
				for i, h := range p {
					switch strings.TrimSpace(h) {
					case "COGNOME":
						iSur = i
					case "NOME":
						iNom = i
					case "DATA_NASCITA":
						iBirth = i
					}
				}
				if iSur < 0 || iNom < 0 || iBirth < 0 {
					log.Fatalf("%s: missing columns", f)
				}
				continue
			}
			if len(p) <= iBirth || len(p) <= iNom || len(p) <= iSur {
				continue
			}
			sur, nom := itNorm(p[iSur]), itNorm(p[iNom])
			key := sur + "|" + nom + "|" + strings.TrimSpace(p[iBirth])
			if sur == "" || nom == "" || seen[key] {
				continue
			}
			seen[key] = true
			if validName(sur) {
				lc[titleCase(sur)]++
			}
			if validName(nom) {
				fc[titleCase(nom)]++
				if toks := strings.Fields(nom); len(toks) > 1 {
					for _, t := range toks {
						if validName(t) && utf8.RuneCountInString(t) > 2 {
							fc[titleCase(t)]++
						}
					}
				}
			}
		}
		if err := sc.Err(); err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		fh.Close()
	}
	return fromCounts(fc, itMinPersons, itFirstMax), fromCounts(lc, itMinPersons, itLastMax)
}

// itNorm upper-cases, drops "VED. …" (widow of) suffixes, and turns the
// registry convention NICOLO' into NICOLÒ.
func itNorm(s string) string {
	s = strings.ToUpper(strings.TrimSpace(itSpaces.ReplaceAllString(s, " ")))
	s = itWidow.ReplaceAllString(s, "")
	s = itAccent.ReplaceAllStringFunc(s, func(m string) string {
		return accentFor[m[:1]] + m[2:]
	})
	return strings.TrimSpace(s)
}

// commonWords reads an orgtre/google-books-ngram-frequency 1-gram list
// (ngram,freq,...), most frequent first, and keeps lower-case letter-only words.
func commonWords(path string) []string {
	fh, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer fh.Close()
	cr := csv.NewReader(fh)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	seen := map[string]bool{}
	var out []string
	for i, rec := range recs {
		if i == 0 || len(rec) == 0 {
			continue
		}
		w := strings.ToLower(strings.TrimSpace(rec[0]))
		if w == "" || seen[w] || !isWord(w) {
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == commonMax {
			break
		}
	}
	return out
}

// ---------------------------------------------------------------- helpers

func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return unicode.IsLetter(firstRune(w))
}

// validName accepts letters with single inner spaces, hyphens or apostrophes.
func validName(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || !utf8.ValidString(s) {
		return false
	}
	prevSep := true
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			prevSep = false
			letters++
		case r == ' ' || r == '-' || r == '\'':
			if prevSep && r != '\'' {
				return false
			}
			prevSep = true
		default:
			return false
		}
	}
	return letters >= 2 && !prevSep
}

// titleCase turns "LE GOFF" into "Le Goff", "DELL'ACQUA" into "Dell'Acqua",
// "JEAN-PIERRE" into "Jean-Pierre" and "MCDONALD" into "McDonald".
func titleCase(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	rs := []rune(s)
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		up = r == ' ' || r == '-' || r == '\''
		if i >= 1 && unicode.IsLetter(r) && r == 'c' && rs[i-1] == 'M' && (i == 1 || rs[i-2] == ' ' || rs[i-2] == '-') && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
			up = true // Mc + capital
		}
	}
	return string(rs)
}

func fromCounts(counts map[string]int64, min int64, max int) []entry {
	var out []entry
	for n, c := range counts {
		if c >= min && validName(n) {
			out = append(out, entry{name: n, count: c})
		}
	}
	sortRanked(out)
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	return out
}

func sortRanked(es []entry) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].count != es[j].count {
			return es[i].count > es[j].count
		}
		return es[i].name < es[j].name
	})
}

// finish validates, orders and dedupes (case-insensitively, keeping the first) a list.
func finish(es []entry, ranked bool, drop []string) []entry {
	if ranked {
		sortRanked(es)
	} else {
		sort.Slice(es, func(i, j int) bool { return es[i].name < es[j].name })
	}
	seen := map[string]bool{}
	for _, d := range drop {
		seen[strings.ToLower(d)] = true
	}
	out := es[:0]
	for _, e := range es {
		low := strings.ToLower(e.name)
		if !validName(e.name) || seen[low] {
			continue
		}
		seen[low] = true
		out = append(out, e)
	}
	return out
}

func nearest(cols []int, i int) int {
	best := cols[0]
	for _, c := range cols {
		if abs(c-i) < abs(best-i) {
			best = c
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// latin1 decodes ISO-8859-1 bytes (every byte is the code point of the same value).
func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func fnv1a(s string) uint32 {
	h := fnv.New32a()
	io.WriteString(h, s)
	return h.Sum32()
}

func toSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func eachLine(path string, fn func(string)) {
	fh, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fn(strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}

// writeGz writes names one per line, gzip-compressed with an empty header
// (no name, no timestamp) so the output is reproducible.
func writeGz(path string, names []string) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	for _, n := range names {
		fmt.Fprintln(zw, n)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

func writeText(path string, names []string) {
	var buf bytes.Buffer
	for _, n := range names {
		buf.WriteString(n)
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
