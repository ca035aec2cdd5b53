/* SPDX-License-Identifier: MIT */
/*
 * The AP startup trampoline (arch/x86/realmode/rm/trampoline_64.S).
 *
 * An Application Processor leaves reset waiting for a Startup IPI, whose
 * 8-bit vector VV makes it start in real mode at physical address
 * VV * 4 KiB (CS = VV << 8, IP = 0; Intel SDM Vol. 3A, 8.4.4.1 and
 * 10.6.1). The code it runs must therefore sit in a 4 KiB-aligned page
 * below 1 MiB. arch/x86/kernel/smpboot.c copies the trampoline there, with
 * the page tables the trampoline switches on right behind it:
 *
 *   TRAMPOLINE_BASE + 0x0000  code, temporary GDT, far pointers, CR3, EFER
 *                   + 0x1000  PGD: slot 0 identity, slots 256-511 = kernel's
 *                   + 0x2000  PUD for the identity slot
 *                   + 0x3000  PMD: one 2 MiB page at physical 0
 *
 * The identity map keeps the trampoline's own page executable at the
 * moment paging turns on; the kernel half lets it jump to the kernel's
 * 64-bit AP entry, secondary_startup_64, which then loads the kernel's
 * page tables proper. setup_arch() reserves the first MiB, so nothing else
 * allocates these pages.
 */
#ifndef _ASM_X86_REALMODE_H
#define _ASM_X86_REALMODE_H

#define TRAMPOLINE_BASE      0x8000   /* SIPI vector 0x08 */
#define TRAMPOLINE_PGD       0x1000   /* offsets from TRAMPOLINE_BASE */
#define TRAMPOLINE_PUD       0x2000
#define TRAMPOLINE_PMD       0x3000
#define TRAMPOLINE_SIZE      0x4000

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* The trampoline image in the kernel, copied to TRAMPOLINE_BASE. */
extern const char trampoline_start[], trampoline_end[];
/* Fields inside the image that smpboot.c fills in the copy. */
extern const char tr_gdt[], tr_gdt_desc[], tr_pm_ptr[], tr_lm_ptr[];
extern const char tr_startup_32[], tr_startup_64[], tr_cr3[], tr_efer[];

/* The kernel side of the AP entry, read by secondary_startup_64. */
extern unsigned long smpboot_cr3;                 /* the kernel's PGD (physical) */
extern unsigned long smpboot_cr4;                 /* the boot CPU's CR4 */
extern unsigned long smpboot_stack_top[];         /* per CPU; 0 = do not start */
#endif

#endif
