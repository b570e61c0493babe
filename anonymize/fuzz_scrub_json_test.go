package anonymize

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// FuzzScrub: scrubbing never fails on text, is deterministic, matches are
// ordered and inside the text, every byte outside the matches is copied in
// order, and every IBAN and card it finds is changed.
func FuzzScrub(f *testing.F) {
	for _, s := range []string{
		scrubBenchText,
		"mail a@example.it, tel +39 347 123 4567, IBAN GB29NWBK60161331926819, carta 5555555555554444.",
		"Karte 5555-5555-5555-4444, Ablauf 12/27, Tel. 030/12345678",
		"(020) 7946 0958 / +44 (0)20 7946 0958 / 01.23.45.67.89",
		"2024-03-15 12.345.678,90 EUR order #0612345678",
		"x@y@z.com..@a.b.cc", "", "@", "+", "(", "IT60 X054 2811 1010 0000 0123 45",
		"Cordiali saluti,\nsig.ra Dell'Acqua (nata a Cagliari il 10/07/1992), C.F. MRRGAI92L50B354X",
		"Mio marito Paolo Sanna, gaia.marras AT gmail DOT com, 93.44.120.7, it60x0542811101000000123456",
	} {
		f.Add(s)
	}
	m, err := New("scrub", Env{Key: scrubKey(f), Locale: "it"}, nil)
	if err != nil {
		f.Fatal(err)
	}
	s := m.(scrubMask).scrubber(f)
	f.Fuzz(func(t *testing.T, in string) {
		out, err := s.apply(nil, []byte(in))
		if err != nil {
			t.Fatalf("scrub(%q): %v", in, err)
		}
		again, _ := s.apply(nil, []byte(in))
		if string(again) != string(out) {
			t.Fatalf("scrub(%q) not deterministic: %q then %q", in, out, again)
		}
		hits, err := s.find([]byte(in), new(scrubScratch))
		if err != nil {
			t.Fatal(err)
		}
		last, at := 0, 0
		for _, h := range hits {
			if h.start < last || h.end <= h.start || h.end > len(in) {
				t.Fatalf("scrub(%q): bad match [%d,%d) after %d", in, h.start, h.end, last)
			}
			k := strings.Index(string(out[at:]), in[last:h.start])
			if k < 0 || (last == 0 && k != 0) {
				t.Fatalf("scrub(%q) = %q: text %q outside the matches not copied", in, out, in[last:h.start])
			}
			at += k + h.start - last
			if (h.kind == piiIBAN || h.kind == piiCard) && strings.HasPrefix(string(out[at:]), in[h.start:h.end]) {
				t.Fatalf("scrub(%q): %v %q unchanged", in, h.kind, in[h.start:h.end])
			}
			last = h.end
		}
		if !strings.HasSuffix(string(out), in[last:]) {
			t.Fatalf("scrub(%q) changed the tail %q", in, in[last:])
		}
	})
}

// FuzzJSONMask: the rewriter accepts exactly the documents encoding/json
// accepts, its output is valid JSON, and with keep masks it is the input.
func FuzzJSONMask(f *testing.F) {
	for _, s := range []string{
		jsonBenchDoc,
		`{"a":"x","b":[1,"2",true,null,{"c":"d"}],"e\u006dail":"\ud83d\ude00\n"}`,
		`[[["a"]],{"a":{"a":-1.5e3}}]`, ` "s" `, `{"a":1,}`, `{"a" 1}`, `"\ud800"`, "", "[", `{"email":"x@y.it"}`,
	} {
		f.Add(s)
	}
	masking := mustJSONBound(f, "$..email", plainMasker(f, "email"), "$.b[*]", jsonWrap{}, "$.a", plainMasker(f, "digits"),
		"$[0]", jsonRegistryMask(f, "null", nil), "$..c", jsonRegistryMask(f, "redact", nil))
	keep := jsonRegistryMask(f, "keep", nil)
	keeping := mustJSONBound(f, "$..*", keep, "$", keep)
	f.Fuzz(func(t *testing.T, in string) {
		valid := json.Valid([]byte(in))
		out, _, err := masking.Apply(nil, []byte(in), false)
		if errors.Is(err, errJSONDepth) {
			return
		}
		if valid != (err == nil) {
			t.Fatalf("json.Valid(%q) = %v, mask error %v", in, valid, err)
		}
		if err == nil && !json.Valid(out) {
			t.Fatalf("mask(%q) = %q: not valid JSON", in, out)
		}
		out, _, err = keeping.Apply(nil, []byte(in), false)
		if valid != (err == nil) || (err == nil && !bytes.Equal(out, []byte(in))) {
			t.Fatalf("keep(%q) = %q, %v", in, out, err)
		}
	})
}

// FuzzJSONPath: the parser never panics, and what it accepts starts at $.
func FuzzJSONPath(f *testing.F) {
	for _, s := range []string{"$", "$.a.b", "$['a b']", `$["x\"y"]`, "$[0][*]", "$..a", "$..['k']", "$.*", "$[", "$..", "$[-1]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parseJSONPath(s)
		if err == nil && !strings.HasPrefix(s, "$") {
			t.Fatalf("parse(%q) accepted %+v", s, p.steps)
		}
	})
}
