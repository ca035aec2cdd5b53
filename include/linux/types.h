/* SPDX-License-Identifier: MIT */
/*
 * Basic fixed-size types. The kernel is freestanding, so these come from the
 * compiler's predefined macros rather than from a C library.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

typedef __UINT8_TYPE__   u8;
typedef __UINT16_TYPE__  u16;
typedef __UINT32_TYPE__  u32;
typedef __UINT64_TYPE__  u64;
typedef __INT8_TYPE__    s8;
typedef __INT16_TYPE__   s16;
typedef __INT32_TYPE__   s32;
typedef __INT64_TYPE__   s64;

typedef u8  uint8_t;
typedef u16 uint16_t;
typedef u32 uint32_t;
typedef u64 uint64_t;
typedef s8  int8_t;
typedef s16 int16_t;
typedef s32 int32_t;
typedef s64 int64_t;

typedef __SIZE_TYPE__    size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __INTPTR_TYPE__  intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef long             ssize_t;

typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef unsigned int gfp_t;

#ifndef __cplusplus
typedef _Bool bool;
#define true  1
#define false 0
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

#ifndef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof (TYPE, MEMBER)
#endif

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _LINUX_TYPES_H */
