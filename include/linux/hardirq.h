/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/compiler.h>
#include <linux/preempt.h>

/* Enter/leave hard interrupt context (kernel/softirq.c). */
void irq_enter(void);
void irq_exit(void);

/* Enter/leave NMI context: NMI and hardirq counts both go up. */
#define nmi_enter() __preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET)
#define nmi_exit()  __preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET)

#endif
