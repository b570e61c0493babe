package textpii

// Obfuscated e-mail addresses: a local part, an obfuscated '@' (" AT ",
// "[at]", "(at)", "{at}", "<at>", " @ "), then domain labels separated by
// " DOT ", "[dot]", "(dot)", "." or " . ", the last label a common TLD.
// A plain "x@y.com" is left to the scrub mask's own scanner.

var tlds = []string{"com", "net", "org", "edu", "gov", "it", "fr", "de", "es", "uk", "co", "eu", "info",
	"biz", "io", "ch", "at", "be", "nl", "pt", "pl", "se", "dk", "no", "fi", "ie", "lu", "li", "me", "us",
	"ca", "au", "ru", "br", "jp", "cn", "mail", "email", "online"}

func localChar(c byte) bool {
	return isAlnumASCII(c) || c == '.' || c == '_' || c == '-' || c == '+'
}

// bracketed matches "[w]", "(w)", "{w}", "<w>" at src[i] for the lower-case
// word w (also "@"), with at most one blank inside on each side.
func bracketed(src []byte, i int, w string) (int, bool) {
	if i >= len(src) {
		return 0, false
	}
	var closing byte
	switch src[i] {
	case '[':
		closing = ']'
	case '(':
		closing = ')'
	case '{':
		closing = '}'
	case '<':
		closing = '>'
	default:
		return 0, false
	}
	j := skipSpaces(src, i+1, 1)
	if !eqFold(src, j, w) {
		return 0, false
	}
	j = skipSpaces(src, j+len(w), 1)
	if j >= len(src) || src[j] != closing {
		return 0, false
	}
	return j + 1, true
}

// atSeparator reads an obfuscated '@' at src[i] (i is the end of the local
// part); strong is false for the bare word " at ".
func atSeparator(src []byte, i int) (end int, strong, ok bool) {
	n := len(src)
	j := skipSpaces(src, i, 2)
	spaced := j > i
	if j >= n {
		return 0, false, false
	}
	if e, ok := bracketed(src, j, "at"); ok {
		return skipSpaces(src, e, 2), true, true
	}
	if e, ok := bracketed(src, j, "@"); ok {
		return skipSpaces(src, e, 2), true, true
	}
	if src[j] == '@' {
		e := skipSpaces(src, j+1, 2)
		if !spaced && e == j+1 {
			return 0, false, false // a plain address
		}
		return e, true, true
	}
	if spaced && eqFold(src, j, "at") {
		e := skipSpaces(src, j+2, 2)
		if e > j+2 {
			return e, false, true
		}
	}
	return 0, false, false
}

// dotSeparator reads a dot between domain labels at src[i]; obf reports an
// obfuscated one.
func dotSeparator(src []byte, i int) (end int, obf, ok bool) {
	n := len(src)
	j := skipSpaces(src, i, 2)
	spaced := j > i
	if j >= n {
		return 0, false, false
	}
	if e, ok := bracketed(src, j, "dot"); ok {
		return skipSpaces(src, e, 2), true, true
	}
	if spaced && eqFold(src, j, "dot") {
		if e := skipSpaces(src, j+3, 2); e > j+3 {
			return e, true, true
		}
		return 0, false, false
	}
	if src[j] == '.' {
		e := skipSpaces(src, j+1, 2)
		if spaced != (e > j+1) {
			return 0, false, false // "x. y" is a sentence, "x . y" a dot
		}
		return e, false, true
	}
	return 0, false, false
}

// matchObfuscatedEmail reads an obfuscated address whose local part starts
// at src[i].
func matchObfuscatedEmail(src []byte, i int) (int, bool) {
	n := len(src)
	j := i
	punct := false
	for j < n && j-i < 64 && localChar(src[j]) {
		if !isLetterASCII(src[j]) {
			punct = true
		}
		j++
	}
	le := j
	for le > i && !isAlnumASCII(src[le-1]) {
		le--
	}
	if le-i < 2 || alnumAt(src, le) || le >= n {
		return 0, false
	}
	if c := src[le]; c != ' ' && c != '[' && c != '(' && c != '{' && c != '<' && c != '@' && c != 0xC2 {
		return 0, false
	}
	if le < j {
		punct = true
		// "x.y. at" is not an address; trailing punctuation ends the candidate.
		if src[le] != '@' {
			return 0, false
		}
	}
	k, strong, ok := atSeparator(src, le)
	if !ok {
		return 0, false
	}
	end, labels, obfDot := -1, 0, false
	for labels < 8 && k < n {
		s := k
		letters := true
		for k < n && k-s < 63 && (isAlnumASCII(src[k]) || (src[k] == '-' && k > s)) {
			letters = letters && isLetterASCII(src[k])
			k++
		}
		if k == s || src[k-1] == '-' {
			break
		}
		labels++
		if labels >= 2 && letters && k-s >= 2 && wordIn(src, s, k, tlds) && !alnumAt(src, k) {
			end = k
			if !strong && !obfDot && !punct {
				end = -1 // "look at example.com": a plain word before a bare "at"
			}
		}
		d, obf, ok := dotSeparator(src, k)
		if !ok || d >= n || !isAlnumASCII(src[d]) {
			break
		}
		obfDot = obfDot || obf
		k = d
	}
	if end < 0 || !endOK(src, end) {
		return 0, false
	}
	return end, true
}

// mayBeObfuscatedEmail is a cheap filter on the byte after the first run of
// letters and digits of a token (ae): a local-part character, an opening
// bracket or '@', or a blank followed by one of "aA@[({<".
func mayBeObfuscatedEmail(src []byte, ae int) bool {
	if ae >= len(src) {
		return false
	}
	switch src[ae] {
	case '.', '_', '-', '+', '[', '(', '{', '<', '@':
		return true
	case ' ':
		j := skipSpaces(src, ae, 2)
		return j < len(src) && containsByte("aA@[({<", src[j])
	}
	return false
}
