# SPDX-License-Identifier: MIT
# IPv4 receive, ICMP echo, UDP and kernel sockets (net/ipv4, net/socket.c)
# against net_host.c's core stand-ins and the real wait queues.
HOSTTESTS += test_net_ipv4
SRCS_test_net_ipv4 := $(NET_HOST_SRCS)
$(BUILD)/tests/host/test_net_ipv4: HOSTCFLAGS += -Iarch/x86/include
