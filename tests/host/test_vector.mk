# SPDX-License-Identifier: MIT
# The APIC device vector allocator (arch/x86/kernel/apic/vector.c), with a
# vector_irq[] table per CPU (percpu_array.h replaces the one-copy shim).
HOSTTESTS += test_vector
SRCS_test_vector := arch/x86/kernel/apic/vector.c lib/string.c
$(BUILD)/tests/host/test_vector: HOSTCFLAGS += -include tests/host/percpu_array.h -Iarch/x86/include
