#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""udp_rtt.py - UDP echo round trips to irqos, timed (e1000e.t).

usage: udp_rtt.py HOST PORT COUNT

Waits (up to 30 s, one probe every 0.3 s) for the echo service to answer
at all, then sends COUNT datagrams one at a time, each 64 bytes: a random
tag, its number and a byte pattern, and waits up to 2 s for its echo. An
echo counts only if it is byte for byte the datagram just sent; anything
else (an old echo, a corrupted one) counts as bad. Prints one line:

  sent S echoed E bad B median_us M min_us N max_us X

with the median, smallest and largest round trip of the good echoes in
microseconds (host clock, from sendto() to recvfrom() returning). Exit
status 0 unless the arguments are wrong.
"""

import os
import socket
import sys
import time


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    host, port, count = argv[0], int(argv[1]), int(argv[2])
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    tag = os.urandom(6).hex()

    # The first datagram waits for slirp's ARP and the echo thread.
    s.settimeout(0.3)
    deadline = time.monotonic() + 30
    up = False
    while not up and time.monotonic() < deadline:
        s.sendto(b"probe " + tag.encode(), (host, port))
        try:
            up = s.recvfrom(2048)[0] == b"probe " + tag.encode()
        except socket.timeout:
            pass
    # Late echoes of the probes must not be taken for the first datagram.
    s.settimeout(0.2)
    try:
        while True:
            s.recvfrom(2048)
    except socket.timeout:
        pass

    s.settimeout(2.0)
    sent = echoed = bad = 0
    rtts = []
    for i in range(count if up else 0):
        head = ("rtt %s %d " % (tag, i)).encode()
        msg = head + bytes((i + k) & 0xff for k in range(64 - len(head)))
        t0 = time.monotonic()
        s.sendto(msg, (host, port))
        sent += 1
        try:
            data = s.recvfrom(2048)[0]
        except socket.timeout:
            continue
        dt = time.monotonic() - t0
        if data == msg:
            echoed += 1
            rtts.append(int(dt * 1e6))
        else:
            bad += 1
    rtts.sort()
    med = rtts[len(rtts) // 2] if rtts else -1
    print("sent %d echoed %d bad %d median_us %d min_us %d max_us %d" %
          (sent, echoed, bad, med, rtts[0] if rtts else -1,
           rtts[-1] if rtts else -1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
