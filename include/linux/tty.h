/* SPDX-License-Identifier: MIT */
/*
 * Console input (drivers/tty/tty_buffer.c): one ring of received
 * characters that interrupt handlers fill (the 16550's RX interrupt, the
 * keyboard's scancodes turned into ASCII) and the shell drains.
 *
 * A stand-in for Linux's tty flip buffers and line discipline, with one
 * tty (the console) and one reader.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>

/* Ring capacity; a power of two. */
#define TTY_BUFFER_SIZE 1024

/* Characters dropped because the ring was full (nothing is lost silently). */
extern unsigned long tty_input_overruns;
/* Characters ever inserted into the ring (not counting the dropped ones). */
extern unsigned long tty_input_chars;

/* Queue one received character; any context, including hard IRQ. */
void tty_insert_flip_char(unsigned char c);
/* The next character, or -1 if none is queued; never waits. */
int tty_buffer_get_char(void);
/* Characters waiting in the ring. */
unsigned int tty_buffer_count(void);
/* Times the bottom half woke the reader. */
extern unsigned long tty_flip_pushes;
/* Set by a console driver while its input is polled, not interrupt driven. */
extern bool tty_input_polled;
/* After inserting: let the bottom half (a tasklet) wake the reader. */
void tty_flip_buffer_push(void);
/* The next character; sleeps on a wait queue until one arrives. */
int tty_read_char(void);

#endif /* _LINUX_TTY_H */
