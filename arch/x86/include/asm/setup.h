/* SPDX-License-Identifier: MIT */
/*
 * What the boot loader told us, gathered in one place by head64.c from
 * either the PVH start_info (QEMU -kernel) or the Multiboot2 information
 * (GRUB), so nothing after early boot cares which loader ran.
 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/types.h>
#include <linux/init.h>

#define E820_MAX_ENTRIES 128

enum e820_type {
	E820_TYPE_RAM       = 1,
	E820_TYPE_RESERVED  = 2,
	E820_TYPE_ACPI      = 3,
	E820_TYPE_NVS       = 4,
	E820_TYPE_UNUSABLE  = 5,
};

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
} __attribute__((packed));

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

enum boot_protocol { BOOT_PVH = 1, BOOT_MULTIBOOT2 = 2 };

struct boot_params {
	enum boot_protocol protocol;
	const char *loader_name;     /* "PVH" or the Multiboot2 loader name */
	u64 rsdp_addr;               /* physical address of the ACPI RSDP, 0 if unknown */
	bool vga_text;               /* an 80x25 text screen at 0xb8000 is in use */
	struct e820_table e820;
};

extern struct boot_params boot_params;

void setup_arch(char **cmdline_p);
const char *e820_type_name(u32 type);

#endif
