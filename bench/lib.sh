# Set-up shared by the bench scripts (sourced from the repository root).
source scripts/pg.sh

# build_pgveil DIR puts the binary under test in DIR: PGVEIL_BIN when set
# (bench/compare.sh), else a build of the working tree.
build_pgveil() {
	if [ -n "${PGVEIL_BIN:-}" ]; then cp "$PGVEIL_BIN" "$1/pgveil"; else go build -o "$1/pgveil" ./cmd/pgveil; fi
}

# bench_start starts PostgreSQL, makes $out (removed at exit, with the
# server stopped), builds pgveil and the sample generator into it and
# exports the bench key.
bench_start() {
	pg_start
	out=$(mktemp -d /tmp/pgveil-bench.XXXXXX)
	trap 'rm -rf "$out"; pg_stop' EXIT
	build_pgveil "$out"
	go build -o "$out/gen" ./testdata/gen
	export PGVEIL_KEY="bench-key-0123456789abcdef"
}
