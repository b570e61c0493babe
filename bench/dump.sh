#!/usr/bin/env bash
# Benchmark: `pg_dump -f x.sql` against `pgveil dump -o x.sql` (--jobs 1 and
# --jobs 2) on the sample database at each given scale, all measured in the
# same run against the same server, with pgveil's peak RSS. Not run by CI.
#
#   bash bench/dump.sh [RUNS] [SCALE...]     # default 3 runs, scales 10 100
#
# Prints Markdown to append to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(10 100)
source bench/lib.sh
bench_start
now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo
echo "### pgveil dump vs pg_dump — $(date -u +%F)"
echo "- command: \`bash bench/dump.sh $runs ${scales[*]}\`"
echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), PostgreSQL $(postgres --version | awk '{print $3}')"
echo "- each figure is the median of $runs runs; all commands write a plain SQL file on the same disk"
echo
echo "| scale | table data | pg_dump -f (s) | pgveil dump -j1 (s) | ratio j1/pg_dump | pgveil dump -j2 (s) | ratio j2/j1 | peak RSS j1 (MiB) | peak RSS j2 (MiB) |"
echo "|---|---|---|---|---|---|---|---|---|"
for scale in "${scales[@]}"; do
	db="bench_$(echo "$scale" | tr . _)"
	psql -X -q -c "CREATE DATABASE $db" >/dev/null
	"$out/gen" -scale "$scale" | psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null
	psql -X -q -d "$db" -c "VACUUM ANALYZE" >/dev/null
	size=$(psql -X -tA -d "$db" -c "SELECT pg_size_pretty(sum(pg_table_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'")
	dsn="postgres://$PGUSER@$PGHOST:$PGPORT/$db"
	declare -a tp=() t1=() t2=() r1=() r2=()
	for i in $(seq 1 "$runs"); do
		a=$(now); pg_dump -d "$dsn" --no-owner --no-privileges -f "$out/plain.sql"; b=$(now)
		/usr/bin/time -f '%M' -o "$out/rss1" "$out/pgveil" --log-format json dump -c testdata/pgveil.yaml --dsn "$dsn" -o "$out/j1.sql" 2>"$out/log1"; c=$(now)
		/usr/bin/time -f '%M' -o "$out/rss2" "$out/pgveil" --log-format json dump -c testdata/pgveil.yaml --dsn "$dsn" --jobs 2 -o "$out/j2.sql" 2>"$out/log2"; d=$(now)
		tp+=("$(echo "$b - $a" | bc)"); t1+=("$(echo "$c - $b" | bc)"); t2+=("$(echo "$d - $c" | bc)")
		r1+=("$(tail -1 "$out/rss1")"); r2+=("$(tail -1 "$out/rss2")")
		echo "scale $scale run $i: pg_dump ${tp[-1]} s, j1 ${t1[-1]} s, j2 ${t2[-1]} s, rss ${r1[-1]}/${r2[-1]} KB" >&2
	done
	mp=$(median "${tp[@]}"); m1=$(median "${t1[@]}"); m2=$(median "${t2[@]}")
	echo "| $scale | $size | $mp | $m1 | $(echo "scale=2; $m1 / $mp" | bc) | $m2 | $(echo "scale=2; $m2 / $m1" | bc) | $(( $(median "${r1[@]}") / 1024 )) | $(( $(median "${r2[@]}") / 1024 )) |"
	psql -X -q -c "DROP DATABASE $db" >/dev/null
done
echo
echo "- targets: ratio pgveil dump / pg_dump ≤ 1.25; peak RSS < 100 MiB and independent of table size"
echo "- last summary log: \`$(tail -1 "$out/log1")\`"
