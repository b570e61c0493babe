package anonymize

import (
	"fmt"
	"sort"
	"strconv"
)

// MapParams implements Params over a Go map, for tests and programmatic use.
// Values are strings, ints, float64s, bools, Masker (for Masker) or
// []NamedMasker (for Maskers).
type MapParams map[string]any

var _ Params = MapParams(nil)

func (m MapParams) Has(name string) bool { _, ok := m[name]; return ok }

func (m MapParams) String(name, def string) (string, error) {
	v, ok := m[name]
	if !ok {
		return def, nil
	}
	s, ok := v.(string)
	if !ok {
		return "", m.Errorf(name, "want a string")
	}
	return s, nil
}

func (m MapParams) Int(name string, def int) (int, error) {
	v, ok := m[name]
	if !ok {
		return def, nil
	}
	switch x := v.(type) {
	case int:
		return x, nil
	case string:
		n, err := strconv.Atoi(x)
		if err != nil {
			return 0, m.Errorf(name, "want an integer")
		}
		return n, nil
	}
	return 0, m.Errorf(name, "want an integer")
}

func (m MapParams) Float(name string, def float64) (float64, error) {
	v, ok := m[name]
	if !ok {
		return def, nil
	}
	switch x := v.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	}
	return 0, m.Errorf(name, "want a number")
}

func (m MapParams) Bool(name string, def bool) (bool, error) {
	v, ok := m[name]
	if !ok {
		return def, nil
	}
	b, ok := v.(bool)
	if !ok {
		return false, m.Errorf(name, "want true or false")
	}
	return b, nil
}

func (m MapParams) Masker(name string) (Masker, bool, error) {
	v, ok := m[name]
	if !ok {
		return nil, false, nil
	}
	mk, ok := v.(Masker)
	if !ok {
		return nil, true, m.Errorf(name, "want a mask")
	}
	return mk, true, nil
}

func (m MapParams) Maskers(name string) ([]NamedMasker, error) {
	v, ok := m[name]
	if !ok {
		return nil, nil
	}
	l, ok := v.([]NamedMasker)
	if !ok {
		return nil, m.Errorf(name, "want a mapping to masks")
	}
	return l, nil
}

func (m MapParams) Errorf(name, format string, args ...any) error {
	return fmt.Errorf("parameter %s: %s", name, fmt.Sprintf(format, args...))
}

// Canonical renders parameters in a stable order; the rules package uses the
// same form (mask name + this) as the pseudonym domain of untyped masks.
func (m MapParams) Canonical() string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := ""
	for _, k := range keys {
		s += fmt.Sprintf("{%s=%v}", k, m[k])
	}
	return s
}

// New builds a mask by name with MapParams; for tests and programmatic use.
func New(name string, env Env, p MapParams) (Masker, error) {
	info, ok := Lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown mask %q", name)
	}
	if env.Domain == "" {
		env.Domain = name + p.Canonical()
	}
	if env.Locale == "" {
		env.Locale = "en"
	}
	for k := range p {
		if !contains(info.Params, k) {
			return nil, fmt.Errorf("mask %s has no parameter %s (valid: %v)", name, k, info.Params)
		}
	}
	return info.New(env, p)
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
