package textpii

// Keyword-anchored detectors: document numbers, CVV codes, birth dates and
// places, cities of residence, compact SSNs and codici fiscali with a wrong
// check letter. A keyword is matched at a token start; what follows it is
// read forward over a bounded window (a few filler words, at most fillerMax
// bytes), so the scan stays linear.

type kwAct uint8

const (
	actDoc   kwAct = iota + 1 // a document number follows
	actCVV                    // a CVV follows
	actBirth                  // a birth date follows
	actBorn                   // a birth place and/or date follow ("nata a Cagliari il ...")
	actCity                   // a city of residence follows
	actSSN                    // an SSN follows, compact allowed
	actCF                     // a codice fiscale follows, check letter not required
	actAm                     // German "am <date> in <city> geboren": taken only with the final "geboren"
)

type keyword struct {
	phrase string // lower case; ' ' matches one or two blanks, '\'' any apostrophe
	first  int    // byte length of the phrase's first word
	act    kwAct
}

// keywordList: within one first word, longer phrases come first.
var keywordList = []struct {
	act     kwAct
	phrases []string
}{
	{actDoc, []string{
		"carta d'identità", "carta d'identita", "carta di identità", "carta di identita", "carta identità",
		"carta identita", "c.i.", "passaporto", "patente di guida", "patente",
		"carte nationale d'identité", "carte nationale d'identite", "carte d'identité", "carte d'identite",
		"cni", "passeport", "permis de conduire",
		"personalausweisnummer", "personalausweises", "personalausweis", "ausweisnummer", "ausweises", "ausweis",
		"reisepassnummer", "reisepasses", "reisepass", "pass-nr.", "pass-nr", "passnummer", "führerscheinnummer",
		"führerscheins", "führerschein", "fuehrerscheins", "fuehrerschein", "fuhrerschein",
		"id card", "identity card", "passport", "driving licence", "driving license", "driver's license",
		"driver's licence", "drivers license", "driver license"}},
	{actCVV, []string{"cvv2", "cvc2", "cvv", "cvc", "cid", "codice di sicurezza", "code de sécurité",
		"code de securite", "cryptogramme", "kartenprüfnummer", "prüfnummer", "pruefnummer", "security code"}},
	{actBirth, []string{"data di nascita", "data nascita", "date de naissance", "geburtsdatum", "geb.",
		"date of birth", "birth date", "birthdate", "d.o.b.", "dob"}},
	{actBorn, []string{"nato", "nata", "nati", "nate", "né(e)", "née", "né", "geboren", "born"}},
	{actCity, []string{"residente a", "residente in", "residenti a", "residenti in", "domiciliato a",
		"domiciliata a", "domiciliato in", "domiciliata in", "abito a", "abito in", "vivo a", "habite à",
		"habite a", "demeurant à", "domicilié à", "domiciliée à", "wohnhaft in", "wohne in", "lebe in",
		"lives in", "living in", "live in", "resides in", "residing in", "resident in"}},
	{actSSN, []string{"social security number", "social security no.", "social security no",
		"social security", "ssn"}},
	{actCF, []string{"codice fiscale", "cod. fiscale", "cod. fisc.", "cod.fisc.", "c.f.", "cf"}},
	{actAm, []string{"am"}},
}

// keywordIndex holds the keywords by the lower-case ASCII letter they start with.
var keywordIndex = func() (t [26][]keyword) {
	for _, g := range keywordList {
		for _, p := range g.phrases {
			src := []byte(p)
			t[p[0]-'a'] = append(t[p[0]-'a'], keyword{phrase: p, first: wordEnd(src, 0), act: g.act})
		}
	}
	return t
}()

// matchPhrase matches the keyword phrase p at src[i]; it returns the end.
func matchPhrase(src []byte, i int, p string) (int, bool) {
	n := len(src)
	j := i
	for k := 0; k < len(p); k++ {
		c := p[k]
		switch c {
		case ' ':
			e := skipSpaces(src, j, 2)
			if e == j {
				return 0, false
			}
			j = e
		case '\'':
			switch {
			case j < n && (src[j] == '\'' || src[j] == '`'):
				j++
			case j+2 < n && src[j] == 0xE2 && src[j+1] == 0x80 && src[j+2] == 0x99: // ’
				j += 3
			default:
				return 0, false
			}
		default:
			if j >= n || lower(src[j]) != c {
				return 0, false
			}
			j++
		}
	}
	if last := p[len(p)-1]; (isAlnumASCII(last) || last >= 0x80) && alnumAt(src, j) {
		return 0, false
	}
	return j, true
}

func (f *finder) actOn(a kwAct) bool {
	o := f.opts
	switch a {
	case actDoc:
		return o.Documents
	case actCVV:
		return o.CVV
	case actBirth:
		return o.BirthDates
	case actBorn, actAm:
		return o.BirthDates || o.Addresses
	case actCity:
		return o.Addresses
	case actSSN, actCF:
		return o.IDs
	}
	return false
}

// keyword tries the keywords at the token start i, whose first word has
// the lookup entry w (nil if none), and what follows them. It reports
// whether hits were emitted.
func (f *finder) keyword(i int, w *wordEntry) bool {
	if w == nil {
		return false
	}
	src := f.src
	for _, kw := range w.kws {
		if !f.actOn(kw.act) {
			continue
		}
		e, ok := matchPhrase(src, i, kw.phrase)
		if !ok {
			continue
		}
		before := len(f.hits)
		switch kw.act {
		case actDoc:
			f.afterDoc(e, !hasLower(src[i:e]))
		case actCVV:
			f.afterCVV(e)
		case actBirth:
			f.afterBirth(e, false)
		case actBorn:
			f.afterBirth(e, true)
		case actCity:
			f.afterCity(e)
		case actSSN:
			f.afterSSN(e)
		case actCF:
			f.afterCF(e)
		case actAm:
			f.afterAm(e)
		}
		return len(f.hits) > before
	}
	return false
}

const fillerMax = 40

// fillerWords may stand between a keyword and its value.
var fillerWords = []string{"n", "nr", "no", "num", "numero", "numéro", "nummer", "number", "nb", "n°", "nº",
	"è", "e'", "est", "ist", "is", "es", "lautet", "was", "il", "la", "le", "mio", "mia", "my", "mon", "ma",
	"mein", "meine", "meiner", "code", "codice", "the", "della", "de", "du", "des", "der", "di"}

// cvvFiller: the shorter list for CVVs (no articles: "CVV del 2023").
var cvvFiller = []string{"n", "nr", "no", "number", "numero", "code", "codice", "è", "e'", "est", "ist",
	"is", "lautet", "was"}

// skipFiller skips blanks, ':', '-', '#', '=' and filler words after a
// keyword ending at i; it returns where the value may start.
func skipFiller(src []byte, i int, words []string) int {
	limit := i + fillerMax
	j := i
	for steps := 0; steps < 8 && j < len(src) && j < limit; steps++ {
		k := j
		for k < len(src) && k < limit {
			c := src[k]
			if c == ' ' || c == '\t' || c == ':' || c == '-' || c == '#' || c == '=' {
				k++
				continue
			}
			if c == 0xC2 && k+1 < len(src) && src[k+1] == 0xA0 {
				k += 2
				continue
			}
			break
		}
		j = k
		e := wordEnd(src, j)
		if isDigit(byteAt(src, e)) {
			break // "LE1795386", "DU1666664": a value that starts like a filler word
		}
		if e > j && wordIn(src, j, e, words) {
			if e < len(src) && (src[e] == '.' || src[e] == '\'') {
				e++
			}
			j = e
			continue
		}
		if e == j+1 && j+2 < len(src) && (src[e] == '\'' || src[e] == '.') && wordIn(src, j, e+1, words) {
			j = e + 1
			continue
		}
		break
	}
	return j
}

// afterDoc: a token of 6-12 upper-case letters and digits with a digit
// ("CA12345AB", "YA1234567", "123456789", "YMTRKVKN5"), or of nine letters
// that do not read as a word (at most two vowels: "LYXJXNHFT", the
// Personalausweis and CNIe alphabets draw few vowels) unless the keyword
// itself was written in capitals (a shouted "PASSPORT NUMBER MISSING").
func (f *finder) afterDoc(i int, shouted bool) {
	src := f.src
	j := skipFiller(src, i, fillerWords)
	if j >= len(src) || !isAlnumASCII(src[j]) || !startOK(src, j) {
		return
	}
	e := alnumEnd(src, j)
	if e-j < 6 || e-j > 12 || !endOK(src, e) {
		return
	}
	digits, vowels := 0, 0
	for _, c := range src[j:e] {
		switch {
		case isDigit(c):
			digits++
		case isLower(c):
			return
		case containsByte("AEIOU", c):
			vowels++
		}
	}
	if digits >= 1 || (e-j == 9 && vowels <= 2 && !shouted) {
		f.emit(KindDocument, IDNone, j, e)
	}
}

// hasLower reports whether b holds a lower-case ASCII letter.
func hasLower(b []byte) bool {
	for _, c := range b {
		if isLower(c) {
			return true
		}
	}
	return false
}

// afterCVV: three or four digits.
func (f *finder) afterCVV(i int) {
	src := f.src
	j := skipFiller(src, i, cvvFiller)
	if j >= len(src) || !isDigit(src[j]) || !startOK(src, j) {
		return
	}
	e := digitsEnd(src, j)
	if (e-j == 3 || e-j == 4) && endOK(src, e) && !(e < len(src) && src[e] == ':') {
		f.emit(KindCVV, IDNone, j, e)
	}
}

// afterSSN: nine digits, compact or 3-2-4 with hyphens or spaces.
func (f *finder) afterSSN(i int) {
	src := f.src
	j := skipFiller(src, i, fillerWords)
	if j >= len(src) || !isDigit(src[j]) || !startOK(src, j) {
		return
	}
	var lens, ends [3]int
	var buf [maxIDLen]byte
	for _, sep := range []byte{'-', ' '} {
		n := readGroups(src, j, sep, isDigit, lens[:], ends[:])
		e := 0
		switch {
		case groupsAre(lens[:], n, 9):
			e = ends[0]
		case groupsAre(lens[:], n, 3, 2, 4):
			e = ends[2]
		default:
			continue
		}
		if k, _ := compactID(&buf, src[j:e]); k == 9 && endOK(src, e) && validSSN(buf[:9]) {
			f.emit(KindNationalID, USSSN, j, e)
			return
		}
	}
}

// afterCF: a codice fiscale of the right shape; the check letter may be
// wrong (a typo in a ticket is still somebody's code).
func (f *finder) afterCF(i int) {
	src := f.src
	j := skipFiller(src, i, fillerWords)
	if j >= len(src) || !isLetterASCII(src[j]) || !startOK(src, j) {
		return
	}
	e := alnumEnd(src, j)
	if e-j == 16 && endOK(src, e) && cfShape(src[j:e]) {
		f.emit(KindNationalID, ITCodiceFiscale, j, e)
	}
}

// birthFiller: articles and verbs between a birth keyword and its date.
var birthFiller = []string{"il", "le", "am", "on", "the", "den", "è", "e'", "est", "ist", "is", "was", "el"}

// birthPlace: prepositions that introduce the place of birth.
var birthPlace = []string{"a", "à", "in", "ad"}

// afterBirth reads, after a birth keyword, a date; with place set (nato,
// né, geboren, born) also a place of birth "a Cagliari", before or after the
// date. Up to six steps, within a bounded window.
func (f *finder) afterBirth(i int, place bool) {
	src := f.src
	n := len(src)
	limit := i + 80
	j := i
	gotDate, gotPlace := false, false
	for steps := 0; steps < 6 && j < n && j < limit; steps++ {
		k := j
		for k < n && (src[k] == ' ' || src[k] == ':' || src[k] == ',' || src[k] == '\t') && k-j < 4 {
			k++
		}
		if k == j && steps > 0 {
			return // words must be separated
		}
		j = k
		if j >= n {
			return
		}
		if !gotDate && (isDigit(src[j]) || isLetterASCII(src[j])) {
			if e, ok := matchDate(src, j); ok {
				if f.opts.BirthDates {
					f.emit(KindBirthDate, IDNone, j, e)
				}
				gotDate = true
				j = e
				if !place || gotPlace {
					return
				}
				continue
			}
		}
		we := wordEnd(src, j)
		if we == j {
			return
		}
		switch {
		case wordIn(src, j, we, birthFiller):
			j = we
		case place && !gotPlace && wordIn(src, j, we, birthPlace):
			c := skipSpaces(src, we, 2)
			if c == we {
				return
			}
			ce, ok := matchCity(src, c)
			if !ok {
				return
			}
			if f.opts.Addresses {
				f.emit(KindCity, IDNone, c, ce)
			}
			gotPlace = true
			j = skipProvince(src, ce)
			if gotDate {
				return
			}
		default:
			return
		}
	}
}

// afterAm reads the German word order with the verb last, "(ich bin) am
// 14.10.1981 in Leipzig geboren": a date, optionally "in" and a city, then
// "geboren" or "geb."; nothing is taken without that last word.
func (f *finder) afterAm(i int) {
	src := f.src
	j := skipSpaces(src, i, 2)
	if j == i || j >= len(src) || !isDigit(src[j]) {
		return
	}
	de, ok := matchDate(src, j)
	if !ok {
		return
	}
	cs, ce := -1, -1
	k := skipSpaces(src, de, 2)
	if k == de {
		return
	}
	if we := wordEnd(src, k); wordIs(src, k, we, "in") {
		c := skipSpaces(src, we, 2)
		if c == we {
			return
		}
		if ce, ok = matchCity(src, c); !ok {
			return
		}
		cs = c
		k = skipSpaces(src, ce, 2)
		if k == ce {
			return
		}
	}
	if we := wordEnd(src, k); !wordIs(src, k, we, "geboren") && !(wordIs(src, k, we, "geb") && byteAt(src, we) == '.') {
		return
	}
	if f.opts.BirthDates {
		f.emit(KindBirthDate, IDNone, j, de)
	}
	if cs >= 0 && f.opts.Addresses {
		f.emit(KindCity, IDNone, cs, ce)
	}
}

// skipProvince skips a province code in parentheses after a city: " (CA)".
func skipProvince(src []byte, i int) int {
	j := skipSpaces(src, i, 1)
	if j+3 < len(src) && src[j] == '(' && isUpper(src[j+1]) && isUpper(src[j+2]) && src[j+3] == ')' {
		return j + 4
	}
	return i
}

// afterCity: the city after "residente a", "wohnhaft in", "lives in"; a
// postcode and city ("wohnhaft in 10115 Berlin"); nothing when a street
// follows (the main scan finds it).
func (f *finder) afterCity(i int) {
	src := f.src
	j := skipSpaces(src, i, 2)
	if j == i || j >= len(src) {
		return
	}
	if isDigit(src[j]) {
		f.postcodeCity(j, j, true)
		return
	}
	if _, ok := matchStreetWordFirst(src, j); ok {
		return
	}
	if e, ok := matchCity(src, j); ok {
		f.emit(KindCity, IDNone, j, e)
	}
}
