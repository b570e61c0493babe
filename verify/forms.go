package verify

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Form says which extra spellings of a value are searched besides the
// value itself (and its escaped forms, always searched).
type Form uint8

const (
	FormPlain Form = iota
	FormIBAN       // also in blocks of four: "IT60 X054 2811 ..."
	FormCard       // also in blocks of four (Amex 4-6-5), with spaces or dashes
	FormPhone      // also without spaces, dashes, dots, slashes and parentheses
)

// maxValueBytes bounds a needle: a longer value (a whole free-text note
// of a column masked to NULL) is searched by its first maxValueBytes bytes,
// cut at a rune boundary, without a word boundary at its end.
const maxValueBytes = 256

// Filter decides which values are worth searching for.
type Filter struct {
	// MinLength is the shortest value searched, in characters.
	MinLength int
	// MinDigits: a value made only of digits and separators is searched
	// only when it has at least MinDigits digits.
	MinDigits int
}

// DefaultFilter: at least 4 characters; purely numeric values need 6 digits.
var DefaultFilter = Filter{MinLength: 4, MinDigits: 6}

// Keep reports whether v is specific enough to search for, and if not why.
func (f Filter) Keep(v string) (bool, string) {
	if utf8.RuneCountInString(v) < f.MinLength {
		return false, "short"
	}
	digits, other := 0, 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsSpace(r) || strings.ContainsRune(".,-+/()':", r):
		default:
			other++
		}
	}
	if other == 0 && digits < f.MinDigits {
		return false, "numeric"
	}
	return true, ""
}

// spellings returns the folded value's own spellings for its form.
func spellings(canon string, form Form) []string {
	out := []string{canon}
	switch form {
	case FormIBAN:
		out = append(out, group(canon, []int{4}, " "))
	case FormCard:
		sizes := []int{4}
		if len(canon) == 15 {
			sizes = []int{4, 6, 5}
		}
		out = append(out, group(canon, sizes, " "), group(canon, sizes, "-"))
	case FormPhone:
		c := strings.Map(func(r rune) rune {
			if strings.ContainsRune(" -./()", r) {
				return -1
			}
			return r
		}, canon)
		out = append(out, c)
	}
	return out
}

// group splits s (without spaces) into blocks of the given sizes (the last
// size repeating) joined by sep.
func group(s string, sizes []int, sep string) string {
	s = strings.ReplaceAll(s, " ", "")
	var b strings.Builder
	i, k := 0, 0
	for i < len(s) {
		n := sizes[min(k, len(sizes)-1)]
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s[i:min(i+n, len(s))])
		i += n
		k++
	}
	return b.String()
}

// encodings returns the ways a text takes in a plain dump: as is, in a
// COPY text row (backslash escapes), in an SQL literal (quotes doubled),
// and inside a JSON string in either of them.
func encodings(s string) []string {
	if !needsEscape(s) {
		return []string{s}
	}
	j := jsonEscape(s)
	cand := []string{s, copyEscape(s), sqlQuote(s), j, copyEscape(j), sqlQuote(j)}
	out := cand[:0]
	for _, c := range cand {
		c = fold(c)
		dup := false
		for _, o := range out {
			dup = dup || o == c
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// needsEscape reports whether any encoding changes s.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '\\' || c == '\'' || c == '"' {
			return true
		}
	}
	return false
}

func copyEscape(s string) string {
	if !strings.ContainsAny(s, "\\\n\r\t\b\f\v") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\v':
			b.WriteString(`\v`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func sqlQuote(s string) string { return strings.ReplaceAll(s, "'", "''") }

// jsonEscape is the inside of a JSON string as PostgreSQL writes it.
func jsonEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// clip cuts a value longer than maxValueBytes at a rune boundary; clipped
// reports whether it did.
func clip(s string) (string, bool) {
	if len(s) <= maxValueBytes {
		return s, false
	}
	n := maxValueBytes
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], true
}
