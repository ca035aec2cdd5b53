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
 * Like Linux's flip buffers, filling the ring is not the end of the top
 * half's job: it then calls tty_flip_buffer_push(), which schedules a
 * tasklet, and the tasklet - the bottom half, in TASKLET_SOFTIRQ at the
 * interrupt's irq_exit() - wakes the reader sleeping on tty_read_wait.
 * (Linux pushes to the line discipline from a work item; irqos's line
 * discipline is the shell's own line editor, so waking it is all there
 * is to do.)
 *
 * The consumer, tty_read_char(), sleeps on that wait queue
 * (TASK_INTERRUPTIBLE) while the ring is empty. Consoles whose input is
 * not interrupt driven (a UART whose IRQ could not be had) are polled with
 * console_read_char() on every round, and while such a console exists the
 * sleep is cut to one jiffy. Called with interrupts off (early boot, a
 * debugger-like context) it busy-polls.
 */
#include <linux/tty.h>
#include <linux/wait.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/console.h>
#include <linux/spinlock.h>
#include <linux/irqflags.h>
#include <linux/compiler.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

unsigned long tty_input_overruns;
unsigned long tty_input_chars;
unsigned long tty_flip_pushes;     /* times the tasklet woke the readers */
bool tty_input_polled = true;      /* until a console's RX interrupt is in use */

static DECLARE_WAIT_QUEUE_HEAD(tty_read_wait);

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

/* The bottom half of every console input interrupt. */
static void flush_to_ldisc(struct tasklet_struct *t)
{
	tty_flip_pushes++;
	wake_up_interruptible(&tty_read_wait);
}
static struct tasklet_struct tty_flip_tasklet;

/**
 * tty_flip_buffer_push - hand the characters queued so far to the reader
 *
 * From the interrupt handler, after its tty_insert_flip_char() calls:
 * schedules the tasklet that wakes the reader.
 */
void tty_flip_buffer_push(void)
{
	if (unlikely(!tty_flip_tasklet.callback))
		tasklet_setup(&tty_flip_tasklet, flush_to_ldisc);
	tasklet_schedule(&tty_flip_tasklet);
}

/**
 * tty_read_char - the next input character, waiting for it if need be
 *
 * Takes from the ring first, then from consoles that are polled. With
 * interrupts enabled it sleeps on tty_read_wait until the ring is not
 * empty; with interrupts disabled it busy-polls. Task context only.
 *
 * Return: the character, 0-255.
 */
int tty_read_char(void)
{
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

		if (irqs_disabled()) {
			cpu_relax();
			continue;
		}
		wait_event_interruptible_timeout(tty_read_wait, tty_buffer_count() != 0,
						 READ_ONCE(tty_input_polled) ? 1 : MAX_SCHEDULE_TIMEOUT);
	}
}
