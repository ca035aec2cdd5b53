/* SPDX-License-Identifier: MIT */
/* The PC's timer interrupt (arch/x86/kernel/time.c). */
#ifndef _ASM_X86_TIME_H
#define _ASM_X86_TIME_H

/* ISA IRQ of PIT channel 0. */
#define PIT_TIMER_IRQ 0

/* Program the PIT for HZ and request IRQ 0: after init_IRQ(), irqs off. */
void time_init(void);

#endif /* _ASM_X86_TIME_H */
