package anonymize

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/pgveil/pgveil/anonymize/textpii"
)

// replace appends the replacement of hit h of src to dst.
func (s *scrubber) replace(dst, src []byte, h hit, sc *scrubScratch) ([]byte, error) {
	orig := src[h.start:h.end]
	var err error
	switch h.kind {
	case piiName:
		return s.replaceName(dst, orig, sc.names.hits[h.name], sc)
	case piiNationalID:
		sc.tmp = canonicalID(sc.tmp[:0], orig)
		sc.tmp2 = s.ids.Sum(sc.tmp2[:0], sc.tmp)
		return textpii.FakeNationalID(dst, h.id, orig, sc.tmp2), nil
	case piiDocument, piiCVV:
		sc.tmp = canonicalID(sc.tmp[:0], orig)
		sc.tmp2 = s.docs.Sum(sc.tmp2[:0], sc.tmp)
		return textpii.FakeDigitsLike(dst, orig, sc.tmp2), nil
	case piiIP:
		sc.tmp2 = s.ips.Sum(sc.tmp2[:0], orig)
		return textpii.FakeIP(dst, orig, sc.tmp2), nil
	case piiObfEmail:
		// The same pseudonym as the address written plainly.
		sc.tmp = textpii.CanonicalObfuscatedEmail(sc.tmp[:0], orig)
		dst, _, err = s.bounds[piiEmail].Apply(dst, sc.tmp, false)
		return dst, err
	case piiIBANText:
		sc.tmp = textpii.CanonicalIBAN(sc.tmp[:0], orig)
		sc.tmp2, _, err = s.bounds[piiIBAN].Apply(sc.tmp2[:0], sc.tmp, false)
		if err != nil {
			return dst, err
		}
		return reshapeIBAN(dst, sc.tmp2, orig), nil
	case piiDate:
		return s.replaceDate(dst, orig, sc)
	}
	if h.kind >= piiKinds {
		return dst, ErrRefused
	}
	dst, _, err = s.bounds[h.kind].Apply(dst, orig, false)
	return dst, err
}

// replaceName masks a known value with its column's mask, any other name
// with the first_name or last_name mask, and writes the fake in the case
// the text used ("MARRAS", "marras", "Marras").
func (s *scrubber) replaceName(dst, orig []byte, n nameHit, sc *scrubScratch) ([]byte, error) {
	var err error
	start := len(dst)
	switch {
	case n.known:
		src := sc.names.known
		if src == nil || int(n.entry.src) >= len(src.sources) {
			return dst, ErrRefused
		}
		sc.tmp = append(sc.tmp[:0], n.entry.value...)
		dst, _, err = src.sources[n.entry.src].bound.Apply(dst, sc.tmp, false)
	default:
		// The mask's input is the name in title case, so "ROSSI" and
		// "Rossi" get one pseudonym.
		sc.tmp = titleCase(sc.tmp[:0], orig)
		k := piiLast
		if n.part == PartFirst {
			k = piiFirst
		}
		dst, _, err = s.bounds[k].Apply(dst, sc.tmp, false)
	}
	if err != nil {
		return dst, err
	}
	return recase(dst, start, orig), nil
}

// recase rewrites dst[start:] in capitals when like is all capitals (of
// more than one letter), in lower case when like has no capital.
func recase(dst []byte, start int, like []byte) []byte {
	hasUpper, hasLower, letters := false, false, 0
	for _, r := range string(like) {
		if unicode.IsUpper(r) {
			hasUpper = true
			letters++
		} else if unicode.IsLower(r) && unicode.ToUpper(r) != r { // "ß" has no capital of its own
			hasLower = true
			letters++
		}
	}
	var conv func(rune) rune
	switch {
	case hasUpper && !hasLower && letters > 1:
		conv = unicode.ToUpper
	case hasLower && !hasUpper:
		conv = unicode.ToLower
	default:
		return dst
	}
	out := bytes.Map(conv, dst[start:])
	return append(dst[:start], out...)
}

// titleCase appends s with each word's first letter upper case and the rest
// lower case; apostrophes and hyphens start a new word ("d'amico" ->
// "D'Amico").
func titleCase(dst, s []byte) []byte {
	up := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		i += n
		if unicode.IsLetter(r) {
			if up {
				r = unicode.ToUpper(r)
			} else {
				r = unicode.ToLower(r)
			}
			up = false
		} else {
			up = true
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// canonicalID appends s in upper case without spaces, dots and hyphens, so
// "ca 12345 ab" and "CA12345AB" share a pseudonym.
func canonicalID(dst, s []byte) []byte {
	for _, c := range s {
		switch {
		case c == ' ' || c == '.' || c == '-' || c == '/':
		case 'a' <= c && c <= 'z':
			dst = append(dst, c-'a'+'A')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// reshapeIBAN appends the fake IBAN fake (canonical) laid out like orig:
// lower case if orig was, grouped by four if orig had spaces.
func reshapeIBAN(dst, fake, orig []byte) []byte {
	lower := bytes.ContainsFunc(orig, unicode.IsLower) && !bytes.ContainsFunc(orig[:2], unicode.IsUpper)
	grouped := bytes.IndexByte(orig, ' ') >= 0
	for i, c := range fake {
		if grouped && i > 0 && i%4 == 0 {
			dst = append(dst, ' ')
		}
		if lower && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
