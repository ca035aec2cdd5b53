// SPDX-License-Identifier: MIT
/*
 * The shell's file commands: cat, ls, and the write half of
 * "echo ... > FILE" (the redirection itself is parsed by do_echo() in
 * shell.c).
 *
 * The files are /proc's (fs/proc/). Messages copy GNU coreutils and bash
 * exactly, so a transcript reads like one from a Linux machine:
 *
 *	cat: /proc/foo: No such file or directory
 *	cat: /proc/irq: Is a directory
 *	ls: cannot access '/proc/foo': No such file or directory
 *	sh: /proc/foo: No such file or directory        (echo > missing file)
 *	sh: echo: write error: Invalid argument         (the file refused it)
 *
 * ls prints one name per line in byte order, as "LC_ALL=C ls" does when
 * its output is not a terminal; "ls -p" marks directories with a '/'.
 * There is no working directory: relative paths start at "/".
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/console.h>
#include <linux/shell.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>

/* The C library's strerror() texts (glibc) for the errors /proc returns. */
static const char *const errno_text[] = {
	[EPERM]   = "Operation not permitted",
	[ENOENT]  = "No such file or directory",
	[EIO]     = "Input/output error",
	[ENXIO]   = "No such device or address",
	[E2BIG]   = "Argument list too long",
	[EBADF]   = "Bad file descriptor",
	[EAGAIN]  = "Resource temporarily unavailable",
	[ENOMEM]  = "Cannot allocate memory",
	[EACCES]  = "Permission denied",
	[EFAULT]  = "Bad address",
	[EBUSY]   = "Device or resource busy",
	[EEXIST]  = "File exists",
	[ENODEV]  = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR]  = "Is a directory",
	[EINVAL]  = "Invalid argument",
	[ENOSPC]  = "No space left on device",
	[ERANGE]  = "Numerical result out of range",
	[ENOSYS]  = "Function not implemented",
	[EOVERFLOW] = "Value too large for defined data type",
};

/* strerror(-err); @buf holds the text for numbers without a name. */
static const char *err_text(long err, char *buf, size_t size)
{
	unsigned long e = -err;

	if (e < ARRAY_SIZE(errno_text) && errno_text[e])
		return errno_text[e];
	snprintf(buf, size, "Unknown error %lu", e);
	return buf;
}

/*
 * cat FILE... - print each file; carry on after a failure, as coreutils
 * does, and return 1 if any file failed.
 */
static int do_cat(int argc, char **argv)
{
	struct seq_file m = { 0 };
	char ebuf[32];
	int i, status = 0;

	if (argc < 2) {
		shell_printf("usage: cat FILE...\n");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		int err = proc_read_path(argv[i], &m);

		if (err) {
			shell_printf("cat: %s: %s\n", argv[i], err_text(err, ebuf, sizeof(ebuf)));
			status = 1;
			continue;
		}
		/* Straight to the consoles: a file may be far longer than
		 * shell_printf()'s line buffer. */
		console_write_all(m.buf, m.count);
	}
	seq_release(&m);
	return status;
}
DEFINE_SHELL_CMD(cat, "FILE...", "print files (/proc/interrupts, /proc/stat, ...)", do_cat);

struct ls_ctx {
	bool mark_dirs;
};

static int ls_fill(void *ctx, const char *name, umode_t mode)
{
	struct ls_ctx *ls = ctx;

	shell_printf("%s%s\n", name, ls->mark_dirs && S_ISDIR(mode) ? "/" : "");
	return 0;
}

/*
 * ls [-p] [PATH...] - coreutils order: problems first, then the files
 * named, then each directory's contents (with "PATH:" headings and blank
 * lines between when more than one thing is listed). Status 2 if a path
 * could not be accessed, as coreutils.
 */
static int do_ls(int argc, char **argv)
{
	struct ls_ctx ls = { .mark_dirs = false };
	int i, first = 1, nargs, status = 0, printed = 0;
	char ebuf[32];
	char *dot[] = { "/" };
	char **args;

	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		const char *o;

		for (o = argv[first] + 1; *o; o++) {
			if (*o != 'p') {
				shell_printf("ls: invalid option -- '%c'\n", *o);
				return 2;
			}
			ls.mark_dirs = true;
		}
	}
	args = first < argc ? argv + first : dot;
	nargs = first < argc ? argc - first : 1;

	/* Pass 1: what does not exist; pass 2: files; pass 3: directories. */
	for (i = 0; i < nargs; i++) {
		int r = proc_path_is_dir(args[i]);

		if (r < 0) {
			shell_printf("ls: cannot access '%s': %s\n", args[i],
				     err_text(r, ebuf, sizeof(ebuf)));
			status = 2;
		}
	}
	for (i = 0; i < nargs; i++) {
		if (proc_path_is_dir(args[i]) == 0) {
			shell_printf("%s\n", args[i]);
			printed = 1;
		}
	}
	for (i = 0; i < nargs; i++) {
		int err;

		if (proc_path_is_dir(args[i]) != 1)
			continue;
		if (nargs > 1)
			shell_printf("%s%s:\n", printed ? "\n" : "", args[i]);
		printed = 1;
		err = proc_list_path(args[i], ls_fill, &ls);
		if (err) {
			shell_printf("ls: cannot open directory '%s': %s\n", args[i],
				     err_text(err, ebuf, sizeof(ebuf)));
			status = 2;
		}
	}
	return status;
}
DEFINE_SHELL_CMD(ls, "[-p] [DIR...]", "list directories (-p: mark them with '/')", do_ls);

/**
 * shell_write_file - write a command's output to a file, as a redirection
 * @cmd:  the command name, for the error message
 * @path: the file
 * @buf:  the bytes
 * @len:  how many
 *
 * A file that cannot be opened is reported like bash's failed redirection
 * ("sh: PATH: ..."); a file that refuses the bytes like a failed write
 * ("sh: CMD: write error: ..."). A short write is retried with the rest,
 * as write(2) callers do.
 *
 * Return: 0 on success, 1 after reporting a failure.
 */
int shell_write_file(const char *cmd, const char *path, const char *buf, size_t len)
{
	int kind = proc_path_is_dir(path);
	char ebuf[32];

	if (kind != 0) {
		shell_printf("sh: %s: %s\n", path,
			     err_text(kind < 0 ? kind : -EISDIR, ebuf, sizeof(ebuf)));
		return 1;
	}
	while (len) {
		ssize_t n = proc_write_path(path, buf, len);

		if (n <= 0 || (size_t)n > len) {
			shell_printf("sh: %s: write error: %s\n", cmd,
				     err_text(n < 0 ? n : -EIO, ebuf, sizeof(ebuf)));
			return 1;
		}
		buf += n;
		len -= n;
	}
	return 0;
}
