/*
 * xlsx: the only module that includes libxlsxwriter.
 *
 * Workbooks are written in constant_memory mode (memory stays flat as rows
 * grow; rows must arrive in order per sheet), with one format object per
 * style, every lxw_error checked, sheet names made valid by our own code
 * (libxlsxwriter 1.1.4's validator had a buffer overflow, fixed in 1.1.8),
 * every text written as a string (never a formula), and SOURCE_DATE_EPOCH
 * honoured so that the same input gives the same bytes.
 *
 * On top of sheets sits the grid: a titled, typed table laid out the way
 * every recap looks (title, period, bold header frozen under an autofilter,
 * typed cells, column widths from the content, an optional totals row,
 * continuation sheets past Excel's row limit).  rekap-xlsx streams rows
 * into grids; kj_table writes itself through one.
 */
#ifndef KJ_XLSX_H
#define KJ_XLSX_H

#include <stddef.h>
#include <stdint.h>

#include "colreg.h"
#include "diag.h"

#define KJ_XLSX_MAX_ROWS 1048576u
#define KJ_XLSX_MAX_STRING 32767u
#define KJ_XLSX_SHEETNAME_MAX 31u
/* Buffer size that holds any sanitised sheet name (31 chars of UTF-8). */
#define KJ_XLSX_SHEETNAME_BUF (KJ_XLSX_SHEETNAME_MAX * 4 + 1)

typedef struct kj_xlsx kj_xlsx;
typedef struct kj_xgrid kj_xgrid;

/*
 * Make a valid Excel sheet name from any text: [ ] : * ? / \ and control
 * characters become '_', leading and trailing apostrophes go, at most 31
 * characters (cut on a character boundary), "" becomes "Sheet" and the
 * reserved "History" becomes "History_".  Pure; uniqueness is the
 * workbook's job.
 */
void kj_xlsx_sheet_name(const char *in, char out[KJ_XLSX_SHEETNAME_BUF]);

/* A new workbook written to path (a temporary file from kj_output). */
kj_xlsx *kj_xlsx_open(const char *path, const char *title, kj_err *err);
/* Write the file.  0 on success.  Frees x either way. */
int kj_xlsx_close(kj_xlsx *x, kj_err *err);

/* Reserve a position: sheets appear in the order they are added. */
typedef struct kj_xgrid_opts {
	const char *title;     /* bold title row, or NULL */
	const char *subtitle;  /* second row ("Periode: November 2026") */
	int total;             /* add a totals row at the end */
} kj_xgrid_opts;

/*
 * Start a grid on a new sheet named after name (made valid and unique).
 * The columns are described by defs (registry entries, or made-up ones for
 * unknown columns) and labels (header texts).  The arrays must live until
 * kj_xgrid_end.
 */
kj_xgrid *kj_xgrid_begin(kj_xlsx *x, const char *name, size_t ncols,
                         const kj_coldef *const *defs,
                         const char *const *labels,
                         const kj_xgrid_opts *opts, kj_err *err);
/* The definition of a column of the grid. */
const kj_coldef *kj_xgrid_def(const kj_xgrid *g, size_t col);
/* The name the (first) sheet got. */
const char *kj_xgrid_sheet_name(const kj_xgrid *g);
/* Zero-based sheet row of the header and of the first data row. */
uint32_t kj_xgrid_header_row(const kj_xgrid *g);

/*
 * Cells of the current row.  Text is written as a string, whatever it
 * looks like (s[len] must be readable; text not NUL-terminated there is
 * copied).  Integers and money are exact int64 and summed exactly;
 * a percent is given in units of 1/10000 % (87.5 % = 875000) and shown
 * as 87.50%; a number (decimal) is a double.  Columns not set stay empty.
 * Each returns 0, or -1 with err (a value too long or too large for a
 * cell).
 */
int kj_xgrid_text(kj_xgrid *g, size_t col, const char *s, size_t len,
                  kj_err *err);
int kj_xgrid_int(kj_xgrid *g, size_t col, int64_t v, kj_err *err);
int kj_xgrid_money(kj_xgrid *g, size_t col, int64_t v, kj_err *err);
int kj_xgrid_pct(kj_xgrid *g, size_t col, int64_t pct_e4, kj_err *err);
int kj_xgrid_num(kj_xgrid *g, size_t col, double v, size_t shown_chars,
                 kj_err *err);
int kj_xgrid_date(kj_xgrid *g, size_t col, int y, int m, int d,
                  kj_err *err);
/* Finish the current row; starts a continuation sheet when full. */
int kj_xgrid_end_row(kj_xgrid *g, kj_err *err);
/* Rows written so far (all sheets of the grid). */
uint64_t kj_xgrid_rows(const kj_xgrid *g);
/* Exact sum of an integer or money column so far; 0 if not summable. */
int64_t kj_xgrid_sum(const kj_xgrid *g, size_t col);
/* Sum of a decimal (KJ_COL_NUM) column so far. */
double kj_xgrid_dsum(const kj_xgrid *g, size_t col);

/*
 * A bar chart of column val_col by column cat_col over the data rows of
 * the grid, placed right of the table.  Call before kj_xgrid_end.
 */
int kj_xgrid_chart(kj_xgrid *g, size_t cat_col, size_t val_col,
                   const char *title, kj_err *err);
/* Totals row, widths, autofilter, frozen header; frees g. */
int kj_xgrid_end(kj_xgrid *g, kj_err *err);

#endif
