/* SPDX-License-Identifier: MIT */
/*
 * The PC serial port (8250/16450/16550A UART), drivers/tty/serial/8250/.
 *
 * One struct uart_8250_port per port. Every line-status error the UART
 * reports is counted in its uart_8250_stats, so a lost character is never
 * silent: an overrun means the FIFO filled before software read it.
 */
#ifndef _LINUX_SERIAL_8250_H
#define _LINUX_SERIAL_8250_H

#include <linux/types.h>
#include <linux/spinlock.h>

struct console;

struct uart_8250_stats {
	unsigned long rx;          /* characters received */
	unsigned long tx;          /* characters handed to the transmitter */
	unsigned long overrun;     /* LSR.OE: a character arrived with the FIFO full */
	unsigned long framing;     /* LSR.FE: character without a valid stop bit */
	unsigned long parity;      /* LSR.PE */
	unsigned long brk;         /* LSR.BI: the line was held low (break) */
	unsigned long tx_dropped;  /* transmitter never became ready; char dropped */
	unsigned long tx_sync;     /* chars written synchronously (polled) while the
	                            * TX interrupt was in use: irqs off, oops, NMI,
	                            * or the TX ring was full */
	unsigned long irqs;        /* interrupt handler calls that found work */
	unsigned long irq_none;    /* ... that found no interrupt pending (IRQ_NONE) */
};

/* Console output waiting for the THRE interrupt; a power of two. */
#define UART_XMIT_SIZE 4096

struct uart_8250_port {
	unsigned long iobase;      /* first of 8 I/O ports */
	unsigned int irq;          /* ISA IRQ line (COM1: 4), for the IRQ-driven driver */
	unsigned int uartclk;      /* input clock / 16: the fastest baud rate */
	unsigned int baud;         /* current baud rate */
	int line;                  /* N in ttyS<N> */
	bool present;              /* passed the scratch and loopback probes */
	const char *type;          /* "16550A", "16550", "16450" */
	unsigned int fifosize;     /* transmit FIFO depth, 1 without a FIFO */
	spinlock_t lock;           /* registers and stats */
	int lock_owner;            /* CPU holding 'lock', -1 if none */
	struct uart_8250_stats stats;
	unsigned long rx_pushed;   /* stats.rx at the last tty_flip_buffer_push() */
	struct console *cons;      /* the ttyS console on this port, if registered */
	bool irq_active;           /* IRQ requested: RX and TX are interrupt driven */
	u8 ier;                    /* what we last wrote to IER */
	u8 mcr;                    /* what we last wrote to MCR */
	unsigned int xmit_head;    /* TX ring: next free slot (free-running) */
	unsigned int xmit_tail;    /* TX ring: next byte to send (free-running) */
	char xmit[UART_XMIT_SIZE];
};

/* Probe COM1 and register it as console "ttyS" index 0 (honours console=). */
void serial8250_console_init(void);
/* A received character from ttyS0, or -1 if none is waiting or no port. */
int serial8250_getc_poll(void);
/* The port for ttyS<line>, or NULL if it does not exist. */
struct uart_8250_port *serial8250_get_port(int line);

/* Interrupt-driven operation (8250_port.c, used by 8250_core.c). */
void serial8250_start_irq(struct uart_8250_port *up);
bool serial8250_handle_irq(struct uart_8250_port *up);
unsigned int serial8250_tx_pending(struct uart_8250_port *up);

#endif /* _LINUX_SERIAL_8250_H */
