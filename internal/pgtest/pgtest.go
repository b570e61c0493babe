// Package pgtest gives tests the throwaway PostgreSQL that scripts/test.sh
// starts: its DSN, fresh databases, and the client binaries beside it.
//
// Tests never mock the database: without PGVEIL_TEST_DSN they skip, and under
// CI=true they fail instead.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DSN returns the server's URL, or skips the test (fails it under CI=true).
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("PGVEIL_TEST_DSN")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PGVEIL_TEST_DSN is not set: run the tests through scripts/test.sh")
		}
		t.Skip("PGVEIL_TEST_DSN is not set: run the tests through scripts/test.sh")
	}
	return dsn
}

var dbSeq atomic.Int64

// CreateDB creates an empty database, dropped when the test ends, and returns
// its URL.
func CreateDB(t testing.TB, prefix string) string {
	t.Helper()
	dsn := DSN(t)
	name := fmt.Sprintf("%s_%d_%d", prefix, os.Getpid(), dbSeq.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Bin returns the path of a PostgreSQL client program (psql, pg_dump, ...):
// from PGVEIL_PG_BIN when set, else from PATH.
func Bin(t testing.TB, name string) string {
	t.Helper()
	if dir := os.Getenv("PGVEIL_PG_BIN"); dir != "" {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found: install PostgreSQL (scripts/test.sh does)", name)
	}
	return p
}

// Psql runs psql with ON_ERROR_STOP on the database at dsn, feeding it file
// (or stdin when file is ""), and fails the test on any error.
func Psql(t testing.TB, dsn, file string, args ...string) string {
	t.Helper()
	a := []string{"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn}
	if file != "" {
		a = append(a, "-f", file)
	}
	a = append(a, args...)
	cmd := exec.Command(Bin(t, "psql"), a...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("psql %s: %v\n%s", strings.Join(args, " "), err, tail(out))
	}
	return string(out)
}

func tail(b []byte) string {
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// Connect opens a pgx connection closed at the end of the test.
func Connect(t testing.TB, dsn string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// RepoRoot finds the module root from the test's working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// BuildGenerator builds the sample-data generator (testdata/gen) once per
// test binary and returns its path.
func BuildGenerator(t testing.TB) string {
	t.Helper()
	root := RepoRoot(t)
	out := filepath.Join(os.TempDir(), fmt.Sprintf("pgveil-gen-%d", os.Getpid()))
	if _, err := os.Stat(out); err == nil {
		return out
	}
	cmd := exec.Command("go", "build", "-o", out, "./testdata/gen")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build generator: %v\n%s", err, b)
	}
	return out
}

// LoadSample generates the sample data at scale into the database at dsn.
func LoadSample(t testing.TB, dsn string, scale string) {
	t.Helper()
	gen := BuildGenerator(t)
	file := filepath.Join(t.TempDir(), "sample-"+scale+".sql")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gen, "-scale", scale)
	cmd.Stdout = f
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("generator: %v\n%s", err, stderr.String())
	}
	f.Close()
	Psql(t, dsn, file)
}

// PgDump runs pg_dump (plain format) of dsn into a file and returns its path.
func PgDump(t testing.TB, dsn string, args ...string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "dump.sql")
	a := append([]string{"--no-owner", "--no-privileges", "-f", file, "-d", dsn}, args...)
	if b, err := exec.Command(Bin(t, "pg_dump"), a...).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, b)
	}
	return file
}
