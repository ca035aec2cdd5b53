# SPDX-License-Identifier: MIT
# The MADT reader (arch/x86/kernel/acpi/boot.c) on QEMU's captured tables
# and on malformed ones.
HOSTTESTS += test_madt
SRCS_test_madt := arch/x86/kernel/acpi/boot.c lib/string.c tests/host/log_host.c
# boot.c includes asm/apic.h, asm/mpspec.h and asm/processor.h (cpuid); the
# host shims in tests/host/include come first for everything else.
$(BUILD)/tests/host/test_madt: HOSTCFLAGS += -Iarch/x86/include
