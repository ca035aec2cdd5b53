/* SPDX-License-Identifier: MIT */
/*
 * 8250/16450/16550A UART registers and bits. National Semiconductor / TI
 * "PC16550D Universal Asynchronous Receiver/Transmitter with FIFOs",
 * section 8 "Registers": Table II is the map; 8.3 LSR, 8.4 FCR, 8.5 IIR,
 * 8.6 IER, 8.7 MCR, 8.8 MSR.
 */
#ifndef _LINUX_SERIAL_REG_H
#define _LINUX_SERIAL_REG_H

/* Register offsets from the base port. DLAB is LCR bit 7. */
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

/* IIR: bit 0 clear = an interrupt is pending; bits 3-1 say which, highest
 * priority first: line status, RX data, RX timeout, THR empty, modem. */
#define UART_IIR_NO_INT  0x01   /* no interrupt pending */
#define UART_IIR_ID      0x0e   /* which interrupt: */
#define UART_IIR_RLSI    0x06   /*   receiver line status (read LSR to clear) */
#define UART_IIR_RDI     0x04   /*   RX data at the trigger level (read RX) */
#define UART_IIR_RX_TIMEOUT 0x0c /*  RX data below the trigger, line idle 4 chars */
#define UART_IIR_THRI    0x02   /*   THR empty (read IIR or write THR to clear) */
#define UART_IIR_MSI     0x00   /*   modem status (read MSR to clear) */
#define UART_IIR_FIFO    0xc0   /* 11: FIFOs enabled (16550A); 10: broken 16550 */

#define UART_FCR_ENABLE  0x01   /* enable both FIFOs */
#define UART_FCR_CLEAR_RCVR 0x02 /* empty the receive FIFO */
#define UART_FCR_CLEAR_XMIT 0x04 /* empty the transmit FIFO */
#define UART_FCR_TRIGGER_1  0x00 /* receive interrupt at 1 byte */
#define UART_FCR_TRIGGER_4  0x40 /*   4 bytes */
#define UART_FCR_TRIGGER_8  0x80 /*   8 bytes */
#define UART_FCR_TRIGGER_14 0xc0 /*   14 bytes */

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

#endif /* _LINUX_SERIAL_REG_H */
