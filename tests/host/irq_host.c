// SPDX-License-Identifier: MIT
/*
 * Host scaffolding for the kernel/irq/ tests: see irq_host.h.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timer.h>
#include "irq_host.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- what the kernel would define elsewhere ---- */
unsigned long host_irq_flags = 0x200;
unsigned long host_preempt_count;
int cpu_number;
unsigned int nr_cpu_ids = NR_CPUS;
/* kernel/cpu.c: every CPU online (the affinity code checks the mask). */
struct cpumask __cpu_online_mask = { { ~0UL } };
volatile unsigned long jiffies;

/* ---- trace ---- */
#define TRACE_SIZE 4096
char irq_trace[TRACE_SIZE];
static size_t trace_len;
bool irq_trace_on = true;

void trace_clear(void)
{
	trace_len = 0;
	irq_trace[0] = '\0';
}

void trace_add(const char *tok)
{
	size_t n = __builtin_strlen(tok);

	if (!irq_trace_on)
		return;
	if (trace_len + n + 2 >= TRACE_SIZE) {
		printf("Bail out! irq trace overflow\n");
		exit(1);
	}
	if (trace_len)
		irq_trace[trace_len++] = ' ';
	__builtin_memcpy(irq_trace + trace_len, tok, n + 1);
	trace_len += n;
}

/* ---- fake controller ---- */
struct fake_hw fake_hw[NR_IRQS];

static struct fake_hw *hw(struct irq_data *d, const char *tok)
{
	struct fake_hw *h = &fake_hw[d->irq % NR_IRQS];

	/* Every descriptor's irq_data must name its own line. */
	if (d != &irq_desc[d->irq % NR_IRQS].irq_data)
		h->wrong_irq++;
	trace_add(tok);
	return h;
}

unsigned int fake_startup(struct irq_data *d)
{
	struct fake_hw *h = hw(d, "startup");

	h->startups++;
	h->masked = false;
	return 0;
}

void fake_shutdown(struct irq_data *d)
{
	struct fake_hw *h = hw(d, "shutdown");

	h->shutdowns++;
	h->masked = true;
}

void fake_enable(struct irq_data *d)  { hw(d, "enable")->masked = false; }
void fake_disable(struct irq_data *d) { hw(d, "disable")->masked = true; }
void fake_ack(struct irq_data *d)     { hw(d, "ack")->acks++; }
void fake_mask(struct irq_data *d)    { hw(d, "mask")->masked = true; }
void fake_unmask(struct irq_data *d)  { hw(d, "unmask")->masked = false; }
void fake_eoi(struct irq_data *d)     { hw(d, "eoi")->eois++; }

void fake_mask_ack(struct irq_data *d)
{
	struct fake_hw *h = hw(d, "mask_ack");

	h->masked = true;
	h->acks++;
}

int fake_set_type(struct irq_data *d, unsigned int type)
{
	struct fake_hw *h = hw(d, "set_type");

	h->last_type = type;
	return h->set_type_ret;
}

int fake_retrigger(struct irq_data *d)
{
	struct fake_hw *h = hw(d, "retrigger");

	h->retriggers++;
	return h->retrigger_ret;
}

struct irq_chip fake_chip = {
	.name = "FAKE",
	.irq_ack = fake_ack,
	.irq_mask = fake_mask,
	.irq_mask_ack = fake_mask_ack,
	.irq_unmask = fake_unmask,
	.irq_eoi = fake_eoi,
	.irq_set_type = fake_set_type,
};

struct irq_chip fake_chip_noma = {
	.name = "FAKE-noma",
	.irq_ack = fake_ack,
	.irq_mask = fake_mask,
	.irq_unmask = fake_unmask,
};

struct irq_chip fake_chip_full = {
	.name = "FAKE-full",
	.irq_startup = fake_startup,
	.irq_shutdown = fake_shutdown,
	.irq_enable = fake_enable,
	.irq_disable = fake_disable,
	.irq_ack = fake_ack,
	.irq_mask = fake_mask,
	.irq_mask_ack = fake_mask_ack,
	.irq_unmask = fake_unmask,
	.irq_eoi = fake_eoi,
	.irq_set_type = fake_set_type,
};

/* ---- fake devices ---- */
static irqreturn_t run_handler(int irq, void *dev_id)
{
	struct fake_dev *dev = dev_id;
	struct irq_desc *desc = irq_to_desc(irq);
	char tok[64];

	irqos_snprintf(tok, sizeof(tok), "h:%s", dev->name);
	trace_add(tok);
	dev->calls++;
	dev->last_irq = irq;
	dev->saw_irqs_disabled = irqs_disabled();
	dev->saw_in_irq = in_irq() != 0;
	dev->saw_inprogress = desc && irqd_irq_inprogress(&desc->irq_data);
	dev->saw_lock_held = desc && spin_is_locked(&desc->lock);
	if (++dev->depth > dev->max_depth)
		dev->max_depth = dev->depth;
	if (dev->hook)
		dev->hook(dev, irq);
	dev->depth--;
	return dev->ret;
}

irqreturn_t fake_handler(int irq, void *dev_id)
{
	return run_handler(irq, dev_id);
}

/* A second function, so reports that name handlers have two names. */
irqreturn_t fake_handler2(int irq, void *dev_id)
{
	return run_handler(irq, dev_id);
}

/* kallsyms for %ps/%pS: the two fake handlers, else the bare address. */
int sprint_symbol(char *buf, unsigned long addr)
{
	if (addr == (unsigned long)fake_handler)
		return irqos_sprintf(buf, "fake_handler+0x0/0x20");
	if (addr == (unsigned long)fake_handler2)
		return irqos_sprintf(buf, "fake_handler2+0x0/0x20");
	return irqos_sprintf(buf, "0x%lx", addr);
}

/* ---- host services ---- */
unsigned int host_warns, host_warn_flags;
unsigned int host_dump_stacks;
unsigned int host_ack_bad_irqs, host_ack_bad_irq_last;
unsigned int host_irq_procs, host_irq_proc_last;
unsigned int host_irq_enters, host_irq_exits;
long host_live_allocs;

void host_bug(const char *file, int line, unsigned int flags)
{
	if (!(flags & BUGFLAG_WARNING)) {
		printf("Bail out! BUG at %s:%d\n", file, line);
		abort();
	}
	printf("# WARN at %s:%d\n", file, line);
	host_warns++;
	host_warn_flags = flags;
}

#define LOG_SIZE (1 << 16)
char host_log[LOG_SIZE];
static size_t log_len;

void log_clear(void)
{
	log_len = 0;
	host_log[0] = '\0';
}

bool log_has(const char *s)
{
	return strstr(host_log, s) != NULL;
}

unsigned int log_count(const char *s)
{
	unsigned int n = 0;
	const char *p = host_log;
	size_t len = __builtin_strlen(s);

	while ((p = strstr(p, s)) != NULL) {
		n++;
		p += len;
	}
	return n;
}

/* The kernel's own vsnprintf formats, so %ps goes through sprint_symbol. */
int printk(const char *fmt, ...)
{
	char line[512];
	const char *p = line;
	va_list ap;
	size_t n;
	int ret;

	va_start(ap, fmt);
	ret = irqos_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (p[0] == KERN_SOH_ASCII && p[1])
		p += 2;
	n = __builtin_strlen(p);
	if (log_len + n + 1 >= LOG_SIZE) {
		printf("Bail out! printk log overflow\n");
		exit(1);
	}
	__builtin_memcpy(host_log + log_len, p, n + 1);
	log_len += n;
	printf("# %s%s", p, n && p[n - 1] == '\n' ? "" : "\n");
	return ret;
}

void dump_stack(void)
{
	host_dump_stacks++;
}

void ack_bad_irq(unsigned int irq)
{
	host_ack_bad_irqs++;
	host_ack_bad_irq_last = irq;
}

void register_irq_proc(unsigned int irq, struct irq_desc *desc)
{
	host_irq_procs++;
	host_irq_proc_last = irq;
}

/*
 * kernel/time/timer.c's mod_timer, for spurious.c's poll timer: the tests
 * call poll_spurious_irqs() themselves at the jiffies they choose, so the
 * stand-in only records the arming (host_mod_timer_calls, _expires).
 */
unsigned int host_mod_timer_calls;
unsigned long host_mod_timer_expires;

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	int was = timer_pending(timer);

	host_mod_timer_calls++;
	host_mod_timer_expires = expires;
	timer->expires = expires;
	timer->pprev = &timer->next;     /* "pending": nothing walks it here */
	return was;
}

/*
 * irq_enter/irq_exit as kernel/softirq.c defines them (hardirq count in
 * preempt_count), without the softirq machinery that file will grow.
 */
void irq_enter(void)
{
	host_irq_enters++;
	__preempt_count_add(HARDIRQ_OFFSET);
}

void irq_exit(void)
{
	host_irq_exits++;
	if (!irqs_disabled())
		host_bug(__FILE__, __LINE__, BUGFLAG_WARNING);
	__preempt_count_sub(HARDIRQ_OFFSET);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	void *p = calloc(1, size);

	if (p)
		host_live_allocs++;
	return p;
}

void kfree(const void *obj)
{
	if (obj)
		host_live_allocs--;
	free((void *)obj);
}

/* ---- helpers ---- */
void irq_host_reset(void)
{
	__builtin_memset(irq_desc, 0, sizeof(irq_desc));
	early_irq_init();
	__builtin_memset(fake_hw, 0, sizeof(fake_hw));
	for (unsigned int i = 0; i < NR_IRQS; i++)
		fake_hw[i].masked = true;
	irq_trace_on = true;
	trace_clear();
	log_clear();
	host_irq_flags = 0x200;
	host_preempt_count = 0;
	cpu_number = 0;
	noirqdebug = 0;
	irqfixup = 0;
	host_warns = host_warn_flags = 0;
	host_dump_stacks = 0;
	host_ack_bad_irqs = host_ack_bad_irq_last = 0;
	host_irq_procs = host_irq_proc_last = 0;
	host_irq_enters = host_irq_exits = 0;
}

void setup_line(unsigned int irq, struct irq_chip *chip, irq_flow_handler_t flow)
{
	const char *name = flow == handle_level_irq ? "level" :
			   flow == handle_edge_irq ? "edge" :
			   flow == handle_fasteoi_irq ? "fasteoi" :
			   flow == handle_simple_irq ? "simple" :
			   flow == handle_percpu_irq ? "percpu" : NULL;

	irq_set_chip_and_handler_name(irq, chip, flow, name);
}

void raise_irq_on(unsigned int irq, int cpu)
{
	unsigned long flags = host_irq_flags;
	int old_cpu = cpu_number;

	cpu_number = cpu;
	host_irq_flags &= ~0x200UL;
	irq_enter();
	generic_handle_irq(irq);
	irq_exit();
	host_irq_flags = flags;
	cpu_number = old_cpu;
}

bool hw_agrees(unsigned int irq)
{
	return fake_hw[irq].masked == irqd_irq_masked(&irq_desc[irq].irq_data);
}

const char *chain(unsigned int irq)
{
	static char buf[256];
	size_t len = 0;

	buf[0] = '\0';
	for (struct irqaction *a = irq_desc[irq].action; a; a = a->next) {
		size_t n = __builtin_strlen(a->name);

		if (len + n + 2 >= sizeof(buf))
			break;
		if (len)
			buf[len++] = ',';
		__builtin_memcpy(buf + len, a->name, n + 1);
		len += n;
	}
	return buf;
}
