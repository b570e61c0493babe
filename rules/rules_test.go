package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pgveil/pgveil/anonymize"
)

const testSecret = "0123456789abcdef-test-secret"

func testEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func loadValid(t *testing.T, opt Options) *Rules {
	t.Helper()
	if opt.Getenv == nil {
		opt.Getenv = testEnv(map[string]string{"PGVEIL_KEY": testSecret})
	}
	r, err := Load("testdata/valid.yaml", opt)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return r
}

// maskText applies m to one text value.
func maskText(t *testing.T, m anonymize.Masker, in string) (string, bool) {
	t.Helper()
	b, err := m.Bind(anonymize.Column{Type: "text"})
	if err != nil {
		t.Fatalf("Bind: %v", err)
	}
	out, null, err := b.Apply(nil, []byte(in), false)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return string(out), null
}

// reference builds the mask the way any other code would, with the same key.
func reference(t *testing.T, name, domain string, p anonymize.MapParams) anonymize.Masker {
	t.Helper()
	k, err := anonymize.NewKey([]byte(testSecret))
	if err != nil {
		t.Fatal(err)
	}
	m, err := anonymize.New(name, anonymize.Env{Key: k, Domain: domain}, p)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestValidColumns(t *testing.T) {
	r := loadValid(t, Options{})
	at := func(line, col int) Pos { return Pos{File: "testdata/valid.yaml", Line: line, Col: col} }
	hash12 := anonymize.MapParams{"length": 12}
	hash16 := anonymize.MapParams{"length": 16}
	redactRemoved := anonymize.MapParams{"value": "[removed]"}
	tests := []struct {
		schema, table, column string
		mask, typ, domain     string
		source                Source
		pos                   Pos
		ref                   anonymize.Masker // same output expected; nil: not compared
	}{
		{"public", "customers", "id", "keep", "", "keep", SourceRule, at(16, 7), nil},
		{"public", "customers", "code", "hash", "customer_code", "customer_code", SourceType, at(17, 7),
			reference(t, "hash", "customer_code", hash12)},
		{"public", "customers", "code_again", "hash", "customer_code", "customer_code", SourceType, at(18, 7),
			reference(t, "hash", "customer_code", hash12)},
		{"public", "customers", "code_untyped", "hash", "", "hash" + hash12.Canonical(), SourceRule, at(19, 7),
			reference(t, "hash", "", hash12)},
		{"public", "customers", "token", "hash", "", "hash" + hash16.Canonical(), SourceRule, at(20, 7),
			reference(t, "hash", "", hash16)},
		{"public", "customers", "token_bare", "hash", "", "hash", SourceRule, at(21, 7),
			reference(t, "hash", "", nil)},
		{"public", "customers", "notes", "redact", "", "redact" + redactRemoved.Canonical(), SourceRule, at(22, 7),
			reference(t, "redact", "", redactRemoved)},
		{"public", "customers", "ssn", "null", "", "null", SourceRule, at(23, 7), nil},
		{"public", "customers", "remark", "redact", "internal_note", "internal_note", SourceType, at(24, 7),
			reference(t, "redact", "internal_note", nil)},
		{"public", "customers", "not_listed", "null", "", "null", SourceUnlisted, Pos{}, nil},
		{"public", "orders", "comment", "redact", "", "redact", SourceRule, at(28, 7), nil},
		{"public", "orders", "total", "keep", "", "keep", SourceTableDefault, at(26, 5), nil},
		{"odd.schema", "t.x", "anything", "hash", "", "hash" + anonymize.MapParams{"length": 8}.Canonical(), SourceTableDefault, at(32, 5), nil},
		{"public", "audit_log", "payload", "null", "", "null", SourceUnlisted, Pos{}, nil},
		{"other", "table", "col", "null", "", "null", SourceUnlisted, Pos{}, nil},
		// exact matching: catalog names are case-sensitive
		{"public", "Customers", "id", "null", "", "null", SourceUnlisted, Pos{}, nil},
		{"public", "customers", "ID", "null", "", "null", SourceUnlisted, Pos{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.schema+"."+tc.table+"."+tc.column, func(t *testing.T) {
			d := r.Column(tc.schema, tc.table, tc.column)
			if d.Masker == nil {
				t.Fatal("nil Masker")
			}
			if d.Mask != tc.mask || d.Type != tc.typ || d.Domain != tc.domain || d.Source != tc.source || d.Pos != tc.pos {
				t.Errorf("got mask=%q type=%q domain=%q source=%v pos=%v\nwant mask=%q type=%q domain=%q source=%v pos=%v",
					d.Mask, d.Type, d.Domain, d.Source, d.Pos, tc.mask, tc.typ, tc.domain, tc.source, tc.pos)
			}
			info, _ := anonymize.Lookup(tc.mask)
			if d.Bijective != info.Bijective {
				t.Errorf("Bijective = %v, want %v", d.Bijective, info.Bijective)
			}
			if tc.ref != nil {
				for _, in := range []string{"C-1001", "mario.rossi@example.it"} {
					got, _ := maskText(t, d.Masker, in)
					want, _ := maskText(t, tc.ref, in)
					if got != want {
						t.Errorf("mask(%q) = %q, want %q (same mask built by anonymize.New)", in, got, want)
					}
				}
			}
			b, err := d.Masker.Bind(anonymize.Column{Type: "text"})
			if err != nil {
				t.Fatal(err)
			}
			switch tc.mask {
			case "null":
				if !b.Nulls() {
					t.Error("null mask does not null")
				}
			case "keep":
				if !b.Keeps() {
					t.Error("keep mask does not keep")
				}
			}
		})
	}
}

func TestTypeSharesDomainUntypedDoesNot(t *testing.T) {
	r := loadValid(t, Options{})
	typed, _ := maskText(t, r.Column("public", "customers", "code").Masker, "C-1001")
	again, _ := maskText(t, r.Column("public", "customers", "code_again").Masker, "C-1001")
	untyped, _ := maskText(t, r.Column("public", "customers", "code_untyped").Masker, "C-1001")
	if typed != again {
		t.Errorf("columns of one type differ: %q vs %q", typed, again)
	}
	if typed == untyped {
		t.Errorf("typed and untyped columns share a pseudonym: %q", typed)
	}
}

func TestValidFileSettings(t *testing.T) {
	r := loadValid(t, Options{})
	if r.Locale != "it" || r.Unlisted != UnlistedMask || r.Key == nil || r.File != "testdata/valid.yaml" {
		t.Errorf("locale=%q unlisted=%v key=%v file=%q", r.Locale, r.Unlisted, r.Key != nil, r.File)
	}
	for _, tc := range []struct {
		schema, table string
		want          bool
	}{{"public", "audit_log", true}, {"public", "customers", false}, {"odd.schema", "t.x", false}, {"x", "y", false}} {
		if got := r.RowsNone(tc.schema, tc.table); got != tc.want {
			t.Errorf("RowsNone(%s.%s) = %v, want %v", tc.schema, tc.table, got, tc.want)
		}
	}

	var names []string
	for _, tr := range r.Tables() {
		cols := make([]string, 0, len(tr.Columns))
		for _, c := range tr.Columns {
			if c.Pos != c.Decision.Pos {
				t.Errorf("%s: column pos %v, decision pos %v", c.Name, c.Pos, c.Decision.Pos)
			}
			cols = append(cols, c.Name)
		}
		names = append(names, tr.Schema+"|"+tr.Table+"("+strings.Join(cols, ",")+")")
	}
	want := []string{
		"public|customers(id,code,code_again,code_untyped,token,token_bare,notes,ssn,remark)",
		"public|orders(comment)",
		"public|audit_log()",
		"odd.schema|t.x()",
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("Tables() = %v\nwant %v", names, want)
	}
	if tr := r.Tables()[0]; tr.Pos != (Pos{File: "testdata/valid.yaml", Line: 14, Col: 3}) {
		t.Errorf("table pos %v", tr.Pos)
	}
	var types []string
	for _, ty := range r.Types() {
		types = append(types, ty.Name+":"+ty.Decision.Mask)
	}
	if strings.Join(types, " ") != "customer_code:hash internal_note:redact" {
		t.Errorf("Types() = %v", types)
	}
}

func TestValidProxy(t *testing.T) {
	r := loadValid(t, Options{})
	p := r.Proxy
	if p == nil {
		t.Fatal("no proxy section")
	}
	if p.Listen != "127.0.0.1:6432" || p.Upstream != "postgres://pgveil_reader@db.internal:5432/prod?sslmode=require" ||
		p.PasswordEnv != "PGVEIL_UPSTREAM_PASSWORD" || p.Posture != PostureStandard || p.MetricsListen != "127.0.0.1:9187" ||
		p.MaxConnections != 50 || p.IdleTimeout != 30*time.Minute || p.MaxMessageSize != 1<<20 {
		t.Errorf("proxy = %+v", *p)
	}
	if p.TLS == nil || p.TLS.Cert != filepath.Join("testdata", "tls", "server.crt") || p.TLS.Key != "/etc/pgveil/tls.key" {
		t.Errorf("tls = %+v", p.TLS)
	}
	if len(p.Users) != 2 {
		t.Fatalf("users = %v", p.Users)
	}
	alice, bob := p.Users[0], p.Users[1]
	if alice.Name != "alice" || alice.PlainText || alice.Verifier == nil || alice.Verifier.Iterations != 4096 ||
		string(alice.Verifier.Salt) != "pgveil-test-salt" || len(alice.Verifier.StoredKey) != 32 || alice.Verifier.ServerKey[0] != 32 {
		t.Errorf("alice = %+v", alice)
	}
	if alice.Verifier.String() != alice.Password {
		t.Errorf("verifier does not round-trip: %s", alice.Verifier)
	}
	if bob.Name != "bob" || !bob.PlainText || bob.Password != "correct horse battery staple" || bob.Verifier != nil {
		t.Errorf("bob = %+v", bob)
	}
	if strings.Contains(bob.String(), "horse") {
		t.Errorf("User.String shows the password: %s", bob)
	}
}

func TestProxyDefaults(t *testing.T) {
	src := "version: 1\nkey: {env: K}\nproxy:\n  upstream: postgresql://reader@db/prod\n"
	r, err := Parse("p.yaml", []byte(src), Options{Getenv: testEnv(map[string]string{"K": testSecret})})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Proxy
	if p.Listen != DefaultListen || p.Posture != PostureStrict || p.MaxConnections != 100 || p.IdleTimeout != 0 ||
		p.MaxMessageSize != 64<<20 || p.TLS != nil || p.Users != nil || p.MetricsListen != "" || p.PasswordEnv != "" {
		t.Errorf("defaults = %+v", *p)
	}
	r, err = Parse("p.yaml", []byte("version: 1\nkey: {env: K}\n"), Options{Getenv: testEnv(map[string]string{"K": testSecret})})
	if err != nil {
		t.Fatal(err)
	}
	if r.Proxy != nil || r.Locale != "en" || r.Unlisted != UnlistedMask {
		t.Errorf("minimal file: proxy=%v locale=%q unlisted=%v", r.Proxy, r.Locale, r.Unlisted)
	}
	if d := r.Column("public", "t", "c"); d.Mask != "null" || d.Source != SourceUnlisted {
		t.Errorf("minimal file: unlisted column = %+v", d)
	}
}

func TestUnlistedKeep(t *testing.T) {
	src := "version: 1\nkey: {env: K}\nunlisted: keep\ntables:\n  public.t:\n    columns: {secret: hash}\n"
	r, err := Parse("u.yaml", []byte(src), Options{Getenv: testEnv(map[string]string{"K": testSecret})})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][3]string{{"public", "t", "other"}, {"x", "y", "z"}} {
		d := r.Column(c[0], c[1], c[2])
		if d.Mask != "keep" || d.Source != SourceUnlisted || d.Masker == nil {
			t.Errorf("%v: %+v", c, d)
		}
	}
	if d := r.Column("public", "t", "secret"); d.Mask != "hash" {
		t.Errorf("secret: %+v", d)
	}
}

func TestKeyFromFile(t *testing.T) {
	var read []string
	opt := Options{ReadFile: func(p string) ([]byte, error) {
		read = append(read, p)
		return []byte(testSecret + "\r\n\n"), nil
	}}
	src := "version: 1\nkey: {file: secrets/k}\ntables: {public.t: {columns: {c: hash}}}\n"
	r, err := Parse(filepath.Join("conf", "pgveil.yaml"), []byte(src), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != 1 || read[0] != filepath.Join("conf", "secrets", "k") {
		t.Errorf("read %v, want the path relative to the rules file", read)
	}
	// trailing newlines are not part of the key
	got, _ := maskText(t, r.Column("public", "t", "c").Masker, "v")
	want, _ := maskText(t, reference(t, "hash", "", nil), "v")
	if got != want {
		t.Errorf("key file with newline gives %q, want %q", got, want)
	}

	read = nil
	if _, err := Parse("pgveil.yaml", []byte("version: 1\nkey: {file: /abs/k}\n"), opt); err != nil {
		t.Fatal(err)
	}
	if len(read) != 1 || read[0] != "/abs/k" {
		t.Errorf("absolute path read as %v", read)
	}
}

func TestNoKey(t *testing.T) {
	env := Options{NoKey: true, Getenv: testEnv(nil), ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist }}
	r := loadValid(t, env)
	if r.Key != nil {
		t.Error("NoKey: Key is set")
	}
	if d := r.Column("public", "customers", "token"); d.Masker == nil || d.Mask != "hash" {
		t.Errorf("NoKey: masks not built: %+v", d)
	}
	// the key section is still checked
	_, err := Parse("n.yaml", []byte("version: 1\nkey: {env: K, file: f}\n"), env)
	if err == nil {
		t.Error("NoKey accepted a key with env and file")
	}
	_, err = Parse("n.yaml", []byte("version: 1\n"), env)
	if err == nil {
		t.Error("NoKey accepted a missing key section")
	}
	if _, err := Parse("n.yaml", []byte("version: 1\nkey: {file: /missing}\n"), env); err != nil {
		t.Errorf("NoKey read the key file: %v", err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/does-not-exist.yaml", Options{})
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(err.Error(), "does-not-exist.yaml") {
		t.Errorf("err = %v", err)
	}
}

func TestSplitTableName(t *testing.T) {
	tests := []struct {
		in, schema, table string
		ok                bool
	}{
		{"public.t", "public", "t", true},
		{`"a.b"."c.d"`, "a.b", "c.d", true},
		{`"a""b".Tbl`, `a"b`, "Tbl", true},
		{`s."t"`, "s", "t", true},
		{"t", "", "", false},
		{"a.b.c", "", "", false},
		{".t", "", "", false},
		{"s.", "", "", false},
		{`"unterminated.t`, "", "", false},
		{`"s"x.t`, "", "", false},
	}
	for _, tc := range tests {
		s, tb, err := splitTableName(tc.in)
		if (err == nil) != tc.ok || s != tc.schema || tb != tc.table {
			t.Errorf("splitTableName(%q) = %q, %q, %v", tc.in, s, tb, err)
		}
	}
}

func TestParseSCRAMVerifier(t *testing.T) {
	good := "SCRAM-SHA-256$4096:cGd2ZWlsLXRlc3Qtc2FsdA==$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8="
	if _, err := ParseSCRAMVerifier(good); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		"SCRAM-SHA-256$",
		"SCRAM-SHA-256$0:cGd2ZWlsLXRlc3Qtc2FsdA==$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
		"SCRAM-SHA-256$4096:!!$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
		"SCRAM-SHA-256$4096:cGd2ZWlsLXRlc3Qtc2FsdA==$AAEC:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
		"SCRAM-SHA-256$4096:cGd2ZWlsLXRlc3Qtc2FsdA==$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
		"md5abc",
	} {
		if _, err := ParseSCRAMVerifier(bad); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

func TestEmptySections(t *testing.T) {
	src := "version: 1\nkey: {env: K}\ntypes:\ntables:\n  public.t:\n    columns:\n    default: keep\n"
	r, err := Parse("e.yaml", []byte(src), Options{Getenv: testEnv(map[string]string{"K": testSecret})})
	if err != nil {
		t.Fatal(err)
	}
	if d := r.Column("public", "t", "c"); d.Source != SourceTableDefault || d.Mask != "keep" {
		t.Errorf("decision %+v", d)
	}
	if len(r.Types()) != 0 || len(r.Tables()) != 1 || len(r.Tables()[0].Columns) != 0 {
		t.Errorf("types %v tables %v", r.Types(), r.Tables())
	}
}
