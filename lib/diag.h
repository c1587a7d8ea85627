/*
 * diag: diagnostics and exit statuses shared by every command.
 *
 * Messages follow the GNU convention that editors and scripts understand:
 *
 *     prog: file:line:col: error: what was expected [rule]
 *
 * Line and column are 1-based; a zero line or column is left out.  Library
 * modules never print: they fill a kj_err, and the command decides whether
 * and how to report it.
 */
#ifndef KJ_DIAG_H
#define KJ_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* The exit-status table of FORMATS.md, the same for every command. */
enum kj_exit {
	KJ_EXIT_OK = 0,       /* success, nothing to report */
	KJ_EXIT_FOUND = 1,    /* the command worked and found what was asked */
	KJ_EXIT_USAGE = 2,    /* bad usage or unreadable input; nothing written */
	KJ_EXIT_INTERNAL = 3  /* internal or system error */
};

/* An error as the library reports it to its caller. */
typedef struct kj_err {
	char file[256];   /* input name as the user gave it, or "" */
	long line;        /* 1-based, 0 when not about a line */
	long col;         /* 1-based, 0 when not about a column */
	int status;       /* exit status the command should use */
	char msg[512];
} kj_err;

void kj_diag_init(const char *argv0);
const char *kj_prog(void);

/* Fill an error; status KJ_EXIT_USAGE unless changed with kj_err_status. */
void kj_err_set(kj_err *e, const char *file, long line, long col,
                const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void kj_err_setv(kj_err *e, const char *file, long line, long col,
                 const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));
/* Same, with status KJ_EXIT_INTERNAL and ": strerror(errno)" appended. */
void kj_err_sys(kj_err *e, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Print "prog: file:line:col: error: msg" and count it. */
void kj_diag_report(const kj_err *e);
void kj_diag_error(const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void kj_diag_warning(const char *file, long line, long col,
                     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* "prog: msg" without a place, e.g. for usage problems. */
void kj_diag_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

size_t kj_diag_errors(void);
size_t kj_diag_warnings(void);

/* Report e and exit with its status (after removing uncommitted outputs). */
_Noreturn void kj_die_err(const kj_err *e);
/* "prog: msg" and exit with status. */
_Noreturn void kj_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "prog: msg", then the command's usage text; exit 2. */
_Noreturn void kj_die_usage(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The toolkit version, printed by every command's --version. */
#define KJ_VERSION "0.1.0"

#endif
