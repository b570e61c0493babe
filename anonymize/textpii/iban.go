package textpii

// IBANs in any case, compact or grouped by single spaces in any grouping,
// accepted when the length fits the country and the ISO 13616 mod-97 check
// passes.

// ibanLen is the IBAN length per country (ISO 13616 registry), 0 for a code
// without IBAN; indexed by the two upper-case letters.
var ibanLen = func() (t [26 * 26]uint8) {
	const list = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 " +
		"DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 " +
		"GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 " +
		"LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 " +
		"PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 " +
		"TL23 TN24 TR26 UA29 VA22 VG24 XK20 "
	for k := 0; k+5 <= len(list); k += 5 {
		t[int(list[k]-'A')*26+int(list[k+1]-'A')] = (list[k+2]-'0')*10 + list[k+3] - '0'
	}
	return t
}()

// IBANLength returns the IBAN length of the country with code a b (either
// case), 0 for a code that has no IBAN.
func IBANLength(a, b byte) int { return ibanLength(a, b) }

func ibanLength(a, b byte) int {
	a, b = upper(a), upper(b)
	if !isUpper(a) || !isUpper(b) {
		return 0
	}
	return int(ibanLen[int(a-'A')*26+int(b-'A')])
}

// matchIBAN reads from src[i] an IBAN: two letters, two digits, then letters
// and digits up to the country's length, with single spaces allowed between
// any two characters. The IBAN must end where a run of letters/digits ends.
func matchIBAN(src []byte, i int) (int, bool) {
	n := len(src)
	if i+4 > n || !isDigit(src[i+2]) || !isDigit(src[i+3]) {
		return 0, false
	}
	want := ibanLength(src[i], src[i+1])
	if want == 0 {
		return 0, false
	}
	j, count := i+4, 4
	for count < want {
		if j < n && src[j] == ' ' {
			j++
		}
		if j >= n || !isAlnumASCII(src[j]) {
			return 0, false
		}
		j++
		count++
	}
	if !endOK(src, j) {
		return 0, false
	}
	return j, ibanMod97(src[i:j]) == 1
}

// IBANRemainder returns the ISO 13616 mod-97 remainder of an IBAN (any
// case, spaces skipped): 1 for a valid one.
func IBANRemainder(s []byte) uint64 { return ibanMod97(s) }

// ibanMod97 computes the ISO 13616 remainder of an IBAN in any case, spaces
// skipped: the BBAN, then country code and check digits, letters as 10..35.
func ibanMod97(s []byte) uint64 {
	var rem uint64
	add := func(c byte) {
		c = upper(c)
		switch {
		case isDigit(c):
			rem = rem*10 + uint64(c-'0')
		case isUpper(c):
			rem = rem*100 + uint64(c-'A'+10)
		default:
			return
		}
		if rem >= 1<<50 {
			rem %= 97
		}
	}
	k := 0
	for c := 0; k < len(s) && c < 4; k++ {
		if s[k] != ' ' {
			c++
		}
	}
	for _, c := range s[k:] {
		add(c)
	}
	for _, c := range s[:k] {
		add(c)
	}
	return rem % 97
}

// CanonicalIBAN appends the IBAN of src (any case, spaces or other
// separators) in canonical form: upper case, letters and digits only.
func CanonicalIBAN(dst, src []byte) []byte {
	for _, c := range src {
		if isAlnumASCII(c) {
			dst = append(dst, upper(c))
		}
	}
	return dst
}

// ValidIBAN reports whether src (any case, spaces ignored) is an IBAN of its
// country's length with a valid mod-97 check.
func ValidIBAN(src []byte) bool {
	var buf [40]byte
	c := CanonicalIBAN(buf[:0], src)
	if len(c) < 5 || len(c) > 34 || !isDigit(c[2]) || !isDigit(c[3]) {
		return false
	}
	return ibanLength(c[0], c[1]) == len(c) && ibanMod97(c) == 1
}
