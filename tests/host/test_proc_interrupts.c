// SPDX-License-Identifier: MIT
/*
 * Host tests for /proc/interrupts (kernel/irq/proc.c show_interrupts and
 * arch/x86/kernel/irq_proc.c), /proc/stat's intr line (fs/proc/stat.c)
 * and /proc/irq/N/spurious, over hand-built irq_descs with fake chips,
 * compared byte for byte with text derived from Linux's format strings.
 *
 * Where each width comes from (Linux kernel/irq/proc.c show_interrupts
 * and arch/x86/kernel/irq.c arch_show_interrupts):
 *
 *   header   "%*s" of prec+8 spaces, then "CPU%-8d" per online CPU, "\n"
 *   prec     3, plus 1 for each of 1000, 10000, ... that is <= nr_irqs
 *   IRQ line "%*d: " IRQ number (prec), "%10u " per CPU, " %8s" chip
 *            name ("-" if unnamed, "None" without chip), " %*lu" hwirq
 *            (or prec+1 blanks when the line has no irq_domain, as the 8259)
 *            (prec), "-%-8s" flow name if any, "  %s" first action,
 *            ", %s" every further action, "\n"
 *   arch     "%*s: " symbol (prec), "%10u " per CPU, "  Description\n";
 *            ERR and MIS "%*s: %10u\n"
 *
 * The expected strings below are spelled field by field in that order.
 * On the host all "per-CPU" variables are one variable (the host percpu
 * shim), so irq_stat's counters repeat across CPUs; irq_desc's kstat_irqs
 * is a real array and differs per CPU.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/smp.h>
#include <linux/jiffies.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include <asm/irq.h>
#include "tap.h"
#include "proc_fakes.h"

/* Start of the fs_initcall level; initcall5_end.c (listed last) ends it. */
__asm__(".pushsection .initcall5.init,\"aw\"\n\t.balign 8\n\t"
	".globl __initcall5_start\n__initcall5_start:\n\t.popsection\n");
extern initcall_t __initcall5_start[], __initcall5_end[];

/* ---- the IRQ core's data, faked ---- */
struct irq_desc irq_desc[NR_IRQS];
unsigned int nr_irqs = NR_IRQS;
unsigned int nr_cpu_ids = 1;
/* Every CPU below nr_cpu_ids is online: the files print online CPUs. */
struct cpumask __cpu_online_mask = { { ~0UL } };
/* kernel/irq/manage.c's affinity calls, for the /proc/irq/N/ files. */
struct cpumask irq_default_affinity = { { ~0UL } };
bool irq_can_set_affinity(unsigned int irq)
{
	return irq < NR_IRQS && irq_desc[irq].irq_data.chip &&
	       irq_desc[irq].irq_data.chip->irq_set_affinity;
}
int irq_set_affinity(unsigned int irq, const struct cpumask *mask)
{
	if (!irq_can_set_affinity(irq) || cpumask_empty(mask))
		return -EINVAL;
	irq_desc[irq].affinity = mask->bits[0];
	return 0;
}
volatile unsigned long jiffies;
struct irq_chip no_irq_chip = { .name = "none" };
DEFINE_PER_CPU(struct irq_cpustat, irq_stat);
unsigned long irq_err_count, irq_mis_count;

struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

unsigned int kstat_irqs_cpu(unsigned int irq, int cpu)
{
	return irq < NR_IRQS ? irq_desc[irq].kstat_irqs[cpu] : 0;
}

/* Softirq counts for /proc/stat's softirq line: softirq nr ran nr+1
 * times on every CPU, so the line's total and fields are predictable. */
unsigned int kstat_softirqs_cpu(unsigned int nr, int cpu)
{
	return nr + 1;
}

unsigned int kstat_irqs(unsigned int irq)
{
	unsigned int cpu, sum = 0;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		sum += kstat_irqs_cpu(irq, cpu);
	return sum;
}

static struct irq_chip xtpic = { .name = "XT-PIC" };
static struct irq_chip ioapic = { .name = "IO-APIC" };
static struct irq_chip unnamed = { .name = NULL };

static struct irqaction act_timer = { .name = "timer" };
static struct irqaction act_i8042 = { .name = "i8042" };
static struct irqaction act_eth0 = { .name = "eth0" };
static struct irqaction act_edu = { .name = "edu", .next = &act_eth0 };
static struct irqaction act_virt = { .name = "virt" };
static struct irqaction act_x = { .name = "x" };

static void set_line(unsigned int irq, struct irq_chip *chip, unsigned long hwirq,
		     const char *flow, struct irqaction *action)
{
	irq_desc[irq].irq_data.irq = irq;
	irq_desc[irq].irq_data.chip = chip;
	irq_desc[irq].irq_data.hwirq = hwirq;
	/* The 8259 (and "no chip") have no irq_domain: hwirq column blank. */
	irq_desc[irq].irq_data.domain = (chip == &ioapic || chip == &unnamed) ? chip : NULL;
	irq_desc[irq].name = flow;
	irq_desc[irq].action = action;
}

static char out[1 << 16];

static const char *show(int (*fn)(struct seq_file *, void *))
{
	struct seq_file m = { 0 };
	int err = seq_show(&m, fn, NULL);

	snprintf(out, sizeof(out), "%.*s", err ? 0 : (int)m.count, m.buf);
	if (err)
		snprintf(out, sizeof(out), "error %d", err);
	seq_release(&m);
	return out;
}

static const char *cat(const char *path)
{
	struct seq_file m = { 0 };
	int err = proc_read_path(path, &m);

	if (err)
		snprintf(out, sizeof(out), "error %d", err);
	else
		snprintf(out, sizeof(out), "%.*s", (int)m.count, m.buf);
	seq_release(&m);
	return out;
}

/* The x86 rows for @ncpu CPUs with NMI 2, SPU 1 on every CPU, ERR 3, MIS 0. */
static const char *arch_rows(int ncpu, int prec)
{
	static const char *const rows[][2] = {
		{ "NMI", "Non-maskable interrupts" }, { "LOC", "Local timer interrupts" },
		{ "SPU", "Spurious interrupts" }, { "PMI", "Performance monitoring interrupts" },
		{ "IWI", "IRQ work interrupts" }, { "RTR", "APIC ICR read retries" },
		{ "RES", "Rescheduling interrupts" }, { "CAL", "Function call interrupts" },
		{ "TLB", "TLB shootdowns" }, { "TRM", "Thermal event interrupts" },
		{ "THR", "Threshold APIC interrupts" }, { "DFR", "Deferred Error APIC interrupts" },
		{ "MCE", "Machine check exceptions" }, { "MCP", "Machine check polls" },
	};
	static char buf[8192];
	size_t n = 0;
	unsigned int r;
	int c;

	/* Written out with libc's printf family from Linux's format strings. */
	for (r = 0; r < ARRAY_SIZE(rows); r++) {
		unsigned int v = r == 0 ? 2 : r == 2 ? 1 : 0;

		n += __builtin_snprintf(buf + n, sizeof(buf) - n, "%*s: ", prec, rows[r][0]);
		for (c = 0; c < ncpu; c++)
			n += __builtin_snprintf(buf + n, sizeof(buf) - n, "%10u ", v);
		n += __builtin_snprintf(buf + n, sizeof(buf) - n, "  %s\n", rows[r][1]);
	}
	n += __builtin_snprintf(buf + n, sizeof(buf) - n, "%*s: %10u\n", prec, "ERR", 3);
	__builtin_snprintf(buf + n, sizeof(buf) - n, "%*s: %10u\n", prec, "MIS", 0);
	return buf;
}

static char expect[1 << 16];

int main(void)
{
	unsigned int i;
	initcall_t *fn;
	char *p;

	for (i = 0; i < NR_IRQS; i++)
		set_line(i, &no_irq_chip, 0, NULL, NULL);
	set_line(0, &xtpic, 0, "edge", &act_timer);
	set_line(1, &xtpic, 1, "edge", &act_i8042);
	set_line(3, &xtpic, 3, "edge", NULL);            /* counts but no handler: hidden */
	set_line(11, &ioapic, 11, "fasteoi", &act_edu);  /* shared: "edu, eth0" */
	set_line(200, NULL, 200, NULL, &act_virt);        /* no chip, no flow name */
	set_line(255, &unnamed, 1234, "level", &act_x);   /* hwirq wider than prec */
	irq_desc[0].kstat_irqs[0] = 123;
	irq_desc[0].kstat_irqs[1] = 45;
	irq_desc[0].kstat_irqs[3] = 6;
	irq_desc[3].kstat_irqs[0] = 5;
	irq_desc[11].kstat_irqs[0] = 4294967295u;         /* all 10 digits */
	irq_desc[11].kstat_irqs[2] = 1;
	irq_desc[200].kstat_irqs[0] = 7;
	irq_desc[255].kstat_irqs[0] = 1;
	irq_stat.__nmi_count = 2;
	irq_stat.irq_spurious_count = 1;
	irq_err_count = 3;

	/* One CPU, prec 3. */
	snprintf(expect, sizeof(expect), "%s%s",
		 "           " "CPU0       " "\n"
		 "  0:" "        123" " " "   XT-PIC" "    " "-edge    " "  timer" "\n"
		 "  1:" "          0" " " "   XT-PIC" "    " "-edge    " "  i8042" "\n"
		 " 11:" " 4294967295" " " "  IO-APIC" "  11" "-fasteoi " "  edu, eth0" "\n"
		 "200:" "          7" " " "     None" "    "              "  virt" "\n"
		 "255:" "          1" " " "        -" " 1234" "-level   " "  x" "\n",
		 arch_rows(1, 3));
	is_str(show(show_interrupts), expect, "/proc/interrupts, 1 CPU: byte for byte");
	ok(!strncmp(arch_rows(1, 3), "NMI:          2   Non-maskable interrupts\n", 42),
	   "(the NMI row reads as on Linux: 'NMI:          2   Non-maskable interrupts')");

	/* Four CPUs. */
	nr_cpu_ids = 4;
	snprintf(expect, sizeof(expect), "%s%s",
		 "           " "CPU0       " "CPU1       " "CPU2       " "CPU3       " "\n"
		 "  0:" "        123" "         45" "          0" "          6"
		 " " "   XT-PIC" "    " "-edge    " "  timer" "\n"
		 "  1:" "          0" "          0" "          0" "          0"
		 " " "   XT-PIC" "    " "-edge    " "  i8042" "\n"
		 " 11:" " 4294967295" "          0" "          1" "          0"
		 " " "  IO-APIC" "  11" "-fasteoi " "  edu, eth0" "\n"
		 "200:" "          7" "          0" "          0" "          0"
		 " " "     None" "    " "  virt" "\n"
		 "255:" "          1" "          0" "          0" "          0"
		 " " "        -" " 1234" "-level   " "  x" "\n",
		 arch_rows(4, 3));
	is_str(show(show_interrupts), expect, "/proc/interrupts, 4 CPUs: byte for byte");

	/* prec follows nr_irqs: 999 still 3, 1000 makes it 4. */
	nr_cpu_ids = 1;
	nr_irqs = 999;
	p = (char *)show(show_interrupts);
	ok(!strncmp(p, "           CPU0       \n  0:", 26), "nr_irqs 999: prec 3");
	nr_irqs = 1000;
	snprintf(expect, sizeof(expect), "%s%s",
		 "            " "CPU0       " "\n"
		 "   0:" "        123" " " "   XT-PIC" "     " "-edge    " "  timer" "\n"
		 "   1:" "          0" " " "   XT-PIC" "     " "-edge    " "  i8042" "\n"
		 "  11:" " 4294967295" " " "  IO-APIC" "   11" "-fasteoi " "  edu, eth0" "\n"
		 " 200:" "          7" " " "     None" "     "              "  virt" "\n"
		 " 255:" "          1" " " "        -" " 1234" "-level   " "  x" "\n",
		 arch_rows(1, 4));
	is_str(show(show_interrupts), expect, "nr_irqs 1000: prec 4 for the IRQ, hwirq and arch columns");
	nr_irqs = NR_IRQS;

	/* The fs_initcalls create /proc/stat, /proc/interrupts and /proc/irq. */
	for (fn = __initcall5_start; fn < __initcall5_end; fn++)
		is_int((*fn)(), 0, "fs_initcall %td returns 0", fn - __initcall5_start);
	ok(__initcall5_end - __initcall5_start == 2, "two fs_initcalls: /proc/stat, /proc/interrupts + /proc/irq");
	p = strdup(show(show_interrupts));
	is_str(cat("/proc/interrupts"), p, "/proc/interrupts reads show_interrupts()");
	free(p);

	/* /proc/stat: every IRQ below nr_irqs, hidden ones too; the total adds
	 * NMI 2 + SPU 1 (each CPU) + ERR 3. */
	{
		size_t n = snprintf(expect, sizeof(expect), "intr %llu",
				    123 + 5 + 4294967295ull + 7 + 1 + 2 + 1 + 3);
		for (i = 0; i < NR_IRQS; i++)
			n += snprintf(expect + n, sizeof(expect) - n, " %u", kstat_irqs(i));
		/* then Linux's last line: softirq nr ran nr+1 times (fake above) */
		snprintf(expect + n, sizeof(expect) - n, "\nsoftirq 55 1 2 3 4 5 6 7 8 9 10\n");
	}
	ok(!strncmp(expect, "intr 4294967437 123 0 0 5 0", 27), "(expected line starts 'intr 4294967437 123 0 0 5 0')");
	is_str(cat("/proc/stat"), expect, "/proc/stat: intr TOTAL then 256 per-IRQ counts, then the softirq line");
	nr_cpu_ids = 4;
	irq_desc[11].kstat_irqs[2] = 0;   /* keep IRQ 11's sum within 32 bits */
	p = (char *)cat("/proc/stat");
	ok(!strncmp(p, "intr 4294967497 174 0 0 5 ", 26),
	   "4 CPUs: all CPUs summed (IRQ 0: 123+45+6), arch part 4*(2+1)+3");
	nr_cpu_ids = 1;
	kmalloc_fail_nth(2);
	is_str(cat("/proc/stat"), "error -12", "/proc/stat without memory: -ENOMEM");
	kmalloc_fail_at = -1;

	/* /proc/irq: a directory per line with a controller. */
	{
		char names[256] = "", path[32];

		for (i = 0; i < NR_IRQS; i++) {
			snprintf(path, sizeof(path), "/proc/irq/%u", i);
			if (proc_path_is_dir(path) == 1) {
				size_t n = strlen(names);

				snprintf(names + n, sizeof(names) - n, "%u ", i);
			}
		}
		is_str(names, "0 1 3 11 200 255 ", "/proc/irq/N for lines with a chip (not no_irq_chip)");
	}
	irq_desc[11].irq_count = 100;
	irq_desc[11].irqs_unhandled = 2;
	irq_desc[11].last_unhandled = 500;   /* jiffies, HZ 250: 2000 ms */
	is_str(cat("/proc/irq/11/spurious"), "count 100\nunhandled 2\nlast_unhandled 2000 ms\n",
	       "/proc/irq/11/spurious: Linux's three lines");
	is_str(cat("/proc/irq/0/spurious"), "count 0\nunhandled 0\nlast_unhandled 0 ms\n",
	       "/proc/irq/0/spurious of a quiet line");

	/* register_irq_proc: idempotent, and for new lines later. */
	{
		unsigned long w = warns;
		long live = kmalloc_live;

		register_irq_proc(0, &irq_desc[0]);
		register_irq_proc(11, &irq_desc[11]);
		ok(warns == w && kmalloc_live == live, "registering again: no WARN, nothing allocated");
		set_line(5, &xtpic, 5, "edge", &act_i8042);
		register_irq_proc(5, &irq_desc[5]);
		is_int(proc_path_is_dir("/proc/irq/5"), 1, "a line requested later gets /proc/irq/5");
		is_str(cat("/proc/irq/5/spurious"), "count 0\nunhandled 0\nlast_unhandled 0 ms\n",
		       "... with its spurious file");
		register_irq_proc(6, &irq_desc[6]);
		is_int(proc_path_is_dir("/proc/irq/6"), -ENOENT, "no_irq_chip lines get none");
		register_irq_proc(NR_IRQS, &irq_desc[0]);
		is_int(warns, w, "an IRQ number past NR_IRQS is ignored quietly");
		set_line(7, &xtpic, 7, "edge", NULL);
		kmalloc_fail_nth(2);
		register_irq_proc(7, &irq_desc[7]);
		is_int(proc_path_is_dir("/proc/irq/7"), -ENOENT, "out of memory: no half-made directory");
		register_irq_proc(7, &irq_desc[7]);
		is_int(proc_path_is_dir("/proc/irq/7"), 1, "... and the next call makes it");
	}
	is_int(warns, 0, "no WARNs");
	return done_testing();
}
