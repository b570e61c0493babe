package verify

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/pgveil/pgveil/anonymize"
)

// testIndex indexes values, each its own origin named after it.
func testIndex(t *testing.T, form Form, values ...string) *Index {
	t.Helper()
	b := NewBuilder(DefaultFilter)
	for _, v := range values {
		o, err := b.AddOrigin(Origin{Table: "public.t", Column: v, Mask: "test"})
		if err != nil {
			t.Fatal(err)
		}
		if !b.Add(o, v, form) {
			t.Fatalf("value %q filtered out", v)
		}
	}
	key, err := anonymize.NewKey([]byte("verify-test-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	return b.Build(key)
}

// found scans text (through r when given) and returns "line:column" per finding.
func found(t *testing.T, ix *Index, r io.Reader) []string {
	t.Helper()
	var out []string
	_, err := ix.Scan(context.Background(), r, func(f Finding) error {
		out = append(out, fmt.Sprintf("%d:%s", f.Line, f.Origin.Column))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestVerifyMatcherBoundaries(t *testing.T) {
	ix := testIndex(t, FormPlain, "mario rossi", "rossi mario", "anna@example.com", "+39 333 1234567", "CU-12345678")
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"hello Mario Rossi.", []string{"1:mario rossi"}},
		{"MARIO ROSSI", []string{"1:mario rossi"}},
		{"xmario rossi", nil},  // inside a longer word
		{"mario rossini", nil}, // ditto at the end
		{"mario_rossi", nil},   // not the value
		{"mario rossi_x", nil}, // underscore joins words
		{"2mario rossi", nil},  // digits are word bytes
		{"(mario rossi)", []string{"1:mario rossi"}},
		{"line\\nmario rossi\\tok", []string{"1:mario rossi"}}, // COPY escapes around it
		{"mario rossi mario", []string{"1:mario rossi", "1:rossi mario"}},
		{"x+39 333 1234567", []string{"1:+39 333 1234567"}}, // starts with a non-word byte
		{"+39 333 12345678", nil},
		{"mail: Anna@Example.COM\n", []string{"1:anna@example.com"}},
		{"a\nb\n\ncu-12345678\n", []string{"4:CU-12345678"}},
		{"cu-123456789", nil},
	} {
		got := found(t, ix, strings.NewReader(tc.text))
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: found %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestVerifyMatcherUnicodeFolding(t *testing.T) {
	ix := testIndex(t, FormPlain, "Émile Zoë", "Łukasz Wąs")
	got := found(t, ix, strings.NewReader("ÉMILE ZOË and łukasz wĄs, not Émile Zoëx"))
	slices.Sort(got)
	if want := []string{"1:Émile Zoë", "1:Łukasz Wąs"}; !slices.Equal(got, want) {
		t.Errorf("found %v, want %v", got, want)
	}
}

func TestVerifyMatcherEncodings(t *testing.T) {
	ix := testIndex(t, FormPlain, "O'Brien Ltd", "a\tb\\c d", `say "hi" now`)
	for text, want := range map[string]string{
		"INSERT INTO x VALUES ('O''Brien Ltd');": "O'Brien Ltd",
		"1\ta\\tb\\\\c d\n":                      "a\tb\\c d",
		`{"k": "say \"hi\" now"}`:                `say "hi" now`,
		"1\t{\"k\": \"say \\\\\"hi\\\\\" now\"}": `say "hi" now`,
	} {
		got := found(t, ix, strings.NewReader(text))
		if len(got) != 1 || got[0] != "1:"+want {
			t.Errorf("%q: found %v, want the value %q once", text, got, want)
		}
	}
}

func TestVerifyMatcherForms(t *testing.T) {
	iban := testIndex(t, FormIBAN, "IT60X0542811101000000123456")
	if got := found(t, iban, strings.NewReader("iban IT60 X054 2811 1010 0000 0123 456 and it60x0542811101000000123456")); len(got) != 2 {
		t.Errorf("IBAN: found %v, want compact and grouped", got)
	}
	card := testIndex(t, FormCard, "4111111111111111", "378282246310005")
	if got := found(t, card, strings.NewReader("4111 1111 1111 1111 / 4111-1111-1111-1111 / 3782 822463 10005")); len(got) != 3 {
		t.Errorf("cards: found %v", got)
	}
	phone := testIndex(t, FormPhone, "+39 333 123 4567")
	if got := found(t, phone, strings.NewReader("tel +393331234567, +39 333 123 4567")); len(got) != 2 {
		t.Errorf("phone: found %v", got)
	}
}

// TestMatcherChunks: the same findings whatever the reads look like: one
// byte at a time, needles across every buffer boundary, very long lines.
func TestVerifyMatcherChunks(t *testing.T) {
	ix := testIndex(t, FormPlain, "needle.one@example.org", "Ünïcödé Nämé")
	var b strings.Builder
	want := 0
	for i := 0; b.Len() < 3*readSize; i++ {
		b.WriteString(strings.Repeat("x", i%97))
		b.WriteString(" needle.one@example.org ünïcödé nämé ")
		want += 2
		if i%5 == 0 {
			b.WriteString("\n")
		}
	}
	text := b.String()
	for name, r := range map[string]io.Reader{
		"whole":    strings.NewReader(text),
		"one byte": iotest.OneByteReader(strings.NewReader(text)),
		"half":     iotest.HalfReader(strings.NewReader(text)),
	} {
		got := found(t, ix, r)
		if len(got) != want {
			t.Errorf("%s: %d findings, want %d", name, len(got), want)
		}
	}
	// One line of 5 MB with a needle at its end, and one straddling each
	// read of the scanner.
	long := strings.Repeat("word ", 1<<20) + "needle.one@example.org"
	if got := found(t, ix, strings.NewReader(long)); len(got) != 1 || got[0] != "1:needle.one@example.org" {
		t.Errorf("long line: %v", got)
	}
	for off := readSize - 30; off < readSize+5; off++ {
		s := strings.Repeat("a ", off/2) + " needle.one@example.org"
		if got := found(t, ix, strings.NewReader(s)); len(got) != 1 {
			t.Fatalf("needle at %d: %v", off, got)
		}
	}
}

func TestVerifyMatcherSections(t *testing.T) {
	ix := testIndex(t, FormPlain, "secret@example.com")
	dump := strings.Join([]string{
		"-- PostgreSQL database dump",
		"COPY public.users (id, email) FROM stdin;",
		"1\tsecret@example.com",
		"\\.",
		"INSERT INTO public.users VALUES (2, 'secret@example.com');",
		"-- secret@example.com",
		"SELECT pg_catalog.setval('public.s', 1, true); -- secret@example.com",
		"",
	}, "\n")
	var got []string
	st, err := ix.Scan(context.Background(), strings.NewReader(dump), func(f Finding) error {
		got = append(got, fmt.Sprintf("%d %s", f.Line, f.Section))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"3 COPY public.users", "5 INSERT public.users", "6 comment", "7 setval"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if st.Lines != 7 || !st.DumpHeader || st.DumpComplete || st.Findings != 4 {
		t.Errorf("stats %+v", st)
	}
}

func TestVerifyFilter(t *testing.T) {
	for v, want := range map[string]bool{
		"abc": false, "abcd": true, "12345": false, "123456": true, "12 34-5": false,
		"2023-01-01": true, "ÄÖÜ": false, "ÄÖÜß": true,
	} {
		if got, _ := DefaultFilter.Keep(v); got != want {
			t.Errorf("Keep(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestLanesAgree: scanning in lanes finds exactly what one scan finds,
// whatever the text around the needles and the lane boundaries.
func TestVerifyLanesAgree(t *testing.T) {
	needles := []string{"mario rossi", "rossi mario", "anna@example.com", "+39 333 1234567", "it60x0542811101000000123456", "ünïcödé nämé", "ab", "abc"}
	ix := testIndex(t, FormPlain, needles[:6]...)
	rng := rand.New(rand.NewPCG(1, 2))
	words := append(needles, " ", "\n", "\t", "\\n", "x", "mario", "rossi", "Ü", "é", "anna", ",", "4", "+39")
	for round := 0; round < 20; round++ {
		var b strings.Builder
		for b.Len() < 200000+rng.IntN(100000) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		text := []byte(b.String())
		one := append([]byte(nil), text...)
		var single []rawHit
		s1 := ix.auto.run(one, 0, len(one), rootID, &single)
		var lanesHits [lanes][]rawHit
		s2 := ix.auto.runLanes(text, 0, len(text), rootID, ix.maxLen+2, &lanesHits)
		var all []rawHit
		for _, h := range lanesHits {
			all = append(all, h...)
		}
		if s1 != s2 || !slices.Equal(single, all) {
			t.Fatalf("round %d: single scan %d hits (state %d), lanes %d hits (state %d)", round, len(single), s1, len(all), s2)
		}
		if len(single) == 0 {
			t.Fatal("no hits: the test means nothing")
		}
	}
}
