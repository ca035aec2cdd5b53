// SPDX-License-Identifier: MIT
/*
 * Non-maskable interrupts (Intel SDM Vol. 3A, 6.7.1).
 *
 * An NMI cannot be blocked by cli, so it can arrive anywhere - inside
 * another handler, inside printk, on the first instruction of an entry
 * stub. It therefore runs on its own IST stack. While an NMI handler runs
 * the CPU blocks further NMIs until the next iretq.
 *
 * For now every NMI is "unknown": a later issue adds the LAPIC sources
 * (self-NMI, NMI IPIs, nmi_backtrace) that claim theirs first.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/traps.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <linux/hardirq.h>

#define NMI_REASON_PORT 0x61   /* system control port B */

static void unknown_nmi_error(unsigned char reason, struct pt_regs *regs)
{
	printk(KERN_EMERG "Uhhuh. NMI received for unknown reason %02x on CPU %d.\n",
	       reason, smp_processor_id());
	printk(KERN_EMERG "Dazed and confused, but trying to continue\n");
}

/**
 * exc_nmi - vector 2
 */
void exc_nmi(struct pt_regs *regs, unsigned long error_code)
{
	unsigned char reason;

	nmi_enter();
	this_cpu_ptr(&irq_stat)->__nmi_count++;
	record_exception(regs, X86_TRAP_NMI, error_code);
	/* Port 0x61 bits 7/6 report memory parity / I/O channel check NMIs
	 * from the chipset; anything else is an NMI nobody claimed. */
	reason = inb(NMI_REASON_PORT);
	unknown_nmi_error(reason, regs);
	nmi_exit();
}
