package anonymize

func init() {
	register(Info{Name: "phone", Params: []string{"keep_country"}, Bijective: true,
		Summary: "phone and fax numbers: same country code and shape, other digits replaced bijectively",
		New:     newPhone})
}

type phoneMask struct {
	d           *Keyed
	keepCountry bool
}

func newPhone(env Env, p Params) (Masker, error) {
	kc, err := p.Bool("keep_country", true)
	if err != nil {
		return nil, err
	}
	return phoneMask{d: env.Key.Domain(env.Domain), keepCountry: kc}, nil
}

func (m phoneMask) Bind(c Column) (Bound, error) {
	if err := requireText("phone", c); err != nil {
		return Bound{}, err
	}
	return textBound(c, m.apply), nil
}

// twoDigitCodes are the E.164 country calling codes of two digits. With the
// one-digit codes 1 and 7 and three digits for everything else, they form a
// prefix-free code: the length of the kept country code is a function of
// digits that are themselves kept, which keeps the mask bijective.
var twoDigitCodes = func() (t [100]bool) {
	for _, c := range []int{20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49,
		51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86,
		90, 91, 92, 93, 94, 95, 98} {
		t[c] = true
	}
	return t
}()

func countryCodeLen(d0, d1 byte) int {
	switch {
	case d0 == '1' || d0 == '7':
		return 1
	case twoDigitCodes[int(d0-'0')*10+int(d1-'0')]:
		return 2
	}
	return 3
}

// apply keeps everything but digits in place ("+", spaces, dashes,
// parentheses), keeps the international prefix and the country code, and
// permutes the remaining digits. In national numbers a leading trunk 0 is
// kept and the first permuted digit stays non-zero, so a national number can
// never turn into an international or trunk-prefixed one (bijectivity).
func (m phoneMask) apply(dst, src []byte) ([]byte, error) {
	var posBuf [24]int
	pos := posBuf[:0]
	plus := false
	for i, c := range src {
		if isDigit(c) {
			if len(pos) < cap(pos) {
				pos = append(pos, i)
			} else {
				break
			}
		} else if c == '+' && len(pos) == 0 {
			plus = true
		}
	}
	if len(pos) < 3 {
		return m.d.permuteClasses(dst, src, []byte("short-phone"), nil, all), nil
	}
	keep := 0 // number of leading digits kept
	var nonZero []int
	var nzBuf [1]int
	switch {
	case plus || (src[pos[0]] == '0' && src[pos[1]] == '0'):
		if !plus {
			keep = 2 // the "00" international prefix
		}
		if m.keepCountry && len(pos) > keep+3 {
			keep += countryCodeLen(src[pos[keep]], src[pos[keep+1]])
		}
	case src[pos[0]] == '0':
		keep = 1 // trunk prefix
		nzBuf[0] = pos[1]
		nonZero = nzBuf[:]
	default:
		nzBuf[0] = pos[0]
		nonZero = nzBuf[:]
	}
	var tweak [3]byte
	tw := tweak[:0]
	for k := 0; k < keep && k < 3; k++ {
		tw = append(tw, src[pos[k]])
	}
	lastKept := -1
	if keep > 0 {
		lastKept = pos[keep-1]
	}
	return m.d.permuteClasses(dst, src, tw, nonZero, span{lastKept + 1, len(src)}), nil
}
