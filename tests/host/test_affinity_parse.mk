# SPDX-License-Identifier: MIT
# What an smp_affinity write becomes when read back (lib/cpumask.c).
HOSTTESTS += test_affinity_parse
SRCS_test_affinity_parse := lib/cpumask.c lib/vsprintf.c lib/string.c
