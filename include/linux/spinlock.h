/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks. A test-and-test-and-set lock; the _irqsave variants also turn
 * off interrupts on this CPU so an interrupt handler that takes the same
 * lock cannot deadlock against the code it interrupted.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>

typedef struct {
	volatile unsigned int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { 0 }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock) { lock->locked = 0; }

/*
 * Holding a spinlock disables preemption (preempt_count + 1): a task that
 * was switched away while holding one would leave every other CPU spinning
 * on it for a whole time slice - or forever, if it is this CPU's next task
 * that wants it.
 */
static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE)) {
		while (READ_ONCE(lock->locked))
			__asm__ __volatile__("pause");
	}
}

static inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (!__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		return 1;
	preempt_enable();
	return 0;
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
	preempt_enable();
}

/* The raw forms leave preempt_count alone: for the scheduler's own
 * runqueue locks, which are handed from one task to the next. */
static inline void raw_spin_lock_nopreempt(spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE)) {
		while (READ_ONCE(lock->locked))
			__asm__ __volatile__("pause");
	}
}
static inline void raw_spin_unlock_nopreempt(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline int spin_is_locked(spinlock_t *lock) { return READ_ONCE(lock->locked); }

#define spin_lock_irqsave(lock, flags) \
	do { local_irq_save(flags); spin_lock(lock); } while (0)
/* Interrupts come back on before preemption is allowed again, so a
 * reschedule asked for meanwhile happens here and not a tick later. */
#define spin_unlock_irqrestore(lock, flags) do {			\
	raw_spin_unlock_nopreempt(lock);				\
	local_irq_restore(flags);					\
	preempt_enable();						\
} while (0)
#define spin_lock_irq(lock)   do { local_irq_disable(); spin_lock(lock); } while (0)
#define spin_unlock_irq(lock) do {					\
	raw_spin_unlock_nopreempt(lock);				\
	local_irq_enable();						\
	preempt_enable();						\
} while (0)

#endif
