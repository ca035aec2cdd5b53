// SPDX-License-Identifier: MIT
/*
 * End marker of the .init.setup section for host tests that run the real
 * early_param()/__setup() registrations (printk's "quiet", KUnit's
 * "kunit.enable", ...). In the kernel the linker script defines
 * __setup_start/__setup_end; a host link has no script, but GNU ld lays an
 * orphan section's input out in command-line order. So the test file,
 * which comes first, defines __setup_start at the start of its (otherwise
 * empty) .init.setup contribution, and this file, listed last in the
 * test's SRCS, defines __setup_end after everyone else's entries.
 */
__asm__(".pushsection .init.setup,\"aw\"\n\t"
	".balign 8\n\t"
	".globl __setup_end\n"
	"__setup_end:\n\t"
	".popsection\n");
