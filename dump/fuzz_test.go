package dump

import (
	"bytes"
	"testing"
)

// FuzzCopyRoundTrip checks the COPY text codec on arbitrary bytes, read both
// as a value and as a raw data line:
//   - decode(encode(x)) == x, and the encoding is one field on one line;
//   - SplitFields+DecodeField agree with the byte-at-a-time reference parser
//     (and so never panic), and the fields partition the line;
//   - for every decodable raw field, encode(decode(raw)) decodes to the same
//     value (our canonical form is stable).
func FuzzCopyRoundTrip(f *testing.F) {
	for _, seed := range []string{
		"", "plain", `\N`, `\\N`, `\.`, "a\tb\nc\rd\\e", `\101\x41\x\777`, "\xff\xfe\x00\x01",
		"caf\u00e9 \u65e5\u672c \U0001F600", `{"a\\"b",NULL}`, "x\\", "\\\t\\\\\t",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		enc := EncodeField(nil, data)
		if bytes.ContainsAny(enc, "\t\n\r") {
			t.Fatalf("EncodeField(%q) = %q contains a delimiter or line break", data, enc)
		}
		if want := refEncode(data); !bytes.Equal(enc, want) {
			t.Fatalf("EncodeField(%q) = %q, reference %q", data, enc, want)
		}
		if IsNull(enc) {
			t.Fatalf("EncodeField(%q) = %q reads as NULL", data, enc)
		}
		if fields := SplitFields(nil, enc); len(fields) != 1 || !bytes.Equal(fields[0], enc) {
			t.Fatalf("SplitFields(%q) = %q, want the single field", enc, fields)
		}
		dec, err := DecodeField(nil, enc)
		if err != nil || !bytes.Equal(dec, data) {
			t.Fatalf("DecodeField(EncodeField(%q)) = %q, %v", data, dec, err)
		}

		checkAgainstReference(t, data)
		fields := SplitFields(nil, data)
		if joined := bytes.Join(fields, []byte{'\t'}); !bytes.Equal(joined, data) {
			t.Fatalf("fields of %q join to %q", data, joined)
		}
		for _, raw := range fields {
			val, err := DecodeField(nil, raw)
			if err != nil {
				if !bytes.HasSuffix(raw, []byte{'\\'}) {
					t.Fatalf("DecodeField(%q): unexpected error %v", raw, err)
				}
				continue
			}
			again, err := DecodeField(nil, EncodeField(nil, val))
			if err != nil || !bytes.Equal(again, val) {
				t.Fatalf("raw %q: decode(encode(%q)) = %q, %v", raw, val, again, err)
			}
		}
	})
}
