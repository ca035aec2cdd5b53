// SPDX-License-Identifier: MIT
/* The capturing printk of log_host.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "log_host.h"

char *log_text;
FILE *log_file;
int log_warnings;
static size_t log_size;

int log_open(void)
{
	log_file = open_memstream(&log_text, &log_size);
	return log_file ? 0 : -1;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	/* Strip the KERN_<LEVEL> prefix, counting warnings and worse. */
	if (fmt[0] == '\001' && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '4')
			log_warnings++;
		fmt += 2;
	}
	va_start(ap, fmt);
	n = vfprintf(log_file, fmt, ap);
	va_end(ap);
	fflush(log_file);
	return n;
}

void log_reset(void)
{
	rewind(log_file);
	fflush(log_file);
	if (log_text)
		log_text[0] = '\0';
	log_warnings = 0;
}

int log_has(const char *s)
{
	fflush(log_file);
	return log_text && strstr(log_text, s) != NULL;
}
