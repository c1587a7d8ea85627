/*
 * kegiatan: the quarterly check of an OPD's sub kegiatan
 * (domain/skp-capaian.md §4.1-§4.4), on numbers only.
 *
 *   - capaian fisik = realisasi_fisik_pct / target_fisik_pct x 100,
 *     capaian keuangan = realisasi_keuangan / target_keuangan x 100;
 *   - the Permendagri 86/2017 category of a capaian;
 *   - the kontrak kritis flag of the SSUK (Permen PU 07/PRT/M/2011);
 *   - the OPD's capaian as the mean of its sub kegiatan weighted by pagu.
 *
 * Percentages are kj_pct, money whole Rupiah; no floating point.
 */
#ifndef KJ_KEGIATAN_H
#define KJ_KEGIATAN_H

#include <stdbool.h>
#include <stdint.h>

#include "money.h"

enum kj_kategori {
	KJ_KAT_SANGAT_TINGGI,
	KJ_KAT_TINGGI,
	KJ_KAT_SEDANG,
	KJ_KAT_RENDAH,
	KJ_KAT_SANGAT_RENDAH,
	KJ_KAT_N
};
extern const char *const kj_kategori_words[KJ_KAT_N];

/* >= 91 sangat_tinggi, >= 76 tinggi, >= 66 sedang, >= 51 rendah, else
 * sangat_rendah (the gaps of the official intervals closed upward). */
enum kj_kategori kj_kategori_of(kj_pct c);

/* p rounded half up to hundredths of a percent (what TSV prints). */
kj_pct kj_pct_round2(kj_pct p);

typedef struct kj_subkeg {
	kj_money pagu;
	kj_pct target_fisik, realisasi_fisik;
	kj_money target_keuangan, realisasi_keuangan;
} kj_subkeg;

typedef struct kj_subkeg_hasil {
	bool fisik_ok, keuangan_ok;  /* computable: the target is above 0 */
	kj_pct fisik, keuangan;      /* capaian, rounded to hundredths */
	kj_pct deviasi;              /* target - realisasi fisik, points */
	bool kritis;
} kj_subkeg_hasil;

/*
 * Kritis when the physical realisation lags the plan by more than 10
 * points while the plan is at most 70 %, or by more than 5 points above.
 */
bool kj_kontrak_kritis(kj_pct rencana, kj_pct realisasi);

void kj_subkeg_eval(const kj_subkeg *s, kj_subkeg_hasil *h);

__extension__ typedef __int128 kj_wsum;

/* The pagu-weighted mean of one dimension over an OPD's sub kegiatan. */
typedef struct kj_wmean {
	kj_wsum sum;                 /* sum of pagu x capaian */
	kj_wsum pagu;                /* sum of pagu */
	long n;                      /* computable sub kegiatan */
} kj_wmean;

void kj_wmean_add(kj_wmean *w, kj_money pagu, kj_pct c);
/* 0 and *out (hundredths) when some pagu was added, else -1. */
int kj_wmean_get(const kj_wmean *w, kj_pct *out);

#endif
