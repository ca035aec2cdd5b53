// SPDX-License-Identifier: MIT
/*
 * Reading the ACPI MADT ("APIC" table): the CPUs, I/O APICs, interrupt
 * source overrides and LAPIC NMI pins of the machine.
 *
 * ACPI Specification 6.5, 5.2.12 "Multiple APIC Description Table"; the
 * layouts are in include/acpi/actbl2.h. The table itself has passed
 * tables.c's checksum, but its entries are still firmware's word: each
 * one's length is checked against the table's end and against its type's
 * size before a single field is read. An entry too short for its type is
 * reported and skipped (its length still says where the next one starts);
 * a length below 2 or past the end of the table is reported and ends the
 * walk, since nothing after it can be located.
 *
 * The CPUs become Linux's CPU numbers here: the CPU we booted on is CPU 0
 * whatever its place in the table, the other enabled ones follow in table
 * order, up to NR_CPUS. nr_cpu_ids is set from that, before
 * setup_per_cpu_areas() sizes the per-CPU areas. "Online capable" CPUs
 * (hot-pluggable, not enabled) are counted but not used: irqos has no CPU
 * hotplug.
 *
 * Messages follow Linux's, e.g.
 *   ACPI: LAPIC (acpi_id[0x00] lapic_id[0x00] enabled)
 *   ACPI: INT_SRC_OVR (bus 0 bus_irq 0 global_irq 2 dfl dfl)
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <linux/acpi.h>
#include <acpi/actbl2.h>
#include <asm/apic.h>
#include <asm/mpspec.h>
#include <asm/processor.h>

u64 mp_lapic_addr = APIC_DEFAULT_PHYS_BASE;
bool acpi_lapic;
bool acpi_pcat_compat = true;      /* without a MADT, assume a PC */
u32 boot_cpu_physical_apicid = BAD_APICID;
u32 x86_cpu_to_apicid[NR_CPUS];
u32 x86_cpu_to_acpiid[NR_CPUS];
unsigned int num_processors;
unsigned int disabled_cpus;
struct mp_ioapic mp_ioapics[MAX_IO_APICS];
int nr_ioapics;
struct mp_irq_override mp_irqs[MAX_IRQ_OVERRIDES];
int mp_irq_entries;
struct mp_lapic_nmi mp_lapic_nmis[MAX_LAPIC_NMIS];
int nr_lapic_nmis;
unsigned int acpi_madt_bad_entries;

/* The other CPUs as listed (the boot CPU is kept apart: it is CPU 0). */
static struct { u32 apicid, uid; } madt_cpus[NR_CPUS - 1];
static unsigned int madt_nr_cpus;
static u32 madt_boot_id, madt_boot_uid;
static bool madt_boot_seen;

/* Linux's words for the MPS INTI flag fields ("dfl": as the bus says). */
static const char *const polarity_name[] = { "dfl", "high", "res", "low" };
static const char *const trigger_name[] = { "dfl", "edge", "res", "level" };

#define POL(f)  polarity_name[(f) & ACPI_MADT_POLARITY_MASK]
#define TRIG(f) trigger_name[((f) & ACPI_MADT_TRIGGER_MASK) >> 2]

/* The smallest length each entry type we read may have. */
static unsigned int madt_entry_min_len(u8 type)
{
	switch (type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:          return sizeof(struct acpi_madt_local_apic);
	case ACPI_MADT_TYPE_IO_APIC:             return sizeof(struct acpi_madt_io_apic);
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:  return sizeof(struct acpi_madt_interrupt_override);
	case ACPI_MADT_TYPE_NMI_SOURCE:          return sizeof(struct acpi_madt_nmi_source);
	case ACPI_MADT_TYPE_LOCAL_APIC_NMI:      return sizeof(struct acpi_madt_local_apic_nmi);
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: return sizeof(struct acpi_madt_local_apic_override);
	case ACPI_MADT_TYPE_LOCAL_X2APIC:        return sizeof(struct acpi_madt_local_x2apic);
	case ACPI_MADT_TYPE_LOCAL_X2APIC_NMI:    return sizeof(struct acpi_madt_local_x2apic_nmi);
	default:                                 return 2;  /* not ours: only skipped */
	}
}

static void bad_entry(void)
{
	acpi_madt_bad_entries++;
}

/* One CPU from a LAPIC or x2APIC entry. */
static void __init madt_add_cpu(u32 apicid, u32 uid, u32 flags, bool x2apic)
{
	unsigned int i;

	if (!(flags & ACPI_MADT_ENABLED)) {
		if (flags & ACPI_MADT_ONLINE_CAPABLE)
			disabled_cpus++;
		return;
	}
	if (apicid == (x2apic ? BAD_APICID : 0xffu)) {
		pr_warn("APIC ID 0x%x is not a valid CPU, ignored\n", apicid);
		bad_entry();
		return;
	}
	for (i = 0; i < madt_nr_cpus; i++) {
		if (madt_cpus[i].apicid == apicid)
			break;
	}
	if (i < madt_nr_cpus || (apicid == madt_boot_id && madt_boot_seen)) {
		pr_warn("APIC ID 0x%x listed twice, ignored\n", apicid);
		bad_entry();
		return;
	}
	num_processors++;
	if (apicid == madt_boot_id) {
		madt_boot_seen = true;
		madt_boot_uid = uid;
		return;
	}
	if (madt_nr_cpus == ARRAY_SIZE(madt_cpus)) {
		pr_warn("APIC: NR_CPUS/possible_cpus limit of %u reached. Processor 0x%x ignored.\n",
			(unsigned int)NR_CPUS, apicid);
		return;
	}
	madt_cpus[madt_nr_cpus].apicid = apicid;
	madt_cpus[madt_nr_cpus].uid = uid;
	madt_nr_cpus++;
}

static void __init madt_add_ioapic(const struct acpi_madt_io_apic *e)
{
	int i;

	pr_info("IOAPIC (id[0x%02x] address[0x%08x] gsi_base[%u])\n",
		e->id, e->address, e->global_irq_base);
	for (i = 0; i < nr_ioapics; i++) {
		if (mp_ioapics[i].addr == e->address || mp_ioapics[i].apicid == e->id) {
			pr_warn("IOAPIC id[0x%02x] address[0x%08x] duplicates IOAPIC[%d], ignored\n",
				e->id, e->address, i);
			bad_entry();
			return;
		}
	}
	if (nr_ioapics == MAX_IO_APICS || !e->address) {
		pr_warn("IOAPIC id[0x%02x] not usable (%s), ignored\n", e->id,
			e->address ? "too many I/O APICs" : "address 0");
		bad_entry();
		return;
	}
	mp_ioapics[nr_ioapics].apicid = e->id;
	mp_ioapics[nr_ioapics].addr = e->address;
	mp_ioapics[nr_ioapics].gsi_base = e->global_irq_base;
	nr_ioapics++;
}

static void __init madt_add_override(const struct acpi_madt_interrupt_override *e)
{
	u16 flags = e->inti_flags;
	int i;

	pr_info("INT_SRC_OVR (bus %u bus_irq %u global_irq %u %s %s)\n",
		e->bus, e->source_irq, e->global_irq, POL(flags), TRIG(flags));
	if (e->bus != 0 || e->source_irq >= 16) {
		pr_warn("INT_SRC_OVR for bus %u IRQ %u: not an ISA IRQ, ignored\n",
			e->bus, e->source_irq);
		bad_entry();
		return;
	}
	/* A reserved encoding tells us nothing: keep what the bus implies. */
	if ((flags & ACPI_MADT_POLARITY_MASK) == ACPI_MADT_POLARITY_RESERVED ||
	    (flags & ACPI_MADT_TRIGGER_MASK) == ACPI_MADT_TRIGGER_RESERVED) {
		pr_warn("INT_SRC_OVR for IRQ %u has reserved flags 0x%x, using ISA defaults\n",
			e->source_irq, flags);
		bad_entry();
		if ((flags & ACPI_MADT_POLARITY_MASK) == ACPI_MADT_POLARITY_RESERVED)
			flags &= ~ACPI_MADT_POLARITY_MASK;
		if ((flags & ACPI_MADT_TRIGGER_MASK) == ACPI_MADT_TRIGGER_RESERVED)
			flags &= ~ACPI_MADT_TRIGGER_MASK;
	}
	for (i = 0; i < mp_irq_entries; i++) {
		if (mp_irqs[i].bus_irq == e->source_irq || mp_irqs[i].gsi == e->global_irq) {
			pr_warn("INT_SRC_OVR for IRQ %u / GSI %u conflicts with an earlier one, ignored\n",
				e->source_irq, e->global_irq);
			bad_entry();
			return;
		}
	}
	if (mp_irq_entries == MAX_IRQ_OVERRIDES) {
		bad_entry();
		return;
	}
	mp_irqs[mp_irq_entries].bus_irq = e->source_irq;
	mp_irqs[mp_irq_entries].gsi = e->global_irq;
	mp_irqs[mp_irq_entries].flags = flags;
	mp_irq_entries++;
}

static void __init madt_add_lapic_nmi(u32 uid, u16 flags, u8 lint)
{
	if (lint > 1) {
		pr_warn("LAPIC NMI on LINT%u: there are only LINT0 and LINT1, ignored\n", lint);
		bad_entry();
		return;
	}
	if (nr_lapic_nmis == MAX_LAPIC_NMIS) {
		bad_entry();
		return;
	}
	mp_lapic_nmis[nr_lapic_nmis].uid = uid;
	mp_lapic_nmis[nr_lapic_nmis].flags = flags;
	mp_lapic_nmis[nr_lapic_nmis].lint = lint;
	nr_lapic_nmis++;
}

static void __init madt_parse_entry(const struct acpi_subtable_header *h)
{
	const void *p = h;

	switch (h->type) {
	case ACPI_MADT_TYPE_LOCAL_APIC: {
		const struct acpi_madt_local_apic *e = p;
		u32 f = e->lapic_flags;

		pr_info("LAPIC (acpi_id[0x%02x] lapic_id[0x%02x] %s)\n", e->processor_id, e->id,
			f & ACPI_MADT_ENABLED ? "enabled" :
			f & ACPI_MADT_ONLINE_CAPABLE ? "online-capable" : "disabled");
		/* UID 0xff in an LAPIC NMI means "all": keep the 8-bit UIDs apart. */
		madt_add_cpu(e->id, e->processor_id, f, false);
		break;
	}
	case ACPI_MADT_TYPE_LOCAL_X2APIC: {
		const struct acpi_madt_local_x2apic *e = p;
		u32 f = e->lapic_flags;

		pr_info("X2APIC (apic_id[0x%02x] uid[0x%02x] %s)\n", e->local_apic_id, e->uid,
			f & ACPI_MADT_ENABLED ? "enabled" :
			f & ACPI_MADT_ONLINE_CAPABLE ? "online-capable" : "disabled");
		madt_add_cpu(e->local_apic_id, e->uid, f, true);
		break;
	}
	case ACPI_MADT_TYPE_IO_APIC:
		madt_add_ioapic(p);
		break;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		madt_add_override(p);
		break;
	case ACPI_MADT_TYPE_NMI_SOURCE: {
		const struct acpi_madt_nmi_source *e = p;

		/* An I/O APIC input that is an NMI: irqos leaves such pins masked. */
		pr_info("NMI_SRC (%s %s global_irq %u)\n", POL(e->inti_flags),
			TRIG(e->inti_flags), e->global_irq);
		break;
	}
	case ACPI_MADT_TYPE_LOCAL_APIC_NMI: {
		const struct acpi_madt_local_apic_nmi *e = p;

		pr_info("LAPIC_NMI (acpi_id[0x%02x] %s %s lint[0x%x])\n", e->processor_id,
			POL(e->inti_flags), TRIG(e->inti_flags), e->lint);
		madt_add_lapic_nmi(e->processor_id == 0xff ? ACPI_UID_ALL_CPUS : e->processor_id,
				   e->inti_flags, e->lint);
		break;
	}
	case ACPI_MADT_TYPE_LOCAL_X2APIC_NMI: {
		const struct acpi_madt_local_x2apic_nmi *e = p;

		pr_info("X2APIC_NMI (uid[0x%02x] %s %s lint[0x%x])\n", e->uid,
			POL(e->inti_flags), TRIG(e->inti_flags), e->lint);
		madt_add_lapic_nmi(e->uid, e->inti_flags, e->lint);
		break;
	}
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: {
		const struct acpi_madt_local_apic_override *e = p;

		pr_info("LAPIC_ADDR_OVR (address[0x%llx])\n", (unsigned long long)e->address);
		mp_lapic_addr = e->address;
		break;
	}
	default:
		break;   /* SAPIC, GIC, ... : not an x86 PC's, nothing to do */
	}
}

/* Number the CPUs: the boot CPU first, then the table's order. */
static void __init madt_number_cpus(void)
{
	unsigned int i;

	x86_cpu_to_apicid[0] = madt_boot_id;
	/* A UID no LAPIC NMI entry names, if the table forgot the boot CPU. */
	x86_cpu_to_acpiid[0] = madt_boot_seen ? madt_boot_uid : ACPI_UID_ALL_CPUS - 1;
	if (!madt_boot_seen && madt_nr_cpus)
		pr_warn("the boot CPU (APIC ID 0x%x) is not in the MADT\n", madt_boot_id);
	for (i = 0; i < madt_nr_cpus; i++) {
		x86_cpu_to_apicid[i + 1] = madt_cpus[i].apicid;
		x86_cpu_to_acpiid[i + 1] = madt_cpus[i].uid;
	}
	for (i = madt_nr_cpus + 1; i < NR_CPUS; i++)
		x86_cpu_to_apicid[i] = x86_cpu_to_acpiid[i] = BAD_APICID;
	nr_cpu_ids = madt_nr_cpus + 1;
}

static void __init madt_reset(u32 boot_apic_id)
{
	boot_cpu_physical_apicid = madt_boot_id = boot_apic_id;
	madt_boot_seen = false;
	mp_lapic_addr = APIC_DEFAULT_PHYS_BASE;
	acpi_lapic = false;
	acpi_pcat_compat = true;
	num_processors = disabled_cpus = madt_nr_cpus = 0;
	nr_ioapics = mp_irq_entries = nr_lapic_nmis = 0;
	acpi_madt_bad_entries = 0;
	memset(mp_ioapics, 0, sizeof(mp_ioapics));
	memset(mp_irqs, 0, sizeof(mp_irqs));
	memset(mp_lapic_nmis, 0, sizeof(mp_lapic_nmis));
}

/**
 * acpi_parse_madt - read the MADT into the mp_* tables and number the CPUs
 * @table:        the MADT (checksum already verified)
 * @boot_apic_id: APIC ID of the CPU running this, which becomes CPU 0
 *
 * Starts from scratch on every call. Sets mp_lapic_addr, mp_ioapics,
 * mp_irqs, mp_lapic_nmis, x86_cpu_to_apicid[], x86_cpu_to_acpiid[] and
 * nr_cpu_ids (at least 1: the boot CPU, even if the table forgot it).
 * Malformed entries are reported, counted in acpi_madt_bad_entries and
 * skipped.
 *
 * Return: 0, or -EINVAL if @table is too short to be a MADT (then only the
 * boot CPU is set up).
 */
int __init acpi_parse_madt(const struct acpi_table_header *table, u32 boot_apic_id)
{
	const struct acpi_table_madt *madt = (const void *)table;
	const u8 *p, *end;

	madt_reset(boot_apic_id);
	if (!table || table->length < sizeof(*madt)) {
		pr_err("MADT too short (%u bytes), ignored\n", table ? table->length : 0);
		madt_number_cpus();
		return -EINVAL;
	}
	acpi_lapic = true;
	mp_lapic_addr = madt->address;
	acpi_pcat_compat = madt->flags & ACPI_MADT_PCAT_COMPAT;
	pr_info("Local APIC address 0x%08x\n", madt->address);

	p = (const u8 *)table + sizeof(*madt);
	end = (const u8 *)table + table->length;
	while (p < end) {
		const struct acpi_subtable_header *h = (const void *)p;
		unsigned int off = p - (const u8 *)table;

		if (end - p < (long)sizeof(*h)) {
			pr_warn("MADT: truncated entry at offset %u, rest ignored\n", off);
			bad_entry();
			break;
		}
		if (h->length < sizeof(*h) || h->length > end - p) {
			pr_warn("MADT: entry type %u at offset %u has length %u (%u bytes left), rest ignored\n",
				h->type, off, h->length, (unsigned int)(end - p));
			bad_entry();
			break;
		}
		if (h->length < madt_entry_min_len(h->type)) {
			pr_warn("MADT: entry type %u at offset %u: length %u, need %u, skipped\n",
				h->type, off, h->length, madt_entry_min_len(h->type));
			bad_entry();
		} else {
			madt_parse_entry(h);
		}
		p += h->length;
	}
	madt_number_cpus();
	return 0;
}

/**
 * mp_find_irq_override - the Interrupt Source Override of ISA IRQ @irq
 *
 * Return: the entry, or NULL if the MADT did not override @irq.
 */
const struct mp_irq_override *mp_find_irq_override(unsigned int irq)
{
	int i;

	for (i = 0; i < mp_irq_entries; i++)
		if (mp_irqs[i].bus_irq == irq)
			return &mp_irqs[i];
	return NULL;
}

/**
 * mp_lint_is_nmi - is LINT pin @lint of the CPU with ACPI UID @uid an NMI?
 *
 * Without any LAPIC NMI entry, the PC convention holds: LINT1 is the NMI
 * (LINT0 carries the 8259's ExtINT).
 */
bool mp_lint_is_nmi(u32 uid, unsigned int lint)
{
	int i;

	if (!nr_lapic_nmis)
		return lint == 1;
	for (i = 0; i < nr_lapic_nmis; i++)
		if (mp_lapic_nmis[i].lint == lint &&
		    (mp_lapic_nmis[i].uid == ACPI_UID_ALL_CPUS || mp_lapic_nmis[i].uid == uid))
			return true;
	return false;
}

/* The running CPU's APIC ID, from CPUID (the LAPIC is not mapped yet). */
static u32 __init cpuid_apic_id(void)
{
	u32 a, b, c, d;

	cpuid(0, &a, &b, &c, &d);
	if (a >= 0xb) {
		/* Leaf 0xB: EDX is the full x2APIC ID, valid if EBX != 0. */
		cpuid_count(0xb, 0, &a, &b, &c, &d);
		if (b & 0xffff)
			return d;
	}
	cpuid(1, &a, &b, &c, &d);
	return b >> 24;              /* the initial 8-bit APIC ID */
}

/**
 * acpi_boot_init - read the MADT, if there is one; number the CPUs
 *
 * Called from setup_arch() after acpi_table_init() and before
 * setup_per_cpu_areas(). Without a MADT (or with "acpi=off") there is one
 * CPU, the LAPIC is at its default address, and no I/O APIC is known, so
 * devices stay on the 8259. "nolapic" keeps the table's I/O APICs out of
 * use and the CPU count at 1 (no LAPIC, no IPIs, no other CPUs).
 */
void __init acpi_boot_init(void)
{
	const struct acpi_table_header *madt = acpi_get_table(ACPI_SIG_MADT, 0);
	u32 boot_id = cpuid_apic_id();

	/* CPUID.1:EDX bit 9: this CPU has a local APIC at all. */
	if (!(cpuid_edx(1) & (1u << 9)) && apic_available) {
		pr_warn("the CPU has no local APIC: staying on the 8259\n");
		apic_available = false;
	}
	if (!madt) {
		madt_reset(boot_id);
		madt_number_cpus();
		pr_info("no MADT: one CPU, no I/O APIC\n");
	} else if (!acpi_parse_madt(madt, boot_id)) {
		pr_info("Using ACPI (MADT) for SMP configuration information\n");
	}
	if (!apic_available && nr_cpu_ids > 1) {
		pr_info("nolapic: using the boot CPU only\n");
		nr_cpu_ids = 1;
	}
	printk(KERN_INFO "smpboot: Allowing %u CPUs, %u hotplug CPUs\n", nr_cpu_ids, disabled_cpus);
}

BUILD_BUG_ON(sizeof(struct acpi_table_madt) != 44);
BUILD_BUG_ON(sizeof(struct acpi_madt_local_apic) != 8);
BUILD_BUG_ON(sizeof(struct acpi_madt_io_apic) != 12);
BUILD_BUG_ON(sizeof(struct acpi_madt_interrupt_override) != 10);
BUILD_BUG_ON(sizeof(struct acpi_madt_nmi_source) != 8);
BUILD_BUG_ON(sizeof(struct acpi_madt_local_apic_nmi) != 6);
BUILD_BUG_ON(sizeof(struct acpi_madt_local_apic_override) != 12);
BUILD_BUG_ON(sizeof(struct acpi_madt_local_x2apic) != 16);
BUILD_BUG_ON(sizeof(struct acpi_madt_local_x2apic_nmi) != 12);
