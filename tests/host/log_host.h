/* SPDX-License-Identifier: MIT */
/*
 * printk for host tests that search the kernel log (test_acpi, test_madt):
 * messages go to an in-memory stream with the KERN_<LEVEL> prefix
 * stripped, and warnings or worse (levels 0-4) are counted.
 */
#ifndef _HOST_LOG_HOST_H
#define _HOST_LOG_HOST_H

#include <stdio.h>

extern char *log_text;        /* everything printed since log_reset() */
extern FILE *log_file;
extern int log_warnings;

/* Open the stream; returns 0, or -1 if it cannot. */
int log_open(void);
void log_reset(void);
int log_has(const char *s);

#endif
