#!/usr/bin/env bash
# Regenerates testdata/schema.sql (from testdata/gen/schema.sql) and
# testdata/sample.sql: a plain pg_dump of the generated sample at scale
# 0.01, loaded into a throwaway PostgreSQL. Run from anywhere:
#   testdata/make-sample.sh            # SCALE=0.01 SEED=<generator default>
# Same scale, seed and pg_dump version give the same file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scale=${SCALE:-0.01}
seed_args=()
[ -n "${SEED:-}" ] && seed_args=(-seed "$SEED")

# shellcheck source=../scripts/pg.sh
source scripts/pg.sh
pg_start

go build -o "$PGVEIL_PG_DIR/gen" ./testdata/gen
"$PGVEIL_PG_DIR/gen" -schema-only >testdata/schema.sql.tmp
mv testdata/schema.sql.tmp testdata/schema.sql

createdb pgveil_sample
"$PGVEIL_PG_DIR/gen" -scale "$scale" "${seed_args[@]}" |
	psql -X -q -v ON_ERROR_STOP=1 -d pgveil_sample >/dev/null

# pg_dump writes a random \restrict key unless given one; a fixed key keeps
# the file reproducible (older pg_dump versions have neither).
restrict=()
if [[ $(pg_dump --help) == *--restrict-key* ]]; then # no grep -q: SIGPIPE under pipefail
	restrict=(--restrict-key=pgveilsample)
fi
pg_dump --no-owner --no-privileges "${restrict[@]}" -d pgveil_sample -f testdata/sample.sql.tmp
mv testdata/sample.sql.tmp testdata/sample.sql
echo "make-sample: wrote testdata/schema.sql and testdata/sample.sql ($(wc -c <testdata/sample.sql) bytes, scale $scale)" >&2
