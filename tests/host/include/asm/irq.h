/* SPDX-License-Identifier: MIT */
/* Plain declarations and data layout: the host uses the real header. */
#include "../../../../arch/x86/include/asm/irq.h"
