/* SPDX-License-Identifier: MIT */
/*
 * The Local APIC (Intel SDM Vol. 3A, chapter 11): every CPU's own
 * interrupt controller. It receives interrupts (from the I/O APIC, MSI
 * messages, other CPUs' IPIs, its own timer), delivers them to its CPU by
 * priority, and needs an EOI write when a handler is done. It also sends
 * IPIs through its Interrupt Command Register (ICR).
 *
 * Two programming interfaces, one API here: xAPIC (registers in a 4 KiB
 * MMIO page at 0xfee00000) and x2APIC (the same registers as MSRs
 * 0x800 + offset/16, 32-bit APIC IDs, ICR as one 64-bit MSR).
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <linux/types.h>
#include <asm/percpu.h>

/* Register offsets (xAPIC MMIO; x2APIC MSR 0x800 + off >> 4). */
#define APIC_ID         0x020   /* Local APIC ID */
#define APIC_LVR        0x030   /* version; max LVT entry in bits 16-23 */
#define APIC_TASKPRI    0x080   /* task priority (TPR) */
#define APIC_EOI        0x0b0   /* end of interrupt: write 0 */
#define APIC_LDR        0x0d0   /* logical destination */
#define APIC_DFR        0x0e0   /* destination format (xAPIC only) */
#define APIC_SPIV       0x0f0   /* spurious vector; bit 8 = APIC enable */
#define APIC_ISR        0x100   /* in-service, 8 x 32 bits, 16 bytes apart */
#define APIC_TMR        0x180   /* trigger mode (1 = level), 8 x 32 */
#define APIC_IRR        0x200   /* interrupt request, 8 x 32 */
#define APIC_ESR        0x280   /* error status */
#define APIC_ICR        0x300   /* interrupt command, low */
#define APIC_ICR2       0x310   /* interrupt command, high: destination (xAPIC) */
#define APIC_LVTT       0x320   /* LVT timer */
#define APIC_LVTTHMR    0x330   /* LVT thermal */
#define APIC_LVTPC      0x340   /* LVT performance counter */
#define APIC_LVT0       0x350   /* LVT LINT0 */
#define APIC_LVT1       0x360   /* LVT LINT1 */
#define APIC_LVTERR     0x370   /* LVT error */
#define APIC_TMICT      0x380   /* timer initial count */
#define APIC_TMCCT      0x390   /* timer current count */
#define APIC_TDCR       0x3e0   /* timer divide configuration */
#define APIC_SELF_IPI   0x3f0   /* x2APIC only */

#define APIC_SPIV_APIC_ENABLED (1u << 8)
#define APIC_LVT_MASKED        (1u << 16)
#define APIC_LVT_TIMER_PERIODIC (1u << 17)
#define APIC_LVT_TIMER_TSCDEADLINE (2u << 17)

/* ICR low word. */
#define APIC_DM_FIXED     0x00000
#define APIC_DM_NMI       0x00400
#define APIC_DM_INIT      0x00500
#define APIC_DM_STARTUP   0x00600
#define APIC_DM_EXTINT    0x00700
#define APIC_ICR_BUSY     0x01000  /* send pending (xAPIC) */
#define APIC_INT_ASSERT   0x04000
#define APIC_INT_LEVELTRIG 0x08000
#define APIC_DEST_SELF    0x40000
#define APIC_DEST_ALLINC  0x80000
#define APIC_DEST_ALLBUT  0xc0000

#define APIC_DEFAULT_PHYS_BASE 0xfee00000UL
#define MSR_IA32_APICBASE      0x1b
#define MSR_IA32_APICBASE_BSP  (1UL << 8)
#define MSR_IA32_APICBASE_EXTD (1UL << 10)   /* x2APIC mode */
#define MSR_IA32_APICBASE_ENABLE (1UL << 11)
#define MSR_IA32_TSC_DEADLINE  0x6e0

extern bool x2apic_mode;          /* the LAPIC runs in x2APIC mode */
extern bool apic_available;       /* a LAPIC exists and is in use ("nolapic" clears) */
extern bool skip_ioapic_setup;    /* "noapic": stay on the 8259 for devices */

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);
/* Signal end of interrupt to this CPU's LAPIC. */
void apic_eoi(void);
u32 read_apic_id(void);
/* Send an IPI: ICR low word @low (vector | delivery mode | shorthand) to
 * the CPU with APIC ID @dest (ignored with a shorthand). Waits for the
 * previous send to complete in xAPIC mode. */
void apic_icr_write(u32 low, u32 dest);

/* Linux CPU number <-> APIC ID, filled from the MADT. */
extern u32 x86_cpu_to_apicid[NR_CPUS];

void __apic_send_IPI(unsigned int cpu, unsigned int vector);
void __apic_send_IPI_self(unsigned int vector);
void __apic_send_IPI_allbutself(unsigned int vector);
void __apic_send_IPI_mask(unsigned long cpumask, unsigned int vector);
void apic_send_nmi(unsigned int cpu);

#endif
