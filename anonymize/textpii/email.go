package textpii

// Obfuscated e-mail addresses: a local part, an obfuscated '@' (" AT ",
// "[at]", "(at)", "{at}", "<at>", " @ ", and the words for '@' of the four
// languages: " chiocciola ", " arobase ", " arroba "), then domain labels
// separated by " DOT ", "[dot]", "(dot)", "." or " . " (or " punto ",
// " point ", " punkt ", also in brackets), the last label a common TLD.
// A plain "x@y.com" is left to the scrub mask's own scanner.

// atWords name '@'; every one but the first ("at", a common English word)
// is strong evidence on its own.
var atWords = []string{"at", "chiocciola", "arobase", "arroba", "klammeraffe"}

// dotWords name '.'.
var dotWords = []string{"dot", "punto", "point", "punkt"}

// wordAt returns the length of the first word of list that src[i:] starts
// with (any case) and that is not followed by a letter or digit, 0 if none.
func wordAt(src []byte, i int, list []string) int {
	for _, w := range list {
		if eqFold(src, i, w) && !alnumAt(src, i+len(w)) {
			return len(w)
		}
	}
	return 0
}

// bracketedAny is bracketed for any word of list; it returns the end and
// the index of the word.
func bracketedAny(src []byte, i int, list []string) (int, int, bool) {
	if i >= len(src) || !openBrackets[src[i]] {
		return 0, 0, false
	}
	for k, w := range list {
		if e, ok := bracketed(src, i, w); ok {
			return e, k, true
		}
	}
	return 0, 0, false
}

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
	if e, _, ok := bracketedAny(src, j, atWords); ok {
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
	if l := wordAt(src, j, atWords); spaced && l > 0 {
		e := skipSpaces(src, j+l, 2)
		if e > j+l {
			return e, l != 2, true
		}
	}
	return 0, false, false
}

// dotSeparator reads a dot between domain labels at src[i]; obf reports an
// obfuscated one: "DOT" or a bracketed word, not the bare " punto ",
// " point ", " punkt ", which are common words ("at the point com").
func dotSeparator(src []byte, i int) (end int, obf, ok bool) {
	n := len(src)
	j := skipSpaces(src, i, 2)
	spaced := j > i
	if j >= n {
		return 0, false, false
	}
	if e, _, ok := bracketedAny(src, j, dotWords); ok {
		return skipSpaces(src, e, 2), true, true
	}
	if l := wordAt(src, j, dotWords); spaced && l > 0 {
		if e := skipSpaces(src, j+l, 2); e > j+l {
			return e, l == 3, true
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
// letters and digits of a token (ae): a local-part character followed by
// another, an opening bracket or '@', or a blank followed by one of
// "aAcCkK@[({<" that starts an obfuscated '@'.
func mayBeObfuscatedEmail(src []byte, ae int) bool {
	if ae >= len(src) {
		return false
	}
	switch src[ae] {
	case '.', '_', '-', '+':
		// The local part goes on ("gaia.marras"): it cannot end on these.
		return ae+1 < len(src) && localChar(src[ae+1])
	case '[', '(', '{', '<', '@':
		return true
	case ' ':
		j := skipSpaces(src, ae, 2)
		if j >= len(src) || !emailAfterBlank[src[j]] {
			return false
		}
		// A word there must be one of atWords: "at", "arobase", "arroba",
		// "chiocciola", "klammeraffe".
		switch c1 := lower(byteAt(src, j+1)); lower(src[j]) {
		case 'a':
			if c1 != 't' && c1 != 'r' {
				return false
			}
		case 'c':
			if c1 != 'h' {
				return false
			}
		case 'k':
			if c1 != 'l' {
				return false
			}
		}
		// The local part ends at ae: the '@' must be written there.
		_, _, ok := atSeparator(src, ae)
		return ok
	}
	return false
}

// CanonicalObfuscatedEmail appends the plain address written by the
// obfuscated one in src (a KindEmail hit): "mario AT gmail DOT com" ->
// "mario@gmail.com", "x chiocciola y punto it" -> "x@y.it". The letters keep
// their case. What cannot be read is appended unchanged.
func CanonicalObfuscatedEmail(dst, src []byte) []byte {
	n := len(src)
	j := 0
	for j < n && j < 64 && localChar(src[j]) {
		j++
	}
	le := j
	for le > 0 && !isAlnumASCII(src[le-1]) {
		le--
	}
	k, _, ok := atSeparator(src, le)
	if le == 0 || !ok {
		return append(dst, src...)
	}
	dst = append(append(dst, src[:le]...), '@')
	for k < n {
		s := k
		for k < n && (isAlnumASCII(src[k]) || (src[k] == '-' && k > s)) {
			k++
		}
		dst = append(dst, src[s:k]...)
		d, _, ok := dotSeparator(src, k)
		if k == s || !ok || d >= n || !isAlnumASCII(src[d]) {
			break
		}
		dst = append(dst, '.')
		k = d
	}
	return append(dst, src[k:]...)
}
