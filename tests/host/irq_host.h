/* SPDX-License-Identifier: MIT */
/*
 * Shared scaffolding for the host tests of the generic IRQ layer
 * (kernel/irq/): a fake irq_chip that records every method call, fake
 * devices whose handlers record their runs and what they saw, and host
 * versions of the kernel services the layer calls (printk captured into a
 * buffer, WARN counted, kzalloc on calloc, jiffies under test control).
 *
 * The trace is one string of space-separated tokens, in call order:
 *   chip methods:  startup shutdown enable disable ack mask mask_ack
 *                  unmask eoi set_type retrigger
 *   handlers:      h:<device name>
 * so a test states a flow as e.g. "mask_ack h:a unmask".
 */
#ifndef _TESTS_HOST_IRQ_HOST_H
#define _TESTS_HOST_IRQ_HOST_H

#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/smp.h>

/* ---- the call trace ---- */
extern char irq_trace[];
extern bool irq_trace_on;          /* off for storms of 100,000 interrupts */
void trace_clear(void);
void trace_add(const char *tok);

/* ---- the fake controller ---- */

/* What the "hardware" of each line looks like after the calls so far. */
struct fake_hw {
	bool masked;            /* the controller's mask bit */
	unsigned int acks;      /* ack or mask_ack */
	unsigned int eois;
	unsigned int startups, shutdowns;
	unsigned int last_type; /* last irq_set_type() argument */
	int set_type_ret;       /* what irq_set_type returns */
	int retrigger_ret;      /* what irq_retrigger returns (1 = resent) */
	unsigned int retriggers;
	unsigned int wrong_irq; /* calls whose irq_data was not this line's */
};
extern struct fake_hw fake_hw[NR_IRQS];

unsigned int fake_startup(struct irq_data *d);
void fake_shutdown(struct irq_data *d);
void fake_enable(struct irq_data *d);
void fake_disable(struct irq_data *d);
void fake_ack(struct irq_data *d);
void fake_mask(struct irq_data *d);
void fake_mask_ack(struct irq_data *d);
void fake_unmask(struct irq_data *d);
void fake_eoi(struct irq_data *d);
int fake_set_type(struct irq_data *d, unsigned int type);
int fake_retrigger(struct irq_data *d);

/* Ready-made chips; tests build others from the fake_* methods. */
extern struct irq_chip fake_chip;        /* ack mask mask_ack unmask eoi set_type */
extern struct irq_chip fake_chip_noma;   /* ack mask unmask: no mask_ack */
extern struct irq_chip fake_chip_full;   /* + startup shutdown enable disable */

/* ---- fake devices ---- */
struct fake_dev {
	const char *name;
	irqreturn_t ret;             /* what the handler returns */
	unsigned int calls;
	int depth, max_depth;        /* how deeply the handler was nested */
	/* Runs inside the handler (after it is recorded), e.g. to raise the
	 * same interrupt again "from another CPU". */
	void (*hook)(struct fake_dev *dev, int irq);
	void *hook_arg;
	/* What the handler saw on its last run. */
	int last_irq;
	bool saw_irqs_disabled, saw_in_irq, saw_inprogress, saw_lock_held;
};
irqreturn_t fake_handler(int irq, void *dev_id);
irqreturn_t fake_handler2(int irq, void *dev_id);

/* ---- host services ---- */
extern unsigned long host_irq_flags, host_preempt_count;
extern unsigned int host_warns, host_warn_flags;   /* WARN()s since reset; flags of the last */
extern unsigned int host_dump_stacks;
extern unsigned int host_ack_bad_irqs, host_ack_bad_irq_last;
extern unsigned int host_irq_procs, host_irq_proc_last;
extern unsigned int host_irq_enters, host_irq_exits;
extern unsigned int host_mod_timer_calls;     /* mod_timer() stand-in: arming count */
extern unsigned long host_mod_timer_expires;  /* and the last expiry */
extern long host_live_allocs;                      /* kzalloc'ed and not kfree'd */

/* The captured printk log (level prefixes stripped). */
extern char host_log[];
void log_clear(void);
bool log_has(const char *s);
unsigned int log_count(const char *s);

/* ---- test helpers ---- */

/* Every descriptor back to its boot state, hardware masked, counters 0.
 * Actions still attached are a test's leak (LeakSanitizer reports it). */
void irq_host_reset(void);
/* Give @irq a controller and flow handler, as a chip driver does at boot. */
void setup_line(unsigned int irq, struct irq_chip *chip, irq_flow_handler_t flow);
/* Deliver @irq as do_IRQ() would on CPU @cpu: interrupts off, in hardirq. */
void raise_irq_on(unsigned int irq, int cpu);
static inline void raise_irq(unsigned int irq) { raise_irq_on(irq, 0); }

static inline struct irq_desc *D(unsigned int irq) { return irq_to_desc(irq); }
static inline unsigned int dstate(unsigned int irq) { return D(irq)->irq_data.state; }
/* Does the IRQD_IRQ_MASKED bit agree with the fake hardware's mask bit? */
bool hw_agrees(unsigned int irq);
/* Names of the actions on @irq, in chain order: "a,b,c" ("" if none). */
const char *chain(unsigned int irq);

#endif
