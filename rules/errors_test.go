package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// header is a valid start; cases add to it, so their lines start at 3.
const header = "version: 1\nkey: {env: PGVEIL_KEY}\n"

const shortSecret = "s3cr3t-short"

var errorCases = []struct {
	name       string
	src        string
	env        map[string]string // default: PGVEIL_KEY set to a good secret
	files      map[string]string // ReadFile contents; absent files do not exist
	line, col  int
	fragment   string
	notInError string // must not appear anywhere in the error
}{
	{name: "unknown top-level key", src: header + "tabels: {}\n", line: 3, col: 1,
		fragment: `unknown key "tabels" in the rules file (did you mean "tables"?) (valid: version, key`},
	{name: "unknown key in a table", src: header + "tables:\n  public.t:\n    colums: {a: keep}\n", line: 5, col: 5,
		fragment: `unknown key "colums" in table public.t (did you mean "columns"?) (valid: columns, default, rows)`},
	{name: "unknown key in key", src: "version: 1\nkey: {env: K, path: x}\n", line: 2, col: 15,
		fragment: `unknown key "path" in key (valid: env, file)`},
	{name: "unknown mask", src: header + "tables:\n  public.t:\n    columns:\n      a: hsah\n", line: 6, col: 10,
		fragment: `unknown mask or type "hsah" (did you mean "hash"?); masks: `},
	{name: "unknown mask lists types", src: header + "types: {person_code: hash}\ntables:\n  public.t:\n    columns: {a: person_cod}\n",
		line: 6, col: 18, fragment: `(did you mean "person_code"?); masks: `},
	{name: "unknown mask in mapping", src: header + "tables:\n  public.t:\n    columns:\n      a: {mask: nope}\n", line: 6, col: 17,
		fragment: `unknown mask or type "nope"`},
	{name: "unknown param", src: header + "tables:\n  public.t:\n    columns:\n      a: {mask: hash, lenght: 8}\n", line: 6, col: 23,
		fragment: `unknown parameter "lenght" for mask hash (did you mean "length"?) (valid: length)`},
	{name: "param of a mask without params", src: header + "tables:\n  public.t:\n    columns:\n      a: {mask: keep, value: 1}\n", line: 6, col: 23,
		fragment: `unknown parameter "value" for mask keep (mask keep takes no parameters)`},
	{name: "bad param type", src: header + "tables:\n  public.t:\n    columns:\n      a: {mask: hash, length: long}\n", line: 6, col: 31,
		fragment: `parameter length of mask hash: want an integer, got "long"`},
	{name: "bad param type list", src: header + "tables:\n  public.t:\n    columns:\n      a: {mask: redact, value: [x]}\n", line: 6, col: 32,
		fragment: `parameter value of mask redact: want a string, got a list`},
	{name: "param out of range", src: header + "tables:\n  public.t:\n    columns:\n      a: {mask: hash, length: 3}\n", line: 6, col: 31,
		fragment: "length must be between 8 and 64"},
	{name: "missing key section", src: "version: 1\ntables: {}\n", line: 1, col: 1,
		fragment: "missing `key:` section: add `key: {env: PGVEIL_KEY}`"},
	{name: "missing version", src: "key: {env: PGVEIL_KEY}\n", line: 1, col: 1, fragment: "missing `version: 1`"},
	{name: "wrong version", src: "version: 2\nkey: {env: PGVEIL_KEY}\n", line: 1, col: 10, fragment: "unsupported version the integer 2"},
	{name: "env var unset", src: "version: 1\nkey:\n  env: PGVEIL_KEY\n", env: map[string]string{}, line: 3, col: 8,
		fragment: "environment variable PGVEIL_KEY is not set; export a secret of at least 16 bytes"},
	{name: "key too short", src: header, env: map[string]string{"PGVEIL_KEY": shortSecret}, line: 2, col: 12,
		fragment: "the key in environment variable PGVEIL_KEY is 12 bytes; it must be at least 16 bytes", notInError: shortSecret},
	{name: "key env and file", src: "version: 1\nkey: {env: A, file: b}\n", line: 2, col: 15, fragment: "either env: or file:, not both"},
	{name: "key empty mapping", src: "version: 1\nkey: {}\n", line: 2, col: 1, fragment: "key needs env: NAME"},
	{name: "key file missing", src: "version: 1\nkey: {file: /run/k}\n", line: 2, col: 13,
		fragment: "cannot read key file: open /run/k: file does not exist; write a secret of at least 16 bytes"},
	{name: "key file empty", src: "version: 1\nkey: {file: /run/k}\n", files: map[string]string{"/run/k": "\n"}, line: 2, col: 13,
		fragment: "key file /run/k is empty"},
	{name: "key file short", src: "version: 1\nkey: {file: /run/k}\n", files: map[string]string{"/run/k": shortSecret + "\n"}, line: 2, col: 13,
		fragment: "the key in key file /run/k is 12 bytes", notInError: shortSecret},
	{name: "unqualified table name", src: header + "tables:\n  customers: {default: keep}\n", line: 4, col: 3,
		fragment: `table "customers" must be qualified with its schema, as schema.table (e.g. public.customers)`},
	{name: "duplicate table", src: header + "tables:\n  public.t: {}\n  '\"public\".t': {}\n", line: 5, col: 3,
		fragment: "table public.t is listed twice (first at t.yaml:4:3)"},
	{name: "duplicate key", src: header + "locale: en\nlocale: it\n", line: 4, col: 1, fragment: `duplicate key "locale" in the rules file (first at line 3)`},
	{name: "bad locale", src: header + "locale: es\n", line: 3, col: 9, fragment: `locale must be one of en, it, fr, de, got "es"`},
	{name: "bad unlisted", src: header + "unlisted: null\n", line: 3, col: 11, fragment: "unlisted must be a string, got nothing (null)"},
	{name: "bad rows", src: header + "tables:\n  public.t: {rows: some}\n", line: 4, col: 20, fragment: "rows must be one of all, none"},
	{name: "type shadowing a mask", src: header + "types:\n  hash: {mask: redact}\n", line: 4, col: 3,
		fragment: `type "hash" has the name of a mask; rename the type`},
	{name: "type referencing a type", src: header + "types:\n  a: hash\n  b: a\n", line: 5, col: 6,
		fragment: `type "b" refers to type "a"; a type must name a mask`},
	{name: "type referencing a type in mapping", src: header + "types:\n  a: hash\n  b: {mask: a}\n", line: 5, col: 13,
		fragment: `type "b" refers to type "a"`},
	{name: "type without mask", src: header + "types:\n  a: {length: 8}\n", line: 4, col: 6, fragment: "type \"a\" has no `mask:` key"},
	{name: "type used with params", src: header + "types:\n  a: hash\ntables:\n  public.t:\n    columns: {c: {mask: a, length: 9}}\n",
		line: 7, col: 28, fragment: `type "a" takes no parameters ("length")`},
	{name: "empty column spec", src: header + "tables:\n  public.t:\n    columns:\n      c:\n", line: 6, col: 9,
		fragment: `column "c" needs a mask`},
	{name: "list as column spec", src: header + "tables:\n  public.t:\n    columns:\n      c: [keep]\n", line: 6, col: 10,
		fragment: `column "c" must be a mask or type name, or a mapping`},
	{name: "table not a mapping", src: header + "tables:\n  public.t: keep\n", line: 4, col: 13, fragment: "table public.t must be a mapping, got \"keep\""},
	{name: "bad default", src: header + "tables:\n  public.t: {default: nope}\n", line: 4, col: 23, fragment: `unknown mask or type "nope"`},
	{name: "bad posture", src: header + "proxy:\n  upstream: postgres://u@h/db\n  posture: lax\n", line: 5, col: 12,
		fragment: `proxy.posture must be one of strict, standard, got "lax"`},
	{name: "bad listen address", src: header + "proxy:\n  upstream: postgres://u@h/db\n  listen: localhost\n", line: 5, col: 11,
		fragment: `proxy.listen must be host:port (e.g. 127.0.0.1:6432), got "localhost"`},
	{name: "bad metrics address", src: header + "proxy:\n  upstream: postgres://u@h/db\n  metrics_listen: 'h:99999'\n", line: 5, col: 19,
		fragment: "proxy.metrics_listen must be host:port"},
	{name: "duplicate users", src: header + "proxy:\n  upstream: postgres://u@h/db\n  users:\n    - {name: alice, password: a}\n    - {name: alice, password: b}\n",
		line: 7, col: 14, fragment: `user "alice" is listed twice (first at t.yaml:6:14)`},
	{name: "user without password", src: header + "proxy:\n  upstream: postgres://u@h/db\n  users:\n    - name: bob\n", line: 6, col: 7,
		fragment: "a proxy user needs password:"},
	{name: "malformed verifier", src: header + "proxy:\n  upstream: postgres://u@h/db\n  users:\n    - {name: a, password: 'SCRAM-SHA-256$4096:zz'}\n",
		line: 6, col: 27, fragment: "password is a malformed SCRAM-SHA-256 verifier", notInError: "4096:zz"},
	{name: "upstream URL with a password", src: header + "proxy:\n  upstream: postgres://reader:hunter2@db/prod\n", line: 4, col: 13,
		fragment: "proxy.upstream must not contain a password; remove it and use PGPASSWORD", notInError: "hunter2"},
	{name: "upstream password in query", src: header + "proxy:\n  upstream: postgresql://reader@db/prod?password=hunter2\n", line: 4, col: 13,
		fragment: "must not contain a password", notInError: "hunter2"},
	{name: "upstream not postgres", src: header + "proxy:\n  upstream: mysql://db/prod\n", line: 4, col: 13,
		fragment: "proxy.upstream must be a URL like postgres://"},
	{name: "missing upstream", src: header + "proxy:\n  listen: ':6432'\n", line: 3, col: 1, fragment: "proxy needs upstream:"},
	{name: "tls without key", src: header + "proxy:\n  upstream: postgres://u@h/db\n  tls: {cert: c.pem}\n", line: 5, col: 3,
		fragment: "proxy.tls needs both cert: and key:"},
	{name: "bad max_connections", src: header + "proxy:\n  upstream: postgres://u@h/db\n  max_connections: 0\n", line: 5, col: 20,
		fragment: "proxy.max_connections must be at least 1, got 0"},
	{name: "bad idle_timeout", src: header + "proxy:\n  upstream: postgres://u@h/db\n  idle_timeout: 5 minutes\n", line: 5, col: 17,
		fragment: "proxy.idle_timeout must be a duration"},
	{name: "bad max_message_size", src: header + "proxy:\n  upstream: postgres://u@h/db\n  max_message_size: 64MiB\n", line: 5, col: 21,
		fragment: `proxy.max_message_size (bytes): want an integer, got "64MiB"`},
	{name: "bad password_env", src: header + "proxy:\n  upstream: postgres://u@h/db\n  password_env: 'A B'\n", line: 5, col: 17,
		fragment: "proxy.password_env must be an environment variable name"},
	{name: "unknown proxy key", src: header + "proxy:\n  upstream: postgres://u@h/db\n  posture_: strict\n", line: 5, col: 3,
		fragment: `unknown key "posture_" in proxy (did you mean "posture"?)`},
	{name: "empty document", src: "# nothing\n", line: 1, col: 1, fragment: "the rules file is empty"},
	{name: "document not a mapping", src: "- version: 1\n", line: 1, col: 1, fragment: "the rules file must be a mapping, got a list"},
	{name: "two documents", src: header + "---\nversion: 1\n", line: 4, col: 1, fragment: "a rules file holds one YAML document"},
	{name: "syntax error", src: header + "tables: {a: [}\n", line: 0, col: 0, fragment: "invalid YAML: "},
	{name: "merge keys are unknown", src: header + "tables:\n  public.t:\n    <<: {default: keep}\n", line: 5, col: 5,
		fragment: `unknown key "<<" in table public.t`},
	{name: "alias bomb", src: header + aliasBomb, line: 0, col: 0, fragment: "too many or too deeply nested YAML aliases"},
	{name: "scrub unknown names mode", src: header + "tables:\n  public.t:\n    columns:\n      c: {mask: scrub, names: all}\n",
		line: 6, col: 31, fragment: `unknown names mode "all" (valid: both, known, dictionary, off)`},
	{name: "scrub name replacement not a name type", src: header + "types:\n  person_email: {mask: email}\ntables:\n  public.t:\n    columns:\n      c: {mask: scrub, last_name: person_email}\n",
		line: 8, col: 35, fragment: `last_name must be a name mask, not "person_email" (valid: first_name, last_name, full_name, or a semantic type whose mask is one of them)`},
	{name: "scrub detector switch not a boolean", src: header + "tables:\n  public.t:\n    columns:\n      c: {mask: scrub, ids: maybe}\n",
		line: 6, col: 29, fragment: "ids"},
}

func TestErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			env := tc.env
			if env == nil {
				env = map[string]string{"PGVEIL_KEY": testSecret}
			}
			opt := Options{Getenv: testEnv(env), ReadFile: func(p string) ([]byte, error) {
				if s, ok := tc.files[p]; ok {
					return []byte(s), nil
				}
				return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
			}}
			r, err := Parse("t.yaml", []byte(tc.src), opt)
			if err == nil {
				t.Fatalf("no error; rules: %+v", r)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			found := false
			for _, p := range e.List {
				if strings.ContainsAny(p.Msg, "\r\n") {
					t.Errorf("multi-line message: %q", p.Msg)
				}
				if p.Pos.File != "t.yaml" {
					t.Errorf("problem without file: %v", p)
				}
				if p.Pos.Line == tc.line && p.Pos.Col == tc.col && strings.Contains(p.Msg, tc.fragment) ||
					tc.line == 0 && strings.Contains(p.Msg, tc.fragment) {
					found = true
				}
			}
			if !found {
				t.Errorf("want %d:%d containing %q, got:\n%v", tc.line, tc.col, tc.fragment, err)
			}
			if tc.notInError != "" && strings.Contains(err.Error(), tc.notInError) {
				t.Errorf("error shows a secret %q:\n%v", tc.notInError, err)
			}
			if strings.Contains(err.Error(), testSecret) {
				t.Errorf("error shows the key:\n%v", err)
			}
		})
	}
}

// aliasBomb expands to 10^9 nodes if aliases are walked naively.
var aliasBomb = func() string {
	var b strings.Builder
	b.WriteString("types:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "  a%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("tables:\n  public.t:\n    columns: {c: {mask: hash, length: *a9}}\n")
	return b.String()
}()

func TestAllProblemsReported(t *testing.T) {
	src := header + "locale: xx\nunlisted: drop\ntables:\n  t: {}\n  public.u: {columns: {a: nope, b: {mask: hash, length: 1}}}\n"
	_, err := Parse("m.yaml", []byte(src), Options{Getenv: testEnv(map[string]string{"PGVEIL_KEY": testSecret})})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v", err)
	}
	var got []string
	for _, p := range e.List {
		got = append(got, fmt.Sprintf("%d:%d", p.Pos.Line, p.Pos.Col))
	}
	want := "3:9 4:11 6:3 7:27 7:57"
	if strings.Join(got, " ") != want {
		t.Errorf("positions %v, want %s\n%v", got, want, err)
	}
	if lines := strings.Split(err.Error(), "\n"); len(lines) != 5 || !strings.HasPrefix(lines[0], "m.yaml:3:9: ") {
		t.Errorf("Error() = %q", err.Error())
	}
}

func TestProblemCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(header + "tables:\n")
	for i := 0; i < MaxProblems+5; i++ {
		fmt.Fprintf(&b, "  t%d: {}\n", i)
	}
	_, err := Parse("c.yaml", []byte(b.String()), Options{Getenv: testEnv(map[string]string{"PGVEIL_KEY": testSecret})})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v", err)
	}
	if len(e.List) != MaxProblems || e.More != 5 || !strings.HasSuffix(err.Error(), "... and 5 more problems") {
		t.Errorf("list %d more %d: %v", len(e.List), e.More, err)
	}
}

// A key or mask problem does not hide the problems behind it.
func TestBadKeyStillChecksMasks(t *testing.T) {
	src := "version: 1\nkey: {env: MISSING}\ntables: {public.t: {columns: {c: {mask: hash, length: 99}}}}\n"
	_, err := Parse("k.yaml", []byte(src), Options{Getenv: testEnv(nil)})
	if err == nil || !strings.Contains(err.Error(), "k.yaml:2:12: environment variable MISSING is not set") ||
		!strings.Contains(err.Error(), "k.yaml:3:55: length must be between 8 and 64") {
		t.Errorf("err = %v", err)
	}
}
