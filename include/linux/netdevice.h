/* SPDX-License-Identifier: MIT */
/*
 * Network devices and NAPI (net/core/dev.c, net/core/napi.c,
 * net/ethernet/eth.c).
 *
 * A driver allocates a net_device with alloc_etherdev(), fills in its
 * MAC address and netdev_ops, adds a NAPI context with netif_napi_add()
 * and calls register_netdev(). Receive is NAPI:
 *
 *	hard irq:  if the device says "mine": mask the device's interrupts,
 *	           napi_schedule(&napi)  - queue napi on this CPU's poll list
 *	                                   and raise NET_RX_SOFTIRQ
 *	NET_RX:    net_rx_action() calls napi->poll(napi, budget) for each
 *	           scheduled napi; poll hands up to @budget frames to
 *	           netif_receive_skb() and returns how many it did; if fewer
 *	           than budget, it calls napi_complete_done() and unmasks
 *	           the device's interrupts, else it stays scheduled and
 *	           net_rx_action() polls it again (or, past netdev_budget
 *	           frames / netdev_budget_usecs, re-raises NET_RX_SOFTIRQ,
 *	           which ksoftirqd then carries under overload).
 *
 * netif_receive_skb() hands a frame (skb->protocol set by eth_type_trans(),
 * data at the network header) to the packet_type registered for its
 * ethertype (dev_add_pack()). Transmit: dev_queue_xmit() calls the
 * driver's ndo_start_xmit, which returns NETDEV_TX_OK or, with its ring
 * full, NETDEV_TX_BUSY after netif_stop_queue().
 *
 * A device without NAPI (the loopback device) hands received frames to
 * netif_rx() instead, from any context: they wait on this CPU's backlog
 * (softnet_data.input_pkt_queue, at most netdev_max_backlog frames) and a
 * per-CPU NAPI context, softnet_data.backlog, polled by net_rx_action()
 * like a device's, passes them to netif_receive_skb().
 *
 * dev_open() and dev_close() bring a device up and down (ndo_open,
 * ndo_stop); a down device transmits nothing (-ENETDOWN, counted).
 *
 * Transmit watchdog: a driver with an ndo_tx_timeout and a watchdog_timeo
 * is called (from the timer softirq) when its queue has stayed stopped
 * that long without a frame taken (trans_start); it resets the NIC from
 * process context under rtnl_lock().
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/skbuff.h>
#include <linux/if_ether.h>
#include <linux/percpu.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

#define IFNAMSIZ 16

/* net_device.flags (Linux's IFF_*) */
#define IFF_UP        0x1
#define IFF_BROADCAST 0x2
#define IFF_LOOPBACK  0x8
#define IFF_RUNNING   0x40
#define IFF_NOARP     0x80             /* no ARP: frames go to dev->broadcast */
#define IFF_PROMISC   0x100
#define IFF_MULTICAST 0x1000

/* The /proc/net/dev counters, as struct rtnl_link_stats64 names them. */
struct net_device_stats {
	unsigned long rx_packets, tx_packets;
	unsigned long rx_bytes, tx_bytes;
	unsigned long rx_errors, tx_errors;
	unsigned long rx_dropped, tx_dropped;
	unsigned long multicast, collisions;
	unsigned long rx_length_errors, rx_over_errors, rx_crc_errors;
	unsigned long rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	unsigned long tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	unsigned long tx_heartbeat_errors, tx_window_errors;
	unsigned long rx_compressed, tx_compressed;
	unsigned long rx_nohandler;      /* no packet_type for the ethertype (not in /proc/net/dev) */
};

typedef enum netdev_tx { NETDEV_TX_OK = 0, NETDEV_TX_BUSY = 0x10 } netdev_tx_t;

struct net_device;

struct net_device_ops {
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	/* The transmit watchdog found queue @txqueue stopped for longer than
	 * watchdog_timeo (timer softirq context: schedule the reset). */
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
};

/* NAPI states (bits of napi_struct.state) */
enum {
	NAPI_STATE_SCHED,     /* on a poll list, or being polled */
	NAPI_STATE_DISABLE,   /* napi_disable() in progress */
	NAPI_STATE_MISSED,    /* scheduled again while being polled */
};

struct napi_struct {
	struct list_head poll_list;      /* in softnet_data.poll_list */
	unsigned long state;
	int weight;                      /* budget per poll call (64) */
	int (*poll)(struct napi_struct *napi, int budget);
	struct net_device *dev;
	unsigned long polls;             /* poll calls */
	unsigned long completes;         /* napi_complete_done() that re-armed */
};

#define NAPI_POLL_WEIGHT 64

struct net_device {
	char name[IFNAMSIZ];
	struct list_head dev_list;
	unsigned int flags;
	unsigned int mtu;
	int ifindex;
	int irq;
	u8 dev_addr[ETH_ALEN];
	u8 broadcast[ETH_ALEN];
	bool carrier;
	unsigned long queue_state;       /* bit 0: TX queue stopped */
	const struct net_device_ops *netdev_ops;
	struct net_device_stats stats;
	void *ip_ptr;                    /* IPv4 configuration (struct in_device) */
	void *priv;                      /* the driver's, netdev_priv() */
	struct napi_struct *napi;        /* the (one) NAPI context, for ifconfig */
	/* The transmit queue (a pfifo qdisc, net/sched/sch_generic.c): frames wait
	 * here while the driver's ring is full. */
	struct sk_buff_head qdisc;
	unsigned int tx_queue_len;       /* its limit; 1000 as Linux's txqueuelen */
	unsigned long qdisc_running;     /* bit 0: a CPU is draining it */
	unsigned long qdisc_scheduled;   /* bit 0: on a CPU's output queue */
	struct net_device *next_sched;   /* link in softnet_data's output queue */
	/* The transmit watchdog (net/sched/sch_generic.c), for drivers with an
	 * ndo_tx_timeout: armed while up with carrier. */
	struct timer_list watchdog_timer;
	int watchdog_timeo;              /* jiffies a stopped queue may make no
					  * progress; <= 0: 5 * HZ at dev_open() */
	unsigned long trans_start;       /* jiffies: the driver last took a frame */
	unsigned long trans_timeout;     /* watchdog timeouts (Linux's queue tx-0 tx_timeout) */
	struct pci_dev *parent_pci;      /* the PCI function behind it, or NULL
					  * (Linux's SET_NETDEV_DEV) */
};

static inline void *netdev_priv(const struct net_device *dev) { return dev->priv; }

/* Per-CPU receive state; /proc/net/softnet_stat prints these. */
struct softnet_data {
	struct list_head poll_list;      /* napi_structs scheduled on this CPU */
	struct sk_buff_head input_pkt_queue; /* netif_rx()'s backlog */
	struct napi_struct backlog;      /* drains input_pkt_queue (process_backlog) */
	unsigned int processed;          /* frames net_rx_action() handed up */
	unsigned int dropped;            /* frames dropped by the core on this CPU
					  * (backlog full: CPU_BACKLOG) */
	unsigned int time_squeeze;       /* net_rx_action() ran out of budget or time */
	unsigned int received_rps;       /* always 0: no RPS */
};
DECLARE_PER_CPU(struct softnet_data, softnet_data);

extern int netdev_budget;            /* frames per net_rx_action(), 300 */
extern unsigned int netdev_budget_usecs; /* time per net_rx_action(), 2 jiffies */
extern int netdev_max_backlog;       /* frames a CPU's backlog holds, 1000 */
extern int dev_rx_weight;            /* the backlog napi's weight, 64 (sysctl dev_weight) */

struct net_device *alloc_etherdev(int sizeof_priv);
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);     /* names it ethN unless named */
void unregister_netdev(struct net_device *dev);
struct net_device *dev_get_by_name(const char *name);
struct net_device *loopback_dev_get(void);        /* drivers/net/loopback.c: lo */
int dev_open(struct net_device *dev);
int dev_close(struct net_device *dev);
#define for_each_netdev(d) list_for_each_entry(d, &net_devices, dev_list)
extern struct list_head net_devices;

void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int));
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
/* From the interrupt handler: poll @n soon, on this CPU. */
static inline bool napi_schedule(struct napi_struct *n)
{
	if (napi_schedule_prep(n)) {
		__napi_schedule(n);
		return true;
	}
	return false;
}
/* From poll, having done @work_done < budget: leave polled mode. Returns
 * false if the napi must stay scheduled (it was rescheduled meanwhile), in
 * which case the driver must not unmask its interrupts. */
bool napi_complete_done(struct napi_struct *n, int work_done);

int netif_receive_skb(struct sk_buff *skb);     /* NET_RX_SUCCESS / NET_RX_DROP */
#define NET_RX_SUCCESS 0
#define NET_RX_DROP    1
int netif_rx(struct sk_buff *skb);              /* any context; queue on the backlog */
unsigned int softnet_backlog_len(const struct softnet_data *sd);
int dev_queue_xmit(struct sk_buff *skb);        /* consumes skb; 0 or -errno */

/* Free an skb from any context: from hard irq it is queued for NET_TX. */
void dev_kfree_skb_any(struct sk_buff *skb);
void dev_kfree_skb_irq(struct sk_buff *skb);

static inline void netif_stop_queue(struct net_device *d)
{
	__atomic_fetch_or(&d->queue_state, 1UL, __ATOMIC_SEQ_CST);
}
static inline bool netif_queue_stopped(const struct net_device *d)
{
	return __atomic_load_n(&d->queue_state, __ATOMIC_ACQUIRE) & 1UL;
}
void netif_wake_queue(struct net_device *d);
static inline void netif_start_queue(struct net_device *d)
{
	__atomic_fetch_and(&d->queue_state, ~1UL, __ATOMIC_SEQ_CST);
}
/* The driver took a frame (the core does this after NETDEV_TX_OK). */
static inline void netif_trans_update(struct net_device *d)
{
	WRITE_ONCE(d->trans_start, jiffies);
}
void netif_carrier_on(struct net_device *d);
void netif_carrier_off(struct net_device *d);
static inline bool netif_carrier_ok(const struct net_device *d) { return READ_ONCE(d->carrier); }
/* Up (IFF_UP): Linux's netif_running(). */
static inline bool netif_running(const struct net_device *d) { return READ_ONCE(d->flags) & IFF_UP; }

/* net/sched/sch_generic.c: the transmit watchdog. */
void dev_watchdog_up(struct net_device *dev);
void dev_watchdog_down(struct net_device *dev);
void dev_watchdog_timer_fn(struct timer_list *t);
const char *netdev_drivername(const struct net_device *dev);

/* Protocol handlers, by ethertype. */
struct packet_type {
	__be16 type;                    /* htons(ETH_P_IP), ... */
	int (*func)(struct sk_buff *skb, struct net_device *dev,
		    struct packet_type *pt, struct net_device *orig_dev);
	struct list_head list;
};
void dev_add_pack(struct packet_type *pt);
void dev_remove_pack(struct packet_type *pt);

/* net/ethernet/eth.c */
/* Set skb->protocol and pkt_type from the Ethernet header and pull it. */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
/* Push an Ethernet header for @type from dev to @daddr (NULL: broadcast). */
int eth_header(struct sk_buff *skb, struct net_device *dev, u16 type,
	       const u8 *daddr, const u8 *saddr);
static inline bool is_broadcast_ether_addr(const u8 *a)
{
	return (a[0] & a[1] & a[2] & a[3] & a[4] & a[5]) == 0xff;
}
static inline bool is_multicast_ether_addr(const u8 *a) { return a[0] & 1; }
static inline bool is_zero_ether_addr(const u8 *a)
{
	return !(a[0] | a[1] | a[2] | a[3] | a[4] | a[5]);
}
static inline bool is_valid_ether_addr(const u8 *a)
{
	return !is_multicast_ether_addr(a) && !is_zero_ether_addr(a);
}
static inline bool ether_addr_equal(const u8 *a, const u8 *b)
{
	return !((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) |
		 (a[3] ^ b[3]) | (a[4] ^ b[4]) | (a[5] ^ b[5]));
}

/* net/core/net-procfs.c: /proc/net (NULL until fs_initcall time). */
struct proc_dir_entry;
extern struct proc_dir_entry *proc_net;
/* The IPv4 layer's line for ifconfig ("inet 10.0.2.15  netmask ..."), if any. */
extern void (*inet_ifconfig_line)(struct net_device *dev, char *buf, size_t len);

#endif
