/*
 * tsv: the streaming TSV reader and writer of FORMATS.md.
 *
 * UTF-8, a header line, TAB between fields, one record per line.  Inside a
 * field the two-character sequences \t \n \r \\ stand for TAB, newline,
 * carriage return and backslash; any other backslash sequence, and a
 * backslash at the end of a line, are errors.  CRLF, a UTF-8 BOM, a missing
 * final newline and gzip are accepted (see io.h).  Columns are found by
 * name, through colreg's normalisation and aliases; columns nobody asks
 * for are ignored.
 *
 * The reader holds one line at a time: memory does not grow with the
 * number of rows.
 */
#ifndef KJ_TSV_H
#define KJ_TSV_H

#include <stdio.h>

#include "diag.h"
#include "io.h"

typedef struct kj_tsv kj_tsv;

/* Open path ("-" is stdin) and read its header.  An empty input, an empty
 * or duplicate column name, or invalid UTF-8 in the header is an error. */
kj_tsv *kj_tsv_open(const char *path, kj_err *err);
/* The same, with another name for messages (see kj_input_open_as). */
kj_tsv *kj_tsv_open_as(const char *path, const char *name, kj_err *err);
void kj_tsv_close(kj_tsv *t);

const char *kj_tsv_name(const kj_tsv *t);
size_t kj_tsv_ncols(const kj_tsv *t);
/* The header as written, and its canonical (normalised) name. */
const char *kj_tsv_header(const kj_tsv *t, size_t col);
const char *kj_tsv_colname(const kj_tsv *t, size_t col);
/* Index of the column with this canonical name, or -1. */
int kj_tsv_col(const kj_tsv *t, const char *name);
/* Index of a column that must exist; -1 and err ("missing column") if not. */
int kj_tsv_need(const kj_tsv *t, const char *name, kj_err *err);

/*
 * Read the next record.  Returns 1 and makes the fields available, 0 at the
 * end, -1 on error: a record with another number of fields than the header
 * ("expected N fields, found M"), invalid UTF-8 or a NUL byte, a bad
 * escape, or an input error.
 */
int kj_tsv_next(kj_tsv *t, kj_err *err);
/* Field col of the current record, unescaped, NUL-terminated. */
const char *kj_tsv_field(const kj_tsv *t, size_t col);
size_t kj_tsv_len(const kj_tsv *t, size_t col);
/* Line number of the current record, and the 1-based character column
 * where a field starts (for messages). */
long kj_tsv_line(const kj_tsv *t);
long kj_tsv_fieldcol(const kj_tsv *t, size_t col);
/*
 * Place the error of a value parser (inner; its column counts within the
 * field, as kj_money_parse and kj_date_parse report it) at field col of
 * the current record, as "column: message" at file:line:col.
 */
void kj_tsv_value_err(const kj_tsv *t, size_t col, const kj_err *inner,
                      kj_err *out);
/* Fill err with a message about field col of the current record. */
void kj_tsv_field_err(const kj_tsv *t, size_t col, kj_err *err,
                      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Check that s[0..len) is valid UTF-8 without NUL bytes.  Returns 1 when it
 * is all ASCII, 0 when valid with multi-byte characters, -1 when invalid
 * (*bad is then the offset of the first bad byte).
 */
int kj_utf8_check(const char *s, size_t len, size_t *bad);
/* Number of characters (code points) in valid UTF-8. */
size_t kj_utf8_len(const char *s, size_t len);

/* Write one field with the escapes, or a whole header/record. */
void kj_tsv_put(FILE *f, const char *s, size_t len);
void kj_tsv_puts(FILE *f, const char *s);
/* fields[0..n) separated by TAB, then a newline. */
void kj_tsv_put_row(FILE *f, const char *const *fields, size_t n);

#endif
