// SPDX-License-Identifier: MIT
/*
 * vmalloc: virtually contiguous memory from single pages, each area with
 * an unmapped guard page below it (see include/linux/vmalloc.h). Kernel
 * stacks come from here, which is what turns a stack overflow into a
 * page fault at a known address instead of silent corruption.
 *
 * Virtual space is handed out by a bump pointer; vfree() unmaps and frees
 * the pages but does not reuse the addresses (the range is 32 TiB).
 *
 * get_vm_area() hands out the same guarded virtual range without pages
 * behind it, for mappings of something else: ioremap() (arch/x86/mm/
 * ioremap.c) maps device registers there. Such an area is released with
 * free_vm_area(), which unmaps it but frees no pages - they were never
 * RAM the allocator owned.
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/tlbflush.h>

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
	/* unmap_kernel_page() dropped this CPU's TLB entries; the other
	 * CPUs may still cache the old translations of freed pages. */
	if (size)
		flush_tlb_kernel_range(addr, addr + size);
}

/*
 * Reserve @size bytes (page-aligned, non-zero) of virtual space with an
 * unmapped guard page below it. The area is not yet on vmlist.
 */
static struct vm_struct *reserve_area(unsigned long size, const char *what,
				      unsigned long vm_flags)
{
	struct vm_struct *area;
	unsigned long flags, addr;

	if (!size || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	area = kmalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	spin_lock_irqsave(&vmap_lock, flags);
	if (size + PAGE_SIZE > VMALLOC_END - vmap_next) {
		spin_unlock_irqrestore(&vmap_lock, flags);
		kfree(area);
		return NULL;
	}
	addr = vmap_next + PAGE_SIZE;           /* leave the guard page unmapped */
	vmap_next = addr + size;
	spin_unlock_irqrestore(&vmap_lock, flags);
	area->next = NULL;
	area->addr = addr;
	area->size = size;
	area->what = what;
	area->flags = vm_flags;
	area->phys_addr = 0;
	return area;
}

static void publish_area(struct vm_struct *area)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	area->next = vmlist;
	vmlist = area;
	vmalloc_stats.areas++;
	spin_unlock_irqrestore(&vmap_lock, flags);
}

/* Take the area starting exactly at @addr off vmlist; NULL if none. */
static struct vm_struct *unpublish_area(unsigned long addr)
{
	struct vm_struct **pp, *v;
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	for (pp = &vmlist; (v = *pp); pp = &v->next)
		if (v->addr == addr)
			break;
	if (v) {
		*pp = v->next;
		vmalloc_stats.areas--;
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	return v;
}

/**
 * vmalloc_named - allocate @size bytes of guarded virtual memory
 * @what: shown by the shell's meminfo/vmallocinfo listing
 */
void *vmalloc_named(unsigned long size, const char *what)
{
	struct vm_struct *area;
	unsigned long addr, va;

	size = PAGE_ALIGN(size);
	area = reserve_area(size, what, VM_ALLOC);
	if (!area) {
		vmalloc_stats.failed++;
		return NULL;
	}
	addr = area->addr;

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
	publish_area(area);
	return (void *)addr;
}

/**
 * get_vm_area - reserve @size bytes of guarded virtual space, unmapped
 * @size: bytes wanted; rounded up to whole pages
 * @what: shown in listings; also the caller's name in warnings
 *
 * For callers that map something of their own there with
 * map_kernel_page() - ioremap() maps device registers. Returns the area
 * (@addr is its first byte) or NULL when @size is 0 or out of range, or
 * memory for the descriptor ran out. Release it with free_vm_area().
 */
struct vm_struct *get_vm_area(unsigned long size, const char *what)
{
	struct vm_struct *area;

	size = PAGE_ALIGN(size);
	area = reserve_area(size, what, VM_IOREMAP);
	if (!area) {
		vmalloc_stats.failed++;
		return NULL;
	}
	publish_area(area);
	return area;
}

/**
 * free_vm_area - release an area from get_vm_area()
 * @area: the area; its pages are unmapped here but never freed
 *
 * An area that is not on the list (freed twice, or not from
 * get_vm_area()) is a kernel bug: WARN and leave everything as it is.
 */
void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *v;
	unsigned long va;

	if (!area)
		return;
	v = unpublish_area(area->addr);
	if (WARN(v != area || !(area->flags & VM_IOREMAP),
		 "free_vm_area: bad area %p\n", area)) {
		if (v)
			publish_area(v);        /* not ours to take: put it back */
		vmalloc_stats.bad_free++;
		return;
	}
	for (va = area->addr; va < area->addr + area->size; va += PAGE_SIZE)
		if (lookup_address(va, NULL))
			unmap_kernel_page(va);
	flush_tlb_kernel_range(area->addr, area->addr + area->size);
	kfree(area);
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
	struct vm_struct *v;

	if (!addr)
		return;
	v = unpublish_area((unsigned long)addr);
	if (v && !(v->flags & VM_ALLOC)) {
		/* An ioremap()ed area: its pages are a device's, not ours. */
		publish_area(v);
		v = NULL;
	}
	if (WARN(!v, "vfree: bad address %p\n", addr)) {
		vmalloc_stats.bad_free++;
		return;
	}
	unmap_and_free(v->addr, v->size);
	kfree(v);
}
