/* SPDX-License-Identifier: MIT */
/*
 * The x86 MSI message format (Intel SDM Vol. 3A, 11.11 "Message
 * Signalled Interrupts"): a write to 0xfee00000 | destination APIC ID
 * << 12 with the vector in the low byte of the data. irqos uses physical
 * destination mode, fixed delivery and edge trigger, so every other bit
 * is 0. Without interrupt remapping the destination field has 8 bits.
 */
#ifndef _ASM_X86_MSIDEF_H
#define _ASM_X86_MSIDEF_H

#define MSI_ADDR_BASE_LO          0xfee00000u  /* the local APICs' window */
#define MSI_ADDR_BASE_HI          0
#define MSI_ADDR_DEST_ID_SHIFT    12           /* bits 19:12: APIC ID */
#define MSI_ADDR_DEST_ID_MASK     0x000ff000u
#define MSI_ADDR_DEST_ID(id)      (((id) << MSI_ADDR_DEST_ID_SHIFT) & MSI_ADDR_DEST_ID_MASK)
#define MSI_ADDR_REDIRECTION_LOWPRI (1u << 3)  /* RH: lowest priority (unused) */
#define MSI_ADDR_DEST_MODE_LOGICAL  (1u << 2)  /* DM: logical (unused: physical) */

#define MSI_DATA_VECTOR_MASK      0x000000ffu  /* bits 7:0 */
#define MSI_DATA_VECTOR(v)        ((v) & MSI_DATA_VECTOR_MASK)
#define MSI_DATA_DELIVERY_FIXED   (0u << 8)    /* bits 10:8: fixed */
#define MSI_DATA_LEVEL_ASSERT     (1u << 14)   /* only meaningful for level */
#define MSI_DATA_TRIGGER_LEVEL    (1u << 15)   /* 0: edge */

#define MSI_MAX_DEST_APICID       0xff

#endif /* _ASM_X86_MSIDEF_H */
