package anonymize

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var fakeMaskNames = []string{"first_name", "last_name", "full_name", "street", "address", "city", "postcode", "company"}

var localeList = []string{"en", "it", "fr", "de"}

// fakeInput is the i-th of a family of realistic, distinct inputs.
func fakeInput(i int) string { return fmt.Sprintf("Person %d of Street %d", i, i*7) }

func TestLocaleListsWellFormed(t *testing.T) {
	for _, code := range localeList {
		l := locales[code]
		if l == nil || l.code != code {
			t.Fatalf("locale %s missing or mislabelled", code)
		}
		for name, list := range map[string][]string{"first": l.first, "last": l.last, "stems": l.stems, "kinds": l.kinds, "forms": l.forms} {
			if len(list) == 0 {
				t.Errorf("%s: empty %s list", code, name)
			}
			for _, s := range list {
				if strings.TrimSpace(s) != s || s == "" || !utf8.ValidString(s) {
					t.Errorf("%s: bad %s entry %q", code, name, s)
				}
			}
		}
		if len(l.cities) < 40 {
			t.Errorf("%s: only %d cities", code, len(l.cities))
		}
		for _, c := range l.cities {
			last := int64(c.lo) + int64(c.n-1)*int64(c.step)
			if c.name == "" || c.n < 1 || c.step < 1 || c.lo < 0 || last > 99999 {
				t.Errorf("%s: bad city %+v", code, c)
			}
		}
		if l.maxNum < 1 {
			t.Errorf("%s: maxNum %d", code, l.maxNum)
		}
		if code == "en" {
			continue
		}
		// The hand-written lists: big enough and without repeats (repeats
		// are only meant in kinds and forms, as weights).
		for name, c := range map[string]struct {
			list []string
			min  int
		}{"first": {l.first, 60}, "last": {l.last, 80}, "stems": {l.stems, 40}} {
			if len(c.list) < c.min {
				t.Errorf("%s: %s has %d entries, want >= %d", code, name, len(c.list), c.min)
			}
			if d := dedup(c.list); len(d) != len(c.list) {
				t.Errorf("%s: %s has duplicates", code, name)
			}
		}
	}
}

func TestFakeDeterministicAndKeyed(t *testing.T) {
	k1 := testKey(t, "fake-secret-0123456789")
	k2 := testKey(t, "fake-secret-0123456789")
	other := testKey(t, "another-secret-abcdefgh")
	const n = 300
	for _, name := range fakeMaskNames {
		for _, loc := range localeList {
			p := MapParams{"locale": loc}
			b1 := bindMask(t, k1, name, p, textCol)
			b2 := bindMask(t, k2, name, p, textCol)
			b3 := bindMask(t, other, name, p, textCol)
			differ := 0
			for i := range n {
				in := fakeInput(i)
				o1, o2 := apply(t, b1, in), apply(t, b2, in)
				if o1 != o2 {
					t.Fatalf("%s/%s: same secret, %q -> %q and %q", name, loc, in, o1, o2)
				}
				if o1 == "" || o1 == in {
					t.Fatalf("%s/%s: %q -> %q", name, loc, in, o1)
				}
				if apply(t, b1, in) != o1 {
					t.Fatalf("%s/%s: not deterministic for %q", name, loc, in)
				}
				if apply(t, b3, in) != o1 {
					differ++
				}
			}
			// The smallest draw is a city out of ~40: 1/40 collisions expected.
			if differ < n*8/10 {
				t.Errorf("%s/%s: another key changed only %d of %d outputs", name, loc, differ, n)
			}
		}
	}
}

func TestFakeDomainsIndependent(t *testing.T) {
	k := testKey(t, "fake-secret-0123456789")
	m1, err := New("last_name", Env{Key: k, Locale: "it", Domain: "customer"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := New("last_name", Env{Key: k, Locale: "it", Domain: "supplier"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := m1.Bind(textCol)
	b2, _ := m2.Bind(textCol)
	same := 0
	for i := range 200 {
		if apply(t, b1, fakeInput(i)) == apply(t, b2, fakeInput(i)) {
			same++
		}
	}
	if same > 30 { // 90 surnames: ~2 expected
		t.Errorf("domains customer and supplier agree on %d of 200 surnames", same)
	}
}

func TestFakeOutputsComeFromLocale(t *testing.T) {
	k := testKey(t, "fake-secret-0123456789")
	for _, code := range localeList {
		l := locales[code]
		bind := func(name string) Bound { return bindMask(t, k, name, MapParams{"locale": code}, textCol) }
		first, last, full := bind("first_name"), bind("last_name"), bind("full_name")
		street, address, cityB, postcode, company := bind("street"), bind("address"), bind("city"), bind("postcode"), bind("company")
		seen := map[string]map[string]bool{}
		note := func(mask, out string) {
			if seen[mask] == nil {
				seen[mask] = map[string]bool{}
			}
			seen[mask][out] = true
		}
		for i := range 400 {
			in := fakeInput(i)
			if o := apply(t, first, in); !slices.Contains(l.first, o) {
				t.Errorf("%s first_name %q not in the list", code, o)
			} else {
				note("first", o)
			}
			if o := apply(t, last, in); !slices.Contains(l.last, o) {
				t.Errorf("%s last_name %q not in the list", code, o)
			} else {
				note("last", o)
			}
			o := apply(t, full, in)
			f, rest, _ := strings.Cut(o, " ")
			if !slices.Contains(l.first, f) || !slices.Contains(l.last, rest) {
				t.Errorf("%s full_name %q is not First Last from the lists", code, o)
			}
			note("full", o)

			o = apply(t, cityB, in)
			if cityIndex(l, o) < 0 {
				t.Errorf("%s city %q not in the list", code, o)
			}
			note("city", o)
			o = apply(t, postcode, in)
			if !postcodeOfAnyCity(l, o) {
				t.Errorf("%s postcode %q is not five digits of a listed city", code, o)
			}
			note("postcode", o)
			o = apply(t, street, in)
			if !validStreet(l, o) {
				t.Errorf("%s street %q has not the locale's shape", code, o)
			}
			note("street", o)
			o = apply(t, address, in)
			if !validAddress(l, o) {
				t.Errorf("%s address %q has not the locale's shape", code, o)
			}
			note("address", o)
			o = apply(t, company, in)
			if !validCompany(l, o) {
				t.Errorf("%s company %q is not surname(s) + legal form", code, o)
			}
			note("company", o)
		}
		// Spread: the draws use the lists, not a corner of them.
		for mask, min := range map[string]int{"first": 50, "last": 60, "full": 350, "city": 35, "postcode": 60, "street": 350, "address": 390, "company": 250} {
			if len(seen[mask]) < min {
				t.Errorf("%s %s: only %d distinct outputs for 400 inputs", code, mask, len(seen[mask]))
			}
		}
	}
}

func cityIndex(l *locale, name string) int {
	return slices.IndexFunc(l.cities, func(c city) bool { return c.name == name })
}

func cityHasPostcode(c city, code string) bool {
	if len(code) != 5 {
		return false
	}
	n, err := strconv.Atoi(code)
	if err != nil || n < int(c.lo) {
		return false
	}
	d := n - int(c.lo)
	return d%int(c.step) == 0 && d/int(c.step) < int(c.n)
}

func postcodeOfAnyCity(l *locale, code string) bool {
	return slices.ContainsFunc(l.cities, func(c city) bool { return cityHasPostcode(c, code) })
}

// houseNumber checks s is a house number between 1 and max.
func houseNumber(s string, max int) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= max && strconv.Itoa(n) == s
}

// validStreet checks a street line against the locale's lists and word
// order, without knowing which entries were drawn.
func validStreet(l *locale, s string) bool {
	switch l.code {
	case "en": // 12 Oak Street
		num, rest, _ := strings.Cut(s, " ")
		i := strings.LastIndexByte(rest, ' ')
		return houseNumber(num, l.maxNum) && i > 0 && slices.Contains(l.stems, rest[:i]) && slices.Contains(l.kinds, rest[i+1:])
	case "it": // Via Roma 12
		i := strings.LastIndexByte(s, ' ')
		kind, stem, _ := strings.Cut(s[:max(i, 0)], " ")
		return i > 0 && houseNumber(s[i+1:], l.maxNum) && slices.Contains(l.kinds, kind) && slices.Contains(l.stems, stem)
	case "fr": // 12 rue de la Paix
		parts := strings.SplitN(s, " ", 3)
		return len(parts) == 3 && houseNumber(parts[0], l.maxNum) && slices.Contains(l.kinds, parts[1]) && slices.Contains(l.stems, parts[2])
	case "de": // Hauptstraße 12
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || !houseNumber(s[i+1:], l.maxNum) {
			return false
		}
		name := s[:i]
		return slices.ContainsFunc(l.stems, func(stem string) bool {
			return strings.HasPrefix(name, stem) && slices.Contains(l.kinds, name[len(stem):])
		})
	}
	return false
}

// validAddress checks "street, postcode city" (en: "street, city, zip"),
// with the postcode one of the city's own.
func validAddress(l *locale, s string) bool {
	if l.cityFirst {
		i := strings.LastIndex(s, ", ")
		if i < 0 {
			return false
		}
		code := s[i+2:]
		j := strings.LastIndex(s[:i], ", ")
		if j < 0 {
			return false
		}
		c := cityIndex(l, s[j+2:i])
		return validStreet(l, s[:j]) && c >= 0 && cityHasPostcode(l.cities[c], code)
	}
	i := strings.LastIndex(s, ", ")
	if i < 0 {
		return false
	}
	code, name, _ := strings.Cut(s[i+2:], " ")
	c := cityIndex(l, name)
	return validStreet(l, s[:i]) && c >= 0 && cityHasPostcode(l.cities[c], code)
}

func validCompany(l *locale, s string) bool {
	if l.family != "" {
		if name, ok := strings.CutSuffix(s, l.family); ok && slices.Contains(l.last, name) {
			return true
		}
	}
	for _, form := range l.forms {
		names, ok := strings.CutSuffix(s, " "+form)
		if !ok {
			continue
		}
		if slices.Contains(l.last, names) {
			return true
		}
		a, b, ok := strings.Cut(names, " & ")
		if ok && a != b && slices.Contains(l.last, a) && slices.Contains(l.last, b) {
			return true
		}
	}
	return false
}

func TestFakeEmptyStaysEmpty(t *testing.T) {
	k := testKey(t, "fake-secret-0123456789")
	for _, name := range fakeMaskNames {
		b := bindMask(t, k, name, nil, textCol)
		if o := apply(t, b, ""); o != "" {
			t.Errorf("%s: empty input gave %q", name, o)
		}
		if o, null, err := b.Apply(nil, nil, true); err != nil || !null || len(o) != 0 {
			t.Errorf("%s: NULL gave %q null=%v err=%v", name, o, null, err)
		}
	}
}

func TestFakeMaxLenAndArrays(t *testing.T) {
	k := testKey(t, "fake-secret-0123456789")
	for _, name := range fakeMaskNames {
		for _, loc := range localeList {
			p := MapParams{"locale": loc}
			for _, n := range []int{1, 4, 9} {
				b := bindMask(t, k, name, p, Column{Type: "varchar", MaxLen: n})
				for i := range 100 {
					o := apply(t, b, fakeInput(i))
					if utf8.RuneCountInString(o) > n || !utf8.ValidString(o) {
						t.Fatalf("%s/%s varchar(%d): %q", name, loc, n, o)
					}
				}
			}
			arr := bindMask(t, k, name, p, Column{Type: "text", Array: true})
			one := bindMask(t, k, name, p, textCol)
			o := apply(t, arr, `{"Mario Rossi",NULL,"Anna Bianchi"}`)
			want := "{" + quoteArrayElem(apply(t, one, "Mario Rossi")) + ",NULL," +
				quoteArrayElem(apply(t, one, "Anna Bianchi")) + "}"
			if o != want {
				t.Errorf("%s/%s array: got %s, want %s", name, loc, o, want)
			}
		}
	}
}

// quoteArrayElem renders an array element as PostgreSQL does (test copy).
func quoteArrayElem(s string) string {
	if s != "" && !strings.ContainsAny(s, "{}, \"\\") && !strings.EqualFold(s, "NULL") {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func TestFakeLocaleChoice(t *testing.T) {
	k := testKey(t, "fake-secret-0123456789")
	// env.Locale picks the lists; the locale parameter overrides it.
	for _, c := range []struct{ env, param, want string }{
		{"it", "", "it"}, {"de", "", "de"}, {"", "", "en"}, {"en", "fr", "fr"}, {"it", "de", "de"},
	} {
		p := MapParams{}
		if c.param != "" {
			p["locale"] = c.param
		}
		m, err := New("last_name", Env{Key: k, Locale: c.env}, p)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		b, err := m.Bind(textCol)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 50 {
			if o := apply(t, b, fakeInput(i)); !slices.Contains(locales[c.want].last, o) {
				t.Fatalf("%+v: %q is not a %s surname", c, o, c.want)
			}
		}
	}
}

func TestFakeErrors(t *testing.T) {
	k := testKey(t, "fake-secret-0123456789")
	for _, name := range fakeMaskNames {
		info, ok := Lookup(name)
		if !ok || info.Bijective || !slices.Equal(info.Params, []string{"locale"}) {
			t.Errorf("%s: registry entry %+v", name, info)
		}
		for _, bad := range []MapParams{{"locale": "es"}, {"locale": "EN_us"}, {"locale": 3}, {"locale": ""}, {"country": "it"}} {
			if _, err := New(name, Env{Key: k}, bad); err == nil {
				t.Errorf("%s %v: no error", name, bad)
			} else if bad["locale"] == "es" && !strings.Contains(err.Error(), "it") {
				t.Errorf("%s: error %q does not list the valid locales", name, err)
			}
		}
		if _, err := New(name, Env{Key: k, Locale: "xx"}, nil); err == nil {
			t.Errorf("%s: unknown env locale accepted", name)
		}
		m, err := New(name, Env{Key: k}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, typ := range []string{"int4", "date", "jsonb", "uuid", "numeric", "bytea"} {
			if _, err := m.Bind(Column{Type: typ}); err == nil {
				t.Errorf("%s bound to %s", name, typ)
			}
		}
		for _, typ := range []string{"text", "varchar", "bpchar", "citext", "name"} {
			if _, err := m.Bind(Column{Type: typ}); err != nil {
				t.Errorf("%s on %s: %v", name, typ, err)
			}
		}
	}
}
