#!/bin/bash
# SPDX-License-Identifier: MIT
#
# shell.t - the built-in shell (kernel/debug): every command's basic
# contract, line editing with both backspace codes, and both ways of
# turning the machine off.

. "$(dirname "$0")/lib.sh"
need_kernel

COMMANDS='help echo dmesg uptime poweroff reboot fault'
plan 29

irqos_run --append 'loglevel=7 shelltest=4711' -- \
	help \
	'echo hello   world  42' \
	'frobnicate --now please' \
	$'echx\x7fo hi' \
	uptime \
	'echo between' \
	uptime \
	dmesg \
	$'echo one\x08\x08\x08two' \
	''

is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'
like "$RUN_LOG" '^Booted via PVH$' 'boot log: Booted via PVH'
like "$RUN_LOG" '^Command line: loglevel=7 shelltest=4711$' 'boot log: Command line'

# help: one line per command, each command named at the start of a line.
help=$(cmd_output 1)
for c in $COMMANDS; do
	like "$help" "^ *$c( |$)" "help lists $c"
done
num_cmp "$(grep -c . <<< "$help")" '>=' 7 'help has a line per command'

is "$(cmd_output 2)" 'hello world 42' 'echo joins its arguments with single spaces'
is "$(cmd_output 3)" 'frobnicate: command not found' 'unknown command: "<name>: command not found"'

# Line editing: DEL (0x7f) and BS (0x08) erase the last character typed,
# in the buffer and on the screen.
is "$(cmd_output 4)" 'hi' 'DEL erased a character: "echx<DEL>o hi" runs echo hi'
unlike "$(cmd_output 4)" 'echx' '... and no trace of "echx" in the output'
is "$(cmd_echo 4)" 'echo hi' '... and the echoed line reads "echo hi" on a terminal'
is "$(cmd_output 9)" 'two' 'BS erased three characters: "echo one<BS><BS><BS>two"'
is "$(cmd_output 10)" '' 'an empty line prints nothing'

# uptime: "up S.UUUUUU s", and it moves forward.
u1=$(cmd_output 5) u2=$(cmd_output 7)
like "$u1" '^up [0-9]+\.[0-9]{6} s$' "uptime format: '$u1'"
like "$u2" '^up [0-9]+\.[0-9]{6} s$' "uptime format: '$u2'"
u1=${u1#up } u1=${u1% s} u2=${u2#up } u2=${u2% s}
num_cmp "$u1" '>' 0 'uptime is positive'
num_cmp "$u1" '<' 120 'uptime is plausible (under two minutes after boot)'
num_cmp "$u2" '>' "$u1" 'uptime increases between two calls'

# dmesg: the log with timestamps, in order, including the command line.
d=$(cmd_output 8)
like "$d" "${TS_RE}Command line: loglevel=7 shelltest=4711\$" 'dmesg has the Command line with a timestamp'
like "$d" "${TS_RE}Booted via PVH\$" 'dmesg has the boot protocol line'
bad=$(grep -aE "$TS_RE" <<< "$d" | sed -E 's/^\[ *([0-9]+\.[0-9]+)\].*/\1/' |
	awk 'NR > 1 && $1 + 0 < prev + 0 { print "line " NR ": " $1 " after " prev; exit }
	     { prev = $1 }')
is "$bad" '' 'dmesg timestamps never go backwards'

# irqos-exec typed poweroff at the prompt after the last command.
is "$(cmd_echo 11)" 'poweroff' 'the shell prompted again; poweroff was typed there'

# reboot: with -no-reboot QEMU exits with status 0 as well.
irqos_run -- 'echo pre-reboot' reboot
is "$RUN_STATUS" 0 'reboot: QEMU exits with status 0'
is "$(cmd_output 1)" 'pre-reboot' 'the shell answered before reboot'
