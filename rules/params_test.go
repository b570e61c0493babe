package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/anonymize"
)

// Fake masks exercise the Params implementation, nested specs included,
// without depending on which real masks exist yet.

type nestMask struct {
	inner anonymize.Masker
	paths []anonymize.NamedMasker
}

func (*nestMask) Bind(anonymize.Column) (anonymize.Bound, error) { return anonymize.KeepBound(), nil }

type scalarsMask struct {
	i int
	f float64
	b bool
	s string
}

func (*scalarsMask) Bind(anonymize.Column) (anonymize.Bound, error) {
	return anonymize.KeepBound(), nil
}

var fakeMasks = map[string]anonymize.Info{
	"nest": {Name: "nest", Params: []string{"inner", "paths"}, New: func(_ anonymize.Env, p anonymize.Params) (anonymize.Masker, error) {
		m := &nestMask{}
		var err error
		if m.inner, _, err = p.Masker("inner"); err != nil {
			return nil, err
		}
		if m.paths, err = p.Maskers("paths"); err != nil {
			return nil, fmt.Errorf("paths: %w", err) // wrapped: positions must survive
		}
		return m, nil
	}},
	"scalars": {Name: "scalars", Params: []string{"i", "f", "b", "s"}, New: func(_ anonymize.Env, p anonymize.Params) (anonymize.Masker, error) {
		m := &scalarsMask{}
		var err error
		if m.i, err = p.Int("i", -1); err != nil {
			return nil, err
		}
		if m.f, err = p.Float("f", -1); err != nil {
			return nil, err
		}
		if m.b, err = p.Bool("b", false); err != nil {
			return nil, err
		}
		if m.s, err = p.String("s", "def"); err != nil {
			return nil, err
		}
		if p.Has("s") && m.s == "bad" {
			return nil, p.Errorf("s", "s must not be bad")
		}
		return m, nil
	}},
	"lazy": {Name: "lazy", Params: []string{"a", "b"}, New: func(_ anonymize.Env, p anonymize.Params) (anonymize.Masker, error) {
		_, err := p.Int("a", 0)
		return &scalarsMask{}, err
	}},
	"boom": {Name: "boom", New: func(anonymize.Env, anonymize.Params) (anonymize.Masker, error) {
		return nil, errors.New("boom\nsecond line")
	}},
	"nothing": {Name: "nothing", New: func(anonymize.Env, anonymize.Params) (anonymize.Masker, error) { return nil, nil }},
}

func fakeLookup(name string) (anonymize.Info, bool) {
	if i, ok := fakeMasks[name]; ok {
		return i, true
	}
	return anonymize.Lookup(name)
}

func fakeNames() []string {
	names := anonymize.Names()
	for n := range fakeMasks {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// parseFake parses src with the fake masks registered.
func parseFake(t *testing.T, src string) (*Rules, *Error) {
	t.Helper()
	p := newParser("f.yaml", Options{Getenv: testEnv(map[string]string{"PGVEIL_KEY": testSecret})})
	p.lookup, p.names = fakeLookup, fakeNames
	r := p.parse([]byte(src))
	if len(p.problems) > 0 {
		return nil, newError(p.problems)
	}
	return r, nil
}

func TestNestedSpecs(t *testing.T) {
	src := header + `types:
  person_email: {mask: hash, length: 10}
  ticket: {mask: nest, inner: person_email, paths: {"$.b": person_email, "$.a": {mask: hash, length: 12}}}
tables:
  public.t:
    columns:
      doc: {mask: nest, paths: {"$.z": keep, "$.y": ticket, "$.x": {mask: redact, value: R}}}
      plain: ticket
`
	r, perr := parseFake(t, src)
	if perr != nil {
		t.Fatal(perr)
	}
	ticket := r.Column("public", "t", "plain")
	if ticket.Type != "ticket" || ticket.Domain != "ticket" || ticket.Mask != "nest" {
		t.Errorf("plain = %+v", ticket)
	}
	tm := ticket.Masker.(*nestMask)
	email := reference(t, "hash", "person_email", anonymize.MapParams{"length": 10})
	for _, m := range []anonymize.Masker{tm.inner, tm.paths[0].Masker} {
		got, _ := maskText(t, m, "a@b.c")
		want, _ := maskText(t, email, "a@b.c")
		if got != want {
			t.Errorf("type used in a parameter masks %q, want %q (domain person_email)", got, want)
		}
	}
	got, _ := maskText(t, tm.paths[1].Masker, "a@b.c")
	want, _ := maskText(t, reference(t, "hash", "", anonymize.MapParams{"length": 12}), "a@b.c")
	if got != want || tm.paths[0].Name != "$.b" || tm.paths[1].Name != "$.a" {
		t.Errorf("paths %v, inline mask gives %q want %q", tm.paths, got, want)
	}

	doc := r.Column("public", "t", "doc")
	dm := doc.Masker.(*nestMask)
	var names []string
	for _, nm := range dm.paths {
		names = append(names, nm.Name)
	}
	if strings.Join(names, " ") != "$.z $.y $.x" {
		t.Errorf("paths not in file order: %v", names)
	}
	if dm.paths[1].Masker != ticket.Masker {
		t.Error("a type used in a parameter is not the type's mask")
	}
	if dm.inner != nil {
		t.Error("absent Masker parameter resolved")
	}
	if !strings.HasPrefix(doc.Domain, "nest{paths=") {
		t.Errorf("domain %q", doc.Domain)
	}

	// Domains of nested parameters are deterministic and follow the values.
	domain := func(spec string) string {
		r, err := parseFake(t, header+"tables: {public.t: {columns: {c: "+spec+"}}}\n")
		if err != nil {
			t.Fatal(err)
		}
		return r.Column("public", "t", "c").Domain
	}
	a := domain(`{mask: nest, paths: {"$.a": keep, "$.b": hash}}`)
	if b := domain(`{mask: nest, paths: {"$.a": keep, "$.b": hash}}`); a != b {
		t.Errorf("same spec, domains %q and %q", a, b)
	}
	if b := domain(`{mask: nest, paths: {"$.a": keep, "$.b": null}}`); a == b {
		t.Errorf("different specs share domain %q", a)
	}
}

func TestScalarParams(t *testing.T) {
	tests := []struct {
		spec string
		want scalarsMask
		at   string // where in spec the error is; "": not checked
		frag string // of the error message; "": no error
	}{
		{spec: `{mask: scalars}`, want: scalarsMask{i: -1, f: -1, s: "def"}},
		{spec: `{mask: scalars, i: 0x10, f: 1e3, b: true, s: 42}`, want: scalarsMask{i: 16, f: 1000, b: true, s: "42"}},
		{spec: `{mask: scalars, i: 1_000, f: 7, b: false, s: "x y"}`, want: scalarsMask{i: 1000, f: 7, s: "x y"}},
		{spec: `{mask: scalars, i: 1.5}`, at: "1.5", frag: "parameter i of mask scalars: want an integer, got the number 1.5"},
		{spec: `{mask: scalars, i: 99999999999999999999}`, at: "999", frag: "want an integer"},
		{spec: `{mask: scalars, f: .nan}`, at: ".nan", frag: "want a finite number"},
		{spec: `{mask: scalars, f: abc}`, at: "abc", frag: `want a number, got "abc"`},
		{spec: `{mask: scalars, b: "true"}`, at: `"true"`, frag: `want true or false, got "true"`},
		{spec: `{mask: scalars, s: {}}`, at: "{}", frag: "want a string, got a mapping"},
		{spec: `{mask: scalars, s: ~}`, at: "~", frag: "want a string, got nothing"},
		{spec: `{mask: scalars, s: bad}`, at: "bad", frag: "s must not be bad"},
		{spec: `{mask: lazy, a: 1, b: 2}`, at: "b:", frag: `parameter "b" has no effect on mask lazy here`},
		{spec: `{mask: boom}`, at: "{", frag: "mask boom: boom; second line"},
		{spec: `{mask: nothing}`, at: "{", frag: "mask nothing built nothing"},
		{spec: `{mask: nest, inner: nope}`, at: "nope", frag: `unknown mask or type "nope"`},
		{spec: `{mask: nest, inner: {mask: hash, length: 2}}`, at: "2", frag: "length must be between 8 and 64"},
		{spec: `{mask: nest, paths: [keep]}`, at: "[", frag: "parameter paths of mask nest must be a mapping, got a list"},
		{spec: `{mask: nest, paths: {"$.a": {mask: scalars, i: x}}}`, at: "x}", frag: "parameter i of mask scalars"},
		{spec: `{mask: nest, inner: {mask: nest, inner: {mask: nest, inner: {mask: nest, inner: {mask: nest, inner: {mask: nest, inner: {mask: nest, inner: {mask: nest, inner: {mask: nest, inner: {mask: nest, inner: keep}}}}}}}}}}`,
			frag: "masks nested more than 8 levels deep"},
	}
	for _, tc := range tests {
		t.Run(tc.spec, func(t *testing.T) {
			const prefix = "tables: {public.t: {columns: {c: "
			r, err := parseFake(t, header+prefix+tc.spec+"}}}\n")
			if tc.frag == "" {
				if err != nil {
					t.Fatal(err)
				}
				m, ok := r.Column("public", "t", "c").Masker.(*scalarsMask)
				if !ok || *m != tc.want {
					t.Errorf("got %+v, want %+v", m, tc.want)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			col := len(prefix) + strings.Index(tc.spec, tc.at) + 1
			if len(err.List) != 1 || !strings.Contains(err.List[0].Msg, tc.frag) || tc.at != "" && err.List[0].Pos != (Pos{"f.yaml", 3, col}) {
				t.Errorf("want 3:%d %q, got\n%v", col, tc.frag, err)
			}
		})
	}
}

func TestNestedErrorsAllReported(t *testing.T) {
	const line = "      c: {mask: nest, paths: {a: nope, b: {mask: hash, length: 2}, c: keep}}"
	_, err := parseFake(t, header+"tables:\n  public.t:\n    columns:\n"+line+"\n")
	if err == nil || len(err.List) != 2 ||
		err.List[0].Pos.Col != strings.Index(line, "nope")+1 || err.List[1].Pos.Col != strings.Index(line, "2}")+1 {
		t.Errorf("err = %v", err)
	}
}

func TestTypeCycles(t *testing.T) {
	tests := []struct{ name, types, frag string }{
		{"self", "  a: {mask: nest, inner: a}\n", `type "a" uses itself`},
		{"pair", "  a: {mask: nest, inner: b}\n  b: {mask: nest, paths: {x: a}}\n", `type "a" uses itself`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseFake(t, header+"types:\n"+tc.types+"tables: {public.t: {columns: {c: a}}}\n")
			if err == nil || len(err.List) != 1 || !strings.Contains(err.List[0].Msg, tc.frag) || err.List[0].Pos != (Pos{"f.yaml", 4, 3}) {
				t.Errorf("err = %v", err)
			}
		})
	}
	// An alias that contains itself is cut by the nesting limit.
	_, err := parseFake(t, header+"types:\n  a: &r {mask: nest, inner: *r}\n")
	if err == nil || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("self-referencing alias: %v", err)
	}
}

func TestFailedTypeReportedOnce(t *testing.T) {
	src := header + "types:\n  a: {mask: hash, length: 1}\ntables:\n  public.t:\n    columns:\n      c: a\n      d: {mask: nest, inner: a}\n"
	_, err := parseFake(t, src)
	if err == nil || len(err.List) != 1 || err.List[0].Pos != (Pos{"f.yaml", 4, 27}) {
		t.Errorf("err = %v", err)
	}
}
