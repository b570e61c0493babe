#!/usr/bin/env bash
# Benchmark: cost per value of every mask (go test -bench), as a Markdown
# table to append to bench/RESULTS.md. Not run by CI.
#
#   bash bench/masks.sh [COUNT]     # default 5 repetitions, median reported
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5}
raw=$(mktemp)
trap 'rm -f "$raw"' EXIT
go test ./anonymize -run '^$' -bench '^Benchmark(Mask|Scrub|JSON)' -benchmem -count "$count" >"$raw"
echo
echo "### Masks, ns per value — $(date -u +%F)"
echo "- command: \`bash bench/masks.sh $count\` (median of $count runs)"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | awk '{print $3}')"
echo "- targets: ≤ 1000 ns per value for every mask but scrub and json; scrub ≤ 5000 ns for a 200-byte text"
echo
echo "| benchmark | ns/op (median) | allocs/op | target | met |"
echo "|---|---|---|---|---|"
# name ns allocs per line, grouped by name and sorted by ns, then the median of each group.
awk '/^Benchmark/ {
	name=$1; sub(/-[0-9]+$/, "", name); al="-"
	for (i = 4; i < NF; i++) if ($(i+1) == "allocs/op") al=$i
	print name, $3, al
}' "$raw" | sort -k1,1 -k2,2n | awk '
function flush() {
	if (n == 0) return
	m = v[int((n+1)/2)]
	target = 1000
	if (cur ~ /Scrub/) target = 5000
	if (cur ~ /JSON/) target = "-"
	met = (target == "-") ? "n/a" : (m + 0 <= target ? "yes" : "NO")
	printf "| %s | %.0f | %s | %s | %s |\n", cur, m, al, target, met
}
$1 != cur { flush(); cur = $1; n = 0 }
{ v[++n] = $2; al = $3 }
END { flush() }'
