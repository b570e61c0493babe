package anonymize

import "bytes"

// Phone-number detection for the scrub mask. A candidate is a run of digit
// groups; it is a phone number when it has an international prefix (+CC,
// 00CC), a national trunk 0, or the shape of an Italian mobile (3xx, ten
// digits) or NANP number, and it is not a date, an IPv4 address, an amount
// (thousands groups, a currency next to it) or a decimal.

// phoneGroup is one run of digits of a phone candidate.
type phoneGroup struct {
	start, end int
	sep        byte // separator before the group: 0 first, ' ', '-', '.', '/', or '(' when it holds a parenthesis
	open       bool // a parenthesis is open after the group
}

const maxPhoneGroups = 12

// matchPhone reads a phone candidate from src[i]: an optional '(' and '+',
// then groups of digits separated by one of " -./" or by a parenthesis with
// at most one space or hyphen ("+44 (0)20 7946 0958", "(020) 7946 0958").
// The whole candidate is tried first, then shorter ones ending where a space
// separates groups ("0612345678 15/03/2024").
func matchPhone(src []byte, i int) (int, bool) {
	n := len(src)
	var gs [maxPhoneGroups]phoneGroup
	ng, j := 0, i
	open, usedParen, plus := false, false, false
	if src[j] == '(' {
		open, usedParen = true, true
		j++
	}
	if j < n && src[j] == '+' {
		plus = true
		j++
	}
	if j >= n || !scIs(src[j], scDigit) {
		return 0, false
	}
	var sep byte
	digits := 0
	for ng < len(gs) {
		s := j
		for j < n && scIs(src[j], scDigit) {
			j++
		}
		digits += j - s
		gs[ng] = phoneGroup{start: s, end: j, sep: sep, open: open}
		ng++
		if digits > 17 {
			break // longer than any phone number; prefixes may still be one
		}
		k, ok := phoneSeparator(src, j, &open, &usedParen, &sep)
		if !ok {
			break
		}
		j = k
	}
	if digits > 15 {
		// One long space-separated number (a reference, a card that failed
		// its check) holds no phone; a date or time after one may follow.
		uniform := true
		for _, g := range gs[1:ng] {
			uniform = uniform && g.sep == ' '
		}
		if uniform {
			return 0, false
		}
	}
	for k := ng; k > 0; k-- {
		if k < ng && gs[k].sep != ' ' {
			continue
		}
		end := gs[k-1].end
		if gs[k-1].open {
			// A parenthesis around the whole number is not part of it: the
			// scan tries again after it.
			if src[i] == '(' || end >= n || src[end] != ')' {
				continue
			}
			end++
		}
		if phoneOK(src, gs[:k], plus, i, end) {
			return end, true
		}
	}
	return 0, false
}

// phoneSeparator reads the separator run at src[j] and returns where the
// next group starts; ok is false when no group follows.
func phoneSeparator(src []byte, j int, open, usedParen *bool, sep *byte) (int, bool) {
	n := len(src)
	o, up := *open, *usedParen
	var kind, plain byte
	k := j
	for k < n && k-j < 2 {
		c := src[k]
		switch {
		case c == '(' && !up:
			o, up, kind = true, true, '('
		case c == ')' && o:
			o, kind = false, '('
		case (c == ' ' || c == '-' || c == '.' || c == '/') && plain == 0:
			plain = c
		default:
			goto done
		}
		k++
	}
done:
	if k == j || k >= n || !scIs(src[k], scDigit) {
		return 0, false
	}
	if k-j == 2 {
		// Two characters: a parenthesis and a space or hyphen.
		if kind == 0 || (plain != ' ' && plain != '-') {
			return 0, false
		}
	}
	if kind == 0 {
		kind = plain
	}
	*open, *usedParen, *sep = o, up, kind
	return k, true
}

// phoneOK decides whether the groups gs, spanning src[start:end], are a
// phone number.
func phoneOK(src []byte, gs []phoneGroup, plus bool, start, end int) bool {
	if !tokenEnd(src, end) {
		return false
	}
	total := 0
	for _, g := range gs {
		total += g.end - g.start
	}
	d0, d1 := phoneDigit(src, gs, 0), phoneDigit(src, gs, 1)
	switch {
	case plus: // +CC: a country code never starts with 0
		if total < 8 || total > 15 || d0 == '0' {
			return false
		}
	case d0 == '0' && d1 == '0': // 00CC
		if total-2 < 8 || total-2 > 15 || phoneDigit(src, gs, 2) == '0' {
			return false
		}
	case d0 == '0': // national number with trunk 0
		if total < 8 || total > 13 {
			return false
		}
	default:
		// No prefix: only Italian mobiles (3xx) and NANP numbers, which
		// keeps order numbers, years and amounts out.
		switch {
		case total == 10 && (d0 == '3' || phoneGroupsAre(gs, 3, 3, 4)):
		case total == 11 && d0 == '1' && phoneGroupsAre(gs, 1, 3, 3, 4):
		default:
			return false
		}
		if phoneThousands(gs) {
			return false
		}
	}
	return !phoneDate(gs) && phoneDotsOK(src, gs) && !nearCurrency(src, start, end)
}

// phoneDigit returns the k-th digit of the groups, 0 when there are fewer.
func phoneDigit(src []byte, gs []phoneGroup, k int) byte {
	for _, g := range gs {
		if k < g.end-g.start {
			return src[g.start+k]
		}
		k -= g.end - g.start
	}
	return 0
}

func phoneGroupsAre(gs []phoneGroup, lens ...int) bool {
	if len(gs) != len(lens) {
		return false
	}
	for k, g := range gs {
		if g.end-g.start != lens[k] {
			return false
		}
	}
	return true
}

// phoneThousands: 1-3 digits then groups of exactly three with one
// separator kind, the way amounts are written (3 471 234 567).
func phoneThousands(gs []phoneGroup) bool {
	if len(gs) < 2 || gs[0].end-gs[0].start > 3 {
		return false
	}
	for _, g := range gs[1:] {
		if g.end-g.start != 3 || g.sep != gs[1].sep {
			return false
		}
	}
	return true
}

// phoneDate: three consecutive groups with the same separator among - / .
// and the lengths of a date: 4-2-2, or 1..2-1..2-4.
func phoneDate(gs []phoneGroup) bool {
	for t := 0; t+2 < len(gs); t++ {
		s := gs[t+1].sep
		if s != gs[t+2].sep || (s != '-' && s != '/' && s != '.') {
			continue
		}
		a, b, c := gs[t].end-gs[t].start, gs[t+1].end-gs[t+1].start, gs[t+2].end-gs[t+2].start
		if (a == 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && c == 4) {
			return true
		}
	}
	return false
}

// phoneDotsOK: dots separate phone groups only when every separator is a dot
// and there are at least three groups (01.23.45.67.89, 347.123.4567), which
// excludes decimals; four short groups not starting with 0 are an IPv4
// address.
func phoneDotsOK(src []byte, gs []phoneGroup) bool {
	dots := 0
	for _, g := range gs[1:] {
		if g.sep == '.' {
			dots++
		}
	}
	if dots == 0 {
		return true
	}
	if dots != len(gs)-1 || dots < 2 {
		return false
	}
	if len(gs) == 4 && src[gs[0].start] != '0' {
		for _, g := range gs {
			if g.end-g.start > 3 {
				return true
			}
		}
		return false
	}
	return true
}

// nearCurrency reports a currency symbol or code next to src[start:end]
// (one space allowed in between): "€ 12345678", "12345678 EUR".
func nearCurrency(src []byte, start, end int) bool {
	b := start
	if b > 0 && src[b-1] == ' ' {
		b--
	}
	a := end
	if a < len(src) && src[a] == ' ' {
		a++
	}
	return (b > 0 && currencyEdge(src[b-1]) && currencyAtEdge(src[:b], true)) ||
		(a < len(src) && currencyEdge(src[a]) && currencyAtEdge(src[a:], false))
}

// currencyEdge: the byte next to a number may belong to a currency.
func currencyEdge(c byte) bool { return c == '$' || c >= 0x80 || scIs(c, scUpper|scLower) }

// currencyAtEdge reports whether s ends (atEnd) or starts with a currency
// symbol or a code that is a whole word.
func currencyAtEdge(s []byte, atEnd bool) bool {
	for _, c := range currencies {
		if len(s) < len(c) {
			continue
		}
		k, next := 0, len(c) // the candidate, and the byte past it (if any)
		if atEnd {
			k, next = len(s)-len(c), len(s)-len(c)-1
		}
		if !bytes.EqualFold(s[k:k+len(c)], []byte(c)) {
			continue
		}
		if c[0] >= 0x80 || c[0] == '$' || next < 0 || next >= len(s) || !scIs(s[next], scAlnum) {
			return true
		}
	}
	return false
}

// currencies: symbols, then ISO codes (case-insensitive, whole words).
var currencies = []string{"€", "$", "£", "¥", "₣", "eur", "euro", "euros", "usd", "gbp", "chf", "jpy", "cad", "aud",
	"sek", "nok", "dkk", "pln", "czk", "huf"}
