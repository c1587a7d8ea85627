/*
 * colreg: the one registry of known columns.
 *
 * Every column name of FORMATS.md is declared here once, with its type,
 * whether a total of it means anything, and the Indonesian label that
 * XLSX headers show.  TSV headers, YAML keys, XLSX headers and the man
 * pages therefore agree.  The registry also holds the header aliases that
 * readers accept (e.g. the column names of the e-Kinerja BKN export).
 */
#ifndef KJ_COLREG_H
#define KJ_COLREG_H

#include <stddef.h>

typedef enum kj_coltype {
	KJ_COL_TEXT,   /* kept as text everywhere (NIP, codes, names) */
	KJ_COL_INT,    /* whole number */
	KJ_COL_NUM,    /* decimal number, e.g. hours or a ratio */
	KJ_COL_MONEY,  /* whole Rupiah */
	KJ_COL_PCT,    /* number of percent, e.g. 87.5 (columns *_pct) */
	KJ_COL_DATE    /* 2026-11-05 */
} kj_coltype;

/* A total of the column means nothing (kelas, tahun, a ratio). */
#define KJ_COL_NOSUM 1u
/* The column holds enum words (sangat_baik, pns, ...), several joined by
 * ',' where FORMATS.md allows; XLSX shows their labels. */
#define KJ_COL_ENUM 2u

typedef struct kj_coldef {
	const char *name;
	kj_coltype type;
	unsigned flags;
	const char *label;
} kj_coldef;

/* The definition of a canonical column name, or NULL when unknown. */
const kj_coldef *kj_col_lookup(const char *name);

/*
 * Normalise a header as written by a user into buf (size n): trimmed,
 * ASCII lower case, spaces and '-' as '_', and an alias replaced by its
 * canonical name ("Skp_Unor" -> "unit").  Returns buf.
 */
char *kj_col_normalise(const char *header, size_t len, char *buf, size_t n);

/* All registry entries, in name order, for documentation and tests. */
const kj_coldef *kj_col_all(size_t *count);

/* True when summing the column is meaningful (counts and money). */
int kj_col_summable(const kj_coldef *def);

/*
 * The Indonesian label of an enum word of FORMATS.md ("sangat_baik" ->
 * "Sangat Baik", "jpt_pratama" -> "JPT Pratama"), or NULL for a word that
 * is not one.
 */
const char *kj_enum_label(const char *word, size_t len);
/*
 * The enum word for a word or its label in any case and spacing
 * ("Sangat Baik", "SANGAT_BAIK" -> "sangat_baik"), or NULL.
 */
const char *kj_enum_word(const char *text, size_t len);

/* Name of a type, for messages: "text", "integer", "Rupiah", ... */
const char *kj_coltype_name(kj_coltype t);

#endif
