# SPDX-License-Identifier: MIT
# irq_alloc_desc_from / irq_free_desc (kernel/irq/irqdesc.c): dynamic IRQ numbers (MSI).
HOSTTESTS += test_irq_alloc
SRCS_test_irq_alloc := kernel/irq/irqdesc.c kernel/irq/handle.c kernel/irq/chip.c \
                      kernel/irq/manage.c kernel/irq/spurious.c kernel/irq/dummychip.c kernel/irq/thread.c \
                      tests/host/irq_host.c tests/host/irq_thread_host.c lib/vsprintf.c lib/string.c
$(BUILD)/tests/host/test_irq_alloc: HOSTCFLAGS += -Iarch/x86/include
