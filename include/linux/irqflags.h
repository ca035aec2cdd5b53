/* SPDX-License-Identifier: MIT */
/* local_irq_* - enable/disable maskable interrupts on this CPU. */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/compiler.h>
#include <asm/irqflags.h>

#define local_irq_enable()   arch_local_irq_restore(0x200)
#define local_irq_disable()  (void)arch_local_irq_save()
#define local_irq_save(flags) do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_save_flags(flags) do { (flags) = arch_local_save_flags(); } while (0)
#define irqs_disabled() arch_irqs_disabled_flags(arch_local_save_flags())
#define irqs_disabled_flags(flags) arch_irqs_disabled_flags(flags)

#endif
