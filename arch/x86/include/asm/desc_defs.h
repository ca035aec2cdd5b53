/* SPDX-License-Identifier: MIT */
/* Segment and gate descriptor layouts (Intel SDM Vol. 3A, 3.4.5 and 6.14.1). */
#ifndef _ASM_X86_DESC_DEFS_H
#define _ASM_X86_DESC_DEFS_H

#include <linux/types.h>

/* An 8-byte code/data segment descriptor. */
struct desc_struct {
	u16 limit0;
	u16 base0;
	u16 base1 : 8, type : 4, s : 1, dpl : 2, p : 1;
	u16 limit1 : 4, avl : 1, l : 1, d : 1, g : 1, base2 : 8;
};

/* base, limit and the flag bits packed as in the descriptor's high word. */
#define GDT_ENTRY(flags, base, limit)			\
	((((base)  & 0xff000000ULL) << (56 - 24)) |	\
	 (((flags) & 0x0000f0ffULL) << 40) |		\
	 (((limit) & 0x000f0000ULL) << (48 - 16)) |	\
	 (((base)  & 0x00ffffffULL) << 16) |		\
	 (((limit) & 0x0000ffffULL)))

/* flags: G(15) D/B(14) L(13) AVL(12) P(7) DPL(6:5) S(4) type(3:0) */
#define DESC_CODE64      0xa09b   /* G, L, P, S, code exec/read accessed */
#define DESC_CODE32      0xc09b   /* G, D, P, S, code */
#define DESC_DATA        0xc093   /* G, D, P, S, data read/write accessed */
#define DESC_USER        0x0060   /* DPL 3 */

enum {
	GATE_INTERRUPT = 0xE,   /* clears IF on entry */
	GATE_TRAP      = 0xF,   /* leaves IF alone */
	DESC_TSS       = 0x9,   /* available 64-bit TSS */
};

/* A 16-byte IDT gate. */
struct idt_bits {
	u16 ist : 3, zero : 5, type : 5, dpl : 2, p : 1;
} __attribute__((packed));

typedef struct gate_struct {
	u16 offset_low;
	u16 segment;
	struct idt_bits bits;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __attribute__((packed)) gate_desc;

/* A 16-byte TSS/LDT system descriptor. */
struct ldttss_desc {
	u16 limit0;
	u16 base0;
	u16 base1 : 8, type : 5, dpl : 2, p : 1;
	u16 limit1 : 4, zero0 : 3, g : 1, base2 : 8;
	u32 base3;
	u32 zero1;
} __attribute__((packed));

struct desc_ptr {
	unsigned short size;
	unsigned long address;
} __attribute__((packed));

#endif
