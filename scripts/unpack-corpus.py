#!/usr/bin/env python3
"""Unpacks the shared corpus' wrapped recordings into snapshot bundles posture can scan.

The corpus keeps some real AWS answers inside wrapper files: c7n's placebo recordings grouped by
operation, a c7n scenario, and AWS Config items keyed by their original file name. posture reads
bundles, not those wrappers, so the finding-parity test (Tests/PostureCLITests/FindingParityTests)
turns each wrapper into bundles first and scans them like any export:

- a by-operation placebo file: one bundle per c7n test folder (`test_cloudtrail_status/`), its
  recordings laid out as a bundle names them. A per-bucket or per-trail answer is filed under
  the N-th bucket or trail that the folder's first listing names (placebo records calls in
  order), else under `b` / `trail`;
- the S3 scenario: one bundle, laid out the same way;
- the Config items file: one file per item, named as in the corpus, recognised by content.

Usage: unpack-corpus.py CORPUS_AWS_FOLDER OUT_FOLDER   (prints one line per bundle written)
"""
import json
import os
import re
import sys


def dates(value):
    """Placebo's {"__class__": "datetime", "year": ...} as ISO 8601 text, anywhere in a value."""
    if isinstance(value, dict):
        if value.get("__class__") == "datetime" and "year" in value:
            return "%04d-%02d-%02dT%02d:%02d:%02dZ" % tuple(
                value.get(k, 0) for k in ("year", "month", "day", "hour", "minute", "second"))
        return {k: dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [dates(v) for v in value]
    return value


def body(recording):
    """The answer a bundle file holds: the recording's data without ResponseMetadata; an error
    recording as botocore's {"Error": {...}}."""
    data = dict(recording.get("data") or {})
    data.pop("ResponseMetadata", None)
    return dates(data)


def cli(operation):
    """GetBucketAcl -> get-bucket-acl."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", operation).lower()


def write(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        json.dump(value, handle, indent=1, sort_keys=True)


BUCKET_CALLS = {"GetBucketEncryption", "GetPublicAccessBlock", "GetBucketPolicy", "GetBucketPolicyStatus",
                "GetBucketAcl", "GetBucketLogging", "GetBucketVersioning", "GetBucketTagging", "GetBucketLocation"}
TRAIL_CALLS = {"GetTrailStatus", "GetEventSelectors"}
ACCOUNT_CALLS = {"ListBuckets": "s3", "DescribeTrails": "cloudtrail/us-east-1",
                 "DescribeConfigurationRecorders": "config/us-east-1",
                 "DescribeConfigurationRecorderStatus": "config/us-east-1"}
ITEM_CALLS = {"SelectResourceConfig", "GetResourceConfigHistory", "BatchGetResourceConfig"}


def lay_out(bundle, recordings):
    """recordings: [(operation, number, recording)] of one scenario -> files under bundle."""
    def listed(operation, key, name_key):
        first = next((r for (op, n, r) in sorted(recordings, key=lambda e: e[1]) if op == operation), None)
        return [entry.get(name_key) for entry in (body(first).get(key) or [])] if first else []

    buckets = [b for b in listed("ListBuckets", "Buckets", "Name") if b]
    trails = [t for t in listed("DescribeTrails", "trailList", "Name") if t]
    written = 0
    needs_listing = set()
    for operation, number, recording in sorted(recordings, key=lambda e: (e[0], e[1])):
        if operation in ACCOUNT_CALLS:
            suffix = "" if number == 1 else ".%d" % number
            write(os.path.join(bundle, ACCOUNT_CALLS[operation], cli(operation) + suffix + ".json"), body(recording))
        elif operation in BUCKET_CALLS:
            name = buckets[number - 1] if number - 1 < len(buckets) else "b"
            if name not in buckets:
                needs_listing.add(name)
            write(os.path.join(bundle, "s3", "buckets", name, cli(operation) + ".json"), body(recording))
        elif operation in TRAIL_CALLS:
            name = trails[number - 1] if number - 1 < len(trails) else "trail"
            write(os.path.join(bundle, "cloudtrail", "trails", name, cli(operation) + ".json"), body(recording))
        elif operation in ITEM_CALLS:
            write(os.path.join(bundle, "config", "%s_%d.json" % (operation, number)), body(recording))
        else:
            continue
        written += 1
    if needs_listing:
        entries = [{"Name": name, "CreationDate": "2020-01-02T03:04:05Z"} for name in sorted(needs_listing)]
        write(os.path.join(bundle, "s3", "list-buckets.extra.json"), {"Buckets": entries})
    return written


def placebo(path, out):
    """A by-operation placebo file: one bundle per c7n test folder."""
    operations = json.load(open(path))["operations"]
    scenarios = {}
    for key, entries in operations.items():
        operation = key.split(".", 1)[1]
        for entry in entries:
            match = re.search(r"([^/]+)/[a-z0-9-]+\.%s_(\d+)\.json$" % operation, entry["placebo_file"])
            if match:
                scenarios.setdefault(match.group(1), []).append((operation, int(match.group(2)), entry["recording"]))
    for folder, recordings in sorted(scenarios.items()):
        bundle = os.path.join(out, folder)
        if lay_out(bundle, recordings):
            print(bundle)


def scenario(path, out):
    recordings = []
    for name, recording in json.load(open(path))["recordings"].items():
        match = re.match(r"[a-z0-9-]+\.([A-Za-z]+)_(\d+)\.json$", name)
        if match:
            recordings.append((match.group(1), int(match.group(2)), recording))
    bundle = os.path.join(out, "scenario")
    if lay_out(bundle, recordings):
        print(bundle)


def config_items(path, out):
    bundle = os.path.join(out, "items")
    for name, item in sorted(json.load(open(path))["items"].items()):
        write(os.path.join(bundle, name), item)
    print(bundle)


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    for relative in ["cloudtrail/c7n-placebo-cloudtrail-responses-by-operation.json",
                     "config/c7n-placebo-config-api-responses-by-operation.json",
                     "s3/c7n-placebo-s3-responses-by-operation.json"]:
        placebo(os.path.join(corpus, relative), os.path.join(out, os.path.basename(relative)[:-5]))
    scenario(os.path.join(corpus, "s3/c7n-scenario-s3-api-vs-config-normalize.json"), os.path.join(out, "c7n-scenario-s3"))
    config_items(os.path.join(corpus, "config/c7n-config-items.json"), os.path.join(out, "c7n-config-items"))


if __name__ == "__main__":
    main()
