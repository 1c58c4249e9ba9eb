#!/usr/bin/env python3
"""Validates posture's SARIF, OCSF and JUnit reports against the official schemas, and reads
the JUnit report with a real consumer (junitparser). Used by `swift test` and by CI.

usage: validate-reports.py --schemas DIR KIND=FILE [KIND=FILE ...]
  KIND: sarif | ocsf | junit
Prints one line per problem and exits 1 when there is any; prints a summary line and exits 0 otherwise.
Needs jsonschema, xmlschema and junitparser (scripts/ensure-deps.sh installs them).
"""
import argparse
import json
import os
import sys

# GitHub code scanning's bands for rules' security-severity, by posture severity.
SECURITY_SEVERITY = {"critical": (9.0, 10.0), "high": (7.0, 8.9), "medium": (4.0, 6.9), "low": (0.1, 3.9)}


def check_sarif(path, schemas):
    import jsonschema
    schema = json.load(open(os.path.join(schemas, "sarif-2.1.0.json")))
    log = json.load(open(path))
    problems = [f"schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in jsonschema.Draft4Validator(schema).iter_errors(log)]
    # What GitHub code scanning needs beyond the schema.
    for run in log.get("runs", []):
        rules = {r["id"]: r for r in run["tool"]["driver"].get("rules", [])}
        for rule in rules.values():
            props = rule.get("properties", {})
            band = SECURITY_SEVERITY.get(props.get("severity"))
            if band:
                score = float(props.get("security-severity", "nan"))
                if not band[0] <= score <= band[1]:
                    problems.append(f"rule {rule['id']}: security-severity {score} outside {band} for {props.get('severity')}")
            for key in ("shortDescription", "fullDescription", "help"):
                if key not in rule:
                    problems.append(f"rule {rule['id']}: no {key}")
        for index, result in enumerate(run.get("results", [])):
            where = f"result {index} ({result.get('ruleId')})"
            if result.get("ruleId") not in rules:
                problems.append(f"{where}: ruleId not among tool.driver.rules")
            locations = result.get("locations") or []
            physical = locations[0].get("physicalLocation", {}) if locations else {}
            if not physical.get("artifactLocation", {}).get("uri") or physical.get("region", {}).get("startLine", 0) < 1:
                problems.append(f"{where}: code scanning needs a physicalLocation with a uri and a startLine")
            if not locations or not locations[0].get("logicalLocations"):
                problems.append(f"{where}: no logicalLocations")
            if not result.get("partialFingerprints"):
                problems.append(f"{where}: no partialFingerprints")
    return problems, f"{sum(len(r.get('results', [])) for r in log.get('runs', []))} SARIF results"


def check_ocsf(path, schemas):
    import jsonschema
    events = json.load(open(path))
    if not isinstance(events, list):
        return ["OCSF output must be a JSON array of findings"], ""
    problems = []
    validators = {}
    for index, event in enumerate(events):
        version = event.get("metadata", {}).get("version", "?")
        if version not in validators:
            schema_path = os.path.join(schemas, "ocsf", "json-schema", version, "detection_finding.cloud.schema.json")
            if not os.path.exists(schema_path):
                problems.append(f"finding {index}: no OCSF schema for metadata.version {version}")
                continue
            validators[version] = jsonschema.Draft202012Validator(json.load(open(schema_path)))
        for error in validators[version].iter_errors(event):
            problems.append(f"finding {index}: /{'/'.join(map(str, error.absolute_path))}: {error.message}")
        if event.get("class_uid") != 2004:
            problems.append(f"finding {index}: class_uid is not 2004 (Detection Finding)")
    return problems, f"{len(events)} OCSF findings"


def check_junit(path, schemas):
    import junitparser
    import xmlschema
    problems = []
    for xsd in ("junit-10.xsd", "windyroad-JUnit.xsd"):
        schema = xmlschema.XMLSchema(os.path.join(schemas, xsd))
        problems += [f"{xsd}: {error.reason} at {error.path}" for error in schema.iter_errors(path)]
    # A real consumer: junitparser reads every suite; its counts must match the attributes.
    xml = junitparser.JUnitXml.fromfile(path)
    total = 0
    for suite in xml:
        counted = {"failures": 0, "errors": 0, "skipped": 0}
        cases = list(suite)
        for case in cases:
            for result in case.result:
                kind = {junitparser.Failure: "failures", junitparser.Error: "errors", junitparser.Skipped: "skipped"}.get(type(result))
                if kind:
                    counted[kind] += 1
        total += len(cases)
        if suite.tests != len(cases):
            problems.append(f"suite {suite.name}: tests={suite.tests} but {len(cases)} test cases")
        for kind, count in counted.items():
            if getattr(suite, kind) != count:
                problems.append(f"suite {suite.name}: {kind}={getattr(suite, kind)} but {count} counted")
    return problems, f"{total} JUnit test cases"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", required=True)
    parser.add_argument("reports", nargs="+", metavar="KIND=FILE")
    args = parser.parse_args()
    checks = {"sarif": check_sarif, "ocsf": check_ocsf, "junit": check_junit}
    failed = 0
    for item in args.reports:
        kind, _, path = item.partition("=")
        if kind not in checks or not path:
            print(f"error: {item}: expected sarif=FILE, ocsf=FILE or junit=FILE", file=sys.stderr)
            return 2
        problems, summary = checks[kind](path, args.schemas)
        for problem in problems[:50]:
            print(f"{path}: {kind}: {problem}")
        if len(problems) > 50:
            print(f"{path}: {kind}: ... and {len(problems) - 50} more problems")
        failed += bool(problems)
        print(f"{path}: {kind}: {'INVALID' if problems else 'valid'} ({summary})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
