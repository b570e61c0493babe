package anonymize

import (
	"sort"
	"strings"

	"github.com/brianvoe/gofakeit/v7/data"
)

// Locale data for the fake masks (first_name, last_name, full_name, street,
// address, city, postcode, company). en comes from gofakeit's data tables;
// it, fr and de are compact lists of common names kept in locale_*.go.

// city is a place name with the postcodes that plausibly belong to it:
// lo, lo+step, ..., lo+(n-1)*step, rendered on five digits.
type city struct {
	name    string
	lo      int32
	n, step int32
}

func (c city) postcode(r uint64) int32 { return c.lo + int32(r%uint64(c.n))*c.step }

// streetStyle says how a street line is put together.
type streetStyle uint8

const (
	streetNumberFirst streetStyle = iota // en: "12 Oak Street" (stem + " " + kind)
	streetKindFirst                      // it: "Via Roma 12" (kind + " " + stem)
	streetNumberKind                     // fr: "12 rue de la Paix" (number + kind + " " + stem)
	streetJoined                         // de: "Hauptstraße 12" (stem + kind, no space)
)

// locale holds the lists one locale draws its fakes from. Every list is
// non-empty (checked by the tests).
type locale struct {
	code   string
	first  []string
	last   []string
	style  streetStyle
	stems  []string // street names without their kind
	kinds  []string // Via/Viale..., rue/avenue..., -straße/-weg..., Street/Avenue...; repeats weight the draw
	maxNum int      // house numbers are 1..maxNum
	cities []city
	// address puts the city before the postcode ("Springfield, 62701")
	// instead of after it ("20121 Milano").
	cityFirst bool
	forms     []string // legal forms of companies: S.r.l., SARL, GmbH, LLC...
	family    string   // " & Figli": appended to a surname to make a family firm
}

var locales = map[string]*locale{
	"it": &localeIT,
	"fr": &localeFR,
	"de": &localeDE,
	"en": newLocaleEN(),
}

// localeCodes lists the valid locales for error messages.
func localeCodes() string {
	codes := make([]string, 0, len(locales))
	for c := range locales {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return strings.Join(codes, ", ")
}

// enStreetStems are common American street names; surnames from gofakeit are
// added to them at init.
var enStreetStems = []string{
	"Main", "Oak", "Maple", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill",
	"Park", "Walnut", "Church", "Spring", "Ridge", "Chestnut", "Lincoln", "Jefferson",
	"Madison", "Franklin", "Highland", "Sunset", "Willow", "Jackson", "Center",
	"Mill", "Forest", "River", "Meadow", "Cherry", "Hickory", "Adams", "Valley",
	"Dogwood", "Birch", "Spruce", "Sycamore", "Magnolia", "Lakeview", "Railroad", "Market",
}

// enStreetKinds are the common kinds; gofakeit's full USPS suffix list is
// added once each so that the usual ones dominate.
var enStreetKinds = []string{
	"Street", "Street", "Street", "Street", "Avenue", "Avenue", "Avenue", "Road", "Road",
	"Drive", "Drive", "Lane", "Lane", "Court", "Place", "Boulevard", "Way", "Terrace",
}

func newLocaleEN() *locale {
	l := &locale{
		code:      "en",
		first:     dedup(data.Person["first"]),
		last:      dedup(data.Person["last"]),
		style:     streetNumberFirst,
		stems:     append(append([]string(nil), enStreetStems...), dedup(data.Person["last"])...),
		kinds:     append(append([]string(nil), enStreetKinds...), dedup(data.Address["street_name"])...),
		maxNum:    1999,
		cityFirst: true,
		forms:     dedup(data.Company["suffix"]),
	}
	// US ZIP codes run from 00501 to 99950; any five digits in that span
	// look right next to any city.
	for _, name := range dedup(data.Address["city"]) {
		l.cities = append(l.cities, city{name: name, lo: 1001, n: 99950 - 1001 + 1, step: 1})
	}
	return l
}

// dedup returns the distinct non-empty entries of l in their first order, so
// that duplicates in upstream data do not bias the draw.
func dedup(l []string) []string {
	seen := make(map[string]bool, len(l))
	out := make([]string, 0, len(l))
	for _, s := range l {
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
