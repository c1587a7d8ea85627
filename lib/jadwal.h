/*
 * jadwal: the working schedule of jadwal.yaml (see kinerja-formats(5)).
 *
 * A schedule set holds named schedules (hours per ISO weekday; a shift
 * may end the next day), which OPD or unit works which schedule, date
 * ranges with other hours (Ramadan), national holidays and cuti bersama,
 * the tolerance before a check-in is late, the TL/PSW bands and what a
 * missing punch counts as.  Two schedules always exist unless the file
 * redefines them:
 *
 *     lima_hari   Monday-Thursday 07:30-16:00, Friday 07:30-16:30
 *     enam_hari   Monday-Thursday 07:30-14:00, Friday 07:30-11:00,
 *                 Saturday 07:30-12:30 (schools, puskesmas)
 *
 * Loading checks every key strictly and reports errors at file:line:col
 * with status 2.  kj_jadwal_day() then answers, for one schedule and one
 * date, whether it is a working day and its hours and punch windows, all
 * in seconds from the midnight that starts the date (a shift that crosses
 * midnight belongs to the date it starts, and its end is past 86400).
 */
#ifndef KJ_JADWAL_H
#define KJ_JADWAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "period.h"
#include "yaml.h"

#define KJ_BANDS 4

/* One working day of one schedule, in seconds from the day's midnight. */
typedef struct kj_hari {
	bool kerja;           /* a working day */
	int32_t mulai;        /* start of work */
	int32_t selesai;      /* end of work; > mulai, may pass 86400 */
	int32_t toleransi;    /* seconds after mulai before a check-in is late */
	int32_t masuk_buka;   /* check-in window [masuk_buka, batas) */
	int32_t batas;        /* check-out window [batas, pulang_tutup] */
	int32_t pulang_tutup;
} kj_hari;

/* What the day classification needs besides the day. */
typedef struct kj_aturan {
	/* Lower bounds in whole minutes: band k (1-based) is
	 * [band[k-1], band[k]), the last is open.  Default 1, 31, 61, 91. */
	int32_t band[KJ_BANDS];
	/* A missing check-in or check-out counts as lupa_absen instead of
	 * TL4 / PSW4. */
	bool lupa_absen;
} kj_aturan;

typedef struct kj_jadwal kj_jadwal;

/*
 * Load a schedule set from an already loaded YAML file (one document, or
 * none for all defaults).  The result points into f, which must outlive
 * it.  NULL and err filled on error.
 */
kj_jadwal *kj_jadwal_load(const kj_yfile *f, kj_err *err);
/* Load from a path ("-", .gz) or from memory (tests); these own the
 * YAML file and free it with the schedule set. */
kj_jadwal *kj_jadwal_load_path(const char *path, kj_err *err);
kj_jadwal *kj_jadwal_load_mem(const char *name, const char *text,
                              kj_err *err);
void kj_jadwal_free(kj_jadwal *j);

const kj_aturan *kj_jadwal_aturan(const kj_jadwal *j);
size_t kj_jadwal_count(const kj_jadwal *j);
/* Index of the schedule with this name, or (size_t)-1. */
size_t kj_jadwal_find(const kj_jadwal *j, const char *name);
const char *kj_jadwal_name(const kj_jadwal *j, size_t sched);
/* The schedule of an employee: the assignment of the unit if any, else
 * that of the OPD, else the default (key "bawaan"). */
size_t kj_jadwal_assign(const kj_jadwal *j, const char *opd,
                        const char *unit);
/* The day of schedule sched on date d (holidays and ranges applied). */
void kj_jadwal_day(const kj_jadwal *j, size_t sched, kj_date d,
                   kj_hari *out);
/* The name of the holiday or cuti bersama on d, or NULL. */
const char *kj_jadwal_holiday(const kj_jadwal *j, kj_date d);

/* Parse "07:30-16:00" or "19:00-07:00+1" (seconds from midnight; the end
 * of a "+1" shift is past 86400).  0, or -1 with err (col within s). */
int kj_jam_parse(const char *s, size_t len, int32_t *mulai,
                 int32_t *selesai, kj_err *err);

#endif
