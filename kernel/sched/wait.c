// SPDX-License-Identifier: MIT
/*
 * Wait queues (include/linux/wait.h has the protocol and the macros).
 *
 * Non-exclusive entries go to the head of the list and exclusive ones to
 * the tail, so one walk from the head wakes every non-exclusive waiter and
 * then exclusive waiters, oldest first, until nr_exclusive of them have
 * accepted the wake-up. An entry's func decides what waking means: the
 * default wakes its task, autoremove_wake_function also unlinks the entry,
 * so a waker never wakes the same sleeper twice.
 */
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/errno.h>

/** init_waitqueue_head - an empty wait queue */
void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

/** init_wait_entry - an entry for current, unlinked, removed when woken */
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/** add_wait_queue - queue a non-exclusive entry (at the head) */
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/** add_wait_queue_exclusive - queue an exclusive entry (at the tail) */
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/** remove_wait_queue - unlink an entry added with add_wait_queue*() */
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait - queue @wq_entry (if it is not yet) and set current's state
 * @wq_head:  the queue
 * @wq_entry: current's entry (DEFINE_WAIT)
 * @state:    TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE
 *
 * The state is set under the queue's lock, after the entry is visible, so
 * a waker that makes the condition true afterwards finds and wakes us.
 */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait_exclusive - as prepare_to_wait(), as an exclusive waiter
 *
 * Return: true if the queue was empty before (the caller is first in line).
 */
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;
	bool was_empty = false;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry)) {
		was_empty = list_empty(&wq_head->head);
		list_add_tail(&wq_entry->entry, &wq_head->head);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return was_empty;
}

/**
 * prepare_to_wait_event - the step of the wait_event*() loop
 *
 * Return: 0, or -ERESTARTSYS (entry unlinked, state left running) if
 * @state is interruptible and a signal is pending.
 */
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;
	long ret = 0;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (signal_pending_state(state, current)) {
		list_del_init(&wq_entry->entry);
		ret = -ERESTARTSYS;
	} else {
		if (list_empty(&wq_entry->entry)) {
			if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
				list_add_tail(&wq_entry->entry, &wq_head->head);
			else
				list_add(&wq_entry->entry, &wq_head->head);
		}
		set_current_state(state);
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return ret;
}

/**
 * finish_wait - end a wait: current running, @wq_entry unlinked
 *
 * The entry may already be gone (autoremove on wake-up); the lockless
 * check is safe because only a waker removes it, under the lock, and
 * list_del_init() leaves it self-linked.
 */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key)
{
	return try_to_wake_up(wq_entry->private, mode, flags);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

/* Walk with the lock held; returns how many entries accepted. */
static int __wake_up_common(struct wait_queue_head *wq_head, unsigned int mode,
			    int nr_exclusive, void *key)
{
	struct wait_queue_entry *curr, *next;
	int woken = 0;

	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret)
			woken++;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
	return woken;
}

/**
 * __wake_up - wake the waiters of @wq_head sleeping in @mode
 * @wq_head:      the queue
 * @mode:         which sleeping states to wake (TASK_NORMAL, TASK_INTERRUPTIBLE)
 * @nr_exclusive: how many exclusive waiters to wake; 0 for all
 * @key:          passed to the entries' functions
 *
 * Callable from any context, interrupt handlers included.
 *
 * Return: how many tasks were woken.
 */
int __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	unsigned long flags;
	int woken;

	spin_lock_irqsave(&wq_head->lock, flags);
	woken = __wake_up_common(wq_head, mode, nr_exclusive, key);
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return woken;
}

/** __wake_up_locked - __wake_up() for a caller holding wq_head->lock */
int __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive)
{
	return __wake_up_common(wq_head, mode, nr_exclusive, NULL);
}
