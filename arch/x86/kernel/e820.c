// SPDX-License-Identifier: MIT
/*
 * The firmware memory map ("e820", after the BIOS call that returns it):
 * printed in Linux's format and fed to memblock.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <asm/setup.h>
#include <asm/page.h>

const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:      return "usable";
	case E820_TYPE_RESERVED: return "reserved";
	case E820_TYPE_ACPI:     return "ACPI data";
	case E820_TYPE_NVS:      return "ACPI NVS";
	case E820_TYPE_UNUSABLE: return "unusable";
	default:                 return "type";
	}
}

/**
 * e820__print_table - "BIOS-e820: [mem 0x...-0x...] usable" lines
 */
void __init e820__print_table(const char *who)
{
	const struct e820_table *t = &boot_params.e820;
	u32 i;

	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		printk(KERN_INFO "%s: [mem %#018llx-%#018llx] %s",
		       who, (unsigned long long)e->addr,
		       (unsigned long long)(e->addr + e->size - 1),
		       e820_type_name(e->type));
		if (e->type > E820_TYPE_UNUSABLE)
			pr_cont(" %u", e->type);
		pr_cont("\n");
	}
}

/**
 * e820__memblock_setup - give every usable RAM range to memblock
 *
 * Ranges are trimmed inward to whole pages: a partial page at either end
 * is not RAM we can hand out.
 */
void __init e820__memblock_setup(void)
{
	const struct e820_table *t = &boot_params.e820;
	u32 i;

	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		u64 start = PAGE_ALIGN(e->addr), end = (e->addr + e->size) & PAGE_MASK;

		if (e->type != E820_TYPE_RAM || end <= start)
			continue;
		memblock_add(start, end - start);
	}
}
