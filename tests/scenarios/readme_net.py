#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""readme_net.py - run the README's networking example through "make run".

usage: readme_net.py README OUTDIR

Reads the example between the README's "<!-- readme_net.t: begin -->" and
"<!-- readme_net.t: end -->" markers. In that block a line "irqos# CMD" is
typed into irqos's shell, a line "host$ CMD" runs on the host with bash
(from the top of the tree, as a newcomer in a second terminal would);
the other lines under a step are its sample output (and "$ make run"
names how the whole thing starts). A "  # ..." tail on an
irqos line is a note for the reader and is not typed.

Starts "make run" from the top of the tree exactly as typed (with the
NET, NETNS, TAP, UDP_PORT and IRQOS_RUN_STATE of the environment, which
the caller sets), with its console (-nographic: the serial line is QEMU's
stdin and stdout) on pipes; waits for the first prompt, does each step,
then types "poweroff" and waits for make to exit. Make's own variables of
an enclosing make (MAKEFLAGS, MAKELEVEL, MFLAGS) are removed so the inner
make runs as if typed at a shell.

Writes into OUTDIR: banner (what make run printed before the first
prompt), step-N.cmd, step-N.out (irqos output of the command, or host
stdout), step-N.err and step-N.rc (host only), step-N.kind ("irqos" or
"host"), step-N.sample (the README's sample output lines under the step),
transcript (the whole console), status (make's exit status, or "timeout").
Exit status 0 if every step ran and make exited by itself, 1 otherwise.
make and QEMU run in their own process group, killed on every way out.
"""

import os
import re
import select
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
PROMPT = b"irqos# "
BOOT_TIMEOUT = 180   # make (a no-op build), QEMU start, boot under TCG
CMD_TIMEOUT = 60
HOST_TIMEOUT = 60


def example_steps(readme):
    """The [kind, command, sample output lines] steps of the marked block."""
    steps, inside = [], False
    with open(readme, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "<!-- readme_net.t: begin -->" in line:
                inside = True
            elif "<!-- readme_net.t: end -->" in line:
                inside = False
            elif inside:
                text = line.strip()
                if text.startswith("irqos# "):
                    cmd = re.sub(r"\s{2,}#.*$", "", text[len("irqos# "):]).strip()
                    steps.append(["irqos", cmd, []])
                elif text.startswith("host$ "):
                    steps.append(["host", text[len("host$ "):].strip(), []])
                elif text and steps:
                    steps[-1][2].append(text)
    return steps


class Console:
    def __init__(self, proc, transcript):
        self.proc, self.buf, self.log = proc, b"", transcript

    def read_until(self, pred, timeout):
        """Read until pred(buf) returns an index (consume up to it) or time out."""
        end = time.monotonic() + timeout
        while True:
            idx = pred(self.buf)
            if idx is not None:
                out, self.buf = self.buf[:idx], self.buf[idx:]
                return out
            left = end - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.proc.stdout], [], [], min(left, 0.5))
            if r:
                data = os.read(self.proc.stdout.fileno(), 65536)
                if not data:
                    return None
                self.log.write(data)
                self.log.flush()
                self.buf += data

    def type(self, text):
        self.proc.stdin.write(text.encode() + b"\r")
        self.proc.stdin.flush()


def prompt_after_line(buf):
    """After a command: its echoed end of line, output, then a prompt at a line start."""
    nl = buf.find(b"\n")
    if nl < 0:
        return None
    i = buf.find(b"\n" + PROMPT, nl)
    return None if i < 0 else i + 1 + len(PROMPT)


def first_prompt(buf):
    i = buf.find(b"\n" + PROMPT)
    return None if i < 0 else i + 1 + len(PROMPT)


def main():
    readme, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    steps = example_steps(readme)
    if not steps:
        print("readme_net.py: no example block in " + readme, file=sys.stderr)
        return 1

    env = dict(os.environ)
    for k in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES"):
        env.pop(k, None)
    transcript = open(os.path.join(outdir, "transcript"), "wb")
    proc = subprocess.Popen(["make", "run"], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    con = Console(proc, transcript)
    status, ok = "timeout", False

    def put(name, data):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())

    try:
        banner = con.read_until(first_prompt, BOOT_TIMEOUT)
        if banner is None:
            print("readme_net.py: no irqos# prompt from make run", file=sys.stderr)
            return 1
        put("banner", banner)
        for n, (kind, cmd, sample) in enumerate(steps, 1):
            put("step-%d.kind" % n, kind)
            put("step-%d.cmd" % n, cmd)
            put("step-%d.sample" % n, "".join(l + "\n" for l in sample))
            if kind == "irqos":
                con.type(cmd)
                out = con.read_until(prompt_after_line, CMD_TIMEOUT)
                if out is None:
                    print("readme_net.py: no prompt after '%s'" % cmd, file=sys.stderr)
                    return 1
                put("step-%d.out" % n, out)
            else:
                try:
                    r = subprocess.run(["bash", "-c", cmd], cwd=ROOT, env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       timeout=HOST_TIMEOUT)
                    put("step-%d.out" % n, r.stdout)
                    put("step-%d.err" % n, r.stderr)
                    put("step-%d.rc" % n, str(r.returncode))
                except subprocess.TimeoutExpired:
                    put("step-%d.rc" % n, "timeout")
                # keep the console drained while the host command ran
                con.read_until(lambda b: None, 0.2)
        con.type("poweroff")
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            con.read_until(lambda b: None, 0.5)
        if proc.poll() is not None:
            status, ok = str(proc.returncode), proc.returncode == 0
        return 0 if ok else 1
    finally:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
        put("status", status)
        transcript.close()


if __name__ == "__main__":
    sys.exit(main())
