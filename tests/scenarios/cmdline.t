#!/bin/bash
# SPDX-License-Identifier: MIT
#
# cmdline.t - kernel command line handling: the line is logged, parameters
# the kernel knows are consumed, unknown ones are reported the way Linux
# reports them (and would hand to user space).

. "$(dirname "$0")/lib.sh"
need_kernel
plan 8

UNKNOWN_RE='^Unknown kernel command line parameters'

irqos_run --append 'loglevel=8 foo=bar irqos_nonexistent' -- dmesg
is "$RUN_STATUS" 0 'boots with unknown parameters and powers off'
d=$(strip_ts "$(cmd_output 1)")
like "$d" '^Command line: loglevel=8 foo=bar irqos_nonexistent$' 'dmesg: Command line'
like "$d" '^Unknown kernel command line parameters "foo=bar irqos_nonexistent", will be passed to user space\.$' \
	'dmesg: the two unknown parameters, in Linux'"'"'s format'
is "$(grep -acE "$UNKNOWN_RE" <<< "$d")" 1 'reported once'
in_order "$d" '^Command line:' "$UNKNOWN_RE"

irqos_run --append 'loglevel=8' -- dmesg
is "$RUN_STATUS" 0 'boots with only known parameters'
d=$(strip_ts "$(cmd_output 1)")
like "$d" '^Command line: loglevel=8$' 'dmesg: Command line'
unlike "$d" "$UNKNOWN_RE" 'known parameters are not reported as unknown'
