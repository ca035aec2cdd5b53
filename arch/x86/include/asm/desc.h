/* SPDX-License-Identifier: MIT */
/* The IDT and the per-CPU GDT. */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <asm/desc_defs.h>
#include <asm/segment.h>
#include <asm/percpu.h>

#define NR_VECTORS 256
#define FIRST_EXTERNAL_VECTOR 0x20
#define SYSCALL_VECTOR 0x80     /* int $0x80, the i386 system call gate */

/* IST slots (the TSS's ist[] is 1-based in the gate, 0 meaning "no IST"). */
#define IST_INDEX_DF  0
#define IST_INDEX_NMI 1
#define IST_INDEX_DB  2
#define IST_INDEX_MCE 3
#define N_EXCEPTION_STACKS 4

struct gdt_page {
	struct desc_struct gdt[GDT_ENTRIES];
} __attribute__((aligned(4096)));
DECLARE_PER_CPU(struct gdt_page, gdt_page);


extern gate_desc idt_table[NR_VECTORS];

void set_intr_gate(unsigned int n, const void *addr);
void set_system_intr_gate(unsigned int n, const void *addr);
void set_system_trap_gate(unsigned int n, const void *addr);
void idt_setup_early_traps(void);
void idt_setup_ist(void);
void load_idt(void);
/* Handler address currently installed for vector n (for tests). */
unsigned long idt_gate_addr(unsigned int n);
unsigned int idt_gate_ist(unsigned int n);

static inline void native_load_gdt(const struct desc_ptr *dtr)
{
	__asm__ __volatile__("lgdt %0" :: "m"(*dtr));
}
static inline void native_load_idt(const struct desc_ptr *dtr)
{
	__asm__ __volatile__("lidt %0" :: "m"(*dtr));
}
static inline void native_store_idt(struct desc_ptr *dtr)
{
	__asm__ __volatile__("sidt %0" : "=m"(*dtr));
}
static inline void load_tr_desc(void)
{
	__asm__ __volatile__("ltr %w0" :: "q"(GDT_ENTRY_TSS_SEL));
}

#endif
