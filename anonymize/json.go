package anonymize

import (
	"errors"
	"fmt"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// The json mask: the values at the configured paths of a json or jsonb
// document are replaced by their masks; everything else is copied through
// byte for byte (formatting, key order, duplicate keys), so the document is
// rewritten in one pass over its bytes instead of a decode/encode round trip.
//
// At a matched string the decoded text goes through the path's mask and is
// re-encoded; at a number or boolean its text does (a number stays bare when
// the result is still a JSON number); at an object or array every string and
// number inside does (fail closed). Keys are kept. When paths match a value
// and one of its descendants, the outer match masks the whole value; when
// several paths match the same value, the first in the file wins. A document
// that is not valid JSON is an error, never passed through.

func init() {
	register(Info{Name: "json", Params: []string{"paths"},
		Summary: "json/jsonb: values at paths ($.a.b, $.list[*], $..key) replaced by their masks, the rest byte-identical",
		New:     newJSONMask})
}

type jsonPathMask struct {
	path jsonPath
	mask Masker
}

type jsonMask struct{ paths []jsonPathMask }

func newJSONMask(_ Env, p Params) (Masker, error) {
	list, err := p.Maskers("paths")
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, p.Errorf("paths", "json needs at least one path, e.g. paths: {\"$.email\": email}")
	}
	if len(list) > 1<<15 {
		return nil, p.Errorf("paths", "too many paths (%d)", len(list))
	}
	m := jsonMask{paths: make([]jsonPathMask, 0, len(list))}
	for _, nm := range list {
		jp, err := parseJSONPath(nm.Name)
		if err != nil {
			return nil, p.Errorf("paths", "invalid JSON path %q: %v (valid: %s)", nm.Name, err, jsonPathSyntax)
		}
		if len(jp.steps) >= 1<<15 {
			return nil, p.Errorf("paths", "JSON path %q is too long", nm.Name)
		}
		if nm.Masker == nil {
			return nil, p.Errorf("paths", "no mask for JSON path %q", nm.Name)
		}
		m.paths = append(m.paths, jsonPathMask{path: jp, mask: nm.Masker})
	}
	return m, nil
}

// jsonBound is one path's mask bound for the leaves it meets: text for
// strings and booleans, numeric (when the mask takes it, e.g. number) for
// numbers.
type jsonBound struct {
	path          string
	text, numeric Bound
	hasText       bool
	hasNumeric    bool
}

type jsonRewriter struct {
	paths  []jsonPath
	bounds []jsonBound
	roots  []uint32 // the initial states: (path, step 0) for every path
}

func (m jsonMask) Bind(c Column) (Bound, error) {
	if CategoryOf(c.Type) != CatJSON || c.Array {
		return Bound{}, errType("json", c, "json, jsonb")
	}
	r := &jsonRewriter{}
	for k, pm := range m.paths {
		jb := jsonBound{path: pm.path.text}
		var terr, nerr error
		jb.text, terr = pm.mask.Bind(Column{Type: "text"})
		jb.numeric, nerr = pm.mask.Bind(Column{Type: "numeric"})
		jb.hasText, jb.hasNumeric = terr == nil, nerr == nil
		if !jb.hasText && !jb.hasNumeric {
			return Bound{}, fmt.Errorf("json: path %s: %w", pm.path.text, terr)
		}
		r.paths = append(r.paths, pm.path)
		r.bounds = append(r.bounds, jb)
		r.roots = append(r.roots, jsonState(k, 0))
	}
	return FuncBound(r.rewrite), nil
}

// A state is (path index, number of steps matched so far), packed.
func jsonState(path, step int) uint32 { return uint32(path)<<16 | uint32(step) }

type jsonScratch struct {
	states []uint32 // stack of state sets, one range per open value
	dec    []byte   // decoded string
	out    []byte   // mask output
	key    []byte   // decoded object key
}

var jsonScratchPool = sync.Pool{New: func() any { return new(jsonScratch) }}

// jsonMaxDepth bounds nesting (PostgreSQL's own limit is of the same order).
const jsonMaxDepth = 10000

var errJSONDepth = errors.New("json: document nested too deeply")

// jsonWalk is the state of one rewrite.
type jsonWalk struct {
	r      *jsonRewriter
	src    []byte
	dst    []byte
	copied int // src[:copied] has been written to dst
	sc     *jsonScratch
}

func (r *jsonRewriter) rewrite(dst, src []byte) ([]byte, error) {
	sc := jsonScratchPool.Get().(*jsonScratch)
	defer jsonScratchPool.Put(sc)
	w := jsonWalk{r: r, src: src, dst: dst, sc: sc}
	sc.states = append(sc.states[:0], r.roots...)
	i, err := w.value(0, 0, len(r.roots), -1, 0)
	if err != nil {
		return dst, err
	}
	if i = jsonSkipWS(src, i); i != len(src) {
		return dst, w.syntax(i, "end of document expected")
	}
	return append(w.dst, src[w.copied:]...), nil
}

func (w *jsonWalk) syntax(i int, what string) error {
	return fmt.Errorf("json: invalid document at offset %d: %s", i, what)
}

func jsonSkipWS(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// matched returns the first path whose states in [lo, hi) are complete.
func (w *jsonWalk) matched(lo, hi int) int {
	best := -1
	for _, st := range w.sc.states[lo:hi] {
		p, k := int(st>>16), int(st&0xffff)
		if k == len(w.r.paths[p].steps) && (best < 0 || p < best) {
			best = p
		}
	}
	return best
}

// children pushes the states of the member key (index < 0) or element index
// of a value whose states are [lo, hi), and returns their range.
func (w *jsonWalk) children(lo, hi int, key []byte, index int) (int, int) {
	clo := len(w.sc.states)
	for s := lo; s < hi; s++ {
		st := w.sc.states[s]
		p, k := int(st>>16), int(st&0xffff)
		steps := w.r.paths[p].steps
		if k == len(steps) {
			continue
		}
		if steps[k].descend {
			w.push(clo, st)
		}
		if steps[k].matches(key, index) {
			w.push(clo, jsonState(p, k+1))
		}
	}
	return clo, len(w.sc.states)
}

func (w *jsonWalk) push(from int, st uint32) {
	for _, x := range w.sc.states[from:] {
		if x == st {
			return
		}
	}
	w.sc.states = append(w.sc.states, st)
}

// value parses the value at src[i] (after optional whitespace) whose path
// states are [lo, hi) and returns the position after it. mask >= 0 means the
// value lies inside a container matched by that path.
func (w *jsonWalk) value(i, lo, hi, mask, depth int) (int, error) {
	if depth > jsonMaxDepth {
		return i, errJSONDepth
	}
	src := w.src
	i = jsonSkipWS(src, i)
	if i >= len(src) {
		return i, w.syntax(i, "value expected")
	}
	direct := false
	if mask < 0 && lo < hi {
		if mask = w.matched(lo, hi); mask >= 0 {
			direct = true
		}
	}
	switch c := src[i]; {
	case c == '{':
		return w.object(i, lo, hi, mask, depth)
	case c == '[':
		return w.array(i, lo, hi, mask, depth)
	case c == '"':
		e, escaped, err := w.scanString(i)
		if err != nil || mask < 0 {
			return e, err
		}
		return e, w.maskString(i, e, escaped, mask)
	case c == '-' || (c >= '0' && c <= '9'):
		e, err := w.scanNumber(i)
		if err != nil || mask < 0 {
			return e, err
		}
		return e, w.maskNumber(i, e, mask)
	case c == 't' || c == 'f' || c == 'n':
		lit := "null"
		if c == 't' {
			lit = "true"
		} else if c == 'f' {
			lit = "false"
		}
		if len(src)-i < len(lit) || string(src[i:i+len(lit)]) != lit {
			return i, w.syntax(i, "true, false or null expected")
		}
		e := i + len(lit)
		if direct && c != 'n' {
			return e, w.maskBool(i, e, mask)
		}
		return e, nil
	}
	return i, w.syntax(i, "value expected")
}

func (w *jsonWalk) object(i, lo, hi, mask, depth int) (int, error) {
	src := w.src
	i = jsonSkipWS(src, i+1)
	if i < len(src) && src[i] == '}' {
		return i + 1, nil
	}
	for {
		if i >= len(src) || src[i] != '"' {
			return i, w.syntax(i, "object key expected")
		}
		ke, escaped, err := w.scanString(i)
		if err != nil {
			return ke, err
		}
		j := jsonSkipWS(src, ke)
		if j >= len(src) || src[j] != ':' {
			return j, w.syntax(j, "':' expected")
		}
		if mask < 0 && lo < hi {
			key := src[i+1 : ke-1]
			if escaped {
				w.sc.key = jsonDecodeString(w.sc.key[:0], key)
				key = w.sc.key
			}
			clo, chi := w.children(lo, hi, key, -1)
			i, err = w.value(j+1, clo, chi, -1, depth+1)
			w.sc.states = w.sc.states[:clo]
		} else {
			i, err = w.value(j+1, 0, 0, mask, depth+1)
		}
		if err != nil {
			return i, err
		}
		i = jsonSkipWS(src, i)
		if i >= len(src) {
			return i, w.syntax(i, "',' or '}' expected")
		}
		switch src[i] {
		case '}':
			return i + 1, nil
		case ',':
			i = jsonSkipWS(src, i+1)
		default:
			return i, w.syntax(i, "',' or '}' expected")
		}
	}
}

func (w *jsonWalk) array(i, lo, hi, mask, depth int) (int, error) {
	src := w.src
	i = jsonSkipWS(src, i+1)
	if i < len(src) && src[i] == ']' {
		return i + 1, nil
	}
	var err error
	for index := 0; ; index++ {
		if mask < 0 && lo < hi {
			clo, chi := w.children(lo, hi, nil, index)
			i, err = w.value(i, clo, chi, -1, depth+1)
			w.sc.states = w.sc.states[:clo]
		} else {
			i, err = w.value(i, 0, 0, mask, depth+1)
		}
		if err != nil {
			return i, err
		}
		i = jsonSkipWS(src, i)
		if i >= len(src) {
			return i, w.syntax(i, "',' or ']' expected")
		}
		switch src[i] {
		case ']':
			return i + 1, nil
		case ',':
			i++
		default:
			return i, w.syntax(i, "',' or ']' expected")
		}
	}
}

// scanString checks the string at src[i] == '"' and returns the position
// after its closing quote and whether it holds escapes.
func (w *jsonWalk) scanString(i int) (int, bool, error) {
	src := w.src
	escaped := false
	for j := i + 1; j < len(src); j++ {
		switch c := src[j]; {
		case c == '"':
			return j + 1, escaped, nil
		case c < 0x20:
			return j, false, w.syntax(j, "control character in string")
		case c == '\\':
			escaped = true
			j++
			if j >= len(src) {
				return j, false, w.syntax(j, "unterminated string")
			}
			switch src[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if len(src)-j < 5 || jsonHexVal(src[j+1]) < 0 || jsonHexVal(src[j+2]) < 0 || jsonHexVal(src[j+3]) < 0 || jsonHexVal(src[j+4]) < 0 {
					return j, false, w.syntax(j, "invalid \\u escape")
				}
				j += 4
			default:
				return j, false, w.syntax(j, "invalid escape")
			}
		}
	}
	return len(src), false, w.syntax(len(src), "unterminated string")
}

// scanNumber checks -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? at src[i].
func (w *jsonWalk) scanNumber(i int) (int, error) {
	e, ok := jsonNumberEnd(w.src, i)
	if !ok {
		return e, w.syntax(e, "invalid number")
	}
	return e, nil
}

func jsonNumberEnd(s []byte, i int) (int, bool) {
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if digits() == 0 {
		return i, false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return i, false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return i, false
		}
	}
	return i, true
}

// isJSONNumber reports whether s is exactly one JSON number.
func isJSONNumber(s []byte) bool {
	e, ok := jsonNumberEnd(s, 0)
	return ok && e == len(s)
}

// replace writes the output for src[s:e]: what precedes it is copied first.
func (w *jsonWalk) replace(s, e int, out []byte, null, asString bool) {
	w.dst = append(w.dst, w.src[w.copied:s]...)
	switch {
	case null:
		w.dst = append(w.dst, "null"...)
	case asString:
		w.dst = jsonAppendString(w.dst, out)
	default:
		w.dst = append(w.dst, out...)
	}
	w.copied = e
}

func (w *jsonWalk) maskErr(p int, err error) error {
	return fmt.Errorf("json: path %s: %w", w.r.bounds[p].path, err)
}

func (w *jsonWalk) maskString(s, e int, escaped bool, p int) error {
	b := &w.r.bounds[p]
	if !b.hasText {
		return w.maskErr(p, errors.New("the mask does not apply to strings"))
	}
	if b.text.Keeps() {
		return nil
	}
	text := w.src[s+1 : e-1]
	if escaped {
		w.sc.dec = jsonDecodeString(w.sc.dec[:0], text)
		text = w.sc.dec
	}
	out, null, err := b.text.Apply(w.sc.out[:0], text, false)
	w.sc.out = out
	if err != nil {
		return w.maskErr(p, err)
	}
	w.replace(s, e, out, null, true)
	return nil
}

func (w *jsonWalk) maskNumber(s, e, p int) error {
	b := &w.r.bounds[p]
	bound := b.numeric
	if !b.hasNumeric {
		bound = b.text
	}
	if bound.Keeps() {
		return nil
	}
	out, null, err := bound.Apply(w.sc.out[:0], w.src[s:e], false)
	w.sc.out = out
	if err != nil {
		return w.maskErr(p, err)
	}
	w.replace(s, e, out, null, !isJSONNumber(out))
	return nil
}

func (w *jsonWalk) maskBool(s, e, p int) error {
	b := &w.r.bounds[p]
	if !b.hasText {
		return w.maskErr(p, errors.New("the mask does not apply to booleans"))
	}
	if b.text.Keeps() {
		return nil
	}
	out, null, err := b.text.Apply(w.sc.out[:0], w.src[s:e], false)
	w.sc.out = out
	if err != nil {
		return w.maskErr(p, err)
	}
	w.replace(s, e, out, null, true)
	return nil
}

// jsonDecodeString appends the text of a JSON string body (already checked
// by scanString) to dst. Lone surrogates become U+FFFD, like encoding/json.
func jsonDecodeString(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			dst = append(dst, c)
			continue
		}
		i++
		switch s[i] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := jsonHex4(s[i+1:])
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if i+6 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
					r2 = jsonHex4(s[i+3:])
				}
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					r = dec
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
		default: // '"', '\\', '/'
			dst = append(dst, s[i])
		}
	}
	return dst
}

func jsonHex4(s []byte) rune {
	return jsonHexVal(s[0])<<12 | jsonHexVal(s[1])<<8 | jsonHexVal(s[2])<<4 | jsonHexVal(s[3])
}

// jsonHexVal is the value of a hex digit, -1 for another byte.
func jsonHexVal(c byte) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case c >= 'a' && c <= 'f':
		return rune(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return rune(c-'A') + 10
	}
	return -1
}

// jsonAppendString appends s as a JSON string: quotes, backslashes and
// control characters escaped, everything else as is.
func jsonAppendString(dst, s []byte) []byte {
	const hexDigits = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i, c := range s {
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
