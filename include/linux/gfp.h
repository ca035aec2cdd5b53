/* SPDX-License-Identifier: MIT */
/*
 * The page allocator (mm/page_alloc.c): a binary buddy allocator over all
 * RAM, handing out 2^order physically contiguous pages.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

#define __GFP_ZERO    0x100u  /* return zeroed memory */
#define __GFP_NOWARN  0x200u  /* do not print on failure */
#define __GFP_ATOMIC  0x400u  /* caller cannot sleep */
#define GFP_KERNEL    0x0u
#define GFP_ATOMIC    (__GFP_ATOMIC)
#define GFP_NOWAIT    (__GFP_ATOMIC)

#define MAX_ORDER 11          /* orders 0..10: up to 4 MiB contiguous */

struct page;

struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages(page, 0)

/* The same, by direct-map virtual address. Return 0 on failure. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages(addr, 0)

#endif
