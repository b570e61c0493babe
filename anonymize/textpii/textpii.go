package textpii

import (
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of personal data a Hit holds.
type Kind uint8

const (
	KindNone       Kind = iota
	KindNationalID      // checksum-validated national identifiers
	KindDocument        // identity-card / passport / driving-licence numbers after their keyword
	KindCVV             // CVV/CVC/CVV2/CID codes after their keyword
	KindBirthDate       // a date after a birth keyword
	KindStreet          // a street line: street-type word + name + house number
	KindPostcode        // a postcode in address context
	KindCity            // the city next to a postcode or after "nata a", "residente in", ...
	KindIP              // IPv4 and IPv6 addresses
	KindEmail           // obfuscated e-mail addresses
	KindIBAN            // IBANs in any case, compact or grouped
	kindCount
)

var kindNames = [kindCount]string{"none", "nationalid", "document", "cvv", "birthdate", "street",
	"postcode", "city", "ip", "email", "iban"}

func (k Kind) String() string {
	if k >= kindCount {
		return "none"
	}
	return kindNames[k]
}

// IDType says which national identifier a KindNationalID hit holds.
type IDType uint8

const (
	IDNone          IDType = iota
	ITCodiceFiscale        // Italian codice fiscale, 16 characters with check letter
	FRNIR                  // French NIR (numéro de sécurité sociale), 13 digits + 2-digit key
	DESteuerID             // German Steuer-Identifikationsnummer, 11 digits
	ESDNI                  // Spanish DNI, 8 digits + letter
	ESNIE                  // Spanish NIE, X/Y/Z + 7 digits + letter
	UKNINO                 // UK National Insurance number
	USSSN                  // US Social Security number
	idTypeCount
)

var idNames = [idTypeCount]string{"none", "it_codice_fiscale", "fr_nir", "de_steuer_id", "es_dni",
	"es_nie", "uk_nino", "us_ssn"}

func (t IDType) String() string {
	if t >= idTypeCount {
		return "none"
	}
	return idNames[t]
}

// Hit is one match: src[Start:End] holds personal data of kind Kind; ID says
// which identifier a KindNationalID hit is.
type Hit struct {
	Start, End int
	Kind       Kind
	ID         IDType
}

// Options chooses which kinds Find looks for. Addresses covers streets,
// postcodes and cities.
type Options struct {
	IDs, Documents, CVV, BirthDates, Addresses, IPs, ObfuscatedEmails, IBANs bool
}

// AllOptions turns every detector on.
var AllOptions = Options{IDs: true, Documents: true, CVV: true, BirthDates: true, Addresses: true,
	IPs: true, ObfuscatedEmails: true, IBANs: true}

// Byte classes.
const (
	cDigit = 1 << iota
	cUpper
	cLower
	cHigh  // a byte of a multi-byte UTF-8 sequence
	cHex   // 0-9 a-f A-F
	cColon // ':' may start an IPv6 address

	cLetter = cUpper | cLower | cHigh
	cAlnum  = cDigit | cLetter
	cASCII  = cDigit | cUpper | cLower
)

var class = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit | cHex
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] |= cHex
		t[c-32] |= cHex
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = cHigh
	}
	t[':'] = cColon
	return t
}()

func is(c byte, cl uint8) bool { return class[c]&cl != 0 }
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isUpper(c byte) bool      { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool      { return c >= 'a' && c <= 'z' }
func isLetterASCII(c byte) bool {
	return isUpper(c) || isLower(c)
}
func isAlnumASCII(c byte) bool { return class[c]&cASCII != 0 }
func lower(c byte) byte {
	if isUpper(c) {
		return c + 32
	}
	return c
}
func upper(c byte) byte {
	if isLower(c) {
		return c - 32
	}
	return c
}

// alnumAt reports whether a letter or digit (any script) starts at src[i].
func alnumAt(src []byte, i int) bool {
	if i < 0 || i >= len(src) {
		return false
	}
	c := src[i]
	if c < 0x80 {
		return isAlnumASCII(c)
	}
	r, _ := utf8.DecodeRune(src[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// alnumBefore reports whether a letter or digit (any script) ends at src[i-1].
func alnumBefore(src []byte, i int) bool {
	if i <= 0 || i > len(src) {
		return false
	}
	c := src[i-1]
	if c < 0x80 {
		return isAlnumASCII(c)
	}
	r, _ := utf8.DecodeLastRune(src[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// upperAt reports whether an upper-case letter (any script) starts at src[i].
func upperAt(src []byte, i int) bool {
	if i >= len(src) {
		return false
	}
	c := src[i]
	if c < 0x80 {
		return isUpper(c)
	}
	r, _ := utf8.DecodeRune(src[i:])
	return unicode.IsUpper(r)
}

// startOK reports whether a token may start at src[i]: it does not continue
// a run of letters or digits, also not through a joiner ("ORD-123456",
// "a_b", "x/12") or a decimal separator ("1.250", "3,14"), and it is not the
// host part of an e-mail address or a reference after '#'.
func startOK(src []byte, i int) bool {
	if i == 0 || !startSlow[src[i-1]] {
		return true
	}
	if alnumBefore(src, i) {
		return false
	}
	switch src[i-1] {
	case '@', '#', '&', '+', '\\':
		return false
	case '-', '_', '/', '.':
		return !alnumBefore(src, i-1)
	case ',':
		return i < 2 || !isDigit(src[i-2]) || !isDigit(src[i])
	}
	return true
}

// endOK is startOK for the byte after a match.
func endOK(src []byte, e int) bool {
	if e >= len(src) {
		return true
	}
	if alnumAt(src, e) {
		return false
	}
	switch src[e] {
	case '@', '%':
		return false
	case '-', '_', '/':
		return !alnumAt(src, e+1)
	case '.', ',':
		return e+1 >= len(src) || !isDigit(src[e+1])
	}
	return true
}

// wordEnd returns the end of the run of letters (ASCII or multi-byte) at i.
func wordEnd(src []byte, i int) int {
	for i < len(src) && is(src[i], cLetter) {
		i++
	}
	return i
}

// digitsEnd returns the end of the run of ASCII digits at i.
func digitsEnd(src []byte, i int) int {
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	return i
}

// alnumEnd returns the end of the run of ASCII letters and digits at i.
func alnumEnd(src []byte, i int) int {
	for i < len(src) && isAlnumASCII(src[i]) {
		i++
	}
	return i
}

// skipSpaces skips at most max blanks (space, tab, no-break space).
func skipSpaces(src []byte, i, max int) int {
	for k := 0; k < max && i < len(src); k++ {
		switch {
		case src[i] == ' ' || src[i] == '\t':
			i++
		case src[i] == 0xC2 && i+1 < len(src) && src[i+1] == 0xA0:
			i += 2
		default:
			return i
		}
	}
	return i
}

// eqFold reports whether src[i:] starts with the lower-case ASCII word w,
// ignoring ASCII case; bytes of w outside ASCII letters must match exactly.
func eqFold(src []byte, i int, w string) bool {
	if i < 0 || i+len(w) > len(src) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if lower(src[i+k]) != w[k] {
			return false
		}
	}
	return true
}

// wordIs reports whether src[i:e] is exactly the lower-case word w, ignoring
// ASCII case.
func wordIs(src []byte, i, e int, w string) bool {
	return e-i == len(w) && eqFold(src, i, w)
}

// wordIn reports whether src[i:e] is one of the words in list (lower case).
func wordIn(src []byte, i, e int, list []string) bool {
	for _, w := range list {
		if wordIs(src, i, e, w) {
			return true
		}
	}
	return false
}

// finder holds the state of one Find call.
type finder struct {
	src       []byte
	opts      Options
	hits      []Hit
	last      int // end of the previous hit
	streetEnd int // end of the previous street hit, -1 if none
}

func (f *finder) emit(k Kind, id IDType, s, e int) {
	f.hits = append(f.hits, Hit{Start: s, End: e, Kind: k, ID: id})
	f.last = e
}

// Find appends to hits every match in src, left to right, non-overlapping,
// and returns the slice. opts chooses which kinds are looked for.
func Find(src []byte, opts Options, hits []Hit) []Hit {
	f := finder{src: src, opts: opts, hits: hits, streetEnd: -1}
	n := len(src)
	i := 0
	for i < n {
		c := src[i]
		cl := class[c]
		if cl == 0 || cl == cHigh {
			i++
			continue
		}
		if !startOK(src, i) {
			i = f.skipToken(i)
			continue
		}
		if cl&(cUpper|cLower) != 0 {
			t := scanToken(src, i)
			before := len(f.hits)
			f.atLetter(i, &t)
			if len(f.hits) > before && f.last > i {
				i = f.last
			} else {
				i = t.te
			}
			continue
		}
		if e := f.at(i); e > i {
			i = e
			continue
		}
		i = f.skipToken(i)
	}
	return f.hits
}

// skipToken moves past the token at i.
func (f *finder) skipToken(i int) int {
	if f.src[i] == ':' {
		return i + 1
	}
	j := i + 1
	for j < len(f.src) && is(f.src[j], cAlnum) {
		j++
	}
	return j
}

// at tries every detector at the token start i (a digit or a colon; the
// letters go to atLetter) and returns the end of the last hit it emitted,
// or 0.
func (f *finder) at(i int) int {
	src := f.src
	c := src[i]
	before := len(f.hits)
	switch {
	case isDigit(c):
		f.atDigit(i)
	case c == ':':
		if f.opts.IPs {
			if e, ok := matchIPv6(src, i); ok {
				f.emit(KindIP, IDNone, i, e)
			}
		}
	}
	if len(f.hits) > before {
		return f.last
	}
	return 0
}

func (f *finder) atDigit(i int) {
	src, o := f.src, f.opts
	if o.IPs {
		if e, ok := matchIPv4(src, i); ok {
			f.emit(KindIP, IDNone, i, e)
			return
		}
		if e, ok := matchIPv6(src, i); ok {
			f.emit(KindIP, IDNone, i, e)
			return
		}
	}
	if o.IDs {
		if e, t := matchIDDigits(src, i); t != IDNone {
			f.emit(KindNationalID, t, i, e)
			return
		}
	}
	if o.ObfuscatedEmails && mayBeObfuscatedEmail(src, alnumEnd(src, i)) {
		if e, ok := matchObfuscatedEmail(src, i); ok {
			f.emit(KindEmail, IDNone, i, e)
			return
		}
	}
	if o.Addresses {
		if e, ok := matchStreetNumberFirst(src, i); ok {
			f.street(i, e)
			return
		}
		f.postcodeAt(i)
	}
}

// atLetter tries every detector at the letter token i, read by scanToken.
func (f *finder) atLetter(i int, t *token) {
	src, o := f.src, f.opts
	ae := t.ae
	if o.IBANs && ae-i >= 4 {
		if e, ok := matchIBAN(src, i); ok {
			f.emit(KindIBAN, IDNone, i, e)
			return
		}
	}
	// matchIDLetters needs 16 characters, or at most nine with a digit
	// third (a NINO, a NIE) unless the run is one or two bytes long.
	if o.IDs && (ae-i == 16 || ae-i <= 9 && (ae-i <= 2 || isDigit(src[i+2]))) {
		if e, t := matchIDLetters(src, i, ae); t != IDNone {
			f.emit(KindNationalID, t, i, e)
			return
		}
	}
	if o.ObfuscatedEmails && mayBeObfuscatedEmail(src, ae) {
		if e, ok := matchObfuscatedEmail(src, i); ok {
			f.emit(KindEmail, IDNone, i, e)
			return
		}
	}
	w := lookupWord(src, i, t.we)
	if f.keyword(i, w) {
		return
	}
	if o.Addresses {
		// streetWordEnd is the word end unless a dot or hyphen follows
		// or the word is longer than it reads.
		swe, tf := t.we, 0
		if c := byteAt(src, swe); c == '.' || c == '-' || swe-i > 60 {
			swe = streetWordEnd(src, i)
		}
		switch {
		case swe == t.we:
			if w != nil {
				tf = int(w.typeFirst)
			}
		case swe == t.we+1 && src[t.we] == '.':
			// A word with a full stop: no word of typeFirst ends in one.
		default:
			tf = typeFirstIndex(src, i, swe)
		}
		if e, ok := matchStreetWordFirstAt(src, i, swe, tf); ok {
			f.street(i, e)
			return
		}
		if ae-i <= 4 && isUpper(src[i]) && f.ukPostcodeAt(i) {
			return
		}
		if ae-i <= 2 && byteAt(src, ae) == '-' && f.prefixedPostcodeAt(i, ae) {
			return
		}
	}
	if o.IPs && is(src[i], cHex) {
		if e, ok := matchIPv6(src, i); ok {
			f.emit(KindIP, IDNone, i, e)
		}
	}
}

// byteAt returns src[i], or 0 outside src.
func byteAt(src []byte, i int) byte {
	if i < 0 || i >= len(src) {
		return 0
	}
	return src[i]
}
