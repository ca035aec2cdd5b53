// SPDX-License-Identifier: MIT
/*
 * Console input: a ring of received characters between the interrupt
 * handlers that produce them and the shell that consumes them.
 *
 * Producers are hard interrupt handlers - the 16550's receive interrupt
 * (drivers/tty/serial/8250/) and the keyboard (drivers/input/keyboard/
 * atkbd.c) - on whatever CPU the interrupt was delivered to, so the ring
 * is protected by a spinlock taken with interrupts off. A full ring drops
 * the new character and counts it in tty_input_overruns.
 *
 * The consumer, tty_read_char(), sleeps instead of polling: with
 * interrupts off it looks at the ring, and if it is empty it executes
 * "sti; hlt" (native_safe_halt()). STI takes effect only after the next
 * instruction, so an interrupt that became pending after the check is
 * taken on the HLT and wakes it: there is no window in which a character
 * can arrive unnoticed. Every wakeup (a tick, a key, a serial byte) goes
 * round the loop and checks again.
 *
 * Before interrupts are enabled (early boot) or when called with them off
 * (a debugger-like context), nothing would ever wake the HLT, so it polls
 * the consoles' read_char methods instead (console_read_char()). They are
 * asked on every round in any case, in the caller's interrupt state: that
 * covers consoles whose input is not interrupt driven (a UART whose IRQ
 * could not be had), while the serial console stays out of the way when
 * its receive interrupt is in use and interrupts are on.
 */
#include <linux/tty.h>
#include <linux/console.h>
#include <linux/spinlock.h>
#include <linux/irqflags.h>
#include <linux/compiler.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

unsigned long tty_input_overruns;
unsigned long tty_input_chars;

static DEFINE_SPINLOCK(tty_buf_lock);
static unsigned char tty_buf[TTY_BUFFER_SIZE];
static unsigned int tty_head;   /* next slot to fill; free-running */
static unsigned int tty_tail;   /* next slot to read; free-running */

_Static_assert((TTY_BUFFER_SIZE & (TTY_BUFFER_SIZE - 1)) == 0,
	       "TTY_BUFFER_SIZE must be a power of two");

/**
 * tty_insert_flip_char - queue one received character
 * @c: the character
 *
 * Callable from any context, hard interrupt handlers included. If the ring
 * is full the character is dropped and tty_input_overruns counts it.
 */
void tty_insert_flip_char(unsigned char c)
{
	unsigned long flags;

	spin_lock_irqsave(&tty_buf_lock, flags);
	if (tty_head - tty_tail >= TTY_BUFFER_SIZE) {
		tty_input_overruns++;
	} else {
		tty_buf[tty_head++ & (TTY_BUFFER_SIZE - 1)] = c;
		tty_input_chars++;
	}
	spin_unlock_irqrestore(&tty_buf_lock, flags);
}

/**
 * tty_buffer_get_char - take the oldest queued character without waiting
 *
 * Return: the character (0-255), or -1 if the ring is empty.
 */
int tty_buffer_get_char(void)
{
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&tty_buf_lock, flags);
	if (tty_head != tty_tail)
		c = tty_buf[tty_tail++ & (TTY_BUFFER_SIZE - 1)];
	spin_unlock_irqrestore(&tty_buf_lock, flags);
	return c;
}

/**
 * tty_buffer_count - how many characters are waiting
 */
unsigned int tty_buffer_count(void)
{
	return READ_ONCE(tty_head) - READ_ONCE(tty_tail);
}

/**
 * tty_read_char - the next input character, waiting for it if need be
 *
 * Takes from the ring first, then from consoles that are polled. With
 * interrupts enabled it halts the CPU until the next interrupt whenever
 * there is nothing, and checks again after every wakeup; with interrupts
 * disabled it busy-polls. Must not be called from interrupt context.
 *
 * Return: the character, 0-255.
 */
int tty_read_char(void)
{
	unsigned long flags;
	int c;

	for (;;) {
		c = tty_buffer_get_char();
		if (c >= 0)
			return c;
		/*
		 * In the caller's interrupt state, so that a console whose
		 * input arrives by interrupt can tell it should stay away.
		 */
		c = console_read_char();
		if (c >= 0)
			return c;

		local_irq_save(flags);
		if (tty_buffer_count() || irqs_disabled_flags(flags)) {
			local_irq_restore(flags);
			cpu_relax();
			continue;
		}
		/* Interrupts were on: sleep until the next one, atomically. */
		native_safe_halt();
	}
}
