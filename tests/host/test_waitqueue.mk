# SPDX-License-Identifier: MIT
# Wait queues and completions (kernel/sched/wait.c, completion.c) against
# a fake scheduler defined in the test: try_to_wake_up() logs who it woke.
HOSTTESTS += test_waitqueue
SRCS_test_waitqueue := kernel/sched/wait.c kernel/sched/completion.c lib/string.c
# sched.h includes asm/current.h.
$(BUILD)/tests/host/test_waitqueue: HOSTCFLAGS += -Iarch/x86/include
