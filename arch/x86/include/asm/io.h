/* SPDX-License-Identifier: MIT */
/*
 * x86 device access: I/O ports (in/out) and memory-mapped registers
 * (ioremap() + read/write{b,w,l,q}).
 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>

static inline void outb(u8 v, u16 port)  { __asm__ __volatile__("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outw(u16 v, u16 port) { __asm__ __volatile__("outw %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outl(u32 v, u16 port) { __asm__ __volatile__("outl %0, %1" :: "a"(v), "Nd"(port)); }
static inline u8 inb(u16 port)  { u8 v;  __asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u16 inw(u16 port) { u16 v; __asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u32 inl(u16 port) { u32 v; __asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }

/* A write to the unused port 0x80 takes about a microsecond on PC chipsets. */
static inline void io_delay(void) { outb(0, 0x80); }

/*
 * Memory-mapped I/O. ioremap() maps a device's physical register window
 * (a PCI BAR, the local APIC page, ...) uncached into the vmalloc area
 * (arch/x86/mm/ioremap.c); the accessors below then read and write it.
 * Each accessor is exactly one mov of the given width, marked volatile so
 * the compiler neither merges, splits, reorders nor drops it, and with a
 * "memory" clobber so normal loads and stores are not moved across it
 * either (a driver that fills a buffer and then writes a doorbell relies
 * on that). Uncached (UC) memory is strongly ordered on x86, so no fence
 * instruction is needed between the CPU's own accesses.
 *
 * Linux marks these pointers __iomem for the sparse checker; irqos has no
 * sparse and uses plain void *.
 */
void *ioremap(phys_addr_t phys_addr, size_t size);
void iounmap(volatile void *addr);

#define __build_mmio_read(name, type, sfx, reg)					\
static inline type name(const volatile void *addr)				\
{										\
	type v;									\
	__asm__ __volatile__("mov" sfx " %1, %0"				\
			     : reg(v) : "m"(*(const volatile type *)addr) : "memory"); \
	return v;								\
}
#define __build_mmio_write(name, type, sfx, reg)				\
static inline void name(type v, volatile void *addr)				\
{										\
	__asm__ __volatile__("mov" sfx " %1, %0"				\
			     : "=m"(*(volatile type *)addr) : reg(v) : "memory"); \
}

__build_mmio_read(readb, u8, "b", "=q")
__build_mmio_read(readw, u16, "w", "=r")
__build_mmio_read(readl, u32, "l", "=r")
__build_mmio_read(readq, u64, "q", "=r")
__build_mmio_write(writeb, u8, "b", "q")
__build_mmio_write(writew, u16, "w", "r")
__build_mmio_write(writel, u32, "l", "r")
__build_mmio_write(writeq, u64, "q", "r")

#endif
