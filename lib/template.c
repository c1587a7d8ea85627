/*
 * template: message templates with {placeholder}s.  See template.h.
 *
 * A parsed template is a list of segments, each either a run of literal
 * text (an offset into one text buffer the template owns) or a
 * placeholder; every header and the body is a range of that list.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "template.h"
#include "tsv.h"

struct seg {
	size_t var;          /* placeholder index, or NOVAR for literal */
	size_t off, len;     /* literal text in t->lit */
};

#define NOVAR ((size_t)-1)

struct part {
	long line;           /* header line, 0 when absent */
	size_t first, count; /* segments */
};

struct kj_tpl {
	char *lit;
	size_t nlit, caplit;
	struct seg *segs;
	size_t nseg, capseg;
	size_t nhdrs, nvars;
	struct part *hdrs;   /* [nhdrs] */
	struct part body;
	size_t start;        /* first segment of the part being parsed */
};

struct parser {
	kj_tpl *t;
	const char *name;
	const char *const *vars;
	size_t nvars;
	kj_err *errs;
	size_t maxerr, nerr;
};

static void perr(struct parser *p, long line, long col, const char *fmt,
                 ...) __attribute__((format(printf, 4, 5)));

static void perr(struct parser *p, long line, long col, const char *fmt,
                 ...)
{
	va_list ap;

	if (p->nerr < p->maxerr) {
		va_start(ap, fmt);
		kj_err_setv(&p->errs[p->nerr], p->name, line, col, fmt, ap);
		va_end(ap);
	}
	p->nerr++;
}

static void add_lit(kj_tpl *t, const char *s, size_t n)
{
	struct seg *last = t->nseg > t->start ? &t->segs[t->nseg - 1] : NULL;

	if (n == 0)
		return;
	kj_grow(&t->lit, &t->caplit, t->nlit + n + 1, 1);
	memcpy(t->lit + t->nlit, s, n);
	if (last && last->var == NOVAR && last->off + last->len == t->nlit) {
		last->len += n;
	} else {
		kj_grow(&t->segs, &t->capseg, t->nseg + 1, sizeof *t->segs);
		t->segs[t->nseg++] = (struct seg){ NOVAR, t->nlit, n };
	}
	t->nlit += n;
}

static void add_var(kj_tpl *t, size_t v)
{
	kj_grow(&t->segs, &t->capseg, t->nseg + 1, sizeof *t->segs);
	t->segs[t->nseg++] = (struct seg){ v, 0, 0 };
}

static int is_name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* One character column more unless c continues a UTF-8 sequence. */
static long colstep(unsigned char c)
{
	return (c & 0xC0) != 0x80;
}

static void known_list(const struct parser *p, char *buf, size_t n)
{
	size_t k = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < p->nvars && k < n; i++) {
		int w = snprintf(buf + k, n - k, "%s{%s}", i ? ", " : "",
		                 p->vars[i]);

		if (w < 0)
			break;
		k += (size_t)w;
	}
}

/*
 * Segments of s[0..n) starting at line:col; LF (and CR LF) in s is a line
 * end (kept as LF).  Placeholders cannot span lines.
 */
static void parse_text(struct parser *p, const char *s, size_t n, long line,
                       long col)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r' && i + 1 < n && s[i + 1] == '\n') {
			i++;
			continue;
		}
		if (c == '\n') {
			add_lit(p->t, "\n", 1);
			i++;
			line++;
			col = 1;
			continue;
		}
		if (c == '}') {
			int two = i + 1 < n && s[i + 1] == '}';

			add_lit(p->t, "}", 1);
			i += two ? 2 : 1;
			col += two ? 2 : 1;
			continue;
		}
		if (c == '{') {
			size_t j = i + 1, v;

			if (j < n && s[j] == '{') {
				add_lit(p->t, "{", 1);
				i += 2;
				col += 2;
				continue;
			}
			while (j < n && is_name_char((unsigned char)s[j]))
				j++;
			if (j >= n || s[j] != '}') {
				perr(p, line, col, "'{' without its '}': "
				     "expected {name}, or {{ for a literal "
				     "brace");
				add_lit(p->t, "{", 1);
				i++;
				col++;
				continue;
			}
			if (j == i + 1) {
				perr(p, line, col, "empty placeholder {}: "
				     "expected {name}, or {{ for a literal "
				     "brace");
			} else {
				for (v = 0; v < p->nvars; v++)
					if (strlen(p->vars[v]) == j - i - 1 &&
					    !memcmp(p->vars[v], s + i + 1,
					            j - i - 1))
						break;
				if (v < p->nvars) {
					add_var(p->t, v);
				} else {
					char known[512];

					known_list(p, known, sizeof known);
					perr(p, line, col, "unknown "
					     "placeholder {%.*s} (expected "
					     "one of %s)", (int)(j - i - 1),
					     s + i + 1, known);
				}
			}
			col += (long)(j + 1 - i);
			i = j + 1;
			continue;
		}
		/* A run of plain text. */
		{
			size_t j = i;

			while (j < n && s[j] != '{' && s[j] != '}' &&
			       s[j] != '\n' && s[j] != '\r') {
				col += colstep((unsigned char)s[j]);
				j++;
			}
			if (j == i) {   /* a lone CR */
				col++;
				j++;
			}
			add_lit(p->t, s + i, j - i);
			i = j;
		}
	}
}

/* The position (line, character column) of byte off of text. */
static void place(const char *text, size_t off, long *line, long *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			*col += colstep((unsigned char)text[i]);
		}
	}
}

kj_tpl *kj_tpl_parse(const char *name, const char *text, size_t len,
                     const char *const *vars, size_t nvars,
                     const char *const *hdrs, size_t nhdrs,
                     kj_err *errs, size_t maxerr, size_t *nerr)
{
	struct parser p;
	kj_tpl *t = kj_xcalloc(1, sizeof *t);
	size_t pos = 0, bad, cur = (size_t)-1;
	long line = 0;
	int body = 0;

	memset(&p, 0, sizeof p);
	p.t = t;
	p.name = name;
	p.vars = vars;
	p.nvars = nvars;
	p.errs = errs;
	p.maxerr = maxerr;
	t->nhdrs = nhdrs;
	t->nvars = nvars;
	t->hdrs = kj_xcalloc(nhdrs + 1, sizeof *t->hdrs);

	if (kj_utf8_check(text, len, &bad) < 0) {
		long l, c;

		place(text, bad, &l, &c);
		perr(&p, l, c, "invalid UTF-8 or a NUL byte: a template "
		     "is UTF-8 text");
		goto out;
	}
	/* The header block. */
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos, k;

		line++;
		pos += n + (nl != NULL);
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n == 0) {
			body = 1;
			break;
		}
		if (s[0] == ' ' || s[0] == '\t') {
			if (cur == (size_t)-1) {
				if (!p.nerr)
					perr(&p, line, 1, "a continuation "
					     "line (starting with a blank) "
					     "before any header");
				continue;
			}
			for (k = 0; k < n && (s[k] == ' ' || s[k] == '\t');)
				k++;
			add_lit(t, " ", 1);
			parse_text(&p, s + k, n - k, line, (long)k + 1);
			t->hdrs[cur].count = t->nseg - t->hdrs[cur].first;
			continue;
		}
		for (k = 0; k < n && (is_name_char((unsigned char)s[k]) ||
		                      s[k] == '-');)
			k++;
		if (k == 0 || k >= n || s[k] != ':') {
			perr(&p, line, 1, "expected a header line 'Name: "
			     "value', or an empty line between the headers "
			     "and the body");
			goto out;
		}
		for (cur = 0; cur < nhdrs; cur++)
			if (strlen(hdrs[cur]) == k &&
			    !strncasecmp(hdrs[cur], s, k))
				break;
		if (cur == nhdrs) {
			char known[256];
			size_t m = 0;

			known[0] = '\0';
			for (size_t h = 0; h < nhdrs && m < sizeof known; h++)
				m += (size_t)snprintf(known + m,
				                      sizeof known - m,
				                      "%s%s", h ? ", " : "",
				                      hdrs[h]);
			perr(&p, line, 1, "unknown header '%.*s' (expected "
			     "%s)", (int)k, s, known);
			cur = (size_t)-1;
			continue;
		}
		if (t->hdrs[cur].line) {
			perr(&p, line, 1, "header '%s' given twice (first "
			     "on line %ld)", hdrs[cur], t->hdrs[cur].line);
			cur = (size_t)-1;
			continue;
		}
		t->hdrs[cur].line = line;
		t->hdrs[cur].first = t->start = t->nseg;
		for (k++; k < n && (s[k] == ' ' || s[k] == '\t');)
			k++;
		parse_text(&p, s + k, n - k, line, (long)k + 1);
		t->hdrs[cur].count = t->nseg - t->hdrs[cur].first;
	}
	if (!body) {
		perr(&p, line + 1, 0, "the template ends in its headers: "
		     "expected an empty line and then the body");
		goto out;
	}
	t->body.line = line + 1;
	t->body.first = t->start = t->nseg;
	parse_text(&p, text + pos, len - pos, line + 1, 1);
	if (len > pos && text[len - 1] != '\n')
		add_lit(t, "\n", 1);
	t->body.count = t->nseg - t->body.first;
out:
	*nerr = p.nerr < maxerr ? p.nerr : maxerr;
	if (p.nerr) {
		kj_tpl_free(t);
		return NULL;
	}
	return t;
}

void kj_tpl_free(kj_tpl *t)
{
	if (!t)
		return;
	free(t->lit);
	free(t->segs);
	free(t->hdrs);
	free(t);
}

long kj_tpl_header(const kj_tpl *t, size_t hdr)
{
	return hdr < t->nhdrs ? t->hdrs[hdr].line : 0;
}

int kj_tpl_uses(const kj_tpl *t, size_t var)
{
	for (size_t i = 0; i < t->nseg; i++)
		if (t->segs[i].var == var)
			return 1;
	return 0;
}

char *kj_tpl_render(const kj_tpl *t, size_t hdr, const char *const *values,
                    size_t *len)
{
	const struct part *p = hdr == KJ_TPL_BODY ? &t->body : &t->hdrs[hdr];
	size_t n = 0, cap = 0;
	char *out = NULL;

	kj_grow(&out, &cap, 1, 1);
	for (size_t i = p->first; i < p->first + p->count; i++) {
		const struct seg *s = &t->segs[i];
		const char *src = s->var == NOVAR ? t->lit + s->off
		                                  : values[s->var];
		size_t m = s->var == NOVAR ? s->len : strlen(src);

		kj_grow(&out, &cap, n + m + 1, 1);
		memcpy(out + n, src, m);
		n += m;
	}
	out[n] = '\0';
	if (len)
		*len = n;
	return out;
}
