# SPDX-License-Identifier: MIT
# ARP and the neighbour cache (net/ipv4/arp.c) with the IPv4/UDP send
# path, against the network core stand-ins of net_host.c.
NET_HOST_SRCS := net/ipv4/arp.c net/ipv4/devinet.c net/ipv4/ip_input.c net/ipv4/ip_output.c \
                 net/ipv4/icmp.c net/ipv4/udp.c net/socket.c kernel/sched/wait.c \
                 net/core/skbuff.c net/ethernet/eth.c lib/string.c lib/vsprintf.c tests/host/net_host.c
HOSTTESTS += test_net_arp
SRCS_test_net_arp := $(NET_HOST_SRCS)
$(BUILD)/tests/host/test_net_arp: HOSTCFLAGS += -Iarch/x86/include
