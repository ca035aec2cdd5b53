/* SPDX-License-Identifier: MIT */
/*
 * lib/bsearch.c - binary search. Used on tables sorted at build or boot
 * time (exception tables, symbol tables) where a linear scan would be too
 * slow on every fault.
 */
#include <linux/bsearch.h>

/**
 * bsearch - find an element equal to @key in a sorted array.
 * @key: what to look for; passed as the first argument of @cmp
 * @base: first element of the array
 * @num: number of elements
 * @size: size of one element in bytes
 * @cmp: returns <0, 0 or >0 as @key sorts before, equal to or after the
 *       element given as its second argument
 *
 * Return: a matching element, or NULL if there is none.
 */
void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      int (*cmp)(const void *key, const void *elt))
{
	const char *b = base;
	const char *mid;
	int r;

	/* Invariant: a match, if any, lies in [b, b + num * size). */
	while (num > 0) {
		mid = b + (num / 2) * size;
		r = cmp(key, mid);
		if (r == 0)
			return (void *)mid;
		if (r > 0) {
			/* Key is above mid: keep the part after it. */
			b = mid + size;
			num -= num / 2 + 1;
		} else {
			num /= 2;
		}
	}
	return NULL;
}
