package textpii

import (
	"bytes"
	"encoding/binary"
	"net/netip"
	"testing"
)

func seedOf(k uint64) []byte {
	b := make([]byte, 32)
	for i := 0; i < 4; i++ {
		binary.LittleEndian.PutUint64(b[8*i:], mix64(k+uint64(i)*0x1234567))
	}
	return b
}

// shapeOf maps every digit to '9', every upper-case letter to 'A', every
// lower-case letter to 'a', other bytes kept.
func shapeOf(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		switch {
		case isDigit(c):
			out[i] = '9'
		case isUpper(c):
			out[i] = 'A'
		case isLower(c):
			out[i] = 'a'
		default:
			out[i] = c
		}
	}
	return string(out)
}

var idSamples = []struct {
	t    IDType
	orig string
}{
	{ITCodiceFiscale, "RSSMRA85T10A562S"},
	{ITCodiceFiscale, "bnclra70a41h501b"},
	{ITCodiceFiscale, "RSSMRA85T10A5NSG"},
	{ITCodiceFiscale, "MRRGAI92L50B354X"}, // wrong check letter in the original
	{ITCodiceFiscale, "FRRLCU75C22Z110F"},
	{FRNIR, "2 92 07 75 123 456 03"},
	{FRNIR, "185052A12345633"},
	{FRNIR, "184037645108996"},
	{DESteuerID, "86095742719"},
	{DESteuerID, "12 532 870 461"},
	{ESDNI, "12345678Z"},
	{ESDNI, "87654321-x"},
	{ESNIE, "X1234567L"},
	{ESNIE, "Y-7654321-G"},
	{UKNINO, "AB 12 34 56 C"},
	{UKNINO, "ab123456c"},
	{USSSN, "123-45-6789"},
	{USSSN, "078051120"},
}

func TestFakeNationalIDProperties(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	for _, s := range idSamples {
		orig := []byte(s.orig)
		var buf []byte
		for k := 0; k < n; k++ {
			seed := seedOf(uint64(k))
			buf = FakeNationalID(buf[:0], s.t, orig, seed)
			if !ValidNationalID(s.t, buf) {
				t.Fatalf("%v %q seed %d: fake %q not valid", s.t, orig, k, buf)
			}
			if len(buf) != len(orig) || shapeOf(buf) != shapeOf(orig) {
				t.Fatalf("%v %q: fake %q has another shape", s.t, orig, buf)
			}
			if bytes.EqualFold(buf, orig) {
				t.Fatalf("%v %q seed %d: fake equals the original", s.t, orig, k)
			}
			again := FakeNationalID(nil, s.t, orig, seed)
			if !bytes.Equal(again, buf) {
				t.Fatalf("%v: not deterministic: %q vs %q", s.t, buf, again)
			}
		}
	}
}

// TestFakeShapeExact checks the shape character by character for the types
// whose letters and digits have fixed places (CF: omocodia kept; NIR: 2A kept).
func TestFakeShapeExact(t *testing.T) {
	for _, s := range idSamples {
		for k := 0; k < 200; k++ {
			got := FakeNationalID(nil, s.t, []byte(s.orig), seedOf(uint64(k)))
			if shapeOf(got) != shapeOf([]byte(s.orig)) {
				t.Fatalf("%v %q: fake %q shape %q, want %q", s.t, s.orig, got, shapeOf(got), shapeOf([]byte(s.orig)))
			}
		}
	}
}

func TestFakeNationalIDTraits(t *testing.T) {
	for k := 0; k < 500; k++ {
		cf := FakeNationalID(nil, ITCodiceFiscale, []byte("BNCLRA70A41H501B"), seedOf(uint64(k)))
		if d := atoi(cf[9:11]); d < 41 || d > 71 {
			t.Fatalf("female CF lost its sex: %q", cf)
		}
		cf = FakeNationalID(nil, ITCodiceFiscale, []byte("FRRLCU75C22Z110F"), seedOf(uint64(k)))
		if cf[11] != 'Z' {
			t.Fatalf("foreign-born CF lost its Z: %q", cf)
		}
		nir := FakeNationalID(nil, FRNIR, []byte("185052A12345633"), seedOf(uint64(k)))
		if nir[0] != '1' || string(nir[5:7]) != "2A" {
			t.Fatalf("NIR traits lost: %q", nir)
		}
	}
	// An original without the type's length gets the canonical form.
	if got := FakeNationalID(nil, USSSN, []byte("12"), seedOf(1)); len(got) != 11 || !ValidNationalID(USSSN, got) {
		t.Errorf("canonical SSN: %q", got)
	}
	if got := FakeNationalID(nil, DESteuerID, nil, seedOf(1)); len(got) != 11 || !ValidNationalID(DESteuerID, got) {
		t.Errorf("canonical Steuer-ID: %q", got)
	}
}

func TestValidNationalID(t *testing.T) {
	cases := []struct {
		t    IDType
		s    string
		want bool
	}{
		{ITCodiceFiscale, "RSSMRA85T10A562S", true},
		{ITCodiceFiscale, "RSSMRA85T10A562X", false},
		{ITCodiceFiscale, "RSSMRA85X10A562S", false}, // X is no month
		{ITCodiceFiscale, "RSSMRA85T35A562S", false}, // day 35
		{FRNIR, "292077512345603", true},
		{FRNIR, "292077512345604", false},
		{FRNIR, "185052B12345633", false},
		{FRNIR, "592077512345603", false},
		{DESteuerID, "86095742719", true},
		{DESteuerID, "86095742718", false},
		{DESteuerID, "01234567890", false},
		{DESteuerID, "11123456789", false},
		{ESDNI, "12345678Z", true},
		{ESDNI, "12345678A", false},
		{ESNIE, "Z1111111D", true},
		{ESNIE, "A1111111D", false},
		{UKNINO, "AB123456C", true},
		{UKNINO, "QQ123456C", false},
		{UKNINO, "GB123456C", false},
		{UKNINO, "AB123456E", false},
		{USSSN, "123-45-6789", true},
		{USSSN, "900-45-6789", false},
		{USSSN, "123-00-6789", false},
		{USSSN, "123-45-0000", false},
		{IDNone, "123", false},
	}
	for _, c := range cases {
		if got := ValidNationalID(c.t, []byte(c.s)); got != c.want {
			t.Errorf("ValidNationalID(%v, %q) = %v", c.t, c.s, got)
		}
	}
}

func TestFakeDigitsLike(t *testing.T) {
	for _, orig := range []string{"CA12345AB", "ya1234567", "123", "L01X00T47", "0", "a-1 b"} {
		for k := 0; k < 1000; k++ {
			got := FakeDigitsLike(nil, []byte(orig), seedOf(uint64(k)))
			if shapeOf(got) != shapeOf([]byte(orig)) {
				t.Fatalf("%q -> %q: shape changed", orig, got)
			}
			if string(got) == orig {
				t.Fatalf("%q seed %d: unchanged", orig, k)
			}
			if again := FakeDigitsLike(nil, []byte(orig), seedOf(uint64(k))); !bytes.Equal(again, got) {
				t.Fatal("not deterministic")
			}
		}
	}
	if got := FakeDigitsLike([]byte("x"), []byte("-é-"), seedOf(0)); string(got) != "x-é-" {
		t.Errorf("non-alphanumeric bytes changed: %q", got)
	}
}

func TestFakeIP(t *testing.T) {
	for _, orig := range []string{"93.44.120.7", "10.0.0.1", "127.0.0.1", "0.0.0.0", "::1", "::",
		"2001:db8::1", "fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.128", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"} {
		o := netip.MustParseAddr(orig)
		for k := 0; k < 2000; k++ {
			got := FakeIP(nil, []byte(orig), seedOf(uint64(k)))
			a, err := netip.ParseAddr(string(got))
			if err != nil {
				t.Fatalf("%s -> %q: %v", orig, got, err)
			}
			if a.Is4() != o.Is4() || (o.Is4() && bytes.Contains(got, []byte(":"))) {
				t.Fatalf("%s -> %s: family changed", orig, got)
			}
			if !o.IsLoopback() && a.IsLoopback() || !o.IsUnspecified() && a.IsUnspecified() {
				t.Fatalf("%s -> %s: loopback/unspecified", orig, got)
			}
			if o.IsLoopback() != a.IsLoopback() || o.IsUnspecified() != a.IsUnspecified() {
				t.Fatalf("%s -> %s: kind changed", orig, got)
			}
			if a.Is6() && a.String() != string(got) {
				t.Fatalf("%s -> %s: not the compressed form", orig, got)
			}
			if !o.IsLoopback() && !o.IsUnspecified() && a == o {
				t.Fatalf("%s seed %d: unchanged", orig, k)
			}
			if !o.IsLoopback() && !o.IsUnspecified() {
				if ob, ab := o.As16(), a.As16(); o.Is4() && sharesPart(ab[12:], ob[12:], 1) ||
					!o.Is4() && sharesPart(ab[:], ob[:], 2) {
					t.Fatalf("%s -> %s: a part of the original survives", orig, got)
				}
			}
			if again := FakeIP(nil, []byte(orig), seedOf(uint64(k))); !bytes.Equal(again, got) {
				t.Fatal("not deterministic")
			}
		}
	}
	if got := FakeIP(nil, []byte("2001:db8::1"), seedOf(3)); bytes.Count(got, []byte("::")) != 1 {
		t.Errorf("zero groups not kept: %s", got)
	}
	if got := FakeIP(nil, []byte("not-an-ip"), seedOf(3)); len(got) != len("not-an-ip") {
		t.Errorf("fallback: %q", got)
	}
}
