package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// checkRules builds a small rules file. Unless body sets unlisted: itself,
// unlisted: keep applies, so only the problem a test plants is reported.
func checkRules(body string) string {
	head := "version: 1\nkey: {env: PGVEIL_KEY}\n"
	if !strings.HasPrefix(body, "unlisted:") {
		head += "unlisted: keep\n"
	}
	return head + body
}

// problemLines returns the problem lines of stderr, failing unless each is
// a check line and the last one counts the others.
func problemLines(t *testing.T, stderr string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "pgveil: check: ") {
			t.Errorf("stderr line without the check prefix: %q", l)
		}
	}
	n := len(lines) - 1
	noun := "problems"
	if n == 1 {
		noun = "problem"
	}
	if want := fmt.Sprintf("pgveil: check: %d %s: ", n, noun); !strings.HasPrefix(lines[n], want) {
		t.Errorf("last stderr line %q, want the summary %q...", lines[n], want)
	}
	return lines[:n]
}

func TestCheck(t *testing.T) {
	dsn := pgtest.CreateDB(t, "pgveil_check")
	pgtest.LoadSample(t, dsn, "0.01")
	// The key is never needed: CI runs check without the secret.
	t.Setenv("PGVEIL_KEY", "")
	sampleRules := filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml")

	t.Run("sample rules pass", func(t *testing.T) {
		for _, args := range [][]string{{}, {"--strict"}} {
			code, stdout, stderr := runCLI(t, "", append([]string{"check", "-c", sampleRules, "--dsn", dsn}, args...)...)
			if code != 0 || stderr != "" {
				t.Fatalf("check %v: exit %d, stderr:\n%s", args, code, stderr)
			}
			// Every column of the sample is listed, with where its mask comes from.
			for _, want := range []*regexp.Regexp{
				regexp.MustCompile(`(?m)^TABLE\s+COLUMN\s+TYPE\s+MASK\s+SOURCE$`),
				regexp.MustCompile(`(?m)^public\.customers\s+email\s+character varying\(120\)\s+person_email \(email\)\s+type$`),
				regexp.MustCompile(`(?m)^public\.customers\s+id\s+bigint\s+keep\s+rule$`),
				regexp.MustCompile(`(?m)^public\.customers\s+full_name \(generated\)\s+text\s+full_name\s+rule$`),
				regexp.MustCompile(`(?m)^public\.audit_log\s+detail\s+text\s+\(rows: none\)\s+rows: none$`),
			} {
				if !want.MatchString(stdout) {
					t.Errorf("check %v: stdout lacks %s:\n%s", args, want, stdout)
				}
			}
		}
	})

	t.Run("connection from the PG environment", func(t *testing.T) {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		pw, _ := u.User.Password()
		t.Setenv("PGVEIL_DSN", "")
		t.Setenv("PGHOST", u.Hostname())
		t.Setenv("PGPORT", u.Port())
		t.Setenv("PGUSER", u.User.Username())
		t.Setenv("PGPASSWORD", pw)
		t.Setenv("PGDATABASE", strings.TrimPrefix(u.Path, "/"))
		t.Setenv("PGSSLMODE", "disable")
		code, stdout, stderr := runCLI(t, "", "check", "-c", sampleRules)
		if code != 0 || !strings.Contains(stdout, "public.payment_cards") {
			t.Fatalf("exit %d, stderr:\n%s\nstdout:\n%s", code, stderr, stdout)
		}
	})

	cases := []struct {
		name   string
		rules  string
		args   []string
		wantRE []string // each must match one stderr line
	}{
		{"a: rule names a missing table", `tables:
  public.custmers:
    columns:
      email: email
`, nil, []string{`rules\.yaml:5:3: table public\.custmers does not exist in the database \(did you mean public\.customers\?\)`}},
		{"b: rule names a missing column", `tables:
  public.customers:
    columns:
      email: email
      emial: email
`, nil, []string{`rules\.yaml:8:7: column public\.customers\.emial does not exist \(did you mean email\?\)`}},
		{"c: mask does not fit the type", `tables:
  public.customers:
    columns:
      birth_date: email
`, nil, []string{`rules\.yaml:7:7: public\.customers\.birth_date \(date\): mask email does not fit`}},
		{"c: null mask on a NOT NULL column", `tables:
  public.customers:
    columns:
      last_name: "null"
`, nil, []string{`rules\.yaml:7:7: public\.customers\.last_name \(character varying\(60\)\) is NOT NULL but mask null writes NULL`}},
		{"c: unlisted mask on a NOT NULL column", `unlisted: mask
tables:
  public.payment_cards:
    columns:
      id: keep
      account_id: keep
      holder_name: full_name
      expires_on: keep
`, nil, []string{`rules\.yaml: public\.payment_cards\.card_number \(character varying\(19\)\) is NOT NULL but no rule classifies it, so unlisted: mask writes NULL`}},
		{"d: unique column with a mask that is not bijective", `tables:
  public.users:
    columns:
      badge_code: {mask: hash, length: 10}
`, nil, []string{`rules\.yaml:7:7: public\.users\.badge_code \(character varying\(10\)\) is in a unique key \(badge_code\) but mask hash is not bijective`}},
		{"d: primary key with a mask that is not bijective", `tables:
  public.contacts:
    columns:
      id: {mask: number, bucket: 10}
`, nil, []string{`rules\.yaml:7:7: public\.contacts\.id \(bigint\) is in the primary key but mask number is not bijective`}},
		{"e: foreign key ends in different domains", `types:
  customer_id: {mask: digits}
tables:
  public.customers:
    columns:
      id: customer_id
  public.contacts:
    columns:
      customer_id: digits
`, nil, []string{
			`rules\.yaml:12:7: foreign key contacts_customer_id_fkey: public\.contacts\.customer_id is masked with digits in domain "digits" \(.*\) but public\.customers\.id with type customer_id \(mask digits\) in domain "customer_id"`,
			// Kept on one end, masked on the other: also a broken join.
			`foreign key accounts_customer_id_fkey: public\.accounts\.customer_id is masked with keep \(unlisted: keep\) but public\.customers\.id with type customer_id`,
		}},
		{"f: strict and an unlisted column", `tables:
  public.users:
    columns:
      id: keep
`, []string{"--strict"}, []string{`rules\.yaml: public\.users\.badge_code \(character varying\(10\)\) is not classified by any rule \(unlisted: keep applies\)`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := writeFile(t, t.TempDir(), "rules.yaml", checkRules(tc.rules))
			code, stdout, stderr := runCLI(t, "", append([]string{"check", "-c", cfg, "--dsn", dsn}, tc.args...)...)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
			}
			if !strings.Contains(stdout, "public.customers") {
				t.Errorf("the coverage report is printed even with problems; stdout:\n%s", stdout)
			}
			lines := problemLines(t, stderr)
			for _, re := range tc.wantRE {
				rx := regexp.MustCompile(re)
				found := false
				for _, l := range lines {
					found = found || rx.MatchString(l)
				}
				if !found {
					t.Errorf("no stderr line matches %s; stderr:\n%s", re, stderr)
				}
			}
			if len(tc.args) > 0 { // the problem is the flag's: without it, no problem
				if code, _, stderr := runCLI(t, "", "check", "-c", cfg, "--dsn", dsn); code != 0 {
					t.Errorf("without %v: exit %d; stderr:\n%s", tc.args, code, stderr)
				}
			}
		})
	}

	t.Run("json", func(t *testing.T) {
		cfg := writeFile(t, t.TempDir(), "rules.yaml", checkRules(`tables:
  public.users:
    columns:
      badge_code: hash
      nickname: first_name
`))
		code, stdout, stderr := runCLI(t, "", "check", "-c", cfg, "--dsn", dsn, "--json")
		if code != 1 {
			t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
		}
		var rep struct {
			Columns []struct {
				Table, Column, Type, Mask, Source string
				SemanticType                      string `json:"semantic_type"`
				RulesTable                        string `json:"rules_table"`
				RowsNone                          bool   `json:"rows_none"`
				Generated                         bool
			}
			Problems []struct{ Kind, Position, Table, Column, Message string }
		}
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatalf("--json output does not parse: %v\n%s", err, stdout)
		}
		conn := pgtest.Connect(t, dsn)
		var ncols int
		if err := conn.QueryRow(t.Context(), `SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
			WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`).Scan(&ncols); err != nil {
			t.Fatal(err)
		}
		if len(rep.Columns) != ncols {
			t.Errorf("%d columns in the report, %d in the database", len(rep.Columns), ncols)
		}
		var sawBadge bool
		for _, c := range rep.Columns {
			if c.Table == "public.users" && c.Column == "badge_code" {
				sawBadge = c.Mask == "hash" && c.Source == "rule" && c.Type == "character varying(10)" && c.RulesTable == "public.users"
			}
		}
		if !sawBadge {
			t.Errorf("public.users.badge_code not reported as hash from a rule: %+v", rep.Columns)
		}
		kinds := map[string]bool{}
		for _, p := range rep.Problems {
			kinds[p.Kind+" "+p.Table+"."+p.Column] = true
			if p.Position == "" || p.Message == "" {
				t.Errorf("problem without position or message: %+v", p)
			}
		}
		if !kinds["not_bijective public.users.badge_code"] || !kinds["no_column public.users.nickname"] || len(rep.Problems) != 2 {
			t.Errorf("problems %+v", rep.Problems)
		}
		if n := len(problemLines(t, stderr)); n != 2 {
			t.Errorf("%d stderr lines, want 2:\n%s", n, stderr)
		}
	})
}

func TestCheckUnreachable(t *testing.T) {
	cfg := writeFile(t, t.TempDir(), "rules.yaml", checkRules(""))
	code, stdout, stderr := runCLI(t, "", "check", "-c", cfg, "--dsn", "postgres://x@127.0.0.1:1/db")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout %q", stdout)
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "pgveil: check: cannot connect to the database") || !strings.Contains(lines[0], "127.0.0.1:1") {
		t.Errorf("want one line naming the failed connection, got:\n%s", stderr)
	}
}
