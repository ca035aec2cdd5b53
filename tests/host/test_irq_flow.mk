# SPDX-License-Identifier: MIT
# Flow handlers (kernel/irq/chip.c) and the action walk (handle.c) against
# the fake irq_chip of irq_host.c.
HOSTTESTS += test_irq_flow
SRCS_test_irq_flow := kernel/irq/irqdesc.c kernel/irq/handle.c kernel/irq/chip.c \
                      kernel/irq/manage.c kernel/irq/spurious.c kernel/irq/dummychip.c kernel/irq/thread.c \
                      tests/host/irq_host.c tests/host/irq_thread_host.c lib/vsprintf.c lib/string.c
# manage.c includes asm/processor.h (cpu_relax); the host shims in
# tests/host/include still come first for everything else.
$(BUILD)/tests/host/test_irq_flow: HOSTCFLAGS += -Iarch/x86/include
