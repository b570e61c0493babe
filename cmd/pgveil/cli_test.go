package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const goodRules = `version: 1
key: {env: PGVEIL_KEY}
tables:
  public.people:
    columns:
      id: keep
      email: email
`

const smallDump = `CREATE TABLE public.people (
    id integer NOT NULL,
    email text
);

COPY public.people (id, email) FROM stdin;
1	mario.rossi@example.it
\.
`

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"pgveil", "--log-format", "json"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestBadInput: every kind of bad input gives one error line that says where,
// a non-zero exit, and no output file.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name   string
		rules  string
		env    string
		dump   string
		wantRE string
	}{
		{"unknown key", strings.Replace(goodRules, "tables:", "tabels:\n  x: 1\ntables:", 1), "0123456789abcdef0", smallDump,
			`^pgveil: .*rules\.yaml:3:1: unknown key "?tabels"?`},
		{"unknown mask", strings.Replace(goodRules, "email: email", "email: emial", 1), "0123456789abcdef0", smallDump,
			`^pgveil: .*rules\.yaml:7:14: .*unknown mask.*emial`},
		{"missing key", goodRules, "", smallDump,
			`^pgveil: .*rules\.yaml:2:\d+: .*PGVEIL_KEY`},
		{"short key", goodRules, "short", smallDump,
			`^pgveil: .*rules\.yaml:2:\d+: .*16 bytes`},
		{"truncated dump", goodRules, "0123456789abcdef0", strings.TrimSuffix(smallDump, "\\.\n"),
			`^pgveil: anonymize: input line 7: .*truncated`},
		{"field count", goodRules, "0123456789abcdef0", strings.Replace(smallDump, "1\tmario", "1\t2\tmario", 1),
			`^pgveil: anonymize: input line 7: .*3 fields`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := writeFile(t, dir, "rules.yaml", tc.rules)
			in := writeFile(t, dir, "dump.sql", tc.dump)
			out := filepath.Join(dir, "out.sql")
			t.Setenv("PGVEIL_KEY", tc.env)
			code, stdout, stderr := runCLI(t, "", "anonymize", "-c", cfg, "-i", in, "-o", out)
			if code == 0 {
				t.Fatalf("exit 0; stderr %q", stderr)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != 1 {
				t.Errorf("want one error line, got %d:\n%s", len(lines), stderr)
			}
			if !regexp.MustCompile(tc.wantRE).MatchString(lines[0]) {
				t.Errorf("error %q does not match %s", lines[0], tc.wantRE)
			}
			if stdout != "" {
				t.Errorf("stdout not empty: %q", stdout)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "rules.yaml" && e.Name() != "dump.sql" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

func TestAnonymizeStdinStdout(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "rules.yaml", goodRules)
	t.Setenv("PGVEIL_KEY", "0123456789abcdef0")
	code, stdout, stderr := runCLI(t, smallDump, "anonymize", "-c", cfg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, "mario.rossi@example.it") || !strings.Contains(stdout, "CREATE TABLE public.people") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if !strings.Contains(stderr, `"message":"anonymize complete"`) || !strings.Contains(stderr, `"values_masked":1`) {
		t.Errorf("no summary log event: %s", stderr)
	}
	if strings.Contains(stderr, "mario") || strings.Contains(stderr, "0123456789abcdef0") {
		t.Error("a value or the key reached the logs")
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"anonymize", "--help"}, {"version", "--help"}} {
		code, stdout, _ := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(stdout, "USAGE") {
			t.Errorf("%v: exit %d, %q", args, code, stdout)
		}
	}
	code, stdout, _ := runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(stdout, "pgveil ") {
		t.Errorf("version: %d %q", code, stdout)
	}
}
