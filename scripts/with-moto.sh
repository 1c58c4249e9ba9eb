#!/usr/bin/env bash
# Runs a command with a private moto_server on loopback (scripts/moto-server.sh), its URL in
# POSTURE_MOTO_URL, and stops the server afterwards whatever the command's outcome.
#
#   scripts/with-moto.sh swift test --skip-build
#
# The live-AWS tests (Tests/LiveAWSTests) seed their own accounts into it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export POSTURE_MOTO_STATE=${POSTURE_MOTO_STATE:-$ROOT/.build/moto-tests}
"$ROOT/scripts/moto-server.sh" start >/dev/null
trap '"$ROOT/scripts/moto-server.sh" stop >/dev/null 2>&1 || true' EXIT
POSTURE_MOTO_URL=$("$ROOT/scripts/moto-server.sh" url)
export POSTURE_MOTO_URL
echo "with-moto: moto_server at $POSTURE_MOTO_URL" >&2
"$@"
