/*
 * laporan: see laporan.h.
 */
#include "laporan.h"

kj_date kj_batas_lapor(const kj_period *p, int n, bool hari_kerja,
                       unsigned week, const kj_date *holidays,
                       size_t n_holidays)
{
	kj_date d = kj_period_last(p);

	if (!hari_kerja)
		return d + n;
	/* at most n weeks of holidays in a row are not a real calendar, but
	 * the loop ends anyway when week has a working day */
	if (!(week & 0xfeu))
		return d + n;
	while (n > 0) {
		d++;
		if (kj_is_working_day(d, week, holidays, n_holidays))
			n--;
	}
	return d;
}

long kj_terlambat(kj_date batas, bool dikirim, kj_date sent, kj_date per)
{
	kj_date until = dikirim ? sent : per;

	return until > batas ? (long)(until - batas) : 0;
}
