# SPDX-License-Identifier: MIT
HOSTTESTS += test_kunit
# section_end.c must stay last: it closes the .init.setup section.
SRCS_test_kunit := lib/kunit/test.c kernel/printk/printk.c kernel/params.c \
                   lib/vsprintf.c lib/string.c lib/kstrtox.c tests/host/section_end.c
