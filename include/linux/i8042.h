/* SPDX-License-Identifier: MIT */
/*
 * The i8042 keyboard controller of PCs (drivers/input/serio/i8042.c):
 * ports, status bits, commands and command-byte bits. IBM "Personal
 * Computer AT Technical Reference", keyboard controller section, and the
 * PS/2 "Keyboard/Auxiliary Device Controller" documentation.
 */
#ifndef _LINUX_I8042_H
#define _LINUX_I8042_H

#define I8042_DATA_REG      0x60   /* read: output buffer; write: input buffer (data) */
#define I8042_STATUS_REG    0x64   /* read: status */
#define I8042_COMMAND_REG   0x64   /* write: controller command */
#define I8042_KBD_IRQ       1      /* output buffer full with keyboard data */
#define I8042_AUX_IRQ       12     /* ... with mouse (auxiliary port) data */

/* Status register. */
#define I8042_STR_OBF       0x01   /* output buffer full: a byte for us at 0x60 */
#define I8042_STR_IBF       0x02   /* input buffer full: controller busy */
#define I8042_STR_SYSFLAG   0x04   /* self test passed since power-on */
#define I8042_STR_CMDDAT    0x08   /* last write was a command (0x64) */
#define I8042_STR_KEYLOCK   0x10   /* 1: keyboard not inhibited by the key lock */
#define I8042_STR_AUXDATA   0x20   /* the byte in the output buffer is the mouse's */
#define I8042_STR_TIMEOUT   0x40   /* the device did not answer in time */
#define I8042_STR_PARITY    0x80   /* parity error in the byte received */

/* Controller commands (written to 0x64). */
#define I8042_CMD_CTL_RCTR  0x20   /* read the command byte: answer at 0x60 */
#define I8042_CMD_CTL_WCTR  0x60   /* write the command byte: next byte at 0x60 */
#define I8042_CMD_AUX_DISABLE 0xa7 /* stop the mouse port's clock */
#define I8042_CMD_AUX_ENABLE  0xa8
#define I8042_CMD_KBD_DISABLE 0xad /* stop the keyboard port's clock */
#define I8042_CMD_KBD_ENABLE  0xae

/* The command byte ("CTR"). */
#define I8042_CTR_KBDINT    0x01   /* interrupt (IRQ 1) when keyboard data arrives */
#define I8042_CTR_AUXINT    0x02   /* interrupt (IRQ 12) for mouse data */
#define I8042_CTR_SYSFLAG   0x04   /* mirrors STR_SYSFLAG */
#define I8042_CTR_IGNKEYLOCK 0x08  /* ignore the key lock */
#define I8042_CTR_KBDDIS    0x10   /* keyboard port disabled */
#define I8042_CTR_AUXDIS    0x20   /* mouse port disabled */
#define I8042_CTR_XLATE     0x40   /* translate scancode set 2 to set 1 */

/**
 * struct i8042_stats - what the i8042 interrupt handler counted
 * @irqs:        interrupts that delivered a byte
 * @spurious:    interrupts whose status said the output buffer was empty
 * @aux_dropped: mouse bytes (no mouse driver: dropped, but counted)
 */
struct i8042_stats {
	unsigned long irqs;
	unsigned long spurious;
	unsigned long aux_dropped;
};
extern struct i8042_stats i8042_stats;

#endif /* _LINUX_I8042_H */
