// SPDX-License-Identifier: MIT
/*
 * vmalloc: virtually contiguous memory from single pages, each area with
 * an unmapped guard page below it (see include/linux/vmalloc.h). Kernel
 * stacks come from here, which is what turns a stack overflow into a
 * page fault at a known address instead of silent corruption.
 *
 * Virtual space is handed out by a bump pointer; vfree() unmaps and frees
 * the pages but does not reuse the addresses (the range is 32 TiB).
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

static DEFINE_SPINLOCK(vmap_lock);
static unsigned long vmap_next = VMALLOC_START;
static struct vm_struct *vmlist;
struct vmalloc_stats vmalloc_stats;

static void unmap_and_free(unsigned long addr, unsigned long size)
{
	unsigned long va;

	for (va = addr; va < addr + size; va += PAGE_SIZE) {
		pteval_t *pte = lookup_address(va, NULL), val;

		if (!pte)
			continue;
		val = *pte;
		unmap_kernel_page(va);
		__free_page(pfn_to_page((val & PTE_PFN_MASK) >> PAGE_SHIFT));
		vmalloc_stats.pages--;
	}
}

/**
 * vmalloc_named - allocate @size bytes of guarded virtual memory
 * @what: shown by the shell's meminfo/vmallocinfo listing
 */
void *vmalloc_named(unsigned long size, const char *what)
{
	struct vm_struct *area;
	unsigned long flags, addr, va;

	size = PAGE_ALIGN(size);
	if (!size || size > VMALLOC_END - VMALLOC_START) {
		vmalloc_stats.failed++;
		return NULL;
	}
	area = kmalloc(sizeof(*area), GFP_KERNEL);
	if (!area) {
		vmalloc_stats.failed++;
		return NULL;
	}
	spin_lock_irqsave(&vmap_lock, flags);
	addr = vmap_next + PAGE_SIZE;           /* leave the guard page unmapped */
	vmap_next = addr + size;
	spin_unlock_irqrestore(&vmap_lock, flags);

	for (va = addr; va < addr + size; va += PAGE_SIZE) {
		struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

		if (!page || map_kernel_page(va, page_to_phys(page), PAGE_KERNEL)) {
			if (page)
				__free_page(page);
			unmap_and_free(addr, va - addr);
			kfree(area);
			vmalloc_stats.failed++;
			return NULL;
		}
		vmalloc_stats.pages++;
	}
	area->addr = addr;
	area->size = size;
	area->what = what;
	spin_lock_irqsave(&vmap_lock, flags);
	area->next = vmlist;
	vmlist = area;
	vmalloc_stats.areas++;
	spin_unlock_irqrestore(&vmap_lock, flags);
	return (void *)addr;
}

/**
 * vmalloc - allocate @size bytes of guarded virtual memory, or NULL
 */
void *vmalloc(unsigned long size)
{
	return vmalloc_named(size, "vmalloc");
}

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/**
 * find_vm_area - the area containing @addr (guard page excluded), or NULL
 */
struct vm_struct *find_vm_area(const void *addr)
{
	unsigned long a = (unsigned long)addr, flags;
	struct vm_struct *v;

	spin_lock_irqsave(&vmap_lock, flags);
	for (v = vmlist; v; v = v->next)
		if (a >= v->addr && a < v->addr + v->size)
			break;
	spin_unlock_irqrestore(&vmap_lock, flags);
	return v;
}

/**
 * vfree - release an area from vmalloc(); anything else is a WARN
 */
void vfree(const void *addr)
{
	struct vm_struct **pp, *v;
	unsigned long flags;

	if (!addr)
		return;
	spin_lock_irqsave(&vmap_lock, flags);
	for (pp = &vmlist; (v = *pp); pp = &v->next)
		if (v->addr == (unsigned long)addr)
			break;
	if (v) {
		*pp = v->next;
		vmalloc_stats.areas--;
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (WARN(!v, "vfree: bad address %p\n", addr)) {
		vmalloc_stats.bad_free++;
		return;
	}
	unmap_and_free(v->addr, v->size);
	kfree(v);
}
