// SPDX-License-Identifier: MIT
/*
 * The e1000's recovery from a stuck transmitter, and a way to cause one.
 *
 * If the device stops sending - a wedged transmitter, a lost TX interrupt
 * on real hardware - its ring never drains, the queue stays stopped, and
 * the core's transmit watchdog (net/sched/sch_generic.c, every
 * watchdog_timeo = 5 s) calls e1000_tx_timeout(). That runs in the timer
 * softirq, and a reset needs process context (it frees and requests the
 * IRQ and waits for NAPI), so it only schedules reset_task, as Linux's
 * e1000 does. The task, under rtnl_lock() so that "ifconfig eth0 down" or
 * "up" cannot cut into it, closes and reopens the adapter exactly as
 * ndo_stop/ndo_open do, without touching IFF_UP or the qdisc: frames still
 * on the ring are dropped and counted (tx_dropped, reason DEV_DOWN), the
 * rings are rebuilt, and the frames waiting in the qdisc go out when the
 * reopened link wakes the queue.
 *
 * "e1000 txhang" (e1000_cmd.c) calls e1000_inject_txhang(): fault
 * injection in the spirit of Linux's drivers/misc/lkdtm, through the real
 * (emulated) device - TCTL.EN cleared, so it stops walking its transmit
 * ring. tests/scenarios/e1000_watchdog.t drives the whole cycle.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "e1000.h"

/**
 * e1000_reset_task - the adapter reset, in a kworker
 * @work: &adapter->reset_task
 *
 * The transmitter stopped: take the adapter down and up again under
 * rtnl_lock(). An interface taken down meanwhile has nothing to reset.
 */
void e1000_reset_task(struct work_struct *work)
{
	struct e1000_adapter *a = container_of(work, struct e1000_adapter, reset_task);
	struct net_device *dev = a->netdev;
	int ret;

	rtnl_lock();
	if (netif_running(dev)) {
		pr_info("e1000 %s %s: Reset adapter\n", pci_name(a->pdev), dev->name);
		e1000_close(dev);
		ret = e1000_open(dev);
		/* Then without carrier: frames are dropped and counted
		 * (NO_CARRIER) until "ifconfig down" and "up" try again. */
		if (ret)
			pr_err("e1000 %s %s: reset: open failed: %d\n", pci_name(a->pdev),
			       dev->name, ret);
		__atomic_fetch_add(&a->resets, 1, __ATOMIC_RELAXED);
	}
	rtnl_unlock();
}

/**
 * e1000_tx_timeout - ndo_tx_timeout: the core's watchdog found the queue
 * stopped too long
 * @dev: the interface
 * @txqueue: the queue (always 0)
 *
 * Timer softirq context: the reset itself is left to a kworker.
 */
void e1000_tx_timeout(struct net_device *dev, unsigned int txqueue)
{
	struct e1000_adapter *a = netdev_priv(dev);

	(void)txqueue;                  /* one queue */
	a->tx_timeout_count++;
	schedule_work(&a->reset_task);
}

/**
 * e1000_inject_txhang - fault injection: stop the transmitter
 * @a: the adapter
 *
 * Clears TCTL.EN, as a wedged transmitter would look: the device no
 * longer walks the transmit ring, so frames queued there are neither sent
 * nor completed and the queue stops once the ring is full. Only the
 * watchdog's reset (which reprograms TCTL) recovers. For tests, like
 * Linux's drivers/misc/lkdtm.
 */
void e1000_inject_txhang(struct e1000_adapter *a)
{
	unsigned long flags;

	spin_lock_irqsave(&a->tx_lock, flags);
	e1000_wr(a, E1000_TCTL, e1000_rd(a, E1000_TCTL) & ~E1000_TCTL_EN);
	a->txhang++;
	spin_unlock_irqrestore(&a->tx_lock, flags);
}
