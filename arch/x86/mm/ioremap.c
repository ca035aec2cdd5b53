// SPDX-License-Identifier: MIT
/*
 * ioremap() - map device registers (memory-mapped I/O) into the kernel.
 *
 * A PCI device's memory BAR, the local APIC or the I/O APIC sit at
 * physical addresses that are not RAM. To touch them the kernel needs a
 * virtual mapping whose memory type is uncached (UC): every read must
 * reach the device (a status register changes under us) and every write
 * must leave the CPU at once and in order (a doorbell write starts the
 * device). Intel SDM Vol. 3A, 11.3 ("Methods of Caching Available") and
 * 11.12 (PAT) describe the types; with the PAT at its power-on value,
 * PCD=1 PWT=1 in a PTE selects UC (PAT entry 3).
 *
 * The virtual range comes from the vmalloc area (get_vm_area()), so each
 * mapping has an unmapped guard page below it: a driver that runs off the
 * start of its register window faults instead of poking its neighbour.
 *
 * The direct map also covers the first 4 GiB, PCI holes included, with
 * write-back 2 MiB pages; that alias is harmless because the firmware's
 * MTRRs make the PCI hole UC, and MTRR UC wins over PAT WB (SDM 11.5.2.2).
 * Drivers must still use ioremap(): the direct map is not a promise.
 * RAM is refused, as Linux does: an uncached alias of cached RAM is
 * exactly the attribute conflict SDM 11.12.4 warns about.
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

/* The highest physical address a PTE can express (52 bits). */
#define MAX_PHYS_ADDR  (PTE_PFN_MASK | ~PAGE_MASK)

/* Is any page of [base, base + len) registered RAM? */
static bool range_is_ram(phys_addr_t base, unsigned long len)
{
	phys_addr_t pa;

	for (pa = base; pa < base + len; pa += PAGE_SIZE)
		if (memblock_is_memory(pa))
			return true;
	return false;
}

/**
 * ioremap - map @size bytes of device memory at @phys_addr, uncached
 * @phys_addr: physical address of the first register (need not be page
 *             aligned; the mapping is, and the offset is kept)
 * @size:      bytes to map
 *
 * Returns a kernel virtual address for @phys_addr, to be used with
 * readl()/writel() and friends, or NULL if @size is 0, the range wraps or
 * lies beyond what a page table can address, covers RAM (refused with a
 * warning), or virtual space or page-table memory ran out. Undo with
 * iounmap().
 */
void *ioremap(phys_addr_t phys_addr, size_t size)
{
	phys_addr_t last, base, pa;
	unsigned long offset, len, va;
	struct vm_struct *area;

	if (!size)
		return NULL;
	last = phys_addr + size - 1;
	if (last < phys_addr || last > MAX_PHYS_ADDR) {
		pr_err("ioremap: bad range %#llx size %#lx\n",
		       (unsigned long long)phys_addr, (unsigned long)size);
		return NULL;
	}
	offset = phys_addr & ~PAGE_MASK;
	base = phys_addr - offset;
	len = PAGE_ALIGN(last + 1 - base);
	if (range_is_ram(base, len)) {
		pr_warn("ioremap on RAM at %#llx - %#llx refused\n",
			(unsigned long long)phys_addr, (unsigned long long)last);
		return NULL;
	}

	area = get_vm_area(len, "ioremap");
	if (!area)
		return NULL;
	area->phys_addr = base;
	for (va = area->addr, pa = base; va < area->addr + len; va += PAGE_SIZE, pa += PAGE_SIZE) {
		if (map_kernel_page(va, pa, PAGE_KERNEL_NOCACHE)) {
			pr_err("ioremap: no memory for page tables mapping %#llx\n",
			       (unsigned long long)pa);
			free_vm_area(area);      /* unmaps what was mapped so far */
			return NULL;
		}
	}
	return (void *)(area->addr + offset);
}

/**
 * iounmap - remove a mapping made by ioremap()
 * @addr: what ioremap() returned (any address in its first page will do)
 *
 * NULL is ignored. An address that ioremap() did not hand out is a kernel
 * bug: WARN and change nothing.
 */
void iounmap(volatile void *addr)
{
	unsigned long a = (unsigned long)addr;
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area((const void *)a);
	if (WARN(!area || !(area->flags & VM_IOREMAP) || (a & PAGE_MASK) != area->addr,
		 "iounmap: bad address %p\n", (void *)a))
		return;
	free_vm_area(area);
}
