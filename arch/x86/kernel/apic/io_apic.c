// SPDX-License-Identifier: MIT
/*
 * The I/O APIC: device interrupt pins turned into messages to the local
 * APICs (Intel 82093AA I/O APIC datasheet, order no. 290566; register
 * layout in asm/io_apic.h). Each input pin has a redirection table entry
 * (RTE) giving the vector, the destination CPU (physical APIC ID), edge or
 * level, active high or low, and a mask bit.
 *
 * Which pin carries which IRQ comes from the MADT (asm/mpspec.h): pin p
 * of the I/O APIC whose GSI base is b is GSI b + p; ISA IRQ n is GSI n
 * unless an Interrupt Source Override says otherwise (QEMU: IRQ 0 -> GSI
 * 2), and a pin some override claims is nobody else's (so IRQ 2, the old
 * cascade, has no pin then). GSIs 16 and up are IRQs of the same number,
 * set up when PCI asks for them. As in Linux, the IRQ numbers of the ISA
 * devices do not change: "timer" is still IRQ 0, shown on pin 2:
 *
 *	 0:         42   IO-APIC   2-edge      timer
 *	11:          1   IO-APIC  11-fasteoi   edu, edu
 *
 * Trigger and polarity: an override's explicit flags win; otherwise a line
 * the ELCR marks level (a PCI line the firmware routed there) is level and
 * active low, every other ISA line edge and active high. Edge lines use
 * handle_edge_irq, whose ack is the LAPIC EOI; level lines use
 * handle_fasteoi_irq: the pin stays blocked (Remote IRR) from delivery
 * until the EOI, which the LAPIC broadcasts to the I/O APICs for vectors
 * its TMR marks level-triggered. "ack means ack": no method here touches
 * more than its one register.
 *
 * Switching over (setup_IO_APIC(), from apic_intr_mode_init() before any
 * device requests its IRQ): every pin masked, the ISA descriptors given
 * this chip and a vector each on the boot CPU, both 8259s masked. Vectors
 * 0x27 and 0x2f stay mapped to IRQs 7 and 15 so a spurious 8259
 * interrupt is still recognised and counted (i8259A_spurious()).
 */
#define pr_fmt(fmt) fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <acpi/actbl2.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/i8259.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/mpspec.h>
#include <asm/page.h>

#define PIC_ELCR1   0x4d0   /* ELCR, IRQ 0-7 (bit n: level) */
#define PIC_ELCR2   0x4d1   /* ELCR, IRQ 8-15 */

bool skip_ioapic_setup;
unsigned long io_apic_irqs;

/* Serialises the index/data window of every I/O APIC. */
static DEFINE_SPINLOCK(ioapic_lock);

/* Where an IRQ is wired: the chip_data of every I/O APIC line. */
struct mp_pin {
	int apic;        /* index into mp_ioapics */
	unsigned int pin;
	bool level;      /* level triggered (else edge) */
	bool low;        /* active low (else high) */
	bool valid;
};
static struct mp_pin irq_2_pin[NR_IRQS];

/* "noapic": leave every device on the 8259 (Linux's option). */
static int __init parse_noapic(char *arg)
{
	skip_ioapic_setup = true;
	return 0;
}
early_param("noapic", parse_noapic);

static u32 io_apic_read(int idx, u32 reg)
{
	writel(reg, mp_ioapics[idx].base + IO_APIC_REGSEL);
	return readl(mp_ioapics[idx].base + IO_APIC_WIN);
}

static void io_apic_write(int idx, u32 reg, u32 val)
{
	writel(reg, mp_ioapics[idx].base + IO_APIC_REGSEL);
	writel(val, mp_ioapics[idx].base + IO_APIC_WIN);
}

static u64 ioapic_read_entry(int idx, unsigned int pin)
{
	u32 lo = io_apic_read(idx, IO_APIC_REDTBL(pin));

	return ((u64)io_apic_read(idx, IO_APIC_REDTBL(pin) + 1) << 32) | lo;
}

/*
 * Write a whole RTE. The low word holds the mask bit: when masking it goes
 * first, when unmasking last, so the pin is never live with half an entry.
 */
static void ioapic_write_entry(int idx, unsigned int pin, u64 e)
{
	if (e & IO_APIC_RTE_MASKED) {
		io_apic_write(idx, IO_APIC_REDTBL(pin), (u32)e);
		io_apic_write(idx, IO_APIC_REDTBL(pin) + 1, e >> 32);
	} else {
		io_apic_write(idx, IO_APIC_REDTBL(pin) + 1, e >> 32);
		io_apic_write(idx, IO_APIC_REDTBL(pin), (u32)e);
	}
}

/* Compose @irq's RTE from its pin and vector; ioapic_lock held. */
static void ioapic_program(unsigned int irq, bool masked)
{
	const struct mp_pin *p = &irq_2_pin[irq];
	const struct irq_cfg *cfg = irq_cfg(irq);
	u64 e = cfg->vector | IO_APIC_RTE_DM_FIXED |
		((u64)x86_cpu_to_apicid[cfg->cpu] << IO_APIC_RTE_DEST_SHIFT);

	if (p->level)
		e |= IO_APIC_RTE_LEVEL;
	if (p->low)
		e |= IO_APIC_RTE_POLARITY_LOW;
	if (masked)
		e |= IO_APIC_RTE_MASKED;
	ioapic_write_entry(p->apic, p->pin, e);
}

/* --- the irq_chip --------------------------------------------------------- */

static void ioapic_set_mask(struct irq_data *d, bool mask)
{
	const struct mp_pin *p = d->chip_data;
	unsigned long flags;
	u32 lo;

	spin_lock_irqsave(&ioapic_lock, flags);
	lo = io_apic_read(p->apic, IO_APIC_REDTBL(p->pin));
	lo = mask ? lo | (u32)IO_APIC_RTE_MASKED : lo & ~(u32)IO_APIC_RTE_MASKED;
	io_apic_write(p->apic, IO_APIC_REDTBL(p->pin), lo);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

static void ioapic_mask(struct irq_data *d)   { ioapic_set_mask(d, true); }
static void ioapic_unmask(struct irq_data *d) { ioapic_set_mask(d, false); }

/* This interrupt came on the vector do_IRQ() is handling: a move may now
 * be known complete. */
static void ioapic_complete_move(struct irq_data *d)
{
	irq_complete_move(d->irq, smp_processor_id(),
			  this_cpu_read(irq_stat.last_vector));
}

/* Edge: the ack is the LAPIC's EOI, before the handlers run. */
static void ioapic_ack_edge(struct irq_data *d)
{
	ioapic_complete_move(d);
	apic_eoi();
}

/* Level: the EOI after the handlers, which the LAPIC broadcasts to the
 * I/O APIC to clear the pin's Remote IRR. */
static void ioapic_ack_level(struct irq_data *d)
{
	ioapic_complete_move(d);
	apic_eoi();
}

/* Change trigger/polarity and the flow to match; desc->lock held. */
static void ioapic_set_trigger(struct irq_desc *desc, bool level, bool low)
{
	unsigned int irq = irq_desc_get_irq(desc);
	struct mp_pin *p = &irq_2_pin[irq];
	unsigned long flags;
	bool masked;

	spin_lock_irqsave(&ioapic_lock, flags);
	masked = ioapic_read_entry(p->apic, p->pin) & IO_APIC_RTE_MASKED;
	p->level = level;
	p->low = low;
	ioapic_program(irq, masked);
	spin_unlock_irqrestore(&ioapic_lock, flags);
	/* The flow handler goes with the trigger (Linux's irq_set_handler_locked). */
	desc->handle_irq = level ? handle_fasteoi_irq : handle_edge_irq;
	desc->name = level ? "fasteoi" : "edge";
	if (level) {
		desc->status_use_accessors |= IRQ_LEVEL;
		desc->irq_data.state |= IRQD_LEVEL;
	} else {
		desc->status_use_accessors &= ~IRQ_LEVEL;
		desc->irq_data.state &= ~IRQD_LEVEL;
	}
}

static int ioapic_set_type(struct irq_data *d, unsigned int type)
{
	bool level, low;

	switch (type & IRQ_TYPE_SENSE_MASK) {
	case IRQ_TYPE_NONE:
		return 0;
	case IRQ_TYPE_EDGE_RISING:  level = false; low = false; break;
	case IRQ_TYPE_EDGE_FALLING: level = false; low = true;  break;
	case IRQ_TYPE_LEVEL_HIGH:   level = true;  low = false; break;
	case IRQ_TYPE_LEVEL_LOW:    level = true;  low = true;  break;
	default:
		return -EINVAL;     /* both edges: a pin senses one polarity */
	}
	ioapic_set_trigger(irq_to_desc(d->irq), level, low);
	return 0;
}

/*
 * Give @irq a new vector on @cpu and point its RTE there. The old vector
 * stays mapped until the move completes (asm/hw_irq.h). A level line is
 * masked while it is rewritten, and refused with -EBUSY if an interrupt
 * of it is in service (Remote IRR set): that one's EOI would carry the
 * old vector, which no longer matches the RTE, and the pin would stay
 * blocked. Deferring such a move to the EOI is left to the affinity work.
 * An edge line is not masked (a masked pin drops edges): its move
 * completes with its first interrupt on the new vector. A pin that was
 * masked across the rewrite cannot have sent anything to the old vector
 * since, so its move is complete at once; the old CPU's cleanup still
 * waits for whatever it sent before to leave that CPU's IRR and ISR.
 */
static int ioapic_move_irq(unsigned int irq, unsigned int cpu)
{
	const struct mp_pin *p = &irq_2_pin[irq];
	unsigned long flags;
	u64 e;
	int v;

	if (x86_cpu_to_apicid[cpu] > 0xff)
		return -EINVAL;     /* the RTE destination field has 8 bits */
	spin_lock_irqsave(&ioapic_lock, flags);
	e = ioapic_read_entry(p->apic, p->pin);
	if (p->level)
		io_apic_write(p->apic, IO_APIC_REDTBL(p->pin), (u32)e | (u32)IO_APIC_RTE_MASKED);
	if (p->level && (ioapic_read_entry(p->apic, p->pin) & IO_APIC_RTE_REMOTE_IRR)) {
		v = -EBUSY;
	} else {
		v = irq_move_vector(irq, cpu);
		if (v > 0) {
			ioapic_program(irq, e & IO_APIC_RTE_MASKED);
			if (p->level || (e & IO_APIC_RTE_MASKED))
				irq_complete_move(irq, cpu, v);
		}
	}
	if (v < 0 && p->level)
		io_apic_write(p->apic, IO_APIC_REDTBL(p->pin), (u32)e);
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return v < 0 ? v : 0;
}

/*
 * Deliver to one CPU of @mask that is online and whose LAPIC is set up:
 * the current one if it is in the mask, else the first. Returns -EINVAL
 * if no CPU qualifies. The chosen CPU is the line's effective affinity
 * (the caller holds desc->lock).
 */
static int ioapic_set_affinity(struct irq_data *d, unsigned long mask, bool force)
{
	unsigned long usable = mask & READ_ONCE(apic_cpus_ready) &
			       __cpumask_word(cpu_online_mask);
	const struct irq_cfg *cfg = irq_cfg(d->irq);
	struct irq_desc *desc = irq_to_desc(d->irq);
	unsigned int cpu;
	int ret = 0;

	if (!usable)
		return -EINVAL;
	cpu = (usable & (1UL << cfg->cpu)) ? cfg->cpu : (unsigned int)__builtin_ctzl(usable);
	if (cpu != cfg->cpu)
		ret = ioapic_move_irq(d->irq, cpu);
	if (!ret && desc)
		desc->effective_affinity = 1UL << cfg->cpu;
	return ret;
}

/* Replay an edge: the same vector, sent to its CPU as a fixed IPI. */
static int ioapic_retrigger(struct irq_data *d)
{
	const struct irq_cfg *cfg = irq_cfg(d->irq);

	__apic_send_IPI(cfg->cpu, cfg->vector);
	return 1;
}

struct irq_chip ioapic_chip = {
	.name             = "IO-APIC",
	.irq_mask         = ioapic_mask,
	.irq_unmask       = ioapic_unmask,
	.irq_ack          = ioapic_ack_edge,
	.irq_eoi          = ioapic_ack_level,
	.irq_set_type     = ioapic_set_type,
	.irq_set_affinity = ioapic_set_affinity,
	.irq_retrigger    = ioapic_retrigger,
};

/* --- routing ------------------------------------------------------------ */

/* Which I/O APIC and pin serve @gsi; -ENODEV if none does. */
static int gsi_to_pin(u32 gsi, int *idx, unsigned int *pin)
{
	int i;

	for (i = 0; i < nr_ioapics; i++) {
		const struct mp_ioapic *io = &mp_ioapics[i];

		if (io->nr_pins && gsi >= io->gsi_base && gsi - io->gsi_base < io->nr_pins) {
			*idx = i;
			*pin = gsi - io->gsi_base;
			return 0;
		}
	}
	return -ENODEV;
}

/**
 * mp_irq_to_gsi - the GSI (I/O APIC input) of Linux IRQ @irq
 *
 * ISA IRQs follow the MADT's overrides; other numbers are their own GSI.
 * Return: the GSI, or -1 if an override gave @irq's pin to another IRQ
 * (QEMU: IRQ 2, whose pin 2 is IRQ 0's).
 */
int mp_irq_to_gsi(unsigned int irq)
{
	const struct mp_irq_override *ov = irq < 16 ? mp_find_irq_override(irq) : NULL;
	int i;

	if (ov)
		return ov->gsi;
	for (i = 0; i < mp_irq_entries; i++)
		if (mp_irqs[i].gsi == irq)
			return -1;      /* its pin belongs to the overridden IRQ */
	return irq;
}

/* Make @irq an I/O APIC line on @gsi, masked, with a vector on CPU 0. */
static int mp_setup_irq(unsigned int irq, int gsi, bool level, bool low)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irq_data *d = &desc->irq_data;
	unsigned long flags;
	unsigned int pin;
	int idx, v;

	if (gsi < 0 || gsi_to_pin(gsi, &idx, &pin))
		return -ENODEV;
	v = irq_alloc_vector(irq, 0);
	if (v < 0)
		return v;
	irq_2_pin[irq] = (struct mp_pin){ .apic = idx, .pin = pin, .level = level,
					  .low = low, .valid = true };
	irq_set_chip_and_handler_name(irq, &ioapic_chip,
				      level ? handle_fasteoi_irq : handle_edge_irq,
				      level ? "fasteoi" : "edge");
	irq_set_chip_data(irq, &irq_2_pin[irq]);
	spin_lock_irqsave(&desc->lock, flags);
	d->hwirq = pin;
	d->domain = &mp_ioapics[idx];   /* /proc/interrupts shows the pin */
	ioapic_set_trigger(desc, level, low);
	spin_lock(&ioapic_lock);
	/* A line already in use stays live across the switch. */
	ioapic_program(irq, !desc->action || irqd_irq_disabled(d));
	spin_unlock(&ioapic_lock);
	spin_unlock_irqrestore(&desc->lock, flags);
	return 0;
}

/**
 * mp_set_pci_irq - make @irq a PCI INTx line at the I/O APIC
 * @irq: the device's IRQ (its Interrupt Line)
 * @low: set to the polarity chosen: active low unless the MADT overrides
 *
 * Level trigger and the fasteoi flow, set before the driver requests the
 * line; a GSI above 15 not seen before is set up here. Called by
 * pcibios_enable_irq().
 *
 * Return: 0, or -ENODEV if @irq is not routed through an I/O APIC
 * ("noapic", "nolapic", no MADT): then the 8259's ELCR is what counts.
 */
int mp_set_pci_irq(unsigned int irq, bool *low)
{
	const struct mp_irq_override *ov = irq < 16 ? mp_find_irq_override(irq) : NULL;
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	bool l = true;

	if (!desc)
		return -EINVAL;
	/* PCI INTx is active low; the firmware's override knows better
	 * (QEMU's says "high level": its PIIX delivers PIRQs active high). */
	if (ov && (ov->flags & ACPI_MADT_POLARITY_MASK) != ACPI_MADT_POLARITY_CONFORMS)
		l = (ov->flags & ACPI_MADT_POLARITY_MASK) == ACPI_MADT_POLARITY_ACTIVE_LOW;
	*low = l;
	if (!irq_is_ioapic(irq)) {
		/* A GSI above the ISA range, first used now. */
		if (irq < 16 || !io_apic_irqs || mp_setup_irq(irq, mp_irq_to_gsi(irq), true, l))
			return -ENODEV;
		return 0;
	}
	spin_lock_irqsave(&desc->lock, flags);
	ioapic_set_trigger(desc, true, l);
	spin_unlock_irqrestore(&desc->lock, flags);
	return 0;
}

/**
 * irq_is_ioapic - is @irq an I/O APIC line (chip "IO-APIC")?
 */
bool irq_is_ioapic(unsigned int irq)
{
	return irq_get_chip(irq) == &ioapic_chip;
}

/**
 * ioapic_read_pin - the redirection table entry of @pin of I/O APIC @idx
 *
 * Return: 0 with *@rte filled, -EINVAL for a pin that does not exist.
 */
int ioapic_read_pin(int idx, unsigned int pin, u64 *rte)
{
	unsigned long flags;

	if (idx < 0 || idx >= nr_ioapics || pin >= mp_ioapics[idx].nr_pins)
		return -EINVAL;
	spin_lock_irqsave(&ioapic_lock, flags);
	*rte = ioapic_read_entry(idx, pin);
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return 0;
}

/**
 * ioapic_read_irq_entry - the redirection table entry of @irq's pin
 *
 * Return: 0 with *@rte filled, -ENODEV if @irq is not an I/O APIC line.
 */
int ioapic_read_irq_entry(unsigned int irq, u64 *rte)
{
	if (!irq_is_ioapic(irq))
		return -ENODEV;
	return ioapic_read_pin(irq_2_pin[irq].apic, irq_2_pin[irq].pin, rte);
}

/**
 * ioapic_pin_to_irq - the Linux IRQ on @pin of I/O APIC @idx, or -1
 */
int ioapic_pin_to_irq(int idx, unsigned int pin)
{
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS; irq++)
		if (irq_2_pin[irq].valid && irq_2_pin[irq].apic == idx &&
		    irq_2_pin[irq].pin == pin && irq_is_ioapic(irq))
			return irq;
	return -1;
}

/* Map I/O APIC @idx, read its size, mask every pin. */
static int __init ioapic_map(int idx)
{
	struct mp_ioapic *io = &mp_ioapics[idx];
	u32 ver, id;
	unsigned int pin;
	int i;

	io->base = ioremap(io->addr, PAGE_SIZE);
	if (!io->base) {
		pr_err("IOAPIC[%d]: cannot map 0x%08x\n", idx, io->addr);
		return -ENOMEM;
	}
	ver = io_apic_read(idx, IO_APIC_VER);
	id = io_apic_read(idx, IO_APIC_ID) >> 24;
	if (ver == 0xffffffff) {
		pr_err("IOAPIC[%d]: nothing answers at 0x%08x, ignored\n", idx, io->addr);
		return -ENODEV;
	}
	io->version = ver & 0xff;
	io->nr_pins = ((ver >> 16) & 0xff) + 1;
	for (i = 0; i < idx; i++) {
		const struct mp_ioapic *o = &mp_ioapics[i];

		if (o->nr_pins && io->gsi_base < o->gsi_base + o->nr_pins &&
		    o->gsi_base < io->gsi_base + io->nr_pins) {
			pr_err("IOAPIC[%d]: GSIs %u-%u overlap IOAPIC[%d]'s, ignored\n", idx,
			       io->gsi_base, io->gsi_base + io->nr_pins - 1, i);
			io->nr_pins = 0;
			return -EINVAL;
		}
	}
	pr_info("IOAPIC[%d]: apic_id %u, version %u, address 0x%x, GSI %u-%u\n", idx,
		io->apicid, io->version, io->addr, io->gsi_base, io->gsi_base + io->nr_pins - 1);
	if ((id & 0xf) != (io->apicid & 0xf))
		pr_warn("IOAPIC[%d]: its ID register says %u, the MADT %u\n", idx, id, io->apicid);
	for (pin = 0; pin < io->nr_pins; pin++)
		ioapic_write_entry(idx, pin, IO_APIC_RTE_MASKED);
	return 0;
}

/**
 * setup_IO_APIC - route the ISA IRQs through the I/O APICs
 *
 * Maps every I/O APIC the MADT listed and masks all pins; gives ISA IRQs
 * 0-15 the IO-APIC chip, the flow for their trigger and a vector on the
 * boot CPU (an IRQ whose pin an override took, normally IRQ 2, becomes
 * unrequestable); frees the 8259's "cascade" action and masks both 8259s.
 * Boot CPU, interrupts off, LAPIC already set up.
 *
 * Return: true if the I/O APIC is now in use, false if none could be
 * used (then nothing changed and the 8259 stays in charge).
 */
bool __init setup_IO_APIC(void)
{
	unsigned int irq, elcr, usable = 0;
	int idx;

	for (idx = 0; idx < nr_ioapics; idx++)
		if (!ioapic_map(idx))
			usable++;
	if (!usable)
		return false;

	pr_info("APIC: Switch to symmetric I/O mode setup\n");
	/* The cascade exists only while the 8259 delivers interrupts. */
	if (irq_to_desc(PIC_CASCADE_IR)->action)
		free_irq(PIC_CASCADE_IR, NULL);

	elcr = inb(PIC_ELCR1) | (inb(PIC_ELCR2) << 8);
	for (irq = 0; irq < NR_LEGACY_IRQS; irq++) {
		const struct mp_irq_override *ov = mp_find_irq_override(irq);
		u16 f = ov ? ov->flags : 0;
		bool pci = elcr & (1u << irq), level, low;
		int gsi = mp_irq_to_gsi(irq);

		level = (f & ACPI_MADT_TRIGGER_MASK) ?
			(f & ACPI_MADT_TRIGGER_MASK) == ACPI_MADT_TRIGGER_LEVEL : pci;
		low = (f & ACPI_MADT_POLARITY_MASK) ?
			(f & ACPI_MADT_POLARITY_MASK) == ACPI_MADT_POLARITY_ACTIVE_LOW : level && pci;
		if (gsi < 0)
			pr_info("ACPI: IRQ%u used by override.\n", irq);
		else if (mp_setup_irq(irq, gsi, level, low))
			pr_warn("IRQ%u: GSI %d is on no I/O APIC (or no vector left): not routed\n",
				irq, gsi);
		else {
			io_apic_irqs |= 1UL << irq;
			continue;
		}
		irq_set_chip_and_handler_name(irq, NULL, NULL, NULL);
	}

	mask_8259A();
	/* Keep 0x27/0x2f for the 8259's spurious IRQ 7/15 (see the top). */
	for (irq = 0; irq < NR_LEGACY_IRQS; irq++)
		if (irq != 7 && irq != 15)
			this_cpu_write(vector_irq[ISA_IRQ_VECTOR(irq)], NULL);

	if (io_apic_irqs & 1)
		pr_info("..TIMER: vector=0x%02X apic1=%d pin1=%lu apic2=-1 pin2=-1\n",
			irq_cfg(0)->vector, irq_2_pin[0].apic, irq_get_irq_data(0)->hwirq);
	return true;
}
