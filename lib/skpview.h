/*
 * skpview: the one place where the SKP features built on a checked cascade
 * (lib/peran, lib/draft, lib/mph) read the SKP model (lib/skp.h) and the
 * cascade (lib/cascade.h).  Those modules see the loaded SKP only through
 * the functions below, by index: an employee is an index of the roster
 * (lib/org.h, read directly), an SKP, an RHK or an indicator an index of
 * the set.  When the layout of kj_skp_set or kj_cascade changes, only
 * lib/skpview.c changes with it.
 *
 * Every function is a plain read; nothing is copied.
 */
#ifndef KJ_SKPVIEW_H
#define KJ_SKPVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "cascade.h"
#include "org.h"
#include "skp.h"

typedef struct kj_skpview {
	const kj_skp_set *s;
	const kj_roster *r;
	const kj_cascade *c;   /* kj_cascade_check(s, r, ...) already run */
} kj_skpview;

void kj_skpview_init(kj_skpview *v, const kj_skp_set *s, const kj_roster *r,
                     const kj_cascade *c);

/* The year the cascade was checked for. */
int kj_sv_tahun(const kj_skpview *v);

/* The SKP of the year of employee E, or -1. */
long kj_sv_skp_of(const kj_skpview *v, size_t e);
/* The RHK of SKP K: [*from, *to). */
void kj_sv_skp_rhk(const kj_skpview *v, size_t k, size_t *from, size_t *to);

/* RHK J: id, text ("" when absent), whether it is an RHK utama. */
const char *kj_sv_rhk_id(const kj_skpview *v, size_t j);
const char *kj_sv_rhk_teks(const kj_skpview *v, size_t j);
bool kj_sv_rhk_utama(const kj_skpview *v, size_t j);
/* The employee whose SKP of the year holds RHK J, or -1 (another year,
 * or an SKP whose NIP is not in the roster). */
long kj_sv_rhk_pegawai(const kj_skpview *v, size_t j);
/* The RHK that RHK J validly intervenes (an RHK of the direct superior),
 * or -1. */
long kj_sv_rhk_parent(const kj_skpview *v, size_t j);
/* The indicators of RHK J: [*from, *to). */
void kj_sv_rhk_ind(const kj_skpview *v, size_t j, size_t *from, size_t *to);

/* Indicator I: id and text ("" when absent). */
const char *kj_sv_ind_id(const kj_skpview *v, size_t i);
const char *kj_sv_ind_teks(const kj_skpview *v, size_t i);

/* The (first) RHK with this id, of any year, or -1. */
long kj_sv_find_rhk(const kj_skpview *v, const char *id);
/* True when an RHK or an indicator of the set (any year) has this id. */
bool kj_sv_id_used(const kj_skpview *v, const char *id);

#endif
