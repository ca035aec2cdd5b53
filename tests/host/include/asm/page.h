/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for the direct map: "physical" address P lives at
 * host_phys_base + P, where the test has allocated an arena.
 */
#ifndef _HOST_ASM_PAGE_H
#define _HOST_ASM_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1UL << PAGE_SHIFT)
#define PAGE_MASK  (~(PAGE_SIZE - 1))

extern unsigned char *host_phys_base;

#define __pa(x)           ((unsigned long)((unsigned char *)(x) - host_phys_base))
#define __va(x)           ((void *)(host_phys_base + (unsigned long)(x)))
#define virt_to_phys(x)   __pa(x)
#define phys_to_virt(x)   __va(x)
#define PFN_DOWN(x)       ((x) >> PAGE_SHIFT)
#define PFN_UP(x)         (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x)       ((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x)     (((x) + PAGE_SIZE - 1) & PAGE_MASK)

#endif
