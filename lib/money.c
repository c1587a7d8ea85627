/* money: see money.h. */
#include "money.h"

#include <stdio.h>
#include <string.h>

/* -std=c11 has no 128-bit type; GCC and Clang both provide this one. */
__extension__ typedef __int128 i128;

static const uint64_t pow10_u64[20] = {
	1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
	10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
	100000000000ull, 1000000000000ull, 10000000000000ull,
	100000000000000ull, 1000000000000000ull, 10000000000000000ull,
	100000000000000000ull, 1000000000000000000ull,
	10000000000000000000ull
};

/* ---- helpers ------------------------------------------------------------- */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t digit_run(const char *s, size_t len, size_t i)
{
	size_t j = i;

	while (j < len && is_digit(s[j]))
		j++;
	return j - i;
}

/* Bytes of the blank that starts at s[i]: space, tab, UTF-8 NBSP; or 0. */
static size_t blank_at(const char *s, size_t len, size_t i)
{
	if (i < len && (s[i] == ' ' || s[i] == '\t'))
		return 1;
	if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

/* Bytes of the blank that ends just before s[end]; or 0. */
static size_t blank_before(const char *s, size_t start, size_t end)
{
	if (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		return 1;
	if (end >= start + 2 && (unsigned char)s[end - 2] == 0xc2 &&
	    (unsigned char)s[end - 1] == 0xa0)
		return 2;
	return 0;
}

/* What sits at s[i], printable whatever the input bytes are. */
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

/* *acc = *acc x 10^n + the n digits at s[i]; *over set on overflow. */
static void accumulate(uint64_t *acc, const char *s, size_t i, size_t n,
                       int *over)
{
	while (n--) {
		if (__builtin_mul_overflow(*acc, 10, acc) ||
		    __builtin_add_overflow(*acc, (uint64_t)(s[i] - '0'), acc))
			*over = 1;
		i++;
	}
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* ---- the one scanner ----------------------------------------------------- */

enum kind { MONEY, DECIMAL, PCT };

static const char *const noun[] = {
	[MONEY] = "amount", [DECIMAL] = "number", [PCT] = "percentage"
};

struct scan {
	const char *s;
	size_t end;         /* after trailing blanks (and '%') are cut */
	size_t i;           /* next byte */
	enum kind kind;
	int scale;          /* decimals kept; 0 for money */
	char dec;           /* the decimal separator, or 0 for none */
	int dot_thousands;  /* '.' separates thousands (else decimals) */
	size_t num_start;   /* first digit */
	size_t n1;          /* digits before the first separator */
	uint64_t mag;       /* the integer part */
	uint64_t frac;      /* the decimals as written */
	size_t nd;          /* how many decimals */
	int over;           /* something overflowed on the way */
	kj_err *err;
};

/*
 * Decide what '.' and ',' mean (see money.h) by looking at the run of
 * digits, dots and commas ahead.
 */
static int scan_separators(struct scan *sc)
{
	size_t dots = 0, commas = 0, j;

	sc->dot_thousands = 1;
	sc->dec = sc->kind == MONEY ? ',' : 0;
	for (j = sc->i; j < sc->end && (is_digit(sc->s[j]) ||
	                                sc->s[j] == '.' || sc->s[j] == ',');
	     j++) {
		/*
		 * "1,234.5" is the English form: refuse it whole rather than
		 * read a decimal comma and then trip on the point.
		 */
		if (sc->s[j] == '.' && commas) {
			kj_err_set(sc->err, NULL, 0, (long)j + 1,
			           "unexpected '.' after ','; write 1.234,5 or "
			           "1234.5, not 1,234.5");
			return -1;
		}
		dots += sc->s[j] == '.';
		commas += sc->s[j] == ',';
	}
	if (sc->kind == MONEY)
		return 0;
	if (commas) {
		sc->dec = ',';
	} else if (dots == 1) {
		sc->dec = '.';
		sc->dot_thousands = 0;
	}
	return 0;
}

/* Digits, with '.' between groups of three where '.' means that. */
static int scan_integer(struct scan *sc)
{
	const char *hint = sc->kind == MONEY ? " (Rupiah take '.' between "
	                   "thousands and ',' before decimals)" : "";
	char b[16];
	size_t j;

	sc->num_start = sc->i;
	sc->n1 = digit_run(sc->s, sc->end, sc->i);
	if (sc->n1 == 0) {
		kj_err_set(sc->err, NULL, 0, (long)sc->i + 1,
		           "expected a digit in the %s, found %s",
		           noun[sc->kind], show(sc->s, sc->end, sc->i, b));
		return -1;
	}
	accumulate(&sc->mag, sc->s, sc->i, sc->n1, &sc->over);
	j = sc->i + sc->n1;
	while (sc->dot_thousands && j < sc->end && sc->s[j] == '.') {
		size_t g = digit_run(sc->s, sc->end, j + 1);

		if (sc->n1 > 3) {
			kj_err_set(sc->err, NULL, 0, (long)sc->num_start + 1,
			           "expected at most 3 digits before the first "
			           "thousands separator '.', found %zu%s",
			           sc->n1, hint);
			return -1;
		}
		if (g != 3) {
			kj_err_set(sc->err, NULL, 0, (long)j + 2,
			           "expected 3 digits after the thousands "
			           "separator '.', found %zu%s", g, hint);
			return -1;
		}
		accumulate(&sc->mag, sc->s, j + 1, 3, &sc->over);
		j += 4;
	}
	sc->i = j;
	return 0;
}

/* Money: decimals are allowed only as zeros (or the written ",-"). */
static int check_whole_rupiah(struct scan *sc, size_t sep)
{
	size_t k;

	for (k = 0; k < sc->nd; k++) {
		if (sc->s[sc->i + k] != '0') {
			kj_err_set(sc->err, NULL, 0, (long)sep + 1,
			           "fraction of a Rupiah: amounts are whole "
			           "Rupiah, found ,%.*s%s",
			           (int)(sc->nd > 8 ? 8 : sc->nd),
			           sc->s + sc->i, sc->nd > 8 ? "..." : "");
			return -1;
		}
	}
	return 0;
}

static int too_many_decimals(struct scan *sc)
{
	/*
	 * The shape an Indonesian writes for thousands ("1.234", not
	 * "0.125"): say how to write that, since it is the likely intent.
	 */
	if (sc->dec == '.' && sc->nd == 3 && sc->n1 <= 3 &&
	    sc->s[sc->num_start] != '0')
		kj_err_set(sc->err, NULL, 0, (long)sc->i + 1,
		           "expected at most %d decimals, found 3; a lone '.' "
		           "is a decimal point, so for thousands write "
		           "%.*s%.*s",
		           sc->scale, (int)sc->n1, sc->s + sc->num_start, 3,
		           sc->s + sc->i);
	else
		kj_err_set(sc->err, NULL, 0, (long)sc->i + 1,
		           "expected at most %d decimals in the %s, found %zu",
		           sc->scale, noun[sc->kind], sc->nd);
	return -1;
}

static int scan_fraction(struct scan *sc)
{
	char b[16];
	size_t sep = sc->i;

	if (!sc->dec || sc->i >= sc->end || sc->s[sc->i] != sc->dec)
		return 0;
	sc->i++;
	if (sc->kind == MONEY && sc->i < sc->end && sc->s[sc->i] == '-') {
		sc->i++;        /* "Rp 5.000,-": the written "no cents" */
		return 0;
	}
	sc->nd = digit_run(sc->s, sc->end, sc->i);
	if (sc->nd == 0) {
		kj_err_set(sc->err, NULL, 0, (long)sc->i + 1,
		           "expected digits after '%c', found %s", sc->dec,
		           show(sc->s, sc->end, sc->i, b));
		return -1;
	}
	if (sc->kind == MONEY) {
		if (check_whole_rupiah(sc, sep) < 0)
			return -1;
		sc->i += sc->nd;
		sc->nd = 0;     /* only zeros: nothing to add */
		return 0;
	}
	if ((int)sc->nd > sc->scale)
		return too_many_decimals(sc);
	accumulate(&sc->frac, sc->s, sc->i, sc->nd, &sc->over);
	sc->i += sc->nd;
	return 0;
}

/*
 * One grammar for the three kinds, so that they cannot drift apart:
 *
 *   blanks [-] ["Rp" ["."] blanks [-]] integer [fraction] blanks ["%" blanks]
 *
 * "Rp" for money only, "%" for percentages only, one '-' at most.
 */
static int scan(const char *s, size_t len, enum kind kind, int scale,
                int64_t *out, kj_err *err)
{
	struct scan sc;
	char b[16];
	size_t k;
	uint64_t lim;
	int neg = 0;

	memset(&sc, 0, sizeof sc);
	sc.s = s;
	sc.end = len;
	sc.kind = kind;
	sc.scale = scale;
	sc.err = err;

	while ((k = blank_at(s, sc.end, sc.i)))
		sc.i += k;
	while ((k = blank_before(s, sc.i, sc.end)))
		sc.end -= k;
	if (kind == PCT && sc.end > sc.i && s[sc.end - 1] == '%') {
		sc.end--;
		while ((k = blank_before(s, sc.i, sc.end)))
			sc.end -= k;
		if (sc.i == sc.end) {
			kj_err_set(err, NULL, 0, (long)sc.i + 1,
			           "expected a number before '%%'");
			return -1;
		}
	}
	if (sc.i == sc.end) {
		kj_err_set(err, NULL, 0, 0, "expected %s, found %s",
		           kind == MONEY ? "an amount in Rupiah" :
		           kind == PCT ? "a percentage" : "a number",
		           len ? "only blanks" : "empty text");
		return -1;
	}
	if (s[sc.i] == '-') {
		neg = 1;
		sc.i++;
	}
	if (kind == MONEY && sc.i + 1 < sc.end && (s[sc.i] | 0x20) == 'r' &&
	    (s[sc.i + 1] | 0x20) == 'p') {
		sc.i += 2;
		if (sc.i < sc.end && s[sc.i] == '.')
			sc.i++;
		while ((k = blank_at(s, sc.end, sc.i)))
			sc.i += k;
		if (!neg && sc.i < sc.end && s[sc.i] == '-') {
			neg = 1;
			sc.i++;
		}
	}
	if (scan_separators(&sc) < 0 || scan_integer(&sc) < 0 ||
	    scan_fraction(&sc) < 0)
		return -1;
	if (sc.i != sc.end) {
		kj_err_set(err, NULL, 0, (long)sc.i + 1,
		           "unexpected %s after the %s",
		           show(s, sc.end, sc.i, b), noun[kind]);
		return -1;
	}

	/* frac < 10^nd, so frac x 10^(scale - nd) < 10^scale: no overflow. */
	if (__builtin_mul_overflow(sc.mag, pow10_u64[scale], &sc.mag) ||
	    __builtin_add_overflow(sc.mag,
	                           sc.frac * pow10_u64[(size_t)scale - sc.nd],
	                           &sc.mag))
		sc.over = 1;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	if (sc.over || sc.mag > lim) {
		if (kind == MONEY)
			kj_err_set(err, NULL, 0, (long)sc.num_start + 1,
			           "amount too large: at most "
			           "Rp 9.223.372.036.854.775.807");
		else
			kj_err_set(err, NULL, 0, (long)sc.num_start + 1,
			           "%s too large for 64-bit arithmetic with %d "
			           "decimals", noun[kind], scale);
		return -1;
	}
	/* -mag computed in unsigned: it is exact for INT64_MIN as well. */
	*out = neg ? (int64_t)(0 - sc.mag) : (int64_t)sc.mag;
	return 0;
}

/* ---- formatting ---------------------------------------------------------- */

/* Decimal digits of v into buf (at least 27 bytes), a sep every 3 if sep. */
static size_t digits(uint64_t v, char sep, char *buf)
{
	char tmp[32];
	size_t n = 0, k = 0, i;

	do {
		if (sep && k && k % 3 == 0)
			tmp[n++] = sep;
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
		k++;
	} while (v);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return n;
}

size_t kj_money_format(kj_money v, char *buf, size_t n)
{
	char d[32];

	digits(magnitude(v), '.', d);
	return (size_t)snprintf(buf, n, "%sRp %s", v < 0 ? "-" : "", d);
}

size_t kj_money_format_plain(kj_money v, char *buf, size_t n)
{
	char d[32];

	digits(magnitude(v), 0, d);
	return (size_t)snprintf(buf, n, "%s%s", v < 0 ? "-" : "", d);
}

static size_t format_decimal(int64_t v, int scale, int decimals, char sep,
                             char point, char *buf, size_t n)
{
	char ip[32], fp[24];
	uint64_t mag, q, r;
	int nd, i;

	if (scale < 0)
		scale = 0;
	if (scale > KJ_DECIMAL_MAX_SCALE)
		scale = KJ_DECIMAL_MAX_SCALE;
	if (decimals < 0)
		decimals = 0;
	if (decimals < scale) {
		/* Cannot fail: dividing makes the value smaller. */
		kj_money_muldiv(v, 1, (int64_t)pow10_u64[scale - decimals],
		                KJ_ROUND_HALF_UP, &v, NULL);
		scale = decimals;
	}
	mag = magnitude(v);
	q = mag / pow10_u64[scale];
	r = mag % pow10_u64[scale];
	digits(q, sep, ip);
	nd = scale;
	while (nd > 0 && r % 10 == 0) {
		r /= 10;
		nd--;
	}
	if (nd == 0)
		return (size_t)snprintf(buf, n, "%s%s", v < 0 ? "-" : "", ip);
	fp[nd] = '\0';
	for (i = nd; i > 0; i--) {
		fp[i - 1] = (char)('0' + r % 10);
		r /= 10;
	}
	return (size_t)snprintf(buf, n, "%s%s%c%s", v < 0 ? "-" : "", ip,
	                        point, fp);
}

size_t kj_decimal_format(int64_t v, int scale, int decimals, char *buf,
                         size_t n)
{
	return format_decimal(v, scale, decimals, 0, '.', buf, n);
}

size_t kj_decimal_format_id(int64_t v, int scale, int decimals, char *buf,
                            size_t n)
{
	return format_decimal(v, scale, decimals, '.', ',', buf, n);
}

/* ---- public parsers ------------------------------------------------------ */

int kj_money_parse(const char *s, size_t len, kj_money *out, kj_err *err)
{
	return scan(s, len, MONEY, 0, out, err);
}

int kj_decimal_parse(const char *s, size_t len, int scale, int64_t *out,
                     kj_err *err)
{
	if (scale < 0 || scale > KJ_DECIMAL_MAX_SCALE) {
		kj_err_set(err, NULL, 0, 0, "internal: decimal scale %d is "
		           "outside 0-%d", scale, KJ_DECIMAL_MAX_SCALE);
		if (err)
			err->status = KJ_EXIT_INTERNAL;
		return -1;
	}
	return scan(s, len, DECIMAL, scale, out, err);
}

int kj_pct_parse(const char *s, size_t len, kj_pct *out, kj_err *err)
{
	return scan(s, len, PCT, KJ_PCT_DIGITS, out, err);
}

size_t kj_pct_format(kj_pct p, char *buf, size_t n)
{
	return format_decimal(p, KJ_PCT_DIGITS, 2, 0, '.', buf, n);
}

size_t kj_pct_format_id(kj_pct p, char *buf, size_t n)
{
	char t[KJ_NUM_BUFSZ];

	format_decimal(p, KJ_PCT_DIGITS, 2, '.', ',', t, sizeof t);
	return (size_t)snprintf(buf, n, "%s %%", t);
}

/* ---- rounding ------------------------------------------------------------ */

int kj_money_muldiv(int64_t amount, int64_t num, int64_t den, enum kj_round r,
                    int64_t *out, kj_err *err)
{
	i128 p, q, rem, twice, aden;
	int negative;

	if (den == 0) {
		kj_err_set(err, NULL, 0, 0,
		           "division by zero: %lld x %lld / 0",
		           (long long)amount, (long long)num);
		return -1;
	}
	/* |amount x num| <= 2^126: exact in 128 bits. */
	p = (i128)amount * num;
	q = p / den;                  /* C truncates toward zero */
	rem = p % den;                /* has the sign of p */
	if (rem != 0) {
		/* The exact quotient is negative when p and den differ. */
		negative = (p < 0) != (den < 0);
		switch (r) {
		case KJ_ROUND_FLOOR:
			if (negative)
				q -= 1;
			break;
		case KJ_ROUND_CEIL:
			if (!negative)
				q += 1;
			break;
		case KJ_ROUND_HALF_UP:
		default:
			/* |rem| >= |den| / 2, without leaving integers. */
			twice = rem < 0 ? -2 * rem : 2 * rem;
			aden = den < 0 ? -(i128)den : (i128)den;
			if (twice >= aden)
				q += negative ? -1 : 1;
			break;
		}
	}
	if (q > INT64_MAX || q < INT64_MIN) {
		kj_err_set(err, NULL, 0, 0,
		           "%lld x %lld / %lld does not fit in 64 bits",
		           (long long)amount, (long long)num, (long long)den);
		return -1;
	}
	*out = (int64_t)q;
	return 0;
}

int kj_money_pct(kj_money amount, kj_pct pct, enum kj_round r, kj_money *out,
                 kj_err *err)
{
	return kj_money_muldiv(amount, pct, KJ_PCT_100, r, out, err);
}

static const char *const round_names[] = {
	[KJ_ROUND_HALF_UP] = "half_up",
	[KJ_ROUND_FLOOR] = "floor",
	[KJ_ROUND_CEIL] = "ceil"
};

int kj_round_parse(const char *s, size_t len, enum kj_round *out,
                   kj_err *err)
{
	size_t r, i;

	for (r = 0; r < sizeof round_names / sizeof round_names[0]; r++) {
		const char *w = round_names[r];

		if (strlen(w) != len)
			continue;
		for (i = 0; i < len; i++) {
			char c = s[i];

			if (c == '-' || c == ' ')
				c = '_';
			else if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != w[i])
				break;
		}
		if (i == len) {
			*out = (enum kj_round)r;
			return 0;
		}
	}
	for (i = 0; i < len && i < 20 && s[i] >= ' ' && s[i] < 0x7f; i++)
		;
	if (i == len)
		kj_err_set(err, NULL, 0, 1, "expected a rounding rule half_up, "
		           "floor or ceil, found \"%.*s\"", (int)len, s);
	else
		kj_err_set(err, NULL, 0, 1, "expected a rounding rule half_up, "
		           "floor or ceil");
	return -1;
}

const char *kj_round_name(enum kj_round r)
{
	return r <= KJ_ROUND_CEIL ? round_names[r] : "half_up";
}
