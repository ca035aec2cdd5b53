// SPDX-License-Identifier: MIT
/*
 * Per-CPU descriptor tables: the GDT and the TSS (Intel SDM Vol. 3A, 3.4
 * and 7.7).
 *
 * In 64-bit mode segmentation is mostly gone, but the GDT still holds the
 * code/data selectors (their DPL is the privilege level) and the TSS
 * descriptor. The 64-bit TSS no longer switches tasks: it only holds the
 * stack pointer loaded on entry from user mode (sp0) and the seven IST
 * stacks. Every CPU has its own GDT and TSS because the TSS holds that
 * CPU's stacks and "ltr" marks its descriptor busy.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/processor.h>
#include <asm/msr.h>
#include <asm/stacktrace.h>
#include <asm/page.h>
#include <asm/traps.h>

struct x86_hw_tss {
	u32 reserved1;
	u64 sp0, sp1, sp2;      /* stacks for entry from rings 0-2 */
	u64 reserved2;
	u64 ist[7];             /* interrupt stack table, gate IST 1..7 */
	u32 reserved3, reserved4;
	u16 reserved5;
	u16 io_bitmap_base;     /* beyond the limit: no I/O ports for user mode */
} __attribute__((packed));

struct tss_struct {
	struct x86_hw_tss x86_tss;
} __attribute__((aligned(4096)));

DEFINE_PER_CPU_PAGE_ALIGNED(struct gdt_page, gdt_page);
DEFINE_PER_CPU(unsigned long, __preempt_count);
DEFINE_PER_CPU_PAGE_ALIGNED(struct tss_struct, cpu_tss_rw);

static void fill_gdt(struct desc_struct *gdt)
{
	u64 *g = (u64 *)(void *)gdt;

	memset(gdt, 0, sizeof(struct gdt_page));
	g[GDT_ENTRY_KERNEL32_CS] = GDT_ENTRY(DESC_CODE32, 0, 0xfffff);
	g[GDT_ENTRY_KERNEL_CS] = GDT_ENTRY(DESC_CODE64, 0, 0xfffff);
	g[GDT_ENTRY_KERNEL_DS] = GDT_ENTRY(DESC_DATA, 0, 0xfffff);
	g[GDT_ENTRY_DEFAULT_USER32_CS] = GDT_ENTRY(DESC_CODE32 | DESC_USER, 0, 0xfffff);
	g[GDT_ENTRY_DEFAULT_USER_DS] = GDT_ENTRY(DESC_DATA | DESC_USER, 0, 0xfffff);
	g[GDT_ENTRY_DEFAULT_USER_CS] = GDT_ENTRY(DESC_CODE64 | DESC_USER, 0, 0xfffff);
}

static void set_tss_desc(struct desc_struct *gdt, void *tss, unsigned int limit)
{
	struct ldttss_desc *d = (struct ldttss_desc *)&gdt[GDT_ENTRY_TSS];
	unsigned long base = (unsigned long)tss;

	memset(d, 0, sizeof(*d));
	d->limit0 = limit & 0xffff;
	d->limit1 = (limit >> 16) & 0xf;
	d->base0 = base & 0xffff;
	d->base1 = (base >> 16) & 0xff;
	d->base2 = (base >> 24) & 0xff;
	d->base3 = base >> 32;
	d->type = DESC_TSS;
	d->p = 1;
}

/* Load the GDT and reload every segment register from it. */
static void load_gdt_and_segments(struct desc_struct *gdt)
{
	struct desc_ptr gdt_descr = {
		.size = sizeof(struct gdt_page) - 1,
		.address = (unsigned long)gdt,
	};
	unsigned long gsbase = this_cpu_read(this_cpu_off);

	native_load_gdt(&gdt_descr);
	__asm__ __volatile__("pushq %[cs]\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\n\t"
			     "movl %[ds], %%eax\n\t"
			     "movl %%eax, %%ds\n\t"
			     "movl %%eax, %%es\n\t"
			     "movl %%eax, %%ss\n\t"
			     "xorl %%eax, %%eax\n\t"
			     "movl %%eax, %%fs\n\t"
			     "movl %%eax, %%gs\n\t"
			     :: [cs] "i"(__KERNEL_CS), [ds] "i"(__KERNEL_DS)
			     : "rax", "memory");
	/* Loading a null selector into GS may clear its base on some CPUs. */
	wrmsrl(MSR_GS_BASE, gsbase);
}

/**
 * cpu_init - give this CPU its GDT, TSS and IST stacks
 *
 * Each IST stack is vmalloc'ed, so it too has a guard page below it.
 */
void cpu_init(void)
{
	struct desc_struct *gdt = this_cpu_ptr(&gdt_page)->gdt;
	struct tss_struct *tss = this_cpu_ptr(&cpu_tss_rw);
	struct cpu_stacks *stacks = this_cpu_ptr(&cpu_stacks);
	static const char *const names[N_EXCEPTION_STACKS] = {
		"#DF stack", "NMI stack", "#DB stack", "#MC stack",
	};
	int i;

	fill_gdt(gdt);
	memset(tss, 0, sizeof(*tss));
	for (i = 0; i < N_EXCEPTION_STACKS; i++) {
		void *stack = vmalloc_named(EXCEPTION_STKSZ, names[i]);

		if (!stack)
			panic("cpu_init: no memory for the %s", names[i]);
		stacks->ist_base[i] = (unsigned long)stack;
		tss->x86_tss.ist[i] = (unsigned long)stack + EXCEPTION_STKSZ;
	}
	tss->x86_tss.io_bitmap_base = sizeof(struct x86_hw_tss);
	set_tss_desc(gdt, tss, sizeof(struct x86_hw_tss) - 1);
	load_gdt_and_segments(gdt);
	load_tr_desc();
}

/**
 * cpu_set_kernel_stack - the stack the CPU switches to on entry from user mode
 */
void cpu_set_kernel_stack(unsigned long top)
{
	this_cpu_ptr(&cpu_tss_rw)->x86_tss.sp0 = top;
}

/**
 * cpu_tss_ist - address of IST stack top @i in this CPU's TSS (for tests)
 */
unsigned long cpu_tss_ist(int i)
{
	return this_cpu_ptr(&cpu_tss_rw)->x86_tss.ist[i];
}
