// SPDX-License-Identifier: MIT
/*
 * start_kernel() - bring the kernel up, in dependency order:
 *
 *   exception gates (so early faults are reported)
 *   consoles (so reports can be seen)
 *   setup_arch: command line, memory map, page tables, TSC, ACPI
 *   page allocator and kmalloc
 *   per-CPU areas, then this CPU's GDT/TSS/IST stacks
 *   interrupt controllers: the 8259, then the local APIC and I/O APIC
 *   switch to a vmalloc'ed, guard-paged kernel stack
 *   start the secondary CPUs (smp_init), then the initcalls
 *   run the KUnit suites if asked, else start the shell
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/console.h>
#include <linux/reboot.h>
#include <linux/utsname.h>
#include <linux/shell.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/serial_8250.h>
#include <kunit/test.h>
#include <asm/setup.h>
#include <asm/desc.h>
#include <asm/traps.h>
#include <asm/percpu.h>
#include <asm/stacktrace.h>
#include <asm/page.h>
#include <asm/irq.h>
#include <asm/time.h>
#include <asm/apic.h>
#include <linux/irqflags.h>

char boot_command_line[COMMAND_LINE_SIZE];
char saved_command_line[COMMAND_LINE_SIZE];

const char linux_banner[] =
	UTS_SYSNAME " version " UTS_RELEASE " (gcc " __VERSION__ ") #1\n";

void cpu_init(void);
void cpu_set_kernel_stack(unsigned long top);
extern bool after_bootmem;

extern initcall_t __initcall_start[], __initcall_end[];

/**
 * do_initcalls - run every registered initcall, level 1 to 7
 */
void __init do_initcalls(void)
{
	initcall_t *fn;

	for (fn = __initcall_start; fn < __initcall_end; fn++) {
		int ret = (*fn)();

		if (ret)
			pr_warn("initcall %ps returned %d\n", *fn, ret);
	}
}

/*
 * init, pid 1: brings up the other CPUs, runs the initcalls, then the
 * KUnit suites or the shell. It starts with interrupts on (a new task's
 * first switch-in enables them); the bring-up and the initcalls run with
 * them off, as they always have here, so that no driver sees an interrupt
 * before every initcall has run.
 */
static int kernel_init(void *unused)
{
	local_irq_disable();
	/* The boot CPU's LAPIC is up (apic_intr_mode_init): start the others,
	 * before the initcalls, as Linux's smp_init() in kernel_init. */
	smp_init();
	do_initcalls();
	/* From here on, devices interrupt. */
	local_irq_enable();

	if (kunit_enabled) {
		int failed = kunit_run_all_tests();

		qemu_debug_exit(failed ? QEMU_EXIT_KUNIT_FAIL : QEMU_EXIT_KUNIT_PASS);
		machine_power_off();
	}
	shell_main();
	machine_power_off();
	return 0;
}

/*
 * The boot context is CPU 0's idle task (swapper/0, init_task). It starts
 * init and becomes the idle loop; the first tick or wake-up switches to
 * init.
 */
static __noreturn void rest_init(void)
{
	struct task_struct *init = create_kthread_task(kernel_init, NULL, "init", -1);

	if (!init)
		panic("no memory for the init task");
	wake_up_new_task(init);
	cpu_startup_entry();
}

/*
 * Move off the boot stack (in .bss) onto a vmalloc'ed stack with a guard
 * page, and continue in rest_init() there. %rbp = 0 ends call traces.
 */
static __noreturn void switch_to_kernel_stack(void)
{
	unsigned long base = (unsigned long)vmalloc_named(THREAD_SIZE, "swapper stack");

	if (!base)
		panic("no memory for the kernel stack");
	this_cpu_ptr(&cpu_stacks)->task_base = base;
	init_task.stack = (void *)base;
	cpu_set_kernel_stack(base + THREAD_SIZE);
	__asm__ __volatile__("movq %0, %%rsp\n\t"
			     "xorl %%ebp, %%ebp\n\t"
			     "call *%1\n\t"
			     "ud2"
			     :: "r"(base + THREAD_SIZE), "r"(rest_init) : "memory");
	__builtin_unreachable();
}

/**
 * start_kernel - architecture-independent boot
 */
void __init start_kernel(void)
{
	char *command_line;

	idt_setup_early_traps();
	serial8250_console_init();
	vgacon_init();
	printk(KERN_NOTICE "%s", linux_banner);
	strlcpy(saved_command_line, boot_command_line, sizeof(saved_command_line));
	setup_arch(&command_line);

	mem_init();
	after_bootmem = true;
	setup_per_cpu_areas();
	cpu_init();
	trap_init();
	init_IRQ();
	apic_intr_mode_init();	/* LAPIC, and the I/O APIC unless "noapic" */
	time_init();
	parse_setup_params(command_line);
	sched_init();
	switch_to_kernel_stack();
}
