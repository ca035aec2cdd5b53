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

typedef struct {
	volatile unsigned int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { 0 }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock) { lock->locked = 0; }

static inline void spin_lock(spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE)) {
		while (READ_ONCE(lock->locked))
			__asm__ __volatile__("pause");
	}
}

static inline int spin_trylock(spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline int spin_is_locked(spinlock_t *lock) { return READ_ONCE(lock->locked); }

#define spin_lock_irqsave(lock, flags) \
	do { local_irq_save(flags); spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) \
	do { spin_unlock(lock); local_irq_restore(flags); } while (0)
#define spin_lock_irq(lock)   do { local_irq_disable(); spin_lock(lock); } while (0)
#define spin_unlock_irq(lock) do { spin_unlock(lock); local_irq_enable(); } while (0)

#endif
