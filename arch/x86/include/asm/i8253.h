/* SPDX-License-Identifier: MIT */
/*
 * The 8253/8254 programmable interval timer (PIT) of the PC: three 16-bit
 * down-counters clocked at 1.193182 MHz (the 14.31818 MHz crystal / 12).
 *
 *   channel 0  OUT0 drives ISA IRQ 0: the periodic tick (arch/x86/kernel/i8253.c)
 *   channel 1  historically DRAM refresh; not used
 *   channel 2  gated by port 0x61 bit 0, OUT2 readable at port 0x61 bit 5:
 *              TSC calibration (arch/x86/kernel/tsc.c)
 *
 * Intel 8254 datasheet (order no. 231164): "Control Word Format" and
 * "Mode Definitions". Both channels are programmed through the one
 * write-only mode/command port 0x43, so code touching the PIT after boot
 * holds i8253_lock.
 */
#ifndef _ASM_X86_I8253_H
#define _ASM_X86_I8253_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/jiffies.h>

#define PIT_TICK_RATE  1193182UL     /* Hz, input clock of every channel */

/* I/O ports. */
#define PIT_CH0        0x40          /* channel 0 counter (IRQ 0) */
#define PIT_CH1        0x41          /* channel 1 counter */
#define PIT_CH2        0x42          /* channel 2 counter (speaker, TSC calibration) */
#define PIT_MODE       0x43          /* mode/command register, write only */

/* Control word written to PIT_MODE. */
#define PIT_SEL_CH0    0x00          /* bits 7-6: which channel */
#define PIT_SEL_CH1    0x40
#define PIT_SEL_CH2    0x80
#define PIT_SEL_READBACK 0xc0        /* 8254 only: read-back command */
#define PIT_RW_LATCH   0x00          /* bits 5-4: latch the count for reading */
#define PIT_RW_LO      0x10          /*   low byte only */
#define PIT_RW_HI      0x20          /*   high byte only */
#define PIT_RW_LOHI    0x30          /*   low byte, then high byte */
#define PIT_MODE0      0x00          /* bits 3-1: interrupt on terminal count */
#define PIT_MODE1      0x02          /*   hardware retriggerable one-shot */
#define PIT_MODE2      0x04          /*   rate generator: OUT low for 1 clock every N */
#define PIT_MODE3      0x06          /*   square wave: OUT high N/2, low N/2 */
#define PIT_MODE4      0x08          /*   software triggered strobe */
#define PIT_MODE5      0x0a          /*   hardware triggered strobe */
#define PIT_BCD        0x01          /* bit 0: count in BCD (we never do) */

/* Counter value for HZ interrupts per second, rounded to nearest. */
#define PIT_LATCH      ((PIT_TICK_RATE + HZ / 2) / HZ)

/* Serialises every access to ports 0x40-0x43 after boot. */
extern spinlock_t i8253_lock;

void setup_pit_timer(void);
void pit_timer_shutdown(void);
u16 pit_read_count(void);

#endif /* _ASM_X86_I8253_H */
