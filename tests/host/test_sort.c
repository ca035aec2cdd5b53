// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/sort.c and lib/bsearch.c: random arrays of several
 * element sizes, checked for order and for being a permutation of the
 * input; bsearch hits and misses on the sorted result.
 */
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <linux/kernel.h>
#include "tap.h"

static unsigned long ncmp, nswap;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	ncmp++;
	return (x > y) - (x < y);
}

static void swap_int(void *a, void *b, int size)
{
	int t = *(int *)a;

	nswap++;
	*(int *)a = *(int *)b;
	*(int *)b = t;
}

/* A 13-byte element: odd size, sorted by a key in the middle. */
struct odd {
	char pad[5];
	unsigned int key;
	char tag[4];
} __attribute__((packed));

static int cmp_odd(const void *a, const void *b)
{
	unsigned int x = ((const struct odd *)a)->key, y = ((const struct odd *)b)->key;

	return (x > y) - (x < y);
}

static int cmp_key_odd(const void *key, const void *elt)
{
	unsigned int x = *(const unsigned int *)key, y = ((const struct odd *)elt)->key;

	return (x > y) - (x < y);
}

static int cmp_ull(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;

	return (x > y) - (x < y);
}

/* Sum and xor of all values: equal for an array and its permutations. */
static void fingerprint(const int *a, size_t n, long long *sum, int *x)
{
	*sum = 0;
	*x = 0;
	for (size_t i = 0; i < n; i++) {
		*sum += a[i];
		*x ^= a[i] * 2654435761u;
	}
}

static void test_ints(void)
{
	static int a[5000];
	int bad_order = 0, bad_perm = 0, bad_cost = 0;
	static const size_t sizes[] = { 0, 1, 2, 3, 7, 100, 1023, 5000 };

	srand(12345);
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (int round = 0; round < 4; round++) {
			size_t n = sizes[s];
			long long sum0, sum1;
			int x0, x1;

			for (size_t i = 0; i < n; i++) {
				switch (round) {
				case 0: a[i] = rand() - RAND_MAX / 2; break;
				case 1: a[i] = rand() % 4; break;	/* many duplicates */
				case 2: a[i] = (int)i; break;		/* already sorted */
				case 3: a[i] = (int)(n - i); break;	/* reversed */
				}
			}
			fingerprint(a, n, &sum0, &x0);
			ncmp = 0;
			sort(a, n, sizeof(int), cmp_int, round & 1 ? NULL : swap_int);
			fingerprint(a, n, &sum1, &x1);
			for (size_t i = 1; i < n; i++)
				if (a[i - 1] > a[i])
					bad_order++;
			if (sum0 != sum1 || x0 != x1)
				bad_perm++;
			/* Heapsort's bound: about 2 n log2 n comparisons at most. */
			if (n > 1 && ncmp > 3 * n * (size_t)(64 - __builtin_clzll(n)))
				bad_cost++;
		}
	}
	is_int(bad_order, 0, "int arrays (random, duplicates, sorted, reversed) come out ordered");
	is_int(bad_perm, 0, "sorted arrays are permutations of the input");
	is_int(bad_cost, 0, "comparisons stay within O(n log n)");

	nswap = 0;
	int b[4] = { 4, 3, 2, 1 };
	sort(b, 4, sizeof(int), cmp_int, swap_int);
	ok(nswap > 0, "the caller's swap function is used when given");
	ok(b[0] == 1 && b[1] == 2 && b[2] == 3 && b[3] == 4, "small reversed array");
}

static void test_odd_size(void)
{
	static struct odd o[777];
	int bad = 0, lost = 0;
	unsigned int k;

	srand(99);
	for (size_t i = 0; i < ARRAY_SIZE(o); i++) {
		memset(&o[i], 0, sizeof(o[i]));
		o[i].key = (unsigned int)rand() % 100000;
		/* The tag is derived from the key, so torn swaps are caught. */
		o[i].tag[0] = (char)(o[i].key * 31);
		o[i].pad[2] = (char)(o[i].key >> 3);
	}
	sort(o, ARRAY_SIZE(o), sizeof(o[0]), cmp_odd, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(o); i++) {
		if (i && o[i - 1].key > o[i].key)
			bad++;
		if (o[i].tag[0] != (char)(o[i].key * 31) || o[i].pad[2] != (char)(o[i].key >> 3))
			lost++;
	}
	is_int(sizeof(struct odd), 13, "element size is odd (13 bytes)");
	is_int(bad, 0, "13-byte elements with the generic swap come out ordered");
	is_int(lost, 0, "every element moved as a whole");

	/* bsearch every key present, and some that are not. */
	int miss = 0, false_hit = 0;
	for (size_t i = 0; i < ARRAY_SIZE(o); i++) {
		unsigned int key = o[i].key;	/* aligned copy of a packed field */
		struct odd *e = bsearch(&key, o, ARRAY_SIZE(o), sizeof(o[0]), cmp_key_odd);

		if (!e || e->key != o[i].key)
			miss++;
	}
	for (k = 100000; k < 100050; k++)
		if (bsearch(&k, o, ARRAY_SIZE(o), sizeof(o[0]), cmp_key_odd))
			false_hit++;
	is_int(miss, 0, "bsearch finds every key present");
	is_int(false_hit, 0, "bsearch misses keys above the range");
}

static void test_bsearch_edges(void)
{
	unsigned long long a[64];
	unsigned long long k;
	int bad = 0;

	for (int i = 0; i < 64; i++)
		a[i] = 10ULL * i + 5;	/* 5, 15, ..., 635 */
	sort(a, 64, sizeof(a[0]), cmp_ull, NULL);
	/* For every length 0..64 and every probe, hit iff probe is present. */
	for (size_t n = 0; n <= 64; n++) {
		for (k = 0; k < 650; k++) {
			unsigned long long *e = bsearch(&k, a, n, sizeof(a[0]), cmp_ull);
			bool want = k % 10 == 5 && k < 10 * n;

			if (want ? (!e || *e != k) : e != NULL)
				bad++;
		}
	}
	is_int(bad, 0, "bsearch over every prefix length and probe");
	k = 5;
	ok(bsearch(&k, a, 0, sizeof(a[0]), cmp_ull) == NULL, "bsearch on an empty array");
	k = 635;
	ok(bsearch(&k, a, 64, sizeof(a[0]), cmp_ull) == &a[63], "bsearch finds the last element");
	k = 5;
	ok(bsearch(&k, a, 64, sizeof(a[0]), cmp_ull) == &a[0], "bsearch finds the first element");
}

int main(void)
{
	test_ints();
	test_odd_size();
	test_bsearch_edges();
	return done_testing();
}
