package anonymize

import "testing"

// benchFake applies mask name to one realistic value per iteration, reusing
// the output buffer as the dump streamer and the proxy do.
func benchFake(b *testing.B, name string, p MapParams, c Column, in string) {
	k := fakeTestKey(b, "0123456789abcdef-bench")
	bd := mustBindFake(b, k, name, p, c)
	src := []byte(in)
	var out []byte
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		var err error
		out, _, err = bd.Apply(out[:0], src, false)
		if err != nil {
			b.Fatal(err)
		}
	}
}

var itLocale = MapParams{"locale": "it"}

func BenchmarkMaskFirstName(b *testing.B) { benchFake(b, "first_name", itLocale, fakeTextCol, "Mario") }
func BenchmarkMaskLastName(b *testing.B)  { benchFake(b, "last_name", itLocale, fakeTextCol, "Rossi") }
func BenchmarkMaskFullName(b *testing.B)  { benchFake(b, "full_name", nil, fakeTextCol, "Mario Rossi") }
func BenchmarkMaskAddress(b *testing.B) {
	benchFake(b, "address", MapParams{"locale": "de"}, fakeTextCol, "Hauptstraße 12, 10115 Berlin")
}
func BenchmarkMaskStreet(b *testing.B) {
	benchFake(b, "street", MapParams{"locale": "fr"}, fakeTextCol, "12 rue de la Paix")
}
func BenchmarkMaskCity(b *testing.B)     { benchFake(b, "city", itLocale, fakeTextCol, "Milano") }
func BenchmarkMaskPostcode(b *testing.B) { benchFake(b, "postcode", itLocale, fakeTextCol, "20121") }
func BenchmarkMaskCompany(b *testing.B) {
	benchFake(b, "company", nil, Column{Type: "varchar", MaxLen: 40}, "Acme Widgets LLC")
}

func BenchmarkMaskDateTruncate(b *testing.B) {
	benchFake(b, "date", MapParams{"truncate": "month"}, Column{Type: "date"}, "1984-07-23")
}
func BenchmarkMaskDateShift(b *testing.B) {
	benchFake(b, "date", MapParams{"shift_days": 30}, Column{Type: "timestamptz"}, "2024-03-15 10:11:12.123456+01")
}
func BenchmarkMaskNumberBucketInt(b *testing.B) {
	benchFake(b, "number", MapParams{"bucket": 1000}, Column{Type: "int4"}, "48250")
}
func BenchmarkMaskNumberBucketNumeric(b *testing.B) {
	benchFake(b, "number", MapParams{"bucket": 100}, Column{Type: "numeric"}, "48250.75")
}
func BenchmarkMaskNumberNoiseNumeric(b *testing.B) {
	benchFake(b, "number", MapParams{"noise": 0.1}, Column{Type: "numeric"}, "48250.75")
}
func BenchmarkMaskNumberNoiseFloat(b *testing.B) {
	benchFake(b, "number", MapParams{"noise": 0.1}, Column{Type: "float8"}, "1234.5678")
}
