// SPDX-License-Identifier: MIT
/*
 * Host tests for kernel/softirq.c: softirqs run at irq_exit() only when
 * the outermost interrupt is left, with interrupts on and SOFTIRQ_OFFSET
 * in preempt_count, lowest number first; a softirq raised meanwhile runs
 * in a restarted pass; a self-raising softirq is cut off after
 * MAX_SOFTIRQ_RESTART (10) passes or MAX_SOFTIRQ_TIME (2 ms on a fake
 * clock), its leftovers stay pending and are counted as deferred;
 * local_bh_disable() holds softirqs off and the last local_bh_enable()
 * runs them; the tasklet state machine: once per scheduling, FIFO,
 * HI before normal, a disabled tasklet or one RUNning elsewhere stays
 * queued and is retried, tasklet_kill() waits for a queued one (yielding);
 * ksoftirqd hand-off: leftovers after the limits and softirqs raised from
 * task context wake this CPU's ksoftirqd (a fake task whose wake-ups
 * tests/host/ksoftirqd_host.c counts), raising inside an interrupt or a
 * bh-disabled section does not, and irq_exit() leaves pending softirqs to
 * a runnable ksoftirqd unless HI or TASKLET is among them.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include "tap.h"
#include "softirq_host.h"
#include "ksoftirqd_host.h"
#include <linux/sched.h>
#include <pthread.h>
#include <unistd.h>

static char order[256];        /* which actions ran, in order */
static unsigned int runs[NR_SOFTIRQS];
static unsigned long ctx[NR_SOFTIRQS];   /* preempt_count seen */
static bool irqs_on[NR_SOFTIRQS];
static int reraise = -1;                 /* softirq that raises itself */
static u64 advance_ns;                   /* fake time each run takes */

static void note(int nr)
{
	size_t n = strlen(order);

	if (n + 2 < sizeof(order)) {
		order[n] = '0' + nr;
		order[n + 1] = '\0';
	}
	runs[nr]++;
	ctx[nr] = preempt_count();
	irqs_on[nr] = !irqs_disabled();
	fake_ns += advance_ns;
	if (reraise == nr)
		raise_softirq(nr);
}

static void act_hi(void) { note(HI_SOFTIRQ); }
static void act_timer(void) { note(TIMER_SOFTIRQ); raise_softirq(BLOCK_SOFTIRQ); }
static void act_block(void) { note(BLOCK_SOFTIRQ); }
static void act_rcu(void) { note(RCU_SOFTIRQ); }

static void reset(void)
{
	order[0] = '\0';
	memset(runs, 0, sizeof(runs));
	memset(ctx, 0, sizeof(ctx));
	reraise = -1;
	advance_ns = 0;
}

static void raise_three(void)
{
	raise_softirq_irqoff(RCU_SOFTIRQ);
	raise_softirq_irqoff(HI_SOFTIRQ);
	raise_softirq_irqoff(TIMER_SOFTIRQ);
}

static void nested(void)
{
	host_interrupt(raise_three);
	is_str(order, "", "nested irq_exit: nothing runs inside the outer handler");
}

static void test_softirqs(void)
{
	unsigned long d0;

	is_str(softirq_to_name[0], "HI", "softirq 0 is HI");
	is_str(softirq_to_name[TASKLET_SOFTIRQ], "TASKLET", "softirq 6 is TASKLET");
	is_str(softirq_to_name[NR_SOFTIRQS - 1], "RCU", "the last is RCU");
	is_int(NR_SOFTIRQS, 10, "ten softirqs");
	open_softirq(HI_SOFTIRQ, act_hi);
	open_softirq(TIMER_SOFTIRQ, act_timer);
	open_softirq(BLOCK_SOFTIRQ, act_block);
	open_softirq(RCU_SOFTIRQ, act_rcu);

	reset();
	raise_softirq(RCU_SOFTIRQ);
	is_int(local_softirq_pending(), 1UL << RCU_SOFTIRQ, "raise_softirq sets the pending bit");
	is_str(order, "", "raised in task context: not run yet");
	host_interrupt(NULL);
	is_str(order, "9", "the next irq_exit runs it");
	is_int(local_softirq_pending(), 0, "and clears it");
	is_int(ctx[RCU_SOFTIRQ], SOFTIRQ_OFFSET, "in serving-softirq context, not in hardirq");
	ok(irqs_on[RCU_SOFTIRQ], "with interrupts on");
	ok(irqs_disabled() == 0 && preempt_count() == 0, "back in task context, flags restored");

	reset();
	host_interrupt(raise_three);
	/* HI, TIMER, RCU in one pass; BLOCK raised by TIMER runs in pass 2. */
	is_str(order, "019" "4", "lowest number first; raised meanwhile: next pass");
	is_int(kstat_softirqs_cpu(TIMER_SOFTIRQ, 0), 1, "TIMER counted once");
	is_int(kstat_softirqs_cpu(BLOCK_SOFTIRQ, 0), 1, "BLOCK counted once");
	is_int(kstat_softirqs_cpu(RCU_SOFTIRQ, 0), 2, "RCU counted twice so far");
	is_int(kstat_softirqs_cpu(NR_SOFTIRQS, 0), 0, "out-of-range softirq reads 0");

	reset();
	host_interrupt(nested);
	is_str(order, "0194", "outermost irq_exit runs what the nested one raised");

	/* Restart limit: a softirq raising itself forever. */
	reset();
	d0 = softirq_deferred_cpu(0);
	reraise = HI_SOFTIRQ;
	raise_softirq(HI_SOFTIRQ);
	host_interrupt(NULL);
	is_int(runs[HI_SOFTIRQ], MAX_SOFTIRQ_RESTART, "self-raising softirq: 10 passes, then stop");
	is_int(local_softirq_pending(), 1UL << HI_SOFTIRQ, "its leftover stays pending");
	is_int(softirq_deferred_cpu(0), d0 + 1, "and the pass is counted as deferred");
	ok(!irqs_disabled() && preempt_count() == 0, "the interrupt still returns");
	reraise = -1;
	host_interrupt(NULL);
	is_int(runs[HI_SOFTIRQ], MAX_SOFTIRQ_RESTART + 1, "the next irq_exit runs the leftover");
	is_int(local_softirq_pending(), 0, "nothing left");

	/* Time limit: each run takes 1 ms of fake time; 2 ms budget. */
	reset();
	d0 = softirq_deferred_cpu(0);
	reraise = HI_SOFTIRQ;
	advance_ns = 1000000;
	raise_softirq(HI_SOFTIRQ);
	host_interrupt(NULL);
	is_int(runs[HI_SOFTIRQ], 2, "2 ms budget: two 1 ms passes");
	is_int(softirq_deferred_cpu(0), d0 + 1, "deferred counted");
	advance_ns = 400000;
	reset();
	reraise = HI_SOFTIRQ;
	advance_ns = 400000;
	host_interrupt(NULL);
	is_int(runs[HI_SOFTIRQ], 5, "0.4 ms passes: five fit in 2 ms");
	reraise = -1;
	host_interrupt(NULL);
	reset();

	/* local_bh_disable / local_bh_enable */
	local_bh_disable();
	ok(in_softirq() && !in_serving_softirq(), "bh disabled: in_softirq, not serving");
	local_bh_disable();
	raise_softirq(RCU_SOFTIRQ);
	host_interrupt(NULL);
	is_str(order, "", "irq_exit with bh disabled: softirqs wait");
	local_bh_enable();
	is_str(order, "", "inner local_bh_enable: still disabled");
	local_bh_enable();
	is_str(order, "9", "last local_bh_enable runs the pending softirq");
	is_int(ctx[RCU_SOFTIRQ], SOFTIRQ_OFFSET, "in serving context");
	ok(!in_softirq() && !irqs_disabled(), "bh and irqs enabled afterwards");
	is_int(warns, 0, "no WARNs");
}

/* ---- tasklets ---- */

static char trun[64];
static unsigned int tcalls;
static struct tasklet_struct ta, tb, th, told, tself;
static bool saw_run_bit, saw_sched_bit;

static void tlog(struct tasklet_struct *t)
{
	size_t n = strlen(trun);

	trun[n] = t == &ta ? 'a' : t == &tb ? 'b' : t == &th ? 'h' : t == &tself ? 's' : '?';
	trun[n + 1] = '\0';
	tcalls++;
	saw_run_bit = t->state & (1UL << TASKLET_STATE_RUN);
	saw_sched_bit = t->state & (1UL << TASKLET_STATE_SCHED);
}

static unsigned long old_data;
static void old_fn(unsigned long data) { old_data = data; }

static void self_rescheduling(struct tasklet_struct *t)
{
	tlog(t);
	if (tcalls < 3)
		tasklet_schedule(t);
}

static bool killed;

static void *killer(void *arg)
{
	tasklet_kill(arg);
	__atomic_store_n(&killed, true, __ATOMIC_RELEASE);
	return NULL;
}

static void test_tasklets(void)
{
	pthread_t thr;

	tasklet_setup(&ta, tlog);
	tasklet_setup(&tb, tlog);
	tasklet_setup(&th, tlog);
	tasklet_schedule(&tb);
	tasklet_schedule(&ta);
	tasklet_schedule(&tb);          /* already scheduled: no effect */
	tasklet_hi_schedule(&th);
	ok(tb.state & (1UL << TASKLET_STATE_SCHED), "scheduled: SCHED set");
	host_interrupt(NULL);
	is_str(trun, "hba", "HI tasklet first, then FIFO, each once");
	ok(saw_run_bit && !saw_sched_bit, "callback runs with RUN set and SCHED clear");
	is_int(ta.state, 0, "afterwards: neither SCHED nor RUN");

	tasklet_init(&told, old_fn, 42);
	tasklet_schedule(&told);
	host_interrupt(NULL);
	is_int(old_data, 42, "tasklet_init: func(data)");

	trun[0] = '\0';
	tasklet_disable(&ta);
	tasklet_schedule(&ta);
	host_interrupt(NULL);
	is_str(trun, "", "disabled tasklet does not run");
	ok(ta.state & (1UL << TASKLET_STATE_SCHED), "it stays scheduled");
	ok(local_softirq_pending() & (1UL << TASKLET_SOFTIRQ), "and TASKLET stays raised (retried)");
	host_interrupt(NULL);
	is_str(trun, "", "retried, still disabled");
	tasklet_enable(&ta);
	host_interrupt(NULL);
	is_str(trun, "a", "enabled: runs once");
	host_interrupt(NULL);
	is_str(trun, "a", "and only once");

	/* RUN set: as if its callback still ran on another CPU. */
	trun[0] = '\0';
	tasklet_schedule(&tb);
	tb.state |= 1UL << TASKLET_STATE_RUN;
	host_interrupt(NULL);
	is_str(trun, "", "RUN on another CPU: not run concurrently");
	ok(tb.state & (1UL << TASKLET_STATE_SCHED), "kept queued");
	__atomic_fetch_and(&tb.state, ~(1UL << TASKLET_STATE_RUN), __ATOMIC_RELEASE);
	host_interrupt(NULL);
	is_str(trun, "b", "after the other CPU finished: runs here");

	trun[0] = '\0';
	tcalls = 0;
	tasklet_setup(&tself, self_rescheduling);
	tasklet_schedule(&tself);
	host_interrupt(NULL);
	is_str(trun, "sss", "a callback may schedule its own tasklet again");

	/* tasklet_kill */
	tasklet_kill(&ta);
	is_int(ta.state, 0, "kill of an idle tasklet returns at once");
	trun[0] = '\0';
	tasklet_schedule(&ta);
	pthread_create(&thr, NULL, killer, &ta);
	usleep(20000);
	ok(!__atomic_load_n(&killed, __ATOMIC_ACQUIRE), "tasklet_kill waits while the tasklet is queued");
	ok(__atomic_load_n(&host_yields, __ATOMIC_RELAXED) > 0, "yielding the CPU while it waits");
	host_interrupt(NULL);
	pthread_join(thr, NULL);
	ok(killed, "and returns once it ran");
	is_str(trun, "a", "it ran, then kill returned");
	is_int(ta.state, 0, "killed: not scheduled");
	is_int(warns, 0, "no WARNs");
}

/* ---- ksoftirqd ---- */

static struct task_struct fake_ksoftirqd;

static void raise_rcu(void)
{
	raise_softirq(RCU_SOFTIRQ);
}

static struct tasklet_struct tk;

/* ksoftirqd goes back to sleep (after running what was pending). */
static void ksoftirqd_sleeps(void)
{
	fake_ksoftirqd.__state = TASK_INTERRUPTIBLE;
}

static void test_ksoftirqd(void)
{
	unsigned long w0, d0;

	open_softirq(HI_SOFTIRQ, act_hi);
	open_softirq(RCU_SOFTIRQ, act_rcu);
	ksoftirqd = &fake_ksoftirqd;
	ksoftirqd_sleeps();

	/* Raised inside an interrupt: irq_exit runs it, nobody is woken. */
	reset();
	w0 = host_wakeups;
	host_interrupt(raise_rcu);
	is_str(order, "9", "raised in an interrupt: run at irq_exit");
	is_int(host_wakeups, w0, "and ksoftirqd is not woken");

	/* Raised in a bh-disabled section: local_bh_enable runs it. */
	reset();
	local_bh_disable();
	raise_softirq(RCU_SOFTIRQ);
	is_int(host_wakeups, w0, "raised with bh disabled: ksoftirqd not woken");
	local_bh_enable();
	is_str(order, "9", "local_bh_enable runs it");

	/* Raised from task context: ksoftirqd is woken to run it, and
	 * interrupts meanwhile leave it to ksoftirqd. */
	reset();
	raise_softirq(RCU_SOFTIRQ);
	is_int(host_wakeups, w0 + 1, "raised from task context: ksoftirqd woken");
	is_int(fake_ksoftirqd.__state, TASK_RUNNING, "ksoftirqd is runnable");
	host_interrupt(NULL);
	is_str(order, "", "irq_exit leaves it to the runnable ksoftirqd");
	is_int(local_softirq_pending(), 1UL << RCU_SOFTIRQ, "still pending");
	ksoftirqd_sleeps();     /* as if it slept before getting to it */
	host_interrupt(NULL);
	is_str(order, "9", "ksoftirqd asleep: irq_exit runs it again");

	/* Restart limit: exactly 10 passes, then ksoftirqd gets the rest. */
	reset();
	w0 = host_wakeups;
	d0 = softirq_deferred_cpu(0);
	reraise = RCU_SOFTIRQ;
	local_irq_disable();
	raise_softirq_irqoff(RCU_SOFTIRQ);
	local_irq_enable();
	is_int(host_wakeups, w0 + 1, "flood started from task context: woken");
	ksoftirqd_sleeps();
	host_interrupt(NULL);
	is_int(runs[RCU_SOFTIRQ], MAX_SOFTIRQ_RESTART, "flood in irq_exit: exactly 10 passes");
	is_int(softirq_deferred_cpu(0), d0 + 1, "one deferred pass");
	is_int(host_wakeups, w0 + 2, "leftovers: ksoftirqd woken once more");
	is_int(fake_ksoftirqd.__state, TASK_RUNNING, "ksoftirqd runnable");
	host_interrupt(NULL);
	host_interrupt(NULL);
	is_int(runs[RCU_SOFTIRQ], MAX_SOFTIRQ_RESTART, "flood stays with ksoftirqd: irq_exit runs no more");
	ok(!irqs_disabled() && preempt_count() == 0, "interrupts still return cleanly");
	order[0] = '\0';
	runs[RCU_SOFTIRQ] = 0;
	host_interrupt(raise_three);
	order[5] = '\0';
	is_str(order, "01949", "HI raised: irq_exit runs all that is pending, HI first");
	is_int(runs[RCU_SOFTIRQ], MAX_SOFTIRQ_RESTART, "the flood too, for one more 10-pass round");

	/* Time limit on the fake clock: 0.7 ms per run, 2 ms budget. */
	reset();
	ksoftirqd_sleeps();
	w0 = host_wakeups;
	d0 = softirq_deferred_cpu(0);
	reraise = RCU_SOFTIRQ;
	advance_ns = 700000;
	host_interrupt(NULL);
	is_int(runs[RCU_SOFTIRQ], 3, "0.7 ms passes: 2 ms cut after the third");
	is_int(softirq_deferred_cpu(0), d0 + 1, "deferred counted");
	is_int(host_wakeups, w0 + 1, "ksoftirqd woken for the leftovers");
	reraise = -1;
	advance_ns = 0;
	ksoftirqd_sleeps();
	host_interrupt(NULL);
	is_int(local_softirq_pending(), 0, "flood over: nothing pending");

	/* A tasklet scheduled from task context wakes ksoftirqd too. */
	reset();
	w0 = host_wakeups;
	tasklet_setup(&tk, tlog);
	trun[0] = '\0';
	tasklet_schedule(&tk);
	is_int(host_wakeups, w0 + 1, "tasklet_schedule from task context: ksoftirqd woken");
	tasklet_schedule(&tk);
	is_int(host_wakeups, w0 + 1, "already scheduled: no second wake-up");
	ksoftirqd_sleeps();
	host_interrupt(NULL);
	is_str(trun, "?", "and it runs once");

	ksoftirqd = NULL;
	is_int(warns, 0, "no WARNs");
}

int main(void)
{
	test_softirqs();
	test_tasklets();
	test_ksoftirqd();
	return done_testing();
}
