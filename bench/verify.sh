#!/usr/bin/env bash
# Benchmark: `pgveil verify` on a `pgveil dump -o x.sql.zst` of the sample
# database against `zstd -d -c x.sql.zst | wc -c` (the cost of just reading
# the file), measured in the same run on the same file, with pgveil's peak
# RSS. Not run by CI (timings are never asserted).
#
#   bash bench/verify.sh [SCALE] [RUNS]     # default scale 1, 3 runs
#
# verify's time includes reading the original values from the database;
# the "scan" column is its summary's duration minus index_duration.
# Prints a Markdown table to append to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
runs=${2:-3}
source bench/lib.sh
bench_start

echo "loading scale $scale ..." >&2
psql -X -q -c "CREATE DATABASE bench" >/dev/null
"$out/gen" -scale "$scale" | psql -X -q -v ON_ERROR_STOP=1 -d bench >/dev/null
dsn="postgres://$PGUSER@$PGHOST:$PGPORT/bench"
"$out/pgveil" --log-format json dump -c testdata/pgveil.yaml --dsn "$dsn" -o "$out/x.sql.zst" 2>"$out/dump.log"

now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { grep '"verify complete"' "$1" | sed -E "s/.*\"$2\":([0-9.]+).*/\\1/"; }
declare -a tz tv ts rss
for i in $(seq 1 "$runs"); do
	t0=$(now)
	bytes=$(zstd -d -c "$out/x.sql.zst" | wc -c)
	t1=$(now)
	# Exit 1 (findings) still measures a full scan; 2 is a failure.
	rc=0
	/usr/bin/time -f '%M' -o "$out/rss" "$out/pgveil" --log-format json verify -c testdata/pgveil.yaml --dsn "$dsn" \
		-i "$out/x.sql.zst" >"$out/findings" 2>"$out/log" || rc=$?
	t2=$(now)
	if [ "$rc" -gt 1 ]; then cat "$out/log" >&2; exit 1; fi
	scan_ms=$(echo "$(field "$out/log" duration) - $(field "$out/log" index_duration)" | bc)
	tz+=("$(echo "$t1 - $t0" | bc)"); tv+=("$(echo "$t2 - $t1" | bc)"); ts+=("$(echo "scale=3; $scan_ms / 1000" | bc)")
	rss+=("$(tail -1 "$out/rss")")
	echo "run $i: zstd -d | wc -c ${tz[-1]} s, pgveil verify ${tv[-1]} s (scan ${ts[-1]} s, exit $rc), peak RSS ${rss[-1]} KB" >&2
done
mz=$(median "${tz[@]}"); mv=$(median "${tv[@]}"); ms=$(median "${ts[@]}")
cat <<MD

### pgveil verify vs zstd -d | wc -c — $(date -u +%F)
- command: \`bash bench/verify.sh $scale $runs\`
- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), PostgreSQL $(postgres --version | awk '{print $3}')
- data: scale $scale, dump $(( bytes / 1024 / 1024 )) MiB decompressed, $(( $(stat -c %s "$out/x.sql.zst") / 1024 / 1024 )) MiB .zst; $(field "$out/log" values_indexed) values indexed, $(wc -l <"$out/findings") findings

| zstd -d \| wc -c (s) | pgveil verify (s) | of which scan (s) | ratio verify / zstd | ratio scan / zstd | peak RSS (MiB) |
|---|---|---|---|---|---|
| $mz | $mv | $ms | $(echo "scale=2; $mv / $mz" | bc) | $(echo "scale=2; $ms / $mz" | bc) | $(( $(median "${rss[@]}") / 1024 )) |
- each figure is the median of $runs runs
MD
