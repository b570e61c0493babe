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

echo "== gofmt"
bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$bad" ]; then echo "not gofmt-formatted: $bad"; exit 1; fi
echo "== go vet"
go vet ./...
echo "== staticcheck"
staticcheck ./...

pg_start
echo "== go test"
if [ $# -eq 0 ]; then set -- ./...; fi
go test -race -count=1 -timeout 40m "$@"
