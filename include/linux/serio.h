/* SPDX-License-Identifier: MIT */
/*
 * Serial I/O ports of input devices: the link between a controller driver
 * that receives bytes (drivers/input/serio/i8042.c) and the driver of the
 * device on the other end (drivers/input/keyboard/atkbd.c).
 *
 * Linux matches serio ports and drivers on a bus; irqos has exactly one
 * port with a keyboard on it, so the i8042 hands its bytes straight to
 * atkbd_interrupt().
 */
#ifndef _LINUX_SERIO_H
#define _LINUX_SERIO_H

#include <linux/irqreturn.h>

/* Flags that come with a byte: what the controller's status said. */
#define SERIO_TIMEOUT  (1 << 0)   /* the device did not answer in time */
#define SERIO_PARITY   (1 << 1)   /* parity error on the wire */

/* Called by the controller from its interrupt handler, one byte at a time. */
irqreturn_t atkbd_interrupt(unsigned char data, unsigned int flags);

/**
 * struct atkbd_stats - what the keyboard driver counted
 * @bytes:    bytes received from the controller
 * @keys:     key presses turned into characters
 * @errors:   bytes flagged with a parity or timeout error (dropped)
 * @unknown:  presses of keys that have no character (F1, Alt, ...)
 * @replies:  keyboard replies and error codes (ACK, BAT, overrun) in the stream
 */
struct atkbd_stats {
	unsigned long bytes;
	unsigned long keys;
	unsigned long errors;
	unsigned long unknown;
	unsigned long replies;
};
extern struct atkbd_stats atkbd_stats;

#endif /* _LINUX_SERIO_H */
