# SPDX-License-Identifier: MIT
HOSTTESTS += test_page_alloc
SRCS_test_page_alloc := mm/memblock.c mm/page_alloc.c tests/host/mm_host.c
