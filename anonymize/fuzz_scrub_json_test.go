package anonymize

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// FuzzScrub: scrubbing never fails on text, keeps the length (the default
// sub-masks are shape-preserving), changes nothing outside the matches, and
// changes every IBAN and card it finds.
func FuzzScrub(f *testing.F) {
	for _, s := range []string{
		scrubBenchText,
		"mail a@example.it, tel +39 347 123 4567, IBAN GB29NWBK60161331926819, carta 5555555555554444.",
		"Karte 5555-5555-5555-4444, Ablauf 12/27, Tel. 030/12345678",
		"(020) 7946 0958 / +44 (0)20 7946 0958 / 01.23.45.67.89",
		"2024-03-15 12.345.678,90 EUR order #0612345678",
		"x@y@z.com..@a.b.cc", "", "@", "+", "(", "IT60 X054 2811 1010 0000 0123 45",
	} {
		f.Add(s)
	}
	b := scrubBound(f, nil, Column{Type: "text"})
	f.Fuzz(func(t *testing.T, in string) {
		out, null, err := b.Apply(nil, []byte(in), false)
		if err != nil || null {
			t.Fatalf("scrub(%q): null %v, %v", in, null, err)
		}
		if len(out) != len(in) {
			t.Fatalf("scrub(%q) = %q: length %d, want %d", in, out, len(out), len(in))
		}
		sc := piiScanner{src: []byte(in)}
		last := 0
		for {
			k, s, e := sc.next()
			if k == piiNone {
				break
			}
			if s < last || e <= s || e > len(in) {
				t.Fatalf("scan(%q): bad match [%d,%d) after %d", in, s, e, last)
			}
			if in[last:s] != string(out[last:s]) {
				t.Fatalf("scrub(%q) changed %q outside the matches", in, in[last:s])
			}
			if (k == piiIBAN || k == piiCard) && in[s:e] == string(out[s:e]) {
				t.Fatalf("scrub(%q): %v %q unchanged", in, k, in[s:e])
			}
			last = e
		}
		if in[last:] != string(out[last:]) {
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
	requireMasks(f, "email", "digits")
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
