/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <asm/percpu.h>

#define smp_processor_id() this_cpu_read(cpu_number)
extern unsigned int nr_cpu_ids;

#endif
