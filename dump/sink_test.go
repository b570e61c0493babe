package dump

import (
	"bytes"
	stdgzip "compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// sinkPayload is compressible but not trivial, and long enough to pass
// through every buffer several times.
func sinkPayload() []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < 3<<20; i++ {
		fmt.Fprintf(&b, "%d\tcustomer-%d@example.com\tJane \\\\ Doe %x\n", i, i*7919, i*i)
	}
	return b.Bytes()
}

// writeInPieces writes p in chunks of varying size, as a dump writer would.
func writeInPieces(t *testing.T, s *Sink, p []byte) {
	t.Helper()
	sizes := []int{1, 7, 64, 1000, 300 << 10, 13}
	for i := 0; len(p) > 0; i++ {
		n := min(sizes[i%len(sizes)], len(p))
		if w, err := s.Write(p[:n]); err != nil || w != n {
			t.Fatalf("Write: %d, %v", w, err)
		}
		p = p[n:]
	}
}

func decompress(t *testing.T, path string, data []byte) []byte {
	t.Helper()
	switch {
	case strings.HasSuffix(path, ".gz"):
		r, err := stdgzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		out, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		return out
	case strings.HasSuffix(path, ".zst"):
		d, err := zstd.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("zstd: %v", err)
		}
		defer d.Close()
		out, err := io.ReadAll(d)
		if err != nil {
			t.Fatalf("zstd: %v", err)
		}
		return out
	}
	return data
}

// dirNames lists a directory, to catch leftover temporary files.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}

func currentUmask() os.FileMode {
	old := syscall.Umask(0)
	syscall.Umask(old)
	return os.FileMode(old)
}

func TestSinkCommit(t *testing.T) {
	payload := sinkPayload()
	for _, name := range []string{"out.sql", "out.sql.gz", "out.sql.zst", "OUT.SQL.GZ"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			s, err := Create(path)
			if err != nil {
				t.Fatal(err)
			}
			writeInPieces(t, s, payload)
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Fatalf("target exists before Commit: %v", err)
			}
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			compressed := name != "out.sql"
			if compressed && len(data) >= len(payload)/2 {
				t.Errorf("%s: %d bytes for %d of input: not compressed", name, len(data), len(payload))
			}
			if got := decompress(t, strings.ToLower(path), data); !bytes.Equal(got, payload) {
				t.Fatalf("%s: content differs (%d bytes, want %d)", name, len(got), len(payload))
			}
			if names := dirNames(t, dir); len(names) != 1 || names[0] != name {
				t.Fatalf("directory holds %q, want only %q", names, name)
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if want := 0o644 &^ currentUmask(); fi.Mode().Perm() != want {
				t.Errorf("mode %v, want %v", fi.Mode().Perm(), want)
			}
			// Commit twice is fine, Abort after Commit keeps the file.
			if err := s.Commit(); err != nil {
				t.Errorf("second Commit: %v", err)
			}
			s.Abort()
			if _, err := os.Stat(path); err != nil {
				t.Errorf("Abort after Commit removed the output: %v", err)
			}
			if _, err := s.Write([]byte("x")); err == nil {
				t.Error("Write after Commit succeeded")
			}
		})
	}
}

func TestSinkEmptyOutput(t *testing.T) {
	for _, name := range []string{"empty.sql", "empty.sql.gz", "empty.sql.zst"} {
		path := filepath.Join(t.TempDir(), name)
		s, err := Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := decompress(t, path, data); len(got) != 0 {
			t.Errorf("%s: %q, want empty", name, got)
		}
	}
}

func TestSinkCommitReplacesTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.sql")
	if err := os.WriteFile(path, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	writeInPieces(t, s, []byte("new content"))
	if got, _ := os.ReadFile(path); string(got) != "old content" {
		t.Fatalf("target changed before Commit: %q", got)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new content" {
		t.Fatalf("after Commit: %q", got)
	}
}

func TestSinkAbort(t *testing.T) {
	for _, existing := range []bool{false, true} {
		for _, name := range []string{"out.sql", "out.sql.gz", "out.sql.zst"} {
			t.Run(fmt.Sprintf("%s/existing=%v", name, existing), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, name)
				if existing {
					if err := os.WriteFile(path, []byte("precious"), 0o600); err != nil {
						t.Fatal(err)
					}
				}
				s, err := Create(path)
				if err != nil {
					t.Fatal(err)
				}
				writeInPieces(t, s, sinkPayload()[:1<<20])
				if names := dirNames(t, dir); !containsTemp(names, name) {
					t.Fatalf("no temporary file while writing: %q", names)
				}
				s.Abort()
				s.Abort()
				if err := s.Commit(); err == nil {
					t.Error("Commit after Abort succeeded")
				}
				if _, err := s.Write([]byte("x")); err == nil {
					t.Error("Write after Abort succeeded")
				}
				names := dirNames(t, dir)
				if !existing {
					if len(names) != 0 {
						t.Fatalf("directory holds %q after Abort, want nothing", names)
					}
					return
				}
				if len(names) != 1 || names[0] != name {
					t.Fatalf("directory holds %q after Abort, want only %q", names, name)
				}
				if got, _ := os.ReadFile(path); string(got) != "precious" {
					t.Fatalf("existing target changed by Abort: %q", got)
				}
			})
		}
	}
}

func containsTemp(names []string, base string) bool {
	for _, n := range names {
		if strings.HasPrefix(n, "."+base+".pgveil-tmp-") {
			return true
		}
	}
	return false
}

// Small writes stay in memory: nothing reaches the file until the buffer
// fills or Commit flushes.
func TestSinkBuffersSmallWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.sql")
	s, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	line := []byte("1\tJane\tjane@example.com\n")
	n := 0
	for n+len(line) <= 200<<10 {
		if _, err := s.Write(line); err != nil {
			t.Fatal(err)
		}
		n += len(line)
	}
	fi, err := os.Stat(s.tmp)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() != 0 {
		t.Fatalf("%d bytes reached the file after %d bytes of small writes, want 0", fi.Size(), n)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != int64(n) {
		t.Fatalf("after Commit: %v, %v; want %d bytes", fi, err, n)
	}
}

func TestCreateErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-dir", "out.sql")
	if _, err := Create(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Create(%q) error = %v, want one naming the path", missing, err)
	}
	if _, err := Create(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("Create(directory) error = %v, want one naming the path", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("failed Create left %q", names)
	}
}

// A full disk: every write to /dev/full fails with ENOSPC. The Sink must
// report it (naming the target), and neither Commit nor Abort may leave
// anything at the target.
func TestSinkWriteFailure(t *testing.T) {
	for _, c := range []struct {
		name string
		comp compression
	}{{"out.sql", compressNone}, {"out.sql.gz", compressGzip}, {"out.sql.zst", compressZstd}} {
		t.Run(c.name, func(t *testing.T) {
			full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			if err != nil {
				t.Skipf("no /dev/full: %v", err)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, c.name)
			tmp := filepath.Join(dir, "."+c.name+".pgveil-tmp-test")
			// The temp file the Sink believes it writes: Commit must not
			// rename it after a failed write, Abort must remove it.
			if err := os.WriteFile(tmp, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := newSink(full, path, tmp, true, c.comp)
			if err != nil {
				t.Fatal(err)
			}
			var writeErr error
			payload := sinkPayload()
			for p := payload; len(p) > 0 && writeErr == nil; {
				n := min(4096, len(p))
				_, writeErr = s.Write(p[:n])
				p = p[n:]
			}
			if writeErr == nil && c.comp == compressNone {
				t.Fatalf("%d bytes written to /dev/full without error", len(payload))
			}
			commitErr := s.Commit()
			if commitErr == nil {
				t.Fatal("Commit succeeded on /dev/full")
			}
			for _, err := range []error{writeErr, commitErr} {
				if err != nil && !strings.Contains(err.Error(), "write "+path) {
					t.Errorf("error %q does not name the target", err)
				}
			}
			if !errors.Is(commitErr, syscall.ENOSPC) {
				t.Errorf("Commit error %v does not wrap ENOSPC", commitErr)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Fatalf("target exists after failed Commit: %v", err)
			}
			s.Abort()
			s.Abort()
			if names := dirNames(t, dir); len(names) != 0 {
				t.Fatalf("directory holds %q after Abort, want nothing", names)
			}
		})
	}
}

// Stdout is flushed by Commit, never closed, and Abort writes nothing more.
func TestSinkStdout(t *testing.T) {
	s, err := Create("-")
	if err != nil {
		t.Fatal(err)
	}
	if s.file != os.Stdout || s.comp != nil || s.tmp != "" {
		t.Fatalf("Create(\"-\") = file %v, compressor %v, tmp %q; want plain stdout", s.file, s.comp, s.tmp)
	}
	s.Abort()

	for _, commit := range []bool{true, false} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		s, err := newSink(w, "-", "", false, compressNone)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Write([]byte("hello\n")); err != nil {
			t.Fatal(err)
		}
		if commit {
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
		} else {
			s.Abort()
			s.Abort()
		}
		// The Sink did not close the pipe: this write still works.
		if _, err := w.Write([]byte("after\n")); err != nil {
			t.Fatalf("commit=%v: stdout closed by the Sink: %v", commit, err)
		}
		_ = w.Close()
		got, _ := io.ReadAll(r)
		_ = r.Close()
		want := "after\n"
		if commit {
			want = "hello\nafter\n"
		}
		if string(got) != want {
			t.Errorf("commit=%v: stdout got %q, want %q", commit, got, want)
		}
	}
}
