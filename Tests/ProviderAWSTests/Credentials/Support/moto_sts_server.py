#!/usr/bin/env python3
"""Starts moto's server on 127.0.0.1 with a free port, prints `PORT <n>`, serves until stdin closes.

The Swift tests (LoopbackServer) read the PORT line and close stdin to stop it, so a
crashed test run leaves no server behind.
"""
import sys

from moto.server import ThreadedMotoServer

server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(f"PORT {server.get_host_and_port()[1]}", flush=True)
sys.stdin.read()
server.stop()
