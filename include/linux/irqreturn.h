/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_IRQRETURN_H
#define _LINUX_IRQRETURN_H

/*
 * What an interrupt handler tells the core:
 *   IRQ_NONE        the interrupt was not from this device (a shared line)
 *   IRQ_HANDLED     it was, and it has been dealt with
 *   IRQ_WAKE_THREAD it was; wake the handler thread (threaded IRQs)
 * A line on which every handler keeps answering IRQ_NONE is "screaming":
 * see kernel/irq/spurious.c.
 */
enum irqreturn {
	IRQ_NONE        = 0,
	IRQ_HANDLED     = 1 << 0,
	IRQ_WAKE_THREAD = 1 << 1,
};
typedef enum irqreturn irqreturn_t;

#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)

#endif
