/*
 * draft: the skeleton SKP of skp-cascade --draft, as data (the command
 * writes them as YAML).  Pure: reads the checked cascade through
 * lib/skpview.h, prints nothing.
 *
 * An employee gets a draft when they have no SKP for the year, their
 * direct superior (atasan) has one, and their keterangan holds neither
 * tugas_belajar nor cltn (who are not expected to have an SKP, as in
 * --check).  The draft has one RHK utama per RHK utama of the superior
 * that the employee's unit is responsible for:
 *
 *   - without a responsibility map (M NULL): every RHK utama of the
 *     superior;
 *   - with one: the superior's RHK utama that M pairs with the employee's
 *     unit; when there is none, every RHK utama of the superior, and the
 *     draft is marked `fallback` (the command warns).
 *
 * Each drafted RHK gets a fresh id PARENT.k, where PARENT is the id of the
 * superior's RHK and k the employee's 1-based place among the superior's
 * direct subordinates (roster order), and one indicator PARENT.k.a; when
 * either id is already used (by an RHK or indicator of the set, or by an
 * earlier draft), PARENT.k.2, PARENT.k.3, ... are tried in turn.
 */
#ifndef KJ_DRAFT_H
#define KJ_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "peran.h"
#include "skpview.h"

typedef struct kj_draft_rhk {
	size_t parent;        /* the superior's RHK it intervenes */
	char *id;             /* its fresh id */
	char *ind_id;         /* the id of its one indicator: id + ".a" */
} kj_draft_rhk;

typedef struct kj_draft {
	size_t pegawai;       /* the employee (roster index) */
	size_t atasan;        /* their direct superior */
	bool fallback;        /* a map was given but pairs no RHK of the
	                         superior with the employee's unit */
	size_t rhk, nrhk;     /* its RHK: kj_drafts.rhk[rhk..rhk+nrhk) */
} kj_draft;

typedef struct kj_drafts {
	kj_draft *d;          /* in roster order */
	size_t n;
	kj_draft_rhk *rhk;
	size_t nrhk;
	size_t fallbacks;     /* drafts with fallback set */
	size_t capd, caprhk;  /* private */
} kj_drafts;

/* Build the drafts of the cascade of V; M is the responsibility map or
 * NULL.  Never fails. */
void kj_draft_build(const kj_skpview *v, const kj_peran *m, kj_drafts *out);
void kj_drafts_free(kj_drafts *d);

#endif
