#!/usr/bin/env bash
# Benchmark: `pg_dump > file` against `pg_dump | pgveil anonymize > file` on
# the sample database, measured in the same run against the same server, and
# the peak RSS of pgveil. Not run by CI (timings are never asserted).
#
#   bash bench/anonymize.sh [SCALE] [RUNS]     # default scale 100 (~1 GB), 3 runs
#
# Prints a Markdown table to append to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-100}
runs=${2:-3}
source bench/lib.sh
bench_start

echo "loading scale $scale ..." >&2
psql -X -q -c "CREATE DATABASE bench" >/dev/null
start=$(date +%s)
"$out/gen" -scale "$scale" | psql -X -q -v ON_ERROR_STOP=1 -d bench >/dev/null
echo "loaded in $(( $(date +%s) - start )) s" >&2
size=$(psql -X -tA -d bench -c "SELECT pg_size_pretty(sum(pg_table_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'")

now() { date +%s.%N; }
declare -a plain anon rss
for i in $(seq 1 "$runs"); do
	t0=$(now)
	pg_dump -d bench --no-owner --no-privileges -f "$out/plain.sql"
	t1=$(now)
	# pgveil runs under /usr/bin/time for its peak RSS; pipefail catches either side failing.
	pg_dump -d bench --no-owner --no-privileges |
		/usr/bin/time -f '%M' -o "$out/rss" "$out/pgveil" --log-format json anonymize -c testdata/pgveil.yaml -o "$out/anon.sql" 2>"$out/log"
	t2=$(now)
	plain+=("$(echo "$t1 - $t0" | bc)")
	anon+=("$(echo "$t2 - $t1" | bc)")
	rss+=("$(cat "$out/rss")")
	echo "run $i: pg_dump ${plain[-1]} s, pg_dump|pgveil ${anon[-1]} s, pgveil peak RSS ${rss[-1]} KB" >&2
done
bytes=$(stat -c %s "$out/plain.sql")
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mp=$(median "${plain[@]}")
ma=$(median "${anon[@]}")
mr=$(median "${rss[@]}")
ratio=$(echo "scale=3; $ma / $mp" | bc)
cat <<EOF

### pg_dump vs pg_dump | pgveil anonymize — $(date -u +%F)
- command: \`bash bench/anonymize.sh $scale $runs\`
- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), PostgreSQL $(postgres --version | awk '{print $3}')
- data: scale $scale, table data $size, plain dump $(( bytes / 1024 / 1024 )) MiB

| run | pg_dump > file (s) | pg_dump \| pgveil anonymize > file (s) | pgveil peak RSS (MiB) |
|---|---|---|---|
$(for i in $(seq 0 $((runs - 1))); do echo "| $((i + 1)) | ${plain[$i]} | ${anon[$i]} | $(( ${rss[$i]} / 1024 )) |"; done)
- median wall-time ratio (pgveil / pg_dump): **$ratio** (target ≤ 1.3)
- median peak RSS of pgveil: **$(( mr / 1024 )) MiB** (target < 64 MiB)
- summary log of the last run: \`$(tail -1 "$out/log")\`
EOF
