package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pgveil/pgveil/rules"
)

// scramMatches recomputes StoredKey and ServerKey from password as RFC 5802
// defines them, independently of the proxy package.
func scramMatches(t *testing.T, v *rules.SCRAMVerifier, password string) bool {
	t.Helper()
	salted, err := pbkdf2.Key(sha256.New, password, v.Salt, v.Iterations, sha256.Size)
	if err != nil {
		t.Fatal(err)
	}
	mac := func(msg string) []byte { h := hmac.New(sha256.New, salted); h.Write([]byte(msg)); return h.Sum(nil) }
	stored := sha256.Sum256(mac("Client Key"))
	return bytes.Equal(stored[:], v.StoredKey) && bytes.Equal(mac("Server Key"), v.ServerKey)
}

var passwdOutput = regexp.MustCompile(`^- name: (.+)\n  password: "(SCRAM-SHA-256\$[^"\n]+)"\n$`)

func TestPasswd(t *testing.T) {
	for _, tc := range []struct{ name, stdin, password string }{
		{"alice", "correct horse battery staple\n", "correct horse battery staple"},
		{"bob", "  spaces kept  \r\n", "  spaces kept  "},
		{"carol", "no newline", "no newline"},
		// Passwords long enough not to turn up by chance in the base64 verifier.
		{"o'brien: the \"admin\"", "obrien-secret\nsecond line ignored\n", "obrien-secret"},
		{"true", "pässwörd\n", "pässwörd"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.stdin, "passwd", tc.name)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			m := passwdOutput.FindStringSubmatch(stdout)
			if m == nil {
				t.Fatalf("output is not a users: entry:\n%s", stdout)
			}
			v, err := rules.ParseSCRAMVerifier(m[2])
			if err != nil {
				t.Fatalf("printed verifier does not parse: %v", err)
			}
			if v.Iterations != 4096 || !scramMatches(t, v, tc.password) || scramMatches(t, v, tc.password+"x") {
				t.Fatalf("verifier does not verify exactly the password %q", tc.password)
			}
			if strings.Contains(stdout+stderr, tc.password) {
				t.Fatal("the password was printed")
			}

			// Ready to paste: the entry loads as the proxy's user under its name.
			dir := t.TempDir()
			entry := "    " + strings.ReplaceAll(strings.TrimSuffix(stdout, "\n"), "\n", "\n    ") + "\n"
			cfg := writeFile(t, dir, "rules.yaml", goodRules+
				"proxy:\n  upstream: postgres://reader@db.internal:5432/prod\n  users:\n"+entry)
			r, err := rules.Load(filepath.Join(dir, "rules.yaml"), rules.Options{NoKey: true})
			if err != nil {
				t.Fatalf("%v\n%s", err, entry)
			}
			if u := r.Proxy.Users; len(u) != 1 || u[0].Name != tc.name || u[0].PlainText || u[0].Verifier == nil ||
				u[0].Verifier.String() != m[2] {
				t.Fatalf("%s loads as %+v", cfg, u)
			}
		})
	}
}

func TestPasswdRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
	}{
		{"empty line", "\n", []string{"passwd", "alice"}},
		{"empty CRLF line", "\r\n", []string{"passwd", "alice"}},
		{"no input", "", []string{"passwd", "alice"}},
		{"no name", "pw\n", []string{"passwd"}},
		{"empty name", "pw\n", []string{"passwd", ""}},
		{"two names", "pw\n", []string{"passwd", "a", "b"}},
		{"too long", strings.Repeat("x", 5000) + "\n", []string{"passwd", "alice"}},
		{"not UTF-8", "p\xffw\n", []string{"passwd", "alice"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.stdin, tc.args...)
			if code == 0 || stdout != "" || !strings.HasPrefix(stderr, "pgveil: ") {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
		})
	}
}
