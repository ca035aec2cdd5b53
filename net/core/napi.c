// SPDX-License-Identifier: MIT
/*
 * NAPI and the NET_RX softirq: how received frames get from a driver's
 * interrupt to the protocols, a budgeted batch at a time. Linux keeps
 * this code in net/core/dev.c; irqos gives it a file of its own.
 *
 * Receive, end to end (see include/linux/netdevice.h for the contract):
 * a driver's hard interrupt handler masks its device and calls
 * napi_schedule(), which puts the napi_struct on this CPU's
 * softnet_data.poll_list and raises NET_RX_SOFTIRQ. net_rx_action() then
 * polls each scheduled napi with at most its weight (and never more than
 * what is left of netdev_budget); a napi that used all it was given is
 * still busy and goes back to the tail of the list. When netdev_budget
 * frames or netdev_budget_usecs have been spent with work still listed,
 * the pass stops, counts a time_squeeze and raises NET_RX_SOFTIRQ again:
 * __do_softirq() restarts it a few times and then leaves it to
 * ksoftirqd/N, so a flood cannot starve the tasks on this CPU.
 *
 * A device without NAPI (lo) calls netif_rx() instead, from any context:
 * the frame joins this CPU's backlog, softnet_data.input_pkt_queue (at
 * most netdev_max_backlog frames; past that it is dropped as CPU_BACKLOG
 * and counted in softnet_data.dropped), and the per-CPU backlog NAPI,
 * whose poll is process_backlog() with weight dev_rx_weight, is scheduled
 * on the poll list like a device's - so netdev_budget, time_squeeze and
 * ksoftirqd apply to it too.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/bug.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/smp.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/netdevice.h>
#include <asm/processor.h>

DEFINE_PER_CPU(struct softnet_data, softnet_data);

int netdev_budget = 300;
unsigned int netdev_budget_usecs = 2 * 1000000 / HZ;
int netdev_max_backlog = 1000;
int dev_rx_weight = 64;

/* -------------------------------------------------------------------- NAPI */

/**
 * netif_napi_add - give @dev a NAPI context polled by @poll
 * @dev: the device
 * @napi: the context (in the driver's private data)
 * @poll: called from NET_RX with a budget; returns frames handled
 *
 * The napi starts disabled: napi_enable() it when the device opens.
 */
void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int))
{
	INIT_LIST_HEAD(&napi->poll_list);
	napi->state = 1UL << NAPI_STATE_SCHED;
	napi->weight = NAPI_POLL_WEIGHT;
	napi->poll = poll;
	napi->dev = dev;
	dev->napi = napi;
	napi->polls = napi->completes = 0;
}

/** napi_enable - allow @n to be scheduled (after netif_napi_add or disable) */
void napi_enable(struct napi_struct *n)
{
	__atomic_fetch_and(&n->state, ~((1UL << NAPI_STATE_SCHED) | (1UL << NAPI_STATE_MISSED) |
					(1UL << NAPI_STATE_DISABLE)), __ATOMIC_SEQ_CST);
}

/**
 * napi_disable - stop @n from being scheduled and wait until it is idle
 * @n: the context
 *
 * Process context. On return no poll is running or pending: SCHED is
 * held on the disabled napi's behalf until napi_enable().
 */
void napi_disable(struct napi_struct *n)
{
	unsigned long s;

	__atomic_fetch_or(&n->state, 1UL << NAPI_STATE_DISABLE, __ATOMIC_SEQ_CST);
	for (;;) {
		s = __atomic_load_n(&n->state, __ATOMIC_ACQUIRE);
		if (!(s & (1UL << NAPI_STATE_SCHED)) &&
		    __atomic_compare_exchange_n(&n->state, &s, s | (1UL << NAPI_STATE_SCHED),
						false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			break;
		msleep(1);
	}
	__atomic_fetch_and(&n->state, ~(1UL << NAPI_STATE_MISSED), __ATOMIC_SEQ_CST);
}

/**
 * napi_schedule_prep - claim @n for a poll
 * @n: the context
 *
 * Return: true if the caller must __napi_schedule() it; false if it is
 * disabled, or already scheduled - then MISSED is set so that the running
 * poll's napi_complete_done() keeps it scheduled: the new event is not lost.
 */
bool napi_schedule_prep(struct napi_struct *n)
{
	unsigned long s = __atomic_load_n(&n->state, __ATOMIC_ACQUIRE), want;

	do {
		if (s & (1UL << NAPI_STATE_DISABLE))
			return false;
		want = s | (1UL << NAPI_STATE_SCHED);
		if (s & (1UL << NAPI_STATE_SCHED))
			want |= 1UL << NAPI_STATE_MISSED;
	} while (!__atomic_compare_exchange_n(&n->state, &s, want, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	return !(s & (1UL << NAPI_STATE_SCHED));
}

/**
 * __napi_schedule - queue @n (claimed by napi_schedule_prep) on this CPU
 * @n: the context
 *
 * Any context. Raises NET_RX_SOFTIRQ with interrupts off, so the softirq
 * runs on this interrupt's exit.
 */
void __napi_schedule(struct napi_struct *n)
{
	unsigned long flags;

	local_irq_save(flags);
	if (WARN_ON(!list_empty(&n->poll_list)))
		list_del_init(&n->poll_list);
	list_add_tail(&n->poll_list, &this_cpu_ptr(&softnet_data)->poll_list);
	raise_softirq_irqoff(NET_RX_SOFTIRQ);
	local_irq_restore(flags);
}

/**
 * napi_complete_done - leave polled mode after a poll that did @work_done
 * @n: the context, being polled
 * @work_done: frames handled (less than the budget)
 *
 * Return: true if @n is no longer scheduled and the driver may unmask its
 * interrupts; false if it was scheduled again meanwhile (MISSED) - then it
 * is put back on the poll list here and stays in polled mode.
 */
bool napi_complete_done(struct napi_struct *n, int work_done)
{
	unsigned long s = __atomic_load_n(&n->state, __ATOMIC_ACQUIRE), want;

	do {
		if (s & (1UL << NAPI_STATE_MISSED))
			want = s & ~(1UL << NAPI_STATE_MISSED);   /* stays SCHED */
		else
			want = s & ~(1UL << NAPI_STATE_SCHED);
	} while (!__atomic_compare_exchange_n(&n->state, &s, want, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	if (s & (1UL << NAPI_STATE_MISSED)) {
		__napi_schedule(n);
		return false;
	}
	n->completes++;
	return true;
}

/*
 * Poll @n with @budget. Return frames handled; *@repoll: it used all it
 * was given and must be polled again (it is still SCHED).
 */
static int napi_poll(struct napi_struct *n, int budget, bool *repoll)
{
	int work;

	n->polls++;
	work = n->poll(n, budget);
	if (WARN_ON(work > budget))
		work = budget;
	*repoll = work == budget;
	if (*repoll && (__atomic_load_n(&n->state, __ATOMIC_ACQUIRE) &
			(1UL << NAPI_STATE_DISABLE))) {
		napi_complete_done(n, work);      /* let napi_disable() finish */
		*repoll = false;
	}
	return work;
}

/**
 * net_rx_action - the NET_RX_SOFTIRQ action: poll this CPU's napi list
 *
 * Runs until the list is empty, netdev_budget frames were handled or
 * netdev_budget_usecs passed; in the last two cases, with work left,
 * counts a time_squeeze and raises NET_RX_SOFTIRQ again.
 */
static void net_rx_action(void)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);
	u64 deadline = local_clock() + (u64)netdev_budget_usecs * 1000;
	int budget = netdev_budget;

	local_irq_disable();
	while (!list_empty(&sd->poll_list)) {
		struct napi_struct *n = list_first_entry(&sd->poll_list, struct napi_struct,
							 poll_list);
		bool repoll;
		int work;

		list_del_init(&n->poll_list);
		local_irq_enable();
		work = napi_poll(n, min(n->weight, budget), &repoll);
		local_irq_disable();
		if (repoll)
			list_add_tail(&n->poll_list, &sd->poll_list);
		sd->processed += work;
		budget -= work;
		if (budget <= 0 || local_clock() >= deadline) {
			if (!list_empty(&sd->poll_list)) {
				sd->time_squeeze++;
				raise_softirq_irqoff(NET_RX_SOFTIRQ);
			}
			break;
		}
	}
	local_irq_enable();
}

/* ---------------------------------------------------------------- backlog */

/**
 * softnet_backlog_len - frames waiting on @sd's backlog
 * @sd: a CPU's softnet_data
 */
unsigned int softnet_backlog_len(const struct softnet_data *sd)
{
	return skb_queue_len(&sd->input_pkt_queue);
}

/*
 * The backlog's NAPI poll: hand up to @quota frames from this CPU's
 * input_pkt_queue to the protocols. The queue is only touched on its own
 * CPU with interrupts off, so netif_rx() from a hard interrupt cannot
 * race with it; the frame is delivered with interrupts on.
 */
static int process_backlog(struct napi_struct *napi, int quota)
{
	struct softnet_data *sd = container_of(napi, struct softnet_data, backlog);
	int work = 0;

	while (work < quota) {
		struct sk_buff *skb;

		local_irq_disable();
		skb = __skb_dequeue(&sd->input_pkt_queue);
		if (!skb) {
			/* Empty: leave polled mode. The next netif_rx() on
			 * this CPU schedules the backlog again. */
			__atomic_store_n(&napi->state, 0UL, __ATOMIC_RELEASE);
			napi->completes++;
			local_irq_enable();
			break;
		}
		local_irq_enable();
		netif_receive_skb(skb);
		work++;
	}
	return work;
}

/* Queue @skb on this CPU's backlog; interrupts are off. */
static int enqueue_to_backlog(struct sk_buff *skb)
{
	struct softnet_data *sd = this_cpu_ptr(&softnet_data);

	if (skb_queue_len(&sd->input_pkt_queue) >= (u32)READ_ONCE(netdev_max_backlog)) {
		sd->dropped++;
		kfree_skb_reason(skb, SKB_DROP_REASON_CPU_BACKLOG);
		return NET_RX_DROP;
	}
	__skb_queue_tail(&sd->input_pkt_queue, skb);
	if (!(__atomic_fetch_or(&sd->backlog.state, 1UL << NAPI_STATE_SCHED, __ATOMIC_ACQ_REL) &
	      (1UL << NAPI_STATE_SCHED)))
		__napi_schedule(&sd->backlog);
	return NET_RX_SUCCESS;
}

/**
 * netif_rx - receive a frame from a device without NAPI
 * @skb: the frame, skb->dev and skb->protocol set (eth_type_trans());
 *       consumed
 *
 * Any context: hard interrupt, softirq or task. The frame joins this
 * CPU's backlog, which NET_RX drains through the backlog NAPI
 * (process_backlog()) within netdev_budget like any device. Called with
 * bottom halves enabled, it disables them around the queueing, so the
 * softirq runs as soon as they are enabled again - before netif_rx()
 * returns.
 *
 * Return: NET_RX_SUCCESS, or NET_RX_DROP if the backlog already held
 * netdev_max_backlog frames: the frame is then dropped with reason
 * CPU_BACKLOG and counted in softnet_data.dropped.
 */
int netif_rx(struct sk_buff *skb)
{
	/* Task context with interrupts on: run NET_RX on the way out. (With
	 * interrupts off, raising NET_RX has woken ksoftirqd instead.) */
	bool bh_off = !in_interrupt() && !irqs_disabled();
	unsigned long flags;
	int ret;

	if (bh_off)
		local_bh_disable();
	local_irq_save(flags);
	ret = enqueue_to_backlog(skb);
	local_irq_restore(flags);
	if (bh_off)
		local_bh_enable();
	return ret;
}

/** net_napi_init - each CPU's poll list and backlog, and the NET_RX softirq */
static int __init net_napi_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct softnet_data *sd = &per_cpu(softnet_data, cpu);

		INIT_LIST_HEAD(&sd->poll_list);
		skb_queue_head_init(&sd->input_pkt_queue);
		INIT_LIST_HEAD(&sd->backlog.poll_list);
		sd->backlog.poll = process_backlog;
		sd->backlog.weight = dev_rx_weight;
	}
	open_softirq(NET_RX_SOFTIRQ, net_rx_action);
	return 0;
}
subsys_initcall(net_napi_init);
