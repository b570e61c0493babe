#!/usr/bin/env bash
# Mutation check of the proxy's leak tests: in a copy of the working tree,
# break masking on purpose and require TestLeaks to fail in every protocol
# (simple, extended text, extended binary). A leak suite that still passes
# with masking switched off tests nothing. Each mutation is one edit:
#   relay  - the relay sends each row's original values instead of the masked ones;
#   plan   - the column decision passes every result column through unmasked.
# Needs PGVEIL_TEST_DSN (scripts/pg.sh's pg_start sets it); scripts/test.sh
# runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGVEIL_TEST_DSN:?start PostgreSQL first (source scripts/pg.sh; pg_start)}"
tmp=$(mktemp -d /tmp/pgveil-mutation.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

mutate() { # name file perl-substitution
	local name=$1 file=$2 expr=$3 src="$tmp/$1"
	mkdir -p "$src"
	git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
		xargs -0 cp --parents -t "$src"
	if ! perl -0pi -e "$expr or die \"mutation $name does not apply to $file\\n\"" "$src/$file"; then
		exit 1
	fi
	if (cd "$src" && go test -count=1 -run '^TestLeaks$' ./proxy >"$tmp/$name.log" 2>&1); then
		echo "mutation $name: TestLeaks passed with masking broken" >&2
		exit 1
	fi
	for proto in simple extended-text extended-binary; do
		if ! grep -q "$proto protocol: canary reached the client" "$tmp/$name.log"; then
			echo "mutation $name: no leak reported in the $proto protocol" >&2
			tail -20 "$tmp/$name.log" >&2
			exit 1
		fi
	done
	echo "mutation $name: caught in simple, extended-text and extended-binary ($(grep -c 'canary reached the client' "$tmp/$name.log") leak reports)"
}

mutate relay proxy/relay.go 's/s\.row\.Values = out\n/s.row.Values, _ = m.Values, out\n/'
mutate plan proxy/plan.go 's/(func \(p planner\) planField\([^)]*\) fieldPlan \{\n)/$1\treturn fieldPlan{act: actPass}\n/'
