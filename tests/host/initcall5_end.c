// SPDX-License-Identifier: MIT
/*
 * End marker of the fs_initcall() level (.initcall5.init) for host tests
 * that run the real registrations of /proc files. As with section_end.c:
 * without a linker script GNU ld lays an orphan section's input out in
 * command-line order, so the test file (first) defines __initcall5_start
 * and this file, listed last in the test's SRCS, __initcall5_end.
 */
__asm__(".pushsection .initcall5.init,\"aw\"\n\t"
	".balign 8\n\t"
	".globl __initcall5_end\n"
	"__initcall5_end:\n\t"
	".popsection\n");
