# SPDX-License-Identifier: MIT
HOSTTESTS += test_procfs
SRCS_test_procfs := fs/proc/generic.c fs/proc/root.c fs/seq_file.c lib/vsprintf.c lib/string.c
