#!/usr/bin/env bash
# Benchmark of the proxy, every figure measured in the same run against the
# same server:
#   1. pgbench -S -M simple|prepared: direct, through PgBouncer (session
#      pooling, i.e. transaction pooling off) and through pgveil;
#   2. a bulk read of 10^6 rows with 4 masked columns, direct vs pgveil, in
#      text and in binary result format;
#   3. resident memory per idle connection, pgveil and PgBouncer.
# pgveil runs with its audit log on (JSON to a file), as in production.
# Not run by CI.
#
#   bash bench/proxy.sh [SECONDS] [CLIENTS] [RUNS]   # default 20 s, 4 clients, 3 runs
#
# Prints Markdown to append to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
clients=${2:-4}
runs=${3:-3}
idle_n=200
source bench/lib.sh
if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
	echo "proxy.sh: installing pgbouncer" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >&2
fi
pgbouncer_bin=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
pg_start
out=$(mktemp -d /tmp/pgveil-bench.XXXXXX)
chmod 755 "$out"
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$out"
	pg_stop
}
trap cleanup EXIT
build_pgveil "$out"
go build -o "$out/proxyload" ./bench/proxyload
export PGVEIL_KEY="bench-key-0123456789abcdef"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wait_port() {
	for _ in $(seq 1 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
	done
	echo "proxy.sh: nothing listens on port $1" >&2
	return 1
}

db=bench_proxy
psql -X -q -c "CREATE DATABASE $db" >/dev/null
pgbench -i -q -s 10 -d "$db" >/dev/null 2>&1
psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL'
CREATE TABLE people AS
SELECT g AS id,
       'person' || g || '@example.com' AS email,
       '+39 06 ' || lpad(g::text, 7, '0') AS phone,
       (ARRAY['Maria','Giuseppe','Anna','Luca','Sofia','Marco'])[1 + g % 6] AS first_name,
       lpad((g::bigint * 7919 % 100000000)::text, 8, '0') AS customer_code,
       now() - g * interval '1 minute' AS created_at
FROM generate_series(1, 1000000) g;
ALTER TABLE people ADD PRIMARY KEY (id);
VACUUM ANALYZE;
SQL
direct="postgres://$PGUSER:$PGPASSWORD@127.0.0.1:$PGPORT/$db?sslmode=disable"

# pgveil: the bench tables' columns are all classified.
pport=$(pg_free_port)
cat >"$out/pgveil.yaml" <<YAML
version: 1
key: {env: PGVEIL_KEY}
unlisted: mask
locale: it
tables:
  public.people:
    columns: {id: keep, email: email, phone: phone, first_name: first_name, customer_code: digits, created_at: keep}
  public.pgbench_accounts:
    columns: {aid: keep, bid: keep, abalance: keep, filler: keep}
  public.pgbench_branches:
    columns: {bid: keep, bbalance: keep, filler: keep}
  public.pgbench_tellers:
    columns: {tid: keep, bid: keep, tbalance: keep, filler: keep}
  public.pgbench_history:
    columns: {tid: keep, bid: keep, aid: keep, delta: keep, mtime: keep, filler: keep}
proxy:
  listen: 127.0.0.1:$pport
  upstream: postgres://$PGUSER@127.0.0.1:$PGPORT/$db?sslmode=disable
  password_env: PGPASSWORD
  max_connections: 1000
  users:
    - {name: bench, password: bench-secret}
YAML
"$out/pgveil" --log-format json proxy -c "$out/pgveil.yaml" 2>"$out/pgveil.log" &
veil_pid=$!
pids+=("$veil_pid")
wait_port "$pport" || { tail -20 "$out/pgveil.log" >&2; exit 1; }
veil="postgres://bench:bench-secret@127.0.0.1:$pport/$db?sslmode=disable"

# PgBouncer in session pooling, with the same upstream credential.
bport=$(pg_free_port)
printf '"%s" "%s"\n' "$PGUSER" "$PGPASSWORD" >"$out/userlist.txt"
cat >"$out/pgbouncer.ini" <<INI
[databases]
$db = host=127.0.0.1 port=$PGPORT dbname=$db
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bport
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $out/userlist.txt
pool_mode = session
max_client_conn = 1000
default_pool_size = 300
logfile = $out/pgbouncer.log
pidfile =
INI
runas=()
if [ "$(id -u)" -eq 0 ]; then
	chown -R postgres "$out"
	runas=(runuser -u postgres --)
fi
"${runas[@]}" "$pgbouncer_bin" "$out/pgbouncer.ini" >/dev/null 2>&1 &
pids+=("$!")
wait_port "$bport"
bouncer="postgres://$PGUSER:$PGPASSWORD@127.0.0.1:$bport/$db?sslmode=disable"
bouncer_pid=$(pgrep -n -f "pgbouncer $out/pgbouncer.ini")

cputicks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
tck=$(getconf CLK_TCK)
# tps MODE DSN [PID]: pgbench's tps; with PID, also that process's CPU
# time per transaction in µs (in $cpu_us).
tps() {
	local before after res
	[ -n "${3:-}" ] && before=$(cputicks "$3")
	res=$(pgbench -S -n -M "$1" -c "$clients" -j 2 -T "$secs" "$2" 2>&1 |
		awk '/^tps = / {print $3} /number of failed transactions: [1-9]/ {print "FAILED" > "/dev/stderr"}')
	if [ -n "${3:-}" ]; then
		after=$(cputicks "$3")
		cpu_us=$(echo "scale=1; ($after - $before) * 1000000 / $tck / ($res * $secs)" | bc)
	fi
	echo "$res"
}

echo
echo "### pgveil proxy — $(date -u +%F)"
echo "- command: \`bash bench/proxy.sh $secs $clients $runs\`"
echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), PostgreSQL $(postgres --version | awk '{print $3}'), $("$pgbouncer_bin" --version | head -1)"
echo "- pgbench scale 10, $clients clients, 2 threads, $secs s per run, median of $runs runs; runs of the three targets interleaved"
echo
echo "| pgbench -S | direct (tps) | PgBouncer (tps) | pgveil (tps) | pgveil / PgBouncer | pgveil / direct | PgBouncer / direct | CPU per transaction, PgBouncer / pgveil (µs) |"
echo "|---|---|---|---|---|---|---|---|"
for mode in simple prepared; do
	declare -a td=() tb=() tv=() cb=() cv=()
	for i in $(seq 1 "$runs"); do
		td+=("$(tps "$mode" "$direct")")
		tps "$mode" "$bouncer" "$bouncer_pid" >"$out/r"; tb+=("$(cat "$out/r")"); cb+=("$cpu_us")
		tps "$mode" "$veil" "$veil_pid" >"$out/r"; tv+=("$(cat "$out/r")"); cv+=("$cpu_us")
		echo "-M $mode run $i: direct ${td[-1]}, pgbouncer ${tb[-1]} (${cb[-1]} µs CPU/tx), pgveil ${tv[-1]} (${cv[-1]} µs CPU/tx)" >&2
	done
	d=$(median "${td[@]}"); b=$(median "${tb[@]}"); v=$(median "${tv[@]}")
	echo "| -M $mode | $d | $b | $v | $(echo "scale=2; $v / $b" | bc) | $(echo "scale=2; $v / $d" | bc) | $(echo "scale=2; $b / $d" | bc) | $(median "${cb[@]}") / $(median "${cv[@]}") |"
done

echo
echo "| bulk read, 10^6 rows, 4 masked columns | direct (s) | pgveil (s) | ratio |"
echo "|---|---|---|---|"
q="SELECT id, email, phone, first_name, customer_code, created_at FROM people"
for fmt in text binary; do
	flag=""
	[ "$fmt" = binary ] && flag=-binary
	declare -a bd=() bv=()
	for i in $(seq 1 "$runs"); do
		read -r rd _ sd <<<"$("$out/proxyload" bulk -dsn "$direct" -query "$q" $flag)"
		read -r rv _ sv <<<"$("$out/proxyload" bulk -dsn "$veil" -query "$q" $flag)"
		[ "$rd" = 1000000 ] && [ "$rv" = 1000000 ] || { echo "proxy.sh: bulk read returned $rd/$rv rows" >&2; exit 1; }
		bd+=("$sd"); bv+=("$sv")
		echo "bulk $fmt run $i: direct $sd s, pgveil $sv s" >&2
	done
	d=$(median "${bd[@]}"); v=$(median "${bv[@]}")
	echo "| $fmt | $d | $v | $(echo "scale=2; $v / $d" | bc) |"
done

echo
echo "| $idle_n idle connections | RSS before (KiB) | RSS after (KiB) | per connection (KiB) |"
echo "|---|---|---|---|"
for target in pgveil PgBouncer; do
	if [ $target = pgveil ]; then dsn=$veil; pid=$veil_pid; else dsn=$bouncer; pid=$bouncer_pid; fi
	read -r before after n <<<"$("$out/proxyload" idle -dsn "$dsn" -n "$idle_n" -pid "$pid")"
	echo "| $target | $before | $after | $(( (after - before) / n )) |"
done
echo
echo "- targets: pgveil ≥ PgBouncer's tps in both modes, aiming at 0.8 of direct with -M prepared; bulk ratio ≤ 1.5; < 100 KB per idle connection"
echo "- pgveil audit events written: $(grep -c '"statement"' "$out/pgveil.log" || true)"
