# SPDX-License-Identifier: MIT
HOSTTESTS += test_pci
SRCS_test_pci := drivers/pci/probe.c drivers/pci/access.c drivers/pci/pci.c \
                 drivers/pci/pci-driver.c lib/vsprintf.c lib/string.c
