/* SPDX-License-Identifier: MIT */
/*
 * procfs - the kernel's state published as text files under /proc.
 *
 * A small in-memory tree of struct proc_dir_entry (fs/proc/generic.c),
 * created and removed with Linux's calls:
 *
 *	dir = proc_mkdir("irq", NULL);                     // /proc/irq
 *	proc_create_single_data("spurious", 0444, dir, show, data);
 *	proc_create_data("smp_affinity", 0600, dir, &ops, data); // with .proc_write
 *	remove_proc_entry("spurious", dir);
 *
 * A NULL parent means /proc itself. A name may contain '/' to reach into
 * directories that already exist ("irq/default_smp_affinity").
 *
 * Reading runs the entry's show function through seq_file (whole file at
 * once); writing hands the bytes to its proc_write method. Until there is
 * a VFS, the shell reaches files by path with proc_read_path() and
 * proc_write_path(). Errors are Linux's, as seen by root:
 *
 *   -ENOENT   no such path                 -ENOTDIR  a file used as a directory
 *   -EISDIR   read or write of a directory
 *   -EIO      write to a file without a proc_write method (root may open
 *             any file for writing, so Linux's refusal comes at write time)
 *   -ENOMEM   out of memory
 *
 * The tree is protected by one spinlock; entries may be created and
 * removed at any time in process context (initcalls, request_irq()).
 * remove_proc_entry() waits until nobody is reading or writing the entry,
 * so its data may be freed as soon as it returns.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>
#include <linux/seq_file.h>

typedef unsigned short umode_t;

/* File type and permission bits, with Linux's values (linux/stat.h). */
#ifndef S_IFMT
#define S_IFMT   0170000
#define S_IFDIR  0040000
#define S_IFREG  0100000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_IRUGO  0444
#define S_IWUSR  0200
#define S_IXUGO  0111
#endif

/* Not yet in linux/errno.h; Linux's values. */
#ifndef ENOTDIR
#define ENOTDIR 20
#endif
#ifndef EISDIR
#define EISDIR  21
#endif

struct proc_dir_entry;

/**
 * struct proc_ops - what a /proc file does
 * @proc_show:  prints the whole file (seq_file); NULL reads as empty
 * @proc_write: takes the bytes written; @buf is NUL-terminated at
 *              @buf[@count] for convenience. Returns bytes consumed or
 *              -errno. NULL: writes fail with -EIO.
 */
struct proc_ops {
	int (*proc_show)(struct seq_file *m, void *v);
	ssize_t (*proc_write)(void *data, const char *buf, size_t count);
};

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *ops, void *data);
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *),
					       void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)

void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
int remove_proc_subtree(const char *name, struct proc_dir_entry *parent);
void proc_remove(struct proc_dir_entry *de);

/* The data given at creation (Linux's pde_data(inode)). */
void *pde_data(const struct proc_dir_entry *de);
const char *proc_name(const struct proc_dir_entry *de);

/* ---- access by path, for the shell (absolute, or relative to "/") ---- */

int proc_read_path(const char *path, struct seq_file *out);
ssize_t proc_write_path(const char *path, const char *buf, size_t len);
/* 1 directory, 0 file, or -ENOENT / -ENOTDIR. */
int proc_path_is_dir(const char *path);

/* Called for each name in a directory, in byte order; returns 0 to go on. */
typedef int (*proc_filldir_t)(void *ctx, const char *name, umode_t mode);
int proc_list_path(const char *path, proc_filldir_t fill, void *ctx);

/*
 * kernel/debug/shell_fs.c: the write half of the shell's "echo ... > FILE".
 * Writes @len bytes of @buf to @path and reports a failure the way a
 * shell does ("sh: PATH: No such file or directory", "sh: CMD: write
 * error: Invalid argument"). Returns 0, or 1 after a failure.
 */
int shell_write_file(const char *cmd, const char *path, const char *buf, size_t len);

#endif
