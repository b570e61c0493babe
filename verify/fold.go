package verify

import (
	"unicode"
	"unicode/utf8"
)

// Case folding. Needles and the scanned stream go through the same
// function: ASCII letters are lower-cased, and every other rune is replaced
// by unicode.ToLower of it when that has the same UTF-8 length (É -> é,
// Ł -> ł, Ω -> ω). The few runes whose lower case is longer or shorter
// (İ, the Kelvin sign) are left as they are, so a folded stream has exactly
// the offsets of the raw one. Invalid UTF-8 is left unchanged.

// lowerASCII maps every byte to its ASCII lower case.
var lowerASCII = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return t
}()

// foldRuneAt folds the rune that starts at b[i] in place and returns the
// byte now at b[i]. A continuation byte or an incomplete sequence is left
// alone (the scanner never hands in a rune cut by the end of its buffer,
// except at the end of the stream).
func foldRuneAt(b []byte, i int) byte {
	c := b[i]
	if c < utf8.RuneSelf || !utf8.RuneStart(c) {
		return c
	}
	r, size := utf8.DecodeRune(b[i:])
	if r == utf8.RuneError && size <= 1 {
		return c
	}
	lr := unicode.ToLower(r)
	if lr != r && utf8.RuneLen(lr) == size {
		utf8.EncodeRune(b[i:i+size], lr)
	}
	return b[i]
}

// fold returns s case-folded like the stream.
func fold(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if b[i] < utf8.RuneSelf {
			b[i] = lowerASCII[b[i]]
		} else {
			foldRuneAt(b, i)
		}
	}
	return string(b)
}

// isWordByte reports whether c belongs to a word: ASCII letters and digits,
// the underscore, and every byte of a non-ASCII rune. A needle that begins
// (ends) with a word byte only matches where the stream has no word byte
// just before (after) it.
func isWordByte(c byte) bool {
	return wordByte[c]
}

var wordByte = func() (t [256]bool) {
	for i := range t {
		c := byte(i)
		t[i] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
	}
	return t
}()

// escapeLetter reports whether c is the letter of a COPY or JSON escape
// (\n, \t, \r, \b, \f, \v, \u): after a backslash it does not make the
// needle that follows part of a longer word.
func escapeLetter(c byte) bool {
	switch c {
	case 'n', 't', 'r', 'b', 'f', 'v', 'N', 'T', 'R', 'B', 'F', 'V':
		return true
	}
	return false
}

// incompleteTail returns how many bytes at the end of b are the start of a
// UTF-8 sequence that b cuts off (0 when b ends on a rune boundary).
func incompleteTail(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			need := 0
			switch {
			case c&0xE0 == 0xC0:
				need = 2
			case c&0xF0 == 0xE0:
				need = 3
			case c&0xF8 == 0xF0:
				need = 4
			default:
				return 0
			}
			if need > k {
				return k
			}
			return 0
		}
	}
	return 0
}
