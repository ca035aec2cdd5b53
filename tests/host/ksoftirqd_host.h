/* SPDX-License-Identifier: MIT */
/*
 * Counters of tests/host/ksoftirqd_host.c, the scheduler stand-in that
 * kernel/softirq.c's ksoftirqd code links against in host tests.
 */
#ifndef _KSOFTIRQD_HOST_H
#define _KSOFTIRQD_HOST_H

extern unsigned long host_wakeups;     /* wake_up_process() calls */
extern unsigned long host_yields;      /* yield() calls */

#endif
