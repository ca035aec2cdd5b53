# SPDX-License-Identifier: MIT
# IPv4 output route choice, sending through lo / a down device, and the
# ifconfig address syntax (net/ipv4/ip_output.c, devinet.c, arp.c).
HOSTTESTS += test_net_route
SRCS_test_net_route := $(NET_HOST_SRCS)
$(BUILD)/tests/host/test_net_route: HOSTCFLAGS += -Iarch/x86/include
