/* absen: see absen.h. */
#include "absen.h"

#include <string.h>

static const char *const izin_names[KJ_IZIN_COUNT] = {
	"", "cuti_tahunan", "cuti_sakit", "cuti_besar", "cuti_melahirkan",
	"cuti_alasan_penting", "cltn", "dinas_luar", "sakit", "izin",
	"tugas_belajar"
};

const char *kj_izin_name(int kind)
{
	return kind > 0 && kind < KJ_IZIN_COUNT ? izin_names[kind] : "";
}

int kj_izin_parse(const char *s, size_t len)
{
	for (int i = 1; i < KJ_IZIN_COUNT; i++)
		if (strlen(izin_names[i]) == len &&
		    !memcmp(izin_names[i], s, len))
			return i;
	return -1;
}

void kj_punches_reset(kj_punches *p)
{
	p->masuk = KJ_NO_IN;
	p->pulang = KJ_NO_OUT;
}

void kj_punches_add(const kj_hari *h, int32_t t, kj_punches *p)
{
	if (!h->kerja)
		return;
	if (t >= h->masuk_buka && t < h->batas) {
		if (t < p->masuk)
			p->masuk = t;
	} else if (t >= h->batas && t <= h->pulang_tutup) {
		if (t > p->pulang)
			p->pulang = t;
	}
}

int kj_absen_band(const kj_aturan *a, int64_t secs)
{
	int64_t m;
	int k;

	if (secs < 60)
		return 0;
	m = secs / 60;   /* whole minutes, rounded down */
	for (k = KJ_BANDS; k > 0; k--)
		if (m >= a->band[k - 1])
			return k;
	return 0;
}

void kj_absen_classify(const kj_hari *h, const kj_aturan *a,
                       const kj_punches *p, int izin, kj_absen_day *out)
{
	int in = p->masuk != KJ_NO_IN, pout = p->pulang != KJ_NO_OUT;

	memset(out, 0, sizeof *out);
	if (!h->kerja)
		return;
	out->kerja = 1;
	if (izin > 0) {
		out->izin = izin;
		return;
	}
	if (!in && !pout) {
		out->tk = 1;
		return;
	}
	if (in)
		out->tl = kj_absen_band(a, (int64_t)p->masuk - h->mulai -
		                        h->toleransi);
	if (pout)
		out->psw = kj_absen_band(a, (int64_t)h->selesai - p->pulang);
	if (in && pout) {
		out->hadir = 1;
	} else if (a->lupa_absen) {
		out->lupa_absen = 1;
	} else {
		if (!in)
			out->tl = KJ_BANDS;
		if (!pout)
			out->psw = KJ_BANDS;
	}
}

void kj_absen_add(kj_absen_month *m, const kj_absen_day *d)
{
	if (!d->kerja)
		return;
	m->hari_kerja++;
	m->hadir += d->hadir;
	if (d->tl)
		m->tl[d->tl - 1]++;
	if (d->psw)
		m->psw[d->psw - 1]++;
	m->tk += d->tk;
	m->lupa_absen += d->lupa_absen;
	if (d->izin > 0 && d->izin < KJ_IZIN_COUNT)
		m->izin[d->izin]++;
}
