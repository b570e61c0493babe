package anonymize

import "testing"

var itLocale = MapParams{"locale": "it"}

func BenchmarkMaskFirstName(b *testing.B) { benchMask(b, "first_name", itLocale, textCol, "Mario") }
func BenchmarkMaskLastName(b *testing.B)  { benchMask(b, "last_name", itLocale, textCol, "Rossi") }
func BenchmarkMaskFullName(b *testing.B)  { benchMask(b, "full_name", nil, textCol, "Mario Rossi") }
func BenchmarkMaskAddress(b *testing.B) {
	benchMask(b, "address", MapParams{"locale": "de"}, textCol, "Hauptstraße 12, 10115 Berlin")
}
func BenchmarkMaskStreet(b *testing.B) {
	benchMask(b, "street", MapParams{"locale": "fr"}, textCol, "12 rue de la Paix")
}
func BenchmarkMaskCity(b *testing.B)     { benchMask(b, "city", itLocale, textCol, "Milano") }
func BenchmarkMaskPostcode(b *testing.B) { benchMask(b, "postcode", itLocale, textCol, "20121") }
func BenchmarkMaskCompany(b *testing.B) {
	benchMask(b, "company", nil, Column{Type: "varchar", MaxLen: 40}, "Acme Widgets LLC")
}

func BenchmarkMaskDateTruncate(b *testing.B) {
	benchMask(b, "date", MapParams{"truncate": "month"}, Column{Type: "date"}, "1984-07-23")
}
func BenchmarkMaskDateShift(b *testing.B) {
	benchMask(b, "date", MapParams{"shift_days": 30}, Column{Type: "timestamptz"}, "2024-03-15 10:11:12.123456+01")
}
func BenchmarkMaskNumberBucketInt(b *testing.B) {
	benchMask(b, "number", MapParams{"bucket": 1000}, Column{Type: "int4"}, "48250")
}
func BenchmarkMaskNumberBucketNumeric(b *testing.B) {
	benchMask(b, "number", MapParams{"bucket": 100}, Column{Type: "numeric"}, "48250.75")
}
func BenchmarkMaskNumberNoiseNumeric(b *testing.B) {
	benchMask(b, "number", MapParams{"noise": 0.1}, Column{Type: "numeric"}, "48250.75")
}
func BenchmarkMaskNumberNoiseFloat(b *testing.B) {
	benchMask(b, "number", MapParams{"noise": 0.1}, Column{Type: "float8"}, "1234.5678")
}
