/* SPDX-License-Identifier: MIT */
/*
 * Intel 8254x ("e1000") registers and descriptors, as used for the 82540EM
 * that QEMU emulates (-device e1000, PCI 8086:100e). Offsets and bit
 * meanings are those of Intel's "PCI/PCI-X Family of Gigabit Ethernet
 * Controllers Software Developer's Manual" (8254x SDM), section 13.
 *
 * The 82574L (-device e1000e, PCI 8086:10d3; Intel's "82574 GbE Controller
 * Family" datasheet, chapter 10) keeps every one of these registers at the
 * same offset with the same meaning for what this driver uses; the few it
 * adds or lays out differently are marked "82574".
 */
#ifndef _E1000_HW_H
#define _E1000_HW_H

#include <linux/types.h>

#define E1000_DEV_ID_82540EM 0x100E
#define E1000_DEV_ID_82574L  0x10D3

/* General */
#define E1000_CTRL    0x0000   /* device control */
#define E1000_STATUS  0x0008   /* device status (RO) */
#define E1000_EERD    0x0014   /* EEPROM read */
#define E1000_CTRL_EXT 0x0018  /* extended device control */
#define E1000_ICR     0x00C0   /* interrupt cause read (clears on read) */
#define E1000_ITR     0x00C4   /* interrupt throttling, units of 256 ns */
#define E1000_ICS     0x00C8   /* interrupt cause set */
#define E1000_IMS     0x00D0   /* interrupt mask set (reads back the mask) */
#define E1000_IMC     0x00D8   /* interrupt mask clear */
#define E1000_IAM     0x00E0   /* 82574: causes an ICR read masks (CTRL_EXT.IAME) */
/* Receive */
#define E1000_RCTL    0x0100
#define E1000_RDBAL   0x2800
#define E1000_RDBAH   0x2804
#define E1000_RDLEN   0x2808
#define E1000_RDH     0x2810
#define E1000_RDT     0x2818
#define E1000_RDTR    0x2820   /* receive delay timer */
#define E1000_RADV    0x282C   /* receive absolute delay */
/* Transmit */
#define E1000_TCTL    0x0400
#define E1000_TIPG    0x0410
#define E1000_TDBAL   0x3800
#define E1000_TDBAH   0x3804
#define E1000_TDLEN   0x3808
#define E1000_TDH     0x3810
#define E1000_TDT     0x3818
#define E1000_TIDV    0x3820
/* Filters */
#define E1000_MTA     0x5200   /* multicast table, 128 dwords */
#define E1000_RFCTL   0x5008   /* 82574: receive filter control */
#define E1000_RAL0    0x5400
#define E1000_RAH0    0x5404
/* Statistics (clear on read) */
#define E1000_CRCERRS 0x4000
#define E1000_MPC     0x4010   /* missed packets: no room in the FIFO / ring */
#define E1000_RNBC    0x40A0   /* receive no buffers */

#define E1000_CTRL_FD   (1u << 0)
#define E1000_CTRL_ASDE (1u << 5)
#define E1000_CTRL_SLU  (1u << 6)    /* set link up */
#define E1000_CTRL_RST  (1u << 26)   /* device reset, self-clearing */

#define E1000_STATUS_FD         (1u << 0)
#define E1000_STATUS_LU         (1u << 1)
#define E1000_STATUS_SPEED_MASK (3u << 6)
#define E1000_STATUS_SPEED_100  (1u << 6)

/* EERD: 8254x layout; the data is in bits 31:16 on both */
#define E1000_EERD_START      (1u << 0)
#define E1000_EERD_DONE       (1u << 4)
#define E1000_EERD_ADDR_SHIFT 8
#define E1000_EERD_DATA_SHIFT 16
/* EERD: 82574 layout - the word address moved down to bits 15:2 */
#define E1000_EERD_82574_START      (1u << 0)
#define E1000_EERD_82574_DONE       (1u << 1)
#define E1000_EERD_82574_ADDR_SHIFT 2

#define E1000_CTRL_EXT_IAME (1u << 27)  /* 82574: an ICR read also clears IAM from IMS */
#define E1000_RFCTL_EXTEN   (1u << 15)  /* 82574: extended receive descriptors */

/* Interrupt causes (ICR, ICS, IMS, IMC) */
#define E1000_ICR_TXDW   (1u << 0)   /* a descriptor with RS was written back */
#define E1000_ICR_TXQE   (1u << 1)
#define E1000_ICR_LSC    (1u << 2)   /* link status change */
#define E1000_ICR_RXSEQ  (1u << 3)
#define E1000_ICR_RXDMT0 (1u << 4)   /* free receive descriptors below threshold */
#define E1000_ICR_RXO    (1u << 6)   /* receive overrun */
#define E1000_ICR_RXT0   (1u << 7)   /* receive timer: frames written back */
#define E1000_ICR_INT_ASSERTED (1u << 31) /* 82574: the device is interrupting */

#define E1000_RCTL_EN     (1u << 1)
#define E1000_RCTL_SBP    (1u << 2)
#define E1000_RCTL_UPE    (1u << 3)
#define E1000_RCTL_MPE    (1u << 4)
#define E1000_RCTL_RDMTS_HALF (0u << 8)
#define E1000_RCTL_BAM    (1u << 15)  /* accept broadcast */
#define E1000_RCTL_SZ_2048 (0u << 16)
#define E1000_RCTL_SECRC  (1u << 26)  /* strip the Ethernet CRC */

#define E1000_TCTL_EN     (1u << 1)
#define E1000_TCTL_PSP    (1u << 3)   /* pad short packets */
#define E1000_TCTL_CT_SHIFT   4
#define E1000_TCTL_COLD_SHIFT 12
#define E1000_TCTL_RTLC   (1u << 24)

/* IEEE 802.3 inter-packet gap for the 82540EM on copper */
#define E1000_TIPG_DEFAULT (10u | (8u << 10) | (6u << 20))

#define E1000_RAH_AV      (1u << 31)  /* address valid */

/* Legacy receive descriptor, written back by the device. */
struct e1000_rx_desc {
	u64 buffer_addr;
	u16 length;
	u16 csum;
	u8 status;
	u8 errors;
	u16 special;
} __attribute__((packed));

#define E1000_RXD_STAT_DD  0x01   /* descriptor done */
#define E1000_RXD_STAT_EOP 0x02   /* end of packet */
#define E1000_RXD_ERR_CE   0x01   /* CRC or alignment error */
#define E1000_RXD_ERR_SE   0x02   /* symbol error */
#define E1000_RXD_ERR_SEQ  0x04   /* sequence error */
#define E1000_RXD_ERR_CXE  0x10   /* carrier extension error */
#define E1000_RXD_ERR_RXE  0x80   /* receive data error */
#define E1000_RXD_ERR_FRAME (E1000_RXD_ERR_CE | E1000_RXD_ERR_SE | E1000_RXD_ERR_SEQ | \
			     E1000_RXD_ERR_CXE | E1000_RXD_ERR_RXE)

/* Legacy transmit descriptor. */
struct e1000_tx_desc {
	u64 buffer_addr;
	u16 length;
	u8 cso;
	u8 cmd;
	u8 status;
	u8 css;
	u16 special;
} __attribute__((packed));

#define E1000_TXD_CMD_EOP  0x01   /* end of packet */
#define E1000_TXD_CMD_IFCS 0x02   /* insert the FCS */
#define E1000_TXD_CMD_RS   0x08   /* report status (sets DD) */
#define E1000_TXD_STAT_DD  0x01

#endif
