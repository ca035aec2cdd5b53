/* SPDX-License-Identifier: MIT */
/* Helpers shared by the files of kernel/irq/ and nobody else. */
#ifndef _KERNEL_IRQ_INTERNALS_H
#define _KERNEL_IRQ_INTERNALS_H

#include <linux/irqdesc.h>

/* chip.c - all called with desc->lock held */
void mask_irq(struct irq_desc *desc);
void unmask_irq(struct irq_desc *desc);
void irq_enable(struct irq_desc *desc);
void irq_disable(struct irq_desc *desc);
void irq_startup(struct irq_desc *desc, bool resend);
void irq_shutdown(struct irq_desc *desc);
void check_irq_resend(struct irq_desc *desc);
void unmask_threaded_irq(struct irq_desc *desc);

/* spurious.c */
void irq_spurious_reenabled(void);

/* manage.c */
int __irq_set_trigger(struct irq_desc *desc, unsigned long flags);
void __disable_irq(struct irq_desc *desc);
void __enable_irq(struct irq_desc *desc);

/* thread.c - threaded handlers */
irqreturn_t irq_default_primary_handler(int irq, void *dev_id);
void irq_setup_forced_threading(struct irqaction *new);
void __irq_wake_thread(struct irq_desc *desc, struct irqaction *action);
bool irq_thread_step(struct irqaction *action);
int irq_setup_thread(struct irqaction *new, unsigned int irq);
void irq_stop_thread(struct irqaction *action);
void irq_wait_for_threads(struct irq_desc *desc);
void irq_set_thread_affinity(struct irq_desc *desc);
unsigned long irq_thread_affinity_mask(struct irq_desc *desc);
bool irq_thread_check_affinity(struct irqaction *action);

#endif
