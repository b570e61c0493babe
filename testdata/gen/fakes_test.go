package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/anonymize"
)

// TestOriginalsOutsideFakeLists keeps the sample's names and streets apart
// from what pgveil's own fake masks produce, so a leak test that finds an
// original value in anonymized output has found a real leak, not a fake
// that happens to coincide with it (or contain it as a word, like a first
// name inside a fake street "Corso Cesare Battisti").
func TestOriginalsOutsideFakeLists(t *testing.T) {
	key, err := anonymize.NewKey([]byte("pgveil-sample-overlap-test-key"))
	if err != nil {
		t.Fatal(err)
	}
	fakeTexts := map[string]bool{}   // every distinct fake output
	fakeStreets := map[string]bool{} // street fakes without house numbers
	for _, mask := range []string{"first_name", "last_name", "street", "address", "city", "company"} {
		for _, loc := range []string{"it", "fr", "de"} {
			m, err := anonymize.New(mask, anonymize.Env{Key: key, Locale: loc, Domain: mask}, anonymize.MapParams{})
			if err != nil {
				t.Fatalf("%s/%s: %v", mask, loc, err)
			}
			b, err := m.Bind(anonymize.Column{Type: "text"})
			if err != nil {
				t.Fatal(err)
			}
			var out []byte
			for i := range 5_000 {
				out, _, err = b.Apply(out[:0], strconv.AppendInt([]byte("sample-"), int64(i), 10), false)
				if err != nil {
					t.Fatal(err)
				}
				fakeTexts[string(out)] = true
				if mask == "street" {
					fakeStreets[streetCore(string(out))] = true
				}
			}
		}
	}
	fakeNameWords := map[string]bool{}
	for _, mask := range []string{"first_name", "last_name"} {
		for _, loc := range []string{"it", "fr", "de"} {
			m, _ := anonymize.New(mask, anonymize.Env{Key: key, Locale: loc, Domain: mask}, anonymize.MapParams{})
			b, _ := m.Bind(anonymize.Column{Type: "text"})
			var out []byte
			for i := range 5_000 {
				out, _, _ = b.Apply(out[:0], strconv.AppendInt([]byte("sample-"), int64(i), 10), false)
				for _, w := range strings.Fields(string(out)) {
					fakeNameWords[w] = true
				}
			}
		}
	}
	inFakes := func(name string) string {
		for f := range fakeTexts {
			if containsWord(f, name) {
				return f
			}
		}
		return ""
	}
	// Every substring of a fake that starts and ends at a word boundary
	// (what containsWord would find), for the thousands of held-out names.
	fakeSpans := map[string]bool{}
	for f := range fakeTexts {
		var starts, ends []int
		for i := 0; i <= len(f); i++ {
			if i < len(f) && isWordByte(f[i]) && (i == 0 || !isWordByte(f[i-1])) {
				starts = append(starts, i)
			}
			if i > 0 && isWordByte(f[i-1]) && (i == len(f) || !isWordByte(f[i])) {
				ends = append(ends, i)
			}
		}
		for _, a := range starts {
			for _, b := range ends {
				if b > a {
					fakeSpans[f[a:b]] = true
				}
			}
		}
	}
	for loc := range numLocales {
		for _, list := range [][]string{firstNames[loc], lastNames[loc]} {
			for _, n := range list {
				if f := inFakes(n); f != "" {
					t.Errorf("name %q (%s) occurs in the fake %q", n, localeCodes[loc], f)
				}
			}
		}
		// Nor may a fake name be a word of an original one: "Stefano" as
		// the fake of a first name would read like the rest of the original
		// "Di Stefano" left in place.
		for _, list := range [][]string{firstNames[loc], lastNames[loc]} {
			for _, n := range list {
				for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
					if len(w) >= 3 && fakeNameWords[w] {
						t.Errorf("name %q (%s) contains %q, which a fake name also is", n, localeCodes[loc], w)
					}
				}
			}
		}
		// Held-out names are searched for in anonymized output too: a fake
		// that happened to equal one would look like a leak.
		for _, list := range [][]string{heldout[loc].first, heldout[loc].last} {
			for _, n := range list {
				if fakeSpans[n] {
					t.Errorf("held-out name %q (%s) occurs in a fake", n, localeCodes[loc])
				}
			}
		}
		for _, kind := range streets[loc].kinds {
			for _, name := range streets[loc].names {
				for _, s := range []string{kind + " " + name, name + kind, name + strings.ToUpper(kind[:1]) + kind[1:]} {
					if fakeStreets[s] {
						t.Errorf("street %q (%s) is also a fake street", s, localeCodes[loc])
					}
				}
			}
		}
	}
}

// containsWord reports whether w occurs in s not as part of a longer word.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(w)
		if (at == 0 || !isWordByte(s[at-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = at + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// streetCore drops house numbers ("12", "12 bis") from a street line.
func streetCore(s string) string {
	var words []string
	for _, w := range strings.Fields(s) {
		if w == "bis" || strings.Trim(w, "0123456789,") == "" {
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}
