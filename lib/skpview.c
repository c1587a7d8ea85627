/*
 * skpview: the reads of lib/skp.h and lib/cascade.h that the SKP features
 * need, in one file (see skpview.h).
 */
#include "skpview.h"

void kj_skpview_init(kj_skpview *v, const kj_skp_set *s, const kj_roster *r,
                     const kj_cascade *c)
{
	v->s = s;
	v->r = r;
	v->c = c;
}

int kj_sv_tahun(const kj_skpview *v)
{
	return v->c->tahun;
}

long kj_sv_skp_of(const kj_skpview *v, size_t e)
{
	return v->c->skp_of[e];
}

void kj_sv_skp_rhk(const kj_skpview *v, size_t k, size_t *from, size_t *to)
{
	*from = v->s->skp[k].rhk;
	*to = *from + v->s->skp[k].nrhk;
}

const char *kj_sv_rhk_id(const kj_skpview *v, size_t j)
{
	return v->s->rhk[j].id;
}

const char *kj_sv_rhk_teks(const kj_skpview *v, size_t j)
{
	return v->s->rhk[j].teks;
}

bool kj_sv_rhk_utama(const kj_skpview *v, size_t j)
{
	return v->s->rhk[j].jenis == KJ_RHK_UTAMA;
}

long kj_sv_rhk_pegawai(const kj_skpview *v, size_t j)
{
	if (!v->c->active[j])
		return -1;
	return v->c->pegawai[v->s->rhk[j].skp];
}

long kj_sv_rhk_parent(const kj_skpview *v, size_t j)
{
	return v->c->parent[j];
}

void kj_sv_rhk_ind(const kj_skpview *v, size_t j, size_t *from, size_t *to)
{
	*from = v->s->rhk[j].ind;
	*to = *from + v->s->rhk[j].nind;
}

const char *kj_sv_ind_id(const kj_skpview *v, size_t i)
{
	return v->s->ind[i].id;
}

const char *kj_sv_ind_teks(const kj_skpview *v, size_t i)
{
	return v->s->ind[i].teks;
}

long kj_sv_find_rhk(const kj_skpview *v, const char *id)
{
	return kj_skp_find_rhk(v->s, id);
}

bool kj_sv_id_used(const kj_skpview *v, const char *id)
{
	return kj_skp_find_rhk(v->s, id) >= 0 ||
	       kj_skp_find_indikator(v->s, id) >= 0;
}
