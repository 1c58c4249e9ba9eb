#!/usr/bin/env python3
"""A loopback reverse proxy that injects the faults a cloud API throws at a scanner.

    fault-proxy.py --upstream http://127.0.0.1:PORT [--seed N] [--slowdown P] [--throttle P]
                   [--reset P] [--delay P --delay-seconds S] [--truncate P] [--fail-first N]
                   [--log FILE] [--deny REGEX] [--expire REGEX [--expire-always]]
                   [--redirect REGEX --redirect-region REGION]

Listens on 127.0.0.1 (port 0), prints `PORT <n>` when ready, and forwards every request
(method, path, headers including Host, body) to the upstream, relaying its answer. With the
given probabilities it answers instead with one of these faults:

  slowdown   503 with S3's XML error <Error><Code>SlowDown</Code>...
  throttle   400 Throttling: the query protocol's XML <ErrorResponse>, or, when the request
             carries X-Amz-Target (the JSON protocols), {"__type":"ThrottlingException",...}
  reset      the connection closed without an answer, with a TCP reset (SO_LINGER 0)
  delay      S seconds of silence, then the request is forwarded as usual
  truncate   the upstream's status, headers and Content-Length, half its body, then close

--deny REGEX answers 403 AccessDenied to requests whose 'METHOD path' matches. --expire REGEX
answers the first attempt of every distinct matching request with ExpiredToken, in the shape
its protocol uses (S3's XML, the query protocol's ErrorResponse, the JSON protocols'
ExpiredTokenException); with --expire-always every matching attempt. --redirect REGEX answers
matching requests not signed for --redirect-region as S3 does a bucket in another region: 301
PermanentRedirect naming the region in x-amz-bucket-region.

--fail-first N is the deterministic mode for tests: the first N attempts of every distinct
(method, path, body) get the chosen fault kinds in turn (every kind given a non-zero P), and
all later attempts are forwarded cleanly. Counts of injected faults per kind go to stderr on
exit (SIGTERM or SIGINT) and are served as JSON at /__faults.
"""
import argparse
import hashlib
import http.client
import json
import random
import re
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KINDS = ("slowdown", "throttle", "reset", "delay", "truncate")
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}


class Faults:
    """Decides which fault, if any, each attempt gets, and counts what it injected."""

    def __init__(self, args):
        self.lock = threading.Lock()
        self.random = random.Random(args.seed)
        self.chances = [(kind, getattr(args, kind)) for kind in KINDS if getattr(args, kind) > 0]
        self.fail_first = args.fail_first
        self.attempts = Counter()
        self.injected = Counter()
        self.expired_seen = set()

    def expire(self, method, path, body, always):
        """Whether this attempt gets ExpiredToken: the first of each distinct request, or all."""
        with self.lock:
            key = (method, path, body)
            if always or key not in self.expired_seen:
                self.expired_seen.add(key)
                self.injected["expired"] += 1
                return True
            return False

    def count(self, kind):
        with self.lock:
            self.injected[kind] += 1

    def choose(self, method, path, body):
        with self.lock:
            if self.fail_first is not None:
                key = (method, path, body)
                seen = self.attempts[key]
                self.attempts[key] += 1
                kind = self.chances[seen % len(self.chances)][0] if seen < self.fail_first and self.chances else None
            else:
                kind = next((kind for kind, chance in self.chances if self.random.random() < chance), None)
            if kind:
                self.injected[kind] += 1
            return kind

    def report(self):
        with self.lock:
            return {kind: self.injected[kind] for kind in KINDS + ("expired", "redirect")}


class ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream = None  # (host, port), set in main
    faults = None
    delay_seconds = 1.0
    request_log = None  # RequestLog with --log
    deny = None  # compiled --deny pattern
    expire = None  # compiled --expire pattern
    expire_always = False
    redirect = None  # compiled --redirect pattern
    redirect_region = None

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm holds the
        # body until the client's delayed ACK (40 ms per request on Linux).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path == "/__faults":
            return self.answer(200, json.dumps(self.faults.report()).encode(), "application/json")
        if self.request_log is not None:
            self.request_log.write(self.command, self.path, self.headers, body)
        line = f"{self.command} {self.path}"
        if self.deny is not None and self.deny.search(line):
            return self.answer(403, ACCESS_DENIED, "application/xml")
        if self.expire is not None and self.expire.search(line) and self.faults.expire(self.command, self.path, body, self.expire_always):
            return self.expired()
        if self.redirect is not None and self.redirect.search(line) and signing_region(self.headers) != self.redirect_region:
            self.faults.count("redirect")
            return self.answer(301, PERMANENT_REDIRECT, "application/xml", [("x-amz-bucket-region", self.redirect_region)])
        kind = self.faults.choose(self.command, self.path, body)
        try:
            if kind == "slowdown":
                return self.answer(503, SLOWDOWN, "application/xml")
            if kind == "throttle":
                if "X-Amz-Target" in self.headers:
                    return self.answer(400, THROTTLING_JSON, "application/x-amz-json-1.1")
                return self.answer(400, THROTTLING_XML, "text/xml")
            if kind == "reset":
                return self.reset()
            if kind == "delay":
                time.sleep(self.delay_seconds)
            status, headers, answer = self.forward(body)
            if kind == "truncate":
                self.relay(status, headers, answer, len(answer) // 2)
                self.close_connection = True
            else:
                self.relay(status, headers, answer, len(answer))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (its timeout); nothing to tell it

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_GET

    def forward(self, body):
        """Sends the request upstream on this client connection's own upstream connection."""
        for retry in (False, True):
            connection = getattr(self, "upstream_connection", None)
            if connection is None:
                connection = self.upstream_connection = http.client.HTTPConnection(*self.upstream, timeout=60)
            try:
                connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
                for name, value in self.headers.items():
                    if name.lower() not in HOP_BY_HOP:
                        connection.putheader(name, value)
                connection.endheaders(body)
                response = connection.getresponse()
                return response.status, response.getheaders(), response.read()
            except (http.client.HTTPException, OSError):
                connection.close()
                self.upstream_connection = None
                if retry:
                    raise

    def relay(self, status, headers, body, sent):
        self.send_response_only(status)
        for name, value in headers:
            if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body[:sent])

    def expired(self):
        """ExpiredToken as the request's protocol says it (the service from the signature's scope)."""
        if "X-Amz-Target" in self.headers:
            return self.answer(400, EXPIRED_JSON, "application/x-amz-json-1.1")
        if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            return self.answer(403, EXPIRED_QUERY, "text/xml")
        if signing_scope(self.headers)[1] == "s3":
            return self.answer(400, EXPIRED_S3, "application/xml")
        # rest-json (Access Analyzer): the code travels in a header.
        return self.answer(403, EXPIRED_REST_JSON, "application/json", [("x-amzn-ErrorType", "ExpiredTokenException")])

    def answer(self, status, body, content_type, headers=()):
        self.send_response_only(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def reset(self):
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


class RequestLog:
    """--log FILE: one JSON line per request — method, path, the query protocol's Action, the
    JSON protocols' X-Amz-Target, the SigV4 signature and its region, a hash of the body — so
    tests can check what a client sends (read-only calls only, each resent as expected) and that
    no signature leaks into its output."""

    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "a", encoding="utf-8")

    def write(self, method, path, headers, body):
        action = None
        if headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", [None])[0]
        authorization = headers.get("Authorization", "")
        signature = authorization.rsplit("Signature=", 1)[1] if "Signature=" in authorization else None
        entry = {"method": method, "path": path, "action": action, "target": headers.get("X-Amz-Target"), "signature": signature,
                 "region": signing_region(headers), "body": hashlib.sha256(body).hexdigest()[:16]}
        with self.lock:
            self.file.write(json.dumps(entry) + "\n")
            self.file.flush()


def signing_scope(headers):
    """(region, service) of the SigV4 credential scope (Credential=AKID/DATE/REGION/SERVICE/aws4_request)."""
    match = re.search(r"Credential=[^/,]+/[0-9]+/([^/,]+)/([^/,]+)/", headers.get("Authorization", ""))
    return (match.group(1), match.group(2)) if match else (None, None)


def signing_region(headers):
    return signing_scope(headers)[0]


ACCESS_DENIED = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
                 b"<Message>Access Denied</Message><RequestId>FAULTPROXY</RequestId></Error>")
SLOWDOWN = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>'
            b"<Message>Please reduce your request rate.</Message><RequestId>FAULTPROXY</RequestId>"
            b"<HostId>fault-proxy</HostId></Error>")
THROTTLING_XML = (b'<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>'
                  b"<Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
                  b"<RequestId>fault-proxy</RequestId></ErrorResponse>")
THROTTLING_JSON = b'{"__type":"ThrottlingException","message":"Rate exceeded"}'
EXPIRED_S3 = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>ExpiredToken</Code>'
              b"<Message>The provided token has expired.</Message><RequestId>FAULTPROXY</RequestId></Error>")
EXPIRED_QUERY = (b'<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>'
                 b"<Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error>"
                 b"<RequestId>fault-proxy</RequestId></ErrorResponse>")
EXPIRED_JSON = b'{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}'
EXPIRED_REST_JSON = b'{"message":"The security token included in the request is expired"}'
PERMANENT_REDIRECT = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PermanentRedirect</Code>'
                      b"<Message>The bucket you are attempting to access must be addressed using the specified endpoint. "
                      b"Please send all future requests to this endpoint.</Message><RequestId>FAULTPROXY</RequestId></Error>")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", required=True, help="http://host:port of the real server")
    parser.add_argument("--seed", type=int, default=0)
    for kind in KINDS:
        parser.add_argument(f"--{kind}", type=float, default=0.0, metavar="P", help=f"probability of {kind}")
    parser.add_argument("--delay-seconds", type=float, default=1.0)
    parser.add_argument("--fail-first", type=int, metavar="N")
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    parser.add_argument("--deny", metavar="REGEX", help="answer 403 AccessDenied (S3's XML) to requests whose 'METHOD path' matches")
    parser.add_argument("--expire", metavar="REGEX", help="answer ExpiredToken to the first attempt of each matching request")
    parser.add_argument("--expire-always", action="store_true", help="with --expire: to every matching attempt")
    parser.add_argument("--redirect", metavar="REGEX", help="answer S3's 301 PermanentRedirect to matching requests not signed for --redirect-region")
    parser.add_argument("--redirect-region", metavar="REGION", default="ap-southeast-2")
    parser.add_argument("--log", metavar="FILE", help="append one JSON line per request (method, path, action, target, signature, its region, body hash)")
    args = parser.parse_args()
    upstream = urllib.parse.urlsplit(args.upstream)
    ProxyHandler.upstream = (upstream.hostname, upstream.port or 80)
    ProxyHandler.faults = faults = Faults(args)
    ProxyHandler.delay_seconds = args.delay_seconds
    ProxyHandler.request_log = RequestLog(args.log) if args.log else None
    ProxyHandler.deny = re.compile(args.deny) if args.deny else None
    ProxyHandler.expire = re.compile(args.expire) if args.expire else None
    ProxyHandler.expire_always = args.expire_always
    ProxyHandler.redirect = re.compile(args.redirect) if args.redirect else None
    ProxyHandler.redirect_region = args.redirect_region
    server = ThreadingHTTPServer(("127.0.0.1", 0), ProxyHandler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if args.exit_on_stdin_eof:
        threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        counts = faults.report()
        print("injected faults: " + ", ".join(f"{kind}={count}" for kind, count in counts.items()), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
