// SPDX-License-Identifier: MIT
/*
 * The AT/PS/2 keyboard behind the i8042 (drivers/input/serio/i8042.c):
 * scancodes to characters for the console.
 *
 * The controller translates the keyboard's set 2 into scancode set 1, the
 * IBM PC/XT's (IBM "Personal Computer AT Technical Reference", keyboard
 * scan codes; the same table is in every PS/2 keyboard's documentation):
 *
 *   one byte per key event; bit 7 clear = make (press), set = break (release)
 *   0xe0 first   an "extended" key (right Ctrl/Alt, arrows, keypad Enter, /)
 *   0xe1 first   Pause, a six-byte sequence with no break code
 *   0xfa 0xfe 0xee 0xfc 0xfd 0x00 0xff   replies and errors, not keys
 *
 * Keys map to ASCII through keymap[] (US layout) with Shift, Caps Lock (for
 * letters) and Ctrl (letters become 0x01-0x1a). Enter gives '\r' and
 * Backspace 0x7f, as a terminal sends them; arrows give "ESC [ A".."ESC [ D".
 * Releases only matter for the modifier keys. Characters go to the console
 * input ring with tty_insert_flip_char(), from hard interrupt context.
 * The LEDs are not driven (that needs commands to the keyboard and their
 * ACKs, which can wait for a proper serio layer).
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/serio.h>
#include <linux/tty.h>

/* Scancode set 1 make codes with a meaning beyond a character. */
enum {
	SC_LCTRL   = 0x1d,   /* with 0xe0: right Ctrl */
	SC_LSHIFT  = 0x2a,   /* with 0xe0: a "fake shift" (Print Screen); ignored */
	SC_RSHIFT  = 0x36,
	SC_LALT    = 0x38,   /* with 0xe0: right Alt */
	SC_CAPS    = 0x3a,
	SC_ENTER   = 0x1c,   /* with 0xe0: keypad Enter */
	SC_SLASH   = 0x35,   /* with 0xe0: keypad / */
	SC_UP      = 0x48,   /* with 0xe0; without: keypad 8 */
	SC_LEFT    = 0x4b,
	SC_RIGHT   = 0x4d,
	SC_DOWN    = 0x50,
};

#define ATKBD_EMUL0    0xe0   /* extended key follows */
#define ATKBD_EMUL1    0xe1   /* Pause: two more bytes per half */
#define ATKBD_RELEASE  0x80   /* break code bit */

/* [scancode] = { unshifted, shifted }; 0 = no character. */
static const unsigned char keymap[0x54][2] = {
	[0x01] = { 0x1b, 0x1b },   /* Esc */
	[0x02] = { '1', '!' }, [0x03] = { '2', '@' }, [0x04] = { '3', '#' },
	[0x05] = { '4', '$' }, [0x06] = { '5', '%' }, [0x07] = { '6', '^' },
	[0x08] = { '7', '&' }, [0x09] = { '8', '*' }, [0x0a] = { '9', '(' },
	[0x0b] = { '0', ')' }, [0x0c] = { '-', '_' }, [0x0d] = { '=', '+' },
	[0x0e] = { 0x7f, 0x7f },   /* Backspace: DEL, as terminals send it */
	[0x0f] = { '\t', '\t' },
	[0x10] = { 'q', 'Q' }, [0x11] = { 'w', 'W' }, [0x12] = { 'e', 'E' },
	[0x13] = { 'r', 'R' }, [0x14] = { 't', 'T' }, [0x15] = { 'y', 'Y' },
	[0x16] = { 'u', 'U' }, [0x17] = { 'i', 'I' }, [0x18] = { 'o', 'O' },
	[0x19] = { 'p', 'P' }, [0x1a] = { '[', '{' }, [0x1b] = { ']', '}' },
	[0x1c] = { '\r', '\r' },   /* Enter */
	[0x1e] = { 'a', 'A' }, [0x1f] = { 's', 'S' }, [0x20] = { 'd', 'D' },
	[0x21] = { 'f', 'F' }, [0x22] = { 'g', 'G' }, [0x23] = { 'h', 'H' },
	[0x24] = { 'j', 'J' }, [0x25] = { 'k', 'K' }, [0x26] = { 'l', 'L' },
	[0x27] = { ';', ':' }, [0x28] = { '\'', '"' }, [0x29] = { '`', '~' },
	[0x2b] = { '\\', '|' },
	[0x2c] = { 'z', 'Z' }, [0x2d] = { 'x', 'X' }, [0x2e] = { 'c', 'C' },
	[0x2f] = { 'v', 'V' }, [0x30] = { 'b', 'B' }, [0x31] = { 'n', 'N' },
	[0x32] = { 'm', 'M' }, [0x33] = { ',', '<' }, [0x34] = { '.', '>' },
	[0x35] = { '/', '?' },
	[0x37] = { '*', '*' },     /* keypad * */
	[0x39] = { ' ', ' ' },     /* Space */
	/* The keypad, as with Num Lock on (its LED is not driven). */
	[0x47] = { '7', '7' }, [0x48] = { '8', '8' }, [0x49] = { '9', '9' },
	[0x4a] = { '-', '-' }, [0x4b] = { '4', '4' }, [0x4c] = { '5', '5' },
	[0x4d] = { '6', '6' }, [0x4e] = { '+', '+' }, [0x4f] = { '1', '1' },
	[0x50] = { '2', '2' }, [0x51] = { '3', '3' }, [0x52] = { '0', '0' },
	[0x53] = { '.', '.' },
};

struct atkbd_stats atkbd_stats;

/* Decoder state: only the interrupt handler touches it (IRQ 1 is not
 * re-entered), so no lock. */
static struct {
	bool emul;          /* the previous byte was 0xe0 */
	unsigned int skip;  /* bytes of a Pause sequence still to swallow */
	bool lshift, rshift, lctrl, rctrl, alt;
	bool caps, caps_down;
} kbd;

static void atkbd_put(const char *s)
{
	while (*s)
		tty_insert_flip_char((unsigned char)*s++);
	tty_flip_buffer_push();
	atkbd_stats.keys++;
}

static bool atkbd_is_reply(unsigned char data)
{
	switch (data) {
	case 0xfa:      /* ACK */
	case 0xfe:      /* resend */
	case 0xee:      /* echo */
	case 0xfc:      /* self test failed */
	case 0xfd:
	case 0x00:      /* key detection error / buffer overrun */
	case 0xff:
		return true;
	}
	return false;
}

/* A make or break code of an extended (0xe0) key. */
static void atkbd_extended(unsigned char code, bool release)
{
	switch (code) {
	case SC_LCTRL:
		kbd.rctrl = !release;
		return;
	case SC_LALT:
		kbd.alt = !release;
		return;
	case SC_LSHIFT:
	case SC_RSHIFT:
		return;         /* fake shifts around Print Screen etc. */
	}
	if (release)
		return;
	switch (code) {
	case SC_ENTER:
		atkbd_put("\r");
		return;
	case SC_SLASH:
		atkbd_put("/");
		return;
	case SC_UP:
		atkbd_put("\033[A");
		return;
	case SC_DOWN:
		atkbd_put("\033[B");
		return;
	case SC_RIGHT:
		atkbd_put("\033[C");
		return;
	case SC_LEFT:
		atkbd_put("\033[D");
		return;
	}
	atkbd_stats.unknown++;
}

/**
 * atkbd_interrupt - one byte from the keyboard
 * @data: the byte, scancode set 1
 * @flags: SERIO_PARITY / SERIO_TIMEOUT from the controller's status
 *
 * Called by the i8042's interrupt handler. Updates the modifier state,
 * and for a key press queues its character(s) on the console input.
 *
 * Return: IRQ_HANDLED.
 */
irqreturn_t atkbd_interrupt(unsigned char data, unsigned int flags)
{
	unsigned char code = data & ~ATKBD_RELEASE, c;
	bool release = data & ATKBD_RELEASE, shift;

	atkbd_stats.bytes++;
	if (flags & (SERIO_PARITY | SERIO_TIMEOUT)) {
		atkbd_stats.errors++;
		kbd.emul = false;
		return IRQ_HANDLED;
	}
	if (kbd.skip) {
		kbd.skip--;
		return IRQ_HANDLED;
	}
	if (data == ATKBD_EMUL0) {
		kbd.emul = true;
		return IRQ_HANDLED;
	}
	if (data == ATKBD_EMUL1) {
		kbd.skip = 2;
		return IRQ_HANDLED;
	}
	if (atkbd_is_reply(data)) {
		atkbd_stats.replies++;
		return IRQ_HANDLED;
	}
	if (kbd.emul) {
		kbd.emul = false;
		atkbd_extended(code, release);
		return IRQ_HANDLED;
	}

	switch (code) {
	case SC_LSHIFT:
		kbd.lshift = !release;
		return IRQ_HANDLED;
	case SC_RSHIFT:
		kbd.rshift = !release;
		return IRQ_HANDLED;
	case SC_LCTRL:
		kbd.lctrl = !release;
		return IRQ_HANDLED;
	case SC_LALT:
		kbd.alt = !release;
		return IRQ_HANDLED;
	case SC_CAPS:
		/* Toggle on the press, not on the typematic repeats. */
		if (!release && !kbd.caps_down)
			kbd.caps = !kbd.caps;
		kbd.caps_down = !release;
		return IRQ_HANDLED;
	}
	if (release)
		return IRQ_HANDLED;

	c = code < ARRAY_SIZE(keymap) ? keymap[code][0] : 0;
	if (!c) {
		atkbd_stats.unknown++;  /* F1-F12, Num Lock, ... */
		return IRQ_HANDLED;
	}
	shift = kbd.lshift || kbd.rshift;
	if (isalpha(c) && kbd.caps)
		shift = !shift;
	c = keymap[code][shift];
	if ((kbd.lctrl || kbd.rctrl) && isalpha(c))
		c &= 0x1f;              /* Ctrl-A = 0x01 ... Ctrl-Z = 0x1a */
	tty_insert_flip_char(c);
	tty_flip_buffer_push();
	atkbd_stats.keys++;
	return IRQ_HANDLED;
}
