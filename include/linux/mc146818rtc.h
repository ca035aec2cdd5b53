/* SPDX-License-Identifier: MIT */
/*
 * The PC's CMOS real-time clock, a Motorola MC146818 (or a compatible
 * block inside the chipset): a clock/calendar, a periodic interrupt on
 * ISA IRQ 8, and battery-backed RAM, reached through an index port and a
 * data port. Motorola MC146818A datasheet, "Register Address Map" and the
 * descriptions of registers A-D.
 */
#ifndef _LINUX_MC146818RTC_H
#define _LINUX_MC146818RTC_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <asm/io.h>

#define RTC_PORT_INDEX   0x70   /* write: register index; bit 7 masks NMI */
#define RTC_PORT_DATA    0x71   /* read/write: the indexed register */
#define RTC_NMI_DISABLE  0x80   /* index bit 7: 1 = NMI masked at the chipset */
#define RTC_IRQ          8      /* ISA IRQ of the RTC's interrupt output */

/* Clock and calendar registers (BCD or binary, see RTC_DM_BINARY). */
#define RTC_SECONDS      0x00
#define RTC_SECONDS_ALARM 0x01
#define RTC_MINUTES      0x02
#define RTC_MINUTES_ALARM 0x03
#define RTC_HOURS        0x04   /* 12-hour mode: bit 7 = PM */
#define RTC_HOURS_ALARM  0x05
#define RTC_DAY_OF_WEEK  0x06   /* 1 = Sunday */
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH        0x08
#define RTC_YEAR         0x09   /* 00-99 */
#define RTC_CENTURY      0x32   /* PC convention (ACPI FADT "century"), not the chip's */

#define RTC_REG_A        0x0a
#define RTC_UIP          0x80   /* update in progress: time registers unstable */
#define RTC_DIV_CTL      0x70   /* divider select, bits 6-4 */
#define RTC_REF_CLCK_32KHZ 0x20 /*   010: 32.768 kHz time base, the only one on PCs */
#define RTC_RATE_SELECT  0x0f   /* periodic rate: 32768 >> (RS - 1) Hz for RS >= 3 */

#define RTC_REG_B        0x0b
#define RTC_SET          0x80   /* stop updates while the time is set */
#define RTC_PIE          0x40   /* periodic interrupt enable */
#define RTC_AIE          0x20   /* alarm interrupt enable */
#define RTC_UIE          0x10   /* update-ended interrupt enable */
#define RTC_SQWE         0x08   /* square-wave output enable */
#define RTC_DM_BINARY    0x04   /* 1: binary, 0: BCD */
#define RTC_24H          0x02   /* 1: 24-hour, 0: 12-hour */
#define RTC_DST_EN       0x01   /* daylight saving (obsolete US rules) */

#define RTC_REG_C        0x0c   /* read only; reading clears it and the IRQ */
#define RTC_IRQF         0x80   /* some enabled flag is set: IRQ asserted */
#define RTC_PF           0x40   /* periodic interrupt flag (set even if !PIE) */
#define RTC_AF           0x20   /* alarm flag */
#define RTC_UF           0x10   /* update-ended flag */

#define RTC_REG_D        0x0d   /* read only */
#define RTC_VRT          0x80   /* valid RAM and time: the battery is good */

/*
 * The index port is write-only and every access is an index write
 * followed by a data access: both must happen without anyone else
 * (another CPU, an interrupt handler on this one) touching port 0x70 in
 * between. Hold rtc_lock with interrupts off around CMOS_READ/CMOS_WRITE.
 */
extern spinlock_t rtc_lock;

static inline u8 CMOS_READ(u8 reg)
{
	/* NMI stays enabled: bit 7 of the index is always written as 0. */
	outb(reg & ~RTC_NMI_DISABLE, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static inline void CMOS_WRITE(u8 val, u8 reg)
{
	outb(reg & ~RTC_NMI_DISABLE, RTC_PORT_INDEX);
	outb(val, RTC_PORT_DATA);
}

#endif /* _LINUX_MC146818RTC_H */
