// SPDX-License-Identifier: MIT
/*
 * Ethernet framing: classify a received frame and strip its header
 * (eth_type_trans), or build the header for a frame to send (eth_header).
 *
 * Only Ethernet II framing is understood: a type field below 0x0600 is an
 * 802.3 length, and such frames get protocol 0 (no handler speaks it, so
 * netif_receive_skb() drops them as UNHANDLED_PROTO, counted).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/netdevice.h>

/**
 * eth_type_trans - classify a received Ethernet frame for the stack
 * @skb: data at the Ethernet header, len the frame length (no FCS)
 * @dev: the receiving device (stored in skb->dev)
 *
 * Sets the mac header, skb->pkt_type (broadcast, multicast, for this host
 * or for another) and pulls the 14-byte header so data is at the network
 * header. A frame shorter than the header is left unpulled with
 * protocol 0.
 *
 * Return: the ethertype in network byte order, for skb->protocol.
 */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	if (skb->len < ETH_HLEN)
		return 0;
	eth = (const struct ethhdr *)skb->data;
	skb_pull(skb, ETH_HLEN);
	if (is_multicast_ether_addr(eth->h_dest))
		skb->pkt_type = is_broadcast_ether_addr(eth->h_dest) ? PACKET_BROADCAST
								      : PACKET_MULTICAST;
	else if (ether_addr_equal(eth->h_dest, dev->dev_addr))
		skb->pkt_type = PACKET_HOST;
	else
		skb->pkt_type = PACKET_OTHERHOST;
	if (be16_to_cpu(eth->h_proto) < 0x0600)
		return 0;
	return eth->h_proto;
}

/**
 * eth_header - push an Ethernet header onto @skb
 * @skb: data at the network header, ETH_HLEN of headroom
 * @dev: the sending device
 * @type: the ethertype, host byte order (ETH_P_IP, ETH_P_ARP)
 * @daddr: destination MAC, NULL for broadcast
 * @saddr: source MAC, NULL for @dev's own
 *
 * Return: ETH_HLEN. Also sets skb->protocol and the mac header.
 */
int eth_header(struct sk_buff *skb, struct net_device *dev, u16 type,
	       const u8 *daddr, const u8 *saddr)
{
	struct ethhdr *eth = skb_push(skb, ETH_HLEN);

	memcpy(eth->h_dest, daddr ? daddr : dev->broadcast, ETH_ALEN);
	memcpy(eth->h_source, saddr ? saddr : dev->dev_addr, ETH_ALEN);
	eth->h_proto = htons(type);
	skb->protocol = htons(type);
	skb->dev = dev;
	skb_reset_mac_header(skb);
	return ETH_HLEN;
}
