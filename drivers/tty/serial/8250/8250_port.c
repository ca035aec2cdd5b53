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
 * For now the port is polled: interrupts stay off (IER = 0) and the console
 * waits for the transmitter itself. Every wait is bounded, because a PC
 * without COM1 reads 0xff from these ports forever and a console must never
 * hang the kernel. Reading LSR clears its error bits, so every LSR read goes
 * through serial8250_read_lsr(), which counts them first.
 */
#define pr_fmt(fmt) "serial8250: " fmt

#include <linux/console.h>
#include <linux/delay.h>
#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/serial_8250.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/processor.h>

/* Register offsets from iobase. DLAB is LCR bit 7. */
enum {
	UART_RX  = 0,   /* in:  receive buffer (DLAB=0) */
	UART_TX  = 0,   /* out: transmit holding register (DLAB=0) */
	UART_DLL = 0,   /* divisor latch, low byte (DLAB=1) */
	UART_IER = 1,   /* interrupt enable (DLAB=0) */
	UART_DLM = 1,   /* divisor latch, high byte (DLAB=1) */
	UART_IIR = 2,   /* in:  interrupt identification */
	UART_FCR = 2,   /* out: FIFO control */
	UART_LCR = 3,   /* line control */
	UART_MCR = 4,   /* modem control */
	UART_LSR = 5,   /* line status */
	UART_MSR = 6,   /* modem status */
	UART_SCR = 7,   /* scratch: no effect on the UART; used to detect it */
};

#define UART_IER_RDI     0x01   /* interrupt when data is received */
#define UART_IER_THRI    0x02   /* interrupt when the transmitter is empty */
#define UART_IER_RLSI    0x04   /* interrupt on line status (errors, break) */
#define UART_IER_MSI     0x08   /* interrupt on modem status change */

#define UART_IIR_NO_INT  0x01   /* no interrupt pending */
#define UART_IIR_ID      0x0e   /* which interrupt */
#define UART_IIR_FIFO    0xc0   /* 11: FIFOs enabled (16550A); 10: broken 16550 */

#define UART_FCR_ENABLE  0x01   /* enable both FIFOs */
#define UART_FCR_CLEAR_RCVR 0x02 /* empty the receive FIFO */
#define UART_FCR_CLEAR_XMIT 0x04 /* empty the transmit FIFO */
#define UART_FCR_TRIGGER_14 0xc0 /* receive interrupt at 14 bytes */

#define UART_LCR_WLEN8   0x03   /* 8 data bits; 1 stop bit, no parity: 8N1 */
#define UART_LCR_DLAB    0x80   /* divisor latch access */

#define UART_MCR_DTR     0x01   /* data terminal ready */
#define UART_MCR_RTS     0x02   /* request to send */
#define UART_MCR_OUT1    0x04
#define UART_MCR_OUT2    0x08   /* on PCs: connects the UART's IRQ to the PIC */
#define UART_MCR_LOOP    0x10   /* loopback: TX feeds RX, MCR feeds MSR */

#define UART_LSR_DR      0x01   /* receive data ready */
#define UART_LSR_OE      0x02   /* overrun error */
#define UART_LSR_PE      0x04   /* parity error */
#define UART_LSR_FE      0x08   /* framing error */
#define UART_LSR_BI      0x10   /* break interrupt */
#define UART_LSR_THRE    0x20   /* transmit holding register (FIFO) empty */
#define UART_LSR_TEMT    0x40   /* transmitter completely idle */
#define UART_LSR_FIFOE   0x80   /* an error is somewhere in the receive FIFO */
#define UART_LSR_ERRORS  (UART_LSR_OE | UART_LSR_PE | UART_LSR_FE | UART_LSR_BI)

#define UART_MSR_CTS     0x10   /* in loopback: mirrors MCR.RTS */
#define UART_MSR_DSR     0x20   /* in loopback: mirrors MCR.DTR */
#define UART_MSR_RI      0x40   /* in loopback: mirrors MCR.OUT1 */
#define UART_MSR_DCD     0x80   /* in loopback: mirrors MCR.OUT2 */

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
	serial_out(up, UART_MCR, UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2);
	return c == UART_PROBE_BYTE;
}

/* Program 8N1 at @baud, turn the FIFOs on and find out what kind of UART. */
static void __init serial8250_startup(struct uart_8250_port *up, unsigned int baud)
{
	u8 iir;

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

static void serial8250_console_write(struct console *con, const char *s,
				     unsigned int count)
{
	struct uart_8250_port *up = con->data;
	unsigned long flags;
	unsigned int i;
	bool cr = false, locked;

	locked = serial8250_lock(up, &flags);
	for (i = 0; i < count; ) {
		/* Terminals want "\r\n"; send the '\r' first, then the '\n'. */
		u8 c = (s[i] == '\n' && !cr) ? '\r' : s[i];

		if (!serial8250_wait_thre(up)) {
			/*
			 * The transmitter is stuck (cable flow control on a
			 * clone, a dead chip): drop the rest of this message
			 * rather than spend 10 ms on each character.
			 */
			up->stats.tx_dropped += count - i;
			break;
		}
		serial_out(up, UART_TX, c);
		up->stats.tx++;
		if (c == '\r' && s[i] == '\n') {
			cr = true;
			continue;
		}
		cr = false;
		i++;
	}
	serial8250_unlock(up, locked, flags);
}

static int serial8250_console_read_char(struct console *con)
{
	struct uart_8250_port *up = con->data;
	unsigned long flags;
	bool locked;
	int c;

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
