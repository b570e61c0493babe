package dump

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/pgveil/pgveil/rules"
)

const testRules = `version: 1
key: {env: TEST_KEY}
unlisted: mask
types:
  person_email: {mask: email}
tables:
  public.people:
    columns:
      id: keep
      name: {mask: hash, length: 12}
      email: person_email
      note: {mask: redact}
      tags: keep
  public.contacts:
    default: keep
    columns:
      email: person_email
  public.secrets:
    rows: none
  public.measures:
    columns:
      id: keep
      reading: keep
`

func testFilter(t testing.TB, rulesText string) *Filter {
	t.Helper()
	r, err := rules.Parse("test.yaml", []byte(rulesText), rules.Options{Getenv: func(string) string { return "0123456789abcdef0123" }})
	if err != nil {
		t.Fatal(err)
	}
	return &Filter{Rules: r, Log: zerolog.Nop()}
}

func runFilter(t *testing.T, f *Filter, in string) (string, Stats, error) {
	t.Helper()
	var out bytes.Buffer
	st, err := f.Run(context.Background(), strings.NewReader(in), &out)
	return out.String(), st, err
}

const header = `--
-- PostgreSQL database dump
--
\restrict abc123

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE FUNCTION public.f() RETURNS text
    LANGUAGE sql
    AS $$ SELECT 'a;
b'; $$;

CREATE TABLE public.people (
    id bigint NOT NULL,
    name text NOT NULL,
    email character varying(40),
    note text,
    tags text[]
);

CREATE TABLE public.contacts (
    id integer NOT NULL,
    email text,
    phone text
);

CREATE TABLE public.secrets (
    id integer,
    secret text
);
`

func TestFilterCopy(t *testing.T) {
	f := testFilter(t, testRules)
	in := header + `
COPY public.people (id, name, email, note, tags) FROM stdin;
1	Mario Rossi	mario.rossi@example.it	call\tback\\now	{a,b}
2	Anna Bianchi	\N	\N	\N
\.

COPY public.contacts (id, email, phone) FROM stdin;
7	mario.rossi@example.it	+39 347 000
\.

COPY public.secrets (id, secret) FROM stdin;
1	top secret canary
\.

--
-- PostgreSQL database dump complete
--
\unrestrict abc123
`
	out, st, err := runFilter(t, f, in)
	if err != nil {
		t.Fatal(err)
	}
	for _, canary := range []string{"Mario Rossi", "mario.rossi@example.it", "call", "Anna Bianchi", "top secret canary"} {
		if strings.Contains(out, canary) {
			t.Errorf("output contains %q", canary)
		}
	}
	// Everything before the first COPY passes byte-identical.
	if !strings.HasPrefix(out, header) {
		t.Error("DDL not passed unchanged")
	}
	if !strings.HasSuffix(out, "--\n-- PostgreSQL database dump complete\n--\n\\unrestrict abc123\n") {
		t.Error("trailer not passed unchanged")
	}
	lines := strings.Split(out, "\n")
	var people, contacts []string
	for i, l := range lines {
		if strings.HasPrefix(l, "COPY public.people") {
			people = lines[i+1 : i+3]
		}
		if strings.HasPrefix(l, "COPY public.contacts") {
			contacts = lines[i+1 : i+2]
		}
		if strings.HasPrefix(l, "COPY public.secrets") && lines[i+1] != `\.` {
			t.Errorf("rows: none table kept data: %q", lines[i+1])
		}
	}
	p1 := strings.Split(people[0], "\t")
	p2 := strings.Split(people[1], "\t")
	if p1[0] != "1" || p1[4] != "{a,b}" || len(p1[1]) != 12 || p1[3] != "***" {
		t.Errorf("people row 1: %q", p1)
	}
	if p2[2] != `\N` || p2[3] != `\N` || p2[1] == "Anna Bianchi" {
		t.Errorf("people row 2: NULLs must stay NULL: %q", p2)
	}
	c := strings.Split(contacts[0], "\t")
	if c[1] != p1[2] {
		t.Errorf("same e-mail, same type, different pseudonyms: %q vs %q", c[1], p1[2])
	}
	if c[2] != "+39 347 000" {
		t.Errorf("table default keep not applied: %q", c[2])
	}
	if st.Rows != 4 || st.DroppedRows != 1 || st.Tables != 3 {
		t.Errorf("stats: %+v", st)
	}
}

func TestFilterInserts(t *testing.T) {
	f := testFilter(t, testRules)
	in := header + `
INSERT INTO public.people VALUES (1, 'Mario O''Rossi', 'mario.rossi@example.it', NULL, '{x}');
INSERT INTO public.people (id, name, email, note, tags) VALUES (2, 'Anna', 'anna@example.it', 'n', NULL), (-3, 'Bob', NULL, 'it''s', '{}');
INSERT INTO public.secrets VALUES (1, 'top secret canary');
INSERT INTO public.contacts (id, email, phone) VALUES (7, 'mario.rossi@example.it', '+39');
`
	out, st, err := runFilter(t, f, in)
	if err != nil {
		t.Fatal(err)
	}
	for _, canary := range []string{"Rossi", "mario.rossi@example.it", "Anna", "Bob", "anna@example.it", "top secret canary", "it''s"} {
		if strings.Contains(out, canary) {
			t.Errorf("output contains %q:\n%s", canary, out)
		}
	}
	if !strings.Contains(out, "INSERT INTO public.people VALUES (1, '") || !strings.Contains(out, ", NULL, '{x}');") {
		t.Errorf("kept values or structure changed:\n%s", out)
	}
	if !strings.Contains(out, "(-3, '") {
		t.Errorf("negative kept value changed:\n%s", out)
	}
	if strings.Contains(out, "public.secrets VALUES") {
		t.Errorf("rows: none INSERT kept")
	}
	if st.Rows != 5 || st.DroppedRows != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestFilterErrors(t *testing.T) {
	f := testFilter(t, testRules)
	cases := []struct {
		name, in, want string
		line           int64
	}{
		{"truncated copy", header + "COPY public.people (id, name, email, note, tags) FROM stdin;\n1\ta\tb\tc\td\n", "truncated", 33},
		{"field count", header + "COPY public.people (id, name, email, note, tags) FROM stdin;\n1\ta\tb\n\\.\n", "3 fields", 33},
		{"unterminated statement", header + "CREATE TABLE public.x (\n  a text\n", "unterminated", 32},
		{"unlisted not null", "CREATE TABLE public.other (a text NOT NULL);\nCOPY public.other (a) FROM stdin;\nx\n\\.\n", "NOT NULL", 2},
		{"mask does not fit", "CREATE TABLE public.people (id int, name int, email text, note text, tags text[]);\nCOPY public.people (id, name, email, note, tags) FROM stdin;\n\\.\n", "does not fit", 2},
		{"bad escape", header + "COPY public.people (id, name, email, note, tags) FROM stdin;\n1\ta\\\tb\tc\td\n\\.\n", "fields", 33},
		// Data behind either would pass unmasked: refused, not passed on.
		{"psql copy", header + "\\copy public.people from stdin\n1\tsecret@x.org\n\\.\n", "\\copy", 32},
		{"unparsable copy after a comment", header + "/* c */ COPY public.people (id) FROM stdin WITH (;\n", "copy", 32},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runFilter(t, f, tc.in)
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("want a LineError, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) || le.Line != tc.line {
				t.Errorf("got %q at line %d, want %q at line %d", err, le.Line, tc.want, tc.line)
			}
		})
	}
}

func TestFilterPassThroughWithoutRules(t *testing.T) {
	// A table the rules do not name, with unlisted: keep, passes byte-identical.
	f := testFilter(t, strings.Replace(testRules, "unlisted: mask", "unlisted: keep", 1))
	in := "CREATE TABLE public.free (a text, b bytea);\nCOPY public.free (a, b) FROM stdin;\nx\\ty\t\\\\x00ff\n\\N\t\\N\n\\.\n"
	out, _, err := runFilter(t, f, in)
	if err != nil || out != in {
		t.Fatalf("err %v, out %q", err, out)
	}
}
