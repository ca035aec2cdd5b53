# SPDX-License-Identifier: MIT
# Softirq budgeting and the tasklet state machine (kernel/softirq.c) on a
# fake clock (tests/host/softirq_host.h).
HOSTTESTS += test_softirq
SRCS_test_softirq := kernel/softirq.c lib/string.c tests/host/ksoftirqd_host.c
# softirq.c includes asm/processor.h (cpu_relax) and asm/tsc.h.
$(BUILD)/tests/host/test_softirq: HOSTCFLAGS += -Iarch/x86/include
