/* SPDX-License-Identifier: MIT */
/* Error numbers, with the values Linux uses (asm-generic/errno-base.h). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM    1
#define ENOENT   2
#define ESRCH    3
#define EINTR    4
#define EIO      5
#define ENXIO    6
#define E2BIG    7
#define ENOEXEC  8
#define EBADF    9
#define EAGAIN  11
#define ENOMEM  12
#define EACCES  13
#define EFAULT  14
#define EBUSY   16
#define EEXIST  17
#define ENODEV  19
#define EINVAL  22
#define ENOSPC  28
#define ERANGE  34
#define ENOSYS  38
#define EOVERFLOW 75   /* value too large: a cpumask with bits beyond nr_cpu_ids */
#define ETIMEDOUT 110
#ifndef ENETDOWN
#define ENETDOWN 100      /* network device not up (net/core/dev.c) */
#endif
#ifndef ENOBUFS
#define ENOBUFS 105       /* no buffer space: transmit ring full */
#endif
#define ERESTARTSYS 512   /* kernel-internal: a sleep was interrupted by a signal */

/* Networking (net/ipv4, net/socket.c). */
#ifndef EPIPE
#define EPIPE        32
#endif
#ifndef EMSGSIZE
#define EMSGSIZE     90
#endif
#ifndef EADDRNOTAVAIL
#define EADDRNOTAVAIL 99  /* no such local address (ifconfig netmask without one) */
#endif
#ifndef EADDRINUSE
#define EADDRINUSE   98
#endif
#ifndef ENETUNREACH
#define ENETUNREACH 101
#endif
#ifndef ENOBUFS
#define ENOBUFS     105
#endif
#ifndef ENOTCONN
#define ENOTCONN    107
#endif

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline int IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }

#endif
