#!/usr/bin/env bash
# The README's run command: builds and starts `pgveil demo` (a throwaway
# PostgreSQL with the sample data behind the proxy) in one command,
# installing the PostgreSQL server with apt-get first when it is missing.
# Extra arguments go to `pgveil demo` (e.g. --listen 127.0.0.1:7432).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh
pg_install || { echo "demo.sh: cannot install PostgreSQL" >&2; exit 1; }
exec go run ./cmd/pgveil demo "$@"
