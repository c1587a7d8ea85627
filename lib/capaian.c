/*
 * capaian: see capaian.h.  The regulation each number comes from is
 * named next to it; domain/skp-capaian.md has the sources.
 */
#include <string.h>

#include "capaian.h"
#include "colreg.h"

const char *const kj_rating_words[KJ_RATING_N] = {
	"di_bawah", "sesuai", "di_atas"
};

const char *const kj_org_predikat_words[KJ_ORG_N] = {
	"istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"
};

int kj_word_index(const char *const *words, int n, const char *s, size_t len)
{
	const char *w;

	/* The canonical word as written, the usual case: no normalising.
	 * (kj_enum_word maps a canonical word to itself, or to nothing.) */
	for (int i = 0; i < n; i++)
		if (strncmp(words[i], s, len) == 0 && words[i][len] == '\0')
			return i;
	w = kj_enum_word(s, len);

	for (int i = 0; i < n; i++) {
		if (w && strcmp(w, words[i]) == 0)
			return i;
		if (!w && strlen(words[i]) == len &&
		    memcmp(words[i], s, len) == 0)
			return i;
	}
	return -1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

int kj_iki_value_parse(const char *s, size_t len, int64_t *v, kj_err *err)
{
	size_t i = 0, d;
	int64_t x = 0;

	/* Fast path: 1 to 12 digits (no leading zero but a lone 0), then
	 * optionally '.' and 1 to 4 decimals; what kj_decimal_parse reads
	 * the same way.  Anything else goes to it. */
	while (i < len && i < 13 && s[i] >= '0' && s[i] <= '9')
		x = x * 10 + (s[i++] - '0');
	if (i == 0 || i > 12 || (s[0] == '0' && i > 1))
		goto slow;
	if (i == len) {
		*v = x * KJ_IKI_SCALE;
		return 0;
	}
	if (s[i] != '.' || len - i - 1 < 1 || len - i - 1 > 4)
		goto slow;
	for (d = i + 1; d < len; d++) {
		if (s[d] < '0' || s[d] > '9')
			goto slow;
		x = x * 10 + (s[d] - '0');
	}
	for (d = len - i - 1; d < KJ_IKI_SCALE_DIGITS; d++)
		x *= 10;
	*v = x;
	return 0;
slow:
	return kj_decimal_parse(s, len, KJ_IKI_SCALE_DIGITS, v, err);
}

int kj_target_parse(const char *s, size_t len, kj_target *t, kj_err *err)
{
	size_t dash = 0, a = 0, b, c, d;

	/* A '-' after the first character separates a range. */
	for (size_t i = 1; i < len; i++)
		if (s[i] == '-') {
			dash = i;
			break;
		}
	if (dash == 0) {
		if (kj_iki_value_parse(s, len, &t->lo, err))
			return -1;
		t->hi = t->lo;
		return 0;
	}
	b = dash;
	while (b > a && is_blank(s[b - 1]))
		b--;
	c = dash + 1;
	while (c < len && is_blank(s[c]))
		c++;
	d = len;
	if (kj_iki_value_parse(s + a, b - a, &t->lo, err))
		return -1;
	if (kj_iki_value_parse(s + c, d - c, &t->hi, err)) {
		if (err)
			err->col += (long)c;
		return -1;
	}
	if (t->hi < t->lo) {
		kj_err_set(err, "", 0, 1, "a range target runs from low to "
		           "high, found '%.*s'", (int)len, s);
		return -1;
	}
	return 0;
}

/* r / t x 100 % in kj_pct, half up; t > 0, r >= 0 in practice. */
static kj_pct ratio(int64_t r, int64_t t)
{
	int64_t out;

	if (kj_money_muldiv(r, KJ_PCT_100, t, KJ_ROUND_HALF_UP, &out, NULL))
		return r < 0 ? INT64_MIN / 4 : INT64_MAX / 4;
	return out;
}

enum kj_iki_status kj_capaian_iki(const kj_target *t, int64_t realisasi,
                                  kj_pct *out)
{
	int64_t bound;
	kj_pct c;

	*out = 0;
	if (t->lo <= 0)
		return KJ_IKI_NA;
	if (realisasi > t->hi)
		bound = t->hi;
	else if (realisasi < t->lo)
		bound = t->lo;
	else if (t->lo != t->hi) {
		*out = KJ_PCT_100;           /* inside the range */
		return KJ_IKI_OK;
	} else
		bound = t->lo;
	if (!t->negatif) {
		*out = ratio(realisasi, bound);
		return KJ_IKI_OK;
	}
	/* (2 - r / t) x 100 = (2t - r) / t x 100 */
	if (realisasi >= 2 * bound) {
		*out = 0;
		return realisasi > 2 * bound ? KJ_IKI_CLAMPED : KJ_IKI_OK;
	}
	c = ratio(2 * bound - realisasi, bound);
	*out = c;
	return KJ_IKI_OK;
}

kj_pct kj_capaian_mean(int64_t sum, long n)
{
	int64_t h;

	if (n <= 0)
		return 0;
	/* hundredths of a percent: sum / n / 100, half up */
	if (kj_money_muldiv(sum, 1, (int64_t)n * 100, KJ_ROUND_HALF_UP, &h,
	                    NULL))
		return 0;
	return h * 100;
}

/* PP 30/2019 Pasal 41(5): 110-120 the top band, 90 the floor of Baik. */
const kj_batas_rating kj_batas_rating_default = {
	(kj_pct)110 * KJ_PCT_SCALE, (kj_pct)90 * KJ_PCT_SCALE
};

enum kj_rating kj_rating_hasil(kj_pct mean, const kj_batas_rating *b)
{
	if (mean >= b->atas)
		return KJ_RATING_DI_ATAS;
	if (mean >= b->sesuai)
		return KJ_RATING_SESUAI;
	return KJ_RATING_DI_BAWAH;
}

enum kj_rating kj_rating_from_org(enum kj_org_predikat org)
{
	switch (org) {
	case KJ_ORG_ISTIMEWA:
		return KJ_RATING_DI_ATAS;
	case KJ_ORG_BAIK:
		return KJ_RATING_SESUAI;
	default:
		return KJ_RATING_DI_BAWAH;
	}
}

enum kj_rating kj_rating_perilaku(const enum kj_rating *v, size_t n)
{
	long s = 0;

	for (size_t i = 0; i < n; i++)
		s += (long)v[i] + 1;
	/* mean = s / n; mean < 1.5 <=> 2s < 3n; mean <= 2.5 <=> 2s <= 5n */
	if (2 * s < 3 * (long)n)
		return KJ_RATING_DI_BAWAH;
	if (2 * s <= 5 * (long)n)
		return KJ_RATING_SESUAI;
	return KJ_RATING_DI_ATAS;
}

/* §2.3, [hasil][perilaku]. */
static const enum kj_predikat matrix[KJ_RATING_N][KJ_RATING_N] = {
	/* hasil di_bawah */
	{ KJ_PRED_SANGAT_KURANG, KJ_PRED_BUTUH_PERBAIKAN,
	  KJ_PRED_BUTUH_PERBAIKAN },
	/* hasil sesuai */
	{ KJ_PRED_KURANG, KJ_PRED_BAIK, KJ_PRED_BAIK },
	/* hasil di_atas */
	{ KJ_PRED_KURANG, KJ_PRED_BAIK, KJ_PRED_SANGAT_BAIK },
};

enum kj_predikat kj_predikat_of(enum kj_rating hasil, enum kj_rating perilaku)
{
	return matrix[hasil][perilaku];
}

/* ---- kurva -------------------------------------------------------------- */

#define B(p) (1u << (p))

/* SE MenPAN-RB 3/2023 as quoted in §2.6. */
static const kj_kurva_rule rules[] = {
	{ KJ_ORG_ISTIMEWA, B(KJ_PRED_SANGAT_BAIK), true, 70 },
	{ KJ_ORG_BAIK, B(KJ_PRED_BAIK), true, 70 },
	{ KJ_ORG_BAIK, B(KJ_PRED_BUTUH_PERBAIKAN) | B(KJ_PRED_KURANG), false,
	  0 },
	{ KJ_ORG_BUTUH_PERBAIKAN, B(KJ_PRED_BUTUH_PERBAIKAN), false, 60 },
	{ KJ_ORG_BUTUH_PERBAIKAN, B(KJ_PRED_SANGAT_BAIK), true, 10 },
	{ KJ_ORG_KURANG, B(KJ_PRED_KURANG), false, 60 },
	{ KJ_ORG_KURANG, B(KJ_PRED_BUTUH_PERBAIKAN), false, 10 },
	{ KJ_ORG_KURANG, B(KJ_PRED_SANGAT_BAIK), true, 10 },
	{ KJ_ORG_SANGAT_KURANG, B(KJ_PRED_SANGAT_KURANG), false, 60 },
	{ KJ_ORG_SANGAT_KURANG, B(KJ_PRED_KURANG) | B(KJ_PRED_BUTUH_PERBAIKAN),
	  false, 10 },
	{ KJ_ORG_SANGAT_KURANG, B(KJ_PRED_SANGAT_BAIK), true, 0 },
};

long kj_kurva_limit(const kj_kurva_rule *r, long n)
{
	if (r->max)
		return (long)r->pct * n / 100;           /* floor */
	if (r->pct == 0)
		return 1;                                /* "there must be" */
	return ((long)r->pct * n + 99) / 100;        /* ceil */
}

size_t kj_kurva_check(enum kj_org_predikat org, const long counts[KJ_PRED_N],
                      kj_kurva_finding *out, size_t cap)
{
	size_t found = 0;
	long n = 0;

	for (int p = 0; p < KJ_PRED_N; p++)
		n += counts[p];
	if (n == 0)
		return 0;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		const kj_kurva_rule *r = &rules[i];
		long c = 0, lim;

		if (r->org != org)
			continue;
		for (int p = 0; p < KJ_PRED_N; p++)
			if (r->set & B(p))
				c += counts[p];
		lim = kj_kurva_limit(r, n);
		if (r->max ? c <= lim : c >= lim)
			continue;
		if (found < cap) {
			out[found].rule = r;
			out[found].count = c;
			out[found].limit = lim;
			out[found].n = n;
		}
		found++;
	}
	return found;
}

size_t kj_kurva_set_words(unsigned set, char *buf, size_t n)
{
	size_t len = 0;

	if (n)
		buf[0] = '\0';
	for (int p = 0; p < KJ_PRED_N; p++) {
		const char *w;
		size_t wl;

		if (!(set & B(p)))
			continue;
		w = kj_predikat_words[p];
		wl = strlen(w);
		if (len && len + 1 < n)
			buf[len] = '+';
		if (len)
			len++;
		if (len + wl < n)
			memcpy(buf + len, w, wl + 1);
		len += wl;
	}
	return len;
}

/* ---- angka kredit (PermenPAN-RB 1/2023, PerBKN 3/2023; §2.8) ------------ */

const int kj_ak_pct[KJ_PRED_N] = { 150, 100, 75, 50, 25 };

static const struct {
	const char *jenjang;
	int koef100;
} koef[] = {
	{ "pemula", 375 },
	{ "terampil", 500 },
	{ "mahir", 1250 },
	{ "penyelia", 2500 },
	{ "ahli_pertama", 1250 },
	{ "ahli_muda", 2500 },
	{ "ahli_madya", 3750 },
	{ "ahli_utama", 5000 },
};

int kj_ak_koefisien(const char *jenjang, size_t len)
{
	char key[32];
	size_t k = 0;

	/* lower case, blanks and '-' as '_' */
	for (size_t i = 0; i < len && k + 1 < sizeof key; i++) {
		char c = jenjang[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == ' ' || c == '-')
			c = '_';
		key[k++] = c;
	}
	key[k] = '\0';
	for (size_t i = 0; i < sizeof koef / sizeof koef[0]; i++)
		if (strcmp(koef[i].jenjang, key) == 0)
			return koef[i].koef100;
	return -1;
}

int64_t kj_angka_kredit(int months, enum kj_predikat p, int koef100)
{
	int64_t out;

	/* months/12 x pct/100 x koef100/100 credits, x 10^4:
	 * months x pct x koef100 / 12 */
	if (kj_money_muldiv((int64_t)months * kj_ak_pct[p], koef100, 12,
	                    KJ_ROUND_HALF_UP, &out, NULL))
		return 0;
	return out;
}
