/* xlsx: see xlsx.h. */
#include "xlsx.h"
#include "io.h"
#include "mem.h"
#include "tsv.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <dlfcn.h>
#include <xlsxwriter.h>
#include <zlib.h>

/* Whole numbers above 2^53 cannot be stored exactly in a cell (a double). */
#define EXACT_MAX ((int64_t)1 << 53)
#define WIDTH_MIN 6
#define WIDTH_MAX 60

enum style {
	ST_TITLE, ST_SUBTITLE, ST_HEADER,
	ST_INT, ST_CODE, ST_NUM, ST_MONEY, ST_PCT, ST_DATE,
	ST_TOTAL_TEXT, ST_TOTAL_INT, ST_TOTAL_NUM, ST_TOTAL_MONEY,
	ST_COUNT
};

struct kj_xlsx {
	lxw_workbook *wb;
	lxw_format *fmt[ST_COUNT];
	char **names;          /* sheet names in use */
	size_t nnames, cap;
	char *title;
	lxw_doc_properties props;
};

struct kj_xgrid {
	kj_xlsx *x;
	lxw_worksheet *ws;
	char base[KJ_XLSX_SHEETNAME_BUF]; /* name of the first sheet */
	char sheet[KJ_XLSX_SHEETNAME_BUF]; /* name of the current sheet */
	size_t ncols;
	const kj_coldef *const *defs;
	const char *const *labels;
	kj_xgrid_opts opts;
	uint32_t header_row;   /* zero-based */
	uint32_t row;          /* current data row on the current sheet */
	uint32_t row_limit;    /* first row that cannot hold data */
	unsigned sheets;       /* sheets used so far */
	uint64_t rows;         /* data rows over all sheets */
	int64_t *isum;         /* exact sums of integer and money columns */
	double *dsum;          /* sums of decimal columns */
	unsigned *width;       /* widest content, characters */
	int overflow;          /* a sum no longer fits int64 */
	lxw_worksheet **all;   /* every sheet of the grid, for widths */
	size_t nall, capall;
};

/* ---- sheet names ---------------------------------------------------------- */

void kj_xlsx_sheet_name(const char *in, char out[KJ_XLSX_SHEETNAME_BUF])
{
	const unsigned char *p = (const unsigned char *)in;
	size_t len = strlen(in), i = 0, j = 0, chars = 0, bad;

	/* Invalid UTF-8 would make an invalid workbook: keep the ASCII. */
	int valid = kj_utf8_check(in, len, &bad) >= 0;

	while (i < len && chars < KJ_XLSX_SHEETNAME_MAX) {
		unsigned char c = p[i];
		size_t n = 1;

		if (c >= 0x80) {
			if (!valid) {
				out[j++] = '_';
				chars++;
				i++;
				continue;
			}
			n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			/* Excel counts UTF-16 units: astral chars take two. */
			if (n == 4 && chars + 2 > KJ_XLSX_SHEETNAME_MAX)
				break;
			memcpy(out + j, p + i, n);
			j += n;
			i += n;
			chars += n == 4 ? 2 : 1;
			continue;
		}
		if (c < 0x20 || c == 0x7F || strchr("[]:*?/\\", c))
			c = '_';
		out[j++] = (char)c;
		i++;
		chars++;
	}
	out[j] = '\0';
	/* No apostrophe at either end (Excel refuses them there), and no
	 * blank left dangling where the name was cut. */
	while (j > 0 && (out[j - 1] == '\'' || out[j - 1] == ' '))
		out[--j] = '\0';
	size_t lead = strspn(out, "'");
	if (lead)
		memmove(out, out + lead, j - lead + 1);
	if (!*out)
		strcpy(out, "Sheet");
	if (strcasecmp(out, "History") == 0)
		strcat(out, "_");
}

/* Length in UTF-16 units, as Excel counts a sheet name: a 4-byte UTF-8
 * character (outside the BMP) is two. */
static size_t utf16_len(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) != 0x80)
			n += c >= 0xF0 ? 2 : 1;
	}
	return n;
}

static int name_taken(const kj_xlsx *x, const char *name)
{
	for (size_t i = 0; i < x->nnames; i++)
		if (strcasecmp(x->names[i], name) == 0)
			return 1;
	return 0;
}

/* Make name unique in x by appending " (2)", " (3)", ... */
static void unique_name(kj_xlsx *x, char name[KJ_XLSX_SHEETNAME_BUF])
{
	char base[KJ_XLSX_SHEETNAME_BUF], suffix[24];

	if (!name_taken(x, name))
		goto done;
	strcpy(base, name);
	for (unsigned k = 2;; k++) {
		size_t slen = (size_t)snprintf(suffix, sizeof suffix, " (%u)",
		                               k);
		size_t blen = strlen(base);
		size_t chars = utf16_len(base, blen);

		/* Cut the base, on a character boundary, to fit 31. */
		while (chars + slen > KJ_XLSX_SHEETNAME_MAX && blen > 0) {
			do
				blen--;
			while (blen > 0 &&
			       ((unsigned char)base[blen] & 0xC0) == 0x80);
			chars = utf16_len(base, blen);
		}
		memcpy(name, base, blen);
		strcpy(name + blen, suffix);
		if (!name_taken(x, name))
			break;
	}
done:
	kj_grow(&x->names, &x->cap, x->nnames + 1, sizeof *x->names);
	x->names[x->nnames++] = kj_xstrdup(name);
}

/* ---- workbook ------------------------------------------------------------- */

static int lxw_failed(kj_err *err, lxw_error e, const char *what)
{
	kj_err_set(err, NULL, 0, 0, "%s: %s", what, lxw_strerror(e));
	err->status = KJ_EXIT_INTERNAL;
	return -1;
}

/*
 * The zip level.  libxlsxwriter 1.1.4 deflates every part at zlib's
 * default level 6 (through minizip's zipOpenNewFileInZip4_64), and that
 * deflate was 40 % of rekap-xlsx's time.  This definition in the program
 * comes before libminizip's in the dynamic symbol lookup (the program's
 * symbols are searched first), so libxlsxwriter's call lands here: the
 * same call on to minizip, the level 1 instead of the default.  The file
 * is the same zip of the same XML, larger by about a third.  Should the
 * lookup of minizip's own fail, nothing is written (an I/O error).
 */
typedef int zip_open_fn(void *, const char *, const void *, const void *,
                        unsigned, const void *, unsigned, const char *, int,
                        int, int, int, int, int, const char *, unsigned long,
                        unsigned long, unsigned long, int);
zip_open_fn zipOpenNewFileInZip4_64;
int zipOpenNewFileInZip4_64(void *file, const char *filename,
                            const void *zipfi, const void *extra_local,
                            unsigned size_local, const void *extra_global,
                            unsigned size_global, const char *comment,
                            int method, int level, int raw, int window_bits,
                            int mem_level, int strategy,
                            const char *password, unsigned long crc,
                            unsigned long made_by, unsigned long flag_base,
                            int zip64)
{
	static zip_open_fn *real;

	if (!real) {
		void *p = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");

		if (!p)
			return -1;      /* ZIP_ERRNO */
		memcpy(&real, &p, sizeof real);
	}
	if (method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION)
		level = 1;
	return real(file, filename, zipfi, extra_local, size_local,
	            extra_global, size_global, comment, method, level, raw,
	            window_bits, mem_level, strategy, password, crc, made_by,
	            flag_base, zip64);
}

static lxw_format *new_format(lxw_workbook *wb, const char *numfmt, int bold)
{
	lxw_format *f = workbook_add_format(wb);

	if (numfmt)
		format_set_num_format(f, numfmt);
	if (bold)
		format_set_bold(f);
	return f;
}

kj_xlsx *kj_xlsx_open(const char *path, const char *title, kj_err *err)
{
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };
	const char *tmpdir = getenv("TMPDIR");
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t created = 0;
	kj_xlsx *x;

	/* Checked first: a refused value must leave no file behind. */
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long t = strtoll(sde, &end, 10);

		if (errno || *end || t < 0) {
			kj_err_set(err, NULL, 0, 0,
			           "SOURCE_DATE_EPOCH='%s' is not a number of "
			           "seconds", sde);
			return NULL;
		}
		/* libxlsxwriter takes a created time of 0 for "now": the
		 * nearest reproducible time is a second later. */
		created = t ? (time_t)t : 1;
	}
	x = kj_xcalloc(1, sizeof *x);
	if (tmpdir && *tmpdir)
		options.tmpdir = (char *)tmpdir;
	x->wb = workbook_new_opt(path, &options);
	if (!x->wb) {
		kj_err_sys(err, path, "cannot create workbook");
		free(x);
		return NULL;
	}
	lxw_format **f = x->fmt;
	f[ST_TITLE] = new_format(x->wb, NULL, 1);
	format_set_font_size(f[ST_TITLE], 14);
	f[ST_SUBTITLE] = new_format(x->wb, NULL, 0);
	format_set_italic(f[ST_SUBTITLE]);
	f[ST_HEADER] = new_format(x->wb, NULL, 1);
	format_set_bg_color(f[ST_HEADER], 0xD9E1F2);
	format_set_bottom(f[ST_HEADER], LXW_BORDER_THIN);
	format_set_text_wrap(f[ST_HEADER]);
	format_set_align(f[ST_HEADER], LXW_ALIGN_VERTICAL_TOP);
	f[ST_INT] = new_format(x->wb, "#,##0", 0);
	f[ST_CODE] = new_format(x->wb, "0", 0);
	f[ST_NUM] = new_format(x->wb, "#,##0.00", 0);
	f[ST_MONEY] = new_format(x->wb, "\"Rp \"#,##0", 0);
	f[ST_PCT] = new_format(x->wb, "0.00%", 0);
	f[ST_DATE] = new_format(x->wb, "yyyy-mm-dd", 0);
	f[ST_TOTAL_TEXT] = new_format(x->wb, NULL, 1);
	f[ST_TOTAL_INT] = new_format(x->wb, "#,##0", 1);
	f[ST_TOTAL_NUM] = new_format(x->wb, "#,##0.00", 1);
	f[ST_TOTAL_MONEY] = new_format(x->wb, "\"Rp \"#,##0", 1);
	for (int i = ST_TOTAL_TEXT; i <= ST_TOTAL_MONEY; i++)
		format_set_top(f[i], LXW_BORDER_THIN);

	/* Reproducible output: the creation date is the only varying part. */
	if (title && *title)
		x->title = kj_xstrdup(title);
	x->props.title = x->title;
	x->props.author = "kinerja";
	if (created)
		x->props.created = created;
	lxw_error e = workbook_set_properties(x->wb, &x->props);
	if (e) {
		lxw_failed(err, e, "cannot set workbook properties");
		workbook_close(x->wb);
		free(x->title);
		free(x);
		return NULL;
	}
	return x;
}

int kj_xlsx_close(kj_xlsx *x, kj_err *err)
{
	lxw_error e = workbook_close(x->wb);
	int rc = 0;

	if (e)
		rc = lxw_failed(err, e, "cannot write the workbook");
	for (size_t i = 0; i < x->nnames; i++)
		free(x->names[i]);
	free(x->names);
	free(x->title);
	free(x);
	return rc;
}

/* ---- grid ----------------------------------------------------------------- */

static int is_int_type(const kj_coldef *d)
{
	return d->type == KJ_COL_INT || d->type == KJ_COL_MONEY;
}

static void widen(kj_xgrid *g, size_t col, size_t chars)
{
	if (chars > g->width[col])
		g->width[col] = chars > WIDTH_MAX ? WIDTH_MAX : (unsigned)chars;
}

/* Characters shown for an integer: sign and digits, and the thousands
 * separators when the format has them. */
static size_t int_chars(int64_t v, int separators)
{
	size_t digits = 1;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	while (u >= 10) {
		u /= 10;
		digits++;
	}
	return digits + (separators ? (digits - 1) / 3 : 0) + (v < 0);
}

static int start_sheet(kj_xgrid *g, kj_err *err)
{
	char name[KJ_XLSX_SHEETNAME_BUF];
	lxw_error e;
	uint32_t r = 0;

	/* A continuation sheet is the base name made unique: "Base (2)". */
	strcpy(name, g->base);
	unique_name(g->x, name);
	strcpy(g->sheet, name);
	if (g->sheets == 0)
		strcpy(g->base, name);
	{
		/* constant_memory: the sheet's temporary file is made here,
		 * named under $TMPDIR and unlinked at once */
		kj_signals_hold();
		g->ws = workbook_add_worksheet(g->x->wb, name);
		kj_signals_release();
	}
	if (!g->ws) {
		kj_err_set(err, NULL, 0, 0, "cannot add sheet '%s'", name);
		err->status = KJ_EXIT_INTERNAL;
		return -1;
	}
	g->sheets++;
	kj_grow(&g->all, &g->capall, g->nall + 1, sizeof *g->all);
	g->all[g->nall++] = g->ws;
	if (g->opts.title) {
		e = worksheet_write_string(g->ws, r++, 0, g->opts.title,
		                           g->x->fmt[ST_TITLE]);
		if (e)
			return lxw_failed(err, e, "cannot write the title");
		if (g->opts.subtitle) {
			e = worksheet_write_string(g->ws, r++, 0,
			                           g->opts.subtitle,
			                           g->x->fmt[ST_SUBTITLE]);
			if (e)
				return lxw_failed(err, e,
				                  "cannot write the title");
		}
		r++; /* a blank row before the header */
	}
	g->header_row = r;
	for (size_t c = 0; c < g->ncols; c++) {
		e = worksheet_write_string(g->ws, r, (lxw_col_t)c,
		                           g->labels[c], g->x->fmt[ST_HEADER]);
		if (e)
			return lxw_failed(err, e, "cannot write the header");
	}
	/*
	 * In constant_memory mode libxlsxwriter refuses ranges that start
	 * above the row being written, so the autofilter is set now, on the
	 * header alone, and its last row (a field of the public
	 * lxw_autofilter struct, read when the workbook is closed) is
	 * extended when the grid ends.
	 */
	e = worksheet_autofilter(g->ws, r, 0, r, (lxw_col_t)(g->ncols - 1));
	if (e)
		return lxw_failed(err, e, "cannot set the autofilter");
	g->row = r + 1;
	/* Keep one row free for the totals on whichever sheet is last. */
	g->row_limit = KJ_XLSX_MAX_ROWS - (g->opts.total ? 1 : 0);
	return 0;
}

kj_xgrid *kj_xgrid_begin(kj_xlsx *x, const char *name, size_t ncols,
                         const kj_coldef *const *defs,
                         const char *const *labels,
                         const kj_xgrid_opts *opts, kj_err *err)
{
	kj_xgrid *g;

	if (ncols == 0 || ncols > 16384) {
		kj_err_set(err, NULL, 0, 0,
		           "%zu columns (a sheet holds 1 to 16384)", ncols);
		return NULL;
	}
	g = kj_xcalloc(1, sizeof *g);
	g->x = x;
	g->ncols = ncols;
	g->defs = defs;
	g->labels = labels;
	if (opts)
		g->opts = *opts;
	g->isum = kj_xcalloc(ncols, sizeof *g->isum);
	g->dsum = kj_xcalloc(ncols, sizeof *g->dsum);
	g->width = kj_xcalloc(ncols, sizeof *g->width);
	for (size_t c = 0; c < ncols; c++) {
		/* Room for the autofilter button beside the label. */
		widen(g, c, kj_utf8_len(labels[c], strlen(labels[c])) + 2);
	}
	kj_xlsx_sheet_name(name, g->base);
	if (start_sheet(g, err) < 0) {
		free(g->isum);
		free(g->dsum);
		free(g->width);
		free(g->all);
		free(g);
		return NULL;
	}
	return g;
}

const kj_coldef *kj_xgrid_def(const kj_xgrid *g, size_t col)
{
	return g->defs[col];
}

const char *kj_xgrid_sheet_name(const kj_xgrid *g)
{
	return g->base;
}

uint32_t kj_xgrid_header_row(const kj_xgrid *g)
{
	return g->header_row;
}

uint64_t kj_xgrid_rows(const kj_xgrid *g)
{
	return g->rows;
}

int64_t kj_xgrid_sum(const kj_xgrid *g, size_t col)
{
	return g->isum[col];
}

double kj_xgrid_dsum(const kj_xgrid *g, size_t col)
{
	return g->dsum[col];
}

int kj_xgrid_text(kj_xgrid *g, size_t col, const char *s, size_t len,
                  kj_err *err)
{
	size_t chars;
	lxw_error e;

	if (len == 0)
		return 0;
	chars = kj_utf8_len(s, len);
	if (chars > KJ_XLSX_MAX_STRING) {
		kj_err_set(err, NULL, 0, 0,
		           "text of %zu characters does not fit a cell (Excel "
		           "holds at most %u)", chars, KJ_XLSX_MAX_STRING);
		return -1;
	}
	/* libxlsxwriter reads up to a NUL: give it exactly s[0..len), with
	 * a copy only when the text is not NUL-terminated there already
	 * (fields from the TSV reader always are). */
	char *copy = s[len] == '\0' ? NULL : kj_xstrndup(s, len);

	e = worksheet_write_string(g->ws, g->row, (lxw_col_t)col,
	                           copy ? copy : s, NULL);
	free(copy);
	if (e)
		return lxw_failed(err, e, "cannot write a cell");
	widen(g, col, chars + 1);
	return 0;
}

static int write_exact(kj_xgrid *g, size_t col, int64_t v, lxw_format *f,
                       kj_err *err)
{
	lxw_error e;

	if (v > EXACT_MAX || v < -EXACT_MAX) {
		kj_err_set(err, NULL, 0, 0,
		           "%" PRId64 " is too large for a spreadsheet cell "
		           "(at most 2^53 is exact)", v);
		return -1;
	}
	e = worksheet_write_number(g->ws, g->row, (lxw_col_t)col, (double)v,
	                           f);
	if (e)
		return lxw_failed(err, e, "cannot write a cell");
	if (kj_col_summable(g->defs[col]) && is_int_type(g->defs[col]) &&
	    __builtin_add_overflow(g->isum[col], v, &g->isum[col]))
		g->overflow = 1;
	return 0;
}

int kj_xgrid_int(kj_xgrid *g, size_t col, int64_t v, kj_err *err)
{
	/* Identifiers such as kelas or tahun are shown without separators. */
	int code = g->defs[col]->flags & KJ_COL_NOSUM;

	widen(g, col, int_chars(v, !code));
	return write_exact(g, col, v, g->x->fmt[code ? ST_CODE : ST_INT], err);
}

int kj_xgrid_money(kj_xgrid *g, size_t col, int64_t v, kj_err *err)
{
	widen(g, col, int_chars(v, 1) + 4);
	return write_exact(g, col, v, g->x->fmt[ST_MONEY], err);
}

int kj_xgrid_pct(kj_xgrid *g, size_t col, int64_t pct_e4, kj_err *err)
{
	lxw_error e;

	/* 87.5 % is stored as 875000 and shown by Excel as the fraction
	 * 0.875 with the format 0.00%. */
	e = worksheet_write_number(g->ws, g->row, (lxw_col_t)col,
	                           (double)pct_e4 / 1e6, g->x->fmt[ST_PCT]);
	if (e)
		return lxw_failed(err, e, "cannot write a cell");
	widen(g, col, int_chars(pct_e4 / 10000, 0) + 4);
	return 0;
}

int kj_xgrid_num(kj_xgrid *g, size_t col, double v, size_t shown_chars,
                 kj_err *err)
{
	lxw_error e = worksheet_write_number(g->ws, g->row, (lxw_col_t)col, v,
	                                     g->x->fmt[ST_NUM]);

	if (e)
		return lxw_failed(err, e, "cannot write a cell");
	if (kj_col_summable(g->defs[col]))
		g->dsum[col] += v;
	widen(g, col, shown_chars + 1);
	return 0;
}

int kj_xgrid_date(kj_xgrid *g, size_t col, int y, int m, int d, kj_err *err)
{
	lxw_datetime dt = { .year = y, .month = m, .day = d };
	lxw_error e = worksheet_write_datetime(g->ws, g->row, (lxw_col_t)col,
	                                       &dt, g->x->fmt[ST_DATE]);

	if (e)
		return lxw_failed(err, e, "cannot write a cell");
	widen(g, col, 11);
	return 0;
}

int kj_xgrid_end_row(kj_xgrid *g, kj_err *err)
{
	g->rows++;
	g->row++;
	if (g->row >= g->row_limit) {
		if (start_sheet(g, err) < 0)
			return -1;
		kj_diag_warning(NULL, 0, 0,
		                "sheet '%s' is full at %u rows; continuing "
		                "on '%s'", g->base, KJ_XLSX_MAX_ROWS,
		                g->sheet);
	}
	return 0;
}

int kj_xgrid_chart(kj_xgrid *g, size_t cat_col, size_t val_col,
                   const char *title, kj_err *err)
{
	lxw_chart *chart;
	lxw_chart_series *series;
	uint32_t first = g->header_row + 1, last = g->row - 1;
	lxw_error e;

	if (g->row == first)
		return 0; /* nothing to draw */
	chart = workbook_add_chart(g->x->wb, LXW_CHART_COLUMN);
	if (!chart) {
		kj_err_set(err, NULL, 0, 0, "cannot add a chart");
		err->status = KJ_EXIT_INTERNAL;
		return -1;
	}
	series = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(series, g->sheet, first,
	                            (lxw_col_t)cat_col, last,
	                            (lxw_col_t)cat_col);
	chart_series_set_values(series, g->sheet, first, (lxw_col_t)val_col,
	                        last, (lxw_col_t)val_col);
	chart_series_set_name(series, g->labels[val_col]);
	if (title)
		chart_title_set_name(chart, title);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	if (g->defs[val_col]->type == KJ_COL_MONEY)
		chart_axis_set_num_format(chart->y_axis, "\"Rp \"#,##0");
	e = worksheet_insert_chart(g->ws, g->header_row,
	                           (lxw_col_t)(g->ncols + 1), chart);
	if (e)
		return lxw_failed(err, e, "cannot place the chart");
	return 0;
}

static int write_totals(kj_xgrid *g, kj_err *err)
{
	uint32_t first = g->header_row + 1, r = g->row;
	int one_sheet = g->sheets == 1;
	lxw_format **f = g->x->fmt;
	lxw_error e;

	if (g->overflow) {
		kj_err_set(err, NULL, 0, 0,
		           "a column total overflows 64-bit integers");
		return -1;
	}
	e = worksheet_write_string(g->ws, r, 0,
	                           one_sheet ? "Jumlah" : "Jumlah (semua lembar)",
	                           f[ST_TOTAL_TEXT]);
	if (e)
		return lxw_failed(err, e, "cannot write the totals");
	for (size_t c = 1; c < g->ncols; c++) {
		const kj_coldef *d = g->defs[c];
		char formula[64], colname[8];
		double value;
		lxw_format *tf;

		if (!kj_col_summable(d))
			continue;
		if (is_int_type(d)) {
			if (g->isum[c] > EXACT_MAX || g->isum[c] < -EXACT_MAX) {
				kj_err_set(err, NULL, 0, 0,
				           "the total of column '%s' is too "
				           "large for a spreadsheet cell",
				           g->labels[c]);
				return -1;
			}
			value = (double)g->isum[c];
			tf = f[d->type == KJ_COL_MONEY ? ST_TOTAL_MONEY
			                               : ST_TOTAL_INT];
			widen(g, c, int_chars(g->isum[c], 1) +
			                (d->type == KJ_COL_MONEY ? 4 : 0));
		} else {
			value = g->dsum[c];
			tf = f[ST_TOTAL_NUM];
		}
		if (one_sheet) {
			/* A live formula, with the exact sum as its cached
			 * value for readers that do not recalculate. */
			lxw_col_to_name(colname, (lxw_col_t)c, 0);
			if (r > first)
				snprintf(formula, sizeof formula,
				         "=SUM(%s%u:%s%u)", colname, first + 1,
				         colname, r);
			else
				snprintf(formula, sizeof formula, "=0");
			e = worksheet_write_formula_num(g->ws, r, (lxw_col_t)c,
			                                formula, tf, value);
		} else {
			e = worksheet_write_number(g->ws, r, (lxw_col_t)c,
			                           value, tf);
		}
		if (e)
			return lxw_failed(err, e, "cannot write the totals");
	}
	return 0;
}

static void free_grid(kj_xgrid *g)
{
	free(g->isum);
	free(g->dsum);
	free(g->width);
	free(g->all);
	free(g);
}

int kj_xgrid_end(kj_xgrid *g, kj_err *err)
{
	int rc = 0;
	lxw_error e;

	if (g->opts.total && write_totals(g, err) < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < g->nall; i++) {
		lxw_worksheet *ws = g->all[i];
		uint32_t last = ws == g->ws ? g->row - 1 : g->row_limit - 1;

		if (last < g->header_row)
			last = g->header_row;
		for (size_t c = 0; c < g->ncols; c++) {
			unsigned w = g->width[c] < WIDTH_MIN ? WIDTH_MIN
			                                     : g->width[c];

			e = worksheet_set_column(ws, (lxw_col_t)c,
			                         (lxw_col_t)c, w, NULL);
			if (e) {
				rc = lxw_failed(err, e, "cannot set widths");
				break;
			}
		}
		worksheet_freeze_panes(ws, g->header_row + 1, 0);
		ws->autofilter.last_row = last;
	}
	free_grid(g);
	return rc;
}
