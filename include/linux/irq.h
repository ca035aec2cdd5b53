/* SPDX-License-Identifier: MIT */
/*
 * The generic IRQ layer's view of interrupt hardware - and the contract
 * between portable code and the architecture.
 *
 * Every interrupt line the kernel knows is a Linux IRQ number with a
 * struct irq_desc (linux/irqdesc.h). The hardware behind it is described
 * by a struct irq_chip, whose methods each do exactly ONE thing to the
 * controller, and nothing else:
 *
 *   irq_ack     tell the controller this interrupt has been taken, so it
 *               can latch the next edge (8259: EOI; the line stays live)
 *   irq_mask    stop the line from interrupting (the source stays pending)
 *   irq_unmask  let it interrupt again
 *   irq_mask_ack  mask then ack, in one step where the hardware allows
 *   irq_eoi     end of interrupt, for controllers that want it after the
 *               handlers ran (I/O APIC level lines via the local APIC)
 *   irq_enable / irq_disable   optional; default to unmask / (lazy) mask
 *   irq_startup / irq_shutdown optional; called on first request / last free
 *   irq_set_type   program edge/level and polarity (IRQ_TYPE_*)
 *   irq_set_affinity  choose the CPUs the line is delivered to
 *   irq_retrigger  make the controller deliver the interrupt again
 *
 * Which methods run, in which order, is the business of the flow handler
 * chosen for the line (kernel/irq/chip.c), one per trigger type:
 *
 *   handle_level_irq   mask+ack, run handlers, unmask    (level, 8259)
 *   handle_edge_irq    ack, run handlers, replay edges that came meanwhile
 *   handle_fasteoi_irq run handlers, eoi                  (APIC-style)
 *   handle_simple_irq  run handlers, nothing else         (demultiplexed)
 *   handle_percpu_irq  ack, handlers, eoi, no locking     (per-CPU lines)
 *   handle_bad_irq     count and report: no handler for this line
 *
 * Besides irq_chip, portable IRQ code uses only: local_irq_save/restore
 * (linux/irqflags.h), spinlocks, smp_processor_id(), preempt_count
 * (linux/preempt.h), jiffies, and the architecture's additions to
 * /proc/interrupts and /proc/stat declared at the end of this file.
 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/irqreturn.h>

struct irq_desc;
struct seq_file;

/* Trigger types (match IRQF_TRIGGER_*). */
#define IRQ_TYPE_NONE         0x00000000
#define IRQ_TYPE_EDGE_RISING  0x00000001
#define IRQ_TYPE_EDGE_FALLING 0x00000002
#define IRQ_TYPE_EDGE_BOTH    (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH   0x00000004
#define IRQ_TYPE_LEVEL_LOW    0x00000008
#define IRQ_TYPE_LEVEL_MASK   (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_LEVEL_HIGH)
#define IRQ_TYPE_SENSE_MASK   0x0000000f

/* Line settings (desc->status_use_accessors), as Linux's IRQ_* flags. */
#define IRQ_LEVEL           (1 << 8)   /* level triggered */
#define IRQ_PER_CPU         (1 << 9)
#define IRQ_NOPROBE         (1 << 10)
#define IRQ_NOREQUEST       (1 << 11)  /* request_irq() refuses this line */
#define IRQ_NOAUTOEN        (1 << 12)
#define IRQ_NO_BALANCING    (1 << 13)
#define IRQ_DISABLE_UNLAZY  (1 << 19)  /* mask at disable_irq() time, not lazily */

/* irq_data state bits (irqd_*). */
#define IRQD_TRIGGER_MASK     0xf
#define IRQD_PER_CPU          (1 << 11)
#define IRQD_LEVEL            (1 << 13)
#define IRQD_IRQ_DISABLED     (1 << 16)  /* disabled: handlers will not run */
#define IRQD_IRQ_MASKED       (1 << 17)  /* masked at the controller */
#define IRQD_IRQ_INPROGRESS   (1 << 18)  /* handlers are running (some CPU) */
#define IRQD_DEFAULT_TRIGGER_SET (1 << 25)  /* trigger type was set explicitly */
#define IRQD_IRQ_STARTED      (1 << 22)

/**
 * struct irq_data - what a chip method is handed
 * @irq:       Linux IRQ number
 * @hwirq:     the controller's own number for the line (pin, GSI, ...)
 * @state:     IRQD_* bits
 * @chip:      the controller
 * @chip_data: the controller's private data
 * @domain:    the controller's number space when it has its own (an
 *             irq_domain in Linux: I/O APIC pins, MSI); NULL for the 8259,
 *             whose pins are the ISA IRQ numbers themselves
 */
struct irq_data {
	unsigned int irq;
	unsigned long hwirq;
	const void *domain;
	unsigned int state;
	struct irq_chip *chip;
	void *chip_data;
};

#define IRQCHIP_EOI_IF_HANDLED (1 << 2)  /* eoi only if the handlers ran */

struct irq_chip {
	const char *name;
	unsigned int (*irq_startup)(struct irq_data *data);
	void (*irq_shutdown)(struct irq_data *data);
	void (*irq_enable)(struct irq_data *data);
	void (*irq_disable)(struct irq_data *data);
	void (*irq_ack)(struct irq_data *data);
	void (*irq_mask)(struct irq_data *data);
	void (*irq_mask_ack)(struct irq_data *data);
	void (*irq_unmask)(struct irq_data *data);
	void (*irq_eoi)(struct irq_data *data);
	int (*irq_set_affinity)(struct irq_data *data, unsigned long cpumask, bool force);
	int (*irq_retrigger)(struct irq_data *data);
	int (*irq_set_type)(struct irq_data *data, unsigned int flow_type);
	unsigned long flags;
};

/* A chip with no hardware behind it (the default for unused lines). */
extern struct irq_chip no_irq_chip;
/* A chip whose methods do nothing (for lines without a controller). */
extern struct irq_chip dummy_irq_chip;

typedef void (*irq_flow_handler_t)(struct irq_desc *desc);

void handle_level_irq(struct irq_desc *desc);
void handle_edge_irq(struct irq_desc *desc);
void handle_fasteoi_irq(struct irq_desc *desc);
void handle_simple_irq(struct irq_desc *desc);
void handle_percpu_irq(struct irq_desc *desc);
void handle_bad_irq(struct irq_desc *desc);

void irq_set_chip_and_handler_name(unsigned int irq, struct irq_chip *chip,
				   irq_flow_handler_t handle, const char *name);
static inline void irq_set_chip_and_handler(unsigned int irq, struct irq_chip *chip,
					    irq_flow_handler_t handle)
{
	irq_set_chip_and_handler_name(irq, chip, handle, NULL);
}
int irq_set_chip(unsigned int irq, struct irq_chip *chip);
int irq_set_chip_data(unsigned int irq, void *data);
void irq_set_handler(unsigned int irq, irq_flow_handler_t handle);
int irq_set_irq_type(unsigned int irq, unsigned int type);
void irq_set_status_flags(unsigned int irq, unsigned long set);
void irq_clear_status_flags(unsigned int irq, unsigned long clr);
struct irq_data *irq_get_irq_data(unsigned int irq);
struct irq_chip *irq_get_chip(unsigned int irq);

static inline bool irqd_irq_disabled(struct irq_data *d) { return d->state & IRQD_IRQ_DISABLED; }
static inline bool irqd_irq_masked(struct irq_data *d)   { return d->state & IRQD_IRQ_MASKED; }
static inline bool irqd_irq_inprogress(struct irq_data *d) { return d->state & IRQD_IRQ_INPROGRESS; }
static inline bool irqd_is_level_type(struct irq_data *d) { return d->state & IRQD_LEVEL; }
static inline unsigned int irqd_get_trigger_type(struct irq_data *d)
{
	return d->state & IRQD_TRIGGER_MASK;
}

/*
 * Dynamically allocated IRQ numbers (kernel/irq/irqdesc.c), for lines no
 * fixed numbering names (MSI). irq_alloc_desc_from: the lowest IRQ >=
 * @from that is free - not allocated before and with no controller or
 * handler - marked allocated; -ENOSPC if none. irq_free_desc: give back
 * one allocated IRQ, reset to "no controller"; WARNs on one that was not.
 */
int irq_alloc_desc_from(unsigned int from);
void irq_free_desc(unsigned int irq);

/* --- provided by the architecture --- */

/* Extra rows of /proc/interrupts (NMI, LOC, SPU, ... ERR, MIS). */
int arch_show_interrupts(struct seq_file *p, int prec);
/* Interrupts counted outside irq_desc, for /proc/stat's "intr" total. */
u64 arch_irq_stat(void);
/* An interrupt arrived on a line with no handler (handle_bad_irq). */
void ack_bad_irq(unsigned int irq);

#endif
