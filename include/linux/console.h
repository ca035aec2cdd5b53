/* SPDX-License-Identifier: MIT */
/*
 * Consoles: places printk output goes (the UART, the VGA text screen) and,
 * for the shell, where a character of input comes from.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

#define CON_ENABLED 0x1
#define CON_BOOT    0x2

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int len);
	/* Returns a received character, or -1 when none is waiting. */
	int (*read_char)(struct console *con);
	unsigned int flags;
	int index;
	void *data;
	struct console *next;
};

void register_console(struct console *con);
void unregister_console(struct console *con);
extern struct console *console_drivers;

/* Write straight to every console, bypassing the log (used by panic/oops
 * when the log itself may be the problem). */
void console_write_all(const char *s, unsigned int len);

/* Poll every console for one input character; -1 when none. */
int console_read_char(void);

/* Push every record still in the log out to the consoles (panic path). */
void console_flush_on_panic(void);

/* drivers/video/console/vgacon.c: the VGA text screen, when present. */
void vgacon_init(void);

#endif
