/*
 * mph: the Matriks Peran Hasil (see mph.h).
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "mph.h"

static void add_col(kj_mph *x, size_t rhk, long ind)
{
	kj_grow(&x->col, &x->cap[0], x->ncol + 1, sizeof *x->col);
	x->col[x->ncol].rhk = rhk;
	x->col[x->ncol].ind = ind;
	x->ncol++;
}

/* The columns of the superior's SKP K. */
static void columns(const kj_skpview *v, size_t k, kj_mph *x)
{
	size_t from, to;

	kj_sv_skp_rhk(v, k, &from, &to);
	for (size_t j = from; j < to; j++) {
		size_t i0, i1;

		if (!kj_sv_rhk_utama(v, j))
			continue;
		kj_sv_rhk_ind(v, j, &i0, &i1);
		if (x->per == KJ_MPH_PER_RHK || i0 == i1)
			add_col(x, j, -1);
		else
			for (size_t i = i0; i < i1; i++)
				add_col(x, j, (long)i);
	}
}

/* The cell of subordinate B under column C. */
static void cell(const kj_skpview *v, size_t b, const kj_mph_col *c,
                 kj_mph *x)
{
	long bk = kj_sv_skp_of(v, b);
	kj_mph_cell *out;

	kj_grow(&x->cell, &x->cap[2], x->ncell + 1, sizeof *x->cell);
	out = &x->cell[x->ncell++];
	out->link = x->nlink;
	out->nlink = 0;
	if (bk < 0)
		return;
	{
		size_t from, to;

		kj_sv_skp_rhk(v, (size_t)bk, &from, &to);
		for (size_t m = from; m < to; m++) {
			if (kj_sv_rhk_parent(v, m) != (long)c->rhk)
				continue;
			kj_grow(&x->link, &x->cap[3], x->nlink + 1,
			        sizeof *x->link);
			x->link[x->nlink++] = m;
			out->nlink++;
		}
	}
}

void kj_mph_build(const kj_skpview *v, int per, kj_mph *out)
{
	memset(out, 0, sizeof *out);
	out->per = per;
	for (size_t e = 0; e < v->r->n; e++) {
		long k = kj_sv_skp_of(v, e);
		const long *b;
		size_t nb;
		kj_mph_matrix *mx;

		if (k < 0)
			continue;
		b = kj_roster_bawahan(v->r, (long)e, &nb);
		if (!nb)
			continue;
		kj_grow(&out->m, &out->cap[4], out->n + 1, sizeof *out->m);
		mx = &out->m[out->n++];
		mx->atasan = e;
		mx->col = out->ncol;
		columns(v, (size_t)k, out);
		mx->ncol = out->ncol - mx->col;
		if (mx->ncol > out->maxcols)
			out->maxcols = mx->ncol;
		mx->row = out->nrow;
		mx->nrow = nb;
		mx->cell = out->ncell;
		for (size_t i = 0; i < nb; i++) {
			kj_grow(&out->row, &out->cap[1], out->nrow + 1,
			        sizeof *out->row);
			out->row[out->nrow++] = (size_t)b[i];
			for (size_t c = 0; c < mx->ncol; c++)
				cell(v, (size_t)b[i], &out->col[mx->col + c],
				     out);
		}
	}
}

void kj_mph_free(kj_mph *x)
{
	free(x->m);
	free(x->col);
	free(x->row);
	free(x->cell);
	free(x->link);
	memset(x, 0, sizeof *x);
}
