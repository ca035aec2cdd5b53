# SPDX-License-Identifier: MIT
# Threaded handlers (kernel/irq/thread.c): request_threaded_irq(), the
# IRQF_ONESHOT masking of the flow handlers, "threadirqs" forced threading.
HOSTTESTS += test_irq_thread
SRCS_test_irq_thread := kernel/irq/irqdesc.c kernel/irq/handle.c kernel/irq/chip.c \
                      kernel/irq/manage.c kernel/irq/spurious.c kernel/irq/dummychip.c \
                      kernel/irq/thread.c tests/host/irq_host.c tests/host/irq_thread_host.c \
                      lib/vsprintf.c lib/string.c
# manage.c includes asm/processor.h (cpu_relax).
$(BUILD)/tests/host/test_irq_thread: HOSTCFLAGS += -Iarch/x86/include
