package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pgveil/pgveil/rules"
)

// JSONTarget is one path of a json mask with the mask it applies there.
type JSONTarget struct {
	Path  string
	Mask  string
	steps []jsonStep
}

// jsonRules reads the paths of json masks from the rules file: rules.Rules
// keeps the compiled mask only, so the file is read again (it was just
// validated) and each decision's position leads to its spec.
type jsonRules struct {
	r     *rules.Rules
	byPos map[[2]int]*yaml.Node // value node of every mapping key, by key line:col
	types map[string]*yaml.Node // spec of each semantic type
}

func loadJSONRules(r *rules.Rules) (*jsonRules, error) {
	data, err := os.ReadFile(r.File)
	if err != nil {
		return nil, fmt.Errorf("read rules file again for json paths: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", r.File, err)
	}
	jr := &jsonRules{r: r, byPos: map[[2]int]*yaml.Node{}, types: map[string]*yaml.Node{}}
	jr.walk(&doc, 0)
	if len(doc.Content) > 0 {
		if top := deref(doc.Content[0]); top.Kind == yaml.MappingNode {
			if tn := mapValue(top, "types"); tn != nil && tn.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(tn.Content); i += 2 {
					jr.types[tn.Content[i].Value] = deref(tn.Content[i+1])
				}
			}
		}
	}
	return jr, nil
}

func (jr *jsonRules) walk(n *yaml.Node, depth int) {
	if n == nil || depth > 64 {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			jr.byPos[[2]int{k.Line, k.Column}] = n.Content[i+1]
		}
	}
	for _, c := range n.Content {
		jr.walk(c, depth+1)
	}
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 16; i++ {
		n = n.Alias
	}
	return n
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return deref(n.Content[i+1])
		}
	}
	return nil
}

// targets returns the paths of the json mask that decided d.
func (jr *jsonRules) targets(d rules.Decision) ([]JSONTarget, error) {
	spec := jr.byPos[[2]int{d.Pos.Line, d.Pos.Col}]
	if d.Source == rules.SourceType {
		spec = jr.types[d.Type]
	}
	spec = deref(spec)
	if spec != nil && spec.Kind == yaml.ScalarNode {
		spec = jr.types[spec.Value] // a column naming a type
	}
	if spec == nil || spec.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: cannot find the json mask's paths", d.Pos)
	}
	paths := mapValue(spec, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: json mask without paths", d.Pos)
	}
	var out []JSONTarget
	for i := 0; i+1 < len(paths.Content); i += 2 {
		p := paths.Content[i].Value
		steps, err := parseJSONPath(p)
		if err != nil {
			return nil, fmt.Errorf("%s: json path %q: %w", d.Pos, p, err)
		}
		out = append(out, JSONTarget{Path: p, Mask: jr.maskOf(deref(paths.Content[i+1])), steps: steps})
	}
	return out, nil
}

// maskOf names the mask a path's spec resolves to (through a type).
func (jr *jsonRules) maskOf(n *yaml.Node) string {
	name := ""
	if n != nil && n.Kind == yaml.ScalarNode {
		name = n.Value
	} else if n != nil && n.Kind == yaml.MappingNode {
		if m := mapValue(n, "mask"); m != nil {
			name = m.Value
		}
	}
	for _, t := range jr.r.Types() {
		if t.Name == name {
			return t.Decision.Mask
		}
	}
	return name
}

// The path subset of the json mask (anonymize/jsonpath.go): $ then .key,
// ['key'] or ["key"], [n], [*], .*, and .. before any of them.
type jsonStep struct {
	descend bool
	wild    bool
	name    string
	index   int // -1 for a name
}

func parseJSONPath(s string) ([]jsonStep, error) {
	if !strings.HasPrefix(s, "$") {
		return nil, errors.New("must start with $")
	}
	s = s[1:]
	var steps []jsonStep
	for s != "" {
		st := jsonStep{index: -1}
		switch {
		case strings.HasPrefix(s, ".."):
			st.descend, s = true, s[1:]
			if len(s) > 1 && s[1] == '[' {
				s = s[1:]
			}
		}
		var err error
		switch {
		case strings.HasPrefix(s, ".*"):
			st.wild, s = true, s[2:]
		case strings.HasPrefix(s, "."):
			n := strings.IndexAny(s[1:], ".[")
			if n < 0 {
				n = len(s) - 1
			}
			st.name, s = s[1:1+n], s[1+n:]
		case strings.HasPrefix(s, "[*]"):
			st.wild, s = true, s[3:]
		case strings.HasPrefix(s, "['"), strings.HasPrefix(s, `["`):
			st.name, s, err = quotedKey(s)
		case strings.HasPrefix(s, "["):
			n := strings.IndexByte(s, ']')
			if n < 0 {
				return nil, errors.New("unclosed [")
			}
			st.index, err = strconv.Atoi(s[1:n])
			s = s[n+1:]
		default:
			return nil, fmt.Errorf("unexpected %q", s)
		}
		if err != nil {
			return nil, err
		}
		steps = append(steps, st)
	}
	return steps, nil
}

func quotedKey(s string) (string, string, error) {
	q := s[1]
	var b strings.Builder
	for i := 2; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case s[i] == q:
			if i+1 >= len(s) || s[i+1] != ']' {
				return "", "", errors.New("quoted key must end with ]")
			}
			return b.String(), s[i+2:], nil
		default:
			b.WriteByte(s[i])
		}
	}
	return "", "", errors.New("unterminated quoted key")
}

// jsonStrings calls f with every string (and number) inside the values a
// path selects in doc: a selected object or array contributes all the
// scalars in it, as the json mask masks them all.
func jsonStrings(doc any, steps []jsonStep, f func(string)) {
	if len(steps) == 0 {
		leaves(doc, f, 0)
		return
	}
	st := steps[0]
	each := func(key string, index int, v any) {
		if st.wild || st.index < 0 && index < 0 && key == st.name || st.index >= 0 && index == st.index {
			jsonStrings(v, steps[1:], f)
		}
		if st.descend {
			jsonStrings(v, steps, f)
		}
	}
	switch d := doc.(type) {
	case map[string]any:
		for k, v := range d {
			each(k, -1, v)
		}
	case []any:
		for i, v := range d {
			each("", i, v)
		}
	}
}

func leaves(doc any, f func(string), depth int) {
	if depth > 256 {
		return
	}
	switch d := doc.(type) {
	case string:
		f(d)
	case json.Number:
		f(d.String())
	case map[string]any:
		for _, v := range d {
			leaves(v, f, depth+1)
		}
	case []any:
		for _, v := range d {
			leaves(v, f, depth+1)
		}
	}
}

// decodeJSON parses one document, keeping numbers as their text.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}
