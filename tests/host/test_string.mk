# SPDX-License-Identifier: MIT
HOSTTESTS += test_string
SRCS_test_string := lib/string.c
