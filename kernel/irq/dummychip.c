// SPDX-License-Identifier: MIT
/*
 * Two chips for lines without real controller methods: no_irq_chip marks
 * "nothing here" (request_irq() fails with -ENOSYS), dummy_irq_chip has
 * methods that succeed and do nothing (for lines whose hardware needs no
 * acknowledgement, like a demultiplexed child interrupt).
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>

static void noop(struct irq_data *data)
{
}

static unsigned int noop_ret(struct irq_data *data)
{
	return 0;
}

struct irq_chip no_irq_chip = {
	.name        = "none",
	.irq_startup = noop_ret,
	.irq_shutdown = noop,
	.irq_enable  = noop,
	.irq_disable = noop,
	/* no ack: handle_bad_irq() reports and counts through ack_bad_irq() */
};

struct irq_chip dummy_irq_chip = {
	.name        = "dummy",
	.irq_startup = noop_ret,
	.irq_shutdown = noop,
	.irq_enable  = noop,
	.irq_disable = noop,
	.irq_ack     = noop,
	.irq_mask    = noop,
	.irq_unmask  = noop,
};
