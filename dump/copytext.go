package dump

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// The COPY text format, as PostgreSQL reads it (CopyReadAttributesText) and
// writes it (CopyAttributeOutText) with the default options: tab delimiter,
// \N for NULL, backslash escapes. Raw fields are slices of the input line;
// nothing here allocates unless the caller's dst must grow.

// errTrailingBackslash is the one malformed field: PostgreSQL silently drops
// a backslash that ends the data, we refuse it rather than guess.
var errTrailingBackslash = errors.New("COPY field ends with a lone backslash")

// SplitFields splits one data line (without its trailing newline) on tabs into
// raw (still escaped) fields, appending to fields[:0]; no copying. A tab right
// after a backslash is data, not a delimiter, exactly as PostgreSQL reads it.
// An empty line is one empty field.
func SplitFields(fields [][]byte, line []byte) [][]byte {
	fields = fields[:0]
	start, from := 0, 0
	for {
		i := bytes.IndexByte(line[from:], '\t')
		if i < 0 {
			return append(fields, line[start:len(line):len(line)])
		}
		tab := from + i
		// A backslash escapes exactly one byte, so the tab is escaped iff the
		// run of backslashes before it is odd. The run cannot reach past the
		// field start: the byte before the field is a delimiter tab.
		run := tab
		for run > start && line[run-1] == '\\' {
			run--
		}
		if (tab-run)%2 == 1 {
			from = tab + 1
			continue
		}
		fields = append(fields, line[start:tab:tab])
		start, from = tab+1, tab+1
	}
}

// IsNull reports whether a raw field is the NULL marker \N (compared on the
// raw bytes, as PostgreSQL does: "\\N" is the two-character text \N).
func IsNull(raw []byte) bool {
	return len(raw) == 2 && raw[0] == '\\' && raw[1] == 'N'
}

// AppendNull appends the NULL marker \N.
func AppendNull(dst []byte) []byte {
	return append(dst, '\\', 'N')
}

// IsEndOfData reports the "\." end-of-data line (given without its newline).
func IsEndOfData(line []byte) bool {
	return len(line) == 2 && line[0] == '\\' && line[1] == '.'
}

// DecodeField appends the de-escaped value of a raw field to dst: \b \f \n \r
// \t \v, \\ , octal \o \oo \ooo (taken modulo 256), hex \xh \xhh (a \x not
// followed by a hex digit yields 'x'), any other \c yields c. The only error
// is a trailing lone backslash. The caller checks IsNull first.
func DecodeField(dst, raw []byte) ([]byte, error) {
	i := bytes.IndexByte(raw, '\\')
	if i < 0 {
		return append(dst, raw...), nil
	}
	for {
		dst = append(dst, raw[:i]...)
		raw = raw[i+1:]
		if len(raw) == 0 {
			return dst, errTrailingBackslash
		}
		c := raw[0]
		raw = raw[1:]
		switch {
		case c >= '0' && c <= '7':
			v := c - '0'
			for n := 0; n < 2 && len(raw) > 0 && raw[0] >= '0' && raw[0] <= '7'; n++ {
				v = v<<3 | (raw[0] - '0') // byte arithmetic: \777 wraps like PostgreSQL's & 0377
				raw = raw[1:]
			}
			c = v
		case c == 'x':
			if len(raw) > 0 {
				if h, ok := unhex(raw[0]); ok {
					raw = raw[1:]
					if len(raw) > 0 {
						if l, ok := unhex(raw[0]); ok {
							h = h<<4 | l
							raw = raw[1:]
						}
					}
					c = h
				}
			}
		default:
			c = unescape[c]
		}
		dst = append(dst, c)
		i = bytes.IndexByte(raw, '\\')
		if i < 0 {
			return append(dst, raw...), nil
		}
	}
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// unescape maps the byte after a backslash to the byte it stands for (octal
// and hex are handled separately); identity except for the C letters.
var unescape = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	t['b'], t['f'], t['n'], t['r'], t['t'], t['v'] = '\b', '\f', '\n', '\r', '\t', '\v'
	return t
}()

// escapeLetter maps a byte that EncodeField must escape to the letter written
// after the backslash; 0 for bytes written raw. PostgreSQL escapes only these:
// other control bytes (and bytes >= 0x80) go out unchanged.
var escapeLetter = func() (t [256]byte) {
	t['\b'], t['\f'], t['\n'], t['\r'], t['\t'], t['\v'], t['\\'] = 'b', 'f', 'n', 'r', 't', 'v', '\\'
	return t
}()

// EncodeField appends the COPY text form of a value: backslash, tab, newline,
// CR, \b \f \v escaped with their letters ("\\" for backslash); other bytes
// raw, as PostgreSQL writes them. A NUL byte (which no PostgreSQL text value
// contains) is written raw as well and round-trips through DecodeField.
func EncodeField(dst, val []byte) []byte {
	i := indexSpecial(val)
	if i < 0 {
		return append(dst, val...)
	}
	for {
		dst = append(dst, val[:i]...)
		dst = append(dst, '\\', escapeLetter[val[i]])
		val = val[i+1:]
		i = indexSpecial(val)
		if i < 0 {
			return append(dst, val...)
		}
	}
}

const (
	swarOnes  = 0x0101010101010101
	swarHighs = 0x8080808080808080
)

// indexSpecial returns the index of the first byte EncodeField must escape,
// or -1. It skips 8 bytes at a time while a word holds no byte below 0x20 and
// no backslash (the escaped set is 0x08-0x0D and 0x5C), and looks bytewise
// only into a word that may hold one.
func indexSpecial(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		bs := w ^ ('\\' * swarOnes)
		// Exact "some byte is below 0x20 / is zero" tests: a borrow only
		// propagates past a byte that is itself a hit.
		if ((w-0x20*swarOnes)&^w|(bs-swarOnes)&^bs)&swarHighs == 0 {
			continue
		}
		for j, c := range b[i : i+8] {
			if escapeLetter[c] != 0 {
				return i + j
			}
		}
	}
	for ; i < len(b); i++ {
		if escapeLetter[b[i]] != 0 {
			return i
		}
	}
	return -1
}
