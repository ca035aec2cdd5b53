/* SPDX-License-Identifier: MIT */
/* Host stand-in for the x86 ud2-based BUG/WARN: calls into the test. */
#ifndef _HOST_ASM_BUG_H
#define _HOST_ASM_BUG_H

void host_bug(const char *file, int line, unsigned int flags);
#define __BUG_FLAGS(flags) host_bug(__FILE__, __LINE__, (flags))

#endif
