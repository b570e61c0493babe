package proxy

import (
	"bytes"
	"hash/maphash"
)

// valueMemo remembers the recent masked values of one result column for
// one masker: real columns repeat (names, cities, statuses) and a mask
// costs up to a microsecond, a lookup tens of nanoseconds. It is a
// direct-mapped table; a collision replaces the older entry. Masks are
// deterministic, so a remembered value is exactly what the mask would give.
type valueMemo struct {
	slots [memoSlots]memoSlot
}

type memoSlot struct {
	in, out []byte
	null    bool
	used    bool
}

const (
	memoSlots = 128
	// memoAfter rows into one result a column gets a memo: short results
	// (lookups) never pay for one.
	memoAfter = 32
)

var memoSeed = maphash.MakeSeed()

// get returns the remembered output for v; the slice belongs to the memo
// and is valid until the next put.
func (m *valueMemo) get(v []byte) (out []byte, null, ok bool) {
	s := &m.slots[maphash.Bytes(memoSeed, v)%memoSlots]
	if s.used && bytes.Equal(s.in, v) {
		return s.out, s.null, true
	}
	return nil, false, false
}

// put remembers out (copied) as the output for v.
func (m *valueMemo) put(v, out []byte, null bool) {
	s := &m.slots[maphash.Bytes(memoSeed, v)%memoSlots]
	s.in = append(s.in[:0], v...)
	s.out = append(s.out[:0], out...)
	s.null, s.used = null, true
}
