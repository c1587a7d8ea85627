/*
 * draft: the skeleton SKP of skp-cascade --draft (see draft.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "mem.h"
#include "strmap.h"

static bool needs_draft(const kj_skpview *v, size_t e)
{
	const kj_pegawai *p = &v->r->p[e];

	return kj_sv_skp_of(v, e) < 0 && p->atasan >= 0 &&
	       kj_sv_skp_of(v, (size_t)p->atasan) >= 0 &&
	       !kj_pegawai_has_ket(p, "tugas_belajar") &&
	       !kj_pegawai_has_ket(p, "cltn");
}

/* The employee's 1-based place among the superior's direct subordinates. */
static size_t place(const kj_roster *r, size_t e)
{
	size_t nb;
	const long *b = kj_roster_bawahan(r, r->p[e].atasan, &nb);

	for (size_t i = 0; i < nb; i++)
		if (b[i] == (long)e)
			return i + 1;
	return 0;   /* not reached: e is a subordinate of its atasan */
}

static bool taken(const kj_skpview *v, const kj_strmap *mine, const char *id)
{
	return kj_sv_id_used(v, id) ||
	       kj_strmap_get(mine, id, strlen(id)) != KJ_STRMAP_NONE;
}

/* Fresh ids below PARENT for the k-th subordinate into R. */
static void fresh(const kj_skpview *v, kj_strmap *mine, const char *parent,
                  size_t k, kj_draft_rhk *r)
{
	size_t size = strlen(parent) + 64;
	char *id = kj_xmalloc(size), *ind = kj_xmalloc(size + 2);

	snprintf(id, size, "%s.%zu", parent, k);
	snprintf(ind, size + 2, "%s.a", id);
	for (unsigned extra = 2; taken(v, mine, id) || taken(v, mine, ind);
	     extra++) {
		snprintf(id, size, "%s.%zu.%u", parent, k, extra);
		snprintf(ind, size + 2, "%s.a", id);
	}
	kj_strmap_put(mine, id, strlen(id), 0, NULL);
	kj_strmap_put(mine, ind, strlen(ind), 0, NULL);
	r->id = id;
	r->ind_id = ind;
}

static void add_rhk(kj_drafts *out, const kj_skpview *v, kj_strmap *mine,
                    size_t parent, size_t k)
{
	kj_draft_rhk *r;

	kj_grow(&out->rhk, &out->caprhk, out->nrhk + 1, sizeof *out->rhk);
	r = &out->rhk[out->nrhk++];
	r->parent = parent;
	fresh(v, mine, kj_sv_rhk_id(v, parent), k, r);
}

void kj_draft_build(const kj_skpview *v, const kj_peran *m, kj_drafts *out)
{
	kj_strmap *mine = kj_strmap_new();

	memset(out, 0, sizeof *out);
	for (size_t e = 0; e < v->r->n; e++) {
		const kj_pegawai *p = &v->r->p[e];
		size_t from, to, k, mapped = 0;
		kj_draft *d;

		if (!needs_draft(v, e))
			continue;
		kj_grow(&out->d, &out->capd, out->n + 1, sizeof *out->d);
		d = &out->d[out->n++];
		d->pegawai = e;
		d->fallback = false;
		d->atasan = (size_t)p->atasan;
		d->rhk = out->nrhk;
		k = place(v->r, e);
		kj_sv_skp_rhk(v, (size_t)kj_sv_skp_of(v, d->atasan), &from,
		              &to);
		if (m)
			for (size_t j = from; j < to; j++)
				if (kj_sv_rhk_utama(v, j) &&
				    kj_peran_has(m, j, p->unit)) {
					add_rhk(out, v, mine, j, k);
					mapped++;
				}
		if (!mapped)
			for (size_t j = from; j < to; j++)
				if (kj_sv_rhk_utama(v, j)) {
					add_rhk(out, v, mine, j, k);
					d->fallback = m != NULL;
				}
		out->fallbacks += d->fallback;
		d->nrhk = out->nrhk - d->rhk;
	}
	kj_strmap_free(mine);
}

void kj_drafts_free(kj_drafts *d)
{
	for (size_t i = 0; i < d->nrhk; i++) {
		free(d->rhk[i].id);
		free(d->rhk[i].ind_id);
	}
	free(d->rhk);
	free(d->d);
	memset(d, 0, sizeof *d);
}
