package anonymize

import (
	"strings"
	"unicode"

	"github.com/pgveil/pgveil/anonymize/textpii"
)

// Birth dates in text: the date is read in the layout it was written in
// (10/07/1992, 1992-07-10, 10. Juli 1992, July 10, 1992, 10 luglio 1992),
// masked by the scrub's date mask like a date column, and written back in
// the same layout, month names in the same language and case.

// monthNames lists the months of each language, lower case, January first.
var monthNames = [][12]string{
	{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
	{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
	{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
}

type textSpan struct{ start, end int }

// parsedDate is a date found in text, with where its parts are.
type parsedDate struct {
	y, m, d         int
	ys, ms, ds      textSpan
	lang            int // month-name language, -1 when numeric
	monthCapital    bool
	monthAllCapital bool
}

// parseTextDate reads a date in one of the layouts above.
func parseTextDate(s []byte) (parsedDate, bool) {
	var p parsedDate
	p.lang = -1
	var nums []textSpan
	var word textSpan
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			nums = append(nums, textSpan{i, j})
			i = j
		case c >= 0x80 || unicode.IsLetter(rune(c)):
			j := i
			for j < len(s) && (s[j] >= 0x80 || unicode.IsLetter(rune(s[j]))) {
				j++
			}
			if word.end == 0 {
				word = textSpan{i, j}
			}
			i = j
		default:
			i++
		}
	}
	num := func(sp textSpan) int {
		n := 0
		for _, c := range s[sp.start:sp.end] {
			n = n*10 + int(c-'0')
		}
		return n
	}
	switch {
	case word.end > 0 && len(nums) == 2:
		w := strings.ToLower(string(s[word.start:word.end]))
		for l, names := range monthNames {
			for m, name := range names {
				if w == name {
					p.lang, p.m, p.ms = l, m+1, word
				}
			}
			if p.lang >= 0 {
				break
			}
		}
		if p.lang < 0 {
			return p, false
		}
		r := []rune(string(s[word.start:word.end]))
		p.monthCapital = unicode.IsUpper(r[0])
		p.monthAllCapital = len(r) > 1 && unicode.IsUpper(r[1])
		p.ds, p.ys = nums[0], nums[1]
		if nums[0].end-nums[0].start == 4 {
			p.ds, p.ys = nums[1], nums[0]
		}
	case word.end == 0 && len(nums) == 3:
		if nums[0].end-nums[0].start == 4 {
			p.ys, p.ms, p.ds = nums[0], nums[1], nums[2]
		} else {
			p.ds, p.ms, p.ys = nums[0], nums[1], nums[2]
			if num(p.ms) > 12 && num(p.ds) <= 12 {
				p.ds, p.ms = p.ms, p.ds // US order
			}
		}
		p.m = num(p.ms)
	default:
		return p, false
	}
	p.d, p.y = num(p.ds), num(p.ys)
	if p.ys.end-p.ys.start == 2 {
		p.y += 1900
		if p.y < 1930 {
			p.y += 100
		}
	}
	if p.m < 1 || p.m > 12 || p.d < 1 || p.d > 31 || p.y < 1 || p.y > 9999 {
		return p, false
	}
	return p, true
}

// replaceDate masks a birth date found in text.
func (s *scrubber) replaceDate(dst, orig []byte, sc *scrubScratch) ([]byte, error) {
	p, ok := parseTextDate(orig)
	if !ok {
		sc.tmp2 = s.docs.Sum(sc.tmp2[:0], orig)
		return textpii.FakeDigitsLike(dst, orig, sc.tmp2), nil
	}
	sc.tmp = appendISODate(sc.tmp[:0], int64(p.y), p.m, p.d)
	out, null, err := s.bounds[piiDate].Apply(sc.tmp2[:0], sc.tmp, false)
	sc.tmp2 = out
	if err != nil {
		return dst, err
	}
	if null {
		return dst, nil
	}
	q, ok := parseTextDate(out)
	if !ok || q.ys.start != 0 {
		return dst, ErrRefused
	}
	// Write orig back with its parts replaced, in order of position.
	parts := []struct {
		at   textSpan
		val  int
		kind byte
	}{{p.ds, q.d, 'd'}, {p.ms, q.m, 'm'}, {p.ys, q.y, 'y'}}
	for i := 1; i < len(parts); i++ {
		for j := i; j > 0 && parts[j].at.start < parts[j-1].at.start; j-- {
			parts[j], parts[j-1] = parts[j-1], parts[j]
		}
	}
	copied := 0
	for _, pt := range parts {
		dst = append(dst, orig[copied:pt.at.start]...)
		width := pt.at.end - pt.at.start
		switch {
		case pt.kind == 'm' && p.lang >= 0:
			name := monthNames[p.lang][pt.val-1]
			switch {
			case p.monthAllCapital:
				name = strings.ToUpper(name)
			case p.monthCapital:
				r := []rune(name)
				r[0] = unicode.ToUpper(r[0])
				name = string(r)
			}
			dst = append(dst, name...)
		case pt.kind == 'y' && width == 2:
			dst = appendPadded(dst, pt.val%100, 2)
		default:
			dst = appendPadded(dst, pt.val, width)
		}
		copied = pt.at.end
	}
	return append(dst, orig[copied:]...), nil
}

// appendPadded appends n with at least width digits.
func appendPadded(dst []byte, n, width int) []byte {
	var b [8]byte
	i := len(b)
	for n > 0 || i == len(b) {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	for len(b)-i < width && i > 0 {
		i--
		b[i] = '0'
	}
	return append(dst, b[i:]...)
}
