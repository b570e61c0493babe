package anonymize

import (
	"strings"
	"sync"

	"github.com/pgveil/pgveil/anonymize/namedata"
)

// The dictionaries of the name finder: every locale's given names and
// surnames (namedata), the ordinary words that are also names or places,
// and the context words, folded (lower case). All locales are merged: a
// French customer writes to an Italian bank.

type nameDict struct {
	words   *wordTable // wFirst, wLast, wCommon: large, looked up for capitalised words and on demand
	context *wordTable // the closed context lists: small enough to stay in cache
}

func addDict(t *wordTable, w string, f uint16) {
	fold := foldName(nil, []byte(w))
	t.update(fold, wordHash(fold), func(old uint16, _ bool) uint16 { return old | f })
}

var (
	dictOnce sync.Once
	dict     *nameDict
)

// sharedNameDict builds the merged dictionary once per process.
func sharedNameDict() *nameDict {
	dictOnce.Do(func() {
		d := &nameDict{words: newWordTable(true), context: newWordTable(true)}
		add := func(s string, f uint16) { addDict(d.words, s, f) }
		addContext := func(s string, f uint16) { addDict(d.context, s, f) }
		for _, loc := range namedata.Locales() {
			for _, n := range namedata.First(loc) {
				addNameWords(n, wFirst, add)
			}
			for _, n := range namedata.Last(loc) {
				addNameWords(n, wLast, add)
			}
			for _, w := range namedata.CommonWords(loc) {
				add(w, wCommon)
			}
		}
		for _, l := range locales {
			for _, c := range l.cities {
				for _, w := range strings.Fields(c.name) {
					add(w, wCommon)
				}
			}
		}
		for _, w := range strings.Fields(placeWords) {
			add(w, wCommon)
		}
		for _, list := range []struct {
			words string
			flag  uint16
		}{
			{particleWords, wParticle},
			{honorificWords, wHonor},
			{introWords, wIntro},
			{relativeWords, wRelative},
			{greetCloseWords, wGreetClose},
			{nameNounWords, wNameNoun},
			{copulaWords, wCopula},
			{abbreviationWords, wNever},
			{articleWords, wArticle},
			{streetTypeWords, wNever | wStreetType},
		} {
			for _, w := range strings.Fields(list.words) {
				addContext(w, list.flag)
			}
		}
		dict = d
	})
	return dict
}

// addNameWords flags a listed name; a name of several words ("De Luca",
// "Anna Maria") flags each word that is not a particle.
func addNameWords(name string, f uint16, add func(string, uint16)) {
	if !strings.Contains(name, " ") {
		add(name, f)
		return
	}
	for _, w := range strings.Fields(name) {
		if !isParticle(w) {
			add(w, f)
		}
	}
}

var particleSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(particleWords) {
		m[w] = true
	}
	return m
}()

func isParticle(w string) bool { return particleSet[strings.ToLower(w)] }

// contextFlags returns what the context lists say of a folded word.
func (d *nameDict) contextFlags(fold []byte, h uint64) uint16 {
	if d == nil {
		return 0
	}
	v, _ := d.context.get(fold, h)
	return v
}

// listFlags returns what the name and word lists say of a folded word.
func (d *nameDict) listFlags(fold []byte, h uint64) uint16 {
	if d == nil {
		return 0
	}
	v, _ := d.words.get(fold, h)
	return v
}

// Context words, folded. Written here: short, closed lists.
const (
	particleWords = `de di da del della dello dei degli delle d l lo la le li dall dell van von der den ten ter
		du des dos das do mc mac st zu vom zum al el bin ibn dal`
	honorificWords = `sig sigg sigra sigre signor signore signora signori signorina ra na ssa
		dott dottor dottore dottoressa dottssa avv avvocato ing ingegnere prof professor professore
		professoressa geom rag arch
		m mme mmes mlle mlles monsieur madame mademoiselle messieurs
		herr herrn frau fräulein dr
		mr mrs ms miss mx sir dame lady lord doctor`
	introWords = `sono chiamo suis appelle m'appelle bin heiße heisse i'm im ici`
	// "name is", "nome è", "nom est", "Name ist": a name noun then a copula.
	nameNounWords = `name nome nom this hier`
	copulaWords   = `is è e est ist`
	relativeWords = `marito moglie figlio figlia padre madre papà mamma fratello sorella compagno compagna
		cognato cognata suocero suocera zio zia cugino cugina cointestatario cointestataria collega
		mari femme époux épouse fils fille père mère frère sœur soeur conjoint conjointe compagnon
		compagne cousin cousine oncle tante cotitulaire collègue
		mann ehemann ehefrau sohn tochter vater mutter bruder schwester partnerin lebensgefährte
		lebensgefährtin kollege kollegin mitinhaber mitinhaberin onkel tante cousine
		husband wife son daughter father mother brother sister partner fiancé fiancée colleague
		uncle aunt cousin co-holder cotitolare
		cliente client cliente kunde kundin customer associé associée holder titolare intestatario
		intestataria bevollmächtigter bevollmächtigte procuratore mandataire`
	greetCloseWords = `buongiorno buonasera salve ciao gentile gentilissimo gentilissima caro cara egregio
		egregia spettabile saluti saluto cordialmente distinti grazie
		bonjour bonsoir salut cher chère cordialement salutations merci remerciements amicalement
		hallo liebe lieber geehrte geehrter moin servus grüßen grüße gruß grüssen grüsse gruss danke
		dear hi hello hey regards sincerely thanks cheers wishes best yours
		mille avance d'avance advance anticipo vorab`
	articleWords = `ein eine einen einem einer eines der die das den dem des kein keine
		the a an un una uno il lo gli i le la les une du des`
	abbreviationWords = `tel tél fax cell mob nr no num rif ref ca ecc etc art pag ord iban bic swift cvv cvc pin tan otp
		sms app id ip pdf eur usd chf gbp`
	streetTypeWords = `via viale piazza piazzale corso largo vicolo strada contrada località
		rue avenue boulevard bd allée impasse chemin place quai cours
		straße strasse str platz weg allee gasse ring damm
		street road rd lane ln drive close way court square`
	// Places that are also surnames in the lists: prose mentions them.
	placeWords = `roma milano napoli torino palermo genova bologna firenze bari catania venezia verona
		messina padova trieste brescia parma modena cagliari perugia livorno ravenna rimini salerno
		ferrara sassari latina monza pescara bergamo trento vicenza bolzano novara piacenza ancona
		lecce como udine pisa italia sardegna sicilia lombardia piemonte veneto toscana
		paris marseille lyon toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims
		toulon grenoble dijon angers nîmes brest tours limoges amiens metz perpignan orléans rouen
		caen nancy france bretagne normandie provence alsace
		berlin hamburg münchen köln frankfurt stuttgart düsseldorf leipzig dortmund essen bremen
		dresden hannover nürnberg duisburg bochum wuppertal bielefeld bonn münster mannheim karlsruhe
		augsburg wiesbaden kiel aachen freiburg mainz rostock kassel potsdam lübeck erfurt
		deutschland bayern sachsen österreich wien schweiz zürich
		london birmingham manchester leeds glasgow liverpool bristol sheffield edinburgh cardiff
		belfast leicester nottingham newcastle brighton oxford cambridge york england scotland wales
		ireland dublin america boston chicago houston phoenix dallas denver seattle washington
		europe europa madrid barcelona lisbon lisboa brussels bruxelles amsterdam luxembourg geneva
		genève monaco`
)
