#!/usr/bin/env bash
# Rebuild snapshots/demo/: start a private moto server, seed the demo account into it
# (scripts/seed-demo-account.py), export it with the real AWS CLI
# (scripts/export-aws-snapshot.sh), stop the server.
#
#   scripts/make-demo-snapshot.sh
#
# Needs: python3 with moto[server] (5.x), boto3 and freezegun; the AWS CLI (v1 or v2).
#   pip install 'moto[server]' freezegun awscli
#
# Reproducibility. moto is started from a tiny wrapper that freezes its clock (freezegun) at a
# date read from a file before every request; the seed moves that date through the account's
# history (bootstrap 2023, team 2025, platform 2026, ...), so keys are really old, and the
# export runs at 2026-03-02T09:00:00Z. moto's random IDs (user IDs, key IDs, KMS key IDs) are
# seeded through /moto-api/seed. The only value changed after the export is manifest.json's
# "collected" (the wall-clock time of the export), set to the frozen export time so that it
# agrees with the data. Everything else is the AWS CLI's output as printed.
#
# moto quirk worked around here (not in the export script): S3 Control puts the account ID in
# front of the endpoint host (123456789012.127.0.0.1, which does not resolve). For the export,
# S3 Control is pointed at http://localhost:PORT (AWS_ENDPOINT_URL_S3_CONTROL) and reached
# through moto itself used as an HTTP proxy (HTTP_PROXY=http://127.0.0.1:PORT,
# NO_PROXY=127.0.0.1): the request for 123456789012.localhost arrives at moto unchanged.
# No /etc/hosts edit, no root.
#
# The dummy credentials are moto's ("testing"); the developer's own AWS config and credentials
# files are hidden from every call (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE = /dev/null).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/snapshots/demo
REGIONS=us-east-1,eu-west-1
RANDOM_SEED=20260302
START_CLOCK=2023-01-01T00:00:00Z

die() { echo "make-demo-snapshot: $*" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || die "python3 is required"
command -v aws >/dev/null 2>&1 || die "the AWS CLI ('aws') is required"
python3 -c 'import moto.server, boto3, flask' 2>/dev/null || die "moto[server] and boto3 are required: pip install 'moto[server]' boto3"
python3 -c 'import freezegun' 2>/dev/null || die "freezegun is required (it fixes moto's clock): pip install freezegun"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/make-demo-snapshot.XXXXXX")
MOTO_PID=""
cleanup() {
  if [[ -n $MOTO_PID ]] && kill -0 "$MOTO_PID" 2>/dev/null; then
    kill "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Isolate every AWS call from the developer's configuration and credentials.
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ROLE_ARN \
  AWS_WEB_IDENTITY_TOKEN_FILE AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_CREDENTIALS_RELATIVE_URI \
  AWS_ENDPOINT_URL AWS_IGNORE_CONFIGURED_ENDPOINT_URLS HTTPS_PROXY https_proxy HTTP_PROXY http_proxy \
  NO_PROXY no_proxy ALL_PROXY all_proxy
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
export AWS_MAX_ATTEMPTS=1 # moto answers Access Analyzer with HTTP 500: do not retry it

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ENDPOINT=http://127.0.0.1:$PORT
CLOCK=$WORK/clock
printf '%s\n' "$START_CLOCK" >"$CLOCK"

# The AWS managed policies moto loads. Real AWS lists in get-account-authorization-details only
# the AWS managed policies that are attached to something; moto lists every policy it loaded
# (~1500, 8 MB). So moto loads just the ones the seed attaches (keep this list in step with
# scripts/seed-demo-account.py: attaching a policy that is not here fails the seed).
AWS_MANAGED_POLICIES=AdministratorAccess,AWSCloudShellFullAccess,ReadOnlyAccess,SecurityAudit,AWSLambdaBasicExecutionRole,AWSSupportAccess

# moto_server with MOTO_IAM_LOAD_MANAGED_POLICIES=true (AWS managed policies exist), a frozen
# clock that follows $CLOCK, and the managed-policy catalogue cut down to the list above.
# Runs niced: the machine may be busy.
echo "make-demo-snapshot: starting moto on $ENDPOINT" >&2
MOTO_IAM_LOAD_MANAGED_POLICIES=true DEMO_CLOCK_FILE=$CLOCK DEMO_AWS_MANAGED_POLICIES=$AWS_MANAGED_POLICIES \
  nice -n 10 python3 - "$PORT" >"$WORK/moto.log" 2>&1 <<'PY' &
import json
import os
import sys

from freezegun import freeze_time

clock_file = os.environ["DEMO_CLOCK_FILE"]


def clock() -> str:
    with open(clock_file, encoding="utf-8") as f:
        return f.read().strip()


frozen = freeze_time(clock(), tick=False).start()

import moto.iam.models  # noqa: E402
from moto.moto_server.werkzeug_app import DomainDispatcherApplication  # noqa: E402
from moto.server import main  # noqa: E402

wanted = set(os.environ["DEMO_AWS_MANAGED_POLICIES"].split(","))
catalogue = json.loads(moto.iam.models.aws_managed_policies_data)
missing = wanted - set(catalogue)
if missing:
    sys.exit(f"moto has no AWS managed policy named {sorted(missing)}")
moto.iam.models.aws_managed_policies_data = json.dumps(
    {name: d for name, d in catalogue.items() if name in wanted}
)

dispatch = DomainDispatcherApplication.__call__


def call_at_clock(self, environ, start_response):
    frozen.move_to(clock())
    return dispatch(self, environ, start_response)


DomainDispatcherApplication.__call__ = call_at_clock

# Two places where moto answers unlike AWS, fixed in the server (the CLI output stays as printed):
from moto.core.utils import utcnow  # noqa: E402
from moto.iam.responses import IamResponse  # noqa: E402

# 1. list-virtual-mfa-devices: moto returns each device's Base32StringSeed and QRCodePNG (random
#    on every run); AWS returns them only from create-virtual-mfa-device.
_list_mfa = IamResponse.list_virtual_mfa_devices


class _ListedMfaDevice:
    _hidden = {"base32_string_seed", "qr_code_png", "Base32StringSeed", "QRCodePNG"}

    def __init__(self, device):
        self.__dict__["_device"] = device

    def __getattr__(self, name):
        if name in self._hidden:
            raise AttributeError(name)
        return getattr(self._device, name)


def list_virtual_mfa_devices(self):
    result = _list_mfa(self)
    result.result["VirtualMFADevices"] = [_ListedMfaDevice(d) for d in result.result["VirtualMFADevices"]]
    return result


IamResponse.list_virtual_mfa_devices = list_virtual_mfa_devices

# 2. get-credential-report: moto's GeneratedTime is a constant (2015-02-02T20:02:02Z), older than
#    every user in the report; AWS gives the time the report was generated.
_generate_report = IamResponse.generate_credential_report
_get_report = IamResponse.get_credential_report
_report_times = {}


def generate_credential_report(self):
    result = _generate_report(self)
    _report_times[self.current_account] = utcnow().replace(microsecond=0)
    return result


def get_credential_report(self):
    result = _get_report(self)
    if self.current_account in _report_times:
        result.result["GeneratedTime"] = _report_times[self.current_account]
    return result


IamResponse.generate_credential_report = generate_credential_report
IamResponse.get_credential_report = get_credential_report
main(["-H", "127.0.0.1", "-p", sys.argv[1]])
PY
MOTO_PID=$!

for _ in $(seq 1 60); do
  if python3 - "$ENDPOINT" 2>/dev/null <<'PY'
import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + "/moto-api/", timeout=2).read()
PY
  then break; fi
  kill -0 "$MOTO_PID" 2>/dev/null || { cat "$WORK/moto.log" >&2; die "moto exited"; }
  sleep 0.5
done
python3 - "$ENDPOINT" "$RANDOM_SEED" <<'PY' || { cat "$WORK/moto.log" >&2; die "moto does not answer"; }
import sys, urllib.request
# Deterministic IDs: seed moto's random generator.
urllib.request.urlopen(urllib.request.Request(f"{sys.argv[1]}/moto-api/seed?a={sys.argv[2]}", method="POST"), timeout=5).read()
PY

echo "make-demo-snapshot: seeding the demo account" >&2
nice -n 10 python3 "$ROOT/scripts/seed-demo-account.py" --endpoint-url "$ENDPOINT" --clock-file "$CLOCK"
COLLECTED=$(cat "$CLOCK")

# Replace the previous demo bundle (only that folder).
[[ $OUT == "$ROOT/snapshots/demo" ]] || die "unexpected output folder $OUT"
rm -rf "$OUT"
AWS_ENDPOINT_URL_S3_CONTROL=http://localhost:$PORT HTTP_PROXY=$ENDPOINT NO_PROXY=127.0.0.1 \
  nice -n 10 "$ROOT/scripts/export-aws-snapshot.sh" "$OUT" --endpoint-url "$ENDPOINT" --regions "$REGIONS"

# Normalize the one volatile value: the export's wall-clock time -> moto's (frozen) time.
python3 - "$OUT/manifest.json" "$COLLECTED" <<'PY'
import re, sys
path, collected = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
text, n = re.subn(r'("collected": ")[^"]*(")', r"\g<1>" + collected + r"\g<2>", text)
assert n == 1, "manifest.json has no collected field"
open(path, "w", encoding="utf-8").write(text)
PY

# The bundle is the repository's demo data, not a secret: make it readable like the other files.
chmod -R u=rwX,go=rX "$OUT"

# Check: every file is JSON, and the bundle stays small.
python3 - "$OUT" <<'PY'
import json, os, sys
root = sys.argv[1]
total = files = errors = 0
for d, _, names in os.walk(root):
    for n in names:
        p = os.path.join(d, n)
        with open(p, encoding="utf-8") as f:
            data = json.load(f)
        files += 1
        total += os.path.getsize(p)
        if isinstance(data, dict) and set(data) == {"Error"}:
            errors += 1
print(f"make-demo-snapshot: {files} files ({errors} error answers), {total / 1024:.0f} KiB in {root}", file=sys.stderr)
if total > 1024 * 1024:
    sys.exit("make-demo-snapshot: the bundle is over 1 MiB")
PY
