# SPDX-License-Identifier: MIT
HOSTTESTS += test_kstrtox
SRCS_test_kstrtox := lib/kstrtox.c lib/string.c
