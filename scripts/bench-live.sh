#!/usr/bin/env bash
# Live-scan benchmark: a private moto_server seeded with a large account
# (scripts/seed-bench-account.py), scanned by `posture scan aws --live` in release mode at several
# concurrencies, and with BENCH_PROWLER=1 by Prowler against the same server, for comparison.
# Prints seeding time, then per run: wall time, peak RSS, API calls and exit status.
#
#   scripts/bench-live.sh
#   BENCH_PROWLER=1 scripts/bench-live.sh
#
# Environment:
#   BENCH_USERS, BENCH_BUCKETS   account size (default 2000 each)
#   BENCH_REGIONS                regions the buckets are spread over (default us-east-1)
#   BENCH_CONCURRENCY            posture --concurrency values (default "4 16 64")
#   BENCH_POSTURE=0              skip posture (seed and Prowler only)
#   BENCH_PROWLER=1              also run Prowler from ${PROWLER_VENV:-/work/prowler-venv}
#   BENCH_DIR                    work folder (default: a new temp folder); reports and logs stay
#
# moto is private to this run (its state folder is under BENCH_DIR) and stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/bench-live.XXXXXX")}
USERS=${BENCH_USERS:-2000}
BUCKETS=${BENCH_BUCKETS:-2000}
REGIONS=${BENCH_REGIONS:-us-east-1}
CONCURRENCY=${BENCH_CONCURRENCY:-4 16 64}
PROWLER_VENV=${PROWLER_VENV:-/work/prowler-venv}
mkdir -p "$WORK"
export POSTURE_MOTO_STATE=$WORK/moto

die() { echo "bench-live: $*" >&2; exit 1; }
[[ -x /usr/bin/time ]] || die "/usr/bin/time is required (Debian: apt-get install time)"

# Isolate every AWS call from the developer's own configuration and credentials: moto's dummy
# credentials only, no profile, no proxy, no instance metadata.
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ROLE_ARN \
  AWS_WEB_IDENTITY_TOKEN_FILE AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_CREDENTIALS_RELATIVE_URI \
  HTTPS_PROXY https_proxy HTTP_PROXY http_proxy NO_PROXY no_proxy ALL_PROXY all_proxy
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true

trap '"$ROOT/scripts/moto-server.sh" stop' EXIT
trap 'exit 130' INT TERM

# Runs a command under /usr/bin/time -v; prints "label: wall, peak RSS, exit" and leaves
# stdout/stderr/time output in $WORK/<label>.{out,err,time}. Sets LAST_WALL (seconds).
LAST_WALL=0
measure() { # label, command...
  local label=$1 status=0
  shift
  /usr/bin/time -v -o "$WORK/$label.time" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err" || status=$?
  LAST_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/$label.time")
  local rss_kb
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$label.time")
  printf '%-16s %8.2f s wall  %6d MB peak RSS  exit %d\n' "$label:" "$LAST_WALL" $((rss_kb / 1024)) "$status"
}

# Requests moto has answered so far (werkzeug logs one line per request): the difference across
# a run is the number of API calls that run made, whatever the tool.
moto_requests() { grep -c '^127.0.0.1 - - ' "$POSTURE_MOTO_STATE/moto.log" || true; }
# CPU seconds moto has used so far (user + system, from /proc): moto is one Python process and
# caps how fast any client can go, so each run says how much of it the run kept busy.
moto_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$(<"$POSTURE_MOTO_STATE/pid")/stat"; }
moto_mark() { mark_requests=$(moto_requests) mark_cpu=$(moto_cpu); }
moto_since_mark() { # "requests to moto: N; moto CPU: S s" since the last moto_mark
  printf 'requests to moto: %d; moto CPU: %.1f s' $(($(moto_requests) - mark_requests)) \
    "$(awk -v a="$(moto_cpu)" -v b="$mark_cpu" 'BEGIN { print a - b }')"
}

URL=$("$ROOT/scripts/moto-server.sh" start)
echo "moto: $URL (state $POSTURE_MOTO_STATE)"
python3 "$ROOT/scripts/seed-bench-account.py" --endpoint "$URL" --users "$USERS" --buckets "$BUCKETS" \
  --regions "$REGIONS" | tee "$WORK/seed.txt"

best_posture=""
if [[ ${BENCH_POSTURE:-1} != 0 ]]; then
  (cd "$ROOT" && swift build -c release --product posture >"$WORK/build.log" 2>&1) ||
    { tail -n 30 "$WORK/build.log" >&2; die "release build failed (log: $WORK/build.log)"; }
  # http://localhost:PORT: S3 Control calls go to 123456789012.localhost, which libcurl
  # resolves to loopback (see scripts/moto-server.sh).
  endpoint=$("$ROOT/scripts/moto-server.sh" url --localhost)
  for c in $CONCURRENCY; do
    moto_mark
    POSTURE_TIMINGS=1 measure "posture-c$c" "$ROOT/.build/release/posture" scan aws --live \
      --endpoint-url "$endpoint" --region us-east-1 --concurrency "$c" \
      --format json -o "$WORK/posture-c$c.json" --soft-fail
    # The scan's summary line: "posture scan aws --live: account …: N API calls, R retries, F failed".
    calls=$(grep -Eo '[0-9]+ API calls' "$WORK/posture-c$c.err" | tail -n 1 | cut -d' ' -f1 || true)
    rate=$(awk -v n="${calls:-0}" -v w="$LAST_WALL" 'BEGIN { if (w > 0) printf "%.0f", n / w }')
    echo "                 calls reported: ${calls:-unknown} (${rate} calls/s);" \
      "$(moto_since_mark); timings: $WORK/posture-c$c.err"
    if [[ -z $best_posture ]] || awk -v a="$LAST_WALL" -v b="$best_posture" 'BEGIN { exit !(a < b) }'; then
      best_posture=$LAST_WALL
    fi
  done
fi

if [[ ${BENCH_PROWLER:-0} != 1 ]]; then
  echo "prowler: skipped (BENCH_PROWLER=1 to compare)"
  exit 0
fi
[[ -x $PROWLER_VENV/bin/prowler ]] ||
  die "no Prowler in $PROWLER_VENV (python3 -m venv $PROWLER_VENV && $PROWLER_VENV/bin/pip install prowler)"
# Prowler reaches moto through botocore's AWS_ENDPOINT_URL. S3 Control (account public access
# block, access points) puts the account ID in front of the host: 123456789012.localhost does not
# resolve in Python, so S3 Control goes to http://localhost:PORT through moto itself used as an
# HTTP proxy (moto serves absolute-URI requests); NO_PROXY keeps every other call direct.
# -z: failing checks do not make Prowler exit 3. Errors Prowler logs go to prowler.log.
port=${URL##*:}
moto_mark
measure prowler env AWS_ENDPOINT_URL="$URL" AWS_ENDPOINT_URL_S3_CONTROL="http://localhost:$port" \
  HTTP_PROXY="$URL" NO_PROXY=127.0.0.1 \
  "$PROWLER_VENV/bin/prowler" aws --services iam s3 cloudtrail config --region us-east-1 \
  --no-banner --no-color -M csv -o "$WORK/prowler" -F prowler -z \
  --log-level ERROR --log-file "$WORK/prowler.log"
prowler_wall=$LAST_WALL
usage=$(moto_since_mark)
findings=$(python3 - "$WORK/prowler/prowler.csv" <<'PY' || echo "no CSV report"
import collections, csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, delimiter=";"))  # fields hold newlines: count rows, not lines
status = collections.Counter(r["STATUS"] for r in rows)
checks = len({r["CHECK_ID"] for r in rows})
print(f"{len(rows)} ({status['FAIL']} FAIL, {status['PASS']} PASS) from {checks} checks with results")
PY
)
errors=$(grep -c '"level": "ERROR"' "$WORK/prowler.log" || true)
echo "                 $usage; findings: $findings; errors logged: $errors ($WORK/prowler.log)"
echo "prowler: $("$PROWLER_VENV/bin/prowler" --version 2>/dev/null | tail -n 1)"
if [[ -n $best_posture ]]; then
  awk -v p="$prowler_wall" -v q="$best_posture" 'BEGIN {
    if (q > 0) printf "prowler / posture (fastest run) wall time: %.1fx\n", p / q }'
fi
