# SPDX-License-Identifier: MIT
HOSTTESTS += test_cpumask
SRCS_test_cpumask := lib/cpumask.c lib/vsprintf.c lib/string.c
