#!/usr/bin/env bash
# The activation endpoints over HTTP, each beside a hand-written baseline endpoint of the same shape in the same
# process (benchmarks/OneTimeLink.HttpBenchmarks), driven by wrk. One command:
#
#     benchmarks/http/run.sh
#
# Settings from the environment: THREADS (2), CONNECTIONS (32), DURATION (10s), WARMUP (3s), ROUNDS (2), PORT (5090).
# wrk and the server share the machine: on a small one, wrk's own CPU is part of every figure, alike for both sides.
set -euo pipefail

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-5090}
BASE="http://127.0.0.1:$PORT"
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
cd "$ROOT"

command -v wrk > /dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

echo "== build (Release)"
dotnet build benchmarks/OneTimeLink.HttpBenchmarks -c Release -nologo -v q > "$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; exit 1; }

echo "== start the host on $BASE (Production, logging at Warning)"
dotnet artifacts/bin/OneTimeLink.HttpBenchmarks/release/OneTimeLink.HttpBenchmarks.dll \
    --urls "$BASE" --environment Production > "$WORK/host.log" 2>&1 &
HOST_PID=$!
trap 'kill "$HOST_PID" 2> /dev/null || true; wait "$HOST_PID" 2> /dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
    curl -sf -o /dev/null "$BASE/bench/stats" && break
    kill -0 "$HOST_PID" 2> /dev/null || { cat "$WORK/host.log"; exit 1; }
    sleep 0.2
done

fail() { echo "CHECK FAILED: $*" >&2; exit 1; }

# Two fresh inactive users and their links; the second is used up through the real confirm endpoint, so its landing
# is what a used activation link shows: the account is active, the link's state changed.
read -r VALID USED < <(curl -sf -X POST "$BASE/bench/links")
[[ $(curl -s -X POST -H 'Content-Type: application/json' -d "{\"token\":\"$USED\"}" "$BASE/account/activate") == '{"status":"activated"}' ]] \
    || fail "confirming the used link did not answer activated"

GARBAGE_BODY='{"token":"eyJnYXJiYWdlIjp0cnVlfQ.bm90IGpzb24.c2lnbmF0dXJl"}'

# name | baseline URL | OneTimeLink URL | wrk script | body | expected: all 2xx (ok) or all non-2xx (error)
SCENARIOS=(
    "garbage-token POST|$BASE/baseline/activate|$BASE/account/activate|post.lua|$GARBAGE_BODY|error"
    "valid landing|$BASE/baseline/activate?token=$VALID|$BASE/account/activate?token=$VALID|||ok"
    "used-link landing|$BASE/baseline/activate-used?token=$USED|$BASE/account/activate?token=$USED|||ok"
    "register|$BASE/baseline/register|$BASE/account/register|register.lua||ok"
)

echo "== check that both sides of every scenario answer what they should, alike"
status_and_body() { curl -s -o "$2" -w '%{http_code} %{size_download}' "${@:3}" "$1"; }
post_json() { status_and_body "$1" "$2" -X POST -H 'Content-Type: application/json' -d "$3"; }

[[ $(post_json "$BASE/account/activate" "$WORK/a" "$GARBAGE_BODY") == 400* ]] || fail "garbage POST is not 400"
grep -q '"code":"link_invalid"' "$WORK/a" || fail "garbage POST is not link_invalid: $(cat "$WORK/a")"
post_json "$BASE/baseline/activate" "$WORK/b" "$GARBAGE_BODY" > /dev/null
cmp -s "$WORK/a" "$WORK/b" || fail "garbage POST: the baseline's problem differs: $(cat "$WORK/b")"

A=$(status_and_body "$BASE/account/activate?token=$VALID" "$WORK/a")
B=$(status_and_body "$BASE/baseline/activate?token=$VALID" "$WORK/b")
[[ $A == 200* ]] && grep -q '<button type="submit">Activate my account</button>' "$WORK/a" && grep -q "value=\"$VALID\"" "$WORK/a" \
    || fail "valid landing is not the page with the button: $A"
[[ $A == "$B" ]] || fail "valid landing: the baseline answers $B, the flow $A (status and size must match)"

A=$(status_and_body "$BASE/account/activate?token=$USED" "$WORK/a")
status_and_body "$BASE/baseline/activate-used?token=$USED" "$WORK/b" > /dev/null
[[ $A == 200* ]] && grep -q '<h1>Your account is already active</h1>' "$WORK/a" || fail "used landing is not the already-active page: $A"
cmp -s "$WORK/a" "$WORK/b" || fail "used landing: the baseline's page differs"

[[ $(post_json "$BASE/account/register" "$WORK/a" '{"email":"check@example.com","password":"correct horse battery"}') == 202* ]] \
    || fail "register is not 202"
post_json "$BASE/baseline/register" "$WORK/b" '{"email":"check@example.com","password":"correct horse battery"}' > /dev/null
cmp -s "$WORK/a" "$WORK/b" || fail "register: the baseline's answer differs"

for side in account baseline; do
    headers=$(curl -s -o /dev/null -D - "$BASE/$side/activate?token=$VALID" | tr -d '\r')
    for h in 'Cache-Control: no-store' 'Referrer-Policy: no-referrer' 'X-Content-Type-Options: nosniff' "Content-Security-Policy: default-src 'none'"; do
        grep -qF "$h" <<< "$headers" || fail "$side landing lacks $h"
    done
done
echo "   ok: 400 link_invalid (same bytes), 200 landing with the button (same size), already-active page (same bytes), 202 (same bytes), headers"

# run_wrk URL SCRIPT BODY DURATION -> prints "requests/s total non2xx errors"
run_wrk() {
    local url=$1 script=$2 body=$3 duration=$4 out
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency)
    [[ -n $script ]] && args+=(-s "$HERE/$script")
    out=$(BODY=$body RUN="$$-$(date +%s%N)" wrk "${args[@]}" "$url")
    echo "$out" >> "$WORK/wrk.log"
    local rps total non2xx errors
    rps=$(awk '/^Requests\/sec:/ { print $2 }' <<< "$out")
    total=$(awk '/ requests in / { print $1 }' <<< "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<< "$out")
    errors=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<< "$out")
    echo "$rps $total ${non2xx:-0} ${errors:-0}"
}

# check NAME SIDE EXPECTED TOTAL NON2XX ERRORS: every answer of the expected class, no socket error
check() {
    local name=$1 side=$2 expected=$3 total=$4 non2xx=$5 errors=$6
    [[ $errors == 0 ]] || fail "$name ($side): $errors socket errors"
    if [[ $expected == ok ]]; then
        [[ $non2xx == 0 ]] || fail "$name ($side): $non2xx of $total answers were not 2xx (queue full: 503 busy?)"
    else
        [[ $non2xx == "$total" ]] || fail "$name ($side): only $non2xx of $total answers were errors"
    fi
}

# The host's counters once they stop moving: the background queue is empty.
wait_for_idle() {
    local stats previous=""
    for _ in $(seq 1 120); do
        stats=$(curl -s "$BASE/bench/stats")
        [[ $stats == "$previous" ]] && break
        previous=$stats
        sleep 0.5
    done
    echo "$stats"
}
users_of() { sed 's/.*users=\([0-9]*\).*/\1/' <<< "$1"; }

echo "== warm up: $WARMUP on every endpoint"
for s in "${SCENARIOS[@]}"; do
    IFS='|' read -r name base lib script body expected <<< "$s"
    run_wrk "$base" "$script" "$body" "$WARMUP" > /dev/null
    run_wrk "$lib" "$script" "$body" "$WARMUP" > /dev/null
done

printf '== wrk -t%s -c%s -d%s, %s rounds; %s cores: %s\n' "$THREADS" "$CONNECTIONS" "$DURATION" "$ROUNDS" "$(nproc)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
RESULTS=()
for round in $(seq 1 "$ROUNDS"); do
    echo "-- round $round"
    for s in "${SCENARIOS[@]}"; do
        IFS='|' read -r name base lib script body expected <<< "$s"
        load=$(cut -d' ' -f1 /proc/loadavg)
        read -r base_rps base_total base_non2xx base_errors < <(run_wrk "$base" "$script" "$body" "$DURATION")
        check "$name" baseline "$expected" "$base_total" "$base_non2xx" "$base_errors"
        users_before=$(wait_for_idle)
        read -r lib_rps lib_total lib_non2xx lib_errors < <(run_wrk "$lib" "$script" "$body" "$DURATION")
        note=""
        if [[ $script == register.lua ]]; then
            # A full queue answers 503 busy: those are not successes, so only the 202s count (and are reported).
            [[ $lib_errors == 0 ]] || fail "$name (OneTimeLink): $lib_errors socket errors"
            accepted=$((lib_total - lib_non2xx))
            if [[ $lib_non2xx != 0 ]]; then
                lib_rps=$(awk -v r="$lib_rps" -v a="$accepted" -v t="$lib_total" 'BEGIN { printf "%.2f", r * a / t }')
                note="$lib_non2xx of $lib_total answers were not 202 (503 busy) and are not counted; "
            fi
            # The 202s were answered before their work ran: wait for the queue to drain, then count what was done.
            stats=$(wait_for_idle)
            registered=$(( $(users_of "$stats") - $(users_of "$users_before") ))
            # wrk does not count answers still in flight when it stops: up to one per connection more were registered.
            (( registered >= accepted && registered <= accepted + CONNECTIONS )) \
                || fail "register: $accepted answered 202, but $registered accounts were created"
            note+="all $accepted registrations done in the background"
        else
            check "$name" OneTimeLink "$expected" "$lib_total" "$lib_non2xx" "$lib_errors"
        fi
        ratio=$(awk -v a="$lib_rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')
        printf '   %-20s baseline %10s/s  OneTimeLink %10s/s  ratio %s  load %s  %s\n' "$name" "$base_rps" "$lib_rps" "$ratio" "$load" "$note"
        RESULTS+=("$round|$name|$base_rps|$lib_rps|$ratio|$load")
    done
done

echo
echo "| Scenario | Round | Baseline (requests/s) | OneTimeLink (requests/s) | Ratio | Load average (1 min) |"
echo "|---|---:|---:|---:|---:|---:|"
for r in "${RESULTS[@]}"; do
    IFS='|' read -r round name base_rps lib_rps ratio load <<< "$r"
    printf '| %s | %s | %.0f | %.0f | %s× | %s |\n' "$name" "$round" "$base_rps" "$lib_rps" "$ratio" "$load"
done
# The host logs at Warning: anything here (a full queue, a failure in the background) is worth reading.
if grep -q -E '^(warn|fail|crit):' "$WORK/host.log"; then
    echo "== the host's warnings (first 10):"
    grep -A1 -E '^(warn|fail|crit):' "$WORK/host.log" | head -20
fi
