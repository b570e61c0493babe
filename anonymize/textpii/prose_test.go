package textpii

import "testing"

// TestProse: realistic ticket lines, mostly without personal data, and full
// postal addresses in the four conventions.
func TestProse(t *testing.T) {
	runCases(t, []findCase{
		{"Il pacco è partito da Milano il 12/03/2024 alle 10:30, importo 1.250,00 EUR, ordine ORD-123456.", nil},
		{"Ho chiamato il 0612345678 e il 347 123 4567, nessuna risposta. Versione app 3.2.1.4.", nil},
		{"Je suis allé à Paris le 3 mars 2024. La commande 75008 Paris a été livrée.", nil},
		{"Ich wohne seit 2019 in Berlin. Bestellung 10115 Berlin, Rechnung 12345.", nil},
		{"I was born in 1985. My order 12345 shipped from 90210 on 10 July 2024.", nil},
		{"Please look at google.com and meet me at home dot.", nil},
		{"Am Montag um 10 Uhr, Am Ende 3 Punkte. Ring 3 und Weg 5.", nil},
		{"Windows 10 Pro, iPhone 12 Pro Max, Galaxy S21 Ultra, PlayStation 5 Digital Edition.", nil},
		{"Temperature 20.5.2024? no. Room 101 Lane 5. Terminal 2 Gate B12.", nil},
		{"passaporto e patente scaduti nel 2020, carta d'identità smarrita.", nil},
		{"CVV non richiesto, il codice 123 del CID è errato.", nil},
		{"Fattura n. 2024/00123 del 15.03.2024 per un totale di € 12.345,67.", nil},
		{"Tracking 1Z999AA10123456784, ABCDEFGHIJKLMNOP, DE89 in testo.", nil},
		{"Sono nato il 5 maggio. Nata nel 1990. Born on Monday.", nil},
		{"il server 192.168.0.1 risponde, ma 10.0.0.256 no; v2.0.0.1 ok; ::1 e 2001:db8::42.",
			[]string{"ip:192.168.0.1", "ip:::1", "ip:2001:db8::42"}},
		{"Mario Rossi, Via Garibaldi 2/B, 00184 Roma (RM), Italia.",
			[]string{"street:Via Garibaldi 2/B", "postcode:00184", "city:Roma"}},
		{"Hans Müller, Konrad-Adenauer-Str. 12, 53113 Bonn, Deutschland.",
			[]string{"street:Konrad-Adenauer-Str. 12", "postcode:53113", "city:Bonn"}},
		{"Jean Dupont, 8 boulevard Saint-Michel, 75005 Paris, France.",
			[]string{"street:8 boulevard Saint-Michel", "postcode:75005", "city:Paris"}},
		{"John Smith, 10 Downing Street, London SW1A 2AA, UK.",
			[]string{"street:10 Downing Street", "city:London", "postcode:SW1A 2AA"}},
		{"Jane Doe, 1600 Pennsylvania Avenue NW, Washington, DC 20500, USA.",
			[]string{"street:1600 Pennsylvania Avenue", "city:Washington", "postcode:20500"}},
	})
}
