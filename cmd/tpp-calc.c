/*
 * tpp-calc: the monthly TPP of every employee of the roster under a rule
 * set (the Perkada), every deduction explained.
 *
 * Reads the whole roster, absen.tsv and kinerja.tsv into memory (memory
 * grows with employees only), checks every value, then computes one row
 * per employee in roster order with lib/tpp.c.  Any bad value stops the
 * run with file:line:col and exit 2 before the output is committed.
 */
#include <getopt.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "cli.h"
#include "colreg.h"
#include "diag.h"
#include "io.h"
#include "mem.h"
#include "money.h"
#include "nip.h"
#include "period.h"
#include "strmap.h"
#include "tpp.h"
#include "tpp_rules.h"
#include "tsv.h"

static const char usage_text[] =
	"usage: tpp-calc -r RULES.yaml -m YYYY-MM -p pegawai.tsv -a absen.tsv "
	"[-k kinerja.tsv] [--explain NIP] [--ringkas] [-o tpp.tsv]\n";

static const char help_text[] =
	"Compute the monthly TPP of every employee under a rule set.\n"
	"\n"
	"  -r, --rules FILE     the rule set (YAML, kinerja-formats(5))\n"
	"  -m, --month YYYY-MM  the month\n"
	"  -p, --pegawai FILE   the roster (pegawai.tsv)\n"
	"  -a, --absen FILE     the attendance summary (absen.tsv)\n"
	"  -k, --kinerja FILE   the performance result (kinerja.tsv); without\n"
	"                       it every employee has no kinerja row\n"
	"  -e, --explain NIP    the whole computation of one employee, as a\n"
	"                       worksheet, instead of the table\n"
	"  -s, --ringkas        totals per OPD instead of one row per employee\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  -h, --help           this help;  -V, --version  the version\n"
	"\n"
	"Exit status: 0 written, 2 bad usage or input (nothing written),\n"
	"3 internal or system error.  See tpp-calc(1).\n";

/* No row (of absen.tsv, kinerja.tsv), no employee. */
#define NONE ((size_t)-1)

/*
 * An employee of the roster, kept small: at 4.7 million employees every
 * byte here is 4.7 MB that the kernel zeroes and the formatting reads.
 * The NIP is kept as its number (nip_key), opd, jabatan and kelas as one
 * shared copy of each value (intern), and kj_tpp_pegawai is packed
 * (emp_pack, pegawai_of), its rarely given inputs in exts.
 */
struct emp {
	uint64_t key;                  /* the NIP: its 18 digits, nip_key */
	const char *nama, *opd, *jabatan, *kelas_text;
	uint32_t nama_len, opd_len, jab_len, kelas_len;  /* < KJ_MAX_LINE */
	long line;
	kj_money gaji;
	int32_t hukdis_bulan, cuti_bulan;
	uint32_t ext;                  /* its row of exts, or NO_EXT */
	uint16_t ket;
	uint8_t kelas, status, plt_kelas, cuti_panjang, lhkpn, aset;
	uint8_t hari_aktif, hari_bulan;   /* days of a month */
	int8_t plt_hari, golongan, ptkp;
	bool plain;                    /* no byte in those texts needs an escape */
	bool ptkp_missing;
	bool plt_hari_missing;
};

/* The inputs of kj_tpp_pegawai that few employees have. */
struct emp_ext {
	const char *kode_status;
	bool has_sakip;
	kj_pct sakip;
	kj_money potongan_rp[KJ_RP_N];
};
#define NO_EXT UINT32_MAX
static struct emp_ext *exts;
static size_t nexts, capexts;
_Static_assert(KJ_KET_N <= 16, "keterangan bits fit in emp.ket");

/* The employees' texts, copied into large blocks instead of one malloc
 * each; freed together at the end. */
struct block {
	struct block *next;
	size_t used, cap;
	char text[];
};
static struct block *blocks;

static char *adup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;

	if (!blocks || blocks->cap - blocks->used < n) {
		size_t cap = n > 65536 ? n : (size_t)1 << 20;
		struct block *b = kj_xmalloc(sizeof *b + cap);

		b->next = blocks;
		b->used = 0;
		b->cap = cap;
		blocks = b;
	}
	p = blocks->text + blocks->used;
	blocks->used += n;
	memcpy(p, s, n);
	return p;
}

static bool may_need_escape(const char *s, size_t len);

static bool r_prod_capaian;     /* the rule set reads capaian_pct */
static struct emp *emps;
static size_t nemps, capemps;
static bool have_gaji;

/* One copy of each opd, jabatan, kelas and kode_status value: a roster
 * repeats a few thousand of them over millions of rows. */
static kj_strmap *interned;            /* value -> index of intern_text */
static const char **intern_text;
static size_t nintern, capintern;

static const char *intern(const char *s, size_t len)
{
	size_t i;

	if (!interned)
		interned = kj_strmap_new();
	i = kj_strmap_get(interned, s, len);
	if (i == KJ_STRMAP_NONE) {
		kj_grow(&intern_text, &capintern, nintern + 1,
		        sizeof *intern_text);
		intern_text[nintern] = adup(s);
		i = kj_strmap_put(interned, s, len, nintern++, NULL);
	}
	return intern_text[i];
}

/* p, read from the employee's row, into e (see struct emp). */
static void emp_pack(struct emp *e, const kj_tpp_pegawai *p)
{
	e->gaji = p->gaji;
	e->hukdis_bulan = p->hukdis_bulan;
	e->cuti_bulan = p->cuti_bulan;
	e->ket = (uint16_t)p->ket;
	e->kelas = (uint8_t)p->kelas;
	e->status = (uint8_t)p->status;
	e->plt_kelas = (uint8_t)p->plt_kelas;
	e->cuti_panjang = (uint8_t)p->cuti_panjang;
	e->lhkpn = (uint8_t)p->lhkpn;
	e->aset = (uint8_t)p->aset;
	e->hari_aktif = (uint8_t)p->hari_aktif;
	e->hari_bulan = (uint8_t)p->hari_bulan;
	e->plt_hari = (int8_t)p->plt_hari;
	e->golongan = (int8_t)p->golongan;
	e->ptkp = (int8_t)p->ptkp;
	e->ext = NO_EXT;
	if ((p->kode_status && *p->kode_status) || p->has_sakip ||
	    p->potongan_rp[0] || p->potongan_rp[1] || p->potongan_rp[2]) {
		struct emp_ext *x;

		_Static_assert(KJ_RP_N == 3, "potongan_rp: three amounts");
		if (nexts >= NO_EXT)
			kj_die(KJ_EXIT_INTERNAL, "too many employees");
		kj_grow(&exts, &capexts, nexts + 1, sizeof *exts);
		x = &exts[nexts];
		x->kode_status = p->kode_status;
		x->has_sakip = p->has_sakip;
		x->sakip = p->sakip;
		memcpy(x->potongan_rp, p->potongan_rp, sizeof x->potongan_rp);
		e->ext = (uint32_t)nexts++;
	}
}

/* The kj_tpp_pegawai of e, for kj_tpp_calc. */
static void pegawai_of(const struct emp *e, kj_tpp_pegawai *p)
{
	memset(p, 0, sizeof *p);
	p->jabatan = e->jabatan;
	p->opd = e->opd;
	p->kelas = e->kelas;
	p->status = (enum kj_status)e->status;
	p->ket = e->ket;
	p->hukdis_bulan = e->hukdis_bulan;
	p->plt_kelas = e->plt_kelas;
	p->plt_hari = e->plt_hari;
	p->gaji = e->gaji;
	p->golongan = e->golongan;
	p->ptkp = e->ptkp;
	p->hari_aktif = e->hari_aktif;
	p->hari_bulan = e->hari_bulan;
	p->cuti_panjang = e->cuti_panjang;
	p->cuti_bulan = e->cuti_bulan;
	p->lhkpn = e->lhkpn;
	p->aset = e->aset;
	if (e->ext != NO_EXT) {
		const struct emp_ext *x = &exts[e->ext];

		p->kode_status = x->kode_status;
		p->has_sakip = x->has_sakip;
		p->sakip = x->sakip;
		memcpy(p->potongan_rp, x->potongan_rp, sizeof p->potongan_rp);
	}
}

/* The 18 digits of a NIP key, then a tab; returns the end. */
static char *nip_at(char *p, uint64_t key)
{
	for (int i = KJ_NIP_LEN - 1; i >= 0; i--) {
		p[i] = (char)('0' + key % 10);
		key /= 10;
	}
	p[KJ_NIP_LEN] = '\t';
	return p + KJ_NIP_LEN + 1;
}

/* The NIP of a key as text (buf: KJ_NIP_LEN + 1 bytes). */
static const char *nip_text(uint64_t key, char *buf)
{
	nip_at(buf, key);
	buf[KJ_NIP_LEN] = '\0';
	return buf;
}

/*
 * A stop on bad input.  On the main thread it is kj_die_err; on the
 * thread that reads absen.tsv and kinerja.tsv beside the roster it keeps
 * the error and leaves the reader (longjmp to guarded()), and the main
 * thread reports it in the place the sequential reading would have: after
 * every message about the roster and the rows before it.
 */
static _Thread_local jmp_buf *fail_jmp;
static _Thread_local kj_err *fail_slot;

/* The reading thread, while it runs; side_stop asks it to stop early. */
static pthread_t side;
static bool side_running;
static atomic_bool side_stop;

static void roster_pending_check(void);

static _Noreturn void fail(const kj_err *e)
{
	roster_pending_check();
	if (fail_jmp) {
		*fail_slot = *e;
		longjmp(*fail_jmp, 1);
	}
	if (side_running) {
		atomic_store(&side_stop, true);
		pthread_join(side, NULL);
		side_running = false;
	}
	kj_die_err(e);
}

/* fn(arg); 0, or -1 with *err when it stopped on bad input. */
static int guarded(void (*fn)(void *), void *arg, kj_err *err)
{
	jmp_buf jb;

	if (setjmp(jb)) {
		fail_jmp = NULL;
		return -1;
	}
	fail_jmp = &jb;
	fail_slot = err;
	fn(arg);
	fail_jmp = NULL;
	return 0;
}

/* kj_cli_need_col through fail(). */
static int need_col(const kj_tsv *t, const char *name)
{
	kj_err err;
	int c = kj_tsv_need(t, name, &err);

	if (c < 0)
		fail(&err);
	return c;
}

/*
 * The roster's NIPs (always 18 digits) as 64-bit numbers in an open
 * addressing table: the join of 4.7 million rows of absen.tsv and of
 * kinerja.tsv costs one multiplication and, mostly, one cache line per
 * row.  A key that is not 18 digits is NOKEY and is in no roster.
 */
#define NOKEY UINT64_MAX

struct nipslot {
	uint64_t key;                  /* 0: empty (no NIP is 0) */
	size_t val;
};

static struct {
	struct nipslot *s;
	size_t mask, n;
	unsigned shift;
} nipmap;

/* True when the eight bytes of w (little-endian) are all '0'..'9'. */
static bool digits8(uint64_t w)
{
	return !(((w + 0x4646464646464646ULL) | (w - 0x3030303030303030ULL)) &
	         0x8080808080808080ULL);
}

/* The number written by eight digits (first digit in the low byte). */
static uint64_t value8(uint64_t w)
{
	w -= 0x3030303030303030ULL;
	w = w * 10 + (w >> 8);
	w = ((w & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32)) +
	     ((w >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32))) >> 32;
	return w;
}

static uint64_t nip_key(const char *s, size_t len)
{
	uint64_t a, b;
	unsigned d0, d1;

	if (len != KJ_NIP_LEN)
		return NOKEY;
	memcpy(&a, s, 8);
	memcpy(&b, s + 8, 8);
	d0 = (unsigned char)s[16] - (unsigned)'0';
	d1 = (unsigned char)s[17] - (unsigned)'0';
	if (!digits8(a) || !digits8(b) || d0 > 9 || d1 > 9)
		return NOKEY;
	return (value8(a) * 100000000ULL + value8(b)) * 100 + d0 * 10 + d1;
}

static size_t nip_slot(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> nipmap.shift);
}

/* The size of a regular file, or 0. */
static size_t file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size
	                                                   : 0;
}

/*
 * Room for about n items of an array that will be filled from a file of
 * known size, made once.  Growing a large array by doubling moves it
 * (mremap) to addresses that split its transparent huge pages, and the
 * joins then write into it at random many times slower; room reserved
 * but never used costs address space only.
 */
static void presize(void *items, size_t *cap, size_t n, size_t size)
{
	if (n > 1024)
		kj_grow(items, cap, n, size);
}

static void nipmap_init(size_t want)
{
	unsigned bits = 10;

	/* at most three quarters full */
	while (((size_t)1 << bits) / 4 * 3 < want && bits < 62)
		bits++;
	free(nipmap.s);
	nipmap.s = kj_xcalloc((size_t)1 << bits, sizeof *nipmap.s);
	nipmap.mask = ((size_t)1 << bits) - 1;
	nipmap.shift = 64 - bits;
	nipmap.n = 0;
}

/*
 * Each employee's row of arows and krows (NO_ROW: none), by roster
 * index.  Kept apart from struct emp: the joins write them in the order
 * of absen.tsv and kinerja.tsv, that is at random, and 19 MB take those
 * writes many times faster than a gigabyte of struct emp does.
 */
#define NO_ROW UINT32_MAX
static uint32_t *row_a, *row_k;

/* The value of key, or NONE. */
static size_t nipmap_get(uint64_t key)
{
	if (key == NOKEY || !nipmap.s)
		return NONE;
	for (size_t i = nip_slot(key);; i = (i + 1) & nipmap.mask) {
		if (nipmap.s[i].key == key)
			return nipmap.s[i].val;
		if (nipmap.s[i].key == 0)
			return NONE;
	}
}

/* Insert key (not there yet: the caller looked it up). */
static void nipmap_add(uint64_t key, size_t val)
{
	size_t i;

	if (nipmap.n + 1 > (nipmap.mask + 1) / 4 * 3) {
		struct nipslot *old = nipmap.s;
		size_t oldsize = nipmap.mask + 1;

		nipmap.s = NULL;
		nipmap_init(2 * oldsize / 4 * 3);
		for (size_t j = 0; j < oldsize; j++)
			if (old[j].key)
				nipmap_add(old[j].key, old[j].val);
		free(old);
	}
	for (i = nip_slot(key); nipmap.s[i].key; i = (i + 1) & nipmap.mask)
		;
	nipmap.s[i].key = key;
	nipmap.s[i].val = val;
	nipmap.n++;
}

static _Noreturn void die_field(const kj_tsv *t, size_t col,
                                const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "column: message" at the field, exit 2. */
static _Noreturn void die_field(const kj_tsv *t, size_t col,
                                const char *fmt, ...)
{
	kj_err e;
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kj_tsv_field_err(t, col, &e, "%s: %s", kj_tsv_colname(t, col), msg);
	fail(&e);
}


static const char *fld(const kj_tsv *t, int c)
{
	return c < 0 ? "" : kj_tsv_field(t, (size_t)c);
}

/* A whole number in [min, max], or def when the field is empty. */
static long int_field(const kj_tsv *t, int c, long min, long max, long def)
{
	const char *s = fld(t, c);
	char *end;
	long v;

	if (c < 0 || !*s)
		return def;
	/* Fastest path: one or two digits (every count of absen.tsv). */
	if ((unsigned)(s[0] - '0') <= 9) {
		v = s[0] - '0';
		if (s[1] == '\0' && v >= min && v <= max)
			return v;
		if ((unsigned)(s[1] - '0') <= 9 && s[2] == '\0') {
			v = v * 10 + (s[1] - '0');
			if (v >= min && v <= max)
				return v;
		}
	}
	/* Fast path: one to nine digits in range (what strtol would give). */
	v = 0;
	for (size_t i = 0; i < 10; i++) {
		if (s[i] == '\0') {
			if (v >= min && v <= max)
				return v;
			break;
		}
		if (i == 9 || s[i] < '0' || s[i] > '9')
			break;
		v = v * 10 + (s[i] - '0');
	}
	v = strtol(s, &end, 10);
	if (*end || end == s || v < min || v > max || s[0] == '+' ||
	    s[0] == ' ') {
		die_field(t, (size_t)c, "expected a whole number from %ld to "
		          "%ld, found '%s'", min, max, s);
	}
	return v;
}

/* Month "2026-08" or a date "2026-08-15" as y*12+m-1; -1 when empty. */
static long month_field(const kj_tsv *t, int c)
{
	const char *s = fld(t, c);
	kj_period p;
	kj_date d;
	int y, m, dd;

	if (c < 0 || !*s)
		return -1;
	if (kj_period_parse(s, strlen(s), &p, NULL) == 0 &&
	    p.kind == KJ_PERIOD_MONTH)
		return (long)p.year * 12 + p.n - 1;
	if (kj_date_parse(s, strlen(s), &d, NULL) == 0) {
		kj_date_ymd(d, &y, &m, &dd);
		return (long)y * 12 + m - 1;
	}
	die_field(t, (size_t)c, "expected a month such as 2026-08 or a "
	          "date, found '%s'", s);
}

/* The index of an enum field in words (kj_enum_word, then kj_tpp_word),
 * -1 when unknown. */
static int enum_slow(const char *const *words, int n, const char *s)
{
	const char *w = kj_enum_word(s, strlen(s));

	return w ? kj_tpp_word(words, n, w, strlen(w)) : -1;
}

/* enum_slow, with the answer for a field that is exactly one of the
 * words worked out once (cache[i], -2 until then). */
static int enum_index(const char *const *words, int n, int *cache,
                      const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(s, words[i]) == 0) {
			if (cache[i] == -2)
				cache[i] = enum_slow(words, n, words[i]);
			return cache[i];
		}
	return enum_slow(words, n, s);
}

static int status_cache[KJ_ST_N] = { -2, -2, -2 };
static int predikat_cache[KJ_PRED_N] = { -2, -2, -2, -2, -2 };

/* A date field, KJ_TPP_NO_DATE when empty. */
static int32_t date_field(const kj_tsv *t, int c)
{
	const char *s = fld(t, c);
	kj_date d;
	kj_err err;

	if (c < 0 || !*s)
		return KJ_TPP_NO_DATE;
	if (kj_date_parse(s, strlen(s), &d, &err) < 0)
		die_field(t, (size_t)c, "expected a date such as 2026-11-16, "
		          "found '%s'", s);
	return d;
}

/* A rule of the rule set that needs an optional column the file lacks:
 * not applied, with a warning. */
static void warn_no_col(const kj_tsv *t, bool needed, int col,
                        const char *name, const char *rule)
{
	if (needed && col < 0)
		kj_diag_warning(kj_tsv_name(t), 1, 0, "no %s column: the rule "
		                "set's %s is not applied", name, rule);
}

/* ya -> 1, tidak -> 2, empty -> 0 (lhkpn, aset). */
static int yatidak_field(const kj_tsv *t, int c)
{
	const char *s = fld(t, c);

	if (!*s)
		return 0;
	if (strcmp(s, "ya") == 0)
		return 1;
	if (strcmp(s, "tidak") == 0)
		return 2;
	die_field(t, (size_t)c, "expected ya, tidak or empty, found '%s'", s);
}

/* The optional columns of the rule-set extensions (kinerja-formats(5)):
 * kode_status, cuti_panjang, cuti_mulai, cuti_sampai, lhkpn, aset,
 * sakip_pct, cuti_rp, hukdis_rp, tgr_rp. */
struct ext_cols {
	int kode, cp, cm, cs, lhkpn, aset, sakip, rp[KJ_RP_N];
};

static void ext_cols_open(const kj_tsv *t, const kj_tpp_rules *r,
                          struct ext_cols *x)
{
	bool cp = false;

	for (int i = 0; i < KJ_CUTI_N; i++)
		cp |= r->ncuti_panjang[i] > 0;
	x->kode = kj_tsv_col(t, "kode_status");
	x->cp = kj_tsv_col(t, "cuti_panjang");
	x->cm = kj_tsv_col(t, "cuti_mulai");
	x->cs = kj_tsv_col(t, "cuti_sampai");
	x->lhkpn = kj_tsv_col(t, "lhkpn");
	x->aset = kj_tsv_col(t, "aset");
	x->sakip = kj_tsv_col(t, "sakip_pct");
	warn_no_col(t, r->nkode > 0, x->kode, "kode_status",
	            "faktor.kode_status");
	warn_no_col(t, cp, x->cp, "cuti_panjang", "faktor.cuti_panjang");
	warn_no_col(t, r->syarat_lhkpn, x->lhkpn, "lhkpn", "syarat.lhkpn");
	warn_no_col(t, r->syarat_aset, x->aset, "aset", "syarat.aset");
	warn_no_col(t, r->sakip_porsi > 0, x->sakip, "sakip_pct",
	            "produktivitas.sakip");
	for (int i = 0; i < KJ_RP_N; i++) {
		x->rp[i] = kj_tsv_col(t, kj_tpp_rp_words[i]);
		warn_no_col(t, r->potongan_rp[i], x->rp[i], kj_tpp_rp_words[i],
		            "potongan_rp");
	}
}

static void ext_cols_read(const kj_tsv *t, const struct ext_cols *x,
                          long cur, kj_tpp_pegawai *p)
{
	const char *s = fld(t, x->cp);
	kj_err err;

	if (*fld(t, x->kode))
		p->kode_status = intern(fld(t, x->kode),
		                        kj_tsv_len(t, (size_t)x->kode));
	if (*s) {
		const char *w = kj_enum_word(s, strlen(s));
		int c = w ? kj_tpp_word(kj_cuti_words, KJ_CUTI_N, w,
		                        strlen(w)) : -1;
		long from = month_field(t, x->cm), to = month_field(t, x->cs);

		if (c < 0)
			die_field(t, (size_t)x->cp, "expected a leave word "
			          "such as cuti_sakit or cuti_besar, found '%s'",
			          s);
		if (from < 0)
			die_field(t, (size_t)x->cp, "'%s' without cuti_mulai "
			          "(the month of the leave decides its %%)", s);
		if (cur >= from && (to < 0 || cur <= to)) {
			p->cuti_panjang = c + 1;
			p->cuti_bulan = (int)(cur - from + 1);
		}
	}
	p->lhkpn = yatidak_field(t, x->lhkpn);
	p->aset = yatidak_field(t, x->aset);
	s = fld(t, x->sakip);
	if (*s) {
		if (kj_decimal_parse(s, strlen(s), KJ_PCT_DIGITS, &p->sakip,
		                     &err) < 0)
			die_field(t, (size_t)x->sakip, "%s", err.msg);
		if (p->sakip < 0 || p->sakip > KJ_PCT_100)
			die_field(t, (size_t)x->sakip, "expected a score from "
			          "0 to 100, found '%s'", s);
		p->has_sakip = true;
	}
	for (int i = 0; i < KJ_RP_N; i++) {
		s = fld(t, x->rp[i]);
		if (!*s)
			continue;
		if (kj_money_parse(s, strlen(s), &p->potongan_rp[i],
		                   &err) < 0)
			die_field(t, (size_t)x->rp[i], "%s", err.msg);
		if (p->potongan_rp[i] < 0)
			die_field(t, (size_t)x->rp[i], "negative amount '%s'",
			          s);
	}
}

/*
 * The roster row being read checks its NIP against the earlier rows at
 * the end of the row, so that the table slot, fetched when the NIP was
 * read, is in the cache by then.  An error found in the row before that
 * check first asks it (fail calls roster_pending_check): a NIP twice is
 * still the row's first error, as when it was checked at once.
 */
static _Thread_local struct {
	const kj_tsv *t;               /* NULL: no row pending */
	int col;
	uint64_t key;
} pending;

static void roster_add(const kj_tsv *t, int col, uint64_t key, size_t e)
{
	size_t first = nipmap_get(key);
	kj_err err;

	pending.t = NULL;
	if (first != NONE) {
		kj_tsv_field_err(t, (size_t)col, &err, "NIP %s twice in the "
		                 "roster (first on line %ld)", fld(t, col),
		                 emps[first].line);
		fail(&err);
	}
	nipmap_add(key, e);
}

static void roster_pending_check(void)
{
	if (pending.t)
		roster_add(pending.t, pending.col, pending.key, NONE);
}

/*
 * Page warming.  The first touch of fresh memory is a large part of
 * reading the roster: the kernel zeroes every page, and a virtual
 * machine's host may only back it then (some 2.5 s a gigabyte on the
 * machine of BENCHMARKS.md).  The two large arrays of the roster, the
 * employees and their texts, are made at about their final size before
 * the reading (roster_presize), and the second thread, once done with
 * absen.tsv and kinerja.tsv, touches their pages a little ahead of the
 * main thread (warm_ahead), which finds them ready.
 */
static struct warm_area {
	char *base;
	size_t len;
	atomic_size_t at;              /* bytes the main thread has used */
} warm[2];                          /* emps, the first text block */
static atomic_bool roster_done;

static void warm_publish(void)
{
	atomic_store_explicit(&warm[0].at, nemps * sizeof *emps,
	                      memory_order_relaxed);
	if (blocks && blocks->text == warm[1].base)
		atomic_store_explicit(&warm[1].at, blocks->used,
		                      memory_order_relaxed);
}

static void warm_ahead(void)
{
	enum { STEP = 8 << 20, AHEAD = 96 << 20 };
	size_t done[2] = { 0, 0 };

	while (!atomic_load_explicit(&roster_done, memory_order_relaxed) &&
	       !atomic_load_explicit(&side_stop, memory_order_relaxed)) {
		bool busy = false;

		for (int k = 0; k < 2; k++) {
			struct warm_area *w = &warm[k];
			size_t at = atomic_load_explicit(&w->at,
			                                 memory_order_relaxed);

			if (done[k] < at)
				done[k] = at;
			if (done[k] < w->len && done[k] < at + AHEAD) {
				size_t n = w->len - done[k] < STEP
				                   ? w->len - done[k] : STEP;

				kj_prefault(w->base + done[k], n);
				done[k] += n;
				busy = true;
			}
		}
		if (!busy) {
			struct timespec ts = { 0, 200000 };

			nanosleep(&ts, NULL);
		}
	}
}

/* Room for the roster of a regular file of this many bytes, made once
 * (see presize and warm_ahead). */
static void roster_presize(size_t bytes)
{
	/* A roster line is some 160 bytes: no rehash at every doubling. */
	nipmap_init(bytes / 160);
	presize(&emps, &capemps, bytes / 100, sizeof *emps);
	/* The texts an employee keeps of its own are the nama (a fifth
	 * of a line, mostly) and the first of each interned value; past
	 * this block, adup takes more blocks as it needs them. */
	if (bytes > ((size_t)4 << 20)) {
		size_t cap = bytes / 4;
		struct block *b = kj_xmalloc(sizeof *b + cap);

		b->next = NULL;
		b->used = 0;
		b->cap = cap;
		blocks = b;
		warm[1].base = b->text;
		warm[1].len = cap;
	}
	warm[0].base = (char *)emps;
	warm[0].len = capemps * sizeof *emps;
}

static void read_pegawai(const char *path, const kj_period *month,
                         const kj_tpp_rules *r)
{
	struct ext_cols xc;
	kj_err err;
	kj_tsv *t = kj_tsv_open(path, &err);
	int c_nip, c_nama, c_status, c_gol, c_opd, c_jab, c_kelas, c_plt,
	    c_ket, c_gaji, c_hm, c_hs, c_ph, c_ptkp, c_tmt, c_keluar;
	int rc;

	if (!t)
		fail(&err);
	if (!nipmap.s)
		roster_presize(file_size(path));
	c_nip = need_col(t, "nip");
	c_nama = need_col(t, "nama");
	c_status = need_col(t, "status");
	c_opd = need_col(t, "opd");
	c_jab = need_col(t, "jabatan");
	c_kelas = need_col(t, "kelas");
	c_gol = kj_tsv_col(t, "golongan");
	c_plt = kj_tsv_col(t, "plt_kelas");
	c_ket = kj_tsv_col(t, "keterangan");
	c_gaji = kj_tsv_col(t, "gaji");
	have_gaji = c_gaji >= 0;
	c_ptkp = kj_tsv_col(t, "ptkp");
	c_hm = kj_tsv_col(t, "hukdis_mulai");
	c_hs = kj_tsv_col(t, "hukdis_sampai");
	c_ph = kj_tsv_col(t, "plt_hari");
	ext_cols_open(t, r, &xc);
	c_tmt = r->prorata ? kj_tsv_col(t, "tmt") : -1;
	c_keluar = r->prorata ? kj_tsv_col(t, "tmt_keluar") : -1;
	while ((rc = kj_tsv_next(t, &err)) == 1) {
		struct emp *e;
		kj_tpp_pegawai p;
		const char *s = fld(t, c_nip), *w;
		kj_nip nip;
		uint64_t key;
		long hukdis_from, hukdis_to;
		int st;
		long cur = (long)month->year * 12 + month->n - 1;

		if (kj_nip_parse(s, strlen(s), &nip, &err) < 0) {
			kj_err full;

			kj_tsv_field_err(t, (size_t)c_nip, &full, "nip: %s",
			                 err.msg);
			if (err.col > 1)
				full.col += err.col - 1;
			fail(&full);
		}
		key = nip_key(s, KJ_NIP_LEN);
		__builtin_prefetch(&nipmap.s[nip_slot(key)]);
		pending.t = t;
		pending.col = c_nip;
		pending.key = key;
		if ((nemps & 4095) == 0)
			warm_publish();
		kj_grow(&emps, &capemps, nemps + 1, sizeof *emps);
		e = &emps[nemps++];
		memset(e, 0, sizeof *e);
		memset(&p, 0, sizeof p);
		e->key = key;
		e->line = kj_tsv_line(t);
		e->nama = adup(fld(t, c_nama));
		e->nama_len = (uint32_t)kj_tsv_len(t, (size_t)c_nama);
		e->opd_len = (uint32_t)kj_tsv_len(t, (size_t)c_opd);
		e->opd = intern(fld(t, c_opd), e->opd_len);
		e->jab_len = (uint32_t)kj_tsv_len(t, (size_t)c_jab);
		e->jabatan = intern(fld(t, c_jab), e->jab_len);
		st = enum_index(kj_status_words, KJ_ST_N, status_cache,
		                fld(t, c_status));
		if (st < 0)
			die_field(t, (size_t)c_status, "expected pns, cpns "
			          "or pppk, found '%s'", fld(t, c_status));
		p.status = (enum kj_status)st;
		if ((st == KJ_ST_PPPK) != (nip.kind == KJ_NIP_PPPK))
			die_field(t, (size_t)c_status, "'%s' does not match "
			          "the NIP, which is %s", fld(t, c_status),
			          nip.kind == KJ_NIP_PPPK ? "an NI PPPK"
			                                  : "a PNS NIP");
		p.kelas = (int)int_field(t, c_kelas, 1, 17, 0);
		if (p.kelas == 0)
			die_field(t, (size_t)c_kelas, "empty (every "
			          "employee needs a kelas jabatan 1 to 17)");
		e->kelas_len = (uint32_t)kj_tsv_len(t, (size_t)c_kelas);
		e->kelas_text = intern(fld(t, c_kelas), e->kelas_len);
		e->plain = !may_need_escape(e->nama, e->nama_len) &&
		           !may_need_escape(e->opd, e->opd_len) &&
		           !may_need_escape(e->jabatan, e->jab_len) &&
		           !may_need_escape(e->kelas_text, e->kelas_len);
		p.plt_kelas = (int)int_field(t, c_plt, 1, 17, 0);
		p.plt_hari = (int)int_field(t, c_ph, 0, 31, -1);
		e->plt_hari_missing = p.plt_kelas > 0 && p.plt_hari < 0;
		p.golongan = kj_tpp_golongan(p.status, fld(t, c_gol),
		                                strlen(fld(t, c_gol)));
		if (c_gaji >= 0 && *fld(t, c_gaji)) {
			size_t n = kj_tsv_len(t, (size_t)c_gaji);
			uint64_t gw;

			s = fld(t, c_gaji);
			/* Fast path: eight digits or fewer, as kj_money_parse
			 * reads them. */
			if (n <= 8) {
				memset(&gw, '0', 8);
				memcpy((char *)&gw + (8 - n), s, n);
				if (digits8(gw)) {
					p.gaji = (kj_money)value8(gw);
					goto gaji_done;
				}
			}
			if (kj_money_parse(s, strlen(s), &p.gaji, &err) < 0)
				die_field(t, (size_t)c_gaji, "%s", err.msg);
			if (p.gaji < 0)
				die_field(t, (size_t)c_gaji, "negative "
				          "salary '%s'", s);
		}
gaji_done:
		s = fld(t, c_ptkp);
		p.ptkp = -1;
		e->ptkp_missing = !*s;
		if (*s && (p.ptkp = kj_tpp_ptkp_category(s, strlen(s))) < 0)
			die_field(t, (size_t)c_ptkp, "expected TK/0 to TK/3 or "
			          "K/0 to K/3, found '%s'", s);
		if (r->prorata) {
			int32_t tmt = date_field(t, c_tmt),
			        keluar = date_field(t, c_keluar);

			if (tmt != KJ_TPP_NO_DATE && keluar != KJ_TPP_NO_DATE &&
			    keluar <= tmt)
				die_field(t, (size_t)c_keluar, "'%s' is not "
				          "after tmt '%s'", fld(t, c_keluar),
				          fld(t, c_tmt));
			kj_tpp_prorata(r, month->year, month->n, tmt, keluar,
			               &p.hari_aktif, &p.hari_bulan);
		}
		ext_cols_read(t, &xc, cur, &p);
		/* month numbers y*12+m-1; -1 open */
		hukdis_from = month_field(t, c_hm);
		hukdis_to = month_field(t, c_hs);
		/* keterangan: words joined by ','. */
		s = fld(t, c_ket);
		while (*s) {
			size_t n = strcspn(s, ",");
			int k;

			w = kj_enum_word(s, n);
			k = w ? kj_tpp_word(kj_ket_words, KJ_KET_N, w,
			                    strlen(w)) : -1;
			if (k < 0) {
				kj_tsv_field_err(t, (size_t)c_ket, &err,
				                 "keterangan: unknown word "
				                 "'%.*s'", (int)n, s);
				err.col += s - fld(t, c_ket);
				fail(&err);
			}
			/* A hukdis counts only in the months it runs. */
			if (k >= KJ_KET_HUKDIS_RINGAN &&
			    ((hukdis_from >= 0 && cur < hukdis_from) ||
			     (hukdis_to >= 0 && cur > hukdis_to)))
				k = -1;
			if (k >= 0)
				p.ket |= 1u << k;
			if (k >= KJ_KET_HUKDIS_RINGAN && hukdis_from >= 0)
				p.hukdis_bulan = (int)(cur - hukdis_from + 1);
			s += n;
			if (*s == ',')
				s++;
		}
		emp_pack(e, &p);
		roster_add(t, c_nip, key, nemps - 1);
	}
	if (rc < 0)
		fail(&err);
	if (nemps == 0) {
		kj_err_set(&err, kj_tsv_name(t), kj_tsv_line(t) + 1, 0,
		           "no employee in the roster (a header only)");
		fail(&err);
	}
	kj_tsv_close(t);
}

/* True when the row's periode is the month; other months are skipped. */
static bool same_month(const kj_tsv *t, int c, const char *month)
{
	const char *s = fld(t, c);
	kj_period p;
	char buf[KJ_PERIOD_BUFSZ];

	/* The month as tpp-calc writes it parses back to itself. */
	if (strcmp(s, month) == 0)
		return true;
	if (kj_period_parse(s, strlen(s), &p, NULL) < 0)
		die_field(t, (size_t)c, "expected a month such as 2026-11, "
		          "found '%s'", s);
	kj_period_format(&p, buf, sizeof buf);
	return strcmp(buf, month) == 0;
}

/*
 * absen.tsv and kinerja.tsv are read into rows of their own (on a second
 * thread while the main one reads the roster), each row with its NIP as
 * a key and its place for messages.  The join with the roster comes
 * after, in file order, so that the warnings and errors, and their
 * order, are the ones reading the files one after the other gives.
 */
struct jrow {
	uint64_t key;                  /* nip_key of the nip field */
	long line, col;                /* where the nip field is */
	size_t text;                   /* NOKEY: the nip at side.text + text */
};

/* A row of absen.tsv; every count is at most hari_kerja <= 31. */
struct arow {
	struct jrow j;
	uint8_t hk, tk, tl[KJ_TPP_BANDS], psw[KJ_TPP_BANDS], cuti[KJ_CUTI_N];
	uint8_t tidak_apel, masuk;      /* masuk: hadir + lupa_absen + dinas_luar */
};

struct krow {
	struct jrow j;
	kj_pct capaian;
	bool skp, lapor, has_capaian;
	signed char predikat;
};

static struct side {
	const char *month;
	kj_tsv *t;                     /* NULL: the open failed (err) */
	bool failed;                   /* stopped on bad input (err) */
	kj_err err;
	size_t n, cap;                 /* rows */
	char *text;                    /* NIPs that are not 18 digits */
	size_t tlen, tcap;
	/* the join: rows not in the roster, the first of them, the first
	 * second row of an employee (NONE: none) */
	size_t unknown, first_unknown, twice;
	/* absen.tsv lacks tidak_apel, hadir (for the rule set's warnings) */
	bool no_apel, no_hadir;
	size_t rows_hint;              /* rows the file may hold; 0 unknown */
	bool joined;                   /* side_join done */
} sa, sk;                          /* absen.tsv, kinerja.tsv */

static struct arow *arows;
static struct krow *krows;

static void set_jrow(struct side *sd, struct jrow *j, const kj_tsv *t,
                     int c_nip)
{
	const char *s = fld(t, c_nip);
	size_t len = kj_tsv_len(t, (size_t)c_nip);

	j->key = nip_key(s, len);
	j->line = kj_tsv_line(t);
	j->col = kj_tsv_fieldcol(t, (size_t)c_nip);
	j->text = NONE;
	if (j->key == NOKEY) {
		kj_grow(&sd->text, &sd->tcap, sd->tlen + len + 1, 1);
		memcpy(sd->text + sd->tlen, s, len + 1);
		j->text = sd->tlen;
		sd->tlen += len + 1;
	}
}

/* The NIP of a row as written (buf: 19 bytes). */
static const char *jrow_nip(const struct side *sd, const struct jrow *j,
                            char *buf)
{
	if (j->key == NOKEY)
		return sd->text + j->text;
	return nip_text(j->key, buf);
}

/* Rows are numbered in 32 bits (row_a, row_k). */
static void row_limit(const struct side *sd, const kj_tsv *t)
{
	kj_err err;

	if (sd->n < NO_ROW)
		return;
	kj_err_set(&err, kj_tsv_name(t), kj_tsv_line(t), 0, "more than %lu "
	           "rows for one month", (unsigned long)NO_ROW - 1);
	fail(&err);
}

static void read_absen(void *arg)
{
	int c_apel, c_hadir, c_lupa, c_dl;
	static const char *const tl[] = { "tl1", "tl2", "tl3", "tl4" };
	static const char *const psw[] = { "psw1", "psw2", "psw3", "psw4" };
	struct side *sd = arg;
	kj_tsv *t = sd->t;
	const char *month = sd->month;
	kj_err err;
	int c_nip, c_per, c_hk, c_tk, c_tl[4], c_psw[4], c_cuti[KJ_CUTI_N];
	int rc;

	c_nip = need_col(t, "nip");
	c_per = need_col(t, "periode");
	c_hk = need_col(t, "hari_kerja");
	c_tk = need_col(t, "tk");
	for (int i = 0; i < 4; i++) {
		c_tl[i] = need_col(t, tl[i]);
		c_psw[i] = need_col(t, psw[i]);
	}
	for (int i = 0; i < KJ_CUTI_N; i++)
		c_cuti[i] = kj_tsv_col(t, kj_cuti_words[i]);
	c_apel = kj_tsv_col(t, "tidak_apel");
	c_hadir = kj_tsv_col(t, "hadir");
	c_lupa = kj_tsv_col(t, "lupa_absen");
	c_dl = kj_tsv_col(t, "dinas_luar");
	/* warned about by the main thread, in the old place (absen_cols) */
	sd->no_apel = c_apel < 0;
	sd->no_hadir = c_hadir < 0;
	presize(&arows, &sd->cap, sd->rows_hint, sizeof *arows);
	while ((rc = kj_tsv_next(t, &err)) == 1) {
		struct arow *a;
		long hk, sum[2] = { 0, 0 };

		if (atomic_load_explicit(&side_stop, memory_order_relaxed))
			return;
		if (!same_month(t, c_per, month))
			continue;
		row_limit(sd, t);
		kj_grow(&arows, &sd->cap, sd->n + 1, sizeof *arows);
		a = &arows[sd->n];
		hk = int_field(t, c_hk, 0, 31, 0);
		a->hk = (uint8_t)hk;
		a->tk = (uint8_t)int_field(t, c_tk, 0, hk, 0);
		for (int i = 0; i < 4; i++) {
			a->tl[i] = (uint8_t)int_field(t, c_tl[i], 0, hk, 0);
			a->psw[i] = (uint8_t)int_field(t, c_psw[i], 0, hk, 0);
			sum[0] += a->tl[i];
			sum[1] += a->psw[i];
		}
		for (int i = 0; i < KJ_CUTI_N; i++)
			a->cuti[i] = (uint8_t)int_field(t, c_cuti[i], 0, hk, 0);
		a->tidak_apel = (uint8_t)int_field(t, c_apel, 0, hk, 0);
		/* hadir + lupa_absen + dinas_luar: at most 3 x 31 */
		a->masuk = (uint8_t)(int_field(t, c_hadir, 0, hk, 0) +
		                    int_field(t, c_lupa, 0, hk, 0) +
		                    int_field(t, c_dl, 0, hk, 0));
		/* One arrival and one departure a day at most. */
		for (int w = 0; w < 2; w++) {
			if (sum[w] > hk) {
				kj_err_set(&err, kj_tsv_name(t), kj_tsv_line(t),
				           0, "%s1..%s4 add up to %ld days, more "
				           "than hari_kerja %ld", w ? "psw" : "tl",
				           w ? "psw" : "tl", sum[w], hk);
				fail(&err);
			}
		}
		set_jrow(sd, &a->j, t, c_nip);
		sd->n++;
	}
	if (rc < 0)
		fail(&err);
}

static void read_kinerja(void *arg)
{
	struct side *sd = arg;
	kj_tsv *t = sd->t;
	const char *month = sd->month;
	kj_err err;
	int c_nip, c_per, c_skp, c_lapor, c_pred, c_cap;
	int rc;

	c_nip = need_col(t, "nip");
	c_per = need_col(t, "periode");
	c_skp = need_col(t, "skp");
	c_lapor = need_col(t, "lapor");
	c_pred = need_col(t, "predikat");
	c_cap = kj_tsv_col(t, "capaian_pct");
	if (c_cap < 0 && r_prod_capaian) {
		kj_err_set(&err, kj_tsv_name(t), 1, 0, "no capaian_pct column, "
		           "which the rule set's produktivitas dasar capaian "
		           "needs");
		fail(&err);
	}
	presize(&krows, &sd->cap, sd->rows_hint, sizeof *krows);
	while ((rc = kj_tsv_next(t, &err)) == 1) {
		struct krow k = { .predikat = -1 };
		const char *s;

		if (atomic_load_explicit(&side_stop, memory_order_relaxed))
			return;
		if (!same_month(t, c_per, month))
			continue;
		s = fld(t, c_skp);
		if (strcmp(s, "ada") == 0)
			k.skp = true;
		else if (strcmp(s, "tidak") == 0)
			k.skp = false;
		else
			die_field(t, (size_t)c_skp, "expected ada or "
			          "tidak, found '%s'", s);
		s = fld(t, c_lapor);
		if (strcmp(s, "ya") == 0)
			k.lapor = true;
		else if (strcmp(s, "tidak") == 0)
			k.lapor = false;
		else
			die_field(t, (size_t)c_lapor, "expected ya or "
			          "tidak, found '%s'", s);
		s = fld(t, c_cap);
		if (*s) {
			if (kj_decimal_parse(s, strlen(s), KJ_PCT_DIGITS,
			                     &k.capaian, &err) < 0)
				die_field(t, (size_t)c_cap, "%s", err.msg);
			if (k.capaian < 0)
				die_field(t, (size_t)c_cap, "negative capaian "
				          "'%s'", s);
			k.has_capaian = true;
		}
		s = fld(t, c_pred);
		if (*s) {
			k.predikat = (signed char)enum_index(kj_predikat_words,
			                                     KJ_PRED_N,
			                                     predikat_cache, s);
			if (k.predikat < 0)
				die_field(t, (size_t)c_pred, "unknown "
				          "predikat '%s' (expected sangat_baik, "
				          "baik, butuh_perbaikan, kurang or "
				          "sangat_kurang)", s);
		}
		set_jrow(sd, &k.j, t, c_nip);
		row_limit(sd, t);
		kj_grow(&krows, &sd->cap, sd->n + 1, sizeof *krows);
		krows[sd->n++] = k;
	}
	if (rc < 0)
		fail(&err);
}

static void side_open(struct side *sd, const char *path, const char *month)
{
	sd->month = month;
	sd->first_unknown = sd->twice = NONE;
	/* absen.tsv and kinerja.tsv rows are some 45 to 55 bytes */
	sd->rows_hint = file_size(path) / 40;
	sd->t = kj_tsv_open(path, &sd->err);
}

static void side_read(struct side *sd, void (*fn)(void *))
{
	if (sd->t && guarded(fn, sd, &sd->err) < 0)
		sd->failed = true;
}

static bool have_kinerja;

/* The second thread of the reading: absen.tsv, then kinerja.tsv unless
 * absen.tsv already stops the run. */
static void *side_thread(void *arg)
{
	(void)arg;
	side_read(&sa, read_absen);
	if (have_kinerja && sa.t && !sa.failed)
		side_read(&sk, read_kinerja);
	warm_ahead();
	return NULL;
}

/*
 * The join of one file's rows with the roster, in file order, up to the
 * first second row of an employee.  Rows are looked up a batch at a
 * time, their table slots fetched ahead.
 */
static void side_join(struct side *sd, bool absen)
{
	enum { BATCH = 16 };
	uint32_t *rows = absen ? row_a : row_k;

	sd->joined = true;

	for (size_t b = 0; b < sd->n; b += BATCH) {
		size_t m = sd->n - b < BATCH ? sd->n - b : BATCH;

		for (size_t i = 0; i < m; i++) {
			const struct jrow *j = absen ? &arows[b + i].j
			                             : &krows[b + i].j;

			if (j->key != NOKEY)
				__builtin_prefetch(&nipmap.s[nip_slot(j->key)]);
		}
		for (size_t i = 0; i < m; i++) {
			const struct jrow *j = absen ? &arows[b + i].j
			                             : &krows[b + i].j;
			size_t e = nipmap_get(j->key);

			if (e == NONE) {
				if (sd->unknown++ == 0)
					sd->first_unknown = b + i;
				continue;
			}
			if (rows[e] != NO_ROW) {
				sd->twice = b + i;
				return;
			}
			rows[e] = (uint32_t)(b + i);
		}
	}
}

static void *join_kinerja(void *arg)
{
	(void)arg;
	side_join(&sk, false);
	return NULL;
}

/* The messages of one file, as reading it row by row gives them. */
static void side_report(struct side *sd, bool absen)
{
	const struct jrow *j;
	char buf[KJ_NIP_LEN + 1];
	kj_err err;

	if (!sd->t)
		kj_die_err(&sd->err);
	if (sd->first_unknown != NONE) {
		j = absen ? &arows[sd->first_unknown].j
		          : &krows[sd->first_unknown].j;
		kj_diag_warning(kj_tsv_name(sd->t), j->line, j->col,
		                "NIP %s is not in the roster; ignored",
		                jrow_nip(sd, j, buf));
	}
	if (sd->twice != NONE) {
		j = absen ? &arows[sd->twice].j : &krows[sd->twice].j;
		kj_err_set(&err, kj_tsv_name(sd->t), j->line, j->col,
		           "NIP %s twice for %s", jrow_nip(sd, j, buf),
		           sd->month);
		kj_die_err(&err);
	}
	if (sd->failed)
		kj_die_err(&sd->err);
	if (sd->unknown > 1)
		kj_diag_warning(kj_tsv_name(sd->t), 0, 0, "%zu rows for NIPs "
		                "not in the roster ignored", sd->unknown);
	kj_tsv_close(sd->t);
	sd->t = NULL;
}

/* The structs of lib/tpp.h for one employee. */
static void absen_of(const struct emp *e, kj_tpp_absen *a)
{
	const struct arow *r;
	uint32_t row = row_a[e - emps];

	memset(a, 0, sizeof *a);
	if (row == NO_ROW)
		return;
	r = &arows[row];
	a->present = true;
	a->hari_kerja = r->hk;
	a->tk = r->tk;
	for (int i = 0; i < KJ_TPP_BANDS; i++) {
		a->tl[i] = r->tl[i];
		a->psw[i] = r->psw[i];
	}
	for (int i = 0; i < KJ_CUTI_N; i++)
		a->cuti[i] = r->cuti[i];
	a->tidak_apel = r->tidak_apel;
	a->has_masuk = !sa.no_hadir;
	a->masuk = r->masuk;
}

/* The rule set's keys whose absen.tsv column is missing, warned about
 * where reading absen.tsv after the roster put them. */
static void absen_cols(const struct side *sd, const kj_tpp_rules *r)
{
	if (!sd->t)
		return;
	warn_no_col(sd->t, r->apel_pct > 0, sd->no_apel ? -1 : 0,
	            "tidak_apel", "disiplin.apel");
	warn_no_col(sd->t, r->kurang_hadir_hari > 0, sd->no_hadir ? -1 : 0,
	            "hadir", "produktivitas.kurang_hadir");
}

static void kinerja_of(const struct emp *e, kj_tpp_kinerja *k)
{
	const struct krow *r;
	uint32_t row = row_k[e - emps];

	memset(k, 0, sizeof *k);
	if (row == NO_ROW)
		return;
	r = &krows[row];
	k->present = true;
	k->skp = r->skp;
	k->lapor = r->lapor;
	k->predikat = r->predikat;
	k->has_capaian = r->has_capaian;
	k->capaian = r->capaian;
}

/*
 * The output of the table goes through a buffer of our own, written to
 * the stream in large blocks: one fwrite per 64 KiB instead of a few
 * dozen stdio calls per row.  The bytes are the ones kj_tsv_put,
 * kj_money_format_plain, kj_pct_format and kj_tpp_rincian write.
 */
struct obuf {
	char *p;
	size_t len, cap;
	FILE *f;        /* flushed there when full; NULL: grows instead */
};

static void ob_flush(struct obuf *ob)
{
	if (ob->len && ob->f)
		fwrite(ob->p, 1, ob->len, ob->f);
	ob->len = 0;
}

/* Room for n more bytes at ob->p + ob->len. */
static char *ob_room(struct obuf *ob, size_t n)
{
	if (ob->len + n > ob->cap) {
		if (ob->f) {
			ob_flush(ob);
			if (n > ob->cap) {
				free(ob->p);
				ob->cap = n > 65536 ? n : 65536;
				ob->p = kj_xmalloc(ob->cap);
			}
		} else {
			kj_grow(&ob->p, &ob->cap, ob->len + n, 1);
		}
	}
	return ob->p + ob->len;
}

static void ob_byte(struct obuf *ob, char c)
{
	*ob_room(ob, 1) = c;
	ob->len++;
}

/* Whole Rupiah as kj_money_format_plain writes them, without snprintf
 * (this is most of the cost of a row). */
static void put_money(struct obuf *ob, kj_money v, bool tab)
{
	char buf[24], *p = buf + sizeof buf;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	size_t n;

	static const char pairs[] =
		"00010203040506070809101112131415161718192021222324"
		"25262728293031323334353637383940414243444546474849"
		"50515253545556575859606162636465666768697071727374"
		"75767778798081828384858687888990919293949596979899";

	if (tab)
		*--p = '\t';
	while (u >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (u % 100), 2);
		u /= 100;
	}
	if (u >= 10) {
		p -= 2;
		memcpy(p, pairs + 2 * u, 2);
	} else {
		*--p = (char)('0' + u);
	}
	if (v < 0)
		*--p = '-';
	n = (size_t)(buf + sizeof buf - p);
	memcpy(ob_room(ob, n), p, n);
	ob->len += n;
}

/* kj_pct_format without snprintf: at most two decimals (rounded half away
 * from zero, as kj_money_muldiv's half_up), no trailing zeros.  Writes at
 * most 24 bytes and no NUL; returns the length. */
static size_t fmt_pct(kj_pct v, char *out)
{
	int64_t q = v / (KJ_PCT_SCALE / 100), r = v % (KJ_PCT_SCALE / 100);
	char tmp[24], *p = tmp + sizeof tmp;
	uint64_t mag, ip, fr;
	size_t n = 0;

	if (r != 0 && 2 * (r < 0 ? -r : r) >= KJ_PCT_SCALE / 100)
		q += v < 0 ? -1 : 1;
	mag = q < 0 ? (uint64_t)0 - (uint64_t)q : (uint64_t)q;
	ip = mag / 100;
	fr = mag % 100;
	if (fr) {
		if (fr % 10 == 0) {
			*--p = (char)('0' + fr / 10);
		} else {
			*--p = (char)('0' + fr % 10);
			*--p = (char)('0' + fr / 10);
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	if (q < 0)
		*--p = '-';
	n = (size_t)(tmp + sizeof tmp - p);
	memcpy(out, p, n);
	return n;
}

/* True when s may hold a byte below 14 (\t \n \r among them) or a
 * backslash; eight bytes at a time. */
static bool may_need_escape(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL,
	               highs = 0x8080808080808080ULL;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w, b;

		memcpy(&w, s + i, 8);
		b = w ^ (ones * '\\');
		if (((w - ones * 14) & ~w & highs) || ((b - ones) & ~b & highs))
			return true;
	}
	for (; i < len; i++)
		if ((unsigned char)s[i] < 14 || s[i] == '\\')
			return true;
	return false;
}

/* kj_tsv_put into the buffer: \t \n \r and \ escaped. */
static void put_esc(struct obuf *ob, const char *s, size_t len)
{
	char *p = ob_room(ob, 2 * len), *start = p;

	if (!may_need_escape(s, len)) {
		memcpy(p, s, len);
		ob->len += len;
		return;
	}

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '\t' || c == '\n' || c == '\r' || c == '\\') {
			*p++ = '\\';
			*p++ = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r'
			                                                   : '\\';
		} else {
			*p++ = c;
		}
	}
	ob->len += (size_t)(p - start);
}

static void put_text(struct obuf *ob, const char *s)
{
	put_esc(ob, s, strlen(s));
	ob_byte(ob, '\t');
}

/* kj_tpp_rincian's text into buf (n bytes), without snprintf; the length,
 * or (size_t)-1 when it would not fit (the caller then uses
 * kj_tpp_rincian, which decides what a long text keeps). */
static size_t fast_rincian(const kj_tpp_result *res, char *buf, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < res->nlines; i++) {
		const kj_tpp_line *l = &res->lines[i];
		size_t rl;
		char *p;

		if (!l->in_rincian)
			continue;
		rl = strlen(l->rule);
		/* "; " + rule + "×" + count (<= 11) + "=" + pct (<= 24) + "%" */
		if (len + 2 + rl + 2 + 11 + 1 + 24 + 1 >= n)
			return (size_t)-1;
		p = buf + len;
		if (len) {
			*p++ = ';';
			*p++ = ' ';
		}
		memcpy(p, l->rule, rl);
		p += rl;
		if (l->count >= 0) {
			char d[12], *q = d + sizeof d;
			unsigned c = (unsigned)l->count;

			*p++ = '\xc3';
			*p++ = '\x97';
			do {
				*--q = (char)('0' + c % 10);
				c /= 10;
			} while (c);
			memcpy(p, q, (size_t)(d + sizeof d - q));
			p += d + sizeof d - q;
		}
		if (l->has_pct) {
			*p++ = '=';
			p += fmt_pct(l->pct, p);
			*p++ = '%';
		}
		len = (size_t)(p - buf);
	}
	return len;
}

static void put_rincian(struct obuf *ob, const kj_tpp_result *res)
{
	char buf[2048], *p = ob_room(ob, sizeof buf + 1);
	size_t n = fast_rincian(res, p, sizeof buf);

	/* Made in place; moved aside only when it needs an escape or is too
	 * long for the fast path. */
	if (n != (size_t)-1 && !may_need_escape(p, n)) {
		p[n] = '\t';
		ob->len += n + 1;
		return;
	}
	if (n == (size_t)-1) {
		kj_tpp_rincian(res, buf, sizeof buf);
		n = strlen(buf);
	} else {
		memcpy(buf, p, n);
	}
	put_esc(ob, buf, n);
	ob_byte(ob, '\t');
}

static const char digit_pairs[] =
	"00010203040506070809101112131415161718192021222324"
	"25262728293031323334353637383940414243444546474849"
	"50515253545556575859606162636465666768697071727374"
	"75767778798081828384858687888990919293949596979899";

/* put_money at p, which has room for 21 bytes; the end. */
static char *money_at(char *p, kj_money v)
{
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, x = u;
	int n = 1;
	char *end;

	if (v < 0)
		*p++ = '-';
	while (x >= 10000) {
		n += 4;
		x /= 10000;
	}
	if (x >= 100) {
		n += 2;
		x /= 100;
	}
	n += x >= 10;
	end = p + n;
	p = end;
	while (u >= 100) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * (u % 100), 2);
		u /= 100;
	}
	if (u >= 10) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * u, 2);
	} else {
		*--p = (char)('0' + u);
	}
	return end;
}

/* A text without escapes and a tab at p; the end. */
static char *text_at(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	p[n] = '\t';
	return p + n + 1;
}

/* kj_tpp_calc for e; 0, or -1 with *full (the error at its roster line). */
static int calc(const kj_tpp_rules *r, const kj_period *m,
                const struct emp *e, unsigned flags, kj_tpp_result *res,
                const char *pegawai, kj_err *full)
{
	kj_tpp_pegawai p;
	kj_tpp_absen a;
	kj_tpp_kinerja k;
	kj_err err;
	char nip[KJ_NIP_LEN + 1];

	pegawai_of(e, &p);
	absen_of(e, &a);
	kinerja_of(e, &k);
	if (kj_tpp_calc(r, m->n, &p, &a, &k, flags, res, &err) < 0) {
		kj_err_set(full, pegawai, e->line, 0, "NIP %s: %s",
		           nip_text(e->key, nip), err.msg);
		return -1;
	}
	return 0;
}

static void explain(FILE *f, const kj_tpp_rules *r, const char *month,
                    const struct emp *e, const kj_tpp_result *res)
{
	char num[KJ_NUM_BUFSZ], pct[KJ_NUM_BUFSZ], nip[KJ_NIP_LEN + 1];

	fprintf(f, "Rincian TPP %s\n", month);
	fprintf(f, "Aturan:   %s\nBerlaku:  %04d-%02d\n", r->perkada,
	        r->berlaku_year, r->berlaku_month);
	fprintf(f, "NIP:      %s\nNama:     %s\nOPD:      %s\n",
	        nip_text(e->key, nip), e->nama, e->opd);
	fprintf(f, "Jabatan:  %s (kelas %d)\n", e->jabatan, e->kelas);
	fprintf(f, "Absen:    %s\n", row_a[e - emps] != NO_ROW ? "ada"
	                                                       : "tidak ada");
	fprintf(f, "Kinerja:  %s\n\n", row_k[e - emps] != NO_ROW ? "ada"
	                                                         : "tidak ada");
	for (size_t i = 0; i < res->nlines; i++) {
		const kj_tpp_line *l = &res->lines[i];
		char buf[256];
		size_t n;
		int w = 0;

		n = (size_t)snprintf(buf, sizeof buf, "  %-52s", l->rule);
		if (l->count >= 0)
			w = snprintf(buf + n, sizeof buf - n, " %3d x", l->count);
		n += (size_t)w;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%*s", 6 - w, "");
		if (l->has_pct)
			kj_pct_format_id(l->pct, pct, sizeof pct);
		n += (size_t)snprintf(buf + n, sizeof buf - n, " %10s",
		                      l->has_pct ? pct : "");
		if (l->has_rp) {
			kj_money_format(l->rp, num, sizeof num);
			n += (size_t)snprintf(buf + n, sizeof buf - n, " %18s",
			                      num);
		}
		if (n >= sizeof buf)
			n = sizeof buf - 1;
		while (n > 0 && buf[n - 1] == ' ')
			n--;
		fprintf(f, "%.*s\n", (int)n, buf);
	}
	fputc('\n', f);
#define ROW(label, v) do { kj_money_format((v), num, sizeof num); \
	fprintf(f, "  %-28s %18s\n", (label), num); } while (0)
	ROW("TPP dasar (pagu)", res->basic);
	ROW("Pagu disiplin", res->disiplin_pagu);
	ROW("Pagu produktivitas", res->produktivitas_pagu);
	ROW("Disiplin dibayar", res->disiplin);
	ROW("Produktivitas dibayar", res->produktivitas);
	ROW("Bruto", res->bruto);
	ROW("Tunjangan PPh", res->tunjangan_pph);
	ROW("PPh 21", res->pph21);
	ROW("Iuran BPJS (1%)", res->iuran_bpjs);
	ROW("BPJS dibayar pemda", res->bpjs_pemda);
	ROW("Netto", res->netto);
#undef ROW
}

/* What every row needs besides its employee. */
static struct {
	const kj_tpp_rules *r;
	const kj_period *month;
	const char *month_text, *pegawai;
	size_t month_len;
} job;

/* The rows of emps[lo, hi) into ob.  NONE, or the index of the employee
 * whose calculation failed (*err; the rows before it are in ob). */
static size_t put_rows(struct obuf *ob, size_t lo, size_t hi, kj_err *err)
{
	for (size_t i = lo; i < hi; i++) {
		const struct emp *e = &emps[i];
		kj_tpp_result res;

		if (calc(job.r, job.month, e, 0, &res, job.pegawai, err) < 0)
			return i;
		if (e->plain) {
			char *p = ob_room(ob, KJ_NIP_LEN + e->nama_len +
			                      e->opd_len + e->jab_len +
			                      e->kelas_len + 5);

			p = nip_at(p, e->key);
			p = text_at(p, e->nama, e->nama_len);
			p = text_at(p, e->opd, e->opd_len);
			p = text_at(p, e->jabatan, e->jab_len);
			p = text_at(p, e->kelas_text, e->kelas_len);
			ob->len = (size_t)(p - ob->p);
		} else {
			char nip[KJ_NIP_LEN + 1];

			put_text(ob, nip_text(e->key, nip));
			put_text(ob, e->nama);
			put_text(ob, e->opd);
			put_text(ob, e->jabatan);
			put_text(ob, e->kelas_text);
		}
		{
			char *p = ob_room(ob, job.month_len + 1 + 11 * 22 + 2 * 25),
			     *q;

#define MONEY(v) do { p = money_at(p, (v)); *p++ = '\t'; } while (0)
			/* the month as kj_period_format writes it: no escape */
			p = text_at(p, job.month_text, job.month_len);
			MONEY(res.basic);
			MONEY(res.disiplin_pagu);
			MONEY(res.produktivitas_pagu);
			q = p + fmt_pct(res.potongan_disiplin_pct, p);
			*q++ = '\t';
			p = q + fmt_pct(res.potongan_produktivitas_pct, q);
			*p++ = '\t';
			MONEY(res.disiplin);
			MONEY(res.produktivitas);
			MONEY(res.bruto);
			MONEY(res.pph21);
			MONEY(res.iuran_bpjs);
			MONEY(res.netto);
			ob->len = (size_t)(p - ob->p);
			put_rincian(ob, &res);
			p = ob_room(ob, 2 * 22);
			MONEY(res.tunjangan_pph);
			p = money_at(p, res.bpjs_pemda);
			*p++ = '\n';
			ob->len = (size_t)(p - ob->p);
#undef MONEY
		}
	}
	return NONE;
}

/*
 * The table on two threads: the roster cut in chunks of CHUNK employees,
 * each formatted into the buffer of its slot (chunk c in slot c % NSLOT)
 * by whichever thread takes it; the main thread writes the chunks in
 * roster order, and frees a slot for the chunk NSLOT further on.
 */
#define CHUNK 8192
#define NSLOT 4

enum { FREE, TAKEN, READY };

static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t next, nchunks;
	bool stop;
	int state[NSLOT];
	struct obuf buf[NSLOT];
	size_t failed[NSLOT];
	kj_err err[NSLOT];
} pool = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

static void do_chunk(size_t c)
{
	size_t s = c % NSLOT, lo = c * CHUNK,
	       hi = nemps - lo < CHUNK ? nemps : lo + CHUNK;

	pool.buf[s].len = 0;
	pool.failed[s] = put_rows(&pool.buf[s], lo, hi, &pool.err[s]);
	pthread_mutex_lock(&pool.mu);
	pool.state[s] = READY;
	pthread_cond_broadcast(&pool.cv);
	pthread_mutex_unlock(&pool.mu);
}

/* With the lock held: the next chunk, taken; NONE when there is none
 * left, or when its slot is busy and wait is false. */
static size_t take_locked(bool wait)
{
	size_t c;

	while (!pool.stop && pool.next < pool.nchunks &&
	       pool.state[pool.next % NSLOT] != FREE) {
		if (!wait)
			return NONE;
		pthread_cond_wait(&pool.cv, &pool.mu);
	}
	if (pool.stop || pool.next >= pool.nchunks)
		return NONE;
	c = pool.next++;
	pool.state[c % NSLOT] = TAKEN;
	return c;
}

static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		size_t c;

		pthread_mutex_lock(&pool.mu);
		c = take_locked(true);
		pthread_mutex_unlock(&pool.mu);
		if (c == NONE)
			return NULL;
		do_chunk(c);
	}
}

static void put_table(FILE *f)
{
	pthread_t th;
	bool threaded;
	size_t w = 0, unsynced = 0;
	struct stat st;
	/* A file's pages are sent to the disk as they are written (no
	 * wait), so that the fsync of the commit finds little left to do. */
	bool file = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);

	pool.nchunks = (nemps + CHUNK - 1) / CHUNK;
	threaded = pool.nchunks > 1 &&
	           pthread_create(&th, NULL, worker, NULL) == 0;
	while (w < pool.nchunks) {
		size_t s = w % NSLOT, c;

		pthread_mutex_lock(&pool.mu);
		if (pool.state[s] == READY) {
			pthread_mutex_unlock(&pool.mu);
			if (pool.buf[s].len)
				fwrite(pool.buf[s].p, 1, pool.buf[s].len, f);
			unsynced += pool.buf[s].len;
			if (file && unsynced >= ((size_t)32 << 20)) {
				fflush(f);
				(void)sync_file_range(fileno(f), 0, 0,
				                      SYNC_FILE_RANGE_WRITE);
				unsynced = 0;
			}
			if (pool.failed[s] != NONE) {
				pthread_mutex_lock(&pool.mu);
				pool.stop = true;
				pthread_cond_broadcast(&pool.cv);
				pthread_mutex_unlock(&pool.mu);
				if (threaded)
					pthread_join(th, NULL);
				kj_die_err(&pool.err[s]);
			}
			pthread_mutex_lock(&pool.mu);
			pool.state[s] = FREE;
			w++;
			pthread_cond_broadcast(&pool.cv);
			pthread_mutex_unlock(&pool.mu);
			continue;
		}
		c = take_locked(false);
		if (c == NONE) {
			/* chunk w is the other thread's: wait for it */
			pthread_cond_wait(&pool.cv, &pool.mu);
			pthread_mutex_unlock(&pool.mu);
			continue;
		}
		pthread_mutex_unlock(&pool.mu);
		do_chunk(c);
	}
	if (threaded)
		pthread_join(th, NULL);
	for (int i = 0; i < NSLOT; i++)
		free(pool.buf[i].p);
}

struct total {
	const char *opd;
	size_t n;
	kj_money basic, potdis, potprod, bruto, pph, iuran, netto;
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "month", required_argument, NULL, 'm' },
		{ "pegawai", required_argument, NULL, 'p' },
		{ "absen", required_argument, NULL, 'a' },
		{ "kinerja", required_argument, NULL, 'k' },
		{ "explain", required_argument, NULL, 'e' },
		{ "ringkas", no_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *rules_path = NULL, *month_arg = NULL, *peg_path = NULL,
	           *absen_path = NULL, *kin_path = NULL, *explain_nip = NULL,
	           *out_path = NULL;
	int ringkas = 0, ch;
	kj_tpp_rules *r;
	kj_period month;
	char month_text[KJ_PERIOD_BUFSZ];
	kj_output *out;
	FILE *f;
	kj_err err;
	size_t no_absen = 0, no_kin = 0, no_plt = 0, no_ptkp = 0;
	/* the first employee of each warning */
	char first_absen[KJ_NIP_LEN + 1], first_kin[KJ_NIP_LEN + 1],
	     first_plt[KJ_NIP_LEN + 1];
	uint64_t explain_key = NOKEY;
	struct total *tot = NULL;
	struct obuf ob = { 0 };
	bool threaded;
	size_t ntot = 0, captot = 0;
	kj_strmap *opds = NULL;
	char aturan[1024];

	kj_diag_init(argv[0]);
	argv[0] = (char *)kj_prog();
	while ((ch = getopt_long(argc, argv, "r:m:p:a:k:e:so:hV", longopts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'r': rules_path = optarg; break;
		case 'm': month_arg = optarg; break;
		case 'p': peg_path = optarg; break;
		case 'a': absen_path = optarg; break;
		case 'k': kin_path = optarg; break;
		case 'e': explain_nip = optarg; break;
		case 's': ringkas = 1; break;
		case 'o': out_path = optarg; break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return KJ_EXIT_OK;
		case 'V':
			printf("tpp-calc (kinerja) %s\n", KJ_VERSION);
			return KJ_EXIT_OK;
		default:
			fputs(usage_text, stderr);
			return KJ_EXIT_USAGE;
		}
	}
	if (optind < argc)
		kj_die_usage(usage_text, "unexpected argument '%s'",
		             argv[optind]);
	if (!rules_path || !month_arg || !peg_path || !absen_path)
		kj_die_usage(usage_text, "-r, -m, -p and -a are required");
	if (explain_nip && ringkas)
		kj_die_usage(usage_text, "--explain and --ringkas exclude each "
		             "other");
	if (kj_period_parse(month_arg, strlen(month_arg), &month, &err) < 0 ||
	    month.kind != KJ_PERIOD_MONTH)
		kj_die_usage(usage_text, "-m: expected a month such as 2026-11, "
		             "found '%s'", month_arg);
	kj_period_format(&month, month_text, sizeof month_text);

	r = kj_tpp_rules_load(rules_path, &err);
	if (!r)
		kj_die_err(&err);
	if (month.year * 12 + month.n <
	    r->berlaku_year * 12 + r->berlaku_month)
		kj_die(KJ_EXIT_USAGE, "%s: the rule set takes effect in "
		       "%04d-%02d, after %s", rules_path, r->berlaku_year,
		       r->berlaku_month, month_text);

	snprintf(aturan, sizeof aturan, "%s, berlaku %04d-%02d", r->perkada,
	         r->berlaku_year, r->berlaku_month);
	r_prod_capaian = r->prod_dasar == KJ_PROD_CAPAIAN;
	/* absen.tsv and kinerja.tsv on a second thread while this one reads
	 * the roster; one after the other when standard input is one of
	 * them (it is read once, in order). */
	threaded = strcmp(peg_path, "-") != 0 && strcmp(absen_path, "-") != 0 &&
	           (!kin_path || strcmp(kin_path, "-") != 0);
	have_kinerja = kin_path != NULL;
	/* Its table of labels is made on the first call: made now, before
	 * two threads call it. */
	(void)kj_enum_word("-", 1);
	if (threaded) {
		roster_presize(file_size(peg_path));
		side_open(&sa, absen_path, month_text);
		if (kin_path)
			side_open(&sk, kin_path, month_text);
		if (pthread_create(&side, NULL, side_thread, NULL) != 0)
			kj_die(KJ_EXIT_INTERNAL, "cannot start a thread");
		side_running = true;
	}
	read_pegawai(peg_path, &month, r);
	atomic_store(&roster_done, true);
	row_a = kj_xmalloc(nemps * sizeof *row_a);
	row_k = kj_xmalloc(nemps * sizeof *row_k);
	memset(row_a, 0xff, nemps * sizeof *row_a);
	memset(row_k, 0xff, nemps * sizeof *row_k);
	if (threaded) {
		pthread_join(side, NULL);
		side_running = false;
		/* The two joins write apart (row_a, row_k) and only read the
		 * rest: kinerja.tsv's on the second thread. */
		if (kin_path && pthread_create(&side, NULL, join_kinerja,
		                               NULL) == 0)
			side_running = true;
	} else {
		side_open(&sa, absen_path, month_text);
		side_read(&sa, read_absen);
	}
	side_join(&sa, true);
	if (side_running) {
		pthread_join(side, NULL);
		side_running = false;
	}
	absen_cols(&sa, r);
	side_report(&sa, true);
	if (kin_path) {
		if (!threaded) {
			side_open(&sk, kin_path, month_text);
			side_read(&sk, read_kinerja);
		}
		if (!sk.joined)
			side_join(&sk, false);
		side_report(&sk, false);
	}

	if (explain_nip)
		explain_key = nip_key(explain_nip, strlen(explain_nip));
	if (explain_nip && nipmap_get(explain_key) == NONE)
		kj_die(KJ_EXIT_USAGE, "--explain: NIP %s is not in %s",
		       explain_nip, peg_path);

	for (size_t i = 0; i < nemps; i++) {
		const struct emp *e = &emps[i];

		if (row_a[i] == NO_ROW && no_absen++ == 0)
			nip_text(e->key, first_absen);
		if (row_k[i] == NO_ROW && no_kin++ == 0)
			nip_text(e->key, first_kin);
		if (e->plt_hari_missing && r->plt && no_plt++ == 0)
			nip_text(e->key, first_plt);
		if (e->ptkp_missing && r->pph == KJ_PPH_TER)
			no_ptkp++;
	}

	out = kj_output_open(out_path, &err);
	if (!out)
		kj_die_err(&err);
	f = kj_output_stream(out);
	ob.f = f;
	job.r = r;
	job.month = &month;
	job.month_text = month_text;
	job.month_len = strlen(month_text);
	job.pegawai = peg_path;
	if (ringkas) {
		opds = kj_strmap_new();
		fputs("opd\tjumlah\tbasic\tpotongan_disiplin\t"
		      "potongan_produktivitas\tbruto\tpph21\tiuran_bpjs\t"
		      "netto\taturan\n", f);
	} else if (!explain_nip) {
		fputs("nip\tnama\topd\tjabatan\tkelas\tperiode\tbasic\t"
		      "disiplin_pagu\tproduktivitas_pagu\t"
		      "potongan_disiplin_pct\tpotongan_produktivitas_pct\t"
		      "disiplin\tproduktivitas\tbruto\tpph21\tiuran_bpjs\t"
		      "netto\trincian\ttunjangan_pph\tbpjs_pemda\n", f);
		put_table(f);
	}
	for (size_t i = 0; (ringkas || explain_nip) && i < nemps; i++) {
		struct emp *e = &emps[i];
		kj_tpp_result res;

		bool this_one = explain_nip && e->key == explain_key;

		if (calc(r, &month, e, this_one ? KJ_TPP_DETAIL : 0, &res,
		         peg_path, &err) < 0)
			kj_die_err(&err);
		if (explain_nip) {
			if (this_one)
				explain(f, r, month_text, e, &res);
			continue;
		}
		int added;
		size_t t = kj_strmap_put(opds, e->opd, strlen(e->opd), ntot,
		                         &added);

		if (added) {
			kj_grow(&tot, &captot, ntot + 1, sizeof *tot);
			memset(&tot[ntot], 0, sizeof *tot);
			tot[ntot++].opd = e->opd;
		}
		tot[t].n++;
		tot[t].basic += res.basic;
		tot[t].potdis += res.disiplin_pagu - res.disiplin;
		tot[t].potprod += res.produktivitas_pagu - res.produktivitas;
		tot[t].bruto += res.bruto;
		tot[t].pph += res.pph21;
		tot[t].iuran += res.iuran_bpjs;
		tot[t].netto += res.netto;
	}
	for (size_t i = 0; i < ntot; i++) {
		fprintf(f, "%s\t%zu\t", tot[i].opd, tot[i].n);
		put_money(&ob, tot[i].basic, true);
		put_money(&ob, tot[i].potdis, true);
		put_money(&ob, tot[i].potprod, true);
		put_money(&ob, tot[i].bruto, true);
		put_money(&ob, tot[i].pph, true);
		put_money(&ob, tot[i].iuran, true);
		put_money(&ob, tot[i].netto, true);
		put_esc(&ob, aturan, strlen(aturan));
		ob_byte(&ob, '\n');
		ob_flush(&ob);
	}
	if (no_absen)
		kj_diag_warning(absen_path, 0, 0, "%zu employees (first %s) have "
		                "no row for %s: treated as %s", no_absen,
		                first_absen, month_text,
		                r->tanpa_absen == KJ_MISS_TK
		                        ? "absent all month (tanpa_absen: tk)"
		                        : "present (tanpa_absen: hadir)");
	if (no_kin)
		kj_diag_warning(kin_path ? kin_path : peg_path, 0, 0,
		                "%zu employees (first %s) have no kinerja row "
		                "for %s: produktivitas paid at the tanpa_kinerja "
		                "rate", no_kin, first_kin, month_text);
	if (no_plt)
		kj_diag_warning(peg_path, 0, 0, "%zu employees (first %s) have a "
		                "plt_kelas but no plt_hari: Plt TPP not paid "
		                "unless min_hari is 0", no_plt, first_plt);
	if (no_ptkp)
		kj_diag_warning(peg_path, 0, 0, "%zu employees have no ptkp: "
		                "TER category A (TK/0) used", no_ptkp);
	if (!have_gaji && (r->bpjs || r->pph == KJ_PPH_TER))
		kj_diag_warning(peg_path, 0, 0, "no gaji column: BPJS and PPh "
		                "21 computed as if the salary were 0");
	if (r->pph == KJ_PPH_TER && month.n == 12)
		kj_diag_warning(rules_path, 0, 0, "December PPh 21 uses the "
		                "monthly TER rate; the annual Pasal 17 "
		                "recalculation is not done");
	if (kj_output_commit(out, &err) < 0)
		kj_die_err(&err);
	if (!explain_nip)
		kj_diag_note("%s: aturan: %s", rules_path, aturan);

	while (blocks) {
		struct block *b = blocks;

		blocks = b->next;
		free(b);
	}
	free(emps);
	free(ob.p);
	free(tot);
	kj_strmap_free(opds);
	free(nipmap.s);
	free(arows);
	free(row_a);
	free(row_k);
	free(exts);
	free(intern_text);
	kj_strmap_free(interned);
	free(krows);
	free(sa.text);
	free(sk.text);
	kj_tpp_rules_free(r);
	return KJ_EXIT_OK;
}
