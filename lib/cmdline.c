/* SPDX-License-Identifier: MIT */
/*
 * lib/cmdline.c - look things up in a raw kernel command line.
 *
 * Early boot code (before parse_early_param() can run, or in code that must
 * not modify the line) asks "is 'nosmp' there?" or "what is 'console='?".
 * These helpers answer without copying or modifying the string.
 *
 * The command line is a list of words separated by whitespace. Double
 * quotes group: in  foo="a b" "bar=c d"  there are two words, foo with
 * value "a b" and bar with value "c d". Matching is of whole option names:
 * "quiet" does not match "quietx", nor "x=quiet", nor "noquiet".
 */
#include <linux/init.h>
#include <linux/string.h>
#include <linux/ctype.h>

/* One word of the command line, as offsets into it. */
struct cmdline_word {
	const char *start;	/* first character, after any opening quote */
	const char *name_end;	/* the '=' or the end of the word */
	const char *end;	/* one past the last character */
};

/*
 * Find the word starting at or after @p. Returns the position just after
 * the word to continue from, or NULL at the end of the line.
 */
static const char *next_word(const char *p, struct cmdline_word *w)
{
	bool quoted = false;

	while (isspace((unsigned char)*p))
		p++;
	if (!*p)
		return NULL;

	w->start = p;
	w->name_end = NULL;
	for (; *p; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && isspace((unsigned char)*p))
			break;
		if (*p == '=' && !w->name_end)
			w->name_end = p;
	}
	w->end = p;
	/*
	 * A word wholly in quotes ("foo=a b") names foo, not "foo, and its
	 * closing quote is not part of it either.
	 */
	if (*w->start == '"') {
		w->start++;
		if (w->end > w->start && w->end[-1] == '"')
			w->end--;
	}
	if (!w->name_end || w->name_end > w->end)
		w->name_end = w->end;
	return p;
}

/* Does the name part of @w equal @option exactly? */
static bool word_is(const struct cmdline_word *w, const char *option)
{
	size_t len = strlen(option);

	return (size_t)(w->name_end - w->start) == len &&
	       !strncmp(w->start, option, len);
}

/**
 * cmdline_find_option_bool - is a bare option present?
 * @cmdline: the command line, NUL-terminated (may be NULL)
 * @option: the option name, e.g. "nosmp"
 *
 * Only a word that is exactly @option counts; "nosmp=1" does not.
 *
 * Return: the 1-based position in @cmdline of the first occurrence (so a
 * true value), or 0 if it is absent.
 */
int cmdline_find_option_bool(const char *cmdline, const char *option)
{
	struct cmdline_word w;
	const char *p = cmdline;

	if (!cmdline || !option)
		return 0;
	while ((p = next_word(p, &w))) {
		if (w.name_end == w.end && word_is(&w, option))
			return (int)(w.start - cmdline) + 1;
	}
	return 0;
}

/**
 * cmdline_find_option - find the value of an "option=value" word.
 * @cmdline: the command line, NUL-terminated (may be NULL)
 * @option: the option name without '=', e.g. "console"
 * @buf: where the value is copied, NUL-terminated and truncated to fit
 * @bufsize: size of @buf
 *
 * When the option appears more than once the last one wins, as it does for
 * the handlers run by parse_args(). Double quotes around the value (or
 * around the whole word) are removed.
 *
 * Return: the length of the value (even if it was truncated to fit @buf;
 * 0 for "option="), or -1 if the option is absent. Note that absence is
 * -1, not 0: test with ">= 0".
 */
int cmdline_find_option(const char *cmdline, const char *option, char *buf, int bufsize)
{
	struct cmdline_word w, found;
	const char *p = cmdline, *v, *e;
	int len, i;
	bool have = false;

	if (!cmdline || !option)
		return -1;
	while ((p = next_word(p, &w))) {
		if (w.name_end != w.end && word_is(&w, option)) {
			found = w;
			have = true;
		}
	}
	if (!have)
		return -1;

	/* Copy the value, dropping the quote characters themselves. */
	len = 0;
	v = found.name_end + 1;
	e = found.end;
	for (i = 0; v + i < e; i++) {
		if (v[i] == '"')
			continue;
		if (buf && len < bufsize - 1)
			buf[len] = v[i];
		len++;
	}
	if (buf && bufsize > 0)
		buf[len < bufsize - 1 ? len : bufsize - 1] = '\0';
	return len;
}
