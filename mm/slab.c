/* SPDX-License-Identifier: MIT */
/*
 * The slab allocator: kmem caches and kmalloc.
 *
 * A cache hands out objects of one size. It gets memory from the page
 * allocator one slab at a time (2^order pages, usually one page) and cuts
 * the slab into equal objects laid out from the start of the slab; since a
 * slab is naturally aligned, power-of-two objects end up aligned to their
 * own size. A free object holds a pointer to the next free object of its
 * slab (page->freelist is the first), so no memory is spent on bookkeeping
 * beyond struct page.
 *
 * Each slab sits on one of its cache's three lists: partial (some objects
 * free), full (none free) or free (all free). Allocation prefers partial
 * slabs, so memory stays packed; at most one wholly free slab per cache is
 * kept as a cushion against alloc/free ping-pong at a slab boundary, and the
 * rest go back to the page allocator.
 *
 * kmalloc() picks the smallest kmalloc-N cache that fits; bigger requests
 * get whole pages, marked PG_large_kmalloc so kfree() can tell them from
 * pages it must not touch. kfree() checks every pointer (inside a slab, on
 * an object boundary, not already on the freelist) before changing
 * anything: a bad free is reported and counted, never acted on.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <asm/page.h>

#define SLAB_MIN_ALIGN      8u
#define SLAB_MAX_ORDER      3u        /* larger slabs are hard to find later */
#define KMEM_CACHE_MAX_SIZE (PAGE_SIZE << SLAB_MAX_ORDER)
#define KMALLOC_MAX_CACHE_SIZE 2048u
#define KMALLOC_MAX_SIZE    (PAGE_SIZE << (MAX_ORDER - 1))

struct kmem_cache {
	const char *name;
	unsigned int object_size;  /* as requested; what ksize() reports */
	unsigned int size;         /* stride between objects */
	unsigned int align;
	unsigned int offset;       /* of the free pointer inside a free object */
	unsigned int order;        /* a slab is 2^order pages */
	unsigned int objects;      /* per slab */
	void (*ctor)(void *);
	spinlock_t lock;           /* the lists and every slab's freelist/inuse */
	struct list_head partial;
	struct list_head full;
	struct list_head free;
	unsigned long nr_slabs;
	unsigned long nr_free_slabs;
};

struct kmalloc_stats kmalloc_stats;

static const unsigned int kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048,
};
static const char *const kmalloc_names[] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96",
	"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512",
	"kmalloc-1k", "kmalloc-2k",
};
static struct kmem_cache kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];
static bool slab_ready;

/* Counters are bumped outside any one cache's lock, hence atomics. */
#define kstat_inc(field) __atomic_fetch_add(&kmalloc_stats.field, 1, __ATOMIC_RELAXED)

/* Why a free was refused, for the WARN. */
enum slab_free_result {
	SLAB_FREE_OK,
	SLAB_FREE_NOT_SLAB,
	SLAB_FREE_WRONG_CACHE,
	SLAB_FREE_NOT_OBJECT,
	SLAB_FREE_DOUBLE,
	SLAB_FREE_CORRUPT,
};

static const char *const slab_free_text[] = {
	[SLAB_FREE_OK]          = "ok",
	[SLAB_FREE_NOT_SLAB]    = "not memory from kmalloc or a kmem cache",
	[SLAB_FREE_WRONG_CACHE] = "object belongs to another cache",
	[SLAB_FREE_NOT_OBJECT]  = "not the start of an object",
	[SLAB_FREE_DOUBLE]      = "object is already free (double free)",
	[SLAB_FREE_CORRUPT]     = "slab freelist is corrupted",
};

static inline void *get_fp(const struct kmem_cache *s, const void *obj)
{
	return *(void **)((char *)obj + s->offset);
}

static inline void set_fp(const struct kmem_cache *s, void *obj, void *next)
{
	*(void **)((char *)obj + s->offset) = next;
}

/* Is @p the start of one of the objects of the slab headed by @head? */
static bool is_slab_object(const struct kmem_cache *s, struct page *head, const void *p)
{
	uintptr_t base = (uintptr_t)page_address(head);
	uintptr_t off = (uintptr_t)p - base;

	return (uintptr_t)p >= base && off < (uintptr_t)s->objects * s->size &&
	       off % s->size == 0;
}

/* The struct page of a direct-map address of managed memory, else NULL. */
static struct page *addr_to_page(const void *addr)
{
	unsigned long phys = __pa(addr);

	/* Kernel-image and other aliases do not map back to themselves. */
	if (!mem_map || __va(phys) != addr || PFN_DOWN(phys) >= max_pfn)
		return NULL;
	return pfn_to_page(PFN_DOWN(phys));
}

/* Slabs are naturally aligned blocks, so the head is found by masking. */
static struct page *slab_head(const struct kmem_cache *s, struct page *page)
{
	return pfn_to_page(page_to_pfn(page) & ~((1UL << s->order) - 1));
}

static int kmem_cache_setup(struct kmem_cache *s, const char *name,
			    unsigned int size, unsigned int align,
			    void (*ctor)(void *))
{
	unsigned int order, stride;

	if (!size || size > KMEM_CACHE_MAX_SIZE || (align & (align - 1)) ||
	    align > PAGE_SIZE)
		return -1;
	align = max(align, SLAB_MIN_ALIGN);
	/* Natural alignment for power-of-two sizes, as callers expect. */
	if (!(size & (size - 1)) && size <= PAGE_SIZE)
		align = max(align, size);

	/*
	 * A constructed object must keep its contents while free, so with a
	 * ctor the free pointer goes after the object instead of over it.
	 */
	s->offset = ctor ? ALIGN(size, SLAB_MIN_ALIGN) : 0;
	stride = ALIGN(ctor ? s->offset + (unsigned int)sizeof(void *) : size, align);
	if (stride > KMEM_CACHE_MAX_SIZE)
		return -1;

	/* The smallest slab that wastes at most an eighth of itself. */
	for (order = 0; order < SLAB_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;

		if (bytes >= stride && (bytes % stride) * 8 <= bytes)
			break;
	}

	s->name = name;
	s->object_size = size;
	s->size = stride;
	s->align = align;
	s->order = order;
	s->objects = (PAGE_SIZE << order) / stride;
	s->ctor = ctor;
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	INIT_LIST_HEAD(&s->free);
	s->nr_slabs = 0;
	s->nr_free_slabs = 0;
	return 0;
}

/* Get pages for a new slab and thread all its objects onto the freelist. */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, s->order);
	char *base;
	unsigned long i;

	if (!page)
		return NULL;
	base = page_address(page);
	for (i = 0; i < (1UL << s->order); i++) {
		page[i].flags |= PG_slab;
		page[i].slab_cache = s;
	}
	page->inuse = 0;
	page->freelist = NULL;
	for (i = s->objects; i-- > 0; ) {
		void *obj = base + i * s->size;

		if (s->ctor)
			s->ctor(obj);
		set_fp(s, obj, page->freelist);
		page->freelist = obj;
	}
	INIT_LIST_HEAD(&page->lru);
	return page;
}

/* Undo new_slab()'s marks so the page allocator takes the block back. */
static void clear_slab(struct kmem_cache *s, struct page *head)
{
	unsigned long i;

	for (i = 0; i < (1UL << s->order); i++) {
		head[i].flags &= ~PG_slab;
		head[i].slab_cache = NULL;
	}
	head->freelist = NULL;
	head->inuse = 0;
}

/**
 * kmem_cache_alloc - allocate one object
 * @s: the cache
 * @gfp: __GFP_ZERO clears the object; passed on to the page allocator
 *
 * Return: the object, or NULL when no memory is left.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *page, *fresh = NULL;
	bool corrupt = false;
	void *obj = NULL, *next = NULL;

	spin_lock_irqsave(&s->lock, flags);
	for (;;) {
		if (!list_empty(&s->partial)) {
			page = list_first_entry(&s->partial, struct page, lru);
		} else if (!list_empty(&s->free)) {
			page = list_first_entry(&s->free, struct page, lru);
			s->nr_free_slabs--;
		} else if (fresh) {
			page = fresh;
			fresh = NULL;
			s->nr_slabs++;
		} else {
			/* The page allocator is not called with this lock held. */
			spin_unlock_irqrestore(&s->lock, flags);
			fresh = new_slab(s, gfp);
			if (!fresh)
				goto out;
			spin_lock_irqsave(&s->lock, flags);
			continue;
		}

		obj = page->freelist;
		if (!obj || ((next = get_fp(s, obj)) && !is_slab_object(s, page, next))) {
			/*
			 * A use-after-free wrote over a free pointer. Retire
			 * the slab as full rather than follow the pointer.
			 */
			corrupt = true;
			page->freelist = NULL;
			page->inuse = s->objects;
			list_del(&page->lru);
			list_add(&page->lru, &s->full);
			obj = NULL;
			continue;
		}
		page->freelist = next;
		page->inuse++;
		list_del(&page->lru);
		list_add(&page->lru, page->inuse == s->objects ? &s->full : &s->partial);
		break;
	}
	spin_unlock_irqrestore(&s->lock, flags);

	/* Another CPU refilled the cache while we were getting this slab. */
	if (fresh) {
		clear_slab(s, fresh);
		__free_pages(fresh, s->order);
	}
	if (obj && (gfp & __GFP_ZERO))
		memset(obj, 0, s->object_size);
out:
	WARN(corrupt, "slab %s: corrupted freelist, slab retired\n", s->name);
	return obj;
}

/*
 * Check @obj against the slab containing @page and put it back on the
 * freelist. All checks are made under the cache lock before anything is
 * written, so a refused free leaves the cache exactly as it was.
 */
static enum slab_free_result slab_free(struct kmem_cache *expect,
				       struct page *page, void *obj)
{
	struct kmem_cache *s = READ_ONCE(page->slab_cache);
	struct page *head, *release = NULL;
	enum slab_free_result why = SLAB_FREE_OK;
	unsigned long flags, n = 0;
	void *p;

	if (!s || !(page->flags & PG_slab))
		return SLAB_FREE_NOT_SLAB;
	if (expect && s != expect)
		return SLAB_FREE_WRONG_CACHE;
	head = slab_head(s, page);

	spin_lock_irqsave(&s->lock, flags);
	/* The slab may have been released since the unlocked look above. */
	if (!(page->flags & PG_slab) || page->slab_cache != s ||
	    !(head->flags & PG_slab) || head->slab_cache != s) {
		why = SLAB_FREE_NOT_SLAB;
		goto out;
	}
	if (!is_slab_object(s, head, obj)) {
		why = SLAB_FREE_NOT_OBJECT;
		goto out;
	}
	for (p = head->freelist; p; p = get_fp(s, p)) {
		if (p == obj) {
			why = SLAB_FREE_DOUBLE;
			goto out;
		}
		if (!is_slab_object(s, head, p) || ++n > s->objects) {
			why = SLAB_FREE_CORRUPT;
			goto out;
		}
	}
	if (!head->inuse) {             /* cannot happen unless corrupted */
		why = SLAB_FREE_CORRUPT;
		goto out;
	}

	set_fp(s, obj, head->freelist);
	head->freelist = obj;
	head->inuse--;
	list_del(&head->lru);
	if (head->inuse) {
		list_add(&head->lru, &s->partial);
	} else if (!s->nr_free_slabs) {
		list_add(&head->lru, &s->free);
		s->nr_free_slabs++;
	} else {
		INIT_LIST_HEAD(&head->lru);
		clear_slab(s, head);
		s->nr_slabs--;
		release = head;
	}
out:
	spin_unlock_irqrestore(&s->lock, flags);
	if (release)
		__free_pages(release, s->order);
	return why;
}

static void report_bad_free(const void *obj, enum slab_free_result why)
{
	kstat_inc(bad_free);
	WARN(1, "kfree: bad free of %p: %s\n", obj, slab_free_text[why]);
}

/**
 * kmem_cache_free - give an object back to its cache
 * @s: the cache it came from
 * @obj: the object; NULL is ignored
 *
 * A pointer that is not a live object of @s is reported with a WARN and
 * counted in kmalloc_stats.bad_free.
 */
void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *page;
	enum slab_free_result why;

	if (!obj)
		return;
	page = addr_to_page(obj);
	why = page ? slab_free(s, page, obj) : SLAB_FREE_NOT_SLAB;
	if (why != SLAB_FREE_OK)
		report_bad_free(obj, why);
}

/**
 * kmem_cache_create - make a cache of equal-sized objects
 * @name: shown in reports; the string must stay valid
 * @size: object size, 1 .. 32 KiB
 * @align: power-of-two alignment, 0 for the default of 8 bytes
 * @flags: unused, accepted for Linux compatibility
 * @ctor: called once per object when its slab is created; freed objects
 *        must be returned in the constructed state
 *
 * Return: the cache, or NULL for impossible parameters or no memory.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	if (kmem_cache_setup(s, name, size, align, ctor)) {
		WARN(1, "kmem_cache_create: %s: bad size %u or align %u\n",
		     name, size, align);
		kfree(s);
		return NULL;
	}
	return s;
}

static unsigned int size_to_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/**
 * kmalloc - allocate memory for a kernel object
 * @size: bytes; up to 2 KiB comes from a kmalloc-N cache, more (up to
 *        4 MiB) from whole pages
 * @gfp: __GFP_ZERO, __GFP_NOWARN, ...
 *
 * Memory is aligned to at least 8 bytes, to its size for power-of-two
 * sizes, and to a page for page-sized requests and above.
 *
 * Return: the memory, or NULL (counted) for size 0, too large or no memory.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	struct page *page;
	unsigned int i;
	void *p;

	kstat_inc(alloc_calls);
	if (!size) {
		kstat_inc(zero_size);
		kstat_inc(failed);
		return NULL;
	}
	if (size > KMALLOC_MAX_SIZE) {
		kstat_inc(too_large);
		kstat_inc(failed);
		WARN_ONCE(!(gfp & __GFP_NOWARN), "kmalloc: %lu bytes is too large\n",
			  (unsigned long)size);
		return NULL;
	}
	if (WARN_ONCE(!slab_ready, "kmalloc before kmem_cache_init\n")) {
		kstat_inc(failed);
		return NULL;
	}

	if (size <= KMALLOC_MAX_CACHE_SIZE) {
		for (i = 0; kmalloc_sizes[i] < size; i++)
			;
		p = kmem_cache_alloc(&kmalloc_caches[i], gfp);
	} else {
		page = alloc_pages(gfp, size_to_order(size));
		if (page)
			__atomic_fetch_or(&page->flags, PG_large_kmalloc, __ATOMIC_RELAXED);
		p = page ? page_address(page) : NULL;
	}
	if (!p)
		kstat_inc(failed);
	return p;
}

/** kzalloc - kmalloc() with the memory zeroed */
void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/**
 * kcalloc - zeroed array of @n elements of @size bytes
 *
 * Return: NULL (counted as too large) if n * size overflows.
 */
void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes)) {
		kstat_inc(alloc_calls);
		kstat_inc(too_large);
		kstat_inc(failed);
		WARN_ONCE(!(gfp & __GFP_NOWARN), "kcalloc: %lu * %lu overflows\n",
			  (unsigned long)n, (unsigned long)size);
		return NULL;
	}
	return kzalloc(bytes, gfp);
}

/**
 * kfree - free memory from kmalloc()
 * @obj: the pointer kmalloc() returned; NULL is ignored
 *
 * Anything else (an interior pointer, memory never allocated, a second
 * free) is reported with a WARN, counted in kmalloc_stats.bad_free, and
 * otherwise ignored.
 */
void kfree(const void *obj)
{
	struct page *page;
	enum slab_free_result why = SLAB_FREE_NOT_SLAB;

	if (!obj)
		return;
	kstat_inc(free_calls);
	page = addr_to_page(obj);
	if (!page)
		goto bad;
	if (READ_ONCE(page->flags) & PG_slab) {
		why = slab_free(NULL, page, (void *)obj);
		if (why == SLAB_FREE_OK)
			return;
		goto bad;
	}
	if (READ_ONCE(page->flags) & PG_large_kmalloc) {
		unsigned long old;

		why = SLAB_FREE_NOT_OBJECT;
		if (obj != page_address(page))
			goto bad;
		/* Atomic, so two racing frees cannot both pass. */
		old = __atomic_fetch_and(&page->flags, ~PG_large_kmalloc, __ATOMIC_RELAXED);
		if (old & PG_large_kmalloc) {
			__free_pages(page, page->order);
			return;
		}
		why = SLAB_FREE_DOUBLE;
	}
bad:
	report_bad_free(obj, why);
}

/**
 * ksize - usable size of a kmalloc()ed block
 * @obj: the pointer kmalloc() returned
 *
 * Return: the size of the object's cache or of its pages; 0 for NULL or a
 * pointer that kmalloc() did not hand out.
 */
size_t ksize(const void *obj)
{
	struct page *page, *head;
	struct kmem_cache *s;

	if (!obj)
		return 0;
	page = addr_to_page(obj);
	s = page ? READ_ONCE(page->slab_cache) : NULL;
	if (s && (page->flags & PG_slab)) {
		head = slab_head(s, page);
		if (is_slab_object(s, head, obj))
			return s->object_size;
	} else if (page && (page->flags & PG_large_kmalloc) && obj == page_address(page)) {
		return PAGE_SIZE << page->order;
	}
	WARN(1, "ksize: %p is not from kmalloc\n", obj);
	return 0;
}

/**
 * kmem_cache_init - set up the kmalloc caches
 *
 * Called from mem_init() once the page allocator works; slabs are only
 * allocated on first use.
 */
void __init kmem_cache_init(void)
{
	unsigned int i;

	BUILD_BUG_ON(ARRAY_SIZE(kmalloc_sizes) != ARRAY_SIZE(kmalloc_names));
	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		kmem_cache_setup(&kmalloc_caches[i], kmalloc_names[i],
				 kmalloc_sizes[i], 0, NULL);
	slab_ready = true;
}
