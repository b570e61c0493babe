package verify

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pgveil/pgveil/catalog"
	"github.com/pgveil/pgveil/rules"
)

// BenchmarkScanDump scans a plain dump (PGVEIL_VERIFY_BENCH_FILE) for the
// values of a database loaded with the sample (PGVEIL_VERIFY_BENCH_DSN),
// under testdata/pgveil.yaml. bench/verify.sh measures the command itself.
func BenchmarkScanDump(b *testing.B) {
	dsn, file := os.Getenv("PGVEIL_VERIFY_BENCH_DSN"), os.Getenv("PGVEIL_VERIFY_BENCH_FILE")
	if dsn == "" || file == "" {
		b.Skip("set PGVEIL_VERIFY_BENCH_DSN and PGVEIL_VERIFY_BENCH_FILE")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	ix := benchIndex(b, dsn)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := ix.Scan(context.Background(), bytes.NewReader(data), func(Finding) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

func benchIndex(b *testing.B, dsn string) *Index {
	ctx := context.Background()
	r, err := rules.Load(filepath.Join("..", "testdata", "pgveil.yaml"), rules.Options{Getenv: func(string) string { return "bench-key-0123456789abcdef" }})
	if err != nil {
		b.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	snap, err := catalog.Load(ctx, conn)
	if err != nil {
		b.Fatal(err)
	}
	plans, err := PlanColumns(snap, r)
	if err != nil {
		b.Fatal(err)
	}
	bld := NewBuilder(DefaultFilter)
	if _, err := Collect(ctx, conn, plans, bld, CollectOptions{}); err != nil {
		b.Fatal(err)
	}
	return bld.Build(r.Key)
}
