// SPDX-License-Identifier: MIT
/*
 * The text forms of a cpumask, in Linux's formats, for /proc/irq/N/
 * smp_affinity (hex) and smp_affinity_list (list) and for messages.
 *
 * Hex: 32-bit groups of hex digits, most significant group first, joined
 * by commas. Printing covers exactly nr_cpu_ids bits, so the leading group
 * has only the digits those bits need: "f" for 4 CPUs, "00ff" never.
 * Parsing reads groups of 1 to 8 digits separated by commas (blanks also
 * separate, as in Linux); fewer groups than the width leave the high bits
 * clear; more groups, a group of more than 8 digits or a bit at or above
 * nr_cpu_ids is -EOVERFLOW; anything not a hex digit is -EINVAL.
 *
 * List: comma-separated regions "A", "A-B" or "A-B:U/G" (in every group of
 * G CPUs from A on, the first U, up to B); "N" stands for the last CPU,
 * nr_cpu_ids - 1. A > B, G = 0 or U > G is -EINVAL, a CPU at or above
 * nr_cpu_ids is -ERANGE, a number too large for an int -EOVERFLOW.
 *
 * An empty string is a valid, empty mask in both forms; whether an empty
 * affinity is acceptable is the caller's decision (it is not, for IRQs).
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/page.h>

#define CPUMASK_TEXT_MAX 256   /* > the longest list of 64 CPUs */

static bool is_separator(char c)
{
	return c == ',' || isspace((unsigned char)c);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/**
 * cpumask_parse - read a hex mask ("f", "1,00000000") into @dst
 * @buf: NUL-terminated text; parsing stops at the first newline
 * @dst: the result, written only on success
 *
 * Return: 0, -EINVAL or -EOVERFLOW (see the file comment).
 */
int cpumask_parse(const char *buf, struct cpumask *dst)
{
	unsigned int max_groups = DIV_ROUND_UP(nr_cpu_ids, 32), groups = 0;
	unsigned long val = 0;
	const char *p = buf;

	for (;;) {
		unsigned long group = 0;
		int digits = 0, d;

		while (*p && *p != '\n' && is_separator(*p))
			p++;
		if (!*p || *p == '\n')
			break;
		while ((d = hex_digit(*p)) >= 0) {
			if (++digits > 8)
				return -EOVERFLOW;
			group = group << 4 | d;
			p++;
		}
		if (!digits || (*p && *p != '\n' && !is_separator(*p)))
			return -EINVAL;
		if (++groups > max_groups)
			return -EOVERFLOW;
		/* Groups arrive most significant first: shift the earlier
		 * ones up. max_groups <= 2 keeps this within one long. */
		val = groups > 1 ? val << 32 | group : group;
	}
	if (val & ~__cpumask_valid_bits())
		return -EOVERFLOW;
	dst->bits[0] = val;
	return 0;
}

/* A decimal CPU number, or "N" for the last one. */
static const char *get_num(const char *p, unsigned int *num)
{
	unsigned long v = 0;

	if (*p == 'N') {
		*num = nr_cpu_ids - 1;
		return p + 1;
	}
	if (!isdigit((unsigned char)*p))
		return ERR_PTR(-EINVAL);
	while (isdigit((unsigned char)*p)) {
		v = v * 10 + (*p++ - '0');
		if (v > INT_MAX)
			return ERR_PTR(-EOVERFLOW);
	}
	*num = v;
	return p;
}

/**
 * cpulist_parse - read a CPU list ("0-3,5", "0-7:2/4", "N") into @dst
 * @buf: NUL-terminated text; parsing stops at the first newline
 * @dst: the result, written only on success
 *
 * Return: 0, -EINVAL, -ERANGE or -EOVERFLOW (see the file comment).
 */
int cpulist_parse(const char *buf, struct cpumask *dst)
{
	unsigned long val = 0;
	const char *p = buf;

	for (;;) {
		unsigned int start, end, used, group, cpu;

		while (*p && *p != '\n' && is_separator(*p))
			p++;
		if (!*p || *p == '\n')
			break;
		p = get_num(p, &start);
		if (IS_ERR(p))
			return PTR_ERR(p);
		end = start;
		used = group = 1;
		if (*p == '-') {
			p = get_num(p + 1, &end);
			if (IS_ERR(p))
				return PTR_ERR(p);
			if (*p == ':') {
				p = get_num(p + 1, &used);
				if (IS_ERR(p))
					return PTR_ERR(p);
				if (*p != '/')
					return -EINVAL;
				p = get_num(p + 1, &group);
				if (IS_ERR(p))
					return PTR_ERR(p);
			}
		}
		if (*p && *p != '\n' && !is_separator(*p))
			return -EINVAL;
		if (start > end || !group || used > group)
			return -EINVAL;
		if (end >= nr_cpu_ids)
			return -ERANGE;
		for (cpu = start; cpu <= end; cpu++)
			if ((cpu - start) % group < used)
				val |= 1UL << cpu;
	}
	dst->bits[0] = val;
	return 0;
}

/* Copy @len bytes of @text to @buf as scnprintf would. */
static int copy_out(char *buf, size_t size, const char *text, size_t len)
{
	if (!size)
		return 0;
	if (len > size - 1)
		len = size - 1;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return len;
}

/**
 * cpumask_scnprintf - @m in hex, covering nr_cpu_ids bits, no newline
 *
 * Return: the characters stored in @buf, not counting the NUL.
 */
int cpumask_scnprintf(char *buf, size_t size, const struct cpumask *m)
{
	unsigned long val = __cpumask_word(m) & __cpumask_valid_bits();
	int top = (nr_cpu_ids - 1) / 32, g, len = 0;
	char text[CPUMASK_TEXT_MAX];

	for (g = top; g >= 0; g--) {
		unsigned int bits = g == top ? nr_cpu_ids - 32 * top : 32;

		len += scnprintf(text + len, sizeof(text) - len, "%s%0*lx",
				 g == top ? "" : ",", (int)DIV_ROUND_UP(bits, 4),
				 (val >> (32 * g)) & 0xffffffffUL);
	}
	return copy_out(buf, size, text, len);
}

/**
 * cpulist_scnprintf - @m as ranges ("0-3,5"), no newline; "" when empty
 *
 * Return: the characters stored in @buf, not counting the NUL.
 */
int cpulist_scnprintf(char *buf, size_t size, const struct cpumask *m)
{
	char text[CPUMASK_TEXT_MAX];
	unsigned int cpu, last;
	int len = 0;

	for (cpu = cpumask_first(m); cpu < nr_cpu_ids; cpu = cpumask_next(last, m)) {
		last = cpu;
		while (last + 1 < nr_cpu_ids && cpumask_test_cpu(last + 1, m))
			last++;
		len += scnprintf(text + len, sizeof(text) - len, len ? ",%u" : "%u", cpu);
		if (last > cpu)
			len += scnprintf(text + len, sizeof(text) - len, "-%u", last);
	}
	text[len] = '\0';
	return copy_out(buf, size, text, len);
}

/**
 * cpumap_print_to_pagebuf - a /proc file's text for @m: hex or list, "\n"
 * @list: true for the list form (smp_affinity_list)
 * @buf:  PAGE_SIZE bytes
 * @m:    the mask
 *
 * Return: the length of the text in @buf.
 */
int cpumap_print_to_pagebuf(bool list, char *buf, const struct cpumask *m)
{
	int len = list ? cpulist_scnprintf(buf, PAGE_SIZE - 1, m)
		       : cpumask_scnprintf(buf, PAGE_SIZE - 1, m);

	buf[len++] = '\n';
	buf[len] = '\0';
	return len;
}
