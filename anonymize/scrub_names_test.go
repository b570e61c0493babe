package anonymize

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/anonymize/textpii"
)

// knownIndex builds a known-name index over customers' first and last
// names, masked like plain first_name / last_name columns.
func knownIndex(t testing.TB, firsts, lasts []string) *KnownNames {
	t.Helper()
	b := NewKnownNamesBuilder(0)
	for _, col := range []struct {
		mask   string
		values []string
	}{{"first_name", firsts}, {"last_name", lasts}} {
		m, err := New(col.mask, Env{Key: scrubKey(t), Locale: "it", Domain: col.mask}, nil)
		if err != nil {
			t.Fatal(err)
		}
		id, err := b.Column("public.customers."+col.mask, m)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range col.values {
			if err := b.Add(id, []byte(v)); err != nil {
				t.Fatal(err)
			}
		}
	}
	k, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// namesScrub is a scrub bound to text whose known names are k.
func namesScrub(t testing.TB, k *KnownNames, p MapParams) Bound {
	t.Helper()
	ref := NewKnownNamesRef()
	ref.Set(k)
	return bindMaskEnv(t, "scrub", Env{Key: scrubKey(t), Locale: "it", Names: ref}, p, Column{Type: "text"})
}

func maskOf(t testing.TB, mask, locale, v string) string {
	t.Helper()
	return applyOK(t, bindMaskEnv(t, mask, Env{Key: scrubKey(t), Locale: locale, Domain: mask}, nil, Column{Type: "text"}), v)
}

// The five tickets through which a user found names, a codice fiscale, an
// address, a birth date, identity documents, an obfuscated e-mail, an IP
// address, a lower-case IBAN and a CVV passing through scrub unchanged.
var fiveTickets = []string{
	"Reclamo di Gaia Marras",
	"Buongiorno, sono Gaia Marras, codice fiscale MRRGAI92L50B354X. Mio marito Paolo Sanna ha chiamato ieri.",
	"Sono nata a Cagliari il 10/07/1992, residente in Via Roma 15, 09124 Cagliari. Carta d'identità CA12345AB, passaporto YA1234567.",
	"Scrivetemi a gaia.marras AT gmail DOT com; ho fatto login da 93.44.120.7 stamattina.",
	"IBAN it60x0542811101000000123456, CVV 123. Cordiali saluti, sig.ra Marras",
}

func TestScrubFiveTicketsLeaveNothingPersonal(t *testing.T) {
	b := namesScrub(t, knownIndex(t, []string{"Gaia"}, []string{"Marras"}), nil)
	personal := []string{"Gaia", "Marras", "Paolo", "Sanna", "MRRGAI92L50B354X", "Cagliari", "10/07/1992",
		"Via Roma 15", "09124", "CA12345AB", "YA1234567", "gaia.marras", "93.44.120.7",
		"it60x0542811101000000123456", "CVV 123"}
	ordinary := []string{"Reclamo di", "Buongiorno, sono", "codice fiscale", "Mio marito", "ha chiamato ieri.",
		"Sono nata a", "residente in", "Carta d'identità", "passaporto", "Scrivetemi a", "ho fatto login da",
		"stamattina.", "IBAN", "CVV", "Cordiali saluti, sig.ra"}
	var all strings.Builder
	for _, ticket := range fiveTickets {
		out := applyOK(t, b, ticket)
		t.Logf("%s\n  -> %s", ticket, out)
		all.WriteString(out)
		all.WriteByte('\n')
	}
	got := all.String()
	for _, v := range personal {
		if strings.Contains(strings.ToLower(got), strings.ToLower(v)) {
			t.Errorf("personal value %q survived scrub", v)
		}
	}
	for _, w := range ordinary {
		if !strings.Contains(got, w) {
			t.Errorf("ordinary text %q was changed", w)
		}
	}
	// The customer's surname reads as the customer's fake surname.
	fake := maskOf(t, "last_name", "it", "Marras")
	if !strings.Contains(got, "sig.ra "+fake) || !strings.Contains(got, maskOf(t, "first_name", "it", "Gaia")+" "+fake) {
		t.Errorf("known names not replaced by their column's pseudonyms (%s): %s", fake, got)
	}
}

func TestScrubKnownNameGetsColumnPseudonymInAnyCase(t *testing.T) {
	k := knownIndex(t, []string{"Gaia", "Anna Maria"}, []string{"Marras", "De Luca", "Dell'Acqua"})
	b := namesScrub(t, k, MapParams{"names": "known"})
	first, last := maskOf(t, "first_name", "it", "Gaia"), maskOf(t, "last_name", "it", "Marras")
	for _, c := range []struct{ in, want string }{
		{"Cordiali saluti,\nGaia Marras", "Cordiali saluti,\n" + first + " " + last},
		{"GAIA MARRAS ha scritto", strings.ToUpper(first+" "+last) + " ha scritto"},
		{"scrive gaia marras.", "scrive " + strings.ToLower(first+" "+last) + "."},
		{"marras gaia - sollecito", strings.ToLower(last+" "+first) + " - sollecito"},
		{"Il conto di Marras è chiuso", "Il conto di " + last + " è chiuso"},
		{"la pratica De Luca", "la pratica " + maskOf(t, "last_name", "it", "De Luca")},
		{"firmato Anna Maria Dell'Acqua", "firmato " + maskOf(t, "first_name", "it", "Anna Maria") + " " + maskOf(t, "last_name", "it", "Dell'Acqua")},
	} {
		if got := applyOK(t, b, c.in); got != c.want {
			t.Errorf("%q -> %q, want %q", c.in, got, c.want)
		}
	}
}

func TestScrubLeavesOrdinaryWordsThatAreNames(t *testing.T) {
	b := namesScrub(t, knownIndex(t, nil, nil), nil)
	for _, s := range []string{
		"Ho comprato una giacca rosa e una camicia bianca.",
		"Consegna in franco fabbrica, giornata serena.",
		"Vogliamo vivere in pace.",
		"I will mark the box and call you.",
		"Je suis à Nice pour le week-end.",
		"Das Konto wurde am Montag gesperrt.",
		"Il bonifico è stato eseguito ieri.",
	} {
		if got := applyOK(t, b, s); got != s {
			t.Errorf("ordinary prose changed: %q -> %q", s, got)
		}
	}
}

func TestScrubNamesInContextWithoutAnyList(t *testing.T) {
	b := namesScrub(t, knownIndex(t, nil, nil), nil)
	for _, c := range []struct{ in, gone string }{
		{"Mio marito Tizianello Zorzettig ha chiamato.", "Zorzettig"},
		{"Cordiali saluti, sig.ra Zorzettig", "Zorzettig"},
		{"Sehr geehrte Frau Quappendorf,", "Quappendorf"},
		{"Dear Mr Thistlewaite,", "Thistlewaite"},
		{"Bonjour, je suis Maëlys Kerboriou.", "Kerboriou"},
	} {
		if got := applyOK(t, b, c.in); strings.Contains(got, c.gone) {
			t.Errorf("%q -> %q: %s survived", c.in, got, c.gone)
		}
	}
}

func TestScrubRefusesWhenExpectedKnownNamesAreMissing(t *testing.T) {
	ref := NewKnownNamesRef()
	ref.Expect()
	m, err := New("scrub", Env{Key: scrubKey(t), Locale: "it", Names: ref}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.Bind(Column{Type: "text"})
	if err != nil {
		t.Fatal(err)
	}
	if out, _, err := b.Apply(nil, []byte("Gaia Marras"), false); err == nil {
		t.Fatalf("scrub without its expected known names gave %q, want an error", out)
	}
	ref.Set(knownIndex(t, []string{"Gaia"}, nil))
	if _, _, err := b.Apply(nil, []byte("Gaia Marras"), false); err != nil {
		t.Fatalf("after the index is set: %v", err)
	}
}

func TestScrubParameterErrors(t *testing.T) {
	email, err := New("email", Env{Key: scrubKey(t), Domain: "email"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		p    MapParams
		want []string
	}{
		{MapParams{"names": "all"}, []string{`"all"`, "both, known, dictionary, off"}},
		{MapParams{"first_name": email}, []string{"first_name must be a name mask", "first_name, last_name, full_name"}},
		{MapParams{"last_name": email}, []string{"last_name must be a name mask"}},
		{MapParams{"ids": "yes"}, []string{"ids"}},
	} {
		_, err := New("scrub", Env{Key: scrubKey(t)}, c.p)
		if err == nil {
			t.Errorf("%v: no error", c.p)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v: error %q does not say %q", c.p, err, w)
			}
		}
	}
}

func TestKnownNamesResolveTheSameWhateverTheOrder(t *testing.T) {
	build := func(vals []string) *KnownNames {
		b := NewKnownNamesBuilder(0)
		m, _ := New("last_name", Env{Key: scrubKey(t), Domain: "last_name"}, nil)
		id0, _ := b.Column("a", m)
		id1, _ := b.Column("b", m)
		for i, v := range vals {
			if err := b.Add([]int{id0, id1}[i%2], []byte(v)); err != nil {
				t.Fatal(err)
			}
		}
		k, _ := b.Build()
		return k
	}
	a := build([]string{"ROSSI", "Rossi", "rossi"})
	z := build([]string{"rossi", "Rossi", "ROSSI"})
	ea, _ := a.lookup([]byte("rossi"))
	ez, _ := z.lookup([]byte("rossi"))
	if ea != ez {
		t.Fatalf("the same values in another order resolve differently: %+v vs %+v", ea, ez)
	}
	if !bytes.Equal([]byte(ea.value), []byte("ROSSI")) && ea.src != 0 {
		t.Fatalf("unexpected entry %+v", ea)
	}
}

// scrubber binds m for tests that look at its matches.
func (m scrubMask) scrubber(t testing.TB) *scrubber {
	t.Helper()
	s, err := m.newScrubber()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestScrubKnownNamePairThatIsAlsoWords(t *testing.T) {
	b := namesScrub(t, knownIndex(t, []string{"Vittoria"}, []string{"Pace"}), nil)
	first, last := maskOf(t, "first_name", "it", "Vittoria"), maskOf(t, "last_name", "it", "Pace")
	if got, want := applyOK(t, b, "pace vittoria - sollecito"), strings.ToLower(last+" "+first)+" - sollecito"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Each word alone, in lower case, is prose.
	for _, s := range []string{"Vogliamo la pace.", "una vittoria netta"} {
		if got := applyOK(t, b, s); got != s {
			t.Errorf("%q -> %q", s, got)
		}
	}
}

// A detector kind the scrubber has no replacement for fails the value
// instead of passing the match through.
func TestScrubRefusesUnknownDetectorKind(t *testing.T) {
	k := textpiiKind(textpii.Kind(250))
	if k != piiKinds {
		t.Fatalf("unknown textpii kind mapped to %v", k)
	}
	m, err := New("scrub", Env{Key: scrubKey(t)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := m.(scrubMask).scrubber(t)
	src := []byte("abc")
	if _, err := s.replace(nil, src, hit{start: 0, end: 3, kind: k}, new(scrubScratch)); err != ErrRefused {
		t.Fatalf("replace of an unknown kind: %v, want ErrRefused", err)
	}
}
