/* SPDX-License-Identifier: MIT */
/*
 * struct resource - a range of I/O port or physical memory addresses that
 * a device decodes, e.g. one PCI base address register (BAR). Unlike
 * Linux there is no resource tree yet: a resource only describes.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

typedef phys_addr_t resource_size_t;

/**
 * struct resource - one address range
 * @start: first address
 * @end:   last address (inclusive); a resource of size 0 has flags 0
 * @flags: IORESOURCE_* below
 */
struct resource {
	resource_size_t start;
	resource_size_t end;
	unsigned long flags;
};

#define IORESOURCE_IO        0x00000100  /* I/O port space (in/out) */
#define IORESOURCE_MEM       0x00000200  /* memory space (ioremap) */
#define IORESOURCE_PREFETCH  0x00002000  /* reads have no side effects */
#define IORESOURCE_MEM_64    0x00100000  /* a 64-bit BAR (takes two BAR slots) */
#define IORESOURCE_UNSET     0x20000000  /* size known, no address assigned */

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->flags ? res->end - res->start + 1 : 0;
}

#endif
