/*
 * absen: one employee-day classified from its schedule and its punches,
 * and the month accumulated.  Pure arithmetic on structs: no I/O.
 *
 * Times are seconds from the midnight that starts the day (a punch the
 * next morning for a night shift is past 86400).  A punch inside the
 * check-in window [masuk_buka, batas) may be the arrival (the earliest
 * wins), a punch inside the check-out window [batas, pulang_tutup] the
 * departure (the latest wins); other punches do not count.
 *
 * Lateness is counted in whole minutes, rounded down, after the start
 * plus the tolerance: with no tolerance and a 07:30 start, 07:30:59 is on
 * time and 07:31:00 is one minute late.  Leaving early is counted the
 * same way before the end.  A band k holds the minutes m with
 * band[k-1] <= m < band[k] (the last band is open).
 */
#ifndef KJ_ABSEN_H
#define KJ_ABSEN_H

#include <stdint.h>

#include "jadwal.h"

#define KJ_NO_IN  INT32_MAX
#define KJ_NO_OUT INT32_MIN

/* The kinds of leave and duty of izin.tsv; 0 is none. */
enum kj_izin {
	KJ_IZIN_NONE = 0,
	KJ_IZIN_CUTI_TAHUNAN,
	KJ_IZIN_CUTI_SAKIT,
	KJ_IZIN_CUTI_BESAR,
	KJ_IZIN_CUTI_MELAHIRKAN,
	KJ_IZIN_CUTI_ALASAN_PENTING,
	KJ_IZIN_CLTN,
	KJ_IZIN_DINAS_LUAR,
	KJ_IZIN_SAKIT,
	KJ_IZIN_IZIN,
	KJ_IZIN_TUGAS_BELAJAR,
	KJ_IZIN_COUNT
};

/* The enum word ("cuti_tahunan") of a kind, also its absen.tsv column. */
const char *kj_izin_name(int kind);
/* The kind for a word (exact, lower case), or -1. */
int kj_izin_parse(const char *s, size_t len);

/* The punches of one employee-day that count. */
typedef struct kj_punches {
	int32_t masuk;    /* earliest in the check-in window, or KJ_NO_IN */
	int32_t pulang;   /* latest in the check-out window, or KJ_NO_OUT */
} kj_punches;

void kj_punches_reset(kj_punches *p);
/* Take one punch at t (seconds from the day's midnight) into p. */
void kj_punches_add(const kj_hari *h, int32_t t, kj_punches *p);

/* Band 1..KJ_BANDS of a lateness of secs seconds, or 0 (on time). */
int kj_absen_band(const kj_aturan *a, int64_t secs);

/* One employee-day. */
typedef struct kj_absen_day {
	int kerja;       /* a working day of this employee */
	int hadir;       /* valid check-in and check-out */
	int tl, psw;     /* band 1..4, or 0 */
	int tk;          /* no punch and no leave */
	int lupa_absen;  /* one punch only, with tanpa_absen: lupa_absen */
	int izin;        /* enum kj_izin, when leave covers the day */
} kj_absen_day;

/*
 * Classify a day: not a working day -> nothing counts (punches or leave
 * on it are ignored); leave -> its kind only; no punch -> tk; otherwise
 * the arrival's TL band and the departure's PSW band, a missing one
 * counting as TL4 / PSW4 or as lupa_absen (a) and the day hadir only
 * with both.
 */
void kj_absen_classify(const kj_hari *h, const kj_aturan *a,
                       const kj_punches *p, int izin, kj_absen_day *out);

/* The month of one employee: the columns of absen.tsv. */
typedef struct kj_absen_month {
	int hari_kerja, hadir;
	int tl[KJ_BANDS], psw[KJ_BANDS];
	int tk, lupa_absen;
	int izin[KJ_IZIN_COUNT];
} kj_absen_month;

void kj_absen_add(kj_absen_month *m, const kj_absen_day *d);

#endif
