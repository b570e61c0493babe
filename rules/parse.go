package rules

import (
	"crypto/rand"
	"fmt"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pgveil/pgveil/anonymize"
	"github.com/pgveil/pgveil/internal/relname"
)

var (
	topKeys    = []string{"version", "key", "unlisted", "locale", "types", "tables", "proxy"}
	keyKeys    = []string{"env", "file"}
	tableKeys  = []string{"columns", "default", "rows"}
	locales    = []string{"en", "it", "fr", "de"}
	unlistedOp = []string{"mask", "keep"}
	rowsOp     = []string{"all", "none"}
)

// typeDef is a semantic type, built on first use so that types may use one
// another inside nested parameters (scrub, json) without an order.
type typeDef struct {
	name  string
	key   *yaml.Node
	spec  *yaml.Node
	state uint8 // 0 not built, 1 building, 2 built, 3 failed
	dec   Decision
}

type parser struct {
	file     string
	dir      string
	opt      Options
	problems []Problem
	env      anonymize.Env // Key and Locale; Domain set per mask

	types    map[string]*typeDef
	typeList []*typeDef

	sizes         map[*yaml.Node]int
	expanded      int
	aliasReported bool

	// the mask registry; tests add masks with nested parameters
	lookup func(string) (anonymize.Info, bool)
	names  func() []string
}

func newParser(file string, opt Options) *parser {
	return &parser{
		file:  file,
		dir:   filepath.Dir(file),
		opt:   opt,
		env:   anonymize.Env{Locale: "en"},
		types: map[string]*typeDef{},
		sizes: map[*yaml.Node]int{},

		lookup: anonymize.Lookup,
		names:  anonymize.Names,
	}
}

func (p *parser) parse(data []byte) *Rules {
	root := p.decodeDocument(data)
	if root == nil {
		return nil
	}
	f, ok := p.fields(root, "the rules file", topKeys)
	if !ok {
		return nil
	}
	top := Pos{File: p.file, Line: 1, Col: 1}
	r := &Rules{File: p.file, Locale: "en", byName: map[relname.Name]int{}, knownNames: anonymize.NewKnownNamesRef()}
	p.env.Names = r.knownNames

	if e, ok := f["version"]; !ok {
		p.problemAt(top, "missing `version: 1` at the top of the file")
	} else if v := p.deref(e.val); v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || v.Value != "1" {
		p.errorf(e.val, "unsupported version %s; this pgveil reads `version: 1`", kindName(v))
	}
	if e, ok := f["locale"]; ok {
		if s, ok := p.oneOf(e.val, "locale", locales); ok {
			r.Locale = s
		}
	}
	p.env.Locale = r.Locale
	if e, ok := f["unlisted"]; ok {
		if s, ok := p.oneOf(e.val, "unlisted", unlistedOp); ok && s == "keep" {
			r.Unlisted = UnlistedKeep
		}
	}

	if e, ok := f["key"]; ok {
		r.Key = p.key(e)
	} else {
		p.problemAt(top, "missing `key:` section: add `key: {env: PGVEIL_KEY}` (or `key: {file: /run/secrets/pgveil_key}`) naming a secret of at least 16 bytes")
	}
	if p.opt.NoKey {
		r.Key = nil
	}
	// Masks are still built (and their parameters checked) when the key is
	// missing or bad; the throwaway key never leaves this parse.
	p.env.Key = r.Key
	if p.env.Key == nil {
		p.env.Key = throwawayKey()
	}

	r.unlisted = p.unlisted(r.Unlisted)
	if e, ok := f["types"]; ok {
		p.declareTypes(e)
		for _, t := range p.typeList {
			p.buildType(t)
			if t.state == 2 {
				r.types = append(r.types, TypeRule{Name: t.name, Pos: p.pos(t.key), Decision: t.dec})
			}
		}
	}
	if e, ok := f["tables"]; ok {
		p.tables(r, e)
	}
	if e, ok := f["proxy"]; ok {
		r.Proxy = p.proxy(e)
	}
	if len(r.NameColumns()) > 0 {
		r.knownNames.Expect()
	}
	return r
}

func throwawayKey() *anonymize.Key {
	k, err := anonymize.NewKey([]byte(rand.Text()))
	if err != nil { // unreachable: rand.Text is 26 characters
		panic(err)
	}
	return k
}

// key reads the masking secret from the environment or a file. It never
// puts the secret in a message.
func (p *parser) key(e entry) *anonymize.Key {
	f, ok := p.fields(e.val, "key", keyKeys)
	if !ok {
		return nil
	}
	env, hasEnv := f["env"]
	file, hasFile := f["file"]
	switch {
	case hasEnv && hasFile:
		p.errorf(file.key, "key takes either env: or file:, not both")
		return nil
	case !hasEnv && !hasFile:
		p.errorf(e.key, "key needs env: NAME (an environment variable) or file: PATH holding a secret of at least 16 bytes")
		return nil
	}
	var secret []byte
	var from string
	if hasEnv {
		name, ok := p.str(env.val, "key.env")
		if !ok {
			return nil
		}
		if !isEnvName(name) {
			p.errorf(env.val, "key.env must be an environment variable name (letters, digits, _), got %s", kindName(p.deref(env.val)))
			return nil
		}
		if p.opt.NoKey {
			return nil
		}
		v := p.opt.Getenv(name)
		if v == "" {
			p.errorf(env.val, "environment variable %s is not set; export a secret of at least %d bytes (e.g. export %s=\"$(openssl rand -hex 32)\")", name, anonymize.MinKeyLen, name)
			return nil
		}
		secret, from = []byte(trimNewlines(v)), "environment variable "+name
	} else {
		path, ok := p.str(file.val, "key.file")
		if !ok || p.opt.NoKey {
			return nil
		}
		if !filepath.IsAbs(path) {
			path = filepath.Join(p.dir, path)
		}
		data, err := p.opt.ReadFile(path)
		if err != nil {
			p.errorf(file.val, "cannot read key file: %v; write a secret of at least %d bytes into it (e.g. openssl rand -hex 32 > %s)", err, anonymize.MinKeyLen, path)
			return nil
		}
		secret, from = []byte(trimNewlines(string(data))), "key file "+path
		if len(secret) == 0 {
			p.errorf(file.val, "%s is empty; write a secret of at least %d bytes into it (e.g. openssl rand -hex 32 > %s)", from, anonymize.MinKeyLen, path)
			return nil
		}
	}
	if len(secret) < anonymize.MinKeyLen {
		at := env.val
		if !hasEnv {
			at = file.val
		}
		p.errorf(at, "the key in %s is %d bytes; it must be at least %d bytes (e.g. openssl rand -hex 32)", from, len(secret), anonymize.MinKeyLen)
		return nil
	}
	k, err := anonymize.NewKey(secret)
	if err != nil { // unreachable after the length check
		p.errorf(e.key, "%v", err)
		return nil
	}
	return k
}

func trimNewlines(s string) string { return strings.TrimRight(s, "\r\n") }

func isEnvName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return false
	}
	return s != ""
}

// unlisted is the fallback decision: NULL (fail-closed) or keep.
func (p *parser) unlisted(u Unlisted) Decision {
	name := "null"
	if u == UnlistedKeep {
		name = "keep"
	}
	d, _ := p.buildMask(name, nil, nil, nil, "", 0)
	if d.Masker == nil { // the registry always has keep and null
		d.Masker = refuseMasker{}
	}
	d.Source, d.Pos = SourceUnlisted, Pos{}
	return d
}

// refuseMasker binds to the zero Bound, which refuses every value.
type refuseMasker struct{}

func (refuseMasker) Bind(anonymize.Column) (anonymize.Bound, error) {
	return anonymize.Bound{}, anonymize.ErrRefused
}

// declareTypes records the type names first, so specs can tell a type from
// a mask wherever the types: section is in the file.
func (p *parser) declareTypes(e entry) {
	if p.isNull(e.val) {
		return
	}
	entries, ok := p.mapping(e.val, "types")
	if !ok {
		return
	}
	for _, te := range entries {
		name := te.key.Value
		if name == "" {
			p.errorf(te.key, "a type needs a name")
			continue
		}
		if _, isMask := p.lookup(name); isMask {
			p.errorf(te.key, "type %q has the name of a mask; rename the type (e.g. person_%s)", name, name)
			continue
		}
		t := &typeDef{name: name, key: te.key, spec: te.val}
		p.types[name] = t
		p.typeList = append(p.typeList, t)
	}
}

// buildType builds a type's mask with the type name as pseudonym domain.
func (p *parser) buildType(t *typeDef) {
	switch t.state {
	case 1:
		t.state = 3
		p.errorf(t.key, "type %q uses itself through nested parameters", t.name)
		return
	case 2, 3:
		return
	}
	t.state = 1
	d, ok := p.typeSpec(t)
	if t.state == 3 {
		return
	}
	if !ok {
		t.state = 3
		return
	}
	d.Type, d.Source, d.Pos = t.name, SourceType, p.pos(t.key)
	t.dec, t.state = d, 2
}

func (p *parser) tables(r *Rules, e entry) {
	if p.isNull(e.val) {
		return
	}
	entries, ok := p.mapping(e.val, "tables")
	if !ok {
		return
	}
	for _, te := range entries {
		schema, table, err := splitTableName(te.key.Value)
		if err != nil {
			p.errorf(te.key, "%v", err)
			continue
		}
		name := relname.Name{Schema: schema, Name: table}
		if i, dup := r.byName[name]; dup {
			p.errorf(te.key, "table %s.%s is listed twice (first at %s)", schema, table, r.tables[i].rule.Pos)
			continue
		}
		what := "table " + te.key.Value
		f, ok := p.fields(te.val, what, tableKeys)
		if !ok {
			continue
		}
		t := tableEntry{rule: TableRule{Schema: schema, Table: table, Pos: p.pos(te.key)}, cols: map[string]int{}}
		if rows, ok := f["rows"]; ok {
			s, _ := p.oneOf(rows.val, what+": rows", rowsOp)
			t.rule.RowsNone = s == "none"
		}
		if def, ok := f["default"]; ok {
			if d, ok := p.spec(def.val, what+": default", 0); ok {
				d.Source, d.Pos = SourceTableDefault, p.pos(def.key)
				t.rule.Default = &d
			}
		}
		if cols, ok := f["columns"]; ok {
			p.columns(&t, cols.val, what)
		}
		r.byName[name] = len(r.tables)
		r.tables = append(r.tables, t)
	}
}

func (p *parser) columns(t *tableEntry, n *yaml.Node, what string) {
	if p.isNull(n) {
		return
	}
	entries, ok := p.mapping(n, what+": columns")
	if !ok {
		return
	}
	for _, ce := range entries {
		if ce.key.Value == "" {
			p.errorf(ce.key, "a column rule needs a column name")
			continue
		}
		d, ok := p.spec(ce.val, fmt.Sprintf("column %q", ce.key.Value), 0)
		if !ok {
			continue
		}
		if d.Type != "" {
			d.Source = SourceType
		} else {
			d.Source = SourceRule
		}
		d.Pos = p.pos(ce.key)
		t.cols[ce.key.Value] = len(t.rule.Columns)
		t.rule.Columns = append(t.rule.Columns, ColumnRule{Name: ce.key.Value, Pos: d.Pos, Decision: d})
	}
}

// splitTableName splits "schema.table"; either part may be double-quoted
// (with "" for a quote) when the catalog name itself holds a dot.
func splitTableName(s string) (schema, table string, err error) {
	schema, rest, ok := cutIdent(s)
	if ok && rest != "" && rest[0] == '.' {
		var tail string
		table, tail, ok = cutIdent(rest[1:])
		if ok && tail == "" && schema != "" && table != "" {
			return schema, table, nil
		}
	}
	return "", "", fmt.Errorf("table %q must be qualified with its schema, as schema.table (e.g. public.%s)", s, strings.TrimPrefix(s, "."))
}

// cutIdent reads one identifier: up to the next '.', or a "quoted" one.
func cutIdent(s string) (ident, rest string, ok bool) {
	if s == "" || s[0] != '"' {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return s, "", true
		}
		return s[:i], s[i:], true
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '"' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		return b.String(), s[i+1:], true
	}
	return "", "", false
}
