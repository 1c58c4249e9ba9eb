#!/usr/bin/env bash
# Installs what building and testing posture needs, when it is missing. Idempotent; needs root
# (or sudo) only when something must be installed.
set -euo pipefail

need_apt=()
command -v swift >/dev/null 2>&1 || { echo "error: swift is not on PATH (Swift 6 toolchain required)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
[ -f /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)

if ((${#need_apt[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "installing: ${need_apt[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}"
fi
