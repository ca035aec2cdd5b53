// SPDX-License-Identifier: MIT
/*
 * QEMU's "edu" educational PCI device (vendor 0x1234, device 0x11e8),
 * irqos's interrupt test device. QEMU's docs/specs/edu.rst describes it;
 * hw/misc/edu.c implements it.
 *
 * The device has one 1 MiB memory BAR and raises its interrupt on
 * demand: a value written to the raise register is ORed into the
 * interrupt status register and, while that is non-zero, the device
 * asserts INTA# - a level-triggered, shared PCI line - until the driver
 * writes the same bits to the acknowledge register. That is exactly a
 * real device's contract, with a doorbell to ring it from software:
 *
 *   edu raise 0       -> INTA# asserted -> PIRQ link -> ISA IRQ 11 at the
 *   8259 -> vector -> do_IRQ -> handle_level_irq -> every handler on the
 *   line: each reads its own device's status; the one with a non-zero
 *   status acks it (the line drops) and says IRQ_HANDLED, the others
 *   say IRQ_NONE.
 *
 * In "screaming" mode the handler does not acknowledge and says IRQ_NONE,
 * like a driver that lost track of its device: the line stays asserted,
 * interrupts back to back, and the spurious detector (kernel/irq/
 * spurious.c) must disable it ("irq 11: nobody cared").
 *
 * With "edu.msi=1" on the command line each device interrupts by MSI
 * instead (pci_alloc_irq_vectors(), drivers/pci/msi.c): a raise makes the
 * device write one message to the local APIC, which arrives on the
 * device's own IRQ (24 and up, chip PCI-MSI, edge) - not shared, so the
 * handler's IRQ_NONE branch only sees a raise already acknowledged by an
 * earlier message's handler. Without MSI (no LAPIC, "pci=nomsi") the
 * device falls back to INTx. The default stays INTx so the shared-line
 * tests keep a shared line. In screaming mode an MSI device sends one
 * message per raise; nothing repeats it, so nothing storms.
 *
 * Threaded mode ("edu.threaded=1", or "edu thread on|off" at run time)
 * splits the handler as a driver for a slow device would: edu_hardirq()
 * reads and acknowledges the status in hard interrupt context and returns
 * IRQ_WAKE_THREAD; edu_thread_fn(), in the irq/N-edu kernel thread, does
 * the completion work (factorial result, counters). The request is
 * IRQF_ONESHOT, so the line stays masked until the thread has finished.
 *
 * Each device is named eduN in probe order and is its own irqaction's
 * dev_id; the shell's "edu" command drives them (see do_edu() below).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/shell.h>
#include <linux/sched.h>
#include <linux/completion.h>
#include <linux/smp.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/tsc.h>

#include "edu.h"

/* BAR 0 registers (docs/specs/edu.rst, "MMIO area spec"); 32-bit below 0x80. */
#define EDU_IDENT        0x00  /* RO: 0xRRrr00ed, major RR, minor rr */
#define EDU_LIVENESS     0x04  /* RW: reads back the bitwise inverse of what was written */
#define EDU_FACTORIAL    0x08  /* RW: write n, read n! once STATUS_COMPUTING clears */
#define EDU_STATUS       0x20  /* RW: EDU_STATUS_* below */
#define EDU_IRQ_STATUS   0x24  /* RO: OR of raised values not yet acknowledged */
#define EDU_IRQ_RAISE    0x60  /* WO: OR the value into IRQ_STATUS; assert INTx */
#define EDU_IRQ_ACK      0x64  /* WO: clear these bits; INTx drops when all clear */
#define EDU_DMA_SRC      0x80  /* RW, 64-bit: DMA source address */
#define EDU_DMA_DST      0x88  /* RW, 64-bit: DMA destination address */
#define EDU_DMA_COUNT    0x90  /* RW, 64-bit: bytes to transfer */
#define EDU_DMA_CMD      0x98  /* RW, 64-bit: start, direction, raise 0x100 when done */

#define EDU_STATUS_COMPUTING  0x01   /* factorial in progress (RO) */
#define EDU_STATUS_IRQFACT    0x80   /* raise interrupt 0x01 when the factorial is done */

#define EDU_IDENT_MAGIC  0xed        /* low byte of EDU_IDENT */
#define EDU_FACT_IRQ     0x00000001  /* value raised when a factorial completes */
#define EDU_FACT_MAX     12          /* 13! does not fit the 32-bit register */

#define EDU_WAIT_MS        500       /* for an interrupt (or the spurious poll, every HZ/10) */
#define EDU_SCREAM_WAIT_MS 60000     /* for the spurious detector to step in */

static struct edu_device *edu_devices[EDU_MAX_DEVICES];
static unsigned int nr_edu;
static bool edu_use_msi;       /* "edu.msi=1" */
static bool edu_use_threads;   /* "edu.threaded=1", "edu thread on" */

static int __init edu_msi_setup(char *arg)
{
	unsigned long v;

	if (!arg || kstrtoul(arg, 0, &v) || v > 1)
		return -EINVAL;
	edu_use_msi = v;
	return 0;
}
early_param("edu.msi", edu_msi_setup);

static int __init edu_threaded_setup(char *arg)
{
	unsigned long v;

	if (!arg || kstrtoul(arg, 0, &v) || v > 1)
		return -EINVAL;
	edu_use_threads = v;
	return 0;
}
early_param("edu.threaded", edu_threaded_setup);

/** edu_msi_requested - "edu.msi=1" was given */
bool edu_msi_requested(void)
{
	return edu_use_msi;
}

/** edu_count - the number of edu devices bound */
unsigned int edu_count(void)
{
	return READ_ONCE(nr_edu);
}

/** edu_get - device @n (edu@n), or NULL */
struct edu_device *edu_get(unsigned int n)
{
	return n < edu_count() ? edu_devices[n] : NULL;
}

static u32 edu_read(struct edu_device *edu, unsigned int reg)
{
	return readl(edu->mmio + reg);
}

static void edu_write(struct edu_device *edu, unsigned int reg, u32 val)
{
	writel(val, edu->mmio + reg);
}

/** edu_irq_status - the device's pending raised values (0: INTx not asserted) */
u32 edu_irq_status(struct edu_device *edu)
{
	return edu_read(edu, EDU_IRQ_STATUS);
}

/**
 * edu_raise - make @edu assert its interrupt with @value
 * @edu: the device
 * @value: ORed into the interrupt status; 0 would raise nothing
 */
void edu_raise(struct edu_device *edu, u32 value)
{
	WRITE_ONCE(edu->raised, edu->raised + 1);
	edu_write(edu, EDU_IRQ_RAISE, value);
}

/**
 * edu_raise_wait - raise one interrupt and wait until it has been handled
 * @edu: the device
 * @timeout_ms: how long to spin for edu->handled to move
 *
 * Return: true once a handler counted it, false on timeout.
 */
bool edu_raise_wait(struct edu_device *edu, unsigned int timeout_ms)
{
	unsigned long old = READ_ONCE(edu->handled);
	u64 start = local_clock();

	edu_raise(edu, 1);
	while (READ_ONCE(edu->handled) == old) {
		if (local_clock() - start > (u64)timeout_ms * 1000000)
			return false;
		cpu_relax();
	}
	return true;
}

/**
 * edu_irq_handler - the interrupt handler of every edu device
 * @irq: the line that fired
 * @dev_id: the struct edu_device given to request_irq()
 *
 * The line is shared: a zero interrupt status means another device
 * raised it - IRQ_NONE. Otherwise acknowledge exactly the bits seen (a
 * value raised meanwhile stays, and keeps the line up) and claim it.
 */
irqreturn_t edu_irq_handler(int irq, void *dev_id)
{
	struct edu_device *edu = dev_id;
	u32 status = edu_read(edu, EDU_IRQ_STATUS);

	WRITE_ONCE(edu->last_irq, irq);
	if (!status || READ_ONCE(edu->screaming)) {
		WRITE_ONCE(edu->unhandled, edu->unhandled + 1);
		return IRQ_NONE;
	}
	if ((status & EDU_FACT_IRQ) && READ_ONCE(edu->fact_pending)) {
		WRITE_ONCE(edu->fact_result, edu_read(edu, EDU_FACTORIAL));
		WRITE_ONCE(edu->fact_pending, false);
		WRITE_ONCE(edu->fact_done, true);      /* after the result */
	}
	edu_write(edu, EDU_IRQ_ACK, status);
	WRITE_ONCE(edu->last_status, status);
	WRITE_ONCE(edu->handled, edu->handled + 1);
	return IRQ_HANDLED;
}

/**
 * edu_hardirq - threaded mode's primary handler
 * @irq: the line that fired
 * @dev_id: the struct edu_device
 *
 * As edu_irq_handler() it tells "not mine" from "mine" by the status and
 * acknowledges what it saw, which lowers the device's INTx; the rest is
 * left to edu_thread_fn(), with the bits seen passed in @thread_status.
 */
irqreturn_t edu_hardirq(int irq, void *dev_id)
{
	struct edu_device *edu = dev_id;
	u32 status = edu_read(edu, EDU_IRQ_STATUS);

	WRITE_ONCE(edu->last_irq, irq);
	if (!status || READ_ONCE(edu->screaming)) {
		WRITE_ONCE(edu->unhandled, edu->unhandled + 1);
		return IRQ_NONE;
	}
	edu_write(edu, EDU_IRQ_ACK, status);
	__atomic_fetch_or(&edu->thread_status, status, __ATOMIC_SEQ_CST);
	WRITE_ONCE(edu->last_hardirq_cpu, smp_processor_id());
	WRITE_ONCE(edu->hardirqs, edu->hardirqs + 1);
	return IRQ_WAKE_THREAD;
}

/**
 * edu_thread_fn - threaded mode's thread function (irq/N-edu)
 * @irq: the line
 * @dev_id: the struct edu_device
 *
 * Runs in process context; may sleep (the test gate does).
 */
irqreturn_t edu_thread_fn(int irq, void *dev_id)
{
	struct edu_device *edu = dev_id;
	struct completion *gate = READ_ONCE(edu->thread_gate);
	u32 status;

	(void)irq;
	if (gate) {
		WRITE_ONCE(edu->thread_waiting, true);
		wait_for_completion(gate);
		WRITE_ONCE(edu->thread_waiting, false);
	}
	status = __atomic_exchange_n(&edu->thread_status, 0, __ATOMIC_SEQ_CST);
	if (!status)
		return IRQ_NONE;
	if ((status & EDU_FACT_IRQ) && READ_ONCE(edu->fact_pending)) {
		WRITE_ONCE(edu->fact_result, edu_read(edu, EDU_FACTORIAL));
		WRITE_ONCE(edu->fact_pending, false);
		WRITE_ONCE(edu->fact_done, true);      /* after the result */
	}
	WRITE_ONCE(edu->last_thread_cpu, smp_processor_id());
	WRITE_ONCE(edu->last_thread, current);
	WRITE_ONCE(edu->last_status, status);
	WRITE_ONCE(edu->handled, edu->handled + 1);
	return IRQ_HANDLED;
}

/* Request @edu's IRQ in the current mode. */
static int edu_request(struct edu_device *edu)
{
	/* An INTx line is shared by design; an MSI IRQ is this device's. */
	unsigned long flags = edu->msi ? 0 : IRQF_SHARED;

	edu->threaded = edu_use_threads;
	if (edu->threaded)
		return request_threaded_irq(edu->irq, edu_hardirq, edu_thread_fn,
					    flags | IRQF_ONESHOT, "edu", edu);
	return request_irq(edu->irq, edu_irq_handler, flags, "edu", edu);
}

/** edu_threaded - whether the devices' handlers are threaded */
bool edu_threaded(void)
{
	return READ_ONCE(edu_use_threads);
}

/**
 * edu_set_threaded - switch every device's handler to threaded or hardirq
 * @on: true: request_threaded_irq(edu_hardirq, edu_thread_fn, IRQF_ONESHOT)
 *
 * All devices switch together (sharers must agree on IRQF_ONESHOT): every
 * IRQ is freed - which stops the irq/N-edu threads - then requested in the
 * new mode. Process context; nothing may be raised meanwhile.
 *
 * Return: 0, or the first request error (that device stays without IRQ).
 */
int edu_set_threaded(bool on)
{
	unsigned int i, n = edu_count();
	int ret = 0;

	for (i = 0; i < n; i++)
		free_irq(edu_devices[i]->irq, edu_devices[i]);
	edu_use_threads = on;
	for (i = 0; i < n; i++) {
		int err = edu_request(edu_devices[i]);

		if (err) {
			pr_err("%s: request of IRQ %u (%s) failed: %d\n", edu_devices[i]->name,
			       edu_devices[i]->irq, on ? "threaded" : "hardirq", err);
			if (!ret)
				ret = err;
		}
	}
	return ret;
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu_device *edu;
	u32 ident, live;
	int ret;

	if (nr_edu >= EDU_MAX_DEVICES)
		return -ENOSPC;
	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_MEM))
		return -ENODEV;
	if (!pdev->irq && !edu_use_msi) {
		pr_err("edu %s: no IRQ (pin %u not routed by the firmware)\n",
		       pci_name(pdev), pdev->pin);
		return -ENODEV;
	}
	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	if (!edu) {
		ret = -ENOMEM;
		goto err_disable;
	}
	edu->pdev = pdev;
	edu->last_irq = -1;
	edu->index = nr_edu;
	snprintf(edu->name, sizeof(edu->name), "edu%u", nr_edu);
	edu->mmio = ioremap(pci_resource_start(pdev, 0), pci_resource_len(pdev, 0));
	if (!edu->mmio) {
		ret = -ENOMEM;
		goto err_free;
	}

	ident = edu_read(edu, EDU_IDENT);
	edu_write(edu, EDU_LIVENESS, 0x5a5aa5a5);
	live = edu_read(edu, EDU_LIVENESS);
	if ((ident & 0xff) != EDU_IDENT_MAGIC || live != ~0x5a5aa5a5u) {
		pr_err("%s %s: not an edu device (ident %#x, liveness %#x)\n",
		       edu->name, pci_name(pdev), ident, live);
		ret = -ENODEV;
		goto err_unmap;
	}
	/* Start quiet: no factorial interrupt, nothing left raised. */
	edu_write(edu, EDU_STATUS, 0);
	edu_write(edu, EDU_IRQ_ACK, edu_read(edu, EDU_IRQ_STATUS));

	ret = pci_alloc_irq_vectors(pdev, 1, 1,
				    PCI_IRQ_LEGACY | (edu_use_msi ? PCI_IRQ_MSI : 0));
	if (ret < 0) {
		pr_err("%s %s: no IRQ (pin %u not routed, no MSI): %d\n", edu->name,
		       pci_name(pdev), pdev->pin, ret);
		goto err_unmap;
	}
	edu->irq = pci_irq_vector(pdev, 0);
	edu->msi = pdev->msi_enabled;
	ret = edu_request(edu);
	if (ret) {
		pr_err("%s %s: request_irq(%u) failed: %d\n", edu->name, pci_name(pdev),
		       edu->irq, ret);
		pci_free_irq_vectors(pdev);
		goto err_unmap;
	}
	pci_set_drvdata(pdev, edu);
	edu_devices[nr_edu] = edu;
	WRITE_ONCE(nr_edu, nr_edu + 1);
	pr_info("%s: %s version %u.%u, BAR 0 %#llx (%lluK) at %p, IRQ %u%s\n", edu->name,
		pci_name(pdev), ident >> 24, (ident >> 16) & 0xff,
		(unsigned long long)pci_resource_start(pdev, 0),
		(unsigned long long)pci_resource_len(pdev, 0) >> 10, edu->mmio, edu->irq,
		edu->msi ? " (MSI)" : "");
	return 0;

err_unmap:
	iounmap(edu->mmio);
err_free:
	kfree(edu);
err_disable:
	pci_disable_device(pdev);
	return ret;
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, PCI_DEVICE_ID_QEMU_EDU) },
	{ }
};

static struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
};

static int __init edu_init(void)
{
	return pci_register_driver(&edu_driver);
}
device_initcall(edu_init);

/* ---- the shell command ---- */

static bool line_disabled(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);

	return d && irqd_irq_disabled(d);
}

/* Spin until *@counter differs from @old, up to @ms; the wait in us, or -1. */
static long wait_change(unsigned long *counter, unsigned long old, unsigned int ms)
{
	u64 start = local_clock();

	while (READ_ONCE(*counter) == old) {
		if (local_clock() - start > (u64)ms * 1000000)
			return -1;
		cpu_relax();
	}
	return (local_clock() - start) / 1000;
}

static int edu_err(const char *what, const char *arg, int err)
{
	shell_printf("edu: %s '%s' (%s)\n", what, arg, err == -ENODEV ? "-ENODEV" : "-EINVAL");
	return err;
}

/* @s names a device: "N" or "eduN". */
static struct edu_device *parse_dev(const char *s, int *err)
{
	unsigned long n;

	if (!strncmp(s, "edu", 3))
		s += 3;
	if (kstrtoul(s, 0, &n)) {
		*err = -EINVAL;
		return NULL;
	}
	*err = -ENODEV;
	return edu_get(n);
}

static void edu_list(void)
{
	unsigned int i;

	shell_printf("dev   pci           irq     raised    handled  unhandled  last        mode    line     intr\n");
	for (i = 0; i < edu_count(); i++) {
		struct edu_device *e = edu_get(i);

		shell_printf("%-5s %s %3u %10lu %10lu %10lu  0x%08x  %-7s %-8s %s\n", e->name,
			     pci_name(e->pdev), e->irq, READ_ONCE(e->raised),
			     READ_ONCE(e->handled), READ_ONCE(e->unhandled),
			     READ_ONCE(e->last_status), READ_ONCE(e->screaming) ? "scream" : "normal",
			     line_disabled(e->irq) ? "disabled" : "enabled", e->msi ? "MSI" : "INTx");
	}
}

static int edu_cmd_raise(struct edu_device *edu, const char *valstr)
{
	unsigned long value = 1, handled, unhandled;
	u64 start;
	long us;

	if (valstr && (kstrtoul(valstr, 0, &value) || !value || value > 0xffffffffUL))
		return edu_err("raise: VALUE must be 1..0xffffffff, not", valstr, -EINVAL);
	handled = READ_ONCE(edu->handled);
	unhandled = READ_ONCE(edu->unhandled);
	start = local_clock();
	edu_raise(edu, value);

	if (READ_ONCE(edu->screaming)) {
		/* The line stays asserted; wait for the core to give up on it.
		 * An MSI is one message per raise: nothing to wait for long. */
		u64 limit = (u64)(edu->msi ? EDU_WAIT_MS : EDU_SCREAM_WAIT_MS) * 1000000;

		while (!line_disabled(edu->irq) && local_clock() - start < limit)
			cpu_relax();
		us = (local_clock() - start) / 1000;
		shell_printf("%s: raised %#lx on IRQ %u, not acknowledged: %lu interrupts in %ld ms, IRQ %u %s\n",
			     edu->name, value, edu->irq, READ_ONCE(edu->unhandled) - unhandled,
			     us / 1000, edu->irq,
			     line_disabled(edu->irq) ? "disabled" : "still enabled");
		return 0;
	}
	us = wait_change(&edu->handled, handled, EDU_WAIT_MS);
	if (us >= 0)
		shell_printf("%s: raised %#lx on IRQ %u: handled after %ld us\n",
			     edu->name, value, edu->irq, us);
	else
		shell_printf("%s: raised %#lx on IRQ %u: pending (status %#x), not handled within %d ms%s\n",
			     edu->name, value, edu->irq, edu_irq_status(edu), EDU_WAIT_MS,
			     line_disabled(edu->irq) ? "; the IRQ is disabled" : "");
	return 0;
}

static int edu_cmd_fact(struct edu_device *edu, const char *valstr)
{
	unsigned long n;
	u64 start;
	long us;

	if (kstrtoul(valstr, 0, &n) || n > EDU_FACT_MAX)
		return edu_err("fact: VALUE must be 0..12, not", valstr, -EINVAL);
	if (edu_read(edu, EDU_STATUS) & EDU_STATUS_COMPUTING) {
		shell_printf("%s: a factorial is already being computed (-EBUSY)\n", edu->name);
		return -EBUSY;
	}
	WRITE_ONCE(edu->fact_done, false);
	WRITE_ONCE(edu->fact_pending, true);
	edu_write(edu, EDU_STATUS, EDU_STATUS_IRQFACT);
	edu_write(edu, EDU_FACTORIAL, n);
	start = local_clock();
	while (!READ_ONCE(edu->fact_done) &&
	       local_clock() - start < (u64)EDU_WAIT_MS * 1000000)
		cpu_relax();
	us = (local_clock() - start) / 1000;
	edu_write(edu, EDU_STATUS, 0);
	if (!READ_ONCE(edu->fact_done)) {
		WRITE_ONCE(edu->fact_pending, false);
		shell_printf("%s: %lu! not completed by an interrupt within %d ms (-ETIMEDOUT)%s\n",
			     edu->name, n, EDU_WAIT_MS,
			     line_disabled(edu->irq) ? "; the IRQ is disabled" : "");
		return -ETIMEDOUT;
	}
	shell_printf("%s: %lu! = %u (completed by interrupt on IRQ %u after %ld us)\n",
		     edu->name, n, READ_ONCE(edu->fact_result), edu->irq, us);
	return 0;
}

/* "edu thread on|off": every device's handler threaded, or not. */
static int edu_cmd_thread(const char *arg)
{
	int ret;

	if (strcmp(arg, "on") && strcmp(arg, "off"))
		return edu_err("thread: expected on or off, not", arg, -EINVAL);
	ret = edu_set_threaded(!strcmp(arg, "on"));
	if (ret) {
		shell_printf("edu: thread %s failed (%d)\n", arg, ret);
		return ret;
	}
	shell_printf("edu: %u device(s), %s handlers\n", edu_count(),
		     edu_threaded() ? "threaded (irq/N-edu)" : "hardirq");
	return 0;
}

static int do_edu(int argc, char **argv)
{
	struct edu_device *edu;
	int err;

	if (argc == 1) {
		edu_list();
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "thread"))
		return edu_cmd_thread(argv[2]);
	if (argc < 3 || (strcmp(argv[1], "raise") && strcmp(argv[1], "scream") &&
			 strcmp(argv[1], "fact"))) {
		shell_printf("usage: edu | edu raise N [VALUE] | edu scream N on|off | edu fact N VALUE | edu thread on|off (-EINVAL)\n");
		return -EINVAL;
	}
	edu = parse_dev(argv[2], &err);
	if (!edu)
		return edu_err(err == -ENODEV ? "no such device" : "bad device number",
			       argv[2], err);

	if (!strcmp(argv[1], "raise") && argc <= 4)
		return edu_cmd_raise(edu, argc == 4 ? argv[3] : NULL);
	if (!strcmp(argv[1], "fact") && argc == 4)
		return edu_cmd_fact(edu, argv[3]);
	if (!strcmp(argv[1], "scream") && argc == 4) {
		if (strcmp(argv[3], "on") && strcmp(argv[3], "off"))
			return edu_err("scream: expected on or off, not", argv[3], -EINVAL);
		WRITE_ONCE(edu->screaming, !strcmp(argv[3], "on"));
		shell_printf("%s: %s mode\n", edu->name, edu->screaming ? "scream" : "normal");
		return 0;
	}
	shell_printf("edu %s: wrong number of arguments (-EINVAL)\n", argv[1]);
	return -EINVAL;
}
DEFINE_SHELL_CMD(edu, "[raise|scream|fact N ...|thread on|off]",
		 "edu test devices: list; raise N [VALUE]; scream N on|off; fact N VALUE; thread on|off",
		 do_edu);
