/* SPDX-License-Identifier: MIT */
/*
 * The PC serial port: a 16550A UART (or a 16450/16550 ancestor, or one of
 * the countless clones in Super I/O chips and QEMU) at the legacy COM1
 * address 0x3f8, used as the kernel console.
 *
 * Registers and bits: National Semiconductor / TI "PC16550D Universal
 * Asynchronous Receiver/Transmitter with FIFOs" datasheet, section 8
 * "Registers" (Table II summarises the map; 8.1 LCR, 8.2 baud generator,
 * 8.3 LSR, 8.4 FCR, 8.5 IIR, 8.6 IER, 8.7 MCR, 8.8 MSR, 8.9 scratchpad).
 *
 * At boot the port is polled: interrupts stay off (IER = 0) and the console
 * waits for the transmitter itself. Every wait is bounded, because a PC
 * without COM1 reads 0xff from these ports forever and a console must never
 * hang the kernel. Reading LSR clears its error bits, so every LSR read goes
 * through serial8250_read_lsr(), which counts them first.
 *
 * Once 8250_core.c has IRQ 4, serial8250_start_irq() makes it interrupt
 * driven. Received bytes are read by the handler and queued on the console
 * input (tty_insert_flip_char()). Console output goes into a TX ring
 * (up->xmit) that the "transmitter empty" interrupt drains, a FIFO-load at
 * a time; but whenever waiting for that interrupt could lose or reorder
 * output - interrupts off (printk, panic), an oops, an NMI, or a full ring
 * - the write is done synchronously instead, after first draining the
 * ring by polling, so the order of output is always the order of writes.
 */
#define pr_fmt(fmt) "serial8250: " fmt

#include <linux/console.h>
#include <linux/delay.h>
#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/serial_8250.h>
#include <linux/serial_reg.h>
#include <linux/hardirq.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/processor.h>

#define COM1_BASE        0x3f8
#define COM1_IRQ         4
#define UART_BASE_BAUD   115200 /* 1.8432 MHz crystal / 16 */

/*
 * Bounds on busy-waits, counted in LSR reads. An ISA/LPC port read takes
 * about 1 us, so 10000 reads is ~10 ms: far more than one character time at
 * any rate we use (87 us at 115200, 1 ms at 9600), far less than a hang.
 */
#define UART_TX_WAIT_LOOPS  10000
#define UART_RX_WAIT_LOOPS  10000
#define UART_PROBE_BYTE     0xa5
/* Longest a healthy lock holder can take: one long message at 115200. */
#define PORT_LOCK_WAIT_US   500000
/* Most IIR rounds per interrupt, and bytes per RX burst: a stuck UART must
 * not keep the CPU in its handler forever. */
#define UART_IRQ_PASSES     256
#define UART_RX_BURST       256

/* Set by oops_begin() (arch/x86/kernel/dumpstack.c). */
extern int oops_in_progress;

static struct uart_8250_port serial8250_ports[1] = {
	{
		.iobase  = COM1_BASE,
		.irq     = COM1_IRQ,
		.uartclk = UART_BASE_BAUD,
		.baud    = UART_BASE_BAUD,
		.line    = 0,
		.lock    = __SPIN_LOCK_UNLOCKED(serial8250_ports[0].lock),
		.lock_owner = -1,
	},
};

static inline u8 serial_in(struct uart_8250_port *up, int reg)
{
	return inb(up->iobase + reg);
}

static inline void serial_out(struct uart_8250_port *up, int reg, u8 v)
{
	outb(v, up->iobase + reg);
}

/*
 * Take the port lock, but never hang the console on it. Waiting would
 * deadlock in two cases: an oops or NMI on this CPU interrupted a write and
 * now prints through console_write_all() (which takes no locks, on purpose),
 * seen from lock_owner; or panic stopped another CPU while it held the lock,
 * caught by waiting at most PORT_LOCK_WAIT_US. Either way we go ahead
 * unlocked: interleaved output beats a lost oops report.
 */
static bool serial8250_lock(struct uart_8250_port *up, unsigned long *flags)
{
	unsigned int us;
	int me;

	local_irq_save(*flags);
	me = smp_processor_id();
	if (READ_ONCE(up->lock_owner) == me)
		return false;
	for (us = 0; !spin_trylock(&up->lock); us++) {
		if (us == PORT_LOCK_WAIT_US)
			return false;
		udelay(1);
	}
	WRITE_ONCE(up->lock_owner, me);
	return true;
}

static void serial8250_unlock(struct uart_8250_port *up, bool locked,
			      unsigned long flags)
{
	if (locked) {
		WRITE_ONCE(up->lock_owner, -1);
		spin_unlock(&up->lock);
	}
	local_irq_restore(flags);
}

/* Read LSR, counting the error bits that the read itself clears. */
static u8 serial8250_read_lsr(struct uart_8250_port *up)
{
	u8 lsr = serial_in(up, UART_LSR);

	if (unlikely(lsr & UART_LSR_ERRORS)) {
		if (lsr & UART_LSR_OE)
			up->stats.overrun++;
		if (lsr & UART_LSR_PE)
			up->stats.parity++;
		if (lsr & UART_LSR_FE)
			up->stats.framing++;
		if (lsr & UART_LSR_BI)
			up->stats.brk++;
	}
	return lsr;
}

/* Wait (bounded) for room in the transmitter; false if it never came. */
static bool serial8250_wait_thre(struct uart_8250_port *up)
{
	unsigned int i;

	for (i = 0; i < UART_TX_WAIT_LOOPS; i++) {
		if (serial8250_read_lsr(up) & UART_LSR_THRE)
			return true;
		cpu_relax();
	}
	return false;
}

/* Receive one character if there is one; -1 otherwise. Lock held. */
static int serial8250_rx_one(struct uart_8250_port *up)
{
	if (!(serial8250_read_lsr(up) & UART_LSR_DR))
		return -1;
	up->stats.rx++;
	return serial_in(up, UART_RX);
}

static void serial8250_set_baud(struct uart_8250_port *up, unsigned int baud)
{
	unsigned int div = DIV_ROUND_UP(up->uartclk, baud);

	/* The divisor latch shares addresses with RX/TX and IER: DLAB selects. */
	serial_out(up, UART_LCR, UART_LCR_DLAB);
	serial_out(up, UART_DLL, div & 0xff);
	serial_out(up, UART_DLM, div >> 8);
	serial_out(up, UART_LCR, UART_LCR_WLEN8);
	up->baud = up->uartclk / div;
}

static void __init serial8250_startup(struct uart_8250_port *up, unsigned int baud);

/*
 * Is there a UART at up->iobase? An empty I/O address reads 0xff, so first a
 * register that must remember what we wrote (the scratchpad; every 16450 and
 * later has one). Then the port is programmed (@baud, 8N1, FIFOs) - the echo
 * test needs a running baud generator, and firmware may have left the divisor
 * at 0 - and put in loopback: MCR outputs must appear in MSR, and a byte sent
 * must come back. Leaves the port in normal (non-loopback) mode.
 */
static bool __init serial8250_probe(struct uart_8250_port *up, unsigned int baud)
{
	u8 msr;
	int c = -1;
	unsigned int i;

	serial_out(up, UART_SCR, 0x55);
	if (serial_in(up, UART_SCR) != 0x55)
		return false;
	serial_out(up, UART_SCR, 0xaa);
	if (serial_in(up, UART_SCR) != 0xaa)
		return false;

	serial8250_startup(up, baud);
	serial_out(up, UART_MCR, UART_MCR_LOOP | UART_MCR_OUT2 | UART_MCR_RTS);
	msr = serial_in(up, UART_MSR) & (UART_MSR_CTS | UART_MSR_DSR |
					 UART_MSR_RI | UART_MSR_DCD);
	if (msr != (UART_MSR_DCD | UART_MSR_CTS)) {
		serial_out(up, UART_MCR, 0);
		return false;
	}

	/* Empty the receiver, then send one byte to ourselves. */
	for (i = 0; i < 64 && serial8250_rx_one(up) >= 0; i++)
		;
	up->stats.rx = 0;
	if (serial8250_wait_thre(up)) {
		serial_out(up, UART_TX, UART_PROBE_BYTE);
		for (i = 0; i < UART_RX_WAIT_LOOPS && c < 0; i++)
			c = serial8250_rx_one(up);
	}
	up->stats.rx = 0;
	/* DTR/RTS tell the other end we are alive; OUT2 is for the IRQ later. */
	up->mcr = UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2;
	serial_out(up, UART_MCR, up->mcr);
	return c == UART_PROBE_BYTE;
}

/* Program 8N1 at @baud, turn the FIFOs on and find out what kind of UART. */
static void __init serial8250_startup(struct uart_8250_port *up, unsigned int baud)
{
	u8 iir;

	up->ier = 0;
	serial_out(up, UART_IER, 0);            /* polled: no interrupts */
	serial8250_set_baud(up, baud);
	serial_out(up, UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR_RCVR |
		   UART_FCR_CLEAR_XMIT | UART_FCR_TRIGGER_14);
	iir = serial_in(up, UART_IIR) & UART_IIR_FIFO;
	if (iir == UART_IIR_FIFO) {
		up->type = "16550A";
		up->fifosize = 16;
	} else if (iir) {
		/* The original 16550's FIFO is unreliable; run it without. */
		serial_out(up, UART_FCR, 0);
		up->type = "16550";
		up->fifosize = 1;
	} else {
		up->type = "16450";
		up->fifosize = 1;
	}
}

/* Send one byte, waiting (bounded) for room; false if the UART is stuck. */
static bool serial8250_put_polled(struct uart_8250_port *up, u8 c)
{
	if (!serial8250_wait_thre(up))
		return false;
	serial_out(up, UART_TX, c);
	up->stats.tx++;
	return true;
}

static unsigned int xmit_count(struct uart_8250_port *up)
{
	return up->xmit_head - up->xmit_tail;
}

static void serial8250_set_ier(struct uart_8250_port *up, u8 ier)
{
	if (up->ier != ier) {
		up->ier = ier;
		serial_out(up, UART_IER, ier);
	}
}

/*
 * Write @s synchronously, after whatever the TX ring still holds. Lock
 * held. A transmitter that stays stuck (flow control on a clone, a dead
 * chip) drops the rest, counted, rather than spend 10 ms on each byte.
 */
static void serial8250_write_polled(struct uart_8250_port *up, const char *s,
				    unsigned int count)
{
	unsigned int i;

	while (xmit_count(up)) {
		if (!serial8250_put_polled(up, up->xmit[up->xmit_tail % UART_XMIT_SIZE])) {
			up->stats.tx_dropped += xmit_count(up) + count;
			up->xmit_tail = up->xmit_head;
			return;
		}
		up->xmit_tail++;
		up->stats.tx_sync++;
	}
	serial8250_set_ier(up, up->ier & ~UART_IER_THRI);
	for (i = 0; i < count; i++) {
		/* Terminals want "\r\n": send the '\r' first. */
		if ((s[i] == '\n' && !serial8250_put_polled(up, '\r')) ||
		    !serial8250_put_polled(up, s[i])) {
			up->stats.tx_dropped += count - i;
			return;
		}
		if (up->irq_active)
			up->stats.tx_sync++;
	}
}

/* Move up to a FIFO-load from the TX ring to the UART; THRE was seen. */
static void serial8250_tx_chars(struct uart_8250_port *up)
{
	unsigned int n = up->fifosize;

	while (n-- && xmit_count(up)) {
		serial_out(up, UART_TX, up->xmit[up->xmit_tail++ % UART_XMIT_SIZE]);
		up->stats.tx++;
	}
	/* Nothing left: stop the THRE interrupt, or it would fire forever. */
	serial8250_set_ier(up, xmit_count(up) ? up->ier | UART_IER_THRI
					      : up->ier & ~UART_IER_THRI);
}

/*
 * Queue @s (with "\n" as "\r\n") on the TX ring if it fits whole, and get
 * the transmitter going. Lock held. False if it does not fit.
 */
static bool serial8250_queue(struct uart_8250_port *up, const char *s,
			     unsigned int count)
{
	unsigned int i, need = count;

	for (i = 0; i < count; i++)
		need += s[i] == '\n';
	if (need > UART_XMIT_SIZE - xmit_count(up))
		return false;
	for (i = 0; i < count; i++) {
		if (s[i] == '\n')
			up->xmit[up->xmit_head++ % UART_XMIT_SIZE] = '\r';
		up->xmit[up->xmit_head++ % UART_XMIT_SIZE] = s[i];
	}
	/* An idle transmitter gets its first FIFO-load now; the THRE
	 * interrupt asks for the rest. */
	if (!(up->ier & UART_IER_THRI) && (serial8250_read_lsr(up) & UART_LSR_THRE))
		serial8250_tx_chars(up);
	else
		serial8250_set_ier(up, up->ier | UART_IER_THRI);
	return true;
}

static void serial8250_console_write(struct console *con, const char *s,
				     unsigned int count)
{
	struct uart_8250_port *up = con->data;
	unsigned long flags;
	bool locked;

	locked = serial8250_lock(up, &flags);
	/* Only where the THRE interrupt will surely come and nothing is
	 * urgent; everything else is written now, in order. */
	if (!locked || !up->irq_active || irqs_disabled_flags(flags) ||
	    oops_in_progress || in_nmi() || !serial8250_queue(up, s, count))
		serial8250_write_polled(up, s, count);
	serial8250_unlock(up, locked, flags);
}

static int serial8250_console_read_char(struct console *con)
{
	struct uart_8250_port *up = con->data;
	unsigned long flags;
	bool locked;
	int c;

	/* With the RX interrupt in use and interrupts on, the handler reads
	 * the UART; polling too would only race it. */
	if (READ_ONCE(up->irq_active) && !irqs_disabled())
		return -1;
	locked = serial8250_lock(up, &flags);
	c = serial8250_rx_one(up);
	serial8250_unlock(up, locked, flags);
	return c;
}

static struct console serial8250_console = {
	.name      = "ttyS",
	.write     = serial8250_console_write,
	.read_char = serial8250_console_read_char,
	.flags     = CON_ENABLED,
	.index     = 0,
	.data      = &serial8250_ports[0],
};

/*
 * Read every byte the receiver holds into the console input. @lsr is a
 * fresh LSR value; returns the last one read. A break arrives as a NUL
 * byte with BI set: counted (in stats.brk) and not passed on.
 */
static u8 serial8250_rx_chars(struct uart_8250_port *up, u8 lsr)
{
	unsigned int n;
	u8 c;

	for (n = 0; n < UART_RX_BURST && (lsr & (UART_LSR_DR | UART_LSR_BI)); n++) {
		if (lsr & UART_LSR_DR) {
			c = serial_in(up, UART_RX);
			up->stats.rx++;
			if (!(lsr & UART_LSR_BI))
				tty_insert_flip_char(c);
		}
		lsr = serial8250_read_lsr(up);
	}
	return lsr;
}

/**
 * serial8250_handle_irq - service everything the UART has pending
 * @up: the port
 *
 * Loops until IIR says "no interrupt pending": with the 8259's edge
 * triggering, the UART's interrupt line must go low before another
 * interrupt can be seen, so leaving any source pending would silence the
 * port for good. Each round reads LSR (counting errors: that also clears a
 * line-status interrupt), drains the receiver, refills the transmitter
 * from the TX ring when it is empty, and reads MSR to clear a modem-status
 * interrupt.
 *
 * Return: false if nothing was pending on entry (not this UART's interrupt).
 */
bool serial8250_handle_irq(struct uart_8250_port *up)
{
	unsigned long flags;
	unsigned int pass;
	bool locked;
	u8 iir, lsr;

	locked = serial8250_lock(up, &flags);
	for (pass = 0; pass < UART_IRQ_PASSES; pass++) {
		iir = serial_in(up, UART_IIR);
		if (iir & UART_IIR_NO_INT)
			break;
		lsr = serial8250_read_lsr(up);
		if (lsr & (UART_LSR_DR | UART_LSR_BI))
			lsr = serial8250_rx_chars(up, lsr);
		/* Reading IIR cleared a THRE interrupt: act on it now. */
		if ((lsr & UART_LSR_THRE) && (up->ier & UART_IER_THRI))
			serial8250_tx_chars(up);
		if ((iir & UART_IIR_ID) == UART_IIR_MSI)
			serial_in(up, UART_MSR);
	}
	if (up->stats.rx != up->rx_pushed) {
		up->rx_pushed = up->stats.rx;
		tty_flip_buffer_push();
	}
	if (pass)
		up->stats.irqs++;
	else
		up->stats.irq_none++;
	serial8250_unlock(up, locked, flags);
	return pass != 0;
}

/**
 * serial8250_start_irq - switch @up to interrupt-driven operation
 * @up: the port; its IRQ handler must be registered already
 *
 * FIFOs on with the receive interrupt at 8 bytes (or after 4 idle
 * character times, the RX timeout), OUT2 on so the interrupt reaches the
 * PIC, and IER = received data + line status. The THRE interrupt is
 * enabled only while the TX ring has something to send. Bytes already in
 * the receive FIFO stay there and raise the first interrupt.
 */
void serial8250_start_irq(struct uart_8250_port *up)
{
	unsigned long flags;
	bool locked;

	locked = serial8250_lock(up, &flags);
	if (up->fifosize > 1)
		serial_out(up, UART_FCR, UART_FCR_ENABLE | UART_FCR_TRIGGER_8);
	up->mcr |= UART_MCR_OUT2;
	serial_out(up, UART_MCR, up->mcr);
	WRITE_ONCE(up->irq_active, true);
	WRITE_ONCE(tty_input_polled, false);     /* the RX interrupt wakes the reader */
	serial8250_set_ier(up, UART_IER_RDI | UART_IER_RLSI);
	serial8250_unlock(up, locked, flags);
}

/**
 * serial8250_tx_pending - bytes in the TX ring not yet given to the UART
 * @up: the port
 */
unsigned int serial8250_tx_pending(struct uart_8250_port *up)
{
	return READ_ONCE(up->xmit_head) - READ_ONCE(up->xmit_tail);
}

/**
 * serial8250_getc_poll - read a character from ttyS0 without waiting
 *
 * Return: the character (0-255), or -1 if none is waiting or there is no
 * UART.
 */
int serial8250_getc_poll(void)
{
	struct uart_8250_port *up = &serial8250_ports[0];

	if (!up->present)
		return -1;
	return serial8250_console_read_char(&serial8250_console);
}

/**
 * serial8250_get_port - the port behind ttyS<line>
 * @line: port number
 *
 * Return: the port (stats, type, iobase) or NULL if it was not found.
 */
struct uart_8250_port *serial8250_get_port(int line)
{
	if (line < 0 || line >= (int)ARRAY_SIZE(serial8250_ports) ||
	    !serial8250_ports[line].present)
		return NULL;
	return &serial8250_ports[line];
}

/*
 * The console= rule, as on Linux: without any console= option every console
 * registers; with some, only the consoles they name. A word is
 * "console=NAME[,OPTIONS]" and there may be several; cmdline_find_option()
 * reports only the last, so it answers "is there any?" and we walk the words
 * ourselves. Returns 1 and the options (may be "") if a word names @name,
 * 0 if there are console= words but none names it, -1 if there are none.
 */
static int __init console_cmdline_match(const char *name, char *opts, size_t optsize)
{
	const char *p = boot_command_line, *v;
	size_t n = strlen(name), i;

	if (cmdline_find_option(boot_command_line, "console", NULL, 0) < 0)
		return -1;
	for (; (p = strstr(p, "console=")); p = v) {
		v = p + strlen("console=");
		if (p != boot_command_line && !isspace((unsigned char)p[-1]))
			continue;               /* "xconsole=" is another option */
		if (strncmp(v, name, n) ||
		    (v[n] && v[n] != ',' && !isspace((unsigned char)v[n])))
			continue;
		v += n;
		if (*v == ',')
			v++;
		for (i = 0; optsize && i < optsize - 1 && v[i] &&
			    !isspace((unsigned char)v[i]); i++)
			opts[i] = v[i];
		if (optsize)
			opts[i] = '\0';
		return 1;
	}
	return 0;
}

/* "115200n8" -> 115200. Parity and data bits other than n8 are ignored. */
static unsigned int __init serial8250_parse_baud(struct uart_8250_port *up,
						 const char *opts)
{
	unsigned long baud = simple_strtoul(opts, NULL, 10);

	if (!*opts)
		return up->uartclk;
	if (baud < 50 || baud > up->uartclk) {
		pr_warn("ttyS%d: unsupported speed \"%s\", using %u\n",
			up->line, opts, up->uartclk);
		return up->uartclk;
	}
	return baud;
}

/**
 * serial8250_console_init - find COM1 and make it the "ttyS0" console
 *
 * Runs first thing in boot, before memory is set up: it allocates nothing
 * and needs only I/O ports. Probes for the UART (so a PC without COM1 is not
 * written to blindly), programs 8N1 with the FIFOs on at 115200 baud, or at
 * the speed a "console=ttyS0,<baud>" option asks for, and registers the
 * console unless console= options exist that do not name ttyS0.
 */
void __init serial8250_console_init(void)
{
	struct uart_8250_port *up = &serial8250_ports[0];
	char opts[32] = "";
	int match;

	match = console_cmdline_match("ttyS0", opts, sizeof(opts));
	if (!serial8250_probe(up, serial8250_parse_baud(up, opts))) {
		pr_info("no UART at I/O 0x%lx\n", up->iobase);
		return;
	}
	up->present = true;
	pr_info("ttyS%d at I/O 0x%lx (irq = %u, base_baud = %u) is a %s\n",
		up->line, up->iobase, up->irq, up->uartclk, up->type);
	if (match == 0) {
		pr_info("ttyS0 not named by console=, not a console\n");
		return;
	}
	up->cons = &serial8250_console;
	register_console(&serial8250_console);
}
