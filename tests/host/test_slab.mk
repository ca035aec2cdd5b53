# SPDX-License-Identifier: MIT
HOSTTESTS += test_slab
SRCS_test_slab := mm/memblock.c mm/page_alloc.c mm/slab.c tests/host/mm_host.c
