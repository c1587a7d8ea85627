/*
 * libFuzzer target for lib/money.c: every parser (money, percent,
 * decimal at several scales, rounding names) on arbitrary bytes, the
 * round trips parse(format(x)) == x, and kj_money_muldiv() checked against
 * the definition of each rounding rule.
 *
 *     make fuzz && build/fuzz/fuzz_money tests/fuzz/corpus/money
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"

__extension__ typedef __int128 i128;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

/* A message is printable ASCII whatever the input was. */
static void check_err(const kj_err *e)
{
	const char *p;

	CHECK(e->msg[0] != '\0');
	for (p = e->msg; *p; p++)
		CHECK(*p >= ' ' && *p < 0x7f);
	CHECK(strlen(e->msg) < sizeof e->msg);
}

static void money_round_trip(kj_money v)
{
	char buf[KJ_NUM_BUFSZ];
	kj_money w;
	kj_err e;
	size_t n;

	n = kj_money_format(v, buf, sizeof buf);
	CHECK(n < sizeof buf);
	CHECK(kj_money_parse(buf, n, &w, &e) == 0 && w == v);
	n = kj_money_format_plain(v, buf, sizeof buf);
	CHECK(n < sizeof buf);
	CHECK(kj_money_parse(buf, n, &w, &e) == 0 && w == v);
	/* Plain digits are a decimal at scale 0 as well. */
	CHECK(kj_decimal_parse(buf, n, 0, &w, &e) == 0 && w == v);
}

static int one_dot_no_comma(const char *s)
{
	return !strchr(s, ',') && strchr(s, '.') &&
	       strchr(s, '.') == strrchr(s, '.');
}

static void decimal_round_trip(int64_t v, int scale)
{
	char buf[KJ_NUM_BUFSZ];
	int64_t w, r;
	kj_err e;
	size_t n;

	n = kj_decimal_format(v, scale, scale, buf, sizeof buf);
	CHECK(n < sizeof buf);
	CHECK(kj_decimal_parse(buf, n, scale, &w, &e) == 0 && w == v);
	n = kj_decimal_format_id(v, scale, scale, buf, sizeof buf);
	CHECK(n < sizeof buf);
	if (one_dot_no_comma(buf)) {
		/*
		 * "1.234": read as a decimal point by design (money.h), so
		 * an error where 3 decimals do not fit, else 1.234.
		 */
		if (scale < 3)
			CHECK(kj_decimal_parse(buf, n, scale, &w, &e) != 0);
	} else {
		CHECK(kj_decimal_parse(buf, n, scale, &w, &e) == 0 && w == v);
	}
	if (scale >= 2) {
		/* To 2 decimals: within half a hundredth, rounded half up. */
		n = kj_decimal_format(v, scale, 2, buf, sizeof buf);
		CHECK(n < sizeof buf);
		CHECK(kj_decimal_parse(buf, n, 2, &w, &e) == 0);
		{
			int64_t unit = 1;
			int k;

			for (k = 2; k < scale; k++)
				unit *= 10;
			CHECK(kj_money_muldiv(v, 1, unit, KJ_ROUND_HALF_UP,
			                      &r, NULL) == 0 && r == w);
		}
	}
}

static void pct_round_trip(kj_pct p)
{
	char buf[KJ_NUM_BUFSZ];
	kj_pct q;
	kj_err e;
	size_t n;

	decimal_round_trip(p, KJ_PCT_DIGITS);
	n = kj_pct_format(p, buf, sizeof buf);
	CHECK(n < sizeof buf);
	CHECK(kj_pct_parse(buf, n, &q, &e) == 0);
	/* Two decimals: at most half a hundredth (50 units) away. */
	CHECK((i128)q - p <= 50 && (i128)p - q <= 50);
	n = kj_pct_format_id(p, buf, sizeof buf);
	CHECK(n < sizeof buf && n >= 2 && buf[n - 1] == '%');
	CHECK(kj_pct_parse(buf, n, &q, &e) == 0);
	/* "33.921 %" is 33,921 % by design (money.h); the rest reads back. */
	if (!one_dot_no_comma(buf))
		CHECK((i128)q - p <= 50 && (i128)p - q <= 50);
}

/* floor(x / d) for d > 0, in 128 bits. */
static i128 floor_div(i128 x, i128 d)
{
	i128 q = x / d;

	if (x % d != 0 && x < 0)
		q--;
	return q;
}

static void check_muldiv(int64_t a, int64_t num, int64_t den)
{
	int64_t h, f, c;
	int rh, rf, rc;
	i128 p, d, exact_floor;
	kj_err e;

	rh = kj_money_muldiv(a, num, den, KJ_ROUND_HALF_UP, &h, &e) != 0;
	if (rh)
		check_err(&e);
	rf = kj_money_muldiv(a, num, den, KJ_ROUND_FLOOR, &f, &e) != 0;
	if (rf)
		check_err(&e);
	rc = kj_money_muldiv(a, num, den, KJ_ROUND_CEIL, &c, &e) != 0;
	if (rc)
		check_err(&e);
	if (den == 0) {
		CHECK(rh && rf && rc);
		return;
	}
	/* Normalise to a positive denominator. */
	p = (i128)a * num;
	d = den;
	if (d < 0) {
		p = -p;
		d = -d;
	}
	exact_floor = floor_div(p, d);
	CHECK(rf == (exact_floor < INT64_MIN || exact_floor > INT64_MAX));
	if (!rf)
		CHECK(f == exact_floor);
	{
		i128 ce = exact_floor + (p % d != 0);

		CHECK(rc == (ce < INT64_MIN || ce > INT64_MAX));
		if (!rc)
			CHECK(c == ce);
	}
	{
		/* Half away from zero: floor(|p| / d + 1/2) with the sign. */
		i128 ap = p < 0 ? -p : p, he;

		he = (2 * (ap % d) >= d) ? ap / d + 1 : ap / d;
		if (p < 0)
			he = -he;
		CHECK(rh == (he < INT64_MIN || he > INT64_MAX));
		if (!rh)
			CHECK(h == he);
	}
}

static int64_t load64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return (int64_t)v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	static const int scales[] = { 0, 1, 2, 3, 4, 18 };
	enum kj_round r;
	kj_money m;
	kj_pct p;
	int64_t v;
	kj_err e;
	size_t i;

	/* Every parser on the bytes as they are. */
	if (kj_money_parse(s, size, &m, &e) == 0)
		money_round_trip(m);
	else
		check_err(&e);
	if (kj_pct_parse(s, size, &p, &e) == 0)
		pct_round_trip(p);
	else
		check_err(&e);
	for (i = 0; i < sizeof scales / sizeof scales[0]; i++) {
		if (kj_decimal_parse(s, size, scales[i], &v, &e) == 0)
			decimal_round_trip(v, scales[i]);
		else
			check_err(&e);
	}
	if (kj_round_parse(s, size, &r, &e) == 0)
		CHECK(strcmp(kj_round_name(r), "") != 0);
	else
		check_err(&e);

	/* The bytes as numbers: formats round-trip for any int64. */
	if (size >= 8) {
		v = load64(data);
		money_round_trip(v);
		pct_round_trip(v);
		decimal_round_trip(v, data[0] % (KJ_DECIMAL_MAX_SCALE + 1));
	}
	if (size >= 24) {
		int64_t num = load64(data + 8), den = load64(data + 16);

		check_muldiv(load64(data), num, den);
		/* Small operands too, where the halves are. */
		check_muldiv((int8_t)data[0], (int8_t)data[1], (int8_t)data[2]);
		check_muldiv(load64(data), (int16_t)num, (int16_t)den);
	}
	return 0;
}
