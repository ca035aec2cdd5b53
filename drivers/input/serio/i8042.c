// SPDX-License-Identifier: MIT
/*
 * The PC keyboard controller: an Intel 8042 microcontroller on the IBM
 * PC/AT, a function of the Super I/O or embedded controller today, and
 * QEMU's "i8042" device. It talks to the keyboard over a serial line and
 * to us through two ports (include/linux/i8042.h): 0x64 for status and
 * commands, 0x60 for data. IBM "Personal Computer AT Technical Reference",
 * "Keyboard Controller", gives the commands and the status and command
 * byte bits.
 *
 * Every byte the keyboard sends lands in the controller's one-byte output
 * buffer; with KBDINT set in the command byte the controller raises IRQ 1
 * until the byte is read from 0x60. With XLATE set it turns the keyboard's
 * scancode set 2 into the PC/XT's set 1, which atkbd.c decodes.
 *
 * The mouse (auxiliary) port is switched off: with no mouse driver, its
 * bytes would sit in the shared output buffer and block the keyboard.
 */
#define pr_fmt(fmt) "i8042: " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/i8042.h>
#include <linux/serio.h>
#include <linux/shell.h>
#include <linux/spinlock.h>
#include <asm/io.h>

#define I8042_CTL_TIMEOUT  10000   /* status polls of 50 us: half a second */
#define I8042_BUFFER_SIZE  64      /* most bytes a flush may have to discard */

struct i8042_stats i8042_stats;
static DEFINE_SPINLOCK(i8042_lock);
static u8 i8042_ctr;                /* the command byte we wrote */
static bool i8042_present;

/* Wait until the controller can take a byte (IBF clear). */
static int i8042_wait_write(void)
{
	unsigned int i;

	for (i = 0; i < I8042_CTL_TIMEOUT; i++) {
		if (!(inb(I8042_STATUS_REG) & I8042_STR_IBF))
			return 0;
		udelay(50);
	}
	return -ETIMEDOUT;
}

/* Wait until the controller has a byte for us (OBF set). */
static int i8042_wait_read(void)
{
	unsigned int i;

	for (i = 0; i < I8042_CTL_TIMEOUT; i++) {
		if (inb(I8042_STATUS_REG) & I8042_STR_OBF)
			return 0;
		udelay(50);
	}
	return -ETIMEDOUT;
}

/*
 * Send a controller command, with an optional parameter byte (@param >= 0)
 * and an optional one-byte answer (@answer != NULL).
 */
static int i8042_command(u8 cmd, int param, u8 *answer)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&i8042_lock, flags);
	ret = i8042_wait_write();
	if (!ret) {
		outb(cmd, I8042_COMMAND_REG);
		if (param >= 0) {
			ret = i8042_wait_write();
			if (!ret)
				outb((u8)param, I8042_DATA_REG);
		}
	}
	if (!ret && answer) {
		ret = i8042_wait_read();
		if (!ret)
			*answer = inb(I8042_DATA_REG);
	}
	spin_unlock_irqrestore(&i8042_lock, flags);
	return ret;
}

/* Discard whatever is waiting in the output buffer; returns how much. */
static unsigned int i8042_flush(void)
{
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&i8042_lock, flags);
	while ((inb(I8042_STATUS_REG) & I8042_STR_OBF) && n < I8042_BUFFER_SIZE) {
		udelay(50);
		inb(I8042_DATA_REG);
		n++;
	}
	spin_unlock_irqrestore(&i8042_lock, flags);
	return n;
}

/**
 * i8042_interrupt - IRQ 1 handler
 * @irq: 1
 * @dev_id: &i8042_stats
 *
 * Reads the status, then the byte it announces, and passes keyboard bytes
 * to atkbd_interrupt() with the status's error bits as SERIO_* flags. An
 * interrupt with the output buffer empty is counted as spurious.
 *
 * Return: IRQ_HANDLED if a byte was read, IRQ_NONE otherwise.
 */
static irqreturn_t i8042_interrupt(int irq, void *dev_id)
{
	unsigned int dfl = 0;
	u8 str, data;

	spin_lock(&i8042_lock);
	str = inb(I8042_STATUS_REG);
	if (!(str & I8042_STR_OBF)) {
		spin_unlock(&i8042_lock);
		i8042_stats.spurious++;
		return IRQ_NONE;
	}
	data = inb(I8042_DATA_REG);
	spin_unlock(&i8042_lock);

	i8042_stats.irqs++;
	if (str & I8042_STR_AUXDATA) {
		i8042_stats.aux_dropped++;
		return IRQ_HANDLED;
	}
	if (str & I8042_STR_PARITY)
		dfl |= SERIO_PARITY;
	if (str & I8042_STR_TIMEOUT)
		dfl |= SERIO_TIMEOUT;
	atkbd_interrupt(data, dfl);
	return IRQ_HANDLED;
}

/*
 * Find the controller, quiesce it, program the command byte (keyboard on,
 * IRQ 1 on, translation on, mouse off), take IRQ 1 and let the keyboard
 * talk. Runs with interrupts off (initcall): nothing here waits for one.
 */
static int __init i8042_init(void)
{
	unsigned int flushed;
	u8 ctr;
	int ret;

	/* Nothing decodes port 0x64 on machines without one: it reads 0xff. */
	if (inb(I8042_STATUS_REG) == 0xff) {
		pr_info("no controller found\n");
		return -ENODEV;
	}
	/* Stop both devices so nothing new arrives while we set up. */
	if (i8042_command(I8042_CMD_KBD_DISABLE, -1, NULL) ||
	    i8042_command(I8042_CMD_AUX_DISABLE, -1, NULL)) {
		pr_err("controller does not accept commands\n");
		return -ENODEV;
	}
	flushed = i8042_flush();

	ret = i8042_command(I8042_CMD_CTL_RCTR, -1, &ctr);
	if (ret) {
		pr_err("cannot read the command byte (%d)\n", ret);
		return -EIO;
	}
	ctr |= I8042_CTR_KBDINT | I8042_CTR_XLATE | I8042_CTR_AUXDIS;
	ctr &= ~(I8042_CTR_KBDDIS | I8042_CTR_AUXINT);
	ret = i8042_command(I8042_CMD_CTL_WCTR, ctr, NULL);
	if (ret) {
		pr_err("cannot write the command byte (%d)\n", ret);
		return -EIO;
	}
	i8042_ctr = ctr;

	ret = request_irq(I8042_KBD_IRQ, i8042_interrupt, IRQF_SHARED, "i8042",
			  &i8042_stats);
	if (ret) {
		pr_err("cannot get IRQ %d (%d)\n", I8042_KBD_IRQ, ret);
		return ret;
	}
	i8042_present = true;
	ret = i8042_command(I8042_CMD_KBD_ENABLE, -1, NULL);
	pr_info("PS/2 Controller at 0x%x,0x%x irq %d, command byte 0x%02x%s\n",
		I8042_DATA_REG, I8042_COMMAND_REG, I8042_KBD_IRQ, ctr,
		ret ? ", keyboard port did not enable" : "");
	if (flushed)
		pr_info("discarded %u stale byte%s\n", flushed, flushed == 1 ? "" : "s");
	return 0;
}
device_initcall(i8042_init);

static int do_i8042(int argc, char **argv)
{
	if (!i8042_present) {
		shell_printf("i8042: no controller\n");
		return -ENODEV;
	}
	shell_printf("irq %d, command byte 0x%02x, status 0x%02x\n",
		     I8042_KBD_IRQ, i8042_ctr, inb(I8042_STATUS_REG));
	shell_printf("i8042_irqs:        %8lu\n", i8042_stats.irqs);
	shell_printf("i8042_spurious:    %8lu\n", i8042_stats.spurious);
	shell_printf("i8042_aux_dropped: %8lu\n", i8042_stats.aux_dropped);
	shell_printf("atkbd_bytes:       %8lu\n", atkbd_stats.bytes);
	shell_printf("atkbd_keys:        %8lu\n", atkbd_stats.keys);
	shell_printf("atkbd_errors:      %8lu\n", atkbd_stats.errors);
	shell_printf("atkbd_unknown:     %8lu\n", atkbd_stats.unknown);
	shell_printf("atkbd_replies:     %8lu\n", atkbd_stats.replies);
	return 0;
}
DEFINE_SHELL_CMD(i8042, "", "PS/2 keyboard controller and keyboard counters", do_i8042);
