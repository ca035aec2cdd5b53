// SPDX-License-Identifier: MIT
/*
 * Host tests for net/core/skbuff.c: the head/data/tail/end arithmetic of
 * skb_reserve/put/push/pull/trim (with a BUG, state untouched, when put or
 * push would leave the buffer), FIFO queues and their lengths (queueing
 * an skb that is already on a queue is WARNed and refused), drops
 * counted by reason (and a bad reason WARNed and counted as
 * NOT_SPECIFIED), consume_skb() not counted as a drop, skb_clone() a deep
 * copy. kmalloc is libc's here, so ASan sees every overrun and leak.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <setjmp.h>
#include <stdlib.h>
#include "tap.h"

unsigned long host_irq_flags = 0x200;
static unsigned long warns, bugs;
static jmp_buf bug_jmp;
static bool bug_armed;
static bool fail_alloc;

void host_bug(const char *file, int line, unsigned int flags)
{
	if (flags & BUGFLAG_WARNING) {
		warns++;
		return;
	}
	bugs++;
	if (!bug_armed) {
		printf("Bail out! unexpected BUG at %s:%d\n", file, line);
		abort();
	}
	longjmp(bug_jmp, 1);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p;

	if (fail_alloc || !size)
		return NULL;
	p = malloc(size);
	if (p && (gfp & __GFP_ZERO))
		memset(p, 0, size);
	return p;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void kfree(const void *p)
{
	free((void *)p);
}

/* Run @stmt expecting a BUG; true if it hit one. */
#define EXPECT_BUG(stmt) ({				\
	volatile bool __hit = false;			\
	bug_armed = true;				\
	if (setjmp(bug_jmp))				\
		__hit = true;				\
	else						\
		stmt;					\
	bug_armed = false;				\
	__hit;						\
})

static void test_arith(void)
{
	struct sk_buff *skb = alloc_skb(128, GFP_KERNEL);
	unsigned char *p;

	ok(skb, "alloc_skb(128)");
	is_int(skb->len, 0, "new skb: len 0");
	is_int(skb_headroom(skb), 0, "new skb: no headroom");
	is_int(skb_tailroom(skb), 128, "new skb: 128 bytes tailroom");
	skb_reserve(skb, 32);
	is_int(skb_headroom(skb), 32, "reserve 32: headroom 32");
	is_int(skb_tailroom(skb), 96, "reserve 32: tailroom 96");
	p = skb_put(skb, 20);
	ok(p == skb->data, "first put returns data");
	memset(p, 0x11, 20);
	is_int(skb->len, 20, "put 20: len 20");
	is_int(skb->tail, 52, "put 20: tail at 52");
	p = skb_push(skb, 14);
	ok(p == skb->head + 18 && p == skb->data, "push 14: data moved back 14");
	is_int(skb->len, 34, "push 14: len 34");
	ok(skb_pull(skb, 35) == NULL, "pull past len: NULL");
	is_int(skb->len, 34, "pull past len: len unchanged");
	ok(skb_pull(skb, 14) == skb->head + 32, "pull 14: data at the payload");
	is_int(skb->len, 20, "pull 14: len 20");
	ok(pskb_may_pull(skb, 20) && !pskb_may_pull(skb, 21), "pskb_may_pull: 20 yes, 21 no");
	skb_trim(skb, 100);
	is_int(skb->len, 20, "trim to more than len: no-op");
	skb_trim(skb, 8);
	is_int(skb->len, 8, "trim 8: len 8");
	ok(skb_tail_pointer(skb) == skb->data + 8, "trim 8: tail follows");

	ok(EXPECT_BUG(skb_put(skb, skb_tailroom(skb) + 1)), "put past end: BUG");
	is_int(skb->len, 8, "put past end: len untouched");
	is_int(skb->tail, 40, "put past end: tail untouched");
	ok(EXPECT_BUG(skb_push(skb, skb_headroom(skb) + 1)), "push past head: BUG");
	ok(skb->data == skb->head + 32, "push past head: data untouched");
	ok(!EXPECT_BUG(skb_put(skb, skb_tailroom(skb))), "put exactly to end: fine");
	is_int(skb_tailroom(skb), 0, "put exactly to end: tailroom 0");
	consume_skb(skb);
}

static void test_drops(void)
{
	unsigned long freed = skb_stats.freed, dropped = skb_stats.dropped;
	unsigned long nosock = skb_drop_count[SKB_DROP_REASON_NO_SOCKET];
	unsigned long unspec = skb_drop_count[SKB_DROP_REASON_NOT_SPECIFIED];
	unsigned long w = warns, failed = skb_stats.alloc_failed;
	unsigned int i, j;
	bool named = true, unique = true;

	kfree_skb_reason(alloc_skb(64, GFP_KERNEL), SKB_DROP_REASON_NO_SOCKET);
	is_int(skb_drop_count[SKB_DROP_REASON_NO_SOCKET], nosock + 1, "drop NO_SOCKET: counted");
	is_int(skb_stats.dropped, dropped + 1, "drop: skb_stats.dropped +1");
	is_int(skb_stats.freed, freed + 1, "drop: freed +1");
	consume_skb(alloc_skb(64, GFP_KERNEL));
	is_int(skb_stats.dropped, dropped + 1, "consume_skb: not a drop");
	is_int(skb_stats.freed, freed + 2, "consume_skb: freed +1");
	kfree_skb(alloc_skb(64, GFP_KERNEL));
	is_int(skb_drop_count[SKB_DROP_REASON_NOT_SPECIFIED], unspec + 1, "kfree_skb: NOT_SPECIFIED");
	kfree_skb_reason(alloc_skb(64, GFP_KERNEL), SKB_DROP_REASON_MAX);
	is_int(warns, w + 1, "bad reason: WARN");
	is_int(skb_drop_count[SKB_DROP_REASON_NOT_SPECIFIED], unspec + 2,
	       "bad reason: counted as NOT_SPECIFIED");
	kfree_skb_reason(NULL, SKB_DROP_REASON_NO_SOCKET);
	is_int(skb_drop_count[SKB_DROP_REASON_NO_SOCKET], nosock + 1, "NULL skb: nothing counted");

	ok(!alloc_skb(0, GFP_KERNEL), "alloc_skb(0): NULL");
	fail_alloc = true;
	ok(!alloc_skb(64, GFP_ATOMIC), "out of memory: NULL");
	fail_alloc = false;
	is_int(skb_stats.alloc_failed, failed + 2, "failed allocations counted");

	for (i = 0; i < SKB_DROP_REASON_MAX; i++) {
		if (!skb_drop_reason_names[i] || !skb_drop_reason_names[i][0])
			named = false;
		for (j = 0; j < i && named; j++)
			if (!strcmp(skb_drop_reason_names[i], skb_drop_reason_names[j]))
				unique = false;
	}
	ok(named && unique, "every drop reason has its own name");
	is_str(skb_drop_reason_names[SKB_DROP_REASON_UNHANDLED_PROTO], "UNHANDLED_PROTO",
	       "names are the enum's suffixes");
}

static void test_queue(void)
{
	struct sk_buff_head q;
	struct sk_buff *a = alloc_skb(64, GFP_KERNEL), *b = alloc_skb(64, GFP_KERNEL);
	struct sk_buff *c = alloc_skb(64, GFP_KERNEL);
	unsigned long dropped = skb_stats.dropped, w = warns;

	skb_queue_head_init(&q);
	ok(skb_queue_empty(&q) && skb_queue_len(&q) == 0, "new queue: empty");
	ok(skb_dequeue(&q) == NULL, "dequeue empty: NULL");
	skb_queue_tail(&q, a);
	skb_queue_tail(&q, b);
	__skb_queue_tail(&q, c);
	is_int(skb_queue_len(&q), 3, "three queued");
	ok(!skb_queue_empty(&q), "not empty");
	ok(skb_dequeue(&q) == a && skb_dequeue(&q) == b, "FIFO order");
	ok(!a->next && !a->prev, "dequeued skb is unlinked");
	is_int(skb_queue_len(&q), 1, "one left");
	skb_queue_tail(&q, a);
	skb_queue_tail(&q, a);              /* already queued: a bug */
	is_int(warns, w + 1, "queueing an skb twice: WARN");
	is_int(skb_queue_len(&q), 2, "queueing an skb twice: refused, qlen 2");
	ok(__skb_dequeue(&q) == c, "c first");
	ok(skb_dequeue(&q) == a, "then a, once");
	ok(skb_queue_empty(&q), "then empty");
	skb_queue_tail(&q, a);
	skb_queue_tail(&q, b);
	skb_queue_purge(&q);
	ok(skb_queue_empty(&q), "purge: empty");
	is_int(skb_stats.dropped, dropped + 2, "purge: both counted as drops");
	consume_skb(c);
}

static void test_clone(void)
{
	struct net_device dev = { .name = "test0" };
	struct sk_buff *skb = netdev_alloc_skb(&dev, 100), *n;

	ok(skb && skb->dev == &dev, "netdev_alloc_skb: dev set");
	is_int(skb_headroom(skb), NET_SKB_PAD, "netdev_alloc_skb: NET_SKB_PAD headroom");
	is_int(skb_tailroom(skb), 100, "netdev_alloc_skb: asked-for room");
	memset(skb_put(skb, 50), 0x5a, 50);
	skb_pull(skb, 10);
	skb->protocol = htons(ETH_P_IP);
	skb->cb[0] = 7;
	n = skb_clone(skb, GFP_ATOMIC);
	ok(n && n->head != skb->head, "clone: its own buffer");
	is_int(n->len, 40, "clone: same len");
	is_int(skb_headroom(n), NET_SKB_PAD + 10, "clone: same headroom");
	ok(n->protocol == htons(ETH_P_IP) && n->cb[0] == 7 && n->dev == &dev, "clone: metadata");
	n->data[0] = 0;
	is_int(skb->data[0], 0x5a, "clone: writing the copy leaves the original");
	consume_skb(n);
	consume_skb(skb);
}

int main(void)
{
	test_arith();
	test_drops();
	test_queue();
	test_clone();
	return done_testing();
}
