// SPDX-License-Identifier: MIT
/*
 * The PC's two 8259A Programmable Interrupt Controllers (Intel 8259A
 * datasheet; PIIX/ICH datasheets for the ELCR).
 *
 * The master handles IRQ 0-7 and the slave IRQ 8-15; the slave's output
 * is wired to master input 2 (the cascade). Each has an Interrupt Mask
 * Register (IMR), an Interrupt Request Register (IRR: lines asking) and an
 * In-Service Register (ISR: lines being serviced until EOI). We program
 * them to deliver IRQ n on vector 0x20 + n, and drive every line with
 * handle_level_irq, as Linux does: mask+ack before the handlers, unmask
 * after, which works for edge (ISA) and level (PCI, per ELCR) lines alike.
 *
 * The chip name is "XT-PIC", which is what Linux prints in
 * /proc/interrupts for these lines.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <asm/io.h>
#include <asm/i8259.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>

/* Command words (8259A datasheet). */
#define ICW1_INIT       0x10   /* this is ICW1 */
#define ICW1_ICW4       0x01   /* an ICW4 follows */
#define ICW4_8086       0x01   /* 8086 mode (not MCS-80) */
#define OCW2_SPECIFIC_EOI 0x60 /* specific EOI, | the IR level */
#define OCW3_READ_IRR   0x0a
#define OCW3_READ_ISR   0x0b

/* Edge/Level Control Registers (PIIX3 and later): bit n = IRQ n level. */
#define PIC_ELCR1       0x4d0
#define PIC_ELCR2       0x4d1

static DEFINE_SPINLOCK(i8259A_lock);
/* The IMR contents; 1 = masked. IRQ 2 (the cascade) is always open. */
static unsigned int cached_irq_mask = 0xffff;

static void write_imr(unsigned int irq)
{
	if (irq & 8)
		outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
	else
		outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
}

static void disable_8259A_irq(struct irq_data *data)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask |= 1u << data->irq;
	write_imr(data->irq);
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

static void enable_8259A_irq(struct irq_data *data)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask &= ~(1u << data->irq);
	write_imr(data->irq);
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

/* Is @irq really in service? (Read the ISR of the right controller.) */
static bool i8259A_irq_real(unsigned int irq)
{
	unsigned int port = irq & 8 ? PIC_SLAVE_CMD : PIC_MASTER_CMD;
	bool real;

	outb(OCW3_READ_ISR, port);
	real = inb(port) & (1u << (irq & 7));
	outb(OCW3_READ_IRR, port);
	return real;
}

/*
 * Mask the line, then send a specific EOI: the slave's for IRQ 8-15 and
 * then the master's for the cascade input, or the master's alone. Masking
 * first means the still-asserted level line cannot interrupt again the
 * moment the EOI reopens its priority level.
 */
static void mask_and_ack_8259A(struct irq_data *data)
{
	unsigned int irq = data->irq, irqmask = 1u << irq;
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask |= irqmask;
	if (irq & 8) {
		outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
		outb(OCW2_SPECIFIC_EOI + (irq & 7), PIC_SLAVE_CMD);
		outb(OCW2_SPECIFIC_EOI + PIC_CASCADE_IR, PIC_MASTER_CMD);
	} else {
		outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
		outb(OCW2_SPECIFIC_EOI + irq, PIC_MASTER_CMD);
	}
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

static unsigned int startup_8259A_irq(struct irq_data *data)
{
	enable_8259A_irq(data);
	return 0;
}

struct irq_chip i8259A_chip = {
	.name         = "XT-PIC",
	.irq_startup  = startup_8259A_irq,
	.irq_mask     = disable_8259A_irq,
	.irq_unmask   = enable_8259A_irq,
	.irq_mask_ack = mask_and_ack_8259A,
};

static unsigned int spurious_irq_mask;   /* 7/15 already reported */

/**
 * i8259A_spurious - filter out the 8259's spurious IRQ 7 and IRQ 15
 *
 * If a request goes away before the CPU's acknowledge cycle, the 8259
 * answers with its lowest-priority vector (IR7) without setting the ISR
 * bit. Such an interrupt must not be handled (no device asked) and must
 * not get an EOI from the controller that produced it - but a spurious
 * IRQ 15 came through the master's cascade input, which is in service and
 * does need its EOI. Counted in irq_err_count (the ERR row) and reported
 * once per line.
 */
bool i8259A_spurious(struct irq_desc *desc)
{
	unsigned int irq = irq_desc_get_irq(desc);
	unsigned long flags;

	/* Only the 8259's own vectors can carry its spurious IR7: once the
	 * I/O APIC owns IRQ 7 and 15 they arrive on other vectors, while
	 * 0x27/0x2f stay mapped to them for this check (io_apic.c). */
	if ((irq != 7 && irq != 15) ||
	    this_cpu_read(irq_stat.last_vector) != ISA_IRQ_VECTOR(irq))
		return false;
	spin_lock_irqsave(&i8259A_lock, flags);
	if (i8259A_irq_real(irq)) {
		spin_unlock_irqrestore(&i8259A_lock, flags);
		return false;
	}
	if (irq == 15)
		outb(OCW2_SPECIFIC_EOI + PIC_CASCADE_IR, PIC_MASTER_CMD);
	spin_unlock_irqrestore(&i8259A_lock, flags);
	__atomic_fetch_add(&irq_err_count, 1, __ATOMIC_RELAXED);
	if (!(spurious_irq_mask & (1u << irq))) {
		spurious_irq_mask |= 1u << irq;
		printk(KERN_DEBUG "spurious 8259A interrupt: IRQ%u.\n", irq);
	}
	return true;
}

/**
 * elcr_set_level_irq - make ISA line @irq level-triggered
 *
 * PCI INTx lines routed to the 8259 are active-low level lines; the ELCR
 * tells the 8259 to sense them as levels. The BIOS normally does this for
 * the lines it routed; drivers call it for lines they learn about.
 */
void elcr_set_level_irq(unsigned int irq)
{
	unsigned long flags;
	unsigned int port = irq & 8 ? PIC_ELCR2 : PIC_ELCR1;

	if (irq >= NR_LEGACY_IRQS || irq == 0 || irq == 1 || irq == 2 || irq == 8 || irq == 13)
		return;    /* those lines are edge-only on a PC */
	spin_lock_irqsave(&i8259A_lock, flags);
	outb(inb(port) | (1u << (irq & 7)), port);
	spin_unlock_irqrestore(&i8259A_lock, flags);
	irq_set_status_flags(irq, IRQ_LEVEL);
}

unsigned int i8259A_get_mask(void)
{
	return cached_irq_mask;
}

/**
 * mask_8259A - mask every line of both controllers
 *
 * For the switch to the I/O APIC: from then on the 8259s deliver nothing
 * (LINT0 is masked too), but a spurious IRQ 7/15 is still recognised.
 */
void mask_8259A(void)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask = 0xffff;
	outb(0xff, PIC_MASTER_IMR);
	outb(0xff, PIC_SLAVE_IMR);
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

/**
 * i8259A_read_regs - snapshot IMR, IRR, ISR and ELCR of both controllers
 *
 * Bit n of each is IRQ n (slave in bits 8-15). For the shell's "apic".
 */
void i8259A_read_regs(u16 *imr, u16 *irr, u16 *isr, u16 *elcr)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	*imr = inb(PIC_MASTER_IMR) | (inb(PIC_SLAVE_IMR) << 8);
	outb(OCW3_READ_ISR, PIC_MASTER_CMD);
	outb(OCW3_READ_ISR, PIC_SLAVE_CMD);
	*isr = inb(PIC_MASTER_CMD) | (inb(PIC_SLAVE_CMD) << 8);
	outb(OCW3_READ_IRR, PIC_MASTER_CMD);
	outb(OCW3_READ_IRR, PIC_SLAVE_CMD);
	*irr = inb(PIC_MASTER_CMD) | (inb(PIC_SLAVE_CMD) << 8);
	*elcr = inb(PIC_ELCR1) | (inb(PIC_ELCR2) << 8);
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

/**
 * init_8259A - program both controllers; every line starts masked
 */
void __init init_8259A(void)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	outb(0xff, PIC_MASTER_IMR);
	outb(0xff, PIC_SLAVE_IMR);

	outb(ICW1_INIT | ICW1_ICW4, PIC_MASTER_CMD);     /* ICW1: edge, cascade */
	io_delay();
	outb(ISA_IRQ_VECTOR(0), PIC_MASTER_IMR);         /* ICW2: vector base 0x20 */
	io_delay();
	outb(1u << PIC_CASCADE_IR, PIC_MASTER_IMR);      /* ICW3: slave on IR2 */
	io_delay();
	outb(ICW4_8086, PIC_MASTER_IMR);                 /* ICW4: normal EOI */
	io_delay();

	outb(ICW1_INIT | ICW1_ICW4, PIC_SLAVE_CMD);
	io_delay();
	outb(ISA_IRQ_VECTOR(8), PIC_SLAVE_IMR);          /* vector base 0x28 */
	io_delay();
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);             /* ICW3: slave id 2 */
	io_delay();
	outb(ICW4_8086, PIC_SLAVE_IMR);
	io_delay();

	cached_irq_mask = 0xffff & ~(1u << PIC_CASCADE_IR);
	outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
	outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

static irqreturn_t no_action(int irq, void *dev_id)
{
	return IRQ_NONE;
}

/**
 * init_ISA_irqs - the 16 legacy IRQs: 8259 chip, level flow, vectors
 */
void __init init_ISA_irqs(void)
{
	unsigned int irq, elcr;

	init_8259A();
	elcr = inb(PIC_ELCR1) | (inb(PIC_ELCR2) << 8);
	for (irq = 0; irq < NR_LEGACY_IRQS; irq++) {
		irq_set_chip_and_handler_name(irq, &i8259A_chip, handle_level_irq, NULL);
		if (elcr & (1u << irq))
			irq_set_status_flags(irq, IRQ_LEVEL);
	}
	pr_info("8259A: ISA IRQs 0-15 on vectors 0x%02x-0x%02x, ELCR %04x (level: PCI lines)\n",
		ISA_IRQ_VECTOR(0), ISA_IRQ_VECTOR(15), elcr);
	/* The cascade, as Linux lists it in /proc/interrupts. */
	if (request_irq(PIC_CASCADE_IR, no_action, IRQF_NO_THREAD, "cascade", NULL))
		pr_err("8259A: cannot claim the cascade IRQ 2\n");
}
