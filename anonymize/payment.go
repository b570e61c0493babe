package anonymize

// Payment masks: iban and card. Both keep the shape (separators in place) and
// produce valid check digits for valid inputs; both are bijective.

func init() {
	register(Info{Name: "iban", Params: []string{"mode"}, Bijective: true,
		Summary: "mode fake (default): same country and length, valid mod-97, bijective; mode partial: country + last 4 kept, rest X",
		New:     newIBAN})
	register(Info{Name: "card", Params: []string{"keep_last", "keep_bin"}, Bijective: true,
		Summary: "Luhn-valid card number of the same length, bijective; keep_last: N (0-4) and keep_bin: true keep those digits",
		New:     newCard})
}

type ibanMask struct {
	d       *Keyed
	partial bool
}

func newIBAN(env Env, p Params) (Masker, error) {
	mode, err := p.String("mode", "fake")
	if err != nil {
		return nil, err
	}
	if mode != "fake" && mode != "partial" {
		return nil, p.Errorf("mode", "unknown iban mode %q (valid: fake, partial)", mode)
	}
	return ibanMask{d: env.Key.Domain(env.Domain), partial: mode == "partial"}, nil
}

func (m ibanMask) Bind(c Column) (Bound, error) {
	if err := requireText("iban", c); err != nil {
		return Bound{}, err
	}
	if m.partial {
		return textBound(c, partialIBAN), nil
	}
	return textBound(c, m.fake), nil
}

// isIBANShape: two upper-case letters, two digits, then upper-case
// alphanumerics and single spaces.
func isIBANShape(s []byte) bool {
	if len(s) < 8 || !isUpper(s[0]) || !isUpper(s[1]) || !isDigit(s[2]) || !isDigit(s[3]) {
		return false
	}
	for _, c := range s[4:] {
		if !isDigit(c) && !isUpper(c) && c != ' ' {
			return false
		}
	}
	return true
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// isDigit is shared with datetime.go, where it is defined.

// IBANCheck returns the ISO 13616 check digits (2..98) of an IBAN given as
// country code and BBAN; separators in bban are skipped.
func IBANCheck(country [2]byte, bban []byte) int {
	// Reduce modulo 97 only when the accumulator grows large: one division
	// per dozen characters instead of one per character.
	var rem uint64
	add := func(c byte) {
		switch {
		case isDigit(c):
			rem = rem*10 + uint64(c-'0')
		case isUpper(c):
			rem = rem*100 + uint64(c-'A'+10)
		}
		if rem >= 1<<50 {
			rem %= 97
		}
	}
	for _, c := range bban {
		add(c)
	}
	add(country[0])
	add(country[1])
	add('0')
	add('0')
	return 98 - int(rem%97)
}

// fake permutes the BBAN (letters stay letters, digits stay digits, spaces in
// place) under a tweak of the country, then writes check digits. For valid
// inputs these are the valid ones; an invalid input keeps its offset from the
// valid digits (mod 100) so the mapping stays bijective over all inputs.
func (m ibanMask) fake(dst, src []byte) ([]byte, error) {
	if !isIBANShape(src) {
		return m.d.permuteClasses(dst, src, []byte("not-iban"), nil, all), nil
	}
	country := [2]byte{src[0], src[1]}
	inCheck := int(src[2]-'0')*10 + int(src[3]-'0')
	delta := (inCheck - IBANCheck(country, src[4:]) + 100) % 100
	start := len(dst)
	dst = m.d.permuteClasses(dst, src, country[:], nil, span{4, len(src)})
	check := (IBANCheck(country, dst[start+4:]) + delta) % 100
	dst[start+2] = byte('0' + check/10)
	dst[start+3] = byte('0' + check%10)
	return dst, nil
}

// partialIBAN keeps the country code and the last four characters and
// replaces every other letter or digit by X.
func partialIBAN(dst, src []byte) ([]byte, error) {
	alnum := 0
	for _, c := range src {
		if isDigit(c) || isUpper(c) || (c >= 'a' && c <= 'z') {
			alnum++
		}
	}
	seen := 0
	for _, c := range src {
		if isDigit(c) || isUpper(c) || (c >= 'a' && c <= 'z') {
			seen++
			if seen > 2 && seen <= alnum-4 {
				c = 'X'
			}
		}
		dst = append(dst, c)
	}
	return dst, nil
}

type cardMask struct {
	d        *Keyed
	keepLast int
	keepBIN  bool
}

func newCard(env Env, p Params) (Masker, error) {
	kl, err := p.Int("keep_last", 0)
	if err != nil {
		return nil, err
	}
	if kl < 0 || kl > 4 {
		return nil, p.Errorf("keep_last", "keep_last must be between 0 and 4 (PCI DSS allows at most the last 4 digits), got %d", kl)
	}
	kb, err := p.Bool("keep_bin", false)
	if err != nil {
		return nil, err
	}
	return cardMask{d: env.Key.Domain(env.Domain), keepLast: kl, keepBIN: kb}, nil
}

func (m cardMask) Bind(c Column) (Bound, error) {
	if err := requireText("card", c); err != nil {
		return Bound{}, err
	}
	return textBound(c, m.apply), nil
}

// luhnDigit returns the digit that, placed at digit index adj of ds (digit
// values, most significant first), makes the whole sequence Luhn-valid.
func luhnDigit(ds []byte, adj int) byte {
	n := len(ds)
	sum := 0
	for i, v := range ds {
		if i == adj {
			continue
		}
		d := int(v)
		if (n-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	doubled := (n-1-adj)%2 == 1
	for v := 0; v < 10; v++ {
		d := v
		if doubled {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		if (sum+d)%10 == 0 {
			return byte(v)
		}
	}
	return 0 // unreachable: some digit always completes the sum
}

// apply permutes the digits that are not kept, except one adjustment digit
// (the last non-kept one, the check digit when nothing at the end is kept),
// which is then set so the Luhn sum is what it was: valid cards stay valid and
// invalid ones keep their error, so the mapping is bijective over all inputs.
func (m cardMask) apply(dst, src []byte) ([]byte, error) {
	var digitsBuf [32]byte
	var posBuf [32]int
	ds, pos := digitsBuf[:0], posBuf[:0]
	for i, c := range src {
		if isDigit(c) {
			if len(ds) == cap(ds) {
				return m.d.permuteClasses(dst, src, []byte("long-card"), nil, all), nil
			}
			ds = append(ds, c-'0')
			pos = append(pos, i)
		}
	}
	n := len(ds)
	keepHead, keepTail := 0, m.keepLast
	if m.keepBIN {
		keepHead = 6
	}
	if n < keepHead+keepTail+2 {
		// Too short to keep anything and still permute: permute all digits.
		// The decision depends only on the digit count, so it stays bijective.
		keepHead, keepTail = 0, 0
	}
	if n < 2 {
		return m.d.permuteClasses(dst, src, []byte("short-card"), nil, all), nil
	}
	adj := n - 1 - keepTail
	offset := (int(ds[adj]) - int(luhnDigit(ds, adj)) + 10) % 10
	adjPos := pos[adj]
	lo, hi := pos[keepHead], adjPos // permuted source positions are in [lo, hi)
	start := len(dst)
	dst = m.d.permuteClasses(dst, src, []byte{byte(keepHead), byte(keepTail)}, nil, span{lo, hi})
	for k, p := range pos {
		ds[k] = dst[start+p] - '0'
	}
	d := (luhnDigit(ds, adj) + byte(offset)) % 10
	dst[start+adjPos] = '0' + d
	return dst, nil
}

// Luhn reports whether the digits of s (other characters ignored) pass the
// Luhn check.
func Luhn(s []byte) bool {
	sum, n := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if !isDigit(c) {
			continue
		}
		d := int(c - '0')
		if n%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		n++
	}
	return n > 0 && sum%10 == 0
}
