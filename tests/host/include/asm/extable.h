/* SPDX-License-Identifier: MIT */
/* The table format is plain C data: the host uses the real header. */
#include "../../../../arch/x86/include/asm/extable.h"
