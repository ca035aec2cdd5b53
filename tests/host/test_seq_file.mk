# SPDX-License-Identifier: MIT
HOSTTESTS += test_seq_file
SRCS_test_seq_file := fs/seq_file.c lib/vsprintf.c lib/string.c
