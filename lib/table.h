/*
 * table: typed values and small typed tables.
 *
 * A kj_value is one cell read from text by the type the column registry
 * gives (text, integer, Rupiah, percent, number, date): the one place where
 * "1.234.567", "Rp 1.234.567,00", "87,5" and "2026-11-05" become values,
 * with an error that says what the column expected.
 *
 * A kj_table is a table built in memory by a command (a recap, a summary)
 * and written as TSV, YAML or an XLSX sheet, with the column names, types
 * and labels of the registry.  Large per-employee outputs stream row by row
 * instead (tsv.h, xlsx.h).
 */
#ifndef KJ_TABLE_H
#define KJ_TABLE_H

#include <stdint.h>
#include <stdio.h>

#include "colreg.h"
#include "diag.h"
#include "xlsx.h"

typedef struct kj_value {
	kj_coltype type;
	int empty;          /* an empty field: no value */
	int64_t i;          /* INT and MONEY: the value; PCT: 1/10000 % */
	double d;           /* NUM */
	int y, m, dd;       /* DATE */
	const char *s;      /* TEXT (and the text of every value) */
	size_t len;
} kj_value;

/*
 * Parse s[0..len) as a value of type t.  On error, err holds the message
 * with err->col relative to s (1-based); kj_tsv_field_err-style callers
 * add the file, line and field column.
 */
int kj_value_parse(kj_coltype t, const char *s, size_t len, kj_value *v,
                   kj_err *err);
/* Write v into column col of the current grid row. */
int kj_xgrid_value(kj_xgrid *g, size_t col, const kj_value *v, kj_err *err);

/*
 * The column definition for a header: the registry's, or for an unknown
 * name a definition whose type the caller infers (see kj_infer_*).
 */
typedef struct kj_infer {
	int numeric;        /* every non-empty value so far is a number */
	int integral;       /* ... and a whole number */
	int any;            /* a non-empty value was seen */
	int wide;           /* a value has more than 12 integer digits */
} kj_infer;
void kj_infer_init(kj_infer *inf);
void kj_infer_add(kj_infer *inf, const char *s, size_t len);
kj_coltype kj_infer_type(const kj_infer *inf);

typedef struct kj_table kj_table;

/* A table with these columns (canonical names; unknown ones are text). */
kj_table *kj_table_new(size_t ncols, const char *const *names);
/* A table with these column definitions (e.g. inferred ones). */
kj_table *kj_table_new_defs(size_t ncols, const kj_coldef *const *defs);
void kj_table_free(kj_table *t);
size_t kj_table_ncols(const kj_table *t);
size_t kj_table_nrows(const kj_table *t);
const kj_coldef *kj_table_def(const kj_table *t, size_t col);

/* Start a new row; the set functions fill the current one. */
void kj_table_add_row(kj_table *t);
void kj_table_set_text(kj_table *t, size_t col, const char *s);
/* An INT or MONEY column: the value; a PCT column: 1/10000 %. */
void kj_table_set_int(kj_table *t, size_t col, int64_t v);
/* A NUM column (a decimal that is not money). */
void kj_table_set_num(kj_table *t, size_t col, double v);

/* Header and rows as TSV (FORMATS.md): money as whole Rupiah, percent
 * with at most two decimals. */
int kj_table_write_tsv(const kj_table *t, FILE *f);
/* A YAML sequence of mappings, one per row, keys in column order. */
int kj_table_write_yaml(const kj_table *t, FILE *f);
/* All rows into an open grid whose columns match the table's. */
int kj_table_write_grid(const kj_table *t, kj_xgrid *g, kj_err *err);

#endif
