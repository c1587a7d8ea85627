/*
 * mph: the Matriks Peran Hasil of skp-cascade --mph, as data (the command
 * writes it as TSV).  Pure: reads the checked cascade through
 * lib/skpview.h, prints nothing.
 *
 * One matrix per employee with an SKP for the year and at least one direct
 * subordinate, in roster order.  Its rows are the direct subordinates
 * (roster order), its columns the superior's RHK utama (KJ_MPH_PER_RHK)
 * or their indicators (KJ_MPH_PER_INDIKATOR: one column per indicator of
 * each RHK utama in order; an RHK utama without indicators keeps one
 * column of its own, ind -1).  The cell of a row and a column lists the
 * subordinate's RHK that validly intervene the column's RHK, in the order
 * of their SKP.  An intervensi names an RHK, not an indicator, so in the
 * indicator matrix such an RHK is listed under every indicator of the RHK
 * it intervenes.  An empty cell is the matrix's "x".
 */
#ifndef KJ_MPH_H
#define KJ_MPH_H

#include <stddef.h>

#include "skpview.h"

enum kj_mph_per { KJ_MPH_PER_RHK = 0, KJ_MPH_PER_INDIKATOR = 1 };

typedef struct kj_mph_col {
	size_t rhk;            /* the superior's RHK utama */
	long ind;              /* its indicator, or -1: the RHK itself */
} kj_mph_col;

typedef struct kj_mph_cell {
	size_t link, nlink;    /* kj_mph.link[link..link+nlink): RHK indexes */
} kj_mph_cell;

typedef struct kj_mph_matrix {
	size_t atasan;         /* the superior (roster index) */
	size_t col, ncol;      /* kj_mph.col[col..col+ncol) */
	size_t row, nrow;      /* kj_mph.row[row..row+nrow): roster indexes */
	size_t cell;           /* the cell of row r, column c (0-based) is
	                          kj_mph.cell[cell + r * ncol + c] */
} kj_mph_matrix;

typedef struct kj_mph {
	int per;               /* enum kj_mph_per */
	kj_mph_matrix *m;
	size_t n;
	kj_mph_col *col;
	size_t ncol;
	size_t *row;
	size_t nrow;
	kj_mph_cell *cell;
	size_t ncell;
	size_t *link;
	size_t nlink;
	size_t maxcols;        /* the most columns of any matrix */
	size_t cap[5];         /* private */
} kj_mph;

/* Build the matrices of the cascade of V.  Never fails. */
void kj_mph_build(const kj_skpview *v, int per, kj_mph *out);
void kj_mph_free(kj_mph *x);

#endif
