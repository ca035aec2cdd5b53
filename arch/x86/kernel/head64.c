// SPDX-License-Identifier: MIT
/*
 * x86_64_start_kernel() - the first C code, called from head_64.S on the
 * boot stack with the early page tables.
 *
 * It copies what the boot loader handed over - PVH's hvm_start_info
 * (QEMU -kernel) or the Multiboot2 information (GRUB) - into boot_params
 * and boot_command_line, so nothing later depends on where the loader put
 * things or which loader it was, then calls start_kernel().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <asm/page.h>

#define BOOT_PVH 1
#define BOOT_MULTIBOOT2 2

/* PVH: struct hvm_start_info (Xen public/arch-x86/hvm/start_info.h). */
#define HVM_START_MAGIC 0x336ec578
struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;       /* version >= 1 */
	u32 memmap_entries;
	u32 reserved;
} __attribute__((packed));

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
} __attribute__((packed));

/* Multiboot2 information tags (Multiboot2 spec, 3.6). */
#define MB2_TAG_END          0
#define MB2_TAG_CMDLINE      1
#define MB2_TAG_LOADER_NAME  2
#define MB2_TAG_MMAP         6
#define MB2_TAG_FRAMEBUFFER  8
#define MB2_TAG_ACPI_OLD     14
#define MB2_TAG_ACPI_NEW     15
#define MB2_FB_TYPE_EGA_TEXT 2

struct mb2_tag {
	u32 type;
	u32 size;
} __attribute__((packed));

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
} __attribute__((packed));

struct boot_params boot_params;
/* The loaders' RSDP copies live in their own memory: keep one here. */
static u8 rsdp_copy[36] __aligned(16);
static char loader_name[64];

static void __init copy_cmdline(const char *src)
{
	if (src)
		strlcpy(boot_command_line, src, COMMAND_LINE_SIZE);
}

static void __init add_e820(u64 addr, u64 size, u32 type)
{
	struct e820_table *t = &boot_params.e820;

	if (t->nr_entries < E820_MAX_ENTRIES) {
		t->entries[t->nr_entries].addr = addr;
		t->entries[t->nr_entries].size = size;
		t->entries[t->nr_entries].type = type;
		t->nr_entries++;
	}
}

/* Text mode is in use if the BIOS data area says the video mode is 2, 3 or 7. */
static bool __init bios_text_mode(void)
{
	u8 mode = *(u8 *)__va(0x449);

	return mode == 2 || mode == 3 || mode == 7;
}

static void __init parse_pvh(u32 info_phys)
{
	const struct hvm_start_info *si = __va(info_phys);
	u32 i;

	if (si->magic != HVM_START_MAGIC)
		return;
	boot_params.loader_name = "PVH";
	if (si->cmdline_paddr)
		copy_cmdline(__va(si->cmdline_paddr));
	boot_params.rsdp_addr = si->rsdp_paddr;
	if (si->version >= 1 && si->memmap_paddr) {
		const struct hvm_memmap_table_entry *e = __va(si->memmap_paddr);

		for (i = 0; i < si->memmap_entries; i++)
			add_e820(e[i].addr, e[i].size, e[i].type);
	}
	boot_params.vga_text = bios_text_mode();
}

static void __init parse_multiboot2(u32 info_phys)
{
	const u8 *info = __va(info_phys);
	u32 total = *(const u32 *)info, off = 8;
	bool fb_seen = false;

	boot_params.loader_name = "Multiboot2";
	while (off + sizeof(struct mb2_tag) <= total) {
		const struct mb2_tag *tag = (const void *)(info + off);
		const u8 *body = (const u8 *)(tag + 1);

		if (tag->type == MB2_TAG_END || tag->size < sizeof(*tag))
			break;
		switch (tag->type) {
		case MB2_TAG_CMDLINE:
			copy_cmdline((const char *)body);
			break;
		case MB2_TAG_LOADER_NAME:
			strlcpy(loader_name, (const char *)body, sizeof(loader_name));
			break;
		case MB2_TAG_MMAP: {
			u32 esize = *(const u32 *)body, pos;

			for (pos = 8; esize && pos + esize <= tag->size - 8; pos += esize) {
				const struct mb2_mmap_entry *e = (const void *)(body + pos);

				add_e820(e->addr, e->len, e->type);
			}
			break;
		}
		case MB2_TAG_FRAMEBUFFER:
			fb_seen = true;
			/* type byte follows addr(8) pitch(4) width(4) height(4) bpp(1) */
			boot_params.vga_text = body[21] == MB2_FB_TYPE_EGA_TEXT;
			break;
		case MB2_TAG_ACPI_OLD:
		case MB2_TAG_ACPI_NEW:
			if (!boot_params.rsdp_addr || tag->type == MB2_TAG_ACPI_NEW) {
				memcpy(rsdp_copy, body, min_t(u32, sizeof(rsdp_copy), tag->size - 8));
				boot_params.rsdp_addr = __pa_symbol(rsdp_copy);
			}
			break;
		}
		off += ALIGN(tag->size, 8);
	}
	if (!fb_seen)
		boot_params.vga_text = bios_text_mode();
}

void start_kernel(void);

/**
 * x86_64_start_kernel - C entry point from head_64.S
 * @protocol: BOOT_PVH or BOOT_MULTIBOOT2
 * @info_phys: physical address of the loader's boot information
 */
void __init x86_64_start_kernel(u32 protocol, u32 info_phys)
{
	boot_params.protocol = protocol;
	if (protocol == BOOT_PVH)
		parse_pvh(info_phys);
	else
		parse_multiboot2(info_phys);
	if (loader_name[0]) {
		static char both[96];

		snprintf(both, sizeof(both), "Multiboot2 by %s", loader_name);
		boot_params.loader_name = both;
	}
	start_kernel();
}
