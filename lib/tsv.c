/* tsv: see tsv.h. */
#include "tsv.h"
#include "colreg.h"
#include "mem.h"
#include "strmap.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Longer than any canonical name an alias stands for. */
#define MAX_ALIAS 64

struct kj_tsv {
	kj_input *in;
	kj_tsv *prev, *next;  /* in open_tables */
	size_t ncols;
	char **header;   /* as written */
	char **name;     /* canonical */
	/* the current record */
	char *line;
	char **field;
	size_t *flen;
	size_t *foff;    /* byte offset of each field in the raw line */
	long *fcol;      /* character column of each field (not set on an
	                    ASCII line: there it is foff + 1) */
	int ascii;       /* current line is pure ASCII */
	size_t cap;      /* capacity of the per-field arrays */
};

int kj_utf8_check(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int ascii = 1;

	while (i < len) {
		/* Fast path: eight ASCII bytes with no NUL among them. */
		if (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if (!(w & 0x8080808080808080ULL) &&
			    !((w - 0x0101010101010101ULL) & ~w &
			      0x8080808080808080ULL)) {
				i += 8;
				continue;
			}
		}
		unsigned char c = p[i];
		if (c == 0)
			goto invalid;
		if (c < 0x80) {
			i++;
			continue;
		}
		ascii = 0;
		size_t need;
		uint32_t cp;
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			goto invalid;
		}
		for (size_t k = 1; k <= need; k++) {
			if (i + k >= len || (p[i + k] & 0xC0) != 0x80)
				goto invalid;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		/* Overlong forms, surrogates and values past U+10FFFF. */
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			goto invalid;
		i += need + 1;
	}
	return ascii;
invalid:
	if (bad)
		*bad = i;
	return -1;
}

size_t kj_utf8_len(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static void ensure_fields(kj_tsv *t, size_t n)
{
	size_t cap = t->cap;

	if (n <= cap)
		return;
	kj_grow(&t->field, &cap, n, sizeof *t->field);
	cap = t->cap;
	kj_grow(&t->flen, &cap, n, sizeof *t->flen);
	cap = t->cap;
	kj_grow(&t->foff, &cap, n, sizeof *t->foff);
	cap = t->cap;
	kj_grow(&t->fcol, &cap, n, sizeof *t->fcol);
	t->cap = cap;
}

static long char_col(const kj_tsv *t, size_t off)
{
	if (t->ascii)
		return (long)off + 1;
	return (long)kj_utf8_len(t->line, off) + 1;
}

/* The fast path gives up: the TABs it made NULs come back. */
static int fast_undo(kj_tsv *t, char *line, size_t n)
{
	for (size_t i = 0; i < n; i++)
		line[t->foff[i] + t->flen[i]] = '\t';
	return -1;
}

#if defined(__SSE2__)
/* Bit i set for each byte i of the 16 at p that is c. */
static inline unsigned mask_eq(__m128i v, char c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
}
#endif

/*
 * The fast path of split: a line of ASCII without NUL or backslash, the
 * usual one, in one pass (16 bytes at a time where SSE2 is there).  It
 * records the fields, NUL-terminated, and returns 0; or it returns -1,
 * the line as it was, when the line is not of that kind (then the
 * general path redoes it all, with its checks and messages).
 */
static int split_fast(kj_tsv *t, char *line, size_t len, size_t *nfields)
{
	size_t n = 0, off = 0, i = 0;
	char **fp;
	size_t *fl, *fo;

	/* Room for the fields of a block (or byte) ahead, so the arrays
	 * stay in registers: line[end] = '\0' could alias them. */
#define FAST_ROOM(k)                                                      \
	do {                                                              \
		if (n + (k) > t->cap)                                     \
			ensure_fields(t, n + (k));                        \
		fp = t->field;                                            \
		fl = t->flen;                                             \
		fo = t->foff;                                             \
	} while (0)
	/* A field [off, end); its end (a TAB, or the line's NUL) a NUL. */
#define FAST_FIELD(end)                                                   \
	do {                                                              \
		fp[n] = line + off;                                       \
		fl[n] = (end) - off;                                      \
		fo[n] = off;                                              \
		line[end] = '\0';                                         \
		n++;                                                      \
	} while (0)
#if defined(__SSE2__)
	FAST_ROOM(17);
	for (;;) {
		char tail[16];
		const char *p = line + i;
		__m128i v;
		unsigned tabs;

		if (i + 16 > len) {
			/* the last bytes, padded with a harmless letter */
			memset(tail, 'x', sizeof tail);
			memcpy(tail, line + i, len - i);
			p = tail;
		}
		v = _mm_loadu_si128((const __m128i *)(const void *)p);
		/* a byte >= 0x80, a backslash or a NUL */
		if (_mm_movemask_epi8(_mm_or_si128(v, _mm_or_si128(
		        _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
		        _mm_cmpeq_epi8(v, _mm_setzero_si128())))))
			return fast_undo(t, line, n);
		tabs = mask_eq(v, '\t');
		if (tabs) {
			FAST_ROOM(17);
			do {
				size_t end = i + (size_t)__builtin_ctz(tabs);

				FAST_FIELD(end);
				off = end + 1;
				tabs &= tabs - 1;
			} while (tabs);
		}
		if (i + 16 >= len)
			break;
		i += 16;
	}
#else
	FAST_ROOM(1);
	for (; i < len; i++) {
		unsigned char c = (unsigned char)line[i];

		if (c == '\t') {
			FAST_ROOM(2);
			FAST_FIELD(i);
			off = i + 1;
		} else if (c >= 0x80 || c == '\\' || c == 0) {
			return fast_undo(t, line, n);
		}
	}
#endif
	FAST_FIELD(len);
	*nfields = n;
	return 0;
#undef FAST_ROOM
#undef FAST_FIELD
}

/*
 * Split the raw line into fields, check the escapes, then unescape in
 * place.  The checks run before any field is modified so that columns in
 * messages count the characters of the line as the user wrote it.
 */
static int split(kj_tsv *t, char *line, size_t len, size_t *nfields,
                 kj_err *err)
{
	const char *name = kj_input_name(t->in);
	long lineno = kj_input_lineno(t->in);
	size_t bad, n = 0, off = 0;
	int rc;

	t->line = line;
	if (split_fast(t, line, len, &n) == 0) {
		t->ascii = 1;
		*nfields = n;
		if (t->ncols && n < t->ncols) {
			kj_err_set(err, name, lineno, 0,
			           "expected %zu field%s, found %zu", t->ncols,
			           t->ncols == 1 ? "" : "s", n);
			return -1;
		}
		if (t->ncols && n > t->ncols) {
			/* As below: at the tab that starts the first extra
			 * field, which on an ASCII line is column foff. */
			kj_err_set(err, name, lineno, (long)t->foff[t->ncols],
			           "expected %zu field%s, found %zu (write \\t "
			           "for a tab inside a value)", t->ncols,
			           t->ncols == 1 ? "" : "s", n);
			return -1;
		}
		return 0;       /* fcol: foff + 1 on an ASCII line */
	}
	n = 0;
	rc = kj_utf8_check(line, len, &bad);
	if (rc < 0) {
		t->ascii = 0;
		if (line[bad] == '\0')
			kj_err_set(err, name, lineno,
			           (long)kj_utf8_len(line, bad) + 1,
			           "NUL byte in a text file (is this a binary "
			           "file?)");
		else
			kj_err_set(err, name, lineno,
			           (long)kj_utf8_len(line, bad) + 1,
			           "invalid UTF-8 byte 0x%02X (expected UTF-8 "
			           "text; convert the file with iconv)",
			           (unsigned char)line[bad]);
		return -1;
	}
	t->ascii = rc;
	for (;;) {
		char *tab = memchr(line + off, '\t', len - off);
		size_t end = tab ? (size_t)(tab - line) : len;

		if (n >= t->cap)
			ensure_fields(t, n + 1);
		t->field[n] = line + off;
		t->flen[n] = end - off;
		t->foff[n] = off;
		n++;
		if (!tab)
			break;
		off = end + 1;
	}
	*nfields = n;
	if (t->ncols && n < t->ncols) {
		kj_err_set(err, name, lineno, 0,
		           "expected %zu field%s, found %zu", t->ncols,
		           t->ncols == 1 ? "" : "s", n);
		return -1;
	}
	if (t->ncols && n > t->ncols) {
		/* Point at the tab that starts the first extra field: most
		 * often a stray tab inside a value. */
		kj_err_set(err, name, lineno,
		           char_col(t, t->foff[t->ncols] - 1),
		           "expected %zu field%s, found %zu (write \\t for "
		           "a tab inside a value)", t->ncols,
		           t->ncols == 1 ? "" : "s", n);
		return -1;
	}
	size_t prev_off = 0;
	long prev_col = 1;
	/* Most lines have no backslash at all: one look for the line, and
	 * then only the columns and the NULs to set. */
	int any_bs = memchr(line, '\\', len) != NULL;
	if (!any_bs && t->ascii) {
		return 0;       /* fcol: foff + 1 on an ASCII line */
	}
	for (size_t i = 0; i < n; i++) {
		char *f = t->field[i];
		size_t flen = t->flen[i];
		char *bs = any_bs ? memchr(f, '\\', flen) : NULL;

		/* Columns counted on from the previous field: linear in the
		 * line however many fields it has. */
		if (t->ascii) {
			t->fcol[i] = (long)t->foff[i] + 1;
		} else {
			t->fcol[i] = prev_col +
			             (long)kj_utf8_len(line + prev_off,
			                               t->foff[i] - prev_off);
			prev_off = t->foff[i];
			prev_col = t->fcol[i];
		}
		if (!bs)
			continue;
		/* Check every escape of this field first. */
		for (char *p = bs; p < f + flen; p++) {
			if (*p != '\\')
				continue;
			if (p + 1 == f + flen) {
				kj_err_set(err, name, lineno,
				           char_col(t, (size_t)(p - line)),
				           p + 1 == line + len
				           ? "unterminated escape: a backslash "
				             "at the end of the line (write \\\\ "
				             "for a backslash)"
				           : "unterminated escape: a backslash "
				             "at the end of a field (write \\\\ "
				             "for a backslash)");
				return -1;
			}
			if (p[1] != 't' && p[1] != 'n' && p[1] != 'r' &&
			    p[1] != '\\') {
				kj_err_set(err, name, lineno,
				           char_col(t, (size_t)(p - line)),
				           "unknown escape '\\%c' (expected \\t, "
				           "\\n, \\r or \\\\)",
				           (unsigned char)p[1] >= 0x20 &&
				           (unsigned char)p[1] < 0x7F ? p[1]
				                                      : '?');
				return -1;
			}
			p++;
		}
	}
	/* Unescape; fields end with NUL (the tab or the line's NUL). */
	for (size_t i = 0; i < n; i++) {
		char *f = t->field[i];
		size_t flen = t->flen[i];
		char *r = any_bs ? memchr(f, '\\', flen) : NULL, *w;

		f[flen] = '\0';
		if (!r)
			continue;
		w = r;
		while (r < f + flen) {
			if (*r == '\\') {
				switch (r[1]) {
				case 't': *w++ = '\t'; break;
				case 'n': *w++ = '\n'; break;
				case 'r': *w++ = '\r'; break;
				default: *w++ = '\\'; break;
				}
				r += 2;
			} else {
				*w++ = *r++;
			}
		}
		*w = '\0';
		t->flen[i] = (size_t)(w - f);
	}
	return 0;
}

/*
 * Every open table.  A command stops on bad input by exit() from deep
 * inside a loop (kj_die_err is _Noreturn, so no frame need keep the
 * table's pointer); the list keeps the table reachable, so valgrind
 * (make check-valgrind) reports no definite leak for such a stop.
 */
static kj_tsv *open_tables;
/* Tables may be opened and closed on several threads at once (a command
 * loading two inputs side by side): the list is changed under a lock. */
static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;

kj_tsv *kj_tsv_open(const char *path, kj_err *err)
{
	return kj_tsv_open_as(path, NULL, err);
}

kj_tsv *kj_tsv_open_as(const char *path, const char *name, kj_err *err)
{
	kj_strmap *seen = NULL;
	kj_tsv *t;
	char *line;
	size_t len, n;
	int rc;

	kj_input *in = kj_input_open_as(path, name, err);
	if (!in)
		return NULL;
	t = kj_xcalloc(1, sizeof *t);
	t->in = in;
	pthread_mutex_lock(&open_lock);
	t->next = open_tables;
	if (open_tables)
		open_tables->prev = t;
	open_tables = t;
	pthread_mutex_unlock(&open_lock);
	rc = kj_input_line(in, &line, &len, err);
	if (rc == 0) {
		kj_err_set(err, kj_input_name(in), 1, 0,
		           "empty file, expected a header line");
		goto fail;
	}
	if (rc < 0 || split(t, line, len, &n, err) < 0)
		goto fail;
	t->ncols = n;
	seen = kj_strmap_new();
	t->header = kj_xcalloc(n, sizeof *t->header);
	t->name = kj_xcalloc(n, sizeof *t->name);
	for (size_t i = 0; i < n; i++) {
		/* Room for the whole name, or for the alias it stands for. */
		size_t bufsz = t->flen[i] + MAX_ALIAS;
		char *buf = kj_xmalloc(bufsz);

		t->header[i] = kj_xstrndup(t->field[i], t->flen[i]);
		kj_col_normalise(t->field[i], t->flen[i], buf, bufsz);
		t->name[i] = buf;
		if (!*buf) {
			kj_err_set(err, kj_input_name(in), 1,
			           kj_tsv_fieldcol(t, i), "column %zu has no name (expected a header "
			           "line with a name for every column)", i + 1);
			goto fail;
		}
		int added;
		size_t j = kj_strmap_put(seen, buf, strlen(buf), i, &added);
		if (!added) {
			kj_err_set(err, kj_input_name(in), 1,
			           kj_tsv_fieldcol(t, i), "duplicate column '%s' (also column %zu)",
			           t->header[i], j + 1);
			goto fail;
		}
	}
	kj_strmap_free(seen);
	return t;
fail:
	kj_strmap_free(seen);
	kj_tsv_close(t);
	return NULL;
}

void kj_tsv_close(kj_tsv *t)
{
	if (!t)
		return;
	pthread_mutex_lock(&open_lock);
	if (t->prev)
		t->prev->next = t->next;
	else
		open_tables = t->next;
	if (t->next)
		t->next->prev = t->prev;
	pthread_mutex_unlock(&open_lock);
	for (size_t i = 0; i < t->ncols; i++) {
		if (t->header)
			free(t->header[i]);
		if (t->name)
			free(t->name[i]);
	}
	free(t->header);
	free(t->name);
	free(t->field);
	free(t->flen);
	free(t->foff);
	free(t->fcol);
	kj_input_close(t->in);
	free(t);
}

const char *kj_tsv_name(const kj_tsv *t)
{
	return kj_input_name(t->in);
}

size_t kj_tsv_ncols(const kj_tsv *t)
{
	return t->ncols;
}

const char *kj_tsv_header(const kj_tsv *t, size_t col)
{
	return t->header[col];
}

const char *kj_tsv_colname(const kj_tsv *t, size_t col)
{
	return t->name[col];
}

int kj_tsv_col(const kj_tsv *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->name[i], name) == 0)
			return (int)i;
	return -1;
}

int kj_tsv_need(const kj_tsv *t, const char *name, kj_err *err)
{
	int c = kj_tsv_col(t, name);

	if (c < 0)
		kj_err_set(err, kj_tsv_name(t), 1, 0,
		           "missing column '%s' in the header", name);
	return c;
}

int kj_tsv_next(kj_tsv *t, kj_err *err)
{
	char *line;
	size_t len, n;
	int rc = kj_input_line(t->in, &line, &len, err);

	if (rc <= 0)
		return rc;
	return split(t, line, len, &n, err) < 0 ? -1 : 1;
}

const char *kj_tsv_field(const kj_tsv *t, size_t col)
{
	return t->field[col];
}

size_t kj_tsv_len(const kj_tsv *t, size_t col)
{
	return t->flen[col];
}

long kj_tsv_line(const kj_tsv *t)
{
	return kj_input_lineno(t->in);
}

long kj_tsv_fieldcol(const kj_tsv *t, size_t col)
{
	return t->ascii ? (long)t->foff[col] + 1 : t->fcol[col];
}

void kj_tsv_field_err(const kj_tsv *t, size_t col, kj_err *err,
                      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kj_err_setv(err, kj_tsv_name(t), kj_tsv_line(t),
	            kj_tsv_fieldcol(t, col), fmt, ap);
	va_end(ap);
}

void kj_tsv_value_err(const kj_tsv *t, size_t col, const kj_err *inner,
                      kj_err *out)
{
	kj_tsv_field_err(t, col, out, "%s: %s", t->name[col], inner->msg);
	if (inner->col > 1)
		out->col += inner->col - 1;
	out->status = inner->status;
}

/* The bytes kj_tsv_put escapes. */
static const unsigned char tsv_special[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\\'] = 1
};

void kj_tsv_put(FILE *f, const char *s, size_t len)
{
	const char *end = s + len, *p = s;

	while (p < end) {
		const char *q = p;

		while (q < end && !tsv_special[(unsigned char)*q])
			q++;
		if (q > p)
			fwrite(p, 1, (size_t)(q - p), f);
		if (q == end)
			break;
		putc('\\', f);
		putc(*q == '\t' ? 't' : *q == '\n' ? 'n' : *q == '\r' ? 'r'
		                                                      : '\\',
		     f);
		p = q + 1;
	}
}

void kj_tsv_puts(FILE *f, const char *s)
{
	/* Most fields need no escape: one scan (strcspn is vectorised) and
	 * one fwrite. */
	size_t n = strcspn(s, "\t\n\r\\");

	if (!s[n])
		fwrite(s, 1, n, f);
	else
		kj_tsv_put(f, s, n + strlen(s + n));
}

void kj_tsv_put_row(FILE *f, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			putc('\t', f);
		if (fields[i])
			kj_tsv_puts(f, fields[i]);
	}
	putc('\n', f);
}
