/*
 * capaian: the arithmetic of an employee's performance evaluation
 * (domain/skp-capaian.md §2 and §4.1), on numbers only.
 *
 *   - capaian of one indicator (IKI) from its target and realisasi, with
 *     polarity and range targets (PermenPAN-RB 8/2021);
 *   - the employee's capaian: the mean of the indicators, each capped;
 *   - rating hasil kerja from that mean, or from the organisation's
 *     predikat for the head of a unit (SE MenPAN-RB 3/2023);
 *   - rating perilaku aggregated from the seven BerAKHLAK values;
 *   - the predikat from the 3x3 matrix of §2.3;
 *   - the kurva distribusi limits of §2.6;
 *   - angka kredit of functional officials (PerBKN 3/2023).
 *
 * Numbers: targets and realisasi are decimals scaled by KJ_IKI_SCALE
 * (four decimals); capaian is a kj_pct (1/10000 %).  No floating point.
 * Nothing here prints or allocates.
 */
#ifndef KJ_CAPAIAN_H
#define KJ_CAPAIAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "money.h"
#include "tpp_rules.h"           /* enum kj_predikat, kj_predikat_words */

#define KJ_IKI_SCALE_DIGITS 4
#define KJ_IKI_SCALE 10000       /* target and realisasi x 10^4 */

enum kj_rating {
	KJ_RATING_DI_BAWAH,
	KJ_RATING_SESUAI,
	KJ_RATING_DI_ATAS,
	KJ_RATING_N
};
extern const char *const kj_rating_words[KJ_RATING_N];

enum kj_org_predikat {
	KJ_ORG_ISTIMEWA,
	KJ_ORG_BAIK,
	KJ_ORG_BUTUH_PERBAIKAN,
	KJ_ORG_KURANG,
	KJ_ORG_SANGAT_KURANG,
	KJ_ORG_N
};
extern const char *const kj_org_predikat_words[KJ_ORG_N];

/* The index of WORD (canonical or label, any case) in WORDS[0..n), or -1. */
int kj_word_index(const char *const *words, int n, const char *s, size_t len);

/* A target or realisasi value ("12", "7,5", "1.234,5") x KJ_IKI_SCALE:
 * kj_decimal_parse at KJ_IKI_SCALE_DIGITS, with a fast path for plain
 * digits and "12.25". */
int kj_iki_value_parse(const char *s, size_t len, int64_t *v, kj_err *err);

/* A target: a number (lo == hi) or a range lo-hi, both x KJ_IKI_SCALE. */
typedef struct kj_target {
	int64_t lo, hi;
	bool negatif;                /* lower is better */
} kj_target;

/* "95", "7,5", "80-90", "80 - 90" into t (polarity untouched).  0, or -1
 * with err (col within s) for a bad number or a range with hi < lo. */
int kj_target_parse(const char *s, size_t len, kj_target *t, kj_err *err);

enum kj_iki_status {
	KJ_IKI_OK = 0,
	KJ_IKI_CLAMPED = 1,          /* negative polarity went below 0: 0 */
	KJ_IKI_NA = -1               /* target 0 (or below): not computable */
};

/*
 * Capaian of one indicator.  Positive: r / t x 100; negative:
 * (2 - r / t) x 100, clamped at 0.  A range compares r with its upper
 * bound when r is above it, its lower bound when below, and gives 100
 * inside.  Rounded half up to 1/10000 %.
 */
enum kj_iki_status kj_capaian_iki(const kj_target *t, int64_t realisasi,
                                  kj_pct *out);

/* Each indicator's capaian counts at most this much in the mean. */
#define KJ_CAPAIAN_CAP ((kj_pct)120 * KJ_PCT_SCALE)

/* The mean of n capped capaian whose sum is SUM, rounded half up to
 * hundredths of a percent (what kinerja.tsv prints); 0 when n is 0. */
kj_pct kj_capaian_mean(int64_t sum, long n);

/* Rating hasil kerja: di_atas when mean >= atas, sesuai when >= sesuai. */
typedef struct kj_batas_rating {
	kj_pct atas, sesuai;         /* defaults 110 and 90 */
} kj_batas_rating;
extern const kj_batas_rating kj_batas_rating_default;
enum kj_rating kj_rating_hasil(kj_pct mean, const kj_batas_rating *b);

/* The head of a unit: istimewa -> di_atas, baik -> sesuai, else di_bawah. */
enum kj_rating kj_rating_from_org(enum kj_org_predikat org);

/*
 * Perilaku from the BerAKHLAK values (each a kj_rating) given in v[0..n),
 * n >= 1: scores 1, 2, 3; mean < 1.5 di_bawah, <= 2.5 sesuai, else
 * di_atas (exact, in integers).
 */
enum kj_rating kj_rating_perilaku(const enum kj_rating *v, size_t n);

/* §2.3: row hasil kerja, column perilaku. */
enum kj_predikat kj_predikat_of(enum kj_rating hasil, enum kj_rating perilaku);

/* ---- kurva distribusi (SE MenPAN-RB 3/2023, §2.6) ----------------------- */

typedef struct kj_kurva_rule {
	enum kj_org_predikat org;
	unsigned set;                /* bit (1 << kj_predikat) per predikat */
	bool max;                    /* a maximum share (else a minimum) */
	int pct;                     /* whole percent; min 0 = "at least one" */
} kj_kurva_rule;

typedef struct kj_kurva_finding {
	const kj_kurva_rule *rule;
	long count;                  /* employees in the rule's set */
	long limit;                  /* floor(p x n) for a max, ceil for a min */
	long n;                      /* employees of the unit with a predikat */
} kj_kurva_finding;

/* The limit of a rule for n employees. */
long kj_kurva_limit(const kj_kurva_rule *r, long n);
/*
 * Check the counts per predikat of one unit against the rules of its
 * organisational predikat.  Writes up to cap findings to out and returns
 * how many rules are broken.  A unit with no employee breaks nothing.
 */
size_t kj_kurva_check(enum kj_org_predikat org, const long counts[KJ_PRED_N],
                      kj_kurva_finding *out, size_t cap);
/* "sangat_baik", "butuh_perbaikan+kurang": the words of a rule's set. */
size_t kj_kurva_set_words(unsigned set, char *buf, size_t n);

/* ---- angka kredit ------------------------------------------------------- */

/* Percent of the coefficient per predikat: 150, 100, 75, 50, 25. */
extern const int kj_ak_pct[KJ_PRED_N];
/*
 * The annual coefficient of a jenjang ("ahli_pertama", "Ahli Pertama",
 * "terampil", ...) in hundredths (12.5 -> 1250); -1 when unknown.
 */
int kj_ak_koefisien(const char *jenjang, size_t len);
/* months / 12 x pct(predikat) x koef: in 1/10000 of a credit, half up. */
int64_t kj_angka_kredit(int months, enum kj_predikat p, int koef100);

#endif
