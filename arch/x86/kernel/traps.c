// SPDX-License-Identifier: MIT
/*
 * The architectural exception handlers (vectors 0-31), called from the
 * stubs in arch/x86/entry/entry_64.S with the pt_regs the stub built.
 *
 * In kernel mode an exception is either expected - the faulting
 * instruction has an entry in the exception table and resumes at its
 * fixup - or a bug, which is reported as an oops and is fatal. Traps
 * (int3, single-step) report the instruction after the one that trapped
 * and simply return: iretq resumes execution there.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include <asm/traps.h>
#include <asm/ptrace.h>
#include <asm/processor.h>
#include <asm/extable.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/stacktrace.h>
#include <asm/uaccess.h>
#include <asm/page.h>

DEFINE_PER_CPU(struct exception_stats, exception_stats);

/**
 * record_exception - count an exception and remember its details
 *
 * Kept per CPU and readable with the shell's "traps" command; the KUnit
 * suite uses the "last_*" fields to check what the hardware reported.
 */
void record_exception(struct pt_regs *regs, int trapnr, unsigned long error_code)
{
	struct exception_stats *s = this_cpu_ptr(&exception_stats);

	s->count[trapnr]++;
	s->last_vector = trapnr;
	s->last_error_code = error_code;
	s->last_ip = regs->ip;
}

const struct exception_stats *this_cpu_exception_stats(void)
{
	return this_cpu_ptr(&exception_stats);
}

void exception_stats_sum(struct exception_stats *out)
{
	unsigned int cpu, i;

	*out = (struct exception_stats){ 0 };
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct exception_stats *s = &per_cpu(exception_stats, cpu);

		for (i = 0; i < NR_EXCEPTION_VECTORS; i++)
			out->count[i] += s->count[i];
		out->fixups += s->fixups;
		out->debug_single_steps += s->debug_single_steps;
	}
}

/* A fault in kernel mode: resume at the fixup if there is one, else oops. */
static void do_error_trap(struct pt_regs *regs, unsigned long error_code,
			  const char *str, int trapnr)
{
	record_exception(regs, trapnr, error_code);
	if (fixup_exception(regs, trapnr, error_code, 0))
		return;
	/* No user mode yet, so every unexpected exception is a kernel bug. */
	die(str, regs, error_code);
}

#define DEFINE_ERROR_TRAP(name, trapnr, str)				\
void exc_##name(struct pt_regs *regs, unsigned long error_code)		\
{									\
	do_error_trap(regs, error_code, str, trapnr);			\
}

DEFINE_ERROR_TRAP(divide_error,           X86_TRAP_DE,  "divide error")
DEFINE_ERROR_TRAP(overflow,               X86_TRAP_OF,  "overflow")
DEFINE_ERROR_TRAP(bounds,                 X86_TRAP_BR,  "bounds")
DEFINE_ERROR_TRAP(device_not_available,   X86_TRAP_NM,  "device not available")
DEFINE_ERROR_TRAP(coproc_segment_overrun, X86_TRAP_OLD_MF, "coprocessor segment overrun")
DEFINE_ERROR_TRAP(invalid_tss,            X86_TRAP_TS,  "invalid TSS")
DEFINE_ERROR_TRAP(segment_not_present,    X86_TRAP_NP,  "segment not present")
DEFINE_ERROR_TRAP(stack_segment,          X86_TRAP_SS,  "stack segment")
DEFINE_ERROR_TRAP(coprocessor_error,      X86_TRAP_MF,  "coprocessor error")
DEFINE_ERROR_TRAP(alignment_check,        X86_TRAP_AC,  "alignment check")
DEFINE_ERROR_TRAP(simd_coprocessor_error, X86_TRAP_XF,  "SIMD coprocessor error")
DEFINE_ERROR_TRAP(virtualization_exception, X86_TRAP_VE, "virtualization exception")
DEFINE_ERROR_TRAP(control_protection,     X86_TRAP_CP,  "control protection fault")

/**
 * exc_reserved - vectors 22-31, which no Intel CPU raises
 */
void exc_reserved(struct pt_regs *regs, unsigned long error_code, unsigned long vector)
{
	static char str[40];

	snprintf(str, sizeof(str), "reserved exception vector %lu", vector);
	record_exception(regs, vector, error_code);
	if (fixup_exception(regs, vector, error_code, 0))
		return;
	die(str, regs, error_code);
}

/**
 * exc_spurious_interrupt_bug - vector 15: counted and ignored
 *
 * Vector 15 is reserved; old local APICs could deliver a spurious
 * interrupt there. Nothing to do but count it.
 */
void exc_spurious_interrupt_bug(struct pt_regs *regs, unsigned long error_code)
{
	record_exception(regs, X86_TRAP_SPURIOUS, error_code);
}

/**
 * exc_int3 - the breakpoint trap
 *
 * int3 is a trap: the CPU pushes the address of the *next* instruction,
 * so returning resumes right after the breakpoint. With no debugger
 * attached the kernel reports it and carries on.
 */
void exc_int3(struct pt_regs *regs, unsigned long error_code)
{
	record_exception(regs, X86_TRAP_BP, error_code);
	printk(KERN_INFO "int3: breakpoint at %pS, resuming\n", (void *)(regs->ip - 1));
}

#define DR6_BS      (1UL << 14)    /* single-step */
#define DR6_RESERVED 0xffff0ff0UL  /* value of DR6 with no condition */

/**
 * exc_debug - #DB: single-step and debug-register hits
 *
 * A single-step #DB (RFLAGS.TF) is a trap after the stepped instruction;
 * the handler clears TF in the saved flags so execution continues
 * normally. DR6 is sticky, so it is reset before returning.
 */
void exc_debug(struct pt_regs *regs, unsigned long error_code)
{
	struct exception_stats *s = this_cpu_ptr(&exception_stats);
	unsigned long dr6;

	__asm__ __volatile__("mov %%db6, %0" : "=r"(dr6));
	__asm__ __volatile__("mov %0, %%db6" :: "r"(DR6_RESERVED));
	record_exception(regs, X86_TRAP_DB, dr6);
	if (dr6 & DR6_BS) {
		s->debug_single_steps++;
		regs->flags &= ~X86_EFLAGS_TF;
		return;
	}
	printk(KERN_INFO "debug: #DB at %pS, DR6=%lx\n", (void *)regs->ip, dr6);
}

/**
 * exc_invalid_op - #UD, which is also how BUG() and WARN() arrive
 */
void exc_invalid_op(struct pt_regs *regs, unsigned long error_code)
{
	record_exception(regs, X86_TRAP_UD, error_code);
	switch (report_bug(regs->ip, regs)) {
	case BUG_TRAP_TYPE_WARN:
		regs->ip += LEN_UD2;    /* step over the ud2 and carry on */
		return;
	case BUG_TRAP_TYPE_BUG:
		die("invalid opcode", regs, error_code);
		return;
	case BUG_TRAP_TYPE_NONE:
		break;
	}
	if (fixup_exception(regs, X86_TRAP_UD, error_code, 0))
		return;
	die("invalid opcode", regs, error_code);
}

/* --- #GP: say which address, when the faulting instruction names one --- */

static unsigned long *regs_gpr(struct pt_regs *regs, unsigned int n)
{
	static const unsigned char off[16] = {
		offsetof(struct pt_regs, ax), offsetof(struct pt_regs, cx),
		offsetof(struct pt_regs, dx), offsetof(struct pt_regs, bx),
		offsetof(struct pt_regs, sp), offsetof(struct pt_regs, bp),
		offsetof(struct pt_regs, si), offsetof(struct pt_regs, di),
		offsetof(struct pt_regs, r8), offsetof(struct pt_regs, r9),
		offsetof(struct pt_regs, r10), offsetof(struct pt_regs, r11),
		offsetof(struct pt_regs, r12), offsetof(struct pt_regs, r13),
		offsetof(struct pt_regs, r14), offsetof(struct pt_regs, r15),
	};
	return (unsigned long *)((char *)regs + off[n & 15]);
}

static bool opcode_has_modrm_mem(const u8 *p, int *i)
{
	u8 op = p[(*i)++];

	if (op == 0x0f) {
		op = p[(*i)++];
		return (op >= 0x40 && op <= 0x4f) ||              /* cmovcc */
		       op == 0xb6 || op == 0xb7 || op == 0xbe ||  /* movzx/movsx */
		       op == 0xbf || op == 0xaf || op == 0xb0 ||  /* imul, cmpxchg */
		       op == 0xb1 || op == 0xc0 || op == 0xc1 ||  /* xadd */
		       op == 0xa3 || op == 0xab || op == 0xb3 || op == 0xbb || op == 0xba;
	}
	if (op < 0x40)
		return (op & 7) < 4;                              /* ALU r/m forms */
	return op == 0x63 || op == 0x69 || op == 0x6b ||
	       (op >= 0x80 && op <= 0x8f && op != 0x8d) ||        /* not lea */
	       op == 0xc0 || op == 0xc1 || op == 0xc6 || op == 0xc7 ||
	       (op >= 0xd0 && op <= 0xd3) || op == 0xf6 || op == 0xf7 ||
	       op == 0xfe || op == 0xff;
}

/*
 * Decode just enough of the instruction at regs->ip to compute the address
 * of its memory operand (prefixes, REX, opcode, ModRM, SIB, displacement).
 * A #GP with error code 0 on such an instruction is almost always a
 * non-canonical address: a pointer with garbage in its top 17 bits.
 */
static bool gp_get_address(struct pt_regs *regs, unsigned long *addr)
{
	u8 p[16];
	int i = 0;
	u8 rex = 0, modrm, mod, rm;
	unsigned long ea;

	if (copy_from_kernel_nofault(p, (void *)regs->ip, sizeof(p)))
		return false;
	while (i < 4 && (p[i] == 0x66 || p[i] == 0x67 || p[i] == 0xf0 ||
			 p[i] == 0xf2 || p[i] == 0xf3 || p[i] == 0x2e ||
			 p[i] == 0x36 || p[i] == 0x3e || p[i] == 0x26))
		i++;
	if (p[i] == 0x64 || p[i] == 0x65)
		return false;                 /* fs:/gs: base not known here */
	if ((p[i] & 0xf0) == 0x40)
		rex = p[i++];
	if (p[i] >= 0xa0 && p[i] <= 0xa3) {
		/* mov between %al/%rax and a 64-bit absolute address (moffs) */
		__builtin_memcpy(addr, &p[i + 1], 8);
		return true;
	}
	if (!opcode_has_modrm_mem(p, &i))
		return false;
	modrm = p[i++];
	mod = modrm >> 6;
	rm = modrm & 7;
	if (mod == 3)
		return false;                 /* register operand */
	if (rm == 4) {
		u8 sib = p[i++];
		unsigned int index = ((sib >> 3) & 7) | ((rex & 2) << 2);
		unsigned int base = (sib & 7) | ((rex & 1) << 3);

		ea = index == 4 ? 0 : *regs_gpr(regs, index) << (sib >> 6);
		if ((sib & 7) == 5 && mod == 0) {
			ea += (s32)(p[i] | p[i + 1] << 8 | p[i + 2] << 16 | (u32)p[i + 3] << 24);
			*addr = ea;
			return true;
		}
		ea += *regs_gpr(regs, base);
	} else if (rm == 5 && mod == 0) {
		return false;                 /* RIP-relative: always canonical */
	} else {
		ea = *regs_gpr(regs, rm | ((rex & 1) << 3));
	}
	if (mod == 1)
		ea += (s8)p[i];
	else if (mod == 2)
		ea += (s32)(p[i] | p[i + 1] << 8 | p[i + 2] << 16 | (u32)p[i + 3] << 24);
	*addr = ea;
	return true;
}

static bool is_canonical(unsigned long a)
{
	return (unsigned long)((long)(a << 16) >> 16) == a;
}

/**
 * exc_general_protection - #GP
 */
void exc_general_protection(struct pt_regs *regs, unsigned long error_code)
{
	static char desc[96];
	unsigned long addr;

	record_exception(regs, X86_TRAP_GP, error_code);
	if (fixup_exception(regs, X86_TRAP_GP, error_code, 0))
		return;
	if (error_code == 0 && gp_get_address(regs, &addr) && !is_canonical(addr))
		snprintf(desc, sizeof(desc),
			 "general protection fault, probably for non-canonical address 0x%lx", addr);
	else if (error_code && error_code != (unsigned long)-1)
		snprintf(desc, sizeof(desc), "general protection fault, %s 0x%lx",
			 (error_code & 2) ? "IDT entry" : "segment selector", error_code >> 3);
	else
		snprintf(desc, sizeof(desc), "general protection fault");
	die(desc, regs, error_code);
}

/**
 * exc_double_fault - #DF, on its own IST stack
 *
 * An exception while delivering another one. The classic cause in a
 * kernel is stack overflow: the stack pointer walks into the guard page,
 * the #PF cannot push its frame there, and the CPU raises #DF - which
 * works only because its gate switches to a separate stack.
 */
void exc_double_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long cr2 = read_cr2();
	struct stack_info info;

	record_exception(regs, X86_TRAP_DF, error_code);
	this_cpu_ptr(&exception_stats)->last_cr2 = cr2;
	if (stack_guard_page_hit(cr2, &info)) {
		printk(KERN_EMERG "BUG: stack guard page was hit at %016lx (stack is %016lx..%016lx)\n",
		       cr2, info.begin, info.end - 1);
		die("kernel stack overflow (double-fault)", regs, error_code);
	}
	die("double fault", regs, error_code);
}

#define MSR_IA32_MCG_STATUS 0x17a

/**
 * exc_machine_check - #MC: the hardware reports an uncorrectable error
 */
void exc_machine_check(struct pt_regs *regs, unsigned long error_code)
{
	u64 mcg = 0;

	record_exception(regs, X86_TRAP_MC, error_code);
	rdmsrl_safe(MSR_IA32_MCG_STATUS, &mcg);
	printk(KERN_EMERG "mce: CPU%d: Machine Check Exception: MCG_STATUS %llx\n",
	       smp_processor_id(), (unsigned long long)mcg);
	die("machine check", regs, error_code);
}

/**
 * trap_init - finish the IDT: IST stacks for NMI, #DF, #MC and #DB
 *
 * The gates themselves were installed by idt_setup_early_traps() at the
 * very start of boot; cpu_init() has just loaded a TSS with the IST stacks.
 */
void __init trap_init(void)
{
	idt_setup_ist();
	load_idt();
}
