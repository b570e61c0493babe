package anonymize

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/pgveil/pgveil/anonymize/textpii"
)

// The scrub mask: free text (support tickets, notes) in which personal data
// is replaced by the output of the mask for its kind, every other byte
// copied through. Detectors, each switchable by a parameter:
//   - e-mail addresses, IBANs, payment-card numbers and phone numbers: the
//     piiScanner below, one hand-written pass over the bytes, no regular
//     expressions; checksums confirm IBANs (ISO 13616 mod-97 and the
//     country's length) and cards (Luhn, 13-19 digits); phone numbers must
//     have an international prefix, a national trunk 0, or the shape of an
//     Italian mobile or NANP number. A match never touches a longer run of
//     letters or digits.
//   - person names (scrub_names.go): known values of the database's name
//     columns and the per-locale dictionaries, read in context;
//   - national identifiers, document numbers, CVVs, birth dates, addresses,
//     IP addresses, obfuscated e-mails and IBANs in any case or grouping
//     (package textpii).
// Overlapping matches are resolved once: the earliest start wins, then the
// longest, then any kind before a name.

func init() {
	register(Info{Name: "scrub", Params: scrubParams,
		Summary: "free text: e-mails, IBANs, cards, phones, person names, national IDs, document numbers, CVVs, birth dates, addresses and IPs replaced by their masks (" +
			"names: " + nameModeList + "; ids, documents, cvv, birth_dates, addresses, ips, obfuscated_emails: true|false; " +
			"email, iban, phone, card, first_name, last_name, street, postcode, city, date: a mask or semantic type name)",
		New: newScrub})
}

var scrubParams = []string{
	"email", "iban", "phone", "card", "first_name", "last_name", "street", "postcode", "city", "date",
	"names", "ids", "documents", "cvv", "birth_dates", "addresses", "ips", "obfuscated_emails",
}

type piiKind uint8

const (
	piiNone piiKind = iota
	piiEmail
	piiIBAN
	piiCard
	piiPhone
	piiStreet
	piiPostcode
	piiCity
	piiDate
	piiFirst
	piiLast
	piiKinds
)

// Kinds replaced by keyed fakes of their own, or through another kind's mask.
const (
	piiName piiKind = piiKinds + 1 + iota
	piiNationalID
	piiDocument
	piiCVV
	piiIP
	piiObfEmail
	piiIBANText
)

// piiNames are the mask parameters of the kinds with a sub-mask.
var piiNames = [piiKinds]string{piiEmail: "email", piiIBAN: "iban", piiCard: "card", piiPhone: "phone",
	piiStreet: "street", piiPostcode: "postcode", piiCity: "city", piiDate: "date",
	piiFirst: "first_name", piiLast: "last_name"}

func (k piiKind) String() string {
	switch k {
	case piiName:
		return "name"
	case piiNationalID:
		return "national_id"
	case piiDocument:
		return "document"
	case piiCVV:
		return "cvv"
	case piiIP:
		return "ip"
	case piiObfEmail:
		return "email"
	case piiIBANText:
		return "iban"
	}
	if k == piiNone || k >= piiKinds {
		return "none"
	}
	return piiNames[k]
}

type scrubMask struct {
	subs   [piiKinds]Masker
	names  nameMode
	known  *KnownNamesRef
	detect textpii.Options
	keyed  *Key
}

// newScrub resolves one sub-mask per kind. Without a parameter the registry
// mask of the same name is used with the kind as pseudonym domain, so an
// address found in text gets the same pseudonym as in a plain email column.
func newScrub(env Env, p Params) (Masker, error) {
	m := scrubMask{known: env.Names, keyed: env.Key}
	for k := piiEmail; k < piiKinds; k++ {
		name := piiNames[k]
		sub, ok, err := p.Masker(name)
		if err != nil {
			return nil, err
		}
		if !ok {
			var def MapParams
			if k == piiDate {
				def = MapParams{"shift_days": 180}
			}
			sub, err = New(name, Env{Key: env.Key, Locale: env.Locale, Domain: name}, def)
			if err != nil {
				return nil, fmt.Errorf("scrub: default mask for %s: %w", name, err)
			}
		}
		if sub == nil {
			return nil, p.Errorf(name, "no mask given for %s", name)
		}
		if (k == piiFirst || k == piiLast) && NamePartOf(sub) == PartNone {
			what, _ := p.String(name, "")
			return nil, p.Errorf(name, "scrub: %s must be a name mask, not %q (valid: first_name, last_name, full_name, or a semantic type whose mask is one of them)", name, what)
		}
		m.subs[k] = sub
	}
	mode, err := p.String("names", "both")
	if err != nil {
		return nil, err
	}
	nm, ok := nameModes[mode]
	if !ok {
		return nil, p.Errorf("names", "scrub: unknown names mode %q (valid: %s)", mode, nameModeList)
	}
	m.names = nm
	for _, sw := range []struct {
		name string
		on   *bool
	}{
		{"ids", &m.detect.IDs}, {"documents", &m.detect.Documents}, {"cvv", &m.detect.CVV},
		{"birth_dates", &m.detect.BirthDates}, {"addresses", &m.detect.Addresses}, {"ips", &m.detect.IPs},
		{"obfuscated_emails", &m.detect.ObfuscatedEmails},
	} {
		if *sw.on, err = p.Bool(sw.name, true); err != nil {
			return nil, err
		}
	}
	// IBANs in lower case or odd groupings: always looked for, like IBANs.
	m.detect.IBANs = true
	return m, nil
}

func (m scrubMask) Bind(c Column) (Bound, error) {
	if err := requireText("scrub", c); err != nil {
		return Bound{}, err
	}
	s, err := m.newScrubber()
	if err != nil {
		return Bound{}, err
	}
	return textBound(c, s.apply), nil
}

// newScrubber binds the sub-masks.
func (m scrubMask) newScrubber() (*scrubber, error) {
	s := &scrubber{detect: m.detect}
	for k := piiEmail; k < piiKinds; k++ {
		col := Column{Type: "text"}
		if k == piiDate {
			col = Column{Type: "date"}
		}
		b, err := m.subs[k].Bind(col)
		if err != nil {
			return nil, fmt.Errorf("scrub: mask for %s: %w", piiNames[k], err)
		}
		s.bounds[k] = b
	}
	if m.names != namesOff {
		s.names = &nameFinder{mode: m.names, known: m.known, dict: sharedNameDict()}
	}
	if m.keyed != nil {
		s.ids = m.keyed.Domain("scrub national_id")
		s.docs = m.keyed.Domain("scrub document")
		s.ips = m.keyed.Domain("scrub ip")
	}
	return s, nil
}

type scrubber struct {
	bounds         [piiKinds]Bound
	names          *nameFinder
	detect         textpii.Options
	ids, docs, ips *Keyed
}

// hit is one match: src[start:end] of kind.
type hit struct {
	start, end int
	kind       piiKind
	id         textpii.IDType // national identifiers
	name       int            // index into the name finder's hits
}

type scrubScratch struct {
	hits  []hit
	tp    []textpii.Hit
	names nameScratch
	tmp   []byte
	tmp2  []byte
}

var scrubScratchPool = sync.Pool{New: func() any { return new(scrubScratch) }}

// apply copies src to dst with every match replaced by its mask's output.
// A sub-mask that yields NULL removes the match.
func (s *scrubber) apply(dst, src []byte) ([]byte, error) {
	sc := scrubScratchPool.Get().(*scrubScratch)
	defer scrubScratchPool.Put(sc)
	hits, err := s.find(src, sc)
	if err != nil {
		return dst, fmt.Errorf("scrub: %w", err)
	}
	copied := 0
	for _, h := range hits {
		dst = append(dst, src[copied:h.start]...)
		var err error
		dst, err = s.replace(dst, src, h, sc)
		if err != nil {
			return dst, fmt.Errorf("scrub: %s mask: %w", h.kind, err)
		}
		copied = h.end
	}
	return append(dst, src[copied:]...), nil
}

// find collects the matches of every detector, ordered and without
// overlaps.
func (s *scrubber) find(src []byte, sc *scrubScratch) ([]hit, error) {
	hits := sc.hits[:0]
	ps := piiScanner{src: src}
	for {
		k, start, end := ps.next()
		if k == piiNone {
			break
		}
		hits = append(hits, hit{start: start, end: end, kind: k})
	}
	sc.tp = textpii.Find(src, s.detect, sc.tp[:0])
	for _, t := range sc.tp {
		if k := textpiiKind(t.Kind); k != piiNone {
			hits = append(hits, hit{start: t.Start, end: t.End, kind: k, id: t.ID})
		}
	}
	if s.names != nil {
		if s.names.mode.known() {
			k, err := s.names.known.ready()
			if err != nil {
				return nil, err
			}
			sc.names.known = k
		}
		s.names.find(src, &sc.names)
		for i, n := range sc.names.hits {
			hits = append(hits, hit{start: n.start, end: n.end, kind: piiName, name: i})
		}
	}
	sc.hits = hits
	return resolveOverlaps(hits), nil
}

func textpiiKind(k textpii.Kind) piiKind {
	switch k {
	case textpii.KindNationalID:
		return piiNationalID
	case textpii.KindDocument:
		return piiDocument
	case textpii.KindCVV:
		return piiCVV
	case textpii.KindBirthDate:
		return piiDate
	case textpii.KindStreet:
		return piiStreet
	case textpii.KindPostcode:
		return piiPostcode
	case textpii.KindCity:
		return piiCity
	case textpii.KindIP:
		return piiIP
	case textpii.KindEmail:
		return piiObfEmail
	case textpii.KindIBAN:
		return piiIBANText
	case textpii.KindNone:
		return piiNone
	}
	// A kind this scrubber does not know: kept as a match that replace
	// refuses, never passed through.
	return piiKinds
}

// resolveOverlaps sorts hits by start (longest first, names last) and drops
// every hit that overlaps one kept before it.
func resolveOverlaps(hits []hit) []hit {
	less := func(a, b hit) bool {
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.kind != piiName && b.kind == piiName
	}
	// Insertion sort: a text has a handful of hits.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && less(hits[j], hits[j-1]); j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	out, last := hits[:0], 0
	for _, h := range hits {
		if h.start >= last {
			out = append(out, h)
			last = h.end
		}
	}
	return out
}

// Byte classes for the scanner.
const (
	scLocal = 1 << iota // may be part of an e-mail local part: atext or '.'
	scDigit
	scUpper
	scLower
	scStart // may start an IBAN, card or phone number: digit, upper, '+', '('
	scLDH   // may be part of a domain label: letter, digit, '-'

	scAlnum = scDigit | scUpper | scLower
)

var scrubClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = scLocal | scDigit | scStart | scLDH
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = scLocal | scUpper | scStart | scLDH
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = scLocal | scLower | scLDH
	}
	for _, c := range []byte("!#$%&'*+-/=?^_`{|}~.") {
		t[c] |= scLocal
	}
	t['-'] |= scLDH
	t['+'] |= scStart
	t['('] |= scStart
	return t
}()

func scIs(c byte, class uint8) bool { return scrubClass[c]&class != 0 }

// piiScanner finds the matches of a text left to right, without overlaps.
type piiScanner struct {
	src     []byte
	i       int // next position to examine
	last    int // end of the previous match
	at      int // position of the next '@' at or after i, len(src) if none
	atWord  int // start of the run of local-part characters that ends at at
	started bool
}

// next returns the next match, or piiNone at the end of the text.
func (sc *piiScanner) next() (kind piiKind, start, end int) {
	src := sc.src
	n := len(src)
	if !sc.started {
		sc.started = true
		sc.seekAt(0)
	}
	for i := sc.i; i < n; i++ {
		cl := scrubClass[src[i]]
		if cl == 0 {
			continue
		}
		// An e-mail address is a whole run of local-part characters followed
		// by '@' and a domain; it takes precedence over numbers inside it.
		if sc.at < i {
			sc.seekAt(i)
		}
		if sc.at < n && i == max(sc.atWord, sc.last) && sc.at > i {
			if s, e, ok := matchEmail(src, i, sc.at); ok {
				return sc.found(piiEmail, s, e)
			}
		}
		if cl&scStart == 0 || !tokenStart(src, i) {
			continue
		}
		switch {
		case cl&scUpper != 0:
			if e, ok := matchIBAN(src, i); ok {
				return sc.found(piiIBAN, i, e)
			} else if e > i {
				i = e - 1 // an IBAN with a wrong check: no card or phone inside
			}
		case cl&scDigit != 0:
			if e, ok := matchCard(src, i); ok {
				return sc.found(piiCard, i, e)
			}
			if e, ok := matchPhone(src, i); ok {
				return sc.found(piiPhone, i, e)
			}
		default: // '+' or '('
			if e, ok := matchPhone(src, i); ok {
				return sc.found(piiPhone, i, e)
			}
		}
	}
	sc.i = n
	return piiNone, 0, 0
}

// seekAt finds the next '@' at or after from and the start of the run of
// local-part characters before it.
func (sc *piiScanner) seekAt(from int) {
	sc.at = len(sc.src)
	if k := bytes.IndexByte(sc.src[from:], '@'); k >= 0 {
		sc.at = from + k
	}
	w := sc.at
	for w > 0 && scIs(sc.src[w-1], scLocal) {
		w--
	}
	sc.atWord = w
}

func (sc *piiScanner) found(k piiKind, start, end int) (piiKind, int, int) {
	sc.i, sc.last = end, end
	return k, start, end
}

// tokenStart reports whether a number or IBAN may start at i: it must not
// continue a run of letters or digits, also not through a joiner
// ("ORD-12345678", "v2/0612345678") or a decimal point ("0.12345678").
func tokenStart(src []byte, i int) bool {
	if i == 0 {
		return true
	}
	p := src[i-1]
	if scIs(p, scAlnum) {
		return false
	}
	switch p {
	case '#', '@', '+', '&':
		return false
	case '-', '_', '/':
		return i < 2 || !scIs(src[i-2], scAlnum)
	case '.', ',':
		return i < 2 || !scIs(src[i-2], scDigit)
	}
	return true
}

// tokenEnd is tokenStart for the byte after a match.
func tokenEnd(src []byte, e int) bool {
	if e >= len(src) {
		return true
	}
	c := src[e]
	if scIs(c, scAlnum) {
		return false
	}
	switch c {
	case '@', '%':
		return false
	case '-', '_', '/':
		return e+1 >= len(src) || !scIs(src[e+1], scAlnum)
	case '.', ',':
		return e+1 >= len(src) || !scIs(src[e+1], scDigit)
	}
	return true
}

// matchEmail checks the word src[word:at] followed by '@' at src[at]: the
// local part is the word without leading punctuation ("'mario", "**bob"),
// the domain has at least two labels of letters, digits and hyphens and a
// top-level label of two or more letters. A trailing dot or a label that
// does not fit (".123") ends the address before it.
func matchEmail(src []byte, word, at int) (start, end int, ok bool) {
	s := word
	for s < at && !scIs(src[s], scAlnum) && src[s] != '_' {
		s++
	}
	if s == at {
		return 0, 0, false
	}
	n := len(src)
	j, labels, end := at+1, 0, -1
	for {
		ls := j
		letters := true
		for j < n && scIs(src[j], scLDH) {
			letters = letters && scIs(src[j], scUpper|scLower)
			j++
		}
		if j == ls {
			break
		}
		labels++
		if labels >= 2 && letters && j-ls >= 2 {
			end = j
		}
		if j+1 < n && src[j] == '.' && scIs(src[j+1], scLDH) {
			j++
			continue
		}
		break
	}
	return s, end, end > 0
}

// matchIBAN reads, from src[i], an IBAN of its country's length, either
// compact or printed in blocks of four separated by single spaces, and
// accepts it if the mod-97 check passes. When only the check fails, the end
// of the IBAN-shaped text is returned with ok false.
func matchIBAN(src []byte, i int) (int, bool) {
	n := len(src)
	if i+4 > n || !scIs(src[i+1], scUpper) || !scIs(src[i+2], scDigit) || !scIs(src[i+3], scDigit) {
		return 0, false
	}
	want := textpii.IBANLength(src[i], src[i+1])
	if want == 0 {
		return 0, false
	}
	j, count := i+4, 4
	grouped := j < n && src[j] == ' '
	for count < want {
		if grouped && count%4 == 0 {
			if j >= n || src[j] != ' ' {
				return 0, false
			}
			j++
		}
		if j >= n || !scIs(src[j], scDigit|scUpper) {
			return 0, false
		}
		j++
		count++
	}
	if !tokenEnd(src, j) {
		return 0, false
	}
	return j, textpii.IBANRemainder(src[i:j]) == 1
}

// matchCard reads 13-19 digits from src[i], optionally in groups separated
// by single spaces or single hyphens (one kind per number), and accepts them
// if they pass the Luhn check. Card numbers start with 2-6 (Mastercard,
// Amex, Visa, Discover, JCB, Diners). When the digits go on past a space
// (an expiry date, a reference), the longest Luhn-valid prefix that ends at
// a space is the card.
func matchCard(src []byte, i int) (int, bool) {
	if src[i] < '2' || src[i] > '6' {
		return 0, false
	}
	n := len(src)
	var ends [20]int
	var count [20]int
	var after [20]byte // separator after the group, 0 at the end of the run
	ng, digits, j := 0, 0, i
	var sep byte
	for ng < len(ends) {
		s := j
		for j < n && scIs(src[j], scDigit) {
			j++
		}
		digits += j - s
		if digits > 19 {
			break
		}
		ends[ng], count[ng] = j, digits
		ng++
		if j+1 < n && (src[j] == ' ' || src[j] == '-') && (sep == 0 || src[j] == sep) && scIs(src[j+1], scDigit) {
			sep = src[j]
			after[ng-1] = sep
			j++
			continue
		}
		break
	}
	for k := ng - 1; k >= 0; k-- {
		if count[k] < 13 {
			break
		}
		ok := after[k] == ' ' || (after[k] == 0 && k == ng-1 && digits <= 19 && tokenEnd(src, ends[k]))
		if ok && Luhn(src[i:ends[k]]) {
			return ends[k], true
		}
	}
	return 0, false
}
