/* table: see table.h. */
#include "table.h"
#include "mem.h"
#include "money.h"
#include "period.h"
#include "tsv.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- values ------------------------------------------------------------- */

int kj_value_parse(kj_coltype t, const char *s, size_t len, kj_value *v,
                   kj_err *err)
{
	memset(v, 0, sizeof *v);
	v->type = t;
	v->s = s;
	v->len = len;
	if (len == 0) {
		v->empty = 1;
		return 0;
	}
	switch (t) {
	case KJ_COL_TEXT:
		return 0;
	case KJ_COL_INT:
		/* FORMATS.md: numeric columns also take the Indonesian form
		 * ("1.234.567"); "1.234" and "1,5" are refused with the
		 * decimal reader's message. */
		return kj_decimal_parse(s, len, 0, &v->i, err);
	case KJ_COL_MONEY:
		return kj_money_parse(s, len, &v->i, err);
	case KJ_COL_PCT:
		return kj_pct_parse(s, len, &v->i, err);
	case KJ_COL_NUM: {
		int64_t scaled;

		/* Six decimals are more than any count or ratio needs. */
		if (kj_decimal_parse(s, len, 6, &scaled, err))
			return -1;
		v->d = (double)scaled / 1e6;
		return 0;
	}
	case KJ_COL_DATE: {
		kj_date d;

		if (kj_date_parse(s, len, &d, err))
			return -1;
		kj_date_ymd(d, &v->y, &v->m, &v->dd);
		return 0;
	}
	}
	return 0;
}

/*
 * The labels of a field of enum words ("tugas_belajar,hukdis_ringan" ->
 * "Tugas Belajar, Hukuman Disiplin Ringan") into buf; words that are not
 * enum words are kept as written.  NULL when buf is too small.
 */
static const char *enum_labels_of(const char *s, size_t len, char *buf,
                                  size_t n)
{
	size_t j = 0;

	for (size_t i = 0; i <= len;) {
		const char *comma = memchr(s + i, ',', len - i);
		size_t end = comma ? (size_t)(comma - s) : len;
		const char *known = kj_enum_word(s + i, end - i);
		const char *label = known ? kj_enum_label(known, strlen(known))
		                          : NULL;
		const char *word = label ? label : s + i;
		size_t wlen = label ? strlen(label) : end - i;

		if (j + wlen + 3 > n)
			return NULL;
		if (j) {
			buf[j++] = ',';
			buf[j++] = ' ';
		}
		memcpy(buf + j, word, wlen);
		j += wlen;
		i = end + 1;
	}
	buf[j] = '\0';
	return buf;
}

int kj_xgrid_value(kj_xgrid *g, size_t col, const kj_value *v, kj_err *err)
{
	char buf[256];
	const char *label;

	if (v->empty)
		return 0;
	switch (v->type) {
	case KJ_COL_TEXT:
		if ((kj_xgrid_def(g, col)->flags & KJ_COL_ENUM) &&
		    (label = enum_labels_of(v->s, v->len, buf, sizeof buf)))
			return kj_xgrid_text(g, col, label, strlen(label),
			                     err);
		return kj_xgrid_text(g, col, v->s, v->len, err);
	case KJ_COL_INT: return kj_xgrid_int(g, col, v->i, err);
	case KJ_COL_MONEY: return kj_xgrid_money(g, col, v->i, err);
	case KJ_COL_PCT: return kj_xgrid_pct(g, col, v->i, err);
	case KJ_COL_NUM: return kj_xgrid_num(g, col, v->d, v->len, err);
	case KJ_COL_DATE: return kj_xgrid_date(g, col, v->y, v->m, v->dd, err);
	}
	return 0;
}

/* ---- inference ---------------------------------------------------------- */

void kj_infer_init(kj_infer *inf)
{
	inf->numeric = 1;
	inf->integral = 1;
	inf->any = 0;
	inf->wide = 0;
}

/*
 * A plain decimal number in the C form: -?digits[.digits], no leading
 * zero unless the integer part is "0", at most 15 significant digits (a
 * double holds 15 exactly).  Anything else keeps the column text, so that
 * codes such as "007" or an 18-digit NIP are never turned into numbers.
 */
void kj_infer_add(kj_infer *inf, const char *s, size_t len)
{
	size_t i = 0, int_digits = 0, frac_digits = 0;

	if (len == 0 || !inf->numeric)
		return;
	inf->any = 1;
	size_t start = s[0] == '-';

	i = start;
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		i++;
		int_digits++;
	}
	if (int_digits == 0 || (int_digits > 1 && s[start] == '0'))
		goto text;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			i++;
			frac_digits++;
		}
		if (frac_digits == 0)
			goto text;
		inf->integral = 0;
	}
	if (i != len || int_digits + frac_digits > 15)
		goto text;
	/* A NUM column is read at 6 decimals into an int64
	 * (kj_value_parse), which leaves room for 12 integer digits. */
	if (frac_digits > 6)
		goto text;
	if (int_digits > 12)
		inf->wide = 1;
	return;
text:
	inf->numeric = 0;
}

kj_coltype kj_infer_type(const kj_infer *inf)
{
	if (!inf->any || !inf->numeric)
		return KJ_COL_TEXT;
	if (inf->integral)
		return KJ_COL_INT;
	return inf->wide ? KJ_COL_TEXT : KJ_COL_NUM;
}

/* ---- tables ------------------------------------------------------------- */

struct cell {
	int set;
	int64_t i;
	double d;
	char *s;
};

struct kj_table {
	size_t ncols, nrows, caprows;
	char **names;
	kj_coldef *defs;
	struct cell *cells;   /* nrows * ncols */
};

kj_table *kj_table_new(size_t ncols, const char *const *names)
{
	kj_coldef *unknown = kj_xcalloc(ncols, sizeof *unknown);
	const kj_coldef **defs = kj_xcalloc(ncols, sizeof *defs);
	kj_table *t;

	for (size_t c = 0; c < ncols; c++) {
		defs[c] = kj_col_lookup(names[c]);
		if (!defs[c]) {
			unknown[c].name = names[c];
			unknown[c].type = KJ_COL_TEXT;
			defs[c] = &unknown[c];
		}
	}
	t = kj_table_new_defs(ncols, defs);
	/* An unknown column is labelled with its name, the table's copy. */
	for (size_t c = 0; c < ncols; c++)
		if (defs[c] == &unknown[c])
			t->defs[c].label = t->names[c];
	free(unknown);
	free(defs);
	return t;
}

kj_table *kj_table_new_defs(size_t ncols, const kj_coldef *const *defs)
{
	kj_table *t = kj_xcalloc(1, sizeof *t);

	t->ncols = ncols;
	t->names = kj_xcalloc(ncols, sizeof *t->names);
	t->defs = kj_xcalloc(ncols, sizeof *t->defs);
	for (size_t c = 0; c < ncols; c++) {
		t->names[c] = kj_xstrdup(defs[c]->name);
		t->defs[c] = *defs[c];
		t->defs[c].name = t->names[c];
	}
	return t;
}

void kj_table_free(kj_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i].s);
	for (size_t c = 0; c < t->ncols; c++)
		free(t->names[c]);
	free(t->names);
	free(t->defs);
	free(t->cells);
	free(t);
}

size_t kj_table_ncols(const kj_table *t)
{
	return t->ncols;
}

size_t kj_table_nrows(const kj_table *t)
{
	return t->nrows;
}

const kj_coldef *kj_table_def(const kj_table *t, size_t col)
{
	return &t->defs[col];
}

void kj_table_add_row(kj_table *t)
{
	size_t cap = t->caprows * t->ncols;

	kj_grow(&t->cells, &cap, (t->nrows + 1) * t->ncols, sizeof *t->cells);
	t->caprows = cap / (t->ncols ? t->ncols : 1);
	memset(&t->cells[t->nrows * t->ncols], 0, t->ncols * sizeof *t->cells);
	t->nrows++;
}

static struct cell *current(kj_table *t, size_t col)
{
	return &t->cells[(t->nrows - 1) * t->ncols + col];
}

void kj_table_set_text(kj_table *t, size_t col, const char *s)
{
	struct cell *c = current(t, col);

	free(c->s);
	c->s = kj_xstrdup(s);
	c->set = 1;
}

void kj_table_set_int(kj_table *t, size_t col, int64_t v)
{
	struct cell *c = current(t, col);

	c->i = v;
	c->set = 1;
}

void kj_table_set_num(kj_table *t, size_t col, double v)
{
	struct cell *c = current(t, col);

	c->d = v;
	c->set = 1;
}

/* The text of a cell as TSV and YAML show it. */
static const char *cell_text(const kj_table *t, size_t col,
                             const struct cell *c, char *buf, size_t n)
{
	if (!c->set)
		return "";
	switch (t->defs[col].type) {
	case KJ_COL_INT:
	case KJ_COL_MONEY:
		snprintf(buf, n, "%" PRId64, c->i);
		return buf;
	case KJ_COL_PCT:
		kj_pct_format(c->i, buf, n);
		return buf;
	case KJ_COL_NUM: {
		/* What kj_value_parse reads back: at most 6 decimals, no
		 * exponent. */
		double r = round(c->d * 1e6);

		if (r > -9e18 && r < 9e18)
			kj_decimal_format((int64_t)r, 6, 6, buf, n);
		else
			snprintf(buf, n, "%.0f", c->d);
		return buf;
	}
	default:
		return c->s ? c->s : "";
	}
}

int kj_table_write_tsv(const kj_table *t, FILE *f)
{
	char buf[64];

	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			putc('\t', f);
		kj_tsv_puts(f, t->names[c]);
	}
	putc('\n', f);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				putc('\t', f);
			kj_tsv_puts(f, cell_text(t, c,
			                         &t->cells[r * t->ncols + c],
			                         buf, sizeof buf));
		}
		putc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}

/* A YAML double-quoted scalar: safe for every text (NIPs stay text). */
static void yaml_quoted(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", f);
		else if (ch == '\t')
			fputs("\\t", f);
		else if (ch < 0x20 || ch == 0x7F)
			fprintf(f, "\\x%02X", ch);
		else
			putc(ch, f);
	}
	putc('"', f);
}

/* A mapping key: plain when YAML 1.1 reads it back as the same text,
 * double-quoted otherwise ("no" is a boolean, "#x" a comment, ...). */
static void yaml_key(FILE *f, const char *name)
{
	static const char *const words[] = {
		"y", "n", "yes", "no", "on", "off", "true", "false", "null",
	};
	int plain = (*name >= 'a' && *name <= 'z') || *name == '_';

	for (const char *p = name; plain && *p; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		        *p == '_';
	for (size_t i = 0; plain && i < sizeof words / sizeof words[0]; i++)
		plain = strcmp(name, words[i]) != 0;
	if (plain)
		fputs(name, f);
	else
		yaml_quoted(f, name);
}

int kj_table_write_yaml(const kj_table *t, FILE *f)
{
	char buf[64];

	if (t->nrows == 0)
		fputs("[]\n", f);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const struct cell *cell = &t->cells[r * t->ncols + c];
			kj_coltype type = t->defs[c].type;

			fputs(c ? "  " : "- ", f);
			yaml_key(f, t->names[c]);
			fputs(": ", f);
			if (!cell->set)
				fputs("null", f);
			else if (type == KJ_COL_INT || type == KJ_COL_MONEY ||
			         type == KJ_COL_PCT || type == KJ_COL_NUM)
				fputs(cell_text(t, c, cell, buf, sizeof buf),
				      f);
			else
				yaml_quoted(f, cell->s ? cell->s : "");
			putc('\n', f);
		}
	}
	return ferror(f) ? -1 : 0;
}

int kj_table_write_grid(const kj_table *t, kj_xgrid *g, kj_err *err)
{
	char buf[64];

	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const struct cell *cell = &t->cells[r * t->ncols + c];
			kj_value v;
			int rc = 0;

			if (!cell->set)
				continue;
			switch (t->defs[c].type) {
			case KJ_COL_INT:
				rc = kj_xgrid_int(g, c, cell->i, err);
				break;
			case KJ_COL_MONEY:
				rc = kj_xgrid_money(g, c, cell->i, err);
				break;
			case KJ_COL_PCT:
				rc = kj_xgrid_pct(g, c, cell->i, err);
				break;
			case KJ_COL_NUM:
				rc = kj_xgrid_num(g, c, cell->d,
				                  strlen(cell_text(t, c, cell, buf,
				                                   sizeof buf)),
				                  err);
				break;
			default:
				/* Text, dates and numbers kept as text are
				 * parsed like any input value. */
				if (kj_value_parse(t->defs[c].type, cell->s,
				                   strlen(cell->s), &v, err))
					return -1;
				rc = kj_xgrid_value(g, c, &v, err);
			}
			if (rc)
				return -1;
		}
		if (kj_xgrid_end_row(g, err))
			return -1;
	}
	return 0;
}
