package anonymize

import (
	"encoding/hex"
	"strconv"
	"sync"
)

// Identifier masks: digits (badge codes, customer codes), uuid, email. All
// are bijective so unique constraints survive a restore.

func init() {
	register(Info{Name: "digits", Bijective: true,
		Summary: "identifiers: same length and alphabet per character (digits, upper, lower), bijective",
		New: func(env Env, _ Params) (Masker, error) {
			return digitsMask{d: env.Key.Domain(env.Domain)}, nil
		}})
	register(Info{Name: "uuid", Bijective: true, Summary: "keyed bijective UUID",
		New: func(env Env, _ Params) (Masker, error) {
			return uuidMask{d: env.Key.Domain(env.Domain)}, nil
		}})
	register(Info{Name: "email", Params: []string{"keep_domain"}, Bijective: true,
		Summary: "pseudonymous e-mail of the same shape, valid syntax, unique per input (keep_domain: true keeps the domain)",
		New:     newEmail})
}

type digitsMask struct{ d *Keyed }

var intLimits = map[string][2]int64{
	"int2": {-1 << 15, 1<<15 - 1},
	"int4": {-1 << 31, 1<<31 - 1},
	"int8": {-1 << 63, 1<<63 - 1},
}

func (m digitsMask) Bind(c Column) (Bound, error) {
	switch CategoryOf(c.Type) {
	case CatText:
		return textBound(c, func(dst, src []byte) ([]byte, error) {
			return m.d.permuteClasses(dst, src, nil, nil, all), nil
		}), nil
	case CatInt:
		lim := intLimits[c.Type]
		fn := func(dst, src []byte) ([]byte, error) { return m.integer(dst, src, lim) }
		if c.Array {
			fn = elementwise(fn)
		}
		return FuncBound(fn), nil
	}
	return Bound{}, errType("digits", c, "text types, int2, int4, int8")
}

// integer permutes the digits of an integer, keeping its sign and number of
// digits (the first digit stays non-zero). Cycle walking keeps the result in
// the type's range: repeating the permutation until the value fits is still a
// bijection on the values that fit.
func (m digitsMask) integer(dst, src []byte, lim [2]int64) ([]byte, error) {
	if _, err := strconv.ParseInt(string(src), 10, 64); err != nil {
		return dst, err
	}
	first := 0
	if len(src) > 0 && (src[0] == '-' || src[0] == '+') {
		first = 1
	}
	nz := []int{first}
	var cur, next [24]byte
	v := append(cur[:0], src...)
	for i := 0; i < 1000; i++ {
		out := m.d.permuteClasses(next[:0], v, []byte("int"), nz, all)
		n, err := strconv.ParseInt(string(out), 10, 64)
		if err == nil && n >= lim[0] && n <= lim[1] {
			return append(dst, out...), nil
		}
		v = append(cur[:0], out...)
	}
	return dst, errCycle
}

type maskError string

func (e maskError) Error() string { return string(e) }

const errCycle = maskError("digits: no in-range permutation found")

type uuidMask struct{ d *Keyed }

var uuidPool = sync.Pool{New: func() any { return new([16]byte) }}

func (m uuidMask) Bind(c Column) (Bound, error) {
	switch CategoryOf(c.Type) {
	case CatUUID, CatText:
	default:
		return Bound{}, errType("uuid", c, "uuid, text types")
	}
	return textBound(c, m.apply), nil
}

// apply encrypts the 128 bits of a UUID with the domain's AES key: a block
// cipher is a permutation, hence bijective. Non-UUID text falls back to the
// shape-preserving permutation.
func (m uuidMask) apply(dst, src []byte) ([]byte, error) {
	rp := uuidPool.Get().(*[16]byte)
	defer uuidPool.Put(rp)
	raw := rp
	n := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '-' || c == '{' || c == '}' {
			continue
		}
		if n == 32 || !isHex(c) {
			return m.d.permuteClasses(dst, src, []byte("uuid"), nil, all), nil
		}
		raw[n/2] = raw[n/2]<<4 | unhex(c)
		n++
	}
	if n != 32 {
		return m.d.permuteClasses(dst, src, []byte("uuid"), nil, all), nil
	}
	m.d.block.Encrypt(raw[:], raw[:])
	var h [32]byte
	hex.Encode(h[:], raw[:])
	dst = append(dst, h[0:8]...)
	dst = append(dst, '-')
	dst = append(dst, h[8:12]...)
	dst = append(dst, '-')
	dst = append(dst, h[12:16]...)
	dst = append(dst, '-')
	dst = append(dst, h[16:20]...)
	dst = append(dst, '-')
	return append(dst, h[20:32]...), nil
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

type emailMask struct {
	d          *Keyed
	keepDomain bool
}

func newEmail(env Env, p Params) (Masker, error) {
	kd, err := p.Bool("keep_domain", false)
	if err != nil {
		return nil, err
	}
	return emailMask{d: env.Key.Domain(env.Domain), keepDomain: kd}, nil
}

func (m emailMask) Bind(c Column) (Bound, error) {
	if err := requireText("email", c); err != nil {
		return Bound{}, err
	}
	return textBound(c, m.apply), nil
}

// apply permutes the letters and digits of the local part and of the domain
// labels (the top-level domain is kept, so the result stays a plausible
// address) in one format-preserving permutation over the whole string:
// bijective, same length, and punctuation ('.', '+', '-', '@') in place, so a
// syntactically valid address stays valid. With keep_domain only the local
// part changes.
func (m emailMask) apply(dst, src []byte) ([]byte, error) {
	at := -1
	for i := len(src) - 1; i >= 0; i-- {
		if src[i] == '@' {
			at = i
			break
		}
	}
	keepFrom := len(src) // positions >= keepFrom are kept
	if at >= 0 {
		if m.keepDomain {
			keepFrom = at
		} else {
			for i := len(src) - 1; i > at; i-- {
				if src[i] == '.' {
					keepFrom = i
					break
				}
			}
		}
	}
	return m.d.permuteClasses(dst, src, nil, nil, span{0, keepFrom}), nil
}
