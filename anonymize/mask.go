package anonymize

import (
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Column is what a mask needs to know about the column it is applied to.
type Column struct {
	// Type is the canonical PostgreSQL type name (pg_type.typname of the
	// base type): text, varchar, bpchar, int4, numeric, date, timestamptz,
	// jsonb, uuid, ... Use CanonicalType to normalise SQL spellings.
	Type string
	// MaxLen is the length limit in characters (varchar(n), char(n)); 0 when
	// the type has none.
	MaxLen int
	// Array is true for arrays of Type; masks then apply element-wise.
	Array bool
}

func (c Column) String() string {
	s := c.Type
	if c.MaxLen > 0 {
		s = fmt.Sprintf("%s(%d)", s, c.MaxLen)
	}
	if c.Array {
		s += "[]"
	}
	return s
}

// Func masks one non-NULL value given in its PostgreSQL text representation:
// it appends the masked text to dst and returns the extended slice.
type Func func(dst, src []byte) ([]byte, error)

type boundOp uint8

const (
	opRefuse boundOp = iota // zero value: nothing is ever produced
	opKeep
	opNull
	opFunc
)

// Bound is a mask bound to one column type: the unit the dump streamer and
// the proxy apply to each value. The zero Bound refuses every value.
type Bound struct {
	op boundOp
	fn Func
}

// KeepBound leaves values unchanged: an explicit decision.
func KeepBound() Bound { return Bound{op: opKeep} }

// NullBound turns every value into NULL.
func NullBound() Bound { return Bound{op: opNull} }

// FuncBound masks non-NULL values with fn; NULL stays NULL.
func FuncBound(fn Func) Bound {
	if fn == nil {
		return Bound{}
	}
	return Bound{op: opFunc, fn: fn}
}

// ErrRefused is returned by the zero Bound.
var ErrRefused = errors.New("no mask bound to this column")

// Keeps reports whether values pass unchanged (callers may skip decoding).
func (b Bound) Keeps() bool { return b.op == opKeep }

// Nulls reports whether every value becomes NULL.
func (b Bound) Nulls() bool { return b.op == opNull }

// Apply masks one value. src is the text representation, null tells whether
// the value is NULL. It returns the masked text appended to dst and whether
// the result is NULL.
func (b Bound) Apply(dst, src []byte, null bool) (out []byte, outNull bool, err error) {
	switch b.op {
	case opKeep:
		return append(dst, src...), null, nil
	case opNull:
		return dst, true, nil
	case opFunc:
		if null {
			return dst, true, nil
		}
		out, err = b.fn(dst, src)
		return out, false, err
	default:
		return dst, false, ErrRefused
	}
}

// Masker is a configured mask (name + parameters + domain), independent of
// the column it is applied to.
type Masker interface {
	// Bind prepares the mask for one column type. It fails, saying why, when
	// the mask does not fit the type.
	Bind(c Column) (Bound, error)
}

// Env is what a constructor gets besides its parameters.
type Env struct {
	Key    *Key
	Locale string // en, it, fr, de
	Domain string // pseudonym domain: semantic type name, else mask name + parameters
	// Names is where the front-end publishes the database's known person
	// names for the scrub mask; nil when there are none.
	Names *KnownNamesRef
}

// NamedMasker is one entry of a parameter that maps names to masks (the
// json mask's paths).
type NamedMasker struct {
	Name   string
	Masker Masker
}

// Params gives a constructor its parameters. The rules package implements it
// over the YAML file (errors carry file:line:column and unconsumed keys are
// reported as unknown); MapParams implements it for tests and code.
type Params interface {
	// Has reports whether the parameter is present.
	Has(name string) bool
	String(name, def string) (string, error)
	Int(name string, def int) (int, error)
	Float(name string, def float64) (float64, error)
	Bool(name string, def bool) (bool, error)
	// Masker resolves a parameter whose value names a mask or a semantic
	// type (or is an inline mask mapping); ok is false when absent.
	Masker(name string) (m Masker, ok bool, err error)
	// Maskers resolves a parameter that maps keys (e.g. JSON paths) to masks,
	// in file order.
	Maskers(name string) ([]NamedMasker, error)
	// Errorf builds an error located at the parameter's value.
	Errorf(name, format string, args ...any) error
}

// Constructor builds a Masker from its environment and parameters.
type Constructor func(env Env, p Params) (Masker, error)

// Info describes one mask in the registry.
type Info struct {
	Name string
	// Params lists the parameter names the mask accepts.
	Params []string
	// Bijective is true when distinct inputs always give distinct outputs,
	// so the mask may be used on unique and primary-key columns.
	Bijective bool
	// Summary is one line for help texts and error messages.
	Summary string
	New     Constructor
}

var registry = map[string]Info{}

// register is called from init functions of the mask files.
func register(i Info) {
	if _, dup := registry[i.Name]; dup {
		panic("anonymize: mask registered twice: " + i.Name)
	}
	registry[i.Name] = i
}

// Lookup returns the registered mask of that name.
func Lookup(name string) (Info, bool) {
	i, ok := registry[name]
	return i, ok
}

// Names lists the registered mask names, sorted.
func Names() []string {
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// truncate cuts s (appended at dst[start:]) to at most max characters,
// never splitting a UTF-8 sequence. max <= 0 means no limit.
func truncate(dst []byte, start, max int) []byte {
	if max <= 0 || len(dst)-start <= max {
		return dst
	}
	n := 0
	for i := start; i < len(dst); {
		if n == max {
			return dst[:i]
		}
		_, size := utf8.DecodeRune(dst[i:])
		i += size
		n++
	}
	return dst
}
