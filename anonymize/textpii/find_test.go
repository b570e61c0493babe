package textpii

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// label names a hit in the tables: the kind, or the identifier type for
// national identifiers.
func label(src string, h Hit) string {
	k := h.Kind.String()
	if h.Kind == KindNationalID {
		k = h.ID.String()
	}
	return k + ":" + src[h.Start:h.End]
}

func found(src string, o Options) []string {
	var out []string
	for _, h := range Find([]byte(src), o, nil) {
		out = append(out, label(src, h))
	}
	return out
}

type findCase struct {
	src  string
	want []string // every hit, in order; nil: none
}

func runCases(t *testing.T, cases []findCase) {
	t.Helper()
	for _, c := range cases {
		got := found(c.src, AllOptions)
		if !slices.Equal(got, c.want) {
			t.Errorf("Find(%q)\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

func TestTickets(t *testing.T) {
	runCases(t, []findCase{
		{"Reclamo di Gaia Marras", nil},
		{"Buongiorno, sono Gaia Marras, codice fiscale MRRGAI92L50B354X. Mio marito Paolo Sanna ha chiamato ieri.",
			[]string{"it_codice_fiscale:MRRGAI92L50B354X"}},
		{"Sono nata a Cagliari il 10/07/1992, residente in Via Roma 15, 09124 Cagliari. Carta d'identità CA12345AB, passaporto YA1234567.",
			[]string{"city:Cagliari", "birthdate:10/07/1992", "street:Via Roma 15", "postcode:09124", "city:Cagliari",
				"document:CA12345AB", "document:YA1234567"}},
		{"Scrivetemi a gaia.marras AT gmail DOT com; ho fatto login da 93.44.120.7 stamattina.",
			[]string{"email:gaia.marras AT gmail DOT com", "ip:93.44.120.7"}},
		{"IBAN it60x0542811101000000123456, CVV 123. Cordiali saluti, sig.ra Marras",
			[]string{"iban:it60x0542811101000000123456", "cvv:123"}},
	})
	// The ticket's codice fiscale has a wrong check letter (J is right):
	// without its keyword it is not taken.
	if ValidNationalID(ITCodiceFiscale, []byte("MRRGAI92L50B354X")) {
		t.Error("MRRGAI92L50B354X has a valid check letter?")
	}
	if !ValidNationalID(ITCodiceFiscale, []byte("MRRGAI92L50B354J")) {
		t.Error("MRRGAI92L50B354J should be valid")
	}
	runCases(t, []findCase{{"ref MRRGAI92L50B354X", nil}, {"ref MRRGAI92L50B354J", []string{"it_codice_fiscale:MRRGAI92L50B354J"}}})
}

func TestNationalIDs(t *testing.T) {
	runCases(t, []findCase{
		// positives
		{"codice fiscale RSSMRA85T10A562S", []string{"it_codice_fiscale:RSSMRA85T10A562S"}},
		{"il mio cf è bnclra70a41h501b, grazie", []string{"it_codice_fiscale:bnclra70a41h501b"}},
		{"Omocodia: RSSMRA85T10A5NSG.", []string{"it_codice_fiscale:RSSMRA85T10A5NSG"}},
		{"C.F. VRDGPP80E15F205T", []string{"it_codice_fiscale:VRDGPP80E15F205T"}},
		{"N° de sécu 2 92 07 75 123 456 03 merci", []string{"fr_nir:2 92 07 75 123 456 03"}},
		{"NIR 185052A12345633", []string{"fr_nir:185052A12345633"}},
		{"numéro 184037645108996.", []string{"fr_nir:184037645108996"}},
		{"Steuer-ID: 86095742719", []string{"de_steuer_id:86095742719"}},
		{"Steuer-IdNr. 12 532 870 461 bitte", []string{"de_steuer_id:12 532 870 461"}},
		{"IdNr 93141705862", []string{"de_steuer_id:93141705862"}},
		{"DNI 12345678Z", []string{"es_dni:12345678Z"}},
		{"dni: 87654321-X y", []string{"es_dni:87654321-X"}},
		{"DNI 45673254 S", []string{"es_dni:45673254 S"}},
		{"NIE X1234567L", []string{"es_nie:X1234567L"}},
		{"NIE Y-7654321-G.", []string{"es_nie:Y-7654321-G"}},
		{"NI number AB 12 34 56 C", []string{"uk_nino:AB 12 34 56 C"}},
		{"nino: ab123456c", []string{"uk_nino:ab123456c"}},
		{"SSN 123-45-6789", []string{"us_ssn:123-45-6789"}},
		{"my social security number is 078051120", []string{"us_ssn:078051120"}},
		{"SSN: 219 09 9999", []string{"us_ssn:219 09 9999"}},
		{"call 219-09-9999 now", []string{"us_ssn:219-09-9999"}},
		// negatives
		{"fattura 66001665941 del mese", nil},
		{"Kundennummer 34683673221", nil},
		{"INTERNATIONALIZE the app", nil},
		{"ABCDEFGHIJKLMNOP", nil},
		{"ref RSSMRA85T10A562X", nil},
		{"codice 12345678A", nil},
		{"QQ 12 34 56 C is the HMRC example", nil},
		{"SSN 000-12-3456", nil},
		{"id 666-12-3456", nil},
		{"ordine 123456789", nil},
		{"NIR 2 92 07 75 123 456 78", nil},
		{"importo 1.250,00 EUR", nil},
		{"ORD-123456 alle 10:30", nil},
		{"v1.2.3.4", nil},
		{"tel 3471234567", nil},
		{"1234-56-7890", nil},
	})
}

func TestDocuments(t *testing.T) {
	runCases(t, []findCase{
		{"Carta d'identità CA12345AB", []string{"document:CA12345AB"}},
		{"carta d’identità n. AY1234567.", []string{"document:AY1234567"}},
		{"Carta di identità numero: AX1234567", []string{"document:AX1234567"}},
		{"C.I. AU1234567", []string{"document:AU1234567"}},
		{"passaporto YA1234567", []string{"document:YA1234567"}},
		{"la mia patente è MI1234567X", []string{"document:MI1234567X"}},
		{"carte d'identité : 123456789012", []string{"document:123456789012"}},
		{"passeport n° 12AB34567", []string{"document:12AB34567"}},
		{"permis de conduire numéro 12AA34567", []string{"document:12AA34567"}},
		{"Personalausweis Nummer L01X00T47", []string{"document:L01X00T47"}},
		{"Reisepass: C01X00T47", []string{"document:C01X00T47"}},
		{"Pass-Nr. C4J5K6L7M", []string{"document:C4J5K6L7M"}},
		{"Führerschein B072RRE2I55", []string{"document:B072RRE2I55"}},
		{"passport no. 123456789", []string{"document:123456789"}},
		{"driver's license: D1234567", []string{"document:D1234567"}},
		{"ID card number AB1234567", []string{"document:AB1234567"}},
		{"Anbei die Kopie meines Personalausweises Nr. M1WT7112K.", []string{"document:M1WT7112K"}},
		{"Anbei mein Personalausweis YMTRKVKN5, gültig bis", []string{"document:YMTRKVKN5"}},
		{"Personalausweis LYXJXNHFT.", []string{"document:LYXJXNHFT"}},
		{"Kopie des Reisepasses C01X00T47", []string{"document:C01X00T47"}},
		{"ma carte d'identité n° JC4AUCSFL, valable", []string{"document:JC4AUCSFL"}},
		{"usare il passaporto LE1795386.", []string{"document:LE1795386"}},
		{"il passaporto DI0030035", []string{"document:DI0030035"}},
		{"passaporto NR7236609", []string{"document:NR7236609"}},
		// negatives
		{"passaporto scaduto", nil},
		{"carta d'identità rinnovata", nil},
		{"patente B", nil},
		{"patente 1234", nil},
		{"passport expired", nil},
		{"CA12345AB senza parola chiave", nil},
		{"passaporto del 12/03/2020", nil},
		{"Ausweis abgelaufen", nil},
		{"passport number is abcdef12", nil},
		{"ID card ABCDEFGH", nil},
		{"passaporto ORD-123456", nil},
		{"ordine ORD123456", nil},
		{"PASSPORT NUMBER MISSINGS", nil},
		{"Personalausweis GESTOHLEN", nil},
		{"Personalausweis VERLOREN", nil},
		{"carte d'identité PERDUE", nil},
		{"passport number STOLEN", nil},
	})
}

func TestCVV(t *testing.T) {
	runCases(t, []findCase{
		{"CVV 123", []string{"cvv:123"}},
		{"CVV: 1234.", []string{"cvv:1234"}},
		{"cvc2 987", []string{"cvv:987"}},
		{"CVC=456", []string{"cvv:456"}},
		{"CID 1234", []string{"cvv:1234"}},
		{"codice di sicurezza 321", []string{"cvv:321"}},
		{"code de sécurité : 999", []string{"cvv:999"}},
		{"cryptogramme 123", []string{"cvv:123"}},
		{"Prüfnummer 321", []string{"cvv:321"}},
		{"the security code is 456", []string{"cvv:456"}},
		{"CVV2: 042", []string{"cvv:042"}},
		// negatives
		{"CVV", nil},
		{"CVV 12", nil},
		{"CVV 12345", nil},
		{"CVV del 2023", nil},
		{"il CVV non lo ricordo", nil},
		{"codice 123", nil},
		{"CVV 12:30", nil},
		{"CVV 1.250,00", nil},
		{"123 CVV", nil},
		{"security code sent", nil},
		{"CVVs 123", nil},
	})
}

func TestBirthDates(t *testing.T) {
	runCases(t, []findCase{
		{"nata a Cagliari il 10/07/1992", []string{"city:Cagliari", "birthdate:10/07/1992"}},
		{"nato il 1.2.1980", []string{"birthdate:1.2.1980"}},
		{"data di nascita: 1992-07-10", []string{"birthdate:1992-07-10"}},
		{"nata il 10 luglio 1992", []string{"birthdate:10 luglio 1992"}},
		{"né le 10 juillet 1992", []string{"birthdate:10 juillet 1992"}},
		{"née à Lyon le 3 mars 1985", []string{"city:Lyon", "birthdate:3 mars 1985"}},
		{"date de naissance 1er janvier 1990", []string{"birthdate:1er janvier 1990"}},
		{"geboren am 10. Juli 1992", []string{"birthdate:10. Juli 1992"}},
		{"Geburtsdatum 10.07.1992", []string{"birthdate:10.07.1992"}},
		{"geboren in Berlin am 10.07.1992", []string{"city:Berlin", "birthdate:10.07.1992"}},
		{"born on July 10, 1992", []string{"birthdate:July 10, 1992"}},
		{"date of birth 10 July 1992", []string{"birthdate:10 July 1992"}},
		{"DOB: 07/10/92", []string{"birthdate:07/10/92"}},
		{"born 10th July 1992 in London.", []string{"birthdate:10th July 1992", "city:London"}},
		{"nato a Reggio nell'Emilia (RE) il 29/02/1992", []string{"city:Reggio nell'Emilia", "birthdate:29/02/1992"}},
		{"Ich bin am 14. Oktober 1981 in Leipzig geboren, meine", []string{"birthdate:14. Oktober 1981", "city:Leipzig"}},
		{"Ich bin am 20.02.1944 in Freiburg im Breisgau geboren.", []string{"birthdate:20.02.1944", "city:Freiburg im Breisgau"}},
		{"bin am 26. November 1949 geboren", []string{"birthdate:26. November 1949"}},
		{"am 01.02.1990 geb. in Kiel", []string{"birthdate:01.02.1990"}},
		{"I was born on 5 November 1953 in Cardiff", []string{"birthdate:5 November 1953", "city:Cardiff"}},
		{"Date of birth: 18 November 1985.", []string{"birthdate:18 November 1985"}},
		// negatives
		{"il 10/07/1992 ho chiamato", nil},
		{"nato il 32/13/1992", nil},
		{"nata il 30/02/1992", nil},
		{"data di nascita sconosciuta", nil},
		{"né le", nil},
		{"born in 1992", nil},
		{"geboren am Montag", nil},
		{"DOB unknown", nil},
		{"nato il giorno 10", nil},
		{"è nato un problema il 10/07/2023", nil},
		{"ordine del 10.07.1992 alle 10:30", nil},
		{"am 14.10.2024 in Berlin angekommen", nil},
		{"Am 12.03.2024 habe ich bestellt", nil},
		{"am 14.10.2024 in Berlin", nil},
		{"am Montag in Berlin geboren", nil},
		{"on 5 November 2023 I called", nil},
		{"nata il 29/02/1991", nil},
	})
}

func TestStreets(t *testing.T) {
	runCases(t, []findCase{
		{"abito in Via Roma 15", []string{"street:Via Roma 15"}},
		{"Viale Marco Polo 7", []string{"street:Viale Marco Polo 7"}},
		{"Piazza della Libertà 3", []string{"street:Piazza della Libertà 3"}},
		{"Corso Vittorio Emanuele II 120/A", []string{"street:Corso Vittorio Emanuele II 120/A"}},
		{"Via Roma, 15", []string{"street:Via Roma, 15"}},
		{"12 rue de la Paix", []string{"street:12 rue de la Paix"}},
		{"12 bis avenue Victor Hugo", []string{"street:12 bis avenue Victor Hugo"}},
		{"Hauptstraße 5", []string{"street:Hauptstraße 5"}},
		{"Bahnhofstr. 12a", []string{"street:Bahnhofstr. 12a"}},
		{"Musterweg 12a", []string{"street:Musterweg 12a"}},
		{"Am Markt 3, Köln", []string{"street:Am Markt 3"}},
		{"Berliner Straße 5", []string{"street:Berliner Straße 5"}},
		{"221B Baker Street", []string{"street:221B Baker Street"}},
		{"12 High St", []string{"street:12 High St"}},
		{"Konrad-Adenauer-Straße 1", []string{"street:Konrad-Adenauer-Straße 1"}},
		{"Flat 7, 82 Chapel Lane", []string{"street:Flat 7, 82 Chapel Lane"}},
		{"Apt. 3B, 10 High Street.", []string{"street:Apt. 3B, 10 High Street"}},
		{"31 Queen's Avenue", []string{"street:31 Queen's Avenue"}},
		{"82 King’s Close", []string{"street:82 King’s Close"}},
		// negatives
		{"Via Roma", nil},
		{"Via Roma è chiusa", nil},
		{"inviato via Email 2 volte", nil},
		{"ho pagato 15 euro", nil},
		{"3 place libre", nil},
		{"12 rue", nil},
		{"Am Montag 3 Tickets", nil},
		{"2 Close friends", nil},
		{"10 Downing", nil},
		{"Via Roma 15:30", nil},
		{"Piazza 12", nil},
		{"Flat 7, nothing else", nil},
		{"Unit 3, 5 items", nil},
		{"Flat 7 is fine", nil},
		{"the Queen's Avenue", nil},
		{"3 Queen's guards", nil},
	})
}

func TestPostcodesAndCities(t *testing.T) {
	runCases(t, []findCase{
		{"09124 Cagliari.", []string{"postcode:09124", "city:Cagliari"}},
		{"75008 Paris", []string{"postcode:75008", "city:Paris"}},
		{"Adresse: 10115 Berlin\n", []string{"postcode:10115", "city:Berlin"}},
		{"20121 Milano (MI)", []string{"postcode:20121", "city:Milano"}},
		{"Via Roma 15, 09124 Cagliari e poi", []string{"street:Via Roma 15", "postcode:09124", "city:Cagliari"}},
		{"221B Baker Street, London NW1 6XE", []string{"street:221B Baker Street", "city:London", "postcode:NW1 6XE"}},
		{"London SW1A 1AA", []string{"city:London", "postcode:SW1A 1AA"}},
		{"Springfield, IL 62704", []string{"city:Springfield", "postcode:62704"}},
		{"Beverly Hills, CA 90210-1234", []string{"city:Beverly Hills", "postcode:90210-1234"}},
		{"wohnhaft in 80331 München", []string{"postcode:80331", "city:München"}},
		{"residente a Cagliari", []string{"city:Cagliari"}},
		{"wohnhaft in Frankfurt am Main.", []string{"city:Frankfurt am Main"}},
		{"lives in London.", []string{"city:London"}},
		{"habite à Aix-en-Provence", []string{"city:Aix-en-Provence"}},
		{"nata a Cagliari", []string{"city:Cagliari"}},
		{"Storchenstraße 179, 8010 Zürich", []string{"street:Storchenstraße 179", "postcode:8010", "city:Zürich"}},
		{"Via Santa Chiara 91, 1203 Genève.", []string{"street:Via Santa Chiara 91", "postcode:1203", "city:Genève"}},
		{"149 rue de la Roquette, 9000 Gent.", []string{"street:149 rue de la Roquette", "postcode:9000", "city:Gent"}},
		{"177 Manor Close, 1015 MY Amsterdam\n", []string{"street:177 Manor Close", "postcode:1015 MY", "city:Amsterdam"}},
		{"159 Park Close, 2519 UQ Den Haag.", []string{"street:159 Park Close", "postcode:2519 UQ", "city:Den Haag"}},
		{"74 Grange Street, 4000-339 Porto.", []string{"street:74 Grange Street", "postcode:4000-339", "city:Porto"}},
		{"82 place Colbert, L-4797 Esch-sur-Alzette. J'ai", []string{"street:82 place Colbert", "postcode:L-4797", "city:Esch-sur-Alzette"}},
		{"Adresse: D-80331 München.", []string{"postcode:D-80331", "city:München"}},
		{"144 Victoria Road, Birmingham B2 4IR", []string{"street:144 Victoria Road", "city:Birmingham", "postcode:B2 4IR"}},
		{"54 Station Road, Manchester M1 6RC.", []string{"street:54 Station Road", "city:Manchester", "postcode:M1 6RC"}},
		{"wohnhaft in 8010 Graz.", []string{"postcode:8010", "city:Graz"}},
		// negatives
		{"12345", nil},
		{"ordine 12345 Spedito.", nil},
		{"Ho pagato 12500 EUR.", nil},
		{"12345 Punkte.", nil},
		{"ci sono 50000 Persone qui", nil},
		{"SW1A 1AA", nil},
		{"tra 10115 e 10117", nil},
		{"residente a casa", nil},
		{"lives in the UK", nil},
		{"vivo a lungo", nil},
		{"nata a Gennaio", nil},
		{"Cagliari è bella", nil},
		{"Ich habe 2000 Euro bezahlt.", nil},
		{"Es gab 2024 Bestellungen.", nil},
		{"Kapitel 1015 MY Amsterdam.", nil},
		{"Bestellung 4000-339 Porto.", nil},
		{"Typ A-1000 Serie", nil},
		{"Call Mike M1 6RC", nil},
		{"London B2 4IR", nil},
		{"Via Roma 15, 1203 genève", []string{"street:Via Roma 15"}},
	})
}

func TestIPs(t *testing.T) {
	runCases(t, []findCase{
		{"login da 93.44.120.7 stamattina", []string{"ip:93.44.120.7"}},
		{"host 10.0.0.1.", []string{"ip:10.0.0.1"}},
		{"server 192.168.1.254:8080", []string{"ip:192.168.1.254"}},
		{"rete 8.8.8.8/32", []string{"ip:8.8.8.8"}},
		{"(255.255.255.0)", []string{"ip:255.255.255.0"}},
		{"localhost ::1 ok", []string{"ip:::1"}},
		{"addr 2001:db8::1", []string{"ip:2001:db8::1"}},
		{"fe80::1ff:fe23:4567:890a.", []string{"ip:fe80::1ff:fe23:4567:890a"}},
		{"mapped ::ffff:192.0.2.128", []string{"ip:::ffff:192.0.2.128"}},
		{"2001:0db8:85a3:0000:0000:8a2e:0370:7334", []string{"ip:2001:0db8:85a3:0000:0000:8a2e:0370:7334"}},
		{"IP: 0.0.0.0", []string{"ip:0.0.0.0"}},
		// negatives
		{"v1.2.3.4", nil},
		{"version 1.2.3.4", nil},
		{"Versione: 10.2.0.1", nil},
		{"1.2.3.4.5", nil},
		{"256.1.1.1", nil},
		{"01.02.03.04", nil},
		{"alle 10:30", nil},
		{"alle 10:30:45", nil},
		{"aa:bb", nil},
		{"mac aa:bb:cc:dd:ee:ff", nil},
		{"importo 1.250,00 EUR", nil},
		{"pi 3.14", nil},
		{"std::vector", nil},
	})
}

func TestObfuscatedEmails(t *testing.T) {
	runCases(t, []findCase{
		{"gaia.marras AT gmail DOT com", []string{"email:gaia.marras AT gmail DOT com"}},
		{"mario [at] example [dot] com", []string{"email:mario [at] example [dot] com"}},
		{"scrivi a mario(at)example.com.", []string{"email:mario(at)example.com"}},
		{"mario {at} libero {dot} it", []string{"email:mario {at} libero {dot} it"}},
		{"mario @ gmail . com", []string{"email:mario @ gmail . com"}},
		{"mario.rossi at gmail.com", []string{"email:mario.rossi at gmail.com"}},
		{"m_rossi at libero dot it", []string{"email:m_rossi at libero dot it"}},
		{"anna at web dot de", []string{"email:anna at web dot de"}},
		{"j.doe(at)mail(dot)co(dot)uk", []string{"email:j.doe(at)mail(dot)co(dot)uk"}},
		{"x1 [at] y [dot] fr", []string{"email:x1 [at] y [dot] fr"}},
		{"info <at> firma.de", []string{"email:info <at> firma.de"}},
		{"scrivetemi a gianluca4761 chiocciola outlook punto it.", []string{"email:gianluca4761 chiocciola outlook punto it"}},
		{"d.m4005 chiocciola pec punto commercialisti punto it", []string{"email:d.m4005 chiocciola pec punto commercialisti punto it"}},
		{"m'écrire à tmarchal3017 arobase free point fr.", []string{"email:tmarchal3017 arobase free point fr"}},
		{"an bjoern5307 (at) freenet (punkt) de.", []string{"email:bjoern5307 (at) freenet (punkt) de"}},
		{"juan arroba gmail punto com", []string{"email:juan arroba gmail punto com"}},
		{"mario chiocciola libero.it", []string{"email:mario chiocciola libero.it"}},
		{"anna [at] web [punkt] de", []string{"email:anna [at] web [punkt] de"}},
		{"anna.k at web punkt de", []string{"email:anna.k at web punkt de"}},
		// negatives
		{"meet at home dot", nil},
		{"look at example.com", nil},
		{"mario@gmail.com", nil},
		{"at the office", nil},
		{"a at b dot com", nil},
		{"mario at gmail dot xyzzy", nil},
		{"arrivo at 10", nil},
		{"info at", nil},
		{"email me at john", nil},
		{"see you at noon. Bye", nil},
		{"mario at gmail. com", nil},
		{"a che punto siamo", nil},
		{"I was at the point com", nil},
		{"Jim at home punkt de", nil},
		{"mario chiocciola", nil},
		{"mario punto it", nil},
		{"chiocciola gmail punto it", nil},
		{"c'est le point fr", nil},
		{"Kunde at Punkt de", nil},
		{"mario chiocciolaa gmail punto it", nil},
	})
}

func TestCanonicalObfuscatedEmail(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"gaia.marras AT gmail DOT com", "gaia.marras@gmail.com"},
		{"mario [at] example [dot] com", "mario@example.com"},
		{"mario(at)example.com", "mario@example.com"},
		{"mario @ gmail . com", "mario@gmail.com"},
		{"j.doe(at)mail(dot)co(dot)uk", "j.doe@mail.co.uk"},
		{"gianluca4761 chiocciola outlook punto it", "gianluca4761@outlook.it"},
		{"tmarchal3017 arobase free point fr", "tmarchal3017@free.fr"},
		{"bjoern5307 (at) t-online (punkt) de", "bjoern5307@t-online.de"},
		{"Dot.At at dot dot at", "Dot.At@dot.at"},
		{"no address here", "no address here"},
		{"", ""},
	} {
		if got := string(CanonicalObfuscatedEmail(nil, []byte(c.in))); got != c.want {
			t.Errorf("CanonicalObfuscatedEmail(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Every hit reads back as a plain address.
	for _, src := range []string{"scrivetemi a m.rossi chiocciola libero punto it grazie", "x1 [at] y [dot] fr"} {
		for _, h := range Find([]byte(src), AllOptions, nil) {
			got := string(CanonicalObfuscatedEmail(nil, []byte(src[h.Start:h.End])))
			if strings.Count(got, "@") != 1 || strings.ContainsAny(got, " []()") {
				t.Errorf("%q -> %q", src[h.Start:h.End], got)
			}
		}
	}
}

func TestIBANs(t *testing.T) {
	runCases(t, []findCase{
		{"it60x0542811101000000123456", []string{"iban:it60x0542811101000000123456"}},
		{"IT60 X054 2811 1010 0000 0123 456", []string{"iban:IT60 X054 2811 1010 0000 0123 456"}},
		{"iban: de89 3704 0044 0532 0130 00.", []string{"iban:de89 3704 0044 0532 0130 00"}},
		{"DE89370400440532013000", []string{"iban:DE89370400440532013000"}},
		{"fr14 2004 1010 0505 0001 3m02 606", []string{"iban:fr14 2004 1010 0505 0001 3m02 606"}},
		{"Es91 2100 0418 4502 0005 1332", []string{"iban:Es91 2100 0418 4502 0005 1332"}},
		{"gb82west12345698765432", []string{"iban:gb82west12345698765432"}},
		{"be68 5390 0754 7034", []string{"iban:be68 5390 0754 7034"}},
		{"ch93 0076 2011 6238 5295 7", []string{"iban:ch93 0076 2011 6238 5295 7"}},
		{"at61 1904 3002 3457 3201", []string{"iban:at61 1904 3002 3457 3201"}},
		{"nl91 abna 0417 1643 00", []string{"iban:nl91 abna 0417 1643 00"}},
		{"IT60X 05428 11101 000000123456", []string{"iban:IT60X 05428 11101 000000123456"}},
		// negatives
		{"it61x0542811101000000123456", nil},
		{"de8937040044053201300", nil},
		{"it60", nil},
		{"xx12 3456 7890 1234", nil},
		{"DE89 3704", nil},
		{"ORD-123456", nil},
		{"1.250,00 EUR", nil},
		{"de89370400440532013000x", nil},
		{"de89 3704 0044 0532 0130 001", nil},
		{"at10 20 30", nil},
	})
	var b []byte
	if got := string(CanonicalIBAN(b, []byte("it60 x054 2811 1010 0000 0123 456"))); got != "IT60X0542811101000000123456" {
		t.Errorf("CanonicalIBAN = %q", got)
	}
	if !ValidIBAN([]byte("nl91 abna 0417 1643 00")) || ValidIBAN([]byte("nl92 abna 0417 1643 00")) {
		t.Error("ValidIBAN")
	}
}

func TestOptionsGate(t *testing.T) {
	src := "CVV 123, 93.44.120.7, it60x0542811101000000123456, Via Roma 15, passaporto YA1234567"
	if got := found(src, Options{}); got != nil {
		t.Errorf("no options: %q", got)
	}
	if got := found(src, Options{IPs: true}); !slices.Equal(got, []string{"ip:93.44.120.7"}) {
		t.Errorf("IPs only: %q", got)
	}
	if got := found(src, Options{CVV: true}); !slices.Equal(got, []string{"cvv:123"}) {
		t.Errorf("CVV only: %q", got)
	}
	// Birth dates without addresses: the place is skipped, not reported.
	if got := found("nata a Cagliari il 10/07/1992", Options{BirthDates: true}); !slices.Equal(got, []string{"birthdate:10/07/1992"}) {
		t.Errorf("birth dates only: %q", got)
	}
}

func TestFindAppends(t *testing.T) {
	prev := []Hit{{Start: 1, End: 2, Kind: KindCVV}}
	got := Find([]byte("CVV 123"), AllOptions, prev)
	if len(got) != 2 || got[0] != prev[0] || got[1].Kind != KindCVV {
		t.Errorf("Find did not append: %+v", got)
	}
}

func TestLongInputLinear(t *testing.T) {
	// Many near-misses in a long text must not blow up (bounded windows).
	var sb strings.Builder
	for k := 0; k < 20000; k++ {
		fmt.Fprintf(&sb, "CVV passaporto nata a il Via %d at dot 1.2.3 ", k)
	}
	src := []byte(sb.String())
	hits := Find(src, AllOptions, nil)
	checkHits(t, src, hits)
}

func checkHits(t *testing.T, src []byte, hits []Hit) {
	t.Helper()
	prev := 0
	for _, h := range hits {
		if h.Start < prev || h.End <= h.Start || h.End > len(src) || h.Kind == KindNone || h.Kind >= kindCount {
			t.Fatalf("bad hit %+v (prev end %d, len %d)", h, prev, len(src))
		}
		if (h.Kind == KindNationalID) != (h.ID != IDNone) {
			t.Fatalf("ID type mismatch %+v", h)
		}
		prev = h.End
	}
}
