# SPDX-License-Identifier: MIT
HOSTTESTS += test_vsprintf
SRCS_test_vsprintf := lib/vsprintf.c lib/string.c
