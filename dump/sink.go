package dump

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// sinkBufferSize batches many small writes (one per COPY row) into few
// syscalls, both before the compressor and between it and the file.
const sinkBufferSize = 256 << 10

// compression is chosen by the output's file extension.
type compression int

const (
	compressNone compression = iota
	compressGzip
	compressZstd
)

func compressionFor(path string) compression {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".gz":
		return compressGzip
	case ".zst":
		return compressZstd
	}
	return compressNone
}

type sinkState int

const (
	sinkOpen sinkState = iota
	sinkCommitted
	sinkClosed // aborted, or a Commit that failed before the rename
)

// Sink is a dump's output: stdout, or a file that appears at its path only
// when Commit succeeds, so a failed run never leaves a half-written file at
// the target. A Sink is not safe for concurrent use.
type Sink struct {
	path  string   // the target, as given; used in errors
	tmp   string   // temporary file renamed onto path by Commit; "" for stdout
	file  *os.File // nil once closed
	owned bool     // the Sink closes file (false for stdout)

	out     *bufio.Writer  // what Write writes to
	comp    io.WriteCloser // the compressor under out, or nil
	fileBuf *bufio.Writer  // between comp and file, or nil

	state sinkState
	err   error // first write error; sticky
}

// Create opens the output: path "" or "-" is stdout (Commit flushes, Abort
// writes nothing more); otherwise a temporary file .<base>.pgveil-tmp-XXXX in
// the same directory (mode 0644 less the umask) that Commit fsyncs, closes and
// renames onto path, and Abort closes and removes. A ".gz" path is gzip
// compressed, a ".zst" path zstd compressed.
func Create(path string) (*Sink, error) {
	if path == "" || path == "-" {
		return newSink(os.Stdout, "-", "", false, compressNone)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("create %s: is a directory", path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	for attempt := 0; ; attempt++ {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s.pgveil-tmp-%08x", base, rand.Uint32()))
		// O_EXCL: never write into a file someone else created; 0644 lets
		// the process umask decide, as for any file the user creates.
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) && attempt < 100 {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
		s, err := newSink(f, path, tmp, true, compressionFor(path))
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
			return nil, err
		}
		return s, nil
	}
}

// newSink wraps an open file. tmp, when set, is the file's name, renamed
// onto path by Commit and removed by Abort.
func newSink(f *os.File, path, tmp string, owned bool, c compression) (*Sink, error) {
	s := &Sink{path: path, tmp: tmp, file: f, owned: owned}
	var under io.Writer = f
	switch c {
	case compressGzip:
		s.fileBuf = bufio.NewWriterSize(f, sinkBufferSize)
		s.comp = gzip.NewWriter(s.fileBuf)
		under = s.comp
	case compressZstd:
		s.fileBuf = bufio.NewWriterSize(f, sinkBufferSize)
		enc, err := zstd.NewWriter(s.fileBuf)
		if err != nil {
			return nil, fmt.Errorf("create %s: zstd: %w", path, err)
		}
		s.comp = enc
		under = enc
	}
	s.out = bufio.NewWriterSize(under, sinkBufferSize)
	return s, nil
}

// Write buffers p for the output. After an error every Write fails.
func (s *Sink) Write(p []byte) (int, error) {
	if s.state != sinkOpen {
		return 0, fmt.Errorf("write %s: output already closed", s.path)
	}
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.out.Write(p)
	if err != nil {
		s.err = fmt.Errorf("write %s: %w", s.path, err)
		return n, s.err
	}
	return n, nil
}

// Commit flushes everything and makes the output visible: for a file it
// fsyncs, closes and renames the temporary file onto the path (then fsyncs
// the directory, best effort). A second Commit after success returns nil. If
// Commit fails the target is untouched; the caller still calls Abort, which
// removes the temporary file.
func (s *Sink) Commit() error {
	switch s.state {
	case sinkCommitted:
		return nil
	case sinkClosed:
		if s.err != nil {
			return s.err
		}
		return fmt.Errorf("commit %s: output already aborted", s.path)
	}
	if err := s.finish(); err != nil {
		s.err = err
		s.state = sinkClosed
		s.closeFile()
		return err
	}
	s.state = sinkCommitted
	return nil
}

func (s *Sink) finish() error {
	if s.err != nil {
		return s.err
	}
	wrap := func(op string, err error) error { return fmt.Errorf("%s %s: %w", op, s.path, err) }
	if err := s.out.Flush(); err != nil {
		return wrap("write", err)
	}
	if s.comp != nil {
		if err := s.comp.Close(); err != nil {
			return wrap("write", err)
		}
		if err := s.fileBuf.Flush(); err != nil {
			return wrap("write", err)
		}
	}
	if s.tmp == "" {
		if !s.owned {
			return nil // stdout: flushed; never closed, fsync would fail on a pipe
		}
		err := s.file.Close()
		s.file = nil
		if err != nil {
			return wrap("close", err)
		}
		return nil
	}
	if err := s.file.Sync(); err != nil {
		return wrap("sync", err)
	}
	err := s.file.Close()
	s.file = nil
	if err != nil {
		return wrap("close", err)
	}
	if err := os.Rename(s.tmp, s.path); err != nil {
		return wrap("rename", err)
	}
	s.tmp = ""
	// Make the rename itself durable; some filesystems refuse to fsync a
	// directory, and the file is complete either way, so errors are ignored.
	if d, err := os.Open(filepath.Dir(s.path)); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// Abort discards the output: the temporary file is closed and removed, the
// target is left as it was. It is a no-op after a successful Commit and safe
// to call several times or after a failed Commit.
func (s *Sink) Abort() {
	if s.state == sinkCommitted {
		return
	}
	s.state = sinkClosed
	s.closeFile()
	if s.tmp != "" {
		_ = os.Remove(s.tmp)
		s.tmp = ""
	}
}

// closeFile releases the compressor and the file without flushing anything
// that is still buffered.
func (s *Sink) closeFile() {
	if s.comp != nil {
		if enc, ok := s.comp.(*zstd.Encoder); ok {
			// Stops its goroutines; the bytes it emits are never flushed.
			_ = enc.Close()
		}
		s.comp = nil
	}
	if s.file != nil && s.owned {
		_ = s.file.Close()
	}
	s.file = nil
}
