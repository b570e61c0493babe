package verify

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

func compressed(t *testing.T, format string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	switch format {
	case "gzip":
		w := gzip.NewWriter(&b)
		w.Write(data)
		w.Close()
	case "zstd":
		w, err := zstd.NewWriter(&b)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
		w.Close()
	}
	return b.Bytes()
}

// TestVerifyInput: formats by magic bytes, whatever the name; a stream cut
// short or corrupted is an error of the scan, never a clean result; a scan
// that stops early releases the decompressor.
func TestVerifyInput(t *testing.T) {
	ix := testIndex(t, FormPlain, "secret@example.com")
	data := []byte(strings.Repeat("filler line of text\n", 300000) + "secret@example.com\n")
	for _, format := range []string{"gzip", "zstd"} {
		z := compressed(t, format, data)
		in, err := OpenInput(bytes.NewReader(z), "-")
		if err != nil || in.Format != format {
			t.Fatalf("%s: format %v, err %v", format, in, err)
		}
		st, err := ix.Scan(context.Background(), in, func(Finding) error { return nil })
		in.Close()
		if err != nil || st.Findings != 1 || st.Bytes != int64(len(data)) {
			t.Errorf("%s: %+v, %v", format, st, err)
		}
		for _, cut := range []int{len(z) / 3, len(z) - 5} {
			in, err := OpenInput(bytes.NewReader(z[:cut]), "x."+format)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ix.Scan(context.Background(), in, func(Finding) error { return nil })
			in.Close()
			if err == nil {
				t.Errorf("%s cut at %d of %d: no error", format, cut, len(z))
			}
		}
		corrupt := append([]byte(nil), z...)
		for i := len(corrupt) / 2; i < len(corrupt)/2+64; i++ {
			corrupt[i] ^= 0x5a
		}
		in, _ = OpenInput(bytes.NewReader(corrupt), "-")
		if _, err := ix.Scan(context.Background(), in, func(Finding) error { return nil }); err == nil {
			t.Errorf("%s corrupt: no error", format)
		}
		in.Close()
		// Closed after the first read: the read-ahead goroutine ends.
		in, _ = OpenInput(bytes.NewReader(z), "-")
		in.Read(make([]byte, 10))
		in.Close()
	}
	if _, err := OpenInput(strings.NewReader("plain text"), "dump.sql.gz"); err == nil {
		t.Error("a .gz name over plain text was accepted")
	}
	in, err := OpenInput(strings.NewReader(""), "-")
	if err != nil || in.Format != "plain" {
		t.Errorf("empty input: %v %v", in, err)
	}
}
