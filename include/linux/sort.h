/* SPDX-License-Identifier: MIT */
/*
 * sort - in-place heapsort of an array. Heapsort, not quicksort: its time
 * is O(n log n) in every case and it needs no extra memory or recursion,
 * both of which matter on a small fixed kernel stack. It is not stable.
 */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <linux/types.h>

/*
 * @cmp returns <0, 0 or >0 like strcmp(). @swap exchanges two elements of
 * @size bytes; NULL selects a generic byte-wise swap.
 */
void sort(void *base, size_t num, size_t size,
	  int (*cmp)(const void *, const void *),
	  void (*swap)(void *, void *, int size));

#endif
