// SPDX-License-Identifier: MIT
/*
 * Host tests for ARP and the neighbour cache (net/ipv4/arp.c), driven by
 * frames through arp_rcv()/ip_rcv() and sends through kernel_sendto(),
 * with a fake jiffies clock for the timers.
 *
 * Checked: a request for our address gets a reply with exactly the right
 * 42 bytes and teaches us the sender (REACHABLE); a request for another
 * address is not answered and teaches nothing; malformed ARP is dropped
 * as ARP_BAD; a send to an unknown on-link host broadcasts one request,
 * queues 3 packets and drops the 4th (NEIGH_FAILED); the reply flushes
 * the queue to the learned address; unanswered, the request is repeated
 * once a second, three in all, then the entry is FAILED and its queue
 * dropped (NEIGH_FAILED); REACHABLE turns STALE after 30 s and a STALE
 * entry is still used; off-link destinations resolve the gateway.
 */
#include <linux/kernel.h>
#include <linux/in.h>
#include <linux/net.h>
#include <net/arp.h>
#include <net/ip.h>
#include "tap.h"
#include "net_host.h"
#include "net_frames.h"

static struct socket *sock;

static void setup(void)
{
	net_host_reset();
	neigh_flush_all();
	memset(skb_drop_count, 0, sizeof(skb_drop_count));
}

static u8 state_of(uint32_t ip)
{
	struct neighbour n;

	return neigh_lookup_copy(htonl(ip), &n) ? n.nud_state : NUD_NONE;
}

static void test_reply(void)
{
	uint8_t f[64], want[42];
	const uint8_t zero[6] = { 0 };
	struct neighbour n;
	size_t len;

	setup();
	len = mk_arp(f, 1, MAC_GW, IP_GW, zero, IP_US, MAC_BC);
	net_host_rx_frame(f, (unsigned int)len);
	is_int(net_host_ntx, 1, "ARP request for our address: one reply sent");
	mk_arp(want, 2, MAC_US, IP_US, MAC_GW, IP_GW, MAC_GW);
	is_int(net_host_tx[0].len, 42, "reply is 42 bytes");
	ok(!memcmp(net_host_tx[0].data, want, 42), "reply bytes exact (to the asker, op 2, our sha/sip, its tha/tip)");
	ok(neigh_lookup_copy(htonl(IP_GW), &n) && n.nud_state == NUD_REACHABLE &&
	   !memcmp(n.ha, MAC_GW, 6), "the asker is learned REACHABLE with its MAC");

	setup();
	len = mk_arp(f, 1, MAC_GW, IP_GW, zero, 0x0a000263, MAC_BC);
	net_host_rx_frame(f, (unsigned int)len);
	is_int(net_host_ntx, 0, "request for another address: no reply");
	is_int(state_of(IP_GW), NUD_NONE, "... and its sender is not learned");

	len = mk_arp(f, 1, MAC_GW, IP_GW, zero, IP_US, MAC_BC);
	f[14 + 4] = 8;            /* hln 8 */
	net_host_rx_frame(f, (unsigned int)len);
	len = mk_arp(f, 3, MAC_GW, IP_GW, zero, IP_US, MAC_BC);   /* RARP op */
	net_host_rx_frame(f, (unsigned int)len);
	len = mk_arp(f, 1, MAC_BC, IP_GW, zero, IP_US, MAC_BC);   /* broadcast sha */
	net_host_rx_frame(f, (unsigned int)len);
	net_host_rx_frame(f, 14 + 20);                            /* truncated */
	is_int(skb_drop_count[SKB_DROP_REASON_ARP_BAD], 4, "bad hln, bad op, broadcast sha, truncated: 4 ARP_BAD drops");
	is_int(net_host_ntx, 0, "... and nothing sent");
	is_int(state_of(IP_GW), NUD_NONE, "... nothing learned");
}

static void test_resolve(void)
{
	uint8_t f[64];
	const uint8_t zero[6] = { 0 }, mac_h[6] = { 0x02, 0, 0, 0, 0, 0x63 };
	size_t len;
	int i;

	setup();
	for (i = 0; i < 4; i++)
		kernel_sendto(sock, "abc", 3, htonl(0x0a000263), 9);
	is_int(net_host_ntx, 1, "4 sends to an unknown host: one ARP request out");
	ok(net_host_tx[0].len == 42 && !memcmp(net_host_tx[0].data, MAC_BC, 6) &&
	   get16(net_host_tx[0].data + 20) == 1 && get32(net_host_tx[0].data + 38) == 0x0a000263,
	   "... broadcast, op request, target 10.0.2.99");
	is_int(state_of(0x0a000263), NUD_INCOMPLETE, "entry INCOMPLETE");
	is_int(skb_drop_count[SKB_DROP_REASON_NEIGH_FAILED], 1, "4th packet dropped NEIGH_FAILED (queue holds 3)");

	len = mk_arp(f, 2, mac_h, 0x0a000263, MAC_US, IP_US, MAC_US);
	net_host_rx_frame(f, (unsigned int)len);
	is_int(net_host_ntx, 4, "reply: the 3 queued packets go out");
	for (i = 1; i < 4; i++)
		ok(!memcmp(net_host_tx[i].data, mac_h, 6) && get16(net_host_tx[i].data + 12) == 0x0800 &&
		   get32(net_host_tx[i].data + 30) == 0x0a000263, "queued packet %d: to the learned MAC, IPv4 to 10.0.2.99", i);
	is_int(state_of(0x0a000263), NUD_REACHABLE, "entry REACHABLE");

	net_host_set_jiffies(jiffies + ARP_REACHABLE_TIME - 1);
	is_int(state_of(0x0a000263), NUD_REACHABLE, "still REACHABLE just before 30 s");
	net_host_set_jiffies(jiffies + 1);
	is_int(state_of(0x0a000263), NUD_STALE, "STALE at 30 s");
	net_host_ntx = 0;
	kernel_sendto(sock, "abc", 3, htonl(0x0a000263), 9);
	ok(net_host_ntx >= 1 && !memcmp(net_host_tx[net_host_ntx - 1].data, mac_h, 6),
	   "a STALE entry is still used to send");

	/* Unanswered resolution. */
	setup();
	kernel_sendto(sock, "x", 1, htonl(0x0a000264), 9);
	kernel_sendto(sock, "y", 1, htonl(0x0a000264), 9);
	is_int(net_host_ntx, 1, "unknown host: first request");
	net_host_set_jiffies(jiffies + ARP_RETRANS_TIME);
	is_int(net_host_ntx, 2, "second request after 1 s");
	net_host_set_jiffies(jiffies + ARP_RETRANS_TIME);
	is_int(net_host_ntx, 3, "third request after 2 s");
	is_int(state_of(0x0a000264), NUD_INCOMPLETE, "still INCOMPLETE");
	net_host_set_jiffies(jiffies + ARP_RETRANS_TIME);
	is_int(net_host_ntx, 3, "no fourth request");
	is_int(state_of(0x0a000264), NUD_FAILED, "FAILED after 3 unanswered requests");
	is_int(skb_drop_count[SKB_DROP_REASON_NEIGH_FAILED], 2, "both queued packets dropped NEIGH_FAILED");
	ok(arp_statistics.failed >= 1, "failure counted");

	/* Off-link: resolve the gateway, not the destination. */
	setup();
	kernel_sendto(sock, "z", 1, htonl(0x08080808), 53);
	ok(net_host_ntx == 1 && get32(net_host_tx[0].data + 38) == IP_GW,
	   "off-link destination: ARP for the gateway 10.0.2.2");
	len = mk_arp(f, 2, MAC_GW, IP_GW, MAC_US, IP_US, MAC_US);
	net_host_rx_frame(f, (unsigned int)len);
	ok(net_host_ntx == 2 && !memcmp(net_host_tx[1].data, MAC_GW, 6) &&
	   get32(net_host_tx[1].data + 30) == 0x08080808, "... the packet goes to the gateway's MAC, IP dst 8.8.8.8");
	(void)zero;
}

int main(void)
{
	net_host_reset();
	arp_init();
	ip_init();
	inet_dev_config(&net_host_eth0, htonl(IP_US), htonl(0xffffff00), htonl(IP_GW));
	if (sock_create_kern(SOCK_DGRAM, &sock) || kernel_bind(sock, 0, 5000))
		return 1;
	test_reply();
	test_resolve();
	neigh_flush_all();
	sock_release(sock);
	is_int(net_host_live_skbs(), 0, "no sk_buff leaked");
	return done_testing();
}
