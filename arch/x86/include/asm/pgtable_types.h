/* SPDX-License-Identifier: MIT */
/*
 * 4-level page tables (Intel SDM Vol. 3A, 4.5): PGD (PML4) -> PUD (PDPT) ->
 * PMD (page directory) -> PTE (page table), 512 entries each, 9 bits of
 * the virtual address per level.
 */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#include <linux/types.h>

#define _PAGE_PRESENT  (1UL << 0)
#define _PAGE_RW       (1UL << 1)
#define _PAGE_USER     (1UL << 2)
#define _PAGE_PWT      (1UL << 3)
#define _PAGE_PCD      (1UL << 4)   /* cache disable: device memory */
#define _PAGE_ACCESSED (1UL << 5)
#define _PAGE_DIRTY    (1UL << 6)
#define _PAGE_PSE      (1UL << 7)   /* in a PMD/PUD: 2 MiB / 1 GiB page */
#define _PAGE_GLOBAL   (1UL << 8)   /* survives CR3 reloads */
#define _PAGE_NX       (1UL << 63)

#define PTE_PFN_MASK   0x000ffffffffff000UL

#define PGDIR_SHIFT 39
#define PUD_SHIFT   30
#define PMD_SHIFT   21
#define PTRS_PER_TABLE 512
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PUD_SIZE (1UL << PUD_SHIFT)

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & 511)
#define pud_index(va) (((va) >> PUD_SHIFT) & 511)
#define pmd_index(va) (((va) >> PMD_SHIFT) & 511)
#define pte_index(va) (((va) >> 12) & 511)

typedef u64 pteval_t;

/* Protections the kernel uses; all kernel mappings are global. */
#define __PAGE_KERNEL_BASE  (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL         (__PAGE_KERNEL_BASE | _PAGE_RW | _PAGE_DIRTY | _PAGE_NX)
#define PAGE_KERNEL_RO      (__PAGE_KERNEL_BASE | _PAGE_NX)
#define PAGE_KERNEL_RX      (__PAGE_KERNEL_BASE)
#define PAGE_KERNEL_NOCACHE (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

enum pg_level { PG_LEVEL_NONE, PG_LEVEL_4K, PG_LEVEL_2M, PG_LEVEL_1G };

/* arch/x86/mm/init_64.c */
extern pteval_t __supported_pte_mask;   /* drops _PAGE_NX on CPUs without NX */
void init_mem_mapping(void);
/* Map one 4 KiB page of the kernel's address space; -ENOMEM / -EBUSY. */
int map_kernel_page(unsigned long va, phys_addr_t pa, pteval_t prot);
int unmap_kernel_page(unsigned long va);
/* The entry mapping va, or NULL; *level says its size. */
pteval_t *lookup_address(unsigned long va, enum pg_level *level);

#endif
