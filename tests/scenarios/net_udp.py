#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""net_udp.py - the host side of the UDP scenarios (net_*.t).

usage:
  net_udp.py freeport                    print a free UDP port on 127.0.0.1
  net_udp.py echo HOST PORT COUNT        send COUNT numbered datagrams one at
                                         a time, each waiting (1 s, two tries)
                                         for its echo (giving up after five
                                         lost in a row); print
                                         "sent S echoed E bad B"
  net_udp.py flood HOST PORT COUNT [SIZE] send COUNT datagrams of SIZE bytes
                                         (default 64) as fast as the host
                                         lets us; print "sent S seconds T"

Every echoed datagram is compared byte for byte with what was sent (a
random tag plus its number), so a stale or corrupted echo counts as bad,
not as echoed. Exit status 0 unless the arguments are wrong.
"""

import errno
import os
import socket
import sys
import time


def freeport():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    print(port)


def echo(host, port, count):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(1.0)
    tag = os.urandom(6).hex()
    sent = echoed = bad = lost = 0
    for i in range(count):
        if lost >= 5:                   # nobody answering: do not wait more
            break
        msg = ("irqos-echo %s %d " % (tag, i)).encode() + bytes(range(32))
        for _ in range(2):
            s.sendto(msg, (host, port))
            sent += 1
            try:
                data, _ = s.recvfrom(2048)
            except socket.timeout:
                continue
            if data == msg:
                echoed += 1
                lost = 0
                break
            bad += 1
        else:
            lost += 1
    print("sent %d echoed %d bad %d" % (sent, echoed, bad))


def flood(host, port, count, size):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    payload = b"f" * size
    sent = 0
    start = time.monotonic()
    while sent < count:
        try:
            s.sendto(payload, (host, port))
            sent += 1
        except OSError as e:            # host socket buffer full: retry
            if e.errno not in (errno.ENOBUFS, errno.EAGAIN):
                raise
            time.sleep(0.0001)
    print("sent %d seconds %.3f" % (sent, time.monotonic() - start))


def main(argv):
    if argv[:1] == ["freeport"] and len(argv) == 1:
        freeport()
    elif argv[:1] == ["echo"] and len(argv) == 4:
        echo(argv[1], int(argv[2]), int(argv[3]))
    elif argv[:1] == ["flood"] and len(argv) in (4, 5):
        flood(argv[1], int(argv[2]), int(argv[3]),
              int(argv[4]) if len(argv) == 5 else 64)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
