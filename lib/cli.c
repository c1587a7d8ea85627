/* cli: see cli.h. */
#include "cli.h"

#include <string.h>

#include "diag.h"

const char *const *kj_cli_operands(int argc, char **argv, int optind,
                                   size_t *n)
{
	static const char *const stdin_only[] = { "-" };

	if (optind < argc) {
		*n = (size_t)(argc - optind);
		return (const char *const *)argv + optind;
	}
	*n = 1;
	return stdin_only;
}

void kj_cli_stdin_once(const char *usage, const char *const *operands,
                       size_t n, const char *const *opts, size_t nopts)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		count += strcmp(operands[i], "-") == 0;
	for (size_t i = 0; i < nopts; i++)
		count += opts[i] && strcmp(opts[i], "-") == 0;
	if (count > 1)
		kj_die_usage(usage, "standard input (-) can be read only once");
}

kj_tsv *kj_cli_open_tsv(const char *path)
{
	kj_err err;
	kj_tsv *t = kj_tsv_open(path, &err);

	if (!t)
		kj_die_err(&err);
	return t;
}

size_t kj_cli_need_col(const kj_tsv *t, const char *name)
{
	kj_err err;
	int c = kj_tsv_need(t, name, &err);

	if (c < 0)
		kj_die_err(&err);
	return (size_t)c;
}
