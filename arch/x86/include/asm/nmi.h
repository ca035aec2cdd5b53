/* SPDX-License-Identifier: MIT */
/*
 * NMI handler chains (arch/x86/kernel/nmi.c), as Linux's.
 *
 * An NMI says nothing about its source, so exc_nmi() asks around: first
 * every NMI_LOCAL handler (sources of this CPU: NMI IPIs such as the
 * backtrace request, perf counters), then the chipset's reason port
 * (SERR/IOCHK), then the NMI_UNKNOWN handlers, and only then reports
 * "Uhhuh. NMI received for unknown reason". A handler returns the number
 * of events it handled (NMI_HANDLED), or NMI_DONE if the NMI was not its.
 *
 * Handlers run in NMI context: interrupts and further NMIs blocked, on the
 * NMI IST stack, with in_nmi() true. They may be entered while this CPU is
 * anywhere - holding any lock - so they take no lock another context of
 * the same CPU could hold, and they must not WARN (a trap's iretq would
 * unblock NMIs on the NMI stack).
 */
#ifndef _ASM_X86_NMI_H
#define _ASM_X86_NMI_H

#include <linux/types.h>
#include <asm/ptrace.h>

enum {
	NMI_LOCAL = 0,
	NMI_UNKNOWN,
	NMI_MAX
};

#define NMI_DONE    0
#define NMI_HANDLED 1

typedef int (*nmi_handler_t)(unsigned int type, struct pt_regs *regs);

/**
 * struct nmiaction - one handler on an NMI chain
 * @next:    the chain (written under a lock, read locklessly by NMIs)
 * @handler: returns NMI_HANDLED or NMI_DONE
 * @flags:   reserved (Linux: NMI_FLAG_FIRST)
 * @name:    for unregister_nmi_handler() and messages
 */
struct nmiaction {
	struct nmiaction *next;
	nmi_handler_t handler;
	unsigned long flags;
	const char *name;
};

int __register_nmi_handler(unsigned int type, struct nmiaction *action);
/* Removes the handler called @name; returns once no NMI can be in it. */
void unregister_nmi_handler(unsigned int type, const char *name);

/* register_nmi_handler(NMI_LOCAL, fn, 0, "name") - a static nmiaction. */
#define register_nmi_handler(t, fn, fg, n) ({				\
	static struct nmiaction __nmi_action = {			\
		.handler = (fn), .flags = (fg), .name = (n),		\
	};								\
	__register_nmi_handler((t), &__nmi_action);			\
})

/* NMIs @cpu saw that no handler claimed. */
unsigned long nmi_unknown_count(unsigned int cpu);
/* NMIs @cpu has finished handling, reports included. */
unsigned long nmi_done_count(unsigned int cpu);

#endif
