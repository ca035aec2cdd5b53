#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host side of ipv4_udp.t: talk to irqos's UDP services through QEMU
user networking's host forwards.

usage: udp_client.py ECHO_PORT SINK_PORT CLOSED_PORT SECONDS
Sends "irqos-echo-N" to ECHO_PORT until the echo comes back (or SECONDS
pass), then 50 datagrams of 100 bytes to SINK_PORT and 3 to CLOSED_PORT.
Prints "echo <payload> same" if the reply is one of the payloads sent
(or "noecho"), then "sent 50".
"""
import socket
import sys
import time

echo, sink, closed, secs = (int(sys.argv[1]), int(sys.argv[2]),
                            int(sys.argv[3]), float(sys.argv[4]))
deadline = time.time() + secs
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.3)
n = 0
got = None
sent = set()
while time.time() < deadline and got is None:
    msg = b"irqos-echo-%d" % n
    n += 1
    sent.add(msg)
    s.sendto(msg, ("127.0.0.1", echo))
    try:
        data, _ = s.recvfrom(2048)
        got = data.decode(errors="replace")
        ok = data in sent   # an echo of any earlier try counts
    except socket.timeout:
        pass
print("echo " + ("%s %s" % (got, "same" if ok else "different")) if got else "noecho", flush=True)
if got:
    t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for i in range(50):
        t.sendto(bytes([i]) * 100, ("127.0.0.1", sink))
        time.sleep(0.005)
    for i in range(3):
        t.sendto(b"nobody home", ("127.0.0.1", closed))
        time.sleep(0.005)
    print("sent 50", flush=True)
