# shellcheck shell=bash
# Throwaway PostgreSQL for tests and benchmarks. Source this file, then:
#   pg_start            # initdb + pg_ctl on a free loopback port, scram auth
#   echo "$PGVEIL_TEST_DSN"
#   pg_stop             # also runs on EXIT when pg_start installed the trap
# The server binaries are installed with apt-get when missing.

pg_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

pg_install() {
	if pg_bindir >/dev/null && command -v psql >/dev/null && command -v pg_dump >/dev/null; then
		return 0
	fi
	echo "pg.sh: PostgreSQL server binaries missing; installing with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq >&2 || return 1
	$sudo apt-get install -y -qq postgresql postgresql-contrib >&2 || return 1
	pg_bindir >/dev/null
}

pg_free_port() {
	local p
	for p in $(shuf -i 20000-40000 -n 50); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# pg_start exports PGVEIL_TEST_DSN, PGVEIL_PG_BIN, PGVEIL_PG_DIR, PGHOST/PGPORT/PGUSER/PGPASSWORD.
pg_start() {
	pg_install || { echo "pg.sh: cannot install PostgreSQL" >&2; return 1; }
	local bin dir port runas=()
	bin=$(pg_bindir)
	dir=$(mktemp -d /tmp/pgveil-pg.XXXXXX)
	port=$(pg_free_port) || { echo "pg.sh: no free port" >&2; return 1; }
	# initdb refuses to run as root: run the server as an unprivileged user.
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
		chown postgres "$dir"
		chmod 700 "$dir"
		runas=(runuser -u postgres --)
	fi
	local pwfile="$dir/pw"
	local pw="pgveil-test-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
	printf '%s\n' "$pw" >"$pwfile"
	[ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
	"${runas[@]}" "$bin/initdb" -D "$dir/data" -U pgveil --pwfile="$pwfile" \
		--auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; return 1; }
	rm -f "$pwfile"
	"${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=256MB" \
		start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
	export PGVEIL_PG_BIN="$bin" PGVEIL_PG_DIR="$dir"
	export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=pgveil PGPASSWORD="$pw" PGDATABASE=postgres
	export PGVEIL_TEST_DSN="postgres://pgveil:$pw@127.0.0.1:$port/postgres?sslmode=disable"
	export PATH="$bin:$PATH"
	trap pg_stop EXIT
	echo "pg.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)" >&2
}

pg_stop() {
	[ -n "${PGVEIL_PG_DIR:-}" ] || return 0
	local runas=()
	[ "$(id -u)" -eq 0 ] && runas=(runuser -u postgres --)
	"${runas[@]}" "$PGVEIL_PG_BIN/pg_ctl" -D "$PGVEIL_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$PGVEIL_PG_DIR"
	unset PGVEIL_PG_DIR
}
