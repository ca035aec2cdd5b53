// SPDX-License-Identifier: MIT
/*
 * The kernel's page tables.
 *
 * head_64.S booted us on throwaway tables (2 MiB pages, everything
 * writable and executable, an identity map). init_mem_mapping() replaces
 * them with the real ones:
 *
 *  - the direct map at PAGE_OFFSET: all RAM (and at least the first 4 GiB,
 *    for firmware tables and legacy devices) with 2 MiB pages, read/write,
 *    never executable;
 *  - the kernel image at __START_KERNEL_map with 4 KiB pages and W^X:
 *    text read-only and executable, rodata read-only, data and bss
 *    writable but not executable; the page under the boot stack unmapped.
 *
 * The identity map is gone afterwards, so a NULL pointer faults.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/sizes.h>
#include <linux/spinlock.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>

extern char _text[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], __bss_end[], _end[], early_stack_guard[];
extern u32 boot_cpu_has_nx;

pteval_t __supported_pte_mask = ~0UL;
/* Serialises changes to the kernel page tables (vmalloc on any CPU). */
static DEFINE_SPINLOCK(pgd_lock);
static pteval_t init_top_pgt[PTRS_PER_TABLE] __attribute__((aligned(4096), section(".bss..page_aligned")));
bool after_bootmem;

/* A zeroed page for a page table: from memblock during boot, later from
 * the page allocator. */
static pteval_t *alloc_table(void)
{
	if (after_bootmem)
		return (pteval_t *)get_zeroed_page(GFP_KERNEL);
	return memblock_alloc(PAGE_SIZE, PAGE_SIZE);
}

/* The next-level table under *entry, allocated if absent. */
static pteval_t *table_below(pteval_t *entry, bool alloc)
{
	pteval_t *t;

	if (*entry & _PAGE_PRESENT) {
		if (*entry & _PAGE_PSE)
			return NULL;       /* a large page is in the way */
		return __va(*entry & PTE_PFN_MASK);
	}
	if (!alloc)
		return NULL;
	t = alloc_table();
	if (!t)
		return NULL;
	/* Upper levels are permissive; the leaf decides. */
	*entry = __pa(t) | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;
	return t;
}

static pteval_t *walk(unsigned long va, bool alloc, enum pg_level level)
{
	pteval_t *pud, *pmd, *pte;

	pud = table_below(&init_top_pgt[pgd_index(va)], alloc);
	if (!pud)
		return NULL;
	pmd = table_below(&pud[pud_index(va)], alloc);
	if (!pmd)
		return NULL;
	if (level == PG_LEVEL_2M)
		return &pmd[pmd_index(va)];
	pte = table_below(&pmd[pmd_index(va)], alloc);
	if (!pte)
		return NULL;
	return &pte[pte_index(va)];
}

/**
 * map_kernel_page - map the 4 KiB page at @va to @pa with @prot
 *
 * Returns -ENOMEM if a page table could not be allocated, -EBUSY if a
 * large page already covers @va.
 */
int map_kernel_page(unsigned long va, phys_addr_t pa, pteval_t prot)
{
	unsigned long flags;
	pteval_t *pte;
	int ret = 0;

	spin_lock_irqsave(&pgd_lock, flags);
	pte = walk(va, true, PG_LEVEL_4K);
	if (!pte) {
		ret = lookup_address(va, NULL) ? -EBUSY : -ENOMEM;
	} else {
		*pte = (pa & PTE_PFN_MASK) | (prot & __supported_pte_mask);
		__flush_tlb_one(va);
	}
	spin_unlock_irqrestore(&pgd_lock, flags);
	return ret;
}

/**
 * unmap_kernel_page - remove the 4 KiB mapping at @va
 */
int unmap_kernel_page(unsigned long va)
{
	unsigned long flags;
	pteval_t *pte;
	int ret = 0;

	spin_lock_irqsave(&pgd_lock, flags);
	pte = walk(va, false, PG_LEVEL_4K);
	if (!pte || !(*pte & _PAGE_PRESENT)) {
		ret = -EINVAL;
	} else {
		*pte = 0;
		__flush_tlb_one(va);
	}
	spin_unlock_irqrestore(&pgd_lock, flags);
	return ret;
}

/**
 * lookup_address - the page-table entry mapping @va, or NULL if unmapped
 */
pteval_t *lookup_address(unsigned long va, enum pg_level *level)
{
	pteval_t *t = init_top_pgt, e;

	e = t[pgd_index(va)];
	if (!(e & _PAGE_PRESENT))
		return NULL;
	t = __va(e & PTE_PFN_MASK);
	e = t[pud_index(va)];
	if (!(e & _PAGE_PRESENT))
		return NULL;
	if (e & _PAGE_PSE) {
		if (level)
			*level = PG_LEVEL_1G;
		return &t[pud_index(va)];
	}
	t = __va(e & PTE_PFN_MASK);
	e = t[pmd_index(va)];
	if (!(e & _PAGE_PRESENT))
		return NULL;
	if (e & _PAGE_PSE) {
		if (level)
			*level = PG_LEVEL_2M;
		return &t[pmd_index(va)];
	}
	t = __va(e & PTE_PFN_MASK);
	if (!(t[pte_index(va)] & _PAGE_PRESENT))
		return NULL;
	if (level)
		*level = PG_LEVEL_4K;
	return &t[pte_index(va)];
}

static void __init map_direct(phys_addr_t end)
{
	phys_addr_t pa;

	for (pa = 0; pa < end; pa += PMD_SIZE) {
		pteval_t *pmd = walk((unsigned long)__va(pa), true, PG_LEVEL_2M);

		if (!pmd)
			panic("init_mem_mapping: out of memory for page tables");
		*pmd = pa | _PAGE_PSE | (PAGE_KERNEL & __supported_pte_mask);
	}
}

static pteval_t __init kernel_prot(unsigned long va)
{
	if (va < (unsigned long)_etext)
		return PAGE_KERNEL_RX;
	if (va < (unsigned long)__end_rodata)
		return PAGE_KERNEL_RO;
	if (va < (unsigned long)__bss_end)
		return PAGE_KERNEL;
	return PAGE_KERNEL_RO;          /* the kallsyms table */
}

static void __init map_kernel_image(void)
{
	unsigned long va;

	for (va = (unsigned long)_text; va < (unsigned long)_end; va += PAGE_SIZE) {
		if (va == (unsigned long)early_stack_guard)
			continue;          /* boot stack guard page */
		if (map_kernel_page(va, va - __START_KERNEL_map, kernel_prot(va)))
			panic("init_mem_mapping: cannot map the kernel at %lx", va);
	}
}

/**
 * init_mem_mapping - build the final kernel page tables and switch to them
 */
void __init init_mem_mapping(void)
{
	phys_addr_t end = max_t(phys_addr_t, memblock_end_of_DRAM(), 4 * SZ_1G);

	if (!boot_cpu_has_nx)
		__supported_pte_mask &= ~_PAGE_NX;
	end = ALIGN(end, PUD_SIZE);
	map_direct(end);
	map_kernel_image();
	write_cr3(__pa_symbol(init_top_pgt));
	/* Flush global entries too: toggling PGE drops them. */
	__write_cr4(__read_cr4() & ~X86_CR4_PGE);
	__write_cr4(__read_cr4() | X86_CR4_PGE);
	pr_info("Kernel mapped W^X with 4K pages: text %luK, rodata %luK, data+bss %luK; direct map 0-%lluMB%s\n",
		(unsigned long)(_etext - _text) >> 10,
		(unsigned long)(__end_rodata - __start_rodata) >> 10,
		(unsigned long)(__bss_end - _sdata) >> 10,
		(unsigned long long)end >> 20,
		boot_cpu_has_nx ? "" : " (no NX on this CPU)");
}
