/* SPDX-License-Identifier: MIT */
/*
 * The x86 vector space (256 IDT entries), laid out as Linux does:
 *
 *   0x00-0x1f  CPU exceptions
 *   0x20-0x2f  the 16 ISA IRQs of the 8259 pair (master 0x20, slave 0x28)
 *   0x30-0xeb  device interrupts (I/O APIC, MSI; from the APIC issue on)
 *   0x80       IA32_SYSCALL_VECTOR, the "int $0x80" gate (kept free)
 *   0xec-0xff  system vectors: local timer, IPIs, spurious, error
 */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

#define NR_VECTORS             256
#define FIRST_EXTERNAL_VECTOR  0x20
#define IA32_SYSCALL_VECTOR    0x80
#define ISA_IRQ_VECTOR(irq)    (FIRST_EXTERNAL_VECTOR + (irq))
#define NR_LEGACY_IRQS         16

/* System vectors (Linux's numbers), highest priority class first. */
#define SPURIOUS_APIC_VECTOR        0xff
#define ERROR_APIC_VECTOR           0xfe
#define RESCHEDULE_VECTOR           0xfd
#define CALL_FUNCTION_VECTOR        0xfc
#define CALL_FUNCTION_SINGLE_VECTOR 0xfb
#define THERMAL_APIC_VECTOR         0xfa
#define THRESHOLD_APIC_VECTOR       0xf9
#define REBOOT_VECTOR               0xf8
#define IRQ_WORK_VECTOR             0xf6
#define LOCAL_TIMER_VECTOR          0xec
#define FIRST_SYSTEM_VECTOR         LOCAL_TIMER_VECTOR
/* Device vectors are allocated from here up to FIRST_SYSTEM_VECTOR - 1,
 * skipping IA32_SYSCALL_VECTOR (arch/x86/kernel/apic/vector.c). */
#define FIRST_DEVICE_VECTOR         0x30

#endif
