package anonymize

import (
	"bytes"
	"errors"
	"fmt"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Known names: the person names the database itself holds in columns masked
// as first_name, last_name or full_name. The scrub mask replaces an
// occurrence of such a value in free text by exactly the pseudonym the
// column's own mask gives it, so "Gaia Marras" in a ticket reads as the
// customer's fake name in customers.
//
// The front-ends fill the index (the dump from its snapshot, the filter from
// a first pass over the stream, the proxy from its catalog loads) and publish
// it through a KnownNamesRef that every scrub mask of one rules file shares.

// NamePart says which part of a person's name a column holds.
type NamePart uint8

const (
	PartNone  NamePart = iota
	PartFirst          // given names
	PartLast           // surnames
	PartFull           // "First Last"
)

func (p NamePart) String() string {
	switch p {
	case PartFirst:
		return "first_name"
	case PartLast:
		return "last_name"
	case PartFull:
		return "full_name"
	}
	return "none"
}

// NamePartOf reports which name part a mask produces: PartNone unless m is a
// first_name, last_name or full_name mask (directly or through a semantic
// type, which resolves to the same Masker).
func NamePartOf(m Masker) NamePart {
	f, ok := m.(fakeMask)
	if !ok {
		return PartNone
	}
	switch f.kind {
	case fakeFirst:
		return PartFirst
	case fakeLast:
		return PartLast
	case fakeFull:
		return PartFull
	}
	return PartNone
}

// maxNameTokens bounds the words of one indexed value ("Maria Grazia De
// Luca" has four); longer values are kept out of the text index.
const maxNameTokens = 5

// DefaultKnownNamesBudget is the memory the index may take before building
// fails: about 2.6 million distinct names (about 200 bytes each).
const DefaultKnownNamesBudget = 512 << 20

// ErrKnownNamesBudget is returned when the index would exceed its budget.
var ErrKnownNamesBudget = errors.New("known-name index over its memory budget")

type knownSource struct {
	part  NamePart
	bound Bound // the column's mask bound to text
	label string
}

type knownEntry struct {
	value string // the value as stored (the mask's input)
	src   uint16 // lowest source that holds it
}

// KnownNames is an immutable index from a folded name value (lower case,
// single spaces) to the value as stored and the column mask that masks it.
type KnownNames struct {
	sources []knownSource
	values  map[string]knownEntry
	// heads maps the folded first word of every value to the most words a
	// value starting with it has, so a text word that starts no value costs
	// one lookup.
	// Keyed by wordHash: a collision only costs an exact lookup that fails.
	heads *wordTable
	bytes int64
}

// Len is the number of distinct indexed values.
func (k *KnownNames) Len() int {
	if k == nil {
		return 0
	}
	return len(k.values)
}

// MemoryBytes estimates the index's heap use (keys, values and map slots).
func (k *KnownNames) MemoryBytes() int64 {
	if k == nil {
		return 0
	}
	return k.bytes
}

// KnownNamesBuilder collects values column by column. Columns must be added
// in a fixed order (the front-ends sort them by schema, table, column) so
// that a value held by two columns resolves to the same mask everywhere.
type KnownNamesBuilder struct {
	k      KnownNames
	budget int64
	fold   []byte
	err    error
}

// NewKnownNamesBuilder starts an index limited to budget bytes (0: the default).
func NewKnownNamesBuilder(budget int64) *KnownNamesBuilder {
	if budget <= 0 {
		budget = DefaultKnownNamesBudget
	}
	return &KnownNamesBuilder{budget: budget, k: KnownNames{values: map[string]knownEntry{}, heads: newWordTable(false)}}
}

// Column registers a name column masked by m and returns its handle for Add.
// label names the column in errors ("public.customers.first_name").
func (b *KnownNamesBuilder) Column(label string, m Masker) (int, error) {
	part := NamePartOf(m)
	if part == PartNone {
		return 0, fmt.Errorf("known names: %s is not masked as a name", label)
	}
	if len(b.k.sources) >= 1<<16-1 {
		return 0, fmt.Errorf("known names: too many name columns (at %s)", label)
	}
	bound, err := m.Bind(Column{Type: "text"})
	if err != nil {
		return 0, fmt.Errorf("known names: %s: %w", label, err)
	}
	b.k.sources = append(b.k.sources, knownSource{part: part, bound: bound, label: label})
	return len(b.k.sources) - 1, nil
}

// Per-entry overhead of the two maps (string headers, entry, bucket slots),
// measured with the index benchmark and rounded up.
const knownEntryOverhead = 96

// Add indexes one value of column col. Empty values and values of more than
// maxNameTokens words are skipped. It fails once the budget is exceeded.
func (b *KnownNamesBuilder) Add(col int, value []byte) error {
	if b.err != nil {
		return b.err
	}
	if col < 0 || col >= len(b.k.sources) {
		return fmt.Errorf("known names: no column %d", col)
	}
	b.fold = foldName(b.fold[:0], value)
	if len(b.fold) == 0 || !utf8.Valid(value) {
		return nil
	}
	words := bytes.Count(b.fold, []byte{' '}) + 1
	if words > maxNameTokens {
		return nil
	}
	if e, ok := b.k.values[string(b.fold)]; ok {
		// The lowest column wins, then the smallest spelling: the same for
		// every front-end whatever order rows come in.
		if int(e.src) < col || (int(e.src) == col && e.value <= string(value)) {
			return nil
		}
		b.k.values[string(b.fold)] = knownEntry{value: string(value), src: uint16(col)}
		return nil
	}
	key := string(b.fold)
	b.k.values[key] = knownEntry{value: string(value), src: uint16(col)}
	b.k.bytes += int64(len(key)+len(value)) + knownEntryOverhead
	head := key
	if sp := bytes.IndexByte(b.fold, ' '); sp >= 0 {
		head = key[:sp]
	}
	before := b.k.heads.bytes()
	b.k.heads.update([]byte(head), wordHash([]byte(head)), func(old uint16, _ bool) uint16 { return max(old, uint16(words)) })
	b.k.bytes += b.k.heads.bytes() - before
	if b.k.bytes > b.budget {
		b.err = fmt.Errorf("%w (%d MiB, at %s): raise the budget or scrub with names: dictionary",
			ErrKnownNamesBudget, b.budget>>20, b.k.sources[col].label)
		return b.err
	}
	return nil
}

// Build returns the finished index; the builder must not be used after.
func (b *KnownNamesBuilder) Build() (*KnownNames, error) {
	if b.err != nil {
		return nil, b.err
	}
	k := b.k
	return &k, nil
}

// lookup finds the value whose folded form is key.
func (k *KnownNames) lookup(key []byte) (knownEntry, bool) {
	e, ok := k.values[string(key)]
	return e, ok
}

// KnownNamesRef is the slot through which the front-ends publish the index
// to the scrub masks of one rules file. A nil index means "no known names
// yet": scrub then uses its dictionaries only.
type KnownNamesRef struct {
	p        atomic.Pointer[KnownNames]
	expected atomic.Bool
}

// Expect marks the index as required: the rules name person-name columns,
// so a scrub mask reading known names refuses to work until one is set
// (rather than silently letting through the names only the index knows).
func (r *KnownNamesRef) Expect() {
	if r != nil {
		r.expected.Store(true)
	}
}

// errKnownNamesMissing is returned by a scrub mask whose rules name person
// columns when no front-end has loaded their values.
var errKnownNamesMissing = errors.New("the known-name index has not been loaded (the rules name person-name columns)")

// ready returns the index, or an error when one is expected but missing.
func (r *KnownNamesRef) ready() (*KnownNames, error) {
	if r == nil {
		return nil, nil
	}
	k := r.p.Load()
	if k == nil && r.expected.Load() {
		return nil, errKnownNamesMissing
	}
	return k, nil
}

// NewKnownNamesRef returns an empty slot.
func NewKnownNamesRef() *KnownNamesRef { return new(KnownNamesRef) }

// Set publishes k (nil clears it).
func (r *KnownNamesRef) Set(k *KnownNames) {
	if r != nil {
		r.p.Store(k)
	}
}

// Get returns the published index, or nil.
func (r *KnownNamesRef) Get() *KnownNames {
	if r == nil {
		return nil
	}
	return r.p.Load()
}

// foldName appends the comparison form of a name: lower case, every run of
// spaces (and no-break spaces) one space, leading and trailing space
// dropped, the typographic apostrophe written as '.
func foldName(dst, s []byte) []byte {
	// The common case, one ASCII word: lower case, nothing else to do.
	ascii := len(s) > 0
	for _, c := range s {
		if c >= utf8.RuneSelf || c <= ' ' {
			ascii = false
			break
		}
	}
	if ascii {
		for _, c := range s {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	space := false
	start := len(dst)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		i += n
		switch {
		case r == '\u2019':
			r = '\''
		case unicode.IsSpace(r) || r == '\u00a0':
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// wordHash is FNV-1a over a folded word: the key of the per-word tables
// that the name finder consults for every word of a text.
func wordHash(fold []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range fold {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}
