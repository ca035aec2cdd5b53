/* SPDX-License-Identifier: MIT */
/*
 * ACPI soft off (S5) and reset, through the fixed hardware registers the FADT
 * describes. There is no AML interpreter: the one value we need from the
 * DSDT, the \_S5_ sleep type, is found by pattern.
 *
 * ACPI Specification 6.5:
 *   4.8.3.2.1 PM1 Control Registers (Table 4.13): SCI_EN bit 0,
 *             SLP_TYPx bits 10-12, SLP_EN bit 13
 *   4.8.3.6   Reset Register; 5.2.9 FADT (RESET_REG, RESET_VALUE, flags)
 *   7.4.2     \_Sx System States: \_S5 is a package whose first two
 *             integers are the SLP_TYPa and SLP_TYPb values
 *   16        Waking and Sleeping: SLP_TYP first, then SLP_EN
 *   20.2      AML grammar: NameOp 0x08, PackageOp 0x12, PkgLength,
 *             ZeroOp 0x00, OneOp 0x01, BytePrefix 0x0A, WordPrefix 0x0B,
 *             DWordPrefix 0x0C
 *
 * The AML for "Name (_S5, Package () { 5, 5, 0, 0 })" is
 *   08 '_' 'S' '5' '_' 12 <PkgLength> <NumElements> 0A 05 0A 05 00 00
 * (possibly with a root prefix '\' before the name). ASL compilers encode
 * small constants as ZeroOp/OneOp or BytePrefix+byte; some old tables put a
 * bare byte there, which we accept too.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <linux/acpi.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/page.h>

/* AML opcodes we need (ACPI 6.5, 20.3 AML byte stream byte values). */
enum {
	AML_ZERO_OP     = 0x00,   /* the constant 0 */
	AML_ONE_OP      = 0x01,   /* the constant 1 */
	AML_BYTE_PREFIX = 0x0a,   /* followed by one byte */
	AML_WORD_PREFIX = 0x0b,   /* followed by two bytes, little-endian */
	AML_DWORD_PREFIX = 0x0c,  /* followed by four bytes */
	AML_PACKAGE_OP  = 0x12,   /* PkgLength NumElements PackageElementList */
	AML_ONES_OP     = 0xff,   /* all ones: never a valid sleep type */
};

#define SLP_TYP_MAX         7        /* SLP_TYPx is a 3-bit field */
#define ACPI_ENABLE_WAIT_MS 1000     /* firmware gets 1 s to hand over to ACPI mode */
#define ACPI_OFF_WAIT_MS    1000     /* power should be gone long before this */
#define ACPI_RESET_WAIT_MS  500

/*
 * Decode one integer element of the package at @p. Returns the number of
 * bytes it took, or -EINVAL if it is not a small integer we understand.
 */
static int aml_decode_integer(const u8 *p, u32 len, u32 *val)
{
	if (!len)
		return -EINVAL;
	switch (p[0]) {
	case AML_ZERO_OP:
		*val = 0;
		return 1;
	case AML_ONE_OP:
		*val = 1;
		return 1;
	case AML_BYTE_PREFIX:
		if (len < 2)
			return -EINVAL;
		*val = p[1];
		return 2;
	case AML_WORD_PREFIX:
		if (len < 3)
			return -EINVAL;
		*val = p[1] | (u32)p[2] << 8;
		return 3;
	case AML_DWORD_PREFIX:
		if (len < 5)
			return -EINVAL;
		*val = p[1] | (u32)p[2] << 8 | (u32)p[3] << 16 | (u32)p[4] << 24;
		return 5;
	case AML_ONES_OP:
		return -EINVAL;
	default:
		*val = p[0];    /* a bare byte, as some old firmware has */
		return 1;
	}
}

/*
 * Decode the package that follows "_S5_" PackageOp. @p points just after the
 * PackageOp. Returns 0 and the two sleep types, or -EINVAL.
 */
static int aml_decode_s5_package(const u8 *p, u32 len, u8 *slp_typa, u8 *slp_typb)
{
	u32 pkg_len, follow, i, a, b;
	int n;

	if (!len)
		return -EINVAL;
	/*
	 * PkgLength: bits 7-6 of the lead byte give the number of bytes that
	 * follow (0-3). With none, bits 5-0 are the length; otherwise bits 3-0
	 * are its low nibble and each following byte adds 8 more bits. The
	 * length counts from the lead byte to the end of the package.
	 */
	follow = p[0] >> 6;
	if (len < 1 + follow)
		return -EINVAL;
	if (!follow) {
		pkg_len = p[0] & 0x3f;
	} else {
		pkg_len = p[0] & 0x0f;
		for (i = 1; i <= follow; i++)
			pkg_len |= (u32)p[i] << (4 + 8 * (i - 1));
	}
	if (pkg_len < 1 + follow + 1)
		return -EINVAL;
	len = min(len, pkg_len);        /* never decode past the package */
	p += 1 + follow;
	len -= 1 + follow;

	if (!len || p[0] < 2)           /* NumElements: need SLP_TYPa and SLP_TYPb */
		return -EINVAL;
	p++;
	len--;

	n = aml_decode_integer(p, len, &a);
	if (n < 0)
		return n;
	p += n;
	len -= n;
	n = aml_decode_integer(p, len, &b);
	if (n < 0)
		return n;
	if (a > SLP_TYP_MAX || b > SLP_TYP_MAX)
		return -EINVAL;
	*slp_typa = a;
	*slp_typb = b;
	return 0;
}

/**
 * acpi_aml_find_s5 - find the \_S5_ sleep type values in an AML byte stream
 * @aml: AML bytes (a DSDT or SSDT body, or a whole table)
 * @length: number of bytes at @aml
 * @slp_typa: SLP_TYPa for S5, on success
 * @slp_typb: SLP_TYPb for S5, on success
 *
 * Scans for the NameSeg "_S5_" followed by a PackageOp and decodes the
 * package's first two elements. A match that does not decode is skipped in
 * favour of a later one. Pure function: reads only @aml[0..@length).
 *
 * Return: 0 on success; -ENOENT if there is no \_S5_ package; -EINVAL if
 * there is one but it is malformed or holds values that do not fit SLP_TYPx.
 */
int acpi_aml_find_s5(const u8 *aml, u32 length, u8 *slp_typa, u8 *slp_typb)
{
	int ret = -ENOENT;
	u32 i;

	for (i = 0; i + 5 <= length; i++) {
		if (memcmp(aml + i, "_S5_", 4) || aml[i + 4] != AML_PACKAGE_OP)
			continue;
		if (!aml_decode_s5_package(aml + i + 5, length - i - 5,
					   slp_typa, slp_typb))
			return 0;
		ret = -EINVAL;
	}
	return ret;
}

/* Search the DSDT, then each SSDT, for \_S5_. */
static int acpi_get_s5_type(u8 *slp_typa, u8 *slp_typb)
{
	struct acpi_table_header *t;
	int i, ret, err = -ENOENT;

	for (i = -1; ; i++) {
		t = i < 0 ? acpi_get_table(ACPI_SIG_DSDT, 0)
			  : acpi_get_table(ACPI_SIG_SSDT, i);
		if (!t) {
			if (i < 0)
				continue;       /* no DSDT: still try SSDTs */
			return err;
		}
		ret = acpi_aml_find_s5((const u8 *)(t + 1), t->length - sizeof(*t),
				       slp_typa, slp_typb);
		if (!ret)
			return 0;
		if (ret == -EINVAL)
			err = -EINVAL;
	}
}

/*
 * A PM1 control register: the X_ (generic address) form when the FADT gives
 * one, else the 32-bit I/O port. Returns false if the block is absent or in
 * an address space we do not drive.
 */
struct pm1_reg {
	u8 space;
	u64 addr;
};

static bool acpi_pm1_reg(const struct acpi_generic_address *x, u32 port,
			 struct pm1_reg *r)
{
	if (x->address && (x->space_id == ACPI_ADR_SPACE_SYSTEM_IO ||
			   x->space_id == ACPI_ADR_SPACE_SYSTEM_MEMORY)) {
		r->space = x->space_id;
		r->addr = x->address;
		return true;
	}
	if (port) {
		r->space = ACPI_ADR_SPACE_SYSTEM_IO;
		r->addr = port;
		return true;
	}
	return false;
}

/* PM1 control registers are 16 bits wide and accessed as such (4.8.3.2.1). */
static u16 pm1_read(const struct pm1_reg *r)
{
	if (r->space == ACPI_ADR_SPACE_SYSTEM_IO)
		return inw(r->addr);
	return *(volatile u16 *)__va(r->addr);
}

static void pm1_write(const struct pm1_reg *r, u16 v)
{
	if (r->space == ACPI_ADR_SPACE_SYSTEM_IO)
		outw(v, r->addr);
	else
		*(volatile u16 *)__va(r->addr) = v;
}

/*
 * Firmware starts in legacy mode, with power management events going to SMM.
 * Writing ACPI_ENABLE to SMI_CMD asks it to hand the fixed hardware to us
 * (4.8 "Legacy/ACPI Select and the SCI Interrupt"); some chipsets ignore
 * SLP_EN until then.
 */
static void acpi_enable_mode(const struct acpi_table_fadt *fadt, const struct pm1_reg *pm1a)
{
	int ms;

	if ((pm1_read(pm1a) & ACPI_PM1_CNT_SCI_EN) || !fadt->smi_command ||
	    !fadt->acpi_enable)
		return;
	outb(fadt->acpi_enable, fadt->smi_command);
	for (ms = 0; ms < ACPI_ENABLE_WAIT_MS; ms++) {
		if (pm1_read(pm1a) & ACPI_PM1_CNT_SCI_EN)
			return;
		mdelay(1);
	}
	pr_warn("firmware did not enter ACPI mode, trying S5 anyway\n");
}

/**
 * acpi_power_off - enter ACPI S5 (soft off)
 *
 * Reads SLP_TYPa/b from \_S5_, then writes SLP_TYP and, in a second write,
 * SLP_TYP | SLP_EN to PM1a_CNT (and PM1b_CNT when the platform has one), as
 * chapter 16 describes. Interrupts are disabled first: nothing should run while
 * the power goes.
 *
 * Return: only on failure: -ENODEV without a usable FADT or PM1a block,
 * -ENOENT/-EINVAL if \_S5_ is missing or malformed, -EIO if the machine is
 * still running a second after SLP_EN.
 */
int acpi_power_off(void)
{
	const struct acpi_table_fadt *fadt = acpi_get_fadt();
	struct pm1_reg pm1a, pm1b;
	bool has_b;
	u8 typa, typb;
	u16 va, vb = 0;
	int ret;

	if (!fadt)
		return -ENODEV;
	if (fadt->flags & ACPI_FADT_HW_REDUCED) {
		pr_warn("S5: hardware-reduced ACPI (sleep_control) not supported\n");
		return -ENODEV;
	}
	if (!acpi_pm1_reg(&fadt->xpm1a_control_block, fadt->pm1a_control_block, &pm1a))
		return -ENODEV;
	has_b = acpi_pm1_reg(&fadt->xpm1b_control_block, fadt->pm1b_control_block, &pm1b);

	ret = acpi_get_s5_type(&typa, &typb);
	if (ret) {
		pr_warn("S5: no usable \\_S5_ package (%d)\n", ret);
		return ret;
	}

	local_irq_disable();
	acpi_enable_mode(fadt, &pm1a);

	/* Keep the other bits (SCI_EN...); replace SLP_TYP, SLP_EN clear. */
	va = pm1_read(&pm1a) & ~(ACPI_PM1_CNT_SLP_TYP_MASK | ACPI_PM1_CNT_SLP_EN);
	va |= (u16)typa << ACPI_PM1_CNT_SLP_TYP_SHIFT;
	pm1_write(&pm1a, va);
	if (has_b) {
		vb = pm1_read(&pm1b) & ~(ACPI_PM1_CNT_SLP_TYP_MASK | ACPI_PM1_CNT_SLP_EN);
		vb |= (u16)typb << ACPI_PM1_CNT_SLP_TYP_SHIFT;
		pm1_write(&pm1b, vb);
	}
	pm1_write(&pm1a, va | ACPI_PM1_CNT_SLP_EN);
	if (has_b)
		pm1_write(&pm1b, vb | ACPI_PM1_CNT_SLP_EN);

	mdelay(ACPI_OFF_WAIT_MS);
	pr_err("S5: still running after SLP_EN (SLP_TYPa=%u SLP_TYPb=%u)\n", typa, typb);
	return -EIO;
}

/**
 * acpi_reboot - reset the machine through the FADT reset register
 *
 * Used only when the FADT sets RESET_REG_SUP. System I/O and system memory
 * reset registers are supported (the PC's is normally I/O port 0xCF9).
 *
 * Return: only on failure: -ENODEV if there is no usable reset register,
 * -EIO if the machine is still running after the write.
 */
int acpi_reboot(void)
{
	const struct acpi_table_fadt *fadt = acpi_get_fadt();
	const struct acpi_generic_address *rr;

	if (!fadt || !(fadt->flags & ACPI_FADT_RESET_REGISTER))
		return -ENODEV;
	rr = &fadt->reset_register;
	if (!rr->address)
		return -ENODEV;         /* flag set, but a revision-1 FADT has no register */

	switch (rr->space_id) {
	case ACPI_ADR_SPACE_SYSTEM_IO:
		outb(fadt->reset_value, rr->address);
		break;
	case ACPI_ADR_SPACE_SYSTEM_MEMORY:
		*(volatile u8 *)__va(rr->address) = fadt->reset_value;
		break;
	default:
		pr_warn("reset register in address space %u not supported\n",
			rr->space_id);
		return -ENODEV;
	}
	mdelay(ACPI_RESET_WAIT_MS);
	return -EIO;
}
