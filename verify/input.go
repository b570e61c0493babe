package verify

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

var (
	magicGzip = []byte{0x1f, 0x8b}
	magicZstd = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// Input is the decompressed output to verify.
type Input struct {
	io.Reader
	// Format is "plain", "gzip" or "zstd".
	Format string
	close  func()
}

// Close releases the decompressor (not the underlying reader).
func (in *Input) Close() {
	if in.close != nil {
		in.close()
	}
}

// OpenInput wraps r (named name, "-" for stdin) in the decompressor its
// first bytes call for: gzip and zstd are recognised by their magic
// numbers, whatever the name. A name ending in .gz or .zst whose data is
// not of that format is an error, as is a compressed stream that ends
// early or is corrupt (reported by Read).
func OpenInput(r io.Reader, name string) (*Input, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	head, err := br.Peek(4)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	want := ""
	switch strings.ToLower(filepath.Ext(name)) {
	case ".gz":
		want = "gzip"
	case ".zst":
		want = "zstd"
	}
	switch {
	case bytes.HasPrefix(head, magicGzip):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
		ra := newReadAhead(&wrapErr{r: zr, what: name + ": gzip"})
		return &Input{Reader: ra, Format: "gzip", close: func() { ra.Close(); zr.Close() }}, nil
	case bytes.HasPrefix(head, magicZstd):
		zr, err := zstd.NewReader(br, zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			return nil, fmt.Errorf("%s: zstd: %w", name, err)
		}
		ra := newReadAhead(&wrapErr{r: zr, what: name + ": zstd"})
		return &Input{Reader: ra, Format: "zstd", close: func() { ra.Close(); zr.Close() }}, nil
	case want != "":
		return nil, fmt.Errorf("%s: not %s data (the name says %s; the first bytes do not)", name, want, want)
	}
	return &Input{Reader: br, Format: "plain"}, nil
}

// wrapErr names the stream in decompression errors and turns an early end
// into io.ErrUnexpectedEOF with a message that says so.
type wrapErr struct {
	r    io.Reader
	what string
}

func (w *wrapErr) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if err == nil || err == io.EOF {
		return n, err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return n, fmt.Errorf("%s: truncated (the compressed stream ends early): %w", w.what, err)
	}
	return n, fmt.Errorf("%s: corrupt: %w", w.what, err)
}
