/*
 * laporan: reporting deadlines and days late (domain/skp-capaian.md §4.5).
 *
 * The deadline of a period is day N of the month after it (the
 * "tanggal 5" of the Perkada TPP), or, counted in working days, the N-th
 * working day after the period's last day (PP 39/2006 counts its
 * quarterly reports so).  Days late are calendar days.
 */
#ifndef KJ_LAPORAN_H
#define KJ_LAPORAN_H

#include <stdbool.h>
#include <stddef.h>

#include "period.h"

/*
 * The deadline for reporting period p.  Calendar: the last day of p plus
 * n (n = 5: the 5th of the next month).  Working days: the n-th day after
 * the last day of p that is a working day of week (KJ_WEEK_MON_FRI) and
 * not a holiday.  n = 0 is the last day of the period itself.
 */
kj_date kj_batas_lapor(const kj_period *p, int n, bool hari_kerja,
                       unsigned week, const kj_date *holidays,
                       size_t n_holidays);

/*
 * Days late: a report sent on day SENT counts from that day (0 when on
 * or before the deadline); one not sent (dikirim false) up to PER.
 */
long kj_terlambat(kj_date batas, bool dikirim, kj_date sent, kj_date per);

#endif
