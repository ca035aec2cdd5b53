# SPDX-License-Identifier: MIT
# hrtimers (kernel/time/hrtimer.c) on a fake clock, expired by simulated
# clock event interrupts, soft ones through HRTIMER_SOFTIRQ (kernel/softirq.c).
HOSTTESTS += test_hrtimer
SRCS_test_hrtimer := kernel/time/hrtimer.c kernel/softirq.c lib/string.c lib/kstrtox.c tests/host/ksoftirqd_host.c
$(BUILD)/tests/host/test_hrtimer: HOSTCFLAGS += -Iarch/x86/include
