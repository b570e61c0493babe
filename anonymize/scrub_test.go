package anonymize

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// Reference values, checked independently below (big-integer mod 97, Luhn).
var scrubIBANs = []string{
	"IT60 X054 2811 1010 0000 0123 456",
	"FR14 2004 1010 0505 0001 3M02 606",
	"DE89 3704 0044 0532 0130 00",
	"ES91 2100 0418 4502 0005 1332",
	"NL91 ABNA 0417 1643 00",
	"BE68 5390 0754 7034",
	"AT61 1904 3002 3457 3201",
	"PT50 0002 0123 1234 5678 9015 4",
	"LU28 0019 4006 4475 0000",
	"CH93 0076 2011 6238 5295 7",
	"GB29 NWBK 6016 1331 9268 19",
}

var scrubCards = []string{
	"4111 1111 1111 1111",     // Visa
	"4012888888881881",        // Visa, compact
	"5555-5555-5555-4444",     // Mastercard
	"2223 0031 2200 3222",     // Mastercard 2-series
	"3782 822463 10005",       // Amex 4-6-5
	"371449635398431",         // Amex compact
	"6011 1111 1111 1117",     // Discover
	"4111 1111 1111 1111 003", // Visa, 19 digits
}

var scrubPhones = []string{
	// Italy
	"+39 347 123 4567", "0039 06 1234 5678", "347 1234567", "3471234567", "06 1234 5678", "+39 06 12345678",
	"(+39) 347 1234567", "347-1234567",
	// France
	"01 23 45 67 89", "+33 1 23 45 67 89", "01.23.45.67.89", "+33 (0)1 23 45 67 89", "0033 6 12 34 56 78",
	// Germany
	"+49 30 12345678", "030 12345678", "030/12345678", "0171 1234567", "+49 (0)30 1234 5678", "030-123456-78",
	// United Kingdom
	"+44 20 7946 0958", "020 7946 0958", "07700 900123", "(020) 7946 0958", "+44 (0)20 7946 0958",
	// NANP
	"(555) 123-4567", "555.123.4567",
}

var scrubEmails = []string{
	"mario.rossi@example.it", "anna+tag@mail.example.co.uk", "j_doe@ex-ample.com", "MARIO@EXAMPLE.IT",
	"first.last@sub.domain.example.com", "o'neil@example.ie", "x1@example.fr",
}

func refIBANValid(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	var digits strings.Builder
	for _, c := range s[4:] + s[:4] {
		if c >= 'A' && c <= 'Z' {
			fmt.Fprintf(&digits, "%d", c-'A'+10)
		} else {
			digits.WriteRune(c)
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

func refLuhn(s string) bool {
	var ds []int
	for _, c := range s {
		if c >= '0' && c <= '9' {
			ds = append(ds, int(c-'0'))
		}
	}
	sum := 0
	for i := range ds {
		d := ds[len(ds)-1-i]
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return len(ds) > 0 && sum%10 == 0
}

func TestScrubReferenceData(t *testing.T) {
	for _, s := range scrubIBANs {
		if !refIBANValid(s) {
			t.Errorf("reference IBAN %s is not valid", s)
		}
	}
	for _, s := range scrubCards {
		if !refLuhn(s) {
			t.Errorf("reference card %s is not Luhn-valid", s)
		}
	}
	if !refLuhn("4111111111111111") || refLuhn("4111111111111112") {
		t.Fatal("refLuhn is wrong")
	}
}

type piiMatch struct {
	kind piiKind
	text string
}

func scanAll(src string) []piiMatch {
	var out []piiMatch
	sc := piiScanner{src: []byte(src)}
	for {
		k, s, e := sc.next()
		if k == piiNone {
			return out
		}
		out = append(out, piiMatch{k, src[s:e]})
	}
}

func TestScrubDetectsEachKind(t *testing.T) {
	contexts := []string{"%s", "Contatto: %s.", "(%s)", "tel/IBAN/mail %s, grazie", "<%s>", "\"%s\"", "%s\n", "a: %s; b"}
	check := func(kind piiKind, value string) {
		t.Helper()
		for _, ctx := range contexts {
			in := fmt.Sprintf(ctx, value)
			got := scanAll(in)
			if len(got) != 1 || got[0].kind != kind || got[0].text != value {
				t.Errorf("scan(%q) = %v, want [{%v %q}]", in, got, kind, value)
			}
		}
	}
	for _, s := range scrubIBANs {
		check(piiIBAN, s)
		check(piiIBAN, strings.ReplaceAll(s, " ", ""))
	}
	for _, s := range scrubCards {
		check(piiCard, s)
	}
	for _, s := range scrubPhones {
		check(piiPhone, s)
	}
	for _, s := range scrubEmails {
		check(piiEmail, s)
	}
}

func TestScrubDetectsInContext(t *testing.T) {
	cases := []struct {
		in   string
		want []piiMatch
	}{
		{"Scrivi a luca@example.org.", []piiMatch{{piiEmail, "luca@example.org"}}},
		{"'mario@x.it'", []piiMatch{{piiEmail, "mario@x.it"}}},
		{"mailto:foo@bar.de,", []piiMatch{{piiEmail, "foo@bar.de"}}},
		{"**bold@example.com**", []piiMatch{{piiEmail, "bold@example.com"}}},
		{"a@b.com.123", []piiMatch{{piiEmail, "a@b.com"}}},
		{"0612345678@example.fr", []piiMatch{{piiEmail, "0612345678@example.fr"}}},
		{"https://user:secret@host.example.net/x", []piiMatch{{piiEmail, "secret@host.example.net"}}},
		{"a@b.co b@c.de", []piiMatch{{piiEmail, "a@b.co"}, {piiEmail, "b@c.de"}}},
		{"Tel. 06 1234 5678 il 15/03/2024", []piiMatch{{piiPhone, "06 1234 5678"}}},
		{"0612345678 15/03/2024", []piiMatch{{piiPhone, "0612345678"}}},
		{"15/03/2024 0612345678", []piiMatch{{piiPhone, "0612345678"}}},
		{"tel:+393471234567", []piiMatch{{piiPhone, "+393471234567"}}},
		{"card 4111 1111 1111 1111 12/27", []piiMatch{{piiCard, "4111 1111 1111 1111"}}},
		{"IBAN IT60X0542811101000000123456 intestato", []piiMatch{{piiIBAN, "IT60X0542811101000000123456"}}},
		{"IBAN: DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX", []piiMatch{{piiIBAN, "DE89 3704 0044 0532 0130 00"}}},
		{"mail a@example.it, tel +39 347 123 4567, IBAN GB29NWBK60161331926819, carta 5555555555554444.",
			[]piiMatch{{piiEmail, "a@example.it"}, {piiPhone, "+39 347 123 4567"}, {piiIBAN, "GB29NWBK60161331926819"}, {piiCard, "5555555555554444"}}},
		{"città: Milano, tel 02 1234 5678 – è urgente", []piiMatch{{piiPhone, "02 1234 5678"}}},
		{"Neuro 0612345678 Europe", []piiMatch{{piiPhone, "0612345678"}}},
		{"+1 (555) 123-4567 / 1 555 123 4567", []piiMatch{{piiPhone, "+1 (555) 123-4567"}, {piiPhone, "1 555 123 4567"}}},
	}
	for _, c := range cases {
		got := scanAll(c.in)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("scan(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestScrubFalsePositives(t *testing.T) {
	for _, in := range []string{
		// order and reference numbers
		"Ordine 12345678 del cliente", "order #0612345678", "ORD-2024-00012345", "ref 1234 5678", "pratica 20240315001",
		"ticket 3000 0000", "SKU 12345678-ABC", "ISBN 978-3-16-148410-0", "000123456789",
		// dates and times
		"2024-03-15", "15/03/2024", "15.03.2024", "03/15/2024", "01-02-2024 10:30", "dalle 09.00-18.00", "2024-03-15T10:30:00Z",
		"10:30:45", "2019-2024",
		// amounts and decimals
		"1234.56", "12345678.90", "12.345.678,90 EUR", "EUR 12345678", "€ 0612345678", "0612345678 €", "1 234 567,89 €",
		"0.12345678", "3 471 234 567", "totale 123456789 USD", "12345678%",
		// addresses and versions
		"IP 192.168.100.200", "v1.2.3", "172.16.254.1",
		// IBANs with wrong check digits, wrong length or case
		"IT61 X054 2811 1010 0000 0123 456", "IT60X054281110100000012345", "DE89 3704 0044 0532 0130 01", "de89370400440532013000",
		"XX89370400440532013000", "GB29NWBK60161331926819X",
		// card-like numbers that are not cards
		"4111 1111 1111 1112", "1234567890123", "4111111111111111111111", "ABC4111111111111111", "4111111111111111ABC",
		"0111 1111 1111 1111", "4111-1111-1111-1111-5",
		// not e-mail addresses
		"a@b", "x@y.c", "user@localhost", "@handle", "name@123.45", "josé@", "mail @ example.com",
	} {
		if got := scanAll(in); len(got) != 0 {
			t.Errorf("scan(%q) = %v, want nothing", in, got)
		}
	}
}

// scrubKey is the key of the scrub tests.
func scrubKey(t testing.TB) *Key {
	t.Helper()
	k, err := NewKey([]byte("scrub-test-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func scrubBound(t testing.TB, p MapParams, c Column) Bound {
	t.Helper()
	return bindMaskEnv(t, "scrub", Env{Key: scrubKey(t)}, p, c)
}

// plainBound is the mask a plain column of that kind gets.
func plainBound(t testing.TB, kind string) Bound {
	t.Helper()
	return bindMaskEnv(t, kind, Env{Key: scrubKey(t), Domain: kind}, nil, Column{Type: "text"})
}

func applyOK(t testing.TB, b Bound, in string) string {
	t.Helper()
	out, null, err := b.Apply(nil, []byte(in), false)
	if err != nil || null {
		t.Fatalf("Apply(%q): null %v, %v", in, null, err)
	}
	return string(out)
}

// TestScrubReplacesWithPlainPseudonyms: each value is replaced by what the
// plain mask of its kind gives, and every other byte is unchanged.
func TestScrubReplacesWithPlainPseudonyms(t *testing.T) {
	b := scrubBound(t, nil, Column{Type: "text"})
	type part struct{ kind, text string }
	cases := [][]part{
		{{"", "Buongiorno, sono "}, {"first_name", "Mario"}, {"", " ("}, {"email", "mario.rossi@example.it"}, {"", "), il mio IBAN è "},
			{"iban", "IT60 X054 2811 1010 0000 0123 456"}, {"", " e il cellulare "}, {"phone", "+39 347 123 4567"}, {"", "."}},
		{{"email", "anna@example.fr"}, {"", "\n"}, {"phone", "01.23.45.67.89"}},
		{{"", "Karte "}, {"card", "5555-5555-5555-4444"}, {"", ", Ablauf 12/27, Tel. "}, {"phone", "030/12345678"}},
		{{"", "Amex "}, {"card", "3782 822463 10005"}, {"", " – GB: "}, {"iban", "GB29NWBK60161331926819"},
			{"", " / "}, {"phone", "+44 (0)20 7946 0958"}},
		{{"", "nothing to see: order 12345678, 2024-03-15, € 1.234,56"}},
	}
	for _, parts := range cases {
		var in, want strings.Builder
		for _, p := range parts {
			in.WriteString(p.text)
			if p.kind == "" {
				want.WriteString(p.text)
			} else {
				want.WriteString(applyOK(t, plainBound(t, p.kind), p.text))
			}
		}
		got := applyOK(t, b, in.String())
		if got != want.String() {
			t.Errorf("scrub(%q)\n got %q\nwant %q", in.String(), got, want.String())
		}
		for _, p := range parts {
			if p.kind != "" && strings.Contains(got, p.text) {
				t.Errorf("scrub(%q) still holds %q", in.String(), p.text)
			}
		}
	}
}

func TestScrubSubMaskParams(t *testing.T) {
	key := scrubKey(t)
	mk := func(name string, p MapParams) Masker {
		t.Helper()
		m, err := New(name, Env{Key: key}, p)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	in := "write to a.b@example.com or call 06 1234 5678"
	cases := []struct {
		p    MapParams
		want string
	}{
		{MapParams{"email": mk("redact", MapParams{"value": "[email]"}), "phone": mk("redact", nil)},
			"write to [email] or call ***"},
		{MapParams{"email": mk("keep", nil), "phone": mk("null", nil)}, "write to a.b@example.com or call "},
	}
	for _, c := range cases {
		if got := applyOK(t, scrubBound(t, c.p, Column{Type: "text"}), in); got != c.want {
			t.Errorf("scrub(%v) = %q, want %q", c.p, got, c.want)
		}
	}
	if _, err := New("scrub", Env{Key: key}, MapParams{"email": "not a mask"}); err == nil {
		t.Error("a parameter that is not a mask was accepted")
	}
}

func TestScrubColumns(t *testing.T) {
	m, err := New("scrub", Env{Key: scrubKey(t)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Column{{Type: "int4"}, {Type: "jsonb"}, {Type: "date"}, {Type: "uuid"}} {
		if _, err := m.Bind(c); err == nil {
			t.Errorf("Bind(%v) accepted", c)
		}
	}
	// Arrays element-wise, NULLs kept.
	arr := scrubBound(t, nil, Column{Type: "text", Array: true})
	out := applyOK(t, arr, `{"mail a@example.it",NULL,plain}`)
	if strings.Contains(out, "a@example.it") || !strings.HasSuffix(out, ",NULL,plain}") {
		t.Errorf("array: %q", out)
	}
	// Length limit.
	short := scrubBound(t, nil, Column{Type: "varchar", MaxLen: 12})
	if out := applyOK(t, short, "mail a@example.it please"); len([]rune(out)) != 12 || strings.Contains(out, "a@ex") {
		t.Errorf("varchar(12): %q", out)
	}
	// NULL stays NULL.
	if _, null, err := scrubBound(t, nil, Column{Type: "text"}).Apply(nil, nil, true); !null || err != nil {
		t.Errorf("NULL: %v %v", null, err)
	}
}

func TestScrubDeterministic(t *testing.T) {
	b := scrubBound(t, nil, Column{Type: "text"})
	in := "IBAN FR14 2004 1010 0505 0001 3M02 606, mail x@example.com"
	if a, c := applyOK(t, b, in), applyOK(t, b, in); a != c || a == in {
		t.Errorf("not deterministic or unchanged: %q %q", a, c)
	}
}

func TestScrubScannerDoesNotAllocate(t *testing.T) {
	src := []byte(scrubBenchText)
	allocs := testing.AllocsPerRun(100, func() {
		sc := piiScanner{src: src}
		for k, _, _ := sc.next(); k != piiNone; k, _, _ = sc.next() {
		}
	})
	if allocs != 0 {
		t.Errorf("scanner allocates %v times per text", allocs)
	}
}

// scrubBenchText is a 200-byte ticket with one e-mail, one IBAN, one phone.
var scrubBenchText = func() string {
	s := "Buongiorno, sono Mario Rossi (mario.rossi@example.it). Vi chiedo di accreditare il rimborso " +
		"sul conto IT60 X054 2811 1010 0000 0123 456 entro venerdì. Per urgenze: +39 347 123 4567."
	for len(s) < 200 {
		s += " "
	}
	return s[:200]
}()

func BenchmarkScrub200(b *testing.B) {
	bd := scrubBound(b, nil, Column{Type: "text"})
	src := []byte(scrubBenchText)
	if got := len(scanAll(scrubBenchText)); got != 3 {
		b.Fatalf("bench text has %d matches, want 3", got)
	}
	var out []byte
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var err error
		out, _, err = bd.Apply(out[:0], src, false)
		if err != nil {
			b.Fatal(err)
		}
	}
}
