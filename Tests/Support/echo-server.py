#!/usr/bin/env python3
"""A tiny loopback upstream for the HTTP client's tests. Standard library only.

Listens on 127.0.0.1 (port 0: the system picks one), prints `PORT <n>` when ready.
HTTP/1.1 with keep-alive; every answer carries Content-Length. Routes:

  /gzip               the echo document, gzip-encoded (Content-Encoding: gzip)
  /status/N           status N, a small text body
  /retry-after/N      503 with `Retry-After: N` the first time per X-Client-Id, then the echo
  /slow/S             sleeps S seconds, then the echo
  /big/N              N bytes (a repeating pattern, so a test can check them)
  /stats              {"requests", "maxConcurrent"}: requests seen and the most handled at once
  anything else       the echo: JSON with method, path, selected headers, body and its length

With --tls CERT KEY it serves HTTPS. With --exit-on-stdin-eof it exits when its stdin closes
(the test process that started it died).
"""
import argparse
import gzip
import json
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ECHOED_HEADERS = ("host", "user-agent", "content-type", "accept-encoding", "x-client-id", "x-amz-target")


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.active = 0
        self.max_active = 0
        self.retry_after_seen = set()

    def enter(self):
        with self.lock:
            self.requests += 1
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def leave(self):
        with self.lock:
            self.active -= 1


COUNTERS = Counters()


class EchoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.answer()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_GET

    def answer(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts[0] == "stats":
            with COUNTERS.lock:
                stats = {"requests": COUNTERS.requests, "maxConcurrent": COUNTERS.max_active}
            return self.send(200, json.dumps(stats).encode(), "application/json")
        COUNTERS.enter()
        try:
            self.route(parts, body)
        finally:
            COUNTERS.leave()

    def route(self, parts, body):
        route, argument = parts[0], (parts[1] if len(parts) > 1 else "")
        if route == "status":
            return self.send(int(argument), f"status {argument}\n".encode(), "text/plain")
        if route == "big":
            count = int(argument)
            pattern = bytes(range(256)) * (count // 256 + 1)
            return self.send(200, pattern[:count], "application/octet-stream")
        if route == "slow":
            time.sleep(float(argument))
        if route == "retry-after":
            client = self.headers.get("X-Client-Id", "")
            with COUNTERS.lock:
                first = (client, argument) not in COUNTERS.retry_after_seen
                COUNTERS.retry_after_seen.add((client, argument))
            if first:
                return self.send(503, b"busy\n", "text/plain", {"Retry-After": argument})
        echo = json.dumps(self.echo(body), sort_keys=True).encode()
        if route == "gzip":
            return self.send(200, gzip.compress(echo), "application/json", {"Content-Encoding": "gzip"})
        self.send(200, echo, "application/json")

    def echo(self, body):
        headers = {name: self.headers[name] for name in ECHOED_HEADERS if name in self.headers}
        return {"method": self.command, "path": self.path, "headers": headers,
                "bodyLength": len(body), "body": body.decode("utf-8", "replace")}

    def send(self, status, body, content_type, extra=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    server.daemon_threads = True
    if args.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*args.tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    if args.exit_on_stdin_eof:
        threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
