# SPDX-License-Identifier: MIT
# ACPI table discovery (tables.c) and the \_S5_ AML decoder (sleep.c).
HOSTTESTS += test_acpi
SRCS_test_acpi := drivers/acpi/tables.c drivers/acpi/sleep.c lib/string.c lib/cmdline.c tests/host/log_host.c
# tables.c reads boot_params (asm/setup.h) and sleep.c includes asm/io.h; the
# host shims in tests/host/include come first, so only those two headers
# come from the real arch directory (x86-64 hosts only, as for all of these).
$(BUILD)/tests/host/test_acpi: HOSTCFLAGS += -Iarch/x86/include
