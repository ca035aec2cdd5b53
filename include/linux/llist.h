/* SPDX-License-Identifier: MIT */
/*
 * Lock-free singly linked lists (Linux's llist): many producers push with
 * one compare-and-swap each, one consumer takes the whole list at once
 * with an exchange. Neither side ever waits, so a push is safe from any
 * context - an NMI that interrupted another push on the same CPU included,
 * because the interrupted cmpxchg simply fails and retries.
 *
 * llist_del_all() hands back the nodes newest first; a consumer that cares
 * about order reverses them (llist_reverse_order()).
 */
#ifndef _LINUX_LLIST_H
#define _LINUX_LLIST_H

#include <linux/types.h>
#include <linux/compiler.h>

struct llist_node {
	struct llist_node *next;
};

struct llist_head {
	struct llist_node *first;
};

#define LLIST_HEAD_INIT(name) { NULL }

static inline void init_llist_head(struct llist_head *head)
{
	head->first = NULL;
}

static inline bool llist_empty(const struct llist_head *head)
{
	return __atomic_load_n(&head->first, __ATOMIC_RELAXED) == NULL;
}

/**
 * llist_add - push @node onto @head
 *
 * Return: true if the list was empty before (the caller may then need to
 * tell the consumer), false otherwise.
 */
static inline bool llist_add(struct llist_node *node, struct llist_head *head)
{
	struct llist_node *first = __atomic_load_n(&head->first, __ATOMIC_RELAXED);

	do {
		node->next = first;
	} while (!__atomic_compare_exchange_n(&head->first, &first, node, false,
					      __ATOMIC_RELEASE, __ATOMIC_RELAXED));
	return first == NULL;
}

/**
 * llist_del_all - take every node off @head, newest first
 */
static inline struct llist_node *llist_del_all(struct llist_head *head)
{
	return __atomic_exchange_n(&head->first, NULL, __ATOMIC_ACQUIRE);
}

/**
 * llist_reverse_order - reverse a detached chain (newest first -> oldest first)
 */
static inline struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *rev = NULL, *next;

	while (head) {
		next = head->next;
		head->next = rev;
		rev = head;
		head = next;
	}
	return rev;
}

#endif
