// SPDX-License-Identifier: MIT
/*
 * Host tests for dynamic IRQ numbers (kernel/irq/irqdesc.c), which MSI
 * takes from above the fixed legacy and I/O APIC lines:
 * irq_alloc_desc_from() hands out the lowest number that nobody
 * allocated and no controller claimed, in the "no controller" state;
 * irq_free_desc() gives it back reset; misuse WARNs and changes nothing.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/errno.h>
#include "irq_host.h"
#include "tap.h"

static struct fake_dev a;

int main(void)
{
	int i, n;

	irq_host_reset();
	a = (struct fake_dev){ .name = "a", .ret = IRQ_HANDLED };

	is_int(irq_alloc_desc_from(24), 24, "first allocation from 24 is 24");
	is_int(irq_alloc_desc_from(24), 25, "the next is 25: 24 is taken");
	ok(D(24)->irq_data.chip == &no_irq_chip && D(24)->handle_irq == handle_bad_irq,
	   "an allocated IRQ starts with no controller");
	ok(D(24)->status_use_accessors & IRQ_NOREQUEST, "... and request_irq() refuses it");
	is_int(request_irq(24, fake_handler, 0, "a", &a), -EINVAL, "request_irq before a chip: -EINVAL");

	/* A line a controller claimed statically is not free. */
	setup_line(26, &fake_chip, handle_edge_irq);
	is_int(irq_alloc_desc_from(26), 27, "a line with a chip is skipped (26 -> 27)");
	is_int(irq_alloc_desc_from(5), 5, "below: the first chipless line, 5");

	/* Use one as MSI does, then free it: reset, and reused first. */
	setup_line(24, &fake_chip, handle_edge_irq);
	D(24)->irq_data.hwirq = 65536;
	D(24)->irq_data.domain = &a;
	is_int(request_irq(24, fake_handler, 0, "a", &a), 0, "the allocated IRQ, given a chip, can be requested");
	raise_irq(24);
	is_int(a.calls, 1, "and delivers");
	is_int(kstat_irqs(24), 1, "kstat counts it");
	n = host_warns;
	irq_free_desc(24);
	is_int(host_warns, n + 1, "irq_free_desc with a handler still attached WARNs");
	ok(D(24)->action && D(24)->irq_data.chip == &fake_chip, "... and changes nothing");
	free_irq(24, &a);
	irq_free_desc(24);
	is_int(host_warns, n + 1, "irq_free_desc after free_irq: no WARN");
	ok(D(24)->irq_data.chip == &no_irq_chip && !D(24)->irq_data.domain &&
	   D(24)->irq_data.hwirq == 24 && kstat_irqs(24) == 0 && D(24)->name == NULL,
	   "a freed IRQ is reset: no chip, no domain, hwirq = irq, counts 0");
	is_int(irq_alloc_desc_from(24), 24, "a freed number is handed out again");

	/* Misuse. */
	irq_free_desc(40);
	is_int(host_warns, n + 2, "freeing a never-allocated IRQ WARNs");
	irq_free_desc(NR_IRQS);
	is_int(host_warns, n + 3, "freeing an out-of-range IRQ WARNs");
	is_int(irq_alloc_desc_from(NR_IRQS), -ENOSPC, "from NR_IRQS: -ENOSPC");

	/* Exhaustion. */
	for (i = 0; irq_alloc_desc_from(200) >= 0; i++)
		;
	is_int(i, NR_IRQS - 200, "every number from 200 up can be allocated once");
	is_int(irq_alloc_desc_from(200), -ENOSPC, "then -ENOSPC");

	irq_host_reset();
	is_int(irq_alloc_desc_from(24), 24, "early_irq_init forgets the allocations");
	return done_testing();
}
