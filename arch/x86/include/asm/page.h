/* SPDX-License-Identifier: MIT */
/*
 * The kernel's virtual memory map (as Linux x86-64, 4-level paging):
 *
 *   0xffff888000000000  PAGE_OFFSET: all physical memory, direct-mapped
 *   0xffffc90000000000  VMALLOC_START: kernel stacks with guard pages
 *   0xffffffff80000000  __START_KERNEL_map: the kernel image
 *                       (loaded at physical LOAD_PHYSICAL_ADDR, 16 MiB)
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#ifdef __ASSEMBLY__
#define _AC(x, y) x
#else
#define _AC(x, y) x##y
#endif

#define PAGE_SHIFT 12
#define PAGE_SIZE  (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK  (~(PAGE_SIZE - 1))

#define __START_KERNEL_map  _AC(0xffffffff80000000, UL)
#define LOAD_PHYSICAL_ADDR  _AC(0x1000000, UL)
#define __START_KERNEL      (__START_KERNEL_map + LOAD_PHYSICAL_ADDR)
#define PAGE_OFFSET         _AC(0xffff888000000000, UL)
#define VMALLOC_START       _AC(0xffffc90000000000, UL)
#define VMALLOC_END         _AC(0xffffe8ffffffffff, UL)

#define THREAD_SIZE (4 * PAGE_SIZE)        /* kernel stacks: 16 KiB */
#define EXCEPTION_STKSZ (4 * PAGE_SIZE)    /* each IST stack */

#ifndef __ASSEMBLY__
#include <linux/types.h>

static inline unsigned long __phys_addr(unsigned long x)
{
	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - PAGE_OFFSET;
}

#define __pa(x)             __phys_addr((unsigned long)(x))
#define __va(x)             ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define virt_to_phys(x)     __pa(x)
#define phys_to_virt(x)     __va(x)
#define __pa_symbol(x)      ((unsigned long)(x) - __START_KERNEL_map)
#define PFN_DOWN(x)         ((x) >> PAGE_SHIFT)
#define PFN_UP(x)           (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x)         ((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x)       (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#endif

#endif
