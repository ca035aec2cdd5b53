/* SPDX-License-Identifier: MIT */
/*
 * GDT layout and segment selectors, in Linux's x86-64 order (so SYSCALL and
 * SYSRET, which derive user selectors from STAR, work unchanged later).
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS     1
#define GDT_ENTRY_KERNEL_CS       2
#define GDT_ENTRY_KERNEL_DS       3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS             8   /* 16-byte system descriptor: 8 and 9 */
#define GDT_ENTRY_LDT             10
#define GDT_ENTRIES               16

#define __KERNEL32_CS  (GDT_ENTRY_KERNEL32_CS * 8)      /* 0x08 */
#define __KERNEL_CS    (GDT_ENTRY_KERNEL_CS * 8)        /* 0x10 */
#define __KERNEL_DS    (GDT_ENTRY_KERNEL_DS * 8)        /* 0x18 */
#define __USER32_CS    (GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS      (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS      (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)           /* 0x40 */

#endif
