package dump

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSplitFields(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"", []string{""}},
		{"a", []string{"a"}},
		{"a\tb", []string{"a", "b"}},
		{"\t", []string{"", ""}},
		{"a\t\tb\t", []string{"a", "", "b", ""}},
		{`\N` + "\t" + `\\N`, []string{`\N`, `\\N`}},
		// A backslash escapes the byte after it, a tab included.
		{"a\\\tb", []string{"a\\\tb"}},
		{"a\\\\\tb", []string{`a\\`, "b"}},
		{"a\\\\\\\tb\tc", []string{"a\\\\\\\tb", "c"}},
		{"\\\t\\\t", []string{"\\\t\\\t"}},
		{"\\\\\t\\\\", []string{`\\`, `\\`}},
		// Octal and hex escapes never swallow a following tab.
		{"\\1\tb", []string{`\1`, "b"}},
		{"\\x\tb", []string{`\x`, "b"}},
		{"x\\", []string{`x\`}},
		{"a\tx\\", []string{"a", `x\`}},
		{"\u00e9\t\u65e5\u672c", []string{"\u00e9", "\u65e5\u672c"}},
	}
	var fields [][]byte
	for _, tt := range tests {
		fields = SplitFields(fields, []byte(tt.line))
		got := make([]string, len(fields))
		for i, f := range fields {
			got[i] = string(f)
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("SplitFields(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestSplitFieldsNoAliasingOnAppend(t *testing.T) {
	line := []byte("ab\tcd")
	fields := SplitFields(nil, line)
	// Appending to a field must not overwrite the next one in the line.
	_ = append(fields[0], 'X')
	if string(line) != "ab\tcd" {
		t.Fatalf("append to a field changed the line: %q", line)
	}
}

func TestIsNull(t *testing.T) {
	tests := []struct {
		raw  string
		want bool
	}{
		{`\N`, true},
		{`\\N`, false},
		{`N`, false},
		{`\n`, false},
		{`\N `, false},
		{``, false},
		{`\`, false},
	}
	for _, tt := range tests {
		if got := IsNull([]byte(tt.raw)); got != tt.want {
			t.Errorf("IsNull(%q) = %v, want %v", tt.raw, got, tt.want)
		}
	}
	if got := string(AppendNull([]byte("x"))); got != `x\N` {
		t.Errorf("AppendNull = %q", got)
	}
}

func TestIsEndOfData(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{`\.`, true},
		{`\\.`, false},
		{`.`, false},
		{`\.x`, false},
		{`x\.`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := IsEndOfData([]byte(tt.line)); got != tt.want {
			t.Errorf("IsEndOfData(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestDecodeField(t *testing.T) {
	tests := []struct {
		raw     string
		want    string
		wantErr bool
	}{
		{``, ``, false},
		{`plain text`, `plain text`, false},
		{`\b\f\n\r\t\v`, "\b\f\n\r\t\v", false},
		{`\\`, `\`, false},
		{`\\N`, `\N`, false},
		{`a\\b\\`, `a\b\`, false},
		{"\\\t", "\t", false}, // backslash + literal tab
		{"\\\n", "\n", false},
		{`\.`, `.`, false},
		{`\a\q\"\'\ `, `aq"' `, false},
		{`\N`, `N`, false}, // not NULL-aware: IsNull is the caller's test
		// Octal: up to three digits, value modulo 256.
		{`\0`, "\x00", false},
		{`\7`, "\x07", false},
		{`\101`, "A", false},
		{`\1012`, "A2", false},
		{`\18`, "\x018", false},
		{`\08`, "\x008", false},
		{`\377`, "\xff", false},
		{`\400`, "\x00", false},
		{`\777`, "\xff", false},
		{`\12a`, "\na", false},
		// Hex: one or two digits, either case; \x alone is x.
		{`\x41`, "A", false},
		{`\x4`, "\x04", false},
		{`\x4g`, "\x04g", false},
		{`\xfF`, "\xff", false},
		{`\xABC`, "\xabC", false},
		{`\x`, "x", false},
		{`\xg`, "xg", false},
		{`\X41`, "X41", false},
		{"\\x\xe9", "x\xe9", false},
		// Bytes >= 0x80 and control bytes pass through.
		{"caf\xc3\xa9 \x01\x7f", "caf\xc3\xa9 \x01\x7f", false},
		{`\\x0001ff`, `\x0001ff`, false},
		{`{"a\\"b",NULL}`, `{"a\"b",NULL}`, false},
		// The one malformed field.
		{`\`, ``, true},
		{`abc\`, `abc`, true},
		{`abc\\\`, `abc\`, true},
	}
	for _, tt := range tests {
		got, err := DecodeField([]byte("prefix:"), []byte(tt.raw))
		if (err != nil) != tt.wantErr {
			t.Errorf("DecodeField(%q) error = %v, wantErr %v", tt.raw, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && string(got) != "prefix:"+tt.want {
			t.Errorf("DecodeField(%q) = %q, want %q", tt.raw, got, "prefix:"+tt.want)
		}
	}
}

func TestEncodeField(t *testing.T) {
	tests := []struct {
		val  string
		want string
	}{
		{``, ``},
		{`plain`, `plain`},
		{`\`, `\\`},
		{`\N`, `\\N`},
		{`\.`, `\\.`},
		{"a\tb\nc\rd", `a\tb\nc\rd`},
		{"\b\f\v", `\b\f\v`},
		// Other control bytes and high bytes are written raw.
		{"\x01\x07\x0e\x1b\x1f\x7f", "\x01\x07\x0e\x1b\x1f\x7f"},
		{"\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\xff", "\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\xff"},
		{`{"a\"b",NULL}`, `{"a\\"b",NULL}`},
		{`\x00ff`, `\\x00ff`},
		// Long values exercise the word-at-a-time scan and its tail.
		{strings.Repeat("abcdefgh", 3) + "\n", strings.Repeat("abcdefgh", 3) + `\n`},
		{strings.Repeat("x", 15) + "\\" + strings.Repeat("y", 9), strings.Repeat("x", 15) + `\\` + strings.Repeat("y", 9)},
		{"\x01\x02\x03\x04\x05\x06\x07\x0eabc\t", "\x01\x02\x03\x04\x05\x06\x07\x0eabc\\t"},
		{strings.Repeat("\xff", 16) + "\r", strings.Repeat("\xff", 16) + `\r`},
	}
	for _, tt := range tests {
		got := EncodeField([]byte("p:"), []byte(tt.val))
		if string(got) != "p:"+tt.want {
			t.Errorf("EncodeField(%q) = %q, want %q", tt.val, got, "p:"+tt.want)
		}
	}
}

// Every single byte value, at every offset of a word, is escaped exactly when
// the reference escapes it: guards the word-at-a-time scan.
func TestEncodeFieldEveryByteEveryOffset(t *testing.T) {
	for c := 0; c < 256; c++ {
		for off := 0; off < 20; off++ {
			val := bytes.Repeat([]byte{'a'}, 20)
			val[off] = byte(c)
			if got, want := EncodeField(nil, val), refEncode(val); !bytes.Equal(got, want) {
				t.Fatalf("byte %#x at %d: EncodeField = %q, want %q", c, off, got, want)
			}
		}
	}
}

// randomValue draws a value biased towards the bytes the format cares about.
func randomValue(r *rand.Rand, withNUL bool) []byte {
	const specials = "\\\t\n\r\b\f\v\x01\x1fN.x0178aFg \"{},"
	n := r.IntN(40)
	if r.IntN(10) == 0 {
		n = r.IntN(300)
	}
	v := make([]byte, n)
	for i := range v {
		switch r.IntN(4) {
		case 0, 1:
			v[i] = specials[r.IntN(len(specials))]
		case 2:
			v[i] = byte(0x80 + r.IntN(0x80))
		default:
			v[i] = byte(r.IntN(256))
		}
		if v[i] == 0 && !withNUL {
			v[i] = 'z'
		}
	}
	switch r.IntN(12) {
	case 0:
		v = []byte(`\N`)
	case 1:
		v = []byte(`\.`)
	}
	return v
}

// Property: any row of values (and NULLs) encoded field by field and joined
// by tabs splits and decodes back to the same row.
func TestRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var line, dec []byte
	var fields [][]byte
	for iter := 0; iter < 20000; iter++ {
		ncols := 1 + r.IntN(6)
		row := make([][]byte, ncols) // nil = NULL
		line = line[:0]
		for i := range row {
			if i > 0 {
				line = append(line, '\t')
			}
			if r.IntN(8) == 0 {
				line = AppendNull(line)
				continue
			}
			row[i] = randomValue(r, false)
			line = EncodeField(line, row[i])
		}
		if bytes.ContainsAny(line, "\n\r") {
			t.Fatalf("encoded line contains a line break: %q", line)
		}
		fields = SplitFields(fields, line)
		if len(fields) != ncols {
			t.Fatalf("line %q: %d fields, want %d", line, len(fields), ncols)
		}
		for i, raw := range fields {
			if IsNull(raw) != (row[i] == nil) {
				t.Fatalf("field %d of %q: IsNull = %v, value %q", i, line, IsNull(raw), row[i])
			}
			if row[i] == nil {
				continue
			}
			var err error
			dec, err = DecodeField(dec[:0], raw)
			if err != nil || !bytes.Equal(dec, row[i]) {
				t.Fatalf("field %d of %q: decoded %q, %v; want %q", i, line, dec, err, row[i])
			}
		}
	}
}

// refEncode is CopyAttributeOutText written the slow, obvious way.
func refEncode(val []byte) []byte {
	var out []byte
	for _, c := range val {
		switch c {
		case '\b':
			out = append(out, '\\', 'b')
		case '\f':
			out = append(out, '\\', 'f')
		case '\n':
			out = append(out, '\\', 'n')
		case '\r':
			out = append(out, '\\', 'r')
		case '\t':
			out = append(out, '\\', 't')
		case '\v':
			out = append(out, '\\', 'v')
		case '\\':
			out = append(out, '\\', '\\')
		default:
			out = append(out, c)
		}
	}
	return out
}

// refParseLine is CopyReadAttributesText written the slow, obvious way: one
// pass over the line that splits and de-escapes at once. raw holds each
// field's undecoded bytes (for the NULL test); trailing reports a field that
// ended with a lone backslash (which PostgreSQL drops silently).
func refParseLine(line []byte) (raw, vals [][]byte, trailing []bool) {
	isOct := func(c byte) bool { return c >= '0' && c <= '7' }
	isHex := func(c byte) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	hexVal := func(c byte) int {
		switch {
		case c >= 'a':
			return int(c-'a') + 10
		case c >= 'A':
			return int(c-'A') + 10
		}
		return int(c - '0')
	}
	p := 0
	for {
		start := p
		var out []byte
		delim, trail := false, false
		for p < len(line) {
			c := line[p]
			p++
			if c == '\t' {
				delim = true
				break
			}
			if c == '\\' {
				if p >= len(line) {
					trail = true
					break
				}
				c = line[p]
				p++
				switch {
				case isOct(c):
					v := int(c - '0')
					if p < len(line) && isOct(line[p]) {
						v = v*8 + int(line[p]-'0')
						p++
						if p < len(line) && isOct(line[p]) {
							v = v*8 + int(line[p]-'0')
							p++
						}
					}
					c = byte(v & 0xff)
				case c == 'x':
					if p < len(line) && isHex(line[p]) {
						v := hexVal(line[p])
						p++
						if p < len(line) && isHex(line[p]) {
							v = v*16 + hexVal(line[p])
							p++
						}
						c = byte(v)
					}
				case c == 'b':
					c = '\b'
				case c == 'f':
					c = '\f'
				case c == 'n':
					c = '\n'
				case c == 'r':
					c = '\r'
				case c == 't':
					c = '\t'
				case c == 'v':
					c = '\v'
				}
			}
			out = append(out, c)
		}
		end := p
		if delim {
			end--
		}
		raw = append(raw, line[start:end])
		vals = append(vals, out)
		trailing = append(trailing, trail)
		if !delim {
			return raw, vals, trailing
		}
	}
}

func TestAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "\\\t\\\\x0123789aAfFgbnrtvN.\xe9\x01"
	for iter := 0; iter < 50000; iter++ {
		line := make([]byte, r.IntN(24))
		for i := range line {
			line[i] = alphabet[r.IntN(len(alphabet))]
		}
		checkAgainstReference(t, line)
	}
}

// checkAgainstReference compares SplitFields+DecodeField with refParseLine.
func checkAgainstReference(t *testing.T, line []byte) {
	t.Helper()
	raws, vals, trailing := refParseLine(line)
	fields := SplitFields(nil, line)
	if len(fields) != len(raws) {
		t.Fatalf("SplitFields(%q): %d fields, reference %d", line, len(fields), len(raws))
	}
	for i, f := range fields {
		if !bytes.Equal(f, raws[i]) {
			t.Fatalf("SplitFields(%q)[%d] = %q, reference %q", line, i, f, raws[i])
		}
		got, err := DecodeField(nil, f)
		if trailing[i] != (err != nil) {
			t.Fatalf("DecodeField(%q) error %v, reference trailing backslash %v", f, err, trailing[i])
		}
		if !bytes.Equal(got, vals[i]) {
			t.Fatalf("DecodeField(%q) = %q, reference %q", f, got, vals[i])
		}
	}
}

func TestNoAllocations(t *testing.T) {
	line := []byte("42\tJane \\\"Doe\\\"\tjane@example.com\t\\N\tline\\none\\ttab\t\\\\x00ff")
	fields := make([][]byte, 0, 16)
	dst := make([]byte, 0, 256)
	enc := make([]byte, 0, 256)
	allocs := testing.AllocsPerRun(100, func() {
		fields = SplitFields(fields, line)
		for _, f := range fields {
			if IsNull(f) {
				continue
			}
			dst, _ = DecodeField(dst[:0], f)
			enc = EncodeField(enc[:0], dst)
		}
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per line, want 0", allocs)
	}
}

var benchSink []byte

func benchLine(escaped bool) []byte {
	cols := []string{"123456", "Jane Doe", "jane.doe@example.com", "+33 6 12 34 56 78",
		"FR7630006000011234567890189", "2024-01-31 12:34:56+00", `\N`,
		"12 rue de la Paix, 75002 Paris", `{"plan": "pro", "seats": 12}`}
	if escaped {
		cols = append(cols, `first line\nsecond line\twith tab and \\ backslash`, `\\x00ff10ab`)
	}
	return []byte(strings.Join(cols, "\t"))
}

func BenchmarkSplitFields(b *testing.B) {
	line := benchLine(true)
	var fields [][]byte
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		fields = SplitFields(fields, line)
	}
}

func benchmarkDecodeLine(b *testing.B, escaped bool) {
	line := benchLine(escaped)
	fields := SplitFields(nil, line)
	dst := make([]byte, 0, 1024)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		dst = dst[:0]
		for _, f := range fields {
			dst, _ = DecodeField(dst, f)
		}
	}
	benchSink = dst
}

func BenchmarkDecodeFieldPlain(b *testing.B)   { benchmarkDecodeLine(b, false) }
func BenchmarkDecodeFieldEscaped(b *testing.B) { benchmarkDecodeLine(b, true) }

func benchmarkEncodeLine(b *testing.B, escaped bool) {
	var vals [][]byte
	for _, f := range SplitFields(nil, benchLine(escaped)) {
		v, _ := DecodeField(nil, f)
		vals = append(vals, v)
	}
	dst := make([]byte, 0, 1024)
	n := 0
	for _, v := range vals {
		n += len(v)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		dst = dst[:0]
		for _, v := range vals {
			dst = EncodeField(dst, v)
		}
	}
	benchSink = dst
}

func BenchmarkEncodeFieldPlain(b *testing.B)   { benchmarkEncodeLine(b, false) }
func BenchmarkEncodeFieldEscaped(b *testing.B) { benchmarkEncodeLine(b, true) }

func BenchmarkEncodeFieldLong(b *testing.B) {
	val := bytes.Repeat([]byte("Lorem ipsum dolor sit amet, consectetur adipiscing elit. "), 64)
	dst := make([]byte, 0, 2*len(val))
	b.SetBytes(int64(len(val)))
	for b.Loop() {
		dst = EncodeField(dst[:0], val)
	}
	benchSink = dst
}
