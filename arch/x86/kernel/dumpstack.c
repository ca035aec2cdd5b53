// SPDX-License-Identifier: MIT
/*
 * Oops reports: the register dump, the "Code:" bytes and the call trace.
 *
 * The call trace follows frame pointers. Every function built with
 * -fno-omit-frame-pointer starts with "push %rbp; mov %rsp, %rbp", so each
 * frame holds [saved rbp][return address]. The entry code sets %rbp to
 * (pt_regs + 1) before calling a handler: an odd value no real frame can
 * have, which tells the unwinder that an exception frame sits there and
 * the interrupted code's own chain continues from regs->bp. Every read goes
 * through get_kernel_nofault(), so a corrupt chain ends the trace instead of
 * faulting inside the fault report.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/utsname.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/console.h>
#include <linux/irqflags.h>
#include <asm/ptrace.h>
#include <asm/processor.h>
#include <asm/msr.h>
#include <asm/stacktrace.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <asm/page.h>

#define MAX_TRACE_FRAMES 48

DEFINE_PER_CPU(struct cpu_stacks, cpu_stacks);

extern char early_stack[], early_stack_end[];
extern char _stext[], _etext[];

static const char *const ist_names[N_EXCEPTION_STACKS] = {
	[IST_INDEX_DF] = "#DF", [IST_INDEX_NMI] = "NMI",
	[IST_INDEX_DB] = "#DB", [IST_INDEX_MCE] = "#MC",
};

static bool in_range(unsigned long addr, unsigned long begin, unsigned long len,
		     enum stack_type type, const char *name, struct stack_info *info)
{
	if (!begin || addr < begin || addr >= begin + len)
		return false;
	info->type = type;
	info->begin = begin;
	info->end = begin + len;
	info->name = name;
	return true;
}

/**
 * get_stack_info - which of this CPU's stacks contains @addr
 */
bool get_stack_info(unsigned long addr, struct stack_info *info)
{
	struct cpu_stacks *s = this_cpu_ptr(&cpu_stacks);
	int i;

	if (in_range(addr, s->task_base, THREAD_SIZE, STACK_TYPE_TASK, "TASK", info))
		return true;
	if (in_range(addr, s->irq_base, THREAD_SIZE, STACK_TYPE_IRQ, "IRQ", info))
		return true;
	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		if (in_range(addr, s->ist_base[i], EXCEPTION_STKSZ,
			     STACK_TYPE_EXCEPTION, ist_names[i], info))
			return true;
	if (in_range(addr, (unsigned long)early_stack,
		     early_stack_end - early_stack, STACK_TYPE_BOOT, "TASK", info))
		return true;
	info->type = STACK_TYPE_UNKNOWN;
	return false;
}

/**
 * stack_guard_page_hit - is @addr in the page just below one of our stacks?
 */
bool stack_guard_page_hit(unsigned long addr, struct stack_info *info)
{
	if (addr > ULONG_MAX - PAGE_SIZE)
		return false;
	return get_stack_info(addr + PAGE_SIZE, info) && addr < info->begin;
}

static bool kernel_text_address(unsigned long addr)
{
	return addr >= (unsigned long)_stext && addr < (unsigned long)_etext;
}

/* Print a return address as the call site's symbol: look up ret - 1, so a
 * call that is the last instruction of a function is not blamed on the next
 * function, then add the byte back to the offset. */
static void print_trace_address(const char *lvl, unsigned long addr, bool is_ret)
{
	unsigned long size, off;
	const char *name = kallsyms_lookup(addr - is_ret, &size, &off);

	if (name)
		printk("%s %s+0x%lx/0x%lx\n", lvl, name, off + is_ret, size);
	else
		printk("%s 0x%016lx\n", lvl, addr);
}

/*
 * An exception can hit a function that has not (yet) set up its frame:
 * on its first instruction, right after "push %rbp", or anywhere in a leaf
 * function the compiler built without a frame. Then the interrupted
 * code's return address is not in the %rbp chain but at the top of its
 * stack; find it there so the caller is not missing from the trace.
 */
static unsigned long frameless_return_address(struct pt_regs *regs)
{
	static const u8 prologue[4] = { 0x55, 0x48, 0x89, 0xe5 }; /* push %rbp; mov %rsp,%rbp */
	unsigned long size, off, ret, slot;
	u8 insn[4];
	int i;

	if (!kallsyms_lookup(regs->ip, &size, &off))
		return 0;
	if (copy_from_kernel_nofault(insn, (void *)(regs->ip - off), sizeof(insn)))
		return 0;
	for (i = 0; i < 4 && insn[i] == prologue[i]; i++)
		;
	if (i == 4 && off >= 4)
		return 0;                 /* the frame is complete: the chain has it */
	slot = regs->sp + (i == 4 && off == 1 ? 8 : 0);
	if (get_kernel_nofault(ret, (unsigned long *)slot) || !kernel_text_address(ret))
		return 0;
	return ret;
}

/**
 * show_trace_log_lvl - print the call chain starting at frame pointer @bp
 */
void show_trace_log_lvl(unsigned long bp, const char *lvl)
{
	struct stack_info info, cur = { .type = STACK_TYPE_UNKNOWN };
	unsigned long frame = bp;
	int n;

	printk("%sCall Trace:\n", lvl);
	for (n = 0; n < MAX_TRACE_FRAMES && frame; n++) {
		unsigned long next, ret;

		if (frame & 1) {
			/* An exception frame: show where it interrupted. */
			struct pt_regs *regs = (struct pt_regs *)(frame - 1);
			unsigned long ip, rbp;

			if (get_kernel_nofault(ip, &regs->ip) ||
			    get_kernel_nofault(rbp, &regs->bp))
				break;
			if (!get_stack_info((unsigned long)regs, &info))
				break;
			if (kernel_text_address(ip)) {
				unsigned long ret = frameless_return_address(regs);

				print_trace_address(lvl, ip, false);
				if (ret)
					print_trace_address(lvl, ret, true);
			}
			frame = rbp;
			continue;
		}
		if (!get_stack_info(frame, &info) || frame + 16 > info.end)
			break;
		if (info.begin != cur.begin) {
			if (cur.type != STACK_TYPE_UNKNOWN)
				printk("%s </%s>\n", lvl, cur.name);
			printk("%s <%s>\n", lvl, info.name);
			cur = info;
		}
		if (get_kernel_nofault(next, (unsigned long *)frame) ||
		    get_kernel_nofault(ret, (unsigned long *)frame + 1))
			break;
		if (!kernel_text_address(ret))
			break;
		print_trace_address(lvl, ret, true);
		/* Frames only move up the same stack; a jump to another stack
		 * happens only through an exception frame (odd pointer). */
		if (!(next & 1) && next <= frame &&
		    get_stack_info(next, &info) && info.begin == cur.begin)
			break;
		frame = next;
	}
	if (cur.type != STACK_TYPE_UNKNOWN)
		printk("%s </%s>\n", lvl, cur.name);
}

/* "Code:" - 42 bytes before RIP, the byte at RIP in <>, 21 after. */
static void show_opcodes(struct pt_regs *regs, const char *lvl)
{
	char buf[64 * 3 + 16];
	int pos = 0, i;
	u8 b;

	for (i = -42; i < 22; i++) {
		if (get_kernel_nofault(b, (u8 *)(regs->ip + i))) {
			pos += scnprintf(buf + pos, sizeof(buf) - pos, "%sUnable to access opcode bytes at 0x%lx.",
					 pos ? "" : "", regs->ip + i);
			break;
		}
		pos += scnprintf(buf + pos, sizeof(buf) - pos,
				 i == 0 ? "<%02x> " : "%02x ", b);
	}
	printk("%sCode: %s\n", lvl, buf);
}

/**
 * __show_regs - print the registers of @regs in Linux's layout
 */
void __show_regs(struct pt_regs *regs, const char *lvl)
{
	unsigned long size, off, gs = 0, kgs = 0;
	const char *name = kallsyms_lookup(regs->ip, &size, &off);
	unsigned short ds, es, fs, gsel;

	if (name)
		printk("%sRIP: %04lx:%s+0x%lx/0x%lx\n", lvl, regs->cs & 0xffff, name, off, size);
	else
		printk("%sRIP: %04lx:0x%lx\n", lvl, regs->cs & 0xffff, regs->ip);
	show_opcodes(regs, lvl);
	printk("%sRSP: %04lx:%016lx EFLAGS: %08lx\n", lvl, regs->ss & 0xffff, regs->sp, regs->flags);
	printk("%sRAX: %016lx RBX: %016lx RCX: %016lx\n", lvl, regs->ax, regs->bx, regs->cx);
	printk("%sRDX: %016lx RSI: %016lx RDI: %016lx\n", lvl, regs->dx, regs->si, regs->di);
	printk("%sRBP: %016lx R08: %016lx R09: %016lx\n", lvl, regs->bp, regs->r8, regs->r9);
	printk("%sR10: %016lx R11: %016lx R12: %016lx\n", lvl, regs->r10, regs->r11, regs->r12);
	printk("%sR13: %016lx R14: %016lx R15: %016lx\n", lvl, regs->r13, regs->r14, regs->r15);
	__asm__ __volatile__("mov %%ds, %0; mov %%es, %1; mov %%fs, %2; mov %%gs, %3"
			     : "=r"(ds), "=r"(es), "=r"(fs), "=r"(gsel));
	rdmsrl(MSR_GS_BASE, gs);
	rdmsrl(MSR_KERNEL_GS_BASE, kgs);
	printk("%sFS:  %016lx(%04x) GS:%016lx(%04x) knlGS:%016lx\n", lvl,
	       (unsigned long)native_read_msr(MSR_FS_BASE), fs, gs, gsel, kgs);
	printk("%sCS:  %04lx DS: %04x ES: %04x CR0: %016lx\n", lvl,
	       regs->cs & 0xffff, ds, es, read_cr0());
	printk("%sCR2: %016lx CR3: %016lx CR4: %016lx\n", lvl,
	       read_cr2(), __read_cr3(), __read_cr4());
}

static void show_cpu_line(const char *lvl)
{
	struct task_struct *p = current;
	int cpu = smp_processor_id();

	/* Before sched_init() there is no current task: the boot context. */
	if (!p)
		printk("%sCPU: %d PID: 0 Comm: swapper/%d Not tainted " UTS_RELEASE " #1\n",
		       lvl, cpu, cpu);
	else
		printk("%sCPU: %d PID: %d Comm: %.15s Not tainted " UTS_RELEASE " #1\n",
		       lvl, cpu, p->pid, p->comm);
}

/**
 * show_regs - CPU line, registers and call trace for @regs
 */
void show_regs(struct pt_regs *regs)
{
	show_cpu_line(KERN_DEFAULT);
	__show_regs(regs, KERN_DEFAULT);
	/* Start from the handler's own frame so the trace shows which stack
	 * the report runs on (<#DF>, <NMI>...) and crosses into the
	 * interrupted code through the exception frame. */
	show_trace_log_lvl(current_frame_pointer(), KERN_DEFAULT);
}

/**
 * dump_stack - print a call trace of the caller, as Linux's dump_stack()
 */
noinline void dump_stack(void)
{
	show_cpu_line(KERN_DEFAULT);
	show_trace_log_lvl(current_frame_pointer(), KERN_DEFAULT);
}

int die_counter;
int oops_in_progress;

/**
 * oops_begin - start an oops report: interrupts off, no interleaving
 */
unsigned long oops_begin(void)
{
	unsigned long flags;

	local_irq_save(flags);
	oops_in_progress++;
	return flags;
}

/**
 * oops_end - finish an oops; with no process to kill, it is fatal
 */
void oops_end(unsigned long flags, struct pt_regs *regs, const char *reason)
{
	printk(KERN_DEFAULT "---[ end trace %016x ]---\n", 0);
	panic("%s", reason);
}

static void __die(const char *str, struct pt_regs *regs, long err)
{
	/* -1 means "this vector has no error code": show 0, as Linux does. */
	if (err == -1)
		err = 0;
	printk(KERN_DEFAULT "%s: %04lx [#%d]%s\n", str, (unsigned long)err & 0xffff,
	       ++die_counter, nr_cpu_ids > 1 ? " SMP" : "");
	show_regs(regs);
}

/**
 * die - report a fatal kernel exception and panic
 */
void die(const char *str, struct pt_regs *regs, long err)
{
	unsigned long flags = oops_begin();

	__die(str, regs, err);
	oops_end(flags, regs, "Fatal exception");
}
