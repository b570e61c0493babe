#!/usr/bin/env bash
# Benchmark and measurement of free-text scrubbing, as Markdown to append to
# bench/RESULTS.md. Not run by CI.
#   - scrub over a 200-byte ticket with names (target ≤ 5 µs) and over plain
#     prose, median of COUNT runs;
#   - memory of the known-name index per indexed value (10^6 names);
#   - recall per locale and kind on the generator's labelled sample at scale 1
#     (TestScrubRecall against a throwaway PostgreSQL).
#
#   bash bench/scrub.sh [COUNT]     # default 5
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5}
raw=$(mktemp)
table=$(mktemp)
trap 'rm -f "$raw" "$table"' EXIT
go test ./anonymize -run '^$' -bench '^BenchmarkScrub(Names|Prose)200$' -benchmem -count "$count" >"$raw"
go test ./anonymize -run '^$' -bench '^BenchmarkKnownNamesIndex$' -benchtime 1x >>"$raw"
echo
echo "### Free text — $(date -u +%F)"
echo "- command: \`bash bench/scrub.sh $count\`"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | awk '{print $3}')"
echo
echo "| benchmark | median | target |"
echo "|---|---|---|"
for b in ScrubNames200 ScrubProse200; do
	med=$(awk -v b="Benchmark$b" '$1 ~ "^"b"-" {print $3}' "$raw" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
	echo "| $b | $med ns | ≤ 5000 ns |"
done
awk '/^BenchmarkKnownNamesIndex/ {for (i=1;i<=NF;i++) if ($i=="heap-B/value") h=$(i-1); else if ($i=="est-B/value") e=$(i-1)}
	END {print "| known-name index, 10^6 names | " h " B per value measured (" e " estimated) | – |"}' "$raw"
source scripts/pg.sh
pg_start >&2
CI=true PGVEIL_RECALL_OUT="$table" go test -count=1 ./cmd/pgveil -run '^TestScrubRecall$' >&2 || true
echo
cat "$table"
