/* SPDX-License-Identifier: MIT */
/*
 * The CMOS RTC driver (drivers/rtc/rtc.c): the time of day, and periodic
 * interrupts on IRQ 8 at 2-8192 Hz.
 */
#ifndef _LINUX_RTC_H
#define _LINUX_RTC_H

#include <linux/types.h>

struct rtc_time {
	int tm_sec;     /* 0-59 */
	int tm_min;     /* 0-59 */
	int tm_hour;    /* 0-23 */
	int tm_mday;    /* 1-31 */
	int tm_mon;     /* 0-11, as struct tm */
	int tm_year;    /* years since 1900, as struct tm */
	int tm_wday;    /* 0-6, 0 = Sunday */
};

#define RTC_FREQ_MIN    2
#define RTC_FREQ_MAX    8192

/*
 * The word rtc_read_wait() returns, as read() on Linux's /dev/rtc: the
 * number of interrupts since the previous read counted in units of
 * RTC_IRQ_DATA_ONE, the register C flags of the latest in the low byte.
 */
#define RTC_IRQ_DATA_ONE    0x100UL
#define RTC_IRQ_DATA_FLAGS  0xffUL

/**
 * struct rtc_stats - what the RTC's interrupt handler counted
 * @irqs:      rtc_interrupt() calls that found a flag set (IRQ_HANDLED)
 * @periodic:  of those, with the periodic flag (PF)
 * @alarm:     ... the alarm flag (AF)
 * @update:    ... the update-ended flag (UF)
 * @none:      calls that found register C clear (IRQ_NONE: not ours)
 */
struct rtc_stats {
	unsigned long irqs;
	unsigned long periodic;
	unsigned long alarm;
	unsigned long update;
	unsigned long none;
};
extern struct rtc_stats rtc_stats;

int rtc_read_time(struct rtc_time *tm);
int rtc_irq_set_freq(unsigned int freq);
unsigned int rtc_irq_get_freq(void);
void rtc_irq_set_state(bool enabled);
bool rtc_irq_get_state(void);
unsigned long rtc_irq_count(void);
int rtc_read_wait(unsigned long *data, long timeout);
int rtc_wait_irq(unsigned long seen, unsigned int timeout_ms, unsigned long *now);

#endif /* _LINUX_RTC_H */
