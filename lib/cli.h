/*
 * cli: what every command does the same way between its options and its
 * work: the operands (or "-" when there are none), standard input read at
 * most once, and the TSV inputs that a command cannot go on without.
 *
 * Unlike the rest of lib/, these helpers stop the program (through diag's
 * kj_die_err and kj_die_usage) instead of returning an error: they are the
 * commands' shared code, kept here so that every command says the same
 * thing in the same case.  Library modules must not call them.
 */
#ifndef KJ_CLI_H
#define KJ_CLI_H

#include <stddef.h>

#include "tsv.h"

/* The operands argv[optind..argc), or the single "-" (standard input)
 * when there are none; *n receives their number. */
const char *const *kj_cli_operands(int argc, char **argv, int optind,
                                   size_t *n);

/*
 * Standard input can be read only once: exit with a usage error (status 2,
 * the usage text first) when "-" appears more than once among the operands
 * and the option values opts[0..nopts) (NULL entries are options not given).
 */
void kj_cli_stdin_once(const char *usage, const char *const *operands,
                       size_t n, const char *const *opts, size_t nopts);

/* Open a TSV input, or exit with its error (file:line:col, status 2 or 3). */
kj_tsv *kj_cli_open_tsv(const char *path);

/* The index of a column the command needs, or exit naming the missing
 * column and the file. */
size_t kj_cli_need_col(const kj_tsv *t, const char *name);

#endif
