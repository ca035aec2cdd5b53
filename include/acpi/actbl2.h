/* SPDX-License-Identifier: MIT */
/*
 * The MADT, "Multiple APIC Description Table" (signature "APIC"): which
 * interrupt controllers the machine has. ACPI Specification 6.5, section
 * 5.2.12, tables 5.43 to 5.56.
 *
 * After the common header come two fixed fields (the Local APIC address
 * every CPU sees its LAPIC at, and flags) and then a run of variable-length
 * "interrupt controller structures", each starting with a type byte and a
 * length byte. Only the structures an x86 PC uses are described here.
 * Field and structure names are ACPICA's (Linux's include/acpi/actbl2.h),
 * so code reading them looks like Linux's. Everything is byte-packed and
 * little-endian; firmware aligns nothing.
 */
#ifndef _ACPI_ACTBL2_H
#define _ACPI_ACTBL2_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/acpi.h>

/* 5.2.12, table 5.43: the MADT's fixed part. */
struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address;                  /* physical address of every CPU's LAPIC */
	u32 flags;                    /* ACPI_MADT_PCAT_COMPAT */
} __packed;

#define ACPI_MADT_PCAT_COMPAT   (1U << 0)   /* a dual 8259 is present too */

/* Table 5.44: the header of every interrupt controller structure. */
struct acpi_subtable_header {
	u8 type;                      /* ACPI_MADT_TYPE_* */
	u8 length;                    /* of the whole structure, header included */
} __packed;

enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC        = 0,   /* a CPU and its LAPIC ID */
	ACPI_MADT_TYPE_IO_APIC           = 1,   /* an I/O APIC and its GSI base */
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,  /* ISA IRQ -> GSI, polarity, trigger */
	ACPI_MADT_TYPE_NMI_SOURCE        = 3,   /* a GSI that is an NMI */
	ACPI_MADT_TYPE_LOCAL_APIC_NMI    = 4,   /* which LINT pin is the NMI */
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE = 5, /* 64-bit LAPIC address */
	ACPI_MADT_TYPE_LOCAL_X2APIC      = 9,   /* a CPU with a 32-bit x2APIC ID */
	ACPI_MADT_TYPE_LOCAL_X2APIC_NMI  = 10,  /* LINT NMI by ACPI UID */
};

/* Table 5.46: Processor Local APIC. */
struct acpi_madt_local_apic {
	struct acpi_subtable_header header;   /* type 0, length 8 */
	u8 processor_id;              /* ACPI processor UID */
	u8 id;                        /* the CPU's local APIC ID */
	u32 lapic_flags;              /* ACPI_MADT_ENABLED, ACPI_MADT_ONLINE_CAPABLE */
} __packed;

/* Table 5.47: Local APIC flags (also used by the x2APIC structure). */
#define ACPI_MADT_ENABLED        (1U << 0)  /* usable now */
#define ACPI_MADT_ONLINE_CAPABLE (1U << 1)  /* not enabled, but can be hot-added */

/* Table 5.48: I/O APIC. */
struct acpi_madt_io_apic {
	struct acpi_subtable_header header;   /* type 1, length 12 */
	u8 id;                        /* the I/O APIC's ID */
	u8 reserved;
	u32 address;                  /* physical address of its register window */
	u32 global_irq_base;          /* GSI of its pin 0 */
} __packed;

/* Table 5.50: Interrupt Source Override. */
struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;   /* type 2, length 10 */
	u8 bus;                       /* 0: ISA, the only bus defined */
	u8 source_irq;                /* ISA IRQ */
	u32 global_irq;               /* the GSI it is wired to */
	u16 inti_flags;               /* ACPI_MADT_POLARITY_*, ACPI_MADT_TRIGGER_* */
} __packed;

/* Table 5.51: MPS INTI flags, in the ISO, NMI source and LAPIC NMI. */
#define ACPI_MADT_POLARITY_MASK          (3)
#define ACPI_MADT_POLARITY_CONFORMS      (0)  /* as the bus says: ISA high */
#define ACPI_MADT_POLARITY_ACTIVE_HIGH   (1)
#define ACPI_MADT_POLARITY_RESERVED      (2)
#define ACPI_MADT_POLARITY_ACTIVE_LOW    (3)
#define ACPI_MADT_TRIGGER_MASK           (3 << 2)
#define ACPI_MADT_TRIGGER_CONFORMS       (0)  /* as the bus says: ISA edge */
#define ACPI_MADT_TRIGGER_EDGE           (1 << 2)
#define ACPI_MADT_TRIGGER_RESERVED       (2 << 2)
#define ACPI_MADT_TRIGGER_LEVEL          (3 << 2)

/* Table 5.52: NMI Source (a GSI that carries an NMI). */
struct acpi_madt_nmi_source {
	struct acpi_subtable_header header;   /* type 3, length 8 */
	u16 inti_flags;
	u32 global_irq;
} __packed;

/* Table 5.53: Local APIC NMI. */
struct acpi_madt_local_apic_nmi {
	struct acpi_subtable_header header;   /* type 4, length 6 */
	u8 processor_id;              /* ACPI processor UID; 0xff = all CPUs */
	u16 inti_flags;
	u8 lint;                      /* LINT0 or LINT1 */
} __packed;

/* Table 5.54: Local APIC Address Override. */
struct acpi_madt_local_apic_override {
	struct acpi_subtable_header header;   /* type 5, length 12 */
	u16 reserved;
	u64 address;                  /* replaces acpi_table_madt.address */
} __packed;

/* Table 5.55: Processor Local x2APIC. */
struct acpi_madt_local_x2apic {
	struct acpi_subtable_header header;   /* type 9, length 16 */
	u16 reserved;
	u32 local_apic_id;            /* 32-bit x2APIC ID */
	u32 lapic_flags;              /* as the Local APIC structure */
	u32 uid;                      /* ACPI processor UID */
} __packed;

/* Table 5.56: Local x2APIC NMI. */
struct acpi_madt_local_x2apic_nmi {
	struct acpi_subtable_header header;   /* type 10, length 12 */
	u16 inti_flags;
	u32 uid;                      /* 0xffffffff = all CPUs */
	u8 lint;
	u8 reserved[3];
} __packed;

#endif /* _ACPI_ACTBL2_H */
