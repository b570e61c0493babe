package verify

import (
	"sort"
	"unicode/utf8"
)

// An Aho-Corasick automaton over case-folded bytes, anchored at word
// starts.
//
// Bytes are first mapped to classes (every byte that occurs in some pattern
// gets its own class, ASCII upper case shares the class of its lower case,
// the other bytes share class 0 or 1 as they are word bytes or not), so
// tables are as wide as the patterns' alphabet, not 256. States are
// numbered breadth-first: the children of a state are consecutive, and the
// states near the root come first. Those shallow states, where a scan
// spends nearly all its time, get a dense row of complete transitions
// (failure links already followed); the deeper ones keep only their own
// edges and fall back on their failure link. A transition value is
// next<<1 | 1 when next ends (or has a suffix that ends) a pattern, so the
// scan loop tests for a match with one bit.
//
// Anchoring: a match may only start where a needle may (word boundaries):
// after a non-word byte, after a COPY/JSON escape such as \n, or anywhere
// for a needle that starts with a non-word byte. Two roots say which: root
// (the next byte may start any needle) and mid (inside a word: only
// needles starting with a non-word byte may start). Failure links only
// lead to suffixes that start at such a place, so inside a word that
// starts no needle the automaton rests in mid, one row that stays in
// cache, instead of chasing every suffix of the word.

const (
	noState = ^uint32(0)
	rootID  = 0
	midID   = 1 // the inside-a-word root (no edges)
)

// Classes 0 and 1 hold the bytes no pattern has: non-word and word bytes.
const (
	classOther     = 0
	classOtherWord = 1
)

type automaton struct {
	class  [256]uint8
	word   []bool   // by class: a word byte
	escape []bool   // by class: the letter of an escape (\n, \t, ...)
	k      uint32   // number of classes
	nDense uint32   // states [0, nDense) have a row in dense
	dense  []uint32 // nDense*k transition values
	fail   []uint32
	child  []uint32 // children of s are the states child[s] .. child[s+1]-1
	label  []uint8  // class of the edge into each state
	out    []bool   // the state or one of its suffixes ends a pattern
	term   []int32  // pattern ending exactly at the state, or -1
	dict   []uint32 // nearest proper suffix state that ends a pattern, or noState
	esc    uint32   // the root's child on a backslash
}

// denseBudget bounds the memory of the dense rows (bytes).
const denseBudget = 4 << 20

// buildAutomaton compiles distinct, non-empty, already folded patterns;
// pattern i is reported as i.
func buildAutomaton(patterns []string) *automaton {
	a := &automaton{}
	a.assignClasses(patterns)
	t := buildTrie(patterns, &a.class)
	depth := a.renumber(t)
	a.chooseDense(depth)
	a.link()
	return a
}

func (a *automaton) assignClasses(patterns []string) {
	var used [256]bool
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			used[p[i]] = true
		}
	}
	// The backslash and the escape letters always get their own class.
	for _, c := range []byte("\\ntrbfv") {
		used[c] = true
	}
	n := uint8(classOtherWord)
	a.word = []bool{false, true}
	a.escape = []bool{false, false}
	for b := 0; b < 256; b++ {
		switch {
		case used[b] && !(b >= 'A' && b <= 'Z'):
			n++
			a.class[b] = n
			a.word = append(a.word, isWordByte(byte(b)))
			a.escape = append(a.escape, escapeLetter(byte(b)))
		case isWordByte(byte(b)):
			a.class[b] = classOtherWord
		default:
			a.class[b] = classOther
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		a.class[b] = a.class[lowerASCII[b]]
	}
	a.k = uint32(n) + 1
}

// trie is the pattern tree as built, before breadth-first renumbering.
type trie struct {
	label      []uint8
	firstChild []int32
	nextSib    []int32
	term       []int32
}

func (t *trie) add(parent int32, label uint8, last []int32) int32 {
	id := int32(len(t.label))
	t.label = append(t.label, label)
	t.firstChild = append(t.firstChild, -1)
	t.nextSib = append(t.nextSib, -1)
	t.term = append(t.term, -1)
	if l := last[parent]; l < 0 {
		t.firstChild[parent] = id
	} else {
		t.nextSib[l] = id
	}
	return id
}

// buildTrie inserts the patterns in sorted order: each shares the path of
// its common prefix with the one before, so no per-node lookup is needed.
// Node 1 is mid (no edges); the root always has a child on the backslash.
func buildTrie(patterns []string, class *[256]uint8) *trie {
	order := make([]int32, len(patterns))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return patterns[order[i]] < patterns[order[j]] })
	size := 3 // root, mid, the backslash
	for _, p := range patterns {
		size += len(p)
	}
	size = min(size, 1<<24) // an upper bound: saves the appends' copies
	t := &trie{
		label: make([]uint8, 2, size), firstChild: make([]int32, 2, size),
		nextSib: make([]int32, 2, size), term: make([]int32, 2, size),
	}
	for i := range 2 {
		t.firstChild[i], t.nextSib[i], t.term[i] = -1, -1, -1
	}
	last := make([]int32, 2, size) // last child of each node so far
	last[0], last[1] = -1, -1
	path := []int32{rootID}
	prev := ""
	for _, id := range order {
		p := patterns[id]
		lcp := 0
		for lcp < len(p) && lcp < len(prev) && p[lcp] == prev[lcp] {
			lcp++
		}
		path = path[:lcp+1]
		for j := lcp; j < len(p); j++ {
			n := t.add(path[j], class[p[j]], last)
			last[path[j]] = n
			last = append(last, -1)
			path = append(path, n)
		}
		t.term[path[len(p)]] = id
		prev = p
	}
	for c := t.firstChild[rootID]; c >= 0; c = t.nextSib[c] {
		if t.label[c] == class['\\'] {
			return t
		}
	}
	t.add(rootID, class['\\'], last)
	return t
}

// renumber lays the trie out breadth-first (root, mid, then the root's
// children...) and returns each state's depth.
func (a *automaton) renumber(t *trie) []uint16 {
	n := len(t.label)
	order := make([]int32, 2, n)
	order[0], order[1] = rootID, midID
	depth := make([]uint16, 2, n)
	a.child = make([]uint32, n+1)
	for q := 0; q < len(order); q++ {
		a.child[q] = uint32(len(order))
		for c := t.firstChild[order[q]]; c >= 0; c = t.nextSib[c] {
			order = append(order, c)
			depth = append(depth, depth[q]+1)
		}
	}
	a.child[n] = uint32(n)
	a.label = make([]uint8, n)
	a.term = make([]int32, n)
	for i, old := range order {
		a.label[i] = t.label[old]
		a.term[i] = t.term[old]
	}
	for u := a.child[rootID]; u < a.child[rootID+1]; u++ {
		if a.label[u] == a.class['\\'] {
			a.esc = u
		}
	}
	return depth
}

// chooseDense gives dense rows to the states of the shallowest levels
// whose rows fit the budget (at least the roots and their children).
func (a *automaton) chooseDense(depth []uint16) {
	limit := uint32(denseBudget) / 4 / a.k
	n := uint32(0)
	for i := 0; i < len(depth); {
		j := i
		for j < len(depth) && depth[j] == depth[i] {
			j++
		}
		if uint32(j) > limit && depth[i] > 1 {
			break
		}
		n = uint32(j)
		i = j
	}
	a.nDense = n
	a.dense = make([]uint32, int(n)*int(a.k))
}

// link computes failure and dictionary links in breadth-first order, and
// fills each dense row once the links of its state are known.
func (a *automaton) link() {
	n := len(a.label)
	a.fail = make([]uint32, n)
	a.out = make([]bool, n)
	a.dict = make([]uint32, n)
	a.dict[rootID], a.dict[midID] = noState, noState
	for s := uint32(0); s < uint32(n); s++ {
		for u := a.child[s]; u < a.child[s+1]; u++ {
			f := a.failOf(s, a.label[u])
			a.fail[u] = f
			a.out[u] = a.term[u] >= 0 || a.out[f]
			a.dict[u] = a.dict[f]
			if a.term[f] >= 0 {
				a.dict[u] = f
			}
		}
		if s < a.nDense {
			a.fillRow(s)
		}
	}
}

// failOf is the failure link of s's child on class c: the longest proper
// suffix of its text that starts where a needle may start, else the root
// that says whether the next byte is inside a word.
func (a *automaton) failOf(s uint32, c uint8) uint32 {
	switch {
	case s == rootID:
		if a.word[c] {
			return midID
		}
		return rootID
	case s == a.esc && a.escape[c]:
		return rootID
	}
	return a.next(a.fail[s], c) >> 1
}

func (a *automaton) fillRow(s uint32) {
	row := a.dense[s*a.k : (s+1)*a.k]
	switch s {
	case rootID:
		for c := range row {
			row[c] = rootID << 1
			if a.word[c] {
				row[c] = midID << 1
			}
		}
	case midID:
		copy(row, a.dense[:a.k])
		for c := range row {
			if a.word[c] {
				row[c] = midID << 1
			}
		}
		return
	default:
		copy(row, a.dense[a.fail[s]*a.k:(a.fail[s]+1)*a.k])
	}
	if s == a.esc {
		for c := range row {
			if a.escape[c] {
				row[c] = rootID << 1
			}
		}
	}
	for u := a.child[s]; u < a.child[s+1]; u++ {
		row[a.label[u]] = a.value(u)
	}
}

func (a *automaton) value(u uint32) uint32 {
	if a.out[u] {
		return u<<1 | 1
	}
	return u << 1
}

// next is the transition from s on class c, as a transition value.
func (a *automaton) next(s uint32, c uint8) uint32 {
	for {
		if s < a.nDense {
			return a.dense[s*a.k+uint32(c)]
		}
		switch c {
		case classOther:
			return rootID << 1
		case classOtherWord:
			return midID << 1
		}
		for u := a.child[s]; u < a.child[s+1]; u++ {
			if a.label[u] == c {
				return a.value(u)
			}
		}
		s = a.fail[s]
	}
}

// run feeds buf[from:to] to the automaton from state s, folding non-ASCII
// runes in place, and appends a rawHit to out at every byte where some
// pattern ends. It returns the state after the last byte.
func (a *automaton) run(buf []byte, from, to int, s uint32, out *[]rawHit) uint32 {
	dense, k, nd := a.dense, a.k, a.nDense
	class := &a.class
	for i := from; i < to; i++ {
		if s == midID {
			// Inside a word no needle starts in: skip to its end.
			for i < to && wordByte[buf[i]] {
				i++
			}
			if i == to {
				break
			}
		}
		b := buf[i]
		if b >= utf8.RuneSelf {
			b = foldRuneAt(buf, i)
		}
		c := uint32(class[b])
		var v uint32
		if s < nd {
			v = dense[s*k+c]
		} else {
			v = a.next(s, uint8(c))
		}
		s = v >> 1
		if v&1 != 0 {
			*out = append(*out, rawHit{i, s})
		}
	}
	return s
}

// matches calls f with every pattern that ends at state s.
func (a *automaton) matches(s uint32, f func(pattern int32)) {
	if a.term[s] < 0 {
		s = a.dict[s]
	}
	for s != noState {
		f(a.term[s])
		s = a.dict[s]
	}
}

// states is the number of states (for the summary).
func (a *automaton) states() int { return len(a.label) }
