/* SPDX-License-Identifier: MIT */
/*
 * Stopping the machine: power off, restart, halt, and QEMU's exit device.
 *
 * Restart tries, in order, the ways PCs have accumulated:
 *   1. the ACPI reset register from the FADT (ACPI 6.5, 4.8.3.6), on modern
 *      chipsets normally port 0xCF9;
 *   2. the 8042 keyboard controller's "pulse output port" command 0xFE,
 *      whose bit 0 is wired to the CPU's reset line since the IBM PC/AT
 *      (IBM PC/AT Technical Reference, "Keyboard Controller" commands);
 *   3. a triple fault: with an empty IDT any exception cannot be delivered,
 *      the resulting double fault cannot either, and the CPU shuts down,
 *      which the chipset turns into a reset (Intel SDM Vol. 3A, 6.15,
 *      "Interrupt 8 - Double Fault Exception").
 * Power off has only ACPI S5; if that fails the machine halts.
 */
#define pr_fmt(fmt) "reboot: " fmt

#include <linux/acpi.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <asm/io.h>

#define I8042_STATUS_REG  0x64   /* read: controller status */
#define I8042_COMMAND_REG 0x64   /* write: controller command */
#define I8042_STR_IBF     0x02   /* input buffer full: controller busy */
#define I8042_CMD_RESET   0xfe   /* pulse output port bit 0 (CPU reset) low */
#define I8042_DRAIN_LOOPS 100000 /* ~100 ms of status reads at ISA speed */

#define QEMU_DEBUG_EXIT_PORT 0xf4   /* -device isa-debug-exit,iobase=0xf4 */

/**
 * machine_halt - stop this CPU for good
 *
 * Interrupts off, then hlt. An NMI can still wake the CPU, so hlt again.
 */
void machine_halt(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt" ::: "memory");
}

/**
 * machine_power_off - turn the machine off
 *
 * Enters ACPI S5. Where that is not possible (no ACPI, a broken \_S5_),
 * says so and halts, which is what a user can switch off by hand. Prints
 * Linux's "reboot: Power down" first (there is no kernel/reboot.c to do it).
 */
void machine_power_off(void)
{
	int ret;

	local_irq_disable();
	pr_emerg("Power down\n");
	ret = acpi_power_off();
	pr_emerg("ACPI power off failed (%d). System halted.\n", ret);
	machine_halt();
}

/* Wait (bounded) until the 8042 can take a command, then tell it to reset. */
static void i8042_pulse_reset(void)
{
	unsigned int i;

	for (i = 0; i < I8042_DRAIN_LOOPS; i++) {
		if (!(inb(I8042_STATUS_REG) & I8042_STR_IBF))
			break;
		io_delay();
	}
	outb(I8042_CMD_RESET, I8042_COMMAND_REG);
	mdelay(50);     /* the reset pulse takes a few microseconds */
}

/* Load an IDT with no entries and raise an exception: the CPU resets. */
static void triple_fault(void)
{
	static const struct {
		u16 limit;
		u64 base;
	} __packed empty_idt = { 0, 0 };

	__asm__ __volatile__("lidt %0; int3" :: "m"(empty_idt) : "memory");
}

/**
 * machine_restart - reset the machine
 *
 * Prints "reboot: Restarting system", then tries the ACPI reset register,
 * the 8042 keyboard controller and a triple fault. Never returns.
 */
void machine_restart(void)
{
	int ret;

	local_irq_disable();
	pr_emerg("Restarting system\n");
	ret = acpi_reboot();
	if (ret != -ENODEV)
		pr_emerg("ACPI reset failed (%d), trying the keyboard controller\n", ret);
	i8042_pulse_reset();

	pr_emerg("keyboard controller reset failed, triple faulting\n");
	triple_fault();
	machine_halt();
}

/**
 * qemu_debug_exit - make QEMU exit with status (@code << 1) | 1
 * @code: value written to the isa-debug-exit device
 *
 * Without the device (a real PC, or QEMU started without it) the write goes
 * nowhere and this returns.
 */
void qemu_debug_exit(unsigned int code)
{
	outl(code, QEMU_DEBUG_EXIT_PORT);
}
