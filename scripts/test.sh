#!/usr/bin/env bash
# The whole test suite: installs what is missing (PostgreSQL server, Go
# modules, staticcheck), starts a throwaway PostgreSQL, runs gofmt, go vet,
# staticcheck and go test (with -race) against it, and stops the server.
# Extra arguments go to `go test` (default: ./...).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh

export PATH="$PATH:/usr/local/go/bin:$(go env GOPATH)/bin"
go mod download
if ! command -v staticcheck >/dev/null; then
	GOFLAGS= go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
fi

# Real clients the proxy tests drive, from Debian's packages: psycopg2 and
# pgjdbc (with a JVM when the machine has none).
want=()
/usr/bin/python3 -c 'import psycopg2' 2>/dev/null || want+=(python3-psycopg2)
[ -f /usr/share/java/postgresql.jar ] || want+=(libpostgresql-jdbc-java)
command -v java >/dev/null || want+=(default-jre-headless)
if [ ${#want[@]} -gt 0 ]; then
	echo "installing ${want[*]} for the proxy's client tests" >&2
	sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >&2 ||
		{ $sudo apt-get update -qq >&2 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >&2; }
fi

# node-postgres from the npm registry, for the same tests (kept out of git).
if command -v npm >/dev/null && [ ! -d .cache/node/node_modules/pg ]; then
	echo "installing node-postgres into .cache/node" >&2
	npm install --prefix .cache/node --no-audit --no-fund --silent pg@8 >&2
fi

echo "== gofmt"
bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$bad" ]; then echo "not gofmt-formatted: $bad"; exit 1; fi
echo "== go vet"
go vet ./... ./testdata/gen
echo "== staticcheck"
# ./... skips testdata/: the sample-data generator is checked explicitly.
staticcheck ./... ./testdata/gen

pg_start
echo "== go test"
if [ $# -gt 0 ]; then
	go test -count=1 -timeout 40m "$@"
	exit
fi
go test -count=1 -timeout 40m ./... ./testdata/gen
# The leak tests must catch masking switched off, in every protocol.
echo "== mutation check"
bash scripts/mutation.sh
# The race detector over the packages that run goroutines or share state
# across calls (sync.Pool scratch in anonymize, the CLI's signal handling);
# -short keeps the 10^6-input property tests out of the slow race build.
echo "== go test -race -short"
go test -race -short -count=1 -timeout 40m ./anonymize/... ./dump/... ./proxy/... ./lineage/... ./cmd/...
