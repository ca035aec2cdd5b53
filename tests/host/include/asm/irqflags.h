/* SPDX-License-Identifier: MIT */
/* Host stand-in: a variable plays the role of RFLAGS.IF. */
#ifndef _HOST_ASM_IRQFLAGS_H
#define _HOST_ASM_IRQFLAGS_H

extern unsigned long host_irq_flags;

static inline unsigned long arch_local_save_flags(void) { return host_irq_flags; }
static inline int arch_irqs_disabled_flags(unsigned long flags) { return !(flags & 0x200); }
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long f = host_irq_flags;

	host_irq_flags &= ~0x200UL;
	return f;
}
static inline void arch_local_irq_restore(unsigned long flags) { host_irq_flags = flags; }

#endif
