#!/usr/bin/env python3
"""The ECS container credentials endpoint or EC2 instance metadata (IMDSv2), as documented.

usage: metadata_server.py imds [--role NAME] [--no-v2]
       metadata_server.py ecs  --path /v2/credentials/ID [--authorization TOKEN]

IMDSv2 (docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html):
PUT /latest/api/token with X-aws-ec2-metadata-token-ttl-seconds (1..21600) answers a token;
GET /latest/meta-data/iam/security-credentials/ and .../<role> need X-aws-ec2-metadata-token
with that token, else 401. --no-v2 answers 404 to the token PUT and serves GETs without a token.

ECS (docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html): GET <path> answers
the role's JSON; with --authorization, the Authorization header must equal it, else 403.

Prints `PORT <n>` on stdout, logs one line per request on stderr ("METHOD path status"), and
serves until stdin closes. GET /__count answers how many credential documents were served.
"""
import datetime
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

args = sys.argv[1:]
mode = args[0]


def option(name, default=None):
    return args[args.index(name) + 1] if name in args else default


ROLE = option("--role", "posture-scanner")
PATH = option("--path", "/v2/credentials/task")
AUTHORIZATION = option("--authorization")
V2 = "--no-v2" not in args
TOKENS = set()
SERVED = [0]


def credentials():
    SERVED[0] += 1
    expiration = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
    return {
        "Code": "Success",
        "Type": "AWS-HMAC",
        "AccessKeyId": "ASIAMETADATA%04d" % SERVED[0],
        "SecretAccessKey": "metadata-secret-%d" % SERVED[0],
        "Token": "metadata-session-token-%d" % SERVED[0],
        "Expiration": expiration.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "LastUpdated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


class Handler(BaseHTTPRequestHandler):
    def answer(self, status, body=b"", content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        sys.stderr.write("%s %s %d\n" % (self.command, self.path, status))

    def log_message(self, *_):
        pass

    def do_PUT(self):
        if mode != "imds" or self.path != "/latest/api/token":
            return self.answer(404)
        if not V2:
            return self.answer(404)
        ttl = self.headers.get("X-aws-ec2-metadata-token-ttl-seconds")
        if ttl is None or not ttl.isdigit() or not 1 <= int(ttl) <= 21600:
            return self.answer(400)
        token = secrets.token_urlsafe(24)
        TOKENS.add(token)
        self.answer(200, token.encode())

    def do_GET(self):
        if self.path == "/__count":
            return self.answer(200, str(SERVED[0]).encode())
        if mode == "ecs":
            if self.path != PATH:
                return self.answer(404)
            if AUTHORIZATION is not None and self.headers.get("Authorization") != AUTHORIZATION:
                return self.answer(403)
            return self.answer(200, json.dumps(credentials()).encode(), "application/json")
        if V2 and self.headers.get("X-aws-ec2-metadata-token") not in TOKENS:
            return self.answer(401)
        base = "/latest/meta-data/iam/security-credentials/"
        if self.path == base:
            return self.answer(200, ROLE.encode())
        if self.path == base + ROLE:
            return self.answer(200, json.dumps(credentials()).encode(), "application/json")
        self.answer(404)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
print(f"PORT {server.server_address[1]}", flush=True)
sys.stdin.read()
server.shutdown()
