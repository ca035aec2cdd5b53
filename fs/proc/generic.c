// SPDX-License-Identifier: MIT
/*
 * The /proc tree: creating, finding and removing entries.
 *
 * Linux keeps each directory's children in a red-black tree; a directory
 * here holds at most a few hundred entries (/proc/irq), so a sorted list
 * does. Entries are allocated before proc_subdir_lock is taken and freed
 * after it is dropped: the lock only ever covers pointer updates, so it
 * is never held across the allocator or a show function.
 *
 * Misuse that is a kernel bug (a name registered twice, removing what does
 * not exist, a file used as a directory) gets a WARN, as in Linux, and
 * changes nothing.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/proc_fs.h>
#include "internal.h"

DEFINE_SPINLOCK(proc_subdir_lock);

struct proc_dir_entry proc_fs_root = {
	.parent = &proc_fs_root,
	.subdir = &proc_root,
	.mode = S_IFDIR | 0755,
	.name = "",
};

struct proc_dir_entry proc_root = {
	.parent = &proc_fs_root,
	.mode = S_IFDIR | 0555,
	.name = "proc",
};

/* Byte-order comparison of (name, len) with a NUL-terminated string. */
static int name_cmp(const char *name, size_t len, const char *s)
{
	size_t slen = strlen(s);
	int r = memcmp(name, s, len < slen ? len : slen);

	if (r)
		return r;
	return len < slen ? -1 : len > slen;
}

/**
 * pde_find_child - the entry called @name (@len bytes) in @dir, or NULL
 *
 * Called with proc_subdir_lock held.
 */
struct proc_dir_entry *pde_find_child(struct proc_dir_entry *dir,
				      const char *name, size_t len)
{
	struct proc_dir_entry *de;

	for (de = dir->subdir; de; de = de->next) {
		int r = name_cmp(name, len, de->name);

		if (r == 0)
			return de;
		if (r < 0)
			break;   /* the list is sorted: it is not there */
	}
	return NULL;
}

/**
 * pde_walk - follow @path (@len bytes) from @start
 * @start: where a relative path begins; a leading '/' starts at "/"
 * @path:  components separated by '/'; empty ones and "." are skipped,
 *         ".." goes up (and stays at "/" at the top)
 * @len:   length of @path
 * @err:   set to -ENOENT or -ENOTDIR when NULL is returned
 *
 * A trailing '/' requires the result to be a directory, as in Linux.
 * Called with proc_subdir_lock held.
 */
struct proc_dir_entry *pde_walk(struct proc_dir_entry *start, const char *path,
				size_t len, int *err)
{
	struct proc_dir_entry *de = start;
	size_t i = 0;

	if (len && path[0] == '/')
		de = &proc_fs_root;
	while (i < len) {
		size_t n = 0;

		while (i < len && path[i] == '/')
			i++;
		while (i + n < len && path[i + n] != '/')
			n++;
		if (!n)
			break;
		if (!S_ISDIR(de->mode)) {
			*err = -ENOTDIR;
			return NULL;
		}
		if (n == 2 && path[i] == '.' && path[i + 1] == '.') {
			de = de->parent;
		} else if (!(n == 1 && path[i] == '.')) {
			de = pde_find_child(de, path + i, n);
			if (!de) {
				*err = -ENOENT;
				return NULL;
			}
		}
		i += n;
	}
	if (len && path[len - 1] == '/' && !S_ISDIR(de->mode)) {
		*err = -ENOTDIR;
		return NULL;
	}
	return de;
}

/*
 * Split @name into the directory part (resolved from @parent) and the last
 * component. Lock held. Returns the directory or NULL with *err set.
 */
static struct proc_dir_entry *xlate_parent(const char *name,
					   struct proc_dir_entry *parent,
					   const char **base, int *err)
{
	const char *slash = strrchr(name, '/');
	struct proc_dir_entry *dir = parent ? parent : &proc_root;

	*base = name;
	if (slash) {
		size_t len = slash - name;

		*base = slash + 1;
		/* Relative to @parent even with a leading '/', as Linux does. */
		while (len && *name == '/') {
			name++;
			len--;
		}
		dir = pde_walk(dir, name, len, err);
		if (!dir)
			return NULL;
	}
	if (!S_ISDIR(dir->mode)) {
		*err = -ENOTDIR;
		return NULL;
	}
	return dir;
}

static bool valid_name(const char *s)
{
	size_t len = strlen(s);

	return len && len <= PROC_NAME_MAX && strcmp(s, ".") && strcmp(s, "..");
}

/* Create and link one entry; WARNs and returns NULL on misuse. */
static struct proc_dir_entry *proc_register(const char *name, umode_t mode,
					    struct proc_dir_entry *parent,
					    int (*show)(struct seq_file *, void *),
					    ssize_t (*write)(void *, const char *, size_t),
					    void *data)
{
	struct proc_dir_entry *de, *dir, **link;
	const char *base = strrchr(name, '/');
	unsigned long flags;
	int err = 0;

	base = base ? base + 1 : name;
	if (WARN(!valid_name(base), "proc: bad name '%s'\n", name))
		return NULL;
	de = kzalloc(sizeof(*de) + strlen(base) + 1, GFP_KERNEL);
	if (!de)
		return NULL;
	strcpy(de->name, base);
	de->mode = mode;
	de->show = show;
	de->write = write;
	de->data = data;

	spin_lock_irqsave(&proc_subdir_lock, flags);
	dir = xlate_parent(name, parent, &base, &err);
	if (dir && pde_find_child(dir, base, strlen(base))) {
		dir = NULL;
		err = -EEXIST;
	}
	if (dir) {
		/* Insert in byte order of names. */
		for (link = &dir->subdir; *link; link = &(*link)->next)
			if (strcmp(de->name, (*link)->name) < 0)
				break;
		de->next = *link;
		de->parent = dir;
		*link = de;
	}
	spin_unlock_irqrestore(&proc_subdir_lock, flags);

	if (!dir) {
		WARN(1, "proc_dir_entry '%s%s%s' not registered: error %d\n",
		     parent ? parent->name : "", parent ? "/" : "", name, err);
		kfree(de);
		return NULL;
	}
	return de;
}

/**
 * proc_mkdir - create directory @name in @parent (NULL: /proc)
 *
 * Return: the new directory, or NULL (out of memory, or a WARNed misuse:
 * the name exists already, or the parent is not a directory).
 */
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return proc_register(name, S_IFDIR | 0555, parent, NULL, NULL, NULL);
}

/* Linux gives a file without any permission bits read access for all. */
static umode_t file_mode(umode_t mode)
{
	mode &= ~S_IFMT;
	if (!(mode & 0777))
		mode |= S_IRUGO;
	return S_IFREG | mode;
}

/**
 * proc_create_data - create file @name in @parent with methods @ops
 * @name:   the file name (may include existing directories: "irq/x")
 * @mode:   permission bits (0: 0444)
 * @parent: the directory, NULL for /proc
 * @ops:    its show and write methods (copied; @ops need not stay around)
 * @data:   given to both methods
 *
 * Return: the new entry, or NULL as for proc_mkdir().
 */
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *ops, void *data)
{
	return proc_register(name, file_mode(mode), parent,
			     ops ? ops->proc_show : NULL,
			     ops ? ops->proc_write : NULL, data);
}

/**
 * proc_create_single_data - create read-only file @name printed by @show
 *
 * @show gets @data as m->private. Return: as proc_create_data().
 */
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *),
					       void *data)
{
	return proc_register(name, file_mode(mode), parent, show, NULL, data);
}

/*
 * Free an unlinked entry and everything under it, each once nobody is
 * using it any more. Unlinked entries cannot be found, so no new user
 * can appear while we wait.
 */
static void free_subtree(struct proc_dir_entry *de)
{
	while (de->subdir) {
		struct proc_dir_entry *child = de->subdir;

		de->subdir = child->next;
		free_subtree(child);
	}
	while (__atomic_load_n(&de->in_use, __ATOMIC_ACQUIRE))
		__asm__ __volatile__("pause" ::: "memory");
	kfree(de);
}

/* Unlink @de from its directory; lock held. False if it was not linked. */
static bool unlink_entry(struct proc_dir_entry *de)
{
	struct proc_dir_entry **link;

	for (link = &de->parent->subdir; *link; link = &(*link)->next) {
		if (*link == de) {
			*link = de->next;
			de->next = NULL;
			return true;
		}
	}
	return false;
}

/* Find and unlink @name under @parent; lock taken here. */
static struct proc_dir_entry *detach(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *dir, *de = NULL;
	const char *base;
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&proc_subdir_lock, flags);
	dir = xlate_parent(name, parent, &base, &err);
	if (dir)
		de = pde_find_child(dir, base, strlen(base));
	if (de)
		unlink_entry(de);
	spin_unlock_irqrestore(&proc_subdir_lock, flags);
	return de;
}

/**
 * remove_proc_entry - remove @name from @parent (NULL: /proc)
 *
 * Waits until no reader or writer is inside the entry's methods, so the
 * caller may free their data afterwards. Removing a name that does not
 * exist is a bug and WARNs. Linux leaks the contents of a non-empty
 * directory removed this way; here they are removed with it, after a WARN.
 */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = detach(name, parent);

	if (WARN(!de, "remove_proc_entry: no entry '%s'\n", name))
		return;
	WARN(de->subdir, "remove_proc_entry: removing non-empty directory '%s', and '%s' in it\n",
	     de->name, de->subdir->name);
	free_subtree(de);
}

/**
 * remove_proc_subtree - remove @name and everything below it
 *
 * Return: 0, or -ENOENT if there is no such entry (not a bug here).
 */
int remove_proc_subtree(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = detach(name, parent);

	if (!de)
		return -ENOENT;
	free_subtree(de);
	return 0;
}

/**
 * proc_remove - remove the entry @de (and all below it); NULL is ignored
 */
void proc_remove(struct proc_dir_entry *de)
{
	unsigned long flags;
	bool linked;

	if (!de)
		return;
	if (WARN(de == &proc_root || de == &proc_fs_root, "proc_remove: the root\n"))
		return;
	spin_lock_irqsave(&proc_subdir_lock, flags);
	linked = unlink_entry(de);
	spin_unlock_irqrestore(&proc_subdir_lock, flags);
	if (!WARN(!linked, "proc_remove: '%s' is not in the tree\n", de->name))
		free_subtree(de);
}

/**
 * pde_data - the data given when @de was created
 */
void *pde_data(const struct proc_dir_entry *de)
{
	return de->data;
}

/**
 * proc_name - the name of @de within its directory
 */
const char *proc_name(const struct proc_dir_entry *de)
{
	return de->name;
}
