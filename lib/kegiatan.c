/*
 * kegiatan: see kegiatan.h.
 */
#include "kegiatan.h"

const char *const kj_kategori_words[KJ_KAT_N] = {
	"sangat_tinggi", "tinggi", "sedang", "rendah", "sangat_rendah"
};

#define PCT(x) ((kj_pct)(x) * KJ_PCT_SCALE)

/* Permendagri 86/2017, Lampiran (evaluasi hasil Renja), §4.2. */
enum kj_kategori kj_kategori_of(kj_pct c)
{
	if (c >= PCT(91))
		return KJ_KAT_SANGAT_TINGGI;
	if (c >= PCT(76))
		return KJ_KAT_TINGGI;
	if (c >= PCT(66))
		return KJ_KAT_SEDANG;
	if (c >= PCT(51))
		return KJ_KAT_RENDAH;
	return KJ_KAT_SANGAT_RENDAH;
}

kj_pct kj_pct_round2(kj_pct p)
{
	int64_t h;

	if (kj_money_muldiv(p, 1, 100, KJ_ROUND_HALF_UP, &h, NULL))
		return p;
	return h * 100;
}

/* SSUK kontrak kritis, §4.3: periode I (plan 0-70 %) lag > 10 points,
 * periode II (plan above 70 %) lag > 5 points. */
bool kj_kontrak_kritis(kj_pct rencana, kj_pct realisasi)
{
	kj_pct dev = rencana - realisasi;

	if (rencana <= PCT(70))
		return dev > PCT(10);
	return dev > PCT(5);
}

static kj_pct ratio(int64_t r, int64_t t)
{
	int64_t out;

	if (kj_money_muldiv(r, KJ_PCT_100, t, KJ_ROUND_HALF_UP, &out, NULL))
		return 0;
	return kj_pct_round2(out);
}

void kj_subkeg_eval(const kj_subkeg *s, kj_subkeg_hasil *h)
{
	h->fisik_ok = s->target_fisik > 0;
	h->fisik = h->fisik_ok ? ratio(s->realisasi_fisik, s->target_fisik)
	                       : 0;
	h->keuangan_ok = s->target_keuangan > 0;
	h->keuangan = h->keuangan_ok
	              ? ratio(s->realisasi_keuangan, s->target_keuangan) : 0;
	h->deviasi = s->target_fisik - s->realisasi_fisik;
	h->kritis = kj_kontrak_kritis(s->target_fisik, s->realisasi_fisik);
}

void kj_wmean_add(kj_wmean *w, kj_money pagu, kj_pct c)
{
	w->sum += (kj_wsum)pagu * c;
	w->pagu += pagu;
	w->n++;
}

int kj_wmean_get(const kj_wmean *w, kj_pct *out)
{
	kj_wsum q, rem;

	if (w->n == 0 || w->pagu <= 0)
		return -1;
	/* hundredths: sum / pagu / 100, half up (sum >= 0) */
	q = w->sum / (w->pagu * 100);
	rem = w->sum % (w->pagu * 100);
	if (rem * 2 >= w->pagu * 100)
		q++;
	*out = (kj_pct)q * 100;
	return 0;
}
