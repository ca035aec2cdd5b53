/* SPDX-License-Identifier: MIT */
/*
 * Interrupt flag control: the IF bit in RFLAGS. cli/sti only affect
 * maskable interrupts; NMIs and exceptions still arrive.
 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <asm/processor-flags.h>

static __always_inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=rm"(flags) : : "memory");
	return flags;
}

static __always_inline void native_irq_disable(void) { __asm__ __volatile__("cli" ::: "memory"); }
static __always_inline void native_irq_enable(void)  { __asm__ __volatile__("sti" ::: "memory"); }
static __always_inline void native_safe_halt(void)   { __asm__ __volatile__("sti; hlt" ::: "memory"); }
static __always_inline void native_halt(void)        { __asm__ __volatile__("hlt" ::: "memory"); }

static __always_inline unsigned long arch_local_save_flags(void) { return native_save_fl(); }
static __always_inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}
static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = native_save_fl();

	native_irq_disable();
	return flags;
}
static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	if (!arch_irqs_disabled_flags(flags))
		native_irq_enable();
}

#endif
