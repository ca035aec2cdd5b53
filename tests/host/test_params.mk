# SPDX-License-Identifier: MIT
HOSTTESTS += test_params
SRCS_test_params := kernel/params.c lib/vsprintf.c lib/string.c
