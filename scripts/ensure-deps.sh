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
