# SPDX-License-Identifier: MIT
HOSTTESTS += test_cmdline
SRCS_test_cmdline := lib/cmdline.c lib/string.c
