package anonymize

import (
	"crypto/aes"
	"sync"
)

// Format-preserving permutation.
//
// A value is seen as a sequence of symbols, each with its own radix (10 for a
// digit, 26 for a letter, 9 for a digit that must stay non-zero, ...). An
// 8-round Feistel network over the two halves of that sequence, adding the
// keyed round function symbol by symbol modulo each symbol's radix, permutes
// the set of sequences of one shape: distinct inputs of the same shape give
// distinct outputs, and the shape (length, which positions are digits or
// letters) is kept. The round function is AES in CBC-MAC over
// (round, shape, tweak, other half), keyed per pseudonym domain.

const feistelRounds = 8

type fpeScratch struct {
	vals  []byte
	radix []byte
	pos   []int
	in    []byte
	f     []byte
	base  [aes.BlockSize]byte
	mac   [aes.BlockSize]byte // heap scratch: stack arrays escape through cipher.Block
	blk   [aes.BlockSize]byte
}

var fpePool = sync.Pool{New: func() any { return new(fpeScratch) }}

// tweakState starts the CBC-MAC with the data every round shares (shape
// and tweak), so each round then costs one AES block for halves of up to
// 15 symbols.
func (d *Keyed) tweakState(s *fpeScratch, total int, tweak []byte) {
	in := s.in[:0]
	in = append(in, byte(total), byte(total>>8), byte(len(tweak)))
	in = append(in, tweak...)
	for len(in)%aes.BlockSize != 0 {
		in = append(in, 0)
	}
	s.in = in
	base := s.base[:]
	clear(base)
	for i := 0; i < len(in); i += aes.BlockSize {
		for j := 0; j < aes.BlockSize; j++ {
			base[j] ^= in[i+j]
		}
		d.block.Encrypt(base, base)
	}
}

// roundF fills out (len(out) bytes) with AES-CBC-MAC(tweak state, round,
// half), extended in counter mode when more than one block is needed.
func (d *Keyed) roundF(s *fpeScratch, round byte, half, out []byte) {
	mac := s.mac[:]
	copy(mac, s.base[:])
	mac[0] ^= round
	// First block: round byte + up to 15 symbols; then 16 symbols per block.
	first := min(len(half), aes.BlockSize-1)
	for j := 0; j < first; j++ {
		mac[1+j] ^= half[j]
	}
	d.block.Encrypt(mac, mac)
	for i := first; i < len(half); i += aes.BlockSize {
		for j := 0; j < aes.BlockSize && i+j < len(half); j++ {
			mac[j] ^= half[i+j]
		}
		d.block.Encrypt(mac, mac)
	}
	blk := s.blk[:]
	for off, ctr := 0, byte(0); off < len(out); off, ctr = off+aes.BlockSize, ctr+1 {
		if off == 0 {
			copy(out, mac)
			continue
		}
		copy(blk, mac)
		blk[0] ^= ctr
		blk[aes.BlockSize-1] ^= 0xA5
		d.block.Encrypt(blk, blk)
		copy(out[off:], blk)
	}
}

// permuteSymbols permutes vals in place; radix[i] is the radix of symbol i
// (1..255) and every vals[i] < radix[i].
func (d *Keyed) permuteSymbols(s *fpeScratch, vals, radix, tweak []byte) {
	n := len(vals)
	if n == 0 {
		return
	}
	if cap(s.f) < n+aes.BlockSize {
		s.f = make([]byte, n+aes.BlockSize)
	}
	d.tweakState(s, n, tweak)
	if n == 1 {
		// A single symbol: a keyed rotation of its alphabet is a bijection.
		f := s.f[:aes.BlockSize]
		d.roundF(s, 0xFF, nil, f)
		addMod(vals[:1], f[:1], radix[:1])
		return
	}
	u := n / 2
	a, b := vals[:u], vals[u:]
	ra, rb := radix[:u], radix[u:]
	for r := 0; r < feistelRounds; r++ {
		if r%2 == 0 {
			f := s.f[:roundUp(len(a))]
			d.roundF(s, byte(r), b, f)
			addMod(a, f, ra)
		} else {
			f := s.f[:roundUp(len(b))]
			d.roundF(s, byte(r), a, f)
			addMod(b, f, rb)
		}
	}
}

// addMod sets v[i] = (v[i] + g(f[i])) mod radix[i], where g maps a random
// byte into [0, radix) by multiply-and-shift (no division: hardware division
// per symbol and round dominated the permutation's cost). Any fixed g keeps
// the Feistel network a permutation.
func addMod(v, f, radix []byte) {
	f = f[:len(v)]
	radix = radix[:len(v)]
	for i, x := range v {
		r := radix[i]
		x += byte((uint16(f[i]) * uint16(r)) >> 8) // < 2r <= 124: no overflow
		// Branch-free x mod r (x < 2r < 128): the branch was taken at random
		// and its mispredictions cost more than the arithmetic.
		y := x - r
		x = y + r&byte(int8(y)>>7)
		v[i] = x
	}
}

func roundUp(n int) int {
	return (n + aes.BlockSize - 1) / aes.BlockSize * aes.BlockSize
}

// Character classes for permuteClasses.
const (
	classNone = iota
	classDigit
	classNonZeroDigit
	classUpper
	classLower
)

func classOf(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return classDigit
	case c >= 'A' && c <= 'Z':
		return classUpper
	case c >= 'a' && c <= 'z':
		return classLower
	}
	return classNone
}

// all is the span of permuteClasses that covers the whole value.
var all = span{0, int(^uint(0) >> 1)}

// span is the range [from, to) of positions permuteClasses may change;
// positions outside it are kept.
type span struct{ from, to int }

// permuteClasses appends src to dst with every ASCII digit replaced by a
// digit, upper-case letter by an upper-case letter and lower-case letter by
// a lower-case letter; all other bytes stay in place. It is a bijection on
// the strings of one shape. nonZero lists positions (indices into src) whose
// digit must stay in 1..9 (an input 0 there is kept as 0 and not permuted).
// Only positions inside sp change.
func (d *Keyed) permuteClasses(dst, src, tweak []byte, nonZero []int, sp span) []byte {
	s := fpePool.Get().(*fpeScratch)
	defer fpePool.Put(s)
	s.vals, s.radix, s.pos = s.vals[:0], s.radix[:0], s.pos[:0]
	nz := 0
	hi := min(sp.to, len(src))
	for i := max(sp.from, 0); i < hi; i++ {
		c := src[i]
		cl := classOf(c)
		if cl == classNone {
			continue
		}
		for nz < len(nonZero) && nonZero[nz] < i {
			nz++
		}
		if cl == classDigit && nz < len(nonZero) && nonZero[nz] == i {
			nz++
			if c == '0' {
				continue
			}
			cl = classNonZeroDigit
		}
		s.pos = append(s.pos, i)
		switch cl {
		case classDigit:
			s.vals, s.radix = append(s.vals, c-'0'), append(s.radix, 10)
		case classNonZeroDigit:
			s.vals, s.radix = append(s.vals, c-'1'), append(s.radix, 9)
		case classUpper:
			s.vals, s.radix = append(s.vals, c-'A'), append(s.radix, 26)
		case classLower:
			s.vals, s.radix = append(s.vals, c-'a'), append(s.radix, 26)
		}
	}
	start := len(dst)
	dst = append(dst, src...)
	if len(s.vals) == 0 {
		return dst
	}
	d.permuteSymbols(s, s.vals, s.radix, tweak)
	for k, i := range s.pos {
		v := s.vals[k]
		switch s.radix[k] {
		case 10:
			dst[start+i] = '0' + v
		case 9:
			dst[start+i] = '1' + v
		default:
			if src[i] <= 'Z' {
				dst[start+i] = 'A' + v
			} else {
				dst[start+i] = 'a' + v
			}
		}
	}
	return dst
}
