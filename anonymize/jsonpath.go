package anonymize

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The JSONPath subset of the json mask:
//
//	$            the document
//	.key         member of an object ([A-Za-z0-9_$-] and non-ASCII)
//	['key']      member, any name ("key" too; \ escapes the next character)
//	[n]          element n (from 0) of an array
//	[*] .*       every member or element
//	..key ..*    at any depth below ( ..['key'] and ..[n] too)

// jsonPathSyntax is what error messages show as valid.
const jsonPathSyntax = "$ followed by .key, ['key'], [n], [*], .* or ..key"

type jsonStepKind uint8

const (
	jsonStepName jsonStepKind = iota
	jsonStepIndex
	jsonStepWild
)

type jsonStep struct {
	kind    jsonStepKind
	descend bool // reached through "..": matches at any depth below
	name    string
	index   int
}

// jsonPath is a parsed path: its steps from the document root.
type jsonPath struct {
	text  string
	steps []jsonStep
}

// matches reports whether the step selects the member named key (index < 0)
// or the element index (key nil).
func (s *jsonStep) matches(key []byte, index int) bool {
	switch s.kind {
	case jsonStepWild:
		return true
	case jsonStepName:
		return index < 0 && string(key) == s.name
	default:
		return index >= 0 && index == s.index
	}
}

// parseJSONPath parses one path of the subset above.
func parseJSONPath(text string) (jsonPath, error) {
	p := jsonPath{text: text}
	s := text
	if s == "" || s[0] != '$' {
		return p, errors.New("a path starts with $")
	}
	i := 1
	for i < len(s) {
		var st jsonStep
		switch {
		case strings.HasPrefix(s[i:], ".."):
			st.descend = true
			i += 2
			if i < len(s) && s[i] == '[' {
				break // bracket selector below
			}
			fallthrough
		case s[i] == '.':
			if !st.descend {
				i++
			}
			if i < len(s) && s[i] == '*' {
				st.kind = jsonStepWild
				i++
				p.steps = append(p.steps, st)
				continue
			}
			j := i
			for j < len(s) && jsonPathNameByte(s[j]) {
				j++
			}
			if j == i {
				return p, fmt.Errorf("offset %d: a name or * expected after the dot", i)
			}
			st.kind, st.name = jsonStepName, s[i:j]
			i = j
			p.steps = append(p.steps, st)
			continue
		case s[i] != '[':
			return p, fmt.Errorf("offset %d: unexpected %q", i, s[i])
		}
		if i >= len(s) || s[i] != '[' {
			return p, fmt.Errorf("offset %d: [ expected", i)
		}
		var err error
		if i, err = parseJSONBracket(s, i, &st); err != nil {
			return p, err
		}
		p.steps = append(p.steps, st)
	}
	return p, nil
}

// parseJSONBracket parses the selector in brackets at s[i] == '[' into st
// and returns the position after ']'.
func parseJSONBracket(s string, i int, st *jsonStep) (int, error) {
	start := i
	i++
	switch {
	case i < len(s) && s[i] == '*':
		st.kind = jsonStepWild
		i++
	case i < len(s) && (s[i] == '\'' || s[i] == '"'):
		q := s[i]
		var name strings.Builder
		i++
		for {
			if i >= len(s) {
				return 0, fmt.Errorf("offset %d: unterminated quoted name", start)
			}
			c := s[i]
			if c == q {
				i++
				break
			}
			if c == '\\' {
				i++
				if i >= len(s) {
					return 0, fmt.Errorf("offset %d: unterminated quoted name", start)
				}
				c = s[i]
			}
			name.WriteByte(c)
			i++
		}
		st.kind, st.name = jsonStepName, name.String()
	case i < len(s) && s[i] >= '0' && s[i] <= '9':
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n, err := strconv.ParseUint(s[i:j], 10, 31)
		if err != nil {
			return 0, fmt.Errorf("offset %d: index out of range", i)
		}
		st.kind, st.index = jsonStepIndex, int(n)
		i = j
	default:
		return 0, fmt.Errorf("offset %d: [ must hold *, an index >= 0 or a quoted name", start)
	}
	if i >= len(s) || s[i] != ']' {
		return 0, fmt.Errorf("offset %d: ] expected", i)
	}
	return i + 1, nil
}

func jsonPathNameByte(c byte) bool {
	return c >= 0x80 || c == '_' || c == '$' || c == '-' || scIs(c, scAlnum)
}
