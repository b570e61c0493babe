package main

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Personal values that live only in free text: national identifiers with
// valid check characters, identity-card and passport numbers, IP addresses,
// CVV codes, birth places. Values that belong to a customer (the national
// identifier, the birth place) are derived from the customer alone, so every
// ticket of one customer quotes the same number.

// femaleFirst lists the female given names of the table lists (for
// honorifics and agreement: Sig.ra, nata, née, Frau, Mrs).
var femaleFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{
		// it
		"Ludovica", "Costanza", "Arianna", "Ottavia", "Livia", "Fiorella", "Ornella", "Raffaella", "Tiziana",
		"Vittoria", "Nicoletta", "Loredana", "Gaia", "Lucrezia", "Benedetta", "Donatella", "Enrica", "Annalisa",
		"Agnese", "Bianca",
		// fr
		"Anaïs", "Gaëlle", "Noémie", "Clémence", "Océane", "Zoé", "Ambre", "Soline", "Gwenaëlle", "Ségolène",
		"Apolline", "Capucine", "Éloïse", "Perrine", "Hortense", "Lison", "Blandine", "Solène", "Violaine",
		"Olive", "Blanche",
		// de
		"Käthe", "Annegret", "Ines", "Wiebke", "Frauke", "Gesine", "Henrike", "Ortrud", "Svenja", "Dörte",
		"Merle", "Ulrike", "Elke", "Meike", "Almut", "Gudrun",
		// en
		"Amelia", "Isla", "Emily", "Olivia", "Grace", "Lily", "Freya", "Chloe", "Evie", "Ruby", "Niamh",
		"Siobhan", "Eleanor", "Megan", "Zara", "Bethany", "Imogen", "Poppy", "Hope",
	} {
		m[n] = true
	}
	return m
}()

// guessFemale guesses the gender of a given name outside the table lists
// (the held-out names): only the agreement of the surrounding words depends
// on it, never a label.
func guessFemale(loc locale, name string) bool {
	if femaleFirst[name] {
		return true
	}
	n := strings.ToLower(name)
	switch loc {
	case locIT:
		return strings.HasSuffix(n, "a") && n != "luca" && n != "andrea" && n != "nicola" && n != "mattia" && n != "elia"
	case locFR:
		return strings.HasSuffix(n, "e") && !strings.HasSuffix(n, "ne") || strings.HasSuffix(n, "ine") ||
			strings.HasSuffix(n, "elle") || strings.HasSuffix(n, "ette")
	case locDE:
		return strings.HasSuffix(n, "a") || strings.HasSuffix(n, "e") && n != "uwe" && n != "ole" && n != "malte"
	default:
		return strings.HasSuffix(n, "a") || strings.HasSuffix(n, "y") && n != "harry"
	}
}

// custHash is a per-customer random value, independent of every stream.
func (g *gen) custHash(c *customer, salt uint64) uint64 {
	return splitmix(g.seed ^ splitmix(uint64(c.id)^salt<<48))
}

// A birth place: the city, and what national identifiers encode of it.
type birthPlace struct {
	name string
	code string // it: Belfiore code; fr: département
}

var birthPlaces = [numLocales][]birthPlace{
	locIT: {{"Cagliari", "B354"}, {"Milano", "F205"}, {"Roma", "H501"}, {"Torino", "L219"}, {"Napoli", "F839"},
		{"Bologna", "A944"}, {"Firenze", "D612"}, {"Genova", "D969"}, {"Verona", "L781"}, {"Bari", "A662"},
		{"Padova", "G224"}, {"Sassari", "I452"}, {"Lecce", "E506"}, {"Perugia", "G478"}},
	locFR: {{"Rennes", "35"}, {"Paris", "75"}, {"Lyon", "69"}, {"Marseille", "13"}, {"Toulouse", "31"},
		{"Nantes", "44"}, {"Brest", "29"}, {"Lille", "59"}, {"Bordeaux", "33"}, {"Dijon", "21"}, {"Grenoble", "38"}},
	locDE: {{"Kiel", ""}, {"Hamburg", ""}, {"Bremen", ""}, {"Rostock", ""}, {"Kassel", ""}, {"Leipzig", ""},
		{"Dresden", ""}, {"Hannover", ""}, {"Münster", ""}, {"Freiburg im Breisgau", ""}},
	locEN: {{"Cardiff", ""}, {"Glasgow", ""}, {"Leeds", ""}, {"Bristol", ""}, {"Norwich", ""}, {"Belfast", ""},
		{"Sevilla", ""}, {"Valencia", ""}, {"Porto", ""}},
}

func (g *gen) birthPlaceOf(c *customer) birthPlace {
	list := birthPlaces[c.loc]
	return list[g.custHash(c, 1)%uint64(len(list))]
}

// birthOf is the customer's birth date, or a fixed made-up one when the
// table has none (then it is not "known").
func (g *gen) birthOf(c *customer) (time.Time, bool) {
	if !c.birth.IsZero() {
		return c.birth, true
	}
	h := g.custHash(c, 2)
	return time.Date(1950+int(h%50), time.Month(1+h/50%12), 1+int(h/600%28), 0, 0, 0, 0, time.UTC), false
}

// --- Codice fiscale (it) ---

const cfMonths = "ABCDEHLMPRST"

// codiceFiscale derives the 16-character tax code from the customer's
// names, sex, birth date and birth place.
func codiceFiscale(last, first string, female bool, birth time.Time, belfiore string) string {
	b := make([]byte, 0, 16)
	b = append(b, cfNamePart(last, false)...)
	b = append(b, cfNamePart(first, true)...)
	b = appendDigits(b, uint64(birth.Year()%100), 2)
	b = append(b, cfMonths[birth.Month()-1])
	day := birth.Day()
	if female {
		day += 40
	}
	b = appendDigits(b, uint64(day), 2)
	b = append(b, belfiore...)
	return string(append(b, cfCheck(b)))
}

func cfNamePart(name string, given bool) string {
	var cons, vows []byte
	for _, c := range foldASCII(nil, name) {
		switch {
		case c < 'a' || c > 'z':
		case strings.IndexByte("aeiou", c) >= 0:
			vows = append(vows, c-'a'+'A')
		default:
			cons = append(cons, c-'a'+'A')
		}
	}
	if given && len(cons) >= 4 {
		return string([]byte{cons[0], cons[2], cons[3]})
	}
	s := append(append(cons, vows...), 'X', 'X', 'X')
	return string(s[:3])
}

// cfCheck is the control character of the first 15 characters.
func cfCheck(s []byte) byte {
	odd := [...]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	sum := 0
	for i, c := range s[:15] {
		v := int(c - '0')
		if c >= 'A' {
			v = int(c - 'A')
		}
		if i%2 == 0 {
			sum += odd[v]
		} else {
			sum += v
		}
	}
	return byte('A' + sum%26)
}

// --- NIR, numéro de sécurité sociale (fr) ---

// nir returns the 15 digits: sex, year, month, département, commune,
// order number and the key 97 - (first 13 digits mod 97).
func nir(female bool, birth time.Time, dept string, h uint64) string {
	b := make([]byte, 0, 15)
	b = append(b, "12"[btoi(female)])
	b = appendDigits(b, uint64(birth.Year()%100), 2)
	b = appendDigits(b, uint64(birth.Month()), 2)
	b = append(b, dept...)
	b = appendDigits(b, 1+h%899, 3)
	b = appendDigits(b, 1+h/1000%998, 3)
	n, _ := strconv.ParseUint(string(b), 10, 64)
	return string(appendDigits(b, 97-n%97, 2))
}

// --- Steuerliche Identifikationsnummer (de) ---

// steuerID returns 11 digits: no leading zero, exactly one digit twice among
// the first ten, and the ISO 7064 MOD 11,10 check digit.
func steuerID(h uint64) string {
	r := rand.New(rand.NewPCG(h, h^0x5bd1e995))
	for {
		perm := r.Perm(10)
		d := make([]byte, 0, 11)
		for _, p := range perm[:9] { // nine distinct digits, one left out
			d = append(d, byte('0'+p))
		}
		dup := d[r.IntN(9)]
		at := r.IntN(10)
		d = append(d[:at], append([]byte{dup}, d[at:]...)...)
		if d[0] == '0' || at > 0 && d[at-1] == dup || at < 9 && d[at+1] == dup {
			continue // leading zero, or the twin digits adjacent
		}
		return string(append(d, steuerCheck(d)))
	}
}

func steuerCheck(d []byte) byte {
	product := 10
	for _, c := range d[:10] {
		sum := (int(c-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = sum * 2 % 11
	}
	check := 11 - product
	if check == 10 {
		check = 0
	}
	return byte('0' + check)
}

// --- DNI / NIE (es), NINO (gb), SSN (us) ---

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

func dni(h uint64) string {
	n := h % 100_000_000
	return string(append(appendDigits(nil, n, 8), dniLetters[n%23]))
}

func nie(h uint64) string {
	p := h % 3
	n := h / 3 % 10_000_000
	b := append([]byte{"XYZ"[p]}, appendDigits(nil, n, 7)...)
	return string(append(b, dniLetters[(p*10_000_000+n)%23]))
}

// nino returns a National Insurance number with valid prefix letters.
func nino(h uint64, spacedOut bool) string {
	const first = "ABCEGHJKLMNOPRSTWXYZ" // not D F I Q U V
	const second = "ABCEGHJKLMNPRSTWXYZ" // not D F I Q U V O
	for {
		p := []byte{first[h%uint64(len(first))], second[h/32%uint64(len(second))]}
		switch string(p) {
		case "BG", "GB", "NK", "KN", "TN", "NT", "ZZ":
			h = splitmix(h)
			continue
		}
		digits := appendDigits(nil, h/1024%1_000_000, 6)
		suffix := "ABCD"[h>>40%4]
		if !spacedOut {
			return string(p) + string(digits) + string(suffix)
		}
		return string(p) + " " + string(digits[:2]) + " " + string(digits[2:4]) + " " + string(digits[4:]) + " " + string(suffix)
	}
}

// ssn returns a US social security number that follows the SSA's rules
// (area 001-899 but not 666, group 01-99, serial 0001-9999).
func ssn(h uint64) string {
	area := 1 + h%899
	if area == 666 {
		area = 667
	}
	b := appendDigits(nil, area, 3)
	b = append(b, '-')
	b = appendDigits(b, 1+h/1000%99, 2)
	b = append(b, '-')
	return string(appendDigits(b, 1+h/100_000%9999, 4))
}

// nationalID is the customer's national identifier, as written in text.
func (g *gen) nationalID(c *customer) string {
	h := g.custHash(c, 3)
	birth, _ := g.birthOf(c)
	switch c.loc {
	case locIT:
		return codiceFiscale(c.last, c.first, c.female, birth, g.birthPlaceOf(c).code)
	case locFR:
		return nir(c.female, birth, g.birthPlaceOf(c).code, h)
	case locDE:
		return steuerID(h)
	default:
		switch {
		case c.country.code == "ES" && h%4 == 0:
			return nie(h >> 2)
		case c.country.code == "ES":
			return dni(h >> 2)
		case h%3 == 0:
			return ssn(h >> 2)
		default:
			return nino(h>>2, h%5 < 2)
		}
	}
}

// --- identity cards and passports ---

func appendLetters(dst []byte, r *rand.Rand, alphabet string, n int) []byte {
	for range n {
		dst = append(dst, alphabet[r.IntN(len(alphabet))])
	}
	return dst
}

const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// idCard is an identity-card number in the locale's format.
func idCard(r *rand.Rand, loc locale) string {
	var b []byte
	switch loc {
	case locIT: // CIE: CA12345AB
		b = appendLetters(b, r, "CA", 1)
		b = appendLetters(b, r, upper, 1)
		b = appendRandDigits(b, r, 5)
		b = appendLetters(b, r, upper, 2)
	case locFR:
		if r.IntN(2) == 0 { // carte plastique (1988-2021): 12 digits
			b = appendRandDigits(b, r, 12)
		} else { // CNIe (2021-): 9 characters
			b = appendLetters(b, r, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 9)
		}
	case locDE: // Personalausweis: 9 characters of a reduced alphabet
		b = appendLetters(b, r, "LMNPRTVWXY", 1)
		b = appendLetters(b, r, "CFGHJKLMNPRTVWXYZ0123456789", 8)
	default: // Spanish DNI card / UK driving licence style
		b = appendLetters(b, r, upper, 3)
		b = appendRandDigits(b, r, 6)
	}
	return string(b)
}

// passport is a passport number in the locale's format.
func passport(r *rand.Rand, loc locale) string {
	var b []byte
	switch loc {
	case locIT: // YA1234567
		b = appendLetters(b, r, upper, 2)
		b = appendRandDigits(b, r, 7)
	case locFR: // 18AV12345
		b = appendRandDigits(b, r, 2)
		b = appendLetters(b, r, upper, 2)
		b = appendRandDigits(b, r, 5)
	case locDE: // C01X00T47
		b = append(b, 'C')
		b = appendLetters(b, r, "CFGHJKLMNPRTVWXYZ0123456789", 8)
	default: // UK: 9 digits
		b = appendRandDigits(b, r, 9)
	}
	return string(b)
}

// --- network addresses, card codes ---

var ipv4First = []int{2, 5, 31, 37, 46, 62, 77, 79, 80, 82, 84, 87, 88, 93, 95, 109, 151, 176, 178, 185, 188, 212, 213, 217}
var ipv6Prefixes = []string{"2a01:e34:", "2001:b07:", "2a02:8108:", "2a00:23c5:", "2003:e5:", "2a01:cb1d:", "2001:4c4c:"}

// ipAddress writes an IPv4 address or, one time in four, a valid IPv6
// address in compressed form: the provider prefix, two to four groups and
// the zero run "::" either after the groups (followed by one more group) or
// right after the prefix, so that the address never has fewer than eight
// groups without a "::".
func ipAddress(r *rand.Rand) string {
	var b []byte
	if r.IntN(4) == 0 {
		prefix := pick(r, ipv6Prefixes)
		var groups []byte
		for k := range 2 + r.IntN(3) {
			if k > 0 {
				groups = append(groups, ':')
			}
			groups = strconv.AppendUint(groups, uint64(1+r.IntN(0xfffe)), 16)
		}
		b = append(b, prefix...)
		if r.IntN(2) == 0 {
			b = append(b, groups...)
			b = append(b, "::"...)
			b = strconv.AppendUint(b, uint64(1+r.IntN(0xfffe)), 16)
		} else {
			b = append(b, ':') // the prefix ends with ':', so this makes "::"
			b = append(b, groups...)
		}
		return string(b)
	}
	b = strconv.AppendInt(b, int64(pick(r, ipv4First)), 10)
	for range 3 {
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(1+r.IntN(254)), 10)
	}
	return string(b)
}

func cvv(r *rand.Rand, card string) string {
	n := 3
	if len(compact(card)) == 15 { // Amex: four digits
		n = 4
	}
	return string(appendRandDigits(nil, r, n))
}

// obfuscatedEmail writes an address the way people hide it from robots.
func obfuscatedEmail(r *rand.Rand, loc locale, email string) string {
	local, domain, _ := strings.Cut(email, "@")
	at, dot := " AT ", " DOT "
	switch r.IntN(6) {
	case 0:
		at, dot = " at ", " dot "
	case 1:
		at, dot = " [at] ", " [dot] "
	case 2:
		at, dot = "(at)", "."
	case 3:
		at, dot = " [at] ", "."
	case 4:
		switch loc {
		case locIT:
			at, dot = " chiocciola ", " punto "
		case locFR:
			at, dot = " arobase ", " point "
		case locDE:
			at, dot = " (at) ", " (punkt) "
		}
	}
	return local + at + strings.ReplaceAll(domain, ".", dot)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
