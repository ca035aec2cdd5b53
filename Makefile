# SPDX-License-Identifier: MIT
#
# irqos top-level Makefile.
#
#   make            build build/irqos (the kernel ELF, bootable by QEMU -kernel via PVH)
#   make run        boot it in QEMU with the shell on this terminal (Ctrl-A X quits),
#                   with an e1000 the host can ping when it can (NET=auto|tap|user|none;
#                   tools/irqos-run says which and what to type on the host)
#   make test       host unit tests, in-kernel KUnit suites and scenario tests, via prove
#   make iso        build/irqos.iso, a GRUB rescue image (BIOS) for -cdrom or a USB stick
#   make debug      QEMU stopped at the first instruction, gdb attached with symbols
#
# The kernel is built kbuild-style: every directory in KDIRS has a Makefile
# that appends its objects to obj-y.

BUILD    ?= build
CC       := gcc
LD       := ld
NM       := nm
OBJCOPY  := objcopy
HOSTCC   ?= gcc
QEMU     ?= qemu-system-x86_64
SMP      ?= 1
MEM      ?= 256M
APPEND   ?=
HZ       ?= 250

KDIRS := arch/x86/boot arch/x86/entry arch/x86/kernel arch/x86/kernel/cpu arch/x86/kernel/acpi \
         arch/x86/kernel/apic arch/x86/mm arch/x86/pci arch/x86/realmode/rm \
         init kernel kernel/irq kernel/printk kernel/debug kernel/time kernel/sched lib lib/kunit mm \
         drivers/tty drivers/tty/serial/8250 drivers/video/console drivers/acpi \
         drivers/pci drivers/misc drivers/misc/lkdtm \
         drivers/rtc drivers/input/serio drivers/input/keyboard fs fs/proc
KDIRS += kernel/locking
KDIRS += net/core net/ethernet drivers/net drivers/net/ethernet/intel/e1000
KDIRS += net net/ipv4 net/sched

KCFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -fno-pic -fno-pie \
           -mcmodel=kernel -mno-red-zone -mpreferred-stack-boundary=3 -mgeneral-regs-only -mno-mmx \
           -mno-sse -mno-sse2 -mno-avx -msoft-float \
           -fno-stack-protector -fno-omit-frame-pointer \
           -mno-omit-leaf-frame-pointer -fno-optimize-sibling-calls -fno-shrink-wrap \
           -fno-asynchronous-unwind-tables -fno-unwind-tables \
           -fno-common -fno-strict-aliasing -fno-delete-null-pointer-checks \
           -fcf-protection=none -fno-jump-tables \
           -Wall -Wextra -Werror -Wno-unused-parameter \
           -Iinclude -Iarch/x86/include -DHZ=$(HZ) -MMD -MP
# -Wno-unused-parameter: callback signatures (console, setup handlers) are
# fixed by their tables and many implementations ignore some arguments.
KAFLAGS := -D__ASSEMBLY__ -Iinclude -Iarch/x86/include -g -MMD -MP
KLDFLAGS := -nostdlib -static -no-pie -z max-page-size=0x1000 \
            -z noexecstack --build-id=none -T arch/x86/kernel/vmlinux.lds

KOBJS :=
define add_kdir
obj-y :=
include $(1)/Makefile
KOBJS += $$(addprefix $(BUILD)/$(1)/,$$(obj-y))
endef
$(foreach d,$(KDIRS),$(eval $(call add_kdir,$(d))))

.PHONY: all run test iso debug clean deps host-tests kernel
all: kernel
kernel: $(BUILD)/irqos

# V=1 shows the full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

# Any change to this Makefile (flags) rebuilds everything.
$(KOBJS): Makefile

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(KAFLAGS) -c $< -o $@

# --- kallsyms: link once without a symbol table, generate it from the
# result, link again. The table lives in its own segment after .bss, so its
# size does not move any other symbol; the final check proves that.
$(BUILD)/scripts/kallsyms: scripts/kallsyms.c
	@mkdir -p $(dir $@)
	$(HOSTCC) -O2 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/kallsyms0.S: $(BUILD)/scripts/kallsyms
	@mkdir -p $(dir $@)
	$(BUILD)/scripts/kallsyms < /dev/null > $@

$(BUILD)/.tmp_vmlinux1: $(KOBJS) $(BUILD)/kallsyms0.o arch/x86/kernel/vmlinux.lds
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(BUILD)/kallsyms0.o

$(BUILD)/kallsyms1.S: $(BUILD)/.tmp_vmlinux1 $(BUILD)/scripts/kallsyms
	$(Q)$(NM) -n $< | $(BUILD)/scripts/kallsyms > $@

$(BUILD)/irqos: $(KOBJS) $(BUILD)/kallsyms1.o arch/x86/kernel/vmlinux.lds
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@.tmp $(KOBJS) $(BUILD)/kallsyms1.o
	$(Q)$(NM) -n $@.tmp | $(BUILD)/scripts/kallsyms > $(BUILD)/kallsyms2.S
	@cmp -s $(BUILD)/kallsyms1.S $(BUILD)/kallsyms2.S || \
		{ echo "kallsyms: symbol addresses moved between link passes" >&2; exit 1; }
	$(Q)mv $@.tmp $@

# --- GRUB rescue ISO (BIOS boot; Multiboot2).
$(BUILD)/irqos.iso: $(BUILD)/irqos tools/grub.cfg
	@mkdir -p $(BUILD)/iso/boot/grub
	cp $(BUILD)/irqos $(BUILD)/iso/boot/irqos
	cp tools/grub.cfg $(BUILD)/iso/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(BUILD)/iso 2> $(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log >&2; exit 1; }
iso: deps $(BUILD)/irqos.iso

# --- host unit tests: portable kernel code built for the host with
# ASan/UBSan; each tests/host/test_X.c has a test_X.mk naming its sources.
HOSTCFLAGS := -std=gnu11 -g -O1 -fsanitize=address,undefined \
              -fno-sanitize-recover=all -fno-omit-frame-pointer \
              -Wall -Wextra -Werror -Wno-unused-parameter -D__HOST_TEST__ \
              -Itests/host/include -Iinclude
HOSTTESTS :=
include $(wildcard tests/host/*.mk)
HOSTTEST_BINS := $(addprefix $(BUILD)/tests/host/,$(HOSTTESTS))

$(BUILD)/tests/host/%: tests/host/%.c $(wildcard tests/host/include/*.h tests/host/include/*/*.h) FORCE_HOSTDEPS
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -include tests/host/include/host_rename.h \
		-o $@ $< $(SRCS_$*)
.PHONY: FORCE_HOSTDEPS
FORCE_HOSTDEPS:

host-tests: $(HOSTTEST_BINS)

deps:
	@tools/deps.sh

QEMU_ACCEL := $(shell [ -w /dev/kvm ] && echo kvm || echo tcg)
QEMU_ARGS := -machine pc -m $(MEM) -smp $(SMP) -no-reboot \
             -device isa-debug-exit,iobase=0xf4,iosize=0x04

# make run's network, chosen by tools/irqos-run (see its header): NET=auto
# (default: a tap in network namespace NETNS that the host can ping, set up
# on the spot, when this host can - root, /dev/net/tun, ip netns - else
# QEMU's user networking, saying why), NET=tap, NET=user (slirp; host UDP
# port UDP_PORT -> the guest's echo port 7) or NET=none. The variables go
# to tools/irqos-run through the environment. NIC=e1000 (default, QEMU's
# 82540EM on INTx) or NIC=e1000e (the 82574L, on MSI).
# romfile= leaves out the e1000's iPXE option ROM: irqos boots by PVH, and
# the ROM only costs boot time.
NET      ?= auto
UDP_PORT ?= 5555
NETNS    ?= irqos
TAP      ?= irqtap0
NIC      ?= e1000

run: deps kernel
	@NET='$(NET)' UDP_PORT='$(UDP_PORT)' NETNS='$(NETNS)' TAP='$(TAP)' NIC='$(NIC)' \
	tools/irqos-run $(BUILD)/irqos '$(strip $(APPEND))' -- \
		$(QEMU) $(QEMU_ARGS) -accel $(QEMU_ACCEL) -nographic

debug: kernel
	@tools/deps.sh --debug
	$(QEMU) $(QEMU_ARGS) -accel tcg -kernel $(BUILD)/irqos \
		-append "$(APPEND)" -display none -serial file:$(BUILD)/serial.log \
		-s -S & \
	gdb -q -x tools/gdbinit $(BUILD)/irqos; kill %1 2>/dev/null || true

PROVE_JOBS ?= 2
test: deps kernel host-tests $(BUILD)/irqos.iso
	IRQOS_KERNEL=$(abspath $(BUILD)/irqos) IRQOS_ISO=$(abspath $(BUILD)/irqos.iso) \
	prove -j$(PROVE_JOBS) --exec '' $(HOSTTEST_BINS) $(sort $(wildcard tests/scenarios/*.t)) $(wildcard tests/fuzz/*.t)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
