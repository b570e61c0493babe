package main

import (
	"bytes"
	"fmt"
	"net"
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

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestProxyCommand runs `pgveil proxy` as a process: psql reads masked
// values through it, a SIGHUP with broken rules keeps the old ones and the
// proxy serving, and SIGTERM ends it with exit status 0.
func TestProxyCommand(t *testing.T) {
	root := pgtest.RepoRoot(t)
	upstream := pgtest.CreateDB(t, "proxycmd")
	pgtest.LoadSample(t, upstream, "0.01")
	u, _ := url.Parse(upstream)
	pw, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	addr := freePort(t)
	sample, _ := os.ReadFile(filepath.Join(root, "testdata", "pgveil.yaml"))
	rulesText := string(sample) + fmt.Sprintf("\nproxy:\n  listen: %s\n  upstream: %s\n  password_env: UPSTREAM_PW\n  users:\n    - name: alice\n      password: alice-secret\n", addr, u.String())
	dir := t.TempDir()
	cfg := filepath.Join(dir, "pgveil.yaml")
	os.WriteFile(cfg, []byte(rulesText), 0o600)

	bin := filepath.Join(dir, "pgveil")
	if b, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	cmd := exec.Command(bin, "--log-format", "json", "proxy", "-c", cfg)
	cmd.Env = append(os.Environ(), "PGVEIL_KEY="+sampleKey, "UPSTREAM_PW="+pw)
	var stderr lockedBuffer // written by exec's copier while the test reads it
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	client := fmt.Sprintf("postgres://alice:alice-secret@%s/%s?sslmode=disable", addr, strings.TrimPrefix(u.Path, "/"))
	psql := func() (string, error) {
		out, err := exec.Command(pgtest.Bin(t, "psql"), "-X", "-At", "-d", client, "-c", "SELECT email FROM customers ORDER BY id LIMIT 1").CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}
	var out string
	var err error
	for i := 0; i < 100; i++ {
		if out, err = psql(); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("psql through pgveil proxy: %v %s\n%s", err, out, stderr.String())
	}
	var orig string
	pgtest.Connect(t, upstream).QueryRow(t.Context(), "SELECT email FROM customers ORDER BY id LIMIT 1").Scan(&orig)
	if out == orig || !strings.Contains(out, "@") {
		t.Errorf("through the proxy %q, original %q: want a masked address", out, orig)
	}

	// Broken rules on SIGHUP: logged, the old rules stay, still serving.
	os.WriteFile(cfg, []byte(rulesText+"\nbogus_key: 1\n"), 0o600)
	cmd.Process.Signal(syscall.SIGHUP)
	time.Sleep(300 * time.Millisecond)
	if again, err := psql(); err != nil || again != out {
		t.Errorf("after a refused reload: %q %v", again, err)
	}
	if !strings.Contains(stderr.String(), "reload refused") {
		t.Errorf("no log of the refused reload:\n%s", stderr.String())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Error("the proxy did not stop after SIGTERM")
	}
	if strings.Contains(stderr.String(), orig) || strings.Contains(stderr.String(), sampleKey) {
		t.Error("a value or the key reached the logs")
	}
}

// lockedBuffer is a bytes.Buffer safe for one writer and one reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
