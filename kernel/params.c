/* SPDX-License-Identifier: MIT */
/*
 * kernel/params.c - kernel command-line parsing.
 *
 * The command line is split into words by next_arg(); each word is
 * "param" or "param=value", and double quotes let a value (or a whole word)
 * contain spaces. Handlers are registered with two macros from
 * <linux/init.h>, both of which drop a struct obs_kernel_param into the
 * .init.setup section, bounded by __setup_start/__setup_end from the linker
 * script:
 *
 *   early_param("name", fn)  fn(value) runs from parse_early_param(), called
 *                            early in setup_arch(); a bare "name" gives
 *                            fn(NULL). fn returns 0 on success.
 *   __setup("name=", fn)     fn(text after "name=") runs later from
 *                            parse_setup_params(); a handler registered
 *                            without '=' gets the rest of the word (usually
 *                            ""). fn returns 1 if it handled the option, 0
 *                            to let other handlers (or the unknown-parameter
 *                            report) have it.
 *
 * In names '-' and '_' are interchangeable, so "no-hz" and "no_hz" are the
 * same option; values are compared by the handlers themselves.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>

extern const struct obs_kernel_param __setup_start[], __setup_end[];

static char dash2underscore(char c)
{
	return c == '-' ? '_' : c;
}

/* Compare @n characters of two names, treating '-' and '_' as equal. */
static bool parameqn(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (dash2underscore(a[i]) != dash2underscore(b[i]))
			return false;
	}
	return true;
}

/* Are @a and @b the same name, treating '-' and '_' as equal? */
static bool parameq(const char *a, const char *b)
{
	size_t n = strlen(a);

	return strlen(b) == n && parameqn(a, b, n);
}

/**
 * next_arg - split off the first word of a command line.
 * @args: the command line, with leading whitespace already skipped; the
 *        word is NUL-terminated in place
 * @param: set to the word's name
 * @val: set to the text after the first '=', or NULL if there is no '='
 *
 * Double quotes group words: foo="a b" gives @val "a b", and "foo=a b"
 * (the whole word quoted) does too; the quote characters are removed.
 *
 * Return: the rest of the command line, with leading whitespace skipped.
 */
char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false, whole_quoted = false;
	char *equals = NULL, *next;
	size_t i;

	if (*args == '"') {
		args++;
		in_quote = true;
		whole_quoted = true;
	}

	for (i = 0; args[i]; i++) {
		if (isspace((unsigned char)args[i]) && !in_quote)
			break;
		if (args[i] == '"')
			in_quote = !in_quote;
		else if (args[i] == '=' && !equals)
			equals = args + i;
	}

	*param = args;
	if (equals) {
		*equals = '\0';
		*val = equals + 1;
		/* Drop the quotes around a value: foo="a b". */
		if (**val == '"') {
			(*val)++;
			if (i > 0 && args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	} else {
		*val = NULL;
	}
	/* The closing quote of a wholly quoted word, if still there. */
	if (whole_quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		next = args + i + 1;
	} else {
		next = args + i;
	}
	return skip_spaces(next);
}

/**
 * parse_args - call a function for every word of a command line.
 * @doing: what is being parsed, for messages ("early options", ...)
 * @args: the command line; modified in place by next_arg()
 * @unknown: called as unknown(param, val, doing, arg) for each word, where
 *           val is NULL for a bare word
 * @arg: passed through to @unknown
 *
 * Parsing stops at a bare "--": what follows belongs to init, not to the
 * kernel.
 *
 * Return: 0, or the first nonzero value @unknown returned (parsing stops
 * there, and the problem is reported).
 */
int parse_args(const char *doing, char *args,
	       int (*unknown)(char *param, char *val, const char *doing, void *arg),
	       void *arg)
{
	char *param, *val;
	int ret;

	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;
		ret = unknown(param, val, doing, arg);
		if (ret) {
			pr_err("%s: error %d parsing parameter '%s'\n", doing, ret, param);
			return ret;
		}
	}
	return 0;
}

/* parse_args() callback: run every early handler whose name matches. */
static int __init do_early_param(char *param, char *val, const char *doing, void *arg)
{
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++) {
		if (p->early && p->setup_func && parameq(param, p->str) &&
		    p->setup_func(val) != 0)
			pr_warn("Malformed early option '%s'\n", param);
	}
	/* Never stop: one bad option must not hide the ones after it. */
	return 0;
}

/**
 * parse_early_options - run the early_param() handlers for a command line.
 * @cmdline: the command line; modified in place
 */
void __init parse_early_options(char *cmdline)
{
	parse_args("early options", cmdline, do_early_param, NULL);
}

/**
 * parse_early_param - run the early_param() handlers for the boot command
 * line, once.
 *
 * boot_command_line itself is left untouched: the parse works on a copy,
 * which is static because handlers may keep pointers into their values.
 */
void __init parse_early_param(void)
{
	static char tmp_cmdline[COMMAND_LINE_SIZE] __initdata;
	static bool done __initdata;

	if (done)
		return;
	strlcpy(tmp_cmdline, boot_command_line, COMMAND_LINE_SIZE);
	parse_early_options(tmp_cmdline);
	done = true;
}

/*
 * Options that no handler claimed, collected into one line so the report
 * is a single message however many there are.
 */
struct unknown_list {
	char text[COMMAND_LINE_SIZE];
	size_t len;
};

/*
 * Put back the '=' next_arg() replaced, giving the whole word again. A
 * quoted value starts one past its opening quote; slide it down over the
 * quote so the word reads name=value.
 */
static char *rejoin(char *param, char *val)
{
	if (val) {
		if (val[-1] == '"') {
			memmove(val - 1, val, strlen(val) + 1);
			val--;
		}
		val[-1] = '=';
	}
	return param;
}

/* parse_args() callback: find the __setup() handler for one word. */
static int __init do_setup_param(char *param, char *val, const char *doing, void *arg)
{
	struct unknown_list *unk = arg;
	const struct obs_kernel_param *p;
	char *line;
	size_t n;

	/*
	 * __setup() strings include the '=' ("console="), so match them
	 * against the whole word with the '=' restored.
	 */
	line = rejoin(param, val);
	for (p = __setup_start; p < __setup_end; p++) {
		n = strlen(p->str);
		if (!parameqn(line, p->str, n))
			continue;
		if (p->early) {
			/* Ran in parse_early_param(); only whole names count. */
			if (line[n] == '\0' || line[n] == '=')
				return 0;
			continue;
		}
		if (p->setup_func && p->setup_func(line + n))
			return 0;
	}

	/* Nobody wanted it: remember it for the report. */
	n = strlen(line);
	if (unk->len + n + 2 <= sizeof(unk->text)) {
		if (unk->len)
			unk->text[unk->len++] = ' ';
		memcpy(unk->text + unk->len, line, n + 1);
		unk->len += n;
	}
	return 0;
}

/**
 * parse_setup_params - run the __setup() handlers for a command line.
 * @cmdline: the command line; modified in place
 *
 * Options matched by an early_param() count as handled. Those that match
 * nothing are reported together in one warning, as Linux does.
 */
void __init parse_setup_params(char *cmdline)
{
	static struct unknown_list unk __initdata;

	unk.len = 0;
	unk.text[0] = '\0';
	parse_args("Booting kernel", cmdline, do_setup_param, &unk);
	if (unk.len)
		pr_warn("Unknown kernel command line parameters \"%s\", will be passed to user space.\n",
			unk.text);
}
