# SPDX-License-Identifier: MIT
HOSTTESTS += test_kallsyms
SRCS_test_kallsyms := kernel/kallsyms.c lib/vsprintf.c lib/string.c
