/*
 * peran: the responsibility map of skp-cascade --draft (see peran.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "peran.h"
#include "tsv.h"

/* The key of a pair: the RHK's index, a TAB, the unit (free it). */
static char *pair_key(size_t j, const char *unit, size_t *len)
{
	size_t size = strlen(unit) + 24;
	char *k = kj_xmalloc(size);

	*len = (size_t)snprintf(k, size, "%zu\t%s", j, unit);
	return k;
}

/* True when an employee of the roster works in UNIT. */
static bool unit_known(const kj_strmap *units, const char *unit)
{
	return kj_strmap_get(units, unit, strlen(unit)) != KJ_STRMAP_NONE;
}

/* True when a direct subordinate of employee E works in UNIT. */
static bool unit_below(const kj_roster *r, long e, const char *unit)
{
	size_t nb;
	const long *b = kj_roster_bawahan(r, e, &nb);

	for (size_t i = 0; i < nb; i++)
		if (!strcmp(r->p[b[i]].unit, unit))
			return true;
	return false;
}

/* Check the current row; 0 or -1 with ERR. */
static int row(kj_peran *m, kj_tsv *t, size_t crhk, size_t cunit,
               const kj_skpview *v, const kj_strmap *units, kj_err *err)
{
	const char *id = kj_tsv_field(t, crhk);
	const char *unit = kj_tsv_field(t, cunit);
	const kj_pegawai *h;
	long j, e;
	size_t klen, line;
	char *key;
	int added;

	if (!*id) {
		kj_tsv_field_err(t, crhk, err, "rhk: the RHK id is required");
		return -1;
	}
	if (!*unit) {
		kj_tsv_field_err(t, cunit, err, "unit: the unit is required");
		return -1;
	}
	j = kj_sv_find_rhk(v, id);
	e = j >= 0 ? kj_sv_rhk_pegawai(v, (size_t)j) : -1;
	if (e < 0) {
		kj_tsv_field_err(t, crhk, err, "rhk: '%s' is no RHK of an SKP "
		                 "%d in the roster", id, kj_sv_tahun(v));
		return -1;
	}
	if (!kj_sv_rhk_utama(v, (size_t)j)) {
		kj_tsv_field_err(t, crhk, err, "rhk: '%s' is an RHK tambahan; "
		                 "only an RHK utama is cascaded", id);
		return -1;
	}
	if (!unit_known(units, unit)) {
		kj_tsv_field_err(t, cunit, err, "unit: no employee of the "
		                 "roster works in '%s'", unit);
		return -1;
	}
	h = &v->r->p[e];
	if (!unit_below(v->r, e, unit)) {
		kj_tsv_field_err(t, cunit, err, "unit: no direct subordinate "
		                 "of %s (%s), who holds RHK %s, works in '%s'",
		                 h->nip, h->nama, id, unit);
		return -1;
	}
	key = pair_key((size_t)j, unit, &klen);
	line = kj_strmap_put(m->pairs, key, klen, (size_t)kj_tsv_line(t),
	                     &added);
	free(key);
	if (!added) {
		kj_tsv_field_err(t, crhk, err, "RHK %s and unit %s are already "
		                 "paired at line %zu", id, unit, line);
		return -1;
	}
	m->n++;
	return 0;
}

int kj_peran_load(kj_peran *m, const char *path, const kj_skpview *v,
                  kj_err *err)
{
	kj_tsv *t;
	kj_strmap *units;
	int crhk, cunit, rc = 0, got;

	memset(m, 0, sizeof *m);
	m->pairs = kj_strmap_new();
	t = kj_tsv_open(path, err);
	if (!t) {
		kj_peran_free(m);
		return -1;
	}
	crhk = kj_tsv_need(t, "rhk", err);
	cunit = crhk < 0 ? -1 : kj_tsv_need(t, "unit", err);
	if (cunit < 0) {
		kj_tsv_close(t);
		kj_peran_free(m);
		return -1;
	}
	units = kj_strmap_new();
	for (size_t e = 0; e < v->r->n; e++)
		kj_strmap_put(units, v->r->p[e].unit, strlen(v->r->p[e].unit),
		              e, NULL);
	while ((got = kj_tsv_next(t, err)) == 1)
		if (row(m, t, (size_t)crhk, (size_t)cunit, v, units, err)) {
			got = -1;
			break;
		}
	if (got < 0) {
		kj_peran_free(m);
		rc = -1;
	}
	kj_strmap_free(units);
	kj_tsv_close(t);
	return rc;
}

void kj_peran_free(kj_peran *m)
{
	if (m->pairs)
		kj_strmap_free(m->pairs);
	m->pairs = NULL;
	m->n = 0;
}

bool kj_peran_has(const kj_peran *m, size_t j, const char *unit)
{
	char *key;
	size_t klen;
	bool has;

	if (!m->pairs)
		return false;
	key = pair_key(j, unit, &klen);
	has = kj_strmap_get(m->pairs, key, klen) != KJ_STRMAP_NONE;
	free(key);
	return has;
}
