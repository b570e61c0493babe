package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pgveil/pgveil/internal/pgtest"
)

// TestDemo runs `pgveil demo` as a process: it prints the psql command and a
// row before and after masking, and Ctrl-C removes everything.
func TestDemo(t *testing.T) {
	pgtest.DSN(t) // the demo needs the server binaries the test script installs
	root := pgtest.RepoRoot(t)
	bin := filepath.Join(t.TempDir(), "pgveil")
	if b, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	// A TMPDIR the server's user (postgres, when run as root) can traverse.
	tmp, err := os.MkdirTemp("", "demo-tmp-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(tmp, 0o755)
	t.Cleanup(func() { os.RemoveAll(tmp) })
	cmd := exec.Command(bin, "--log-level", "warn", "demo", "--listen", "127.0.0.1:0")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var before, after, psql string
	deadline := time.After(90 * time.Second)
	for after == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("demo ended early")
			}
			switch {
			case strings.Contains(l, "psql \""):
				psql = l
			case strings.Contains(l, "in the database:"):
				before = strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
			case strings.Contains(l, "through pgveil:"):
				after = strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
			}
		case <-deadline:
			t.Fatal("demo printed nothing in time")
		}
	}
	if psql == "" || before == "" || after == before || strings.HasPrefix(after, "error") {
		t.Errorf("psql line %q, before %q, after %q", psql, before, after)
	}
	// The id (kept) is the same, the e-mail (masked) is not.
	bf, af := strings.Split(before, " | "), strings.Split(after, " | ")
	if len(bf) != 6 || len(af) != 6 || bf[0] != af[0] || bf[3] == af[3] {
		t.Errorf("before %q after %q", before, after)
	}
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("demo did not stop on Ctrl-C")
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left behind in TMPDIR: %v", entries)
	}
}
