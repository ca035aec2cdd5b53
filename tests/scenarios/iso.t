#!/bin/bash
# SPDX-License-Identifier: MIT
#
# iso.t - the GRUB rescue image (make iso): BIOS boots GRUB from the
# CD-ROM, GRUB loads irqos with Multiboot2 and irqos knows it, the serial
# console and shell work, and the machine powers off.

. "$(dirname "$0")/lib.sh"
need_kernel
[ -f "$IRQOS_ISO" ] || skip_all "no $IRQOS_ISO (make iso builds it)"
plan 6

irqos_run --iso "$IRQOS_ISO" -- 'echo via-grub' dmesg
is "$RUN_STATUS" 0 'boots from the ISO, answers, powers off (status 0)'
is "$(cmd_output 1)" 'via-grub' 'echo answers'
d=$(strip_ts "$(cmd_output 2)")
like "$d" '^Booted via Multiboot2 by GRUB' 'dmesg: Booted via Multiboot2 by GRUB'
unlike "$d" '^Booted via PVH' 'dmesg: not PVH'
like "$d" '^Command line:' 'dmesg: Command line line is there'
is "$(grep -ac '^Booted via ' <<< "$d")" 1 'exactly one boot protocol line'
