// SPDX-License-Identifier: MIT
/*
 * panic() - stop the system after an unrecoverable error.
 *
 * Prints "Kernel panic - not syncing: <reason>" as Linux does, then, under
 * QEMU with the isa-debug-exit device, ends the emulator with a distinct
 * status (QEMU_EXIT_PANIC) so a test can tell a panic from a clean
 * poweroff. Elsewhere it waits "panic=N" seconds and reboots, or halts.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/reboot.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/console.h>
#include <asm/smp.h>

static int panic_timeout;   /* seconds; 0 = halt forever */
static int panic_in_progress;

static int __init set_panic_timeout(char *val)
{
	return val && !kstrtoint(val, 0, &panic_timeout) ? 0 : -EINVAL;
}
early_param("panic", set_panic_timeout);

void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	local_irq_disable();
	if (__atomic_fetch_add(&panic_in_progress, 1, __ATOMIC_SEQ_CST))
		machine_halt();     /* a panic while panicking: just stop */
	console_flush_on_panic();
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	/* Stop the other CPUs so nothing runs on past the report. */
	smp_send_stop();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	qemu_debug_exit(QEMU_EXIT_PANIC);
	if (panic_timeout > 0) {
		printk(KERN_EMERG "Rebooting in %d seconds..\n", panic_timeout);
		mdelay((unsigned long)panic_timeout * 1000);
		machine_restart();
	}
	machine_halt();
}
