package namedata

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// Minimum sizes. The German surname list is the one known shortfall (see
// README, "Data: name dictionaries"): no openly licensed German surname list of 10,000+ entries
// was reachable, so it has a lower floor.
var minFirst = map[string]int{"de": 2000, "en": 2000, "fr": 2000, "it": 2000}
var minLast = map[string]int{"de": 1000, "en": 10000, "fr": 10000, "it": 10000}

const minCommon = 1000

func TestLocales(t *testing.T) {
	got := Locales()
	want := []string{"de", "en", "fr", "it"}
	if !slices.Equal(got, want) {
		t.Fatalf("Locales() = %v, want %v", got, want)
	}
	got[0] = "xx" // the caller's copy must not alias the package's
	if Locales()[0] != "de" {
		t.Fatal("Locales returns a shared slice")
	}
}

func TestUnknownLocale(t *testing.T) {
	for _, loc := range []string{"", "es", "EN", "en-US"} {
		if First(loc) != nil || Last(loc) != nil || CommonWords(loc) != nil {
			t.Errorf("locale %q: want nil lists", loc)
		}
	}
}

func TestSizes(t *testing.T) {
	for _, loc := range Locales() {
		if n := len(First(loc)); n < minFirst[loc] {
			t.Errorf("%s: %d first names, want >= %d", loc, n, minFirst[loc])
		}
		if n := len(Last(loc)); n < minLast[loc] {
			t.Errorf("%s: %d surnames, want >= %d", loc, n, minLast[loc])
		}
		if n := len(CommonWords(loc)); n < minCommon {
			t.Errorf("%s: %d common words, want >= %d", loc, n, minCommon)
		}
		t.Logf("%s: first %d, last %d, common %d", loc, len(First(loc)), len(Last(loc)), len(CommonWords(loc)))
	}
}

func TestEntriesWellFormed(t *testing.T) {
	for _, loc := range Locales() {
		for kind, l := range map[string][]string{"first": First(loc), "last": Last(loc), "common": CommonWords(loc)} {
			seen := make(map[string]bool, len(l))
			for i, e := range l {
				switch {
				case e == "":
					t.Errorf("%s-%s[%d]: empty entry", loc, kind, i)
				case !utf8.ValidString(e):
					t.Errorf("%s-%s[%d]: invalid UTF-8 %q", loc, kind, i, e)
				case strings.TrimSpace(e) != e:
					t.Errorf("%s-%s[%d]: surrounding space in %q", loc, kind, i, e)
				case strings.ContainsAny(e, "\t\r\n"):
					t.Errorf("%s-%s[%d]: control character in %q", loc, kind, i, e)
				}
				if kind == "common" && strings.ToLower(e) != e {
					t.Errorf("%s-common[%d]: %q is not lower case", loc, i, e)
				}
				low := strings.ToLower(e)
				if seen[low] {
					t.Errorf("%s-%s: duplicate %q", loc, kind, e)
				}
				seen[low] = true
			}
		}
	}
}

func TestWellKnownNames(t *testing.T) {
	cases := []struct{ loc, first, last string }{
		{"it", "Giuseppe", "Rossi"},
		{"fr", "Camille", "Martin"},
		{"de", "Lukas", "Müller"},
		{"en", "James", "Smith"},
	}
	for _, c := range cases {
		if !slices.Contains(First(c.loc), c.first) {
			t.Errorf("%s: first names lack %q", c.loc, c.first)
		}
		if !slices.Contains(Last(c.loc), c.last) {
			t.Errorf("%s: surnames lack %q", c.loc, c.last)
		}
	}
	// Names written as they are: particles, apostrophes, accents.
	for loc, names := range map[string][]string{
		"it": {"De Luca", "D'Angelo", "Dell'Acqua", "Nicolò"},
		"fr": {"Le Goff", "D'Almeida", "Jean-Pierre", "Hélène"},
		"de": {"Jürgen", "Schröder"},
	} {
		all := append(append([]string(nil), First(loc)...), Last(loc)...)
		for _, n := range names {
			if !slices.Contains(all, n) {
				t.Errorf("%s: lists lack %q", loc, n)
			}
		}
	}
	for loc, words := range map[string][]string{
		"it": {"rosa", "franco", "pace", "bianca", "serena"},
		"en": {"will", "mark", "grace", "hope"},
		"fr": {"rose", "pierre", "blanc"},
		"de": {"wolf", "kaiser"},
	} {
		for _, w := range words {
			if !slices.Contains(CommonWords(loc), w) {
				t.Errorf("%s: common words lack %q", loc, w)
			}
		}
	}
}

func TestConcurrentLoad(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, loc := range Locales() {
				_ = First(loc)
				_ = Last(loc)
				_ = CommonWords(loc)
			}
		}()
	}
	wg.Wait()
	a, b := First("en"), First("en")
	if &a[0] != &b[0] {
		t.Fatal("First returns a new slice on every call")
	}
}

// TestHeldOutNotEmbedded checks the held-out split used by the test-data
// generator: no held-out name appears, case-insensitively, in any embedded
// First/Last list of any locale, and no held-out name is a common word.
func TestHeldOutNotEmbedded(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/gen/heldout/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2*len(Locales()) {
		t.Fatalf("found %d held-out files, want %d", len(paths), 2*len(Locales()))
	}
	embedded := map[string]string{}
	for _, loc := range Locales() {
		for _, n := range First(loc) {
			embedded[strings.ToLower(n)] = loc + "-first"
		}
		for _, n := range Last(loc) {
			embedded[strings.ToLower(n)] = loc + "-last"
		}
	}
	for _, p := range paths {
		base := strings.TrimSuffix(filepath.Base(p), ".txt")
		loc, kind, _ := strings.Cut(base, "-")
		cw := map[string]bool{}
		for _, w := range CommonWords(loc) {
			cw[w] = true
		}
		names := readLines(t, p)
		min := 100
		if kind == "last" {
			min = 300
		}
		if len(names) < min {
			t.Errorf("%s: %d held-out names, want >= %d", base, len(names), min)
		}
		if !slices.IsSorted(names) {
			t.Errorf("%s: not sorted", base)
		}
		for _, n := range names {
			low := strings.ToLower(n)
			if where, ok := embedded[low]; ok {
				t.Errorf("%s: held-out %q is embedded in %s", base, n, where)
			}
			if cw[low] {
				t.Errorf("%s: held-out %q is a common word of %s", base, n, loc)
			}
			if n == "" || strings.TrimSpace(n) != n || !utf8.ValidString(n) {
				t.Errorf("%s: malformed entry %q", base, n)
			}
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
