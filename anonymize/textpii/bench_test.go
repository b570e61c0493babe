package textpii

import "testing"

// benchTicket is a 200-byte multilingual ticket.
const benchTicket = "Buongiorno, nata a Cagliari il 10/07/1992, Via Roma 15, 09124 Cagliari. " +
	"Je suis né le 3 mars 1985. Login von 93.44.120.7, IBAN it60x0542811101000000123456, " +
	"CVV 123. Thanks, gaia.marras AT gmail DOT com"

func BenchmarkFind(b *testing.B) {
	src := []byte(benchTicket)
	hits := make([]Hit, 0, 32)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		hits = Find(src, AllOptions, hits[:0])
	}
	if len(hits) == 0 {
		b.Fatal("no hits")
	}
}

// BenchmarkFindPlain is prose without personal data.
func BenchmarkFindPlain(b *testing.B) {
	src := []byte("Buongiorno, vi scrivo perché l'ordine ORD-123456 del 12/03/2024 non è arrivato; " +
		"ho pagato 1.250,00 EUR alle 10:30 con la versione 1.2.3.4 dell'app. Merci, bis bald, thanks a lot!")
	hits := make([]Hit, 0, 32)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		hits = Find(src, AllOptions, hits[:0])
	}
	if len(hits) != 0 {
		b.Fatalf("hits in plain text: %+v", hits)
	}
}
