// SPDX-License-Identifier: MIT
/*
 * The shell's window on the interrupt controllers, read live from the
 * hardware (Linux prints much the same at boot with "apic=debug":
 * print_local_APIC(), print_IO_APICs(), print_PIC()):
 *
 *   apic      this CPU's local APIC (Intel SDM Vol. 3A, 11.4-11.5): ID,
 *             version, mode, TPR/PPR, the IRR/ISR/TMR bitmaps as vector
 *             lists, every LVT entry decoded, the timer; each I/O APIC's
 *             redirection table decoded (82093AA datasheet, 3.2.4); the
 *             8259s' IMR, IRR, ISR and ELCR.
 *   vectors   every CPU's vector_irq[] (vector -> IRQ, chip, handlers)
 *             and the system vectors the APIC code handles.
 *
 * Only reads: no register here is written except the 8259's OCW3 read
 * selector (inside i8259A_read_regs(), under the 8259's lock).
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/shell.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/io_apic.h>
#include <asm/i8259.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/mpspec.h>
#include <asm/msr.h>
#include <asm/processor.h>

static const char *const dm_names[8] = {
	"fixed", "lowest", "SMI", "res3", "NMI", "INIT", "res6", "ExtINT",
};

/* The set bits of the 256-bit register at @reg, as "0x30 0xec" or "-". */
static void show_vector_bits(const char *name, u32 reg)
{
	unsigned int v, n = 0;

	shell_printf("  %s:", name);
	for (v = 0; v < NR_VECTORS; v++) {
		if (apic_test_vector(reg, v)) {
			shell_printf(" 0x%02x", v);
			n++;
		}
	}
	shell_printf("%s\n", n ? "" : " -");
}

static void show_lvt(const char *name, u32 reg, bool timer)
{
	u32 v = apic_read(reg);

	shell_printf("  LVT %-8s 0x%08x  ", name, v);
	if (timer)
		shell_printf("vector 0x%02x, %s", v & APIC_VECTOR_MASK,
			     (v & APIC_LVT_TIMER_MASK) == APIC_LVT_TIMER_TSCDEADLINE ? "TSC-deadline" :
			     (v & APIC_LVT_TIMER_MASK) == APIC_LVT_TIMER_PERIODIC ? "periodic" : "one-shot");
	else if ((v & APIC_DM_MASK) == APIC_DM_FIXED)
		shell_printf("vector 0x%02x", v & APIC_VECTOR_MASK);
	else
		shell_printf("%s", dm_names[(v & APIC_DM_MASK) >> 8]);
	if (v & APIC_LVT_LEVEL_TRIGGER)
		shell_printf(", level");
	if (v & APIC_SEND_PENDING)
		shell_printf(", send pending");
	shell_printf("%s\n", v & APIC_LVT_MASKED ? ", masked" : "");
}

static void show_local_apic(void)
{
	unsigned int cpu = smp_processor_id();
	u32 lvr = apic_read(APIC_LVR), spiv = apic_read(APIC_SPIV);
	unsigned int maxlvt = APIC_LVR_MAXLVT(lvr);
	bool has_x2apic = cpuid_ecx(1) & (1u << 21);
	u64 base;

	rdmsrl(MSR_IA32_APICBASE, base);
	shell_printf("CPU%u: local APIC ID 0x%02x, version 0x%02x, max LVT %u, %s mode\n", cpu,
		     read_apic_id(), APIC_LVR_VERSION(lvr), maxlvt, apic_mode_name());
	shell_printf("  IA32_APICBASE 0x%016llx: base 0x%llx%s%s%s; x2APIC %s\n",
		     (unsigned long long)base, (unsigned long long)(base & ~0xfffULL),
		     base & MSR_IA32_APICBASE_BSP ? ", BSP" : "",
		     base & MSR_IA32_APICBASE_ENABLE ? ", enabled" : ", disabled",
		     base & MSR_IA32_APICBASE_EXTD ? ", EXTD" : "",
		     x2apic_mode ? "in use" : has_x2apic ? "offered, not used (nox2apic)" :
		     "not offered by the CPU");
	shell_printf("  TPR 0x%02x  PPR 0x%02x  SPIV 0x%08x (%s, spurious vector 0x%02x)  ESR 0x%02x\n",
		     apic_read(APIC_TASKPRI), apic_read(APIC_PROCPRI), spiv,
		     spiv & APIC_SPIV_APIC_ENABLED ? "enabled" : "disabled",
		     spiv & APIC_VECTOR_MASK, apic_read(APIC_ESR));
	show_vector_bits("IRR", APIC_IRR);
	show_vector_bits("ISR", APIC_ISR);
	show_vector_bits("TMR", APIC_TMR);
	show_lvt("timer", APIC_LVTT, true);
	show_lvt("LINT0", APIC_LVT0, false);
	show_lvt("LINT1", APIC_LVT1, false);
	show_lvt("error", APIC_LVTERR, false);
	if (maxlvt >= 4)
		show_lvt("perfmon", APIC_LVTPC, false);
	if (maxlvt >= 5)
		show_lvt("thermal", APIC_LVTTHMR, false);
	if (lapic_tsc_deadline) {
		u64 deadline;

		rdmsrl(MSR_IA32_TSC_DEADLINE, deadline);
		shell_printf("  timer: TSC-deadline, IA32_TSC_DEADLINE 0x%llx, %s",
			     (unsigned long long)deadline, deadline ? "armed" : "disarmed");
	} else {
		shell_printf("  timer: divide config 0x%x, initial count %u, current count %u",
			     apic_read(APIC_TDCR), apic_read(APIC_TMICT), apic_read(APIC_TMCCT));
	}
	shell_printf(", %u counts per tick at %d Hz, LOC %u%s\n", lapic_timer_period, HZ,
		     this_cpu_read(irq_stat.apic_timer_irqs),
		     apic_timer_is_tick() ? "" : " (not the tick)");
}

static void show_io_apics(void)
{
	unsigned int pin;
	int idx, irq;
	u64 e;

	for (idx = 0; idx < nr_ioapics; idx++) {
		const struct mp_ioapic *io = &mp_ioapics[idx];

		if (!io->nr_pins) {
			shell_printf("IO-APIC %d: apic_id %u at 0x%08x: not mapped (%s)\n", idx,
				     io->apicid, io->addr,
				     skip_ioapic_setup ? "noapic" : "not usable");
			continue;
		}
		shell_printf("IO-APIC %d: apic_id %u, version 0x%02x, %u pins, GSI %u-%u, at 0x%08x\n",
			     idx, io->apicid, io->version, io->nr_pins, io->gsi_base,
			     io->gsi_base + io->nr_pins - 1, io->addr);
		shell_printf("  pin vector delivery dest  trigger polarity mask     remote_irr IRQ\n");
		for (pin = 0; pin < io->nr_pins; pin++) {
			if (ioapic_read_pin(idx, pin, &e))
				continue;
			irq = ioapic_pin_to_irq(idx, pin);
			shell_printf("  %3u 0x%02llx   %-8s 0x%02llx %-7s %-8s %-8s %-10u ",
				     pin, (unsigned long long)(e & IO_APIC_RTE_VECTOR),
				     dm_names[(e & IO_APIC_RTE_DM_MASK) >> IO_APIC_RTE_DM_SHIFT],
				     (unsigned long long)(e >> IO_APIC_RTE_DEST_SHIFT),
				     e & IO_APIC_RTE_LEVEL ? "level" : "edge",
				     e & IO_APIC_RTE_POLARITY_LOW ? "low" : "high",
				     e & IO_APIC_RTE_MASKED ? "masked" : "unmasked",
				     (unsigned int)!!(e & IO_APIC_RTE_REMOTE_IRR));
			if (irq >= 0)
				shell_printf("%d\n", irq);
			else
				shell_printf("-\n");
		}
	}
}

static int do_apic(int argc, char **argv)
{
	u16 imr, irr, isr, elcr;

	if (argc != 1) {
		shell_printf("usage: apic\n");
		return -22;
	}
	if (apic_available)
		show_local_apic();
	else
		shell_printf("CPU%d: local APIC not in use (nolapic, or the CPU has none)\n",
			     smp_processor_id());
	show_io_apics();
	i8259A_read_regs(&imr, &irr, &isr, &elcr);
	shell_printf("8259A: IMR 0x%04x  IRR 0x%04x  ISR 0x%04x  ELCR 0x%04x  (%s)\n",
		     imr, irr, isr, elcr,
		     io_apic_irqs ? "masked: the I/O APIC delivers the ISA IRQs" :
		     apic_available ? "delivering through LINT0 (virtual wire)" :
		     "delivering to the CPU's INTR pin");
	return 0;
}
DEFINE_SHELL_CMD(apic, "", "live interrupt controller state: local APIC, I/O APICs, 8259s", do_apic);

static void show_vector_desc(unsigned int cpu, unsigned int v, struct irq_desc *desc)
{
	unsigned int irq = irq_desc_get_irq(desc);
	const struct irq_cfg *cfg = irq_cfg(irq);
	struct irqaction *a;

	shell_printf("  0x%02x  IRQ %-4u %s", v, irq,
		     desc->irq_data.chip && desc->irq_data.chip->name ?
		     desc->irq_data.chip->name : "-");
	if (desc->irq_data.domain)
		shell_printf(" %lu", desc->irq_data.hwirq);
	if (desc->name)
		shell_printf("-%s", desc->name);
	for (a = desc->action; a; a = a->next)
		shell_printf("%s%s", a == desc->action ? "  " : ", ", a->name);
	if (cfg && cfg->old_vector == v && cfg->old_cpu == cpu)
		shell_printf("  (old vector, move %s)",
			     cfg->move_in_progress ? "in progress" : "awaiting cleanup");
	else if (irq < NR_LEGACY_IRQS && v == ISA_IRQ_VECTOR(irq) && io_apic_irqs)
		shell_printf("  (8259 spurious IRQ %u check)", irq);
	shell_printf("\n");
}

static int do_vectors(int argc, char **argv)
{
	static const struct { unsigned int v; const char *name; } sys[] = {
		{ LOCAL_TIMER_VECTOR,   "local timer (LOC)" },
		{ ERROR_APIC_VECTOR,    "APIC error (ERR)" },
		{ SPURIOUS_APIC_VECTOR, "spurious (SPU)" },
	};
	unsigned int cpu, v, i;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		shell_printf("CPU%u: %u device vectors allocated%s\n", cpu, irq_vectors_in_use(cpu),
			     apic_cpus_ready & (1UL << cpu) ? "" : " (local APIC not set up)");
		for (v = FIRST_EXTERNAL_VECTOR; v < NR_VECTORS; v++) {
			struct irq_desc *desc = READ_ONCE(per_cpu(vector_irq, cpu)[v]);

			if (desc)
				show_vector_desc(cpu, v, desc);
		}
		if (!(apic_cpus_ready & (1UL << cpu)))
			continue;
		for (i = 0; i < ARRAY_SIZE(sys); i++)
			shell_printf("  0x%02x  system   %s\n", sys[i].v, sys[i].name);
	}
	return 0;
}
DEFINE_SHELL_CMD(vectors, "", "vector -> IRQ map of every CPU, and the APIC's system vectors", do_vectors);
