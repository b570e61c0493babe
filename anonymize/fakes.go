package anonymize

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// The locale-based fakes: first_name, last_name, full_name, street, address,
// city, postcode, company. Each input value is replaced by an entry drawn
// from the locale's lists with the keyed hash of the value, so the same
// person gets the same fake everywhere the same domain is used. Distinct
// inputs may share a fake (the lists are finite): these masks are not
// bijective and must not be put on unique columns.

type fakeKind uint8

const (
	fakeFirst fakeKind = iota
	fakeLast
	fakeFull
	fakeStreet
	fakeAddress
	fakeCity
	fakePostcode
	fakeCompany
)

func init() {
	for _, f := range []struct {
		name, summary string
		kind          fakeKind
	}{
		{"first_name", "a consistent fake given name in locale", fakeFirst},
		{"last_name", "a consistent fake surname in locale", fakeLast},
		{"full_name", "a consistent fake \"First Last\" in locale", fakeFull},
		{"street", "a consistent fake street line with house number in locale", fakeStreet},
		{"address", "a consistent fake one-line postal address in locale", fakeAddress},
		{"city", "a consistent fake city in locale", fakeCity},
		{"postcode", "a consistent fake postcode in locale's format", fakePostcode},
		{"company", "a consistent fake company name with a legal form in locale", fakeCompany},
	} {
		name, kind := f.name, f.kind
		register(Info{Name: name, Params: []string{"locale"}, Summary: f.summary,
			New: func(env Env, p Params) (Masker, error) { return newFake(name, kind, env, p) }})
	}
}

type fakeMask struct {
	name string
	kind fakeKind
	loc  *locale
	d    *Keyed
}

func newFake(name string, kind fakeKind, env Env, p Params) (Masker, error) {
	var loc *locale
	if p.Has("locale") {
		code, err := p.String("locale", "")
		if err != nil {
			return nil, err
		}
		if loc = locales[code]; loc == nil {
			return nil, p.Errorf("locale", "unknown locale %q (valid: %s)", code, localeCodes())
		}
	} else {
		code := env.Locale
		if code == "" {
			code = "en"
		}
		if loc = locales[code]; loc == nil {
			return nil, fmt.Errorf("mask %s: unknown locale %q (valid: %s)", name, code, localeCodes())
		}
	}
	return fakeMask{name: name, kind: kind, loc: loc, d: env.Key.Domain(env.Domain)}, nil
}

func (m fakeMask) Bind(c Column) (Bound, error) {
	if err := requireText(m.name, c); err != nil {
		return Bound{}, err
	}
	return textBound(c, m.apply), nil
}

func (m fakeMask) apply(dst, src []byte) ([]byte, error) {
	// An empty string holds nothing personal, and a fake in its place would
	// invent data.
	if len(src) == 0 {
		return dst, nil
	}
	// Four independent 64-bit words of the keyed hash, one per choice that
	// must not be correlated (the street vs the city of an address).
	sum := sumPool.Get().(*[32]byte)
	s := m.d.Sum(sum[:0], src)
	var w [4]uint64
	for i := range w {
		w[i] = binary.BigEndian.Uint64(s[8*i:])
	}
	sumPool.Put(sum)

	l := m.loc
	switch m.kind {
	case fakeFirst:
		dst = append(dst, pick(l.first, w[0])...)
	case fakeLast:
		dst = append(dst, pick(l.last, w[0])...)
	case fakeFull:
		dst = append(dst, pick(l.first, w[0])...)
		dst = append(dst, ' ')
		dst = append(dst, pick(l.last, w[1])...)
	case fakeStreet:
		dst = l.appendStreet(dst, w[0])
	case fakeAddress:
		dst = l.appendStreet(dst, w[0])
		dst = append(dst, ", "...)
		dst = l.appendPlace(dst, w[1], w[2])
	case fakeCity:
		// A city list is short: a fake equal to the original would leave
		// the original in place, so the next city is taken instead.
		i := w[0] % uint64(len(l.cities))
		if strings.EqualFold(l.cities[i].name, string(src)) {
			i = (i + 1) % uint64(len(l.cities))
		}
		dst = append(dst, l.cities[i].name...)
	case fakePostcode:
		c := l.cities[w[0]%uint64(len(l.cities))]
		dst = appendPostcode(dst, c.postcode(w[1]))
	case fakeCompany:
		dst = l.appendCompany(dst, w[0])
	}
	return dst, nil
}

// draw takes successive bounded choices from one 64-bit word. The lists are
// small (at most a few thousand entries), so the modulo bias is negligible
// for the two or three choices taken from a word.
type draw struct{ x uint64 }

func (r *draw) pick(n int) int {
	v := r.x % uint64(n)
	r.x /= uint64(n)
	return int(v)
}

func pick(l []string, w uint64) string { return l[w%uint64(len(l))] }

// appendStreet appends a street line with its house number, in the order the
// locale writes it.
func (l *locale) appendStreet(dst []byte, w uint64) []byte {
	r := draw{w}
	stem := l.stems[r.pick(len(l.stems))]
	kind := l.kinds[r.pick(len(l.kinds))]
	num := int64(1 + r.pick(l.maxNum))
	switch l.style {
	case streetNumberFirst: // 12 Oak Street
		dst = strconv.AppendInt(dst, num, 10)
		dst = append(dst, ' ')
		dst = append(dst, stem...)
		dst = append(dst, ' ')
		dst = append(dst, kind...)
	case streetKindFirst: // Via Roma 12
		dst = append(dst, kind...)
		dst = append(dst, ' ')
		dst = append(dst, stem...)
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, num, 10)
	case streetNumberKind: // 12 rue de la Paix
		dst = strconv.AppendInt(dst, num, 10)
		dst = append(dst, ' ')
		dst = append(dst, kind...)
		dst = append(dst, ' ')
		dst = append(dst, stem...)
	case streetJoined: // Hauptstraße 12
		dst = append(dst, stem...)
		dst = append(dst, kind...)
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, num, 10)
	}
	return dst
}

// appendPlace appends a city with one of its postcodes: "20121 Milano", or
// "Springfield, 62701" for cityFirst locales.
func (l *locale) appendPlace(dst []byte, wCity, wCode uint64) []byte {
	c := l.cities[wCity%uint64(len(l.cities))]
	if l.cityFirst {
		dst = append(dst, c.name...)
		dst = append(dst, ", "...)
		return appendPostcode(dst, c.postcode(wCode))
	}
	dst = appendPostcode(dst, c.postcode(wCode))
	dst = append(dst, ' ')
	return append(dst, c.name...)
}

// appendPostcode appends n on five digits (CAP, code postal, PLZ and ZIP
// all have five, leading zeros included).
func appendPostcode(dst []byte, n int32) []byte {
	var b [5]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return append(dst, b[:]...)
}

// appendCompany appends a company name made of surnames and a legal form:
// "Rossi S.r.l.", "Dupont & Martin SAS", "Müller & Söhne".
func (l *locale) appendCompany(dst []byte, w uint64) []byte {
	r := draw{w}
	pattern := r.pick(8)
	i := r.pick(len(l.last))
	form := l.forms[r.pick(len(l.forms))]
	dst = append(dst, l.last[i]...)
	switch {
	case pattern >= 7 && l.family != "":
		return append(dst, l.family...)
	case pattern >= 5:
		// A second, different surname.
		j := (i + 1 + r.pick(len(l.last)-1)) % len(l.last)
		dst = append(dst, " & "...)
		dst = append(dst, l.last[j]...)
	}
	dst = append(dst, ' ')
	return append(dst, form...)
}
