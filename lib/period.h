/*
 * period: calendar dates, times of day, timestamps, reporting periods
 * (month, quarter, semester, year) and working days.
 *
 * A date is a day number, days since 1970-01-01 in the proleptic Gregorian
 * calendar, so that the arithmetic a command needs is plain arithmetic:
 * d + n is n days later, b - a is the number of days between, and < and ==
 * compare.  Parsed dates lie in the years KJ_YEAR_MIN..KJ_YEAR_MAX; a wider
 * range would only let typos such as 0226-11-05 through.
 *
 * Times and timestamps are local wall-clock time without a zone: attendance
 * devices log local time (WIB, WITA, WIT), and Indonesia has no daylight
 * saving, so a day is always 86400 seconds.
 *
 * Parsers take (s, len) (s need not be NUL-terminated), return 0 on success
 * and -1 on error with err filled (err may be NULL).  The message says what
 * was expected; err->col is 1-based within s, err->file is "" and
 * err->line 0, so a caller that parsed a field starting at column c sets
 * the file and line and adds c - 1 to the column.  Dates, times and periods
 * are machine-readable words: no surrounding blanks are skipped.
 *
 * Formatters have snprintf() semantics: they write at most n bytes
 * including the NUL and return the length the full text needs.
 */
#ifndef KJ_PERIOD_H
#define KJ_PERIOD_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define KJ_YEAR_MIN 1900
#define KJ_YEAR_MAX 2999

typedef int32_t kj_date;       /* days since 1970-01-01 */
typedef int64_t kj_timestamp;  /* seconds since 1970-01-01 00:00:00 local */

#define KJ_DATE_BUFSZ 11       /* "2026-11-05" */
#define KJ_TIME_BUFSZ 9        /* "07:31:09" */
#define KJ_TIMESTAMP_BUFSZ 20  /* "2026-11-05 07:31:09" */
#define KJ_PERIOD_BUFSZ 9      /* "2026-TW3" */
#define KJ_LABEL_BUFSZ 32      /* "Triwulan III 2026", "30 September 2026" */

/* ---- dates --------------------------------------------------------------- */

int kj_leap_year(int y);
/* 28..31; 0 when m is not 1..12. */
int kj_days_in_month(int y, int m);
/* 0 and *out set when y-m-d is a real date in the year range, else -1. */
int kj_date_from_ymd(int y, int m, int d, kj_date *out);
void kj_date_ymd(kj_date date, int *y, int *m, int *d);
/* ISO weekday: 1 Monday ... 7 Sunday. */
int kj_date_weekday(kj_date date);
/* qsort() comparator for an array of kj_date. */
int kj_date_cmp(const void *a, const void *b);

/* "2026-11-05", exactly. */
int kj_date_parse(const char *s, size_t len, kj_date *out, kj_err *err);
size_t kj_date_format(kj_date date, char *buf, size_t n);
/* Indonesian: "5 November 2026". */
size_t kj_date_label(kj_date date, char *buf, size_t n);
/* "Januari" ... "Desember"; "" when m is not 1..12. */
const char *kj_month_name(int m);

/* ---- times and timestamps ------------------------------------------------ */

/* "07:31" or "07:31:09" into seconds since midnight (0..86399). */
int kj_time_parse(const char *s, size_t len, int32_t *secs, kj_err *err);
/* "07:31:09", or "07:31" when with_seconds is 0 (seconds are dropped). */
size_t kj_time_format(int32_t secs, int with_seconds, char *buf, size_t n);

/*
 * "2026-11-05 07:31:09", "2026-11-05T07:31:09", and the same without
 * seconds.  Zone suffixes (Z, +07:00) and fractions of a second are
 * refused: the logs this reads carry neither, and guessing would move an
 * employee's check-in.
 */
int kj_timestamp_parse(const char *s, size_t len, kj_timestamp *out,
                       kj_err *err);
size_t kj_timestamp_format(kj_timestamp ts, char *buf, size_t n);
kj_timestamp kj_timestamp_make(kj_date date, int32_t secs);
kj_date kj_timestamp_date(kj_timestamp ts);
int32_t kj_timestamp_secs(kj_timestamp ts);

/* ---- periods ------------------------------------------------------------- */

enum kj_period_kind {
	KJ_PERIOD_MONTH = 1,
	KJ_PERIOD_QUARTER,     /* triwulan */
	KJ_PERIOD_SEMESTER,
	KJ_PERIOD_YEAR
};

typedef struct kj_period {
	enum kj_period_kind kind;
	int year;   /* KJ_YEAR_MIN..KJ_YEAR_MAX */
	int n;      /* month 1-12, quarter 1-4, semester 1-2; 0 for a year */
} kj_period;

/*
 * Month "2026-11", quarter "2026-TW3" or "2026-Q3", semester "2026-S2",
 * year "2026".  The letters are case-insensitive; the month takes two
 * digits.
 */
int kj_period_parse(const char *s, size_t len, kj_period *out, kj_err *err);
/* Canonical form: "2026-11", "2026-TW3", "2026-S2", "2026". */
size_t kj_period_format(const kj_period *p, char *buf, size_t n);
/* "November 2026", "Triwulan III 2026", "Semester II 2026", "Tahun 2026". */
size_t kj_period_label(const kj_period *p, char *buf, size_t n);

/* 0 and *out filled when y and n make a period of that kind, else -1. */
int kj_period_make(enum kj_period_kind kind, int year, int n, kj_period *out);
/* The period of the given kind that holds date; -1 outside the years. */
int kj_period_of(enum kj_period_kind kind, kj_date date, kj_period *out);
kj_date kj_period_first(const kj_period *p);
kj_date kj_period_last(const kj_period *p);
int kj_period_contains(const kj_period *p, kj_date date);
/*
 * The period k steps later (k < 0: earlier) of the same kind: 2026-12 + 1
 * is 2027-01, 2026-TW4 + 1 is 2027-TW1.  -1 when the result leaves the
 * year range.
 */
int kj_period_add(const kj_period *p, long k, kj_period *out);
int kj_period_next(const kj_period *p, kj_period *out);
int kj_period_prev(const kj_period *p, kj_period *out);
/* The months the period covers, in order, into out; returns 1..12. */
int kj_period_months(const kj_period *p, kj_period out[12]);
/* Order by first day, then shorter first; 0 only for the same period. */
int kj_period_cmp(const kj_period *a, const kj_period *b);

/* ---- working days -------------------------------------------------------- */

/* A week mask has bit (1 << iso_weekday) set for each working weekday. */
#define KJ_WEEKDAY_BIT(iso) (1u << (iso))
#define KJ_WEEK_MON_FRI 0x3eu   /* bits 1..5 */
#define KJ_WEEK_MON_SAT 0x7eu   /* bits 1..6, six-day OPDs */

int kj_is_working_day(kj_date date, unsigned week,
                      const kj_date *holidays, size_t n_holidays);
/*
 * Working days from first to last inclusive (0 when last < first): the
 * days whose weekday is in week, less the holidays that fall on one of
 * them.  holidays may be unsorted, may hold dates outside the range and
 * duplicates; a holiday on a non-working weekday is not subtracted, and a
 * duplicate only once.  Time is O(n_holidays^2) in the worst case, which
 * for a national calendar of a few dozen days a year is nothing, and
 * needs no allocation.
 */
long kj_working_days(kj_date first, kj_date last, unsigned week,
                     const kj_date *holidays, size_t n_holidays);
long kj_period_working_days(const kj_period *p, unsigned week,
                            const kj_date *holidays, size_t n_holidays);

#endif
