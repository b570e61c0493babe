package anonymize

import (
	"encoding/hex"
)

// The masks that need no knowledge of the value's format: keep, null,
// redact, hash.

func init() {
	register(Info{Name: "keep", Summary: "the value unchanged (an explicit decision)", Bijective: true,
		New: func(Env, Params) (Masker, error) { return keepMask{}, nil }})
	register(Info{Name: "null", Summary: "a type-correct NULL",
		New: func(Env, Params) (Masker, error) { return nullMask{}, nil }})
	register(Info{Name: "redact", Params: []string{"value"}, Summary: "a constant (*** or value:)",
		New: newRedact})
	register(Info{Name: "hash", Params: []string{"length"}, Summary: "keyed HMAC-SHA256 in hex, length: characters (default 32)",
		New: newHash})
}

type keepMask struct{}

func (keepMask) Bind(Column) (Bound, error) { return KeepBound(), nil }

type nullMask struct{}

func (nullMask) Bind(Column) (Bound, error) { return NullBound(), nil }

type redactMask struct{ value []byte }

func newRedact(_ Env, p Params) (Masker, error) {
	v, err := p.String("value", "***")
	if err != nil {
		return nil, err
	}
	return redactMask{value: []byte(v)}, nil
}

func (m redactMask) Bind(c Column) (Bound, error) {
	// A constant is only type-correct for text; other types take null.
	if err := requireText("redact", c); err != nil {
		return Bound{}, err
	}
	return textBound(c, func(dst, _ []byte) ([]byte, error) { return append(dst, m.value...), nil }), nil
}

type hashMask struct {
	d      *Keyed
	length int
}

func newHash(env Env, p Params) (Masker, error) {
	n, err := p.Int("length", 32)
	if err != nil {
		return nil, err
	}
	if n < 8 || n > 64 {
		return nil, p.Errorf("length", "length must be between 8 and 64 hex characters, got %d", n)
	}
	return hashMask{d: env.Key.Domain(env.Domain), length: n}, nil
}

func (m hashMask) Bind(c Column) (Bound, error) {
	if err := requireText("hash", c); err != nil {
		return Bound{}, err
	}
	return textBound(c, func(dst, src []byte) ([]byte, error) {
		sum := sumPool.Get().(*[32]byte)
		m.d.Sum(sum[:0], src)
		var h [64]byte
		hex.Encode(h[:], sum[:])
		sumPool.Put(sum)
		return append(dst, h[:m.length]...), nil
	}), nil
}
