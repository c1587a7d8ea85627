/* period: see period.h. */
#include "period.h"

#include <stdio.h>
#include <string.h>

#define SECS_PER_DAY 86400

static const char *const month_names[13] = {
	"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"
};

static const char *const roman[5] = { "", "I", "II", "III", "IV" };

/* ---- helpers ------------------------------------------------------------- */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the run of ASCII digits at s[i]. */
static size_t digit_run(const char *s, size_t len, size_t i)
{
	size_t j = i;

	while (j < len && is_digit(s[j]))
		j++;
	return j - i;
}

/* Value of n (at most 9) digits at s[i]; the caller checked they are. */
static long digits_value(const char *s, size_t i, size_t n)
{
	long v = 0;

	while (n--)
		v = v * 10 + (s[i++] - '0');
	return v;
}

/*
 * What sits at s[i], for messages: the input may be any bytes, and a
 * message must stay printable.
 */
static const char *show(const char *s, size_t len, size_t i, char buf[16])
{
	unsigned char c;

	if (i >= len)
		return "end of text";
	c = (unsigned char)s[i];
	if (c >= ' ' && c < 0x7f)
		snprintf(buf, 16, "'%c'", c);
	else
		snprintf(buf, 16, "byte 0x%02x", c);
	return buf;
}

/* ---- dates --------------------------------------------------------------- */

/*
 * Day number from a civil date and back, after Howard Hinnant's
 * "chrono-compatible low-level date algorithms": exact for any year, with
 * 400-year eras so that no table is needed.  int64 inside so that any
 * int32 day number converts without overflow.
 */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

int kj_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int kj_days_in_month(int y, int m)
{
	static const int days[13] = {
		0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && kj_leap_year(y) ? 29 : days[m];
}

int kj_date_from_ymd(int y, int m, int d, kj_date *out)
{
	if (y < KJ_YEAR_MIN || y > KJ_YEAR_MAX || d < 1 ||
	    d > kj_days_in_month(y, m))
		return -1;
	*out = (kj_date)days_from_civil(y, m, d);
	return 0;
}

void kj_date_ymd(kj_date date, int *y, int *m, int *d)
{
	civil_from_days(date, y, m, d);
}

int kj_date_weekday(kj_date date)
{
	/* 1970-01-01, day 0, was a Thursday (ISO 4). */
	int64_t r = ((int64_t)date + 3) % 7;

	return (int)(r < 0 ? r + 7 : r) + 1;
}

int kj_date_cmp(const void *a, const void *b)
{
	kj_date x = *(const kj_date *)a, y = *(const kj_date *)b;

	return (x > y) - (x < y);
}

/*
 * "YYYY-MM-DD" at s[off]; *end is set past it.  Shared by the date and
 * timestamp parsers so that columns in messages count from the field.
 */
static int parse_date_at(const char *s, size_t len, size_t off, size_t *end,
                         kj_date *out, kj_err *err)
{
	char b[16];
	size_t n = digit_run(s, len, off);
	long y, m, d;

	if (n == 0) {
		kj_err_set(err, NULL, 0, (long)off + 1,
		           "expected a date YYYY-MM-DD, found %s",
		           show(s, len, off, b));
		return -1;
	}
	if (n != 4) {
		kj_err_set(err, NULL, 0, (long)off + 1,
		           "expected a date YYYY-MM-DD with a 4-digit year, "
		           "found %zu digits", n);
		return -1;
	}
	if (off + 4 >= len || s[off + 4] != '-') {
		kj_err_set(err, NULL, 0, (long)off + 5,
		           "expected '-' after the year of a date YYYY-MM-DD, "
		           "found %s", show(s, len, off + 4, b));
		return -1;
	}
	n = digit_run(s, len, off + 5);
	if (n != 2) {
		kj_err_set(err, NULL, 0, (long)off + 6,
		           "expected a 2-digit month in a date YYYY-MM-DD, "
		           "found %zu digits", n);
		return -1;
	}
	if (off + 7 >= len || s[off + 7] != '-') {
		kj_err_set(err, NULL, 0, (long)off + 8,
		           "expected '-' after the month of a date YYYY-MM-DD, "
		           "found %s", show(s, len, off + 7, b));
		return -1;
	}
	n = digit_run(s, len, off + 8);
	if (n != 2) {
		kj_err_set(err, NULL, 0, (long)off + 9,
		           "expected a 2-digit day in a date YYYY-MM-DD, "
		           "found %zu digits", n);
		return -1;
	}
	y = digits_value(s, off, 4);
	m = digits_value(s, off + 5, 2);
	d = digits_value(s, off + 8, 2);
	if (y < KJ_YEAR_MIN || y > KJ_YEAR_MAX) {
		kj_err_set(err, NULL, 0, (long)off + 1,
		           "year %ld is outside %d-%d", y, KJ_YEAR_MIN,
		           KJ_YEAR_MAX);
		return -1;
	}
	if (kj_date_from_ymd((int)y, (int)m, (int)d, out) < 0) {
		kj_err_set(err, NULL, 0,
		           (long)off + (m < 1 || m > 12 ? 6 : 9),
		           "date %04ld-%02ld-%02ld does not exist", y, m, d);
		return -1;
	}
	*end = off + 10;
	return 0;
}

static int expect_end(const char *s, size_t len, size_t i, const char *what,
                      kj_err *err)
{
	char b[16];

	if (i == len)
		return 0;
	kj_err_set(err, NULL, 0, (long)i + 1, "unexpected %s after the %s",
	           show(s, len, i, b), what);
	return -1;
}

int kj_date_parse(const char *s, size_t len, kj_date *out, kj_err *err)
{
	size_t end;
	kj_date d;

	if (parse_date_at(s, len, 0, &end, &d, err) < 0 ||
	    expect_end(s, len, end, "date", err) < 0)
		return -1;
	*out = d;
	return 0;
}

size_t kj_date_format(kj_date date, char *buf, size_t n)
{
	int y, m, d;

	kj_date_ymd(date, &y, &m, &d);
	return (size_t)snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
}

size_t kj_date_label(kj_date date, char *buf, size_t n)
{
	int y, m, d;

	kj_date_ymd(date, &y, &m, &d);
	return (size_t)snprintf(buf, n, "%d %s %d", d, month_names[m], y);
}

const char *kj_month_name(int m)
{
	return m >= 1 && m <= 12 ? month_names[m] : "";
}

/* ---- times and timestamps ------------------------------------------------ */

/* One 2-digit field of a time at s[i], checked against 0..max. */
static int time_field(const char *s, size_t len, size_t i, const char *name,
                      long max, long *v, kj_err *err)
{
	size_t n = digit_run(s, len, i);

	if (n != 2) {
		kj_err_set(err, NULL, 0, (long)i + 1,
		           "expected a 2-digit %s in a time HH:MM or HH:MM:SS, "
		           "found %zu digits", name, n);
		return -1;
	}
	*v = digits_value(s, i, 2);
	if (*v > max) {
		kj_err_set(err, NULL, 0, (long)i + 1,
		           "%s %02ld does not exist; expected 00-%02ld", name,
		           *v, max);
		return -1;
	}
	return 0;
}

static int parse_time_at(const char *s, size_t len, size_t off, size_t *end,
                         int32_t *secs, kj_err *err)
{
	char b[16];
	long h, m, sec = 0;
	size_t i = off;

	if (time_field(s, len, i, "hour", 23, &h, err) < 0)
		return -1;
	i += 2;
	if (i >= len || s[i] != ':') {
		kj_err_set(err, NULL, 0, (long)i + 1,
		           "expected ':' after the hour of a time HH:MM, "
		           "found %s", show(s, len, i, b));
		return -1;
	}
	if (time_field(s, len, i + 1, "minute", 59, &m, err) < 0)
		return -1;
	i += 3;
	if (i < len && s[i] == ':') {
		if (time_field(s, len, i + 1, "second", 59, &sec, err) < 0)
			return -1;
		i += 3;
		if (i < len && (s[i] == '.' || s[i] == ',')) {
			kj_err_set(err, NULL, 0, (long)i + 1,
			           "fractions of a second are not supported; "
			           "expected HH:MM:SS");
			return -1;
		}
	}
	*secs = (int32_t)(h * 3600 + m * 60 + sec);
	*end = i;
	return 0;
}

int kj_time_parse(const char *s, size_t len, int32_t *secs, kj_err *err)
{
	size_t end;
	int32_t t;

	if (parse_time_at(s, len, 0, &end, &t, err) < 0 ||
	    expect_end(s, len, end, "time", err) < 0)
		return -1;
	*secs = t;
	return 0;
}

size_t kj_time_format(int32_t secs, int with_seconds, char *buf, size_t n)
{
	int h = secs / 3600, m = secs / 60 % 60, sec = secs % 60;

	if (with_seconds)
		return (size_t)snprintf(buf, n, "%02d:%02d:%02d", h, m, sec);
	return (size_t)snprintf(buf, n, "%02d:%02d", h, m);
}

int kj_timestamp_parse(const char *s, size_t len, kj_timestamp *out,
                       kj_err *err)
{
	char b[16];
	size_t i;
	kj_date d;
	int32_t t;

	if (parse_date_at(s, len, 0, &i, &d, err) < 0)
		return -1;
	if (i >= len || (s[i] != ' ' && s[i] != 'T' && s[i] != 't')) {
		kj_err_set(err, NULL, 0, (long)i + 1,
		           "expected ' ' or 'T' between the date and the time "
		           "of a timestamp, found %s", show(s, len, i, b));
		return -1;
	}
	if (parse_time_at(s, len, i + 1, &i, &t, err) < 0)
		return -1;
	if (i < len && (s[i] == 'Z' || s[i] == 'z' || s[i] == '+' ||
	                s[i] == '-')) {
		kj_err_set(err, NULL, 0, (long)i + 1,
		           "time zones are not supported; expected local time "
		           "YYYY-MM-DD HH:MM:SS");
		return -1;
	}
	if (expect_end(s, len, i, "timestamp", err) < 0)
		return -1;
	*out = kj_timestamp_make(d, t);
	return 0;
}

kj_timestamp kj_timestamp_make(kj_date date, int32_t secs)
{
	return (kj_timestamp)date * SECS_PER_DAY + secs;
}

kj_date kj_timestamp_date(kj_timestamp ts)
{
	/* Floor division: dates before 1970 have negative numbers. */
	int64_t q = ts / SECS_PER_DAY;

	if (ts % SECS_PER_DAY < 0)
		q--;
	return (kj_date)q;
}

int32_t kj_timestamp_secs(kj_timestamp ts)
{
	int64_t r = ts % SECS_PER_DAY;

	return (int32_t)(r < 0 ? r + SECS_PER_DAY : r);
}

size_t kj_timestamp_format(kj_timestamp ts, char *buf, size_t n)
{
	char d[KJ_DATE_BUFSZ + 8], t[KJ_TIME_BUFSZ];

	kj_date_format(kj_timestamp_date(ts), d, sizeof d);
	kj_time_format(kj_timestamp_secs(ts), 1, t, sizeof t);
	return (size_t)snprintf(buf, n, "%s %s", d, t);
}

/* ---- periods ------------------------------------------------------------- */

/* Months in one period of the kind; 12 for a year. */
static int months_per(enum kj_period_kind kind)
{
	switch (kind) {
	case KJ_PERIOD_MONTH:
		return 1;
	case KJ_PERIOD_QUARTER:
		return 3;
	case KJ_PERIOD_SEMESTER:
		return 6;
	case KJ_PERIOD_YEAR:
		break;
	}
	return 12;
}

int kj_period_make(enum kj_period_kind kind, int year, int n, kj_period *out)
{
	int per_year;

	if (kind < KJ_PERIOD_MONTH || kind > KJ_PERIOD_YEAR ||
	    year < KJ_YEAR_MIN || year > KJ_YEAR_MAX)
		return -1;
	per_year = 12 / months_per(kind);
	if (kind == KJ_PERIOD_YEAR ? n != 0 : n < 1 || n > per_year)
		return -1;
	out->kind = kind;
	out->year = year;
	out->n = n;
	return 0;
}

/* The number after "TW", "Q" or "S" at s[i], checked against 1..max. */
static int period_number(const char *s, size_t len, size_t i,
                         const char *what, const char *range, int max,
                         int *v, size_t *end, kj_err *err)
{
	char b[16];
	size_t n = digit_run(s, len, i);
	long x;

	if (n == 0) {
		kj_err_set(err, NULL, 0, (long)i + 1,
		           "expected a %s number %s, found %s", what, range,
		           show(s, len, i, b));
		return -1;
	}
	x = digits_value(s, i, 1);
	if (n > 1 || x < 1 || x > max) {
		/* The digits as written: "TW03" is not quarter 3 either. */
		kj_err_set(err, NULL, 0, (long)i + 1,
		           "%s %.*s%s does not exist; expected %s", what,
		           (int)(n > 9 ? 9 : n), s + i, n > 9 ? "..." : "",
		           range);
		return -1;
	}
	*v = (int)x;
	*end = i + n;
	return 0;
}

int kj_period_parse(const char *s, size_t len, kj_period *out, kj_err *err)
{
	char b[16];
	size_t n = digit_run(s, len, 0), i;
	kj_period p;
	long y;

	if (n == 0) {
		kj_err_set(err, NULL, 0, 1,
		           "expected a period (2026-11, 2026-TW3, 2026-S2 or "
		           "2026), found %s", show(s, len, 0, b));
		return -1;
	}
	if (n != 4) {
		kj_err_set(err, NULL, 0, 1,
		           "expected a period with a 4-digit year (2026-11, "
		           "2026-TW3, 2026-S2 or 2026), found %zu digits", n);
		return -1;
	}
	y = digits_value(s, 0, 4);
	if (y < KJ_YEAR_MIN || y > KJ_YEAR_MAX) {
		kj_err_set(err, NULL, 0, 1, "year %ld is outside %d-%d", y,
		           KJ_YEAR_MIN, KJ_YEAR_MAX);
		return -1;
	}
	p.year = (int)y;
	if (len == 4) {
		p.kind = KJ_PERIOD_YEAR;
		p.n = 0;
		*out = p;
		return 0;
	}
	if (s[4] != '-') {
		kj_err_set(err, NULL, 0, 5,
		           "expected '-' after the year of a period, found %s",
		           show(s, len, 4, b));
		return -1;
	}
	i = 5;
	if (i < len && is_digit(s[i])) {
		long m;

		n = digit_run(s, len, i);
		if (n != 2) {
			kj_err_set(err, NULL, 0, 6,
			           "expected a 2-digit month (01-12) after the "
			           "year, found %zu digits", n);
			return -1;
		}
		m = digits_value(s, i, 2);
		if (m < 1 || m > 12) {
			kj_err_set(err, NULL, 0, 6,
			           "month %02ld does not exist; expected 01-12",
			           m);
			return -1;
		}
		i += 2;
		if (i < len && s[i] == '-') {
			kj_err_set(err, NULL, 0, (long)i + 1,
			           "expected a period, found what looks like a "
			           "date; a month is written 2026-11");
			return -1;
		}
		p.kind = KJ_PERIOD_MONTH;
		p.n = (int)m;
	} else if (i + 1 < len && (s[i] == 'T' || s[i] == 't') &&
	           (s[i + 1] == 'W' || s[i + 1] == 'w')) {
		p.kind = KJ_PERIOD_QUARTER;
		if (period_number(s, len, i + 2, "quarter", "TW1-TW4", 4,
		                  &p.n, &i, err) < 0)
			return -1;
	} else if (i < len && (s[i] == 'Q' || s[i] == 'q')) {
		p.kind = KJ_PERIOD_QUARTER;
		if (period_number(s, len, i + 1, "quarter", "Q1-Q4", 4, &p.n,
		                  &i, err) < 0)
			return -1;
	} else if (i < len && (s[i] == 'S' || s[i] == 's')) {
		p.kind = KJ_PERIOD_SEMESTER;
		if (period_number(s, len, i + 1, "semester", "S1-S2", 2,
		                  &p.n, &i, err) < 0)
			return -1;
	} else {
		kj_err_set(err, NULL, 0, (long)i + 1,
		           "expected a month 01-12, TW1-TW4, Q1-Q4 or S1-S2 "
		           "after the year, found %s", show(s, len, i, b));
		return -1;
	}
	if (expect_end(s, len, i, "period", err) < 0)
		return -1;
	*out = p;
	return 0;
}

size_t kj_period_format(const kj_period *p, char *buf, size_t n)
{
	switch (p->kind) {
	case KJ_PERIOD_MONTH:
		return (size_t)snprintf(buf, n, "%04d-%02d", p->year, p->n);
	case KJ_PERIOD_QUARTER:
		return (size_t)snprintf(buf, n, "%04d-TW%d", p->year, p->n);
	case KJ_PERIOD_SEMESTER:
		return (size_t)snprintf(buf, n, "%04d-S%d", p->year, p->n);
	case KJ_PERIOD_YEAR:
		break;
	}
	return (size_t)snprintf(buf, n, "%04d", p->year);
}

size_t kj_period_label(const kj_period *p, char *buf, size_t n)
{
	int k = p->n >= 1 && p->n <= 4 ? p->n : 0;

	switch (p->kind) {
	case KJ_PERIOD_MONTH:
		return (size_t)snprintf(buf, n, "%s %d", kj_month_name(p->n),
		                        p->year);
	case KJ_PERIOD_QUARTER:
		return (size_t)snprintf(buf, n, "Triwulan %s %d", roman[k],
		                        p->year);
	case KJ_PERIOD_SEMESTER:
		return (size_t)snprintf(buf, n, "Semester %s %d", roman[k],
		                        p->year);
	case KJ_PERIOD_YEAR:
		break;
	}
	return (size_t)snprintf(buf, n, "Tahun %d", p->year);
}

/* First month (1..12) of the period. */
static int first_month(const kj_period *p)
{
	if (p->kind == KJ_PERIOD_YEAR)
		return 1;
	return (p->n - 1) * months_per(p->kind) + 1;
}

int kj_period_of(enum kj_period_kind kind, kj_date date, kj_period *out)
{
	int y, m, d, k = months_per(kind);

	kj_date_ymd(date, &y, &m, &d);
	return kj_period_make(kind, y,
	                      kind == KJ_PERIOD_YEAR ? 0 : (m - 1) / k + 1,
	                      out);
}

kj_date kj_period_first(const kj_period *p)
{
	return (kj_date)days_from_civil(p->year, first_month(p), 1);
}

kj_date kj_period_last(const kj_period *p)
{
	int m = first_month(p) + months_per(p->kind) - 1;

	return (kj_date)days_from_civil(p->year, m,
	                                kj_days_in_month(p->year, m));
}

int kj_period_contains(const kj_period *p, kj_date date)
{
	return date >= kj_period_first(p) && date <= kj_period_last(p);
}

int kj_period_add(const kj_period *p, long k, kj_period *out)
{
	int64_t per_year = 12 / months_per(p->kind), idx, lo, hi;
	int n0 = p->kind == KJ_PERIOD_YEAR ? 0 : p->n - 1;

	/*
	 * Count periods from year 0 so that the year and the number fall
	 * out of one division; bound k first so that nothing overflows.
	 */
	lo = KJ_YEAR_MIN * per_year;
	hi = (KJ_YEAR_MAX + 1) * per_year - 1;
	if (k < lo - hi || k > hi - lo)
		return -1;
	idx = p->year * per_year + n0 + k;
	if (idx < lo || idx > hi)
		return -1;
	return kj_period_make(p->kind, (int)(idx / per_year),
	                      p->kind == KJ_PERIOD_YEAR ?
	                      0 : (int)(idx % per_year) + 1, out);
}

int kj_period_next(const kj_period *p, kj_period *out)
{
	return kj_period_add(p, 1, out);
}

int kj_period_prev(const kj_period *p, kj_period *out)
{
	return kj_period_add(p, -1, out);
}

int kj_period_months(const kj_period *p, kj_period out[12])
{
	int i, k = months_per(p->kind), m0 = first_month(p);

	for (i = 0; i < k; i++) {
		out[i].kind = KJ_PERIOD_MONTH;
		out[i].year = p->year;
		out[i].n = m0 + i;
	}
	return k;
}

int kj_period_cmp(const kj_period *a, const kj_period *b)
{
	kj_date fa = kj_period_first(a), fb = kj_period_first(b);
	kj_date la, lb;

	if (fa != fb)
		return fa < fb ? -1 : 1;
	la = kj_period_last(a);
	lb = kj_period_last(b);
	return (la > lb) - (la < lb);
}

/* ---- working days -------------------------------------------------------- */

int kj_is_working_day(kj_date date, unsigned week,
                      const kj_date *holidays, size_t n_holidays)
{
	size_t i;

	if (!(week & KJ_WEEKDAY_BIT(kj_date_weekday(date))))
		return 0;
	for (i = 0; i < n_holidays; i++)
		if (holidays[i] == date)
			return 0;
	return 1;
}

static int popcount_week(unsigned week)
{
	int iso, n = 0;

	for (iso = 1; iso <= 7; iso++)
		n += !!(week & KJ_WEEKDAY_BIT(iso));
	return n;
}

long kj_working_days(kj_date first, kj_date last, unsigned week,
                     const kj_date *holidays, size_t n_holidays)
{
	int64_t days, count;
	kj_date d;
	size_t i, j;

	if (last < first)
		return 0;
	days = (int64_t)last - first + 1;
	/* Every run of 7 days holds each weekday once. */
	count = days / 7 * popcount_week(week);
	for (d = (kj_date)(first + days / 7 * 7); d <= last; d++) {
		count += !!(week & KJ_WEEKDAY_BIT(kj_date_weekday(d)));
		if (d == last)
			break;  /* last may be INT32_MAX */
	}
	for (i = 0; i < n_holidays; i++) {
		kj_date h = holidays[i];

		if (h < first || h > last ||
		    !(week & KJ_WEEKDAY_BIT(kj_date_weekday(h))))
			continue;
		for (j = 0; j < i && holidays[j] != h; j++)
			;
		if (j == i)
			count--;
	}
	return (long)count;
}

long kj_period_working_days(const kj_period *p, unsigned week,
                            const kj_date *holidays, size_t n_holidays)
{
	return kj_working_days(kj_period_first(p), kj_period_last(p), week,
	                       holidays, n_holidays);
}
