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
)

var placeholderNames = map[string]placeholder{
	"email": phEmail, "phone": phPhone, "iban": phIBAN, "card": phCard,
	"last4": phLast4, "amount": phAmount, "date": phDate, "time": phTime, "order": phOrder, "ref": phRef,
	"txid": phTxID, "err": phErr, "agentemail": phAgentEmail,
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
// display form chosen for it.
type textCtx struct {
	r                 *rand.Rand
	loc               locale
	email             string
	phone, iban, card string
	currency          string
	agentEmail        string
}

func (g *gen) expand(dst []byte, t template, c *textCtx) []byte {
	r := c.r
	for _, s := range t {
		switch s.ph {
		case phNone:
			dst = append(dst, s.lit...)
		case phEmail:
			dst = append(dst, c.email...)
		case phPhone:
			dst = append(dst, c.phone...)
		case phIBAN:
			dst = append(dst, c.iban...)
		case phCard:
			dst = append(dst, c.card...)
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
			dst = append(dst, c.agentEmail...)
		}
	}
	return dst
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
	greet, close, filler               []template
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
			account: parseAll(raw.account), card: parseAll(raw.card), general: parseAll(raw.general),
			accountSubj: parseAll(raw.accountSubj), cardSubj: parseAll(raw.cardSubj),
			generalSubj: parseAll(raw.generalSubj), reply: parseAll(raw.reply), noteTexts: parseAll(raw.notes),
		}
	}
	internalBody = parseAll(rawInternal)
	internalSubj = parseAll(rawInternalSubj)
}

type rawTicketTexts struct {
	greet, close, filler, account, card, general, accountSubj, cardSubj, generalSubj, reply, notes []string
}

var internalBody, internalSubj []template
