package anonymize

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// BenchmarkScrubSampleTexts scrubs every ticket body and contact note of
// the bundled sample (testdata/sample.sql) with the known names of its
// customers, and reports the cost per 200 bytes of text: the average
// ticket, where BenchmarkScrubNames200 is a dense one.
func BenchmarkScrubSampleTexts(b *testing.B) {
	texts, firsts, lasts := sampleTexts(b)
	m := namesScrub(b, knownIndex(b, firsts, lasts), nil)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	var dst []byte
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			var err error
			if dst, _, err = m.Apply(dst[:0], t, false); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(total)*200, "ns/200B")
}

// sampleTexts reads the free text and the customers' names of the sample
// dump: tickets.subject/body, contacts.note, customers.first_name/last_name.
func sampleTexts(b *testing.B) (texts [][]byte, firsts, lasts []string) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "sample.sql"))
	if err != nil {
		b.Fatal(err)
	}
	var cols []string
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "COPY "):
			cols = strings.Split(line[strings.Index(line, "(")+1:strings.Index(line, ")")], ", ")
			cols = append(cols, strings.Fields(line)[1])
		case line == `\.`:
			cols = nil
		case cols != nil:
			table := cols[len(cols)-1]
			for i, f := range strings.Split(line, "\t") {
				if i >= len(cols)-1 || f == `\N` {
					continue
				}
				v := copyUnescape(f)
				switch table + "." + cols[i] {
				case "public.tickets.subject", "public.tickets.body", "public.contacts.note":
					texts = append(texts, []byte(v))
				case "public.customers.first_name":
					firsts = append(firsts, v)
				case "public.customers.last_name":
					lasts = append(lasts, v)
				}
			}
		}
	}
	if len(texts) < 50 || len(firsts) < 20 {
		b.Fatalf("sample has %d texts and %d customers: too few", len(texts), len(firsts))
	}
	return texts, firsts, lasts
}

func copyUnescape(f string) string {
	var sb strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] == '\\' && i+1 < len(f) {
			i++
			switch f[i] {
			case 'n':
				sb.WriteByte('\n')
			case 't':
				sb.WriteByte('\t')
			case 'r':
				sb.WriteByte('\r')
			default:
				sb.WriteByte(f[i])
			}
			continue
		}
		sb.WriteByte(f[i])
	}
	return sb.String()
}
