package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"github.com/pgveil/pgveil/internal/pgtest"
	"github.com/pgveil/pgveil/verify"
)

// verifyCLI runs `pgveil verify` in-process.
func verifyCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"pgveil", "--log-format", "json", "verify"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// TestVerifyRoundTrip: sample -> pgveil dump -> pgveil verify is clean;
// the same dump with 20 original values planted in it gives 20 findings
// at the right lines and columns, never printing a value; a truncated
// .zst or .gz of it cannot be verified (exit 2).
func TestVerifyRoundTrip(t *testing.T) {
	scale := "1"
	if testing.Short() {
		scale = "0.1"
	}
	config := filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml")
	src := pgtest.CreateDB(t, "verify_src")
	pgtest.LoadSample(t, src, scale)
	dir := t.TempDir()
	zst := filepath.Join(dir, "anon.sql.zst")
	dumpTo(t, src, config, zst)

	code, stdout, stderr := verifyCLI(t, "-c", config, "--dsn", src, "-i", zst)
	if code != 0 {
		t.Errorf("verify of a fresh dump exited %d; findings:\n%s\n%s", code, firstLines(stdout, 40), lastLine(stderr))
	}
	summary := verifySummary(t, stderr)
	if summary["findings"] != 0.0 || summary["values_indexed"].(float64) < 1000 || summary["bytes_scanned"].(float64) < 1e5 {
		t.Errorf("summary %v", summary)
	}

	plain := readAll(t, zst)
	t.Run("planted", func(t *testing.T) { verifyPlanted(t, config, src, dir, plain) })
	t.Run("truncated zst", func(t *testing.T) {
		b, _ := os.ReadFile(zst)
		cut := writeFile(t, dir, "cut.sql.zst", string(b[:len(b)*2/3]))
		expectCannotVerify(t, []string{"-c", config, "--dsn", src, "-i", cut}, "truncated")
	})
	t.Run("truncated gz", func(t *testing.T) {
		var gz bytes.Buffer
		w := gzip.NewWriter(&gz)
		w.Write(plain)
		w.Close()
		cut := writeFile(t, dir, "cut.sql.gz", gz.String()[:gz.Len()/2])
		expectCannotVerify(t, []string{"-c", config, "--dsn", src, "-i", cut}, "truncated")
	})
	t.Run("not zstd", func(t *testing.T) {
		f := writeFile(t, dir, "plain.sql.zst", "-- not compressed\n")
		expectCannotVerify(t, []string{"-c", config, "--dsn", src, "-i", f}, "not zstd data")
	})
}

// TestVerifyFaults: what cannot be verified exits 2 with one line.
func TestVerifyFaults(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PGVEIL_KEY", sampleKey)
	config := filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml")
	in := writeFile(t, dir, "in.sql", "-- empty\n")
	expectCannotVerify(t, []string{"-c", config, "--dsn", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2", "-i", in}, "connect")
	expectCannotVerify(t, []string{"-c", config, "--dsn", "postgres://nobody@127.0.0.1:1/none", "-i", filepath.Join(dir, "missing.sql")}, "no such file")

	bad := writeFile(t, dir, "bad.yaml", strings.Replace(goodRules, "email: email", "email: emial", 1))
	code, stdout, stderr := verifyCLI(t, "-c", bad, "--dsn", "postgres://nobody@127.0.0.1:1/none", "-i", in)
	if code != 2 || stdout != "" || !regexp.MustCompile(`^pgveil: .*bad\.yaml:7:14: .*emial`).MatchString(stderr) {
		t.Errorf("bad rules: exit %d, stderr %q", code, stderr)
	}
}

func expectCannotVerify(t *testing.T, args []string, want string) {
	t.Helper()
	t.Setenv("PGVEIL_KEY", sampleKey)
	code, stdout, stderr := verifyCLI(t, args...)
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if code != 2 || len(lines) != 1 || !strings.HasPrefix(lines[0], "pgveil: verify: ") || !strings.Contains(lines[0], want) {
		t.Errorf("exit %d, stderr %q; want exit 2 and one line mentioning %q", code, stderr, want)
	}
	if strings.Contains(stderr, "verify complete") || strings.Contains(stdout, "clean") {
		t.Errorf("a summary or a verdict was printed: %q", stdout)
	}
}

// readAll decompresses an output file.
func readAll(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := verify.OpenInput(f, path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	b, err := io.ReadAll(in)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func verifySummary(t *testing.T, stderr string) map[string]any {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		var m map[string]any
		if json.Unmarshal(sc.Bytes(), &m) == nil && m["message"] == "verify complete" {
			return m
		}
	}
	t.Fatalf("no summary log event in %q", stderr)
	return nil
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// plant is an original value written into the output on purpose.
type plant struct {
	table, column string // where verify must say it comes from
	value         string
	line          int // 1-based line of the planted copy
}

// originals reads a few original values for the plants.
func originals(t *testing.T, src string) map[string][]string {
	t.Helper()
	conn := pgtest.Connect(t, src)
	out := map[string][]string{}
	for name, sql := range map[string]string{
		"email":   "SELECT email FROM customers ORDER BY id LIMIT 3",
		"login":   "SELECT login_email FROM users ORDER BY id LIMIT 1",
		"iban":    "SELECT iban FROM accounts ORDER BY id LIMIT 4",
		"pair":    "SELECT first_name || ' ' || last_name FROM contacts WHERE role <> 'primary' ORDER BY id LIMIT 1",
		"pairrev": "SELECT last_name || ', ' || first_name FROM contacts WHERE role <> 'primary' ORDER BY id OFFSET 1 LIMIT 1",
		"holder":  "SELECT holder_name FROM payment_cards ORDER BY id LIMIT 1",
		"display": "SELECT display_name FROM users ORDER BY id OFFSET 1 LIMIT 1",
		"card":    "SELECT card_number FROM payment_cards WHERE length(card_number) = 16 ORDER BY id LIMIT 2",
		"phone":   "SELECT phone FROM customers WHERE phone IS NOT NULL ORDER BY id LIMIT 2",
		"code":    "SELECT customer_code FROM customers ORDER BY id LIMIT 1",
		"badge":   "SELECT badge_code FROM users ORDER BY id LIMIT 1",
		"street":  "SELECT street FROM customers ORDER BY id LIMIT 1",
		"detail":  "SELECT detail FROM audit_log WHERE detail NOT LIKE '%@%' AND length(detail) > 20 ORDER BY id LIMIT 1",
	} {
		out[name] = distinctValues(t, conn, sql)
		if len(out[name]) == 0 {
			t.Fatalf("no value for %s", name)
		}
	}
	return out
}

// verifyPlanted plants 20 originals in a copy of the clean dump: in COPY
// columns, in free text (raw, grouped, compact, after a COPY escape), in
// comment lines, in a setval line and in INSERT statements added at the end.
func verifyPlanted(t *testing.T, config, src, dir string, clean []byte) {
	o := originals(t, src)
	lines := strings.Split(string(clean), "\n")
	var plants []plant
	rows := copyRows(lines)
	ticket := rows["public.tickets"]
	edit := func(line int, table, column, value, text string) {
		lines[line] += text
		plants = append(plants, plant{table, column, value, line + 1})
	}
	// Free text of tickets: appended to the row's last field (tags) would
	// break the array; append to the whole row as an extra column instead,
	// which verify reads like any text.
	inText := []struct{ table, column, value, spelled string }{
		{"public.customers", "email", o["email"][0], o["email"][0]},
		{"public.users", "login_email", o["login"][0], strings.ToUpper(o["login"][0])},
		{"public.accounts", "iban", o["iban"][0], groupBy4(o["iban"][0])},
		{"public.contacts", "first_name+last_name", o["pair"][0], o["pair"][0]},
		{"public.contacts", "first_name+last_name", o["pairrev"][0], o["pairrev"][0]},
		{"public.payment_cards", "holder_name", o["holder"][0], o["holder"][0]},
		{"public.payment_cards", "card_number", o["card"][0], groupBy4(o["card"][0])},
		{"public.customers", "phone", o["phone"][0], strings.ReplaceAll(o["phone"][0], " ", "")},
		{"public.customers", "customer_code", o["code"][0], o["code"][0]},
		{"public.users", "badge_code", o["badge"][0], o["badge"][0]},
		{"public.customers", "street", o["street"][0], o["street"][0]},
	}
	for i, p := range inText {
		edit(ticket[10+7*i], p.table, p.column, p.value, "\tsee\\n"+p.spelled+"\\nthanks")
	}
	// Whole columns: a customer row gets other customers' values.
	cust := rows["public.customers"]
	edit(cust[3], "public.customers", "email", o["email"][1], "\t"+o["email"][1])
	edit(rows["public.accounts"][5], "public.accounts", "iban", o["iban"][1], "\t"+o["iban"][1])
	edit(rows["public.payment_cards"][5], "public.payment_cards", "card_number", o["card"][1], "\t"+o["card"][1])
	edit(cust[9], "public.customers", "phone", o["phone"][1], "\t"+o["phone"][1])
	// Comments: a "-- Name:" line and a setval line.
	edit(indexOf(t, lines, "-- Name: "), "public.customers", "email", o["email"][2], " -- "+o["email"][2])
	edit(indexOf(t, lines, "SELECT pg_catalog.setval("), "public.accounts", "iban", o["iban"][2], " -- was "+o["iban"][2])
	edit(indexOf(t, lines, "-- Name: users"), "public.audit_log", "detail", o["detail"][0], " "+o["detail"][0])
	// INSERT statements added before the end.
	end := lastIndexOf(t, lines, "-- PostgreSQL database dump complete")
	inserts := []string{
		fmt.Sprintf("INSERT INTO public.accounts (id, customer_id, iban) VALUES (99999, 1, '%s');", o["iban"][3]),
		fmt.Sprintf("INSERT INTO public.users (id, display_name) VALUES (99999, '%s');", strings.ReplaceAll(o["display"][0], "'", "''")),
	}
	lines = append(lines[:end], append(inserts, lines[end:]...)...)
	plants = append(plants, plant{"public.accounts", "iban", o["iban"][3], end + 1}, plant{"public.users", "display_name", o["display"][0], end + 2})
	if len(plants) != 20 {
		t.Fatalf("%d plants", len(plants))
	}

	planted := writeFile(t, dir, "planted.sql", strings.Join(lines, "\n"))
	code, stdout, stderr := verifyCLI(t, "-c", config, "--dsn", src, "-i", planted, "--json")
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr %s", code, lastLine(stderr))
	}
	checkPlants(t, plants, stdout, stderr)

	// The same through gzip, with the text format.
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(strings.Join(lines, "\n")))
	w.Close()
	code, stdout2, stderr2 := verifyCLI(t, "-c", config, "--dsn", src, "-i", writeFile(t, dir, "planted.sql.gz", gz.String()))
	if code != 1 || strings.Count(stdout2, "\n") != strings.Count(stdout, "\n") {
		t.Errorf("gzip: exit %d, %d findings (plain: %d)", code, strings.Count(stdout2, "\n"), strings.Count(stdout, "\n"))
	}
	for _, p := range plants {
		if strings.Contains(strings.ToLower(stdout2+stderr2), strings.ToLower(p.value)) {
			t.Errorf("an original value of %s.%s was printed", p.table, p.column)
		}
	}
}

func checkPlants(t *testing.T, plants []plant, stdout, stderr string) {
	t.Helper()
	var found []verify.Finding
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var f verify.Finding
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("finding %q: %v", l, err)
		}
		found = append(found, f)
	}
	for _, p := range plants {
		if strings.Contains(strings.ToLower(stdout+stderr), strings.ToLower(p.value)) {
			t.Errorf("an original value of %s.%s was printed", p.table, p.column)
		}
		ok := false
		for _, f := range found {
			for _, o := range append([]verify.Origin{f.Origin}, f.Also...) {
				ok = ok || f.Line == int64(p.line) && o.Table == p.table && o.Column == p.column
			}
		}
		if !ok {
			t.Errorf("planted %s.%s at line %d: not reported", p.table, p.column, p.line)
		}
	}
	if t.Failed() {
		t.Logf("findings:\n%s", stdout)
	}
	if len(found) < len(plants) {
		t.Errorf("%d findings for %d plants", len(found), len(plants))
	}
	if s := verifySummary(t, stderr); s["findings"].(float64) != float64(len(found)) {
		t.Errorf("summary says %v findings, stdout has %d", s["findings"], len(found))
	}
}

// copyRows maps each table to the indexes (0-based) of its COPY data lines.
func copyRows(lines []string) map[string][]int {
	out := map[string][]int{}
	cur := ""
	for i, l := range lines {
		switch {
		case cur == "" && strings.HasPrefix(l, "COPY "):
			cur = strings.ReplaceAll(strings.Fields(l)[1], `"`, "")
		case l == `\.`:
			cur = ""
		case cur != "":
			out[cur] = append(out[cur], i)
		}
	}
	return out
}

func indexOf(t *testing.T, lines []string, prefix string) int {
	t.Helper()
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return i
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return -1
}

func lastIndexOf(t *testing.T, lines []string, prefix string) int {
	t.Helper()
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], prefix) {
			return i
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return -1
}

func groupBy4(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:min(i+4, len(s))])
	}
	return b.String()
}
