package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/pgveil/pgveil/anonymize"
	"gopkg.in/yaml.v3"
)

// maxDepth bounds masks nested in parameters (json paths, scrub sub-masks).
const maxDepth = 8

// errReported travels through a mask constructor when the problem behind it
// is already in the list (a nested use of a type that failed to build).
var errReported = errors.New("already reported")

// splitSpec takes a spec apart: the node naming the mask (or type) and the
// remaining entries of a mapping spec, which are parameters.
func (p *parser) splitSpec(n *yaml.Node, what string) (nameNode *yaml.Node, params []entry, ok bool) {
	at := n
	n = p.deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Value == "" || n.ShortTag() == "!!null" && n.Value != "null" {
			p.errorf(at, "%s needs a mask: write a mask or type name (e.g. keep, null, hash) or {mask: NAME, ...}", what)
			return nil, nil, false
		}
		return n, nil, true
	case yaml.MappingNode:
		entries, ok := p.mapping(n, what)
		if !ok {
			return nil, nil, false
		}
		for _, e := range entries {
			if e.key.Value == "mask" {
				nameNode = e.val
			} else {
				params = append(params, e)
			}
		}
		if nameNode == nil {
			p.errorf(n, "%s has no `mask:` key; write {mask: NAME, param: value, ...}", what)
			return nil, nil, false
		}
		if v := p.deref(nameNode); v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" || v.Value == "" {
			p.errorf(nameNode, "mask: must name a mask or type, got %s", kindName(v))
			return nil, nil, false
		}
		return p.deref(nameNode), params, true
	default:
		p.errorf(at, "%s must be a mask or type name, or a mapping {mask: NAME, param: value, ...}; got %s", what, kindName(n))
		return nil, nil, false
	}
}

// spec resolves a column rule, a table default or a nested parameter: a
// mask or type name, or a mapping {mask: NAME_OR_TYPE, param: value, ...}.
func (p *parser) spec(n *yaml.Node, what string, depth int) (Decision, bool) {
	nameNode, params, ok := p.splitSpec(n, what)
	if !ok {
		return Decision{}, false
	}
	name := nameNode.Value
	if t := p.types[name]; t != nil {
		for _, e := range params {
			p.errorf(e.key, "type %q takes no parameters (%q); give the type its parameters under types:, or use a mask here", name, e.key.Value)
		}
		if len(params) > 0 {
			return Decision{}, false
		}
		p.buildType(t)
		if t.state != 2 {
			return Decision{}, false
		}
		return t.dec, true
	}
	return p.buildMask(name, nameNode, params, n, "", depth)
}

// typeSpec resolves a type's spec: it must name a mask, not another type.
func (p *parser) typeSpec(t *typeDef) (Decision, bool) {
	nameNode, params, ok := p.splitSpec(t.spec, fmt.Sprintf("type %q", t.name))
	if !ok {
		return Decision{}, false
	}
	if other := p.types[nameNode.Value]; other != nil {
		p.errorf(nameNode, "type %q refers to type %q; a type must name a mask (types cannot refer to types)", t.name, other.name)
		return Decision{}, false
	}
	return p.buildMask(nameNode.Value, nameNode, params, t.spec, t.name, 0)
}

// buildMask looks the mask up, checks and hands over its parameters, and
// reports what the constructor did not read. domain "" means the untyped
// domain: mask name + canonical parameters.
func (p *parser) buildMask(name string, nameNode *yaml.Node, params []entry, specNode *yaml.Node, domain string, depth int) (Decision, bool) {
	info, ok := p.lookup(name)
	if !ok {
		p.unknownMask(nameNode, name, domain == "")
		return Decision{}, false
	}
	if domain == "" {
		domain = name + p.canonical(params)
	}
	ok = true
	np := &nodeParams{p: p, mask: name, spec: specNode, byName: make(map[string]entry, len(params)), read: map[string]bool{}, depth: depth}
	for _, e := range params {
		if !contains(info.Params, e.key.Value) {
			var valid string
			if len(info.Params) == 0 {
				valid = "mask " + name + " takes no parameters"
			} else {
				valid = "valid: " + list(info.Params)
			}
			p.errorf(e.key, "unknown parameter %q for mask %s%s (%s)", e.key.Value, name, suggest(e.key.Value, info.Params), valid)
			ok = false
			continue
		}
		np.byName[e.key.Value] = e
	}
	env := p.env
	env.Domain = domain
	m, err := info.New(env, np)
	switch {
	case err != nil:
		if errors.Is(err, errReported) {
			// the nested problem is in the list already
		} else if probs, positioned := problemsOf(err); positioned {
			p.problems = append(p.problems, probs...)
		} else {
			p.problemAt(p.pos(specNode), fmt.Sprintf("mask %s: %v", name, err))
		}
		return Decision{}, false
	case m == nil:
		p.problemAt(p.pos(specNode), "mask "+name+" built nothing (a bug in the mask)")
		return Decision{}, false
	}
	for _, e := range params {
		if _, declared := np.byName[e.key.Value]; declared && !np.read[e.key.Value] {
			p.errorf(e.key, "parameter %q has no effect on mask %s here; remove it", e.key.Value, name)
			ok = false
		}
	}
	if !ok {
		return Decision{}, false
	}
	return Decision{Masker: m, Mask: name, Domain: domain, Bijective: info.Bijective}, true
}

func (p *parser) unknownMask(n *yaml.Node, name string, typesAllowed bool) {
	masks := p.names()
	if !typesAllowed {
		p.errorf(n, "unknown mask %q%s; masks: %s", name, suggest(name, masks), list(masks))
		return
	}
	types := make([]string, 0, len(p.typeList))
	for _, t := range p.typeList {
		types = append(types, t.name)
	}
	all := append(append([]string(nil), masks...), types...)
	p.errorf(n, "unknown mask or type %q%s; masks: %s; types: %s", name, suggest(name, all), list(masks), list(types))
}

// canonical renders parameters like anonymize.MapParams.Canonical: sorted
// keys, "{k=v}" each, scalars as written. Nested values get a deterministic
// flow rendering.
func (p *parser) canonical(params []entry) string {
	if len(params) == 0 {
		return ""
	}
	sorted := append([]entry(nil), params...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].key.Value < sorted[j].key.Value })
	var b strings.Builder
	for _, e := range sorted {
		b.WriteByte('{')
		b.WriteString(e.key.Value)
		b.WriteByte('=')
		p.render(&b, e.val, 0)
		b.WriteByte('}')
	}
	return b.String()
}

func (p *parser) render(b *strings.Builder, n *yaml.Node, depth int) {
	n = p.deref(n)
	if depth > maxDepth*4 {
		b.WriteString("...")
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		type kv struct {
			k string
			v *yaml.Node
		}
		kvs := make([]kv, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			kvs = append(kvs, kv{p.deref(n.Content[i]).Value, n.Content[i+1]})
		}
		sort.SliceStable(kvs, func(i, j int) bool { return kvs[i].k < kvs[j].k })
		b.WriteByte('{')
		for i, x := range kvs {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(b, "%q:", x.k)
			p.render(b, x.v, depth+1)
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			p.render(b, c, depth+1)
		}
		b.WriteByte(']')
	default:
		if depth == 0 {
			b.WriteString(n.Value) // as written, like MapParams.Canonical
		} else {
			fmt.Fprintf(b, "%q", n.Value)
		}
	}
}

// nested resolves a spec inside a parameter and returns its problems as an
// error, which the constructor passes back to buildMask.
func (p *parser) nested(n *yaml.Node, depth int) (Decision, error) {
	if depth > maxDepth {
		return Decision{}, &Error{List: []Problem{{Pos: p.pos(n), Msg: fmt.Sprintf("masks nested more than %d levels deep", maxDepth)}}}
	}
	saved := len(p.problems)
	d, ok := p.spec(n, "a nested mask", depth)
	if len(p.problems) > saved {
		probs := append([]Problem(nil), p.problems[saved:]...)
		p.problems = p.problems[:saved]
		return Decision{}, &Error{List: probs}
	}
	if !ok {
		return Decision{}, errReported
	}
	return d, nil
}

// nodeParams implements anonymize.Params over the entries of a mapping
// spec: type-checked, positioned, and recording which keys were read.
type nodeParams struct {
	p      *parser
	mask   string
	spec   *yaml.Node
	byName map[string]entry
	read   map[string]bool
	depth  int
}

var _ anonymize.Params = (*nodeParams)(nil)

func (np *nodeParams) get(name string) (*yaml.Node, bool) {
	e, ok := np.byName[name]
	if !ok {
		return nil, false
	}
	np.read[name] = true
	return np.p.deref(e.val), true
}

// fail positions a type error at the parameter's value.
func (np *nodeParams) fail(name string, err error) error {
	return np.Errorf(name, "parameter %s of mask %s: %v", name, np.mask, err)
}

func (np *nodeParams) Has(name string) bool {
	_, ok := np.get(name)
	return ok
}

func (np *nodeParams) String(name, def string) (string, error) {
	v, ok := np.get(name)
	if !ok {
		return def, nil
	}
	s, err := scalarString(v)
	if err != nil {
		return "", np.fail(name, err)
	}
	return s, nil
}

func (np *nodeParams) Int(name string, def int) (int, error) {
	v, ok := np.get(name)
	if !ok {
		return def, nil
	}
	n, err := scalarInt(v)
	if err != nil {
		return 0, np.fail(name, err)
	}
	return n, nil
}

func (np *nodeParams) Float(name string, def float64) (float64, error) {
	v, ok := np.get(name)
	if !ok {
		return def, nil
	}
	f, err := scalarFloat(v)
	if err != nil {
		return 0, np.fail(name, err)
	}
	return f, nil
}

func (np *nodeParams) Bool(name string, def bool) (bool, error) {
	v, ok := np.get(name)
	if !ok {
		return def, nil
	}
	b, err := scalarBool(v)
	if err != nil {
		return false, np.fail(name, err)
	}
	return b, nil
}

func (np *nodeParams) Masker(name string) (anonymize.Masker, bool, error) {
	e, ok := np.byName[name]
	if !ok {
		return nil, false, nil
	}
	np.read[name] = true
	d, err := np.p.nested(e.val, np.depth+1)
	if err != nil {
		return nil, true, err
	}
	return d.Masker, true, nil
}

func (np *nodeParams) Maskers(name string) ([]anonymize.NamedMasker, error) {
	e, ok := np.byName[name]
	if !ok {
		return nil, nil
	}
	np.read[name] = true
	p := np.p
	saved := len(p.problems)
	entries, ok := p.mapping(e.val, "parameter "+name+" of mask "+np.mask)
	var out []anonymize.NamedMasker
	reported := false
	if ok {
		out = make([]anonymize.NamedMasker, 0, len(entries))
		for _, me := range entries {
			d, err := p.nested(me.val, np.depth+1)
			if err != nil {
				if probs, positioned := problemsOf(err); positioned {
					p.problems = append(p.problems, probs...)
				} else {
					reported = true
				}
				continue
			}
			out = append(out, anonymize.NamedMasker{Name: me.key.Value, Masker: d.Masker})
		}
	}
	if len(p.problems) > saved {
		probs := append([]Problem(nil), p.problems[saved:]...)
		p.problems = p.problems[:saved]
		return nil, &Error{List: probs}
	}
	if reported {
		return nil, errReported
	}
	return out, nil
}

func (np *nodeParams) Errorf(name, format string, args ...any) error {
	pos := np.p.pos(np.spec)
	if e, ok := np.byName[name]; ok {
		pos = np.p.pos(e.val)
	}
	return &Error{List: []Problem{{Pos: pos, Msg: oneLine(fmt.Sprintf(format, args...))}}}
}
