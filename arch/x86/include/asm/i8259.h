/* SPDX-License-Identifier: MIT */
/* The two cascaded 8259A interrupt controllers of the PC. */
#ifndef _ASM_X86_I8259_H
#define _ASM_X86_I8259_H

#include <linux/types.h>

#define PIC_MASTER_CMD   0x20
#define PIC_MASTER_IMR   0x21
#define PIC_SLAVE_CMD    0xa0
#define PIC_SLAVE_IMR    0xa1
#define PIC_CASCADE_IR   2          /* the slave hangs off master input 2 */

struct irq_desc;
extern struct irq_chip i8259A_chip;

void init_8259A(void);
void init_ISA_irqs(void);
/* Mark ISA line @irq level-triggered in the ELCR (for PCI INTx routed to it). */
void elcr_set_level_irq(unsigned int irq);
/*
 * True (and the spurious interrupt counted and acknowledged as needed) if
 * @desc's interrupt is an 8259 spurious IRQ 7 or 15: the CPU got the
 * vector but the controller's in-service register shows no real request.
 */
bool i8259A_spurious(struct irq_desc *desc);
unsigned int i8259A_get_mask(void);
/* Mask all 16 lines (the I/O APIC takes over; io_apic.c). */
void mask_8259A(void);
/* IMR, IRR, ISR and ELCR of both controllers, IRQ n = bit n. */
void i8259A_read_regs(u16 *imr, u16 *irr, u16 *isr, u16 *elcr);

#endif
