/* SPDX-License-Identifier: MIT */
/*
 * ACPI: the firmware tables that describe the machine, and the fixed
 * hardware registers they point at (power off, reset).
 *
 * Layouts follow the ACPI Specification 6.5, chapter 5.2 "ACPI System
 * Description Tables". Structure and field names are ACPICA's, so code that
 * reads a table here looks like the same code in Linux. All multi-byte
 * fields are little-endian and the tables are byte-packed; firmware puts
 * them at any alignment, so always go through these packed structs.
 *
 * drivers/acpi/tables.c finds and validates the tables; drivers/acpi/sleep.c
 * uses the FADT for S5 (soft off) and the reset register.
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/types.h>
#include <linux/compiler.h>

typedef u64 acpi_physical_address;

/* Table signatures (5.2.6, Table 5.5 and 5.6). */
#define ACPI_SIG_RSDP "RSD PTR "  /* 8 bytes, note the trailing space */
#define ACPI_SIG_RSDT "RSDT"      /* root table, 32-bit pointers */
#define ACPI_SIG_XSDT "XSDT"      /* root table, 64-bit pointers */
#define ACPI_SIG_FADT "FACP"      /* fixed ACPI description table */
#define ACPI_SIG_DSDT "DSDT"      /* differentiated system description (AML) */
#define ACPI_SIG_SSDT "SSDT"      /* secondary AML tables */
#define ACPI_SIG_FACS "FACS"      /* firmware control structure (no checksum) */
#define ACPI_SIG_MADT "APIC"      /* interrupt controllers */
#define ACPI_SIG_HPET "HPET"
#define ACPI_SIG_MCFG "MCFG"

#define ACPI_NAMESEG_SIZE    4
#define ACPI_OEM_ID_SIZE     6
#define ACPI_OEM_TABLE_ID_SIZE 8

/* 5.2.5.3: Root System Description Pointer. Revision 0 is the first 20
 * bytes only; revision 2 (ACPI 2.0+) adds length, the XSDT and a second
 * checksum over the whole structure. */
struct acpi_table_rsdp {
	char signature[8];            /* "RSD PTR " */
	u8 checksum;                  /* bytes 0-19 sum to zero */
	char oem_id[ACPI_OEM_ID_SIZE];
	u8 revision;                  /* 0 = ACPI 1.0, 2 = ACPI 2.0 and later */
	u32 rsdt_physical_address;
	u32 length;                   /* rev >= 2: whole structure (36) */
	u64 xsdt_physical_address;    /* rev >= 2 */
	u8 extended_checksum;         /* rev >= 2: all 'length' bytes sum to zero */
	u8 reserved[3];
} __packed;

#define ACPI_RSDP_CHECKSUM_LENGTH  20  /* bytes covered by 'checksum' */
#define ACPI_RSDP_XCHECKSUM_LENGTH 36  /* sizeof(struct acpi_table_rsdp) */

/* 5.2.6: the header every table except the FACS starts with. */
struct acpi_table_header {
	char signature[ACPI_NAMESEG_SIZE];
	u32 length;                   /* whole table, header included */
	u8 revision;
	u8 checksum;                  /* all 'length' bytes sum to zero */
	char oem_id[ACPI_OEM_ID_SIZE];
	char oem_table_id[ACPI_OEM_TABLE_ID_SIZE];
	u32 oem_revision;
	char asl_compiler_id[ACPI_NAMESEG_SIZE];
	u32 asl_compiler_revision;
} __packed;

/* 5.2.3.2: Generic Address Structure - where a register lives. */
struct acpi_generic_address {
	u8 space_id;                  /* ACPI_ADR_SPACE_* */
	u8 bit_width;                 /* register width in bits */
	u8 bit_offset;
	u8 access_width;              /* 0 undefined, 1 byte, 2 word, 3 dword, 4 qword */
	u64 address;
} __packed;

#define ACPI_ADR_SPACE_SYSTEM_MEMORY 0
#define ACPI_ADR_SPACE_SYSTEM_IO     1
#define ACPI_ADR_SPACE_PCI_CONFIG    2

/*
 * 5.2.9: Fixed ACPI Description Table. Revision 1 tables end after 'flags'
 * (116 bytes); later revisions add the reset register and 64-bit (X_)
 * addresses. tables.c keeps a zero-extended copy (acpi_get_fadt()), so a
 * field beyond the firmware's table reads as 0, meaning "not provided".
 */
struct acpi_table_fadt {
	struct acpi_table_header header;
	u32 facs;                     /* 32-bit FACS address */
	u32 dsdt;                     /* 32-bit DSDT address */
	u8 model;                     /* ACPI 1.0 only */
	u8 preferred_profile;
	u16 sci_interrupt;            /* ISA IRQ of the SCI */
	u32 smi_command;              /* port for acpi_enable/acpi_disable */
	u8 acpi_enable;               /* write to smi_command to enter ACPI mode */
	u8 acpi_disable;
	u8 s4_bios_request;
	u8 pstate_control;
	u32 pm1a_event_block;         /* I/O port of PM1a_EVT_BLK */
	u32 pm1b_event_block;
	u32 pm1a_control_block;       /* I/O port of PM1a_CNT_BLK (SLP_TYP/SLP_EN) */
	u32 pm1b_control_block;       /* 0 if the platform has no PM1b */
	u32 pm2_control_block;
	u32 pm_timer_block;
	u32 gpe0_block;
	u32 gpe1_block;
	u8 pm1_event_length;
	u8 pm1_control_length;
	u8 pm2_control_length;
	u8 pm_timer_length;
	u8 gpe0_block_length;
	u8 gpe1_block_length;
	u8 gpe1_base;
	u8 cst_control;
	u16 c2_latency;
	u16 c3_latency;
	u16 flush_size;
	u16 flush_stride;
	u8 duty_offset;
	u8 duty_width;
	u8 day_alarm;
	u8 month_alarm;
	u8 century;
	u16 boot_flags;               /* IA-PC boot architecture flags (ACPI_FADT_8042...) */
	u8 reserved;
	u32 flags;                    /* ACPI_FADT_* feature flags */
	/* end of revision 1 (offset 116) */
	struct acpi_generic_address reset_register;
	u8 reset_value;               /* write this to reset_register to reset */
	u16 arm_boot_flags;
	u8 minor_revision;
	u64 Xfacs;
	u64 Xdsdt;                    /* when non-zero, used instead of 'dsdt' */
	struct acpi_generic_address xpm1a_event_block;
	struct acpi_generic_address xpm1b_event_block;
	struct acpi_generic_address xpm1a_control_block;
	struct acpi_generic_address xpm1b_control_block;
	struct acpi_generic_address xpm2_control_block;
	struct acpi_generic_address xpm_timer_block;
	struct acpi_generic_address xgpe0_block;
	struct acpi_generic_address xgpe1_block;
	struct acpi_generic_address sleep_control;   /* HW-reduced platforms */
	struct acpi_generic_address sleep_status;
	u64 hypervisor_id;
} __packed;

/* FADT 'flags' (5.2.9, Table 5.10), the ones we look at. */
#define ACPI_FADT_WBINVD          (1U << 0)
#define ACPI_FADT_RESET_REGISTER  (1U << 10)  /* reset_register is supported */
#define ACPI_FADT_HW_REDUCED      (1U << 20)  /* no PM1 blocks: use sleep_control */

/* FADT 'boot_flags', IA-PC boot architecture (5.2.9.3, Table 5.11). */
#define ACPI_FADT_LEGACY_DEVICES  (1U << 0)   /* LPC/ISA devices present */
#define ACPI_FADT_8042            (1U << 1)   /* 8042 keyboard controller present */
#define ACPI_FADT_NO_VGA          (1U << 2)
#define ACPI_FADT_NO_MSI          (1U << 3)
#define ACPI_FADT_NO_ASPM         (1U << 4)
#define ACPI_FADT_NO_CMOS_RTC     (1U << 5)

/* PM1 control register bits (4.8.3.2.1, Table 4.13). */
#define ACPI_PM1_CNT_SCI_EN       (1U << 0)   /* set: ACPI mode (SCI instead of SMI) */
#define ACPI_PM1_CNT_SLP_TYP_SHIFT 10
#define ACPI_PM1_CNT_SLP_TYP_MASK (7U << 10)  /* 3-bit sleep type, from \_Sx */
#define ACPI_PM1_CNT_SLP_EN       (1U << 13)  /* write 1: enter the state in SLP_TYP */

/* tables.c */
extern bool acpi_disabled;
int acpi_table_init(void);
struct acpi_table_header *acpi_get_table(const char *signature, int instance);
const struct acpi_table_fadt *acpi_get_fadt(void);
acpi_physical_address acpi_os_get_root_pointer(void);
u8 acpi_tb_checksum(const void *buffer, u32 length);
int acpi_tb_validate_rsdp(const struct acpi_table_rsdp *rsdp);

/* sleep.c */
int acpi_aml_find_s5(const u8 *aml, u32 length, u8 *slp_typa, u8 *slp_typb);
int acpi_power_off(void);
int acpi_reboot(void);

#endif /* _LINUX_ACPI_H */
