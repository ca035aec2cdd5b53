// SPDX-License-Identifier: MIT
/*
 * The 16550 UART's interrupt: COM1 on ISA IRQ 4 (the PC/AT assignment;
 * COM2 would be IRQ 3), and the "serial" shell command.
 *
 * serial8250_console_init() found and programmed the port at boot, polled
 * (8250_port.c). This initcall requests IRQ 4 as "ttyS0" and switches the
 * port to interrupt-driven receive and transmit. The line is requested
 * IRQF_SHARED - on a PC several serial ports may share one line - which is
 * why the handler must tell "not mine" (IIR bit 0 set: nothing pending)
 * from "handled". A UART's interrupt reaches the PIC only with MCR OUT2
 * set: on PC serial cards OUT2 enables the tri-state driver of the IRQ
 * line (PC16550D datasheet 8.7; IBM PC/AT Technical Reference, "Serial/
 * Parallel Adapter").
 */
#define pr_fmt(fmt) "serial8250: " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/serial_8250.h>
#include <linux/serial_reg.h>
#include <linux/shell.h>
#include <linux/tty.h>
#include <asm/io.h>

/**
 * serial8250_interrupt - IRQ handler of a 16550 port
 * @irq: the port's IRQ (4 for COM1)
 * @dev_id: the struct uart_8250_port
 *
 * Return: IRQ_HANDLED if the UART had something pending, else IRQ_NONE.
 */
static irqreturn_t serial8250_interrupt(int irq, void *dev_id)
{
	return IRQ_RETVAL(serial8250_handle_irq(dev_id));
}

static int __init serial8250_init(void)
{
	struct uart_8250_port *up = serial8250_get_port(0);
	int ret;

	if (!up)
		return -ENODEV;         /* no UART; already reported */
	ret = request_irq(up->irq, serial8250_interrupt, IRQF_SHARED, "ttyS0", up);
	if (ret) {
		pr_warn("ttyS%d: cannot get IRQ %u (%d), staying polled\n",
			up->line, up->irq, ret);
		return ret;
	}
	serial8250_start_irq(up);
	pr_info("ttyS%d: interrupt driven on IRQ %u (%s, %u-byte FIFO)\n",
		up->line, up->irq, up->type, up->fifosize);
	return 0;
}
device_initcall(serial8250_init);

/* " RTS|CTS|DTR|DSR|CD|RI" for the signals that are on, as Linux's
 * /proc/tty/driver/serial does. */
static void serial_show_signals(struct uart_8250_port *up)
{
	u8 msr = inb(up->iobase + UART_MSR);
	static const struct { bool mcr; u8 bit; const char *name; } sig[] = {
		{ true,  UART_MCR_RTS, "RTS" }, { false, UART_MSR_CTS, "CTS" },
		{ true,  UART_MCR_DTR, "DTR" }, { false, UART_MSR_DSR, "DSR" },
		{ false, UART_MSR_DCD, "CD" },  { false, UART_MSR_RI,  "RI" },
	};
	unsigned int i;
	char sep = ' ';

	for (i = 0; i < ARRAY_SIZE(sig); i++) {
		if ((sig[i].mcr ? up->mcr : msr) & sig[i].bit) {
			shell_printf("%c%s", sep, sig[i].name);
			sep = '|';
		}
	}
	shell_printf("\n");
}

static int do_serial(int argc, char **argv)
{
	struct uart_8250_port *up = serial8250_get_port(0);
	struct uart_8250_stats st;

	if (!up) {
		shell_printf("serial: no UART\n");
		return -ENODEV;
	}
	st = up->stats;
	/* First the line of Linux's /proc/tty/driver/serial ... */
	shell_printf("serinfo:1.0 driver revision:\n");
	shell_printf("%d: uart:%s port:%08lX irq:%u tx:%lu rx:%lu", up->line,
		     up->type, up->iobase, up->irq, st.tx, st.rx);
	if (st.framing)
		shell_printf(" fe:%lu", st.framing);
	if (st.parity)
		shell_printf(" pe:%lu", st.parity);
	if (st.brk)
		shell_printf(" brk:%lu", st.brk);
	if (st.overrun)
		shell_printf(" oe:%lu", st.overrun);
	serial_show_signals(up);
	/* ... then every counter, zero or not. */
	shell_printf("baud:           %8u\n", up->baud);
	shell_printf("irq_driven:     %8s\n", up->irq_active ? "yes" : "no");
	shell_printf("ier:            %6s%02x\n", "0x", up->ier);
	shell_printf("interrupts:     %8lu\n", st.irqs);
	shell_printf("irq_none:       %8lu\n", st.irq_none);
	shell_printf("rx:             %8lu\n", st.rx);
	shell_printf("tx:             %8lu\n", st.tx);
	shell_printf("tx_sync:        %8lu\n", st.tx_sync);
	shell_printf("tx_pending:     %8u\n", serial8250_tx_pending(up));
	shell_printf("tx_dropped:     %8lu\n", st.tx_dropped);
	shell_printf("overrun:        %8lu\n", st.overrun);
	shell_printf("framing:        %8lu\n", st.framing);
	shell_printf("parity:         %8lu\n", st.parity);
	shell_printf("break:          %8lu\n", st.brk);
	shell_printf("tty_input:      %8lu\n", tty_input_chars);
	shell_printf("tty_overruns:   %8lu\n", tty_input_overruns);
	shell_printf("tty_flip_pushes:%8lu\n", tty_flip_pushes);
	return 0;
}
DEFINE_SHELL_CMD(serial, "", "16550 UART (ttyS0) and console input counters", do_serial);
