package anonymize

// wordTable maps a folded word's wordHash to small flags: an open-addressed
// table of a power-of-two size at most half full, so a lookup is one or
// two probes in a contiguous array (the name finder does several per word
// of every text). With exact set, the word is compared too, so a hash
// collision never gives one word another's flags.
type wordTable struct {
	slots []wordSlot
	mask  uint64
	n     int
	exact bool
}

type wordSlot struct {
	h    uint64
	word string // only with exact
	v    uint16
	used bool
}

func newWordTable(exact bool) *wordTable {
	return &wordTable{slots: make([]wordSlot, 16), mask: 15, exact: exact}
}

// get returns the value of the word fold (hash h), 0 when absent.
func (t *wordTable) get(fold []byte, h uint64) (uint16, bool) {
	if t == nil {
		return 0, false
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if !s.used {
			return 0, false
		}
		if s.h == h && (!t.exact || s.word == string(fold)) {
			return s.v, true
		}
	}
}

// update sets the value of fold (hash h) to fn(old, present).
func (t *wordTable) update(fold []byte, h uint64, fn func(old uint16, present bool) uint16) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if !s.used {
			*s = wordSlot{h: h, v: fn(0, false), used: true}
			if t.exact {
				s.word = string(fold)
			}
			t.n++
			return
		}
		if s.h == h && (!t.exact || s.word == string(fold)) {
			s.v = fn(s.v, true)
			return
		}
	}
}

func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, 2*len(old))
	t.mask = uint64(len(t.slots) - 1)
	for _, s := range old {
		if !s.used {
			continue
		}
		for i := s.h & t.mask; ; i = (i + 1) & t.mask {
			if !t.slots[i].used {
				t.slots[i] = s
				break
			}
		}
	}
}

// bytes is the table's memory, for the known-name index's budget.
func (t *wordTable) bytes() int64 { return int64(len(t.slots)) * 40 }
