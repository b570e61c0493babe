package anonymize

import (
	"errors"
	"math"
	"math/big"
	"strconv"
)

// The number mask: round a number down to a bucket (bucket: N gives
// floor(v/N)*N) or add keyed multiplicative noise (noise: f gives v*(1+u),
// u in [-f, f] drawn from the keyed hash of the value).
//
// Integer columns stay integers within their type's range (results are
// clamped); numeric keeps the input's number of decimal places, bucketing is
// exact decimal arithmetic (int64, or math/big beyond 18 digits) and noise
// is computed in float64; float4/float8 are computed in float64. When the
// bucket has more decimals than the value, the result is rounded down to
// the value's decimals.
// NaN and the infinities are kept: they hold nothing personal. Noise on
// small integers may round back to the input (3 with noise 0.1 stays 3).

func init() {
	register(Info{Name: "number", Params: []string{"bucket", "noise"},
		Summary: "bucket: N (rounded down to a multiple of N) or noise: f (times 1±f, keyed)",
		New:     newNumberMask})
}

// maxExactDigits is the most decimal digits an int64 mantissa always holds.
const maxExactDigits = 18

type numberMask struct {
	bucket float64 // > 0 for bucketing, else noise
	noise  float64
	// The bucket as an exact decimal: bucket = bBig / 10^bScale, and
	// bMant = bBig when it has at most maxExactDigits digits (bExact).
	bBig    *big.Int
	bMant   int64
	bScale  int
	bDigits int
	bExact  bool
	d       *Keyed
}

func newNumberMask(env Env, p Params) (Masker, error) {
	hasBucket, hasNoise := p.Has("bucket"), p.Has("noise")
	switch {
	case hasBucket && hasNoise:
		return nil, p.Errorf("noise", "give either bucket or noise, not both")
	case !hasBucket && !hasNoise:
		return nil, errors.New("mask number needs bucket (a positive number) or noise (a fraction in (0, 1])")
	case hasNoise:
		f, err := p.Float("noise", 0)
		if err != nil {
			return nil, err
		}
		if !(f > 0 && f <= 1) { // also refuses NaN
			return nil, p.Errorf("noise", "noise must be a fraction greater than 0 and at most 1, got %v", f)
		}
		return &numberMask{noise: f, d: env.Key.Domain(env.Domain)}, nil
	}
	b, err := p.Float("bucket", 0)
	if err != nil {
		return nil, err
	}
	if !(b > 0) || math.IsInf(b, 0) {
		return nil, p.Errorf("bucket", "bucket must be a positive number, got %v", b)
	}
	// The shortest decimal that reads back as b: 0.1 is taken as 1/10, not
	// as its binary approximation.
	text := []byte(strconv.FormatFloat(b, 'f', -1, 64))
	dec, ok := parseDecimal(text)
	if !ok { // unreachable: 'f' formatting of a positive finite float
		return nil, p.Errorf("bucket", "bucket %v is not a decimal number", b)
	}
	return &numberMask{bucket: b, bBig: decimalBig(text), bMant: dec.mant, bScale: dec.scale,
		bDigits: dec.digits, bExact: dec.digits <= maxExactDigits}, nil
}

var intRanges = map[string][2]int64{
	"int2": {math.MinInt16, math.MaxInt16},
	"int4": {math.MinInt32, math.MaxInt32},
	"int8": {math.MinInt64, math.MaxInt64},
}

func (m *numberMask) Bind(c Column) (Bound, error) {
	var fn Func
	switch {
	case CategoryOf(c.Type) == CatInt:
		r := intRanges[c.Type]
		if m.bucket > 0 && m.bucket != math.Trunc(m.bucket) {
			return Bound{}, errors.New("mask number: bucket must be a whole number for integer column type " + c.String())
		}
		if m.bucket == 1 {
			return Bound{}, errors.New("mask number: bucket 1 would leave the integers of column type " + c.String() + " unchanged")
		}
		fn = func(dst, src []byte) ([]byte, error) { return m.applyInt(dst, src, r[0], r[1]) }
	case c.Type == "numeric":
		fn = m.applyNumeric
	case c.Type == "float4" || c.Type == "float8":
		bits := 64
		if c.Type == "float4" {
			bits = 32
		}
		fn = func(dst, src []byte) ([]byte, error) { return m.applyFloat(dst, src, bits) }
	default:
		return Bound{}, errType("number", c, "int2, int4, int8, numeric, float4, float8")
	}
	return textBound(c, fn), nil
}

var (
	errNumberSyntax = errors.New("number mask: value is not a number in PostgreSQL's text form")
	errNumberRange  = errors.New("number mask: result out of range")
)

// factor returns 1+u, u in [-noise, noise] from the keyed hash of src.
func (m *numberMask) factor(src []byte) float64 {
	unit := float64(m.d.Seed(src)>>11) / (1 << 53) // [0, 1)
	return 1 + (2*unit-1)*m.noise
}

func (m *numberMask) applyInt(dst, src []byte, lo, hi int64) ([]byte, error) {
	v, ok := parseInt64(src)
	if !ok || v < lo || v > hi {
		return dst, errNumberSyntax
	}
	var r int64
	switch {
	case m.bucket <= 0:
		r = clampFloatToInt(math.Round(float64(v)*m.factor(src)), lo, hi)
	case m.bucket >= 1<<63:
		// Only 0 and the bucket below it are multiples within reach.
		r = 0
		if v < 0 {
			r = lo
		}
	default:
		r, _ = m.bucketInt(v, lo)
	}
	return strconv.AppendInt(dst, min(r, hi), 10), nil
}

// bucketInt rounds v down to a multiple of the (whole, < 2^63) bucket; a
// result below lo is clamped to lo, and clamped tells so.
func (m *numberMask) bucketInt(v, lo int64) (r int64, clamped bool) {
	b := int64(m.bucket)
	q := floorDiv(v, b)
	if q < math.MinInt64/b { // q*b would overflow
		return lo, true
	}
	if r = q * b; r < lo {
		return lo, true
	}
	return r, false
}

func clampFloatToInt(f float64, lo, hi int64) int64 {
	switch {
	case f <= float64(lo): // float64(MinInt64) is exact
		return lo
	case f >= float64(hi): // float64(MaxInt64) rounds up to 2^63: >= catches it
		return hi
	}
	return int64(f)
}

// parseInt64 reads PostgreSQL's integer output: an optional minus sign and
// digits.
func parseInt64(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var u uint64
	for _, c := range b {
		if !isDigit(c) {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	if neg {
		if u > 1<<63 {
			return 0, false
		}
		return -int64(u), true
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

// decimal is a parsed numeric: when digits <= maxExactDigits the value is
// exactly mant / 10^scale.
type decimal struct {
	mant   int64
	scale  int // digits after the decimal point, as written
	digits int // significant digits (integer part without leading zeros, plus scale)
}

// parseDecimal reads numeric's text output: [-]digits[.digits].
func parseDecimal(b []byte) (d decimal, ok bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	i := 0
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	intPart, frac := b[:i], b[i:]
	if len(frac) > 0 {
		if frac[0] != '.' || len(frac) == 1 {
			return d, false
		}
		frac = frac[1:]
		for _, c := range frac {
			if !isDigit(c) {
				return d, false
			}
		}
	}
	if len(intPart) == 0 {
		return d, false
	}
	for len(intPart) > 1 && intPart[0] == '0' {
		intPart = intPart[1:]
	}
	if len(intPart) == 1 && intPart[0] == '0' {
		intPart = intPart[:0]
	}
	d.scale = len(frac)
	d.digits = len(intPart) + len(frac)
	if d.digits <= maxExactDigits {
		for _, c := range intPart {
			d.mant = d.mant*10 + int64(c-'0')
		}
		for _, c := range frac {
			d.mant = d.mant*10 + int64(c-'0')
		}
		if neg {
			d.mant = -d.mant
		}
	}
	return d, true
}

var pow10 = func() (p [maxExactDigits + 1]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

func (m *numberMask) applyNumeric(dst, src []byte) ([]byte, error) {
	switch string(src) {
	case "NaN", "Infinity", "-Infinity":
		return append(dst, src...), nil
	}
	v, ok := parseDecimal(src)
	if !ok {
		return dst, errNumberSyntax
	}
	if m.bucket > 0 {
		// Exact: both sides on the larger scale, if that still fits.
		s := max(v.scale, m.bScale)
		if v.digits+(s-v.scale) <= maxExactDigits && m.bDigits+(s-m.bScale) <= maxExactDigits {
			vm := v.mant * pow10[s-v.scale]
			bm := m.bMant * pow10[s-m.bScale]
			r := floorDiv(vm, bm) * bm
			// Back to the input's decimal places, rounding down as well.
			r = floorDiv(r, pow10[s-v.scale])
			return appendScaled(dst, r, v.scale), nil
		}
		// Whole numbers and buckets up to int64's range stay exact too.
		if v.scale == 0 && m.bExact && m.bScale == 0 {
			if n, ok := parseInt64(src); ok {
				if r, clamped := m.bucketInt(n, math.MinInt64); !clamped {
					return strconv.AppendInt(dst, r, 10), nil
				}
			}
		}
		// Big values: exact in math/big (rare, so its allocations are fine).
		return m.bucketBig(dst, src, v.scale), nil
	}
	f, err := strconv.ParseFloat(string(src), 64)
	if err != nil {
		return dst, errNumberRange // syntax was checked: only range is left
	}
	r := f * m.factor(src)
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return dst, errNumberRange
	}
	if r == 0 {
		r = 0 // no "-0.00"
	}
	return strconv.AppendFloat(dst, r, 'f', v.scale, 64), nil
}

// decimalBig reads the digits of a checked decimal as an integer, ignoring
// the decimal point: "-12.50" gives -1250.
func decimalBig(b []byte) *big.Int {
	digits := make([]byte, 0, len(b))
	for _, c := range b {
		if c != '.' {
			digits = append(digits, c)
		}
	}
	n, _ := new(big.Int).SetString(string(digits), 10)
	return n
}

func bigPow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// bucketBig is the bucket computation on values too long for int64; scale
// is the input's number of decimals.
func (m *numberMask) bucketBig(dst, src []byte, scale int) []byte {
	s := max(scale, m.bScale)
	v := decimalBig(src)
	v.Mul(v, bigPow10(s-scale))
	b := new(big.Int).Mul(m.bBig, bigPow10(s-m.bScale))
	// Div is Euclidean: with a positive divisor it rounds toward -inf.
	v.Div(v, b).Mul(v, b).Div(v, bigPow10(s-scale))
	text := v.Append(nil, 10)
	if text[0] == '-' {
		dst = append(dst, '-')
		text = text[1:]
	}
	if scale == 0 {
		return append(dst, text...)
	}
	for len(text) <= scale {
		text = append([]byte{'0'}, text...)
	}
	dst = append(dst, text[:len(text)-scale]...)
	dst = append(dst, '.')
	return append(dst, text[len(text)-scale:]...)
}

// appendScaled appends mant / 10^scale with exactly scale decimals.
func appendScaled(dst []byte, mant int64, scale int) []byte {
	if mant < 0 {
		dst = append(dst, '-')
	}
	u := uint64(mant)
	if mant < 0 {
		u = uint64(-mant)
	}
	var b [24]byte
	i := len(b)
	for n := 0; n <= scale || u > 0; n++ {
		if n == scale && scale > 0 {
			i--
			b[i] = '.'
		}
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	return append(dst, b[i:]...)
}

func (m *numberMask) applyFloat(dst, src []byte, bits int) ([]byte, error) {
	switch string(src) {
	case "NaN", "Infinity", "-Infinity":
		return append(dst, src...), nil
	}
	f, err := strconv.ParseFloat(string(src), 64)
	if err != nil && errors.Is(err, strconv.ErrRange) && math.IsInf(f, 0) {
		// With extra_float_digits < 1 the server rounds its largest
		// values to text just above float64's range.
		f, err = math.Copysign(math.MaxFloat64, f), nil
	}
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return dst, errNumberSyntax
	}
	var r float64
	if m.bucket > 0 {
		r = math.Floor(f/m.bucket) * m.bucket
	} else {
		r = f * m.factor(src)
	}
	limit := math.MaxFloat64
	if bits == 32 {
		limit = math.MaxFloat32
	}
	switch {
	case math.IsNaN(r):
		return dst, errNumberRange
	case r > limit:
		r = limit
	case r < -limit:
		r = -limit
	case r == 0:
		r = 0
	}
	if bits == 32 {
		r = float64(float32(r))
	}
	// Plain notation where PostgreSQL uses it, exponent otherwise.
	format := byte('e')
	if a := math.Abs(r); a == 0 || (a >= 1e-4 && a < 1e15) {
		format = 'f'
	}
	return strconv.AppendFloat(dst, r, format, -1, bits), nil
}
