#!/usr/bin/env bash
# Run a private moto_server (AWS API emulator) on loopback, for tests, CI and benchmarks.
#
#   scripts/moto-server.sh start             # start (or reuse) the server; prints its URL
#   scripts/moto-server.sh url [--localhost] # http://127.0.0.1:PORT (or http://localhost:PORT)
#   scripts/moto-server.sh wait              # block until the running server answers
#   scripts/moto-server.sh stop              # stop it; a no-op when it is not running
#
# State (pid, URL, log) lives in ${POSTURE_MOTO_STATE:-$PWD/.build/moto}; two servers with two
# state folders run side by side, each on its own free port. `start` is idempotent: a server that
# is already running and answering is reused.
#
# The server runs with MOTO_IAM_LOAD_MANAGED_POLICIES=true, so AWS managed policies such as
# AdministratorAccess exist (moto lists all ~1,500 of them).
#
# `url --localhost`: moto's S3 Control puts the account ID in front of the endpoint's host
# (123456789012.127.0.0.1 does not resolve); with http://localhost:PORT the host becomes
# 123456789012.localhost, which libcurl resolves to loopback by itself.
#
# Environment: POSTURE_MOTO_STATE (state folder), POSTURE_MOTO_TIMEOUT (seconds `start` and
# `wait` wait for an answer, default 30), PYTHON (interpreter with moto, default python3).
set -euo pipefail

STATE=${POSTURE_MOTO_STATE:-$PWD/.build/moto}
TIMEOUT=${POSTURE_MOTO_TIMEOUT:-30}
PYTHON=${PYTHON:-python3}
PID_FILE=$STATE/pid
URL_FILE=$STATE/url
LOG_FILE=$STATE/moto.log

die() { echo "moto-server: $*" >&2; exit 1; }
usage() { echo "usage: $0 start | stop | url [--localhost] | wait" >&2; exit 2; }

# The pid from the state folder, when that process is alive and is a moto server (a stale pid
# file whose number was reused by another process must not be killed).
running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  grep -qa moto "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

# The running server's pid; fails with a hint when there is none.
require_running() {
  local pid
  if pid=$(running_pid) && [[ -f $URL_FILE ]]; then echo "$pid"; else die "not running (state: $STATE); run: $0 start"; fi
}

answers() { # url
  curl -fsS --max-time 2 -o /dev/null "$1/moto-api/" 2>/dev/null
}

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

ensure_moto() {
  "$PYTHON" -c 'import moto.server, flask' >/dev/null 2>&1 && return 0
  echo "moto-server: installing moto[server]" >&2
  "$PYTHON" -m pip install --quiet 'moto[server]' ||
    "$PYTHON" -m pip install --quiet --break-system-packages 'moto[server]'
  "$PYTHON" -c 'import moto.server, flask' >/dev/null 2>&1 || die "moto[server] could not be installed for $PYTHON"
}

# Waits until the server at $1 (pid $2) answers; fails with the log's tail if it died or the
# time ran out.
wait_for() { # url pid
  local url=$1 pid=$2 deadline=$((SECONDS + TIMEOUT))
  until answers "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "moto-server: moto_server (pid $pid) exited before answering on $url; log tail:" >&2
      tail -n 20 "$LOG_FILE" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "moto-server: no answer from $url after ${TIMEOUT}s; log tail:" >&2
      tail -n 20 "$LOG_FILE" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

launch() { # port; prints the pid
  # exec: the recorded pid is moto's own, so `stop` stops the server and not a wrapper.
  # nohup and no stdin: the server outlives the shell that started it (CI steps).
  MOTO_IAM_LOAD_MANAGED_POLICIES=true nohup "$PYTHON" -m moto.server -H 127.0.0.1 -p "$1" \
    </dev/null >>"$LOG_FILE" 2>&1 &
  echo $!
}

cmd_start() {
  local pid url port attempt
  if pid=$(running_pid) && [[ -f $URL_FILE ]] && answers "$(<"$URL_FILE")"; then
    cat "$URL_FILE"
    return 0
  fi
  cmd_stop >/dev/null # a half-started or hung server from before
  ensure_moto
  mkdir -p "$STATE"
  # The port is free when picked but another process may take it before moto binds it: retry
  # with a new port when that happens.
  for attempt in 1 2 3; do
    port=$(free_port)
    url=http://127.0.0.1:$port
    : >"$LOG_FILE"
    pid=$(launch "$port")
    echo "$pid" >"$PID_FILE"
    echo "$url" >"$URL_FILE"
    if wait_for "$url" "$pid"; then
      echo "$url"
      return 0
    fi
    cmd_stop >/dev/null
    grep -q "Address already in use" "$LOG_FILE" || break
    echo "moto-server: port $port was taken, retrying ($attempt)" >&2
  done
  die "could not start moto_server (log: $LOG_FILE)"
}

cmd_stop() {
  local pid
  if pid=$(running_pid); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    echo "moto-server: stopped pid $pid" >&2
  fi
  rm -f "$PID_FILE" "$URL_FILE"
}

cmd_url() {
  require_running >/dev/null
  local url
  url=$(<"$URL_FILE")
  case ${1:-} in
    "") echo "$url" ;;
    --localhost) echo "${url/127.0.0.1/localhost}" ;;
    *) usage ;;
  esac
}

cmd_wait() {
  local pid
  pid=$(require_running)
  wait_for "$(<"$URL_FILE")" "$pid" || exit 1
}

case ${1:-} in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) shift; cmd_url "$@" ;;
  wait) cmd_wait ;;
  *) usage ;;
esac
