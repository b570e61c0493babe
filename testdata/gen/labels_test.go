package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fileLabel is one line of the -labels file.
type fileLabel struct {
	Table, Column string
	ID            int64
	Start, End    int
	Kind          string
	Known         bool
	Locale        string
	Value         string
	Part          string
}

func readLabels(t *testing.T, file string) []fileLabel {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fileLabel
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l fileLabel
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("label %q: %v", sc.Text(), err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// unescapeCopy undoes the COPY text-format escapes the generator writes.
func unescapeCopy(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// TestLabelsExact: every label of a generated sample covers exactly its
// value in the text as stored, starts and ends at word boundaries, overlaps
// no other label, and says truthfully whether the value is in a table.
func TestLabelsExact(t *testing.T) {
	file := filepath.Join(t.TempDir(), "labels.jsonl")
	blocks := copyBlocks(t, generate(t, "-scale", "0.05", "-labels", file))
	labels := readLabels(t, file)
	texts := map[string]string{} // table/column/id -> text
	for table, col := range map[string][]string{"public.tickets": {"subject", "body"}, "public.contacts": {"note"}} {
		for _, row := range blocks[table] {
			for _, c := range col {
				if row[c] != `\N` {
					texts[strings.TrimPrefix(table, "public.")+"/"+c+"/"+row["id"]] = unescapeCopy(row[c])
				}
			}
		}
	}
	// Every name a table holds, case-folded, word by word.
	tableNames := map[string]bool{}
	addName := func(s string) {
		for w := range strings.FieldsFuncSeq(strings.ToLower(unescapeCopy(s)), func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
			tableNames[w] = true
		}
	}
	for _, row := range blocks["public.customers"] {
		addName(row["first_name"])
		addName(row["last_name"])
	}
	for _, row := range blocks["public.contacts"] {
		addName(row["first_name"])
		addName(row["last_name"])
	}
	for _, row := range blocks["public.users"] {
		addName(row["display_name"])
	}
	kinds := map[string]bool{}
	for _, k := range labelKindNames[1:] {
		kinds[k] = true
	}
	type span struct{ start, end int }
	spans := map[string][]span{}
	perLocale := map[string]map[string]int{}
	for _, l := range labels {
		key := l.Table + "/" + l.Column + "/" + itoa(l.ID)
		text, ok := texts[key]
		switch {
		case !ok:
			t.Fatalf("label for %s, which has no text", key)
		case l.Start < 0 || l.End > len(text) || l.Start >= l.End:
			t.Fatalf("%s: label [%d,%d) outside the text (%d bytes)", key, l.Start, l.End, len(text))
		case text[l.Start:l.End] != l.Value:
			t.Fatalf("%s: text[%d:%d] = %q, label says %q", key, l.Start, l.End, text[l.Start:l.End], l.Value)
		case !kinds[l.Kind]:
			t.Fatalf("%s: unknown kind %q", key, l.Kind)
		case l.Kind == "name" && l.Part != "first" && l.Part != "last" && l.Part != "full",
			l.Kind != "name" && l.Part != "":
			t.Fatalf("%s: kind %s with part %q", key, l.Kind, l.Part)
		}
		before, _ := utf8.DecodeLastRuneInString(text[:l.Start])
		after, _ := utf8.DecodeRuneInString(text[l.End:])
		if l.Start > 0 && isWordRune(before) || l.End < len(text) && isWordRune(after) {
			t.Errorf("%s: label %q not at word boundaries in %q", key, l.Value, text)
		}
		if l.Kind == "name" {
			inTable := true
			for w := range strings.FieldsFuncSeq(strings.ToLower(l.Value), func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
				inTable = inTable && tableNames[w]
			}
			if l.Known && !inTable {
				t.Errorf("%s: name %q labelled known but not in a table", key, l.Value)
			}
			anyInTable := false
			for w := range strings.FieldsFuncSeq(strings.ToLower(l.Value), func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
				anyInTable = anyInTable || tableNames[w]
			}
			if !l.Known && anyInTable {
				t.Errorf("%s: name %q labelled unknown but a word of it is in a table", key, l.Value)
			}
		}
		spans[key] = append(spans[key], span{l.Start, l.End})
		if perLocale[l.Locale] == nil {
			perLocale[l.Locale] = map[string]int{}
		}
		k := l.Kind
		if k == "name" && !l.Known {
			k = "name (in no table)"
		}
		perLocale[l.Locale][k]++
	}
	for key, ss := range spans {
		sort.Slice(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
		for i := 1; i < len(ss); i++ {
			if ss[i].start < ss[i-1].end {
				t.Errorf("%s: labels [%d,%d) and [%d,%d) overlap", key, ss[i-1].start, ss[i-1].end, ss[i].start, ss[i].end)
			}
		}
	}
	// Every kind in every locale (the sample is made to test them all).
	for _, loc := range localeCodes {
		for k := range kinds {
			if perLocale[loc][k] == 0 {
				t.Errorf("locale %s: no %s label", loc, k)
			}
		}
		if perLocale[loc]["name (in no table)"] == 0 {
			t.Errorf("locale %s: no name in no table", loc)
		}
		t.Logf("%s: %v", loc, perLocale[loc])
	}
	// Not absurdly dense: most texts carry a handful of values.
	var dense, bodies int
	for key, ss := range spans {
		if strings.Contains(key, "/body/") {
			bodies++
			if len(ss) > 10 {
				dense++
			}
		}
	}
	if dense*10 > bodies {
		t.Errorf("%d of %d ticket bodies carry more than 10 personal values", dense, bodies)
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func TestLabelsDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	outA := generate(t, "-scale", "0.02", "-labels", a)
	outB := generate(t, "-scale", "0.02", "-labels", b)
	if !bytes.Equal(outA, outB) {
		t.Fatal("output differs between runs")
	}
	la, _ := os.ReadFile(a)
	lb, _ := os.ReadFile(b)
	if len(la) == 0 || !bytes.Equal(la, lb) {
		t.Fatal("labels empty or different between runs")
	}
	// -labels does not change the data.
	if !bytes.Equal(outA, generate(t, "-scale", "0.02")) {
		t.Fatal("-labels changes the generated data")
	}
}

// TestHeldoutNamesOutsideTables: the names of relatives are in no table list.
func TestHeldoutNamesOutsideTables(t *testing.T) {
	for loc := range numLocales {
		h := heldout[loc]
		if len(h.first) < 20 || len(h.last) < 20 {
			t.Errorf("%s: only %d/%d held-out names", localeCodes[loc], len(h.first), len(h.last))
		}
		for _, n := range append(append([]string(nil), h.first...), h.last...) {
			for l2 := range numLocales {
				for _, list := range [][]string{firstNames[l2], lastNames[l2]} {
					for _, m := range list {
						if strings.EqualFold(n, m) {
							t.Errorf("held-out name %q is also a table name", n)
						}
					}
				}
			}
		}
	}
}
