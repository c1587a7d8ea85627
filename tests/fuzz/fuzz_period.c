/*
 * libFuzzer target for lib/period.c: the date, time, timestamp and period
 * parsers on arbitrary bytes, their round trips, the calendar arithmetic
 * of every period parsed, and kj_working_days() against a day-by-day
 * count.
 *
 *     make fuzz && build/fuzz/fuzz_period tests/fuzz/corpus/period
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "period.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static void check_err(const kj_err *e)
{
	const char *p;

	CHECK(e->msg[0] != '\0');
	for (p = e->msg; *p; p++)
		CHECK(*p >= ' ' && *p < 0x7f);
}

static void check_date(kj_date d)
{
	char buf[KJ_LABEL_BUFSZ];
	kj_date back;
	kj_err e;
	size_t n;
	int y, m, dd, wd;

	kj_date_ymd(d, &y, &m, &dd);
	CHECK(kj_date_from_ymd(y, m, dd, &back) == 0 && back == d);
	wd = kj_date_weekday(d);
	CHECK(wd >= 1 && wd <= 7);
	CHECK(kj_date_weekday(d + 1) == wd % 7 + 1);
	n = kj_date_format(d, buf, sizeof buf);
	CHECK(n == 10);
	CHECK(kj_date_parse(buf, n, &back, &e) == 0 && back == d);
	n = kj_date_label(d, buf, sizeof buf);
	CHECK(n > 0 && n < sizeof buf);
}

static void check_period(const kj_period *p)
{
	char buf[KJ_LABEL_BUFSZ];
	kj_period q, r, months[12];
	kj_date first = kj_period_first(p), last = kj_period_last(p);
	kj_err e;
	size_t n;
	int k, i;

	n = kj_period_format(p, buf, sizeof buf);
	CHECK(n < KJ_PERIOD_BUFSZ);
	CHECK(kj_period_parse(buf, n, &q, &e) == 0);
	CHECK(kj_period_cmp(p, &q) == 0 && q.kind == p->kind);
	n = kj_period_label(p, buf, sizeof buf);
	CHECK(n > 0 && n < sizeof buf);

	CHECK(first <= last);
	CHECK(kj_period_contains(p, first) && kj_period_contains(p, last));
	CHECK(!kj_period_contains(p, first - 1));
	CHECK(!kj_period_contains(p, last + 1));
	check_date(first);
	check_date(last);
	CHECK(kj_period_of(p->kind, first, &q) == 0);
	CHECK(kj_period_cmp(p, &q) == 0);
	CHECK(kj_period_of(p->kind, last, &q) == 0);
	CHECK(kj_period_cmp(p, &q) == 0);

	/* Neighbours touch: next starts the day after this one ends. */
	if (kj_period_next(p, &q) == 0) {
		CHECK(kj_period_first(&q) == last + 1);
		CHECK(kj_period_prev(&q, &r) == 0 && kj_period_cmp(p, &r) == 0);
		CHECK(kj_period_cmp(p, &q) < 0);
	} else {
		CHECK(p->year == KJ_YEAR_MAX);
	}
	if (kj_period_prev(p, &q) == 0)
		CHECK(kj_period_last(&q) == first - 1);
	else
		CHECK(p->year == KJ_YEAR_MIN);

	/* The months tile the period. */
	k = kj_period_months(p, months);
	CHECK(k >= 1 && k <= 12);
	CHECK(kj_period_first(&months[0]) == first);
	CHECK(kj_period_last(&months[k - 1]) == last);
	for (i = 1; i < k; i++)
		CHECK(kj_period_first(&months[i]) ==
		      kj_period_last(&months[i - 1]) + 1);
}

/* Working days by walking the days, for comparison. */
static long slow_working_days(kj_date first, kj_date last, unsigned week,
                              const kj_date *hol, size_t n)
{
	long count = 0;
	kj_date d;

	for (d = first; d <= last; d++)
		count += kj_is_working_day(d, week, hol, n);
	return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char buf[KJ_LABEL_BUFSZ];
	kj_timestamp ts, ts2;
	kj_period p;
	kj_date d;
	int32_t t, t2;
	kj_err e;
	size_t n;

	if (kj_date_parse(s, size, &d, &e) == 0) {
		check_date(d);
		/* The grammar is strict, so the text is already canonical. */
		n = kj_date_format(d, buf, sizeof buf);
		CHECK(n == size && memcmp(buf, s, n) == 0);
	} else {
		check_err(&e);
	}

	if (kj_time_parse(s, size, &t, &e) == 0) {
		CHECK(t >= 0 && t < 86400);
		n = kj_time_format(t, size == 8, buf, sizeof buf);
		CHECK(n == size && memcmp(buf, s, n) == 0);
		n = kj_time_format(t, 1, buf, sizeof buf);
		CHECK(kj_time_parse(buf, n, &t2, &e) == 0 && t2 == t);
	} else {
		check_err(&e);
	}

	if (kj_timestamp_parse(s, size, &ts, &e) == 0) {
		CHECK(kj_timestamp_secs(ts) >= 0 &&
		      kj_timestamp_secs(ts) < 86400);
		CHECK(kj_timestamp_make(kj_timestamp_date(ts),
		                        kj_timestamp_secs(ts)) == ts);
		check_date(kj_timestamp_date(ts));
		n = kj_timestamp_format(ts, buf, sizeof buf);
		CHECK(n == 19);
		CHECK(kj_timestamp_parse(buf, n, &ts2, &e) == 0 && ts2 == ts);
	} else {
		check_err(&e);
	}

	if (kj_period_parse(s, size, &p, &e) == 0) {
		check_period(&p);
		if (size > 5 && s[5] >= '0' && s[5] <= '9') {
			/* A month is already canonical. */
			n = kj_period_format(&p, buf, sizeof buf);
			CHECK(n == size && memcmp(buf, s, n) == 0);
		}
	} else {
		check_err(&e);
	}

	/*
	 * The bytes as numbers: a range of up to 1023 days from a day in
	 * the year range, a week mask, and holidays near it.
	 */
	if (size >= 6) {
		kj_date first = (kj_date)((data[0] << 16 | data[1] << 8 |
		                           data[2]) % 400000) - 25567;
		kj_date last = first + ((data[3] << 8 | data[4]) % 1024) - 8;
		unsigned week = data[5];
		kj_date hol[32];
		size_t nh = 0, i;
		long fast, slow;

		for (i = 6; i < size && nh < 32; i++)
			hol[nh++] = first + (int8_t)data[i] * 4;
		fast = kj_working_days(first, last, week, hol, nh);
		slow = slow_working_days(first, last, week, hol, nh);
		CHECK(fast == slow);
		CHECK(fast >= 0);
		check_date(first);   /* 1900-01-01 .. 2995: in the year range */
	}
	return 0;
}
