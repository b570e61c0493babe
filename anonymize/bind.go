package anonymize

import (
	"bytes"
	"errors"
)

// textBound finishes a text-producing mask for column c: the output is cut to
// c.MaxLen characters, and array columns are masked element by element.
func textBound(c Column, fn Func) Bound {
	if c.MaxLen > 0 {
		inner, max := fn, c.MaxLen
		fn = func(dst, src []byte) ([]byte, error) {
			start := len(dst)
			out, err := inner(dst, src)
			if err != nil {
				return out, err
			}
			return truncate(out, start, max), nil
		}
	}
	if c.Array {
		fn = elementwise(fn)
	}
	return FuncBound(fn)
}

var errArray = errors.New("malformed array literal")

// elementwise lifts fn to PostgreSQL array literals ({a,"b c",NULL,{d}}):
// every non-NULL element is masked, structure and NULLs are kept.
func elementwise(fn Func) Func {
	return func(dst, src []byte) ([]byte, error) {
		i := 0
		// Optional dimension decoration: [1:3]={...}
		if len(src) > 0 && src[0] == '[' {
			eq := bytes.IndexByte(src, '=')
			if eq < 0 {
				return dst, errArray
			}
			dst = append(dst, src[:eq+1]...)
			i = eq + 1
		}
		var elem, masked []byte
		depth := 0
		for i < len(src) {
			c := src[i]
			switch {
			case c == '{':
				depth++
				dst = append(dst, c)
				i++
			case c == '}':
				depth--
				dst = append(dst, c)
				i++
			case c == ',' || c == ' ':
				dst = append(dst, c)
				i++
			case depth == 0:
				return dst, errArray
			default:
				// One element, quoted or not.
				elem = elem[:0]
				quoted := c == '"'
				if quoted {
					i++
					for i < len(src) && src[i] != '"' {
						if src[i] == '\\' && i+1 < len(src) {
							i++
						}
						elem = append(elem, src[i])
						i++
					}
					if i >= len(src) {
						return dst, errArray
					}
					i++ // closing quote
				} else {
					for i < len(src) && src[i] != ',' && src[i] != '}' {
						if src[i] == '\\' && i+1 < len(src) {
							i++
						}
						elem = append(elem, src[i])
						i++
					}
					elem = bytes.TrimRight(elem, " ")
					if bytes.EqualFold(elem, []byte("NULL")) {
						dst = append(dst, "NULL"...)
						continue
					}
				}
				var err error
				masked, err = fn(masked[:0], elem)
				if err != nil {
					return dst, err
				}
				dst = appendArrayElem(dst, masked)
			}
		}
		if depth != 0 {
			return dst, errArray
		}
		return dst, nil
	}
}

func appendArrayElem(dst, e []byte) []byte {
	needQuote := len(e) == 0 || bytes.EqualFold(e, []byte("NULL"))
	for _, c := range e {
		switch c {
		case '{', '}', ',', '"', '\\', ' ', '\t', '\n', '\r', '\v', '\f':
			needQuote = true
		}
	}
	if !needQuote {
		return append(dst, e...)
	}
	dst = append(dst, '"')
	for _, c := range e {
		if c == '"' || c == '\\' {
			dst = append(dst, '\\')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}
