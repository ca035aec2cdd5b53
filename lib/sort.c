/* SPDX-License-Identifier: MIT */
/*
 * lib/sort.c - heapsort for arrays of arbitrary element size.
 *
 * The array is first arranged as a binary max-heap (the parent of element i
 * is (i - 1) / 2 and is never smaller than its children); then the largest
 * element, at the root, is repeatedly swapped to the end of the shrinking
 * heap and the new root sifted down. All index arithmetic is in elements;
 * pointers are formed only when comparing or swapping.
 */
#include <linux/sort.h>

/* The generic swap, used when the caller has nothing faster. */
static void byte_swap(void *a, void *b, int size)
{
	unsigned char *x = a, *y = b, t;

	while (size-- > 0) {
		t = *x;
		*x++ = *y;
		*y++ = t;
	}
}

/* Restore the heap property for the subtree at @root of a @n-element heap. */
static void sift_down(char *base, size_t root, size_t n, size_t size,
		      int (*cmp)(const void *, const void *),
		      void (*swap)(void *, void *, int))
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		/* Pick the larger child... */
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		/* ...and stop once the parent is at least as large. */
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, (int)size);
		root = child;
	}
}

/**
 * sort - sort an array in place.
 * @base: first element
 * @num: number of elements
 * @size: size of one element in bytes
 * @cmp: comparison, returning <0, 0 or >0 like strcmp()
 * @swap: exchanges two elements; NULL for a generic byte swap
 *
 * O(n log n) comparisons in the worst case, no recursion, no allocation.
 * Elements that compare equal may end up in any order.
 */
void sort(void *base, size_t num, size_t size,
	  int (*cmp)(const void *, const void *),
	  void (*swap)(void *, void *, int size))
{
	char *b = base;
	size_t i;

	if (num < 2 || size == 0)
		return;
	if (!swap)
		swap = byte_swap;

	/* Heapify: sift down every parent, last parent first. */
	for (i = num / 2; i-- > 0;)
		sift_down(b, i, num, size, cmp, swap);

	/* Move the maximum behind the heap, shrink it, repair the root. */
	for (i = num - 1; i > 0; i--) {
		swap(b, b + i * size, (int)size);
		sift_down(b, 0, i, size, cmp, swap);
	}
}
