package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// dumpTo runs `pgveil dump` in-process, fails the test on a non-zero exit
// and returns the summary log event.
func dumpTo(t *testing.T, dsn, config, out string, extra ...string) dumpSummary {
	t.Helper()
	t.Setenv("PGVEIL_KEY", sampleKey)
	var stderr bytes.Buffer
	args := append([]string{"pgveil", "--log-format", "json", "dump", "-c", config, "--dsn", dsn, "-o", out}, extra...)
	if code := run(args, nil, os.Stdout, &stderr); code != 0 {
		t.Fatalf("pgveil dump exited %d:\n%s", code, stderr.String())
	}
	var sum dumpSummary
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, `"message":"dump complete"`) {
			if err := json.Unmarshal([]byte(l), &sum); err != nil {
				t.Errorf("summary log event %s: %v", l, err)
			}
			return sum
		}
	}
	t.Errorf("no summary log event:\n%s", stderr.String())
	return sum
}

// dumpSummary is the "dump complete" log event.
type dumpSummary struct {
	Tables   int   `json:"tables"`
	Rows     int64 `json:"rows"`
	BytesIn  int64 `json:"bytes_in"`
	BytesOut int64 `json:"bytes_out"`
}

// copyBlocks maps each table of a plain dump to its COPY data lines.
func copyBlocks(t *testing.T, file string) map[string][]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	cur := ""
	for sc.Scan() {
		l := sc.Text()
		switch {
		case cur == "" && strings.HasPrefix(l, "COPY ") && strings.HasSuffix(l, "FROM stdin;"):
			name := strings.Fields(l)[1]
			cur = strings.ReplaceAll(name, `"`, "")
			out[cur] = []string{}
		case cur != "" && l == `\.`:
			cur = ""
		case cur != "":
			out[cur] = append(out[cur], l)
		}
	}
	return out
}

// TestDumpRoundTrip is acceptance for `pgveil dump`: scale-1 sample ->
// dump -> restore with zero errors and valid constraints, no original value
// of a masked column in the output, the same masked rows as `pgveil
// anonymize` gives for a pg_dump of the same data, and byte-identical output
// for two dumps of an unchanged database (with --jobs 1 and --jobs 2).
func TestDumpRoundTrip(t *testing.T) {
	scale := "1"
	if testing.Short() {
		scale = "0.1"
	}
	config := filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml")
	src := pgtest.CreateDB(t, "dump_src")
	pgtest.LoadSample(t, src, scale)
	dir := t.TempDir()
	d1, d2, d3 := filepath.Join(dir, "d1.sql"), filepath.Join(dir, "d2.sql"), filepath.Join(dir, "d3.sql.zst")
	s1 := dumpTo(t, src, config, d1)
	s2 := dumpTo(t, src, config, d2, "--jobs", "2")
	dumpTo(t, src, config, d3)
	b1, _ := os.ReadFile(d1)
	b2, _ := os.ReadFile(d2)
	if !bytes.Equal(b1, b2) {
		t.Error("two dumps of an unchanged database differ (--jobs 1 vs --jobs 2)")
	}
	// Both modes report what they read; the summary is the same but for
	// the duration.
	if s1.BytesIn == 0 || s1.Rows == 0 || s1 != s2 || s1.BytesOut != int64(len(b1)) {
		t.Errorf("summary --jobs 1 %+v, --jobs 2 %+v (output %d bytes)", s1, s2, len(b1))
	}
	if fi, err := os.Stat(d3); err != nil || fi.Size() == 0 || fi.Size() >= int64(len(b1)) {
		t.Errorf("zstd output missing or not compressed: %v", err)
	}

	dst := restoreChecked(t, d1, sampleConstraints)
	checkAnonymized(t, config, src, dst, b1)

	// Identity sequences carry on where the source stood.
	const seq = "SELECT last_value FROM " + "pg_catalog.pg_sequences WHERE sequencename = 'customers_id_seq'"
	if a, b := countIn(t, src, seq), countIn(t, dst, seq); a != b || a == 0 {
		t.Errorf("customers_id_seq: %d in the source, %d after restore", a, b)
	}

	// Same masked values as the pg_dump filter, table by table.
	anon := filepath.Join(dir, "anon.sql")
	anonymizeFile(t, sampleKey, config, pgtest.PgDump(t, src), anon)
	want, got := copyBlocks(t, anon), copyBlocks(t, d1)
	compared := 0
	for table, rows := range want {
		if len(rows) == 0 {
			continue // rows: none tables: an empty COPY block there, none here
		}
		g, ok := got[table]
		if !ok {
			t.Errorf("%s: in the anonymized pg_dump but not in pgveil dump", table)
			continue
		}
		if strings.Join(g, "\n") != strings.Join(rows, "\n") {
			t.Errorf("%s: masked rows differ between pgveil dump and pgveil anonymize", table)
		}
		compared += len(rows)
	}
	if compared < 1000 {
		t.Errorf("only %d rows compared", compared)
	}
}

// TestDumpSubsetFixture: one customer (and, with --subset-children, what
// hangs off it) restores into an empty database with every foreign key
// valid and holds only rows reachable from that customer.
func TestDumpSubsetFixture(t *testing.T) {
	config := filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml")
	src := pgtest.CreateDB(t, "subset_src")
	pgtest.LoadSample(t, src, "0.1")
	sconn := pgtest.Connect(t, src)
	ctx := context.Background()
	// A customer with tickets assigned to staff, accounts and cards.
	var id int64
	if err := sconn.QueryRow(ctx, `SELECT c.id FROM customers c
		WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.assigned_to IS NOT NULL)
		  AND EXISTS (SELECT 1 FROM accounts a JOIN payment_cards p ON p.account_id = a.id WHERE a.customer_id = c.id)
		ORDER BY c.id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "fixture.sql")
	dumpTo(t, src, config, out, "--subset", fmt.Sprintf("public.customers: id = %d", id), "--subset-children")
	dst := restoreChecked(t, out, sampleConstraints)
	dconn := pgtest.Connect(t, dst)
	count := func(sql string) int {
		var n int
		if err := dconn.QueryRow(ctx, sql).Scan(&n); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return n
	}
	if n := count("SELECT count(*) FROM customers"); n != 1 {
		t.Errorf("%d customers in the fixture, want 1", n)
	}
	if n := count(fmt.Sprintf("SELECT count(*) FROM customers WHERE id = %d", id)); n != 1 {
		t.Errorf("customer %d missing", id)
	}
	for table, want := range map[string]string{
		"contacts": "customer_id", "accounts": "customer_id", "tickets": "customer_id",
	} {
		var srcN int
		sconn.QueryRow(ctx, fmt.Sprintf("SELECT count(*) FROM %s WHERE %s = %d", table, want, id)).Scan(&srcN)
		if got := count("SELECT count(*) FROM " + table); got != srcN || got == 0 && table != "contacts" {
			t.Errorf("%s: %d rows in the fixture, %d reference the customer in the source", table, got, srcN)
		}
	}
	// Only rows reachable from the customer: every card belongs to one of
	// its accounts, every user is assigned one of its tickets.
	if n := count("SELECT count(*) FROM payment_cards p WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = p.account_id)"); n != 0 {
		t.Errorf("%d cards not reachable", n)
	}
	if n := count("SELECT count(*) FROM payment_cards"); n == 0 {
		t.Error("the customer's cards are missing")
	}
	if n := count("SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.assigned_to = u.id)"); n != 0 {
		t.Errorf("%d users not reachable from the customer's tickets", n)
	}
	if n := count("SELECT count(*) FROM users"); n == 0 {
		t.Error("the users assigned to the customer's tickets are missing")
	}
	// Without --subset-children only the customer itself (it references nothing).
	out2 := filepath.Join(t.TempDir(), "parents-only.sql")
	dumpTo(t, src, config, out2, "--subset", fmt.Sprintf("public.customers: id = %d", id))
	d2 := pgtest.Connect(t, restoreChecked(t, out2, sampleConstraints))
	var n int
	d2.QueryRow(ctx, "SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM tickets) + (SELECT count(*) FROM accounts)").Scan(&n)
	if n != 1 {
		t.Errorf("parents-only fixture: %d rows, want just the customer", n)
	}
}

// TestDumpFaults: every failure exits non-zero with a clear message and
// leaves no file at the target path.
func TestDumpFaults(t *testing.T) {
	config := filepath.Join(pgtest.RepoRoot(t), "testdata", "pgveil.yaml")
	src := pgtest.CreateDB(t, "faults_src")
	pgtest.LoadSample(t, src, "1")
	t.Setenv("PGVEIL_KEY", sampleKey)

	expectFailure := func(t *testing.T, dsn, out, wantMsg string, before func()) {
		t.Helper()
		dir := filepath.Dir(out)
		var stderr bytes.Buffer
		if before != nil {
			before()
		}
		code := run([]string{"pgveil", "--log-format", "json", "dump", "-c", config, "--dsn", dsn, "-o", out}, nil, os.Stdout, &stderr)
		if code == 0 {
			t.Fatalf("exit 0, want failure")
		}
		last := strings.TrimSpace(stderr.String())
		last = last[strings.LastIndexByte(last, '\n')+1:]
		if !strings.HasPrefix(last, "pgveil: dump: ") || !strings.Contains(last, wantMsg) {
			t.Errorf("error line %q, want it to mention %q", last, wantMsg)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("a file was left at the target %s", out)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 && dir != "/dev" {
			t.Errorf("left behind in %s: %v", dir, entries)
		}
	}

	t.Run("unreachable database", func(t *testing.T) {
		expectFailure(t, "postgres://nobody@127.0.0.1:1/none?connect_timeout=2", filepath.Join(t.TempDir(), "x.sql"), "connect", nil)
	})
	t.Run("full disk", func(t *testing.T) {
		// /dev/full takes no file next to it; the write of the dump fails.
		var stderr bytes.Buffer
		code := run([]string{"pgveil", "--log-format", "json", "dump", "-c", config, "--dsn", src}, nil, devFull(t), &stderr)
		if code == 0 || !strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("exit %d, stderr %q", code, lastLine(stderr.String()))
		}
	})
	t.Run("connection dropped mid-dump", func(t *testing.T) {
		// Terminate the dump's backends as soon as a COPY is running.
		admin := pgtest.Connect(t, pgtest.DSN(t))
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				case <-time.After(5 * time.Millisecond):
				}
				// Only this test's database: other packages' tests run
				// COPY on the same server at the same time.
				admin.Exec(context.Background(), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
					WHERE query LIKE 'COPY %TO STDOUT%' AND pid <> pg_backend_pid() AND datname = $1`, dbName(src))
			}
		}()
		defer func() { close(stop); wg.Wait() }()
		expectFailure(t, src, filepath.Join(t.TempDir(), "x.sql"), "dump table", nil)
	})
	t.Run("killed mid-dump", func(t *testing.T) {
		// A real process killed with SIGKILL: the target path never appears.
		bin := filepath.Join(t.TempDir(), "pgveil")
		if b, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, b)
		}
		outDir := t.TempDir()
		out := filepath.Join(outDir, "x.sql")
		cmd := exec.Command(bin, "dump", "-c", config, "--dsn", src, "-o", out)
		cmd.Env = append(os.Environ(), "PGVEIL_KEY="+sampleKey)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill once the temporary file has data in it.
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			entries, _ := os.ReadDir(outDir)
			if len(entries) > 0 {
				if fi, err := entries[0].Info(); err == nil && fi.Size() > 0 {
					break
				}
			}
			time.Sleep(2 * time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if _, err := os.Stat(out); err == nil {
			t.Error("a file is at the target path after SIGKILL")
		}
	})
	t.Run("interrupted with SIGTERM", func(t *testing.T) {
		bin := filepath.Join(t.TempDir(), "pgveil")
		if b, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, b)
		}
		outDir := t.TempDir()
		out := filepath.Join(outDir, "x.sql")
		cmd := exec.Command(bin, "--log-format", "json", "dump", "-c", config, "--dsn", src, "-o", out)
		cmd.Env = append(os.Environ(), "PGVEIL_KEY="+sampleKey)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 10000; i++ {
			if entries, _ := os.ReadDir(outDir); len(entries) > 0 {
				break
			}
			time.Sleep(time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGTERM)
		err := cmd.Wait()
		if err == nil {
			t.Skip("the dump finished before the signal arrived")
		}
		if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
			t.Errorf("left behind after SIGTERM: %v", entries)
		}
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("stderr: %s", lastLine(stderr.String()))
		}
	})
}

// dbName is the database a connection URL names.
func dbName(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Path, "/")
}

func devFull(t *testing.T) *os.File {
	t.Helper()
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full on this system")
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}
