#!/usr/bin/env python3
"""Generate Sources/ProviderAWS/Live/Wire/AWSWireModel+Generated.swift from botocore's models.

The live collector must speak exactly the operations posture calls, and decode their answers
into exactly the JSON the AWS CLI prints. Both depend on details of the API models (XML element
names, flattened lists, result wrappers, JSON targets, paginators) that are easy to get subtly
wrong by hand, so they are taken from the botocore release installed here.

Usage: scripts/generate-aws-wire-model.py [OUTPUT]   (default: the file above, from the repo root)
Deterministic: the same botocore gives the same bytes (a test re-runs it and compares).
"""
import os
import sys

import botocore
import botocore.session

# The read-only operations posture issues, by botocore service name.
OPERATIONS = {
    "sts": ["GetCallerIdentity"],
    "iam": [
        "GetAccountAuthorizationDetails", "GenerateCredentialReport", "GetCredentialReport",
        "GetAccountSummary", "GetAccountPasswordPolicy", "ListVirtualMFADevices",
        "ListServerCertificates",
    ],
    "s3": [
        "ListBuckets", "GetBucketLocation", "GetBucketEncryption", "GetPublicAccessBlock",
        "GetBucketPolicy", "GetBucketPolicyStatus", "GetBucketAcl", "GetBucketLogging",
        "GetBucketVersioning", "GetBucketTagging",
    ],
    "s3control": ["GetPublicAccessBlock"],
    "cloudtrail": ["DescribeTrails", "GetTrailStatus", "GetEventSelectors"],
    "config": ["DescribeConfigurationRecorders", "DescribeConfigurationRecorderStatus"],
    "kms": ["ListKeys", "DescribeKey", "GetKeyRotationStatus"],
    "accessanalyzer": ["ListAnalyzers"],
    "ec2": ["DescribeRegions"],
}

PROTOCOLS = {"query": ".query", "ec2": ".ec2", "json": ".json", "rest-json": ".restJSON", "rest-xml": ".restXML"}
LOCATIONS = {None: None, "uri": ".uri", "querystring": ".querystring", "header": ".header",
             "headers": ".headers", "statusCode": ".statusCode"}
KINDS = {"structure", "list", "map", "string", "boolean", "integer", "long", "double", "float",
         "timestamp", "blob"}


def swift_string(value):
    if value is None:
        return "nil"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


class ShapeTable:
    """Every shape reachable from the chosen operations, once per (service, name), sorted."""

    def __init__(self):
        self.shapes = {}  # "service.Name" -> (service, botocore shape)

    def collect(self, service, shape):
        key = f"{service}.{shape.name}"
        if key in self.shapes:
            return
        if shape.type_name not in KINDS:
            raise SystemExit(f"unsupported shape type {shape.type_name} for {key}")
        self.shapes[key] = (service, shape)
        if shape.type_name == "structure":
            for member in shape.members.values():
                self.collect(service, member)
        elif shape.type_name == "list":
            self.collect(service, shape.member)
        elif shape.type_name == "map":
            self.collect(service, shape.key)
            self.collect(service, shape.value)

    def finish(self):
        self.order = sorted(self.shapes)
        self.index = {key: i for i, key in enumerate(self.order)}


def reference(table, service, name, shape):
    """A member reference: the target shape plus the serialization traits merged onto it."""
    ser = shape.serialization
    args = [swift_string(name), str(table.index[f"{service}.{shape.name}"])]
    if ser.get("name") is not None:
        args.append(f"locationName: {swift_string(ser['name'])}")
    if ser.get("queryName") is not None:
        args.append(f"queryName: {swift_string(ser['queryName'])}")
    location = LOCATIONS.get(ser.get("location"), "?")
    if location == "?":
        raise SystemExit(f"unsupported location {ser.get('location')} on {service}.{name}")
    if location is not None:
        args.append(f"location: {location}")
    if ser.get("flattened"):
        args.append("flattened: true")
    if ser.get("xmlAttribute"):
        args.append("xmlAttribute: true")
    if ser.get("hostLabel"):
        args.append("hostLabel: true")
    if ser.get("timestampFormat") is not None:
        args.append(f"timestampFormat: {swift_string(ser['timestampFormat'])}")
    return f".init({', '.join(args)})"


def shape_line(table, key):
    service, shape = table.shapes[key]
    index = table.index[key]
    kind = shape.type_name
    name = swift_string(key)
    if kind == "structure":
        members = ", ".join(reference(table, service, n, m) for n, m in shape.members.items())
        extra = ""
        if shape.serialization.get("payload") is not None:
            extra = f", payload: {swift_string(shape.serialization['payload'])}"
        return f"/* {index} */ .structure({name}, [{members}]{extra}),"
    if kind == "list":
        return f"/* {index} */ .list({name}, {reference(table, service, 'member', shape.member)}),"
    if kind == "map":
        key_ref = reference(table, service, "key", shape.key)
        value_ref = reference(table, service, "value", shape.value)
        return f"/* {index} */ .map({name}, key: {key_ref}, value: {value_ref}),"
    extra = ""
    # botocore's json_decode_policies (an after-call.iam handler) turns strings of IAM's
    # policyDocumentType into JSON objects; the AWS CLI prints them that way.
    if service == "iam" and shape.name == "policyDocumentType" and kind == "string":
        extra = ", policyDocument: true"
    return f"/* {index} */ .scalar({name}, .{kind}{extra}),"


def paginator_literal(session, service, operation):
    try:
        config = session.get_paginator_model(service).get_paginator(operation)
    except (ValueError, botocore.exceptions.UnknownServiceError):
        return "nil"

    def strings(value):
        values = value if isinstance(value, list) else [value]
        return "[" + ", ".join(swift_string(v) for v in values) + "]"

    args = [f"inputToken: {strings(config['input_token'])}", f"outputToken: {strings(config['output_token'])}",
            f"resultKeys: {strings(config['result_key'])}"]
    if config.get("more_results"):
        args.append(f"moreResults: {swift_string(config['more_results'])}")
    if config.get("limit_key"):
        args.append(f"limitKey: {swift_string(config['limit_key'])}")
    if config.get("non_aggregate_keys"):
        args.append(f"nonAggregateKeys: {strings(config['non_aggregate_keys'])}")
    return f".init({', '.join(args)})"


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        root, "Sources/ProviderAWS/Live/Wire/AWSWireModel+Generated.swift")
    session = botocore.session.get_session()
    table = ShapeTable()
    models = {}
    for service in sorted(OPERATIONS):
        model = session.get_service_model(service)
        models[service] = model
        for name in OPERATIONS[service]:
            operation = model.operation_model(name)
            for shape in (operation.input_shape, operation.output_shape):
                if shape is not None:
                    table.collect(service, shape)
    table.finish()

    lines = [
        f"// Generated by scripts/generate-aws-wire-model.py from botocore {botocore.__version__}. Do not edit:",
        "// change the script (or the installed botocore) and run it again.",
        "",
        "extension AWSWireModel {",
        "    /// The services, shapes and operations posture calls, from botocore's API models.",
        "    static let generated = AWSWireModel(",
        "        services: [",
    ]
    for service in sorted(OPERATIONS):
        md = models[service].metadata
        args = [swift_string(service), PROTOCOLS[md["protocol"]], swift_string(md["apiVersion"]),
                swift_string(md["endpointPrefix"]), swift_string(md.get("signingName") or md["endpointPrefix"]),
                swift_string(md.get("targetPrefix")), swift_string(md.get("jsonVersion")), swift_string(md["serviceId"])]
        lines.append(f"            .init({', '.join(args)}),")
    lines.append("        ],")
    lines.append("        shapes: [")
    lines += ["            " + shape_line(table, key) for key in table.order]
    lines.append("        ],")
    lines.append("        operations: [")
    for service in sorted(OPERATIONS):
        for name in sorted(OPERATIONS[service]):
            op = models[service].operation_model(name)
            input_index = "nil" if op.input_shape is None else str(table.index[f"{service}.{op.input_shape.name}"])
            output_index = "nil" if op.output_shape is None else str(table.index[f"{service}.{op.output_shape.name}"])
            wrapper = None if op.output_shape is None else op.output_shape.serialization.get("resultWrapper")
            host_prefix = (op.endpoint or {}).get("hostPrefix")
            args = [swift_string(service), swift_string(name), swift_string(op.http["method"]),
                    swift_string(op.http["requestUri"]), f"input: {input_index}", f"output: {output_index}"]
            if wrapper:
                args.append(f"resultWrapper: {swift_string(wrapper)}")
            if host_prefix:
                args.append(f"hostPrefix: {swift_string(host_prefix)}")
            paginator = paginator_literal(session, service, name)
            if paginator != "nil":
                args.append(f"paginator: {paginator}")
            lines.append(f"            .init({', '.join(args)}),")
    lines += ["        ]", "    )", "}", ""]
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


if __name__ == "__main__":
    main()
