package textpii

import (
	"bytes"
	"net/netip"
)

// Replacements that keep a value's shape, drawn deterministically from the
// caller's seed bytes (a keyed hash of the original).

// rng is a splitmix64 stream keyed by all the seed bytes.
type rng struct{ s uint64 }

func newRNG(seed []byte) rng {
	h := uint64(0x9E3779B97F4A7C15)
	for k := 0; k < len(seed); k += 8 {
		var w uint64
		for b := 0; b < 8 && k+b < len(seed); b++ {
			w |= uint64(seed[k+b]) << (8 * b)
		}
		h = mix64(h ^ w ^ uint64(k))
	}
	return rng{s: h ^ uint64(len(seed))}
}

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	return mix64(r.s)
}

// intn returns a value in [0, n); the modulo bias is below 2^-40 for the
// small n used here.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

func (r *rng) digit() byte        { return byte('0' + r.intn(10)) }
func (r *rng) letter() byte       { return byte('A' + r.intn(26)) }
func (r *rng) from(s string) byte { return s[r.intn(len(s))] }

// putNum writes v as w zero-padded digits into b.
func putNum(b []byte, v, w int) {
	for k := w - 1; k >= 0; k-- {
		b[k] = byte('0' + v%10)
		v /= 10
	}
}

// idLen is the length of the compact form of each type.
var idLen = [idTypeCount]int{ITCodiceFiscale: 16, FRNIR: 15, DESteuerID: 11, ESDNI: 9, ESNIE: 9, UKNINO: 9, USSSN: 9}

// FakeNationalID appends a valid identifier of type t with the shape of orig:
// the same separators in the same places and the same letter case, correct
// check characters. The codice fiscale keeps the original's omocodia
// positions, sex (day ≥ 41) and a foreign-birth 'Z'; the NIR keeps the sex
// digit and a Corsican 2A/2B. When orig does not have the compact length of
// the type, the canonical form is appended (upper case, no separators, SSNs
// as AAA-GG-SSSS). The result differs from orig.
func FakeNationalID(dst []byte, t IDType, orig []byte, seed []byte) []byte {
	if t == IDNone || t >= idTypeCount {
		return FakeDigitsLike(dst, orig, seed)
	}
	var ob [maxIDLen]byte
	n, ok := compactID(&ob, orig)
	shaped := ok && n == idLen[t]
	if !shaped {
		n = idLen[t]
		for k := range ob[:n] {
			ob[k] = '0'
		}
	}
	o := ob[:n]
	r := newRNG(seed)
	var gb [maxIDLen]byte
	g := gb[:n]
	for attempt := 0; attempt < 16; attempt++ {
		genID(&r, t, o, g)
		if !bytes.Equal(g, o) {
			break
		}
	}
	if !shaped {
		if t == USSSN {
			return append(append(append(append(append(dst, g[:3]...), '-'), g[3:5]...), '-'), g[5:]...)
		}
		return append(dst, g...)
	}
	k := 0
	for p := 0; p < len(orig); p++ {
		c := orig[p]
		switch {
		case c == 0xC2 && p+1 < len(orig) && orig[p+1] == 0xA0:
			dst = append(dst, c, orig[p+1])
			p++
		case c == ' ' || c == '-' || c == '.' || c == '/':
			dst = append(dst, c)
		default:
			v := g[k]
			k++
			if isLower(c) && isUpper(v) {
				v += 32
			}
			dst = append(dst, v)
		}
	}
	return dst
}

// genID fills g with a valid compact identifier of type t; o is the
// original's compact form (upper case) for the traits that are kept.
func genID(r *rng, t IDType, o, g []byte) {
	switch t {
	case ITCodiceFiscale:
		genCF(r, o, g)
	case FRNIR:
		genNIR(r, o, g)
	case DESteuerID:
		genSteuerID(r, g)
	case ESDNI:
		for k := 0; k < 8; k++ {
			g[k] = r.digit()
		}
		g[8] = dniLetters[atoi(g[:8])%23]
	case ESNIE:
		p := r.intn(3)
		g[0] = byte('X' + p)
		for k := 1; k < 8; k++ {
			g[k] = r.digit()
		}
		g[8] = dniLetters[(p*10000000+atoi(g[1:8]))%23]
	case UKNINO:
		for {
			g[0] = r.from("ABCEGHJKLMNOPRSTWXYZ")
			g[1] = r.from("ABCEGHJKLMNPRSTWXYZ")
			if ninoPrefixOK(g[0], g[1]) {
				break
			}
		}
		for k := 2; k < 8; k++ {
			g[k] = r.digit()
		}
		g[8] = r.from("ABCD")
	case USSSN:
		area := 1 + r.intn(899)
		if area == 666 {
			area = 665
		}
		putNum(g[0:3], area, 3)
		putNum(g[3:5], 1+r.intn(99), 2)
		putNum(g[5:9], 1+r.intn(9999), 4)
	}
}

func genCF(r *rng, o, g []byte) {
	for k := 0; k < 6; k++ {
		g[k] = r.letter()
	}
	putNum(g[6:8], r.intn(100), 2)
	g[8] = r.from(cfMonths)
	day := 1 + r.intn(28)
	if cfShape(o) && cfDigitAt(o[9]) >= 4 {
		day += 40
	}
	putNum(g[9:11], day, 2)
	if o[11] == 'Z' {
		g[11] = 'Z'
	} else {
		g[11] = byte('A' + r.intn(13))
	}
	putNum(g[12:15], 1+r.intn(999), 3)
	for k := 6; k < 15; k++ {
		if cfIsDigitPos(k) && isUpper(o[k]) {
			g[k] = cfOmocodia[g[k]-'0']
		}
	}
	g[15] = cfCheck(g)
}

func genNIR(r *rng, o, g []byte) {
	if o[0] == '1' || o[0] == '2' {
		g[0] = o[0]
	} else {
		g[0] = byte('1' + r.intn(2))
	}
	putNum(g[1:3], r.intn(100), 2)
	putNum(g[3:5], 1+r.intn(12), 2)
	if o[5] == '2' && (o[6] == 'A' || o[6] == 'B') {
		g[5], g[6] = '2', o[6]
	} else {
		d := 1 + r.intn(95)
		if d == 20 {
			d = 21
		}
		putNum(g[5:7], d, 2)
	}
	putNum(g[7:10], 1+r.intn(990), 3)
	putNum(g[10:13], 1+r.intn(999), 3)
	v, _ := nirNumber(g)
	putNum(g[13:15], 97-int(v%97), 2)
}

// genSteuerID: nine distinct digits plus one of them again at a random
// place, no leading zero, then the check digit.
func genSteuerID(r *rng, g []byte) {
	var perm [10]byte
	for k := range perm {
		perm[k] = byte('0' + k)
	}
	for k := 9; k > 0; k-- {
		m := r.intn(k + 1)
		perm[k], perm[m] = perm[m], perm[k]
	}
	dup := perm[r.intn(9)]
	pos := r.intn(10)
	s := 0
	for k := 0; k < 10; k++ {
		if k == pos {
			g[k] = dup
			continue
		}
		g[k] = perm[s]
		s++
	}
	if g[0] == '0' {
		for k := 1; k < 10; k++ {
			if g[k] != '0' {
				g[0], g[k] = g[k], g[0]
				break
			}
		}
	}
	g[10] = steuerCheck(g)
}

// FakeDigitsLike appends a replacement of orig with its shape: every ASCII
// digit replaced by a digit, every ASCII letter by a letter of the same case,
// other bytes kept. When the draw equals orig, its first letter or digit is
// shifted, so the result always differs when orig has one.
func FakeDigitsLike(dst, orig, seed []byte) []byte {
	r := newRNG(seed)
	start := len(dst)
	same := true
	for _, c := range orig {
		v := c
		switch {
		case isDigit(c):
			v = r.digit()
		case isUpper(c):
			v = r.letter()
		case isLower(c):
			v = r.letter() + 32
		}
		same = same && v == c
		dst = append(dst, v)
	}
	if same {
		for k := start; k < len(dst); k++ {
			switch c := dst[k]; {
			case isDigit(c):
				dst[k] = '0' + (c-'0'+1)%10
			case isUpper(c):
				dst[k] = 'A' + (c-'A'+1)%26
			case isLower(c):
				dst[k] = 'a' + (c-'a'+1)%26
			default:
				continue
			}
			break
		}
	}
	return dst
}

// sharesPart reports whether a non-zero part of w bytes (an octet, w = 1,
// or a 16-bit group, w = 2) of a equals any part of b.
func sharesPart(a, b []byte, w int) bool {
	for k := 0; k+w <= len(a); k += w {
		if a[k] == 0 && a[k+w-1] == 0 {
			continue
		}
		for m := 0; m+w <= len(b); m += w {
			if a[k] == b[m] && a[k+w-1] == b[m+w-1] {
				return true
			}
		}
	}
	return false
}

// FakeIP appends a fake address of the family of orig: IPv4 in dotted form,
// IPv6 in compressed form with the original's zero groups kept (so it
// compresses alike). A loopback or unspecified address maps to one of the
// same kind; otherwise the result is never loopback, unspecified, or an
// IPv4-mapped IPv6 address, and differs from orig in every part: no octet
// (IPv4, but the loopback 127) or non-zero group (IPv6) of the result
// equals any octet or group of orig, so no piece of the original survives.
// When orig is not an IP address, FakeDigitsLike is used.
func FakeIP(dst, orig, seed []byte) []byte {
	a, err := netip.ParseAddr(string(orig))
	if err != nil {
		return FakeDigitsLike(dst, orig, seed)
	}
	a = a.WithZone("")
	r := newRNG(seed)
	if a.Is4() {
		b := a.As4()
		if a.IsUnspecified() {
			return netip.AddrFrom4(b).AppendTo(dst)
		}
		loop := a.IsLoopback()
		for attempt := 0; attempt < 64; attempt++ {
			var v [4]byte
			for k := range v {
				v[k] = byte(r.intn(256))
			}
			from := 0
			if loop {
				v[0] = 127
				from = 1
			} else if v[0] == 0 || v[0] == 127 {
				continue
			}
			if !sharesPart(v[from:], b[:], 1) {
				return netip.AddrFrom4(v).AppendTo(dst)
			}
		}
		return netip.AddrFrom4([4]byte{192, 0, 2, byte(1 + r.intn(254))}).AppendTo(dst)
	}
	if a.IsLoopback() || a.IsUnspecified() {
		return a.AppendTo(dst)
	}
	b := a.As16()
	for attempt := 0; attempt < 64; attempt++ {
		var v [16]byte
		for k := 0; k < 16; k += 2 {
			if b[k] == 0 && b[k+1] == 0 && !a.Is4In6() {
				continue
			}
			w := 1 + r.intn(0xFFFF)
			v[k], v[k+1] = byte(w>>8), byte(w)
		}
		x := netip.AddrFrom16(v)
		if x.IsLoopback() || x.IsUnspecified() || x.Is4In6() || v == b || sharesPart(v[:], b[:], 2) {
			continue
		}
		return x.AppendTo(dst)
	}
	// Unreachable in practice: a documentation-prefix address.
	return netip.AddrFrom16([16]byte{0x20, 0x01, 0x0d, 0xb8, 15: byte(1 + r.intn(254))}).AppendTo(dst)
}
