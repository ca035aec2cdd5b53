# SPDX-License-Identifier: MIT
# The "nobody cared" detector and spurious-line polling (kernel/irq/spurious.c).
HOSTTESTS += test_irq_spurious
SRCS_test_irq_spurious := kernel/irq/irqdesc.c kernel/irq/handle.c kernel/irq/chip.c \
                      kernel/irq/manage.c kernel/irq/spurious.c kernel/irq/dummychip.c kernel/irq/thread.c \
                      tests/host/irq_host.c tests/host/irq_thread_host.c lib/vsprintf.c lib/string.c
# manage.c includes asm/processor.h (cpu_relax).
$(BUILD)/tests/host/test_irq_spurious: HOSTCFLAGS += -Iarch/x86/include
