# SPDX-License-Identifier: MIT
HOSTTESTS += test_extable
SRCS_test_extable := lib/extable.c lib/sort.c lib/bsearch.c lib/string.c
