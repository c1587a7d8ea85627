/*
 * io: inputs by name and outputs that are never half-written.
 *
 * An input is a file name or "-" for standard input.  Every input is read
 * through zlib's gzdopen(), which decodes gzip and passes plain bytes
 * through unchanged, so ".gz" needs no flag and no name sniffing.  The line
 * reader removes a UTF-8 byte order mark at the start and the CR of a CRLF
 * line end.
 *
 * An output file is written to a temporary file in the target's folder,
 * flushed with fsync and renamed over the target only when the command
 * commits it.  A stream output (kj_output_open) writes to an unnamed
 * O_TMPFILE where Linux and the file system allow, which is given the
 * hidden name ".name.XXXXXX" only for the rename at commit: after any
 * death, SIGKILL too, the old target is intact and nothing is left.
 * A named output (kj_output_open_named, for a library that opens its file
 * by name) is an unnamed O_TMPFILE too, which the library opens again as
 * "/proc/self/fd/N" (kj_output_path): SIGKILL leaves nothing of it either.
 * Where O_TMPFILE or /proc is refused (or KJ_IO_NO_TMPFILE is set in the
 * environment, for the tests of this path), outputs use a hidden
 * temporary ".name.XXXXXX" from the start: uncommitted ones are removed on
 * exit() and on SIGINT, SIGTERM, SIGHUP and SIGPIPE; after SIGKILL the old
 * target is still intact and only the hidden temporary can remain.
 */
#ifndef KJ_IO_H
#define KJ_IO_H

#include <stdio.h>
#include <sys/types.h>

#include "diag.h"

/* Lines longer than this are refused (a guard against binary input). */
#define KJ_MAX_LINE ((size_t)16 << 20)

typedef struct kj_input kj_input;

/* Open path ("-" is standard input).  NULL and err filled on failure. */
kj_input *kj_input_open(const char *path, kj_err *err);
/* The same, naming the input name in messages (e.g. "<stdin>" for a
 * spooled copy of standard input). */
kj_input *kj_input_open_as(const char *path, const char *name, kj_err *err);
/* The name used in messages: the path, or "<stdin>". */
const char *kj_input_name(const kj_input *in);
/*
 * Next line, without its LF (and CR); *line is NUL-terminated, writable, and
 * valid until the next call.  Returns 1 for a line, 0 at end of input, -1 on
 * error (err filled: a read or gzip error, or a line over KJ_MAX_LINE).
 */
int kj_input_line(kj_input *in, char **line, size_t *len, kj_err *err);
/* Number of the line last returned (1-based). */
long kj_input_lineno(const kj_input *in);
/* Raw decoded bytes, for parsers with their own reader (libyaml).
 * Returns bytes read, 0 at end, -1 on error.  Do not mix with _line. */
ssize_t kj_input_read(kj_input *in, void *buf, size_t n, kj_err *err);
/* True when the input was gzip-compressed (valid after the first read). */
int kj_input_gzipped(const kj_input *in);
void kj_input_close(kj_input *in);

typedef struct kj_output kj_output;

/*
 * Open an output stream.  NULL or "-" is standard output, written directly
 * (a pipe cannot be atomic); any other path is written atomically.
 */
kj_output *kj_output_open(const char *path, kj_err *err);
/*
 * For writers that need a file name (libxlsxwriter): a temporary file is
 * created (in the target's folder, or in $TMPDIR when path is NULL or "-")
 * and kj_output_path() names it: "/proc/self/fd/N" for an unnamed one,
 * which the writer may open, truncate and reopen, but not unlink.  Commit renames it over the target, or
 * copies it to standard output and removes it.
 */
kj_output *kj_output_open_named(const char *path, kj_err *err);
FILE *kj_output_stream(kj_output *o);
const char *kj_output_path(const kj_output *o);
/* The name for messages: the target path or "<stdout>". */
const char *kj_output_name(const kj_output *o);
/* Flush, fsync, rename into place.  0 on success; -1 and err on failure
 * (the temporary file is then removed).  Frees o either way. */
int kj_output_commit(kj_output *o, kj_err *err);
/* Discard: remove the temporary file and free o. */
void kj_output_abort(kj_output *o);
/*
 * Hold the signals that clean up outputs (SIGINT, SIGTERM, SIGHUP,
 * SIGPIPE) while a library makes a named temporary file of its own and
 * unlinks it (libxlsxwriter's per-sheet file under $TMPDIR): one arriving
 * in between would leave the file behind.  A held signal is acted on at
 * kj_signals_release.  On the main thread, not nested.
 */
void kj_signals_hold(void);
void kj_signals_release(void);

/* True when standard output is a terminal (rekap-xlsx refuses to write a
 * binary workbook there). */
int kj_stdout_is_tty(void);

#endif
