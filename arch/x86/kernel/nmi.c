// SPDX-License-Identifier: MIT
/*
 * Non-maskable interrupts (Intel SDM Vol. 3A, 6.7.1).
 *
 * An NMI cannot be blocked by cli, so it can arrive anywhere - inside
 * another handler, inside printk, on the first instruction of an entry
 * stub. It therefore runs on its own IST stack. While an NMI handler runs
 * the CPU blocks further NMIs until the next iretq.
 *
 * Sources on a PC: the Local APIC (an NMI IPI from another CPU or from
 * this one, or LINT1 programmed as NMI - where QEMU's "nmi" monitor
 * command and a real machine's NMI button arrive), and the chipset, which
 * says why in port 0x61 (PCI SERR#, ISA IOCHK#). NMIs carry no vector
 * telling them apart, so exc_nmi() asks the registered handlers (see
 * asm/nmi.h) before calling an NMI unknown. The nmi_backtrace handler is
 * one of them: it claims the NMI when this CPU was asked for its trace.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/nmi.h>
#include <linux/hardirq.h>
#include <asm/traps.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/nmi.h>
#include <asm/processor.h>

#define NMI_REASON_PORT 0x61   /* system control port B */

static struct nmiaction *nmi_chain[NMI_MAX];
static DEFINE_SPINLOCK(nmi_reg_lock);
/* NMIs walking a chain right now, so unregistering can wait them out. */
static unsigned int nmi_chain_users;
static DEFINE_PER_CPU(unsigned long, nmi_unknown);
/* NMIs whose handling has finished (__nmi_count counts them on entry). */
static DEFINE_PER_CPU(unsigned long, nmi_done);

/**
 * __register_nmi_handler - add @action to the chain of @type
 *
 * Return: 0, -EINVAL for a bad type or handler, -EEXIST if @action is
 * already on a chain.
 */
int __register_nmi_handler(unsigned int type, struct nmiaction *action)
{
	struct nmiaction *a;
	unsigned long flags;
	int ret = 0;

	if (type >= NMI_MAX || !action->handler)
		return -22;
	spin_lock_irqsave(&nmi_reg_lock, flags);
	for (a = nmi_chain[type]; a; a = a->next)
		if (a == action)
			ret = -17;
	if (!ret) {
		/* Fully built before it becomes reachable from an NMI. */
		action->next = nmi_chain[type];
		__atomic_store_n(&nmi_chain[type], action, __ATOMIC_RELEASE);
	}
	spin_unlock_irqrestore(&nmi_reg_lock, flags);
	return ret;
}

/**
 * unregister_nmi_handler - remove the handler called @name from @type
 *
 * Waits until no CPU is walking any chain, so the caller may reuse or
 * free the action afterwards.
 */
void unregister_nmi_handler(unsigned int type, const char *name)
{
	struct nmiaction **pp;
	unsigned long flags;

	if (type >= NMI_MAX)
		return;
	spin_lock_irqsave(&nmi_reg_lock, flags);
	for (pp = &nmi_chain[type]; *pp; pp = &(*pp)->next) {
		if (!strcmp((*pp)->name, name)) {
			__atomic_store_n(pp, (*pp)->next, __ATOMIC_RELEASE);
			break;
		}
	}
	spin_unlock_irqrestore(&nmi_reg_lock, flags);
	while (__atomic_load_n(&nmi_chain_users, __ATOMIC_ACQUIRE))
		cpu_relax();
}

/* Offer the NMI to every handler of @type; how many claimed it. */
static int nmi_handle(unsigned int type, struct pt_regs *regs)
{
	struct nmiaction *a;
	int handled = 0;

	__atomic_fetch_add(&nmi_chain_users, 1, __ATOMIC_ACQUIRE);
	for (a = __atomic_load_n(&nmi_chain[type], __ATOMIC_ACQUIRE); a;
	     a = __atomic_load_n(&a->next, __ATOMIC_ACQUIRE))
		handled += a->handler(type, regs);
	__atomic_fetch_sub(&nmi_chain_users, 1, __ATOMIC_RELEASE);
	return handled;
}

static void unknown_nmi_error(unsigned char reason, struct pt_regs *regs)
{
	this_cpu_inc(nmi_unknown);
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
	if (!nmi_handle(NMI_LOCAL, regs)) {
		/* Port 0x61 bits 7/6 report memory parity / I/O channel check
		 * NMIs from the chipset; then the last-resort handlers. */
		reason = inb(NMI_REASON_PORT);
		if (!nmi_handle(NMI_UNKNOWN, regs))
			unknown_nmi_error(reason, regs);
	}
	this_cpu_inc(nmi_done);
	nmi_exit();
}

/**
 * nmi_done_count - NMIs @cpu has finished handling (reports printed)
 */
unsigned long nmi_done_count(unsigned int cpu)
{
	return READ_ONCE(per_cpu(nmi_done, cpu));
}

/**
 * nmi_unknown_count - NMIs on @cpu that no handler claimed
 */
unsigned long nmi_unknown_count(unsigned int cpu)
{
	return per_cpu(nmi_unknown, cpu);
}

static int nmi_cpu_backtrace_handler(unsigned int type, struct pt_regs *regs)
{
	return nmi_cpu_backtrace(regs) ? NMI_HANDLED : NMI_DONE;
}

/* nmi_backtrace's requests arrive as NMIs: claim ours (lib/nmi_backtrace.c;
 * arch/x86/kernel/smp.c sends them). */
static int __init register_nmi_cpu_backtrace_handler(void)
{
	return register_nmi_handler(NMI_LOCAL, nmi_cpu_backtrace_handler, 0, "arch_bt");
}
core_initcall(register_nmi_cpu_backtrace_handler);
