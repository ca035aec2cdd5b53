/* SPDX-License-Identifier: MIT */
/*
 * kernel/printk/printk.c - the kernel log and the consoles.
 *
 * printk() formats a message and stores each of its lines as a record in a
 * 128 KiB ring: a struct printk_record header, the text (no NUL, no
 * newline), padding to 8 bytes. Readers (consoles, dmesg) track the next
 * sequence number they want and notice when it was overwritten. A record
 * that does not fit before the end of the ring goes to offset 0, behind a
 * header with text_len == LOG_WRAP (or none, if not even a header fits).
 * The oldest records make room; those dmesg never read count in
 * printk_dropped.
 *
 * logbuf_lock guards the ring and the partial line, held (interrupts off)
 * only to copy a record in or out. console_owner is taken with trylock by
 * whoever feeds the consoles; a printk() that finds it busy leaves its
 * record to the owner, which keeps going until it has caught up.
 *
 * printk() may run from an exception or NMI that interrupted printk() on
 * this CPU while it held logbuf_lock; spinning would deadlock, so that lock
 * is only tried a bounded number of times, and on failure the message goes
 * straight to the consoles and printk_recursion_count is bumped.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/errno.h>

#define LOG_BUF_LEN   (128 * 1024)
#define LOG_LINE_MAX  1024	/* longest record text */
#define LOG_ALIGN     8		/* records start on 8-byte boundaries */
#define LOG_WRAP      0xffff	/* text_len of the "wrap to 0" marker */
#define REC_MIN       sizeof(struct printk_record)	/* smallest record */
#define CONSOLE_LOGLEVEL_DEBUG 10	/* "debug": print everything */
#define LOCK_SPINS    (1UL << 20)	/* tries before assuming recursion */

static char log_buf[LOG_BUF_LEN] __aligned(LOG_ALIGN);
static u64 log_first_seq, log_next_seq;	/* live records: [first, next) */
static u32 log_first_off, log_next_off;
static u64 log_read_seq;		/* dmesg has read everything below */
static DEFINE_SPINLOCK(logbuf_lock);

u64 printk_dropped;
unsigned long printk_recursion_count;
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool ignore_loglevel;

/* The line being assembled from KERN_CONT pieces, not yet a record. */
static struct {
	char text[LOG_LINE_MAX];
	size_t len;
	u64 ts_nsec;
	u8 level;
	bool active;
} cont;

/* A reader's position: record @seq is at @off or, if the reader has
 * caught up, will be (see cursor_advance() and log_make_space()). */
struct log_cursor {
	u64 seq;
	u32 off;
};

struct console *console_drivers;
static DEFINE_SPINLOCK(console_owner);
static struct log_cursor console_cur;		/* under both locks */
static char console_line[LOG_LINE_MAX + 32];	/* under console_owner */
static struct log_cursor read_cur;		/* dmesg hint, under logbuf_lock */

static struct printk_record *rec_at(u32 off)
{
	return (struct printk_record *)(log_buf + off);
}

static u32 rec_size(size_t text_len)
{
	return ALIGN(offsetof(struct printk_record, text) + text_len, LOG_ALIGN);
}

/* Where the record at @off really is: @off, or 0 if the ring wraps there. */
static u32 rec_resolve(u32 off)
{
	if (LOG_BUF_LEN - off < REC_MIN || rec_at(off)->text_len == LOG_WRAP)
		return 0;
	return off;
}

static void log_drop_oldest(void)
{
	struct printk_record *r = rec_at(log_first_off);

	if (log_first_seq >= log_read_seq)
		printk_dropped++;
	log_first_off += rec_size(r->text_len);
	log_first_seq++;
	if (log_first_seq < log_next_seq)
		log_first_off = rec_resolve(log_first_off);
}

/* Make @size bytes free at log_next_off, wrapping and dropping as needed. */
static void log_make_space(u32 size)
{
	for (;;) {
		bool empty = log_first_seq == log_next_seq;

		if (empty || log_next_off > log_first_off) {
			/* Live data (if any) is [first, next): room up to the end? */
			if (LOG_BUF_LEN - log_next_off >= size)
				return;
			/* Room at the start, before the oldest record? */
			if (empty || log_first_off >= size) {
				if (LOG_BUF_LEN - log_next_off >= REC_MIN)
					rec_at(log_next_off)->text_len = LOG_WRAP;
				log_next_off = 0;
				if (empty)
					log_first_off = 0;
				/* Readers waiting here follow the writer. */
				if (console_cur.seq == log_next_seq)
					console_cur.off = 0;
				if (read_cur.seq == log_next_seq)
					read_cur.off = 0;
				return;
			}
		} else if (log_first_off - log_next_off >= size) {
			/* Wrapped: the free space is [next, first). */
			return;
		}
		log_drop_oldest();
	}
}

/* Append a record; @len <= LOG_LINE_MAX (every caller's buffer size). */
static void log_store(u8 level, u64 ts_nsec, const char *text, size_t len)
{
	struct printk_record *r;
	u32 size = rec_size(len);

	log_make_space(size);
	r = rec_at(log_next_off);
	r->seq = log_next_seq;
	r->ts_nsec = ts_nsec;
	r->level = level;
	r->text_len = len;
	memcpy(r->text, text, len);
	log_next_off += size;
	log_next_seq++;
}

/*
 * The record @c points at, or NULL when it has read everything. A cursor
 * left behind by overwrites jumps to the oldest record; *@skipped says how
 * many it missed.
 */
static struct printk_record *cursor_record(struct log_cursor *c, u64 *skipped)
{
	*skipped = 0;
	if (c->seq < log_first_seq) {
		*skipped = log_first_seq - c->seq;
		c->seq = log_first_seq;
		c->off = log_first_off;
	}
	if (c->seq >= log_next_seq)
		return NULL;
	return rec_at(c->off);
}

/*
 * Step past @r. If another record follows, follow a wrap to it now: left
 * on the marker, the cursor would go wrong once the writer reuses that spot.
 */
static void cursor_advance(struct log_cursor *c, const struct printk_record *r)
{
	c->off += rec_size(r->text_len);
	c->seq++;
	if (c->seq < log_next_seq)
		c->off = rec_resolve(c->off);
}

/* "[    s.uuuuuu] text\n", Linux's timestamp format. */
static size_t format_line(char *buf, size_t size, u64 ts, const char *text, size_t len)
{
	return scnprintf(buf, size, "[%5lu.%06lu] %.*s\n",
			 (unsigned long)(ts / 1000000000ULL),
			 (unsigned long)(ts % 1000000000ULL / 1000),
			 (int)len, text);
}

static bool level_printable(int level)
{
	return ignore_loglevel || level < console_loglevel;
}

static void cont_flush(void)
{
	if (!cont.active)
		return;
	log_store(cont.level, cont.ts_nsec, cont.text, cont.len);
	cont.active = false;
}

/* Append to the partial line; a full one is stored and a new one begun. */
static void cont_add(u8 level, u64 ts, const char *s, size_t n)
{
	size_t room;

	for (;;) {
		if (!cont.active) {
			cont.active = true;
			cont.level = level;
			cont.ts_nsec = ts;
			cont.len = 0;
		}
		room = min(n, sizeof(cont.text) - cont.len);
		memcpy(cont.text + cont.len, s, room);
		cont.len += room;
		s += room;
		n -= room;
		if (!n)
			return;
		cont_flush();
	}
}

/*
 * Store one printk() message: every complete line becomes a record; a
 * trailing piece without '\n' waits in @cont for KERN_CONT text (or for
 * the next ordinary message, which flushes it as a record of its own).
 */
static void log_store_text(int level, bool is_cont, const char *s, size_t len)
{
	u64 ts = local_clock();
	const char *nl;
	size_t seg;
	u8 lvl;

	if (cont.active && !is_cont)
		cont_flush();
	if (cont.active)
		lvl = cont.level;
	else
		lvl = level >= 0 ? level : MESSAGE_LOGLEVEL_DEFAULT;

	while (len) {
		nl = memchr(s, '\n', len);
		seg = nl ? (size_t)(nl - s) : len;
		if (cont.active || !nl)
			cont_add(lvl, ts, s, seg);
		else
			log_store(lvl, ts, s, seg);
		if (!nl)
			break;
		cont_flush();
		s = nl + 1;
		len -= seg + 1;
	}
}

/* spin_trylock with a bound: false means we interrupted the holder. */
static bool logbuf_trylock(void)
{
	unsigned long n;

	for (n = 0; n < LOCK_SPINS; n++) {
		if (spin_trylock(&logbuf_lock))
			return true;
		__asm__ __volatile__("pause");
	}
	return false;
}

/* The recursion fallback: each line straight to the consoles. */
static void emit_direct(int level, const char *s, size_t len)
{
	char stamp[32];
	const char *nl;
	size_t seg;

	if (!level_printable(level >= 0 ? level : MESSAGE_LOGLEVEL_DEFAULT))
		return;
	while (len) {
		nl = memchr(s, '\n', len);
		seg = nl ? (size_t)(nl - s) : len;
		/* The stamp alone, so a long line is not cut to a buffer. */
		console_write_all(stamp, format_line(stamp, sizeof(stamp),
						     local_clock(), "", 0) - 1);
		console_write_all(s, seg);
		console_write_all("\n", 1);
		if (!nl)
			break;
		s = nl + 1;
		len -= seg + 1;
	}
}

/*
 * Feed the consoles every record they have not seen; one CPU at a time.
 * With no console registered records wait, so the first gets the boot log.
 */
static void console_flush(void)
{
	struct printk_record *r;
	unsigned long flags;
	char msg[64];
	size_t len = 0;
	u64 skipped;
	bool locked;

	while (spin_trylock(&console_owner)) {
		do {
			local_irq_save(flags);
			locked = logbuf_trylock();
			r = locked && READ_ONCE(console_drivers) ?
				cursor_record(&console_cur, &skipped) : NULL;
			if (r) {
				len = !level_printable(r->level) ? 0 :
				      format_line(console_line, sizeof(console_line),
						  r->ts_nsec, r->text, r->text_len);
				cursor_advance(&console_cur, r);
			}
			if (locked)
				spin_unlock(&logbuf_lock);
			if (r && skipped)
				console_write_all(msg, scnprintf(msg, sizeof(msg),
						  "** %llu printk messages dropped **\n",
						  (unsigned long long)skipped));
			if (r && len)
				console_write_all(console_line, len);
			local_irq_restore(flags);
		} while (r);
		spin_unlock(&console_owner);
		/*
		 * A record stored just before we let go would be stranded. A
		 * lock we could not get is not ours to wait for: the next
		 * printk() retries.
		 */
		if (!locked || !READ_ONCE(console_drivers) ||
		    READ_ONCE(console_cur.seq) >= READ_ONCE(log_next_seq))
			return;
	}
}

/**
 * vprintk - store a message in the log and print it on the consoles.
 * @fmt: format, optionally starting with a KERN_<LEVEL> or KERN_CONT prefix
 * @args: arguments for @fmt
 *
 * Return: the length of the formatted message, without the prefix.
 */
int vprintk(const char *fmt, va_list args)
{
	char text[LOG_LINE_MAX];
	const char *p = text;
	unsigned long flags;
	bool is_cont = false;
	int level = -1;
	size_t len;

	len = vscnprintf(text, sizeof(text), fmt, args);
	while (p[0] == KERN_SOH_ASCII && p[1]) {
		if (p[1] >= '0' && p[1] <= '7')
			level = p[1] - '0';
		else if (p[1] == 'c')
			is_cont = true;
		else
			break;
		p += 2;
	}
	len -= p - text;

	local_irq_save(flags);
	if (!logbuf_trylock()) {
		__atomic_fetch_add(&printk_recursion_count, 1, __ATOMIC_RELAXED);
		emit_direct(level, p, len);
		local_irq_restore(flags);
		return len;
	}
	log_store_text(level, is_cont, p, len);
	spin_unlock(&logbuf_lock);
	local_irq_restore(flags);

	console_flush();
	return len;
}

/**
 * printk - print a kernel message; see vprintk().
 * @fmt: format, optionally starting with a KERN_<LEVEL> prefix
 */
int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/**
 * printk_read_formatted - read one record for dmesg.
 * @seq: the sequence number wanted; advanced past the record returned. If
 *       that record was overwritten, the oldest surviving one is returned.
 * @buf: where "[    s.uuuuuu] text\n" goes (truncated to fit)
 * @size: size of @buf, at least 1
 *
 * Return: the length stored in @buf, or 0 when there are no more records.
 */
size_t printk_read_formatted(u64 *seq, char *buf, size_t size)
{
	struct printk_record *r;
	unsigned long flags;
	u64 skipped;		/* dmesg does not report it; printk_dropped does */
	size_t len = 0;

	local_irq_save(flags);
	if (!logbuf_trylock()) {
		local_irq_restore(flags);
		return 0;
	}
	/* Sequential reads hit the cached position; others walk the ring. */
	if (*seq != read_cur.seq || read_cur.seq < log_first_seq) {
		read_cur.seq = log_first_seq;
		read_cur.off = log_first_off;
		while (read_cur.seq < *seq && (r = cursor_record(&read_cur, &skipped)))
			cursor_advance(&read_cur, r);
	}
	r = cursor_record(&read_cur, &skipped);
	if (r) {
		len = format_line(buf, size, r->ts_nsec, r->text, r->text_len);
		cursor_advance(&read_cur, r);
		if (read_cur.seq > log_read_seq)
			log_read_seq = read_cur.seq;
		*seq = read_cur.seq;
	}
	spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
	return len;
}

/** printk_first_seq - sequence number of the oldest record still stored. */
u64 printk_first_seq(void)
{
	return READ_ONCE(log_first_seq);
}

/** printk_next_seq - sequence number the next record will get. */
u64 printk_next_seq(void)
{
	return READ_ONCE(log_next_seq);
}

/**
 * register_console - start sending printk output to a console.
 * @con: the console; CON_ENABLED is set on it
 *
 * The first console registered receives every record logged so far.
 * Registering a real console retires the CON_BOOT ones, whose job (getting
 * output out before the real driver was ready) is then done.
 */
void register_console(struct console *con)
{
	struct console **pp;
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&console_owner);
	if (!(con->flags & CON_BOOT)) {
		for (pp = &console_drivers; *pp;) {
			if ((*pp)->flags & CON_BOOT)
				*pp = (*pp)->next;
			else
				pp = &(*pp)->next;
		}
	}
	con->flags |= CON_ENABLED;
	con->next = console_drivers;
	WRITE_ONCE(console_drivers, con);
	spin_unlock(&console_owner);
	local_irq_restore(flags);

	/* Precision 0 prints no digits for a 0: no index when there is none. */
	pr_info("printk: console [%s%.*d] enabled\n", con->name,
		con->index >= 0 ? 1 : 0, con->index >= 0 ? con->index : 0);
}

/**
 * unregister_console - stop sending output to a console.
 * @con: a console passed to register_console() earlier
 */
void unregister_console(struct console *con)
{
	struct console **pp;
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&console_owner);
	for (pp = &console_drivers; *pp; pp = &(*pp)->next) {
		if (*pp == con) {
			*pp = con->next;
			break;
		}
	}
	con->flags &= ~CON_ENABLED;
	con->next = NULL;
	spin_unlock(&console_owner);
	local_irq_restore(flags);
}

/**
 * console_write_all - write text to every enabled console, bypassing the log.
 * @s: the text
 * @len: its length
 *
 * Takes no locks: it is what panic and oops use when the log itself may be
 * the thing that broke.
 */
void console_write_all(const char *s, unsigned int len)
{
	struct console *con;

	for (con = READ_ONCE(console_drivers); con; con = con->next) {
		if ((con->flags & CON_ENABLED) && con->write)
			con->write(con, s, len);
	}
}

/**
 * console_read_char - poll every console once for an input character.
 *
 * Return: the first character found, or -1 when none is waiting.
 */
int console_read_char(void)
{
	struct console *con;
	int c;

	for (con = READ_ONCE(console_drivers); con; con = con->next) {
		if (!(con->flags & CON_ENABLED) || !con->read_char)
			continue;
		c = con->read_char(con);
		if (c >= 0)
			return c;
	}
	return -1;
}

/**
 * console_flush_on_panic - get everything in the log onto the consoles.
 *
 * For panic(), once the other CPUs are stopped: a lock still held now is
 * held by a context that will never run again (perhaps one this CPU
 * interrupted), so both locks are forcibly released first, and any
 * partial line is flushed as a record of its own.
 */
void console_flush_on_panic(void)
{
	spin_lock_init(&logbuf_lock);
	spin_lock_init(&console_owner);
	spin_lock(&logbuf_lock);
	cont_flush();
	spin_unlock(&logbuf_lock);
	console_flush();
}

static int __init loglevel_setup(char *str)
{
	int level;

	if (!str || kstrtoint(str, 0, &level))
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int __init quiet_setup(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_setup);

static int __init debug_setup(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 0;
}
early_param("debug", debug_setup);

static int __init ignore_loglevel_setup(char *str)
{
	ignore_loglevel = true;
	pr_info("debug: ignoring loglevel setting.\n");
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);

/*
 * "console=ttyS0[,options]" / "console=tty0": the console drivers read
 * these themselves when they register (drivers/tty/serial/8250,
 * drivers/video/console); claiming the option here keeps it out of the
 * unknown-parameters report, as Linux's console_setup() does.
 */
static int __init console_setup(char *str)
{
	return 1;
}
__setup("console=", console_setup);
