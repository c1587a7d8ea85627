/* diag: see diag.h. */
#include "diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "kinerja";
static size_t n_errors, n_warnings;

void kj_diag_init(const char *argv0)
{
	const char *slash;

	if (!argv0 || !*argv0)
		return;
	slash = strrchr(argv0, '/');
	prog = slash ? slash + 1 : argv0;
}

const char *kj_prog(void)
{
	return prog;
}

void kj_err_setv(kj_err *e, const char *file, long line, long col,
                 const char *fmt, va_list ap)
{
	if (!e)
		return;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->col = col;
	e->status = KJ_EXIT_USAGE;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

void kj_err_set(kj_err *e, const char *file, long line, long col,
                const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kj_err_setv(e, file, line, col, fmt, ap);
	va_end(ap);
}

void kj_err_sys(kj_err *e, const char *file, const char *fmt, ...)
{
	int saved = errno;
	size_t len;
	va_list ap;

	if (!e)
		return;
	va_start(ap, fmt);
	kj_err_setv(e, file, 0, 0, fmt, ap);
	va_end(ap);
	e->status = KJ_EXIT_INTERNAL;
	len = strlen(e->msg);
	if (saved && len < sizeof e->msg)
		snprintf(e->msg + len, sizeof e->msg - len, ": %s",
		         strerror(saved));
}

static void print_place(const char *file, long line, long col)
{
	if (file && *file) {
		fprintf(stderr, "%s:", file);
		if (line > 0) {
			fprintf(stderr, "%ld:", line);
			if (col > 0)
				fprintf(stderr, "%ld:", col);
		}
		fputc(' ', stderr);
	}
}

static void vreport(const char *kind, const char *file, long line, long col,
                    const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));

static void vreport(const char *kind, const char *file, long line, long col,
                    const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", prog);
	print_place(file, line, col);
	fprintf(stderr, "%s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void kj_diag_error(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	n_errors++;
	va_start(ap, fmt);
	vreport("error", file, line, col, fmt, ap);
	va_end(ap);
}

void kj_diag_warning(const char *file, long line, long col,
                     const char *fmt, ...)
{
	va_list ap;

	n_warnings++;
	va_start(ap, fmt);
	vreport("warning", file, line, col, fmt, ap);
	va_end(ap);
}

void kj_diag_report(const kj_err *e)
{
	kj_diag_error(e->file, e->line, e->col, "%s", e->msg);
}

static void vnote(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

static void vnote(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void kj_diag_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(fmt, ap);
	va_end(ap);
}

size_t kj_diag_errors(void)
{
	return n_errors;
}

size_t kj_diag_warnings(void)
{
	return n_warnings;
}

/* exit() runs the atexit handler of io.c, which removes uncommitted
 * temporary output files, so a failed run leaves nothing behind. */
_Noreturn void kj_die_err(const kj_err *e)
{
	kj_diag_report(e);
	exit(e->status ? e->status : KJ_EXIT_USAGE);
}

_Noreturn void kj_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(fmt, ap);
	va_end(ap);
	exit(status);
}

_Noreturn void kj_die_usage(const char *usage, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(fmt, ap);
	va_end(ap);
	fputs(usage, stderr);
	exit(KJ_EXIT_USAGE);
}
