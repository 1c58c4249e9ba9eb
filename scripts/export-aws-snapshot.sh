#!/usr/bin/env bash
# Export an AWS account's security-relevant configuration as a posture bundle, with the AWS CLI
# alone (no posture needed). See --help, and snapshots/README.md for the layout.
set -euo pipefail

PROG=${0##*/}
TOOL_NAME="posture scripts/export-aws-snapshot.sh"
CREDENTIAL_REPORT_TRIES=${CREDENTIAL_REPORT_TRIES:-10}

usage() {
  cat <<EOF
Usage: $PROG OUT_DIR [--regions REGIONS] [--profile PROFILE] [--endpoint-url URL]

Export what posture scans from one AWS account into OUT_DIR, using the AWS CLI only
(v1 or v2). Every file holds what 'aws <service> <command> --output json' prints for one
call; the layout is the one described in snapshots/README.md. Then run:

    posture scan OUT_DIR

Options:
  OUT_DIR               Folder to create (mode 0700; files are written 0600). It must not
                        exist or must be empty, so no stale file from an earlier export mixes in.
  --regions REGIONS     Comma-separated regions to export the regional services from
                        (CloudTrail, AWS Config, KMS, IAM Access Analyzer), e.g.
                        us-east-1,eu-west-1, or 'all' for every region enabled in the account
                        (from 'aws ec2 describe-regions'). Default: the configured region
                        (AWS_REGION, AWS_DEFAULT_REGION, or the profile's region). The first
                        region (with 'all': the configured region) is also used for the
                        global calls (STS, IAM, S3 listing, S3 Control); bucket calls go to
                        each bucket's own region.
  --profile PROFILE     AWS CLI profile to use (otherwise the CLI's usual credential chain).
  --endpoint-url URL    Send every call to URL (for moto, LocalStack, or a VPC endpoint proxy).
                        It is passed as AWS_ENDPOINT_URL, so a service-specific
                        AWS_ENDPOINT_URL_<SERVICE> in the environment still wins.
  -h, --help            Show this help.

Environment:
  CREDENTIAL_REPORT_TRIES  How many times get-credential-report is tried after
                           generate-credential-report, with growing pauses (default 10,
                           about one minute in all).

What it calls (read-only: get/list/describe, plus 'iam generate-credential-report', which
only asks IAM to build the report):
  sts get-caller-identity
  iam get-account-authorization-details, generate-credential-report, get-credential-report,
      get-account-summary, get-account-password-policy, list-virtual-mfa-devices,
      list-server-certificates
  s3api list-buckets, and per bucket get-bucket-location, get-bucket-encryption,
      get-public-access-block, get-bucket-policy, get-bucket-policy-status, get-bucket-acl,
      get-bucket-logging, get-bucket-versioning
  s3control get-public-access-block
  per region: cloudtrail describe-trails, get-trail-status, get-event-selectors;
      configservice describe-configuration-recorders, describe-configuration-recorder-status;
      kms list-keys, describe-key, get-key-rotation-status (customer managed symmetric keys);
      accessanalyzer list-analyzers
  (ec2 describe-regions, only for --regions all)

Permissions: the AWS managed policy SecurityAudit (or ReadOnlyAccess) covers every call.

Errors: a call that fails does not stop the export. Its file then holds the error in the shape
botocore gives it, e.g. {"Error": {"Code": "NoSuchBucketPolicy", "Message": "..."}}: posture
reads "absent configuration" codes as data and anything else (AccessDenied, ...) as "not
assessed". The export stops only when 'sts get-caller-identity' fails (no usable credentials).
The summary on stderr counts the error answers. Nothing from the credentials is printed or
written; the bundle itself describes the account (user names, ARNs, policies): keep it private.

Exit status: 0 when the bundle was written (even with error answers), 1 when the identity
could not be established, 2 on a usage error.
EOF
}

die_usage() {
  echo "$PROG: $*" >&2
  echo "Try '$PROG --help'." >&2
  exit 2
}

# ------------------------------------------------------------------------------- arguments
OUT_DIR=""
REGIONS_ARG=""
PROFILE=""
ENDPOINT_URL=""
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --regions) (($# >= 2)) || die_usage "--regions needs a value"; REGIONS_ARG=$2; shift 2 ;;
    --regions=*) REGIONS_ARG=${1#*=}; shift ;;
    --profile) (($# >= 2)) || die_usage "--profile needs a value"; PROFILE=$2; shift 2 ;;
    --profile=*) PROFILE=${1#*=}; shift ;;
    --endpoint-url) (($# >= 2)) || die_usage "--endpoint-url needs a value"; ENDPOINT_URL=$2; shift 2 ;;
    --endpoint-url=*) ENDPOINT_URL=${1#*=}; shift ;;
    --)
      shift
      if (($# != 1)) || [[ -n $OUT_DIR ]]; then die_usage "expected one OUT_DIR"; fi
      OUT_DIR=$1
      shift
      ;;
    -*) die_usage "unknown option: $1" ;;
    *) [[ -z $OUT_DIR ]] || die_usage "expected one OUT_DIR, got '$OUT_DIR' and '$1'"; OUT_DIR=$1; shift ;;
  esac
done
[[ -n $OUT_DIR ]] || die_usage "OUT_DIR is required"
command -v aws >/dev/null 2>&1 || { echo "$PROG: the AWS CLI ('aws') is not on PATH" >&2; exit 2; }
[[ $CREDENTIAL_REPORT_TRIES =~ ^[1-9][0-9]*$ ]] || die_usage "CREDENTIAL_REPORT_TRIES must be a positive number"

# The CLI must not page, prompt, or colour anything; no command is traced (set -x) so that no
# argument or environment value is ever echoed.
export AWS_PAGER=""
if [[ -n $ENDPOINT_URL ]]; then
  export AWS_ENDPOINT_URL="$ENDPOINT_URL"
  unset AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
fi
AWS_BASE=(aws --output json)
[[ -z $PROFILE ]] || AWS_BASE+=(--profile "$PROFILE")

# --------------------------------------------------------------------------------- output
umask 077
if [[ -e $OUT_DIR ]]; then
  [[ -d $OUT_DIR ]] || die_usage "$OUT_DIR exists and is not a folder"
  if [[ -n $(ls -A "$OUT_DIR") ]]; then
    die_usage "$OUT_DIR is not empty; give a new or empty folder"
  fi
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/export-aws-snapshot.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

CALLS=0
ERRORS=0

# json_escape TEXT: TEXT as the inside of a JSON string (one line; control characters dropped).
json_escape() {
  printf '%s' "$1" | tr '\t\r\n' '   ' | tr -d '\000-\037' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'
}

# error_answer STDERR_FILE: print the CLI's error as {"Error": {"Code": ..., "Message": ...}}.
# The CLI prints "An error occurred (Code) when calling the X operation[ (reached max retries:
# N)]: message" for service errors; client-side failures get botocore's exception name.
error_answer() {
  local text code message
  text=$(tr '\t\r\n' '   ' <"$1" | sed -e 's/^ *//' -e 's/ *$//' -e 's/  */ /g')
  code=$(printf '%s\n' "$text" | sed -n 's/.*An error occurred (\([^)]*\)) when calling the [A-Za-z0-9]* operation.*/\1/p')
  if [[ -n $code ]]; then
    message=$(printf '%s\n' "$text" | sed -e 's/^.*An error occurred ([^)]*) when calling the [A-Za-z0-9]* operation\( (reached max retries: [0-9]*)\)\{0,1\}: \{0,1\}//')
  else
    message=$text
    case $text in
      *"Could not connect to the endpoint URL"*) code=EndpointConnectionError ;;
      *"Connect timeout on endpoint URL"*) code=ConnectTimeoutError ;;
      *"Read timeout on endpoint URL"*) code=ReadTimeoutError ;;
      *"Unable to locate credentials"*) code=NoCredentialsError ;;
      *"could not be found"*"profile"* | *"profile"*"could not be found"*) code=ProfileNotFound ;;
      *"Parameter validation failed"*) code=ParamValidationError ;;
      *"Invalid endpoint"*) code=ValueError ;;
      *) code=CLIError ;;
    esac
  fi
  [[ -n $code ]] || code=CLIError
  [[ -n $message ]] || message="the AWS CLI failed without a message"
  printf '{"Error": {"Code": "%s", "Message": "%s"}}\n' "$(json_escape "$code")" "$(json_escape "$message")"
}

# call FILE AWS-ARGS...: run one CLI call; FILE gets its JSON output ({} when the CLI prints
# nothing, as it does for an empty response), or its error answer. Returns 0 on success.
LAST_ERROR_CODE=""
call() {
  local rel=$1 file=$OUT_DIR/$1 tmp err
  shift
  mkdir -p "$(dirname "$file")"
  tmp="$file.partial"
  err="$WORK/stderr"
  CALLS=$((CALLS + 1))
  LAST_ERROR_CODE=""
  if "${AWS_BASE[@]}" "$@" >"$tmp" 2>"$err" </dev/null; then
    [[ -s $tmp ]] || printf '{}\n' >"$tmp"
    mv -f "$tmp" "$file"
    return 0
  fi
  error_answer "$err" >"$tmp"
  mv -f "$tmp" "$file"
  LAST_ERROR_CODE=$(sed -n 's/^{"Error": {"Code": "\([^"]*\)".*/\1/p' "$file")
  ERRORS=$((ERRORS + 1))
  echo "  $rel: ${LAST_ERROR_CODE:-error}" >&2
  return 1
}

# string_values FILE FIELD: the string values of "FIELD" in the CLI's pretty-printed JSON
# (one "Key": "value" per line), in order. Names used in paths are checked by safe_name.
string_values() {
  sed -n 's/^ *"'"$2"'": "\(.*\)",\{0,1\}$/\1/p' "$1"
}

# safe_name NAME: true when NAME can be used as one path component as is.
safe_name() {
  [[ $1 =~ ^[A-Za-z0-9._:-]+$ && $1 != . && $1 != .. ]]
}

# --------------------------------------------------------------------------------- regions
configured_region() {
  local r=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}
  if [[ -z $r ]]; then
    r=$("${AWS_BASE[@]}" configure get region 2>/dev/null </dev/null || true)
  fi
  printf '%s' "$r"
}

HOME_REGION=$(configured_region)
REGIONS=()
case $REGIONS_ARG in
  "")
    [[ -n $HOME_REGION ]] || die_usage "no region configured: pass --regions (or set AWS_REGION / the profile's region)"
    REGIONS=("$HOME_REGION")
    ;;
  all)
    list=$("${AWS_BASE[@]}" --region "${HOME_REGION:-us-east-1}" ec2 describe-regions \
      --query 'Regions[].RegionName' --output text 2>"$WORK/stderr" </dev/null) || {
      echo "$PROG: 'aws ec2 describe-regions' failed: $(json_escape "$(cat "$WORK/stderr")")" >&2
      exit 1
    }
    read -r -a parts <<<"$list"
    while IFS= read -r r; do
      [[ -n $r ]] && REGIONS+=("$r")
    done < <(printf '%s\n' "${parts[@]}" | sort)
    ;;
  *)
    IFS=, read -r -a parts <<<"$REGIONS_ARG"
    for r in "${parts[@]}"; do
      r=${r//[[:space:]]/}
      [[ -z $r ]] && continue
      [[ $r =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || die_usage "not a region name: $r"
      REGIONS+=("$r")
    done
    ;;
esac
((${#REGIONS[@]})) || die_usage "no regions to export"
GLOBAL_REGION=${REGIONS[0]}
[[ $REGIONS_ARG != all || -z $HOME_REGION ]] || GLOBAL_REGION=$HOME_REGION
mkdir -p "$OUT_DIR"
chmod 700 "$OUT_DIR"
echo "$PROG: exporting to $OUT_DIR (regions: ${REGIONS[*]})" >&2

# ---------------------------------------------------------------------------------- STS
if ! call sts/get-caller-identity.json --region "$GLOBAL_REGION" sts get-caller-identity; then
  echo "$PROG: cannot establish the caller's identity ($(sed -n 's/.*"Message": "\(.*\)"}}$/\1/p' "$OUT_DIR/sts/get-caller-identity.json")); stopping" >&2
  exit 1
fi
ACCOUNT=$(string_values "$OUT_DIR/sts/get-caller-identity.json" Account | head -n 1)

# ---------------------------------------------------------------------------------- IAM
echo "$PROG: IAM" >&2
G=(--region "$GLOBAL_REGION")
call iam/get-account-authorization-details.json "${G[@]}" iam get-account-authorization-details || true
call iam/get-account-summary.json "${G[@]}" iam get-account-summary || true
call iam/get-account-password-policy.json "${G[@]}" iam get-account-password-policy || true
call iam/list-virtual-mfa-devices.json "${G[@]}" iam list-virtual-mfa-devices || true
call iam/list-server-certificates.json "${G[@]}" iam list-server-certificates || true

# The credential report: ask IAM to build it, then poll (bounded) until it is there.
"${AWS_BASE[@]}" "${G[@]}" iam generate-credential-report >/dev/null 2>"$WORK/stderr" </dev/null ||
  echo "  iam generate-credential-report failed: $(json_escape "$(cat "$WORK/stderr")")" >&2
try=1
pause=1
while :; do
  if call iam/get-credential-report.json "${G[@]}" iam get-credential-report; then
    break
  fi
  case $LAST_ERROR_CODE in
    ReportInProgress | ReportNotPresent | ReportExpired | Throttling | ThrottlingException) ;;
    *) break ;;
  esac
  ((try < CREDENTIAL_REPORT_TRIES)) || break
  ERRORS=$((ERRORS - 1)) # only the last try's error counts
  sleep "$pause"
  try=$((try + 1))
  ((pause < 10)) && pause=$((pause * 2))
done

# ----------------------------------------------------------------------------------- S3
echo "$PROG: S3" >&2
call s3/list-buckets.json "${G[@]}" s3api list-buckets || true
if [[ -n $ACCOUNT ]]; then
  call s3control/get-public-access-block.json "${G[@]}" s3control get-public-access-block --account-id "$ACCOUNT" || true
fi
while IFS= read -r bucket; do
  [[ -n $bucket ]] || continue
  if ! safe_name "$bucket"; then
    echo "  skipping a bucket whose name cannot be a folder name: $(json_escape "$bucket")" >&2
    continue
  fi
  d=s3/buckets/$bucket
  region=""
  if call "$d/get-bucket-location.json" "${G[@]}" s3api get-bucket-location --bucket "$bucket"; then
    region=$(string_values "$OUT_DIR/$d/get-bucket-location.json" LocationConstraint | head -n 1)
  fi
  case $region in
    "") region=us-east-1 ;; # null LocationConstraint (or unknown): us-east-1
    EU) region=eu-west-1 ;;
  esac
  B=(--region "$region")
  call "$d/get-bucket-encryption.json" "${B[@]}" s3api get-bucket-encryption --bucket "$bucket" || true
  call "$d/get-public-access-block.json" "${B[@]}" s3api get-public-access-block --bucket "$bucket" || true
  call "$d/get-bucket-policy.json" "${B[@]}" s3api get-bucket-policy --bucket "$bucket" || true
  call "$d/get-bucket-policy-status.json" "${B[@]}" s3api get-bucket-policy-status --bucket "$bucket" || true
  call "$d/get-bucket-acl.json" "${B[@]}" s3api get-bucket-acl --bucket "$bucket" || true
  call "$d/get-bucket-logging.json" "${B[@]}" s3api get-bucket-logging --bucket "$bucket" || true
  call "$d/get-bucket-versioning.json" "${B[@]}" s3api get-bucket-versioning --bucket "$bucket" || true
done < <([[ -f $OUT_DIR/s3/list-buckets.json ]] && string_values "$OUT_DIR/s3/list-buckets.json" Name)

# ----------------------------------------------------------------------- regional services
for region in "${REGIONS[@]}"; do
  echo "$PROG: $region" >&2
  R=(--region "$region")

  # CloudTrail: the trails whose home is this region (shadow copies left out), each trail's
  # status and event selectors. The calls name the trail by ARN (works across accounts for
  # organization trails); the file names use the trail's name.
  f=cloudtrail/$region/describe-trails.json
  if call "$f" "${R[@]}" cloudtrail describe-trails --no-include-shadow-trails; then
    names=$(string_values "$OUT_DIR/$f" Name)
    arns=$(string_values "$OUT_DIR/$f" TrailARN)
    while IFS=$'\t' read -r name trail_arn; do
      [[ -n $name ]] || continue
      safe_name "$name" || { echo "  skipping trail $(json_escape "$name")" >&2; continue; }
      [[ -n $trail_arn ]] || trail_arn=$name
      call "cloudtrail/$region/get-trail-status--$name.json" "${R[@]}" cloudtrail get-trail-status --name "$trail_arn" || true
      call "cloudtrail/$region/get-event-selectors--$name.json" "${R[@]}" cloudtrail get-event-selectors --trail-name "$trail_arn" || true
    done < <(paste <(printf '%s\n' "$names") <(printf '%s\n' "$arns"))
  fi

  # AWS Config.
  call "configservice/$region/describe-configuration-recorders.json" "${R[@]}" configservice describe-configuration-recorders || true
  call "configservice/$region/describe-configuration-recorder-status.json" "${R[@]}" configservice describe-configuration-recorder-status || true

  # KMS: every key is described (to tell customer keys from AWS keys); rotation is asked for
  # customer managed symmetric keys with key material from KMS.
  f=kms/$region/list-keys.json
  if call "$f" "${R[@]}" kms list-keys; then
    while IFS= read -r key_id; do
      [[ -n $key_id ]] || continue
      safe_name "$key_id" || { echo "  skipping key $(json_escape "$key_id")" >&2; continue; }
      k=kms/$region/describe-key--$key_id.json
      call "$k" "${R[@]}" kms describe-key --key-id "$key_id" || continue
      manager=$(string_values "$OUT_DIR/$k" KeyManager | head -n 1)
      spec=$(string_values "$OUT_DIR/$k" KeySpec | head -n 1)
      [[ -n $spec ]] || spec=$(string_values "$OUT_DIR/$k" CustomerMasterKeySpec | head -n 1)
      origin=$(string_values "$OUT_DIR/$k" Origin | head -n 1)
      state=$(string_values "$OUT_DIR/$k" KeyState | head -n 1)
      if [[ $manager == CUSTOMER && $spec == SYMMETRIC_DEFAULT && ${origin:-AWS_KMS} == AWS_KMS && $state != PendingDeletion && $state != PendingReplicaDeletion ]]; then
        call "kms/$region/get-key-rotation-status--$key_id.json" "${R[@]}" kms get-key-rotation-status --key-id "$key_id" || true
      fi
    done < <(string_values "$OUT_DIR/$f" KeyId)
  fi

  # IAM Access Analyzer.
  call "accessanalyzer/$region/list-analyzers.json" "${R[@]}" accessanalyzer list-analyzers || true
done

# ------------------------------------------------------------------------------- manifest
cli_version=$(aws --version 2>&1 </dev/null | head -n 1 | cut -d' ' -f1 || true)
regions_json=""
for r in "${REGIONS[@]}"; do regions_json+="${regions_json:+, }\"$(json_escape "$r")\""; done
{
  printf '{\n'
  printf '    "format": "posture-aws-bundle",\n'
  printf '    "version": 1,\n'
  printf '    "account": "%s",\n' "$(json_escape "$ACCOUNT")"
  printf '    "collected": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '    "regions": [%s],\n' "$regions_json"
  printf '    "tool": "%s"\n' "$(json_escape "$TOOL_NAME (${cli_version:-aws-cli})")"
  printf '}\n'
} >"$OUT_DIR/manifest.json.partial"
mv -f "$OUT_DIR/manifest.json.partial" "$OUT_DIR/manifest.json"

echo "$PROG: wrote $OUT_DIR: $CALLS calls, $ERRORS error answers (see the lines above)" >&2
