# SPDX-License-Identifier: MIT
HOSTTESTS += test_proc_interrupts
# initcall5_end.c must stay last: it closes the .initcall5.init section.
SRCS_test_proc_interrupts := kernel/irq/proc.c arch/x86/kernel/irq_proc.c \
                             fs/proc/stat.c fs/proc/generic.c \
                             fs/proc/root.c fs/seq_file.c lib/cpumask.c lib/vsprintf.c lib/string.c \
                             tests/host/initcall5_end.c
