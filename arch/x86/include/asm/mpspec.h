/* SPDX-License-Identifier: MIT */
/*
 * The machine's interrupt configuration as the firmware describes it: the
 * CPUs (by local APIC ID), the I/O APICs and their GSI ranges, how the ISA
 * IRQs reach them (Interrupt Source Overrides) and which LAPIC pin is the
 * NMI. Filled once by acpi_parse_madt() (arch/x86/kernel/acpi/boot.c) from
 * the ACPI MADT during setup_arch(); read by the LAPIC, I/O APIC and SMP
 * code. (Linux's mpspec.h served the older MP-table format the same way.)
 */
#ifndef _ASM_X86_MPSPEC_H
#define _ASM_X86_MPSPEC_H

#include <linux/types.h>
#include <asm/percpu.h>

struct acpi_table_header;

#define MAX_IO_APICS        8
#define MAX_IRQ_OVERRIDES   16   /* one per ISA IRQ at most */
#define MAX_LAPIC_NMIS      8
#define BAD_APICID          0xffffffffu
#define ACPI_UID_ALL_CPUS   0xffffffffu   /* a LAPIC NMI entry for every CPU */

/**
 * struct mp_ioapic - one I/O APIC
 * @apicid:   its ID, from the MADT
 * @addr:     physical address of its register window
 * @gsi_base: GSI of pin 0
 * @nr_pins:  redirection entries, read from the chip when mapped (0 before)
 * @version:  its version register, likewise
 * @base:     the ioremap()ed registers, set by io_apic.c
 */
struct mp_ioapic {
	u8 apicid;
	u32 addr;
	u32 gsi_base;
	u8 nr_pins;
	u8 version;
	void *base;
};

/**
 * struct mp_irq_override - an ISA IRQ that is not simply GSI = IRQ, or
 *                          whose polarity/trigger is not ISA's (high, edge)
 * @bus_irq: the ISA IRQ
 * @gsi:     the GSI (I/O APIC input) it is wired to
 * @flags:   ACPI MPS INTI flags: ACPI_MADT_POLARITY_* | ACPI_MADT_TRIGGER_*
 */
struct mp_irq_override {
	u8 bus_irq;
	u32 gsi;
	u16 flags;
};

/**
 * struct mp_lapic_nmi - a LAPIC LINT pin wired to NMI
 * @uid:   the ACPI processor UID it applies to, or ACPI_UID_ALL_CPUS
 * @flags: ACPI MPS INTI flags
 * @lint:  0 or 1
 */
struct mp_lapic_nmi {
	u32 uid;
	u16 flags;
	u8 lint;
};

/* The MADT's results (boot.c). */
extern u64 mp_lapic_addr;                 /* physical LAPIC address */
extern bool acpi_lapic;                   /* the MADT listed the CPUs */
extern bool acpi_pcat_compat;             /* MADT: dual 8259 present too */
extern u32 boot_cpu_physical_apicid;      /* the CPU we booted on */
extern u32 x86_cpu_to_acpiid[NR_CPUS];    /* ACPI processor UID per CPU */
extern unsigned int num_processors;       /* enabled CPUs listed */
extern unsigned int disabled_cpus;        /* online-capable (hotplug) CPUs, unused */
extern struct mp_ioapic mp_ioapics[MAX_IO_APICS];
extern int nr_ioapics;
extern struct mp_irq_override mp_irqs[MAX_IRQ_OVERRIDES];
extern int mp_irq_entries;
extern struct mp_lapic_nmi mp_lapic_nmis[MAX_LAPIC_NMIS];
extern int nr_lapic_nmis;
/* Malformed or unusable MADT entries reported and skipped (for tests). */
extern unsigned int acpi_madt_bad_entries;

int acpi_parse_madt(const struct acpi_table_header *table, u32 boot_apic_id);
void acpi_boot_init(void);
/* The override for ISA IRQ @irq, or NULL. */
const struct mp_irq_override *mp_find_irq_override(unsigned int irq);
/* Is LINT @lint of the CPU with ACPI UID @uid an NMI pin? */
bool mp_lint_is_nmi(u32 uid, unsigned int lint);

#endif /* _ASM_X86_MPSPEC_H */
