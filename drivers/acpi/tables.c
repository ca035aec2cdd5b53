/* SPDX-License-Identifier: MIT */
/*
 * ACPI table discovery: find the Root System Description Pointer (RSDP),
 * follow it to the XSDT (or, on ACPI 1.0 firmware, the RSDT), and remember
 * every table that passes validation so drivers can look them up by
 * signature.
 *
 * ACPI Specification 6.5, chapter 5.2 "ACPI System Description Tables":
 *   5.2.5.1  where to look for the RSDP on legacy BIOS machines (first KiB of
 *            the EBDA, then the BIOS area 0xE0000-0xFFFFF, 16-byte aligned)
 *   5.2.5.3  the RSDP layout and its two checksums
 *   5.2.6    the common table header (every byte of a table sums to zero)
 *   5.2.7/8  RSDT (32-bit entries) and XSDT (64-bit entries)
 *   5.2.9    FADT, which points at the DSDT and FACS instead of the XSDT
 *
 * Firmware tables are often buggy, and a bad pointer followed this early is a
 * silent triple fault. So before we believe a table it must lie inside the
 * direct map, have a plausible length, and its checksum must hold; anything
 * else is reported with its signature and address and skipped.
 *
 * The direct map covers all of RAM and at least the first 4 GiB (where
 * firmware puts ACPI tables on every PC we know of), so __va() is enough;
 * there is no ioremap here.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>

#define ACPI_MAX_TABLES      64          /* tables remembered for lookup */
#define ACPI_MAX_TABLE_LEN   (16U << 20) /* far above any real DSDT */
#define ACPI_FACS_MIN_LEN    64          /* 5.2.10: the FACS is at least 64 bytes */

/* Legacy BIOS places the RSDP can be (5.2.5.1). */
#define BIOS_EBDA_SEGMENT    0x40e       /* BDA word: real-mode segment of the EBDA */
#define EBDA_SCAN_LEN        1024        /* only the EBDA's first KiB is searched */
#define EBDA_LOWEST          0x80000     /* an EBDA below 512 KiB is not plausible */
#define EBDA_HIGHEST         0xa0000     /* the EBDA ends where video memory starts */
#define BIOS_ROM_START       0xe0000
#define BIOS_ROM_END         0x100000
#define RSDP_SCAN_STEP       16          /* the RSDP sits on a paragraph boundary */

static u64 acpi_tables[ACPI_MAX_TABLES];   /* physical addresses, all validated */
static unsigned int acpi_table_count;
static unsigned long acpi_tables_dropped;  /* valid, but no room left to remember */
static struct acpi_table_fadt acpi_fadt;   /* zero-extended copy of the FADT */
static bool acpi_fadt_present;
static u64 acpi_mapped_limit;              /* end of the direct map we may touch */

/**
 * acpi_tb_checksum - sum the bytes of a table
 * @buffer: start of the table (or RSDP)
 * @length: number of bytes
 *
 * Every ACPI structure with a checksum field is built so that all its bytes
 * add up to zero modulo 256.
 *
 * Return: the 8-bit sum; 0 means the checksum is valid.
 */
u8 acpi_tb_checksum(const void *buffer, u32 length)
{
	const u8 *p = buffer;
	u8 sum = 0;

	while (length--)
		sum += *p++;
	return sum;
}

/**
 * acpi_tb_validate_rsdp - check a candidate RSDP
 * @rsdp: the bytes to check (at least 36 readable bytes)
 *
 * Checks the signature, the ACPI 1.0 checksum over the first 20 bytes and,
 * for revision 2 and later, the length and the extended checksum.
 *
 * Return: 0 if valid, -ENOENT if the signature does not match, -EINVAL if a
 * checksum or the length is wrong.
 */
int acpi_tb_validate_rsdp(const struct acpi_table_rsdp *rsdp)
{
	if (memcmp(rsdp->signature, ACPI_SIG_RSDP, sizeof(rsdp->signature)))
		return -ENOENT;
	if (acpi_tb_checksum(rsdp, ACPI_RSDP_CHECKSUM_LENGTH))
		return -EINVAL;
	if (rsdp->revision >= 2) {
		/* The structure is 36 bytes; allow later growth, not garbage. */
		if (rsdp->length < ACPI_RSDP_XCHECKSUM_LENGTH || rsdp->length > 256)
			return -EINVAL;
		if (acpi_tb_checksum(rsdp, rsdp->length))
			return -EINVAL;
	}
	return 0;
}

/* Highest physical address (exclusive) that __va() may be used on. */
static u64 acpi_compute_mapped_limit(void)
{
	u64 limit = 1ULL << 32;
	u32 i, n = min_t(u32, boot_params.e820.nr_entries, E820_MAX_ENTRIES);

	for (i = 0; i < n; i++) {
		const struct e820_entry *e = &boot_params.e820.entries[i];

		if (e->type == E820_TYPE_RAM && e->addr + e->size > limit)
			limit = e->addr + e->size;
	}
	return limit;
}

/* Is [phys, phys + len) non-null and inside the direct map? */
static bool acpi_phys_ok(u64 phys, u64 len)
{
	return phys != 0 && len <= acpi_mapped_limit &&
	       phys <= acpi_mapped_limit - len;
}

/* Copy @n bytes of a firmware string, making it printable and terminated. */
static void acpi_fix_string(char *dst, const char *src, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		char c = src[i];

		dst[i] = (c >= ' ' && c <= '~') ? c : (c ? '?' : ' ');
	}
	/* Trailing blanks are padding; Linux's table list strips them too. */
	while (n && dst[n - 1] == ' ')
		n--;
	dst[n] = '\0';
}

static void __init acpi_tb_print_header(u64 phys, const struct acpi_table_header *h)
{
	char sig[5], oem[7], oem_table[9], asl[5];

	acpi_fix_string(sig, h->signature, 4);
	if (!memcmp(h->signature, ACPI_SIG_FACS, 4)) {
		/* The FACS has only a signature and a length. */
		pr_info("%-4s 0x%016llX %06X\n", sig, (unsigned long long)phys, h->length);
		return;
	}
	acpi_fix_string(oem, h->oem_id, 6);
	acpi_fix_string(oem_table, h->oem_table_id, 8);
	acpi_fix_string(asl, h->asl_compiler_id, 4);
	pr_info("%-4s 0x%016llX %06X (v%02u %-6s %-8s %08X %-4s %08X)\n",
		sig, (unsigned long long)phys, h->length, h->revision, oem,
		oem_table, h->oem_revision, asl, h->asl_compiler_revision);
}

/*
 * Map the table at @phys and check it. @expect, when not NULL, is the
 * signature the pointer we followed promised. Returns the table, or NULL
 * after saying why it was rejected.
 */
static struct acpi_table_header * __init acpi_tb_verify(u64 phys, const char *expect)
{
	struct acpi_table_header *h;
	char sig[5];

	if (!acpi_phys_ok(phys, sizeof(*h))) {
		pr_warn("[%s] pointer 0x%016llX is outside mapped memory, ignored\n",
			expect ? expect : "????", (unsigned long long)phys);
		return NULL;
	}
	h = __va(phys);
	acpi_fix_string(sig, h->signature, 4);
	if (expect && memcmp(h->signature, expect, 4)) {
		pr_warn("[%s] at 0x%016llX has signature [%s], ignored\n",
			expect, (unsigned long long)phys, sig);
		return NULL;
	}
	if (h->length < sizeof(*h) || h->length > ACPI_MAX_TABLE_LEN ||
	    !acpi_phys_ok(phys, h->length)) {
		pr_warn("[%s] at 0x%016llX has implausible length %u, ignored\n",
			sig, (unsigned long long)phys, h->length);
		return NULL;
	}
	if (acpi_tb_checksum(h, h->length)) {
		pr_warn("[%s] at 0x%016llX has a bad checksum (sum 0x%02X), ignored\n",
			sig, (unsigned long long)phys, acpi_tb_checksum(h, h->length));
		return NULL;
	}
	return h;
}

/* Remember a validated table for acpi_get_table(); duplicates are dropped. */
static void __init acpi_tb_install(u64 phys)
{
	unsigned int i;

	for (i = 0; i < acpi_table_count; i++)
		if (acpi_tables[i] == phys)
			return;
	if (acpi_table_count == ACPI_MAX_TABLES) {
		acpi_tables_dropped++;
		return;
	}
	acpi_tables[acpi_table_count++] = phys;
}

/* The FACS has no checksum; settle for its signature and minimum length. */
static void __init acpi_tb_install_facs(u64 phys)
{
	struct acpi_table_header *h;

	if (!acpi_phys_ok(phys, ACPI_FACS_MIN_LEN)) {
		pr_warn("[FACS] pointer 0x%016llX is outside mapped memory, ignored\n",
			(unsigned long long)phys);
		return;
	}
	h = __va(phys);
	if (memcmp(h->signature, ACPI_SIG_FACS, 4) || h->length < ACPI_FACS_MIN_LEN ||
	    !acpi_phys_ok(phys, h->length)) {
		pr_warn("[FACS] at 0x%016llX is not a valid FACS, ignored\n",
			(unsigned long long)phys);
		return;
	}
	acpi_tb_print_header(phys, h);
	acpi_tb_install(phys);
}

/*
 * The FADT is the one table that points elsewhere: the DSDT and FACS are not
 * listed in the XSDT. Keep a zero-extended copy so fields a revision-1 FADT
 * does not have read as 0 ("not provided").
 */
static void __init acpi_tb_parse_fadt(const struct acpi_table_header *h)
{
	struct acpi_table_header *dsdt;
	u64 dsdt_phys, facs_phys;

	if (acpi_fadt_present)
		return;         /* only the first FADT counts (5.2.9) */
	memset(&acpi_fadt, 0, sizeof(acpi_fadt));
	memcpy(&acpi_fadt, h, min_t(u32, h->length, sizeof(acpi_fadt)));
	acpi_fadt_present = true;

	/* 5.2.9: when X_DSDT is set, the 32-bit DSDT field must be ignored. */
	dsdt_phys = acpi_fadt.Xdsdt ? acpi_fadt.Xdsdt : acpi_fadt.dsdt;
	if (dsdt_phys) {
		dsdt = acpi_tb_verify(dsdt_phys, ACPI_SIG_DSDT);
		if (dsdt) {
			acpi_tb_print_header(dsdt_phys, dsdt);
			acpi_tb_install(dsdt_phys);
		}
	}
	facs_phys = acpi_fadt.Xfacs ? acpi_fadt.Xfacs : acpi_fadt.facs;
	if (facs_phys)
		acpi_tb_install_facs(facs_phys);
}

static u64 __init acpi_scan_rsdp(u64 start, u64 length)
{
	u64 off;

	for (off = 0; off + ACPI_RSDP_CHECKSUM_LENGTH <= length; off += RSDP_SCAN_STEP)
		if (!acpi_tb_validate_rsdp(__va(start + off)))
			return start + off;
	return 0;
}

/**
 * acpi_os_get_root_pointer - find the RSDP
 *
 * Uses the address the boot loader handed over (PVH start_info or the
 * Multiboot2 ACPI tag) when there is one and it validates; otherwise scans
 * the legacy BIOS locations.
 *
 * Return: physical address of a valid RSDP, or 0 if there is none.
 */
acpi_physical_address __init acpi_os_get_root_pointer(void)
{
	u64 phys = boot_params.rsdp_addr, ebda;

	if (!acpi_mapped_limit)
		acpi_mapped_limit = acpi_compute_mapped_limit();
	if (phys) {
		if (acpi_phys_ok(phys, sizeof(struct acpi_table_rsdp)) &&
		    !acpi_tb_validate_rsdp(__va(phys)))
			return phys;
		pr_warn("RSDP from the boot loader at 0x%016llX is invalid, scanning\n",
			(unsigned long long)phys);
	}

	ebda = (u64)*(const u16 *)__va(BIOS_EBDA_SEGMENT) << 4;
	if (ebda >= EBDA_LOWEST && ebda + EBDA_SCAN_LEN <= EBDA_HIGHEST) {
		phys = acpi_scan_rsdp(ebda, EBDA_SCAN_LEN);
		if (phys)
			return phys;
	}
	return acpi_scan_rsdp(BIOS_ROM_START, BIOS_ROM_END - BIOS_ROM_START);
}

/* Read entry @i of the RSDT (4-byte entries) or XSDT (8-byte, unaligned). */
static u64 acpi_root_entry(const struct acpi_table_header *root, u32 size, u32 i)
{
	const u8 *p = (const u8 *)root + sizeof(*root) + (u64)i * size;
	u64 v = 0;

	memcpy(&v, p, size);   /* little-endian host: low bytes first */
	return v;
}

bool acpi_disabled;

/* "acpi=off": ignore the firmware tables entirely (as Linux's acpi=off). */
static int __init parse_acpi(char *arg)
{
	if (!arg)
		return -EINVAL;
	if (!strcmp(arg, "off"))
		acpi_disabled = true;
	else if (!strcmp(arg, "on"))
		acpi_disabled = false;
	else
		return -EINVAL;
	return 0;
}
early_param("acpi", parse_acpi);

/**
 * acpi_table_init - find and validate the ACPI tables
 *
 * Locates the RSDP, walks the XSDT (preferred when the RSDP is revision 2 and
 * the XSDT validates) or the RSDT, and prints one line per table in Linux's
 * format. Tables that fail validation are reported and skipped. May be run
 * again (the host tests do); each run starts from scratch. Needs the direct
 * map. "acpi=off" on the command line disables it.
 *
 * Return: 0 on success, -ENODEV when there is no (usable) RSDP or ACPI is
 * disabled, -EINVAL when neither root table validates.
 */
int __init acpi_table_init(void)
{
	const struct acpi_table_rsdp *rsdp;
	struct acpi_table_header *root = NULL, *h;
	char oem[7];
	u64 rsdp_phys, root_phys = 0, phys;
	u32 entry_size = 0, i, n;

	acpi_table_count = 0;
	acpi_tables_dropped = 0;
	acpi_fadt_present = false;
	memset(&acpi_fadt, 0, sizeof(acpi_fadt));
	acpi_mapped_limit = acpi_compute_mapped_limit();

	if (acpi_disabled) {
		pr_info("disabled on the command line (acpi=off)\n");
		return -ENODEV;
	}

	rsdp_phys = acpi_os_get_root_pointer();
	if (!rsdp_phys) {
		pr_warn("no RSDP found, ACPI tables unavailable\n");
		return -ENODEV;
	}
	rsdp = __va(rsdp_phys);
	acpi_fix_string(oem, rsdp->oem_id, 6);
	pr_info("RSDP 0x%016llX %06X (v%02u %-6s)\n", (unsigned long long)rsdp_phys,
		rsdp->revision >= 2 ? rsdp->length : ACPI_RSDP_CHECKSUM_LENGTH,
		rsdp->revision, oem);

	if (rsdp->revision >= 2 && rsdp->xsdt_physical_address) {
		root_phys = rsdp->xsdt_physical_address;
		root = acpi_tb_verify(root_phys, ACPI_SIG_XSDT);
		entry_size = 8;
	}
	if (!root && rsdp->rsdt_physical_address) {
		/* ACPI 1.0, or a broken XSDT: the RSDT lists the same tables. */
		root_phys = rsdp->rsdt_physical_address;
		root = acpi_tb_verify(root_phys, ACPI_SIG_RSDT);
		entry_size = 4;
	}
	if (!root) {
		pr_err("no valid RSDT/XSDT, ACPI tables unavailable\n");
		return -EINVAL;
	}
	acpi_tb_print_header(root_phys, root);

	n = (root->length - sizeof(*root)) / entry_size;
	for (i = 0; i < n; i++) {
		phys = acpi_root_entry(root, entry_size, i);
		if (!phys)
			continue;       /* an unused slot; firmware leaves those */
		h = acpi_tb_verify(phys, NULL);
		if (!h)
			continue;
		acpi_tb_print_header(phys, h);
		acpi_tb_install(phys);
		if (!memcmp(h->signature, ACPI_SIG_FADT, 4))
			acpi_tb_parse_fadt(h);
	}
	if (acpi_tables_dropped)
		pr_warn("%lu valid tables not remembered (limit %u)\n",
			acpi_tables_dropped, ACPI_MAX_TABLES);
	if (!acpi_fadt_present)
		pr_warn("no FADT: power off and reset through ACPI unavailable\n");
	return 0;
}

/**
 * acpi_get_table - look up a validated ACPI table by signature
 * @signature: four-character signature, e.g. "APIC" (ACPI_SIG_MADT)
 * @instance: 0 for the first table with that signature, 1 for the second
 *            (SSDTs come in numbers)
 *
 * The DSDT and FACS (reached through the FADT) are found here too. Note the
 * FACS has only a signature and length in common with the other headers.
 *
 * Return: the table through the direct map, or NULL if there is no such
 * table (or acpi_table_init() has not run or failed).
 */
struct acpi_table_header *acpi_get_table(const char *signature, int instance)
{
	unsigned int i;

	if (!signature || instance < 0)
		return NULL;
	for (i = 0; i < acpi_table_count; i++) {
		struct acpi_table_header *h = __va(acpi_tables[i]);

		if (!strncmp(h->signature, signature, ACPI_NAMESEG_SIZE) &&
		    instance-- == 0)
			return h;
	}
	return NULL;
}

/**
 * acpi_get_fadt - the FADT, zero-extended to the newest layout
 *
 * Return: a copy of the first valid FADT, with every field the firmware's
 * (older, shorter) table does not have reading as 0; NULL if there is none.
 */
const struct acpi_table_fadt *acpi_get_fadt(void)
{
	return acpi_fadt_present ? &acpi_fadt : NULL;
}

/* The layout is fixed by the spec; catch a typo in the struct at build time. */
BUILD_BUG_ON(sizeof(struct acpi_table_rsdp) != 36);
BUILD_BUG_ON(sizeof(struct acpi_table_header) != 36);
BUILD_BUG_ON(sizeof(struct acpi_generic_address) != 12);
BUILD_BUG_ON(offsetof(struct acpi_table_fadt, flags) != 112);
BUILD_BUG_ON(offsetof(struct acpi_table_fadt, reset_register) != 116);
BUILD_BUG_ON(offsetof(struct acpi_table_fadt, Xdsdt) != 140);
BUILD_BUG_ON(offsetof(struct acpi_table_fadt, xpm1a_control_block) != 172);
BUILD_BUG_ON(sizeof(struct acpi_table_fadt) != 276);
