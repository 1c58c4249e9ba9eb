#!/usr/bin/env bash
# Runs the built test suite (`swift build --build-tests` first), as `make test` and CI do.
#
# Two test processes, one after the other: first the CPU-bound suites, then those whose
# assertions involve time (HTTP retries and timeouts, live scans through the fault proxy, child
# processes), so that CPU-bound tests queued on Swift's cooperative pool (one thread per core)
# cannot delay the latter's clocks.
#
# Each process is stopped after TEST_LIMIT seconds (default 900): a hang fails the run with the
# list of tests that started and never finished, instead of using up CI's time.
#
#   scripts/run-tests.sh            # needs POSTURE_MOTO_URL for the live tests (scripts/with-moto.sh)
set -uo pipefail

SWIFT=${SWIFT:-swift}
LIMIT=${TEST_LIMIT:-900}
TIMED='^(HTTPTests|LiveAWSTests|ChildProcessTests)\.'

run() {
  local log status
  log=$(mktemp "${TMPDIR:-/tmp}/posture-tests.XXXXXX")
  timeout --kill-after=30 "$LIMIT" "$SWIFT" test --skip-build "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "run-tests: 'swift test $*' ran past ${LIMIT} s and was stopped. Started and never finished:" >&2
    # Swift Testing prints '◇ Test "NAME" started.' and later '✔/✘ Test "NAME" passed/failed …'.
    awk '
      match($0, /Test "[^"]*" started/) { open[substr($0, RSTART + 6, RLENGTH - 15)]++ }
      match($0, /Test "[^"]*"( with [0-9]+ test cases?)? (passed|failed|skipped)/) {
        name = substr($0, RSTART + 6); sub(/"( with [0-9]+ test cases?)? (passed|failed|skipped).*/, "", name); open[name]--
      }
      END { for (name in open) if (open[name] > 0) print "  " name }
    ' "$log" | sort >&2
  fi
  rm -f "$log"
  return "$status"
}

run --skip "$TIMED" && run --filter "$TIMED"
