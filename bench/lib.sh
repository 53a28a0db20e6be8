# lib.sh — what the page benchmarks share (sourced by goals_list.sh and roadmap.sh): tool checks, how busy
# the CPUs are, serving a workspace and signing in, measuring a page with wrk warm, the peers (Fossil's
# ticket report, nginx on the same bytes), medians and ratios.
# The caller sets ROOT, TANDEM, PEERS, PORT, THREADS, RUNS, OUT and NAME before sourcing.
WRK_ARGS=(-t2 -c8 -d5s --latency) # the peer scripts run wrk with exactly these settings
FOSSIL_PORT=$((PORT + 1))
NGINX_PORT=$((PORT + 2))
BASE=http://127.0.0.1:$PORT

die() { echo "$NAME: $*" >&2; exit 1; }

bench_check_tools() {
	for tool in wrk curl sqlite3 fossil nginx; do
		command -v $tool >/dev/null 2>&1 || die "$tool is missing (sh tools/install-deps.sh installs it)"
	done
	[ -x "$TANDEM" ] || die "$TANDEM is missing; run make first"
	[ -f "$PEERS/fossil_peer.sh" ] && [ -f "$PEERS/static_limit.sh" ] || die "no peer scripts in $PEERS (set PEERS=DIR)"
	mkdir -p "$OUT"
}

server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=; return 0; }
trap cleanup EXIT

# Other work on the machine skews every number: how busy the CPUs are for one second before starting (the
# load average would still count a previous run) into $busy, with a warning over 20%.
bench_cpu_busy() {
	cpu_sample() { awk '/^cpu /{ print $2 + $3 + $4 + $5 + $6 + $7 + $8, $5 + $6 }' /proc/stat; }
	read -r total0 idle0 < <(cpu_sample); sleep 1; read -r total1 idle1 < <(cpu_sample)
	busy=$(awk -v t=$((total1 - total0)) -v i=$((idle1 - idle0)) 'BEGIN { printf "%d", (t > 0 ? 100 * (t - i) / t : 0) }')
	if [ "$busy" -gt 20 ]; then
		echo "$NAME: warning: the CPUs were ${busy}% busy before the run; the results will be noisy" >&2
	fi
}

# Serve DB and sign in as the demo's PM: sets server_pid and cookie.
bench_serve() {
	local db=$1
	shift
	"$TANDEM" serve --db "$db" --port "$PORT" --threads "$THREADS" --quiet "$@" >"$OUT/serve.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 50); do
		curl -sf "$BASE/healthz" >/dev/null 2>&1 && break
		kill -0 "$server_pid" 2>/dev/null || die "tandem serve exited; see $OUT/serve.log"
		sleep 0.1
	done
	curl -sf "$BASE/healthz" >/dev/null || die "tandem did not answer on $BASE/healthz"
	cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
		-d '{"email":"pm@demo.tandem","password":"tandem-demo"}' "$BASE/api/v1/session" |
		tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(tandem_session=[^;]*\).*/\1/p')
	[ -n "$cookie" ] || die "could not sign in as pm@demo.tandem"
}

# bench_fetch PATH FILE: the page once with the session into FILE; stops unless it answers 200.
bench_fetch() {
	local status
	status=$(curl -s -o "$2" -w '%{http_code}' -H "Cookie: $cookie" "$BASE$1")
	[ "$status" = 200 ] || die "GET $1 answered $status, not 200 (its body is in $2)"
}

# wrk prints latencies as 512.00us, 1.20ms or 1.02s: normalised to milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
	f = u == "us" ? 0.001 : u == "ms" ? 1 : u == "s" ? 1000 : u == "m" ? 60000 : 0;
	if (f == 0) print "?"; else printf "%.2f", n * f }'; }
# One run's result as "req/s p50ms p99ms", from wrk's own output or a peer script's last line.
from_wrk() { echo "$(awk '/Requests\/sec/{print $2}' "$1") $(ms "$(awk '$1=="50%"{print $2}' "$1")") $(ms "$(awk '$1=="99%"{print $2}' "$1")")"; }
field() { tail -n 1 "$1" | tr ' ' '\n' | sed -n "s|^$2=||p"; }
from_peer() { echo "$(field "$1" 'req/s') $(ms "$(field "$1" p50)") $(ms "$(field "$1" p99)")"; }
# The run with the median req/s out of a file of runs.
median() { sort -n -k1,1 "$1" | sed -n "$(( ($(wc -l <"$1") + 1) / 2 ))p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.3g", a / b; else print "?" }'; }
each() { awk '{ printf "%s%s", (NR > 1 ? " " : ""), $1 }' "$1"; }

# bench_tandem PATH TAG: 2 s of warm-up that are not counted (a long-running server is measured warm, as it
# runs in use), then RUNS measured runs into $OUT/TAG.runs; any non-2xx answer under load stops the script.
bench_tandem() {
	wrk -t2 -c8 -d2s -H "Cookie: $cookie" "$BASE$1" >"$OUT/wrk-$2-warmup.txt" 2>&1 || die "wrk failed; see $OUT/wrk-$2-warmup.txt"
	: >"$OUT/$2.runs"
	for r in $(seq "$RUNS"); do
		wrk "${WRK_ARGS[@]}" -H "Cookie: $cookie" "$BASE$1" >"$OUT/wrk-$2-$r.txt" 2>&1 || die "wrk failed; see $OUT/wrk-$2-$r.txt"
		grep -q 'Non-2xx' "$OUT/wrk-$2-$r.txt" && die "some answers under load were not 2xx; see $OUT/wrk-$2-$r.txt"
		from_wrk "$OUT/wrk-$2-$r.txt" >>"$OUT/$2.runs"
	done
}

# bench_peer TAG SCRIPT ARGS...: a peer script of $PEERS, RUNS times, each output in $OUT/TAG-N.txt, into $OUT/TAG.runs.
bench_peer() {
	local tag=$1 script=$2
	shift 2
	: >"$OUT/$tag.runs"
	for r in $(seq "$RUNS"); do
		bash "$PEERS/$script" "$@" >"$OUT/$tag-$r.txt" 2>&1 || die "the peer $script failed; see $OUT/$tag-$r.txt"
		from_peer "$OUT/$tag-$r.txt" >>"$OUT/$tag.runs"
	done
}
# bench_fossil N: Fossil's ticket report with N tickets, into $OUT/fossil.runs.
bench_fossil() { bench_peer fossil fossil_peer.sh "$1" "$FOSSIL_PORT"; }
# bench_nginx FILE TAG: nginx serving FILE's bytes as a static file, into $OUT/TAG.runs.
bench_nginx() { bench_peer "$2" static_limit.sh "$1" "$NGINX_PORT"; }

# bench_row LABEL BYTES TAG: one line of the table, the median run of $OUT/TAG.runs.
bench_row() {
	local rps p50 p99
	read -r rps p50 p99 < <(median "$OUT/$3.runs")
	[ -n "$rps" ] || die "could not read a result for $1; see the files in $OUT"
	printf '%-40s %10s %10s %10s %10s\n' "$1" "$2" "$rps" "$p50" "$p99"
}
bench_header() { printf '%-40s %10s %10s %10s %10s\n' "server" "bytes" "req/s" "p50 ms" "p99 ms"; }
# bench_ratio LABEL TAG_A TAG_B: req/s and p99 of A's median run over B's.
bench_ratio() {
	local a_rps a_p50 a_p99 b_rps b_p50 b_p99
	read -r a_rps a_p50 a_p99 < <(median "$OUT/$2.runs")
	read -r b_rps b_p50 b_p99 < <(median "$OUT/$3.runs")
	echo "$1: req/s x$(ratio "$a_rps" "$b_rps"), p99 x$(ratio "$a_p99" "$b_p99")"
}
