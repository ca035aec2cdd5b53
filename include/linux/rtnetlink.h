/* SPDX-License-Identifier: MIT */
/*
 * The RTNL: the one lock that serialises network configuration
 * (net/core/dev.c). Linux's rtnetlink messages are absent; the lock is
 * what irqos needs of it - dev_open()/dev_close() from ifconfig and a
 * driver's reset (e1000_reset_task()) never interleave. A mutex: process
 * context only.
 */
#ifndef _LINUX_RTNETLINK_H
#define _LINUX_RTNETLINK_H

void rtnl_lock(void);
void rtnl_unlock(void);

#endif
