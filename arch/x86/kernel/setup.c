// SPDX-License-Identifier: MIT
/*
 * setup_arch() - the x86 part of start_kernel(): command line, memory map,
 * page tables, clocks and firmware tables, in the order each depends on
 * the one before.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/sizes.h>
#include <linux/acpi.h>
#include <asm/setup.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/extable.h>
#include <asm/tsc.h>
#include <asm/mpspec.h>

extern char _text[], _end[];

void e820__print_table(const char *who);
void e820__memblock_setup(void);

static void __init reserve_memory(void)
{
	/* The kernel image, including .bss and the kallsyms table. */
	memblock_reserve(__pa_symbol(_text), _end - _text);
	/* The first megabyte: real-mode IVT, BIOS data, EBDA, VGA, ROMs -
	 * firmware owns it, and the SMP trampoline will live there. */
	memblock_reserve(0, SZ_1M);
}

/**
 * setup_arch - architecture-specific boot-time setup
 * @cmdline_p: set to the command line for start_kernel's later parsing
 */
void __init setup_arch(char **cmdline_p)
{
	static char command_line[COMMAND_LINE_SIZE];

	pr_info("Command line: %s\n", boot_command_line);
	strlcpy(command_line, boot_command_line, sizeof(command_line));
	*cmdline_p = command_line;
	parse_early_param();
	pr_info("Booted via %s\n", boot_params.loader_name ? boot_params.loader_name : "unknown loader");

	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table("BIOS-e820");
	/* Page tables built before the page allocator exists come from
	 * memblock and must be reachable through the boot mapping (4 GiB). */
	memblock_set_current_limit(4 * SZ_1G);
	e820__memblock_setup();
	reserve_memory();
	if (!memblock_phys_mem_size())
		panic("No usable RAM in the boot memory map");

	/* Sort the exception table while the kernel image is still writable. */
	sort_main_extable();
	init_mem_mapping();
	tsc_init();
	acpi_table_init();
	/* The MADT: CPUs (nr_cpu_ids, before the per-CPU areas), I/O APICs. */
	acpi_boot_init();
}
