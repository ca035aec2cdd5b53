# SPDX-License-Identifier: MIT
HOSTTESTS += test_sort
SRCS_test_sort := lib/sort.c lib/bsearch.c lib/string.c
