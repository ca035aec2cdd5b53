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
#define APIC_PROCPRI    0x0a0   /* processor priority (PPR), read only */
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

#define APIC_VECTOR_MASK       0xffu    /* LVT/ICR bits 0-7 */
#define APIC_DM_MASK           0x00700  /* LVT/ICR bits 8-10: delivery mode */
#define APIC_SEND_PENDING      (1u << 12) /* LVT: delivery status */
#define APIC_LVT_LEVEL_TRIGGER (1u << 15)
#define APIC_LVT_TIMER_MASK    (3u << 17)
#define APIC_TDR_DIV_16        0x3      /* TDCR: divide the bus clock by 16 */
#define APIC_LVR_VERSION(v)    ((v) & 0xff)
#define APIC_LVR_MAXLVT(v)     (((v) >> 16) & 0xff)  /* highest LVT index */

/* ESR bits (SDM Vol. 3A, 11.5.3). */
#define APIC_ESR_SEND_CS       (1u << 0)
#define APIC_ESR_RECV_CS       (1u << 1)
#define APIC_ESR_SEND_ACC      (1u << 2)
#define APIC_ESR_RECV_ACC      (1u << 3)
#define APIC_ESR_REDIR_IPI     (1u << 4)
#define APIC_ESR_SEND_ILL      (1u << 5)   /* sent an illegal vector (0-15) */
#define APIC_ESR_RECV_ILL      (1u << 6)   /* received an illegal vector */
#define APIC_ESR_ILL_REG       (1u << 7)   /* accessed a reserved register */

#define APIC_SPIV_APIC_ENABLED (1u << 8)
#define APIC_LVT_MASKED        (1u << 16)
#define APIC_LVT_TIMER_PERIODIC (1u << 17)
#define APIC_LVT_TIMER_TSCDEADLINE (2u << 17)
#define APIC_LVT_TIMER_ONESHOT  (0u << 17)

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

/* --- arch/x86/kernel/apic/apic.c --- */

/* One bit per CPU whose local APIC setup_local_APIC() has programmed. */
extern unsigned long apic_cpus_ready;
/* LAPIC timer counts (bus clock / 16) per tick; 0: not calibrated, the PIT
 * stays the tick. */
extern u32 lapic_timer_period;
/* The LAPIC timer runs in TSC-deadline mode (else periodic). */
extern bool lapic_tsc_deadline;
/* The LAPIC timer is a one-shot clock event device (else periodic ticks). */
extern bool lapic_timer_oneshot;

/*
 * apic_intr_mode_init - switch the boot CPU to its local APIC and, unless
 * "noapic", route the devices through the I/O APIC. Called once from
 * start_kernel() right after init_IRQ(), interrupts off.
 */
void apic_intr_mode_init(void);
/* Program the running CPU's LAPIC (TPR, spurious vector, LVTs, ESR);
 * for the boot CPU and every AP. Interrupts off. */
void setup_local_APIC(void);
/* Start the running CPU's local tick (LOC) on LOCAL_TIMER_VECTOR, after
 * setup_local_APIC(); a no-op if the timer could not be calibrated. */
void apic_timer_init_this_cpu(void);
/* Is @vector requested (IRR) or in service (ISR) at this CPU's LAPIC? */
bool lapic_vector_pending(unsigned int vector);
/* Read bit @vector of the 256-bit register starting at @reg (IRR/ISR/TMR). */
bool apic_test_vector(u32 reg, unsigned int vector);
/* Has the boot CPU's LAPIC timer taken the tick over from the PIT? */
bool apic_timer_is_tick(void);
/* Send @vector to this CPU and wait until it was taken and EOIed (tests). */
void apic_self_ipi_wait(unsigned int vector);
/* "x2APIC" or "xAPIC"; "none" without a LAPIC in use. */
const char *apic_mode_name(void);

#endif
