#!/usr/bin/env python3
"""Rewrite policy files for the sectioned model (posture 0.2): AWS-only fields move under `aws`.

posture 0.2 split each resource kind into a neutral core, which policies of every provider
share, and one section per provider. A policy written for 0.1 fails to load with, e.g.,
"undefined field 'publicAccessBlock' on type 'bucket'". This script rewrites such policies:
their expressions (`violation`, `message`, `variables`) and their `examples`, keeping comments
and layout (it needs ruamel.yaml: `pip install ruamel.yaml`).

    bucket.publicAccessBlock          -> bucket.aws.publicAccessBlock   (also accountPublicAccessBlock, policy, acl)
    bucket.encryption.bucketKeyEnabled -> bucket.aws.bucketKeyEnabled
    bucket.versioning.mfaDelete       -> bucket.aws.mfaDelete
    identity.policies                 -> identity.aws.policies          (also path, trust)
    account.configRecorders           -> account.aws.configRecorders    (also rootHardwareMFA, rootAccessKeys,
                                         rootLastUsed, rootPasswordEnabled, publicAccessBlock, accessAnalyzers,
                                         serverCertificates, supportAccess)
    trail.multiRegion / logging / logFileValidation / kmsKey -> trail.allRegions / enabled / integrity / encryptionKey
    trail.cloudWatchLogsGroup         -> trail.aws.cloudWatchLogsGroup
    trail.events.s3DataRead / s3DataWrite -> trail.events.dataRead / dataWrite

Usage: scripts/migrate-policies.py FILE_OR_FOLDER... [--layout ROOT]
Files are rewritten in place. With --layout, each file is also moved to ROOT/<provider>/<service>/<id>.yaml
(the service is the word after the provider in the id: aws-s3-bucket-public -> aws/s3/).
Review the result with `posture policies test`.
"""
import io
import os
import re
import sys

try:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
except ImportError:
    sys.exit("migrate-policies: needs ruamel.yaml (pip install ruamel.yaml)")

SECTION = {
    "account": ["rootHardwareMFA", "rootAccessKeys", "rootLastUsed", "rootPasswordEnabled", "publicAccessBlock",
                "configRecorders", "accessAnalyzers", "serverCertificates", "supportAccess"],
    "identity": ["path", "policies", "trust"],
    "bucket": ["publicAccessBlock", "accountPublicAccessBlock", "policy", "acl"],
    "trail": ["cloudWatchLogsGroup"],
}
RENAMED = {"trail": {"multiRegion": "allRegions", "logging": "enabled", "logFileValidation": "integrity", "kmsKey": "encryptionKey"}}
NESTED = {  # kind -> (record field, its field) -> section field
    "bucket": {("encryption", "bucketKeyEnabled"): "bucketKeyEnabled", ("versioning", "mfaDelete"): "mfaDelete"},
}
EVENTS = {"s3DataRead": "dataRead", "s3DataWrite": "dataWrite"}


def expression(text):
    """An expression (or message) with its field paths rewritten."""
    for kind, fields in SECTION.items():
        text = re.sub(r"\b%s\.(%s)\b" % (kind, "|".join(fields)), kind + r".aws.\1", text)
    for kind, names in RENAMED.items():
        for old, new in names.items():
            text = re.sub(r"\b%s\.%s\b" % (kind, old), "%s.%s" % (kind, new), text)
    for kind, nested in NESTED.items():
        for (record, field), new in nested.items():
            text = re.sub(r"\b%s\.%s\.%s\b" % (kind, record, field), "%s.aws.%s" % (kind, new), text)
    for old, new in EVENTS.items():
        text = re.sub(r"\btrail\.events\.%s\b" % old, "trail.events." + new, text)
    return text


def move_to_section(example, kind):
    """Moves an example's AWS-only keys under `aws`, where the first of them stood."""
    if not isinstance(example, dict):
        return
    for old, new in RENAMED.get(kind, {}).items():
        if old in example:
            rename(example, old, new)
    if kind == "trail" and isinstance(example.get("events"), dict):
        for old, new in EVENTS.items():
            if old in example["events"]:
                rename(example["events"], old, new)
    moved = [key for key in list(example.keys()) if key in SECTION.get(kind, [])]
    lifted = []
    for (record, field), new in NESTED.get(kind, {}).items():
        if isinstance(example.get(record), dict) and field in example[record]:
            lifted.append((new, example[record].pop(field)))
    if not moved and not lifted:
        return
    section = example.get("aws") if isinstance(example.get("aws"), dict) else CommentedMap()
    position = list(example.keys()).index(moved[0]) if moved else len(example)
    for key in moved:
        section[key] = example.pop(key)
    for key, value in lifted:
        section[key] = value
    if "aws" not in example:
        example.insert(position, "aws", section)


def rename(mapping, old, new):
    position = list(mapping.keys()).index(old)
    value = mapping.pop(old)
    mapping.insert(position, new, value)


def migrate(document):
    kind = document.get("resource")
    examples = document.get("examples") or {}
    for list_name in ("fail", "pass", "notAssessed"):
        for entry in examples.get(list_name) or []:
            if isinstance(entry, dict) and "resource" in entry and set(entry) <= {"resource", "message", "missing"}:
                move_to_section(entry["resource"], kind)
            else:
                move_to_section(entry, kind)


def rewrite_expressions(text):
    """Rewrites field paths in the `violation`, `message` and `variables` blocks of a policy file,
    as text: folded scalars keep their lines, comments stay where they are."""
    lines = text.split("\n")
    inside = False
    for index, line in enumerate(lines):
        top = re.match(r"^(- )?([A-Za-z]+):", line)
        if top and not line.startswith(" "):
            inside = top.group(2) in ("violation", "message", "variables")
        elif top and top.group(1):
            inside = top.group(2) in ("violation", "message", "variables")
        if inside:
            lines[index] = expression(line)
    return "\n".join(lines)


def main():
    args = sys.argv[1:]
    layout = None
    if "--layout" in args:
        index = args.index("--layout")
        layout = args[index + 1]
        del args[index:index + 2]
    files = []
    for path in args:
        if os.path.isdir(path):
            for folder, _, names in os.walk(path):
                files += [os.path.join(folder, n) for n in sorted(names) if n.endswith((".yaml", ".yml")) and n != "responsibility.yaml"]
        else:
            files.append(path)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100000
    yaml.indent(mapping=2, sequence=4, offset=2)
    for path in files:
        with open(path) as handle:
            documents = list(yaml.load_all(handle))
        for document in documents:
            items = document if isinstance(document, list) else [document]
            for policy in items:
                if isinstance(policy, dict):
                    migrate(policy)
        target = path
        if layout and len(documents) == 1 and isinstance(documents[0], dict) and "id" in documents[0]:
            policy = documents[0]
            parts = str(policy["id"]).split("-")
            service = parts[1] if len(parts) > 2 and parts[0] == str(policy.get("provider")) else "general"
            target = os.path.join(layout, str(policy.get("provider", "other")), service, str(policy["id"]) + ".yaml")
            os.makedirs(os.path.dirname(target), exist_ok=True)
        buffer = io.StringIO()
        yaml.dump_all(documents, buffer) if len(documents) > 1 else yaml.dump(documents[0], buffer)
        with open(target, "w") as handle:
            handle.write(rewrite_expressions(buffer.getvalue()))
        if target != path:
            os.remove(path)
        print(target)


if __name__ == "__main__":
    main()
