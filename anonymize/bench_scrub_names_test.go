package anonymize

import (
	"fmt"
	"runtime"
	"testing"
)

// A 200-byte ticket with a customer's name in a greeting, a relative's
// name, an honorific, a codice fiscale and an IBAN in lower case.
const scrubNamesBenchText = "Buongiorno, sono Gaia Marras (CF MRRGAI92L50B354X). Mio marito Paolo Sanna " +
	"ha chiamato ieri per il conto it60x0542811101000000123456, ancora nessuna risposta da voi. Cordiali saluti, sig.ra Marras"

// BenchmarkScrubNames200 is scrub with every detector on, over a 200-byte
// ticket, with a known-name index of 20,000 names.
func BenchmarkScrubNames200(b *testing.B) {
	firsts, lasts := []string{"Gaia"}, []string{"Marras"}
	for i := 0; i < 10000; i++ {
		firsts = append(firsts, fmt.Sprintf("Nome%d", i))
		lasts = append(lasts, fmt.Sprintf("Cognome%d", i))
	}
	m := namesScrub(b, knownIndex(b, firsts, lasts), nil)
	src := []byte(scrubNamesBenchText)
	if len(src) < 195 || len(src) > 205 {
		b.Fatalf("bench text is %d bytes, want about 200", len(src))
	}
	var dst []byte
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var err error
		dst, _, err = m.Apply(dst[:0], src, false)
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScrubProse200 is the same over 200 bytes without personal data.
func BenchmarkScrubProse200(b *testing.B) {
	m := namesScrub(b, knownIndex(b, []string{"Gaia"}, []string{"Marras"}), nil)
	src := []byte("Il bonifico del 15/03/2024 di 1.250,00 EUR risulta ancora in lavorazione: la pratica ORD-123456 " +
		"è stata inoltrata all'ufficio competente, che risponderà entro cinque giorni lavorativi. Grazie.")
	var dst []byte
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		dst, _, _ = m.Apply(dst[:0], src, false)
	}
}

// BenchmarkKnownNamesIndex builds an index of 10^6 distinct names and
// reports its heap per indexed value, measured and as estimated by the
// index itself (the figure its budget counts).
func BenchmarkKnownNamesIndex(b *testing.B) {
	const n = 1_000_000
	m, err := New("last_name", Env{Key: scrubKey(b), Domain: "last_name"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		bl := NewKnownNamesBuilder(0)
		id, _ := bl.Column("t.c", m)
		var buf []byte
		for i := 0; i < n; i++ {
			buf = fmt.Appendf(buf[:0], "Surname%07d", i)
			if err := bl.Add(id, buf); err != nil {
				b.Fatal(err)
			}
		}
		k, _ := bl.Build()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "heap-B/value")
		b.ReportMetric(float64(k.MemoryBytes())/n, "est-B/value")
		runtime.KeepAlive(k)
	}
}
