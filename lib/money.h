/*
 * money: Rupiah, percentages and decimal numbers as scaled integers.
 *
 * Never a double: a Rupiah amount is an int64 of whole Rupiah, a
 * percentage an int64 of 1/10000 percent, any other decimal an int64
 * scaled by 10^scale.  Every rational applied to them goes through one
 * function, kj_money_muldiv(), with a 128-bit intermediate and the rounding
 * rule named by the caller (the rule set), so that a sum is the same on
 * every machine and a rounding can be explained to the person paid.
 *
 * Parsers take (s, len) (s need not be NUL-terminated), skip blanks
 * (space, tab, and the UTF-8 no-break space that spreadsheets put into
 * currency cells) before and after, and return 0 on success or -1 with err
 * filled (err may be NULL).  The message says what was expected;
 * err->col is 1-based within s (0 when about the whole text), file and
 * line are left to the caller, which adds the field's column - 1.
 *
 * Formatters have snprintf() semantics: at most n bytes including the
 * NUL, returning the length the full text needs; KJ_NUM_BUFSZ always
 * suffices.
 *
 * Reading '.' and ',':
 *
 *   money      '.' separates thousands, ',' starts decimals, always:
 *              "1.234.567", "Rp 1.234.567,00".  Thousands groups are
 *              strict (a first group of 1-3 digits, then groups of exactly
 *              3), so "12.34" and "1.2.3" are errors, never 1234 or 123.
 *              Decimals must be zeros: a fraction of a Rupiah is an error.
 *
 *   decimal    (numeric columns, percentages)  FORMATS.md: a decimal point
 *              on output, the Indonesian form also accepted on input.
 *              - with a ',': Indonesian; ',' is the decimal comma and
 *                every '.' a thousands separator ("1.234.567,50", "75,5").
 *              - two or more '.' and no ',': Indonesian thousands
 *                ("1.234.567").
 *              - one '.' and no ',': a decimal point ("1234.5", "0.125",
 *                and also "1.234", which is 1.234).
 *              The lone-'.' case decides "1.234" for the C reading because
 *              that is what this toolkit writes and what awk, Python and
 *              C-locale spreadsheets write: our own output must read back
 *              unchanged.  The opposite mistake (an Indonesian user's
 *              "1.234" for 1234) is caught wherever it matters most:
 *              three decimals are more than any integer or 2-decimal
 *              column allows, so there it is an error whose message says
 *              to write 1234, never a silent 1.234.  More decimals than
 *              the scale is always an error (no silent rounding), even if
 *              they are zeros.
 */
#ifndef KJ_MONEY_H
#define KJ_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

typedef int64_t kj_money;   /* whole Rupiah */
typedef int64_t kj_pct;     /* percent x KJ_PCT_SCALE: 87,5 % is 875000 */

#define KJ_PCT_SCALE 10000
#define KJ_PCT_DIGITS 4                     /* log10(KJ_PCT_SCALE) */
#define KJ_PCT_100 ((kj_pct)100 * KJ_PCT_SCALE)
#define KJ_DECIMAL_MAX_SCALE 18

#define KJ_NUM_BUFSZ 48

enum kj_round {
	KJ_ROUND_HALF_UP,   /* nearest, half away from zero: 2.5 3, -2.5 -3 */
	KJ_ROUND_FLOOR,     /* toward minus infinity: 2.7 2, -2.3 -3 */
	KJ_ROUND_CEIL       /* toward plus infinity: 2.3 3, -2.7 -2 */
};

/* ---- Rupiah -------------------------------------------------------------- */

/*
 * "1234567", "1.234.567", "Rp 1.234.567", "Rp1.234.567", "Rp. 1.234.567",
 * "Rp 1.234.567,00", "Rp 1.234.567,-", "-1.234.567", "-Rp 1.234.567",
 * "Rp -1.234.567"; "Rp" in any case.  The whole int64 range is accepted.
 */
int kj_money_parse(const char *s, size_t len, kj_money *out, kj_err *err);
/* Human text: "Rp 1.234.567", "-Rp 1.234.567", "Rp 0". */
size_t kj_money_format(kj_money v, char *buf, size_t n);
/* TSV: "1234567", "-1234567". */
size_t kj_money_format_plain(kj_money v, char *buf, size_t n);

/*
 * *out = amount x num / den, rounded by r: the one place where anything is
 * rounded.  The product is exact (128 bits); -1 with err filled when den
 * is 0 or the result does not fit in 64 bits.  It serves every scaled
 * integer, not only Rupiah: a capaian of realisasi / target in
 * percent is kj_money_muldiv(realisasi, KJ_PCT_100, target, ...).
 */
int kj_money_muldiv(int64_t amount, int64_t num, int64_t den, enum kj_round r,
                    int64_t *out, kj_err *err);
/* amount x pct / 100 %: kj_money_muldiv(amount, pct, KJ_PCT_100, r). */
int kj_money_pct(kj_money amount, kj_pct pct, enum kj_round r, kj_money *out,
                 kj_err *err);

/* "half_up", "floor", "ceil" (any case; '-' or ' ' for '_'). */
int kj_round_parse(const char *s, size_t len, enum kj_round *out,
                   kj_err *err);
const char *kj_round_name(enum kj_round r);

/* ---- percentages --------------------------------------------------------- */

/*
 * "87.5", "87,5", "0.5", "100", "12.3456", "-2,5", each optionally followed
 * by "%" (blanks allowed before it).  At most 4 decimals.  The '.' and ','
 * rules are the decimal ones above.
 */
int kj_pct_parse(const char *s, size_t len, kj_pct *out, kj_err *err);
/* TSV: at most 2 decimals, half up, no trailing zeros: "87.5", "100". */
size_t kj_pct_format(kj_pct p, char *buf, size_t n);
/* Indonesian, for people: "87,5 %", "1.250 %" (see kj_decimal_format_id). */
size_t kj_pct_format_id(kj_pct p, char *buf, size_t n);

/* ---- decimal numbers ----------------------------------------------------- */

/*
 * A number into value x 10^scale (scale 0..KJ_DECIMAL_MAX_SCALE): "75,5",
 * "1.234.567,50", "1234.5", "-3".  More decimals than scale is an error.
 */
int kj_decimal_parse(const char *s, size_t len, int scale, int64_t *out,
                     kj_err *err);
/*
 * v / 10^scale with a decimal point, rounded half up to at most decimals
 * places, no trailing zeros: (875, 1, 2) "87.5"; (333333, 4, 2) "33.33".
 * With decimals >= scale the text is exact and parses back to v.
 */
size_t kj_decimal_format(int64_t v, int scale, int decimals, char *buf,
                         size_t n);
/*
 * The same in the Indonesian form, "1.234.567,5", for people (messages,
 * labels), not for files: it reads back unchanged except in the one shape
 * the rules above give to the C reading, a whole number with a single
 * thousands separator ("1.234" is read as 1.234).  Files get
 * kj_decimal_format().
 */
size_t kj_decimal_format_id(int64_t v, int scale, int decimals, char *buf,
                            size_t n);

#endif
