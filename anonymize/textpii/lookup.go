package textpii

// Fast paths of the main scan: one pass over a letter token, a hashed
// lookup of its first word among the keyword first words and the street
// types that precede a name, and byte sets for the hot membership tests.

// byteSet is a set of bytes.
type byteSet [256]bool

func makeByteSet(s string) (t byteSet) {
	for k := 0; k < len(s); k++ {
		t[s[k]] = true
	}
	return t
}

var (
	// startSlow: the bytes before a token start that startOK must look at;
	// after any other byte a token may start.
	startSlow = func() byteSet {
		t := makeByteSet("@#&+\\-_/.,")
		for c := 0; c < 256; c++ {
			if class[c]&cAlnum != 0 {
				t[c] = true
			}
		}
		return t
	}()
	emailAfterBlank = makeByteSet("aAcCkK@[({<") // may follow the blank after an e-mail's local part
	openBrackets    = makeByteSet("[({<")
)

// FNV-1a over the lower-cased bytes of a word.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvStep(h uint32, c byte) uint32 { return (h ^ uint32(lower(c))) * fnvPrime }

// token is what one pass over a letter token finds.
type token struct {
	ae int // end of the run of ASCII letters and digits (alnumEnd)
	we int // end of the run of letters, any script (wordEnd)
	te int // end of the run of letters and digits, any script (skipToken)
}

// scanToken reads the letter token at src[i] (an ASCII letter) once.
func scanToken(src []byte, i int) token {
	n := len(src)
	j := i
	for j < n && class[src[j]]&(cUpper|cLower) != 0 {
		j++
	}
	t := token{ae: j, we: j}
	if j < n {
		switch class[src[j]] {
		case cHigh:
			for j < n && class[src[j]]&cLetter != 0 {
				j++
			}
			t.we = j
		case cDigit | cHex:
			for j < n && class[src[j]]&cASCII != 0 {
				j++
			}
			t.ae = j
		}
	}
	for j < n && class[src[j]]&cAlnum != 0 {
		j++
	}
	t.te = j
	return t
}

// letterIndex maps a byte to 0-25 for an ASCII letter (any case), 26
// otherwise.
var letterIndex = func() (t [256]uint8) {
	for c := range t {
		t[c] = 26
		if l := lower(byte(c)); l >= 'a' && l <= 'z' {
			t[c] = l - 'a'
		}
	}
	return t
}()

// wordEntry is a word of the lookup table: its keywords (in the order of
// keywordIndex) and, if it is one, its typeFirst street type.
type wordEntry struct {
	word      string
	h         uint32
	kws       []keyword
	typeFirst int8 // index+1 into typeFirst, 0 if none
}

const wordTableSize = 512 // power of two, well above twice the entries

var wordEntries, wordTable = func() (entries []wordEntry, table [wordTableSize]uint16) {
	index := map[string]int{}
	get := func(w string) *wordEntry {
		k, ok := index[w]
		if !ok {
			h := uint32(fnvOffset)
			for j := 0; j < len(w); j++ {
				h = fnvStep(h, w[j])
			}
			k = len(entries)
			index[w] = k
			entries = append(entries, wordEntry{word: w, h: h})
		}
		return &entries[k]
	}
	for _, list := range keywordIndex {
		for _, kw := range list {
			e := get(kw.phrase[:kw.first])
			e.kws = append(e.kws, kw)
		}
	}
	for k, t := range typeFirst {
		get(t.w).typeFirst = int8(k + 1)
	}
	for k := range entries {
		w := entries[k].word
		second := byte(0)
		if len(w) > 1 {
			second = w[1]
		}
		if len(w) < 32 {
			wordLens[letterIndex[w[0]]][letterIndex[second]] |= 1 << len(w)
		}
		s := entries[k].h & (wordTableSize - 1)
		for table[s] != 0 {
			s = (s + 1) & (wordTableSize - 1)
		}
		table[s] = uint16(k + 1)
	}
	return entries, table
}()

// wordLens has, by the first two bytes of a word of the table (letterIndex;
// 26 for a second byte that is no ASCII letter or missing), bit k set when
// the word is k bytes long (k < 32).
var wordLens [27][27]uint32

// lookupWord returns the table entry of the word src[i:e] (ASCII case
// ignored; e > i), or nil.
func lookupWord(src []byte, i, e int) *wordEntry {
	l := e - i
	if l >= 32 || wordLens[letterIndex[src[i]]][letterIndex[byteAt(src, i+1)]]&(1<<l) == 0 {
		return nil
	}
	h := uint32(fnvOffset)
	for _, c := range src[i:e] {
		h = fnvStep(h, c)
	}
	for s := h & (wordTableSize - 1); ; s = (s + 1) & (wordTableSize - 1) {
		k := wordTable[s]
		if k == 0 {
			return nil
		}
		if w := &wordEntries[k-1]; w.h == h && len(w.word) == l && eqFold(src, i, w.word) {
			return w
		}
	}
}
