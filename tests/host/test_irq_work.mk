# SPDX-License-Identifier: MIT
# irq_work's claim/queue/run state machine (kernel/irq_work.c) with the
# architecture's self-IPI replaced by a counter and the IPI by a call.
HOSTTESTS += test_irq_work
SRCS_test_irq_work := kernel/irq_work.c lib/string.c
# irq_work.c includes asm/processor.h (cpu_relax).
$(BUILD)/tests/host/test_irq_work: HOSTCFLAGS += -Iarch/x86/include
