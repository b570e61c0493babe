package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Helpers that walk yaml.Node trees: every value is checked by hand so that
// each problem carries the position of the node it is about.

// maxAliasExpansion bounds the nodes visited through YAML aliases, so that a
// small file cannot make the walk exponential ("billion laughs").
const maxAliasExpansion = 100_000

// entry is one key/value pair of a mapping.
type entry struct {
	key, val *yaml.Node
}

func (p *parser) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: p.file}
	}
	return Pos{File: p.file, Line: n.Line, Col: n.Column}
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.problemAt(p.pos(n), fmt.Sprintf(format, args...))
}

func (p *parser) problemAt(pos Pos, msg string) {
	p.problems = append(p.problems, Problem{Pos: pos, Msg: oneLine(msg)})
}

// decodeDocument parses data into its single document node.
func (p *parser) decodeDocument(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.problemAt(Pos{File: p.file, Line: 1, Col: 1}, "the rules file is empty; it needs at least `version: 1` and a `key:` section")
			return nil
		}
		p.yamlError(err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		at := &extra
		if len(extra.Content) > 0 {
			at = extra.Content[0]
		}
		p.errorf(at, "a rules file holds one YAML document; remove the second one (or the `---` separator)")
		return nil
	} else if !errors.Is(err, io.EOF) {
		p.yamlError(err)
		return nil
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0]
	}
	p.problemAt(Pos{File: p.file, Line: 1, Col: 1}, "the rules file is empty; it needs at least `version: 1` and a `key:` section")
	return nil
}

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: ...") into a
// positioned problem; yaml.v3 reports no column.
func (p *parser) yamlError(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				line, msg = n, after
			}
		}
	}
	p.problemAt(Pos{File: p.file, Line: line}, "invalid YAML: "+msg)
}

// deref follows an alias to its anchored node, counting the expansion.
// Past the budget it reports once and returns a null node in place.
func (p *parser) deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if n.Alias == nil || i > 8 || p.expanded > maxAliasExpansion {
			if !p.aliasReported {
				p.aliasReported = true
				p.errorf(n, "too many or too deeply nested YAML aliases; write the values out")
			}
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
		}
		p.expanded += p.treeSize(n.Alias)
		n = n.Alias
	}
	return n
}

// treeSize counts the nodes under n without following aliases (memoized).
func (p *parser) treeSize(n *yaml.Node) int {
	if s, ok := p.sizes[n]; ok {
		return s
	}
	p.sizes[n] = 1 // guards against cycles through Content (not possible, but cheap)
	s := 1
	for _, c := range n.Content {
		s += p.treeSize(c)
	}
	p.sizes[n] = s
	return s
}

// isNull reports an empty value (`types:` with nothing after it), which
// optional lists accept as empty.
func (p *parser) isNull(n *yaml.Node) bool {
	n = p.deref(n)
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// kindName describes a node for "want X, got Y" messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing (null)"
		case "!!int":
			return "the integer " + n.Value
		case "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		}
		if len(n.Value) > 40 {
			return "a string"
		}
		return strconv.Quote(n.Value)
	}
	return "something else"
}

// mapping returns the entries of a mapping node, reporting a non-mapping,
// non-scalar keys and duplicate keys. what names the value in messages.
func (p *parser) mapping(n *yaml.Node, what string) ([]entry, bool) {
	n = p.deref(n)
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping, got %s", what, kindName(n))
		return nil, false
	}
	out := make([]entry, 0, len(n.Content)/2)
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "keys in %s must be plain strings, got %s", what, kindName(p.deref(k)))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.errorf(k, "duplicate key %q in %s (first at line %d)", k.Value, what, first.Line)
			continue
		}
		seen[k.Value] = k
		out = append(out, entry{key: k, val: v})
	}
	return out, true
}

// fields checks a mapping against its valid keys and returns its entries
// by key; unknown keys are reported with the valid ones.
func (p *parser) fields(n *yaml.Node, what string, valid []string) (map[string]entry, bool) {
	entries, ok := p.mapping(n, what)
	if !ok {
		return nil, false
	}
	out := make(map[string]entry, len(entries))
	for _, e := range entries {
		if !contains(valid, e.key.Value) {
			p.errorf(e.key, "unknown key %q in %s%s (valid: %s)", e.key.Value, what, suggest(e.key.Value, valid), list(valid))
			continue
		}
		out[e.key.Value] = e
	}
	return out, true
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// str reads a non-empty scalar string.
func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	n = p.deref(n)
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		p.errorf(n, "%s must be a string, got %s", what, kindName(n))
		return "", false
	}
	if n.Value == "" {
		p.errorf(n, "%s must not be empty", what)
		return "", false
	}
	return n.Value, true
}

// oneOf reads a string that must be one of valid.
func (p *parser) oneOf(n *yaml.Node, what string, valid []string) (string, bool) {
	s, ok := p.str(n, what)
	if !ok {
		return "", false
	}
	if !contains(valid, s) {
		p.errorf(n, "%s must be one of %s, got %s%s", what, list(valid), kindName(p.deref(n)), suggest(s, valid))
		return "", false
	}
	return s, true
}

// scalarInt decodes an integer scalar; the error says what was found.
func scalarInt(n *yaml.Node) (int, error) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		return 0, fmt.Errorf("want an integer, got %s", kindName(n))
	}
	var v int64
	if err := n.Decode(&v); err != nil || v != int64(int(v)) {
		return 0, fmt.Errorf("integer %s is out of range", n.Value)
	}
	return int(v), nil
}

func scalarFloat(n *yaml.Node) (float64, error) {
	tag := n.ShortTag()
	if n.Kind != yaml.ScalarNode || (tag != "!!int" && tag != "!!float") {
		return 0, fmt.Errorf("want a number, got %s", kindName(n))
	}
	var v float64
	if err := n.Decode(&v); err != nil {
		return 0, fmt.Errorf("number %s is out of range", n.Value)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("want a finite number, got %s", n.Value)
	}
	return v, nil
}

func scalarBool(n *yaml.Node) (bool, error) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		return false, fmt.Errorf("want true or false, got %s", kindName(n))
	}
	var v bool
	if err := n.Decode(&v); err != nil {
		return false, fmt.Errorf("want true or false, got %s", kindName(n))
	}
	return v, nil
}

// scalarString accepts any non-null scalar as its text as written.
func scalarString(n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return "", fmt.Errorf("want a string, got %s", kindName(n))
	}
	return n.Value, nil
}
