// SPDX-License-Identifier: MIT
/* Copying kernel memory that might not be mapped (for oops reports, debuggers). */
#include <linux/kernel.h>
#include <asm/uaccess.h>

/**
 * copy_from_kernel_nofault - copy @size bytes, stopping at the first fault
 *
 * Returns 0, or -EFAULT if any byte could not be read (the bytes before it
 * have been copied).
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	u8 *d = dst;
	const u8 *s = src;

	while (size >= 8 && !(((unsigned long)s) & 7)) {
		u64 v;

		if (get_kernel_nofault(v, (const u64 *)s))
			return -14;
		__builtin_memcpy(d, &v, 8);
		d += 8;
		s += 8;
		size -= 8;
	}
	while (size) {
		u8 v;

		if (get_kernel_nofault(v, s))
			return -14;
		*d++ = v;
		s++;
		size--;
	}
	return 0;
}
