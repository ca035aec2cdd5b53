#!/bin/bash
# SPDX-License-Identifier: MIT
#
# rtc.t - the CMOS RTC (drivers/rtc/rtc.c) on IRQ 8: the date and time it
# reads agree with the host's clock (QEMU starts the RTC at host UTC), and
# periodic interrupts at 64 Hz arrive, are counted by the driver and in
# /proc/interrupts, and stop when switched off. Bad rates are refused.

. "$(dirname "$0")/lib.sh"
need_kernel

plan 22

t_before=$(date -u +%s)
irqos_run -- \
	rtc \
	'rtc rate 64' \
	'rtc on' \
	'rtc wait 16' \
	rtc \
	'rtc wait 16' \
	rtc \
	'rtc rate 3' \
	'rtc rate 16384' \
	'rtc off' \
	rtc \
	'rtc wait 1' \
	'cat /proc/interrupts'
t_after=$(date -u +%s)

is "$RUN_STATUS" 0 'every command answered, then poweroff: status 0'
like "$RUN_LOG" '^rtc: rtc0: MC146818 at I/O 0x70, irq 8: ' 'boot log: rtc0 found'

field() { sed -nE "s/^$1\t+: (.*)$/\1/p" <<< "$2"; }

# Defaults: 1024 Hz, periodic interrupts off; a date and time that match
# the host's UTC clock (decoded from BCD correctly, to the minute or so).
s=$(cmd_output 1)
is "$(field periodic_IRQ "$s")" no 'at boot periodic interrupts are off'
is "$(field periodic_freq "$s")" 1024 'at boot the rate is 1024 Hz'
is "$(field batt_status "$s")" okay 'battery okay'
d=$(field rtc_date "$s") t=$(field rtc_time "$s")
like "$d $t" '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$' "date and time format: '$d $t'"
rtc_s=$(date -u -d "$d $t" +%s 2>/dev/null || echo 0)
num_cmp "$rtc_s" '>=' $((t_before - 120)) 'RTC time is not before the host time (2 min slack)'
num_cmp "$rtc_s" '<=' $((t_after + 120)) 'RTC time is not after the host time (2 min slack)'

# 16 interrupts at 64 Hz take 250 ms. Judged by the PIT's ticks, not the
# TSC's ms: under TCG on a busy host the TSC calibration can be far off,
# while the two timer chips keep in step.
w=$(cmd_output 4)
re='^16 interrupts in [0-9]+\.[0-9]{3} ms \(([0-9]+) ticks at ([0-9]+) Hz\)$'
like "$w" "$re" "rtc wait 16: '$w'"
[[ $w =~ $re ]] && ms=$(( BASH_REMATCH[1] * 1000 / BASH_REMATCH[2] )) || ms=0
num_cmp "$ms" '>=' 180 "16 interrupts at 64 Hz took at least 180 ms of ticks ($ms)"
num_cmp "$ms" '<=' 375 '... and at most 375 ms'

s=$(cmd_output 5)
is "$(field periodic_IRQ "$s")" yes 'rtc on: periodic interrupts enabled'
is "$(field periodic_freq "$s")" 64 'rtc rate 64: the rate is 64 Hz'
c1=$(field irq_count "$s")
num_cmp "$c1" '>=' 16 "irq_count after waiting for 16: $c1"
c2=$(field irq_count "$(cmd_output 7)")
num_cmp "$c2" '>=' $((c1 + 16)) "irq_count keeps growing: $c1 -> $c2"

is "$(cmd_output 8)" 'rtc: invalid rate 3: must be a power of two from 2 to 8192 Hz' 'rtc rate 3 is refused'
like "$(cmd_output 9)" '^rtc: invalid rate 16384: ' 'rtc rate 16384 is refused'
s=$(cmd_output 11)
is "$(field periodic_IRQ "$s")" no 'rtc off: periodic interrupts disabled'
is "$(field periodic_freq "$s")" 64 '... and the refused rates did not change the rate'
is "$(cmd_output 12)" 'rtc: periodic interrupts are off (rtc on)' 'rtc wait refuses to wait while off'

# /proc/interrupts: IRQ 8 belongs to rtc0 and counted at least as many.
row=$(grep -E '^ *8: ' <<< "$(cmd_output 13)")
like "$row" ' rtc0$' "/proc/interrupts row 8 is rtc0: '$row'"
n=$(awk '{ print $2 }' <<< "$row")
num_cmp "${n:-0}" '>=' "$c2" "/proc/interrupts counted IRQ 8 at least irq_count times ($n)"
