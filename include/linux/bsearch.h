/* SPDX-License-Identifier: MIT */
/* bsearch - binary search of a sorted array. */
#ifndef _LINUX_BSEARCH_H
#define _LINUX_BSEARCH_H

#include <linux/types.h>

/*
 * @cmp(key, elt) returns <0, 0 or >0 as @key sorts before, equal to or
 * after @elt; the array must be sorted consistently with it. Returns a
 * matching element (any one of several equal ones) or NULL.
 */
void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      int (*cmp)(const void *key, const void *elt));

#endif
