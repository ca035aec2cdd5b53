# SPDX-License-Identifier: MIT
# The timer wheel (kernel/time/timer.c) run from TIMER_SOFTIRQ
# (kernel/softirq.c) by simulated ticks.
HOSTTESTS += test_timer
SRCS_test_timer := kernel/time/timer.c kernel/softirq.c lib/string.c tests/host/ksoftirqd_host.c
# timer.c and softirq.c include asm/processor.h (cpu_relax) and asm/tsc.h.
$(BUILD)/tests/host/test_timer: HOSTCFLAGS += -Iarch/x86/include
