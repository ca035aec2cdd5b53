/* SPDX-License-Identifier: MIT */
/*
 * kmalloc and kmem caches (mm/slab.c). Small objects come from per-size
 * caches (kmalloc-8 ... kmalloc-2048) carved out of whole pages; larger
 * requests go straight to the page allocator. kmalloc(0), sizes too large
 * for the page allocator and out-of-memory all return NULL and are counted;
 * kfree() of a pointer that kmalloc did not hand out (or a double free) is
 * reported with a WARN, counted, and otherwise ignored.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *));
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void *kcalloc(size_t n, size_t size, gfp_t gfp);
void kfree(const void *obj);
size_t ksize(const void *obj);

struct kmalloc_stats {
	unsigned long alloc_calls;
	unsigned long free_calls;
	unsigned long failed;        /* NULL returned: zero size, too large, OOM */
	unsigned long zero_size;
	unsigned long too_large;
	unsigned long bad_free;      /* pointer not from kmalloc, or freed twice */
};
extern struct kmalloc_stats kmalloc_stats;

void kmem_cache_init(void);

#endif
