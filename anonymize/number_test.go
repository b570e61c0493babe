package anonymize

import (
	"context"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func bindNumber(t testing.TB, k *Key, p MapParams, typ string) Bound {
	t.Helper()
	return bindMask(t, k, "number", p, Column{Type: typ})
}

var intTypeRange = map[string][2]int64{
	"int2": {math.MinInt16, math.MaxInt16},
	"int4": {math.MinInt32, math.MaxInt32},
	"int8": {math.MinInt64, math.MaxInt64},
}

func TestNumberBucketTable(t *testing.T) {
	k := testKey(t, "number-secret-0123456789")
	for _, c := range []struct {
		typ     string
		bucket  any
		in, out string
	}{
		{"int4", 10, "7", "0"},
		{"int4", 10, "15", "10"},
		{"int4", 10, "-1", "-10"},
		{"int4", 10, "-10", "-10"},
		{"int4", 10, "0", "0"},
		{"int4", 1000.0, "123456", "123000"},
		{"int2", 10, "-32768", "-32768"}, // -32770 is out of range: clamped
		{"int2", 100, "32767", "32700"},
		{"int8", 10, "-9223372036854775808", "-9223372036854775808"},
		{"int8", 1000, "9223372036854775807", "9223372036854775000"},
		{"int8", 1e19, "5", "0"},
		{"int8", 1e19, "-5", "-9223372036854775808"},
		{"numeric", 0.1, "0.3", "0.3"},
		{"numeric", 0.1, "0.35", "0.30"},
		{"numeric", 10, "123.45", "120.00"},
		{"numeric", 1, "-0.5", "-1.0"},
		{"numeric", 1, "-0.0", "0.0"},
		{"numeric", 0.25, "1.8", "1.7"}, // 1.75 rounded down to one decimal
		{"numeric", 1000, "1234567890123456789", "1234567890123456000"},
		{"numeric", 1000, "-9223372036854775808", "-9223372036854776000"},
		{"numeric", 1000, "99999999999999999999", "99999999999999999000"},
		{"numeric", 1000, "-12345678901234567890.123", "-12345678901234568000.000"},
		{"numeric", 0.001, "123456789012345678.12345", "123456789012345678.12300"},
		{"numeric", 1e20, "250000000000000000000", "200000000000000000000"},
		{"numeric", 5, "NaN", "NaN"},
		{"numeric", 5, "Infinity", "Infinity"},
		{"numeric", 5, "-Infinity", "-Infinity"},
		{"float8", 1, "1.5", "1"},
		{"float8", 1, "-0.5", "-1"},
		{"float8", 0.5, "2.75", "2.5"},
		{"float8", 100, "1e+30", "1e+30"},
		{"float4", 10, "123.4", "120"},
		{"float8", 1, "NaN", "NaN"},
		{"float8", 1, "1.79769313486232e+308", "1.7976931348623157e+308"}, // extra_float_digits=0 rounds past the max
		{"float8", 1, "-1.79769313486232e+308", "-1.7976931348623157e+308"},
		{"float4", 1, "-Infinity", "-Infinity"},
	} {
		b := bindNumber(t, k, MapParams{"bucket": c.bucket}, c.typ)
		if got := apply(t, b, c.in); got != c.out {
			t.Errorf("%s bucket %v: %s -> %s, want %s", c.typ, c.bucket, c.in, got, c.out)
		}
	}
}

func TestNumberBucketIntProperties(t *testing.T) {
	k := testKey(t, "number-secret-0123456789")
	r := rand.New(rand.NewPCG(3, 4))
	for typ, rg := range intTypeRange {
		for _, bucket := range []int64{2, 7, 1000, 86400, 1 << 40} {
			b := bindNumber(t, k, MapParams{"bucket": int(bucket)}, typ)
			numeric := bindNumber(t, k, MapParams{"bucket": int(bucket)}, "numeric")
			for range 500 {
				v := randomIn(r, rg[0], rg[1])
				in := strconv.FormatInt(v, 10)
				out := apply(t, b, in)
				got, err := strconv.ParseInt(out, 10, 64)
				if err != nil || got < rg[0] || got > rg[1] {
					t.Fatalf("%s bucket %d: %s -> %q, not an integer of the type", typ, bucket, in, out)
				}
				// Exact floor(v/bucket)*bucket, computed with big integers.
				want := new(big.Int).Div(big.NewInt(v), big.NewInt(bucket))
				want.Mul(want, big.NewInt(bucket))
				if want.Cmp(big.NewInt(rg[0])) < 0 {
					want.SetInt64(rg[0])
				}
				if want.Int64() != got {
					t.Fatalf("%s bucket %d: %s -> %s, want %s", typ, bucket, in, out, want)
				}
				if typ == "int8" && want.Int64() != rg[0] {
					if n := apply(t, numeric, in); n != out {
						t.Fatalf("numeric bucket %d: %s -> %s, int8 gives %s", bucket, in, n, out)
					}
				}
			}
		}
	}
}

// randomIn favours small magnitudes and the edges of [lo, hi].
func randomIn(r *rand.Rand, lo, hi int64) int64 {
	switch r.IntN(5) {
	case 0:
		return lo + r.Int64N(3)
	case 1:
		return hi - r.Int64N(3)
	case 2:
		return r.Int64N(2000) - 1000
	}
	return int64(r.Uint64()>>(r.IntN(64))) * []int64{1, -1}[r.IntN(2)] % max(hi, 1)
}

func TestNumberNoiseProperties(t *testing.T) {
	k1 := testKey(t, "number-secret-0123456789")
	k2 := testKey(t, "number-secret-0123456789")
	other := testKey(t, "other-secret-abcdefghij")
	r := rand.New(rand.NewPCG(5, 6))
	for _, noise := range []float64{0.01, 0.1, 0.5, 1} {
		p := MapParams{"noise": noise}
		for _, typ := range []string{"int2", "int4", "int8", "numeric", "float4", "float8"} {
			b1, b2, b3 := bindNumber(t, k1, p, typ), bindNumber(t, k2, p, typ), bindNumber(t, other, p, typ)
			changed, differ, above, below := 0, 0, 0, 0
			const count = 400
			for range count {
				in, v := randomNumber(r, typ)
				out := apply(t, b1, in)
				if apply(t, b2, in) != out {
					t.Fatalf("%s noise %v: %s not deterministic", typ, noise, in)
				}
				if apply(t, b3, in) != out {
					differ++
				}
				got := parseNumberOfType(t, typ, out)
				if typ == "numeric" && decimalsOf(out) != decimalsOf(in) {
					t.Fatalf("numeric noise: %s -> %s changed the decimal places", in, out)
				}
				// |got - v| <= noise*|v|, plus rounding to the type's precision.
				slack := 1e-6*math.Abs(v) + 0.5
				if typ == "numeric" {
					slack = 1e-9*math.Abs(v) + math.Pow10(-decimalsOf(in))
				}
				if math.Abs(got-v) > noise*math.Abs(v)+slack {
					t.Fatalf("%s noise %v: %s -> %s is too far", typ, noise, in, out)
				}
				if got != v {
					changed++
				}
				if got > v {
					above++
				} else if got < v {
					below++
				}
			}
			if changed < count/2 || differ < count/2 || above < count/10 || below < count/10 {
				t.Errorf("%s noise %v: changed %d, key-dependent %d, above %d, below %d of %d",
					typ, noise, changed, differ, above, below, count)
			}
		}
	}
}

// randomNumber makes a value of the type as PostgreSQL prints it, mostly
// large enough for noise to change it.
func randomNumber(r *rand.Rand, typ string) (string, float64) {
	switch typ {
	case "int2", "int4", "int8":
		rg := intTypeRange[typ]
		v := r.Int64N(rg[1]/2) + 1000
		if typ == "int2" {
			v = r.Int64N(30000) + 500
		}
		if r.IntN(2) == 0 {
			v = -v
		}
		return strconv.FormatInt(v, 10), float64(v)
	case "numeric":
		scale := r.IntN(5)
		v := (r.Float64()*2 - 1) * math.Pow10(r.IntN(12)+3)
		s := strconv.FormatFloat(v, 'f', scale, 64)
		f, _ := strconv.ParseFloat(s, 64)
		return s, f
	}
	v := (r.Float64()*2 - 1) * math.Pow10(r.IntN(40)-10)
	bits := 64
	if typ == "float4" {
		v = float64(float32(v))
		bits = 32
	}
	return strconv.FormatFloat(v, 'g', -1, bits), v
}

func decimalsOf(s string) int {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// parseNumberOfType checks out is a valid value of typ and returns it.
func parseNumberOfType(t testing.TB, typ, out string) float64 {
	t.Helper()
	switch typ {
	case "int2", "int4", "int8":
		n, err := strconv.ParseInt(out, 10, 64)
		if rg := intTypeRange[typ]; err != nil || n < rg[0] || n > rg[1] {
			t.Fatalf("%s: %q is not an integer of the type", typ, out)
		}
		return float64(n)
	case "numeric":
		if _, ok := parseDecimal([]byte(out)); !ok {
			t.Fatalf("numeric: %q is not in numeric's output form", out)
		}
		// numeric holds values beyond float64's range: ±Inf stands for them.
		f, _ := strconv.ParseFloat(out, 64)
		return f
	}
	bits := 64
	if typ == "float4" {
		bits = 32
	}
	f, err := strconv.ParseFloat(out, bits)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || strings.ContainsAny(out, "Ii") {
		t.Fatalf("%s: %q is not a finite number", typ, out)
	}
	return f
}

func TestNumberFloatLimits(t *testing.T) {
	k := testKey(t, "number-secret-0123456789")
	for typ, in := range map[string]string{"float4": "3.4028235e+38", "float8": "1.7976931348623157e+308"} {
		for _, neg := range []string{"", "-"} {
			hit := false
			for _, domain := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
				m, err := New("number", Env{Key: k, Domain: domain}, MapParams{"noise": 1.0})
				if err != nil {
					t.Fatal(err)
				}
				b, err := m.Bind(Column{Type: typ})
				if err != nil {
					t.Fatal(err)
				}
				out := apply(t, b, neg+in)
				parseNumberOfType(t, typ, out)
				hit = hit || strings.TrimPrefix(out, "-") == in
			}
			if !hit {
				t.Errorf("%s: no draw of 8 reached the clamp at %s%s", typ, neg, in)
			}
		}
	}
}

func TestNumberRejectsBadValues(t *testing.T) {
	k := testKey(t, "number-secret-0123456789")
	bad := map[string][]string{
		"int2":    {"", "-", "abc", "1.5", "1e3", "+1", " 1", "32768", "-32769", "0x10"},
		"int4":    {"2147483648", "1 ", "--1", "NaN"},
		"int8":    {"9223372036854775808", "-9223372036854775809", "99999999999999999999", "Infinity"},
		"numeric": {"", "abc", "1.2.3", "1e5", ".5", "5.", "+1", "- 1", "nan", "inf", "1,5"},
		"float8":  {"", "abc", "1.2.3", "1,5", "inf", "+Inf", "nan", "Infinity "},
		"float4":  {"", "x"},
	}
	for typ, values := range bad {
		for _, p := range []MapParams{{"bucket": 10}, {"noise": 0.1}} {
			b := bindNumber(t, k, p, typ)
			for _, in := range values {
				if out, _, err := b.Apply(nil, []byte(in), false); err == nil {
					t.Errorf("%s %v: %q accepted as %q", typ, p, in, out)
				}
			}
		}
	}
}

func TestNumberArrays(t *testing.T) {
	k := testKey(t, "number-secret-0123456789")
	b := bindMask(t, k, "number", MapParams{"bucket": 10}, Column{Type: "int4", Array: true})
	if got := apply(t, b, "{1,15,NULL,-3}"); got != "{0,10,NULL,-10}" {
		t.Errorf("int4[]: %s", got)
	}
	b = bindMask(t, k, "number", MapParams{"bucket": 0.5}, Column{Type: "numeric", Array: true})
	if got := apply(t, b, "{{1.75,2.20},{NaN,-0.1}}"); got != "{{1.50,2.00},{NaN,-0.5}}" {
		t.Errorf("numeric[][]: %s", got)
	}
}

func TestNumberParams(t *testing.T) {
	k := testKey(t, "number-secret-0123456789")
	info, ok := Lookup("number")
	if !ok || info.Bijective {
		t.Fatalf("number registry entry %+v", info)
	}
	for _, p := range []MapParams{
		{},
		{"bucket": 10, "noise": 0.1},
		{"bucket": 0},
		{"bucket": -5},
		{"bucket": "ten"},
		{"bucket": math.Inf(1)},
		{"bucket": math.NaN()},
		{"noise": 0},
		{"noise": -0.1},
		{"noise": 1.5},
		{"noise": math.NaN()},
		{"noise": "a lot"},
		{"round": 10},
	} {
		if _, err := New("number", Env{Key: k}, p); err == nil {
			t.Errorf("number %v: no error", p)
		}
	}
	for _, p := range []MapParams{{"bucket": 10}, {"bucket": 0.5}, {"bucket": 1}, {"noise": 0.1}, {"noise": 1}} {
		m, err := New("number", Env{Key: k}, p)
		if err != nil {
			t.Fatalf("number %v: %v", p, err)
		}
		for _, typ := range []string{"int2", "int4", "int8", "numeric", "float4", "float8"} {
			_, err := m.Bind(Column{Type: typ})
			// A fractional bucket cannot give integers, bucket 1 would keep them.
			refused := (p["bucket"] == 0.5 || p["bucket"] == 1) && strings.HasPrefix(typ, "int")
			if refused != (err != nil) {
				t.Errorf("number %v on %s: %v", p, typ, err)
			}
		}
		for _, typ := range []string{"text", "varchar", "date", "timestamptz", "jsonb", "bool", "money"} {
			if _, err := m.Bind(Column{Type: typ}); err == nil {
				t.Errorf("number %v bound to %s", p, typ)
			}
		}
	}
}

// FuzzNumberMask checks that whatever the input, the mask either refuses it
// or returns a valid value of the column's type.
func FuzzNumberMask(f *testing.F) {
	for _, s := range []string{"0", "-1", "32767", "-9223372036854775808", "123.4500", "-0.001",
		"99999999999999999999.99", "NaN", "-Infinity", "1e+30", "3.4028235e+38", "1.5e-07", "0.30000000000000004"} {
		f.Add(s)
	}
	k := testKey(f, "number-secret-0123456789")
	type bound struct {
		typ string
		b   Bound
	}
	var bounds []bound
	for _, typ := range []string{"int2", "int4", "int8", "numeric", "float4", "float8"} {
		for _, p := range []MapParams{{"bucket": 10}, {"bucket": 0.25}, {"bucket": 1e20}, {"noise": 0.2}, {"noise": 1}} {
			if strings.HasPrefix(typ, "int") && p["bucket"] == 0.25 {
				continue
			}
			bounds = append(bounds, bound{typ, bindNumber(f, k, p, typ)})
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 1000 {
			return
		}
		for _, bd := range bounds {
			out, _, err := bd.b.Apply(nil, []byte(in), false)
			if err != nil {
				continue
			}
			switch s := string(out); s {
			case "NaN", "Infinity", "-Infinity":
				if s != in || strings.HasPrefix(bd.typ, "int") {
					t.Fatalf("%s: %q -> %q", bd.typ, in, s)
				}
			default:
				parseNumberOfType(t, bd.typ, s)
			}
		}
	})
}

// TestNumberAgainstServer feeds the mask with the server's own output and
// checks the server reads every result as a value of the type, and that
// bucketing agrees with floor(v / bucket) * bucket computed by the server.
func TestNumberAgainstServer(t *testing.T) {
	c := testConn(t)
	k := testKey(t, "number-secret-0123456789")
	values := map[string][]string{
		"int2":    {"0", "7", "-7", "32767", "-32768", "1234"},
		"int4":    {"0", "48250", "-48250", "2147483647", "-2147483648"},
		"int8":    {"0", "9223372036854775807", "-9223372036854775808", "123456789012"},
		"numeric": {"0", "48250.75", "-0.005", "123456789012345678901234567890.123", "1e-20", "NaN", "Infinity", "-Infinity"},
		"float4":  {"0", "1.5", "-123.456", "3.4028235e38", "1e-30", "NaN", "-Infinity"},
		"float8":  {"0", "0.1", "-1234.5678", "1.7976931348623157e308", "5e-324", "1e15", "NaN", "Infinity"},
	}
	for _, efd := range []string{"1", "3", "0"} {
		if _, err := c.Exec(context.Background(), "SET extra_float_digits = "+efd).ReadAll(); err != nil {
			t.Fatal(err)
		}
		for typ, vs := range values {
			for _, v := range vs {
				in, _ := serverText(t, c, "SELECT $1::"+typ, v)
				for _, p := range []MapParams{{"bucket": 10}, {"bucket": 1000}, {"noise": 0.1}, {"noise": 1}} {
					out := apply(t, bindNumber(t, k, p, typ), in)
					if same, _ := serverText(t, c, "SELECT $1::"+typ+" IS NOT NULL", out); same != "t" {
						t.Fatalf("%s %v: %q -> %q, not a value of the type", typ, p, in, out)
					}
					b, ok := p["bucket"].(int)
					if !ok || strings.HasPrefix(typ, "float") || strings.Contains(in, "n") || strings.Contains(in, "N") {
						continue
					}
					// v - mod(v, b) is exact (numeric division would round);
					// mod takes the dividend's sign, so step down for negatives.
					floorSQL := "($1::numeric - mod($1::numeric, $2::numeric) - CASE WHEN mod($1::numeric, $2::numeric) < 0 THEN $2::numeric ELSE 0 END)"
					want, _ := serverText(t, c, "SELECT greatest("+floorSQL+", $3::numeric)",
						in, strconv.Itoa(b), strconv.FormatInt(intTypeRange[typ][0], 10))
					if typ == "numeric" {
						want, _ = serverText(t, c, "SELECT "+floorSQL, in, strconv.Itoa(b))
					}
					if same, _ := serverText(t, c, "SELECT $1::numeric = $2::numeric", out, want); same != "t" {
						t.Errorf("%s bucket %d: %q -> %q, server says %q", typ, b, in, out, want)
					}
				}
			}
		}
	}
}
