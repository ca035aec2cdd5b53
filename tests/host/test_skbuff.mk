# SPDX-License-Identifier: MIT
# sk_buff arithmetic, queues and counted drops (net/core/skbuff.c).
HOSTTESTS += test_skbuff
SRCS_test_skbuff := net/core/skbuff.c lib/string.c
$(BUILD)/tests/host/test_skbuff: HOSTCFLAGS += -Iarch/x86/include
