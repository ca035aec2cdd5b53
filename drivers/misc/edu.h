/* SPDX-License-Identifier: MIT */
/*
 * The edu driver's internals, shared with its KUnit suite (edu_test.c).
 * See edu.c for the device and the driver.
 */
#ifndef _DRIVERS_MISC_EDU_H
#define _DRIVERS_MISC_EDU_H

#include <linux/types.h>
#include <linux/interrupt.h>

#define EDU_MAX_DEVICES 8

struct pci_dev;
struct completion;
struct task_struct;

/**
 * struct edu_device - one edu device; also the dev_id of its irqaction
 * @pdev:        the PCI function
 * @mmio:        BAR 0, ioremap()ed
 * @index:       N of "eduN", in probe order
 * @name:        "eduN"
 * @irq:         its IRQ: the shared INTx line, or its own PCI-MSI IRQ
 * @msi:         interrupts by MSI ("edu.msi=1" and MSI available)
 * @raised:      raises written by edu_raise() (shell, tests)
 * @handled:     interrupts the handler claimed: status was non-zero, acked
 * @unhandled:   handler calls answered IRQ_NONE: status 0 (another device
 *               on the line) or screaming mode
 * @last_status: the interrupt status value of the last handled interrupt
 * @last_irq:    the irq argument the handler was last called with
 * @screaming:   mode: count but never acknowledge, answer IRQ_NONE
 * @fact_pending: a factorial was started with "raise interrupt when done"
 * @fact_done:   the handler saw its completion interrupt ...
 * @fact_result: ... and read this result
 * @threaded:    its handler is threaded ("edu.threaded=1", "edu thread on"):
 *               edu_hardirq() acknowledges, edu_thread_fn() does the rest
 * @hardirqs:    threaded mode: interrupts the primary handler claimed
 * @thread_status: threaded mode: status bits acknowledged by the primary
 *               handler and not yet seen by the thread
 * @thread_gate: test hook: if set, the thread waits for this completion
 *               before it does its work (and @thread_waiting is true)
 * @thread_waiting: the thread is blocked on @thread_gate
 * @last_thread: the task that last ran edu_thread_fn()
 * @last_hardirq_cpu: threaded mode: the CPU of the last claimed primary
 * @last_thread_cpu: the CPU edu_thread_fn() last did its work on
 */
struct edu_device {
	struct pci_dev *pdev;
	void *mmio;
	unsigned int index;
	char name[8];
	unsigned int irq;
	bool msi;
	unsigned long raised;
	unsigned long handled;
	unsigned long unhandled;
	u32 last_status;
	int last_irq;
	bool screaming;
	bool fact_pending;
	bool fact_done;
	u32 fact_result;
	bool threaded;
	unsigned long hardirqs;
	u32 thread_status;
	struct completion *thread_gate;
	bool thread_waiting;
	struct task_struct *last_thread;
	int last_hardirq_cpu;
	int last_thread_cpu;
};

/* "edu.msi=1" was given: devices are asked to use MSI. */
bool edu_msi_requested(void);

/* Devices found, and device N (NULL if N >= edu_count()). */
unsigned int edu_count(void);
struct edu_device *edu_get(unsigned int n);

irqreturn_t edu_irq_handler(int irq, void *dev_id);
irqreturn_t edu_hardirq(int irq, void *dev_id);
irqreturn_t edu_thread_fn(int irq, void *dev_id);
/*
 * Re-request every device's IRQ threaded (request_threaded_irq(edu_hardirq,
 * edu_thread_fn, IRQF_ONESHOT)) or not. All devices switch together: the
 * sharers of a line must agree on IRQF_ONESHOT. Process context only;
 * nothing may be raised meanwhile. 0 or the request error.
 */
int edu_set_threaded(bool on);
bool edu_threaded(void);
/* Write @value (non-zero) to the interrupt raise register. */
void edu_raise(struct edu_device *edu, u32 value);
/* Raise 1 and spin until a handler (hard or threaded) counted it in
 * edu->handled; false after @timeout_ms. For tests: interrupts must be on. */
bool edu_raise_wait(struct edu_device *edu, unsigned int timeout_ms);
/* The interrupt status register: raised values not yet acknowledged. */
u32 edu_irq_status(struct edu_device *edu);

#endif
