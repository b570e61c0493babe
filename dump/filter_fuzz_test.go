package dump

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// FuzzFilter feeds arbitrary streams to the pg_dump filter: it must never
// panic, must fail only with a located error, and for streams without COPY
// data or INSERTs (nothing to mask) must pass every byte unchanged.
func FuzzFilter(f *testing.F) {
	f.Add([]byte(header + "COPY public.people (id, name, email, note, tags) FROM stdin;\n1\tMario\tcanary@example.it\tn\t{}\n\\.\n"))
	f.Add([]byte(header + "INSERT INTO public.people VALUES (1, 'Mario', 'canary@example.it', NULL, '{}');\n"))
	f.Add([]byte("COPY public.people (id, email) FROM stdin;\n\\N\t\\N\n\\.\n"))
	f.Add([]byte("CREATE TABLE public.t (a text);\nINSERT INTO public.t VALUES ('x'), ('y');\n"))
	f.Add([]byte("SELECT 'unterminated;\n"))
	f.Add([]byte("\\restrict x\n-- c\n\nSET a = 1;\n"))
	filter := testFilter(f, testRules)
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		_, err := filter.Run(context.Background(), bytes.NewReader(in), &out)
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if !bytes.Contains(bytes.ToUpper(in), []byte("COPY")) && !bytes.Contains(bytes.ToUpper(in), []byte("INSERT")) && !bytes.Equal(out.Bytes(), in) {
			t.Fatalf("stream without data changed:\nin  %q\nout %q", in, out.Bytes())
		}
	})
}
