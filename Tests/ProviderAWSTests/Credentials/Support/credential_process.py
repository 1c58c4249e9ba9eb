#!/usr/bin/env python3
"""A credential_process for tests: what it prints is chosen by its first argument.

ok [EXPIRATION]  Version 1 JSON with a session token (and Expiration when given)
fail             writes two stderr lines and stdout with a secret, exits 3
badjson          prints something that is not JSON
version2         prints Version 2
sleep            sleeps 300 s (far longer than any bound a test waits)
args ...         prints the arguments it received as the AccessKeyId, joined with '|'
"""
import json
import sys
import time

what = sys.argv[1] if len(sys.argv) > 1 else "ok"
if what == "ok":
    doc = {"Version": 1, "AccessKeyId": "ASIAPROCESS", "SecretAccessKey": "process-secret", "SessionToken": "process-token"}
    if len(sys.argv) > 2:
        doc["Expiration"] = sys.argv[2]
    print(json.dumps(doc))
elif what == "fail":
    print(json.dumps({"Version": 1, "AccessKeyId": "ASIALEAK", "SecretAccessKey": "stdout-secret-must-not-leak"}))
    sys.stderr.write("sso session expired, run login\nsecond line\n")
    sys.exit(3)
elif what == "badjson":
    print("not json: stdout-secret-must-not-leak")
elif what == "version2":
    print(json.dumps({"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "B"}))
elif what == "sleep":
    time.sleep(300)
elif what == "args":
    print(json.dumps({"Version": 1, "AccessKeyId": "|".join(sys.argv[2:]), "SecretAccessKey": "s"}))
