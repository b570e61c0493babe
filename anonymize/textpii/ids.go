package textpii

// National identifiers: matching at a token start, validation of the compact
// form. Every type is checked by its check characters where it has them
// (codice fiscale, NIR, Steuer-ID, DNI, NIE) and by its structural rules
// otherwise (NINO, SSN).

const maxIDLen = 24

// compactID copies the characters of src without the separators a printed
// identifier may carry (space, hyphen, dot, slash, no-break space), upper-cased.
// ok is false when the result is longer than maxIDLen.
func compactID(buf *[maxIDLen]byte, src []byte) (int, bool) {
	n := 0
	for k := 0; k < len(src); k++ {
		c := src[k]
		switch {
		case c == ' ' || c == '-' || c == '.' || c == '/':
			continue
		case c == 0xC2 && k+1 < len(src) && src[k+1] == 0xA0:
			k++
			continue
		}
		if n == maxIDLen {
			return 0, false
		}
		buf[n] = upper(c)
		n++
	}
	return n, true
}

// ValidNationalID reports whether src is a valid identifier of type t.
// Separators (spaces, hyphens, dots) are ignored and letters may be in any
// case.
func ValidNationalID(t IDType, src []byte) bool {
	var buf [maxIDLen]byte
	n, ok := compactID(&buf, src)
	if !ok {
		return false
	}
	b := buf[:n]
	switch t {
	case ITCodiceFiscale:
		return n == 16 && cfShape(b) && cfCheck(b) == b[15]
	case FRNIR:
		return n == 15 && validNIR(b)
	case DESteuerID:
		return n == 11 && validSteuerID(b)
	case ESDNI:
		return n == 9 && validDNI(b)
	case ESNIE:
		return n == 9 && validNIE(b)
	case UKNINO:
		return n == 9 && validNINO(b)
	case USSSN:
		return n == 9 && validSSN(b)
	}
	return false
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

func atoi(b []byte) int {
	v := 0
	for _, c := range b {
		v = v*10 + int(c-'0')
	}
	return v
}

// --- codice fiscale ---

// cfOmocodia maps a digit to the letter that replaces it in an omocodic code.
const cfOmocodia = "LMNPQRSTUV"

// cfMonths are the month letters A=Jan ... T=Dec.
const cfMonths = "ABCDEHLMPRST"

var cfOdd = [36]uint8{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23} // A-Z

// cfDigitAt decodes a digit position of a codice fiscale (a digit or its
// omocodia letter); -1 if neither.
func cfDigitAt(c byte) int {
	c = upper(c)
	if isDigit(c) {
		return int(c - '0')
	}
	for k := 0; k < 10; k++ {
		if cfOmocodia[k] == c {
			return k
		}
	}
	return -1
}

func cfIsDigitPos(k int) bool {
	return k == 6 || k == 7 || k == 9 || k == 10 || k == 12 || k == 13 || k == 14
}

// cfShape checks the 16 characters of b (any case) without the check letter:
// letters and digits in their places, a month letter, a day 1-31 or 41-71.
func cfShape(b []byte) bool {
	if len(b) != 16 {
		return false
	}
	for k := 0; k < 16; k++ {
		c := upper(b[k])
		if cfIsDigitPos(k) {
			if cfDigitAt(c) < 0 {
				return false
			}
		} else if !isUpper(c) {
			return false
		}
	}
	if !containsByte(cfMonths, upper(b[8])) {
		return false
	}
	day := cfDigitAt(b[9])*10 + cfDigitAt(b[10])
	return (day >= 1 && day <= 31) || (day >= 41 && day <= 71)
}

func containsByte(s string, c byte) bool {
	for k := 0; k < len(s); k++ {
		if s[k] == c {
			return true
		}
	}
	return false
}

// cfCheck computes the check letter of the first 15 characters of b.
func cfCheck(b []byte) byte {
	sum := 0
	for k := 0; k < 15; k++ {
		c := upper(b[k])
		v := 0
		if isDigit(c) {
			v = int(c - '0')
			if k%2 == 0 {
				v = int(cfOdd[v])
			}
		} else {
			v = int(c - 'A')
			if k%2 == 0 {
				v = int(cfOdd[10+v])
			}
		}
		sum += v
	}
	return byte('A' + sum%26)
}

// --- NIR ---

// nirNumber returns the 13-digit number of a NIR for the key computation:
// Corsican departments 2A and 2B count as 19 and 18. ok is false when a
// character is out of place.
func nirNumber(b []byte) (uint64, bool) {
	var v uint64
	for k := 0; k < 13; k++ {
		c := b[k]
		switch {
		case isDigit(c):
			v = v*10 + uint64(c-'0')
		case k == 6 && b[5] == '2' && (c == 'A' || c == 'B'):
			// "2A" counts as 19, "2B" as 18: undo the '2' already added.
			v = (v-2)*10 + 19
			if c == 'B' {
				v--
			}
		default:
			return 0, false
		}
	}
	return v, true
}

func validNIR(b []byte) bool {
	if len(b) != 15 || !containsByte("123478", b[0]) || !allDigits(b[13:]) {
		return false
	}
	m := int(b[3]-'0')*10 + int(b[4]-'0')
	if !isDigit(b[3]) || !isDigit(b[4]) || !(m >= 1 && m <= 12 || m >= 20 && m <= 42 || m >= 50 && m <= 99) {
		return false
	}
	v, ok := nirNumber(b)
	if !ok {
		return false
	}
	key := atoi(b[13:15])
	return key >= 1 && key <= 97 && 97-int(v%97) == key
}

// --- Steuer-ID ---

func steuerCheck(b []byte) byte {
	product := 10
	for k := 0; k < 10; k++ {
		sum := (int(b[k]-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = sum * 2 % 11
	}
	c := 11 - product
	if c == 10 {
		c = 0
	}
	return byte('0' + c)
}

// steuerDigitsOK: the first digit is not 0 and in the first ten digits
// exactly one digit occurs twice or three times, the others at most once,
// and no digit occurs three times in a row.
func steuerDigitsOK(b []byte) bool {
	if b[0] == '0' {
		return false
	}
	var count [10]int
	for _, c := range b[:10] {
		count[c-'0']++
	}
	multi := 0
	for _, n := range count {
		switch {
		case n == 2 || n == 3:
			multi++
		case n > 3:
			return false
		}
	}
	if multi != 1 {
		return false
	}
	for k := 0; k+2 < 10; k++ {
		if b[k] == b[k+1] && b[k] == b[k+2] {
			return false
		}
	}
	return true
}

func validSteuerID(b []byte) bool {
	return len(b) == 11 && allDigits(b) && steuerDigitsOK(b) && steuerCheck(b) == b[10]
}

// --- DNI / NIE ---

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

func validDNI(b []byte) bool {
	return len(b) == 9 && allDigits(b[:8]) && dniLetters[atoi(b[:8])%23] == upper(b[8])
}

func validNIE(b []byte) bool {
	if len(b) != 9 || !allDigits(b[1:8]) {
		return false
	}
	p := int(upper(b[0])) - 'X'
	if p < 0 || p > 2 {
		return false
	}
	return dniLetters[(p*10000000+atoi(b[1:8]))%23] == upper(b[8])
}

// --- NINO ---

func ninoPrefixOK(a, b byte) bool {
	a, b = upper(a), upper(b)
	if !isUpper(a) || !isUpper(b) || containsByte("DFIQUV", a) || containsByte("DFIOQUV", b) {
		return false
	}
	switch string([]byte{a, b}) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

func validNINO(b []byte) bool {
	return len(b) == 9 && ninoPrefixOK(b[0], b[1]) && allDigits(b[2:8]) && containsByte("ABCD", upper(b[8]))
}

// --- SSN ---

func validSSN(b []byte) bool {
	if len(b) != 9 || !allDigits(b) {
		return false
	}
	area, group, serial := atoi(b[:3]), atoi(b[3:5]), atoi(b[5:])
	return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

// --- matching ---

// readGroups reads up to len(lens) runs of the characters accepted by ok,
// separated by single sep bytes, from src[i]; it returns the number of runs
// and their lengths and ends.
func readGroups(src []byte, i int, sep byte, ok func(byte) bool, lens, ends []int) int {
	n := 0
	j := i
	for n < len(lens) {
		s := j
		for j < len(src) && ok(src[j]) && j-s <= 16 {
			j++
		}
		if j == s {
			break
		}
		lens[n], ends[n] = j-s, j
		n++
		if j+1 < len(src) && src[j] == sep && ok(src[j+1]) {
			j++
			continue
		}
		break
	}
	return n
}

// groupsAre reports whether the first len(want) groups have the lengths want.
func groupsAre(lens []int, n int, want ...int) bool {
	if n < len(want) {
		return false
	}
	for k, w := range want {
		if lens[k] != w {
			return false
		}
	}
	return true
}

func nirChar(c byte) bool { return isDigit(c) || c == 'A' || c == 'B' }

// matchIDDigits tries the identifiers that start with a digit: NIR,
// Steuer-ID, DNI and the hyphenated SSN.
func matchIDDigits(src []byte, i int) (int, IDType) {
	l := digitsEnd(src, i) - i
	// Cheap necessary conditions for the short runs: a NIR grouped
	// "1 85 ..." (or "1A..." read as NIR characters), a Steuer-ID grouped
	// "12 345 ...", an SSN "123-45-...".
	switch l {
	case 1:
		if c := byteAt(src, i+1); c != ' ' && c != 'A' && c != 'B' {
			return 0, IDNone
		}
	case 2:
		if byteAt(src, i+2) != ' ' || !isDigit(byteAt(src, i+3)) {
			return 0, IDNone
		}
	case 3:
		if byteAt(src, i+3) != '-' || !isDigit(byteAt(src, i+4)) {
			return 0, IDNone
		}
	}
	var lens, ends [7]int
	var buf [maxIDLen]byte
	// NIR: 15 characters compact, or 1-2-2-2-3-3-2, or 13+2.
	if l == 15 || l == 1 || l == 13 || l == 6 {
		if n := readGroups(src, i, ' ', nirChar, lens[:], ends[:]); n > 0 {
			for _, shape := range [][]int{{15}, {1, 2, 2, 2, 3, 3, 2}, {13, 2}} {
				if groupsAre(lens[:], n, shape...) {
					e := ends[len(shape)-1]
					if k, _ := compactID(&buf, src[i:e]); k == 15 && endOK(src, e) && validNIR(buf[:15]) {
						return e, FRNIR
					}
				}
			}
		}
	}
	if l != 11 && l != 2 && l != 8 && l != 3 {
		return 0, IDNone
	}
	n := readGroups(src, i, ' ', isDigit, lens[:4], ends[:4])
	// Steuer-ID: 11 digits, or 2-3-3-3.
	for _, shape := range [][]int{{11}, {2, 3, 3, 3}} {
		if groupsAre(lens[:], n, shape...) {
			e := ends[len(shape)-1]
			if k, _ := compactID(&buf, src[i:e]); k == 11 && endOK(src, e) && validSteuerID(buf[:11]) {
				return e, DESteuerID
			}
		}
	}
	// DNI: 8 digits, optional hyphen or space, letter.
	if lens[0] == 8 {
		j := ends[0]
		if j < len(src) && (src[j] == '-' || src[j] == ' ') {
			j++
		}
		if j < len(src) && isLetterASCII(src[j]) && endOK(src, j+1) {
			copy(buf[:8], src[i:i+8])
			buf[8] = src[j]
			if validDNI(buf[:9]) {
				return j + 1, ESDNI
			}
		}
	}
	// SSN: AAA-GG-SSSS.
	m := readGroups(src, i, '-', isDigit, lens[:3], ends[:3])
	if groupsAre(lens[:], m, 3, 2, 4) && endOK(src, ends[2]) {
		if k, _ := compactID(&buf, src[i:ends[2]]); k == 9 && validSSN(buf[:9]) {
			return ends[2], USSSN
		}
	}
	return 0, IDNone
}

// matchIDLetters tries the identifiers that start with a letter: codice
// fiscale, NINO, NIE.
func matchIDLetters(src []byte, i, ae int) (int, IDType) {
	if ae-i == 16 && endOK(src, ae) {
		e := ae
		b := src[i:e]
		if cfShape(b) && cfCheck(b) == upper(b[15]) {
			return e, ITCodiceFiscale
		}
	}
	if ae-i > 9 || i+3 >= len(src) {
		return 0, IDNone
	}
	if (isDigit(src[i+2]) || src[i+2] == ' ' && isDigit(src[i+3])) && ae-i != 1 {
		if e, ok := matchNINO(src, i); ok {
			return e, UKNINO
		}
	}
	if (ae-i == 9 || ae-i == 8 || ae-i == 1) && (isDigit(src[i+1]) || src[i+1] == '-') {
		if e, ok := matchNIE(src, i); ok {
			return e, ESNIE
		}
	}
	return 0, IDNone
}

// matchNINO: two prefix letters, six digits (compact or in pairs), a suffix
// A-D; one space allowed between the parts, used consistently.
func matchNINO(src []byte, i int) (int, bool) {
	n := len(src)
	if i+9 > n || !ninoPrefixOK(src[i], src[i+1]) {
		return 0, false
	}
	// Both letters in the same case.
	if isUpper(src[i]) != isUpper(src[i+1]) {
		return 0, false
	}
	var buf [9]byte
	buf[0], buf[1] = src[i], src[i+1]
	j := i + 2
	spaced := src[j] == ' '
	if spaced {
		j++
	}
	var lens, ends [3]int
	var sep byte
	if spaced {
		sep = ' '
	}
	g := readGroups(src, j, sep, isDigit, lens[:], ends[:])
	switch {
	case groupsAre(lens[:], g, 6):
		j = ends[0]
	case spaced && groupsAre(lens[:], g, 2, 2, 2):
		j = ends[2]
	default:
		return 0, false
	}
	d := 2
	for p := i + 2; p < j; p++ {
		if isDigit(src[p]) {
			buf[d] = src[p]
			d++
		}
	}
	if spaced && j < n && src[j] == ' ' {
		j++
	}
	if j >= n || !containsByte("ABCDabcd", src[j]) || !endOK(src, j+1) {
		return 0, false
	}
	buf[8] = src[j]
	return j + 1, validNINO(buf[:])
}

// matchNIE: X/Y/Z, optional hyphen, 7 digits, optional hyphen or space,
// a letter.
func matchNIE(src []byte, i int) (int, bool) {
	n := len(src)
	p := upper(src[i])
	if p != 'X' && p != 'Y' && p != 'Z' {
		return 0, false
	}
	j := i + 1
	if j < n && src[j] == '-' {
		j++
	}
	e := digitsEnd(src, j)
	if e-j != 7 {
		return 0, false
	}
	var buf [9]byte
	buf[0] = src[i]
	copy(buf[1:8], src[j:e])
	if e < n && (src[e] == '-' || src[e] == ' ') {
		e++
	}
	if e >= n || !isLetterASCII(src[e]) || !endOK(src, e+1) {
		return 0, false
	}
	buf[8] = src[e]
	return e + 1, validNIE(buf[:])
}
