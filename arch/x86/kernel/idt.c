// SPDX-License-Identifier: MIT
/*
 * The Interrupt Descriptor Table (Intel SDM Vol. 3A, 6.10-6.14).
 *
 * 256 sixteen-byte gates, shared by every CPU. Vectors 0-31 are the
 * architectural exceptions and go to the named stubs in entry_64.S;
 * vectors 32-255 go to the generated irq_entries_start stubs, which hand
 * the vector to common_interrupt(). A gate's IST field (1-7) makes the CPU
 * switch to one of the per-CPU stacks in the TSS, which is how NMI, #DF,
 * #MC and #DB run on a known-good stack whatever the interrupted code did
 * to its own.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/desc.h>
#include <asm/traps.h>
#include <asm/segment.h>

#define IRQ_STUB_SIZE 16

extern const char irq_entries_start[];

#define ASM_EXC(name) extern const char asm_exc_##name[]
ASM_EXC(divide_error); ASM_EXC(debug); ASM_EXC(nmi); ASM_EXC(int3);
ASM_EXC(overflow); ASM_EXC(bounds); ASM_EXC(invalid_op);
ASM_EXC(device_not_available); ASM_EXC(double_fault);
ASM_EXC(coproc_segment_overrun); ASM_EXC(invalid_tss);
ASM_EXC(segment_not_present); ASM_EXC(stack_segment);
ASM_EXC(general_protection); ASM_EXC(page_fault);
ASM_EXC(spurious_interrupt_bug); ASM_EXC(coprocessor_error);
ASM_EXC(alignment_check); ASM_EXC(machine_check);
ASM_EXC(simd_coprocessor_error); ASM_EXC(virtualization_exception);
ASM_EXC(control_protection);
ASM_EXC(reserved_22); ASM_EXC(reserved_23); ASM_EXC(reserved_24);
ASM_EXC(reserved_25); ASM_EXC(reserved_26); ASM_EXC(reserved_27);
ASM_EXC(reserved_28); ASM_EXC(reserved_29); ASM_EXC(reserved_30);
ASM_EXC(reserved_31);

gate_desc idt_table[NR_VECTORS] __aligned(4096);

static const struct desc_ptr idt_descr = {
	.size = sizeof(idt_table) - 1,
	.address = (unsigned long)idt_table,
};

static void set_gate(unsigned int n, const void *addr, unsigned int type,
		     unsigned int dpl, unsigned int ist)
{
	unsigned long a = (unsigned long)addr;
	gate_desc *g = &idt_table[n];

	g->offset_low = a & 0xffff;
	g->segment = __KERNEL_CS;
	g->bits.ist = ist;
	g->bits.zero = 0;
	g->bits.type = type;
	g->bits.dpl = dpl;
	g->bits.p = 1;
	g->offset_middle = (a >> 16) & 0xffff;
	g->offset_high = a >> 32;
	g->reserved = 0;
}

/**
 * set_intr_gate - install a kernel-only interrupt gate for vector @n
 *
 * Interrupt gates clear RFLAGS.IF on entry, so the handler starts with
 * maskable interrupts off; DPL 0 makes "int n" from user mode a #GP.
 */
void set_intr_gate(unsigned int n, const void *addr)
{
	set_gate(n, addr, GATE_INTERRUPT, 0, 0);
}

/**
 * set_system_intr_gate - an interrupt gate user mode may invoke with "int n"
 * (DPL 3): int3 and into, so debuggers and overflow checks work from user.
 */
void set_system_intr_gate(unsigned int n, const void *addr)
{
	set_gate(n, addr, GATE_INTERRUPT, 3, 0);
}

/**
 * set_system_trap_gate - a DPL 3 trap gate: IF stays as it was, the
 * classic shape of the i386 "int $0x80" system call gate (SYSCALL_VECTOR).
 */
void set_system_trap_gate(unsigned int n, const void *addr)
{
	set_gate(n, addr, GATE_TRAP, 3, 0);
}

static void set_ist(unsigned int n, unsigned int ist_index)
{
	idt_table[n].bits.ist = ist_index + 1;
}

unsigned long idt_gate_addr(unsigned int n)
{
	const gate_desc *g = &idt_table[n];

	return g->offset_low | ((unsigned long)g->offset_middle << 16) |
	       ((unsigned long)g->offset_high << 32);
}

unsigned int idt_gate_ist(unsigned int n)
{
	return idt_table[n].bits.ist;
}

void load_idt(void)
{
	native_load_idt(&idt_descr);
}

/**
 * idt_setup_early_traps - fill all 256 gates and load the IDT
 *
 * Called first thing in start_kernel(), so a fault during early boot gets
 * a report rather than a triple fault. IST stacks do not exist yet; they
 * are switched on by idt_setup_ist() once cpu_init() has built the TSS.
 */
void __init idt_setup_early_traps(void)
{
	static const void *const exc[NR_EXCEPTION_VECTORS] = {
		asm_exc_divide_error, asm_exc_debug, asm_exc_nmi, asm_exc_int3,
		asm_exc_overflow, asm_exc_bounds, asm_exc_invalid_op,
		asm_exc_device_not_available, asm_exc_double_fault,
		asm_exc_coproc_segment_overrun, asm_exc_invalid_tss,
		asm_exc_segment_not_present, asm_exc_stack_segment,
		asm_exc_general_protection, asm_exc_page_fault,
		asm_exc_spurious_interrupt_bug, asm_exc_coprocessor_error,
		asm_exc_alignment_check, asm_exc_machine_check,
		asm_exc_simd_coprocessor_error, asm_exc_virtualization_exception,
		asm_exc_control_protection,
		asm_exc_reserved_22, asm_exc_reserved_23, asm_exc_reserved_24,
		asm_exc_reserved_25, asm_exc_reserved_26, asm_exc_reserved_27,
		asm_exc_reserved_28, asm_exc_reserved_29, asm_exc_reserved_30,
		asm_exc_reserved_31,
	};
	unsigned int n;

	for (n = 0; n < NR_EXCEPTION_VECTORS; n++)
		set_intr_gate(n, exc[n]);
	/* int3 and into may be used from user mode. */
	set_system_intr_gate(X86_TRAP_BP, asm_exc_int3);
	set_system_intr_gate(X86_TRAP_OF, asm_exc_overflow);
	for (n = FIRST_EXTERNAL_VECTOR; n < NR_VECTORS; n++)
		set_intr_gate(n, irq_entries_start +
			      (n - FIRST_EXTERNAL_VECTOR) * IRQ_STUB_SIZE);
	load_idt();
}

/**
 * idt_setup_ist - move NMI, #DF, #MC and #DB onto their IST stacks
 *
 * #DF must never run on the stack that caused it (a kernel stack overflow
 * faults because that stack is exhausted); NMI and #MC can arrive at any
 * instruction, including the first one of another handler; #DB may fire
 * inside the entry code itself.
 */
void idt_setup_ist(void)
{
	set_ist(X86_TRAP_DF, IST_INDEX_DF);
	set_ist(X86_TRAP_NMI, IST_INDEX_NMI);
	set_ist(X86_TRAP_DB, IST_INDEX_DB);
	set_ist(X86_TRAP_MC, IST_INDEX_MCE);
}
