#!/usr/bin/env python3
"""Starts moto's server on 127.0.0.1 with a free port, prints the port, serves until stdin closes.

The Swift tests read the first stdout line for the port and close stdin to stop it, so a
crashed test run leaves no server behind.
"""
import sys

from moto.server import ThreadedMotoServer

server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()
server.stop()
