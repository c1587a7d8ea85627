/*
 * template: message templates with {placeholder}s (lapor-remind).
 *
 * A template is a block of header lines, an empty line, and the body:
 *
 *     From: BKPSDM Kota Contoh <bkpsdm@kotacontoh.go.id>
 *     Subject: Laporan kinerja {periode} {nama} belum diterima
 *
 *     Yth. Kepala {nama},
 *     ...
 *
 * A header line is "Name: value"; a line that starts with a space or a
 * TAB continues the header above (its text is joined with one space).
 * The names a template may use are given by the caller (case does not
 * matter; each at most once); which ones are required is the caller's
 * business (kj_tpl_header).  Placeholders may stand in header values and
 * in the body: "{name}" with name one of the caller's names; "{{" is a
 * literal "{" and "}}" a literal "}" (a lone "}" is also literal).  An
 * unknown name, an unclosed "{" or an empty "{}" is an error placed at
 * file:line:col of its "{" (col counts characters, 1-based).  The text
 * must be UTF-8 without NUL bytes; CRLF line ends are read as LF.
 *
 * The module is pure: it never reads files or prints.
 */
#ifndef KJ_TEMPLATE_H
#define KJ_TEMPLATE_H

#include <stddef.h>

#include "diag.h"

typedef struct kj_tpl kj_tpl;

/*
 * Parse text[0..len) (name is the file name for messages).  vars[0..nvars)
 * are the placeholder names, hdrs[0..nhdrs) the header names allowed.
 * Returns the template, or NULL with every error found (at most maxerr,
 * in the order of the text) in errs[0..*nerr).
 */
kj_tpl *kj_tpl_parse(const char *name, const char *text, size_t len,
                     const char *const *vars, size_t nvars,
                     const char *const *hdrs, size_t nhdrs,
                     kj_err *errs, size_t maxerr, size_t *nerr);
void kj_tpl_free(kj_tpl *t);

/* Which of the caller's headers (index into hdrs) the template has: the
 * line number (>= 1) of its header line, or 0 when absent. */
long kj_tpl_header(const kj_tpl *t, size_t hdr);
/* Whether placeholder var occurs anywhere in the template. */
int kj_tpl_uses(const kj_tpl *t, size_t var);

/*
 * Render header hdr (index into hdrs; it must be present) or, with
 * hdr == KJ_TPL_BODY, the body, with values[k] for placeholder k.
 * Returns a new NUL-terminated string (free() it) and its length in *len
 * (len may be NULL).  The body ends with a newline unless it is empty.
 */
#define KJ_TPL_BODY ((size_t)-1)
char *kj_tpl_render(const kj_tpl *t, size_t hdr, const char *const *values,
                    size_t *len);

#endif
