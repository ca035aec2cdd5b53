/* SPDX-License-Identifier: MIT */
/*
 * The VGA text console: the 80x25 colour text mode the BIOS (or GRUB) left
 * the screen in, as the kernel console "tty0".
 *
 * In text mode the screen is an array of 16-bit cells at physical 0xB8000
 * (colour adapters; monochrome ones use 0xB0000 and are not supported): the
 * low byte is the character (code page 437), the high byte its attribute
 * (bits 0-3 foreground, 4-6 background, 7 blink). The blinking hardware
 * cursor is positioned through the CRT controller's Cursor Location
 * High/Low registers (index 0x0E/0x0F at the colour CRTC ports 0x3D4/0x3D5).
 * Described in IBM's "VGA Technical Reference" (Personal System/2 Hardware
 * Interface Technical Reference), "CRT Controller Registers".
 *
 * Writes go to a shadow copy and from there to video memory, so scrolling
 * never reads the frame buffer (reads of VGA memory are slow on real cards).
 * Output only; the keyboard arrives with the i8042 driver.
 */
#include <linux/console.h>
#include <linux/delay.h>
#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>

#define VGA_TEXT_PHYS   0xb8000  /* colour text frame buffer */
#define VGA_COLS        80U
#define VGA_ROWS        25U
#define VGA_ATTR        0x07     /* light grey on black, what the BIOS uses */
#define VGA_TAB         8U

/* CRT controller: write an index to 0x3D4, then read/write its data at 0x3D5. */
#define VGA_CRT_IC      0x3d4    /* CRT controller index (colour) */
#define VGA_CRT_DC      0x3d5    /* CRT controller data (colour) */
#define VGA_CRTC_CURSOR_START 0x0a  /* bit 5 set: cursor hidden */
#define VGA_CRTC_CURSOR_HI    0x0e  /* cursor location, bits 15-8 (cell index) */
#define VGA_CRTC_CURSOR_LO    0x0f  /* cursor location, bits 7-0 */
#define VGA_CURSOR_DISABLE    0x20

#define VGA_LOCK_WAIT_US      100000  /* a full-screen write takes far less */

struct vgacon {
	volatile u16 *vram;              /* the frame buffer, through the direct map */
	u16 shadow[VGA_ROWS * VGA_COLS]; /* what we last wrote there */
	unsigned int x, y;               /* next cell; x == VGA_COLS: wrap pending */
	spinlock_t lock;                 /* x, y, shadow and the CRTC index */
	int lock_owner;                  /* CPU holding 'lock', -1 if none */
};

static struct vgacon vga = {
	.lock = __SPIN_LOCK_UNLOCKED(vga.lock),
	.lock_owner = -1,
};

/*
 * The lock never hangs the console: an oops on this CPU that interrupted a
 * write comes back through console_write_all(), which takes no locks on
 * purpose, and panic may have stopped a CPU that held it. Then we write
 * unlocked (see 8250_port.c); vgacon_putc() keeps every index in range, so
 * the worst outcome is a jumbled line.
 */
static bool vgacon_lock(struct vgacon *vc, unsigned long *flags)
{
	unsigned int us;
	int me;

	local_irq_save(*flags);
	me = smp_processor_id();
	if (READ_ONCE(vc->lock_owner) == me)
		return false;
	for (us = 0; !spin_trylock(&vc->lock); us++) {
		if (us == VGA_LOCK_WAIT_US)
			return false;
		udelay(1);
	}
	WRITE_ONCE(vc->lock_owner, me);
	return true;
}

static void vgacon_unlock(struct vgacon *vc, bool locked, unsigned long flags)
{
	if (locked) {
		WRITE_ONCE(vc->lock_owner, -1);
		spin_unlock(&vc->lock);
	}
	local_irq_restore(flags);
}

static inline u16 vga_cell(u8 c)
{
	return (u16)VGA_ATTR << 8 | c;
}

static u8 vga_crtc_read(u8 index)
{
	outb(index, VGA_CRT_IC);
	return inb(VGA_CRT_DC);
}

static void vga_crtc_write(u8 index, u8 v)
{
	outb(index, VGA_CRT_IC);
	outb(v, VGA_CRT_DC);
}

static void vgacon_set_cursor(struct vgacon *vc)
{
	unsigned int pos = vc->y * VGA_COLS + min(vc->x, VGA_COLS - 1);

	vga_crtc_write(VGA_CRTC_CURSOR_HI, pos >> 8);
	vga_crtc_write(VGA_CRTC_CURSOR_LO, pos & 0xff);
}

static void vgacon_flush(struct vgacon *vc, unsigned int from, unsigned int to)
{
	unsigned int i;

	for (i = from; i < to; i++)
		vc->vram[i] = vc->shadow[i];
}

/* Move everything up one line; the bottom line becomes blank. */
static void vgacon_scroll(struct vgacon *vc)
{
	unsigned int i;

	memmove(vc->shadow, vc->shadow + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(vc->shadow[0]));
	for (i = (VGA_ROWS - 1) * VGA_COLS; i < VGA_ROWS * VGA_COLS; i++)
		vc->shadow[i] = vga_cell(' ');
	vgacon_flush(vc, 0, VGA_ROWS * VGA_COLS);
}

static void vgacon_newline(struct vgacon *vc)
{
	vc->x = 0;
	if (++vc->y >= VGA_ROWS) {
		vgacon_scroll(vc);
		vc->y = VGA_ROWS - 1;
	}
}

static void vgacon_putc(struct vgacon *vc, u8 c)
{
	unsigned int i;

	switch (c) {
	case '\n':                      /* the console convention: newline is CR+LF */
		vgacon_newline(vc);
		return;
	case '\r':
		vc->x = 0;
		return;
	case '\b':
		/*
		 * Move left, no erase: a shell rubs out with "\b \b". From
		 * the pending-wrap position this lands on the last column,
		 * which is the character to rub out.
		 */
		if (vc->x)
			vc->x--;
		return;
	case '\t':
		if (vc->x >= VGA_COLS)
			vgacon_newline(vc);
		vc->x = min(ALIGN(vc->x + 1, VGA_TAB), VGA_COLS);
		return;
	}
	if (c < ' ' || c == 0x7f)
		return;                 /* other control characters: nothing to show */

	/*
	 * Wrap lazily: a character in the last column leaves the cursor "past
	 * the end", and only the next printable character starts a new line,
	 * so an 80-character line followed by '\n' does not leave a blank one.
	 */
	if (vc->x >= VGA_COLS)
		vgacon_newline(vc);
	/* Clamped, so even a write that raced an oops stays on screen. */
	i = min(vc->y, VGA_ROWS - 1) * VGA_COLS + min(vc->x, VGA_COLS - 1);
	vc->x++;
	vc->shadow[i] = vga_cell(c);
	vc->vram[i] = vc->shadow[i];
}

static void vgacon_write(struct console *con, const char *s, unsigned int count)
{
	struct vgacon *vc = con->data;
	unsigned long flags;
	bool locked;

	locked = vgacon_lock(vc, &flags);
	while (count--)
		vgacon_putc(vc, *s++);
	vgacon_set_cursor(vc);          /* once per write: port I/O is slow */
	vgacon_unlock(vc, locked, flags);
}

static struct console vga_console = {
	.name      = "tty",
	.write     = vgacon_write,
	.read_char = NULL,
	.flags     = CON_ENABLED,
	.index     = 0,
	.data      = &vga,
};

/*
 * The console= rule (as in 8250_port.c): no console= option means every
 * console; otherwise only those named. "tty0" (the current virtual console)
 * and "tty1" (the first) both mean this screen.
 */
static bool __init vgacon_wanted(void)
{
	const char *p = boot_command_line, *v;

	if (cmdline_find_option(boot_command_line, "console", NULL, 0) < 0)
		return true;
	for (; (p = strstr(p, "console=")); p = v) {
		v = p + strlen("console=");
		if (p != boot_command_line && !isspace((unsigned char)p[-1]))
			continue;
		if ((!strncmp(v, "tty0", 4) || !strncmp(v, "tty1", 4)) &&
		    (!v[4] || v[4] == ',' || isspace((unsigned char)v[4])))
			return true;
	}
	return false;
}

/**
 * vgacon_init - register the VGA text screen as console "tty0"
 *
 * Does nothing unless the boot loader left an 80x25 text screen
 * (boot_params.vga_text) and console= allows it. Keeps what is already on
 * the screen and continues on the line after the hardware cursor, so the
 * loader's messages stay visible above the kernel's.
 */
void __init vgacon_init(void)
{
	unsigned int pos, i;

	if (!boot_params.vga_text || !vgacon_wanted())
		return;

	vga.vram = __va(VGA_TEXT_PHYS);
	for (i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga.shadow[i] = vga.vram[i];    /* the only time we read VGA memory */

	pos = vga_crtc_read(VGA_CRTC_CURSOR_HI) << 8 | vga_crtc_read(VGA_CRTC_CURSOR_LO);
	if (pos < VGA_ROWS * VGA_COLS) {
		vga.y = pos / VGA_COLS;
		vga.x = pos % VGA_COLS;
		if (vga.x)
			vgacon_newline(&vga);
	} else {
		/* Cursor off screen: nothing sensible to continue from. */
		for (i = 0; i < VGA_ROWS * VGA_COLS; i++)
			vga.shadow[i] = vga_cell(' ');
		vgacon_flush(&vga, 0, VGA_ROWS * VGA_COLS);
		vga.x = vga.y = 0;
	}
	/* Loaders often hide the cursor; the shell will want it. */
	vga_crtc_write(VGA_CRTC_CURSOR_START,
		       vga_crtc_read(VGA_CRTC_CURSOR_START) & ~VGA_CURSOR_DISABLE);
	vgacon_set_cursor(&vga);

	register_console(&vga_console);
}
