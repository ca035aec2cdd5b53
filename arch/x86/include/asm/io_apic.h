/* SPDX-License-Identifier: MIT */
/*
 * The I/O APIC (Intel 82093AA datasheet; the same register model lives on
 * in every PCH): up to 240 input pins, each turned into an interrupt
 * message to a local APIC by its 64-bit redirection table entry (RTE).
 * arch/x86/kernel/apic/io_apic.c drives it.
 *
 * The registers are reached through an index/data window in one 4 KiB
 * page: write the register number to IOREGSEL, then read or write IOWIN.
 */
#ifndef _ASM_X86_IO_APIC_H
#define _ASM_X86_IO_APIC_H

#include <linux/types.h>

/* MMIO window (82093AA, 3.1). */
#define IO_APIC_REGSEL         0x00    /* register select (index) */
#define IO_APIC_WIN            0x10    /* register window (data) */
#define IO_APIC_EOI            0x40    /* directed EOI, version 0x20 and later */

/* Indirect registers (82093AA, 3.2). */
#define IO_APIC_ID             0x00    /* bits 24-27: the I/O APIC's ID */
#define IO_APIC_VER            0x01    /* bits 0-7 version, 16-23 max RTE index */
#define IO_APIC_ARB            0x02    /* arbitration ID */
#define IO_APIC_REDTBL(pin)    (0x10 + 2 * (pin))   /* RTE low; +1 = high */

/* Redirection table entry (82093AA, 3.2.4). */
#define IO_APIC_RTE_VECTOR         0xffULL       /* bits 0-7 */
#define IO_APIC_RTE_DM_SHIFT       8             /* bits 8-10: delivery mode */
#define IO_APIC_RTE_DM_MASK        (7ULL << 8)
#define IO_APIC_RTE_DM_FIXED       (0ULL << 8)
#define IO_APIC_RTE_DM_LOWEST      (1ULL << 8)
#define IO_APIC_RTE_DM_SMI         (2ULL << 8)
#define IO_APIC_RTE_DM_NMI         (4ULL << 8)
#define IO_APIC_RTE_DM_INIT        (5ULL << 8)
#define IO_APIC_RTE_DM_EXTINT      (7ULL << 8)
#define IO_APIC_RTE_DEST_LOGICAL   (1ULL << 11)  /* else physical APIC ID */
#define IO_APIC_RTE_DELIVS         (1ULL << 12)  /* send pending (read only) */
#define IO_APIC_RTE_POLARITY_LOW   (1ULL << 13)  /* active low input */
#define IO_APIC_RTE_REMOTE_IRR     (1ULL << 14)  /* level: accepted, no EOI yet */
#define IO_APIC_RTE_LEVEL          (1ULL << 15)  /* level triggered, else edge */
#define IO_APIC_RTE_MASKED         (1ULL << 16)
#define IO_APIC_RTE_DEST_SHIFT     56            /* bits 56-63: destination */

struct irq_chip;
extern struct irq_chip ioapic_chip;
/* Bit n: ISA IRQ n is routed through an I/O APIC (else the 8259 or none). */
extern unsigned long io_apic_irqs;

/* Route the ISA IRQs through the I/O APICs; false if none is usable. */
bool setup_IO_APIC(void);
/* Is @irq an I/O APIC line? */
bool irq_is_ioapic(unsigned int irq);
/* The RTE of @irq's pin; -ENODEV if @irq is not an I/O APIC line. */
int ioapic_read_irq_entry(unsigned int irq, u64 *rte);
/* The GSI of ISA IRQ @irq (override or identity), -1 if it has none. */
int mp_irq_to_gsi(unsigned int irq);
/*
 * Make PCI INTx line @irq level-triggered (and active low, unless the MADT
 * says otherwise for it) at the I/O APIC, with the fasteoi flow. *@low
 * tells the polarity programmed. Return: 0, or -ENODEV when @irq is not
 * routed through an I/O APIC (then the 8259's ELCR is what counts).
 */
int mp_set_pci_irq(unsigned int irq, bool *low);
/* The RTE of @pin of I/O APIC @idx (for the shell); -EINVAL if none. */
int ioapic_read_pin(int idx, unsigned int pin, u64 *rte);
/* The Linux IRQ routed to @pin of I/O APIC @idx, or -1. */
int ioapic_pin_to_irq(int idx, unsigned int pin);

#endif /* _ASM_X86_IO_APIC_H */
