/* SPDX-License-Identifier: MIT */
/*
 * memblock - boot-time physical memory management.
 *
 * From the firmware memory map until mem_init() the kernel has no page
 * allocator; it knows RAM only as two sorted lists of physical ranges:
 * "memory" (what exists) and "reserved" (what is in use: the kernel image,
 * boot page tables, firmware tables, earlier memblock allocations). Free
 * memory is memory minus reserved. Allocations carve a range out of that
 * difference and simply add it to "reserved".
 *
 * Both lists live in fixed static arrays because nothing can be allocated
 * while the allocator itself is being set up. Each list is kept sorted by
 * base with no two entries overlapping or touching, so adding a range only
 * ever has to merge one contiguous run of existing entries.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/page.h>

#define PHYS_ADDR_MAX (~(phys_addr_t)0)

/* Allocations with no explicit range stay above the real-mode area. */
#define MEMBLOCK_LOW_LIMIT SZ_1M
/* Used when a caller passes align == 0: one cache line. */
#define MEMBLOCK_DEFAULT_ALIGN 64

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.memory = {
		.cnt = 0,
		.max = INIT_MEMBLOCK_REGIONS,
		.regions = memory_regions,
		.name = "memory",
	},
	.reserved = {
		.cnt = 0,
		.max = INIT_MEMBLOCK_REGIONS,
		.regions = reserved_regions,
		.name = "reserved",
	},
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
};

static inline phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Clamp [base, base + size) so the end does not wrap past the top. */
static inline phys_addr_t cap_size(phys_addr_t base, phys_addr_t size)
{
	return size > PHYS_ADDR_MAX - base ? PHYS_ADDR_MAX - base : size;
}

static void remove_slots(struct memblock_type *type, unsigned long idx,
			 unsigned long n)
{
	unsigned long i;

	for (i = idx; i + n < type->cnt; i++)
		type->regions[i] = type->regions[i + n];
	type->cnt -= n;
}

static void insert_slot(struct memblock_type *type, unsigned long idx,
			phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	for (i = type->cnt; i > idx; i--)
		type->regions[i] = type->regions[i - 1];
	type->regions[idx].base = base;
	type->regions[idx].size = size;
	type->cnt++;
}

/*
 * Add [base, base + size) to @type. Entries that overlap or touch the new
 * range form one contiguous run [first, last) of the sorted array; they are
 * replaced by a single entry covering all of them, so the array stays
 * sorted and canonical. A new slot is needed only when the run is empty.
 */
static int __init memblock_add_range(struct memblock_type *type,
				     phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end;
	unsigned long first, last;

	size = cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;

	/* first: the first entry that ends at or after base (may touch it). */
	for (first = 0; first < type->cnt; first++)
		if (region_end(&type->regions[first]) >= base)
			break;
	/* last: one past the final entry that starts at or before end. */
	for (last = first; last < type->cnt; last++)
		if (type->regions[last].base > end)
			break;

	if (first == last) {
		if (type->cnt >= type->max) {
			WARN(1, "memblock: %s array full, cannot add [0x%016llx-0x%016llx]\n",
			     type->name, (unsigned long long)base,
			     (unsigned long long)(end - 1));
			return -ENOMEM;
		}
		insert_slot(type, first, base, size);
		return 0;
	}

	base = min(base, type->regions[first].base);
	end = max(end, region_end(&type->regions[last - 1]));
	type->regions[first].base = base;
	type->regions[first].size = end - base;
	remove_slots(type, first + 1, last - first - 1);
	return 0;
}

/*
 * Remove [base, base + size) from @type. At most one entry can contain the
 * range strictly inside it; splitting that one is the only case that needs
 * a new slot, so it is checked before anything is changed.
 */
static int __init memblock_remove_range(struct memblock_type *type,
					phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end;
	unsigned long i;

	size = cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;

	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (r->base < base && region_end(r) > end) {
			if (type->cnt >= type->max) {
				WARN(1, "memblock: %s array full, cannot split at [0x%016llx-0x%016llx]\n",
				     type->name, (unsigned long long)base,
				     (unsigned long long)(end - 1));
				return -ENOMEM;
			}
			insert_slot(type, i + 1, end, region_end(r) - end);
			r->size = base - r->base;
			return 0;
		}
	}

	i = 0;
	while (i < type->cnt) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = region_end(r);

		if (rend <= base || r->base >= end) {
			i++;
		} else if (r->base >= base && rend <= end) {
			remove_slots(type, i, 1);      /* wholly inside */
		} else if (r->base < base) {
			r->size = base - r->base;      /* keep the head */
			i++;
		} else {
			r->size = rend - end;          /* keep the tail */
			r->base = end;
			i++;
		}
	}
	return 0;
}

/**
 * memblock_add - register a range of physical RAM
 * @base: physical start
 * @size: length in bytes
 *
 * Return: 0, or -ENOMEM (with a WARN) if the region array is full, in which
 * case nothing changes.
 */
int __init memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

/**
 * memblock_reserve - mark a physical range as in use
 * @base: physical start
 * @size: length in bytes
 *
 * The range need not be inside registered memory (firmware tables often
 * are not). Return: 0, or -ENOMEM (with a WARN) if the array is full.
 */
int __init memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/**
 * memblock_phys_free - return a reserved range to memblock
 * @base: physical start
 * @size: length in bytes
 *
 * Return: 0, or -ENOMEM (with a WARN) if freeing the middle of a range
 * would need a slot and the array is full.
 */
int __init memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

/**
 * memblock_set_current_limit - cap the address of future allocations
 * @limit: allocations end at or below this physical address
 *
 * Early on only part of RAM is mapped; the limit keeps memblock_alloc()
 * inside what the kernel can already touch.
 */
void __init memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

static const struct memblock_region *find_region(const struct memblock_type *type,
						 phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (addr < r->base)
			break;          /* sorted: nothing later can hold it */
		if (addr < region_end(r))
			return r;
	}
	return NULL;
}

/*
 * Find the lowest free address at or above @from, and the end of the free
 * stretch that starts there. Free means inside "memory" and outside
 * "reserved". Return: false when no free memory is left above @from.
 */
static bool next_free_range(phys_addr_t from, phys_addr_t *start, phys_addr_t *end)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_type *res = &memblock.reserved;
	unsigned long i, j;

	for (i = 0; i < mem->cnt; i++) {
		const struct memblock_region *m = &mem->regions[i];
		phys_addr_t s = max(from, m->base);
		phys_addr_t e = region_end(m);

		if (s >= e)
			continue;
		/*
		 * Step s over reserved ranges; they are sorted, so one pass
		 * suffices. The first reserved range starting above s
		 * bounds the free stretch.
		 */
		for (j = 0; j < res->cnt && s < e; j++) {
			const struct memblock_region *r = &res->regions[j];

			if (region_end(r) <= s)
				continue;
			if (r->base <= s) {
				s = region_end(r);
				continue;
			}
			e = min(e, r->base);
			break;
		}
		if (s < e) {
			*start = s;
			*end = e;
			return true;
		}
	}
	return false;
}

/**
 * memblock_phys_alloc_range - allocate and reserve physical memory
 * @size: bytes wanted
 * @align: power-of-two alignment (0 means a cache line)
 * @start: lowest acceptable address
 * @end: the allocation must end at or below this; MEMBLOCK_ALLOC_ACCESSIBLE
 *       (0) or anything above memblock.current_limit means the limit
 *
 * Searches bottom-up, so early allocations pack together just above the
 * low memory that the caller asked to skip. Physical page 0 is never
 * returned because 0 is the failure value.
 *
 * Return: the physical address, or 0 if nothing fits.
 */
phys_addr_t __init memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
					     phys_addr_t start, phys_addr_t end)
{
	phys_addr_t from, fs, fe;

	if (WARN(memblock.released, "memblock: allocation after memblock_free_all()\n"))
		return 0;
	if (!align)
		align = MEMBLOCK_DEFAULT_ALIGN;
	if (WARN(align & (align - 1), "memblock: alignment 0x%llx is not a power of two\n",
		 (unsigned long long)align))
		return 0;
	if (!size)
		return 0;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end > memblock.current_limit)
		end = memblock.current_limit;
	from = max(start, (phys_addr_t)PAGE_SIZE);

	while (from < end && next_free_range(from, &fs, &fe)) {
		phys_addr_t cand = ALIGN(fs, align);

		if (fs >= end || cand < fs)   /* past the range, or wrapped */
			break;
		fe = min(fe, end);
		if (cand < fe && fe - cand >= size) {
			if (memblock_reserve(cand, size))
				return 0;
			return cand;
		}
		from = fe;
	}
	return 0;
}

/**
 * memblock_phys_alloc - allocate physical memory above 1 MiB
 * @size: bytes wanted
 * @align: power-of-two alignment
 *
 * Return: the physical address, or 0 if nothing fits below the limit.
 */
phys_addr_t __init memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, MEMBLOCK_LOW_LIMIT,
					 MEMBLOCK_ALLOC_ACCESSIBLE);
}

/**
 * memblock_alloc - allocate zeroed memory for early kernel data
 * @size: bytes wanted
 * @align: power-of-two alignment
 *
 * Return: a direct-map pointer to the zeroed memory, or NULL.
 */
void *__init memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);
	void *p;

	if (!phys)
		return NULL;
	p = __va(phys);
	memset(p, 0, size);
	return p;
}

/** memblock_start_of_DRAM - lowest registered RAM address (0 if none) */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

/** memblock_end_of_DRAM - end of the highest registered RAM range */
phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

/** memblock_phys_mem_size - total bytes of registered RAM */
phys_addr_t memblock_phys_mem_size(void)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < memblock.memory.cnt; i++)
		total += memblock.memory.regions[i].size;
	return total;
}

/** memblock_is_memory - is @addr inside registered RAM? */
bool memblock_is_memory(phys_addr_t addr)
{
	return find_region(&memblock.memory, addr) != NULL;
}

/** memblock_is_reserved - is @addr inside a reserved range? */
bool memblock_is_reserved(phys_addr_t addr)
{
	return find_region(&memblock.reserved, addr) != NULL;
}

static phys_addr_t type_size(const struct memblock_type *type)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

static void dump_type(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[0x%016llx-0x%016llx], 0x%016llx bytes flags: 0x0\n",
			type->name, i, (unsigned long long)r->base,
			(unsigned long long)(region_end(r) - 1),
			(unsigned long long)r->size);
	}
}

/**
 * memblock_dump_all - print both region lists to the kernel log
 *
 * Uses the layout of Linux's "memblock=debug" output so the two can be
 * compared line by line.
 */
void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%016llx reserved size = 0x%016llx\n",
		(unsigned long long)type_size(&memblock.memory),
		(unsigned long long)type_size(&memblock.reserved));
	dump_type(&memblock.memory);
	dump_type(&memblock.reserved);
}

/**
 * memblock_free_all - hand every free page to the buddy allocator
 *
 * Only whole pages are released: a page partly reserved stays reserved.
 * Page frame 0 is kept back even if the firmware calls it usable, so that
 * physical address 0 is never handed out. After this call memblock
 * allocations are refused.
 *
 * Return: the number of pages released.
 */
unsigned long __init memblock_free_all(void)
{
	phys_addr_t from = 0, s, e;
	unsigned long count = 0;

	while (next_free_range(from, &s, &e)) {
		unsigned long spfn = max_t(unsigned long, PFN_UP(s), 1);
		unsigned long epfn = PFN_DOWN(e);

		if (spfn < epfn) {
			free_pfn_range(spfn, epfn);
			count += epfn - spfn;
		}
		from = e;
	}
	/*
	 * The buddy allocator owns those pages now; a later memblock
	 * allocation would hand them out a second time.
	 */
	memblock.released = true;
	return count;
}
