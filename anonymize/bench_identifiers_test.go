package anonymize

import "testing"

func benchMask(b *testing.B, name string, p MapParams, c Column, in string) {
	key := testKey(b, "0123456789abcdef-bench")
	bd := bindMask(b, key, name, p, c)
	src := []byte(in)
	var out []byte
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		out, _, err = bd.Apply(out[:0], src, false)
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMaskKeep(b *testing.B) { benchMask(b, "keep", nil, textCol, "mario.rossi@example.it") }
func BenchmarkMaskNull(b *testing.B) { benchMask(b, "null", nil, textCol, "mario.rossi@example.it") }
func BenchmarkMaskRedact(b *testing.B) {
	benchMask(b, "redact", nil, textCol, "mario.rossi@example.it")
}
func BenchmarkMaskHash(b *testing.B) { benchMask(b, "hash", nil, textCol, "mario.rossi@example.it") }
func BenchmarkMaskEmail(b *testing.B) {
	benchMask(b, "email", nil, Column{Type: "varchar", MaxLen: 120}, "mario.rossi@example.it")
}
func BenchmarkMaskIBAN(b *testing.B) {
	benchMask(b, "iban", nil, Column{Type: "varchar", MaxLen: 34}, "IT60X0542811101000000123456")
}
func BenchmarkMaskIBANPartial(b *testing.B) {
	benchMask(b, "iban", MapParams{"mode": "partial"}, textCol, "IT60X0542811101000000123456")
}
func BenchmarkMaskCard(b *testing.B) {
	benchMask(b, "card", MapParams{"keep_last": 4}, textCol, "4111111111111111")
}
func BenchmarkMaskPhone(b *testing.B)  { benchMask(b, "phone", nil, textCol, "+39 347 123 4567") }
func BenchmarkMaskDigits(b *testing.B) { benchMask(b, "digits", nil, textCol, "CU-00012345") }
func BenchmarkMaskDigitsInt(b *testing.B) {
	benchMask(b, "digits", nil, Column{Type: "int8"}, "1234567890")
}
func BenchmarkMaskUUID(b *testing.B) {
	benchMask(b, "uuid", nil, Column{Type: "uuid"}, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
}
