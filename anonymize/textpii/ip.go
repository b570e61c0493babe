package textpii

import "net/netip"

// IP addresses. IPv4: a dotted quad of decimal octets 0-255 without leading
// zeros, not part of a longer dotted run and not a version number ("v1.2.3.4"
// never starts a token; "version 1.2.3.4" is checked). IPv6: a candidate run
// of hex digits, colons and dots with at least two colons, confirmed by
// net/netip.

// ipEndOK: an address may be followed by a port, a prefix length or
// punctuation, not by a letter, a digit or another dotted number.
func ipEndOK(src []byte, e int) bool {
	if e >= len(src) {
		return true
	}
	if alnumAt(src, e) {
		return false
	}
	switch src[e] {
	case '.':
		return e+1 >= len(src) || !isDigit(src[e+1])
	case '@', '-', '_':
		return false
	}
	return true
}

// matchIPv4 reads a dotted quad at src[i].
func matchIPv4(src []byte, i int) (int, bool) {
	j := i
	for part := 0; part < 4; part++ {
		if part > 0 {
			if j >= len(src) || src[j] != '.' {
				return 0, false
			}
			j++
		}
		s := j
		e := digitsEnd(src, j)
		if e == s || e-s > 3 || (e-s > 1 && src[s] == '0') || atoi(src[s:e]) > 255 {
			return 0, false
		}
		j = e
	}
	if !ipEndOK(src, j) || versionBefore(src, i) {
		return 0, false
	}
	return j, true
}

// versionWords before a dotted quad make it a version number.
var versionWords = []string{"version", "versione", "versión", "ver", "v", "build", "release", "firmware",
	"rel", "versao", "versão", "app", "software", "update", "aggiornamento"}

// versionBefore reports whether one of the two words before src[i] (within
// 30 bytes) is a version word, as in "version 1.2.3.4", "Versione app 3.2.1.4".
func versionBefore(src []byte, i int) bool {
	j := i
	for w := 0; w < 2; w++ {
		for j > 0 && i-j < 30 && !is(src[j-1], cLetter) && !isDigit(src[j-1]) && src[j-1] != '\n' {
			j--
		}
		e := j
		for j > 0 && i-j < 30 && is(src[j-1], cLetter) {
			j--
		}
		if j == e {
			return false
		}
		if wordIn(src, j, e, versionWords) {
			return true
		}
	}
	return false
}

// ipv6Char: hex digits, ':' and '.' (embedded IPv4).
func ipv6Char(c byte) bool { return is(c, cHex|cColon) || c == '.' }

// matchIPv6 reads the longest run of IPv6 characters at src[i] (at most 45)
// and accepts it, or it without a trailing dot or colon, if net/netip parses
// it as an IPv6 address.
func matchIPv6(src []byte, i int) (int, bool) {
	if src[i] == ':' && (i+1 >= len(src) || src[i+1] != ':') {
		return 0, false
	}
	if src[i] == ':' && i > 0 && src[i-1] == ':' {
		return 0, false
	}
	// Cheap pre-check: a colon within the first five bytes.
	colonSoon := false
	for k := i; k < len(src) && k < i+5; k++ {
		if src[k] == ':' {
			colonSoon = true
			break
		}
		if !is(src[k], cHex) {
			break
		}
	}
	if !colonSoon {
		return 0, false
	}
	j, colons, hex := i, 0, 0
	for j < len(src) && j-i < 45 && ipv6Char(src[j]) {
		if src[j] == ':' {
			colons++
		} else if src[j] != '.' {
			hex++
		}
		j++
	}
	if colons < 2 || hex == 0 {
		return 0, false
	}
	for try := 0; try < 2 && j > i; try++ {
		if ipEndOK(src, j) || (j < len(src) && src[j] == '%') {
			if a, err := netip.ParseAddr(string(src[i:j])); err == nil && a.Is6() {
				return j, true
			}
		}
		if src[j-1] != '.' && src[j-1] != ':' {
			break
		}
		j--
	}
	return 0, false
}
