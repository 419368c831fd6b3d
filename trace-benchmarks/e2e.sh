#!/usr/bin/env bash
# End-to-end cost of fntrace in the sample app: the same build, started with tracing on and with
# tracing off in alternating runs, driven over loopback by wrk with GET /api/lots and
# POST /api/lots/{id}/bids (placeBid) from one signed-in session.
#
# Prints, per run and for the medians: throughput, the on/off throughput ratio, the added
# microseconds per request, the app's CPU time per request (from /proc/<pid>/stat) and the bytes
# it allocated per request (JFR's per-thread allocation totals, see e2e/AllocatedBytes.java), and
# fntrace's own share of the app's sampled CPU time and allocation (JFR samples charged to the
# innermost non-JDK frame, and, with what it calls, also the samples in the Micrometer, tracer
# and JDK code fntrace calls, see e2e/FnTraceShare.java): a measure that does not swing with the
# machine's load as throughput does.
#
# Settings (environment): PAIRS (on/off pairs, 4), DURATION (measured seconds per run, 10),
# WARMUP (seconds of load before measuring, 150: on 2 cores the C2 compiler still takes most of a
# core two minutes into a run), CONNECTIONS (concurrent clients, 2; each has its
# own lot, so its bids always rise), BUILD=1 (rebuild the sample jar even if one exists),
# OFF_ARGS (how tracing is switched off, "--fntrace.enabled=false" by default), ON_ARGS (extra
# arguments of the tracing-on runs, none by default; "--fntrace.observation.enabled=false"
# measures fntrace without its span export).
set -euo pipefail

PAIRS=${PAIRS:-4}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-150}
CONNECTIONS=${CONNECTIONS:-2}
BUILD=${BUILD:-0}
OFF_ARGS=${OFF_ARGS:---fntrace.enabled=false}
ON_ARGS=${ON_ARGS:-}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORK=$(mktemp -d)
APP_PID=""

stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 50); do
			kill -0 "$APP_PID" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$APP_PID" 2>/dev/null || true
	fi
	APP_PID=""
}
trap 'stop_app; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

need_wrk() {
	if command -v wrk >/dev/null; then
		return
	fi
	if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
		apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
	fi
	command -v wrk >/dev/null || { echo "e2e: wrk is needed (apt-get install wrk)" >&2; exit 1; }
}

sample_jar() {
	local jar
	jar=$(ls "$ROOT"/trace-sample-app/target/fntrace-sample-app-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
	if [[ -z "$jar" || "$BUILD" == "1" ]]; then
		echo "e2e: building the sample app" >&2
		(cd "$ROOT" && ./mvnw -B -ntp -q -pl trace-sample-app -am package -DskipTests) >&2
		jar=$(ls "$ROOT"/trace-sample-app/target/fntrace-sample-app-*.jar | grep -v '\.original$' | head -1)
	fi
	echo "$jar"
}

free_port() {
	local port
	for port in $(seq 18080 18180); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	echo "e2e: no free port in 18080-18180" >&2
	exit 1
}

# start_app <log> <args...>: starts the app on loopback; returns non-zero if it does not come up in 120 s
start_app() {
	local log=$1
	shift
	PORT=$(free_port)
	java -Xms512m -Xmx512m -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
		--logging.level.root=warn "$@" >"$log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 240); do
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			APP_PID=""
			return 1
		fi
		if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health" || true) == 200 ]]; then
			return 0
		fi
		sleep 0.5
	done
	stop_app
	return 1
}

# Signs in once with the login form and prints the session id: the API then reuses the session
# instead of paying for HTTP Basic on every request.
login() {
	local jar="$WORK/cookies" base="http://127.0.0.1:$PORT" csrf session
	rm -f "$jar"
	csrf=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=alice" --data-urlencode "password=password" \
		--data-urlencode "_csrf=$csrf" "$base/login"
	session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)
	if [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "$base/api/lots") != 200 ]]; then
		echo "e2e: the form login gave no usable session" >&2
		return 1
	fi
	echo "$session"
}

cat >"$WORK/load.lua" <<'LUA'
-- Half GET /api/lots, half POST /api/lots/{lot}/bids. Each wrk thread has one connection and
-- its own lot, and bids 1 more each time from the base amount it is given (a later wrk run on the
-- same app gets a higher base), so every bid is accepted.
local threads = 0
function setup(thread)
	threads = threads + 1
	thread:set("lot", threads)
end
function init(args)
	session = args[1]
	amount = tonumber(args[2])
	turn = 0
	headers = { ["Cookie"] = "JSESSIONID=" .. session, ["Content-Type"] = "application/json" }
end
function request()
	turn = turn + 1
	if turn % 2 == 1 then
		return wrk.format("GET", "/api/lots", headers)
	end
	amount = amount + 1
	return wrk.format("POST", "/api/lots/" .. lot .. "/bids", headers, '{"amount":' .. amount .. '}')
end
LUA

cpu_ticks() {
	# utime + stime of the whole process, in clock ticks (fields 14 and 15 after the command name)
	awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

# run <label> <args...>: one measured run; appends "label requests seconds cpu_us bytes latency_us non2xx"
run() {
	local label=$1
	shift
	local log="$WORK/app-$label-$RANDOM.log"
	if ! start_app "$log" "$@"; then
		echo "e2e: the app did not start with: $*" >&2
		grep -m 1 -A 8 'APPLICATION FAILED TO START' "$log" | sed 's/^/e2e:   /' >&2 || true
		return 1
	fi
	local session
	session=$(login)
	wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "${WARMUP}s" -s "$WORK/load.lua" "http://127.0.0.1:$PORT" -- "$session" 1000000 >/dev/null
	jcmd "$APP_PID" JFR.start name=alloc settings="$HERE/e2e/allocation.jfc" >/dev/null
	jcmd "$APP_PID" JFR.start name=share settings="$HERE/e2e/share.jfc" >/dev/null
	local cpu_before cpu_after out
	cpu_before=$(cpu_ticks "$APP_PID")
	out=$(wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "${DURATION}s" --latency -s "$WORK/load.lua" \
		"http://127.0.0.1:$PORT" -- "$session" 1000000000)
	cpu_after=$(cpu_ticks "$APP_PID")
	jcmd "$APP_PID" JFR.stop name=alloc filename="$WORK/alloc.jfr" >/dev/null
	jcmd "$APP_PID" JFR.stop name=share filename="$WORK/share.jfr" >/dev/null
	local bytes requests seconds latency errors share
	bytes=$(java "$HERE/e2e/AllocatedBytes.java" "$WORK/alloc.jfr")
	share=$(java "$HERE/e2e/FnTraceShare.java" "$WORK/share.jfr")
	requests=$(awk '/requests in/ { print $1 }' <<<"$out")
	seconds=$(awk '/requests in/ { v = $4; sub(/,$/, "", v); if (v ~ /ms$/) { sub(/ms$/, "", v); v /= 1000 } else if (v ~ /m$/) { sub(/m$/, "", v); v *= 60 } else { sub(/s$/, "", v) } print v }' <<<"$out")
	latency=$(awk '$1 == "Latency" && NF >= 4 { v = $2; if (v ~ /us$/) { sub(/us$/, "", v) } else if (v ~ /ms$/) { sub(/ms$/, "", v); v *= 1000 } else { sub(/s$/, "", v); v *= 1000000 } print v; exit }' <<<"$out")
	errors=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
	stop_app
	local tps cpu_us
	tps=$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')
	cpu_us=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v r="$requests" 'BEGIN { printf "%.0f", t * 1e6 / hz / r }')
	printf '%-4s %8s req/s  latency %7s us  cpu %5s us/req  alloc %7s B/req  non-2xx %s  fntrace %s%% of %s CPU samples, %s%% of sampled allocation; with what it calls %s%%, %s%%\n' \
		"$label" "$tps" "$latency" "$cpu_us" "$((bytes / requests))" "${errors:-0}" $share >&2
	if [[ "${errors:-0}" != 0 ]]; then
		echo "e2e: warning: $errors responses were not 2xx or 3xx in the '$label' run" >&2
	fi
	echo "$label $requests $seconds $((cpu_after - cpu_before)) $bytes $latency ${errors:-0} $share" >>"$WORK/results"
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

need_wrk
JAR=$(sample_jar)
echo "e2e: $JAR, $PAIRS on/off pairs, ${WARMUP}s warm-up + ${DURATION}s measured each, $CONNECTIONS connections" >&2
echo "e2e: $(java -version 2>&1 | head -1), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# tracing off is the same jar started with fntrace.enabled=false: no interceptor, no JDBC
# wrapper, nothing of fntrace on the request path
run_off() {
	run off $OFF_ARGS
}

# on, off, off, on, on, off, ...: a machine that speeds up or slows down during the runs
# favours neither side
for pair in $(seq 1 "$PAIRS"); do
	if ((pair % 2 == 1)); then
		run on $ON_ARGS
		run_off
	else
		run_off
		run on $ON_ARGS
	fi
done

HZ=$(getconf CLK_TCK)
for label in on off; do
	grep "^$label " "$WORK/results" | awk '{ printf "%.3f\n", $2 / $3 }' | median >"$WORK/$label.tps"
	grep "^$label " "$WORK/results" | awk -v hz="$HZ" '{ printf "%.1f\n", $4 * 1e6 / hz / $2 }' | median >"$WORK/$label.cpu"
	grep "^$label " "$WORK/results" | awk '{ printf "%.0f\n", $5 / $2 }' | median >"$WORK/$label.bytes"
done
grep "^on " "$WORK/results" | awk '{ print $8 }' | median >"$WORK/on.cpushare"
grep "^on " "$WORK/results" | awk '{ print $10 }' | median >"$WORK/on.allocshare"
grep "^on " "$WORK/results" | awk '{ print $11 }' | median >"$WORK/on.callsshare"
grep "^on " "$WORK/results" | awk '{ print $12 }' | median >"$WORK/on.callsallocshare"
awk -v on="$(cat "$WORK/on.tps")" -v off="$(cat "$WORK/off.tps")" \
	-v con="$(cat "$WORK/on.cpu")" -v coff="$(cat "$WORK/off.cpu")" \
	-v bon="$(cat "$WORK/on.bytes")" -v boff="$(cat "$WORK/off.bytes")" -v off_args="$OFF_ARGS" \
	-v cshare="$(cat "$WORK/on.cpushare")" -v ashare="$(cat "$WORK/on.allocshare")" \
	-v kshare="$(cat "$WORK/on.callsshare")" -v kashare="$(cat "$WORK/on.callsallocshare")" 'BEGIN {
	printf "\nmedians over the runs (tracing off = %s)\n", off_args
	printf "throughput       on %9.0f req/s   off %9.0f req/s   ratio %.3f (target >= 0.98: %s)\n", on, off, on / off, (on / off >= 0.98) ? "met" : "missed"
	printf "added time       %.1f us per request (1/throughput, on minus off)\n", (1 / on - 1 / off) * 1e6
	printf "app CPU          on %7.1f us/req   off %7.1f us/req   added %.1f us/req\n", con, coff, con - coff
	printf "allocated        on %7.0f B/req    off %7.0f B/req    added %.0f B/req\n", bon, boff, bon - boff
	printf "fntrace own      %.2f %% of the app CPU samples, %.2f %% of its sampled allocation (tracing on)\n", cshare, ashare
	printf "fntrace + calls  %.2f %% of the app CPU samples, %.2f %% of its sampled allocation (tracing on: fntrace with the Micrometer, tracer and JDK code it calls, not the work it wraps)\n", kshare, kashare
}'
