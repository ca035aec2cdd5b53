/* SPDX-License-Identifier: MIT */
/* Control registers, CPUID and other single-instruction helpers. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>
#include <asm/processor-flags.h>

#define native_read_cr(n) ({ unsigned long __v;				\
	__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(__v) :: "memory"); __v; })
#define native_write_cr(n, v)						\
	__asm__ __volatile__("mov %0, %%cr" #n :: "r"((unsigned long)(v)) : "memory")

static inline unsigned long read_cr0(void) { return native_read_cr(0); }
static inline unsigned long read_cr2(void) { return native_read_cr(2); }
static inline unsigned long __read_cr3(void) { return native_read_cr(3); }
static inline unsigned long __read_cr4(void) { return native_read_cr(4); }
static inline void write_cr0(unsigned long v) { native_write_cr(0, v); }
static inline void write_cr3(unsigned long v) { native_write_cr(3, v); }
static inline void __write_cr4(unsigned long v) { native_write_cr(4, v); }

static inline void native_cpuid(u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "0"(*eax), "2"(*ecx) : "memory");
}

static inline void cpuid_count(u32 op, u32 count, u32 *a, u32 *b, u32 *c, u32 *d)
{
	*a = op;
	*c = count;
	native_cpuid(a, b, c, d);
}
static inline void cpuid(u32 op, u32 *a, u32 *b, u32 *c, u32 *d) { cpuid_count(op, 0, a, b, c, d); }
static inline u32 cpuid_eax(u32 op) { u32 a, b, c, d; cpuid(op, &a, &b, &c, &d); return a; }
static inline u32 cpuid_ecx(u32 op) { u32 a, b, c, d; cpuid(op, &a, &b, &c, &d); return c; }
static inline u32 cpuid_edx(u32 op) { u32 a, b, c, d; cpuid(op, &a, &b, &c, &d); return d; }

/* CPUID.1:ECX bit 31 is reserved for hypervisors to say "you are a guest". */
static inline bool boot_cpu_is_guest(void) { return cpuid_ecx(1) & (1u << 31); }

static inline void cpu_relax(void) { __asm__ __volatile__("pause" ::: "memory"); }

static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" :: "r"(addr) : "memory");
}

static inline unsigned long current_stack_pointer_val(void)
{
	unsigned long sp;

	__asm__ __volatile__("mov %%rsp, %0" : "=r"(sp));
	return sp;
}

static inline unsigned long current_frame_pointer(void)
{
	return (unsigned long)__builtin_frame_address(0);
}

#endif
