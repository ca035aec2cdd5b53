// SPDX-License-Identifier: MIT
/*
 * Host tests for the /proc tree (fs/proc/generic.c, fs/proc/root.c):
 * creating files and directories (also through "dir/name"), path lookup
 * with every odd spelling, the error codes Linux gives root (-ENOENT,
 * -ENOTDIR, -EISDIR, -EIO), writes reaching the right method with the
 * right data, listings in byte order, removal (with WARNs for misuse and
 * whole subtrees), allocation failures, no leaks, and remove_proc_entry()
 * waiting for a reader that is still inside the file's show function.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include "tap.h"
#include "proc_fakes.h"
#include <pthread.h>
#include <unistd.h>

static char out[4096];

/* Read @path; returns the error, text in out[]. */
static int rd(const char *path)
{
	struct seq_file m = { 0 };
	int err = proc_read_path(path, &m);
	size_t n = m.count < sizeof(out) - 1 ? m.count : sizeof(out) - 1;

	__builtin_memcpy(out, m.buf ? m.buf : "", n);
	out[n] = '\0';
	seq_release(&m);
	return err;
}

static int show_text(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", (const char *)m->private);
	return 0;
}

static char wbuf[64];
static size_t wlen;
static void *wdata;
static bool wnul;
static ssize_t write_rec(void *data, const char *buf, size_t count)
{
	wdata = data;
	wlen = count;
	wnul = buf[count] == '\0';
	__builtin_memcpy(wbuf, buf, count < sizeof(wbuf) ? count : sizeof(wbuf));
	return !strncmp(buf, "bad", 3) ? -EINVAL : (ssize_t)count;
}

static const struct proc_ops rw_ops = { .proc_show = show_text, .proc_write = write_rec };

static char listing[1024];
static int fill(void *ctx, const char *name, umode_t mode)
{
	size_t n = strlen(listing);

	snprintf(listing + n, sizeof(listing) - n, "%s%s ", name, S_ISDIR(mode) ? "/" : "");
	return ctx ? 7 : 0;
}

static const char *ls(const char *path, int *err)
{
	listing[0] = '\0';
	*err = proc_list_path(path, fill, NULL);
	return listing;
}

/* ---- remove_proc_entry() against a reader still inside show ---- */
static volatile int in_show, let_go, removed;
static int show_slow(struct seq_file *m, void *v)
{
	in_show = 1;
	while (!let_go)
		usleep(1000);
	seq_puts(m, "slow\n");
	return 0;
}

static void *reader(void *arg)
{
	return (void *)(long)rd("/proc/slow");
}

static void *remover(void *arg)
{
	remove_proc_entry("slow", NULL);
	removed = 1;
	return NULL;
}

int main(void)
{
	struct proc_dir_entry *irq, *ten, *f, *rw;
	unsigned long w;
	long live0 = kmalloc_live;
	int err;

	/* The tree: "/" holds "proc". */
	is_int(proc_path_is_dir("/"), 1, "/ is a directory");
	is_int(proc_path_is_dir("/proc"), 1, "/proc is a directory");
	is_str(ls("/", &err), "proc/ ", "/ lists only proc");
	is_int(rd("/proc"), -EISDIR, "reading /proc: -EISDIR");

	/* Creating. */
	irq = proc_mkdir("irq", NULL);
	ok(irq != NULL, "proc_mkdir(irq, NULL)");
	ten = proc_mkdir("10", irq);
	f = proc_create_single_data("spurious", 0444, ten, show_text, "count 3");
	ok(ten && f, "/proc/irq/10/spurious created");
	is_str(proc_name(f), "spurious", "proc_name");
	is_str(pde_data(f), "count 3", "pde_data");
	is_int(rd("/proc/irq/10/spurious"), 0, "read /proc/irq/10/spurious");
	is_str(out, "count 3\n", "... its show function's text");
	ok(proc_create_single("interrupts", 0, NULL, show_text) != NULL, "proc_create_single in /proc");
	is_int(rd("/proc/interrupts"), 0, "a NULL data pointer reads too");
	is_str(out, "(null)\n", "... and show sees m->private == NULL");
	ok(proc_create_single_data("irq/default_smp_affinity", 0644, NULL, show_text, "f") != NULL,
	   "a name with '/' goes into the existing directory");
	is_int(proc_path_is_dir("/proc/irq/default_smp_affinity"), 0, "... /proc/irq/default_smp_affinity is a file");

	/* Path spellings. */
	is_int(rd("proc/irq/10/spurious"), 0, "relative paths start at /");
	is_int(rd("//proc///irq/10//spurious"), 0, "repeated slashes");
	is_int(rd("/proc/./irq/../irq/10/./spurious"), 0, ". and ..");
	is_int(rd("/../../proc/interrupts"), 0, ".. at / stays at /");
	is_int(rd("/proc/irq/10/"), -EISDIR, "trailing slash on a directory");
	is_int(rd("/proc/interrupts/"), -ENOTDIR, "trailing slash on a file: -ENOTDIR");
	is_int(rd("/proc/interrupts/x"), -ENOTDIR, "a file used as a directory: -ENOTDIR");
	is_int(rd("/proc/nope"), -ENOENT, "unknown file: -ENOENT");
	is_int(rd("/proc/irq/11/spurious"), -ENOENT, "unknown directory: -ENOENT");
	is_int(rd("/proc/irq/1"), -ENOENT, "a prefix of a name is not the name");
	is_int(rd("/proc/irq/100"), -ENOENT, "a longer name is not the name");
	is_int(proc_path_is_dir("/proc/nope"), -ENOENT, "proc_path_is_dir: -ENOENT");

	/* Writing. */
	rw = proc_create_data("smp_affinity", 0600, ten, &rw_ops, (void *)0x1234);
	ok(rw != NULL, "proc_create_data with a write method");
	is_int(proc_write_path("/proc/irq/10/smp_affinity", "f\n", 2), 2, "write returns the method's count");
	ok(wdata == (void *)0x1234 && wlen == 2 && !memcmp(wbuf, "f\n", 2) && wnul,
	   "the method got its data, the bytes, the count, and a NUL after them");
	is_int(proc_write_path("/proc/irq/10/smp_affinity", "bad\n", 4), -EINVAL,
	       "the method's error comes back");
	is_int(proc_write_path("/proc/irq/10/spurious", "1\n", 2), -EIO,
	       "a file without a write method: -EIO (Linux, as root)");
	is_int(proc_write_path("/proc/irq/10", "1\n", 2), -EISDIR, "write to a directory: -EISDIR");
	is_int(proc_write_path("/proc/irq/12/x", "1\n", 2), -ENOENT, "write to nothing: -ENOENT");

	/* Listings, in byte order. */
	ok(proc_mkdir("2", irq) && proc_mkdir("1", irq) && proc_mkdir("0", irq),
	   "more directories");
	is_str(ls("/proc/irq", &err), "0/ 1/ 10/ 2/ default_smp_affinity ",
	       "/proc/irq lists in byte order, as LC_ALL=C ls");
	is_int(err, 0, "... status 0");
	is_str(ls("/proc/irq/10", &err), "smp_affinity spurious ", "/proc/irq/10 lists its files");
	ls("/proc/interrupts", &err);
	is_int(err, -ENOTDIR, "listing a file: -ENOTDIR");
	ls("/proc/none", &err);
	is_int(err, -ENOENT, "listing nothing: -ENOENT");
	listing[0] = '\0';
	is_int(proc_list_path("/proc/irq", fill, (void *)1), 7, "a non-zero fill return stops the listing");
	is_str(listing, "0/ ", "... after the first name");

	/* Misuse WARNs and changes nothing. */
	w = warns;
	ok(proc_mkdir("10", irq) == NULL, "creating an existing name: NULL");
	ok(proc_create_single("x", 0, f, show_text) == NULL, "a file as parent: NULL");
	ok(proc_create_single("nodir/x", 0, NULL, show_text) == NULL, "a missing directory in the name: NULL");
	ok(proc_mkdir("", NULL) == NULL && proc_mkdir("..", irq) == NULL, "empty and '..' names: NULL");
	is_int(warns - w, 5, "... each WARNed");
	is_str(ls("/proc/irq", &err), "0/ 1/ 10/ 2/ default_smp_affinity ", "... and the tree is unchanged");

	/* Out of memory: NULL, no WARN, nothing linked. */
	w = warns;
	kmalloc_fail_nth(1);
	ok(proc_mkdir("oom", NULL) == NULL, "kmalloc fails: proc_mkdir returns NULL");
	is_int(warns - w, 0, "... without a WARN");
	is_int(proc_path_is_dir("/proc/oom"), -ENOENT, "... and nothing was created");
	kmalloc_fail_at = -1;

	/* Removing. */
	remove_proc_entry("default_smp_affinity", irq);
	is_int(rd("/proc/irq/default_smp_affinity"), -ENOENT, "remove_proc_entry removes a file");
	remove_proc_entry("irq/2", NULL);
	is_int(proc_path_is_dir("/proc/irq/2"), -ENOENT, "... and by a path name");
	w = warns;
	remove_proc_entry("nothing", irq);
	is_int(warns - w, 1, "removing a missing name WARNs");
	is_int(remove_proc_subtree("nothing", irq), -ENOENT, "remove_proc_subtree of nothing: -ENOENT");
	is_int(warns - w, 1, "... without a WARN");
	remove_proc_entry("10", irq);
	is_int(warns - w, 2, "removing a non-empty directory WARNs");
	is_int(rd("/proc/irq/10/spurious"), -ENOENT, "... and its files are gone with it");
	ok(proc_mkdir("10", irq) != NULL, "the name can be used again");
	is_int(remove_proc_subtree("irq", NULL), 0, "remove_proc_subtree(irq)");
	is_int(warns - w, 2, "... silently");
	is_str(ls("/proc", &err), "interrupts ", "/proc holds only interrupts now");
	proc_remove(NULL);
	f = proc_mkdir("d", NULL);
	proc_create_single("x", 0, f, show_text);
	proc_remove(f);
	is_int(proc_path_is_dir("/proc/d"), -ENOENT, "proc_remove(de) removes it and its contents");
	remove_proc_entry("interrupts", NULL);
	is_int(kmalloc_live, live0, "everything created was freed");

	/* remove_proc_entry() waits for a reader inside show. */
	{
		pthread_t rt, mt;
		void *ret;

		proc_create_single("slow", 0, NULL, show_slow);
		pthread_create(&rt, NULL, reader, NULL);
		while (!in_show)
			usleep(1000);
		pthread_create(&mt, NULL, remover, NULL);
		usleep(50000);
		is_int(rd("/proc/slow"), -ENOENT, "a file being removed cannot be found any more");
		ok(!removed, "remove_proc_entry still waits while show runs");
		let_go = 1;
		pthread_join(rt, &ret);
		pthread_join(mt, NULL);
		ok(removed, "... and returns once show is done");
		is_int((long)ret, 0, "the reader got its file");
		is_str(out, "slow\n", "... all of it, written after the remover started");
	}
	is_int(kmalloc_live, live0, "no leaks at the end");
	return done_testing();
}
