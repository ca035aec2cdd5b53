# SPDX-License-Identifier: MIT
HOSTTESTS += test_printk_ring
SRCS_test_printk_ring := kernel/printk/printk.c lib/vsprintf.c lib/string.c lib/kstrtox.c
