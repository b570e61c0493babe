#!/usr/bin/env bash
# Runs one benchmark script for two builds in the same session, alternating
# them, so a change is judged against the commit before it on the same
# machine and load:
#
#   bash bench/compare.sh REV SCRIPT [ARGS...]   # e.g. bash bench/compare.sh HEAD~1 bench/proxy.sh 10 4 1
#
# REV is built in a temporary worktree; the working tree's build is "new".
# Each build runs ROUNDS times (default 2), in the order old, new, old, new.
# Prints each run's Markdown, labelled.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=$1
shift
script=$1
shift
rounds=${ROUNDS:-2}
tmp=$(mktemp -d /tmp/pgveil-compare.XXXXXX)
cleanup() {
	git worktree remove --force "$tmp/old" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
git worktree add -q --detach "$tmp/old" "$rev"
(cd "$tmp/old" && go build -o "$tmp/pgveil-old" ./cmd/pgveil)
go build -o "$tmp/pgveil-new" ./cmd/pgveil
for i in $(seq 1 "$rounds"); do
	for build in old new; do
		echo "#### $build build ($([ "$build" = old ] && git rev-parse --short "$rev" || echo "working tree")), round $i"
		PGVEIL_BIN="$tmp/pgveil-$build" bash "$script" "$@"
	done
done
