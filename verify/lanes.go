package verify

import "unicode/utf8"

// Scanning in lanes. One automaton step is a load whose address depends on
// the step before, so a single scan waits on memory at every byte. A large
// region is therefore cut into `lanes` segments scanned in lock step, their
// loads independent of each other. Every segment but the first starts
// `warm` bytes early at the root: the state of an Aho-Corasick scan depends
// only on the last (longest needle) bytes, and whether a needle may start
// on the byte before, so after warm bytes the lane is in exactly the state
// a single scan would be in; hits inside the warm-up belong to the lane
// before and are dropped. Folding runes in place is idempotent, so two
// lanes reading the same bytes agree.

const lanes = 4

// rawHit is a byte where the automaton is in a state that ends a pattern.
type rawHit struct {
	end   int
	state uint32
}

// slowStep is one transition from s on buf[i], as a transition value,
// for what the lanes' inline fast path leaves out (a non-ASCII byte, a
// state without a dense row).
func (a *automaton) slowStep(buf []byte, i int, s uint32) uint32 {
	b := buf[i]
	if b >= utf8.RuneSelf {
		b = foldRuneAt(buf, i)
	}
	c := uint32(a.class[b])
	if s < a.nDense {
		return a.dense[s*a.k+c]
	}
	return a.next(s, uint8(c))
}

// runLanes is run over buf[from:to] in lanes (hits[j] gets lane j's hits,
// in order); it returns the state after the last byte.
func (a *automaton) runLanes(buf []byte, from, to int, s uint32, warm int, hits *[lanes][]rawHit) uint32 {
	seg := (to - from) / lanes
	if seg < 8*warm+4096 {
		return a.run(buf, from, to, s, &hits[0])
	}
	var start, end [lanes]int
	var st [lanes]uint32
	for j := range lanes {
		start[j], end[j] = from+j*seg, from+(j+1)*seg
	}
	end[lanes-1] = to
	st[0] = s
	p1, p2, p3 := start[1]-warm, start[2]-warm, start[3]-warm
	p0, s0, s1, s2, s3 := start[0], s, uint32(rootID), uint32(rootID), uint32(rootID)
	dense, k, nd, class := a.dense, a.k, a.nDense, &a.class
	for ; p0 < end[0]; p0, p1, p2, p3 = p0+1, p1+1, p2+1, p3+1 {
		// The fast path of slowStep, written out for each lane so that the
		// four loads are in flight together.
		var v0, v1, v2, v3 uint32
		if b := buf[p0]; b < utf8.RuneSelf && s0 < nd {
			v0 = dense[s0*k+uint32(class[b])]
		} else {
			v0 = a.slowStep(buf, p0, s0)
		}
		if b := buf[p1]; b < utf8.RuneSelf && s1 < nd {
			v1 = dense[s1*k+uint32(class[b])]
		} else {
			v1 = a.slowStep(buf, p1, s1)
		}
		if b := buf[p2]; b < utf8.RuneSelf && s2 < nd {
			v2 = dense[s2*k+uint32(class[b])]
		} else {
			v2 = a.slowStep(buf, p2, s2)
		}
		if b := buf[p3]; b < utf8.RuneSelf && s3 < nd {
			v3 = dense[s3*k+uint32(class[b])]
		} else {
			v3 = a.slowStep(buf, p3, s3)
		}
		s0, s1, s2, s3 = v0>>1, v1>>1, v2>>1, v3>>1
		if (v0|v1|v2|v3)&1 != 0 {
			a.laneHits(hits, [lanes]uint32{v0, v1, v2, v3}, [lanes]int{p0, p1, p2, p3}, &start)
		}
	}
	st[1] = a.run(buf, p1, end[1], s1, &hits[1])
	st[2] = a.run(buf, p2, end[2], s2, &hits[2])
	st[3] = a.run(buf, p3, end[3], s3, &hits[3])
	for j := 1; j < lanes; j++ {
		hits[j] = dropWarm(hits[j], start[j])
	}
	return st[lanes-1]
}

func (a *automaton) laneHits(hits *[lanes][]rawHit, v [lanes]uint32, p [lanes]int, start *[lanes]int) {
	for j := range lanes {
		if v[j]&1 != 0 && p[j] >= start[j] {
			hits[j] = append(hits[j], rawHit{p[j], v[j] >> 1})
		}
	}
}

// dropWarm removes the hits a lane found in its warm-up.
func dropWarm(h []rawHit, start int) []rawHit {
	k := 0
	for k < len(h) && h[k].end < start {
		k++
	}
	return h[k:]
}
