package main

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Free text: ticket subjects and bodies, contact notes and audit details.
// Personal values (e-mail, IBAN, phone, card) sit among ordinary prose full
// of numbers that are not personal data (amounts, dates, order numbers,
// error codes, 16-digit transaction ids that fail Luhn) so a scrubber has
// both something to find and something to leave alone.

// A template is literal text with {placeholders}, parsed once at start-up.
type template []segment

type segment struct {
	lit string
	ph  placeholder // 0: literal
}

type placeholder int

const (
	phNone placeholder = iota
	phEmail
	phPhone
	phIBAN
	phCard
	phLast4
	phAmount
	phDate
	phTime
	phOrder
	phRef
	phTxID
	phErr
	phAgentEmail
	// personal values that only free text holds, and names
	phFull     // the person's name: "Gaia Marras", "MARRAS Gaia", "gaia marras"
	phFirst    // given name alone
	phLast     // surname alone
	phHonLast  // "Sig.ra Marras", "Frau Lindner": only the surname is labelled
	phHonFull  // "Sig.ra Gaia Marras"
	phOfName   // "dell'Arianna", "d'Anaïs", "von Björn", "Smith's"
	phRel      // "mio marito Paolo Sanna": a held-out name, in no table
	phRelFirst // the same relative again, by given name
	phAgent    // the staff member's display name
	phNatID
	phIDCard
	phPassport
	phAddress    // the customer's address: street, postcode, city
	phNewAddress // an address in no table
	phBirth
	phBirthCity
	phG // agreement with the person's sex: it o/a, fr -/e, de r/-
	phIP
	phEmailObf
	phCVV
)

var placeholderNames = map[string]placeholder{
	"email": phEmail, "phone": phPhone, "iban": phIBAN, "card": phCard,
	"last4": phLast4, "amount": phAmount, "date": phDate, "time": phTime, "order": phOrder, "ref": phRef,
	"txid": phTxID, "err": phErr, "agentemail": phAgentEmail,
	"full": phFull, "first": phFirst, "last": phLast, "honlast": phHonLast, "honfull": phHonFull,
	"ofname": phOfName, "rel": phRel, "relfirst": phRelFirst, "agent": phAgent, "natid": phNatID,
	"idcard": phIDCard, "passport": phPassport, "address": phAddress, "newaddress": phNewAddress,
	"birth": phBirth, "birthcity": phBirthCity, "g": phG, "ip": phIP, "emailobf": phEmailObf, "cvv": phCVV,
}

func parseTemplate(s string) template {
	var t template
	for s != "" {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			t = append(t, segment{lit: s})
			break
		}
		if open > 0 {
			t = append(t, segment{lit: s[:open]})
		}
		end := strings.IndexByte(s[open:], '}')
		ph, ok := placeholderNames[s[open+1:open+max(end, 0)]]
		if end < 0 || !ok {
			panic("gen: bad template " + strconv.Quote(s)) // static text: a programming error
		}
		t = append(t, segment{ph: ph})
		s = s[open+end+1:]
	}
	return t
}

func parseAll(ss []string) []template {
	ts := make([]template, len(ss))
	for i, s := range ss {
		ts[i] = parseTemplate(s)
	}
	return ts
}

// textCtx holds the values one piece of text may mention, already in the
// display form chosen for it, and collects the labels of what it plants.
type textCtx struct {
	r                 *rand.Rand
	loc               locale
	email             string
	phone, iban, card string
	phoneKnown        bool // the phone is in a table (not a new number)
	currency          string
	agentEmail        string
	agentName         string
	// The person the text is by or about: the customer in a ticket, the
	// contact in a note. first == "" when there is none.
	first, last string
	female      bool
	cust        *customer // address, birth, national id; nil in internal tickets
	relFirst    string    // the relative named in this text, once drawn
	relLast     string
	relFemale   bool
	noted       bool // staff write about the person (a contact note)

	labels []label
}

// mark labels dst[start:] as one planted value.
func (c *textCtx) mark(dst []byte, start int, kind labelKind, known bool, part namePart) []byte {
	if len(dst) > start {
		c.labels = append(c.labels, label{start: start, end: len(dst), kind: kind, known: known, part: part})
	}
	return dst
}

// appendCased appends s as written, or (rarely) all upper or lower case.
func appendCased(dst []byte, s string, casing int) []byte {
	switch casing {
	case 1:
		return append(dst, strings.ToUpper(s)...)
	case 2:
		return append(dst, strings.ToLower(s)...)
	}
	return append(dst, s...)
}

func pickCasing(r *rand.Rand) int {
	switch x := r.IntN(100); {
	case x < 7:
		return 1
	case x < 13:
		return 2
	}
	return 0
}

func (g *gen) expand(dst []byte, t template, c *textCtx) []byte {
	r := c.r
	for _, s := range t {
		at := len(dst)
		switch s.ph {
		case phNone:
			dst = append(dst, s.lit...)
		case phEmail:
			dst = c.mark(append(dst, c.email...), at, lkEmail, true, 0)
		case phPhone:
			dst = c.mark(append(dst, c.phone...), at, lkPhone, c.phoneKnown, 0)
		case phIBAN:
			dst = c.mark(append(dst, c.iban...), at, lkIBAN, true, 0)
		case phCard:
			dst = c.mark(append(dst, c.card...), at, lkCard, true, 0)
		case phLast4:
			digits := strings.ReplaceAll(c.card, " ", "")
			dst = append(dst, digits[max(len(digits)-4, 0):]...)
		case phAmount:
			dst = appendAmount(dst, r, c.loc, c.currency)
		case phDate:
			dst = appendDate(dst, c.loc, time.Date(2019+r.IntN(7), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC))
		case phTime:
			dst = appendDigits(dst, uint64(8+r.IntN(11)), 2)
			dst = append(dst, ':')
			dst = appendDigits(dst, uint64(r.IntN(12)*5), 2)
		case phOrder:
			dst = append(dst, "ORD-"...)
			dst = strconv.AppendInt(dst, int64(2019+r.IntN(7)), 10)
			dst = append(dst, '-')
			dst = appendRandDigits(dst, r, 6)
		case phRef:
			dst = strconv.AppendInt(dst, int64(2019+r.IntN(7)), 10)
			dst = append(dst, '/')
			dst = appendRandDigits(dst, r, 5)
		case phTxID:
			start := len(dst)
			dst = appendRandDigits(dst, r, 16)
			if validLuhn(string(dst[start:])) { // must not look like a card
				dst[len(dst)-1] = '0' + (dst[len(dst)-1]-'0'+1)%10
			}
		case phErr:
			dst = strconv.AppendInt(dst, int64(1000+r.IntN(9000)), 10)
		case phAgentEmail:
			dst = c.mark(append(dst, c.agentEmail...), at, lkEmail, true, 0)
		default:
			dst = g.expandPersonal(dst, s.ph, c)
		}
	}
	return dst
}

// expandPersonal writes the placeholders of names and of the personal
// values only free text holds, labelling each.
func (g *gen) expandPersonal(dst []byte, ph placeholder, c *textCtx) []byte {
	r := c.r
	at := len(dst)
	switch ph {
	case phFull:
		casing := pickCasing(r)
		if r.IntN(100) < 10 && c.loc != locEN { // forms, French style: "LEBRUN Anaïs"
			if c.loc == locFR && casing == 0 {
				dst = append(dst, strings.ToUpper(c.last)...)
			} else {
				dst = appendCased(dst, c.last, casing)
			}
			dst = append(dst, ' ')
			dst = appendCased(dst, c.first, casing)
		} else {
			dst = appendCased(dst, c.first, casing)
			dst = append(dst, ' ')
			dst = appendCased(dst, c.last, casing)
		}
		return c.mark(dst, at, lkName, true, partFull)
	case phFirst:
		return c.mark(appendCased(dst, c.first, pickCasing(r)), at, lkName, true, partFirst)
	case phLast:
		return c.mark(appendCased(dst, c.last, pickCasing(r)), at, lkName, true, partLast)
	case phHonLast, phHonFull:
		dst = append(dst, pick(r, honorifics[c.loc][btoi(c.female)])...)
		dst = append(dst, ' ')
		at = len(dst)
		if ph == phHonLast {
			return c.mark(appendCased(dst, c.last, pickCasing(r)), at, lkName, true, partLast)
		}
		dst = append(dst, c.first...)
		dst = append(dst, ' ')
		dst = append(dst, c.last...)
		return c.mark(dst, at, lkName, true, partFull)
	case phOfName:
		return g.appendOfName(dst, c)
	case phRel, phRelFirst:
		if c.relFirst == "" || ph == phRel {
			h := heldout[c.loc]
			c.relFirst, c.relLast = pick(r, h.first), pick(r, h.last)
			c.relFemale = guessFemale(c.loc, c.relFirst)
		}
		if ph == phRelFirst {
			return c.mark(append(dst, c.relFirst...), at, lkName, false, partFirst)
		}
		rels := relations
		if c.noted {
			rels = relationsNoted
		}
		dst = append(dst, pick(r, rels[c.loc][btoi(c.relFemale)])...)
		dst = append(dst, ' ')
		at = len(dst)
		casing := 0
		if r.IntN(100) < 5 {
			casing = 1
		}
		dst = appendCased(dst, c.relFirst, casing)
		if r.IntN(100) < 35 {
			return c.mark(dst, at, lkName, false, partFirst)
		}
		dst = append(dst, ' ')
		dst = appendCased(dst, c.relLast, casing)
		return c.mark(dst, at, lkName, false, partFull)
	case phAgent:
		first, last, _ := strings.Cut(c.agentName, " ")
		if r.IntN(100) < 12 {
			return c.mark(append(dst, first...), at, lkName, true, partFirst)
		}
		dst = append(dst, first...)
		dst = append(dst, ' ')
		dst = append(dst, last...)
		return c.mark(dst, at, lkName, true, partFull)
	case phNatID:
		id := g.nationalID(c.cust)
		switch {
		case c.loc == locIT && r.IntN(10) == 0:
			id = strings.ToLower(id)
		case c.loc == locFR && r.IntN(2) == 0: // 1 84 12 75 114 089 46
			id = id[:1] + " " + id[1:3] + " " + id[3:5] + " " + id[5:7] + " " + id[7:10] + " " + id[10:13] + " " + id[13:]
		case c.loc == locDE && r.IntN(3) == 0: // 86 095 742 719
			id = id[:2] + " " + id[2:5] + " " + id[5:8] + " " + id[8:]
		}
		return c.mark(append(dst, id...), at, lkNationalID, false, 0)
	case phIDCard:
		return c.mark(append(dst, idCard(r, c.loc)...), at, lkDocument, false, 0)
	case phPassport:
		return c.mark(append(dst, passport(r, c.loc)...), at, lkDocument, false, 0)
	case phAddress:
		cu := c.cust
		if cu.street == "" {
			return g.appendNewAddress(dst, c)
		}
		return g.appendAddress(dst, c, cu.street, cu.postcode, cu.cty, true)
	case phNewAddress:
		return g.appendNewAddress(dst, c)
	case phBirth:
		birth, known := g.birthOf(c.cust)
		dst = appendLongDate(dst, c.loc, birth, r.IntN(3) == 0)
		return c.mark(dst, at, lkBirthDate, known, 0)
	case phBirthCity:
		return c.mark(append(dst, g.birthPlaceOf(c.cust).name...), at, lkCity, false, 0)
	case phG:
		dst = append(dst, genderSuffix[c.loc][btoi(c.female)]...)
	case phIP:
		return c.mark(append(dst, ipAddress(r)...), at, lkIP, false, 0)
	case phEmailObf:
		return c.mark(append(dst, obfuscatedEmail(r, c.loc, c.email)...), at, lkEmailObfuscated, true, 0)
	case phCVV:
		return c.mark(append(dst, cvv(r, c.card)...), at, lkCVV, false, 0)
	}
	return dst
}

// appendOfName writes "of <name>" the way the language elides or inflects
// it; only the name is labelled.
func (g *gen) appendOfName(dst []byte, c *textCtx) []byte {
	vowel := strings.ContainsRune("AEIOUÉÈÎ", []rune(c.first)[0])
	switch c.loc {
	case locIT:
		if vowel {
			dst = append(dst, "dell'"...)
			at := len(dst)
			return c.mark(append(dst, c.first...), at, lkName, true, partFirst)
		}
		dst = append(dst, "di "...)
		at := len(dst)
		return c.mark(append(dst, c.first...), at, lkName, true, partFirst)
	case locFR:
		if vowel || c.first[0] == 'H' {
			dst = append(dst, "d'"...)
		} else {
			dst = append(dst, "de "...)
		}
		at := len(dst)
		return c.mark(append(dst, c.first...), at, lkName, true, partFirst)
	case locDE:
		dst = append(dst, "von "...)
		dst = append(dst, honorifics[locDE][btoi(c.female)][0]...) // Herr/Frau
		dst = append(dst, ' ')
		at := len(dst)
		return c.mark(append(dst, c.last...), at, lkName, true, partLast)
	default:
		at := len(dst)
		dst = c.mark(append(dst, c.last...), at, lkName, true, partLast)
		return append(dst, "'s"...)
	}
}

// appendAddress writes street, postcode and city in the country's order,
// each labelled.
func (g *gen) appendAddress(dst []byte, c *textCtx, street, pc, city string, known bool) []byte {
	at := len(dst)
	dst = c.mark(append(dst, street...), at, lkStreet, known, 0)
	dst = append(dst, ", "...)
	if c.cust.country.code == "GB" { // London SW1A 1AA
		at = len(dst)
		dst = c.mark(append(dst, city...), at, lkCity, known, 0)
		dst = append(dst, ' ')
		at = len(dst)
		return c.mark(append(dst, pc...), at, lkPostcode, known, 0)
	}
	at = len(dst)
	dst = c.mark(append(dst, pc...), at, lkPostcode, known, 0)
	dst = append(dst, ' ')
	at = len(dst)
	return c.mark(append(dst, city...), at, lkCity, known, 0)
}

func (g *gen) appendNewAddress(dst []byte, c *textCtx) []byte {
	r := c.r
	ct := pick(r, c.cust.country.cities)
	return g.appendAddress(dst, c, streetAddress(r, c.loc), postcode(r, ct.postcode), ct.name, false)
}

var monthNames = [numLocales][12]string{
	locIT: {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	locFR: {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	locDE: {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	locEN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// appendLongDate writes a date of birth, numeric or with the month's name.
func appendLongDate(dst []byte, loc locale, t time.Time, named bool) []byte {
	if !named {
		if loc == locEN {
			return t.AppendFormat(dst, "02/01/2006")
		}
		return appendDate(dst, loc, t)
	}
	dst = strconv.AppendInt(dst, int64(t.Day()), 10)
	if loc == locDE {
		dst = append(dst, '.')
	}
	dst = append(dst, ' ')
	dst = append(dst, monthNames[loc][t.Month()-1]...)
	dst = append(dst, ' ')
	return strconv.AppendInt(dst, int64(t.Year()), 10)
}

var honorifics = [numLocales][2][]string{ // [male, female]
	locIT: {{"Sig.", "sig.", "Dott.", "Signor", "Sig."}, {"Sig.ra", "sig.ra", "Dott.ssa", "Signora", "Sig.ra"}},
	locFR: {{"M.", "Monsieur", "M."}, {"Mme", "Madame", "Mlle", "Mme"}},
	locDE: {{"Herr", "Herr", "Dr."}, {"Frau", "Frau", "Dr."}},
	locEN: {{"Mr", "Mr.", "Dr"}, {"Mrs", "Ms", "Miss", "Dr"}},
}

var genderSuffix = [numLocales][2]string{
	locIT: {"o", "a"},
	locFR: {"", "e"},
	locDE: {"r", ""},
	locEN: {"", ""},
}

// relations introduce a relative or co-holder, by the relative's sex: as
// the customer writes (first person, nominative) and as staff note it.
var relations = [numLocales][2][]string{
	locIT: {{"mio marito", "mio figlio", "mio padre", "mio fratello", "il mio compagno", "il cointestatario"},
		{"mia moglie", "mia figlia", "mia madre", "mia sorella", "la mia compagna", "la cointestataria"}},
	locFR: {{"mon mari", "mon fils", "mon père", "mon frère", "mon conjoint", "mon associé"},
		{"ma femme", "ma fille", "ma mère", "ma sœur", "ma conjointe", "mon associée"}},
	locDE: {{"mein Mann", "mein Sohn", "mein Vater", "mein Bruder", "mein Lebensgefährte", "der Mitinhaber"},
		{"meine Frau", "meine Tochter", "meine Mutter", "meine Schwester", "meine Lebensgefährtin", "die Mitinhaberin"}},
	locEN: {{"my husband", "my son", "my father", "my brother", "my partner", "the joint holder"},
		{"my wife", "my daughter", "my mother", "my sister", "my partner", "the joint holder"}},
}

var relationsNoted = [numLocales][2][]string{
	locIT: {{"il marito", "il figlio", "il padre", "il fratello", "il compagno", "il cointestatario"},
		{"la moglie", "la figlia", "la madre", "la sorella", "la compagna", "la cointestataria"}},
	locFR: {{"le mari", "le fils", "le père", "le frère", "le conjoint", "le cotitulaire"},
		{"la femme", "la fille", "la mère", "la sœur", "la conjointe", "la cotitulaire"}},
	locDE: {{"der Ehemann", "der Sohn", "der Vater", "der Bruder", "der Lebensgefährte", "der Mitinhaber"},
		{"die Ehefrau", "die Tochter", "die Mutter", "die Schwester", "die Lebensgefährtin", "die Mitinhaberin"}},
	locEN: {{"their husband", "their son", "their father", "their brother", "their partner", "the joint holder"},
		{"their wife", "their daughter", "their mother", "their sister", "their partner", "the joint holder"}},
}

// appendAmount writes a plausible amount in the locale's style:
// it/de "1.250,00 EUR", fr "1 250,00 EUR", en "EUR 1,250.00".
func appendAmount(dst []byte, r *rand.Rand, loc locale, currency string) []byte {
	cents := int64(100+r.IntN(500_000)) * int64(1+r.IntN(3))
	var thousands, point byte = '.', ','
	switch loc {
	case locFR:
		thousands = ' '
	case locEN:
		thousands, point = ',', '.'
		dst = append(dst, currency...)
		dst = append(dst, ' ')
	}
	units := strconv.FormatInt(cents/100, 10)
	for i := range len(units) {
		if i > 0 && (len(units)-i)%3 == 0 {
			dst = append(dst, thousands)
		}
		dst = append(dst, units[i])
	}
	dst = append(dst, point)
	dst = appendDigits(dst, uint64(cents%100), 2)
	if loc != locEN {
		dst = append(dst, ' ')
		dst = append(dst, currency...)
	}
	return dst
}

func appendDate(dst []byte, loc locale, t time.Time) []byte {
	switch loc {
	case locDE:
		return t.AppendFormat(dst, "02.01.2006")
	case locEN:
		return t.AppendFormat(dst, "2 January 2006")
	default:
		return t.AppendFormat(dst, "02/01/2006")
	}
}

// spaced writes s in blocks of four separated by spaces (IBAN paper format).
func spaced(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:min(i+4, len(s))])
	}
	return b.String()
}

func compact(s string) string { return strings.ReplaceAll(s, " ", "") }

// ticketTexts are the templates of one language.
type ticketTexts struct {
	greet, close, filler, decoys       []template
	personal, nameSubj, notesPrimary   []template
	account, card, general             []template
	accountSubj, cardSubj, generalSubj []template
	reply                              []template
	noteTexts                          []template
}

var texts [numLocales]ticketTexts

func init() {
	for loc, raw := range rawTexts {
		texts[loc] = ticketTexts{
			greet: parseAll(raw.greet), close: parseAll(raw.close), filler: parseAll(raw.filler),
			decoys: parseAll(raw.decoys), personal: parseAll(raw.personal), nameSubj: parseAll(raw.nameSubj),
			notesPrimary: parseAll(raw.notesPrimary),
			account:      parseAll(raw.account), card: parseAll(raw.card), general: parseAll(raw.general),
			accountSubj: parseAll(raw.accountSubj), cardSubj: parseAll(raw.cardSubj),
			generalSubj: parseAll(raw.generalSubj), reply: parseAll(raw.reply), noteTexts: parseAll(raw.notes),
		}
	}
	internalBody = parseAll(rawInternal)
	internalSubj = parseAll(rawInternalSubj)
}

type rawTicketTexts struct {
	greet, close, filler, decoys, personal, account, card, general           []string
	accountSubj, cardSubj, generalSubj, nameSubj, reply, notes, notesPrimary []string
}

var internalBody, internalSubj []template
