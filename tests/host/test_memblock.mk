# SPDX-License-Identifier: MIT
HOSTTESTS += test_memblock
SRCS_test_memblock := mm/memblock.c tests/host/mm_host.c
