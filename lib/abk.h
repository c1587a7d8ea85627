/*
 * abk: what anjab-validate computes and checks, on the model of anjab.h.
 * Pure: no printing, no I/O.
 *
 *   - ABK per jabatan (tugas per tugas jabatan, domain/anjab-abk.md §2.4):
 *     beban = sum of jumlah x waktu (hours a year), kebutuhan_hitung =
 *     beban / WKE, kebutuhan = kebutuhan_hitung rounded by a rule
 *     (1 for a struktural job), selisih = bezetting - kebutuhan,
 *     EJ = beban / (bezetting x WKE) rounded to hundredths and its PJ band;
 *     the same sums per unit and per OPD (EU, PU).
 *   - Evaluasi jabatan: factor levels to points, points to kelas (§3).
 *   - The rule catalogue A01-A13, B01-B10 (§4.2): findings with rule ids.
 *
 * Exact arithmetic throughout: beban in millionths of an hour (jumlah has
 * 2 decimals, waktu 4), ratios in hundredths, every rounding explicit.
 */
#ifndef KJ_ABK_H
#define KJ_ABK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "anjab.h"

#define KJ_ABK_BEBAN_SCALE 1000000LL  /* beban: millionths of an hour */

enum kj_pembulatan {
	KJ_BULAT_HALF_UP,   /* x.50 -> up (Excel ROUND) */
	KJ_BULAT_CEIL,
	KJ_BULAT_FLOOR
};

/* num / den rounded by mode; num >= 0, den > 0. */
int64_t kj_abk_div(int64_t num, int64_t den, int mode);
/* kebutuhan_hitung in hundredths, rounded half up. */
int64_t kj_abk_hitung(int64_t beban, int64_t wke_jam);
/* kebutuhan from the exact beban / WKE, rounded by mode. */
int64_t kj_abk_kebutuhan(int64_t beban, int64_t wke_jam, int mode);
/* EJ in hundredths, rounded half up; -1 when bezetting is 0 (N/A). */
int64_t kj_abk_ej(int64_t beban, int64_t bezetting, int64_t wke_jam);
/* PJ of an EJ in hundredths: 'A' > 100, 'B' 90-100, 'C' 70-89,
 * 'D' 50-69, 'E' < 50; 0 for -1 (N/A). */
char kj_abk_pj(int64_t ej);

/* Number of evjab factors: 7 (struktural) or 9. */
int kj_evjab_nfactors(bool struktural);
/* The key of factor i ("f4a"), and its number of levels. */
const char *kj_evjab_factor(bool struktural, int i);
int kj_evjab_nlevels(bool struktural, int i);
/* Points of level (1-based) of factor i, -1 when out of range. */
int kj_evjab_points(bool struktural, int i, int64_t level);
/* The kelas (1..17) of a total, -1 for a total below 190 or not a
 * multiple of 5 (no sum of levels gives one). */
int kj_evjab_kelas(int64_t total);

typedef struct kj_abk_opts {
	int64_t wke_jam;    /* 1250 */
	int pembulatan;     /* enum kj_pembulatan */
} kj_abk_opts;

typedef struct kj_finding {
	size_t fileno;
	const char *file;
	long line, col;
	bool error;         /* else a warning */
	char rule[4];       /* "A01" */
	char *msg;
	size_t seq;         /* order of creation, for a stable sort */
} kj_finding;

enum kj_abk_rowkind { KJ_ROW_JABATAN, KJ_ROW_UNIT, KJ_ROW_OPD };

typedef struct kj_abk_row {
	int kind;               /* enum kj_abk_rowkind */
	size_t jab;             /* KJ_ROW_JABATAN: index in the set, in the
	                         * order the jabatan were added */
	const char *opd, *unit; /* unit "" on an OPD row */
	const char *nama;       /* KJ_ROW_JABATAN: the nama as written ("" when
	                         * absent); NULL on a total */
	int jenis;              /* enum kj_jenis_jabatan, -1 unknown or total */
	bool ok;                /* beban and what follows are known */
	int64_t beban;          /* millionths of an hour */
	int64_t hitung;         /* hundredths */
	int64_t kebutuhan;
	bool has_bez;
	int64_t bezetting, selisih;
	int64_t ej;             /* hundredths, -1 N/A */
	char pj;                /* 0 N/A */
	int kelas;              /* stated, 0 none */
	int kelas_evjab;        /* 0 none */
	int64_t nilai_evjab;    /* 0 none */
} kj_abk_row;

typedef struct kj_abk_result {
	kj_abk_row *rows;       /* in output order: by OPD, unit (as a
	                         * tree), struktural first; each unit's
	                         * total after its jobs, each OPD's last */
	size_t nrows, caprows;
	kj_finding *f;          /* sorted by file, line, column */
	size_t nf, capf;
	size_t errors, warnings;
	void *priv;             /* the texts the rows and findings point at */
} kj_abk_result;

/*
 * Checking one document at a time, as it is read: kj_abk_add() runs every
 * rule of one jabatan while its nodes are at hand (they need to live only
 * during the call), and keeps a few values and places: what the rules
 * across documents (A05, A06, A07, A13, B09), the bezetting (B05, B08,
 * which may come from a roster read afterwards) and the table need.
 * kj_abk_finish() then runs those and returns the same result as
 * kj_abk_run() on the whole set, findings in the same order.
 */
typedef struct kj_abk kj_abk;

kj_abk *kj_abk_new(const kj_abk_opts *o);
void kj_abk_add(kj_abk *a, const kj_jabatan *j);
void kj_abk_add_rekap(kj_abk *a, const kj_anj_rekap *q);
/* The jabatan added so far, by index: OPD as written, unit (as
 * kj_anj_unit()) and nama as written ("" when absent), for counting
 * bezetting from a roster. */
size_t kj_abk_njab(const kj_abk *a);
void kj_abk_names(const kj_abk *a, size_t i, const char **opd,
                  const char **unit, const char **nama);
/* bez_roster as for kj_abk_run (one count per jabatan added).  a may be
 * freed afterwards: r holds its own texts. */
void kj_abk_finish(kj_abk *a, const int64_t *bez_roster, kj_abk_result *r);
void kj_abk_free(kj_abk *a);

/*
 * Check and compute the whole set.  bez_roster: NULL, or one count per
 * jabatan (bezetting counted from pegawai.tsv), which replaces the
 * documents' own.
 */
void kj_abk_run(const kj_anjab_set *s, const kj_abk_opts *o,
                const int64_t *bez_roster, kj_abk_result *r);
void kj_abk_result_free(kj_abk_result *r);

/* The unit code of a jabatan: `unit`, or the OPD when absent. */
const char *kj_anj_unit(const kj_jabatan *j);

/* Normalise a name for comparisons: ASCII lower case, runs of blanks as
 * one space, trimmed.  Writes at most n bytes (NUL included). */
void kj_anj_norm(const char *s, char *buf, size_t n);

#endif
