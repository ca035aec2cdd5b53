/* SPDX-License-Identifier: MIT */
/* Powering off, restarting, and QEMU's isa-debug-exit test device. */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

__noreturn void machine_power_off(void);   /* ACPI S5, else halt */
__noreturn void machine_restart(void);     /* ACPI reset, 8042, triple fault */
__noreturn void machine_halt(void);        /* interrupts off, hlt forever */

/*
 * QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=4):
 * writing CODE makes QEMU exit with status (CODE << 1) | 1. Returns (doing
 * nothing) on machines without the device.
 */
#define QEMU_EXIT_KUNIT_PASS 0x10   /* exit status 33 */
#define QEMU_EXIT_KUNIT_FAIL 0x11   /* exit status 35 */
#define QEMU_EXIT_PANIC      0x20   /* exit status 65 */
void qemu_debug_exit(unsigned int code);

#endif
