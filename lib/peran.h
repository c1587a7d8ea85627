/*
 * peran: the responsibility map of skp-cascade --draft (peran.tsv, see
 * kinerja-formats(5), "Responsibility map"): which unit kerja handles which
 * RHK utama of its superior, so that a drafted SKP intervenes only the RHK
 * its holder's unit is responsible for.
 *
 * One row per (RHK, unit) pair, columns `rhk` (an RHK id of an SKP of the
 * year) and `unit` (a unit code of pegawai.tsv, compared exactly: a row
 * for DINKES.KESMAS does not cover DINKES.KESMAS.KGM).  Other columns are
 * ignored.  RHK ids are unique in a cascade, so the RHK names its holder.
 *
 * The loader checks every row against the checked cascade and stops at
 * the first problem (file:line:col, status 2): a missing column, an empty
 * field, an RHK id that is no RHK of an SKP of the year in the roster, an
 * RHK tambahan, a unit no employee of the roster belongs to, a unit none
 * of the RHK holder's direct subordinates belongs to, the same pair twice.
 */
#ifndef KJ_PERAN_H
#define KJ_PERAN_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "skpview.h"
#include "strmap.h"

typedef struct kj_peran {
	size_t n;              /* rows */
	kj_strmap *pairs;      /* private: "RHK-index\tunit" -> line */
} kj_peran;

/* Load PATH ("-" is standard input) against the cascade of V.  0 on
 * success; -1 with ERR set (and M empty, safe to free). */
int kj_peran_load(kj_peran *m, const char *path, const kj_skpview *v,
                  kj_err *err);
void kj_peran_free(kj_peran *m);

/* True when M maps RHK J (an index of the set) to UNIT. */
bool kj_peran_has(const kj_peran *m, size_t j, const char *unit);

#endif
