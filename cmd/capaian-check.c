/*
 * capaian-check: performance results (issue 6), in three modes.
 *
 *   default        the roster, the SKP targets and the realisasi of a
 *                  period into kinerja.tsv: capaian, ratings, predikat;
 *   --kegiatan     the quarterly check of the OPDs' sub kegiatan;
 *   --unreported   the OPDs (or employees) that have not reported.
 *
 * The arithmetic is in lib/capaian.c, lib/kegiatan.c and lib/laporan.c;
 * this file reads, joins and writes.  Everything is read and checked
 * before the output is opened, so bad input leaves no file.
 *
 * The default mode streams realisasi.tsv: the state is one record per
 * employee and one per SKP indicator (a hash of NIP + TAB + indikator),
 * never one per realisasi row, and nothing is allocated per row.
 */
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "capaian.h"
#include "cli.h"
#include "colreg.h"
#include "diag.h"
#include "io.h"
#include "kegiatan.h"
#include "laporan.h"
#include "mem.h"
#include "money.h"
#include "nip.h"
#include "org.h"
#include "period.h"
#include "skp.h"
#include "strmap.h"
#include "tsv.h"

static const char usage_text[] =
	"usage: capaian-check -m PERIODE -p pegawai.tsv -r realisasi.tsv "
	"[--perilaku FILE] [--organisasi FILE] [--kurva] [--angka-kredit] "
	"[-o kinerja.tsv] SKP...\n"
	"       capaian-check --kegiatan kegiatan.tsv -m YYYY-TWn "
	"[--batas-fisik N] [--batas-keuangan N] [-s FILE] [-o FILE]\n"
	"       capaian-check --unreported -m PERIODE --laporan laporan.tsv "
	"[--per DATE] [--batas-hari N] [--hari-kerja] [--libur FILE] "
	"[-p pegawai.tsv] [--kecuali FILE] [-o FILE] opd.tsv\n";

static const char help_text[] =
	"Check performance: kinerja.tsv per employee, the quarterly sub\n"
	"kegiatan check per OPD, or the units that have not reported.\n"
	"\n"
	"  -m, --periode P        the period: 2026-11, or 2026 (annual mode);\n"
	"                         a quarter 2026-TW3 with --kegiatan\n"
	"  -p, --pegawai FILE     pegawai.tsv, the roster\n"
	"  -r, --realisasi FILE   realisasi.tsv\n"
	"      --perilaku FILE    perilaku.tsv (rating, or the BerAKHLAK "
	"values)\n"
	"      --organisasi FILE  organisasi.tsv (predikat per OPD)\n"
	"      --kurva            check the kurva distribusi per OPD\n"
	"      --angka-kredit     add angka_kredit for functional officials\n"
	"      --batas-atas N     capaian for di_atas (default 110)\n"
	"      --batas-sesuai N   capaian for sesuai (default 90)\n"
	"      --kegiatan FILE    the quarterly check of kegiatan.tsv\n"
	"      --batas-fisik N    threshold of capaian fisik (default 75)\n"
	"      --batas-keuangan N threshold of capaian keuangan (default 75)\n"
	"  -s, --sub-kegiatan FILE  also write the per sub kegiatan table\n"
	"      --unreported       list who has not reported\n"
	"      --laporan FILE     laporan.tsv, the report log\n"
	"      --per DATE         days late as of DATE (default today)\n"
	"      --batas-hari N     deadline: day N of the next month, or N\n"
	"                         working days with --hari-kerja (default 5)\n"
	"      --hari-kerja       count the deadline in working days\n"
	"      --libur FILE       holidays (TSV, column tanggal)\n"
	"      --kecuali FILE     units or employees to leave out (TSV)\n"
	"  -o, --output FILE      write to FILE (atomically)\n"
	"  -h, --help             this help;  -V, --version  the version\n"
	"\n"
	"Exit status: 0 written, nothing found; 1 written, and a kurva\n"
	"limit broken, an OPD under the threshold or a unit not reported;\n"
	"2 bad usage or input (nothing written); 3 internal error.\n"
	"See capaian-check(1).\n";

/* ---- options ------------------------------------------------------------ */

enum {
	OPT_PERILAKU = 256, OPT_ORGANISASI, OPT_KURVA, OPT_AK, OPT_ATAS,
	OPT_SESUAI, OPT_KEGIATAN, OPT_BFISIK, OPT_BKEU, OPT_UNREPORTED,
	OPT_LAPORAN, OPT_PER, OPT_BHARI, OPT_HARIKERJA, OPT_LIBUR,
	OPT_KECUALI
};

struct opts {
	const char *periode, *pegawai, *realisasi, *perilaku, *organisasi,
	           *output, *kegiatan, *sub, *laporan, *per, *libur,
	           *kecuali;
	const char *batas_atas, *batas_sesuai, *batas_fisik, *batas_keu,
	           *batas_hari;
	int kurva, angka_kredit, unreported, hari_kerja;
	char **files;
	int nfiles;
	kj_period period;
	char ptext[KJ_PERIOD_BUFSZ];
};

/* A percentage option: a number 0..1000. */
static kj_pct pct_opt(const char *name, const char *s)
{
	kj_pct p;

	if (kj_pct_parse(s, strlen(s), &p, NULL) || p < 0 ||
	    p > 1000 * KJ_PCT_100 / 100)
		kj_die_usage(usage_text, "%s: expected a percentage such as "
		             "75 or 75.5, found '%s'", name, s);
	return p;
}

/* "-" may be given once among the inputs. */
static void one_stdin(const char *const *paths, size_t n)
{
	int seen = 0;

	for (size_t i = 0; i < n; i++)
		if (paths[i] && strcmp(paths[i], "-") == 0 && seen++)
			kj_die_usage(usage_text, "standard input (-) can be "
			             "read only once");
}

/* Options that belong to another mode are refused by name. */
static void refuse(const char *value, const char *opt, const char *mode)
{
	if (value)
		kj_die_usage(usage_text, "%s does not apply %s", opt, mode);
}

static void parse_period(struct opts *o)
{
	if (!o->periode)
		kj_die_usage(usage_text, "-m PERIODE is required (%s)", "the period to check");
	if (kj_period_parse(o->periode, strlen(o->periode), &o->period, NULL) &&
	    o->kegiatan)    /* the advice must be one --kegiatan accepts */
		kj_die_usage(usage_text, "-m: expected a quarter such as 2026-TW3 with "
		      "--kegiatan, found '%s'", o->periode);
	if (kj_period_parse(o->periode, strlen(o->periode), &o->period, NULL))
		kj_die_usage(usage_text, "-m: expected a period such as 2026-11, 2026-TW3 or "
		      "2026, found '%s'", o->periode);
	kj_period_format(&o->period, o->ptext, sizeof o->ptext);
}

/* ---- shared readers ------------------------------------------------------ */

static _Noreturn void die_value(const kj_tsv *t, size_t col, const kj_err *e)
{
	kj_err full;

	kj_tsv_value_err(t, col, e, &full);
	kj_die_err(&full);
}

static _Noreturn void die_field(const kj_tsv *t, size_t col, const char *fmt,
                                ...) __attribute__((format(printf, 3, 4)));

static _Noreturn void die_field(const kj_tsv *t, size_t col, const char *fmt,
                                ...)
{
	kj_err err;
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kj_tsv_field_err(t, col, &err, "%s", msg);
	kj_die_err(&err);
}


static void end_of(kj_tsv *t, int rc, kj_err *err)
{
	if (rc < 0)
		kj_die_err(err);
	kj_tsv_close(t);
}

/*
 * The period of a row: 1 when it is P (when its bytes are PTEXT, P's
 * canonical form of PLEN bytes, or "" for none; P itself, when given,
 * spares the parse), 0 when it is another valid period, and an error at the
 * field when it does not parse.  *out receives the parsed period.
 */
static int row_period(const kj_tsv *t, size_t col, const kj_period *p,
                      const char *ptext, size_t plen, kj_period *out)
{
	const char *s = kj_tsv_field(t, col);
	size_t len = kj_tsv_len(t, col);
	kj_err err;

	if (plen && len == plen && memcmp(s, ptext, len) == 0) {
		if (p)
			*out = *p;      /* ptext is p's canonical form */
		else
			kj_period_parse(s, len, out, NULL);
		return 1;
	}
	if (kj_period_parse(s, len, out, &err))
		die_value(t, col, &err);
	{
		char buf[KJ_PERIOD_BUFSZ];

		kj_period_format(out, buf, sizeof buf);
		return strcmp(buf, ptext) == 0;
	}
}

/* Output through one buffer, written in large blocks. */
static struct {
	FILE *f;
	char buf[1 << 16];
	size_t n;
} ob;

static void ob_flush(void)
{
	if (ob.n)
		fwrite(ob.buf, 1, ob.n, ob.f);
	ob.n = 0;
}

static void ob_room(size_t need)
{
	if (ob.n + need > sizeof ob.buf)
		ob_flush();
}

static void ob_raw(const char *s, size_t len)
{
	if (len > sizeof ob.buf / 2) {
		ob_flush();
		fwrite(s, 1, len, ob.f);
		return;
	}
	ob_room(len);
	memcpy(ob.buf + ob.n, s, len);
	ob.n += len;
}

/* A text field with the TSV escapes. */
static void ob_field(const char *s)
{
	size_t len = strlen(s);

	if (strpbrk(s, "\t\n\r\\")) {
		ob_flush();
		kj_tsv_put(ob.f, s, len);
		return;
	}
	ob_raw(s, len);
}

static void ob_str(const char *s)
{
	ob_raw(s, strlen(s));
}

static void ob_tab(void)
{
	ob_raw("\t", 1);
}

static void ob_pct(kj_pct p)
{
	char buf[KJ_NUM_BUFSZ];

	/* Whole hundredths (kj_capaian_mean's): kj_pct_format's text
	 * without its snprintf. */
	if (p >= 0 && p % 100 == 0 && p < (kj_pct)1000000000 * 100) {
		int64_t h = p / 100, w = h / 100, f = h % 100;
		char *q = buf + 16;
		size_t n = 0;

		do {
			*--q = (char)('0' + w % 10);
			w /= 10;
		} while (w);
		n = (size_t)(buf + 16 - q);
		memmove(buf, q, n);
		if (f) {
			buf[n++] = '.';
			buf[n++] = (char)('0' + f / 10);
			if (f % 10)
				buf[n++] = (char)('0' + f % 10);
		}
		ob_raw(buf, n);
		return;
	}

	ob_raw(buf, kj_pct_format(p, buf, sizeof buf));
}

static void ob_money(kj_money m)
{
	char buf[KJ_NUM_BUFSZ];

	ob_raw(buf, kj_money_format_plain(m, buf, sizeof buf));
}

static void ob_long(long v)
{
	char buf[24];

	ob_raw(buf, (size_t)snprintf(buf, sizeof buf, "%ld", v));
}

static kj_output *open_out(const char *path)
{
	kj_err err;
	kj_output *o = kj_output_open(path, &err);

	if (!o)
		kj_die_err(&err);
	ob.f = kj_output_stream(o);
	ob.n = 0;
	return o;
}

static void commit_out(kj_output *o)
{
	kj_err err;

	ob_flush();
	if (kj_output_commit(o, &err))
		kj_die_err(&err);
}

/* ==== default mode: kinerja.tsv ========================================== */

#define NSLOT_MAX 13            /* annual mode: 12 months and the year */
#define SLOT_YEAR 12

struct iki {
	kj_target t;
	uint32_t emp;
	uint32_t id;            /* offset of the id in kin.ids */
	uint32_t idlen;
	uint32_t next;          /* 1 + the employee's next indicator, 0 */
	uint32_t line;          /* of the last realisasi row */
	uint16_t seen;          /* bit per slot with a realisasi */
	int8_t last;            /* latest slot with a realisasi, -1 none */
	int32_t cap;            /* capped capaian at that slot */
};

struct emp {
	uint32_t first;         /* 1 + its first indicator in kin.iki, 0 */
	uint16_t niki;          /* indicators in the SKP */
	uint16_t nok;           /* with a computable target */
	uint16_t lapor;         /* bit per slot with a realisasi */
	uint16_t nreal;         /* month mode: computable ones reported */
	uint8_t perilaku[NSLOT_MAX]; /* 0 none, 1 + kj_rating */
	int64_t sum;            /* month mode: sum of capped capaian */
	int32_t opd;            /* index in the OPD map, -1 */
	uint8_t head;           /* heads a unit */
};

struct kin {
	struct opts *o;
	kj_roster r;
	struct emp *e;
	char *ids;              /* the indicator ids, NUL-terminated */
	size_t nids, capids;
	struct iki *iki;
	size_t niki, capiki;
	int nslot;              /* 1, or 13 in annual mode */
	int64_t *msum;          /* annual mode: [emp * 12 + month] */
	kj_strmap *opdmap;
	uint8_t *org;           /* [opd * nslot + slot]: 0 none, 1 + org */
	kj_batas_rating batas;
	size_t na_targets, clamped;
	const char *first_na;
};

/* The slot of period q in the run, or -1 when q is outside it. */
static int slot_of(const struct kin *k, const kj_period *q)
{
	const kj_period *p = &k->o->period;

	if (k->nslot == 1)
		return kj_period_cmp(p, q) == 0 ? 0 : -1;
	if (q->year != p->year)
		return -1;
	if (q->kind == KJ_PERIOD_YEAR)
		return SLOT_YEAR;
	if (q->kind == KJ_PERIOD_MONTH)
		return q->n - 1;
	return -1;
}

/* The indicator ID of employee e, or NULL: a scan of the employee's few
 * indicators costs less than a hash of NIP and id. */
static struct iki *find_iki(const struct kin *k, size_t e, const char *id,
                            size_t len)
{
	for (uint32_t j = k->e[e].first; j; j = k->iki[j - 1].next) {
		struct iki *x = &k->iki[j - 1];

		if (x->idlen == len && memcmp(k->ids + x->id, id, len) == 0)
			return x;
	}
	return NULL;
}

/*
 * A new indicator ID of employee e with target t; NULL when the employee
 * has one of that id already, or when there are too many (*full).
 */
static struct iki *new_iki(struct kin *k, size_t e, const char *id,
                           size_t il, const kj_target *t, int *full)
{
	struct iki *x;

	*full = 0;
	if (find_iki(k, e, id, il))
		return NULL;
	if (k->e[e].niki == UINT16_MAX || k->niki >= UINT32_MAX - 1 ||
	    k->nids + il + 1 >= UINT32_MAX) {
		*full = 1;
		return NULL;
	}
	kj_grow(&k->ids, &k->capids, k->nids + il + 1, 1);
	memcpy(k->ids + k->nids, id, il);
	k->ids[k->nids + il] = '\0';
	kj_grow(&k->iki, &k->capiki, k->niki + 1, sizeof *k->iki);
	x = &k->iki[k->niki];
	memset(x, 0, sizeof *x);
	x->emp = (uint32_t)e;
	x->id = (uint32_t)k->nids;
	x->idlen = (uint32_t)il;
	x->last = -1;
	x->t = *t;
	x->next = k->e[e].first;
	k->e[e].first = (uint32_t)++k->niki;
	k->nids += il + 1;
	k->e[e].niki++;
	if (t->lo > 0)
		k->e[e].nok++;
	return x;
}

/*
 * The employee of a NIP field, or an error at it.  GUESS is tried first
 * (the files usually follow the roster's order: the employee after the
 * previous row's), a compare instead of a hash lookup that misses the
 * cache.
 */
static long row_emp(const struct kin *k, const kj_tsv *t, size_t col,
                    long guess)
{
	const char *nip = kj_tsv_field(t, col);
	size_t len = kj_tsv_len(t, col);
	long i;
	kj_err err;
	kj_nip parsed;

	if (guess >= 0 && (size_t)guess < k->r.n &&
	    strncmp(k->r.p[guess].nip, nip, len) == 0 &&
	    k->r.p[guess].nip[len] == '\0')
		return guess;
	i = kj_roster_find(&k->r, nip, len);
	if (i >= 0)
		return i;
	if (kj_nip_parse(nip, len, &parsed, &err))
		die_value(t, col, &err);
	die_field(t, col, "nip: %s is not in the roster %s", parsed.text,
	          k->r.path);
}

/* An error at a place of the SKP set. */
static _Noreturn void die_skp(const kj_skp_set *set, const kj_skp_pos *pos,
                              const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static _Noreturn void die_skp(const kj_skp_set *set, const kj_skp_pos *pos,
                              const char *fmt, ...)
{
	kj_err err;
	va_list ap;

	va_start(ap, fmt);
	kj_err_setv(&err, kj_skp_file(set, pos->file), (long)pos->line,
	            (long)pos->col, fmt, ap);
	va_end(ap);
	kj_die_err(&err);
}

_Static_assert(KJ_SKP_SCALE == KJ_IKI_SCALE, "targets share one scale");

/* One indicator of employee e's SKP. */
static void add_iki(struct kin *k, const kj_skp_set *set,
                    const kj_skp_indikator *ind, long e)
{
	const char *nip = k->r.p[e].nip;
	size_t il;
	struct iki *x;
	kj_target t;
	int full;

	if (!*ind->id)
		die_skp(set, &ind->pos, "indikator: an id is required (the "
		        "realisasi refer to it)");
	if (ind->target.kind != KJ_TARGET_NUMBER &&
	    ind->target.kind != KJ_TARGET_RANGE)
		die_skp(set, ind->target.kind == KJ_TARGET_NONE ? &ind->pos
		                                               : &ind->target_pos,
		        "target: expected a number or a range such as 80-90 "
		        "for indikator %s, found '%s'", ind->id,
		        ind->target.text);
	if (ind->target.lo < 0)
		die_skp(set, &ind->target_pos, "target: expected a number of 0 "
		        "or more, found '%s'", ind->target.text);
	il = strlen(ind->id);
	t.lo = ind->target.lo;
	t.hi = ind->target.hi;
	t.negatif = ind->polaritas == KJ_POLARITAS_NEGATIF;
	x = new_iki(k, (size_t)e, ind->id, il, &t, &full);
	if (!x && full)
		die_skp(set, &ind->pos, "too many indicators for NIP %s", nip);
	if (!x)
		die_skp(set, &ind->id_pos, "indikator: %s appears twice in the "
		        "SKP of NIP %s", ind->id, nip);
	if (t.lo > 0)
		return;
	kj_diag_warning(kj_skp_file(set, ind->target_pos.file),
	                (long)ind->target_pos.line, (long)ind->target_pos.col,
	                "target 0 for indikator %s of NIP %s: capaian not "
	                "computable, left out of the mean", ind->id, nip);
}

static void read_skp_tsv(struct kin *k, const char *path);

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * skp.tsv read ahead on the second CPU while the roster loads (the two
 * largest inputs after realisasi; neither needs the other to be read).
 * The thread does what read_skp_tsv does without the roster: the rows of
 * one NIP in a row make a group, whose NIP is looked up once the roster
 * is there (pre_resolve).  Anything unusual (a row read_skp_tsv would
 * refuse, a NIP not in the roster, a polaritas not written as the
 * canonical word, a limit) drops what the thread read and reads the file
 * again with read_skp_tsv, which then says what is wrong exactly as
 * without the thread; warnings wait until the file is known to be good,
 * and come out in the same order.  So the thread changes no output, no
 * message and no exit status, only the time.
 */
struct pre_group {
	char nip[KJ_NIP_LEN];
	uint32_t head;          /* 1 + the group's latest indicator, 0 */
	uint16_t niki, nok;
};

struct pre_warn {
	long line, col;
	uint32_t iki;           /* index in kin.iki */
};

struct pre {
	struct kin *k;
	kj_tsv *t;
	const char *path;
	pthread_t th;
	size_t cnip, cth, cind, ctg;
	int cpol;
	struct pre_group *g;
	size_t ng, capg;
	struct pre_warn *w;
	size_t nw, capw;
	atomic_int stop;        /* the main thread gives up on the result */
	int ok;                 /* the whole file read, nothing unusual */
};

static void *pre_run(void *arg)
{
	struct pre *p = arg;
	struct kin *k = p->k;
	kj_tsv *t = p->t;
	struct pre_group *g = NULL;
	char year[8];
	size_t rows = 0;
	kj_err err;
	int rc;

	snprintf(year, sizeof year, "%d", k->o->period.year);
	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *nip = kj_tsv_field(t, p->cnip);
		const char *ind = kj_tsv_field(t, p->cind);
		size_t nl = kj_tsv_len(t, p->cnip), il = kj_tsv_len(t, p->cind);
		kj_target tg;
		struct iki *x;
		int64_t y;

		if ((++rows & 0xFFFF) == 0 &&
		    atomic_load_explicit(&p->stop, memory_order_relaxed))
			return NULL;
		if (strcmp(kj_tsv_field(t, p->cth), year) != 0) {
			if (kj_decimal_parse(kj_tsv_field(t, p->cth),
			                     kj_tsv_len(t, p->cth), 0, &y, &err))
				return NULL;
			if (y != k->o->period.year)
				continue;
		}
		if (nl != KJ_NIP_LEN || il == 0 || kj_tsv_len(t, p->ctg) == 0)
			return NULL;
		if (!g || memcmp(g->nip, nip, KJ_NIP_LEN) != 0) {
			if (p->ng >= UINT32_MAX)
				return NULL;
			kj_grow(&p->g, &p->capg, p->ng + 1, sizeof *p->g);
			g = &p->g[p->ng++];
			memcpy(g->nip, nip, KJ_NIP_LEN);
			g->head = 0;
			g->niki = g->nok = 0;
		}
		if (kj_target_parse(kj_tsv_field(t, p->ctg),
		                    kj_tsv_len(t, p->ctg), &tg, &err) ||
		    tg.lo < 0)
			return NULL;
		tg.negatif = false;
		if (p->cpol >= 0 && kj_tsv_len(t, (size_t)p->cpol)) {
			const char *w = kj_tsv_field(t, (size_t)p->cpol);
			size_t wl = kj_tsv_len(t, (size_t)p->cpol);

			if (wl == 7 && memcmp(w, "negatif", 7) == 0)
				tg.negatif = true;
			else if (wl != 7 || memcmp(w, "positif", 7) != 0)
				return NULL;
		}
		for (uint32_t j = g->head; j; j = k->iki[j - 1].next)
			if (k->iki[j - 1].idlen == il &&
			    memcmp(k->ids + k->iki[j - 1].id, ind, il) == 0)
				return NULL;
		if (g->niki == UINT16_MAX || k->niki >= UINT32_MAX - 1 ||
		    k->nids + il + 1 >= UINT32_MAX)
			return NULL;
		kj_grow(&k->ids, &k->capids, k->nids + il + 1, 1);
		memcpy(k->ids + k->nids, ind, il);
		k->ids[k->nids + il] = '\0';
		kj_grow(&k->iki, &k->capiki, k->niki + 1, sizeof *k->iki);
		x = &k->iki[k->niki];
		memset(x, 0, sizeof *x);
		x->emp = (uint32_t)(p->ng - 1);
		x->id = (uint32_t)k->nids;
		x->idlen = (uint32_t)il;
		x->last = -1;
		x->t = tg;
		x->next = g->head;
		g->head = (uint32_t)++k->niki;
		k->nids += il + 1;
		g->niki++;
		if (tg.lo > 0) {
			g->nok++;
			continue;
		}
		kj_grow(&p->w, &p->capw, p->nw + 1, sizeof *p->w);
		p->w[p->nw].line = kj_tsv_line(t);
		p->w[p->nw].col = kj_tsv_fieldcol(t, p->ctg);
		p->w[p->nw++].iki = (uint32_t)(k->niki - 1);
	}
	p->ok = rc == 0;
	return NULL;
}

/* Start reading PATH ahead when it is one plain skp.tsv with the
 * columns; NULL (read later, in turn) otherwise. */
static struct pre *pre_start(struct kin *k, char **paths, int n)
{
	const char *path = n == 1 ? paths[0] : NULL;
	struct pre *p;
	struct stat st;
	kj_tsv *t;
	kj_err err;
	int c[4];

	if (!path || strcmp(path, "-") == 0 ||
	    !(ends_with(path, ".tsv") || ends_with(path, ".tsv.gz")) ||
	    stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	t = kj_tsv_open(path, &err);
	if (!t)
		return NULL;
	c[0] = kj_tsv_col(t, "nip");
	c[1] = kj_tsv_col(t, "tahun");
	c[2] = kj_tsv_col(t, "indikator");
	c[3] = kj_tsv_col(t, "target");
	if (c[0] < 0 || c[1] < 0 || c[2] < 0 || c[3] < 0) {
		kj_tsv_close(t);
		return NULL;
	}
	p = kj_xcalloc(1, sizeof *p);
	p->k = k;
	p->t = t;
	p->path = path;
	p->cnip = (size_t)c[0];
	p->cth = (size_t)c[1];
	p->cind = (size_t)c[2];
	p->ctg = (size_t)c[3];
	p->cpol = kj_tsv_col(t, "polaritas");
	atomic_init(&p->stop, 0);
	if (pthread_create(&p->th, NULL, pre_run, p) != 0) {
		kj_tsv_close(t);
		free(p);
		return NULL;
	}
	return p;
}

/* Wait for the thread; with STOP, tell it the result is not wanted. */
static void pre_join(struct pre *p, int stop)
{
	if (stop)
		atomic_store_explicit(&p->stop, 1, memory_order_relaxed);
	pthread_join(p->th, NULL);
}

static void pre_free(struct pre *p)
{
	kj_tsv_close(p->t);
	free(p->g);
	free(p->w);
	free(p);
}

/* The groups' NIPs in the roster, each group's indicators given to its
 * employee as new_iki would have; false at anything read_skp_tsv would
 * refuse. */
static bool pre_resolve(struct kin *k, const struct pre *p)
{
	long prev = -1;

	for (size_t gi = 0; gi < p->ng; gi++) {
		const struct pre_group *g = &p->g[gi];
		long e = prev + 1;
		uint32_t j, tail = 0;
		struct emp *em;

		if (!((size_t)e < k->r.n &&
		      memcmp(k->r.p[e].nip, g->nip, KJ_NIP_LEN) == 0 &&
		      k->r.p[e].nip[KJ_NIP_LEN] == '\0') &&
		    (e = kj_roster_find(&k->r, g->nip, KJ_NIP_LEN)) < 0)
			return false;
		prev = e;
		em = &k->e[e];
		if (em->first) {
			/* the NIP's rows are in two places of the file */
			if ((size_t)em->niki + g->niki > UINT16_MAX)
				return false;
			for (j = g->head; j; j = k->iki[j - 1].next)
				if (find_iki(k, (size_t)e,
				             k->ids + k->iki[j - 1].id,
				             k->iki[j - 1].idlen))
					return false;
		}
		for (j = g->head; j; j = k->iki[j - 1].next) {
			k->iki[j - 1].emp = (uint32_t)e;
			tail = j;
		}
		if (tail)
			k->iki[tail - 1].next = em->first;
		em->first = g->head;
		em->niki = (uint16_t)(em->niki + g->niki);
		em->nok = (uint16_t)(em->nok + g->nok);
	}
	return true;
}

/* The SKP read ahead, or read again in turn when anything was unusual. */
static void pre_finish(struct kin *k, struct pre *p)
{
	pre_join(p, 0);
	if (p->ok && pre_resolve(k, p)) {
		for (size_t i = 0; i < p->nw; i++) {
			const struct iki *x = &k->iki[p->w[i].iki];

			kj_diag_warning(kj_tsv_name(p->t), p->w[i].line,
			                p->w[i].col, "target 0 for indikator %s "
			                "of NIP %s: capaian not computable, left "
			                "out of the mean", k->ids + x->id,
			                k->r.p[x->emp].nip);
		}
		pre_free(p);
		return;
	}
	for (size_t i = 0; i < k->r.n; i++) {
		k->e[i].first = 0;
		k->e[i].niki = k->e[i].nok = 0;
	}
	k->niki = k->nids = 0;
	read_skp_tsv(k, p->path);
	pre_free(p);
}

/*
 * skp.tsv given by name, streamed: what capaian-check needs of it (nip,
 * tahun, indikator, target, polaritas) without lib/skp's full structure,
 * which at millions of indicators costs more than the rest of the run.
 * Folders, YAML and standard input go through lib/skp.
 */
static void read_skp_tsv(struct kin *k, const char *path)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t cnip = kj_cli_need_col(t, "nip"), cth = kj_cli_need_col(t, "tahun"),
	       cind = kj_cli_need_col(t, "indikator"), ctg = kj_cli_need_col(t, "target");
	int cpol = kj_tsv_col(t, "polaritas");
	char year[8], last_nip[KJ_NIP_LEN];
	long last = -1;
	kj_err err;
	int rc;

	snprintf(year, sizeof year, "%d", k->o->period.year);
	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *nip = kj_tsv_field(t, cnip);
		const char *ind = kj_tsv_field(t, cind);
		size_t nl = kj_tsv_len(t, cnip), il = kj_tsv_len(t, cind);
		kj_target tg;
		int64_t y;
		int full;

		if (strcmp(kj_tsv_field(t, cth), year) != 0) {
			if (kj_decimal_parse(kj_tsv_field(t, cth),
			                     kj_tsv_len(t, cth), 0, &y, &err))
				die_value(t, cth, &err);
			if (y != k->o->period.year)
				continue;
		}
		if (last < 0 || nl != KJ_NIP_LEN ||
		    memcmp(nip, last_nip, KJ_NIP_LEN) != 0) {
			last = row_emp(k, t, cnip, last + 1);
			memcpy(last_nip, k->r.p[last].nip, KJ_NIP_LEN);
		}
		if (il == 0)
			die_field(t, cind, "indikator: an id is required (the "
			          "realisasi refer to it)");
		if (kj_tsv_len(t, ctg) == 0)
			die_field(t, ctg, "target: expected a number or a range "
			          "such as 80-90 for indikator %s, found ''",
			          ind);
		if (kj_target_parse(kj_tsv_field(t, ctg), kj_tsv_len(t, ctg),
		                    &tg, &err))
			die_value(t, ctg, &err);
		if (tg.lo < 0)
			die_field(t, ctg, "target: expected a number of 0 or "
			          "more, found '%s'", kj_tsv_field(t, ctg));
		tg.negatif = false;
		if (cpol >= 0 && kj_tsv_len(t, (size_t)cpol)) {
			const char *p = kj_tsv_field(t, (size_t)cpol);
			size_t pl = kj_tsv_len(t, (size_t)cpol);
			/* the canonical words as written need no lookup */
			const char *w = pl == 7 && memcmp(p, "positif", 7) == 0
			                ? "positif"
			                : pl == 7 && memcmp(p, "negatif", 7) == 0
			                ? "negatif" : kj_enum_word(p, pl);

			if (w && strcmp(w, "negatif") == 0)
				tg.negatif = true;
			else if (!w || strcmp(w, "positif") != 0)
				die_field(t, (size_t)cpol, "polaritas: expected "
				          "positif or negatif, found '%s'", p);
		}
		if (!new_iki(k, (size_t)last, ind, il, &tg, &full)) {
			if (full)
				die_field(t, cind, "indikator: too many "
				          "indicators for NIP %s",
				          k->r.p[last].nip);
			die_field(t, cind, "indikator: %s appears twice in the "
			          "SKP of NIP %s", ind, k->r.p[last].nip);
		}
		if (tg.lo == 0)
			kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
			                kj_tsv_fieldcol(t, ctg), "target 0 for "
			                "indikator %s of NIP %s: capaian not "
			                "computable, left out of the mean", ind,
			                k->r.p[last].nip);
	}
	end_of(t, rc, &err);
}


/*
 * The SKP of the year (YAML documents, folders of them, or skp.tsv, read
 * by lib/skp) into one record per indicator.  The set is freed after:
 * only the targets, polarity and owner are kept.
 */
static void read_skp(struct kin *k, char **paths, int n, struct pre *pre)
{
	kj_skp_set *set = kj_skp_set_new();
	kj_err err;
	long *first;

	for (int i = 0; i < n; i++) {
		if (pre)
			pre_finish(k, pre);     /* the one skp.tsv, read ahead */
		else if (ends_with(paths[i], ".tsv") ||
		         ends_with(paths[i], ".tsv.gz"))
			read_skp_tsv(k, paths[i]);
		else if (kj_skp_load_path(set, paths[i], &err))
			kj_die_err(&err);
	}
	/* the SKP of each employee for the year, to refuse a second */
	first = kj_xcalloc(k->r.n + 1, sizeof *first);
	for (size_t j = 0; j < set->n; j++) {
		const kj_skp *d = &set->skp[j];
		long e;

		if (d->tahun != k->o->period.year)
			continue;
		e = kj_roster_find(&k->r, d->nip, strlen(d->nip));
		if (e < 0)
			die_skp(set, &d->pos, "nip: %s is not in the roster %s",
			        d->nip, k->r.path);
		if (first[e]) {
			const kj_skp *f = &set->skp[first[e] - 1];

			die_skp(set, &d->pos, "a second SKP of NIP %s for %d "
			        "(the first is at %s:%lu)", d->nip, d->tahun,
			        kj_skp_file(set, f->pos.file),
			        (unsigned long)f->pos.line);
		}
		first[e] = (long)j + 1;
		for (size_t r = d->rhk; r < d->rhk + d->nrhk; r++) {
			const kj_skp_rhk *h = &set->rhk[r];

			for (size_t m = h->ind; m < h->ind + h->nind; m++)
				add_iki(k, set, &set->ind[m], e);
		}
	}
	free(first);
	kj_skp_set_free(set);
}

static void read_realisasi(struct kin *k, const char *path)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t cnip = kj_cli_need_col(t, "nip"), cper = kj_cli_need_col(t, "periode"),
	       cind = kj_cli_need_col(t, "indikator"),
	       creal = kj_cli_need_col(t, "realisasi");
	const char *ptext = k->nslot == 1 ? k->o->ptext : "";
	size_t plen = strlen(ptext);
	char last_nip[KJ_NIP_LEN];
	long last = -1;
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *nip = kj_tsv_field(t, cnip);
		size_t nl = kj_tsv_len(t, cnip);
		kj_period q;
		int slot, in;
		int64_t v;
		struct iki *x;
		struct emp *e;
		kj_pct c;
		enum kj_iki_status st;

		in = row_period(t, cper, &k->o->period, ptext, plen, &q);
		slot = in && k->nslot == 1 ? 0 : slot_of(k, &q);
		if (slot < 0)
			continue;
		/* rows come grouped by NIP: the previous row's needs no
		 * lookup */
		if (last < 0 || nl != KJ_NIP_LEN ||
		    memcmp(nip, last_nip, KJ_NIP_LEN) != 0) {
			last = row_emp(k, t, cnip, last + 1);
			memcpy(last_nip, k->r.p[last].nip, KJ_NIP_LEN);
		}
		x = find_iki(k, (size_t)last, kj_tsv_field(t, cind),
		             kj_tsv_len(t, cind));
		if (!x && k->e[last].niki == 0)
			die_field(t, cnip, "nip: %s has no SKP for %d, so no "
			          "indicator '%s'", k->r.p[last].nip,
			          k->o->period.year, kj_tsv_field(t, cind));
		if (!x)
			die_field(t, cind, "indikator: '%s' is not an "
			          "indicator of the SKP of NIP %s",
			          kj_tsv_field(t, cind), k->r.p[last].nip);
		if (kj_iki_value_parse(kj_tsv_field(t, creal),
		                       kj_tsv_len(t, creal), &v, &err))
			die_value(t, creal, &err);
		if (v < 0)
			die_field(t, creal, "realisasi: expected a number of 0 "
			          "or more, found '%s'",
			          kj_tsv_field(t, creal));
		if (x->seen & (1u << slot)) {
			char msg[64];

			snprintf(msg, sizeof msg, "%lu", (unsigned long)x->line);
			kj_tsv_field_err(t, cind, &err, "a second realisasi of "
			                 "NIP %s, indikator %s for %s (the "
			                 "previous row of this indicator is at "
			                 "line %s)", k->r.p[x->emp].nip,
			                 kj_tsv_field(t, cind),
			                 kj_tsv_field(t, cper), msg);
			kj_die_err(&err);
		}
		x->seen |= (uint16_t)(1u << slot);
		x->line = (uint32_t)kj_tsv_line(t);
		e = &k->e[x->emp];
		e->lapor |= (uint16_t)(1u << slot);
		st = kj_capaian_iki(&x->t, v, &c);
		if (st == KJ_IKI_NA)
			continue;
		if (st == KJ_IKI_CLAMPED)
			k->clamped++;
		if (c > KJ_CAPAIAN_CAP)
			c = KJ_CAPAIAN_CAP;
		if (k->nslot == 1) {
			e->sum += c;
			e->nreal++;
		}
		else if (slot < 12)
			k->msum[(size_t)x->emp * 12 + (size_t)slot] += c;
		if (slot > x->last) {
			x->last = (int8_t)slot;
			x->cap = (int32_t)c;
		}
	}
	end_of(t, rc, &err);
}

static const char *const berakhlak[7] = {
	"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis",
	"loyal", "adaptif", "kolaboratif"
};

static int rating_field(const kj_tsv *t, size_t col)
{
	const char *s = kj_tsv_field(t, col);
	int r = kj_word_index(kj_rating_words, KJ_RATING_N, s,
	                      kj_tsv_len(t, col));

	if (r < 0)
		die_field(t, col, "%s: expected di_atas, sesuai or di_bawah, "
		          "found '%s'", kj_tsv_colname(t, col), s);
	return r;
}

static void read_perilaku(struct kin *k, const char *path)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t cnip = kj_cli_need_col(t, "nip"), cper = kj_cli_need_col(t, "periode");
	int crat = kj_tsv_col(t, "rating"), cv[7], nv = 0;
	long prev = -1;
	const char *ptext = k->nslot == 1 ? k->o->ptext : "";
	size_t plen = strlen(ptext);
	kj_err err;
	int rc;

	for (int i = 0; i < 7; i++)
		if ((cv[i] = kj_tsv_col(t, berakhlak[i])) >= 0)
			nv++;
	if (crat < 0 && nv == 0) {
		kj_err_set(&err, kj_tsv_name(t), 1, 0, "missing column "
		           "'rating' (or the BerAKHLAK columns "
		           "berorientasi_pelayanan ... kolaboratif) in the "
		           "header");
		kj_die_err(&err);
	}
	while ((rc = kj_tsv_next(t, &err)) > 0) {
		kj_period q;
		int slot, r = -1;
		long e;

		if (row_period(t, cper, &k->o->period, ptext, plen, &q) &&
		    k->nslot == 1)
			slot = 0;
		else if ((slot = slot_of(k, &q)) < 0)
			continue;
		e = row_emp(k, t, cnip, prev + 1);
		prev = e;
		if (crat >= 0 && kj_tsv_len(t, (size_t)crat)) {
			r = rating_field(t, (size_t)crat);
		} else {
			enum kj_rating v[7];
			size_t n = 0;

			for (int i = 0; i < 7; i++)
				if (cv[i] >= 0 && kj_tsv_len(t, (size_t)cv[i]))
					v[n++] = (enum kj_rating)
						rating_field(t, (size_t)cv[i]);
			if (n == 0)
				die_field(t, cnip, "no rating and no BerAKHLAK "
				          "value for NIP %s", k->r.p[e].nip);
			r = (int)kj_rating_perilaku(v, n);
		}
		if (k->e[e].perilaku[slot])
			die_field(t, cnip, "a second perilaku row of NIP %s for "
			          "%s", k->r.p[e].nip, kj_tsv_field(t, cper));
		k->e[e].perilaku[slot] = (uint8_t)(1 + r);
	}
	end_of(t, rc, &err);
}

/*
 * perilaku.tsv read on the second thread while realisasi.tsv is read
 * (month mode, a file given by name), by the rule of the skp.tsv thread:
 * anything unusual (a row read_perilaku would refuse, another period, a
 * rating not written as the canonical word) drops the thread's result and
 * read_perilaku reads the file in turn, after realisasi.tsv as always.
 */
struct pril {
	struct kin *k;
	kj_tsv *t;
	const char *path;
	pthread_t th;
	size_t cnip, cper;
	int crat, cv[7];
	uint8_t *r;             /* per employee: 0 none, 1 + kj_rating */
	atomic_int stop;
	int ok, running;
};

/* The thread still running when a bad realisasi row ends the program. */
static struct pril *pril_running;

static int canonical_rating(const char *s, size_t len)
{
	for (int i = 0; i < KJ_RATING_N; i++)
		if (strncmp(kj_rating_words[i], s, len) == 0 &&
		    kj_rating_words[i][len] == '\0')
			return i;
	return -1;
}

static void *pril_run(void *arg)
{
	struct pril *p = arg;
	const struct kin *k = p->k;
	kj_tsv *t = p->t;
	const char *ptext = k->o->ptext;
	size_t plen = strlen(ptext), rows = 0;
	long prev = -1;
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *nip = kj_tsv_field(t, p->cnip);
		size_t nl = kj_tsv_len(t, p->cnip);
		long e = prev + 1;
		int r;

		if ((++rows & 0xFFFF) == 0 &&
		    atomic_load_explicit(&p->stop, memory_order_relaxed))
			return NULL;
		if (kj_tsv_len(t, p->cper) != plen ||
		    memcmp(kj_tsv_field(t, p->cper), ptext, plen) != 0)
			return NULL;
		if (!((size_t)e < k->r.n &&
		      strncmp(k->r.p[e].nip, nip, nl) == 0 &&
		      k->r.p[e].nip[nl] == '\0') &&
		    (e = kj_roster_find(&k->r, nip, nl)) < 0)
			return NULL;
		prev = e;
		if (p->crat >= 0 && kj_tsv_len(t, (size_t)p->crat)) {
			r = canonical_rating(kj_tsv_field(t, (size_t)p->crat),
			                     kj_tsv_len(t, (size_t)p->crat));
		} else {
			enum kj_rating v[7];
			size_t n = 0;

			r = 0;
			for (int i = 0; i < 7 && r >= 0; i++) {
				size_t c = (size_t)p->cv[i];

				if (p->cv[i] < 0 || !kj_tsv_len(t, c))
					continue;
				r = canonical_rating(kj_tsv_field(t, c),
				                     kj_tsv_len(t, c));
				v[n++] = (enum kj_rating)r;
			}
			if (r >= 0 && n == 0)
				r = -1;
			if (r >= 0)
				r = (int)kj_rating_perilaku(v, n);
		}
		if (r < 0 || p->r[e])
			return NULL;
		p->r[e] = (uint8_t)(1 + r);
	}
	p->ok = rc == 0;
	return NULL;
}

static void pril_stop(struct pril *p)
{
	atomic_store_explicit(&p->stop, 1, memory_order_relaxed);
	pthread_join(p->th, NULL);
	p->running = 0;
}

/* exit() with the thread running (an error in realisasi.tsv): stop it
 * first, so nothing runs while the program ends. */
static void pril_atexit(void)
{
	if (pril_running && pril_running->running)
		pril_stop(pril_running);
}

static struct pril *pril_start(struct kin *k, const char *path)
{
	struct pril *p;
	struct stat st;
	kj_tsv *t;
	kj_err err;
	int cnip, cper, nv = 0;

	if (!path || k->nslot != 1 || strcmp(path, "-") == 0 ||
	    stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !(t = kj_tsv_open(path, &err)))
		return NULL;
	p = kj_xcalloc(1, sizeof *p);
	p->k = k;
	p->t = t;
	p->path = path;
	cnip = kj_tsv_col(t, "nip");
	cper = kj_tsv_col(t, "periode");
	p->crat = kj_tsv_col(t, "rating");
	for (int i = 0; i < 7; i++)
		if ((p->cv[i] = kj_tsv_col(t, berakhlak[i])) >= 0)
			nv++;
	if (cnip < 0 || cper < 0 || (p->crat < 0 && nv == 0))
		goto no;
	p->cnip = (size_t)cnip;
	p->cper = (size_t)cper;
	p->r = kj_xcalloc(k->r.n ? k->r.n : 1, 1);
	atomic_init(&p->stop, 0);
	if (pthread_create(&p->th, NULL, pril_run, p) != 0)
		goto no;
	p->running = 1;
	if (!pril_running)
		atexit(pril_atexit);
	pril_running = p;
	return p;
no:
	kj_tsv_close(t);
	free(p->r);
	free(p);
	return NULL;
}

/* The thread's ratings, or read_perilaku in turn. */
static void pril_finish(struct kin *k, struct pril *p)
{
	pthread_join(p->th, NULL);
	p->running = 0;
	pril_running = NULL;
	kj_tsv_close(p->t);
	if (p->ok)
		for (size_t i = 0; i < k->r.n; i++)
			k->e[i].perilaku[0] = p->r[i];
	else
		read_perilaku(k, p->path);
	free(p->r);
	free(p);
}

static void read_organisasi(struct kin *k, const char *path)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t copd = kj_cli_need_col(t, "opd"), cper = kj_cli_need_col(t, "periode"),
	       cpred = kj_cli_need_col(t, "predikat");
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *opd = kj_tsv_field(t, copd);
		const char *s = kj_tsv_field(t, cpred);
		kj_period q;
		int slot, p;
		size_t o;
		uint8_t *cell;

		row_period(t, cper, &k->o->period, "", 0, &q);
		if ((slot = slot_of(k, &q)) < 0)
			continue;
		p = kj_word_index(kj_org_predikat_words, KJ_ORG_N, s,
		                  kj_tsv_len(t, cpred));
		if (p < 0)
			die_field(t, cpred, "predikat: expected istimewa, baik, "
			          "butuh_perbaikan, kurang or sangat_kurang, "
			          "found '%s'", s);
		o = kj_strmap_get(k->opdmap, opd, kj_tsv_len(t, copd));
		if (o == KJ_STRMAP_NONE) {
			kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
			                kj_tsv_fieldcol(t, copd), "OPD %s has "
			                "no employee in the roster; row ignored",
			                opd);
			continue;
		}
		cell = &k->org[o * (size_t)k->nslot + (size_t)slot];
		if (*cell)
			die_field(t, copd, "a second predikat of OPD %s for %s",
			          opd, kj_tsv_field(t, cper));
		*cell = (uint8_t)(1 + p);
	}
	end_of(t, rc, &err);
}

/* The latest slot with a value in v[0..nslot) (the year beats months). */
static int latest(const uint8_t *v, int nslot)
{
	for (int s = nslot - 1; s >= 0; s--)
		if (v[s])
			return s;
	return -1;
}

struct result {
	bool capaian, hasil, perilaku, predikat;
	kj_pct mean;
	enum kj_rating rh, rp;
	enum kj_predikat pred;
};

/* The ratings of employee i for slot (or the annual row, slot < 0). */
static void evaluate(const struct kin *k, size_t i, int slot, int64_t sum,
                     bool lapor, struct result *res)
{
	const struct emp *e = &k->e[i];
	int ps = slot, os = slot;

	memset(res, 0, sizeof *res);
	if (e->niki && lapor && e->nok) {
		res->capaian = res->hasil = true;
		res->mean = kj_capaian_mean(sum, e->nok);
		res->rh = kj_rating_hasil(res->mean, &k->batas);
	}
	if (slot < 0) {
		ps = latest(e->perilaku, k->nslot);
		os = e->opd >= 0 && k->org ? latest(&k->org[(size_t)e->opd *
		                                 (size_t)k->nslot], k->nslot)
		                 : -1;
	}
	if (e->head && e->niki && e->opd >= 0 && os >= 0 && k->org &&
	    k->org[(size_t)e->opd * (size_t)k->nslot + (size_t)os]) {
		res->hasil = true;
		res->rh = kj_rating_from_org((enum kj_org_predikat)
			(k->org[(size_t)e->opd * (size_t)k->nslot +
			        (size_t)os] - 1));
	}
	if (ps >= 0 && e->perilaku[ps]) {
		res->perilaku = true;
		res->rp = (enum kj_rating)(e->perilaku[ps] - 1);
	}
	if (res->hasil && res->perilaku) {
		res->predikat = true;
		res->pred = kj_predikat_of(res->rh, res->rp);
	}
}

static void kin_setup(struct kin *k, struct opts *o, struct pre **pre)
{
	kj_err err;

	memset(k, 0, sizeof *k);
	k->o = o;
	k->nslot = o->period.kind == KJ_PERIOD_YEAR ? NSLOT_MAX : 1;
	k->batas = kj_batas_rating_default;
	if (o->batas_atas)
		k->batas.atas = pct_opt("--batas-atas", o->batas_atas);
	if (o->batas_sesuai)
		k->batas.sesuai = pct_opt("--batas-sesuai", o->batas_sesuai);
	if (k->batas.sesuai > k->batas.atas)
		kj_die_usage(usage_text, "--batas-sesuai is above "
		             "--batas-atas");
	*pre = pre_start(k, o->files, o->nfiles);
	if (kj_roster_load(&k->r, o->pegawai, &err)) {
		if (*pre) {
			pre_join(*pre, 1);
			pre_free(*pre);
		}
		kj_die_err(&err);
	}
	k->e = kj_xcalloc(k->r.n ? k->r.n : 1, sizeof *k->e);
	k->opdmap = kj_strmap_new();
	for (size_t i = 0; i < k->r.n; i++) {
		const kj_pegawai *p = &k->r.p[i];
		size_t nb;

		k->e[i].opd = (int32_t)kj_strmap_put(k->opdmap, p->opd,
		                 strlen(p->opd), kj_strmap_count(k->opdmap),
		                 NULL);
		kj_roster_bawahan(&k->r, (long)i, &nb);
		k->e[i].head = nb > 0 || kj_jenis_is_struktural(p->jenis);
	}
	if (k->nslot > 1)
		k->msum = kj_xcalloc(k->r.n ? k->r.n * 12 : 1,
		                     sizeof *k->msum);
}

static void kin_free(struct kin *k)
{
	free(k->e);
	free(k->iki);
	free(k->msum);
	free(k->org);
	free(k->ids);
	kj_strmap_free(k->opdmap);
	kj_roster_free(&k->r);
}

static void put_result(const struct result *res)
{
	ob_tab();
	if (res->capaian)
		ob_pct(res->mean);
	ob_tab();
	if (res->hasil)
		ob_str(kj_rating_words[res->rh]);
	ob_tab();
	if (res->perilaku)
		ob_str(kj_rating_words[res->rp]);
	ob_tab();
	if (res->predikat)
		ob_str(kj_predikat_words[res->pred]);
}

/* Angka kredit of employee i, x 10^4; -1 when not a functional official
 * with a known jenjang. */
static int64_t angka_kredit(const struct kin *k, size_t i,
                            const enum kj_predikat *months,
                            const bool *has, int n)
{
	const kj_pegawai *p = &k->r.p[i];
	int koef;
	int64_t ak = 0;

	if (p->jenis != KJ_JJ_FUNGSIONAL || !*p->jenjang)
		return -1;
	koef = kj_ak_koefisien(p->jenjang, strlen(p->jenjang));
	if (koef < 0)
		return -1;
	for (int m = 0; m < n; m++)
		if (has[m])
			ak += kj_angka_kredit(1, months[m], koef);
	return ak;
}

static int kurva(const struct kin *k, const long *counts)
{
	size_t nopd = kj_strmap_count(k->opdmap);
	int found = 0;

	for (size_t o = 0; o < nopd; o++) {
		int os = latest(&k->org[o * (size_t)k->nslot], k->nslot);
		kj_kurva_finding f[4];
		size_t n;

		if (os < 0)
			continue;
		n = kj_kurva_check((enum kj_org_predikat)
		                   (k->org[o * (size_t)k->nslot + (size_t)os] -
		                    1), &counts[o * KJ_PRED_N], f, 4);
		for (size_t j = 0; j < n && j < 4; j++) {
			char set[96];

			kj_kurva_set_words(f[j].rule->set, set, sizeof set);
			kj_diag_warning(NULL, 0, 0, "kurva: OPD %s (predikat "
			        "%s): %ld of %ld pegawai %s, %s %ld (%s %d %% "
			        "of %ld, SE MenPAN-RB 3/2023)",
			        kj_strmap_key(k->opdmap, o),
			        kj_org_predikat_words[f[j].rule->org],
			        f[j].count, f[j].n, set,
			        f[j].rule->max ? "more than the maximum"
			                       : "fewer than the minimum",
			        f[j].limit,
			        f[j].rule->max ? "floor of" : "ceil of",
			        f[j].rule->pct, f[j].n);
			found = 1;
		}
	}
	return found;
}

static int run_kinerja(struct opts *o)
{
	struct kin k;
	struct pre *pre;
	struct pril *pril;
	kj_output *out;
	long *counts = NULL;
	size_t partial = 0, no_ak = 0;
	const char *first_partial = NULL;
	int status = KJ_EXIT_OK;
	const char *inputs[64];
	size_t ni = 0;

	if (!o->pegawai)
		kj_die_usage(usage_text, "-p FILE is required (%s)", "the roster, pegawai.tsv");
	if (!o->realisasi)
		kj_die_usage(usage_text, "-r FILE is required (%s)", "realisasi.tsv");
	if (o->nfiles == 0)
		kj_die_usage(usage_text, "an SKP file is required (%s)", "skp.tsv");
	if (o->kurva && !o->organisasi)
		kj_die_usage(usage_text, "--kurva needs --organisasi");
	if (o->period.kind != KJ_PERIOD_MONTH &&
	    o->period.kind != KJ_PERIOD_YEAR)
		kj_die_usage(usage_text, "-m: expected a month such as 2026-11 or a year such as "
		      "2026, found '%s'", o->periode);
	refuse(o->sub, "-s", "without --kegiatan");
	refuse(o->batas_fisik, "--batas-fisik", "without --kegiatan");
	refuse(o->batas_keu, "--batas-keuangan", "without --kegiatan");
	refuse(o->laporan, "--laporan", "without --unreported");
	refuse(o->per, "--per", "without --unreported");
	refuse(o->batas_hari, "--batas-hari", "without --unreported");
	refuse(o->libur, "--libur", "without --unreported");
	refuse(o->kecuali, "--kecuali", "without --unreported");
	if (o->hari_kerja)
		refuse("", "--hari-kerja", "without --unreported");
	inputs[ni++] = o->pegawai;
	inputs[ni++] = o->realisasi;
	inputs[ni++] = o->perilaku;
	inputs[ni++] = o->organisasi;
	for (int i = 0; i < o->nfiles && ni < 64; i++)
		inputs[ni++] = o->files[i];
	one_stdin(inputs, ni);

	kin_setup(&k, o, &pre);
	if (o->organisasi)
		k.org = kj_xcalloc(kj_strmap_count(k.opdmap) *
		                   (size_t)k.nslot + 1, 1);
	read_skp(&k, o->files, o->nfiles, pre);
	pril = o->perilaku ? pril_start(&k, o->perilaku) : NULL;
	read_realisasi(&k, o->realisasi);
	if (pril)
		pril_finish(&k, pril);
	else if (o->perilaku)
		read_perilaku(&k, o->perilaku);
	if (o->organisasi)
		read_organisasi(&k, o->organisasi);
	if (k.clamped)
		kj_diag_warning(o->realisasi, 0, 0, "%zu realisasi of "
		                "negative polarity at more than twice the "
		                "target: capaian clamped at 0", k.clamped);

	/* The annual row takes each indicator's latest realisasi. */
	if (k.nslot > 1)
		for (size_t j = 0; j < k.niki; j++)
			if (k.iki[j].last >= 0 && k.iki[j].t.lo > 0)
				k.e[k.iki[j].emp].sum += k.iki[j].cap;
	if (o->kurva)
		counts = kj_xcalloc(kj_strmap_count(k.opdmap) * KJ_PRED_N + 1,
		                    sizeof *counts);

	out = open_out(o->output);
	ob_str("nip\tperiode\tskp\tlapor\tcapaian_pct\trating_hasil\t"
	       "rating_perilaku\tpredikat");
	if (o->angka_kredit)
		ob_str("\tangka_kredit");
	if (k.nslot > 1)
		for (int m = 1; m <= 12; m++) {
			char h[24];

			snprintf(h, sizeof h, "\tpredikat_%02d", m);
			ob_str(h);
		}
	ob_raw("\n", 1);
	for (size_t i = 0; i < k.r.n; i++) {
		const struct emp *e = &k.e[i];
		struct result res, mres[12];
		enum kj_predikat mp[12];
		bool mhas[12];
		int nm = 0;

		evaluate(&k, i, -1, e->sum, e->lapor != 0, &res);
		if (k.nslot == 1 && e->lapor && e->nreal < e->nok &&
		    !partial++)
			first_partial = k.r.p[i].nip;
		if (k.nslot > 1)
			for (int m = 0; m < 12; m++) {
				evaluate(&k, i, m, k.msum[i * 12 + (size_t)m],
				         (e->lapor >> m) & 1u, &mres[m]);
				mhas[m] = mres[m].predikat;
				mp[m] = mres[m].pred;
			}
		else {
			mhas[0] = res.predikat;
			mp[0] = res.pred;
		}
		nm = k.nslot > 1 ? 12 : 1;
		if (counts && res.predikat && e->opd >= 0)
			counts[(size_t)e->opd * KJ_PRED_N + res.pred]++;
		ob_field(k.r.p[i].nip);
		ob_tab();
		ob_str(o->ptext);
		ob_str(e->niki ? "\tada" : "\ttidak");
		ob_str(e->niki && e->lapor ? "\tya" : "\ttidak");
		put_result(&res);
		if (o->angka_kredit) {
			int64_t ak = angka_kredit(&k, i, mp, mhas, nm);
			char buf[KJ_NUM_BUFSZ];

			ob_tab();
			if (ak >= 0)
				ob_raw(buf, kj_decimal_format(ak, 4, 3, buf,
				                              sizeof buf));
			else if (k.r.p[i].jenis == KJ_JJ_FUNGSIONAL)
				no_ak++;
		}
		if (k.nslot > 1)
			for (int m = 0; m < 12; m++) {
				ob_tab();
				if (mhas[m])
					ob_str(kj_predikat_words[mp[m]]);
			}
		ob_raw("\n", 1);
	}
	if (partial)
		kj_diag_warning(o->realisasi, 0, 0, "%zu employees (first "
		                "%s) reported only part of their indicators; "
		                "the missing ones count as capaian 0",
		                partial, first_partial);
	if (no_ak)
		kj_diag_warning(o->pegawai, 0, 0, "%zu functional officials "
		                "without a known jenjang: angka_kredit left "
		                "empty", no_ak);
	if (counts && kurva(&k, counts))
		status = KJ_EXIT_FOUND;
	commit_out(out);
	free(counts);
	kin_free(&k);
	return status;
}

/* ==== --kegiatan ========================================================== */

struct sub {
	char *opd, *kode, *nama;
	size_t o;
	kj_subkeg s;
	kj_subkeg_hasil h;
};

struct opdk {
	const char *opd;
	long n, kritis;
	kj_money pagu;
	kj_wmean f, k;
};

static kj_pct pct_field(const kj_tsv *t, size_t col)
{
	kj_pct p;
	kj_err err;

	if (kj_pct_parse(kj_tsv_field(t, col), kj_tsv_len(t, col), &p, &err))
		die_value(t, col, &err);
	if (p < 0)
		die_field(t, col, "%s: expected a percentage of 0 or more, "
		          "found '%s'", kj_tsv_colname(t, col),
		          kj_tsv_field(t, col));
	return p;
}

static kj_money money_field(const kj_tsv *t, size_t col)
{
	kj_money m;
	kj_err err;

	if (kj_money_parse(kj_tsv_field(t, col), kj_tsv_len(t, col), &m, &err))
		die_value(t, col, &err);
	if (m < 0)
		die_field(t, col, "%s: expected Rupiah of 0 or more, found "
		          "'%s'", kj_tsv_colname(t, col),
		          kj_tsv_field(t, col));
	return m;
}

static void put_kat(bool ok, kj_pct c)
{
	ob_tab();
	if (ok)
		ob_pct(c);
	ob_tab();
	if (ok)
		ob_str(kj_kategori_words[kj_kategori_of(c)]);
}

/* ya, tidak, or empty when neither dimension can be judged. */
static int lulus(bool fok, kj_pct f, bool kok, kj_pct kk, kj_pct bf,
                 kj_pct bk)
{
	if ((fok && f < bf) || (kok && kk < bk))
		return 0;
	return fok || kok ? 1 : -1;
}

static int run_kegiatan(struct opts *o)
{
	kj_tsv *t;
	size_t copd, ckode, cnama, cper, cpagu, ctf, crf, ctk, crk;
	struct sub *subs = NULL;
	size_t nsub = 0, capsub = 0, nopd = 0, capopd = 0;
	struct opdk *opds = NULL;
	kj_strmap *keys = kj_strmap_new(), *om = kj_strmap_new();
	kj_pct bf = (kj_pct)75 * KJ_PCT_SCALE, bk = bf;
	kj_output *out, *sout = NULL;
	int status = KJ_EXIT_OK, rc;
	const char *inputs[2] = { o->kegiatan, NULL };
	kj_err err;

	if (o->period.kind != KJ_PERIOD_QUARTER)
		kj_die_usage(usage_text, "-m: expected a quarter such as 2026-TW3 with "
		      "--kegiatan, found '%s'", o->periode);
	refuse(o->pegawai, "-p", "with --kegiatan");
	refuse(o->realisasi, "-r", "with --kegiatan");
	refuse(o->perilaku, "--perilaku", "with --kegiatan");
	refuse(o->organisasi, "--organisasi", "with --kegiatan");
	refuse(o->batas_atas, "--batas-atas", "with --kegiatan");
	refuse(o->batas_sesuai, "--batas-sesuai", "with --kegiatan");
	refuse(o->laporan, "--laporan", "with --kegiatan");
	refuse(o->per, "--per", "with --kegiatan");
	refuse(o->batas_hari, "--batas-hari", "with --kegiatan");
	refuse(o->libur, "--libur", "with --kegiatan");
	refuse(o->kecuali, "--kecuali", "with --kegiatan");
	if (o->kurva || o->angka_kredit || o->hari_kerja || o->unreported)
		refuse("", "--kurva, --angka-kredit, --hari-kerja and "
		       "--unreported", "with --kegiatan");
	if (o->nfiles)
		kj_die_usage(usage_text, "unexpected argument '%s' (--kegiatan names the input)",
		      o->files[0]);
	one_stdin(inputs, 1);
	if (o->batas_fisik)
		bf = pct_opt("--batas-fisik", o->batas_fisik);
	if (o->batas_keu)
		bk = pct_opt("--batas-keuangan", o->batas_keu);

	t = kj_cli_open_tsv(o->kegiatan);
	copd = kj_cli_need_col(t, "opd");
	ckode = kj_cli_need_col(t, "kode");
	cnama = kj_cli_need_col(t, "nama");
	cper = kj_cli_need_col(t, "periode");
	cpagu = kj_cli_need_col(t, "pagu");
	ctf = kj_cli_need_col(t, "target_fisik_pct");
	crf = kj_cli_need_col(t, "realisasi_fisik_pct");
	ctk = kj_cli_need_col(t, "target_keuangan");
	crk = kj_cli_need_col(t, "realisasi_keuangan");
	while ((rc = kj_tsv_next(t, &err)) > 0) {
		kj_period q;
		struct sub *s;
		char key[512];
		int added, n;

		if (!row_period(t, cper, &o->period, o->ptext,
		                strlen(o->ptext), &q))
			continue;
		if (kj_tsv_len(t, copd) == 0 || kj_tsv_len(t, ckode) == 0)
			die_field(t, kj_tsv_len(t, copd) ? ckode : copd,
			          "%s: a value is required",
			          kj_tsv_len(t, copd) ? "kode" : "opd");
		n = snprintf(key, sizeof key, "%s\t%s", kj_tsv_field(t, copd),
		             kj_tsv_field(t, ckode));
		if (n < 0 || (size_t)n >= sizeof key)
			die_field(t, ckode, "kode: too long");
		kj_strmap_put(keys, key, (size_t)n, nsub, &added);
		if (!added)
			die_field(t, ckode, "sub kegiatan %s of OPD %s appears "
			          "twice for this quarter",
			          kj_tsv_field(t, ckode), kj_tsv_field(t, copd));
		kj_grow(&subs, &capsub, nsub + 1, sizeof *subs);
		s = &subs[nsub++];
		s->s.pagu = money_field(t, cpagu);
		s->s.target_fisik = pct_field(t, ctf);
		s->s.realisasi_fisik = pct_field(t, crf);
		s->s.target_keuangan = money_field(t, ctk);
		s->s.realisasi_keuangan = money_field(t, crk);
		s->opd = kj_xstrdup(kj_tsv_field(t, copd));
		s->kode = kj_xstrdup(kj_tsv_field(t, ckode));
		s->nama = kj_xstrdup(kj_tsv_field(t, cnama));
		s->o = kj_strmap_put(om, s->opd, strlen(s->opd), nopd, &added);
		if (added) {
			kj_grow(&opds, &capopd, nopd + 1, sizeof *opds);
			memset(&opds[nopd], 0, sizeof *opds);
			opds[nopd++].opd = s->opd;
		}
	}
	end_of(t, rc, &err);
	if (nsub == 0) {
		kj_err_set(&err, o->kegiatan, 0, 0, "no sub kegiatan for %s",
		           o->ptext);
		kj_die_err(&err);
	}
	for (size_t i = 0; i < nsub; i++) {
		struct sub *s = &subs[i];
		struct opdk *p = &opds[s->o];

		kj_subkeg_eval(&s->s, &s->h);
		p->n++;
		p->pagu += s->s.pagu;
		p->kritis += s->h.kritis;
		if (s->h.fisik_ok)
			kj_wmean_add(&p->f, s->s.pagu, s->h.fisik);
		if (s->h.keuangan_ok)
			kj_wmean_add(&p->k, s->s.pagu, s->h.keuangan);
	}
	if (o->sub) {
		sout = open_out(o->sub);
		ob_str("opd\tkode\tnama\tperiode\tpagu\ttarget_fisik_pct\t"
		       "realisasi_fisik_pct\tcapaian_fisik_pct\t"
		       "kategori_fisik\tdeviasi_fisik_pct\ttarget_keuangan\t"
		       "realisasi_keuangan\tcapaian_keuangan_pct\t"
		       "kategori_keuangan\tkontrak_kritis\tlulus\n");
		for (size_t i = 0; i < nsub; i++) {
			const struct sub *s = &subs[i];
			int l = lulus(s->h.fisik_ok, s->h.fisik,
			              s->h.keuangan_ok, s->h.keuangan, bf, bk);

			ob_field(s->opd);
			ob_tab();
			ob_field(s->kode);
			ob_tab();
			ob_field(s->nama);
			ob_tab();
			ob_str(o->ptext);
			ob_tab();
			ob_money(s->s.pagu);
			ob_tab();
			ob_pct(s->s.target_fisik);
			ob_tab();
			ob_pct(s->s.realisasi_fisik);
			put_kat(s->h.fisik_ok, s->h.fisik);
			ob_tab();
			ob_pct(s->h.deviasi);
			ob_tab();
			ob_money(s->s.target_keuangan);
			ob_tab();
			ob_money(s->s.realisasi_keuangan);
			put_kat(s->h.keuangan_ok, s->h.keuangan);
			ob_str(s->h.kritis ? "\tya\t" : "\ttidak\t");
			ob_str(l < 0 ? "" : l ? "ya" : "tidak");
			ob_raw("\n", 1);
		}
		ob_flush();
	}
	out = open_out(o->output);
	ob_str("opd\tperiode\tjumlah_sub\tpagu\tcapaian_fisik_pct\t"
	       "kategori_fisik\tcapaian_keuangan_pct\tkategori_keuangan\t"
	       "jumlah_kritis\tlulus\n");
	for (size_t i = 0; i < nopd; i++) {
		const struct opdk *p = &opds[i];
		kj_pct f = 0, kk = 0;
		bool fok = kj_wmean_get(&p->f, &f) == 0;
		bool kok = kj_wmean_get(&p->k, &kk) == 0;
		int l = lulus(fok, f, kok, kk, bf, bk);

		ob_field(p->opd);
		ob_tab();
		ob_str(o->ptext);
		ob_tab();
		ob_long(p->n);
		ob_tab();
		ob_money(p->pagu);
		put_kat(fok, f);
		put_kat(kok, kk);
		ob_tab();
		ob_long(p->kritis);
		ob_tab();
		ob_str(l < 0 ? "" : l ? "ya" : "tidak");
		ob_raw("\n", 1);
		if (l == 0)
			status = KJ_EXIT_FOUND;
	}
	/* both outputs appear together, or neither */
	commit_out(out);
	if (sout) {
		ob.f = kj_output_stream(sout);
		commit_out(sout);
	}
	for (size_t i = 0; i < nsub; i++) {
		free(subs[i].opd);
		free(subs[i].kode);
		free(subs[i].nama);
	}
	free(subs);
	free(opds);
	kj_strmap_free(keys);
	kj_strmap_free(om);
	return status;
}

/* ==== --unreported ======================================================== */

struct unit {
	const char *key;        /* opd code or NIP */
	size_t opdrow;          /* row of opd.tsv, or NONE */
	long emp;               /* employee mode: roster index */
	bool sent, out;
	kj_date when;
};

struct opdrow {
	char *opd, *nama, *kepala, *email, *telepon;
};

static char *opt_field(const kj_tsv *t, int col)
{
	return kj_xstrdup(col >= 0 ? kj_tsv_field(t, (size_t)col) : "");
}

static kj_date date_opt(const char *name, const char *s)
{
	kj_date d;

	if (kj_date_parse(s, strlen(s), &d, NULL))
		kj_die_usage(usage_text, "%s: expected a date such as "
		             "2026-12-05, found '%s'", name, s);
	return d;
}

static kj_date *read_libur(const char *path, size_t *n)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t c = kj_cli_need_col(t, "tanggal"), cap = 0;
	kj_date *d = NULL;
	kj_err err;
	int rc;

	*n = 0;
	while ((rc = kj_tsv_next(t, &err)) > 0) {
		kj_grow(&d, &cap, *n + 1, sizeof *d);
		if (kj_date_parse(kj_tsv_field(t, c), kj_tsv_len(t, c),
		                  &d[*n], &err))
			die_value(t, c, &err);
		(*n)++;
	}
	end_of(t, rc, &err);
	return d;
}

/* --kecuali: every unit named in the column COL of the file is left out. */
static void read_kecuali(const char *path, const char *col,
                         const char *list, kj_strmap *m, struct unit *u)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t c = kj_cli_need_col(t, col);
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) > 0) {
		size_t i = kj_strmap_get(m, kj_tsv_field(t, c),
		                         kj_tsv_len(t, c));

		if (i == KJ_STRMAP_NONE)
			kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
			                kj_tsv_fieldcol(t, c), "%s %s is not "
			                "in %s; row ignored",
			                strcmp(col, "nip") ? "OPD" : "NIP",
			                kj_tsv_field(t, c), list);
		else
			u[i].out = true;
	}
	end_of(t, rc, &err);
}

static void read_laporan(const char *path, const char *col,
                         const char *list, const char *ptext, kj_strmap *m,
                         struct unit *u)
{
	kj_tsv *t = kj_cli_open_tsv(path);
	size_t c = kj_cli_need_col(t, col), cper = kj_cli_need_col(t, "periode"),
	       cd = kj_cli_need_col(t, "dikirim");
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *s = kj_tsv_field(t, cd);
		size_t len = kj_tsv_len(t, cd), i;
		kj_period q;
		kj_timestamp ts;
		kj_date d;

		if (!row_period(t, cper, NULL, ptext, strlen(ptext), &q))
			continue;
		if (len == 10) {
			if (kj_date_parse(s, len, &d, &err))
				die_value(t, cd, &err);
		} else {
			if (kj_timestamp_parse(s, len, &ts, &err))
				die_value(t, cd, &err);
			d = kj_timestamp_date(ts);
		}
		i = kj_strmap_get(m, kj_tsv_field(t, c), kj_tsv_len(t, c));
		if (i == KJ_STRMAP_NONE) {
			kj_diag_warning(kj_tsv_name(t), kj_tsv_line(t),
			                kj_tsv_fieldcol(t, c), "%s %s is not "
			                "in %s; row ignored",
			                strcmp(col, "nip") ? "OPD" : "NIP",
			                kj_tsv_field(t, c), list);
			continue;
		}
		if (!u[i].sent || d < u[i].when)
			u[i].when = d;   /* the earliest report counts */
		u[i].sent = true;
	}
	end_of(t, rc, &err);
}

static int run_unreported(struct opts *o)
{
	kj_tsv *t;
	struct opdrow *rows = NULL;
	size_t nrow = 0, caprow = 0, nunit = 0, nhol = 0;
	kj_strmap *om = kj_strmap_new(), *um = kj_strmap_new();
	struct unit *u;
	kj_roster r;
	kj_date per, batas, *hol = NULL;
	long n = 5;
	kj_output *out;
	int status = KJ_EXIT_OK, rc;
	const char *inputs[5];
	char bt[KJ_DATE_BUFSZ];
	kj_err err;
	size_t copd, cnama;
	int ckep, cmail, ctel;

	refuse(o->realisasi, "-r", "with --unreported");
	refuse(o->perilaku, "--perilaku", "with --unreported");
	refuse(o->organisasi, "--organisasi", "with --unreported");
	refuse(o->batas_atas, "--batas-atas", "with --unreported");
	refuse(o->batas_sesuai, "--batas-sesuai", "with --unreported");
	refuse(o->sub, "-s", "with --unreported");
	refuse(o->batas_fisik, "--batas-fisik", "with --unreported");
	refuse(o->batas_keu, "--batas-keuangan", "with --unreported");
	if (o->kurva || o->angka_kredit)
		refuse("", "--kurva and --angka-kredit", "with --unreported");
	if (!o->laporan)
		kj_die_usage(usage_text, "--laporan FILE is required (%s)", "the report log");
	if (o->nfiles != 1)
		kj_die_usage(usage_text, "--unreported needs one opd.tsv");
	if (o->hari_kerja == 0 && o->libur)
		kj_die_usage(usage_text, "--libur needs --hari-kerja");
	if (o->batas_hari) {
		char *end;

		n = strtol(o->batas_hari, &end, 10);
		if (*end || end == o->batas_hari || n < 0 || n > 366)
			kj_die_usage(usage_text, "--batas-hari: expected a number of days 0-366, "
			      "found '%s'", o->batas_hari);
	}
	inputs[0] = o->laporan;
	inputs[1] = o->files[0];
	inputs[2] = o->pegawai;
	inputs[3] = o->libur;
	inputs[4] = o->kecuali;
	one_stdin(inputs, 5);
	if (o->per) {
		per = date_opt("--per", o->per);
	} else {
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		if (kj_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
		                     tm.tm_mday, &per))
			kj_die(KJ_EXIT_INTERNAL, "the clock is out of range");
	}
	if (o->libur)
		hol = read_libur(o->libur, &nhol);
	batas = kj_batas_lapor(&o->period, (int)n, o->hari_kerja,
	                       KJ_WEEK_MON_FRI, hol, nhol);
	kj_date_format(batas, bt, sizeof bt);

	t = kj_cli_open_tsv(o->files[0]);
	copd = kj_cli_need_col(t, "opd");
	cnama = kj_cli_need_col(t, "nama");
	ckep = kj_tsv_col(t, "kepala");
	cmail = kj_tsv_col(t, "email");
	ctel = kj_tsv_col(t, "telepon");
	while ((rc = kj_tsv_next(t, &err)) > 0) {
		struct opdrow *w;
		int added;

		kj_strmap_put(om, kj_tsv_field(t, copd), kj_tsv_len(t, copd),
		              nrow, &added);
		if (!added)
			die_field(t, copd, "opd: %s appears twice",
			          kj_tsv_field(t, copd));
		kj_grow(&rows, &caprow, nrow + 1, sizeof *rows);
		w = &rows[nrow++];
		w->opd = opt_field(t, (int)copd);
		w->nama = opt_field(t, (int)cnama);
		w->kepala = opt_field(t, ckep);
		/* lapor-remind refuses a bad kepala NIP: refuse it here. */
		if (*w->kepala &&
		    kj_nip_parse(w->kepala, strlen(w->kepala), &(kj_nip){ 0 },
		                 &err))
			die_value(t, (size_t)ckep, &err);
		w->email = opt_field(t, cmail);
		w->telepon = opt_field(t, ctel);
	}
	if (rc == 0 && nrow == 0) {
		/* Nobody to chase would look like everybody reported. */
		kj_err_set(&err, kj_tsv_name(t), kj_tsv_line(t) + 1, 0,
		           "no OPD in %s (a header only)", kj_tsv_name(t));
		kj_die_err(&err);
	}
	end_of(t, rc, &err);

	if (o->pegawai) {
		if (kj_roster_load(&r, o->pegawai, &err))
			kj_die_err(&err);
		nunit = r.n;
		u = kj_xcalloc(nunit + 1, sizeof *u);
		for (size_t i = 0; i < r.n; i++) {
			const kj_pegawai *p = &r.p[i];

			u[i].key = p->nip;
			u[i].emp = (long)i;
			u[i].opdrow = kj_strmap_get(om, p->opd, strlen(p->opd));
			/* on leave outside the service: nothing to report */
			u[i].out = kj_pegawai_has_ket(p, "cltn") ||
			           kj_pegawai_has_ket(p, "tugas_belajar");
			kj_strmap_put(um, p->nip, strlen(p->nip), i, NULL);
		}
	} else {
		nunit = nrow;
		u = kj_xcalloc(nunit + 1, sizeof *u);
		for (size_t i = 0; i < nrow; i++) {
			u[i].key = rows[i].opd;
			u[i].opdrow = i;
			u[i].emp = -1;
			kj_strmap_put(um, rows[i].opd, strlen(rows[i].opd), i,
			              NULL);
		}
	}
	if (o->kecuali)
		read_kecuali(o->kecuali, o->pegawai ? "nip" : "opd",
		             o->pegawai ? o->pegawai : o->files[0], um, u);
	read_laporan(o->laporan, o->pegawai ? "nip" : "opd",
	             o->pegawai ? o->pegawai : o->files[0], o->ptext, um, u);

	out = open_out(o->output);
	ob_str("opd\tnama\tperiode\tbatas\tterlambat_hari\tkepala\temail\t"
	       "telepon");
	if (o->pegawai)
		ob_str("\tnip\tpegawai\tatasan");
	ob_raw("\n", 1);
	for (size_t i = 0; i < nunit; i++) {
		const struct opdrow *w = u[i].opdrow != KJ_STRMAP_NONE
		                         ? &rows[u[i].opdrow] : NULL;
		/* a report dated after --per was not there yet */
		bool sent = u[i].sent && u[i].when <= per;
		long late;

		if (u[i].out)
			continue;
		late = kj_terlambat(batas, sent, u[i].when, per);
		if (sent && late == 0)
			continue;
		status = KJ_EXIT_FOUND;
		ob_field(o->pegawai ? r.p[u[i].emp].opd : w->opd);
		ob_tab();
		ob_field(w ? w->nama : "");
		ob_tab();
		ob_str(o->ptext);
		ob_tab();
		ob_str(bt);
		ob_tab();
		ob_long(late);
		ob_tab();
		ob_field(w ? w->kepala : "");
		ob_tab();
		ob_field(w ? w->email : "");
		ob_tab();
		ob_field(w ? w->telepon : "");
		if (o->pegawai) {
			const kj_pegawai *p = &r.p[u[i].emp];

			ob_tab();
			ob_field(p->nip);
			ob_tab();
			ob_field(p->nama);
			ob_tab();
			ob_field(p->atasan >= 0 ? r.p[p->atasan].nip : "");
		}
		ob_raw("\n", 1);
	}
	commit_out(out);
	for (size_t i = 0; i < nrow; i++) {
		free(rows[i].opd);
		free(rows[i].nama);
		free(rows[i].kepala);
		free(rows[i].email);
		free(rows[i].telepon);
	}
	free(rows);
	free(u);
	free(hol);
	kj_strmap_free(om);
	kj_strmap_free(um);
	if (o->pegawai)
		kj_roster_free(&r);
	return status;
}

/* ==== main ================================================================= */

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "periode", required_argument, NULL, 'm' },
		{ "pegawai", required_argument, NULL, 'p' },
		{ "realisasi", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "sub-kegiatan", required_argument, NULL, 's' },
		{ "perilaku", required_argument, NULL, OPT_PERILAKU },
		{ "organisasi", required_argument, NULL, OPT_ORGANISASI },
		{ "kurva", no_argument, NULL, OPT_KURVA },
		{ "angka-kredit", no_argument, NULL, OPT_AK },
		{ "batas-atas", required_argument, NULL, OPT_ATAS },
		{ "batas-sesuai", required_argument, NULL, OPT_SESUAI },
		{ "kegiatan", required_argument, NULL, OPT_KEGIATAN },
		{ "batas-fisik", required_argument, NULL, OPT_BFISIK },
		{ "batas-keuangan", required_argument, NULL, OPT_BKEU },
		{ "unreported", no_argument, NULL, OPT_UNREPORTED },
		{ "laporan", required_argument, NULL, OPT_LAPORAN },
		{ "per", required_argument, NULL, OPT_PER },
		{ "batas-hari", required_argument, NULL, OPT_BHARI },
		{ "hari-kerja", no_argument, NULL, OPT_HARIKERJA },
		{ "libur", required_argument, NULL, OPT_LIBUR },
		{ "kecuali", required_argument, NULL, OPT_KECUALI },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o;
	int ch;

	memset(&o, 0, sizeof o);
	kj_diag_init(argv[0]);
	argv[0] = (char *)kj_prog();
	while ((ch = getopt_long(argc, argv, "m:p:r:o:s:hV", longopts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'm': o.periode = optarg; break;
		case 'p': o.pegawai = optarg; break;
		case 'r': o.realisasi = optarg; break;
		case 'o': o.output = optarg; break;
		case 's': o.sub = optarg; break;
		case OPT_PERILAKU: o.perilaku = optarg; break;
		case OPT_ORGANISASI: o.organisasi = optarg; break;
		case OPT_KURVA: o.kurva = 1; break;
		case OPT_AK: o.angka_kredit = 1; break;
		case OPT_ATAS: o.batas_atas = optarg; break;
		case OPT_SESUAI: o.batas_sesuai = optarg; break;
		case OPT_KEGIATAN: o.kegiatan = optarg; break;
		case OPT_BFISIK: o.batas_fisik = optarg; break;
		case OPT_BKEU: o.batas_keu = optarg; break;
		case OPT_UNREPORTED: o.unreported = 1; break;
		case OPT_LAPORAN: o.laporan = optarg; break;
		case OPT_PER: o.per = optarg; break;
		case OPT_BHARI: o.batas_hari = optarg; break;
		case OPT_HARIKERJA: o.hari_kerja = 1; break;
		case OPT_LIBUR: o.libur = optarg; break;
		case OPT_KECUALI: o.kecuali = optarg; break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return KJ_EXIT_OK;
		case 'V':
			printf("capaian-check (kinerja) %s\n", KJ_VERSION);
			return KJ_EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return KJ_EXIT_USAGE;
		}
	}
	o.files = argv + optind;
	o.nfiles = argc - optind;
	if (o.kegiatan && o.unreported)
		kj_die_usage(usage_text, "--kegiatan and --unreported exclude each other");
	parse_period(&o);
	if (o.kegiatan)
		return run_kegiatan(&o);
	if (o.unreported)
		return run_unreported(&o);
	return run_kinerja(&o);
}
