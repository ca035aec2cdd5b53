// SPDX-License-Identifier: MIT
/*
 * The root of the file namespace, and access to /proc files by path.
 *
 * There is no VFS yet: "/" is a directory holding only "proc", and the
 * shell reads, writes and lists files through the calls here. Each call
 * looks the path up under proc_subdir_lock, marks the entry in use, drops
 * the lock and only then runs the entry's method, so a show function may
 * take other locks and the tree lock is never held for long.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/proc_fs.h>
#include "internal.h"

/* Look @path up and mark it in use; lock taken here. */
static struct proc_dir_entry *pde_get_path(const char *path, int *err)
{
	struct proc_dir_entry *de;
	unsigned long flags;

	spin_lock_irqsave(&proc_subdir_lock, flags);
	de = pde_walk(&proc_fs_root, path, strlen(path), err);
	if (de)
		pde_use(de);
	spin_unlock_irqrestore(&proc_subdir_lock, flags);
	return de;
}

/**
 * proc_read_path - read the whole file at @path into @out
 * @path: e.g. "/proc/interrupts"; relative paths start at "/"
 * @out:  a seq_file (zeroed, or reused from an earlier call); free its
 *        buffer with seq_release() when done
 *
 * Return: 0 with the text in out->buf[0..out->count), -ENOENT, -ENOTDIR,
 * -EISDIR for a directory, -ENOMEM, or the show function's error.
 */
int proc_read_path(const char *path, struct seq_file *out)
{
	struct proc_dir_entry *de;
	int err = 0;

	de = pde_get_path(path, &err);
	if (!de)
		return err;
	if (S_ISDIR(de->mode))
		err = -EISDIR;
	else if (de->show)
		err = seq_show(out, de->show, de->data);
	else
		out->count = 0;
	pde_unuse(de);
	return err;
}

/**
 * proc_write_path - write @len bytes of @buf to the file at @path
 *
 * The method gets a private NUL-terminated copy of the bytes.
 *
 * Return: what the file's proc_write returned (bytes taken or -errno);
 * -ENOENT, -ENOTDIR, -EISDIR for a directory, -EIO if the file takes no
 * writes, -ENOMEM.
 */
ssize_t proc_write_path(const char *path, const char *buf, size_t len)
{
	struct proc_dir_entry *de;
	ssize_t ret;
	char *copy;
	int err = 0;

	de = pde_get_path(path, &err);
	if (!de)
		return err;
	if (S_ISDIR(de->mode)) {
		ret = -EISDIR;
	} else if (!de->write) {
		ret = -EIO;
	} else if (!(copy = kmalloc(len + 1, GFP_KERNEL))) {
		ret = -ENOMEM;
	} else {
		memcpy(copy, buf, len);
		copy[len] = '\0';
		ret = de->write(de->data, copy, len);
		kfree(copy);
	}
	pde_unuse(de);
	return ret;
}

/**
 * proc_path_is_dir - 1 if @path is a directory, 0 a file, or -errno
 */
int proc_path_is_dir(const char *path)
{
	struct proc_dir_entry *de;
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&proc_subdir_lock, flags);
	de = pde_walk(&proc_fs_root, path, strlen(path), &err);
	if (de)
		err = S_ISDIR(de->mode) ? 1 : 0;
	spin_unlock_irqrestore(&proc_subdir_lock, flags);
	return err;
}

/*
 * Snapshot of a directory as records "mode (2 bytes) name NUL". Built by
 * a seq_file show function, so the buffer is sized without allocating
 * under the lock; the caller's callback then runs without the lock.
 */
static int list_show(struct seq_file *m, void *v)
{
	const char *path = m->private;
	struct proc_dir_entry *dir, *de;
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&proc_subdir_lock, flags);
	dir = pde_walk(&proc_fs_root, path, strlen(path), &err);
	if (dir && !S_ISDIR(dir->mode)) {
		dir = NULL;
		err = -ENOTDIR;
	}
	for (de = dir ? dir->subdir : NULL; de; de = de->next) {
		seq_write(m, &de->mode, sizeof(de->mode));
		seq_write(m, de->name, strlen(de->name) + 1);
	}
	spin_unlock_irqrestore(&proc_subdir_lock, flags);
	return dir ? 0 : err;
}

/**
 * proc_list_path - call @fill for every entry of directory @path
 * @path: the directory
 * @fill: called with each name and mode, in byte order of names; a
 *        non-zero return stops the listing and is returned
 * @ctx:  passed to @fill
 *
 * The names are those present at one moment; @fill runs without locks.
 * Return: 0, @fill's non-zero value, -ENOENT, -ENOTDIR or -ENOMEM.
 */
int proc_list_path(const char *path, proc_filldir_t fill, void *ctx)
{
	struct seq_file m = { 0 };
	size_t pos = 0;
	int err;

	err = seq_show(&m, list_show, (void *)path);
	while (!err && pos < m.count) {
		umode_t mode;
		const char *name;

		memcpy(&mode, m.buf + pos, sizeof(mode));
		name = m.buf + pos + sizeof(mode);
		pos += sizeof(mode) + strlen(name) + 1;
		err = fill(ctx, name, mode);
	}
	seq_release(&m);
	return err;
}
