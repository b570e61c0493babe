package anonymize

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Person names in free text. Two sources say a word is a name:
//   - known values: the names the database holds in its name columns
//     (KnownNames), replaced by the pseudonym of that very column;
//   - the dictionaries: given names and surnames of the four locales
//     (package namedata), replaced by the scrub's first_name and last_name
//     masks.
//
// Words are read in runs of capitalised words (particles such as "de",
// "van", "della" may sit inside). Context decides what a run is: an
// honorific ("sig.ra", "Frau", "Mr"), an introduction ("sono", "je suis",
// "ich bin", "my name is"), a relative ("mio marito", "ma femme"), a
// greeting or the line after a closing formula ("Cordiali saluti,") make
// every capitalised word of the run a name, even one no list knows. Without
// context, a known value or a dictionary name that is not also an ordinary
// word of one of the languages is a name, and so is an unlisted capitalised
// word right next to one ("Paolo Sanna"). Lower-case names count only as a
// pair of known values or after an introduction, a relative or an honorific.

type nameMode uint8

const (
	namesOff nameMode = iota
	namesKnown
	namesDictionary
	namesBoth
)

var nameModes = map[string]nameMode{"off": namesOff, "known": namesKnown, "dictionary": namesDictionary, "both": namesBoth}

const nameModeList = "both, known, dictionary, off"

func (m nameMode) known() bool      { return m == namesKnown || m == namesBoth }
func (m nameMode) dictionary() bool { return m == namesDictionary || m == namesBoth }

// nameFinder finds names in one text; it is the scrub mask's, shared by
// every value it masks, and holds no per-call state.
type nameFinder struct {
	mode  nameMode
	known *KnownNamesRef
	dict  *nameDict
}

// word is one word of a text, with what the lists say of it.
type word struct {
	start, end int  // bytes of the word in the text
	sepBefore  byte // what separates it from the previous word: ' ', '\n', '.', ',' ... or 0 at the start
	cap        bool // first letter upper case
	upper      bool // no lower-case letter
	flags      uint16
	knownMax   uint8 // the most words of a known value starting with this word; 0: none
	listsDone  bool  // flags include the name and word lists (always for capitalised words)
}

// Word flags from the dictionaries and the context tables.
const (
	wFirst      = 1 << iota // a given name in some locale's list
	wLast                   // a surname in some locale's list
	wCommon                 // an ordinary word in some locale
	wParticle               // de, di, van, von, della, le, ...
	wHonor                  // an honorific: sig, frau, mr, ...
	wIntro                  // introduces the writer's name: sono, suis, bin, is (my name is)
	wRelative               // marito, femme, Frau (wife), husband, ...
	wGreetClose             // a greeting or a closing formula's last word
	wNameNoun               // name, nome, nom: "my name is"
	wCopula                 // is, è, est, ist
	wNever                  // abbreviations (Tel, Nr) and street types (Via, Rue): never a name
	wStreetType             // via, rue, straße ...: the capitalised words after it name a street
	wArticle                // ein, der, the, un, il ...: a capitalised word after it is a noun

	wContext = wHonor | wIntro | wRelative | wGreetClose | wNameNoun | wCopula | wNever
)

// nameHit is one name found: src[start:end] and how to replace it.
type nameHit struct {
	start, end int
	known      bool
	entry      knownEntry // when known
	part       NamePart   // PartFirst or PartLast for a dictionary name
}

// scratch for one call, pooled by the scrubber.
type nameScratch struct {
	known *KnownNames // the index in force for this call
	words []word
	fold  []byte
	hits  []nameHit
}

// find appends the names of src to sc.hits.
func (f *nameFinder) find(src []byte, sc *nameScratch) {
	sc.hits = sc.hits[:0]
	if f == nil || f.mode == namesOff {
		return
	}
	var known *KnownNames
	if f.mode.known() {
		known = sc.known
	}
	sc.words = f.tokenize(src, sc.words[:0], &sc.fold, known)
	ws := sc.words
	for i := 0; i < len(ws); {
		w := &ws[i]
		ctx := contextBefore(ws, i)
		if !w.cap && !w.upper {
			if w.flags&wParticle != 0 && known != nil && i+1 < len(ws) && (ws[i+1].cap || ws[i+1].upper) && ws[i+1].sepBefore == ' ' {
				// "de La Fontaine": a particle may start a known value.
				if n, e := f.longestKnown(src, ws[i:], known, sc); n >= 2 {
					f.emitKnown(src, ws[i:i+n], e, known, sc)
					i += n
					continue
				}
			}
			// Lower case: a pair of known values, or names after a strong context.
			if n := f.lowerRun(src, ws, i, ctx, known, sc); n > 0 {
				i += n
				continue
			}
			i++
			continue
		}
		if w.flags&wContext != 0 {
			// Context words are never names: "Gentile", "Frau", "Best".
			i++
			if w.flags&wStreetType != 0 {
				// "Via Marco Polo": a street, not a person.
				for i < len(ws) && ws[i].sepBefore == ' ' && (ws[i].cap || ws[i].flags&wParticle != 0) {
					i++
				}
			}
			continue
		}
		n := f.capRun(src, ws, i, ctx, known, sc)
		i += max(n, 1)
	}
	f.sameNameAgain(src, ws, known, sc)
}

// sameNameAgain finds the later mentions of a name the text introduced in
// context ("mio marito Renzino …; Renzino passerà"), and a known name in
// lower case right after a name ("sono Rocco melis").
func (f *nameFinder) sameNameAgain(src []byte, ws []word, known *KnownNames, sc *nameScratch) {
	n := len(sc.hits)
	if n == 0 {
		return
	}
	var seen [8]nameHit
	k := 0
	for _, h := range sc.hits {
		if !h.known && k < len(seen) {
			seen[k] = h
			k++
		}
	}
	h := 0 // sc.hits are in text order: the next hit at or after a word
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		for h < n && sc.hits[h].end <= w.start {
			h++
		}
		if h < n && sc.hits[h].start <= w.start {
			continue // already a name
		}
		if !w.cap && !w.upper && known != nil && i > 0 && w.sepBefore == ' ' && h > 0 && sc.hits[h-1].end == ws[i-1].end {
			// An ordinary word ("pace", "wood") only when it ends the
			// clause: "sono Vittoria pace, titolare".
			endsClause := i+1 == len(ws) || ws[i+1].sepBefore == ',' || ws[i+1].sepBefore == '\n' || ws[i+1].sepBefore == '.'
			if m, e := f.longestKnown(src, ws[i:i+1], known, sc); m == 1 && (endsClause || f.lists(src, ws, i, sc)&wCommon == 0) {
				sc.hits = append(sc.hits, nameHit{start: w.start, end: w.end, known: true, entry: e})
				continue
			}
		}
		if !w.cap {
			continue
		}
		for _, s := range seen[:k] {
			if s.end-s.start == w.end-w.start && bytes.EqualFold(src[s.start:s.end], src[w.start:w.end]) {
				sc.hits = append(sc.hits, nameHit{start: w.start, end: w.end, part: s.part})
				break
			}
		}
	}
}

// What precedes a run of words.
const (
	ctxNone   = iota
	ctxWeak   // a greeting or the line after a closing formula
	ctxStrong // an introduction or a relative: the next words are a name
	ctxHonor  // an honorific: the next words are a name, a single one a surname
)

// contextBefore says what precedes word i.
func contextBefore(ws []word, i int) int {
	if i == 0 {
		return ctxNone
	}
	p, sep := ws[i-1], ws[i].sepBefore
	switch {
	case p.flags&wHonor != 0 && (sep == ' ' || sep == '.'):
		return ctxHonor
	case p.flags&(wIntro|wRelative) != 0 && sep == ' ':
		return ctxStrong
	case p.flags&wCopula != 0 && sep == ' ' && i >= 2 && ws[i-2].flags&wNameNoun != 0 && ws[i-1].sepBefore == ' ':
		return ctxStrong
	case p.flags&wGreetClose != 0 && (sep == ' ' || sep == '\n' || sep == ',' || sep == ':'):
		return ctxWeak
	}
	return ctxNone
}

// Classes of the words of a capitalised run.
type nameClass uint8

const (
	cWord      nameClass = iota // an ordinary word
	cUnknown                    // capitalised, in no list
	cAmbiguous                  // a dictionary name that is also an ordinary word
	cDict                       // a dictionary name
	cKnown                      // starts a known value
	cCovered                    // inside a known value
	cParticle                   // de, van, della ... inside a run
)

// capRun reads the run of capitalised words from i and records its names.
// It returns how many words it consumed.
func (f *nameFinder) capRun(src []byte, ws []word, i, ctx int, known *KnownNames, sc *nameScratch) int {
	// The run: capitalised words, or particles followed by one, joined by
	// single spaces; at most maxNameTokens+1 words.
	end := i + 1
	for end < len(ws) && end-i < maxNameTokens+1 && ws[end].sepBefore == ' ' {
		w := ws[end]
		if w.flags&wContext != 0 {
			break
		}
		if w.cap || w.upper {
			end++
			continue
		}
		if w.flags&wParticle != 0 && end+1 < len(ws) && ws[end+1].sepBefore == ' ' && (ws[end+1].cap || ws[end+1].upper) {
			end += 2
			continue
		}
		break
	}
	run := ws[i:end]
	if ctx == ctxWeak && end < len(ws) {
		// After a greeting or a closing formula a name ends its clause
		// ("Hi Grace,", "Thanks,\nGrace"), unlike "geehrte Damen und".
		switch ws[end].sepBefore {
		case ',', '\n', '!', ':', ';', '.', '(', '-', '?':
		default:
			ctx = ctxNone
		}
	}
	var class [maxNameTokens + 2]nameClass
	var knownLen [maxNameTokens + 2]int
	var entries [maxNameTokens + 2]knownEntry
	for j := 0; j < len(run); j++ {
		if known != nil {
			// A known value that is also an ordinary word ("Costanza",
			// "White") counts unless it opens a sentence ("Vittoria!").
			if n, e := f.longestKnown(src, run[j:], known, sc); n > 0 && (n > 1 || run[j].flags&wCommon == 0 || ctx != ctxNone || len(run) > 1 || midSentence(ws, i+j)) {
				class[j], knownLen[j], entries[j] = cKnown, n, e
				for k := 1; k < n; k++ {
					class[j+k] = cCovered
				}
				j += n - 1
				continue
			}
		}
		class[j] = f.classify(run[j])
	}
	var ok [maxNameTokens + 2]bool
	anchor := func(j int) bool { return j >= 0 && j < len(run) && (class[j] == cKnown || class[j] == cDict) }
	for j := range run {
		switch class[j] {
		case cKnown, cDict:
			ok[j] = true
		case cAmbiguous:
			ok[j] = ctx != ctxNone || anchor(j-1) || anchor(j+1)
		case cWord:
			// After an introduction, a relative or an honorific a
			// capitalised word is a name even when it is also a word
			// ("mon père Faust", "ma femme Sola"), and so is the surname
			// after it ("meine Mutter Sümeyya Hug").
			strong := ctx == ctxStrong || ctx == ctxHonor
			ok[j] = strong && run[j].flags&wContext == 0 && (j == 0 || (j == 1 && ok[0]))
		case cUnknown:
			switch {
			case j == 0 && (ctx == ctxStrong || ctx == ctxHonor):
				ok[j] = true
			case j == 0 && ctx == ctxWeak:
				ok[j] = anchor(1)
			case j > 0 && ok[j-1] && (firstLike(run[j-1], class[j-1], entries[j-1], known) || (j == 1 && class[0] == cUnknown)):
				ok[j] = true
			}
		}
	}
	// Emit: known values as they are; the other accepted words as first or
	// last names, a particle joined to the surname after it.
	for j := 0; j < len(run); j++ {
		switch {
		case class[j] == cKnown:
			n := knownLen[j]
			f.emitKnown(src, run[j:j+n], entries[j], known, sc)
			j += n - 1
		case class[j] == cParticle:
			k := j + 1
			for k < len(run) && class[k] == cParticle {
				k++
			}
			// "De Luca", "Maria de Simone": a capitalised particle, or one
			// after a name, belongs to the surname; "di Gaia" is prose.
			if k < len(run) && ok[k] && class[k] != cKnown && (run[j].cap || (j > 0 && ok[j-1])) {
				sc.hits = append(sc.hits, nameHit{start: run[j].start, end: run[k].end, part: PartLast})
				j = k
			}
		case ok[j]:
			part := PartLast
			next := j+1 < len(run) && ok[j+1]
			w := run[j]
			switch {
			case next:
				part = PartFirst
			case j > 0 && ok[j-1]:
				part = PartLast
			case ctx == ctxHonor:
				part = PartLast
			case w.flags&wFirst != 0 && (w.flags&wLast == 0 || ctx == ctxStrong || ctx == ctxWeak):
				part = PartFirst
			}
			sc.hits = append(sc.hits, nameHit{start: w.start, end: w.end, part: part})
		}
	}
	return len(run)
}

// midSentence reports whether word i follows another word of its sentence.
func midSentence(ws []word, i int) bool {
	if i == 0 || ws[i-1].flags&wArticle != 0 {
		return false // "ein Engel", "the White"
	}
	switch ws[i].sepBefore {
	case ' ', ',', ';', ':', '(', '\'':
		return true
	}
	return false
}

// classify says what the dictionaries make of a capitalised word.
func (f *nameFinder) classify(w word) nameClass {
	switch {
	case !w.cap && !w.upper, w.flags&wParticle != 0 && w.flags&(wFirst|wLast) == 0:
		return cParticle
	case w.upper && w.flags&(wFirst|wLast) != 0:
		// "IBAN", "PIN", "MARIO": in capitals a listed name may be an
		// acronym; it needs context or a neighbour.
		return cAmbiguous
	case w.flags&wContext != 0:
		return cWord
	case !f.mode.dictionary():
		if w.flags&wCommon != 0 {
			return cWord
		}
		return cUnknown
	case w.flags&(wFirst|wLast) != 0 && w.flags&wCommon == 0:
		return cDict
	case w.flags&(wFirst|wLast) != 0:
		return cAmbiguous
	case w.flags&wCommon != 0:
		return cWord
	}
	return cUnknown
}

// firstLike reports whether an accepted word may be the given name before a
// surname nobody lists ("Paolo Sanna").
func firstLike(w word, c nameClass, e knownEntry, known *KnownNames) bool {
	if c == cKnown {
		return known.sources[e.src].part != PartLast
	}
	return w.flags&wFirst != 0
}

// lowerRun handles a lower-case word at i: a known pair ("gaia marras"), or
// the names after an introduction, a relative or an honorific.
func (f *nameFinder) lowerRun(src []byte, ws []word, i, ctx int, known *KnownNames, sc *nameScratch) int {
	w := ws[i]
	if known != nil && i+1 < len(ws) && ws[i+1].sepBefore == ' ' {
		// A known value of two or more words, or two known single words.
		if n, e := f.longestKnown(src, ws[i:], known, sc); n >= 2 {
			f.emitKnown(src, ws[i:i+n], e, known, sc)
			return n
		}
		// Two known values in a row ("gaia marras", "aurèle le gall",
		// "poppy white"): a given name and a surname in either order
		// ("pace vittoria", though both are also words), or any two of
		// which one is no ordinary word.
		// The surname may come first ("negri fabrizio", as forms list them).
		if n1, e1 := f.longestKnown(src, ws[i:i+1], known, sc); n1 == 1 && !ws[i+1].cap {
			if n2, e2 := f.longestKnown(src, ws[i+1:], known, sc); n2 >= 1 &&
				(givenAndSurname(known, e1, e2) || f.lists(src, ws, i, sc)&wCommon == 0 || f.lists(src, ws, i+1, sc)&wCommon == 0) {
				sc.hits = append(sc.hits, nameHit{start: w.start, end: w.end, known: true, entry: e1})
				f.emitKnown(src, ws[i+1:i+1+n2], e2, known, sc)
				return 1 + n2
			}
		}
	}
	if ctx == ctxWeak && known != nil {
		// "Hi charlie,", "Grazie mille,\nrocco": a known name after a
		// greeting or a closing formula.
		if k, e := f.longestKnown(src, ws[i:], known, sc); k >= 1 {
			f.emitKnown(src, ws[i:i+k], e, known, sc)
			return k
		}
	}
	if ctx != ctxStrong && ctx != ctxHonor {
		return 0
	}
	// After a strong context: up to three words that are names (known or
	// in a dictionary), plus one unlisted word after a given name.
	n := 0
	for j := i; j < len(ws) && j < i+3; j++ {
		f.lists(src, ws, j, sc)
		x := ws[j]
		if j > i && x.sepBefore != ' ' {
			break
		}
		if x.cap || x.upper {
			break
		}
		if known != nil {
			if k, e := f.longestKnown(src, ws[j:j+1], known, sc); k == 1 {
				sc.hits = append(sc.hits, nameHit{start: x.start, end: x.end, known: true, entry: e})
				n++
				continue
			}
		}
		if !f.mode.dictionary() {
			break
		}
		switch {
		case x.flags&(wFirst|wLast) != 0 && x.flags&(wCommon|wParticle|wContext) == 0:
			part := PartLast
			if x.flags&wFirst != 0 && (j == i || x.flags&wLast == 0) {
				part = PartFirst
			}
			sc.hits = append(sc.hits, nameHit{start: x.start, end: x.end, part: part})
			n++
			continue
		case j > i && ws[j-1].flags&wFirst != 0 && x.flags&(wCommon|wParticle|wContext) == 0 && x.end-x.start >= 3:
			sc.hits = append(sc.hits, nameHit{start: x.start, end: x.end, part: PartLast})
			n++
			continue
		}
		break
	}
	return n
}

// emitKnown records the known value e spelled by the words ws. A full name
// that is also a known given name followed by a known surname ("Gaia
// Marras" in a card holder column, "Gaia" and "Marras" in customers) is
// masked part by part, so it reads like the person's masked first_name and
// last_name columns.
func (f *nameFinder) emitKnown(src []byte, ws []word, e knownEntry, known *KnownNames, sc *nameScratch) {
	if len(ws) >= 2 && known.sources[e.src].part == PartFull {
		for k := 1; k < len(ws); k++ {
			e1, ok1 := f.knownExact(src, ws[:k], known, sc)
			e2, ok2 := f.knownExact(src, ws[k:], known, sc)
			if ok1 && ok2 && known.sources[e1.src].part == PartFirst && known.sources[e2.src].part == PartLast {
				sc.hits = append(sc.hits,
					nameHit{start: ws[0].start, end: ws[k-1].end, known: true, entry: e1},
					nameHit{start: ws[k].start, end: ws[len(ws)-1].end, known: true, entry: e2})
				return
			}
		}
	}
	sc.hits = append(sc.hits, nameHit{start: ws[0].start, end: ws[len(ws)-1].end, known: true, entry: e})
}

// knownExact looks up the value spelled by exactly the words ws.
func (f *nameFinder) knownExact(src []byte, ws []word, known *KnownNames, sc *nameScratch) (knownEntry, bool) {
	for k := 1; k < len(ws); k++ {
		if ws[k].sepBefore != ' ' {
			return knownEntry{}, false
		}
	}
	sc.fold = foldName(sc.fold[:0], src[ws[0].start:ws[len(ws)-1].end])
	return known.lookup(sc.fold)
}

// longestKnown finds the longest known value made of the first words of ws
// (joined by single spaces); it returns its length in words.
func (f *nameFinder) longestKnown(src []byte, ws []word, known *KnownNames, sc *nameScratch) (int, knownEntry) {
	if ws[0].knownMax == 0 {
		return 0, knownEntry{}
	}
	n := min(int(ws[0].knownMax), len(ws))
	for k := 1; k < n; k++ {
		if ws[k].sepBefore != ' ' {
			n = k
			break
		}
	}
	for ; n >= 1; n-- {
		sc.fold = foldName(sc.fold[:0], src[ws[0].start:ws[n-1].end])
		if e, ok := known.lookup(sc.fold); ok {
			return n, e
		}
	}
	return 0, knownEntry{}
}

// tokenize splits src into words: runs of letters, with apostrophes and
// hyphens inside ("D'Amico", "Jürgen-Peter"). An elided article before a
// capital ("dell'Anna", "d'Anaïs") and an English possessive ("Rossi's")
// are cut off the word.
func (f *nameFinder) tokenize(src []byte, ws []word, fold *[]byte, known *KnownNames) []word {
	var sep byte
	for i := 0; i < len(src); {
		r, n := rune(src[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(src[i:])
		}
		if !isLetter(r) {
			switch {
			case r == '\n' || r == '\r':
				sep = '\n'
			case r == ' ' || r == '\t' || r == '\u00a0':
				if sep == 0 || sep == ' ' || sep == 1 {
					sep = ' '
				}
			case r < utf8.RuneSelf:
				if sep != '\n' {
					sep = byte(r)
				}
			default:
				sep = '?'
			}
			i += n
			continue
		}
		start := i
		j := i + n
		for j < len(src) {
			r2, n2 := rune(src[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRune(src[j:])
			}
			if isLetter(r2) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '\u2019' || r2 == '-') && j+n2 < len(src) {
				if r3, _ := utf8.DecodeRune(src[j+n2:]); isLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		ws = f.addWord(src, ws, start, j, sep, fold, known)
		sep = 1 // "directly after a word": not a space yet
		i = j
	}
	return ws
}

// addWord appends src[start:end] (splitting off an elided article or a
// possessive) with its flags.
func (f *nameFinder) addWord(src []byte, ws []word, start, end int, sep byte, fold *[]byte, known *KnownNames) []word {
	s := src[start:end]
	// "Rossi's", "Rossi’s"
	if len(s) > 3 && s[len(s)-1] == 's' {
		if s[len(s)-2] == '\'' {
			end -= 2
		} else if len(s) > 5 && string(s[len(s)-4:len(s)-1]) == "\u2019" {
			end -= 4
		}
		s = src[start:end]
	}
	// "dell'Anna", "l'Anna", "d’Anaïs": a lower-case article of at most five
	// letters, an apostrophe, a capital.
	for k := 0; k < len(s) && k <= 5; k++ {
		c := s[k]
		if c == '\'' || (c == 0xE2 && k+2 < len(s) && s[k+1] == 0x80 && s[k+2] == 0x99) {
			al := 1
			if c == 0xE2 {
				al = 3
			}
			if k > 0 && k+al < len(s) {
				if r, _ := utf8.DecodeRune(s[k+al:]); unicode.IsUpper(r) {
					ws = f.addWord(src, ws, start, start+k, sep, fold, known)
					ws[len(ws)-1].flags |= wParticle
					return f.addWord(src, ws, start+k+al, end, '\'', fold, known)
				}
			}
			break
		}
		if c < 'a' || c > 'z' {
			break
		}
	}
	w := word{start: start, end: end, sepBefore: sep}
	var h uint64
	letters := 0
	*fold, h, w.cap, w.upper, letters = foldWord((*fold)[:0], s)
	if w.upper && letters == 1 {
		w.upper = false // "A", "I": a letter, not a word in capitals
	}
	// The large lists only for capitalised words now; a lower-case word
	// is looked up there when a rule needs it (lists).
	w.flags = f.dict.contextFlags(*fold, h)
	if w.cap || w.upper {
		w.flags |= f.dict.listFlags(*fold, h)
		w.listsDone = true
	}
	if known != nil {
		n, _ := known.heads.get(*fold, h)
		w.knownMax = uint8(n)
	}
	if letters == 1 && w.flags&wHonor == 0 {
		w.flags |= wNever // "C.F.", "A": a letter is not a name
	}
	if (sep >= '0' && sep <= '9') || (end < len(src) && src[end] >= '0' && src[end] <= '9') {
		// Letters inside a code ("N51CNH7M8", "ORD2024"): neither a name
		// nor context ("M" there is no "M." honorific).
		w.flags = wNever
		w.knownMax = 0
	}
	return append(ws, w)
}

// lists completes the flags of word i with the name and word lists.
func (f *nameFinder) lists(src []byte, ws []word, i int, sc *nameScratch) uint16 {
	w := &ws[i]
	if !w.listsDone {
		sc.fold = foldName(sc.fold[:0], src[w.start:w.end])
		w.flags |= f.dict.listFlags(sc.fold, wordHash(sc.fold))
		w.listsDone = true
	}
	return w.flags
}

// isLetter is unicode.IsLetter with the ASCII answer from a table.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiLetter[r]
	}
	return unicode.IsLetter(r)
}

var asciiLetter = func() (t [utf8.RuneSelf]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// foldWord appends the folded form of the word s (as foldName does) and
// returns its wordHash, whether its first letter is a capital, whether it
// has no lower-case letter, and how many runes it has: one pass.
func foldWord(dst, s []byte) (out []byte, h uint64, capital, upper bool, runes int) {
	h = 14695981039346656037
	upper = true
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				if i == 0 {
					capital = true
				}
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z':
				upper = false
			}
			dst = append(dst, c)
			i++
			runes++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		switch {
		case r == '\u2019':
			r = '\''
		case unicode.IsUpper(r):
			if i == 0 {
				capital = true
			}
			r = unicode.ToLower(r)
		case unicode.IsLower(r):
			upper = false
		}
		dst = utf8.AppendRune(dst, r)
		i += n
		runes++
	}
	upper = upper && capital
	for _, c := range dst[start:] {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return dst, h, capital, upper, runes
}

// givenAndSurname reports whether two known values are a given name and a
// surname, in either order.
func givenAndSurname(k *KnownNames, a, b knownEntry) bool {
	pa, pb := k.sources[a.src].part, k.sources[b.src].part
	return pa == PartFirst && pb == PartLast || pa == PartLast && pb == PartFirst
}
