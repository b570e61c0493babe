package textpii

// Addresses: street lines in the Italian, French, German and English
// conventions, postcodes next to a city or after a street, and cities.

// nameWordEnd reads one word of a street or city name at src[i]: letters
// (any script) with inner apostrophes and hyphens ("dell'Indipendenza",
// "Saint-Germain"). It returns the end and whether the word is capitalised.
func nameWordEnd(src []byte, i int) (int, bool) {
	n := len(src)
	j := i
	for j < n && j-i < 40 {
		c := src[j]
		switch {
		case is(c, cLetter):
			j++
		case (c == '\'' || c == '-') && j > i && j+1 < n && is(src[j+1], cLetter):
			j++
		case c == 0xE2 && j > i && j+3 < n && src[j+1] == 0x80 && src[j+2] == 0x99 && is(src[j+3], cLetter):
			j += 3
		default:
			if alnumAt(src, j) {
				return i, false // a digit glued to the word: not a name
			}
			return j, j > i && upperAt(src, i)
		}
	}
	if j < n {
		return i, false // longer than any name word
	}
	return j, j > i && upperAt(src, i)
}

// particles may stand between the capitalised words of a street or city name.
var particles = []string{"di", "del", "dei", "degli", "della", "delle", "dello", "da", "dal", "de", "la", "le",
	"les", "lo", "du", "des", "sur", "aux", "au", "en", "der", "die", "das", "dem", "den", "von", "vom", "zum",
	"zur", "am", "an", "im", "of", "the", "sul", "sulla", "sous", "lès"}

// matchName reads up to max words of a name at src[i] (single blanks between
// them): capitalised words and particles, with an elided particle glued to a
// capitalised word ("d'Azeglio", "dell'Indipendenza"). It returns the end of
// the last capitalised word.
func matchName(src []byte, i, max int) (int, bool) {
	j, last := i, -1
	for w := 0; w < max && j < len(src); w++ {
		e, capital := nameWordEnd(src, j)
		if e == j {
			break
		}
		switch {
		case capital:
			last = e
		case elidedCapital(src, j, e):
			last = e
		case wordIn(src, j, e, particles):
		default:
			w = max
			continue
		}
		k := skipSpaces(src, e, 1)
		if k == e {
			break
		}
		j = k
	}
	return last, last > 0
}

// elidedCapital: "d'Azeglio", "dell'Indipendenza", "l'Aquila".
func elidedCapital(src []byte, i, e int) bool {
	for k := i; k < e && k-i < 6; k++ {
		if src[k] == '\'' {
			return upperAt(src, k+1)
		}
		if src[k] == 0xE2 {
			return upperAt(src, k+3)
		}
	}
	return false
}

// cityDeny are capitalised words that follow amounts and counts, not cities.
var cityDeny = []string{"eur", "euro", "euros", "usd", "gbp", "chf", "dollar", "dollars", "franken", "pfund",
	"stück", "stk", "punkte", "points", "punti", "km", "kg", "mb", "gb", "kb"}

// matchCity reads a city name: one to four capitalised words with particles
// between them ("Reggio nell'Emilia", "Frankfurt am Main", "Aix-en-Provence").
func matchCity(src []byte, i int) (int, bool) {
	if i >= len(src) || !upperAt(src, i) {
		return 0, false
	}
	e, ok := matchName(src, i, 5)
	if !ok || e-i < 2 {
		return 0, false
	}
	we, _ := nameWordEnd(src, i)
	if wordIn(src, i, we, cityDeny) || monthAt(src, i, we) != 0 {
		return 0, false
	}
	return e, true
}

// typeFirst are street-type words that precede the name (Italian, and French
// in Belgium/Switzerland style "Rue de la Loi 16"); capital: the word must
// be capitalised (it is a common word otherwise).
var typeFirst = []struct {
	w       string
	capital bool
}{
	{"via", true}, {"viale", false}, {"piazza", false}, {"piazzale", false}, {"piazzetta", false},
	{"corso", true}, {"largo", true}, {"vicolo", false}, {"strada", true}, {"contrada", true},
	{"lungomare", false}, {"borgo", true}, {"salita", true}, {"v.le", false}, {"p.za", false}, {"p.zza", false},
	{"c.so", false}, {"rue", true}, {"avenue", true}, {"boulevard", true}, {"chemin", true}, {"allée", true},
	{"impasse", true}, {"quai", true},
}

// frTypes follow a house number in French ("12 rue de la Paix").
var frTypes = []string{"rue", "avenue", "av", "av.", "boulevard", "bd", "bld", "allée", "allee", "impasse",
	"chemin", "place", "quai", "route", "cours", "square", "passage", "voie", "esplanade", "faubourg",
	"chaussée", "rond-point", "sentier", "villa", "cité", "hameau", "lieu-dit"}

// enTypes end an English street line ("221B Baker Street", "12 High St").
var enTypes = []string{"street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "close",
	"way", "court", "ct", "place", "pl", "boulevard", "blvd", "terrace", "crescent", "square", "gardens",
	"grove", "row", "parkway", "highway", "hwy", "mews", "walk"}

// deSuffixes end a German street name written as one word.
var deSuffixes = []string{"straße", "strasse", "str.", "weg", "gasse", "allee", "platz", "ring", "damm",
	"ufer", "chaussee", "steig", "pfad", "gässchen", "markt"}

// deTypes are German street-type words written separately ("Berliner Straße 5").
var deTypes = []string{"straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer"}

// dePrefixes start a German street name without type word ("Am Markt 3").
var dePrefixes = []string{"am", "an der", "an den", "im", "in der", "auf der", "auf dem", "zum", "zur", "unter den"}

// houseNumber reads a house number at src[i]: 1-4 digits not starting with 0,
// optionally a letter ("15a", "221B"), "/A", "/3" or a range "5-7".
func houseNumber(src []byte, i int) (int, bool) {
	n := len(src)
	if i >= n || !isDigit(src[i]) || src[i] == '0' {
		return 0, false
	}
	e := digitsEnd(src, i)
	if e-i > 4 {
		return 0, false
	}
	switch {
	case e < n && isLetterASCII(src[e]) && !alnumAt(src, e+1):
		e++
	case e+1 < n && src[e] == '/' && isLetterASCII(src[e+1]) && !alnumAt(src, e+2):
		e += 2
	case e+1 < n && (src[e] == '/' || src[e] == '-') && isDigit(src[e+1]):
		e2 := digitsEnd(src, e+1)
		if e2-e-1 > 3 {
			return 0, false
		}
		e = e2
	}
	if e < n && src[e] == ':' && e+1 < n && isDigit(src[e+1]) {
		return 0, false // a time
	}
	return e, endOK(src, e)
}

// numberAfterName reads ", 15", " 15", " n. 15", " Nr. 15" after a street name.
func numberAfterName(src []byte, i int) (int, bool) {
	j := i
	if j < len(src) && src[j] == ',' {
		j++
	}
	k := skipSpaces(src, j, 2)
	if k == j {
		return 0, false
	}
	if we := wordEnd(src, k); we > k && wordIn(src, k, we, []string{"n", "nr", "no", "n°", "nº"}) {
		if we < len(src) && src[we] == '.' {
			we++
		}
		k = skipSpaces(src, we, 2)
	}
	return houseNumber(src, k)
}

// streetWordEnd is wordEnd with the abbreviation dot and inner hyphens and
// dots of "v.le", "Konrad-Adenauer-Str.".
func streetWordEnd(src []byte, i int) int {
	j := i
	for j < len(src) && j-i < 60 {
		c := src[j]
		switch {
		case is(c, cLetter):
			j++
		case (c == '-' || c == '.') && j > i && j+1 < len(src) && is(src[j+1], cLetter):
			j++
		default:
			if c == '.' && j > i {
				return j + 1
			}
			return j
		}
	}
	return j
}

// hasSuffixFold reports whether src[i:e] ends with the lower-case suffix s.
func hasSuffixFold(src []byte, i, e int, s string) bool {
	return e-i > len(s) && eqFold(src, e-len(s), s)
}

// matchStreetWordFirst reads a street line that starts with a word: Italian
// "Via Roma 15", German "Hauptstraße 5", "Berliner Straße 5", "Am Markt 3".
func matchStreetWordFirst(src []byte, i int) (int, bool) {
	we := streetWordEnd(src, i)
	return matchStreetWordFirstAt(src, i, we, typeFirstIndex(src, i, we))
}

// typeFirstIndex returns 1 + the index in typeFirst of the word src[i:we],
// 0 if it is none (the words of typeFirst are distinct).
func typeFirstIndex(src []byte, i, we int) int {
	if we-i > 9 {
		return 0
	}
	for k, t := range typeFirst {
		if wordIs(src, i, we, t.w) {
			return k + 1
		}
	}
	return 0
}

// The lower-case first letters of unitWords and dePrefixes.
var (
	unitFirst   = makeByteSet("fasu") // unitWords
	prefixFirst = makeByteSet("aiuz") // dePrefixes
)

// matchStreetWordFirstAt is matchStreetWordFirst for the street word
// src[i:we] (streetWordEnd) with typeFirstIndex tf.
func matchStreetWordFirstAt(src []byte, i, we, tf int) (int, bool) {
	if we == i {
		return 0, false
	}
	capital := isUpper(src[i])
	// Type word first.
	if tf > 0 && (capital || !typeFirst[tf-1].capital) {
		j := skipSpaces(src, we, 1)
		if j == we {
			return 0, false
		}
		ne, ok := matchName(src, j, 6)
		if !ok {
			return 0, false
		}
		return numberAfterName(src, ne)
	}
	if !capital {
		return 0, false
	}
	j := skipSpaces(src, we, 1)
	if j == we || j >= len(src) {
		return 0, false
	}
	if we-i <= 9 && isDigit(src[j]) && unitFirst[lower(src[i])] {
		if e, ok := matchUnitStreet(src, i, we); ok {
			return e, true
		}
	}
	if isDigit(src[j]) {
		// German compound: "Hauptstraße 5", "Bahnhofstr. 12a", "Konrad-Adenauer-Straße 1".
		for _, s := range deSuffixes {
			if we-i >= len(s)+2 && hasSuffixFold(src, i, we, s) {
				return houseNumber(src, j)
			}
		}
		return 0, false
	}
	if !isUpper(src[j]) {
		return 0, false
	}
	// Separate type word: "Berliner Straße 5", "Frankfurter Allee 12".
	te := streetWordEnd(src, j)
	if src[we-1] != '.' && wordIn(src, j, te, deTypes) {
		k := skipSpaces(src, te, 1)
		if k == te {
			return 0, false
		}
		return houseNumber(src, k)
	}
	// "Am Markt 3", "An der Alster 12": the number must end the address.
	if we-i > 5 || !prefixFirst[lower(src[i])] {
		return 0, false
	}
	for _, p := range dePrefixes {
		e, ok := matchPhrase(src, i, p)
		if !ok {
			continue
		}
		j := skipSpaces(src, e, 1)
		if j == e || j >= len(src) || !isUpper(src[j]) {
			return 0, false
		}
		ne, _ := nameWordEnd(src, j)
		k := skipSpaces(src, ne, 1)
		if k == ne {
			return 0, false
		}
		he, ok := houseNumber(src, k)
		if !ok || !addressEnd(src, he) {
			return 0, false
		}
		return he, true
	}
	return 0, false
}

// addressEnd: what may follow the last element of an address: the end, a
// line break or punctuation, or a 5-digit postcode after a comma.
func addressEnd(src []byte, e int) bool {
	if e >= len(src) {
		return true
	}
	switch src[e] {
	case '\n', '\r', ',', ';', '.', ')', '(', '!', '?', '/':
		return true
	case ' ', '\t':
		j := skipSpaces(src, e, 3)
		return j >= len(src) || src[j] == '\n' || src[j] == '\r' || src[j] == '(' || src[j] == '-' ||
			(src[j] == 0xE2 && j+1 < len(src) && src[j+1] == 0x80) // – —
	}
	return false
}

// addressStart: what may come before the first element of an address: the
// start, a line break, a comma, colon or opening parenthesis, then blanks.
func addressStart(src []byte, i int) bool {
	j := i
	for j > 0 && i-j < 3 && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	return j == 0 || containsByte("\n\r,:(", src[j-1])
}

// matchStreetNumberFirst reads a street line that starts with the house
// number: French "12 rue de la Paix", "12 bis avenue Victor Hugo", English
// "221B Baker Street", "12 High St".
func matchStreetNumberFirst(src []byte, i int) (int, bool) {
	n := len(src)
	if src[i] == '0' {
		return 0, false
	}
	e := digitsEnd(src, i)
	if e-i > 5 {
		return 0, false
	}
	if e < n && isLetterASCII(src[e]) && !alnumAt(src, e+1) {
		e++
	}
	j := e
	if j < n && src[j] == ',' {
		j++
	}
	k := skipSpaces(src, j, 1)
	if k == j || k >= n || !isLetterASCII(src[k]) {
		return 0, false
	}
	// French: optional bis/ter, then the type word, then the name.
	if we := wordEnd(src, k); wordIn(src, k, we, []string{"bis", "ter", "quater", "b", "t"}) {
		j = we
		if j < n && src[j] == ',' {
			j++
		}
		if k = skipSpaces(src, j, 1); k == j || k >= n {
			return 0, false
		}
	}
	if te := streetWordEnd(src, k); wordIn(src, k, te, frTypes) {
		m := skipSpaces(src, te, 1)
		if m == te {
			return 0, false
		}
		return matchName(src, m, 6)
	}
	// English: one to three capitalised words, then the type word.
	for w := 0; w < 4 && k < n && isUpper(src[k]); w++ {
		we := possessiveEnd(src, wordEnd(src, k))
		if w > 0 && wordIn(src, k, we, enTypes) {
			if we < n && src[we] == '.' && !alnumAt(src, we+1) && (we+1 >= n || src[we+1] != ' ' || !upperAt(src, skipSpaces(src, we+1, 1))) {
				// "St." ending a clause keeps its dot out of the hit.
				return we, true
			}
			return we, !alnumAt(src, we)
		}
		if we-k < 2 {
			return 0, false
		}
		m := skipSpaces(src, we, 1)
		if m == we {
			return 0, false
		}
		k = m
	}
	return 0, false
}

// possessiveEnd extends the word ending at e over "'s" ("Queen's",
// "King’s").
func possessiveEnd(src []byte, e int) int {
	switch {
	case byteAt(src, e) == '\'' && lower(byteAt(src, e+1)) == 's' && !alnumAt(src, e+2):
		return e + 2
	case byteAt(src, e) == 0xE2 && byteAt(src, e+1) == 0x80 && byteAt(src, e+2) == 0x99 &&
		lower(byteAt(src, e+3)) == 's' && !alnumAt(src, e+4):
		return e + 4
	}
	return e
}

// unitWords introduce a flat before an English street line ("Flat 7, 82
// Chapel Lane").
var unitWords = []string{"flat", "apartment", "apt", "apt.", "unit", "suite"}

// matchUnitStreet reads "Flat 7, 82 Chapel Lane": a capitalised unit word,
// its number, a comma and a street line that starts with the house number.
func matchUnitStreet(src []byte, i, we int) (int, bool) {
	if !wordIn(src, i, we, unitWords) {
		return 0, false
	}
	j := skipSpaces(src, we, 1)
	if j == we {
		return 0, false
	}
	he, ok := houseNumber(src, j)
	if !ok || byteAt(src, he) != ',' {
		return 0, false
	}
	k := skipSpaces(src, he+1, 1)
	if k == he+1 || !isDigit(byteAt(src, k)) {
		return 0, false
	}
	return matchStreetNumberFirst(src, k)
}

// street emits a street line and remembers its end for the postcode context.
func (f *finder) street(s, e int) {
	f.emit(KindStreet, IDNone, s, e)
	f.streetEnd = e
}

// afterStreet reports whether src[i] follows the previous street hit with
// only a comma, blanks, a line break or a dash between.
func (f *finder) afterStreet(i int) bool {
	if f.streetEnd < 0 || f.streetEnd != f.last || i-f.streetEnd > 6 {
		return false
	}
	for _, c := range f.src[f.streetEnd:i] {
		if c != ',' && c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '-' {
			return false
		}
	}
	return true
}

// usStates are the two-letter codes before a ZIP code.
const usStates = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH " +
	"NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR "

func usState(a, b byte) bool {
	for k := 0; k+1 < len(usStates); k += 3 {
		if usStates[k] == a && usStates[k+1] == b {
			return true
		}
	}
	return false
}

// refWords before a number make it a reference, not a postcode.
var refWords = []string{"n", "nr", "no", "num", "numero", "number", "nummer", "ordine", "order", "ticket",
	"pratica", "fattura", "invoice", "rechnung", "commande", "bestellung", "auftrag", "ref", "codice", "code",
	"id", "cliente", "customer", "kunde", "kundennummer", "facture", "dossier", "totale", "total", "importo"}

// prevWord returns the word that ends before src[i] with at most two blanks
// (and an optional dot or colon) between; s == e if none.
func prevWord(src []byte, i int) (s, e int) {
	j := i
	for j > 0 && i-j < 2 && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	if j > 0 && (src[j-1] == '.' || src[j-1] == ':') {
		j--
	}
	e = j
	for j > 0 && e-j < 20 && is(src[j-1], cLetter) {
		j--
	}
	return j, e
}

// postcodeAt tries a postcode at the digit token i: a US ZIP after a state
// code ("Springfield, IL 62704"), or a postcode before a city (the shapes
// other than five digits only right after a street).
func (f *finder) postcodeAt(i int) {
	src := f.src
	e := digitsEnd(src, i)
	if e-i == 4 {
		f.postcodeCity(i, i, f.afterStreet(i))
		return
	}
	if e-i != 5 {
		return
	}
	// US: "Springfield, IL 62704", "CA 90210-1234".
	if i >= 3 && src[i-1] == ' ' && isUpper(src[i-2]) && isUpper(src[i-3]) && usState(src[i-3], src[i-2]) &&
		!alnumBefore(src, i-3) {
		ze := e
		if ze+5 <= len(src) && src[ze] == '-' && digitsEnd(src, ze+1) == ze+5 {
			ze += 5
		}
		if !endOK(src, ze) {
			return
		}
		cs, ce, ok := cityBefore(src, i-3, f.last)
		if ok {
			f.emit(KindCity, IDNone, cs, ce)
		}
		f.emit(KindPostcode, IDNone, i, ze)
		return
	}
	f.postcodeCity(i, i, f.afterStreet(i))
}

// postcodeEnd reads the digits of a postcode at i: five digits, and with
// context (a street just before, a residence keyword) also four digits
// (Belgium, Austria, Switzerland, Luxembourg, Denmark), four digits and two
// capitals ("1015 MY", "1015MY": the Netherlands) and four digits, hyphen,
// three digits ("1100-950": Portugal).
func postcodeEnd(src []byte, i int, context bool) (int, bool) {
	e := digitsEnd(src, i)
	if e-i == 5 {
		return e, endOK(src, e)
	}
	if e-i != 4 || !context {
		return 0, false
	}
	switch c := byteAt(src, e); {
	case c == '-' && digitsEnd(src, e+1) == e+4:
		return e + 4, endOK(src, e+4)
	case c == ' ' && isUpper(byteAt(src, e+1)) && isUpper(byteAt(src, e+2)) && byteAt(src, e+3) == ' ' &&
		upperAt(src, e+4):
		return e + 3, true // "1015 MY Amsterdam"
	case isUpper(c) && isUpper(byteAt(src, e+1)) && !alnumAt(src, e+2):
		return e + 2, true // "1015MY"
	}
	return e, endOK(src, e)
}

// postcodeCity tries a postcode at p (written from s, which is before p
// when a country prefix "L-" stands there) followed by a city. Without
// context (a street before it, a residence keyword), only five digits are
// taken, the city must end the address (punctuation, a line break, the end,
// a province in parentheses), the number must not follow a reference word
// or a currency, and the city must not be a unit or currency word.
func (f *finder) postcodeCity(s, p int, context bool) {
	src := f.src
	e, ok := postcodeEnd(src, p, context)
	if !ok {
		return
	}
	i := s
	c := skipSpaces(src, e, 2)
	if c == e {
		return
	}
	ce, ok := matchCity(src, c)
	if !ok {
		return
	}
	if !context {
		if !addressEnd(src, ce) {
			return
		}
		if ws, we := prevWord(src, i); we > ws && wordIn(src, ws, we, refWords) {
			return
		}
		if currencyBefore(src, i) {
			return
		}
	}
	f.emit(KindPostcode, IDNone, i, e)
	f.emit(KindCity, IDNone, c, ce)
}

// countryPrefixes stand before a postcode in the European style
// ("L-4797 Esch-sur-Alzette", "CH-8001 Zürich", "D-80331 München").
var countryPrefixes = []string{"a", "b", "d", "f", "i", "l", "ch", "nl", "dk", "fl"}

// prefixedPostcodeAt tries a postcode with a country prefix at the letter
// token i; it reports whether hits were emitted. Without a street just
// before, the postcode must start the address (the start of the text or a
// line, or after a comma, colon or parenthesis) and the city must end it:
// "Typ A-1000 Serie" is a model.
func (f *finder) prefixedPostcodeAt(i, ae int) bool {
	src := f.src
	if ae-i > 2 || byteAt(src, ae) != '-' || !isUpper(src[i]) || !isUpper(src[ae-1]) ||
		!wordIn(src, i, ae, countryPrefixes) {
		return false
	}
	p := ae + 1
	if l := digitsEnd(src, p) - p; l != 4 && l != 5 {
		return false
	}
	e, ok := postcodeEnd(src, p, true)
	if !ok {
		return false
	}
	c := skipSpaces(src, e, 2)
	if c == e {
		return false
	}
	ce, ok := matchCity(src, c)
	if !ok || (!f.afterStreet(i) && !(addressStart(src, i) && addressEnd(src, ce))) {
		return false
	}
	f.emit(KindPostcode, IDNone, i, e)
	f.emit(KindCity, IDNone, c, ce)
	return true
}

// currencyBefore: "€ 12345", "$12345", "EUR 12345".
func currencyBefore(src []byte, i int) bool {
	j := i
	if j > 0 && src[j-1] == ' ' {
		j--
	}
	if j == 0 {
		return false
	}
	switch {
	case src[j-1] == '$':
		return true
	case j >= 3 && src[j-3] == 0xE2 && src[j-2] == 0x82 && src[j-1] == 0xAC: // €
		return true
	case j >= 2 && src[j-2] == 0xC2 && src[j-1] == 0xA3: // £
		return true
	}
	s, e := prevWord(src, i)
	return e > s && wordIn(src, s, e, cityDeny)
}

// cityBefore reads backwards from p (over a comma and blanks) one to three
// capitalised words; the city must start at or after floor.
func cityBefore(src []byte, p, floor int) (int, int, bool) {
	j := p
	for j > floor && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	if j > floor && src[j-1] == ',' {
		j--
	}
	for j > floor && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	end, start := j, -1
	for w := 0; w < 3 && j > floor; w++ {
		s := j
		for s > floor && j-s < 40 && (is(src[s-1], cLetter) || src[s-1] == '-') {
			s--
		}
		if s == j || !upperAt(src, s) || alnumBefore(src, s) || j-s < 2 {
			break
		}
		if wordIn(src, s, j, enTypes) || wordIn(src, s, j, frTypes) {
			break
		}
		start = s
		if s-1 <= floor || src[s-1] != ' ' {
			break
		}
		j = s - 1
	}
	if start < 0 {
		return 0, 0, false
	}
	return start, end, true
}

// ukPostcodeAt tries a UK postcode at the letter token i ("SW1A 1AA",
// "M1 1AE", "EC1A 1BB") after a city or a street. An inward code with one
// of the letters C I K M O V (a typo, or a made-up code) is taken only in a
// full address: right after the street, or after a city that follows the
// street.
func (f *finder) ukPostcodeAt(i int) bool {
	e, strict, ok := matchUKPostcode(f.src, i)
	if !ok {
		return false
	}
	if f.afterStreet(i) {
		f.emit(KindPostcode, IDNone, i, e)
		return true
	}
	cs, ce, ok := cityBefore(f.src, i, f.last)
	if !ok || (!strict && !f.afterStreet(cs)) {
		return false
	}
	f.emit(KindCity, IDNone, cs, ce)
	f.emit(KindPostcode, IDNone, i, e)
	return true
}

// matchUKPostcode: outward code A9, A99, A9A, AA9, AA99, AA9A; one blank;
// inward code 9AA. strict is false when the inward letters include one of
// C I K M O V, which real codes do not use.
func matchUKPostcode(src []byte, i int) (end int, strict, ok bool) {
	n := len(src)
	j := i
	for j < n && j-i < 2 && isUpper(src[j]) {
		j++
	}
	if j == i || j >= n || !isDigit(src[j]) {
		return 0, false, false
	}
	j++
	if j < n && (isDigit(src[j]) || isUpper(src[j])) {
		j++
	}
	if j >= n || src[j] != ' ' {
		return 0, false, false
	}
	j++
	if j+3 > n || !isDigit(src[j]) {
		return 0, false, false
	}
	strict = true
	for _, c := range src[j+1 : j+3] {
		if !isUpper(c) {
			return 0, false, false
		}
		strict = strict && !containsByte("CIKMOV", c)
	}
	return j + 3, strict, endOK(src, j+3)
}
