/*
 * cascade: the link rules of an SKP cascade (skp-capaian.md §1), as pure
 * functions over the loaded SKP (lib/skp.h) and the roster (lib/org.h).
 * Nothing here prints: kj_cascade_check() returns findings, each with a
 * severity, a rule id, a place and a message, sorted by place.
 *
 * The rules (rule id: what it finds; E error, W warning):
 *
 *   intervensi-hilang     E an RHK utama below the JPT without intervensi
 *   intervensi-bukan-atasan E an intervensi that names no RHK of the
 *                           direct superior (atasan); the message names the
 *                           superior and their RHK ids
 *   intervensi-lompat     E an intervensi that names an RHK of a superior
 *                           further up (it skips a level)
 *   intervensi-diri       E an intervensi that names the employee's own RHK
 *   intervensi-siklus     E intervensi links that go round in a cycle
 *   jpt-intervensi        E an RHK of a JPT with intervensi (the JPT's RHK
 *                           come from the Perjanjian Kinerja)
 *   tidak-diturunkan      W an RHK utama of a superior that no direct
 *                           subordinate intervenes (checked when at least
 *                           one subordinate has an SKP)
 *   id-ganda              E an RHK or indicator id used twice
 *   target-hilang         E an indicator without target
 *   target-salah          E a target that is not a number or a range a-b
 *   aspek-salah           E an aspek that is not kuantitas, kualitas,
 *                           waktu or biaya
 *   perspektif-hilang     E an RHK of a JPT without perspektif
 *   perspektif-salah      E a perspektif that is not one of the four
 *   perspektif-non-jpt    E perspektif on an RHK below the JPT
 *   skp-ganda             E two SKP of one employee for the year
 *   nip-tidak-dikenal     E an SKP whose NIP is not in the roster
 *   tidak-menyusun-skp    E an employee of the roster without SKP for the
 *                           year (only in the OPDs that have at least one
 *                           SKP loaded, of any year; not for tugas_belajar
 *                           or cltn)
 *
 * Each valid link (an RHK intervening an RHK of the direct superior) is
 * classified as the cascading method of §1.7: direct when the superior's
 * RHK has this one child and the same text (compared without case,
 * spacing and a final full stop), indirect otherwise.  An RHK tambahan
 * without intervensi is non_cascading; a JPT's RHK has no cascading.
 */
#ifndef KJ_CASCADE_H
#define KJ_CASCADE_H

#include <stdbool.h>
#include <stddef.h>

#include "org.h"
#include "skp.h"

enum kj_severity { KJ_SEV_ERROR = 0, KJ_SEV_WARNING = 1 };

enum kj_cascading {
	KJ_CASC_NONE = 0,       /* JPT, or no valid link */
	KJ_CASC_DIRECT,
	KJ_CASC_INDIRECT,
	KJ_CASC_NON             /* tambahan without intervensi */
};
/* "", "direct", "indirect", "non_cascading" */
extern const char *const kj_cascading_words[4];

typedef struct kj_finding {
	int severity;           /* enum kj_severity */
	const char *rule;       /* one of the rule ids above (static) */
	const char *file;       /* an SKP input, or the roster's path */
	long line, col;         /* 1-based; 0 when unknown */
	char *msg;
	size_t order;           /* sort key: the file's load order */
} kj_finding;

typedef struct kj_cascade {
	int tahun;              /* the year checked */
	kj_finding *f;
	size_t nf;
	size_t errors, warnings;
	/* Per SKP of the set: the employee (roster index), -1 when not in
	 * the roster or of another year. */
	long *pegawai;
	/* Per employee of the roster: the SKP for the year, -1 if none. */
	long *skp_of;
	/* Per RHK of the set: the RHK it intervenes when that is an RHK of
	 * the direct superior (a valid link), else -1; its cascading; the
	 * number of valid children an RHK has. */
	long *parent;
	unsigned char *cascading;
	size_t *nchild;
	/* Per RHK: true when its SKP is of the year and in the roster. */
	bool *active;
	/* Per employee: true when the employee's OPD has an SKP loaded. */
	bool *opd_loaded;
	/* private */
	size_t capf;
} kj_cascade;

/*
 * Check the SKP of year TAHUN in S against roster R (SKP of other years
 * are left alone).  TAHUN 0 picks the latest year among the SKP.  Fills C
 * (free it with kj_cascade_free); never fails.
 */
void kj_cascade_check(const kj_skp_set *s, const kj_roster *r, int tahun,
                      kj_cascade *c);
void kj_cascade_free(kj_cascade *c);

/* The latest year among the SKP of S, 0 when S is empty. */
int kj_skp_latest_year(const kj_skp_set *s);

/* Text equality for direct cascading: case, runs of spaces and a final
 * full stop do not count. */
bool kj_rhk_same_text(const char *a, const char *b);

/* The RHK ids of SKP k as "A, B, C" into buf (cut with ", ..."). */
void kj_skp_rhk_list(const kj_skp_set *s, size_t k, char *buf,
                     size_t size);

#endif
