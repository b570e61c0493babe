package anonymize

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"sync"
)

// MinKeyLen is the shortest secret accepted: shorter keys make the pseudonyms
// guessable by brute force over likely inputs.
const MinKeyLen = 16

// Key is the secret that makes masking deterministic. It is safe for
// concurrent use.
type Key struct {
	secret []byte
	macs   sync.Pool // of hash.Hash: HMAC-SHA256 keyed with secret
}

// NewKey wraps a secret of at least MinKeyLen bytes.
func NewKey(secret []byte) (*Key, error) {
	if len(secret) < MinKeyLen {
		return nil, errors.New("masking key must be at least 16 bytes long")
	}
	k := &Key{secret: append([]byte(nil), secret...)}
	k.macs.New = func() any { return hmac.New(sha256.New, k.secret) }
	return k, nil
}

// Domain returns the keyed primitives of one pseudonym domain (a semantic
// type name, or a mask name with its parameters).
func (k *Key) Domain(domain string) *Keyed {
	d := &Keyed{key: k, prefix: append([]byte(domain), 0)}
	// A per-domain AES key drives the format-preserving permutations.
	var sum [sha256.Size]byte
	d.sum(sum[:0], []byte("\x00fpe-aes-key"))
	// AES-128: a 16-byte key is plenty for a round function, and each block
	// costs a quarter less than with AES-256.
	blk, err := aes.NewCipher(sum[:16])
	if err != nil { // unreachable: 16-byte keys are always valid
		panic(err)
	}
	d.block = blk
	return d
}

// Keyed holds the keyed primitives of one pseudonym domain.
// Seeds are HMAC-SHA256(key, domain || 0x00 || value).
type Keyed struct {
	key    *Key
	prefix []byte
	block  cipher.Block
}

// sum appends HMAC-SHA256(key, domain || 0 || parts...) to dst.
func (d *Keyed) sum(dst []byte, parts ...[]byte) []byte {
	h := d.key.macs.Get().(hash.Hash)
	h.Reset()
	h.Write(d.prefix)
	for _, p := range parts {
		h.Write(p)
	}
	dst = h.Sum(dst)
	d.key.macs.Put(h)
	return dst
}

// Seed returns 64 bits of the keyed hash of value; it picks fakes from lists.
func (d *Keyed) Seed(value []byte) uint64 {
	b := sumPool.Get().(*[sha256.Size]byte)
	s := d.sum(b[:0], value)
	v := binary.BigEndian.Uint64(s)
	sumPool.Put(b)
	return v
}

// sumPool holds scratch for hash outputs: a stack array would escape
// through the hash.Hash interface and cost an allocation per value.
var sumPool = sync.Pool{New: func() any { return new([sha256.Size]byte) }}

// Sum appends the full 32-byte keyed hash of value to dst.
func (d *Keyed) Sum(dst, value []byte) []byte { return d.sum(dst, value) }
