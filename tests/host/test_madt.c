/* SPDX-License-Identifier: MIT */
/*
 * Host tests for the MADT reader, arch/x86/kernel/acpi/boot.c.
 *
 * Two tables are QEMU's own, captured byte for byte from a "pc" machine
 * (QEMU 7.2, SeaBIOS) with -smp 1 and -smp 4: LAPICs, one I/O APIC at
 * 0xfec00000, overrides IRQ 0 -> GSI 2 and "high level" for IRQs 5, 9,
 * 10, 11, and the LINT1 NMI for all CPUs. The others are built here, each
 * with one thing wrong or unusual, and must be reported and survived:
 * nothing is read beyond an entry or the table. The host has NR_CPUS 4
 * (tests/host/include/asm/percpu.h), which makes the CPU cap easy to hit.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/acpi.h>
#include <acpi/actbl2.h>
#include <asm/apic.h>
#include <asm/mpspec.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "log_host.h"

/* --- what the kernel defines elsewhere --------------------------------- */
unsigned long host_irq_flags = 0x200;
int cpu_number;
unsigned int nr_cpu_ids = 1;
bool apic_available = true;

void host_bug(const char *file, int line, unsigned int flags)
{
	printf("# BUG/WARN at %s:%d\n", file, line);
	abort();
}

struct acpi_table_header *acpi_get_table(const char *signature, int instance)
{
	return NULL;
}

/* --- QEMU's tables ----------------------------------------------------- */

static const u8 qemu_madt_smp1[] = {
	0x41, 0x50, 0x49, 0x43, 0x78, 0x00, 0x00, 0x00, 0x01, 0x8a, 0x42, 0x4f,
	0x43, 0x48, 0x53, 0x20, 0x42, 0x58, 0x50, 0x43, 0x20, 0x20, 0x20, 0x20,
	0x01, 0x00, 0x00, 0x00, 0x42, 0x58, 0x50, 0x43, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0xe0, 0xfe, 0x01, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x01, 0x0c, 0x00, 0x00, 0x00, 0x00, 0xc0, 0xfe,
	0x00, 0x00, 0x00, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x02, 0x0a, 0x00, 0x05, 0x05, 0x00, 0x00, 0x00, 0x0d, 0x00,
	0x02, 0x0a, 0x00, 0x09, 0x09, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x02, 0x0a,
	0x00, 0x0a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x02, 0x0a, 0x00, 0x0b,
	0x0b, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x04, 0x06, 0xff, 0x00, 0x00, 0x01,
};

static const u8 qemu_madt_smp4[] = {
	0x41, 0x50, 0x49, 0x43, 0x90, 0x00, 0x00, 0x00, 0x01, 0x4b, 0x42, 0x4f,
	0x43, 0x48, 0x53, 0x20, 0x42, 0x58, 0x50, 0x43, 0x20, 0x20, 0x20, 0x20,
	0x01, 0x00, 0x00, 0x00, 0x42, 0x58, 0x50, 0x43, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0xe0, 0xfe, 0x01, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x00, 0x08, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x08, 0x02, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x08, 0x03, 0x03,
	0x01, 0x00, 0x00, 0x00, 0x01, 0x0c, 0x00, 0x00, 0x00, 0x00, 0xc0, 0xfe,
	0x00, 0x00, 0x00, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x02, 0x0a, 0x00, 0x05, 0x05, 0x00, 0x00, 0x00, 0x0d, 0x00,
	0x02, 0x0a, 0x00, 0x09, 0x09, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x02, 0x0a,
	0x00, 0x0a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x02, 0x0a, 0x00, 0x0b,
	0x0b, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x04, 0x06, 0xff, 0x00, 0x00, 0x01,
};

/* --- building tables --------------------------------------------------- */

static u8 buf[4096] __attribute__((aligned(8)));
static size_t len;

static void begin(u32 lapic_addr)
{
	struct acpi_table_madt *m = (void *)buf;

	memset(buf, 0xcc, sizeof(buf));    /* garbage past the end */
	memset(m, 0, sizeof(*m));
	memcpy(m->header.signature, "APIC", 4);
	m->header.revision = 1;
	m->address = lapic_addr;
	m->flags = ACPI_MADT_PCAT_COMPAT;
	len = sizeof(*m);
}

static void add(const void *e, size_t n)
{
	memcpy(buf + len, e, n);
	len += n;
}

static void lapic(u8 uid, u8 id, u32 flags)
{
	struct acpi_madt_local_apic e = { { 0, 8 }, uid, id, flags };

	add(&e, sizeof(e));
}

static void x2apic(u32 uid, u32 id, u32 flags)
{
	struct acpi_madt_local_x2apic e = { { 9, 16 }, 0, id, flags, uid };

	add(&e, sizeof(e));
}

static void ioapic(u8 id, u32 addr, u32 gsi_base)
{
	struct acpi_madt_io_apic e = { { 1, 12 }, id, 0, addr, gsi_base };

	add(&e, sizeof(e));
}

static void iso(u8 bus, u8 irq, u32 gsi, u16 flags)
{
	struct acpi_madt_interrupt_override e = { { 2, 10 }, bus, irq, gsi, flags };

	add(&e, sizeof(e));
}

static void lapic_nmi(u8 uid, u16 flags, u8 lint)
{
	struct acpi_madt_local_apic_nmi e = { { 4, 6 }, uid, flags, lint };

	add(&e, sizeof(e));
}

static int parse(u32 boot_id)
{
	((struct acpi_table_header *)buf)->length = len;
	log_reset();
	return acpi_parse_madt((void *)buf, boot_id);
}

static int parse_bytes(const u8 *t, size_t n, u32 boot_id)
{
	memcpy(buf, t, n);
	len = n;
	return parse(boot_id);
}

/* --- tests ------------------------------------------------------------- */

static void test_qemu_smp4(void)
{
	const struct mp_irq_override *ov;

	is_int(parse_bytes(qemu_madt_smp4, sizeof(qemu_madt_smp4), 0), 0, "QEMU -smp 4: parsed");
	is_int(nr_cpu_ids, 4, "QEMU -smp 4: nr_cpu_ids 4");
	ok(x86_cpu_to_apicid[0] == 0 && x86_cpu_to_apicid[1] == 1 &&
	   x86_cpu_to_apicid[2] == 2 && x86_cpu_to_apicid[3] == 3, "QEMU -smp 4: APIC IDs 0-3 in order");
	is_int(x86_cpu_to_acpiid[3], 3, "QEMU -smp 4: CPU 3 has ACPI UID 3");
	is_int(num_processors, 4, "QEMU -smp 4: 4 processors listed");
	is_int(mp_lapic_addr, 0xfee00000, "local APIC at 0xfee00000");
	ok(acpi_lapic && acpi_pcat_compat, "MADT in use, PCAT_COMPAT (8259s present)");
	is_int(nr_ioapics, 1, "one I/O APIC");
	ok(mp_ioapics[0].apicid == 0 && mp_ioapics[0].addr == 0xfec00000 &&
	   mp_ioapics[0].gsi_base == 0, "IOAPIC id 0 at 0xfec00000, GSI base 0");
	is_int(mp_irq_entries, 5, "five interrupt source overrides");
	ov = mp_find_irq_override(0);
	ok(ov && ov->gsi == 2 && ov->flags == 0, "IRQ 0 -> GSI 2, conforming flags");
	ov = mp_find_irq_override(11);
	ok(ov && ov->gsi == 11 && ov->flags == (ACPI_MADT_TRIGGER_LEVEL | ACPI_MADT_POLARITY_ACTIVE_HIGH),
	   "IRQ 11 -> GSI 11, level, active high");
	ok(!mp_find_irq_override(1) && !mp_find_irq_override(2), "no override for IRQs 1 and 2");
	is_int(nr_lapic_nmis, 1, "one LAPIC NMI entry");
	ok(mp_lint_is_nmi(2, 1) && !mp_lint_is_nmi(2, 0), "LINT1 is the NMI of every CPU, LINT0 is not");
	is_int(acpi_madt_bad_entries, 0, "nothing malformed");
	is_int(log_warnings, 0, "no warnings");
	ok(log_has("ACPI: Local APIC address 0xfee00000\n"), "log: Local APIC address");
	ok(log_has("ACPI: LAPIC (acpi_id[0x00] lapic_id[0x00] enabled)\n") &&
	   log_has("ACPI: LAPIC (acpi_id[0x03] lapic_id[0x03] enabled)\n"), "log: LAPIC lines in Linux's format");
	ok(log_has("ACPI: IOAPIC (id[0x00] address[0xfec00000] gsi_base[0])\n"), "log: IOAPIC line");
	ok(log_has("ACPI: INT_SRC_OVR (bus 0 bus_irq 0 global_irq 2 dfl dfl)\n"), "log: INT_SRC_OVR IRQ 0 dfl dfl");
	ok(log_has("ACPI: INT_SRC_OVR (bus 0 bus_irq 9 global_irq 9 high level)\n"), "log: INT_SRC_OVR IRQ 9 high level");
	ok(log_has("ACPI: LAPIC_NMI (acpi_id[0xff] dfl dfl lint[0x1])\n"), "log: LAPIC_NMI line");
}

static void test_qemu_smp1_and_boot_cpu(void)
{
	is_int(parse_bytes(qemu_madt_smp1, sizeof(qemu_madt_smp1), 0), 0, "QEMU -smp 1: parsed");
	ok(nr_cpu_ids == 1 && x86_cpu_to_apicid[0] == 0 && x86_cpu_to_apicid[1] == BAD_APICID,
	   "QEMU -smp 1: one CPU, the rest BAD_APICID");
	is_int(mp_irq_entries, 5, "QEMU -smp 1: five overrides (state reset between parses)");

	/* Booted on APIC ID 2: it is CPU 0, the others keep table order. */
	parse_bytes(qemu_madt_smp4, sizeof(qemu_madt_smp4), 2);
	ok(nr_cpu_ids == 4 && x86_cpu_to_apicid[0] == 2 && x86_cpu_to_apicid[1] == 0 &&
	   x86_cpu_to_apicid[2] == 1 && x86_cpu_to_apicid[3] == 3, "boot CPU (APIC 2) first: 2 0 1 3");
	is_int(x86_cpu_to_acpiid[0], 2, "... with its own ACPI UID");
	is_int(boot_cpu_physical_apicid, 2, "boot_cpu_physical_apicid");

	/* The boot CPU missing from the table still becomes CPU 0. */
	parse_bytes(qemu_madt_smp1, sizeof(qemu_madt_smp1), 7);
	ok(nr_cpu_ids == 2 && x86_cpu_to_apicid[0] == 7 && x86_cpu_to_apicid[1] == 0,
	   "boot CPU not listed: CPU 0 is APIC 7 anyway, APIC 0 is CPU 1");
	ok(log_has("the boot CPU (APIC ID 0x7) is not in the MADT"), "... and that is reported");
}

static void test_cpu_flags_and_cap(void)
{
	begin(0xfee00000);
	lapic(0, 0, ACPI_MADT_ENABLED);
	lapic(1, 1, 0);                                 /* unusable */
	lapic(2, 2, ACPI_MADT_ONLINE_CAPABLE);          /* hotplug */
	lapic(3, 3, ACPI_MADT_ENABLED);
	lapic(4, 4, ACPI_MADT_ENABLED);
	lapic(5, 5, ACPI_MADT_ENABLED);
	lapic(6, 6, ACPI_MADT_ENABLED);                 /* 5th enabled: over NR_CPUS 4 */
	lapic(7, 0xff, ACPI_MADT_ENABLED);              /* 0xff is not a CPU */
	lapic(8, 3, ACPI_MADT_ENABLED);                 /* duplicate */
	is_int(parse(0), 0, "flags table parsed");
	is_int(nr_cpu_ids, 4, "enabled CPUs capped at NR_CPUS (4)");
	ok(x86_cpu_to_apicid[1] == 3 && x86_cpu_to_apicid[2] == 4 && x86_cpu_to_apicid[3] == 5,
	   "disabled and online-capable CPUs are not numbered");
	is_int(num_processors, 5, "5 enabled processors listed");
	is_int(disabled_cpus, 1, "1 online-capable (hotplug) CPU counted");
	ok(log_has("limit of 4 reached. Processor 0x6 ignored."), "cap reported, Linux's words");
	ok(log_has("ACPI: LAPIC (acpi_id[0x02] lapic_id[0x02] online-capable)\n") &&
	   log_has("ACPI: LAPIC (acpi_id[0x01] lapic_id[0x01] disabled)\n"), "disabled/online-capable shown");
	is_int(acpi_madt_bad_entries, 2, "APIC ID 0xff and the duplicate are bad entries");
}

static void test_x2apic(void)
{
	struct acpi_madt_local_x2apic_nmi nmi = { { 10, 12 }, 0, 0x100, 0, { 0 } };

	begin(0xfee00000);
	lapic(0, 0, ACPI_MADT_ENABLED);
	x2apic(0x100, 0x100, ACPI_MADT_ENABLED);
	x2apic(0x101, 0xffffffff, ACPI_MADT_ENABLED);   /* invalid ID */
	add(&nmi, sizeof(nmi));                          /* LINT0 NMI of UID 0x100 */
	is_int(parse(0), 0, "x2APIC table parsed");
	ok(nr_cpu_ids == 2 && x86_cpu_to_apicid[1] == 0x100 && x86_cpu_to_acpiid[1] == 0x100,
	   "x2APIC entry: CPU 1 has 32-bit APIC ID 0x100");
	is_int(acpi_madt_bad_entries, 1, "x2APIC ID 0xffffffff rejected");
	ok(log_has("ACPI: X2APIC (apic_id[0x100] uid[0x100] enabled)\n"), "log: X2APIC line");
	ok(mp_lint_is_nmi(0x100, 0) && !mp_lint_is_nmi(0, 0) && !mp_lint_is_nmi(0, 1),
	   "x2APIC NMI applies to its UID only (and no PC default once entries exist)");
}

static void test_overrides_and_ioapics(void)
{
	struct acpi_madt_local_apic_override lao = { { 5, 12 }, 0, 0xfee10000ULL };
	int i;

	begin(0xfee00000);
	lapic(0, 0, ACPI_MADT_ENABLED);
	add(&lao, sizeof(lao));
	ioapic(0, 0xfec00000, 0);
	ioapic(1, 0xfec00000, 24);                       /* same address */
	for (i = 0; i < MAX_IO_APICS; i++)
		ioapic(2 + i, 0xfec10000 + i * 0x1000, 24 + i * 24);   /* one too many */
	iso(1, 4, 4, 0);                                  /* not ISA */
	iso(0, 16, 16, 0);                                /* not an ISA IRQ */
	iso(0, 9, 9, ACPI_MADT_TRIGGER_LEVEL | ACPI_MADT_POLARITY_ACTIVE_LOW);
	iso(0, 9, 20, 0);                                 /* second for IRQ 9 */
	iso(0, 5, 5, ACPI_MADT_TRIGGER_RESERVED | ACPI_MADT_POLARITY_ACTIVE_LOW);
	lapic_nmi(0, 0, 2);                               /* no LINT2 */
	is_int(parse(0), 0, "overrides table parsed");
	is_int(mp_lapic_addr, 0xfee10000, "LAPIC address override replaces the MADT's");
	is_int(nr_ioapics, MAX_IO_APICS, "I/O APICs: duplicate and one-too-many dropped");
	ok(mp_ioapics[1].apicid == 2 && mp_ioapics[1].gsi_base == 24, "second I/O APIC is id 2, GSI 24");
	is_int(mp_irq_entries, 2, "two overrides kept");
	ok(mp_find_irq_override(9) && mp_find_irq_override(9)->gsi == 9 &&
	   mp_find_irq_override(9)->flags == (ACPI_MADT_TRIGGER_LEVEL | ACPI_MADT_POLARITY_ACTIVE_LOW),
	   "IRQ 9: the first override wins, level low");
	ok(mp_find_irq_override(5) && mp_find_irq_override(5)->flags == ACPI_MADT_POLARITY_ACTIVE_LOW,
	   "IRQ 5: reserved trigger replaced by the bus default, polarity kept");
	ok(log_has("ACPI: INT_SRC_OVR (bus 0 bus_irq 5 global_irq 5 low res)\n"), "log: reserved flags shown as 'res'");
	ok(log_has("ACPI: LAPIC_ADDR_OVR (address[0xfee10000])\n"), "log: LAPIC_ADDR_OVR");
	is_int(nr_lapic_nmis, 0, "LINT2 NMI rejected");
	ok(mp_lint_is_nmi(0, 1) && !mp_lint_is_nmi(0, 0), "no NMI entries: LINT1 by PC convention");
	/* dup IOAPIC, too many, bus 1, IRQ 16, second IRQ 9, reserved, LINT2 */
	is_int(acpi_madt_bad_entries, 7, "seven bad entries counted");
}

static void test_malformed(void)
{
	u8 junk[2] = { 0, 0 };

	/* Length 0: the walk cannot go on; what came before counts. */
	begin(0xfee00000);
	lapic(0, 0, ACPI_MADT_ENABLED);
	add(junk, 2);
	lapic(1, 1, ACPI_MADT_ENABLED);
	is_int(parse(0), 0, "length-0 entry: table still accepted");
	is_int(nr_cpu_ids, 1, "length-0 entry: nothing after it is read");
	ok(log_has("has length 0") && acpi_madt_bad_entries == 1, "length-0 entry reported");

	/* Too short for its type: skipped by its own length, the walk goes on. */
	begin(0xfee00000);
	lapic(0, 0, ACPI_MADT_ENABLED);
	add((u8[]){ 0, 6, 1, 1, 1, 0 }, 6);              /* a LAPIC entry of 6 bytes */
	add((u8[]){ 1, 4, 0, 0 }, 4);                    /* an IOAPIC of 4 */
	lapic(2, 2, ACPI_MADT_ENABLED);
	parse(0);
	ok(nr_cpu_ids == 2 && x86_cpu_to_apicid[1] == 2 && nr_ioapics == 0,
	   "short entries skipped, the next entry still found");
	is_int(acpi_madt_bad_entries, 2, "two short entries counted");
	ok(log_has("entry type 0 at offset 52: length 6, need 8, skipped"), "short entry reported with its offset");

	/* An entry claiming to run past the table's end. */
	begin(0xfee00000);
	lapic(0, 0, ACPI_MADT_ENABLED);
	lapic(1, 1, ACPI_MADT_ENABLED);
	buf[len - 8 + 1] = 40;                           /* second LAPIC says 40 bytes */
	parse(0);
	ok(nr_cpu_ids == 1 && acpi_madt_bad_entries == 1, "entry past the end: not followed");
	ok(log_has("has length 40 (8 bytes left)"), "past-the-end entry reported");

	/* A lone byte at the end: not even a header. */
	begin(0xfee00000);
	lapic(0, 0, ACPI_MADT_ENABLED);
	add((u8[]){ 0 }, 1);
	parse(0);
	ok(nr_cpu_ids == 1 && acpi_madt_bad_entries == 1 && log_has("truncated entry at offset 52"),
	   "truncated header reported, not read");

	/* Unknown types are skipped quietly by their length. */
	begin(0xfee00000);
	add((u8[]){ 0x7f, 5, 1, 2, 3 }, 5);
	lapic(0, 0, ACPI_MADT_ENABLED);
	lapic(1, 1, ACPI_MADT_ENABLED);
	parse(0);
	ok(nr_cpu_ids == 2 && acpi_madt_bad_entries == 0 && log_warnings == 0,
	   "unknown entry type skipped without complaint");

	/* Shorter than the MADT's fixed part. */
	begin(0xfee00000);
	len = 40;
	is_int(parse(3), -EINVAL, "a 40-byte MADT is refused");
	ok(nr_cpu_ids == 1 && x86_cpu_to_apicid[0] == 3 && nr_ioapics == 0 && !acpi_lapic,
	   "... leaving the boot CPU alone, no I/O APIC");
}

int main(void)
{
	if (log_open())
		return 2;
	test_qemu_smp4();
	test_qemu_smp1_and_boot_cpu();
	test_cpu_flags_and_cap();
	test_x2apic();
	test_overrides_and_ioapics();
	test_malformed();
	return done_testing();
}
