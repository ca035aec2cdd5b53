/* SPDX-License-Identifier: MIT */
/*
 * Force-included into every host test build. Kernel functions whose names
 * collide with the C library's are renamed, so a test can use libc's
 * printf while exercising the kernel's own vsnprintf.
 */
#ifndef _HOST_RENAME_H
#define _HOST_RENAME_H

#define vsnprintf  irqos_vsnprintf
#define vscnprintf irqos_vscnprintf
#define snprintf   irqos_snprintf
#define scnprintf  irqos_scnprintf
#define sprintf    irqos_sprintf
#define memcpy     irqos_memcpy
#define memmove    irqos_memmove
#define memset     irqos_memset
#define memcmp     irqos_memcmp
#define memchr     irqos_memchr
#define strlen     irqos_strlen
#define strnlen    irqos_strnlen
#define strcmp     irqos_strcmp
#define strncmp    irqos_strncmp
#define strchr     irqos_strchr
#define strrchr    irqos_strrchr
#define strstr     irqos_strstr
#define strlcpy    irqos_strlcpy
#define strlcat    irqos_strlcat
#define strcpy     irqos_strcpy
#define isdigit    irqos_isdigit
#define isspace    irqos_isspace
#define islower    irqos_islower
#define isupper    irqos_isupper
#define isalpha    irqos_isalpha
#define isalnum    irqos_isalnum
#define isxdigit   irqos_isxdigit
#define isprint    irqos_isprint
#define tolower    irqos_tolower
#define toupper    irqos_toupper
#define panic      irqos_panic
#define bsearch    irqos_bsearch

#endif
