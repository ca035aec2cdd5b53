/* SPDX-License-Identifier: MIT */
/*
 * Architectural exception vectors (Intel SDM Vol. 3A, 6.3.1, Table 6-1)
 * and the C handlers the entry stubs call.
 *
 * Faults report the address of the faulting instruction and may be
 * restarted; traps report the instruction after (int3, into, single-step);
 * aborts (#DF, #MC) do not allow a reliable restart.
 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#define X86_TRAP_DE   0   /* divide error            fault */
#define X86_TRAP_DB   1   /* debug                   fault/trap */
#define X86_TRAP_NMI  2   /* non-maskable interrupt  interrupt */
#define X86_TRAP_BP   3   /* breakpoint (int3)       trap */
#define X86_TRAP_OF   4   /* overflow (into)         trap */
#define X86_TRAP_BR   5   /* bound range exceeded    fault */
#define X86_TRAP_UD   6   /* invalid opcode          fault */
#define X86_TRAP_NM   7   /* device not available    fault */
#define X86_TRAP_DF   8   /* double fault            abort, error code 0 */
#define X86_TRAP_OLD_MF 9 /* coprocessor segment overrun (reserved since 486) */
#define X86_TRAP_TS  10   /* invalid TSS             fault, error code */
#define X86_TRAP_NP  11   /* segment not present     fault, error code */
#define X86_TRAP_SS  12   /* stack-segment fault     fault, error code */
#define X86_TRAP_GP  13   /* general protection      fault, error code */
#define X86_TRAP_PF  14   /* page fault              fault, error code */
#define X86_TRAP_SPURIOUS 15 /* reserved */
#define X86_TRAP_MF  16   /* x87 floating point      fault */
#define X86_TRAP_AC  17   /* alignment check         fault, error code */
#define X86_TRAP_MC  18   /* machine check           abort */
#define X86_TRAP_XF  19   /* SIMD floating point     fault */
#define X86_TRAP_VE  20   /* virtualization          fault */
#define X86_TRAP_CP  21   /* control protection      fault, error code */
#define NR_EXCEPTION_VECTORS 32

/* Page-fault error code bits (SDM 4.7). */
#define X86_PF_PROT  (1 << 0)   /* 0: not present, 1: protection violation */
#define X86_PF_WRITE (1 << 1)
#define X86_PF_USER  (1 << 2)
#define X86_PF_RSVD  (1 << 3)
#define X86_PF_INSTR (1 << 4)
#define X86_PF_PK    (1 << 5)
#define X86_PF_SHSTK (1 << 6)

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <asm/ptrace.h>

/* Per-CPU record of exceptions taken, for tests and the `traps` command. */
struct exception_stats {
	unsigned long count[NR_EXCEPTION_VECTORS];
	unsigned long last_vector;
	unsigned long last_error_code;
	unsigned long last_ip;
	unsigned long last_cr2;
	unsigned long debug_single_steps;
	unsigned long fixups;          /* faults resolved through __ex_table */
};

void record_exception(struct pt_regs *regs, int trapnr, unsigned long error_code);
const struct exception_stats *this_cpu_exception_stats(void);
void exception_stats_sum(struct exception_stats *out);

void trap_init(void);
void die(const char *str, struct pt_regs *regs, long err);
unsigned long oops_begin(void);
__attribute__((__noreturn__)) void oops_end(unsigned long flags, struct pt_regs *regs, const char *reason);
void show_regs(struct pt_regs *regs);
extern int die_counter;

#define DECLARE_EXC(name) void exc_##name(struct pt_regs *regs, unsigned long error_code)
DECLARE_EXC(divide_error);
DECLARE_EXC(debug);
DECLARE_EXC(nmi);
DECLARE_EXC(int3);
DECLARE_EXC(overflow);
DECLARE_EXC(bounds);
DECLARE_EXC(invalid_op);
DECLARE_EXC(device_not_available);
DECLARE_EXC(double_fault);
DECLARE_EXC(coproc_segment_overrun);
DECLARE_EXC(invalid_tss);
DECLARE_EXC(segment_not_present);
DECLARE_EXC(stack_segment);
DECLARE_EXC(general_protection);
DECLARE_EXC(page_fault);
DECLARE_EXC(spurious_interrupt_bug);
DECLARE_EXC(coprocessor_error);
DECLARE_EXC(alignment_check);
DECLARE_EXC(machine_check);
DECLARE_EXC(simd_coprocessor_error);
DECLARE_EXC(virtualization_exception);
DECLARE_EXC(control_protection);
void exc_reserved(struct pt_regs *regs, unsigned long error_code, unsigned long vector);
#endif

#endif
