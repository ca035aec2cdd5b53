/* SPDX-License-Identifier: MIT */
/*
 * The kernel services that mm/ code calls, for the mm host tests
 * (test_memblock, test_page_alloc, test_slab): a "physical" arena base,
 * WARN/BUG counting, printk into a log the tests can search, panic.
 */
#ifndef _HOST_MM_HOST_H
#define _HOST_MM_HOST_H

#include <stddef.h>

extern unsigned char *host_phys_base;  /* "physical" address 0 */
extern unsigned long host_irq_flags;   /* RFLAGS.IF stand-in */
extern unsigned long warns;        /* WARN()s seen (a BUG aborts) */
extern char logbuf[1 << 16];       /* what printk printed, prefixes stripped */
extern size_t loglen;

/* A small xorshift generator: deterministic runs, order-independent tests. */
unsigned long rnd(unsigned long n);             /* 0 .. n-1 */
void shuffle(void **v, unsigned long n);        /* Fisher-Yates */

#endif
