/* SPDX-License-Identifier: MIT */
/*
 * Host tests for drivers/acpi/tables.c and the AML part of sleep.c.
 *
 * "Physical memory" is a 2 MiB arena (tests/host/include/asm/page.h maps
 * physical P to host_phys_base + P). Each case lays out a fake BIOS area and
 * a set of tables in it, runs acpi_table_init() and checks what it accepted,
 * rejected and printed. The _S5_ decoder gets hand-assembled AML byte
 * strings in each encoding firmware uses.
 */
/* Kernel headers first: glibc's cdefs.h tolerates compiler.h's
 * __always_inline, but not the other way round. */
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <asm/setup.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "log_host.h"

/* memcpy and friends in this file are the kernel's (host_rename.h maps them
 * to lib/string.c's irqos_ versions); that is fine for building tables. */

#define ARENA_SIZE (2u << 20)

unsigned char *host_phys_base;
unsigned long host_irq_flags = 0x200;
struct boot_params boot_params;
char boot_command_line[COMMAND_LINE_SIZE];

/* --- stubs for what the kernel provides elsewhere --------------------- */

void udelay(unsigned long usecs) { (void)usecs; }
void ndelay(unsigned long nsecs) { (void)nsecs; }
void host_bug(const char *file, int line, unsigned int flags)
{
	printf("# BUG/WARN at %s:%d\n", file, line);
	abort();
}

/* --- building fake firmware ------------------------------------------- */

static void *P(uint64_t phys) { return host_phys_base + phys; }

static void fix_checksum(uint64_t phys)
{
	struct acpi_table_header *h = P(phys);

	h->checksum = 0;
	h->checksum = (u8)-acpi_tb_checksum(h, h->length);
}

static struct acpi_table_header *table(uint64_t phys, const char *sig, uint32_t len, u8 rev)
{
	struct acpi_table_header *h = P(phys);

	memset(h, 0, len);
	memcpy(h->signature, sig, 4);
	h->length = len;
	h->revision = rev;
	memcpy(h->oem_id, "IRQOS ", 6);
	memcpy(h->oem_table_id, "TESTTBL ", 8);
	h->oem_revision = 1;
	memcpy(h->asl_compiler_id, "HOST", 4);
	h->asl_compiler_revision = 0x20240101;
	return h;
}

static void rsdp(uint64_t phys, u8 rev, uint32_t rsdt, uint64_t xsdt)
{
	struct acpi_table_rsdp *r = P(phys);

	memset(r, 0, sizeof(*r));
	memcpy(r->signature, "RSD PTR ", 8);
	memcpy(r->oem_id, "IRQOS ", 6);
	r->revision = rev;
	r->rsdt_physical_address = rsdt;
	if (rev >= 2) {
		r->length = sizeof(*r);
		r->xsdt_physical_address = xsdt;
		r->extended_checksum = 0;
	}
	r->checksum = (u8)-acpi_tb_checksum(r, ACPI_RSDP_CHECKSUM_LENGTH);
	if (rev >= 2)
		r->extended_checksum = (u8)-acpi_tb_checksum(r, sizeof(*r));
}

/* XSDT (8-byte entries) or RSDT (4-byte) listing @n tables. */
static void root(uint64_t phys, const char *sig, const uint64_t *entries, int n)
{
	int size = sig[0] == 'X' ? 8 : 4, i;
	u8 *p;

	table(phys, sig, sizeof(struct acpi_table_header) + n * size, 1);
	p = (u8 *)P(phys) + sizeof(struct acpi_table_header);
	for (i = 0; i < n; i++)
		memcpy(p + i * size, &entries[i], size);   /* little-endian host */
	fix_checksum(phys);
}

static const u8 dsdt_aml[] = {
	0x10, 0x05, '_', 'S', 'B', '_',          /* Scope (\_SB) {} - filler */
	0x08, '_', 'S', '5', '_', 0x12, 0x08, 0x04,
	0x0a, 0x05, 0x0a, 0x06, 0x00, 0x00,      /* Package { 5, 6, 0, 0 } */
};

#define A_RSDP  0xe0020
#define A_XSDT  0x100000
#define A_RSDT  0x100100
#define A_FACP  0x100200
#define A_DSDT  0x100400
#define A_FACS  0x100500
#define A_APIC  0x100600
#define A_HPET  0x100700
#define A_SSDT  0x100800

/* The standard machine: RSDP v2 in the BIOS area, XSDT and RSDT, a
 * revision-3 FADT, a DSDT with \_S5_, a FACS, an SSDT; plus an APIC with a
 * bad checksum, an HPET with an impossible length, a null entry and an
 * entry beyond mapped memory. */
static void build_machine(void)
{
	struct acpi_table_fadt *f;
	struct acpi_table_header *h;
	uint64_t x[] = { A_FACP, A_APIC, 0, A_HPET, 0x4000000000ULL, A_SSDT };

	memset(host_phys_base, 0, ARENA_SIZE);
	memset(&boot_params, 0, sizeof(boot_params));
	boot_command_line[0] = '\0';

	f = (struct acpi_table_fadt *)table(A_FACP, "FACP", sizeof(*f), 3);
	f->dsdt = 0xdead0000;                 /* must be ignored: Xdsdt is set */
	f->Xdsdt = A_DSDT;
	f->Xfacs = A_FACS;
	f->pm1a_control_block = 0x604;
	f->flags = ACPI_FADT_RESET_REGISTER;
	f->reset_register.space_id = ACPI_ADR_SPACE_SYSTEM_IO;
	f->reset_register.bit_width = 8;
	f->reset_register.address = 0xcf9;
	f->reset_value = 0x0f;
	fix_checksum(A_FACP);

	h = table(A_DSDT, "DSDT", sizeof(*h) + sizeof(dsdt_aml), 2);
	memcpy(h + 1, dsdt_aml, sizeof(dsdt_aml));
	fix_checksum(A_DSDT);

	h = P(A_FACS);
	memcpy(h->signature, "FACS", 4);
	h->length = 64;

	table(A_APIC, "APIC", 0x78, 1);
	fix_checksum(A_APIC);
	((u8 *)P(A_APIC))[0x50] ^= 1;         /* break it after the checksum */

	table(A_HPET, "HPET", 0x38, 1);
	fix_checksum(A_HPET);
	((struct acpi_table_header *)P(A_HPET))->length = 0x10;   /* < header */

	table(A_SSDT, "SSDT", 0x40, 1);
	fix_checksum(A_SSDT);

	root(A_XSDT, "XSDT", x, 6);
	root(A_RSDT, "RSDT", (uint64_t[]){ A_FACP }, 1);
	rsdp(A_RSDP, 2, A_RSDT, A_XSDT);
}

/* --- tests ------------------------------------------------------------- */

static void test_checksum(void)
{
	u8 buf[4] = { 0x10, 0x20, 0x30, 0xa0 };
	struct acpi_table_rsdp *r = P(0x2000);

	is_int(acpi_tb_checksum(buf, 4), 0x00, "bytes summing to 256 checksum to 0");
	buf[3] = 0xa1;
	is_int(acpi_tb_checksum(buf, 4), 0x01, "one bit off is detected");

	rsdp(0x2000, 0, 0x1234, 0);
	is_int(acpi_tb_validate_rsdp(r), 0, "valid v0 RSDP accepted");
	rsdp(0x2000, 2, 0x1234, 0x5678);
	is_int(acpi_tb_validate_rsdp(r), 0, "valid v2 RSDP accepted");
	r->checksum++;
	is_int(acpi_tb_validate_rsdp(r), -EINVAL, "RSDP with bad checksum rejected");
	rsdp(0x2000, 2, 0x1234, 0x5678);
	r->xsdt_physical_address ^= 0x100;     /* breaks only the extended sum */
	is_int(acpi_tb_validate_rsdp(r), -EINVAL, "RSDP with bad extended checksum rejected");
	rsdp(0x2000, 0, 0x1234, 0);
	r->signature[3] = 'X';
	is_int(acpi_tb_validate_rsdp(r), -ENOENT, "wrong signature is not an RSDP");
}

static void test_full_machine(void)
{
	const struct acpi_table_fadt *f;
	struct acpi_table_header *h;

	build_machine();
	log_reset();
	is_int(acpi_table_init(), 0, "tables found by scanning the BIOS area");
	ok(log_has("ACPI: RSDP 0x00000000000E0020 000024 (v02 IRQOS )\n"),
	   "RSDP line in Linux's format");
	ok(log_has("ACPI: XSDT 0x0000000000100000 000054 (v01 IRQOS  TESTTBL  00000001 HOST 20240101)\n"),
	   "XSDT (not RSDT) walked, header line in Linux's format");
	ok(log_has("ACPI: FACS 0x0000000000100500 000040\n"), "FACS line is short");

	ok(acpi_get_table("FACP", 0) == P(A_FACP), "FACP found");
	ok(acpi_get_table("DSDT", 0) == P(A_DSDT), "DSDT found through X_DSDT");
	ok(acpi_get_table("FACS", 0) == P(A_FACS), "FACS found");
	ok(acpi_get_table("SSDT", 0) == P(A_SSDT), "SSDT found");
	ok(acpi_get_table("SSDT", 1) == NULL, "no second SSDT");
	ok(acpi_get_table("APIC", 0) == NULL, "APIC with bad checksum skipped");
	ok(log_has("[APIC] at 0x0000000000100600 has a bad checksum"),
	   "bad checksum reported with signature and address");
	ok(acpi_get_table("HPET", 0) == NULL, "HPET with impossible length skipped");
	ok(log_has("[HPET] at 0x0000000000100700 has implausible length 16"),
	   "bad length reported");
	ok(log_has("pointer 0x0000004000000000 is outside mapped memory"),
	   "pointer beyond the direct map not followed");
	ok(acpi_get_table("FAC", 0) == NULL, "short signature matches nothing");
	ok(acpi_get_table("FACP", -1) == NULL, "negative instance rejected");

	f = acpi_get_fadt();
	ok(f != NULL, "FADT copied");
	if (f) {
		is_int(f->pm1a_control_block, 0x604, "FADT PM1a_CNT");
		is_int(f->reset_register.address, 0xcf9, "FADT reset register");
		is_int(f->reset_value, 0x0f, "FADT reset value");
	}

	h = acpi_get_table("DSDT", 0);
	if (h) {
		u8 a = 0xff, b = 0xff;

		is_int(acpi_aml_find_s5((const u8 *)(h + 1), h->length - sizeof(*h), &a, &b),
		       0, "\\_S5_ found in the DSDT");
		ok(a == 5 && b == 6, "SLP_TYPa=5 SLP_TYPb=6 (got %u %u)", a, b);
	}
}

static void test_rsdt_fallback_and_v1_fadt(void)
{
	struct acpi_table_fadt *f;
	const struct acpi_table_fadt *cf;

	build_machine();
	/* Revision-1 FADT: 116 bytes, 32-bit DSDT pointer, and garbage after. */
	f = (struct acpi_table_fadt *)table(A_FACP, "FACP", 116, 1);
	f->dsdt = A_DSDT;
	f->pm1a_control_block = 0xb004;
	f->flags = ACPI_FADT_RESET_REGISTER;
	fix_checksum(A_FACP);
	memset((u8 *)f + 116, 0xff, sizeof(*f) - 116);
	((u8 *)P(A_XSDT))[40] ^= 0x55;       /* XSDT checksum now wrong */

	log_reset();
	is_int(acpi_table_init(), 0, "init succeeds with a broken XSDT");
	ok(log_has("[XSDT] at 0x0000000000100000 has a bad checksum"), "broken XSDT reported");
	ok(log_has("ACPI: RSDT 0x0000000000100100"), "RSDT used instead");
	ok(acpi_get_table("FACP", 0) == P(A_FACP), "FACP found through the RSDT");
	ok(acpi_get_table("DSDT", 0) == P(A_DSDT), "DSDT found through the 32-bit field");
	ok(acpi_get_table("SSDT", 0) == NULL, "SSDT (only in the XSDT) not found");
	cf = acpi_get_fadt();
	ok(cf && cf->Xdsdt == 0 && cf->reset_register.address == 0 && cf->reset_value == 0,
	   "fields beyond a revision-1 FADT read as zero, not as what follows it");
}

static void test_rsdp_sources(void)
{
	build_machine();
	/* Move the RSDP into the EBDA: 0x9fc0:0 plus 0x30. */
	memset(P(A_RSDP), 0, 36);
	*(u16 *)P(0x40e) = 0x9fc0;
	rsdp(0x9fc30, 0, A_RSDT, 0);
	log_reset();
	is_int(acpi_table_init(), 0, "RSDP found in the EBDA");
	ok(log_has("ACPI: RSDP 0x000000000009FC30 000014 (v00 IRQOS )"), "v0 RSDP line");
	ok(acpi_get_table("FACP", 0) != NULL, "tables reachable from the EBDA RSDP");

	/* The boot loader's address wins over a scan. */
	rsdp(0x1f0000, 2, A_RSDT, A_XSDT);
	boot_params.rsdp_addr = 0x1f0000;
	log_reset();
	is_int(acpi_table_init(), 0, "RSDP from boot_params used");
	ok(log_has("ACPI: RSDP 0x00000000001F0000 000024"), "boot loader's RSDP printed");

	/* A bad boot loader address falls back to scanning. */
	((u8 *)P(0x1f0000))[9]++;
	log_reset();
	is_int(acpi_table_init(), 0, "bad boot_params RSDP: scan still works");
	ok(log_has("RSDP from the boot loader at 0x00000000001F0000 is invalid"),
	   "bad boot loader RSDP reported");
	ok(log_has("ACPI: RSDP 0x000000000009FC30"), "fell back to the EBDA");

	/* No RSDP anywhere. */
	memset(P(0x9fc30), 0, 36);
	log_reset();
	is_int(acpi_table_init(), -ENODEV, "no RSDP: -ENODEV");
	ok(acpi_get_table("FACP", 0) == NULL && acpi_get_fadt() == NULL,
	   "no tables left over from the previous run");

	build_machine();
	/* "acpi=off" is an early_param that sets acpi_disabled. */
	acpi_disabled = true;
	is_int(acpi_table_init(), -ENODEV, "acpi=off disables table parsing");
	acpi_disabled = false;
	is_int(acpi_table_init(), 0, "and with it cleared, the same tables parse");
}

/* Find _S5_ in @aml and compare the result. */
static void s5_case(const u8 *aml, u32 len, int want_ret, int want_a, int want_b,
		    const char *what)
{
	u8 a = 0xee, b = 0xee;
	int ret = acpi_aml_find_s5(aml, len, &a, &b);

	if (want_ret) {
		is_int(ret, want_ret, "%s: error %d", what, want_ret);
		return;
	}
	ok(ret == 0 && a == want_a && b == want_b,
	   "%s: ret %d SLP_TYPa %u SLP_TYPb %u", what, ret, a, b);
}

#define S5(...) ((const u8[]){ __VA_ARGS__ }), sizeof((const u8[]){ __VA_ARGS__ })

static void test_s5(void)
{
	/* QEMU's i440fx DSDT: Name (_S5, Package (0x04) { Zero, Zero, Zero, Zero }) */
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00),
		0, 0, 0, "ZeroOp elements");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x01, 0x00, 0x00, 0x00),
		0, 1, 0, "OneOp element");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x08, 0x04, 0x0a, 0x07, 0x0a, 0x07, 0x00, 0x00),
		0, 7, 7, "BytePrefix elements");
	s5_case(S5(0x08, '\\', '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x05, 0x06, 0x00, 0x00),
		0, 5, 6, "root prefix, bare-byte elements");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x0a, 0x02, 0x0b, 0x03, 0x00, 0x0c, 0x04, 0, 0, 0),
		0, 3, 4, "WordPrefix and DWordPrefix elements");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x46, 0x00, 0x02, 0x0a, 0x02, 0x01),
		0, 2, 1, "two-byte PkgLength");
	s5_case(S5(0x70, '_', 'S', '5', '_', 0x60,             /* Store (_S5_, Local0) */
		   0x08, '_', 'S', '5', '_', 0x12, 0x05, 0x02, 0x0a, 0x03, 0x00),
		0, 3, 0, "a reference that is not a package is skipped");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x0a),
		-EINVAL, 0, 0, "truncated package");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x03, 0x02, 0x0a, 0x05, 0x0a, 0x05),
		-EINVAL, 0, 0, "elements beyond PkgLength are not read");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x04, 0x01, 0x0a, 0x05),
		-EINVAL, 0, 0, "one element is not enough");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x02, 0x0a, 0x09, 0x00),
		-EINVAL, 0, 0, "SLP_TYP above 7 rejected");
	s5_case(S5(0x08, '_', 'S', '5', '_', 0x12, 0x04, 0x02, 0xff, 0x00),
		-EINVAL, 0, 0, "OnesOp rejected");
	s5_case(S5(0x08, '_', 'S', '4', '_', 0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00),
		-ENOENT, 0, 0, "only \\_S4_: -ENOENT");
	s5_case(S5('_', 'S', '5', '_'), -ENOENT, 0, 0, "name at the very end: -ENOENT");
}

int main(void)
{
	host_phys_base = calloc(1, ARENA_SIZE);
	if (log_open() || !host_phys_base)
		return 2;

	test_checksum();
	test_full_machine();
	test_rsdt_fallback_and_v1_fadt();
	test_rsdp_sources();
	test_s5();

	if (tap_failed) {
		fflush(log_file);
		printf("# kernel log of the last case:\n# %s\n", log_text ? log_text : "");
	}
	return done_testing();
}
