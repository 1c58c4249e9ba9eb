#!/usr/bin/env bash
# Installs what building and testing posture needs, when it is missing. Idempotent; needs root
# (or sudo) only when something must be installed.
set -euo pipefail

need_apt=()
command -v swift >/dev/null 2>&1 || { echo "error: swift is not on PATH (Swift 6 toolchain required)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
[ -f /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)
# libcurl, for live scans (HTTP target); pkg-config finds its flags for SwiftPM.
{ command -v pkg-config >/dev/null && pkg-config --exists libcurl; } || need_apt+=(libcurl4-openssl-dev pkg-config)
# scripts/moto-server.sh probes the server with curl; the HTTP tests make throwaway certificates.
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)

if ((${#need_apt[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "installing: ${need_apt[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}"
fi

# Report validation in the tests (scripts/validate-reports.py): JSON Schema for SARIF and OCSF,
# the JUnit XSDs, and junitparser as a real JUnit consumer.
if ! python3 -c "import jsonschema, xmlschema, junitparser" >/dev/null 2>&1; then
  echo "installing Python packages: jsonschema xmlschema junitparser" >&2
  python3 -m pip --version >/dev/null 2>&1 || {
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-pip
  }
  python3 -m pip install --quiet jsonschema xmlschema junitparser ||
    python3 -m pip install --quiet --break-system-packages jsonschema xmlschema junitparser
fi

# The live-AWS tests run against moto_server (an AWS API emulator) and seed it with boto3.
if ! python3 -c "import moto.server, flask, boto3" >/dev/null 2>&1; then
  echo "installing Python packages: moto[server] boto3" >&2
  python3 -m pip install --quiet 'moto[server]' boto3 ||
    python3 -m pip install --quiet --break-system-packages 'moto[server]' boto3
fi
