/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#define UTS_SYSNAME "irqos"
#define UTS_RELEASE "0.1.0"

extern const char linux_banner[];

#endif
