// SPDX-License-Identifier: MIT
/*
 * Starting the Application Processors (Intel SDM Vol. 3A, 8.4: MP
 * initialization; 10.6.1: INIT and Startup IPIs).
 *
 * At power-on the hardware picks one CPU, the bootstrap processor, to run
 * the firmware and then us; every other CPU (AP) waits for a Startup IPI.
 * The boot CPU wakes each AP the firmware listed in the MADT (the APIC
 * helper's x86_cpu_to_apicid[]), one at a time, with the SDM's sequence:
 *
 *   INIT (level assert), INIT deassert   reset the AP to wait-for-SIPI
 *   10 ms
 *   STARTUP, vector 0x08                 the AP runs real-mode code at 0x8000
 *   200 us
 *   STARTUP again                        ignored by an AP that already started
 *   200 us
 *
 * The AP climbs to long mode in the trampoline (arch/x86/realmode/rm/
 * trampoline_64.S), reaches secondary_startup_64 in the kernel, which
 * finds its CPU number by APIC ID, loads that CPU's stack and per-CPU GS
 * base, and calls start_secondary(). There it gets what the boot CPU got
 * in start_kernel(): its GDT, TSS and IST stacks (cpu_init), the shared
 * IDT, its Local APIC and local timer (setup_local_APIC and
 * apic_timer_init_this_cpu, arch/x86/kernel/apic/apic.c). It then marks
 * itself online and idles with "sti; hlt", taking interrupts.
 *
 * The boot CPU allocates the AP's kernel and IRQ stacks beforehand (the
 * page-table code is not safe against two CPUs mapping at once) and waits
 * up to 10 seconds for the AP to come online. An AP that misses that is
 * reported and left out. Each AP moves through cpu_boot_state with
 * compare-and-swap, and so does the boot CPU when it gives up, so a late
 * AP can never run on after being written off: it halts instead.
 */
#define pr_fmt(fmt) "smpboot: " fmt

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/vmalloc.h>
#include <linux/shell.h>
#include <linux/irqflags.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>
#include <asm/realmode.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/stacktrace.h>
#include <asm/tsc.h>

#define AP_ONLINE_TIMEOUT_US (10 * 1000 * 1000)

void cpu_init(void);
void cpu_set_kernel_stack(unsigned long top);
int irq_init_percpu_irqstack(unsigned int cpu);

enum cpu_boot_state {
	CPU_BOOT_NONE,          /* not asked yet */
	CPU_BOOT_WAKING,        /* INIT-SIPI-SIPI sent, waiting */
	CPU_BOOT_ALIVE,         /* in start_secondary() */
	CPU_BOOT_ONLINE,        /* done; in cpu_online_mask */
	CPU_BOOT_FAILED,        /* given up on: halts if it ever turns up */
};

unsigned long smpboot_cr3, smpboot_cr4;
unsigned long smpboot_stack_top[NR_CPUS];
static int cpu_boot_state[NR_CPUS];
static bool trampoline_ready;

static bool boot_state_move(unsigned int cpu, int from, int to)
{
	return __atomic_compare_exchange_n(&cpu_boot_state[cpu], &from, to, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

static bool __init e820_range_is_ram(u64 start, u64 end)
{
	u32 i;

	for (i = 0; i < boot_params.e820.nr_entries; i++) {
		const struct e820_entry *e = &boot_params.e820.entries[i];

		if (e->type == E820_TYPE_RAM && e->addr <= start && e->addr + e->size >= end)
			return true;
	}
	return false;
}

/* Where a field of the trampoline image sits in the copy. */
static void *__init tramp_field(const char *sym)
{
	return (char *)__va(TRAMPOLINE_BASE) + (sym - trampoline_start);
}

static u32 __init tramp_phys(const char *sym)
{
	return TRAMPOLINE_BASE + (sym - trampoline_start);
}

/*
 * Copy the trampoline below 1 MiB, fill in the addresses it needs, and
 * build its page table: slot 0 maps the first 2 MiB 1:1 (executable, not
 * global), slots 256-511 are the kernel's own, so the AP can run both the
 * trampoline and the kernel's text with it.
 */
static int __init setup_trampoline(void)
{
	size_t size = trampoline_end - trampoline_start;
	pteval_t *pgd, *pud, *pmd, *kernel_pgd;
	char *base = __va(TRAMPOLINE_BASE);
	u64 efer;
	int i;

	if (size > TRAMPOLINE_PGD) {
		pr_err("AP trampoline is %zu bytes, more than a page\n", size);
		return -E2BIG;
	}
	if (!e820_range_is_ram(TRAMPOLINE_BASE, TRAMPOLINE_BASE + TRAMPOLINE_SIZE)) {
		pr_err("no RAM at %#x for the AP trampoline\n", TRAMPOLINE_BASE);
		return -ENOMEM;
	}
	memset(base, 0, TRAMPOLINE_SIZE);
	memcpy(base, trampoline_start, size);
	*(u32 *)((char *)tramp_field(tr_gdt_desc) + 2) = tramp_phys(tr_gdt);
	*(u32 *)tramp_field(tr_pm_ptr) = tramp_phys(tr_startup_32);
	*(u32 *)tramp_field(tr_lm_ptr) = tramp_phys(tr_startup_64);
	*(u32 *)tramp_field(tr_cr3) = TRAMPOLINE_BASE + TRAMPOLINE_PGD;
	/* LME, and NXE because the kernel's mappings carry NX bits (a
	 * reserved bit without it); SCE as the boot CPU has it. */
	efer = native_read_msr(MSR_EFER);
	*(u32 *)tramp_field(tr_efer) = efer & (EFER_LME | EFER_NX | EFER_SCE);

	pgd = (pteval_t *)(base + TRAMPOLINE_PGD);
	pud = (pteval_t *)(base + TRAMPOLINE_PUD);
	pmd = (pteval_t *)(base + TRAMPOLINE_PMD);
	pmd[0] = _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
	pud[0] = (TRAMPOLINE_BASE + TRAMPOLINE_PMD) | _PAGE_PRESENT | _PAGE_RW;
	pgd[0] = (TRAMPOLINE_BASE + TRAMPOLINE_PUD) | _PAGE_PRESENT | _PAGE_RW;
	kernel_pgd = __va(__read_cr3() & PTE_PFN_MASK);
	for (i = PTRS_PER_TABLE / 2; i < PTRS_PER_TABLE; i++)
		pgd[i] = kernel_pgd[i];

	smpboot_cr3 = __read_cr3();
	smpboot_cr4 = __read_cr4();
	return 0;
}

static unsigned int num_digits(unsigned int n)
{
	unsigned int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/*
 * ".... node  #0, CPUs:      #1 #2 #3" in Linux's layout: numbers
 * right-aligned to the widest, the boot CPU's place left blank. Linux
 * prints each piece as it starts the CPU; here the line is collected and
 * printed whole by native_smp_cpus_done(), so messages the APs print
 * while they start (their Local APIC setup) cannot split it.
 */
static char announce_line[8 * NR_CPUS + 64];
static int announce_len;

static void __init announce_cpu(unsigned int cpu)
{
	unsigned int width = num_digits(nr_cpu_ids) + 1;

	if (!announce_len)
		announce_len = scnprintf(announce_line, sizeof(announce_line),
					 ".... node  #0, CPUs:  %*s", width + 1, " ");
	announce_len += scnprintf(announce_line + announce_len,
				  sizeof(announce_line) - announce_len, "%*s#%u",
				  width - num_digits(cpu), " ", cpu);
}

/* INIT, INIT deassert, then two STARTUPs, with the SDM's delays. */
static void __init wakeup_secondary_cpu_via_init(u32 apicid)
{
	unsigned int vector = TRAMPOLINE_BASE >> PAGE_SHIFT;
	int i;

	if (!x2apic_mode) {
		/* Clear stale send errors (ESR is written before read). */
		apic_write(APIC_ESR, 0);
		apic_read(APIC_ESR);
	}
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	udelay(200);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);
	mdelay(10);
	for (i = 0; i < 2; i++) {
		apic_icr_write(APIC_DM_STARTUP | vector, apicid);
		udelay(200);
	}
}

/**
 * native_cpu_up - start CPU @cpu and wait until it is online
 *
 * Return: 0, -ENOMEM for its stacks, -EIO if it did not come online in
 * time (it is then left out for good).
 */
int __init native_cpu_up(unsigned int cpu)
{
	u32 apicid = x86_cpu_to_apicid[cpu];
	struct task_struct *idle;
	unsigned long stack;
	int us;

	if (!trampoline_ready || READ_ONCE(cpu_boot_state[cpu]) != CPU_BOOT_NONE)
		return -EIO;
	stack = (unsigned long)vmalloc_named(THREAD_SIZE, "swapper stack");
	if (!stack || irq_init_percpu_irqstack(cpu)) {
		pr_err("CPU%u: no memory for its stacks\n", cpu);
		return -ENOMEM;
	}
	per_cpu(cpu_stacks, cpu).task_base = stack;
	idle = fork_idle((int)cpu);
	if (!idle) {
		pr_err("CPU%u: no memory for its idle task\n", cpu);
		return -ENOMEM;
	}
	idle->stack = (void *)stack;
	/* swapper/N is the CPU's current task from its first instruction. */
	init_idle(idle, (int)cpu);
	per_cpu(current_task, cpu) = idle;
	announce_cpu(cpu);
	WRITE_ONCE(smpboot_stack_top[cpu], stack + THREAD_SIZE);
	__atomic_store_n(&cpu_boot_state[cpu], CPU_BOOT_WAKING, __ATOMIC_SEQ_CST);
	wakeup_secondary_cpu_via_init(apicid);

	for (us = 0; us < AP_ONLINE_TIMEOUT_US && !cpu_online(cpu); us += 10)
		udelay(10);
	if (cpu_online(cpu))
		return 0;
	if (boot_state_move(cpu, CPU_BOOT_WAKING, CPU_BOOT_FAILED)) {
		pr_err("CPU%u (APIC ID %#x) did not answer INIT-SIPI-SIPI: left offline\n",
		       cpu, apicid);
		return -EIO;
	}
	if (boot_state_move(cpu, CPU_BOOT_ALIVE, CPU_BOOT_FAILED)) {
		pr_err("CPU%u (APIC ID %#x) started but did not come online: left offline\n",
		       cpu, apicid);
		return -EIO;
	}
	/* It won the race: it is marking itself online right now. */
	while (!cpu_online(cpu))
		cpu_relax();
	return 0;
}

static void __noreturn ap_halt(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt" ::: "memory");
}

/**
 * start_secondary - an AP's first C code (from secondary_startup_64)
 * @cpu: its CPU number; its GS base and stack are already this CPU's
 */
void __noreturn start_secondary(unsigned int cpu)
{
	if (!boot_state_move(cpu, CPU_BOOT_WAKING, CPU_BOOT_ALIVE))
		ap_halt();
	cpu_init();
	load_idt();
	cpu_set_kernel_stack(smpboot_stack_top[cpu]);
	setup_local_APIC();
	apic_timer_init_this_cpu();
	if (!boot_state_move(cpu, CPU_BOOT_ALIVE, CPU_BOOT_ONLINE))
		ap_halt();
	set_cpu_online(cpu, true);
	cpu_startup_entry();
}

/* "CPU0: <brand string> (family: 0x6, model: 0x6, stepping: 0x3)" */
static void __init print_boot_cpu(void)
{
	u32 sig = cpuid_eax(1), family = (sig >> 8) & 0xf, model = (sig >> 4) & 0xf;
	u32 regs[12] = { 0 };
	char *brand = (char *)regs;
	int i;

	if (family == 0xf)
		family += (sig >> 20) & 0xff;
	if (family >= 6)
		model += ((sig >> 16) & 0xf) << 4;
	if (cpuid_eax(0x80000000) >= 0x80000004)
		for (i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &regs[4 * i], &regs[4 * i + 1],
			      &regs[4 * i + 2], &regs[4 * i + 3]);
	brand[47] = '\0';
	while (*brand == ' ')
		brand++;
	pr_info("CPU0: %s (family: %#x, model: %#x, stepping: %#x)\n",
		*brand ? brand : "unknown CPU", family, model, sig & 0xf);
}

/**
 * native_smp_prepare_cpus - get ready to start the APs
 * @max_cpus: unused: smp_init() applies "maxcpus="
 *
 * Installs the IPI handlers, checks that the boot CPU is CPU 0 of the
 * MADT's list, and sets up the trampoline when there is an AP to start.
 */
void __init native_smp_prepare_cpus(unsigned int max_cpus)
{
	print_boot_cpu();
	cpu_boot_state[0] = CPU_BOOT_ONLINE;
	if (!apic_available) {
		pr_info("no Local APIC: running on the boot CPU only\n");
		return;
	}
	smp_ipi_init();
	if (read_apic_id() != x86_cpu_to_apicid[0])
		pr_warn("boot CPU has APIC ID %#x, the MADT's first CPU %#x\n",
			read_apic_id(), x86_cpu_to_apicid[0]);
	if (nr_cpu_ids > 1 && smp_ipis_ready)
		trampoline_ready = !setup_trampoline();
}

/**
 * native_smp_cpus_done - the summary after the bring-up, Linux's lines
 * @max_cpus: unused
 */
void __init native_smp_cpus_done(unsigned int max_cpus)
{
	unsigned int n = num_online_cpus();
	/* BogoMIPS of a TSC-calibrated delay loop: 2 * TSC MHz per CPU. */
	unsigned long bogomips = n * (tsc_khz / 5);

	if (announce_len) {
		printk(KERN_INFO "x86: Booting SMP configuration:\n");
		printk(KERN_INFO "%s\n", announce_line);
	}
	printk(KERN_INFO "smp: Brought up 1 node, %u CPU%s\n", n, n == 1 ? "" : "s");
	pr_info("Total of %u processors activated (%lu.%02lu BogoMIPS)\n",
		n, bogomips / 100, bogomips % 100);
}

static const char *cpu_state_name(unsigned int cpu)
{
	if (cpu_online(cpu))
		return "online";
	switch (READ_ONCE(cpu_boot_state[cpu])) {
	case CPU_BOOT_NONE:   return "offline";    /* not started: maxcpus=, no APIC */
	case CPU_BOOT_FAILED: return "no-answer";
	default:              return "starting";
	}
}

/*
 * cpus - every CPU the firmware listed: APIC ID, state and its per-CPU
 * interrupt counters (the /proc/interrupts rows of the same names).
 */
static int do_cpus(int argc, char **argv)
{
	char list[128];
	unsigned int cpu;

	shell_printf("CPU  APICID  STATE             LOC        NMI        RES        CAL        TLB\n");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct irq_cpustat *s = per_cpu_ptr(&irq_stat, cpu);

		shell_printf("%3u  %6u  %-9s  %10u %10u %10u %10u %10u\n", cpu,
			     x86_cpu_to_apicid[cpu], cpu_state_name(cpu),
			     READ_ONCE(s->apic_timer_irqs), READ_ONCE(s->__nmi_count),
			     READ_ONCE(s->irq_resched_count), READ_ONCE(s->irq_call_count),
			     READ_ONCE(s->irq_tlb_count));
	}
	cpulist_scnprintf(list, sizeof(list), cpu_online_mask);
	shell_printf("online: %s (%u of %u), Local APIC: %s\n", list,
		     num_online_cpus(), nr_cpu_ids, apic_mode_name());
	return 0;
}
DEFINE_SHELL_CMD(cpus, "", "list the CPUs: APIC ID, online state, LOC/NMI/RES/CAL/TLB counts",
		 do_cpus);
