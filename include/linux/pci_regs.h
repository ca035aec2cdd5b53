/* SPDX-License-Identifier: MIT */
/*
 * PCI configuration space: the standard header every PCI function has in
 * the first 64 bytes of its 256-byte configuration space, as laid out by
 * the PCI Local Bus Specification 3.0, chapter 6 ("Configuration Space")
 * and the PCI-to-PCI Bridge Architecture Specification 1.2, chapter 3.
 * Header type 0 is an ordinary device, type 1 a PCI-to-PCI bridge.
 */
#ifndef _LINUX_PCI_REGS_H
#define _LINUX_PCI_REGS_H

/* --- common to all header types --- */
#define PCI_VENDOR_ID        0x00   /* 16 bits; 0xffff: no function here */
#define PCI_DEVICE_ID        0x02   /* 16 bits */
#define PCI_COMMAND          0x04   /* 16 bits: what the function may do */
#define PCI_STATUS           0x06   /* 16 bits */
#define PCI_REVISION_ID      0x08   /* 8 bits */
#define PCI_CLASS_PROG       0x09   /* 8 bits: programming interface */
#define PCI_CLASS_DEVICE     0x0a   /* 16 bits: base class << 8 | subclass */
#define PCI_CACHE_LINE_SIZE  0x0c   /* 8 bits, in dwords */
#define PCI_LATENCY_TIMER    0x0d   /* 8 bits */
#define PCI_HEADER_TYPE      0x0e   /* 8 bits: layout of 0x10..0x3f, see below */
#define PCI_BIST             0x0f   /* 8 bits: built-in self test */
#define PCI_BASE_ADDRESS_0   0x10   /* 32 bits each; 6 in type 0, 2 in type 1 */
#define PCI_BASE_ADDRESS_1   0x14
#define PCI_BASE_ADDRESS_2   0x18
#define PCI_BASE_ADDRESS_3   0x1c
#define PCI_BASE_ADDRESS_4   0x20
#define PCI_BASE_ADDRESS_5   0x24
#define PCI_CAPABILITY_LIST  0x34   /* 8 bits: first capability, if PCI_STATUS_CAP_LIST */
#define PCI_INTERRUPT_LINE   0x3c   /* 8 bits: IRQ the firmware routed INTx to; 0xff none */
#define PCI_INTERRUPT_PIN    0x3d   /* 8 bits: 0 none, 1..4 = INTA#..INTD# */

/* PCI_COMMAND bits */
#define PCI_COMMAND_IO            0x0001  /* respond to I/O space accesses */
#define PCI_COMMAND_MEMORY        0x0002  /* respond to memory space accesses */
#define PCI_COMMAND_MASTER        0x0004  /* may master the bus (DMA, MSI) */
#define PCI_COMMAND_SPECIAL       0x0008  /* special cycles */
#define PCI_COMMAND_INVALIDATE    0x0010  /* memory write and invalidate */
#define PCI_COMMAND_PARITY        0x0040  /* report parity errors */
#define PCI_COMMAND_SERR          0x0100  /* SERR# driver enable */
#define PCI_COMMAND_INTX_DISABLE  0x0400  /* do not assert INTx# (PCI 2.3) */

/* PCI_STATUS bits */
#define PCI_STATUS_INTERRUPT      0x0008  /* INTx# is being asserted (PCI 2.3) */
#define PCI_STATUS_CAP_LIST       0x0010  /* PCI_CAPABILITY_LIST is valid */

/* PCI_HEADER_TYPE */
#define PCI_HEADER_TYPE_MASK      0x7f
#define PCI_HEADER_TYPE_NORMAL    0x00    /* a device: 6 BARs */
#define PCI_HEADER_TYPE_BRIDGE    0x01    /* PCI-to-PCI bridge: 2 BARs, bus numbers */
#define PCI_HEADER_TYPE_CARDBUS   0x02
#define PCI_HEADER_TYPE_MFD       0x80    /* in function 0: functions 1..7 may exist */

/* Base address registers: bit 0 says which space the BAR decodes. */
#define PCI_BASE_ADDRESS_SPACE          0x01  /* 0 = memory, 1 = I/O */
#define PCI_BASE_ADDRESS_SPACE_IO       0x01
#define PCI_BASE_ADDRESS_SPACE_MEMORY   0x00
#define PCI_BASE_ADDRESS_MEM_TYPE_MASK  0x06  /* memory BARs: width */
#define PCI_BASE_ADDRESS_MEM_TYPE_32    0x00  /*   anywhere in 32-bit space */
#define PCI_BASE_ADDRESS_MEM_TYPE_64    0x04  /*   64-bit: the next BAR holds bits 63..32 */
#define PCI_BASE_ADDRESS_MEM_PREFETCH   0x08  /* reads have no side effects */
#define PCI_BASE_ADDRESS_MEM_MASK       (~0x0fUL)
#define PCI_BASE_ADDRESS_IO_MASK        (~0x03UL)

/* --- header type 0 (devices) --- */
#define PCI_SUBSYSTEM_VENDOR_ID  0x2c   /* 16 bits */
#define PCI_SUBSYSTEM_ID         0x2e   /* 16 bits */
#define PCI_ROM_ADDRESS          0x30   /* 32 bits: expansion ROM */
#define PCI_MIN_GNT              0x3e   /* 8 bits */
#define PCI_MAX_LAT              0x3f   /* 8 bits */

/* --- header type 1 (PCI-to-PCI bridges) --- */
#define PCI_PRIMARY_BUS          0x18   /* 8 bits: the bus the bridge sits on */
#define PCI_SECONDARY_BUS        0x19   /* 8 bits: the bus right behind it */
#define PCI_SUBORDINATE_BUS      0x1a   /* 8 bits: highest bus number behind it */
#define PCI_SEC_LATENCY_TIMER    0x1b   /* 8 bits */
#define PCI_IO_BASE              0x1c   /* 8 bits */
#define PCI_IO_LIMIT             0x1d   /* 8 bits */
#define PCI_SEC_STATUS           0x1e   /* 16 bits */
#define PCI_MEMORY_BASE          0x20   /* 16 bits */
#define PCI_MEMORY_LIMIT         0x22   /* 16 bits */
#define PCI_PREF_MEMORY_BASE     0x24   /* 16 bits */
#define PCI_PREF_MEMORY_LIMIT    0x26   /* 16 bits */
#define PCI_BRIDGE_CONTROL       0x3e   /* 16 bits */

/* Capability list entries: ID byte, next-pointer byte. */
#define PCI_CAP_LIST_ID          0
#define PCI_CAP_LIST_NEXT        1
#define PCI_CAP_ID_MSI           0x05

/*
 * The MSI capability (PCI Local Bus Specification 3.0, 6.8.1). Its
 * layout depends on Message Control: with 64-bit addresses the data,
 * mask and pending registers sit 4 bytes further on.
 */
#define PCI_MSI_FLAGS            2      /* 16 bits: Message Control */
#define  PCI_MSI_FLAGS_ENABLE    0x0001 /* MSI on (and INTx# no longer used) */
#define  PCI_MSI_FLAGS_QMASK     0x000e /* Multiple Message Capable: log2 vectors */
#define  PCI_MSI_FLAGS_QSIZE     0x0070 /* Multiple Message Enable: log2 vectors */
#define  PCI_MSI_FLAGS_64BIT     0x0080 /* 64-bit message address capable */
#define  PCI_MSI_FLAGS_MASKBIT   0x0100 /* per-vector masking capable */
#define PCI_MSI_ADDRESS_LO       4      /* 32 bits: message address, low */
#define PCI_MSI_ADDRESS_HI       8      /* 32 bits: high half (64-bit only) */
#define PCI_MSI_DATA_32          8      /* 16 bits: message data, 32-bit layout */
#define PCI_MSI_MASK_32          12     /* 32 bits: mask bits, 32-bit layout */
#define PCI_MSI_PENDING_32       16     /* 32 bits: pending bits, 32-bit layout */
#define PCI_MSI_DATA_64          12     /* 16 bits: message data, 64-bit layout */
#define PCI_MSI_MASK_64          16     /* 32 bits: mask bits, 64-bit layout */
#define PCI_MSI_PENDING_64       20     /* 32 bits: pending bits, 64-bit layout */

#endif
