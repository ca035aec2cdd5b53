/* SPDX-License-Identifier: MIT */
/*
 * procfs internals shared by fs/proc/generic.c (the tree) and
 * fs/proc/root.c (access by path).
 *
 * The tree:  "/" (proc_fs_root) --- "proc" (proc_root) --- entries ...
 *
 * Children hang off their directory's @subdir as a singly linked list
 * kept in byte order of their names, so listings come out sorted the way
 * "LC_ALL=C ls" sorts them. All links are protected by proc_subdir_lock.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/proc_fs.h>

/* Longest name of one entry, as Linux's NAME_MAX. */
#define PROC_NAME_MAX 255

/**
 * struct proc_dir_entry - one file or directory of the tree
 * @parent:  the directory it is in (the fs root points to itself)
 * @subdir:  first child, for a directory
 * @next:    next entry in the same directory
 * @show:    prints the file (NULL: reads as empty)
 * @write:   takes writes (NULL: -EIO)
 * @data:    handed to @show (as m->private) and @write
 * @in_use:  readers and writers running @show/@write right now; removal
 *           waits for it to drop to zero before freeing
 * @mode:    S_IFDIR or S_IFREG plus permission bits
 * @name:    the name within @parent (allocated with the entry)
 */
struct proc_dir_entry {
	struct proc_dir_entry *parent;
	struct proc_dir_entry *subdir;
	struct proc_dir_entry *next;
	int (*show)(struct seq_file *m, void *v);
	ssize_t (*write)(void *data, const char *buf, size_t count);
	void *data;
	int in_use;
	umode_t mode;
	char name[];
};

extern struct proc_dir_entry proc_fs_root;   /* "/" */
extern struct proc_dir_entry proc_root;      /* "/proc" */
extern spinlock_t proc_subdir_lock;

/* With proc_subdir_lock held. */
struct proc_dir_entry *pde_find_child(struct proc_dir_entry *dir,
				      const char *name, size_t len);
struct proc_dir_entry *pde_walk(struct proc_dir_entry *start, const char *path,
				size_t len, int *err);

/* Mark @de busy (lock held) / done (no lock needed). */
static inline void pde_use(struct proc_dir_entry *de)
{
	__atomic_add_fetch(&de->in_use, 1, __ATOMIC_ACQUIRE);
}

static inline void pde_unuse(struct proc_dir_entry *de)
{
	__atomic_sub_fetch(&de->in_use, 1, __ATOMIC_RELEASE);
}

#endif
