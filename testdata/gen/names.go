package main

// Small, hand-written lists of plausible personal data per locale. Some
// names are also ordinary words (Bianca, Fortunato, Pace; Olive, Blanche,
// Boulanger; Ernst, Sauer, Engel; Grace, Mark, Hope, Will, Green, White),
// which the texts also use as words. Accents, apostrophes and multi-word
// surnames are deliberate: they exercise UTF-8 and quoting in every layer
// that reads the sample. Names and street names are
// kept out of the fake lists of pgveil's own masks (fakes_test.go checks),
// so an original found in anonymized output is a leak, never a coincidence.

type locale int

const (
	locIT locale = iota
	locFR
	locDE
	locEN
	numLocales
)

var localeCodes = [numLocales]string{"it", "fr", "de", "en"}

var firstNames = [numLocales][]string{
	locIT: {"Ludovica", "Ottavio", "Costanza", "Jacopo", "Filippo", "Arianna", "Tancredi", "Ottavia", "Livia",
		"Amedeo", "Corrado", "Fiorella", "Gianluca", "Ornella", "Raffaella", "Saverio", "Tiziana", "Vittoria",
		"Nicoletta", "Loredana", "Piergiorgio", "Rocco", "Gaia", "Niccolò", "Lucrezia", "Nicolò", "Ettore",
		"Benedetta", "Teodoro", "Donatella", "Marcello", "Enrica", "Guido", "Fabrizio", "Annalisa", "Agnese",
		"Bianca", "Fortunato"},
	locFR: {"Anaïs", "Gaëlle", "Maël", "Noémie", "Yann", "Clémence", "Loïc", "Océane", "Rémi", "Zoé", "Jérôme",
		"Ambre", "Soline", "Gwenaëlle", "Thibault", "Honoré", "Aymeric", "Ségolène", "Bastien", "Quentin",
		"Apolline", "Capucine", "Gaspard", "Éloïse", "Timothée", "Perrine", "Hortense", "Corentin", "Lison",
		"Aurèle", "Blandine", "Grégoire", "Solène", "Tristan", "Violaine", "Olive", "Blanche"},
	locDE: {"Björn", "Sören", "Käthe", "Annegret", "Ralf", "Till", "Hannes-Detlev", "Ines", "Wiebke", "Hauke",
		"Malte", "Frauke", "Gesine", "Detlef", "Volker", "Rüdiger", "Henrike", "Ortrud", "Kai", "Svenja", "Dörte",
		"Arne", "Ole", "Merle", "Thorsten", "Ulrike", "Gunnar", "Elke", "Lutz", "Meike", "Hartmut", "Almut",
		"Eckhard", "Gudrun", "Reinhold", "Ernst"},
	locEN: {"Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Olivia", "Charlie", "Grace", "James",
		"Lily", "William", "Freya", "Chloe", "Samuel", "Evie", "Joseph", "Ruby", "Edward", "Owen", "Niamh",
		"Rhys", "Siobhan", "Aidan", "Eleanor", "Callum", "Megan", "Liam", "Zara", "Ewan", "Bethany", "Dylan",
		"Imogen", "Alfie", "Poppy", "Gareth", "Mark", "Hope", "Will"},
}

var lastNames = [numLocales][]string{
	locIT: {"Ferraresi", "Bonetti", "Cavalli", "Sorrentino", "Tedesco", "Bassi", "Zanetti", "Pagano", "D'Amico",
		"Fumagalli", "Castelli", "Orlando", "Guidi", "Negri", "Zanella", "Bruni", "Lo Cascio", "Dell'Acqua",
		"Sanfilippo", "Mazzoleni", "Cirillo", "Scotti", "Bergamini", "Ruggiero", "Pace", "Ferrante", "Giannini",
		"Salvi", "Marras", "Cocco", "Melis", "De Filippis", "Bellucci", "Mancuso", "Tosi", "Valente", "Di Pietrantonio",
		"Caldarola"},
	locFR: {"Lebrun", "Dupré", "Le Gall", "de La Villemarqué", "Bénard", "Courtois", "Delmas", "Marchal", "Tessier",
		"Besnard", "Perret", "Lagarde", "Charpentier", "Poulain", "Hamel", "Rolland", "Collet", "Prévost",
		"Jacquet", "Le Goff", "Cordier", "Barthélemy", "Royer", "Marty", "Leclercq", "Huet", "Pichon", "Bouvier",
		"Guillot", "Millet", "Hubert", "Riou", "Tanguy", "Le Bihan", "Boulanger"},
	locDE: {"Brinkmann", "Kowalski", "Lindner", "Pfeiffer", "Vollmer", "Ostermann", "Hüttner", "Wendt", "Reuter",
		"Brenner", "Sauer", "Thiele", "Busch", "Kessler", "Engel", "Vetter", "Fiedler", "Götz", "Runge", "Wenzel",
		"Ebert", "Kröger", "Thalheim", "Blum", "Strauß", "von Arnim", "Kuhlmann", "Buchholz", "Haller", "Jansen",
		"Dreyer", "Ackermann", "Schütte", "Rademacher", "Oberländer", "Bäumer", "Witt", "Ulbricht"},
	locEN: {"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Johnson", "Roberts",
		"Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis",
		"Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Cooper", "Hill", "O'Brien", "McDonald",
		"Smith-Jones", "Murphy", "Kelly", "Campbell", "MacLeod", "Ahmed", "Fletcher", "Pritchard"},
}

// Free-mail providers customers use, and company domains of secondary contacts.
var mailDomains = [numLocales][]string{
	locIT: {"gmail.com", "libero.it", "virgilio.it", "tiscali.it", "alice.it", "outlook.it", "hotmail.it", "tin.it"},
	locFR: {"orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "gmail.com", "hotmail.fr", "yahoo.fr"},
	locDE: {"gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "freenet.de", "gmx.net", "outlook.de"},
	locEN: {"gmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com", "hotmail.co.uk", "icloud.com", "sky.com"},
}

var companyDomains = [numLocales][]string{
	locIT: {"studiobianchi.it", "contabilita-verdi.it", "ferramenta-rossi.it", "pec.commercialisti.it", "gruppoalfa.it"},
	locFR: {"cabinet-martin.fr", "comptoir-dupre.fr", "sarl-lefevre.fr", "expert-compta.fr", "atelier-roux.fr"},
	locDE: {"kanzlei-mueller.de", "steuerbuero-weber.de", "schmidt-gmbh.de", "buchhaltung-koch.de", "handwerk-bauer.de"},
	locEN: {"accounts-smith.co.uk", "taylorandsons.co.uk", "brown-ltd.com", "northbridge-finance.co.uk", "hillpartners.com"},
}

// vendorDomain is the support vendor's own mail domain (its staff, the users table).
const vendorDomain = "helpdesk.finestra-banking.eu"

type streetStyle struct {
	kinds []string
	names []string
}

var streets = [numLocales]streetStyle{
	locIT: {kinds: []string{"Via", "Via", "Viale", "Corso", "Piazza", "Vicolo"},
		names: []string{"Solferino", "Goffredo Mameli", "Ugo Foscolo", "dei Gelsi", "Santa Chiara", "Giosuè Carducci",
			"Tiziano", "Benedetto Croce", "dei Cappuccini", "Ludovico Ariosto", "San Rocco", "Torquato Tasso",
			"delle Magnolie", "Ippolito Nievo", "Pier Capponi", "Bligny", "Castelfidardo", "dell'Indipendenza"}},
	locFR: {kinds: []string{"rue", "rue", "avenue", "boulevard", "place", "allée", "impasse"},
		names: []string{"des Capucins", "Lamartine", "du Four", "Édouard Vaillant", "des Jardins", "Montesquieu",
			"de la Croix-Rousse", "Condorcet", "Paul Bert", "des Peupliers", "Sadi Carnot", "de l'Abbaye", "Racine",
			"des Cordeliers", "du Faubourg", "Colbert", "de la Roquette", "Mirabeau"}},
	locDE: {kinds: []string{"straße", "straße", "weg", "allee", "platz", "gasse"},
		names: []string{"Berliner", "Friedrich-Ebert-", "Bismarck", "Holunder", "Weiden", "Fontane", "Hölderlin",
			"Storchen", "Lerchen", "Ulmen", "Wacholder", "Kolping", "Gneisenau", "Stresemann", "Dürer", "Humboldt",
			"Fasanen", "Händel"}},
	locEN: {kinds: []string{"Street", "Road", "Road", "Lane", "Avenue", "Close", "Crescent"},
		names: []string{"High", "Station", "Church", "Victoria", "Mill", "King's", "Queen's", "Park", "London",
			"Manor", "Green", "York", "Oxford", "Chapel", "New", "Albert", "Richmond", "Grange"}},
}

// A country customers live in: its name locale, cities with a postcode
// pattern, currency and phone plan.
type country struct {
	code     string
	loc      locale
	currency string
	phone    phonePlan
	cities   []city
}

type city struct {
	name     string
	postcode string // '#' -> random digit, '@' -> random letter, anything else kept
}

// Weighted: IT, FR and DE customers dominate.
var countryWeights = []struct {
	code   string
	weight int
}{
	{"IT", 35}, {"FR", 25}, {"DE", 22}, {"ES", 3}, {"NL", 2}, {"BE", 3}, {"AT", 3}, {"PT", 1}, {"LU", 1}, {"CH", 3}, {"GB", 2},
}

var countries = map[string]*country{
	"IT": {code: "IT", loc: locIT, currency: "EUR", phone: phoneIT, cities: []city{
		{"Milano", "201##"}, {"Roma", "001##"}, {"Torino", "101##"}, {"Napoli", "801##"}, {"Bologna", "401##"},
		{"Firenze", "501##"}, {"Genova", "161##"}, {"Verona", "371##"}, {"Bari", "701##"}, {"Padova", "351##"},
		{"Trieste", "341##"}, {"Brescia", "251##"}, {"Reggio nell'Emilia", "421##"}, {"Forlì", "471##"}}},
	"FR": {code: "FR", loc: locFR, currency: "EUR", phone: phoneFR, cities: []city{
		{"Paris", "7500#"}, {"Lyon", "6900#"}, {"Marseille", "1300#"}, {"Toulouse", "3100#"}, {"Nice", "06000"},
		{"Nantes", "44000"}, {"Strasbourg", "67000"}, {"Bordeaux", "33000"}, {"Lille", "59000"},
		{"Montpellier", "34000"}, {"Saint-Étienne", "42000"}, {"Aix-en-Provence", "13090"}}},
	"DE": {code: "DE", loc: locDE, currency: "EUR", phone: phoneDE, cities: []city{
		{"Berlin", "101##"}, {"Hamburg", "200##"}, {"München", "803##"}, {"Köln", "506##"},
		{"Frankfurt am Main", "603##"}, {"Stuttgart", "701##"}, {"Düsseldorf", "402##"}, {"Leipzig", "041##"},
		{"Dresden", "010##"}, {"Hannover", "301##"}, {"Nürnberg", "904##"}, {"Bremen", "281##"}}},
	"ES": {code: "ES", loc: locEN, currency: "EUR", phone: phoneEN, cities: []city{
		{"Madrid", "280##"}, {"Barcelona", "080##"}, {"Valencia", "460##"}, {"Sevilla", "410##"}, {"Málaga", "290##"}}},
	"NL": {code: "NL", loc: locEN, currency: "EUR", phone: phoneDE, cities: []city{
		{"Amsterdam", "101# @@"}, {"Rotterdam", "301# @@"}, {"Utrecht", "351# @@"}, {"Den Haag", "251# @@"}}},
	"BE": {code: "BE", loc: locFR, currency: "EUR", phone: phoneFR, cities: []city{
		{"Bruxelles", "1000"}, {"Liège", "4000"}, {"Namur", "5000"}, {"Antwerpen", "2000"}, {"Gent", "9000"}}},
	"AT": {code: "AT", loc: locDE, currency: "EUR", phone: phoneDE, cities: []city{
		{"Wien", "1#10"}, {"Graz", "8010"}, {"Linz", "4020"}, {"Salzburg", "5020"}, {"Innsbruck", "6020"}}},
	"PT": {code: "PT", loc: locEN, currency: "EUR", phone: phoneEN, cities: []city{
		{"Lisboa", "1100-###"}, {"Porto", "4000-###"}, {"Coimbra", "3000-###"}}},
	"LU": {code: "LU", loc: locFR, currency: "EUR", phone: phoneFR, cities: []city{
		{"Luxembourg", "L-1###"}, {"Esch-sur-Alzette", "L-4###"}, {"Differdange", "L-45##"}}},
	"CH": {code: "CH", loc: locDE, currency: "CHF", phone: phoneDE, cities: []city{
		{"Zürich", "80##"}, {"Genève", "120#"}, {"Basel", "40##"}, {"Bern", "30##"}, {"Lugano", "6900"}, {"Lausanne", "100#"}}},
	"GB": {code: "GB", loc: locEN, currency: "GBP", phone: phoneEN, cities: []city{
		{"London", "SW1A #@@"}, {"London", "EC1V #@@"}, {"Manchester", "M1 #@@"}, {"Birmingham", "B2 #@@"},
		{"Edinburgh", "EH1 #@@"}, {"Bristol", "BS1 #@@"}, {"Leeds", "LS1 #@@"}}},
}

// foldASCII lowercases a name and reduces it to the letters an e-mail local
// part would use: accents dropped (German umlauts spelled out), spaces and
// apostrophes removed, hyphens kept.
func foldASCII(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == '-':
			dst = append(dst, byte(r))
		case r >= 'A' && r <= 'Z':
			dst = append(dst, byte(r-'A'+'a'))
		default:
			switch r {
			case 'à', 'á', 'â', 'À', 'Â':
				dst = append(dst, 'a')
			case 'ä', 'Ä':
				dst = append(dst, "ae"...)
			case 'è', 'é', 'ê', 'ë', 'É', 'È':
				dst = append(dst, 'e')
			case 'ì', 'í', 'î', 'ï':
				dst = append(dst, 'i')
			case 'ò', 'ó', 'ô':
				dst = append(dst, 'o')
			case 'ö', 'Ö':
				dst = append(dst, "oe"...)
			case 'ù', 'ú', 'û':
				dst = append(dst, 'u')
			case 'ü', 'Ü':
				dst = append(dst, "ue"...)
			case 'ß':
				dst = append(dst, "ss"...)
			case 'ç':
				dst = append(dst, 'c')
			case 'ñ':
				dst = append(dst, 'n')
			}
		}
	}
	return dst
}
