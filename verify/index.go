package verify

import (
	"fmt"

	"github.com/pgveil/pgveil/anonymize"
)

// Origin is where indexed values come from: a column (or a JSON path in
// it, or a table's first and last name columns together).
type Origin struct {
	Table    string `json:"table"`              // schema.table
	Column   string `json:"column"`             // "first_name+last_name" for name pairs
	Path     string `json:"path,omitempty"`     // JSON path, for json columns
	Mask     string `json:"mask"`               // the mask that should have replaced the value
	RowsNone bool   `json:"rows_none,omitzero"` // the table is rows: none
}

func (o Origin) String() string {
	s := o.Table + "." + o.Column
	if o.Path != "" {
		s += " " + o.Path
	}
	return s
}

// pattern flags.
const (
	flagLeft  = 1 << iota // the needle starts with a word byte: check the byte before
	flagRight             // the needle ends with a word byte and is whole: check the byte after
)

// Builder collects the original values and compiles them into an Index.
// Values are folded and deduplicated; each distinct spelling becomes one
// needle of the automaton.
type Builder struct {
	filter  Filter
	origins []Origin

	valueID   map[string]uint32
	values    []string            // folded values, by value id
	valOrigin []uint16            // first origin of each value
	moreOrig  map[uint32][]uint16 // further origins

	patID    map[string]uint32
	patterns []string
	patFlags []uint8
	patValue []uint32            // first value of each needle
	moreVal  map[uint32][]uint32 // further values (rare)

	skipped map[string]int64 // values not indexed, by reason
}

// NewBuilder starts an empty index with the given value filter.
func NewBuilder(f Filter) *Builder {
	return &Builder{
		filter: f, valueID: map[string]uint32{}, moreOrig: map[uint32][]uint16{},
		patID: map[string]uint32{}, moreVal: map[uint32][]uint32{}, skipped: map[string]int64{},
	}
}

// AddOrigin registers an origin and returns its handle for Add.
func (b *Builder) AddOrigin(o Origin) (int, error) {
	if len(b.origins) >= 1<<16 {
		return 0, fmt.Errorf("more than %d indexed columns", 1<<16)
	}
	b.origins = append(b.origins, o)
	return len(b.origins) - 1, nil
}

// Add indexes one original value of an origin, unless the filter rejects
// it. It reports whether the value is searched for.
func (b *Builder) Add(origin int, value string, form Form) bool {
	if ok, why := b.filter.Keep(value); !ok {
		b.skipped[why]++
		return false
	}
	canon, clipped := clip(fold(value))
	id, seen := b.valueID[canon]
	if !seen {
		id = uint32(len(b.values))
		b.valueID[canon] = id
		b.values = append(b.values, canon)
		b.valOrigin = append(b.valOrigin, uint16(origin))
	} else if !b.hasOrigin(id, uint16(origin)) {
		b.moreOrig[id] = append(b.moreOrig[id], uint16(origin))
	}
	for _, sp := range spellings(canon, form) {
		for _, enc := range encodings(sp) {
			b.addPattern(enc, id, clipped)
		}
	}
	return true
}

func (b *Builder) hasOrigin(id uint32, o uint16) bool {
	if b.valOrigin[id] == o {
		return true
	}
	for _, x := range b.moreOrig[id] {
		if x == o {
			return true
		}
	}
	return false
}

func (b *Builder) addPattern(p string, value uint32, clipped bool) {
	if p == "" {
		return
	}
	var fl uint8
	if isWordByte(p[0]) {
		fl |= flagLeft
	}
	if isWordByte(p[len(p)-1]) && !clipped {
		fl |= flagRight
	}
	id, seen := b.patID[p]
	if !seen {
		id = uint32(len(b.patterns))
		b.patID[p] = id
		b.patterns = append(b.patterns, p)
		b.patFlags = append(b.patFlags, fl)
		b.patValue = append(b.patValue, value)
		return
	}
	b.patFlags[id] &= fl // a clipped spelling drops the check at the end
	if b.patValue[id] == value {
		return
	}
	for _, v := range b.moreVal[id] {
		if v == value {
			return
		}
	}
	b.moreVal[id] = append(b.moreVal[id], value)
}

// Values is the number of distinct values indexed so far.
func (b *Builder) Values() int { return len(b.values) }

// Index is the compiled search. One scan at a time (fingerprints are cached).
type Index struct {
	auto      *automaton
	patLen    []uint16
	patFlags  []uint8
	patValue  []uint32
	moreVal   map[uint32][]uint32
	values    []string
	valOrigin []uint16
	moreOrig  map[uint32][]uint16
	origins   []Origin
	maxLen    int
	fp        *anonymize.Keyed
	fpCache   map[uint32]string

	// Skipped counts the values left out by the filter, by reason.
	Skipped map[string]int64
}

// Build compiles the index; fingerprints are keyed with key. The Builder
// must not be used afterwards.
func (b *Builder) Build(key *anonymize.Key) *Index {
	b.valueID, b.patID = nil, nil // the deduplication maps are done with
	ix := &Index{
		auto: buildAutomaton(b.patterns), patFlags: b.patFlags, patValue: b.patValue, moreVal: b.moreVal,
		values: b.values, valOrigin: b.valOrigin, moreOrig: b.moreOrig, origins: b.origins,
		fp: key.Domain("\x00pgveil verify fingerprint"), fpCache: map[uint32]string{}, Skipped: b.skipped,
	}
	ix.patLen = make([]uint16, len(b.patterns))
	for i, p := range b.patterns {
		ix.patLen[i] = uint16(len(p))
		ix.maxLen = max(ix.maxLen, len(p))
	}
	*b = Builder{}
	return ix
}

// Values is the number of distinct values searched for.
func (ix *Index) Values() int { return len(ix.values) }

// Needles is the number of distinct spellings searched for.
func (ix *Index) Needles() int { return len(ix.patLen) }

// States is the size of the automaton.
func (ix *Index) States() int { return ix.auto.states() }

// Origins lists the indexed columns.
func (ix *Index) Origins() []Origin { return append([]Origin(nil), ix.origins...) }

// fingerprint is the first 12 hex digits of HMAC-SHA256(key, domain || 0 ||
// folded value): it tells two findings of the same value apart, and
// someone holding the key can check a guess, without printing the value.
func (ix *Index) fingerprint(v uint32) string {
	if s, ok := ix.fpCache[v]; ok {
		return s
	}
	s := fmt.Sprintf("%016x", ix.fp.Seed([]byte(ix.values[v])))[:12]
	if len(ix.fpCache) < 1<<16 {
		ix.fpCache[v] = s
	}
	return s
}

func (ix *Index) valuesOf(p int32, f func(v uint32)) {
	f(ix.patValue[p])
	for _, v := range ix.moreVal[uint32(p)] {
		f(v)
	}
}

func (ix *Index) originsOf(v uint32) []Origin {
	out := []Origin{ix.origins[ix.valOrigin[v]]}
	for _, o := range ix.moreOrig[v] {
		out = append(out, ix.origins[o])
	}
	return out
}
