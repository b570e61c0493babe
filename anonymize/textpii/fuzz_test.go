package textpii

import "testing"

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Sono nata a Cagliari il 10/07/1992, residente in Via Roma 15, 09124 Cagliari.",
		"Scrivetemi a gaia.marras AT gmail DOT com; login da 93.44.120.7",
		"IBAN it60x0542811101000000123456, CVV 123.",
		"codice fiscale MRRGAI92L50B354X",
		"2001:db8::1 ::1 fe80::",
		"NI AB 12 34 56 C, SSN 123-45-6789, DNI 12345678Z",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		hits := Find(src, AllOptions, nil)
		checkHits(t, src, hits)
		for _, h := range hits {
			if h.Start > 0 && isAlnumASCII(src[h.Start-1]) && isAlnumASCII(src[h.Start]) {
				t.Fatalf("hit %+v starts inside a run in %q", h, src)
			}
			if h.End < len(src) && isAlnumASCII(src[h.End]) && isAlnumASCII(src[h.End-1]) {
				t.Fatalf("hit %+v ends inside a run in %q", h, src)
			}
		}
	})
}
