/*
 * gen-data: deterministic synthetic data for a Pemda of any size.
 *
 *     gen-data --pegawai N --seed S -o DIR
 *
 * writes DIR/opd.tsv and DIR/pegawai.tsv for a fictional Kota Contoh with N
 * employees.  The same N and S give the same bytes on every machine: the
 * only source of randomness is splitmix64 below, every number is an integer
 * (no floating point, whose last bit a libm may round differently), and
 * nothing reads the clock, the locale or the environment.
 *
 * Shape of the program.  One pass walks the organisation OPD by OPD, in the
 * order of pegawai.tsv: the head, the structural jobs (each followed by its
 * staff), then the UPT units (schools, Puskesmas, Kelurahan, ...).  Every
 * employee is handed to each selected output (struct output); outputs that
 * need the whole organisation (opd.tsv) write at the end.  Later outputs
 * (attendance logs, SKP, realisasi, ANJAB) are further entries in the output
 * table: they see every employee with the atasan already known.
 *
 * Memory does not grow with N: an OPD's structural jobs are a few dozen
 * nodes, a UPT is generated and forgotten, and rows are formatted into one
 * output buffer.  The one large object is the table of NIP sequence
 * numbers, a calloc'ed array that the kernel backs with pages only where
 * it is written.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "mem.h"

/* Bump when a change alters the bytes written for some N and seed. */
#define GEN_VERSION "2"

#define MAX_PEGAWAI 50000000L

/* ---- PRNG --------------------------------------------------------------- */

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* splitmix64 (Steele, Lea, Flood 2014), as in java.util.SplittableRandom. */
struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return mix64(r->s);
}

/*
 * Each record (an employee, an OPD, a counter) draws from its own stream,
 * keyed by the seed, a tag naming the kind of record and its index.  So a
 * new output or a new draw for one kind of record never shifts the numbers
 * another kind sees.
 */
enum {
	TAG_PEGAWAI = 1,
	TAG_ORG = 2,
	TAG_PLACE = 3,
	TAG_QUOTA = 4,
	TAG_OPD = 5,
	TAG_LOG = 6,
	TAG_NOISE = 7,
};

static void rng_init(struct rng *r, uint64_t seed, uint64_t tag, uint64_t idx)
{
	r->s = mix64(seed ^ mix64(tag * 0x100000001b3ULL + mix64(idx)));
}

/* Uniform in [0, n) by a 32x32 multiply: no modulo bias worth naming. */
static uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static int rng_range(struct rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* True with probability pml / 1000. */
static int rng_pml(struct rng *r, int pml)
{
	return (int)rng_below(r, 1000) < pml;
}

/* ---- dates -------------------------------------------------------------- */

/* Days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A month as one number: year * 12 + (month - 1). */
#define MI(y, m) ((y) * 12 + (m) - 1)

/*
 * The data describe November 2026: ages, masa kerja, CPNS and retirement
 * are counted to the first of that month.
 */
#define REF_Y 2026
#define REF_M 11
#define REF_MI MI(REF_Y, REF_M)
/* The last CPNS intake whose members are PNS by now, and the first and
 * last TMT of a CPNS still in the probation year. */
#define PNS_TMT_MAX MI(2025, 10)
#define CPNS_TMT_MIN MI(2025, 12)
#define CPNS_TMT_MAX MI(2026, 10)
/* PPPK appointments began with the 2019 intake (TMT 2021). */
#define PPPK_TMT_MIN MI(2021, 1)
/*
 * Ages are 20 to 58.  Nobody is born before 1968: a PNS whose BUP is 58
 * and who was born in 1967 retired in 2025 at the latest and is no
 * longer on the list, so the oldest still present retire during 2026.
 */
#define BIRTH_MIN_Y 1968
#define TMT_BASE_MI MI(BIRTH_MIN_Y + 18, 1)
#define N_TMT (REF_MI - TMT_BASE_MI + 1)

/* ---- output buffers ----------------------------------------------------- */

struct wbuf {
	int fd;
	char *tmp;        /* the temporary file, until committed */
	char *path;       /* the target */
	char *buf;
	size_t len, cap;
};

static void wb_flush(struct wbuf *w)
{
	size_t off = 0;

	while (off < w->len) {
		ssize_t n = write(w->fd, w->buf + off, w->len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			kj_die(KJ_EXIT_INTERNAL, "%s: write: %s", w->path,
			       strerror(errno));
		}
		off += (size_t)n;
	}
	w->len = 0;
}

/* A row is far shorter than the slack, so callers reserve once per row. */
static void wb_reserve(struct wbuf *w, size_t n)
{
	if (w->len + n > w->cap)
		wb_flush(w);
}

static void wb_mem(struct wbuf *w, const char *s, size_t n)
{
	wb_reserve(w, n);
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

static void wb_str(struct wbuf *w, const char *s)
{
	wb_mem(w, s, strlen(s));
}

static void wb_ch(struct wbuf *w, char c)
{
	wb_reserve(w, 1);
	w->buf[w->len++] = c;
}

static void wb_tab(struct wbuf *w)
{
	wb_ch(w, '\t');
}

static void wb_ulong(struct wbuf *w, unsigned long v)
{
	char tmp[24];
	size_t n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	wb_reserve(w, n);
	while (n)
		w->buf[w->len++] = tmp[--n];
}

static void put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

static void put4(char *p, int v)
{
	put2(p, v / 100);
	put2(p + 2, v % 100);
}

static void wb_date(struct wbuf *w, long days)
{
	char s[10];
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	put4(s, y);
	s[4] = '-';
	put2(s + 5, m);
	s[7] = '-';
	put2(s + 8, d);
	wb_mem(w, s, 10);
}

/* Temporary files not yet renamed into place, removed by exit(). */
static struct wbuf *open_bufs[16];
static size_t n_open_bufs;

static void remove_uncommitted(void)
{
	for (size_t i = 0; i < n_open_bufs; i++)
		if (open_bufs[i] && open_bufs[i]->tmp)
			unlink(open_bufs[i]->tmp);
}

/* Interrupted: remove the temporary files (unlink is async-signal-safe),
 * then die of the same signal so the caller sees it. */
static void on_signal(int sig)
{
	remove_uncommitted();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Write into DIR/.name.XXXXXX; wb_commit renames it to DIR/name, so an
 * interrupted run leaves the previous file, never half of one. */
static void wb_open(struct wbuf *w, const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 16;

	w->path = kj_xmalloc(n);
	w->tmp = kj_xmalloc(n);
	snprintf(w->path, n, "%s/%s", dir, name);
	snprintf(w->tmp, n, "%s/.%s.XXXXXX", dir, name);
	w->fd = mkstemp(w->tmp);
	if (w->fd < 0)
		kj_die(KJ_EXIT_INTERNAL, "%s: cannot create: %s", w->tmp,
		       strerror(errno));
	/* mkstemp makes 0600; data files are for everyone to read. */
	if (fchmod(w->fd, 0644) < 0)
		kj_die(KJ_EXIT_INTERNAL, "%s: chmod: %s", w->tmp,
		       strerror(errno));
	w->cap = (size_t)1 << 20;
	w->buf = kj_xmalloc(w->cap);
	w->len = 0;
	if (n_open_bufs < sizeof open_bufs / sizeof open_bufs[0])
		open_bufs[n_open_bufs++] = w;
}

/* --stdout: the one output goes to standard output (a pipe into gzip,
 * say), with nothing to rename and nothing to remove if interrupted. */
static void wb_open_stdout(struct wbuf *w)
{
	w->path = kj_xstrdup("(standard output)");
	w->tmp = NULL;
	w->fd = STDOUT_FILENO;
	w->cap = (size_t)1 << 20;
	w->buf = kj_xmalloc(w->cap);
	w->len = 0;
}

static void wb_commit(struct wbuf *w)
{
	wb_flush(w);
	if (w->fd == STDOUT_FILENO) {
		free(w->path);
		w->path = NULL;
		free(w->buf);
		w->buf = NULL;
		return;
	}
	if (fsync(w->fd) < 0 || close(w->fd) < 0)
		kj_die(KJ_EXIT_INTERNAL, "%s: %s", w->tmp, strerror(errno));
	if (rename(w->tmp, w->path) < 0)
		kj_die(KJ_EXIT_INTERNAL, "%s: rename: %s", w->path,
		       strerror(errno));
	free(w->tmp);
	w->tmp = NULL;
	free(w->path);
	w->path = NULL;
	free(w->buf);
	w->buf = NULL;
}

/* A small bounded string builder for names and job titles. */
struct sbuf {
	char *p;
	size_t len, cap;
};

static void sb_mem(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n >= b->cap)
		n = b->cap - 1 - b->len;   /* truncate: buffers are sized so
		                              this never happens */
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void sb_add(struct sbuf *b, const char *s)
{
	sb_mem(b, s, strlen(s));
}

static void sb_init(struct sbuf *b, char *p, size_t cap)
{
	b->p = p;
	b->cap = cap;
	b->len = 0;
	p[0] = '\0';
}

/* Copy pat to out with each '@' replaced by what. */
static void subst(char *out, size_t cap, const char *pat, const char *what)
{
	struct sbuf b;

	sb_init(&b, out, cap);
	for (; *pat; pat++) {
		if (*pat == '@')
			sb_add(&b, what);
		else
			sb_mem(&b, pat, 1);
	}
}

/* Copy pat to out with its run of '#' replaced by v, zero-padded to the
 * length of the run ("SDN###", 7 -> "SDN007"; longer numbers grow). */
static void code_num(char *out, size_t cap, const char *pat, unsigned long v)
{
	const char *h = strchr(pat, '#');
	size_t width = strspn(h ? h : "", "#");
	char num[24];
	struct sbuf b;

	sb_init(&b, out, cap);
	if (!h) {
		sb_add(&b, pat);
		return;
	}
	snprintf(num, sizeof num, "%0*lu", (int)width, v);
	sb_mem(&b, pat, (size_t)(h - pat));
	sb_add(&b, num);
	sb_add(&b, h + width);
}

/* Options are written "a|b|c"; an empty option is allowed ("|S.E."). */
static size_t opt_count(const char *s)
{
	size_t n = 1;

	for (; *s; s++)
		n += *s == '|';
	return n;
}

static void opt_pick(struct rng *r, const char *s, const char **start,
                     size_t *len)
{
	uint32_t k = rng_below(r, (uint32_t)opt_count(s));
	const char *e;

	while (k--)
		s = strchr(s, '|') + 1;
	e = strchr(s, '|');
	*start = s;
	*len = e ? (size_t)(e - s) : strlen(s);
}

/* ---- the domain catalogues ---------------------------------------------- */

enum status { ST_PNS, ST_CPNS, ST_PPPK };
static const char *const status_word[] = { "pns", "cpns", "pppk" };

enum jenis {
	JN_JPT_MADYA, JN_JPT_PRATAMA, JN_ADMINISTRATOR, JN_PENGAWAS,
	JN_PELAKSANA, JN_FUNGSIONAL
};
static const char *const jenis_word[] = {
	"jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana",
	"fungsional"
};

enum jenjang {
	JJ_NONE, JJ_PERTAMA, JJ_MUDA, JJ_MADYA, JJ_UTAMA,
	JJ_TERAMPIL, JJ_MAHIR, JJ_PENYELIA
};
static const char *const jenjang_word[] = {
	"", "pertama", "muda", "madya", "utama", "terampil", "mahir", "penyelia"
};
static const char *const jenjang_label[] = {
	"", "Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama",
	"Terampil", "Mahir", "Penyelia"
};

/*
 * Kelas by jenjang (domain/anjab-abk.md 3.4: Ahli Pertama 8, Muda 9-10,
 * Madya 11-12, Utama 13-14; Terampil 6, Mahir 7, Penyelia 8); a JF with
 * kelas_plus (physicians, pharmacists) sits one higher, up to 13.
 */
static const int jenjang_kelas[] = { 0, 8, 9, 11, 13, 6, 7, 8 };
/* Years of service before a jenjang is reachable, and the age band. */
static const int jenjang_serv[] = { 0, 0, 4, 10, 18, 0, 4, 10 };
static const int jenjang_age_lo[] = { 0, 22, 28, 38, 48, 21, 27, 35 };
static const int jenjang_age_hi[] = { 0, 45, 55, 58, 58, 45, 55, 58 };

/* Golongan index: 0 = I/a ... 4 = II/a, 8 = III/a, 12 = IV/a, 16 = IV/e. */
enum {
	G_IA = 0, G_IIA = 4, G_IIB, G_IIC, G_IID, G_IIIA, G_IIIB, G_IIIC,
	G_IIID, G_IVA, G_IVB, G_IVC, G_IVD, G_IVE
};
static const char *const gol_name[17] = {
	"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d",
	"IV/e"
};
static const int jenjang_gol_lo[] = {
	0, G_IIIA, G_IIIC, G_IVA, G_IVD, G_IIC, G_IIIA, G_IIIC
};
static const int jenjang_gol_hi[] = {
	0, G_IIIB, G_IIID, G_IVC, G_IVE, G_IID, G_IIIB, G_IIID
};

/*
 * Gaji pokok PNS, PP 5/2024: the lowest (MKG 0) and highest (MKG 32; 27
 * for golongan I) amount of each golongan.  Steps between are interpolated
 * geometrically every two years of MKG (the real table rises about 3 % a
 * step); see gaji_init.
 */
static const long gaji_pns_range[17][2] = {
	{ 1685700, 2522600 }, { 1840800, 2670700 }, { 1918700, 2783700 },
	{ 1999900, 2901400 }, { 2184000, 3643400 }, { 2385000, 3797500 },
	{ 2485900, 3958200 }, { 2591100, 4125600 }, { 2785700, 4575200 },
	{ 2903600, 4768800 }, { 3026400, 4970500 }, { 3154400, 5180700 },
	{ 3287800, 5399900 }, { 3426900, 5628300 }, { 3571900, 5866400 },
	{ 3723000, 6114500 }, { 3880400, 6373200 },
};

/* PPPK golongan used here, by education (Perpres 11/2024, approximate). */
enum edu { ED_SMA, ED_D3, ED_S1, ED_PROF };
static const char *const pppk_gol_name[] = { "V", "VII", "IX", "X" };
static const long gaji_pppk_range[4][2] = {
	{ 2511500, 4189500 }, { 2919100, 4868200 }, { 3203600, 5261500 },
	{ 3339000, 5484000 },
};
/* Golongan a PNS starts in, by education (dokter, drg., apt.: III/b). */
static const int edu_gol_start[] = { G_IIA, G_IIC, G_IIIA, G_IIIB };
/* The youngest age at TMT, by education. */
static const int edu_entry_age[] = { 19, 21, 22, 24 };

#define GAJI_STEPS 16
static long gaji_pns[17][GAJI_STEPS + 1];
static long gaji_pppk[4][GAJI_STEPS + 1];

static long gaji_last(long min, long num, int steps)
{
	long v = min;

	for (int k = 0; k < steps; k++)
		v += v * num / 1000000;
	return v;
}

/* Integer geometric steps from min to max: the smallest per-step growth
 * (in millionths) that reaches max, each step rounded to Rp 100. */
static void gaji_table(long min, long max, int steps, long *out)
{
	long lo = 0, hi = 200000, v;

	while (lo < hi) {
		long mid = (lo + hi) / 2;

		if (gaji_last(min, mid, steps) >= max)
			hi = mid;
		else
			lo = mid + 1;
	}
	v = min;
	for (int k = 0; k <= GAJI_STEPS; k++) {
		out[k] = k >= steps ? max : (v + 50) / 100 * 100;
		v += v * lo / 1000000;
	}
}

static void gaji_init(void)
{
	for (int g = 0; g < 17; g++)
		gaji_table(gaji_pns_range[g][0], gaji_pns_range[g][1],
		           g < G_IIA ? 13 : GAJI_STEPS, gaji_pns[g]);
	for (int g = 0; g < 4; g++)
		gaji_table(gaji_pppk_range[g][0], gaji_pppk_range[g][1],
		           GAJI_STEPS, gaji_pppk[g]);
}

/*
 * Degrees, as written around a name: pre ("dr.", "apt."), the first
 * degree after the name, the master's degree, and the old-style prefix
 * ("Drs.", "Ir.") that graduates before the 1990s carry instead of the
 * first degree.  Each is a list of options "a|b".
 */
struct degs {
	const char *pre;
	const char *s1;
	const char *s2;
	const char *old;
};

static const struct degs deg_sma = { "", "|||||||S.E.|S.Sos.|S.Kom.", "",
                                     NULL };
static const struct degs deg_d3 = {
	"", "A.Md.|A.Md.|A.Md.Kom.|A.Md.Ak.|A.Md.A.B.", "", NULL
};
static const struct degs deg_umum = {
	"", "S.Sos.|S.E.|S.H.|S.IP.|S.STP|S.AP.|S.Kom.|S.Ak.|S.I.Kom.",
	"M.Si.|M.M.|M.A.P.|M.H.|M.Ec.Dev.|M.Si.", "Drs."
};
static const struct degs deg_dokter = {
	"dr.", "", "M.Kes.|M.K.M.|M.A.R.S.|M.Kes.", NULL
};
static const struct degs deg_kesmas = {
	"", "S.KM.|S.KM.|S.Kep., Ns.|S.Farm.", "M.Kes.|M.K.M.", NULL
};
static const struct degs deg_pend = {
	"", "S.Pd.|S.Pd.|S.Pd.I.|S.Si.", "M.Pd.|M.Pd.|M.Si.", "Drs."
};
static const struct degs deg_teknik = {
	"", "S.T.", "M.T.|M.T.|M.Eng.|M.Si.", "Ir."
};
static const struct degs deg_keu = {
	"", "S.E.|S.E.|S.Ak.", "M.Si.|M.Ak.|M.M.", "Drs."
};
static const struct degs deg_hukum = {
	"", "S.H.|S.H.|S.Sos.|S.IP.", "M.H.|M.Si.|M.Kn.", "Drs."
};
static const struct degs deg_tani = {
	"", "S.P.|S.P.|S.Pt.|S.Pi.|S.TP.", "M.P.|M.Si.", "Ir."
};
static const struct degs deg_praja = {
	"", "S.STP|S.IP.|S.Sos.|S.H.", "M.Si.|M.A.P.|M.Si.", "Drs."
};

/*
 * Jabatan fungsional.  kelas_plus: one kelas above the table (physicians,
 * pharmacists); max: the highest keahlian jenjang that occurs here; bup60:
 * retirement age 60 for every jenjang (guru).
 */
struct jf {
	const char *name;
	short ahli_pml;     /* 1000: keahlian only; 0: keterampilan only */
	short female_pml;
	short pppk_pml;
	unsigned char kelas_plus;
	unsigned char max;
	unsigned char bup60;
	struct degs da;     /* keahlian ladder */
	struct degs dt;     /* keterampilan ladder */
};

#define AHLI_ONLY 1000
#define TERAMPIL_ONLY 0

static const struct jf jf_list[] = {
	{ "Guru", AHLI_ONLY, 650, 350, 0, JJ_MADYA, 1,
	  { "", "S.Pd.|S.Pd.|S.Pd.|S.Pd.|S.Pd.I.|S.Si.|S.S.", "M.Pd.",
	    "Dra." }, { 0 } },
	{ "Pengawas Sekolah", AHLI_ONLY, 400, 0, 0, JJ_UTAMA, 1,
	  { "", "S.Pd.", "M.Pd.|M.Pd.|M.Si.", "Drs." }, { 0 } },
	{ "Penilik", AHLI_ONLY, 450, 0, 0, JJ_MADYA, 0,
	  { "", "S.Pd.|S.Sos.", "M.Pd.", NULL }, { 0 } },
	{ "Dokter", AHLI_ONLY, 580, 150, 1, JJ_UTAMA, 0,
	  { "dr.", "", "M.Kes.|M.K.M.|M.Gizi", NULL }, { 0 } },
	{ "Dokter Spesialis", AHLI_ONLY, 450, 50, 1, JJ_UTAMA, 0,
	  { "dr.", "Sp.PD|Sp.A|Sp.OG|Sp.B|Sp.An|Sp.Rad|Sp.JP|Sp.M|Sp.N|"
	    "Sp.PK|Sp.THT-KL|Sp.KJ|Sp.DVE|Sp.P", "", NULL }, { 0 } },
	{ "Dokter Gigi", AHLI_ONLY, 700, 150, 1, JJ_MADYA, 0,
	  { "drg.", "", "M.Kes.", NULL }, { 0 } },
	{ "Perawat", 450, 700, 250, 0, JJ_MADYA, 0,
	  { "", "S.Kep., Ns.", "M.Kep.", NULL },
	  { "", "A.Md.Kep.", "", NULL } },
	{ "Bidan", 300, 1000, 300, 0, JJ_MADYA, 0,
	  { "", "S.Tr.Keb.|S.Keb., Bd.", "M.Keb.", NULL },
	  { "", "A.Md.Keb.", "", NULL } },
	{ "Apoteker", AHLI_ONLY, 750, 150, 1, JJ_MADYA, 0,
	  { "apt.", "S.Farm.", "M.Farm.", NULL }, { 0 } },
	{ "Asisten Apoteker", TERAMPIL_ONLY, 800, 250, 0, 0, 0,
	  { 0 }, { "", "A.Md.Farm.", "", NULL } },
	{ "Pranata Laboratorium Kesehatan", 350, 700, 200, 0, JJ_MADYA, 0,
	  { "", "S.Tr.Kes.|S.Si.", "", NULL },
	  { "", "A.Md.A.K.|A.Md.Kes.", "", NULL } },
	{ "Nutrisionis", 450, 850, 200, 0, JJ_MADYA, 0,
	  { "", "S.Gz.", "M.Gizi", NULL }, { "", "A.Md.Gz.", "", NULL } },
	{ "Sanitarian", 400, 550, 200, 0, JJ_MADYA, 0,
	  { "", "S.KM.", "M.Kes.", NULL }, { "", "A.Md.KL", "", NULL } },
	{ "Epidemiolog Kesehatan", AHLI_ONLY, 550, 50, 0, JJ_MADYA, 0,
	  { "", "S.KM.", "M.Epid.|M.Kes.", NULL }, { 0 } },
	{ "Penyuluh Kesehatan Masyarakat", AHLI_ONLY, 650, 100, 0,
	  JJ_MADYA, 0, { "", "S.KM.", "M.Kes.|M.K.M.", NULL }, { 0 } },
	{ "Administrator Kesehatan", AHLI_ONLY, 600, 50, 0, JJ_MADYA, 0,
	  { "", "S.KM.|S.KM.|S.E.", "M.Kes.|M.A.R.S.|M.K.M.", NULL },
	  { 0 } },
	{ "Radiografer", 300, 400, 200, 0, JJ_MADYA, 0,
	  { "", "S.Tr.Rad.", "", NULL }, { "", "A.Md.Rad.", "", NULL } },
	{ "Fisioterapis", 300, 600, 200, 0, JJ_MADYA, 0,
	  { "", "S.Ft.", "", NULL }, { "", "A.Md.Ft.", "", NULL } },
	{ "Perekam Medis", 200, 650, 250, 0, JJ_MADYA, 0,
	  { "", "S.Tr.RMIK", "", NULL }, { "", "A.Md.RMIK", "", NULL } },
	{ "Analis Kebijakan", AHLI_ONLY, 450, 50, 0, JJ_UTAMA, 0,
	  { "", "S.Sos.|S.IP.|S.AP.|S.H.|S.E.|S.STP",
	    "M.Si.|M.A.P.|M.P.A.|M.Si.", "Drs." }, { 0 } },
	{ "Pranata Komputer", 600, 350, 200, 0, JJ_MADYA, 0,
	  { "", "S.Kom.|S.Kom.|S.T.", "M.Kom.|M.T.I.", NULL },
	  { "", "A.Md.Kom.|A.Md.", "", NULL } },
	{ "Arsiparis", 450, 600, 150, 0, JJ_MADYA, 0,
	  { "", "S.IP.|S.Hum.|S.Sos.", "M.Si.", NULL },
	  { "", "A.Md.", "", NULL } },
	{ "Perencana", AHLI_ONLY, 450, 50, 0, JJ_UTAMA, 0,
	  { "", "S.E.|S.T.|S.P.W.K.|S.Si.|S.E.", "M.Si.|M.T.|M.E.|M.P.W.K.",
	    "Ir." }, { 0 } },
	{ "Analis Keuangan Pusat dan Daerah", AHLI_ONLY, 550, 50, 0,
	  JJ_MADYA, 0, { "", "S.E.|S.Ak.|S.E.", "M.Ak.|M.Si.|M.M.", NULL },
	  { 0 } },
	{ "Analis Sumber Daya Manusia Aparatur", AHLI_ONLY, 550, 50, 0,
	  JJ_MADYA, 0, { "", "S.Psi.|S.Sos.|S.H.|S.AP.", "M.Si.|M.Psi.",
	                  NULL }, { 0 } },
	{ "Auditor", 850, 450, 0, 0, JJ_UTAMA, 0,
	  { "", "S.E.|S.Ak.|S.H.|S.T.", "M.Ak.|M.Si.|M.H.", NULL },
	  { "", "A.Md.Ak.", "", NULL } },
	{ "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah",
	  AHLI_ONLY, 400, 0, 0, JJ_MADYA, 0,
	  { "", "S.STP|S.H.|S.IP.", "M.Si.|M.H.", NULL }, { 0 } },
	{ "Polisi Pamong Praja", 200, 150, 100, 0, JJ_MADYA, 0,
	  { "", "S.H.|S.Sos.|S.STP", "M.H.", NULL },
	  { "", "||||A.Md.", "", NULL } },
	{ "Pemadam Kebakaran", TERAMPIL_ONLY, 40, 150, 0, 0, 0,
	  { 0 }, { "", "", "", NULL } },
	{ "Analis Kebakaran", AHLI_ONLY, 200, 0, 0, JJ_MADYA, 0,
	  { "", "S.T.|S.KM.", "", NULL }, { 0 } },
	{ "Teknik Jalan dan Jembatan", 700, 150, 100, 0, JJ_MADYA, 0,
	  { "", "S.T.", "M.T.", "Ir." }, { "", "A.Md.T.", "", NULL } },
	{ "Teknik Pengairan", 750, 150, 100, 0, JJ_MADYA, 0,
	  { "", "S.T.", "M.T.", "Ir." }, { "", "A.Md.T.", "", NULL } },
	{ "Penata Ruang", AHLI_ONLY, 350, 50, 0, JJ_MADYA, 0,
	  { "", "S.T.|S.P.W.K.", "M.T.|M.P.W.K.", NULL }, { 0 } },
	{ "Teknik Tata Bangunan dan Perumahan", 700, 250, 100, 0, JJ_MADYA,
	  0, { "", "S.T.", "M.T.", "Ir." }, { "", "A.Md.T.", "", NULL } },
	{ "Pengelola Pengadaan Barang/Jasa", AHLI_ONLY, 350, 0, 0, JJ_MADYA,
	  0, { "", "S.E.|S.T.|S.H.", "M.M.|M.T.", NULL }, { 0 } },
	{ "Pranata Hubungan Masyarakat", 800, 550, 100, 0, JJ_MADYA, 0,
	  { "", "S.I.Kom.|S.Sos.", "M.I.Kom.", NULL },
	  { "", "A.Md.", "", NULL } },
	{ "Statistisi", 800, 500, 50, 0, JJ_MADYA, 0,
	  { "", "S.Si.|S.Stat.|S.E.", "M.Si.|M.Stat.", NULL },
	  { "", "A.Md.", "", NULL } },
	{ "Sandiman", 500, 300, 50, 0, JJ_MADYA, 0,
	  { "", "S.Tr.Sd.|S.Kom.", "", NULL }, { "", "A.Md.", "", NULL } },
	{ "Penata Kelola Sistem dan Teknologi Informasi", AHLI_ONLY, 350, 100,
	  0, JJ_MADYA, 0, { "", "S.Kom.|S.T.", "M.Kom.", NULL }, { 0 } },
	{ "Analis Hukum", AHLI_ONLY, 500, 50, 0, JJ_MADYA, 0,
	  { "", "S.H.", "M.H.", NULL }, { 0 } },
	{ "Perancang Peraturan Perundang-undangan", AHLI_ONLY, 500, 0, 0,
	  JJ_MADYA, 0, { "", "S.H.", "M.H.|M.Kn.", NULL }, { 0 } },
	{ "Pekerja Sosial", 750, 600, 200, 0, JJ_MADYA, 0,
	  { "", "S.Sos.|S.Tr.Sos.", "M.Si.", NULL },
	  { "", "A.Md.", "", NULL } },
	{ "Penyuluh Sosial", AHLI_ONLY, 550, 100, 0, JJ_MADYA, 0,
	  { "", "S.Sos.", "", NULL }, { 0 } },
	{ "Penguji Kendaraan Bermotor", 400, 100, 50, 0, JJ_MADYA, 0,
	  { "", "S.T.", "", NULL }, { "", "A.Md.T.|", "", NULL } },
	{ "Pengendali Dampak Lingkungan", AHLI_ONLY, 450, 50, 0, JJ_MADYA, 0,
	  { "", "S.T.|S.Si.|S.KM.", "M.Si.|M.T.", NULL }, { 0 } },
	{ "Pengawas Lingkungan Hidup", AHLI_ONLY, 350, 0, 0, JJ_MADYA, 0,
	  { "", "S.T.|S.Si.", "M.Si.", NULL }, { 0 } },
	{ "Administrator Database Kependudukan", 500, 500, 150, 0, JJ_MADYA,
	  0, { "", "S.Kom.", "", NULL }, { "", "A.Md.Kom.|A.Md.", "", NULL } },
	{ "Pustakawan", 550, 650, 150, 0, JJ_MADYA, 0,
	  { "", "S.IP.|S.Hum.", "M.Hum.", NULL }, { "", "A.Md.", "", NULL } },
	{ "Penyuluh Keluarga Berencana", AHLI_ONLY, 600, 100, 0, JJ_MADYA, 0,
	  { "", "S.Sos.|S.KM.|S.Pd.", "", NULL }, { 0 } },
	{ "Pengantar Kerja", AHLI_ONLY, 450, 50, 0, JJ_MADYA, 0,
	  { "", "S.Sos.|S.E.|S.Psi.", "", NULL }, { 0 } },
	{ "Mediator Hubungan Industrial", AHLI_ONLY, 350, 0, 0, JJ_MADYA, 0,
	  { "", "S.H.", "M.H.", NULL }, { 0 } },
	{ "Instruktur", 600, 250, 150, 0, JJ_MADYA, 0,
	  { "", "S.T.|S.Pd.", "", NULL }, { "", "A.Md.T.", "", NULL } },
	{ "Pengawas Koperasi", AHLI_ONLY, 450, 0, 0, JJ_MADYA, 0,
	  { "", "S.E.", "M.M.", NULL }, { 0 } },
	{ "Penera", 500, 250, 0, 0, JJ_MADYA, 0,
	  { "", "S.T.|S.Si.", "", NULL }, { "", "A.Md.T.|", "", NULL } },
	{ "Pengawas Perdagangan", AHLI_ONLY, 400, 0, 0, JJ_MADYA, 0,
	  { "", "S.E.", "", NULL }, { 0 } },
	{ "Adyatama Kepariwisataan dan Ekonomi Kreatif", AHLI_ONLY, 550, 50,
	  0, JJ_MADYA, 0, { "", "S.Par.|S.E.|S.Sos.", "M.Par.", NULL },
	  { 0 } },
	{ "Pamong Budaya", AHLI_ONLY, 500, 50, 0, JJ_MADYA, 0,
	  { "", "S.Hum.|S.Sn.", "", NULL }, { 0 } },
	{ "Penggerak Swadaya Masyarakat", 600, 450, 100, 0, JJ_MADYA, 0,
	  { "", "S.Sos.|S.IP.", "", NULL }, { "", "", "", NULL } },
	{ "Analis Ketahanan Pangan", AHLI_ONLY, 500, 50, 0, JJ_MADYA, 0,
	  { "", "S.P.|S.TP.", "M.Si.", NULL }, { 0 } },
	{ "Penyuluh Pertanian", 550, 350, 300, 0, JJ_MADYA, 0,
	  { "", "S.P.|S.Pt.|S.ST.", "M.P.", "Ir." },
	  { "", "A.Md.P.|", "", NULL } },
	{ "Medik Veteriner", AHLI_ONLY, 600, 100, 0, JJ_MADYA, 0,
	  { "drh.", "", "M.Si.", NULL }, { 0 } },
	{ "Paramedik Veteriner", TERAMPIL_ONLY, 350, 150, 0, 0, 0,
	  { 0 }, { "", "A.Md.Pt.|A.Md.Vet.", "", NULL } },
};
#define N_JF (sizeof jf_list / sizeof jf_list[0])

/* Jabatan pelaksana, PermenPANRB 41/2018 names; PPPK take the KepmenPANRB
 * 2024 names of the PPPK teknis formasi. */
struct pel {
	const char *name;
	int kelas;
	int w;
};

static const struct pel pel_pns[] = {
	{ "Pengadministrasi Umum", 5, 26 },
	{ "Pengadministrasi Perkantoran", 5, 10 },
	{ "Pengadministrasi Persuratan", 5, 6 },
	{ "Pengolah Data", 6, 10 },
	{ "Pengadministrasi Keuangan", 6, 7 },
	{ "Pengelola Barang Milik Daerah", 6, 4 },
	{ "Pengelola Sarana dan Prasarana Kantor", 6, 4 },
	{ "Penelaah Teknis Kebijakan", 7, 9 },
	{ "Penyusun Program Anggaran dan Pelaporan", 7, 7 },
	{ "Analis Data dan Informasi", 7, 6 },
	{ "Pengelola Keuangan", 7, 6 },
	{ "Bendahara", 7, 5 },
};

static const struct pel pel_pppk[] = {
	{ "Operator Layanan Operasional", 5, 50 },
	{ "Pengelola Layanan Operasional", 6, 25 },
	{ "Penata Layanan Operasional", 7, 25 },
};

/* ---- names -------------------------------------------------------------- */

static const char *const m_first[] = {
	"Ahmad", "Muhammad", "Budi", "Bambang", "Agus", "Eko", "Dedi",
	"Hendra", "Rudi", "Andi", "Joko", "Slamet", "Heru", "Arif", "Fajar",
	"Rizky", "Yusuf", "Hadi", "Wahyu", "Dwi", "Teguh", "Imam", "Ma'ruf",
	"Syafi'i", "Irfan", "Dimas", "Bayu", "Gilang", "Hafiz", "Rahmat",
	"Doni", "Ari", "Rian", "Yoga", "Aditya", "Faisal", "Reza", "Ilham",
	"Taufik", "Iwan", "Deni", "Asep", "Ujang", "Dadang", "Ade", "Yudi",
	"Hari", "Sigit", "Anton", "Ridwan", "Zainal", "Abdul", "Mu'min",
	"Lukman", "Hasan", "Ikhsan", "Firman", "Galih", "Yohanes", "Markus",
	"Stefanus", "Fathur", "Arief",
};

static const char *const m_last[] = {
	"Fauzi", "Sutrisno", "Santoso", "Wibowo", "Hidayat", "Saputra",
	"Setiawan", "Kurniawan", "Nugroho", "Prasetyo", "Pratama", "Gunawan",
	"Susanto", "Hakim", "Ramadhan", "Firmansyah", "Syahputra", "Hermawan",
	"Purnomo", "Wijaya", "Hartono", "Suryadi", "Rahman", "Hidayatullah",
	"Maulana", "Effendi", "Sulistyo", "Permana", "Saputro", "Utomo",
	"Rachman", "Hamzah", "Iskandar", "Yulianto", "Kusuma", "Mahendra",
	"Anwar", "Sanjaya", "Darmawan", "Irawan", "Syahrial", "Ma'arif",
	"Rohman", "Mubarok", "Ashari", "Zulkarnain", "Arifin", "Rosyid",
};

static const char *const m_single[] = {
	"Sutrisno", "Sugiyanto", "Suparman", "Mulyadi", "Sumarno",
	"Supriyadi", "Purwanto", "Haryanto", "Sukardi", "Tukiman",
	"Suwarno", "Jumadi", "Darsono", "Wagimin", "Sarwono",
};

static const char *const f_first[] = {
	"Siti", "Dewi", "Sri", "Rina", "Fitri", "Nur", "Indah", "Ratna",
	"Wulan", "Ayu", "Putri", "Dian", "Yuni", "Eka", "Rini", "Sari",
	"Nurul", "Aisyah", "Nur'aini", "Mar'atus", "Endang", "Tri", "Lina",
	"Novi", "Desi", "Mega", "Retno", "Ani", "Yanti", "Nanik", "Evi",
	"Maya", "Rika", "Lia", "Annisa", "Khairunnisa", "Zahra", "Intan",
	"Fadhilah", "Rahma", "Nia", "Winda", "Citra", "Yulia", "Febri", "Ika",
	"Kartika", "Tuti", "Erna", "Heni", "Lilis", "Neneng", "Yeni", "Hana",
	"Maria", "Theresia", "Fransiska", "Ummu",
};

static const char *const f_last[] = {
	"Rahmawati", "Handayani", "Wulandari", "Susanti", "Lestari",
	"Puspitasari", "Anggraini", "Maharani", "Kusumawati", "Permatasari",
	"Safitri", "Rahayu", "Novitasari", "Yuliani", "Marlina", "Hasanah",
	"Khasanah", "Fitriani", "Nurhayati", "Wahyuni", "Utami", "Pertiwi",
	"Oktaviani", "Purnamasari", "Setyaningsih", "Ningsih",
	"Sulistyowati", "Astuti", "Yulianti", "Kurniasih", "Mardiana",
	"Agustina", "Damayanti", "Febrianti", "Ramadhani", "Saputri",
	"Aprilia", "Nur'azizah", "Mu'awanah", "Sholihah", "Zulfa", "Amalia",
};

static const char *const f_single[] = {
	"Sumarni", "Suharti", "Sulastri", "Sriyani", "Suparmi", "Wartini",
	"Sukarsih", "Tumini", "Ngatini", "Sumiyati", "Painem", "Rukmini",
};

/* Surnames used by both sexes (Batak, Minahasa, Maluku). */
static const char *const family[] = {
	"Siregar", "Nasution", "Lubis", "Harahap", "Simanjuntak", "Hutapea",
	"Sitompul", "Tarigan", "Ginting", "Sembiring", "Manurung",
	"Pangaribuan", "Matondang", "Daulay", "Rangkuti", "Sinaga",
	"Situmorang", "Panjaitan", "Pardede", "Tambunan", "Lumban Gaol",
	"Wuisan", "Lumentut", "Pattiasina", "Latuconsina",
};

#define NEL(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[rng_below((r), (uint32_t)NEL(a))])

/*
 * Place names for Kecamatan, Kelurahan and Puskesmas: a prefix and a
 * suffix, 16 x 12 = 192 distinct names before a number is appended.
 */
static const struct {
	const char *s;
	int spaced;
} place_pre[16] = {
	{ "Suka", 0 }, { "Mekar", 0 }, { "Tanjung", 0 }, { "Sumber", 0 },
	{ "Karang", 0 }, { "Marga", 0 }, { "Bojong", 0 }, { "Ci", 0 },
	{ "Pasir", 1 }, { "Bukit", 1 }, { "Sungai", 1 }, { "Air", 1 },
	{ "Kampung", 1 }, { "Teluk", 1 }, { "Batu", 1 }, { "Rawa", 1 },
};

static const char *const place_suf[12] = {
	"maju", "jadi", "sari", "rejo", "mulya", "asih", "jaya", "makmur",
	"indah", "baru", "harjo", "agung",
};

/* The c-th name of a sequence that starts at place off (0-191). */
static unsigned long place_at(unsigned long off, unsigned long c)
{
	return (off + c % 192) % 192 + 192 * (c / 192);
}

static void place_name(unsigned long i, char *out, size_t cap)
{
	unsigned long k = i % 192, cycle = i / 192;
	unsigned a = (unsigned)(k % 16);
	unsigned b = (unsigned)((k / 16 + a * 5) % 12);
	char suf[16];

	snprintf(suf, sizeof suf, "%s", place_suf[b]);
	if (place_pre[a].spaced) {
		suf[0] = (char)(suf[0] - 'a' + 'A');
		snprintf(out, cap, "%s %s", place_pre[a].s, suf);
	} else {
		snprintf(out, cap, "%s%s", place_pre[a].s, suf);
	}
	if (cycle) {
		size_t n = strlen(out);

		snprintf(out + n, cap - n, " %lu", cycle + 1);
	}
}

/* ---- the organisation templates ----------------------------------------- */

/* Staff of a unit: the share of pelaksana, the rest by JF and weight. */
struct mixent {
	const char *jf;
	short w;
};

struct mix {
	short pel_pct;
	struct mixent e[12];
};

enum naming { NAME_NUM, NAME_PLACE, NAME_LIST };

/*
 * A kind of UPT (unit pelaksana teknis, satuan pendidikan, Kelurahan):
 * as many as the OPD's headcount needs once its structural units are
 * staffed.  In code, "###" is the unit's number, zero-padded; in head,
 * "@" is its label (the number, a place name or an item of list).
 */
struct upt_kind {
	const char *code;       /* "SDN###" */
	const char *head;       /* "Kepala SD Negeri @" */
	enum jenis head_jenis;  /* pengawas, or fungsional + tugas tambahan */
	const char *head_jf;
	const char *parent;     /* code of the structural unit above it;
	                           NULL: the head of the OPD */
	enum naming naming;
	const char *const *list;
	short w, min, max;      /* weight among kinds; staff per unit */
	const struct mix *mix;
};

enum opd_kind { K_DINAS, K_SETDA, K_KEC };

/*
 * An OPD.  spec lists the structural jobs, ';'-separated, each
 * "<level><kelas> <CODE> <jabatan>": level J is a JPT below the head
 * (Asisten), S a JPT with no unit below it (Staf Ahli), A administrator,
 * P pengawas under the last A (or J), Q pengawas directly under the head.
 * "@" in a jabatan stands for the name of the OPD.  A unit's code is its
 * parent's code, a dot and CODE, so DINKES.P2P.SURV sits in DINKES.P2P.
 *
 * Only struct_pml per mille of the headcount hold a structural job (see
 * prioritise for which), so a small OPD has a Sekretaris, a Kepala Bidang
 * and a Kepala Subbagian but no Kepala Seksi.  slot_cap staff per
 * structural unit; the rest of the headcount goes to UPT units.
 */
struct tmpl {
	const char *code;
	const char *nama;
	const char *head;
	enum opd_kind kind;
	short weight;           /* share of the employees, in parts */
	short struct_pml;
	short slot_cap;         /* staff per structural unit before UPTs */
	const char *spec;
	const struct degs *deg[2];
	short deg0_pml;
	const struct mix *mix;
	struct upt_kind upt[2];
};

#define SEK3                                                              \
	"A12 SEK Sekretaris @;"                                           \
	"P9 UMPEG Kepala Subbagian Umum dan Kepegawaian;"                \
	"P9 KEU Kepala Subbagian Keuangan dan Aset;"                     \
	"P9 PEP Kepala Subbagian Perencanaan, Evaluasi dan Pelaporan;"
#define SEK2                                                              \
	"A12 SEK Sekretaris @;"                                           \
	"P9 UMPEG Kepala Subbagian Umum dan Kepegawaian;"                \
	"P9 KEU Kepala Subbagian Keuangan;"

static const struct mix mix_setda = { 55, {
	{ "Analis Kebijakan", 30 }, { "Analis Hukum", 10 },
	{ "Perancang Peraturan Perundang-undangan", 6 },
	{ "Pengelola Pengadaan Barang/Jasa", 10 },
	{ "Pranata Hubungan Masyarakat", 6 }, { "Pranata Komputer", 5 },
	{ "Arsiparis", 5 }, { "Perencana", 5 },
	{ "Analis Sumber Daya Manusia Aparatur", 6 }, { 0, 0 } } };
static const struct mix mix_disdik = { 55, {
	{ "Pengawas Sekolah", 20 }, { "Penilik", 6 },
	{ "Analis Kebijakan", 8 }, { "Pranata Komputer", 5 },
	{ "Perencana", 4 }, { "Arsiparis", 3 }, { 0, 0 } } };
static const struct mix mix_sd = { 14, { { "Guru", 1 }, { 0, 0 } } };
static const struct mix mix_smp = { 12, { { "Guru", 1 }, { 0, 0 } } };
static const struct mix mix_dinkes = { 45, {
	{ "Epidemiolog Kesehatan", 10 },
	{ "Penyuluh Kesehatan Masyarakat", 8 }, { "Sanitarian", 5 },
	{ "Nutrisionis", 5 }, { "Apoteker", 5 },
	{ "Administrator Kesehatan", 10 }, { "Analis Kebijakan", 6 },
	{ "Perencana", 4 }, { "Pranata Komputer", 4 }, { 0, 0 } } };
static const struct mix mix_pkm = { 18, {
	{ "Dokter", 9 }, { "Dokter Gigi", 3 }, { "Perawat", 26 },
	{ "Bidan", 22 }, { "Apoteker", 3 }, { "Asisten Apoteker", 4 },
	{ "Pranata Laboratorium Kesehatan", 5 }, { "Nutrisionis", 4 },
	{ "Sanitarian", 4 }, { "Penyuluh Kesehatan Masyarakat", 3 },
	{ "Perekam Medis", 3 }, { 0, 0 } } };
static const struct mix mix_rsud = { 15, {
	{ "Dokter", 8 }, { "Dokter Spesialis", 8 }, { "Perawat", 42 },
	{ "Bidan", 8 }, { "Apoteker", 3 }, { "Asisten Apoteker", 4 },
	{ "Pranata Laboratorium Kesehatan", 5 }, { "Radiografer", 3 },
	{ "Nutrisionis", 2 }, { "Fisioterapis", 2 }, { "Perekam Medis", 4 },
	{ 0, 0 } } };
static const struct mix mix_pupr = { 50, {
	{ "Teknik Jalan dan Jembatan", 15 }, { "Teknik Pengairan", 10 },
	{ "Penata Ruang", 10 }, { "Teknik Tata Bangunan dan Perumahan", 8 },
	{ "Pengelola Pengadaan Barang/Jasa", 5 }, { "Perencana", 4 },
	{ 0, 0 } } };
static const struct mix mix_upt_jalan = { 80, {
	{ "Teknik Jalan dan Jembatan", 1 }, { 0, 0 } } };
static const struct mix mix_bkpsdm = { 45, {
	{ "Analis Sumber Daya Manusia Aparatur", 40 },
	{ "Pranata Komputer", 8 }, { "Arsiparis", 5 }, { 0, 0 } } };
static const struct mix mix_bpkad = { 55, {
	{ "Analis Keuangan Pusat dan Daerah", 30 },
	{ "Pranata Komputer", 5 }, { "Pengelola Pengadaan Barang/Jasa", 3 },
	{ 0, 0 } } };
static const struct mix mix_bappeda = { 40, {
	{ "Perencana", 45 }, { "Statistisi", 5 }, { "Analis Kebijakan", 10 },
	{ "Pranata Komputer", 5 }, { 0, 0 } } };
static const struct mix mix_insp = { 20, {
	{ "Auditor", 45 },
	{ "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", 35 },
	{ 0, 0 } } };
static const struct mix mix_dinsos = { 50, {
	{ "Pekerja Sosial", 30 }, { "Penyuluh Sosial", 15 },
	{ "Analis Kebijakan", 5 }, { 0, 0 } } };
static const struct mix mix_dishub = { 70, {
	{ "Penguji Kendaraan Bermotor", 25 }, { "Analis Kebijakan", 5 },
	{ 0, 0 } } };
static const struct mix mix_satpol = { 25, {
	{ "Polisi Pamong Praja", 1 }, { 0, 0 } } };
static const struct mix mix_capil = { 60, {
	{ "Administrator Database Kependudukan", 25 },
	{ "Pranata Komputer", 10 }, { 0, 0 } } };
static const struct mix mix_dlh = { 60, {
	{ "Pengendali Dampak Lingkungan", 25 },
	{ "Pengawas Lingkungan Hidup", 10 }, { 0, 0 } } };
static const struct mix mix_upt_sampah = { 90, {
	{ "Pengendali Dampak Lingkungan", 1 }, { 0, 0 } } };
static const struct mix mix_setwan = { 50, {
	{ "Analis Kebijakan", 20 }, { "Analis Hukum", 10 },
	{ "Perancang Peraturan Perundang-undangan", 8 },
	{ "Pranata Hubungan Masyarakat", 10 }, { 0, 0 } } };
static const struct mix mix_kominfo = { 40, {
	{ "Pranata Komputer", 30 }, { "Pranata Hubungan Masyarakat", 20 },
	{ "Statistisi", 10 }, { "Sandiman", 8 },
	{ "Penata Kelola Sistem dan Teknologi Informasi", 12 }, { 0, 0 } } };
static const struct mix mix_bapenda = { 75, {
	{ "Analis Keuangan Pusat dan Daerah", 10 },
	{ "Pranata Komputer", 8 }, { 0, 0 } } };
static const struct mix mix_umum = { 70, {
	{ "Analis Kebijakan", 20 }, { "Pranata Komputer", 8 },
	{ "Arsiparis", 5 }, { 0, 0 } } };
static const struct mix mix_perkim = { 65, {
	{ "Teknik Tata Bangunan dan Perumahan", 20 }, { "Penata Ruang", 8 },
	{ 0, 0 } } };
static const struct mix mix_p3a = { 45, {
	{ "Penyuluh Keluarga Berencana", 45 }, { "Analis Kebijakan", 5 },
	{ 0, 0 } } };
static const struct mix mix_dkpp = { 45, {
	{ "Analis Ketahanan Pangan", 20 }, { "Penyuluh Pertanian", 20 },
	{ "Medik Veteriner", 6 }, { "Paramedik Veteriner", 6 }, { 0, 0 } } };
static const struct mix mix_bpp = { 20, {
	{ "Penyuluh Pertanian", 1 }, { 0, 0 } } };
static const struct mix mix_disdag = { 70, {
	{ "Penera", 10 }, { "Pengawas Perdagangan", 10 }, { 0, 0 } } };
static const struct mix mix_pasar = { 95, {
	{ "Pengawas Perdagangan", 1 }, { 0, 0 } } };
static const struct mix mix_naker = { 50, {
	{ "Pengantar Kerja", 20 }, { "Mediator Hubungan Industrial", 15 },
	{ "Instruktur", 15 }, { 0, 0 } } };
static const struct mix mix_blk = { 30, {
	{ "Instruktur", 1 }, { 0, 0 } } };
static const struct mix mix_kop = { 70, {
	{ "Pengawas Koperasi", 1 }, { 0, 0 } } };
static const struct mix mix_porapar = { 70, {
	{ "Adyatama Kepariwisataan dan Ekonomi Kreatif", 20 },
	{ "Pamong Budaya", 8 }, { 0, 0 } } };
static const struct mix mix_pusip = { 20, {
	{ "Pustakawan", 40 }, { "Arsiparis", 40 }, { 0, 0 } } };
static const struct mix mix_damkar = { 45, {
	{ "Pemadam Kebakaran", 40 }, { "Analis Kebakaran", 8 }, { 0, 0 } } };
static const struct mix mix_pos_damkar = { 20, {
	{ "Pemadam Kebakaran", 1 }, { 0, 0 } } };
static const struct mix mix_kec = { 85, {
	{ "Penggerak Swadaya Masyarakat", 10 }, { "Analis Kebijakan", 4 },
	{ 0, 0 } } };
static const struct mix mix_kel = { 90, {
	{ "Penggerak Swadaya Masyarakat", 1 }, { 0, 0 } } };

static const char *const instalasi[] = {
	"Gawat Darurat", "Rawat Jalan", "Rawat Inap", "Bedah Sentral",
	"Perawatan Intensif", "Patologi Klinik", "Radiologi",
	"Rehabilitasi Medik", "Hemodialisis", "Maternal Perinatal", NULL,
};

#define UPT_NONE { 0 }
/* A generic UPT headed by a pengawas, numbered, reporting to the head. */
#define UPT(code, head, parent, mn, mx, mixp) \
	{ code, head, JN_PENGAWAS, NULL, parent, NAME_NUM, NULL, 1, mn, mx, \
	  mixp }

static const struct tmpl tmpl_setda = {
	"SETDA", "Sekretariat Daerah", "Sekretaris Daerah", K_SETDA, 30, 300,
	8,
	"J14 ASPEM Asisten Pemerintahan dan Kesejahteraan Rakyat;"
	"A12 PEM Kepala Bagian Pemerintahan;"
	"P9 OTDA Kepala Subbagian Otonomi Daerah;"
	"A12 KESRA Kepala Bagian Kesejahteraan Rakyat;"
	"A12 HUKUM Kepala Bagian Hukum;"
	"P9 PERUU Kepala Subbagian Perundang-undangan;"
	"J14 ASEKBANG Asisten Perekonomian dan Pembangunan;"
	"A12 EKON Kepala Bagian Perekonomian dan Sumber Daya Alam;"
	"A12 PBJ Kepala Bagian Pengadaan Barang dan Jasa;"
	"A12 ADPEM Kepala Bagian Administrasi Pembangunan;"
	"J14 ASADM Asisten Administrasi Umum;"
	"A12 UMUM Kepala Bagian Umum;"
	"P9 TU Kepala Subbagian Tata Usaha Pimpinan;"
	"P9 RT Kepala Subbagian Rumah Tangga;"
	"A12 ORG Kepala Bagian Organisasi;"
	"P9 KELEM Kepala Subbagian Kelembagaan dan Analisis Jabatan;"
	"A12 PROKOPIM Kepala Bagian Protokol dan Komunikasi Pimpinan;"
	"A12 RENKEU Kepala Bagian Perencanaan dan Keuangan;"
	"S13 SAHPP Staf Ahli Wali Kota Bidang Hukum, Politik dan "
	"Pemerintahan;"
	"S13 SAEKBANG Staf Ahli Wali Kota Bidang Perekonomian, Pembangunan "
	"dan Keuangan;"
	"S13 SAKEMAS Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber "
	"Daya Manusia",
	{ &deg_praja, &deg_umum }, 500, &mix_setda, { UPT_NONE, UPT_NONE }
};

/* The OPD after the Sekretariat Daerah, in the order they appear as N
 * grows (a Kota of 1000 has the first 15 and five Kecamatan). */
static const struct tmpl tmpl_named[] = {
	{ "INSPEKTORAT", "Inspektorat Daerah", "Inspektur", K_DINAS, 15, 150,
	  30,
	  "A12 SEK Sekretaris @;"
	  "P9 UMPEG Kepala Subbagian Umum dan Kepegawaian;"
	  "P9 PEP Kepala Subbagian Perencanaan, Evaluasi dan Pelaporan;"
	  "A12 IRBAN1 Inspektur Pembantu Wilayah I;"
	  "A12 IRBAN2 Inspektur Pembantu Wilayah II;"
	  "A12 IRBAN3 Inspektur Pembantu Wilayah III;"
	  "A12 IRBAN4 Inspektur Pembantu Wilayah IV;"
	  "A12 IRBANSUS Inspektur Pembantu Khusus",
	  { &deg_keu, &deg_praja }, 500, &mix_insp, { UPT_NONE, UPT_NONE } },
	{ "BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Kepala @",
	  K_DINAS, 12, 150, 12,
	  SEK2
	  "A11 EKON Kepala Bidang Perencanaan Perekonomian dan Sumber Daya "
	  "Alam;"
	  "P9 EKON1 Kepala Subbidang Perekonomian;"
	  "A11 PPM Kepala Bidang Pemerintahan dan Pembangunan Manusia;"
	  "P9 PPM1 Kepala Subbidang Pembangunan Manusia;"
	  "A11 INFRA Kepala Bidang Infrastruktur dan Kewilayahan;"
	  "P9 INFRA1 Kepala Subbidang Infrastruktur;"
	  "A11 LITBANG Kepala Bidang Penelitian, Pengembangan dan Evaluasi",
	  { &deg_umum, &deg_teknik }, 600, &mix_bappeda,
	  { UPT_NONE, UPT_NONE } },
	{ "BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "Kepala @",
	  K_DINAS, 15, 150, 12,
	  SEK2
	  "A11 ANG Kepala Bidang Anggaran;"
	  "P9 ANG1 Kepala Subbidang Penyusunan Anggaran;"
	  "A11 PERBEN Kepala Bidang Perbendaharaan;"
	  "P9 PERBEN1 Kepala Subbidang Belanja;"
	  "A11 AKT Kepala Bidang Akuntansi dan Pelaporan;"
	  "A11 ASET Kepala Bidang Pengelolaan Barang Milik Daerah;"
	  "P9 ASET1 Kepala Subbidang Penatausahaan Aset",
	  { &deg_keu, &deg_umum }, 700, &mix_bpkad,
	  { UPT("UPTKAS##", "Kepala UPT Kas Daerah Wilayah @", "PERBEN",
	        8, 14, &mix_bpkad), UPT_NONE } },
	{ "BKPSDM",
	  "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
	  "Kepala @", K_DINAS, 12, 150, 12,
	  SEK2
	  "A11 MUTASI Kepala Bidang Mutasi dan Promosi;"
	  "P9 MUTASI1 Kepala Subbidang Mutasi;"
	  "A11 PSDM Kepala Bidang Pengembangan Sumber Daya Manusia;"
	  "A11 PKA Kepala Bidang Penilaian Kinerja Aparatur dan "
	  "Penghargaan;"
	  "P9 PKA1 Kepala Subbidang Penilaian Kinerja;"
	  "A11 PPI Kepala Bidang Pengadaan, Pemberhentian dan Informasi",
	  { &deg_umum, &deg_hukum }, 600, &mix_bkpsdm,
	  { UPT("UPTKOMP##", "Kepala UPT Penilaian Kompetensi Wilayah @",
	        "PSDM", 8, 14, &mix_bkpsdm), UPT_NONE } },
	{ "DISDIK", "Dinas Pendidikan", "Kepala @", K_DINAS, 420, 150, 4,
	  SEK3
	  "A11 PAUD Kepala Bidang Pembinaan PAUD dan Pendidikan "
	  "Nonformal;"
	  "P9 PAUD1 Kepala Seksi Kelembagaan dan Sarana PAUD;"
	  "A11 SD Kepala Bidang Pembinaan Sekolah Dasar;"
	  "P9 KURSD Kepala Seksi Kurikulum dan Penilaian SD;"
	  "P9 SARSD Kepala Seksi Sarana dan Prasarana SD;"
	  "A11 SMP Kepala Bidang Pembinaan Sekolah Menengah Pertama;"
	  "P9 KURSMP Kepala Seksi Kurikulum dan Penilaian SMP;"
	  "P9 SARSMP Kepala Seksi Sarana dan Prasarana SMP;"
	  "A11 GTK Kepala Bidang Guru dan Tenaga Kependidikan;"
	  "P9 GTK1 Kepala Seksi Pendidik dan Tenaga Kependidikan SD;"
	  "P9 GTK2 Kepala Seksi Pendidik dan Tenaga Kependidikan SMP",
	  { &deg_pend, &deg_umum }, 750, &mix_disdik,
	  { { "SDN###", "Kepala SD Negeri @", JN_FUNGSIONAL, "Guru", "SD",
	      NAME_NUM, NULL, 3, 7, 12, &mix_sd },
	    { "SMPN###", "Kepala SMP Negeri @", JN_FUNGSIONAL, "Guru",
	      "SMP", NAME_NUM, NULL, 1, 16, 28, &mix_smp } } },
	{ "DINKES", "Dinas Kesehatan", "Kepala @", K_DINAS, 110, 150, 4,
	  SEK3
	  "A11 KESMAS Kepala Bidang Kesehatan Masyarakat;"
	  "P9 KGM Kepala Seksi Kesehatan Keluarga dan Gizi Masyarakat;"
	  "P9 PROMKES Kepala Seksi Promosi dan Pemberdayaan Masyarakat;"
	  "A11 P2P Kepala Bidang Pencegahan dan Pengendalian Penyakit;"
	  "P9 SURV Kepala Seksi Surveilans dan Imunisasi;"
	  "P9 PTM Kepala Seksi Pencegahan dan Pengendalian Penyakit Tidak "
	  "Menular;"
	  "A11 YANKES Kepala Bidang Pelayanan dan Sumber Daya Kesehatan;"
	  "P9 PRIMER Kepala Seksi Pelayanan Kesehatan Primer;"
	  "P9 FARMALKES Kepala Seksi Kefarmasian dan Alat Kesehatan",
	  { &deg_dokter, &deg_kesmas }, 550, &mix_dinkes,
	  { { "PKM##", "Kepala UPT Puskesmas @", JN_PENGAWAS, NULL, NULL,
	      NAME_PLACE, NULL, 1, 14, 30, &mix_pkm }, UPT_NONE } },
	{ "RSUD", "Rumah Sakit Umum Daerah", "Direktur @", K_DINAS, 90, 150,
	  6,
	  "A12 TU Kepala Bagian Tata Usaha;"
	  "P9 UMPEG Kepala Subbagian Umum dan Kepegawaian;"
	  "P9 KEU Kepala Subbagian Keuangan;"
	  "A11 YANMED Kepala Bidang Pelayanan Medik;"
	  "P9 YANMED1 Kepala Seksi Pelayanan Medik;"
	  "A11 KEP Kepala Bidang Keperawatan;"
	  "P9 ASKEP Kepala Seksi Asuhan Keperawatan;"
	  "A11 PENUNJANG Kepala Bidang Penunjang Medik dan Nonmedik;"
	  "P9 PENMED Kepala Seksi Penunjang Medik;"
	  "P9 PROG Kepala Subbagian Perencanaan dan Program",
	  { &deg_dokter, &deg_kesmas }, 750, &mix_rsud,
	  { { "INST##", "Kepala Instalasi @", JN_FUNGSIONAL,
	      "Dokter Spesialis", "YANMED", NAME_LIST, instalasi, 1, 12, 30,
	      &mix_rsud }, UPT_NONE } },
	{ "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala @",
	  K_DINAS, 25, 150, 10,
	  SEK3
	  "A11 BM Kepala Bidang Bina Marga;"
	  "P9 PJJ Kepala Seksi Pembangunan Jalan dan Jembatan;"
	  "P9 PEMJ Kepala Seksi Pemeliharaan Jalan dan Jembatan;"
	  "A11 SDA Kepala Bidang Sumber Daya Air;"
	  "P9 IRIG Kepala Seksi Irigasi dan Drainase;"
	  "A11 CK Kepala Bidang Cipta Karya;"
	  "P9 AMS Kepala Seksi Air Minum dan Sanitasi;"
	  "A11 TR Kepala Bidang Penataan Ruang;"
	  "P9 PTR Kepala Seksi Pemanfaatan Ruang",
	  { &deg_teknik, &deg_umum }, 850, &mix_pupr,
	  { UPT("UPTJ##", "Kepala UPT Pemeliharaan Jalan Wilayah @", "BM",
	        8, 16, &mix_upt_jalan), UPT_NONE } },
	{ "DINSOS", "Dinas Sosial", "Kepala @", K_DINAS, 12, 150, 12,
	  SEK2
	  "A11 LINJAM Kepala Bidang Perlindungan dan Jaminan Sosial;"
	  "P9 LINJAM1 Kepala Seksi Jaminan Sosial Keluarga;"
	  "A11 REHSOS Kepala Bidang Rehabilitasi Sosial;"
	  "P9 REHSOS1 Kepala Seksi Rehabilitasi Sosial Anak dan Lanjut "
	  "Usia;"
	  "A11 DAYASOS Kepala Bidang Pemberdayaan Sosial dan Penanganan "
	  "Fakir Miskin",
	  { &deg_umum, &deg_hukum }, 700, &mix_dinsos,
	  { UPT("UPTRPS##", "Kepala UPT Rumah Perlindungan Sosial @",
	        "REHSOS", 6, 12, &mix_dinsos), UPT_NONE } },
	{ "DISHUB", "Dinas Perhubungan", "Kepala @", K_DINAS, 20, 150, 12,
	  SEK2
	  "A11 LLAJ Kepala Bidang Lalu Lintas dan Angkutan Jalan;"
	  "P9 LALIN Kepala Seksi Manajemen dan Rekayasa Lalu Lintas;"
	  "A11 SARPRAS Kepala Bidang Sarana dan Prasarana;"
	  "P9 PKB Kepala Seksi Pengujian Kendaraan Bermotor;"
	  "A11 DALOPS Kepala Bidang Pengendalian dan Operasional",
	  { &deg_umum, &deg_teknik }, 650, &mix_dishub,
	  { UPT("UPTPARKIR##", "Kepala UPT Perparkiran Wilayah @",
	        "DALOPS", 8, 16, &mix_dishub), UPT_NONE } },
	{ "SATPOLPP", "Satuan Polisi Pamong Praja", "Kepala @", K_DINAS, 25,
	  150, 12,
	  SEK2
	  "A11 TIBUM Kepala Bidang Ketertiban Umum dan Ketenteraman "
	  "Masyarakat;"
	  "P9 OPS Kepala Seksi Operasi dan Pengendalian;"
	  "A11 GAKDA Kepala Bidang Penegakan Peraturan Daerah;"
	  "P9 PENYIDIKAN Kepala Seksi Penyelidikan dan Penyidikan;"
	  "A11 LINMAS Kepala Bidang Perlindungan Masyarakat",
	  { &deg_praja, &deg_hukum }, 600, &mix_satpol,
	  { UPT("UPTPP##", "Kepala UPT Satuan Polisi Pamong Praja Wilayah "
	        "@", "TIBUM", 10, 20, &mix_satpol), UPT_NONE } },
	{ "DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil",
	  "Kepala @", K_DINAS, 15, 150, 12,
	  SEK2
	  "A11 DAFDUK Kepala Bidang Pelayanan Pendaftaran Penduduk;"
	  "P9 IDENTITAS Kepala Seksi Identitas Penduduk;"
	  "A11 CAPIL Kepala Bidang Pelayanan Pencatatan Sipil;"
	  "P9 KELAHIRAN Kepala Seksi Kelahiran dan Kematian;"
	  "A11 PIAK Kepala Bidang Pengelolaan Informasi Administrasi "
	  "Kependudukan",
	  { &deg_praja, &deg_umum }, 500, &mix_capil,
	  { UPT("UPTDUK##", "Kepala UPT Pelayanan Kependudukan Wilayah @",
	        "DAFDUK", 6, 12, &mix_capil), UPT_NONE } },
	{ "DLH", "Dinas Lingkungan Hidup", "Kepala @", K_DINAS, 25, 150, 8,
	  SEK2
	  "A11 TALING Kepala Bidang Tata Lingkungan;"
	  "P9 KAJIAN Kepala Seksi Kajian Dampak Lingkungan;"
	  "A11 PPKL Kepala Bidang Pengendalian Pencemaran dan Kerusakan "
	  "Lingkungan;"
	  "P9 PEMANTAUAN Kepala Seksi Pemantauan Lingkungan;"
	  "A11 PSLB3 Kepala Bidang Pengelolaan Sampah dan Limbah B3;"
	  "P9 SAMPAH Kepala Seksi Pengurangan dan Penanganan Sampah",
	  { &deg_teknik, &deg_umum }, 600, &mix_dlh,
	  { UPT("UPTSAMPAH##", "Kepala UPT Pengelolaan Sampah Wilayah @",
	        "PSLB3", 10, 20, &mix_upt_sampah), UPT_NONE } },
	{ "SETWAN", "Sekretariat DPRD", "Sekretaris DPRD", K_DINAS, 15, 150,
	  12,
	  "A12 UMUM Kepala Bagian Umum dan Keuangan;"
	  "P9 TU Kepala Subbagian Tata Usaha dan Kepegawaian;"
	  "P9 KEU Kepala Subbagian Keuangan;"
	  "A12 PERSID Kepala Bagian Persidangan dan Perundang-undangan;"
	  "P9 RISALAH Kepala Subbagian Rapat dan Risalah;"
	  "A12 FASANG Kepala Bagian Fasilitasi Penganggaran dan "
	  "Pengawasan;"
	  "A12 HUMAS Kepala Bagian Hubungan Masyarakat dan Protokol",
	  { &deg_hukum, &deg_umum }, 500, &mix_setwan,
	  { UPT_NONE, UPT_NONE } },
	{ "DISKOMINFO", "Dinas Komunikasi dan Informatika", "Kepala @",
	  K_DINAS, 10, 150, 12,
	  SEK2
	  "A11 IKP Kepala Bidang Informasi dan Komunikasi Publik;"
	  "A11 APTIKA Kepala Bidang Aplikasi Informatika;"
	  "P9 INFRA Kepala Seksi Infrastruktur dan Teknologi;"
	  "A11 STATSAN Kepala Bidang Statistik dan Persandian",
	  { &deg_umum, &deg_teknik }, 600, &mix_kominfo,
	  { UPT("UPTTIK##", "Kepala UPT Layanan Teknologi Informasi @",
	        "APTIKA", 6, 12, &mix_kominfo), UPT_NONE } },
	{ "BAPENDA", "Badan Pendapatan Daerah", "Kepala @", K_DINAS, 15, 150,
	  8,
	  SEK2
	  "A11 PDL Kepala Bidang Pendaftaran dan Pendataan;"
	  "A11 TAGIH Kepala Bidang Penetapan dan Penagihan;"
	  "P9 TAGIH1 Kepala Subbidang Penagihan;"
	  "A11 PBB Kepala Bidang Pajak Bumi dan Bangunan dan BPHTB",
	  { &deg_keu, &deg_umum }, 700, &mix_bapenda,
	  { UPT("UPTPD##", "Kepala UPT Pendapatan Daerah Wilayah @",
	        "TAGIH", 8, 15, &mix_bapenda), UPT_NONE } },
	{ "DPMPTSP",
	  "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
	  "Kepala @", K_DINAS, 10, 150, 12,
	  SEK2
	  "A11 PM Kepala Bidang Penanaman Modal;"
	  "A11 PERIZINAN Kepala Bidang Pelayanan Perizinan;"
	  "P9 PERIZINAN1 Kepala Seksi Perizinan Usaha;"
	  "A11 DALAK Kepala Bidang Pengendalian Pelaksanaan",
	  { &deg_umum, &deg_hukum }, 600, &mix_umum,
	  { UPT("UPTMPP##", "Kepala UPT Mal Pelayanan Publik @",
	        "PERIZINAN", 6, 12, &mix_umum), UPT_NONE } },
	{ "KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Kepala @",
	  K_DINAS, 8, 150, 12,
	  SEK2
	  "A11 IDEOLOGI Kepala Bidang Ideologi, Wawasan Kebangsaan dan "
	  "Karakter Bangsa;"
	  "A11 POLDAGRI Kepala Bidang Politik Dalam Negeri dan Organisasi "
	  "Kemasyarakatan;"
	  "A11 WASNAS Kepala Bidang Kewaspadaan Nasional dan Penanganan "
	  "Konflik",
	  { &deg_praja, &deg_umum }, 600, &mix_umum,
	  { UPT("UPTKB##", "Kepala UPT Pembinaan Kebangsaan Wilayah @",
	        "WASNAS", 6, 12, &mix_umum), UPT_NONE } },
	{ "BPBD", "Badan Penanggulangan Bencana Daerah", "Kepala Pelaksana @",
	  K_DINAS, 10, 150, 12,
	  SEK2
	  "A11 PK Kepala Bidang Pencegahan dan Kesiapsiagaan;"
	  "A11 KL Kepala Bidang Kedaruratan dan Logistik;"
	  "P9 PUSDALOPS Kepala Seksi Pusat Pengendalian Operasi;"
	  "A11 RR Kepala Bidang Rehabilitasi dan Rekonstruksi",
	  { &deg_umum, &deg_teknik }, 600, &mix_umum,
	  { UPT("UPTPB##", "Kepala UPT Penanggulangan Bencana Wilayah @",
	        "KL", 8, 14, &mix_umum), UPT_NONE } },
	{ "DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", "Kepala @",
	  K_DINAS, 12, 150, 12,
	  SEK2
	  "A11 PERUMAHAN Kepala Bidang Perumahan;"
	  "A11 KAWASAN Kepala Bidang Kawasan Permukiman;"
	  "A11 PSU Kepala Bidang Prasarana, Sarana dan Utilitas Umum;"
	  "P9 PERTAMANAN Kepala Seksi Pertamanan dan Pemakaman;"
	  "A11 PERTANAHAN Kepala Bidang Pertanahan",
	  { &deg_teknik, &deg_umum }, 700, &mix_perkim,
	  { UPT("UPTMAKAM##", "Kepala UPT Pemakaman dan Pertamanan Wilayah "
	        "@", "PSU", 8, 16, &mix_perkim), UPT_NONE } },
	{ "DP3AP2KB",
	  "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian "
	  "Penduduk dan Keluarga Berencana", "Kepala @", K_DINAS, 12, 150, 10,
	  SEK2
	  "A11 PPPA Kepala Bidang Pemberdayaan Perempuan dan Perlindungan "
	  "Anak;"
	  "A11 DALDUK Kepala Bidang Pengendalian Penduduk;"
	  "A11 KB Kepala Bidang Keluarga Berencana;"
	  "P9 KB1 Kepala Seksi Advokasi dan Penggerakan KB",
	  { &deg_umum, &deg_kesmas }, 700, &mix_p3a,
	  { UPT("UPTPPA##", "Kepala UPT Perlindungan Perempuan dan Anak "
	        "Wilayah @", "PPPA", 6, 12, &mix_p3a), UPT_NONE } },
	{ "DKPP", "Dinas Ketahanan Pangan dan Pertanian", "Kepala @",
	  K_DINAS, 15, 150, 8,
	  SEK2
	  "A11 KP Kepala Bidang Ketahanan Pangan;"
	  "A11 TPH Kepala Bidang Tanaman Pangan dan Hortikultura;"
	  "P9 PENYULUHAN Kepala Seksi Penyuluhan Pertanian;"
	  "A11 NAKKESWAN Kepala Bidang Peternakan dan Kesehatan Hewan;"
	  "A11 IKAN Kepala Bidang Perikanan",
	  { &deg_tani, &deg_umum }, 800, &mix_dkpp,
	  { UPT("UPTBPP##", "Kepala UPT Balai Penyuluhan Pertanian "
	        "Wilayah @", "TPH", 6, 12, &mix_bpp), UPT_NONE } },
	{ "DISDAG", "Dinas Perdagangan dan Perindustrian", "Kepala @",
	  K_DINAS, 10, 150, 8,
	  SEK2
	  "A11 DAGRI Kepala Bidang Perdagangan Dalam Negeri;"
	  "A11 PASAR Kepala Bidang Pengelolaan Pasar;"
	  "P9 PASAR1 Kepala Seksi Sarana Distribusi;"
	  "A11 INDUSTRI Kepala Bidang Perindustrian",
	  { &deg_keu, &deg_umum }, 600, &mix_disdag,
	  { { "UPTPASAR##", "Kepala UPT Pasar @", JN_PENGAWAS, NULL,
	      "PASAR", NAME_PLACE, NULL, 1, 5, 10, &mix_pasar }, UPT_NONE } },
	{ "DISNAKER", "Dinas Tenaga Kerja", "Kepala @", K_DINAS, 8, 150, 10,
	  SEK2
	  "A11 PENTA Kepala Bidang Penempatan dan Pelatihan Tenaga Kerja;"
	  "A11 HI Kepala Bidang Hubungan Industrial dan Jaminan Sosial",
	  { &deg_umum, &deg_hukum }, 600, &mix_naker,
	  { UPT("UPTBLK##", "Kepala UPT Balai Latihan Kerja @", "PENTA",
	        8, 14, &mix_blk), UPT_NONE } },
	{ "DISKOPUKM", "Dinas Koperasi dan Usaha Mikro", "Kepala @", K_DINAS,
	  8, 150, 10,
	  SEK2
	  "A11 KOP Kepala Bidang Koperasi;"
	  "A11 UM Kepala Bidang Usaha Mikro;"
	  "A11 WASKOP Kepala Bidang Pengawasan Koperasi",
	  { &deg_keu, &deg_umum }, 600, &mix_kop,
	  { UPT("UPTPLUT##", "Kepala UPT Pusat Layanan Usaha Terpadu @",
	        "UM", 6, 12, &mix_kop), UPT_NONE } },
	{ "DISPORAPAR", "Dinas Pemuda, Olahraga dan Pariwisata", "Kepala @",
	  K_DINAS, 8, 150, 10,
	  SEK2
	  "A11 PEMUDA Kepala Bidang Kepemudaan;"
	  "A11 OR Kepala Bidang Olahraga;"
	  "A11 PAR Kepala Bidang Pariwisata;"
	  "A11 EKRAF Kepala Bidang Ekonomi Kreatif",
	  { &deg_umum, &deg_pend }, 600, &mix_porapar,
	  { UPT("UPTGOR##", "Kepala UPT Pengelolaan Sarana Olahraga @",
	        "OR", 6, 12, &mix_porapar), UPT_NONE } },
	{ "DISPUSIP", "Dinas Perpustakaan dan Kearsipan", "Kepala @",
	  K_DINAS, 8, 150, 10,
	  SEK2
	  "A11 PUS Kepala Bidang Perpustakaan;"
	  "A11 ARSIP Kepala Bidang Kearsipan",
	  { &deg_umum, &deg_pend }, 600, &mix_pusip,
	  { UPT("UPTPUS##", "Kepala UPT Perpustakaan Daerah @", "PUS",
	        6, 12, &mix_pusip), UPT_NONE } },
	{ "DAMKAR", "Dinas Pemadam Kebakaran dan Penyelamatan", "Kepala @",
	  K_DINAS, 15, 150, 6,
	  SEK2
	  "A11 OPS Kepala Bidang Operasi Pemadaman dan Penyelamatan;"
	  "P9 OPS1 Kepala Seksi Operasi dan Investigasi;"
	  "A11 CEGAH Kepala Bidang Pencegahan dan Sarana Prasarana",
	  { &deg_umum, &deg_teknik }, 600, &mix_damkar,
	  { { "POS##", "Kepala UPT Pos Pemadam Kebakaran @", JN_PENGAWAS,
	      NULL, "OPS", NAME_PLACE, NULL, 1, 8, 14, &mix_pos_damkar },
	    UPT_NONE } },
};
#define N_NAMED (sizeof tmpl_named / sizeof tmpl_named[0])

/* A Kecamatan: the Camat (administrator) heads it and reports to the
 * Sekda; Lurah (pengawas) head the Kelurahan and report to the Camat. */
static const struct tmpl tmpl_kec = {
	"KEC", "Kecamatan", "Camat", K_KEC, 15, 150, 2,
	"A11 SEK Sekretaris @;"
	"Q9 PEM Kepala Seksi Pemerintahan;"
	"P9 UMPEG Kepala Subbagian Umum dan Kepegawaian;"
	"Q9 TRANTIB Kepala Seksi Ketenteraman dan Ketertiban Umum;"
	"P9 RENKEU Kepala Subbagian Perencanaan dan Keuangan;"
	"Q9 PMK Kepala Seksi Pemberdayaan Masyarakat dan Kelurahan;"
	"Q9 YANUM Kepala Seksi Pelayanan Umum",
	{ &deg_praja, &deg_umum }, 700, &mix_kec,
	{ { "KEL##", "Lurah @", JN_PENGAWAS, NULL, NULL, NAME_PLACE, NULL,
	    1, 4, 9, &mix_kel }, UPT_NONE }
};

/* ---- the state of a run ------------------------------------------------- */

struct emp {
	char nip[19];
	char nama[160];
	char jabatan[200];
	char golongan[8];
	char ket[64];
	enum status status;
	enum jenis jenis;
	enum jenjang jenjang;
	int kelas;
	int plt_kelas;      /* 0: none */
	int sex;            /* 1 male, 2 female, as in the NIP */
	int age;
	long gaji;
	long birth, tmt, tmt_keluar;   /* days; tmt_keluar 0: none */
	const char *opd;
	const char *unit;
	const char *atasan;
	const char *ptkp;
};

/* What a job asks of the person who holds it. */
struct role {
	enum status status;
	enum jenis jenis;
	enum jenjang jenjang;
	enum edu edu;
	int kelas;
	int gol_lo, gol_hi;
	int age_lo, age_hi;
	int min_serv;
	int bup;
	int stays;          /* has subordinates: no BUP before 2027-02 */
	int female_pml;
	int master_pml;
	int doctor_pml;
	const struct degs *deg;
	const char *jabatan;
};

struct opdrec {
	char code[40];
	char nama[160];
	char kepala[19];
};

struct gen;

/*
 * An output.  employee() sees every employee in the order of pegawai.tsv,
 * finish() runs after the last one.  To add one (absen, skp, realisasi,
 * anjab): a function pair and a line in the outputs table.
 */
struct output {
	const char *name;
	const char *file;
	const char *help;
	void (*employee)(struct wbuf *w, const struct emp *e);
	void (*finish)(struct wbuf *w, const struct gen *g);
};

struct gen {
	uint64_t seed;
	long n;             /* employees asked for */
	long emitted;
	struct output *out;
	struct wbuf *wb;
	int n_out;

	/* NIP sequence numbers by birth date, TMT month and sex. */
	uint16_t *seq;
	long n_bdays;
	long birth_min;     /* days of BIRTH_MIN_Y-01-01 */
	long birth_max;

	/* Quotas: shares that must come out exact whatever N, see quota(). */
	uint32_t q_acc[8];

	char sekda[19];
	struct opdrec *opd;
	int n_opd;
	unsigned long kel_next;     /* Kelurahan names run over the Kota */
	unsigned long place_off[3];
};

/* ---- people ------------------------------------------------------------- */

enum { Q_TB, Q_CLTN, Q_MPP, Q_HR, Q_HS, Q_PLT_P, Q_PLT_A };
/* Shares in parts per million of the employees eligible for each. */
static const uint32_t q_rate[] = {
	[Q_TB] = 6000,        /* tugas belajar */
	[Q_CLTN] = 3000,
	[Q_MPP] = 700000,     /* of those retiring from December on */
	[Q_HR] = 4000,        /* hukdis ringan */
	[Q_HS] = 2500,        /* hukdis sedang */
	[Q_PLT_P] = 25000,    /* a pengawas acting as Plt of an administrator */
	[Q_PLT_A] = 40000,    /* an administrator acting as Plt Kepala OPD */
};

/*
 * Rare attributes are handed out by an accumulator, not by a coin toss:
 * each eligible employee adds the rate and the one who crosses a million
 * gets it.  So the count is the share of the eligible to within one, a
 * small Kota still shows each case, and nothing depends on luck.
 */
static int quota(struct gen *g, int q)
{
	g->q_acc[q] += q_rate[q];
	if (g->q_acc[q] < 1000000)
		return 0;
	g->q_acc[q] -= 1000000;
	return 1;
}

static void ket_add(struct emp *e, const char *w)
{
	size_t n = strlen(e->ket);

	snprintf(e->ket + n, sizeof e->ket - n, "%s%s", n ? "," : "", w);
}

static void build_name(struct rng *r, struct emp *e, const struct role *ro,
                       int by)
{
	const struct degs *d = ro->deg;
	const char *s;
	size_t n;
	struct sbuf b;
	int female = e->sex == 2;
	int old = 0, master, p;

	sb_init(&b, e->nama, sizeof e->nama);
	master = d->s2 && *d->s2 && rng_pml(r, ro->master_pml);
	if (master && rng_pml(r, ro->doctor_pml))
		sb_add(&b, "Dr. ");
	if (d->pre && *d->pre) {
		opt_pick(r, d->pre, &s, &n);
		sb_mem(&b, s, n);
		sb_add(&b, " ");
	} else if (d->old && by <= 1972 && rng_pml(r, 450)) {
		/* Sarjana of the old system: Drs./Dra./Ir. before the name. */
		old = 1;
		if (!strcmp(d->old, "Drs.") || !strcmp(d->old, "Dra.")) {
			sb_add(&b, female ? "Dra. " : "Drs. ");
		} else {
			sb_add(&b, d->old);
			sb_add(&b, " ");
		}
	}
	if (REF_Y - by >= 40 && rng_pml(r, 90))
		sb_add(&b, female ? "Hj. " : "H. ");

	p = (int)rng_below(r, 100);
	if (p < 9) {
		sb_add(&b, female ? PICK(r, f_single) : PICK(r, m_single));
	} else {
		const char *first = female ? PICK(r, f_first)
		                           : PICK(r, m_first);

		sb_add(&b, first);
		if (p >= 60 && p < 85) {
			const char *mid;

			do
				mid = female ? PICK(r, f_first)
				             : PICK(r, m_first);
			while (mid == first);
			sb_add(&b, " ");
			sb_add(&b, mid);
		}
		sb_add(&b, " ");
		if (p >= 90)
			sb_add(&b, PICK(r, family));
		else
			sb_add(&b, female ? PICK(r, f_last) : PICK(r, m_last));
	}

	/* A sarjana pelaksana in an SMA-level job graduated while working. */
	if (!old && d->s1 && *d->s1 &&
	    (ro->edu != ED_SMA || REF_Y - by >= 26)) {
		opt_pick(r, d->s1, &s, &n);
		if (n) {
			sb_add(&b, ", ");
			sb_mem(&b, s, n);
		}
	}
	if (master) {
		opt_pick(r, d->s2, &s, &n);
		sb_add(&b, ", ");
		sb_mem(&b, s, n);
	}
}

static const char *ptkp_of(struct rng *r, int female, int age)
{
	static const char *const k[] = { "K/0", "K/1", "K/2", "K/3" };
	static const char *const tk[] = { "TK/0", "TK/1", "TK/2", "TK/3" };
	int u = (int)rng_below(r, 100);

	if (female) {
		/* A married woman's dependants count with her husband. */
		if (u < 88)
			return "TK/0";
		if (u < 96)
			return tk[1 + rng_below(r, 3)];
		return k[rng_below(r, 4)];
	}
	if (age < 25 || (age < 30 && u < 45) || u < 8)
		return u < 4 && age >= 30 ? tk[1 + rng_below(r, 3)] : "TK/0";
	u = (int)rng_below(r, 100);
	if (age < 30)
		return k[u < 45 ? 0 : u < 85 ? 1 : 2];
	if (age < 40)
		return k[u < 10 ? 0 : u < 35 ? 1 : u < 75 ? 2 : 3];
	return k[u < 5 ? 0 : u < 20 ? 1 : u < 55 ? 2 : 3];
}

/* The sequence number of a NIP: the next free one for its birth date,
 * TMT month and sex; when 999 are taken, the TMT moves a month. */
static int nip_seq(struct gen *g, long bday, int *tmt_mi, int sex, int lo,
                   int hi)
{
	/* t, t-1, t+1, t-2, ...: every month of the table once. */
	for (int step = 0; step <= 2 * N_TMT; step++) {
		int t = *tmt_mi + (step % 2 ? -(step + 1) / 2 : step / 2);
		size_t i;

		if (t < lo || t > hi || t < TMT_BASE_MI || t > REF_MI)
			continue;
		i = ((size_t)(bday - g->birth_min) * N_TMT
		     + (size_t)(t - TMT_BASE_MI)) * 2 + (size_t)(sex - 1);
		if (g->seq[i] < 999) {
			*tmt_mi = t;
			return ++g->seq[i];
		}
	}
	kj_die(KJ_EXIT_INTERNAL, "NIP sequence numbers exhausted");
}

/* Fill e for a holder of role ro; the caller sets opd, unit, atasan. */
static void gen_person(struct gen *g, struct emp *e, const struct role *ro)
{
	struct rng r;
	int age_lo, age_hi, by, bm, bd, bmi, tmt_lo, tmt_hi, tmt_mi, ty, seq;
	int ys, gol, mkg, entry = edu_entry_age[ro->edu];
	long lo_day, hi_day;
	char *p = e->nip;

	rng_init(&r, g->seed, TAG_PEGAWAI, (uint64_t)g->emitted);
	e->status = ro->status;
	e->jenis = ro->jenis;
	e->jenjang = ro->jenjang;
	e->kelas = ro->kelas;
	e->plt_kelas = 0;
	e->ket[0] = '\0';
	e->sex = rng_pml(&r, ro->female_pml) ? 2 : 1;
	snprintf(e->jabatan, sizeof e->jabatan, "%s", ro->jabatan);

	/* Age: old enough for the masa kerja the job needs. */
	age_lo = ro->age_lo;
	age_hi = ro->age_hi;
	if (ro->status == ST_CPNS) {
		age_hi = age_hi < 36 ? age_hi : 36;
		age_lo = age_lo > entry + 1 ? age_lo : entry + 1;
	} else if (ro->status == ST_PPPK) {
		/* Hired at most a few years ago, and not on the eve of BUP. */
		age_hi = age_hi < 55 ? age_hi : 55;
	} else if (ro->status == ST_PNS && age_lo < entry + ro->min_serv + 1) {
		age_lo = entry + ro->min_serv + 1;
	}
	if (age_lo < 20)
		age_lo = 20;
	if (age_hi > 58)
		age_hi = 58;
	if (age_hi < age_lo)
		age_hi = age_lo;
	lo_day = days_from_civil(REF_Y - age_hi - 1, REF_M, 2);
	hi_day = days_from_civil(REF_Y - age_lo, REF_M, 1);
	if (lo_day < g->birth_min)
		lo_day = g->birth_min;
	/* Nobody with subordinates retires this year: their staff would
	 * report to someone who has left. */
	if (ro->stays &&
	    lo_day < days_from_civil(REF_Y + 1 - ro->bup, 1, 1))
		lo_day = days_from_civil(REF_Y + 1 - ro->bup, 1, 1);
	if (hi_day > g->birth_max)
		hi_day = g->birth_max;
	if (lo_day > hi_day)
		lo_day = hi_day;
	e->birth = lo_day + rng_below(&r, (uint32_t)(hi_day - lo_day + 1));
	civil_from_days(e->birth, &by, &bm, &bd);
	e->age = REF_Y - by - (bm > REF_M || (bm == REF_M && bd > 1));
	bmi = MI(by, bm);

	/* TMT: entry at 19-35 by education, mostly within ten years of the
	 * earliest possible, and early enough for the job's masa kerja. */
	tmt_lo = bmi + 12 * entry + 1;
	switch (ro->status) {
	case ST_CPNS:
		tmt_lo = tmt_lo > CPNS_TMT_MIN ? tmt_lo : CPNS_TMT_MIN;
		tmt_hi = CPNS_TMT_MAX;
		break;
	case ST_PPPK:
		tmt_lo = tmt_lo > PPPK_TMT_MIN ? tmt_lo : PPPK_TMT_MIN;
		tmt_hi = CPNS_TMT_MAX;
		break;
	default:
		tmt_hi = REF_MI - 12 * ro->min_serv;
		if (tmt_hi > PNS_TMT_MAX)
			tmt_hi = PNS_TMT_MAX;
		if (tmt_hi > bmi + 12 * 35)
			tmt_hi = bmi + 12 * 35;
		if (tmt_hi > tmt_lo + 120)
			tmt_hi = tmt_lo + 120;
		break;
	}
	if (tmt_hi < tmt_lo)
		tmt_hi = tmt_lo;
	if (tmt_hi > CPNS_TMT_MAX)
		tmt_hi = CPNS_TMT_MAX;
	if (tmt_lo > tmt_hi)
		tmt_lo = tmt_hi;
	tmt_mi = rng_range(&r, tmt_lo, tmt_hi);
	if (ro->status == ST_PPPK) {
		/*
		 * An NI PPPK holds the code 21 where a NIP holds the TMT
		 * month (DEVIATIONS.md), so its sequence must be unique per
		 * birth date, TMT year and sex: draw it from the January
		 * slot of the year, which PNS hired in January share, so
		 * that no two numbers can meet.
		 */
		int slot = tmt_mi - tmt_mi % 12;

		if (slot < TMT_BASE_MI)
			slot = TMT_BASE_MI;
		seq = nip_seq(g, e->birth, &slot, e->sex, slot, slot);
	} else {
		seq = nip_seq(g, e->birth, &tmt_mi, e->sex,
		              tmt_lo < bmi + 12 * 18 + 1 ? bmi + 12 * 18 + 1
		                                          : tmt_lo,
		              tmt_hi);
	}
	ty = tmt_mi / 12;
	e->tmt = days_from_civil(ty, tmt_mi % 12 + 1, 1);

	put4(p, by);
	put2(p + 4, bm);
	put2(p + 6, bd);
	put4(p + 8, ty);
	put2(p + 12, ro->status == ST_PPPK ? 21 : tmt_mi % 12 + 1);
	p[14] = (char)('0' + e->sex);
	p[15] = (char)('0' + seq / 100);
	put2(p + 16, seq % 100);
	p[18] = '\0';

	/* Golongan: the entry golongan by education, a step every four
	 * years, within the band of the job. */
	ys = (REF_MI - tmt_mi) / 12;
	if (ro->status == ST_PPPK) {
		snprintf(e->golongan, sizeof e->golongan, "%s",
		         pppk_gol_name[ro->edu]);
		e->gaji = gaji_pppk[ro->edu][ys / 2 < GAJI_STEPS ? ys / 2
		                                                  : GAJI_STEPS];
	} else {
		int start = edu_gol_start[ro->edu];

		gol = ro->status == ST_CPNS ? start : start + ys / 4;
		if (gol < ro->gol_lo && ro->status == ST_PNS)
			gol = ro->gol_lo;
		if (gol > ro->gol_hi)
			gol = ro->gol_hi;
		if (gol < start)
			gol = start;
		snprintf(e->golongan, sizeof e->golongan, "%s",
		         gol_name[gol]);
		/* Masa kerja golongan loses 5 years on the move from II to
		 * III (PP 7/1977 as amended). */
		mkg = ys - (start < G_IIIA && gol >= G_IIIA ? 5 : 0);
		if (mkg < 0)
			mkg = 0;
		mkg /= 2;
		if (mkg > GAJI_STEPS)
			mkg = GAJI_STEPS;
		e->gaji = gaji_pns[gol][mkg];
		/* A CPNS is paid 80 % of the gaji pokok (PP 7/1977 Pasal 5). */
		if (ro->status == ST_CPNS)
			e->gaji = e->gaji * 4 / 5;
	}

	build_name(&r, e, ro, by);
	e->ptkp = ptkp_of(&r, e->sex == 2, e->age);

	/* BUP: retirement on the first of the month after the birthday. */
	{
		int ry = by + ro->bup, rm = bm + 1;

		if (rm > 12) {
			rm = 1;
			ry++;
		}
		e->tmt_keluar = MI(ry, rm) <= MI(REF_Y + 1, 1)
		                ? days_from_civil(ry, rm, 1) : 0;
	}
}

/* ---- roles -------------------------------------------------------------- */

static void role_struct(struct role *ro, enum jenis jenis, int kelas,
                        const struct tmpl *t, struct rng *r,
                        const char *jabatan)
{
	memset(ro, 0, sizeof *ro);
	ro->status = ST_PNS;
	ro->jenis = jenis;
	ro->kelas = kelas;
	ro->edu = ED_S1;
	ro->jabatan = jabatan;
	ro->stays = 1;
	ro->deg = t->deg[rng_pml(r, t->deg0_pml) ? 0 : 1];
	if (ro->deg->pre && *ro->deg->pre)
		ro->edu = ED_PROF;
	switch (jenis) {
	case JN_JPT_MADYA:
	case JN_JPT_PRATAMA:
		ro->gol_lo = kelas >= 15 ? G_IVC : G_IVB;
		ro->gol_hi = G_IVD;
		ro->age_lo = kelas >= 15 ? 50 : 45;
		ro->age_hi = 58;
		ro->min_serv = kelas >= 15 ? 20 : 15;
		ro->bup = 60;
		ro->female_pml = 180;
		ro->master_pml = 900;
		ro->doctor_pml = 80;
		break;
	case JN_ADMINISTRATOR:
		ro->gol_lo = G_IIID;
		ro->gol_hi = G_IVB;
		ro->age_lo = 38;
		ro->age_hi = 58;
		ro->min_serv = 10;
		ro->bup = 58;
		ro->female_pml = 300;
		ro->master_pml = 550;
		ro->doctor_pml = 20;
		break;
	default:
		ro->gol_lo = G_IIIC;
		ro->gol_hi = G_IVA;
		ro->age_lo = 30;
		ro->age_hi = 58;
		ro->min_serv = 6;
		ro->bup = 58;
		ro->female_pml = 420;
		ro->master_pml = 250;
		break;
	}
}

/* The catalogue entry of a JF named in a mix.  Called for every staff
 * member, so the last answers are kept, keyed by the name's address. */
static int jf_index(const char *name)
{
	static const char *key[64];
	static int val[64];
	size_t h = ((uintptr_t)name >> 3) % 64;

	if (key[h] == name)
		return val[h];
	for (size_t i = 0; i < N_JF; i++)
		if (!strcmp(jf_list[i].name, name)) {
			key[h] = name;
			val[h] = (int)i;
			return (int)i;
		}
	kj_die(KJ_EXIT_INTERNAL, "no jabatan fungsional named '%s'", name);
}

/* A fungsional role of jf at jenjang jj. */
static void role_jf(struct role *ro, int jfi, enum jenjang jj,
                    enum status st, char *jab, size_t jabcap)
{
	const struct jf *f = &jf_list[jfi];
	int ahli = jj <= JJ_UTAMA;
	int k = jenjang_kelas[jj] + f->kelas_plus;

	memset(ro, 0, sizeof *ro);
	ro->status = st;
	ro->jenis = JN_FUNGSIONAL;
	ro->jenjang = jj;
	ro->kelas = k > 13 ? 13 : k;
	ro->deg = ahli ? &f->da : &f->dt;
	ro->edu = !ahli ? ED_D3 : (ro->deg->pre && *ro->deg->pre) ? ED_PROF
	                                                           : ED_S1;
	ro->gol_lo = jenjang_gol_lo[jj];
	ro->gol_hi = jenjang_gol_hi[jj];
	ro->age_lo = jenjang_age_lo[jj];
	ro->age_hi = jenjang_age_hi[jj];
	ro->min_serv = jenjang_serv[jj];
	ro->bup = jj == JJ_UTAMA ? 65 : (jj == JJ_MADYA || f->bup60) ? 60
	                                                              : 58;
	ro->female_pml = f->female_pml;
	ro->master_pml = jj >= JJ_MADYA && ahli ? 550 : jj == JJ_MUDA ? 200
	                 : ahli ? 50 : 0;
	ro->doctor_pml = jj == JJ_UTAMA ? 300 : 0;
	if (st == ST_PPPK) {
		ro->age_lo = 24;
		ro->age_hi = 55;
	}
	snprintf(jab, jabcap, "%s %s", f->name, jenjang_label[jj]);
	ro->jabatan = jab;
}

static enum jenjang pick_jenjang(struct rng *r, const struct jf *f,
                                 enum status st)
{
	int ahli = f->ahli_pml >= 1000 ? 1 : f->ahli_pml <= 0 ? 0
	           : rng_pml(r, f->ahli_pml);
	int u;

	if (st != ST_PNS)
		return ahli ? JJ_PERTAMA : JJ_TERAMPIL;
	u = (int)rng_below(r, 1000);
	if (!ahli)
		return u < 300 ? JJ_TERAMPIL : u < 750 ? JJ_MAHIR : JJ_PENYELIA;
	if (u < 300)
		return JJ_PERTAMA;
	if (u < 690)
		return JJ_MUDA;
	if (u < 985 || f->max < JJ_UTAMA)
		return JJ_MADYA;
	return JJ_UTAMA;
}

/* A staff member of a unit whose staff follow mix m. */
static void role_staff(struct role *ro, struct rng *r, const struct mix *m,
                       char *jab, size_t jabcap)
{
	int tot = 0, u;

	if ((int)rng_below(r, 100) < m->pel_pct) {
		int pppk = rng_pml(r, 80), cpns = !pppk && rng_pml(r, 30);
		const struct pel *list = pppk ? pel_pppk : pel_pns;
		size_t n = pppk ? NEL(pel_pppk) : NEL(pel_pns), i;

		for (i = 0; i < n; i++)
			tot += list[i].w;
		u = (int)rng_below(r, (uint32_t)tot);
		for (i = 0; u >= list[i].w; i++)
			u -= list[i].w;
		memset(ro, 0, sizeof *ro);
		ro->status = pppk ? ST_PPPK : cpns ? ST_CPNS : ST_PNS;
		ro->jenis = JN_PELAKSANA;
		ro->kelas = list[i].kelas;
		ro->edu = list[i].kelas == 5 ? ED_SMA : list[i].kelas == 6
		          ? ED_D3 : ED_S1;
		ro->deg = ro->edu == ED_SMA ? &deg_sma : ro->edu == ED_D3
		          ? &deg_d3 : &deg_umum;
		ro->gol_lo = edu_gol_start[ro->edu];
		ro->gol_hi = list[i].kelas == 5 ? G_IIIB : list[i].kelas == 6
		             ? G_IIIC : G_IIID;
		ro->age_lo = 21;
		ro->age_hi = 58;
		ro->bup = 58;
		ro->female_pml = 450;
		ro->master_pml = ro->edu == ED_S1 ? 30 : 0;
		snprintf(jab, jabcap, "%s", list[i].name);
		ro->jabatan = jab;
		return;
	}
	for (int i = 0; m->e[i].jf; i++)
		tot += m->e[i].w;
	u = (int)rng_below(r, (uint32_t)tot);
	for (int i = 0; m->e[i].jf; i++) {
		if (u < m->e[i].w) {
			int jfi = jf_index(m->e[i].jf);
			const struct jf *f = &jf_list[jfi];
			enum status st = rng_pml(r, f->pppk_pml) ? ST_PPPK
			                 : rng_pml(r, 40) ? ST_CPNS : ST_PNS;

			role_jf(ro, jfi, pick_jenjang(r, f, st), st, jab,
			        jabcap);
			return;
		}
		u -= m->e[i].w;
	}
}

/* ---- emitting ----------------------------------------------------------- */

/* Keterangan and Plt, then hand the employee to every output. */
static void emit(struct gen *g, struct emp *e)
{
	int staff = e->jenis == JN_PELAKSANA || e->jenis == JN_FUNGSIONAL;
	int retiring = e->tmt_keluar != 0;

	if (staff && e->status == ST_PNS) {
		/* One of tugas belajar, CLTN, MPP at most. */
		if (retiring && e->tmt_keluar > days_from_civil(REF_Y, REF_M,
		                                                1)) {
			if (quota(g, Q_MPP))
				ket_add(e, "mpp");
		} else if (!retiring && e->age < 45 && quota(g, Q_TB)) {
			ket_add(e, "tugas_belajar");
		} else if (!retiring && e->age < 50 && quota(g, Q_CLTN)) {
			ket_add(e, "cltn");
		}
	}
	if (e->status != ST_CPNS && e->jenis != JN_JPT_PRATAMA &&
	    e->jenis != JN_JPT_MADYA && !strstr(e->ket, "cltn")) {
		if (quota(g, Q_HR))
			ket_add(e, "hukdis_ringan");
		else if (e->jenis != JN_ADMINISTRATOR && quota(g, Q_HS))
			ket_add(e, "hukdis_sedang");
	}
	if (e->jenis == JN_PENGAWAS && quota(g, Q_PLT_P))
		e->plt_kelas = 11;
	else if (e->jenis == JN_ADMINISTRATOR && quota(g, Q_PLT_A))
		e->plt_kelas = 14;

	for (int i = 0; i < g->n_out; i++)
		if (g->out[i].employee)
			g->out[i].employee(&g->wb[i], e);
	g->emitted++;
}

/* One person in a role; returns through e (whose nip the caller may keep
 * as the atasan of the next ones). */
static void person(struct gen *g, struct emp *e, const struct role *ro,
                   const char *opd, const char *unit, const char *atasan)
{
	gen_person(g, e, ro);
	e->opd = opd;
	e->unit = unit;
	e->atasan = atasan;
	emit(g, e);
}

/*
 * count staff of a unit headed by atasan.  A JF whose kelas is above the
 * head's (an Ahli Madya in a Kepala Seksi's unit) reports to senior, the
 * head's own superior, when there is one: the pejabat penilai is not
 * below the one assessed.
 */
static void staff(struct gen *g, const struct mix *m, long count,
                  const char *opd, const char *unit, const char *atasan,
                  int atasan_kelas, const char *senior)
{
	struct emp e;
	struct role ro;
	char jab[160];

	for (long i = 0; i < count; i++) {
		struct rng r;

		/* The role draws from its own stream, so the person's
		 * stream is the same whatever role came out. */
		rng_init(&r, g->seed, TAG_ORG, (uint64_t)g->emitted);
		role_staff(&ro, &r, m, jab, sizeof jab);
		person(g, &e, &ro, opd, unit,
		       senior && ro.kelas > atasan_kelas ? senior : atasan);
	}
}

/* ---- the organisation --------------------------------------------------- */

#define MAX_NODES 40

struct node {
	char level;          /* J A S P Q */
	int kelas;
	char code[16];
	char jabatan[200];
	int parent;          /* index, or -1 for the head */
	int rank;            /* among its parent's children */
	int included;
	int slot;
	char unit[96];
	char nip[19];
};

static int parse_spec(const struct tmpl *t, const char *nama,
                      struct node *nd)
{
	const char *s = t->spec;
	int n = 0, last_j = -1, last_a = -1;
	int nchild[MAX_NODES + 1][2] = { { 0 } };

	while (*s) {
		struct node *x = &nd[n];
		const char *end = strchr(s, ';'), *sp;
		size_t len = end ? (size_t)(end - s) : strlen(s);
		char jab[200];

		if (n >= MAX_NODES)
			kj_die(KJ_EXIT_INTERNAL, "%s: too many units", t->code);
		memset(x, 0, sizeof *x);
		x->level = s[0];
		x->kelas = atoi(s + 1);
		sp = strchr(s, ' ');
		if (!sp || sp - s > (long)len)
			kj_die(KJ_EXIT_INTERNAL, "%s: bad spec", t->code);
		s = sp + 1;
		sp = strchr(s, ' ');
		snprintf(x->code, sizeof x->code, "%.*s", (int)(sp - s), s);
		s = sp + 1;
		len = end ? (size_t)(end - s) : strlen(s);
		snprintf(jab, sizeof jab, "%.*s", (int)len, s);
		subst(x->jabatan, sizeof x->jabatan, jab, nama);
		switch (x->level) {
		case 'J':
			x->parent = -1;
			last_j = n;
			last_a = -1;
			break;
		case 'S':
		case 'Q':
			x->parent = -1;
			break;
		case 'A':
			x->parent = last_j;
			last_a = n;
			break;
		case 'P':
			x->parent = last_a >= 0 ? last_a : last_j;
			break;
		default:
			kj_die(KJ_EXIT_INTERNAL, "%s: bad level", t->code);
		}
		/* Rank among the siblings of the same kind: the second
		 * Kepala Bidang is rank 1 even after a Kepala Seksi. */
		x->rank = nchild[x->parent + 1][x->level == 'P' ||
		                                x->level == 'Q']++;
		n++;
		s += len;
		if (*s == ';')
			s++;
	}
	return n;
}

static int tier(char level)
{
	return level == 'J' ? 0 : level == 'A' ? 1 : level == 'S' ? 2 : 3;
}

/*
 * Which k structural units an OPD has; see struct tmpl.  The order
 * interleaves the levels the way a growing OPD fills them: Asisten and
 * Sekretaris first, then the n-th Kepala Bidang together with each unit's
 * n/2-th Kepala Seksi, so a small OPD is not all administrators.  A unit
 * is taken only once its parent is.
 */
static int prio_score(const struct node *x)
{
	switch (x->level) {
	case 'J':
		return 0;
	case 'S':
		return 2;
	case 'A':
		return x->rank;
	default:
		return 1 + 2 * x->rank;
	}
}

static void prioritise(struct node *nd, int n, int k)
{
	int order[MAX_NODES], picked = 0;

	for (int i = 0; i < n; i++) {
		int j = i;

		order[i] = i;
		nd[i].included = 0;
		while (j > 0) {
			struct node *a = &nd[order[j - 1]], *b = &nd[order[j]];
			int ka[3] = { prio_score(a), tier(a->level),
			              a->parent };
			int kb[3] = { prio_score(b), tier(b->level),
			              b->parent };
			int cmp = 0, tmp;

			for (int q = 0; q < 3 && !cmp; q++)
				cmp = (ka[q] > kb[q]) - (ka[q] < kb[q]);
			if (cmp <= 0)
				break;
			tmp = order[j - 1];
			order[j - 1] = order[j];
			order[j] = tmp;
			j--;
		}
	}
	while (picked < k) {
		int i;

		for (i = 0; i < n; i++) {
			struct node *x = &nd[order[i]];

			if (!x->included &&
			    (x->parent < 0 || nd[x->parent].included)) {
				x->included = 1;
				picked++;
				break;
			}
		}
		if (i == n)
			break;
	}
}

/* The jenis jabatan of a spec line's level. */
static enum jenis level_jenis(char level)
{
	switch (level) {
	case 'J':
	case 'S':
		return JN_JPT_PRATAMA;
	case 'A':
		return JN_ADMINISTRATOR;
	default:
		return JN_PENGAWAS;
	}
}

static void upper_nospace(const char *s, char *out, size_t cap)
{
	size_t n = 0;

	for (; *s && n + 1 < cap; s++)
		if (*s != ' ')
			out[n++] = (char)(*s >= 'a' && *s <= 'z'
			                  ? *s - 'a' + 'A' : *s);
	out[n] = '\0';
}

/* The label of the c-th (from 0) UPT of kind u in OPD oi. */
static void upt_label(struct gen *g, int oi, const struct tmpl *t,
                      const struct upt_kind *u, unsigned long c,
                      char *label, size_t cap)
{
	size_t nl;

	switch (u->naming) {
	case NAME_NUM:
		snprintf(label, cap, "%lu", c + 1);
		break;
	case NAME_LIST:
		for (nl = 0; u->list[nl]; nl++)
			;
		if (c < nl)
			snprintf(label, cap, "%s", u->list[c]);
		else
			snprintf(label, cap, "%s %lu", u->list[c % nl],
			         c / nl + 1);
		break;
	default:
		/* Kelurahan names run over the whole Kota; each other OPD
		 * starts its own sequence somewhere else. */
		if (t->kind == K_KEC)
			place_name(place_at(g->place_off[1], g->kel_next++),
			           label, cap);
		else
			place_name(place_at((g->place_off[2] +
			                     (unsigned long)oi * 37) % 192, c),
			           label, cap);
		break;
	}
}

/* UPT units for the rest of an OPD's headcount, each a head and staff. */
static void gen_upts(struct gen *g, int oi, const struct tmpl *t,
                     const struct node *nd, int n, long rest,
                     struct rng *r)
{
	const struct opdrec *o = &g->opd[oi];
	unsigned long counter[2] = { 0, 0 };
	int upt_w = t->upt[0].w + (t->upt[1].code ? t->upt[1].w : 0);

	while (rest > 0) {
		const struct upt_kind *u = &t->upt[0];
		char label[64], code[40], unit[96], jab[200], head_nip[19];
		const char *boss = o->kepala;
		struct role ro;
		struct emp e;
		long size;
		int ki;

		if (t->upt[1].code &&
		    (int)rng_below(r, (uint32_t)upt_w) >= u->w)
			u = &t->upt[1];
		ki = (int)(u - t->upt);
		/* The last one takes what is left rather than leave a unit
		 * below the minimum. */
		size = rng_range(r, u->min, u->max);
		if (rest - 1 - size < u->min + 1)
			size = rest - 1;
		upt_label(g, oi, t, u, counter[ki], label, sizeof label);
		counter[ki]++;
		code_num(code, sizeof code, u->code, counter[ki]);
		snprintf(unit, sizeof unit, "%s.%s", o->code, code);
		subst(jab, sizeof jab, u->head, label);
		for (int i = 0; u->parent && i < n; i++)
			if (nd[i].included && !strcmp(nd[i].code, u->parent))
				boss = nd[i].nip;

		if (u->head_jenis == JN_FUNGSIONAL) {
			char jfjab[160];

			/* A Kepala Sekolah is mostly a Guru Ahli Madya, a
			 * Kepala Instalasi a specialist Ahli Madya: a JF
			 * with a tugas tambahan, not a structural job. */
			role_jf(&ro, jf_index(u->head_jf),
			        u->naming == NAME_LIST || rng_pml(r, 850)
			        ? JJ_MADYA : JJ_MUDA,
			        ST_PNS, jfjab, sizeof jfjab);
			ro.jabatan = jab;
			ro.age_lo = 40;
			ro.stays = 1;
		} else {
			role_struct(&ro, JN_PENGAWAS, 9, t, r, jab);
		}
		person(g, &e, &ro, o->code, unit, boss);
		memcpy(head_nip, e.nip, sizeof head_nip);
		staff(g, u->mix, size, o->code, unit, head_nip, 99, NULL);
		rest -= 1 + size;
	}
}

/* One OPD with h employees. */
static void gen_opd(struct gen *g, int oi, const struct tmpl *t, long h,
                    unsigned long kec_no)
{
	struct opdrec *o = &g->opd[oi];
	struct node nd[MAX_NODES];
	struct role ro;
	struct emp e;
	struct rng r;
	char head_jab[200], place[64];
	int n, k, nslots = 0, slot_idx[MAX_NODES + 1];
	long nstruct, s_staff, rest, per, rem;
	int n_upt_kinds = 0;

	rng_init(&r, g->seed, TAG_ORG, (uint64_t)oi | 1ULL << 40);

	if (t->kind == K_KEC) {
		place_name(place_at(g->place_off[0], kec_no), place,
		           sizeof place);
		snprintf(o->nama, sizeof o->nama, "Kecamatan %s", place);
		upper_nospace(place, head_jab, sizeof head_jab);
		snprintf(o->code, sizeof o->code, "KEC%.30s", head_jab);
		snprintf(head_jab, sizeof head_jab, "Camat %s", place);
	} else {
		snprintf(o->code, sizeof o->code, "%s", t->code);
		snprintf(o->nama, sizeof o->nama, "%s", t->nama);
		subst(head_jab, sizeof head_jab, t->head, t->nama);
	}

	n = parse_spec(t, o->nama, nd);
	k = (int)(h * t->struct_pml / 1000);
	if (k > n)
		k = n;
	if (k > h - 1)
		k = (int)(h - 1);
	prioritise(nd, n, k);

	/* The head: Sekda, Kepala OPD (JPT Pratama), or Camat. */
	if (t->kind == K_SETDA)
		role_struct(&ro, JN_JPT_PRATAMA, 15, t, &r, head_jab);
	else if (t->kind == K_KEC)
		role_struct(&ro, JN_ADMINISTRATOR, 12, t, &r, head_jab);
	else
		role_struct(&ro, JN_JPT_PRATAMA, 14, t, &r, head_jab);
	if (t->kind == K_KEC)
		ro.age_hi = 55;
	person(g, &e, &ro, o->code, o->code, t->kind == K_SETDA ? ""
	                                                        : g->sekda);
	memcpy(o->kepala, e.nip, sizeof o->kepala);
	if (t->kind == K_SETDA)
		memcpy(g->sekda, e.nip, sizeof g->sekda);

	/* The structural units that take staff. */
	for (int i = 0; i < n; i++) {
		const char *pu = nd[i].parent < 0 ? o->code
		                                  : nd[nd[i].parent].unit;
		struct sbuf b;

		sb_init(&b, nd[i].unit, sizeof nd[i].unit);
		sb_add(&b, pu);
		sb_add(&b, ".");
		sb_add(&b, nd[i].code);
		nd[i].slot = nd[i].included && (nd[i].level == 'A' ||
		             nd[i].level == 'P' || nd[i].level == 'Q');
		if (nd[i].slot)
			slot_idx[nslots++] = i;
	}
	if (!nslots)
		slot_idx[nslots++] = -1;   /* staff report to the head */

	for (int i = 0; i < 2; i++)
		n_upt_kinds += t->upt[i].code != NULL;
	nstruct = 1 + k;
	s_staff = h - nstruct;
	if (n_upt_kinds) {
		long cap = (long)nslots * t->slot_cap;
		int min_upt = t->upt[0].min + 1;

		/* Fewer than one small UPT left over: keep them all in the
		 * structural units. */
		if (s_staff - cap >= min_upt)
			s_staff = cap;
	}
	rest = h - nstruct - s_staff;
	per = s_staff / nslots;
	rem = s_staff % nslots;

	if (slot_idx[0] < 0)
		staff(g, t->mix, s_staff, o->code, o->code, o->kepala, 99,
		      NULL);
	for (int i = 0, si = 0; i < n; i++) {
		struct node *x = &nd[i];
		const char *boss;

		if (!x->included)
			continue;
		boss = x->parent < 0 ? o->kepala : nd[x->parent].nip;
		role_struct(&ro, level_jenis(x->level), x->kelas, t, &r,
		            x->jabatan);
		person(g, &e, &ro, o->code, x->unit, boss);
		memcpy(x->nip, e.nip, sizeof x->nip);
		if (x->slot) {
			staff(g, t->mix, per + (si < rem), o->code, x->unit,
			      x->nip, x->kelas, boss);
			si++;
		}
	}

	gen_upts(g, oi, t, nd, n, rest, &r);
}

/* How many OPD a Kota of n employees has: n/50 below 1000, then 20 and
 * six more for every doubling (about 35 at 5000, 92 at 4.7 million). */
static int opd_count(long n)
{
	long x = 1000, c = 20;

	if (n < 1000)
		return n / 50 > 1 ? (int)(n / 50) : 1;
	while (x * 2 <= n) {
		x *= 2;
		c += 6;
	}
	return (int)(c + 6 * (n - x) / x);
}

static void gen_org(struct gen *g)
{
	int n_opd = opd_count(g->n), n_kec = n_opd / 4, n_named;
	const struct tmpl **tp;
	long *h, base, rest, given = 0;
	int64_t *w, *frac, wsum = 0;
	int *order;

	n_named = n_opd - n_kec;
	if (n_named > (int)N_NAMED + 1) {
		n_kec += n_named - ((int)N_NAMED + 1);
		n_named = (int)N_NAMED + 1;
	}
	g->n_opd = n_opd;
	g->opd = kj_xcalloc((size_t)n_opd, sizeof *g->opd);
	tp = kj_xcalloc((size_t)n_opd, sizeof *tp);
	h = kj_xcalloc((size_t)n_opd, sizeof *h);
	frac = kj_xcalloc((size_t)n_opd, sizeof *frac);
	w = kj_xcalloc((size_t)n_opd, sizeof *w);
	order = kj_xcalloc((size_t)n_opd, sizeof *order);
	for (int i = 0; i < n_opd; i++) {
		tp[i] = i == 0 ? &tmpl_setda : i < n_named
		        ? &tmpl_named[i - 1] : &tmpl_kec;
		/* The Kecamatan together keep the share of five, however
		 * many there are: more Kecamatan split the same staff. */
		w[i] = tp[i]->kind == K_KEC ? 5 * 100 * tp[i]->weight / n_kec
		                            : 100 * tp[i]->weight;
		wsum += w[i];
	}

	/* Headcounts: a floor of 3 each, the rest by weight with the
	 * largest-remainder rule, so they add up to n exactly. */
	base = g->n / n_opd < 3 ? g->n / n_opd : 3;
	rest = g->n - base * n_opd;
	for (int i = 0; i < n_opd; i++) {
		h[i] = base + (long)(rest * w[i] / wsum);
		frac[i] = rest * w[i] % wsum;
		given += h[i] - base;
		order[i] = i;
	}
	for (int i = 1; i < n_opd; i++)
		for (int j = i; j > 0 && frac[order[j - 1]] < frac[order[j]];
		     j--) {
			int tmp = order[j];

			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	for (int i = 0; given < rest; i++, given++)
		h[order[i % n_opd]]++;

	for (int i = 0, kec = 0; i < n_opd; i++)
		gen_opd(g, i, tp[i], h[i],
		        tp[i]->kind == K_KEC ? (unsigned long)kec++ : 0);

	free(tp);
	free(h);
	free(frac);
	free(w);
	free(order);
}

/* ---- outputs ------------------------------------------------------------ */

static void pegawai_header(struct wbuf *w)
{
	wb_str(w, "nip\tnama\tstatus\tgolongan\topd\tunit\tjabatan\t"
	          "jenis_jabatan\tkelas\tatasan\tplt_kelas\tketerangan\t"
	          "gaji\tptkp\ttmt\ttmt_keluar\tjenjang\tplt_hari\n");
}

/* Working days served as Plt this month, 14 to 21: from the NIP's digits,
 * not from the random streams, so that no other column moves.  About a
 * quarter fall under a min_hari of 20 (Balangan Pasal 35(2)). */
static unsigned long plt_hari(const struct emp *e)
{
	unsigned long sum = 0;

	for (const char *c = e->nip; *c; c++)
		if (*c >= '0' && *c <= '9')
			sum += (unsigned long)(*c - '0');
	return 14 + sum % 8;
}

static void pegawai_row(struct wbuf *w, const struct emp *e)
{
	wb_reserve(w, 1024);
	wb_str(w, e->nip);
	wb_tab(w);
	wb_str(w, e->nama);
	wb_tab(w);
	wb_str(w, status_word[e->status]);
	wb_tab(w);
	wb_str(w, e->golongan);
	wb_tab(w);
	wb_str(w, e->opd);
	wb_tab(w);
	wb_str(w, e->unit);
	wb_tab(w);
	wb_str(w, e->jabatan);
	wb_tab(w);
	wb_str(w, jenis_word[e->jenis]);
	wb_tab(w);
	wb_ulong(w, (unsigned long)e->kelas);
	wb_tab(w);
	wb_str(w, e->atasan);
	wb_tab(w);
	if (e->plt_kelas)
		wb_ulong(w, (unsigned long)e->plt_kelas);
	wb_tab(w);
	wb_str(w, e->ket);
	wb_tab(w);
	wb_ulong(w, (unsigned long)e->gaji);
	wb_tab(w);
	wb_str(w, e->ptkp);
	wb_tab(w);
	wb_date(w, e->tmt);
	wb_tab(w);
	if (e->tmt_keluar)
		wb_date(w, e->tmt_keluar);
	wb_tab(w);
	wb_str(w, jenjang_word[e->jenjang]);
	wb_tab(w);
	if (e->plt_kelas)
		wb_ulong(w, plt_hari(e));
	wb_ch(w, '\n');
}

static void opd_finish(struct wbuf *w, const struct gen *g)
{
	wb_str(w, "opd\tnama\tkepala\temail\ttelepon\n");
	for (int i = 0; i < g->n_opd; i++) {
		const struct opdrec *o = &g->opd[i];
		char mail[64], tel[24];
		struct rng r;
		size_t j;

		for (j = 0; o->code[j] && j + 1 < sizeof mail; j++)
			mail[j] = (char)(o->code[j] >= 'A' && o->code[j] <= 'Z'
			                 ? o->code[j] - 'A' + 'a' : o->code[j]);
		mail[j] = '\0';
		/* 0812-0000-xxxx: a mobile number shape (reminders go out by
		 * WhatsApp) in a block no operator has issued. */
		rng_init(&r, g->seed, TAG_OPD, (uint64_t)i);
		snprintf(tel, sizeof tel, "08120000%04u",
		         (unsigned)rng_below(&r, 10000));
		wb_str(w, o->code);
		wb_tab(w);
		wb_str(w, o->nama);
		wb_tab(w);
		wb_str(w, o->kepala);
		wb_tab(w);
		wb_str(w, mail);
		wb_str(w, "@kotacontoh.go.id");
		wb_tab(w);
		wb_str(w, tel);
		wb_ch(w, '\n');
	}
}


/* ---- attendance logs (--what log) --------------------------------------- */

/*
 * A month of fingerprint punches (nip, waktu, mesin) for every employee,
 * the raw log of absen-rekap(1).  Opt-in: not written unless --what names
 * it, since it is large (about 60 bytes x 3 punches x 22 days per person).
 * The schedule is that of examples/kota-contoh/jadwal-2026.yaml: five days
 * 07:30-16:00 (Friday 16:30); six days in schools and Puskesmas (units
 * .SDN, .SMPN, .PKM: 07:30-14:00, Friday 11:00, Saturday 12:30); the RSUD
 * instalasi a night shift 19:00-07:00 every day; the 2026 national
 * holidays and cuti bersama off (except the night shift).  Per working
 * day: 3 % absent, 15 % late (70 % by 1-30 minutes, 20 % 31-60, 7 % 61-90,
 * 3 % 91-180), 8 % early (70 % by 1-30, 20 % 31-60, 10 % 61-120), 1 %
 * without the check-in and 2 % without the check-out, 25 % with a second
 * check-in punch a few seconds later (sometimes the very same second, a
 * duplicate), 20 % with a midday punch.  People on CLTN or tugas belajar
 * do not punch.  Each employee draws from a stream keyed by the seed and
 * the NIP, so the log does not change when other outputs do.
 *
 * --noise adds, from a stream of its own (so the other rows stay as they
 * are): 2 % of the punches written twice (duplicates), 1 % of the days
 * off with a pair of punches (a holiday or weekend visit), and for 0.5 %
 * of the employees their punches again under a NIP that is not in the
 * roster (born in 1967, before anyone gen-data makes).
 */
static int log_y = REF_Y, log_m = REF_M, log_noise;
static uint64_t log_seed;
static char log_file[32] = "log-2026-11.tsv";

static const unsigned short holidays_2026[] = {   /* month * 100 + day */
	101, 116, 216, 217, 318, 319, 320, 321, 322, 323, 324, 403, 405,
	501, 514, 515, 527, 528, 531, 601, 616, 817, 825, 1224, 1225
};

static int log_holiday(long day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	if (y != 2026)
		return 0;
	for (size_t i = 0; i < sizeof holidays_2026 / sizeof *holidays_2026;
	     i++)
		if (holidays_2026[i] == m * 100 + d)
			return 1;
	return 0;
}

static void log_header(struct wbuf *w)
{
	wb_str(w, "nip\twaktu\tmesin\n");
}

static void log_line(struct wbuf *w, const char *nip, const struct emp *e,
                     long day, long secs)
{
	char t[9];

	day += secs / 86400;
	secs %= 86400;
	wb_str(w, nip);
	wb_tab(w);
	wb_date(w, day);
	t[0] = ' ';
	put2(t + 1, (int)(secs / 3600));
	t[3] = ':';
	put2(t + 4, (int)(secs / 60 % 60));
	t[6] = ':';
	put2(t + 7, (int)(secs % 60));
	wb_mem(w, t, 9);
	wb_str(w, "\tFP-");
	wb_str(w, e->opd);
	wb_ch(w, '\n');
}

/* The noise stream of the employee being written, and its stranger NIP
 * ("" when the employee has none). */
static struct rng log_nr;
static char log_stranger[19];

static void log_punch(struct wbuf *w, const struct emp *e, long day,
                      long secs)
{
	log_line(w, e->nip, e, day, secs);
	if (!log_noise)
		return;
	if (rng_pml(&log_nr, 20))
		log_line(w, e->nip, e, day, secs);
	if (log_stranger[0])
		log_line(w, log_stranger, e, day, secs);
}

/* Minutes off the hour in one of the bands; pml of the first three. */
static int log_minutes(struct rng *r, int p1, int p2, int p3, int max)
{
	int k = (int)rng_below(r, 1000);

	if (k < p1)
		return rng_range(r, 1, 30);
	if (k < p1 + p2)
		return rng_range(r, 31, 60);
	if (k < p1 + p2 + p3)
		return rng_range(r, 61, 90);
	return rng_range(r, 91, max);
}

static void log_row(struct wbuf *w, const struct emp *e)
{
	struct rng r;
	uint64_t key = 0;
	long first = days_from_civil(log_y, log_m, 1);
	long last = days_from_civil(log_m == 12 ? log_y + 1 : log_y,
	                            log_m == 12 ? 1 : log_m + 1, 1);
	int six = strstr(e->unit, ".SDN") || strstr(e->unit, ".SMPN") ||
	          strstr(e->unit, ".PKM");
	int night = strstr(e->unit, "RSUD.INST") != NULL;

	if (strstr(e->ket, "cltn") || strstr(e->ket, "tugas_belajar"))
		return;
	for (const char *p = e->nip; *p; p++)
		key = key * 10 + (uint64_t)(*p - '0');
	rng_init(&r, log_seed, TAG_LOG, key);
	rng_init(&log_nr, log_seed, TAG_NOISE, key);
	log_stranger[0] = '\0';
	if (log_noise && rng_pml(&log_nr, 5)) {
		memcpy(log_stranger, e->nip, sizeof log_stranger);
		memcpy(log_stranger, "1967", 4);
		if (!memcmp(log_stranger + 4, "0229", 4))
			memcpy(log_stranger + 6, "28", 2);
	}
	for (long day = first; day < last; day++) {
		int wd = (int)((day % 7 + 10) % 7) + 1;  /* 1970-01-01: Thu */
		long start = 7 * 3600 + 1800, end;
		long in, out;

		if (day < e->tmt || (e->tmt_keluar && day >= e->tmt_keluar))
			continue;
		if (night) {
			start = 19 * 3600;
			end = 31 * 3600;
		} else if (wd == 7 || (wd == 6 && !six) || log_holiday(day)) {
			if (log_noise && rng_pml(&log_nr, 10)) {
				log_punch(w, e, day, 8 * 3600 +
				          rng_range(&log_nr, 0, 3599));
				log_punch(w, e, day, 11 * 3600 +
				          rng_range(&log_nr, 0, 3599));
			}
			continue;
		} else if (six) {
			end = wd == 5 ? 11 * 3600 : wd == 6 ? 12 * 3600 + 1800
			                                    : 14 * 3600;
		} else {
			end = wd == 5 ? 16 * 3600 + 1800 : 16 * 3600;
		}
		if (rng_pml(&r, 30))
			continue;
		if (rng_pml(&r, 150))
			in = start + 60L * log_minutes(&r, 700, 200, 70, 180) +
			     rng_range(&r, 0, 59);
		else
			in = start - rng_range(&r, 0, 40 * 60);
		if (rng_pml(&r, 80))
			out = end - 60L * log_minutes(&r, 700, 200, 100, 120) -
			      rng_range(&r, 0, 59);
		else
			out = end + rng_range(&r, 0, 60 * 60);
		if (!rng_pml(&r, 10)) {
			log_punch(w, e, day, in);
			if (rng_pml(&r, 250))
				log_punch(w, e, day, in + rng_range(&r, 0, 20));
		}
		if (!night && !six && rng_pml(&r, 200))
			log_punch(w, e, day, 12 * 3600 + rng_range(&r, 0, 3599));
		if (!rng_pml(&r, 20))
			log_punch(w, e, day, out);
	}
}

/* ---- performance data ---- */

/*
 * SKP, realisasi, perilaku, organisational predikat, sub kegiatan and the
 * report log of FORMATS.md "Performance" (--what skp,skptsv,realisasi,
 * perilaku,organisasi,kegiatan,laporan; none is written unless named).
 *
 * SKP.  One document per employee for the year of --bulan, every one in
 * DIR/skp.yaml ("---" before each) and the same content in DIR/skp.tsv.
 * An SKP has 2 to 5 RHK (2 to 4 utama, sometimes a tambahan), each with 1
 * to 3 indicators (kuantitas, kualitas, waktu; biaya now and then), or
 * exactly --indikator K indicators.  The RHK ids are NIP.k (k = 1, 2, ...,
 * utama first) and the indicator ids NIP.k.a, NIP.k.b, ...: unique in the
 * Pemda, and the number of utama RHK of an employee is drawn from a
 * stream keyed by the seed and the NIP alone.  So an employee finds the
 * ids of the RHK of the atasan from the atasan's NIP, with no state: each
 * utama RHK below the JPT intervenes an utama RHK of the direct superior,
 * the subordinates together covering all of them where they have enough
 * RHK (perf_cache), while the RHK of a JPT carry a perspektif instead.
 * Texts follow the job: the JPT, structural heads, teachers, health
 * workers and other staff each have their catalogue.  Some targets are
 * ranges ("80-90"), some indicators have negatif polarity (complaints,
 * days taken).
 *
 * --cacat PERMIL gives that share of the employees one defect, drawn from
 * a stream of its own (so the other SKP stay as they are): an utama RHK
 * without intervensi, an intervensi to an RHK of the atasan's atasan, an
 * unknown aspek word, an RHK id used twice in the SKP, an indicator
 * without target, or no SKP at all.  A JPT cannot lose an intervensi it
 * does not have and gets the unknown aspek instead; the atasan's atasan is
 * looked up among the heads seen (perf_cache), and when it is not there
 * the RHK loses its intervensi instead.
 *
 * realisasi: one row per indicator of each employee with an SKP who
 * reports for --bulan (about 4 % do not, nor do those on CLTN or tugas
 * belajar): the value is cumulative, near the target (80 % of them within
 * -10 % to +15 %).  perilaku: the seven BerAKHLAK values of every employee
 * with an SKP.  organisasi: a predikat per OPD.  kegiatan: 4 to 12 sub
 * kegiatan per OPD for the quarter of --bulan, cumulative targets and
 * realisations; one OPD in four lags (realisation 40-74 % of target).
 * laporan: when each OPD sent its report for --bulan (deadline the 5th of
 * the next month): of every ten OPD in a row, one never, two late, seven
 * on time.
 */

/* Streams of their own, apart from the tags of the roster. */
#define TAG_SKP 0x5101
#define TAG_SKP_CACAT 0x5102
#define TAG_REAL 0x5103
#define TAG_PERILAKU 0x5104
#define TAG_ORGPRED 0x5105
#define TAG_KEG 0x5106
#define TAG_LAPOR 0x5107

static int perf_cacat;          /* --cacat: SKP with a defect, per mille */
static int perf_nind;           /* --indikator: indicators per SKP, 0: drawn */

#define PERF_MAX_RHK 5
#define PERF_MAX_IND 3

struct perf_ind {
	char id[32];
	char teks[200];
	const char *aspek;
	char target[24];            /* "" when missing (a defect) */
	const char *satuan;
	int neg;
	int range;
	long lo, hi;                /* the target x 100 */
};

struct perf_rhk {
	char id[32];
	int tambahan;
	char teks[240];
	char intervensi[32];        /* "" when none */
	const char *perspektif;     /* NULL below the JPT */
	int nind;
	struct perf_ind ind[PERF_MAX_IND];
};

struct perf_skp {
	char nip[19];
	int none;                   /* no SKP (a defect) */
	int nrhk;
	struct perf_rhk rhk[PERF_MAX_RHK];
};

/* A catalogue entry: the RHK text ('@' the unit or job), the object its
 * indicators count, their unit and the range of the yearly count. */
struct perf_tmpl {
	const char *rhk;
	const char *obj;
	const char *sat;
	int lo, hi;
};

static const struct perf_tmpl perf_jpt[] = {
	{ "Meningkatnya kepuasan masyarakat atas layanan @",
	  "survei kepuasan masyarakat yang dilaksanakan", "laporan", 1, 4 },
	{ "Meningkatnya kualitas tata kelola dan proses bisnis @",
	  "proses bisnis yang dipetakan dan diperbaiki", "proses bisnis",
	  3, 12 },
	{ "Meningkatnya kapasitas dan akuntabilitas kinerja aparatur @",
	  "pegawai yang mengikuti pengembangan kompetensi", "orang", 10, 60 },
	{ "Terwujudnya pengelolaan anggaran @ yang efektif dan akuntabel",
	  "dokumen pelaksanaan anggaran yang disahkan", "dokumen", 4, 12 },
	{ "Meningkatnya capaian indikator kinerja utama @",
	  "indikator kinerja utama yang tercapai", "indikator", 5, 15 },
};
static const char *const perf_perspektif[] = {
	"penerima_layanan", "proses_bisnis", "penguatan_internal", "anggaran",
	"penerima_layanan",
};

static const struct perf_tmpl perf_struk[] = {
	{ "Terlaksananya program dan kegiatan @ sesuai rencana kerja",
	  "kegiatan yang terlaksana", "kegiatan", 6, 24 },
	{ "Tersusunnya dokumen perencanaan dan laporan kinerja @",
	  "dokumen perencanaan dan laporan kinerja", "dokumen", 2, 8 },
	{ "Meningkatnya kualitas layanan @ kepada masyarakat",
	  "layanan yang diselesaikan", "layanan", 50, 500 },
	{ "Terkendalinya pelaksanaan anggaran @",
	  "laporan realisasi anggaran", "laporan", 4, 12 },
	{ "Tertibnya pengelolaan administrasi dan kepegawaian @",
	  "naskah dinas dan usulan kepegawaian yang diproses", "berkas",
	  20, 200 },
	{ "Terlaksananya pembinaan dan pengawasan pegawai @",
	  "pegawai yang dibina dan dinilai kinerjanya", "orang", 3, 30 },
};

static const struct perf_tmpl perf_guru[] = {
	{ "Terlaksananya pembelajaran yang berkualitas bagi peserta didik",
	  "pertemuan pembelajaran yang dilaksanakan", "pertemuan", 120, 480 },
	{ "Tersusunnya perangkat pembelajaran sesuai Kurikulum Merdeka",
	  "modul ajar yang disusun", "modul", 6, 24 },
	{ "Terlaksananya asesmen dan penilaian hasil belajar peserta didik",
	  "laporan hasil belajar peserta didik", "laporan", 2, 4 },
	{ "Meningkatnya kompetensi dan karakter peserta didik",
	  "peserta didik yang dibimbing", "orang", 20, 120 },
	{ "Terlaksananya pengembangan keprofesian berkelanjutan @",
	  "kegiatan pengembangan diri yang diikuti", "kegiatan", 1, 4 },
};

static const struct perf_tmpl perf_kes[] = {
	{ "Terlaksananya pelayanan kesehatan oleh @ sesuai standar",
	  "pasien yang dilayani", "orang", 200, 2400 },
	{ "Meningkatnya mutu dan keselamatan pasien pada layanan @",
	  "rekam pelayanan pasien yang lengkap", "berkas", 50, 600 },
	{ "Terlaksananya upaya kesehatan masyarakat di wilayah kerja",
	  "kegiatan penyuluhan dan kunjungan lapangan", "kegiatan", 12, 48 },
	{ "Tersusunnya laporan pelayanan kesehatan @",
	  "laporan pelayanan kesehatan", "laporan", 12, 12 },
};

static const struct perf_tmpl perf_staf[] = {
	{ "Terselesaikannya tugas @ sesuai standar operasional prosedur",
	  "berkas yang diselesaikan", "berkas", 60, 600 },
	{ "Tersusunnya laporan pelaksanaan tugas @",
	  "laporan pelaksanaan tugas", "laporan", 12, 12 },
	{ "Tersedianya data dan informasi pendukung unit kerja",
	  "data yang diolah dan dimutakhirkan", "data", 20, 200 },
	{ "Terlaksananya dukungan administrasi dan layanan unit kerja",
	  "layanan administrasi yang diberikan", "layanan", 50, 500 },
	{ "Terlaksananya koordinasi dan tindak lanjut hasil rapat",
	  "rapat dan tindak lanjut yang didokumentasikan", "kegiatan", 6, 24 },
};

static const struct perf_tmpl perf_tambahan[] = {
	{ "Terlaksananya tugas sebagai anggota tim kerja lintas bidang",
	  "penugasan tim yang diselesaikan", "kegiatan", 2, 6 },
	{ "Terlaksananya penugasan khusus dari pimpinan",
	  "penugasan khusus yang diselesaikan", "kegiatan", 1, 4 },
	{ "Terlaksananya tugas sebagai narasumber atau fasilitator",
	  "kegiatan sebagai narasumber", "kegiatan", 1, 6 },
};

static const char *const perf_kes_jab[] = {
	"Dokter", "Perawat", "Bidan", "Apoteker", "Asisten Apoteker",
	"Sanitarian", "Nutrisionis", "Pranata Laboratorium", "Epidemiolog",
	"Penyuluh Kesehatan", "Administrator Kesehatan", "Terapis",
	"Radiografer", "Fisioterapis", "Perekam Medis", "Tenaga Sanitasi",
	"Entomolog", "Fisikawan Medik", "Psikolog Klinis", "Refraksionis",
	"Okupasi", "Elektromedis", "Teknisi Transfusi", "Penata Anestesi",
};

static uint64_t nip_key(const char *nip)
{
	uint64_t key = 0;

	for (const char *p = nip; *p >= '0' && *p <= '9'; p++)
		key = key * 10 + (uint64_t)(*p - '0');
	return key;
}

static int starts(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

/*
 * The shape of an SKP: its utama and tambahan RHK and the indicators of
 * each, the first draws of the stream keyed by the seed and the NIP (so
 * a subordinate computes its atasan's utama count from the NIP).
 */
static void perf_shape(struct rng *r, const char *nip, int *utama,
                       int *tambahan, int nind[PERF_MAX_RHK])
{
	int u, t, n;

	rng_init(r, log_seed, TAG_SKP, nip_key(nip));
	/* Utama 2, 3, 4 and indicators 1, 2, 3: each by 40, 40, 20 %. */
	n = (int)rng_below(r, 1000);
	u = n < 400 ? 2 : n < 800 ? 3 : 4;
	t = rng_pml(r, 300) ? rng_range(r, 1, PERF_MAX_RHK - u) : 0;
	for (int i = 0; i < PERF_MAX_RHK; i++) {
		n = (int)rng_below(r, 1000);
		nind[i] = n < 400 ? 1 : n < 800 ? 2 : 3;
	}
	if (perf_nind) {
		while (u + t > perf_nind) {
			if (t)
				t--;
			else
				u--;
		}
		while (PERF_MAX_IND * (u + t) < perf_nind)
			t++;
		n = u + t;
		for (int i = 0; i < n; i++)
			nind[i] = perf_nind / n + (i < perf_nind % n);
	}
	*utama = u;
	*tambahan = t;
}

/* The unit or job an RHK text names: "Kepala Dinas Sosial" -> "Dinas
 * Sosial", "Camat X" -> "Kecamatan X", a JF without its jenjang. */
static void perf_unit(const struct emp *e, char *out, size_t cap)
{
	struct sbuf b;
	const char *j = e->jabatan;
	size_t n;

	sb_init(&b, out, cap);
	if (starts(j, "Kepala ")) {
		sb_add(&b, j + 7);
	} else if (starts(j, "Camat ")) {
		sb_add(&b, "Kecamatan ");
		sb_add(&b, j + 6);
	} else if (starts(j, "Lurah ")) {
		sb_add(&b, "Kelurahan ");
		sb_add(&b, j + 6);
	} else if (starts(j, "Sekretaris ")) {
		sb_add(&b, "Sekretariat ");
		sb_add(&b, j + 11);
	} else if (e->jenis == JN_JPT_PRATAMA || e->jenis == JN_JPT_MADYA) {
		sb_add(&b, "lingkup ");
		sb_add(&b, j);
	} else {
		sb_add(&b, j);
		if (e->jenjang != JJ_NONE) {
			n = strlen(jenjang_label[e->jenjang]) + 1;
			if (b.len > n && !strcmp(out + b.len - n + 1,
			                         jenjang_label[e->jenjang]))
				out[b.len - n] = '\0';
		}
	}
}

/* A number x 100 as text: "12", "12.5", "12.35". */
static void perf_num(char *out, size_t cap, long v)
{
	if (v % 100 == 0)
		snprintf(out, cap, "%ld", v / 100);
	else if (v % 10 == 0)
		snprintf(out, cap, "%ld.%ld", v / 100, v / 10 % 10);
	else
		snprintf(out, cap, "%ld.%02ld", v / 100, v % 100);
}

/* One indicator of aspek slot k (0 kuantitas, 1 kualitas, 2 waktu) about
 * the object of template t. */
static void perf_indikator(struct rng *r, struct perf_ind *x,
                           const struct perf_tmpl *t, int k, int biaya)
{
	struct sbuf b;
	long v;

	x->neg = 0;
	x->range = 0;
	sb_init(&b, x->teks, sizeof x->teks);
	if (k == 0) {
		x->aspek = "kuantitas";
		x->satuan = t->sat;
		sb_add(&b, "Jumlah ");
		sb_add(&b, t->obj);
		v = 100L * rng_range(r, t->lo, t->hi);
		x->lo = x->hi = v;
	} else if (k == 1 && rng_pml(r, 150)) {
		x->aspek = "kualitas";
		x->satuan = "kasus";
		x->neg = 1;
		sb_add(&b, "Jumlah pengaduan atas ");
		sb_add(&b, t->obj);
		x->lo = x->hi = 100L * rng_range(r, 1, 10);
	} else if (k == 1) {
		x->aspek = "kualitas";
		x->satuan = "persen";
		sb_add(&b, "Persentase ");
		sb_add(&b, t->obj);
		sb_add(&b, " yang sesuai standar mutu");
		if (rng_pml(r, 250)) {
			x->range = 1;
			x->lo = 100L * (75 + 5 * rng_range(r, 0, 2));
			x->hi = x->lo + 1000;
		} else {
			x->lo = x->hi = 100L * (90 + 5 * rng_range(r, 0, 2));
		}
	} else if (biaya) {
		x->aspek = "biaya";
		x->satuan = "persen";
		sb_add(&b, "Persentase realisasi anggaran untuk ");
		sb_add(&b, t->obj);
		x->lo = x->hi = 100L * rng_range(r, 90, 98);
	} else if (rng_pml(r, 350)) {
		x->aspek = "waktu";
		x->satuan = "hari";
		x->neg = 1;
		sb_add(&b, "Rata-rata waktu penyelesaian ");
		sb_add(&b, t->obj);
		x->lo = x->hi = 100L * rng_range(r, 2, 7);
	} else {
		x->aspek = "waktu";
		x->satuan = "bulan";
		sb_add(&b, "Ketepatan waktu penyelesaian ");
		sb_add(&b, t->obj);
		x->lo = x->hi = 1200;
	}
	if (x->range) {
		char a[12], c[12];

		perf_num(a, sizeof a, x->lo);
		perf_num(c, sizeof c, x->hi);
		snprintf(x->target, sizeof x->target, "%s-%s", a, c);
	} else {
		perf_num(x->target, sizeof x->target, x->lo);
	}
}

/*
 * The heads seen, in a direct-mapped cache by NIP (a later head takes the
 * slot of an earlier one): their atasan, to find the atasan's atasan of a
 * defect, and how many utama RHK of their subordinates so far intervene
 * them, so that the next subordinate starts at the next of the head's
 * RHK and the subordinates together cover every one (as the Matriks Peran
 * Hasil hands out the head's RHK).  An atasan is emitted before its
 * staff, a few dozen heads earlier at most in its OPD (more for the UPT
 * heads under a Kepala Dinas), so its slot is nearly always still there;
 * when it is not, the subordinate starts at a drawn RHK.  The cache has a
 * fixed size: memory does not grow with N.
 */
#define PERF_CACHE 65536
static struct perf_head {
	char nip[19], atasan[19];
	unsigned next;
} perf_cache[PERF_CACHE];

static struct perf_head *perf_head_slot(const char *nip)
{
	return &perf_cache[mix64(nip_key(nip)) % PERF_CACHE];
}

static struct perf_head *perf_head_find(const char *nip)
{
	struct perf_head *h = perf_head_slot(nip);

	return strcmp(h->nip, nip) ? NULL : h;
}

enum { CACAT_NO_INTERVENSI, CACAT_SKIP_LEVEL, CACAT_ASPEK, CACAT_DUP_ID,
       CACAT_NO_TARGET, CACAT_NO_SKP, CACAT_N };

/* The SKP of e, built once per employee for every output that needs it. */
static const struct perf_skp *perf_build(const struct emp *e)
{
	static struct perf_skp s;
	const struct perf_tmpl *cat;
	size_t ncat;
	struct rng r, ra;
	int u, t, nind[PERF_MAX_RHK], su = 0, st, snind[PERF_MAX_RHK];
	int jpt = e->jenis == JN_JPT_PRATAMA || e->jenis == JN_JPT_MADYA;
	int head = jpt || (e->jenis != JN_PELAKSANA &&
	                   e->jenis != JN_FUNGSIONAL) ||
	           starts(e->jabatan, "Kepala ");
	int kind = -1, off, first;
	char unit[200];

	if (!strcmp(s.nip, e->nip))
		return &s;
	memcpy(s.nip, e->nip, sizeof s.nip);
	if (head) {
		struct perf_head *h = perf_head_slot(e->nip);

		memcpy(h->nip, e->nip, sizeof h->nip);
		snprintf(h->atasan, sizeof h->atasan, "%s", e->atasan);
		h->next = 0;
	}

	if (e->atasan[0] && !jpt)
		perf_shape(&ra, e->atasan, &su, &st, snind);
	perf_shape(&r, e->nip, &u, &t, nind);
	s.nrhk = u + t;
	s.none = 0;

	if (jpt) {
		cat = perf_jpt;
		ncat = NEL(perf_jpt);
	} else if (e->jenis == JN_ADMINISTRATOR ||
	           e->jenis == JN_PENGAWAS || starts(e->jabatan, "Kepala ")) {
		cat = perf_struk;
		ncat = NEL(perf_struk);
	} else if (starts(e->jabatan, "Guru")) {
		cat = perf_guru;
		ncat = NEL(perf_guru);
	} else {
		cat = perf_staf;
		ncat = NEL(perf_staf);
		for (size_t i = 0; i < NEL(perf_kes_jab); i++)
			if (starts(e->jabatan, perf_kes_jab[i])) {
				cat = perf_kes;
				ncat = NEL(perf_kes);
				break;
			}
	}
	perf_unit(e, unit, sizeof unit);

	/* The utama RHK take distinct templates from a drawn start, and
	 * intervene the atasan's utama RHK in turn from a drawn one. */
	first = (int)rng_below(&r, (uint32_t)ncat);
	off = su ? (int)rng_below(&r, (uint32_t)su) : 0;
	if (su) {
		struct perf_head *h = perf_head_find(e->atasan);

		if (h) {
			off = (int)(h->next % (unsigned)su);
			h->next += (unsigned)u;
		}
	}
	for (int k = 0; k < s.nrhk; k++) {
		struct perf_rhk *h = &s.rhk[k];
		const struct perf_tmpl *tp;
		int pi = (first + k) % (int)ncat;
		int biaya;

		h->tambahan = k >= u;
		tp = h->tambahan && !jpt
		     ? &perf_tambahan[rng_below(&r, NEL(perf_tambahan))]
		     : &cat[pi];
		snprintf(h->id, sizeof h->id, "%s.%d", e->nip, k + 1);
		subst(h->teks, sizeof h->teks, tp->rhk, unit);
		h->perspektif = jpt ? perf_perspektif[pi % 5] : NULL;
		h->intervensi[0] = '\0';
		if (!h->tambahan && su)
			snprintf(h->intervensi, sizeof h->intervensi,
			         "%s.%d", e->atasan, 1 + (k + off) % su);
		h->nind = nind[k];
		biaya = (jpt && pi == 3) || rng_pml(&r, 100);
		for (int i = 0; i < h->nind; i++) {
			char *id = h->ind[i].id;
			size_t n = strlen(h->id);   /* NIP.k: 20 bytes */

			perf_indikator(&r, &h->ind[i], tp, i, biaya);
			memcpy(id, h->id, n);
			id[n] = '.';
			id[n + 1] = (char)('a' + i);
			id[n + 2] = '\0';
		}
	}

	if (perf_cacat) {
		struct rng c;

		rng_init(&c, log_seed, TAG_SKP_CACAT, nip_key(e->nip));
		if (rng_pml(&c, perf_cacat))
			kind = (int)rng_below(&c, CACAT_N);
		if (kind == CACAT_SKIP_LEVEL) {
			const struct perf_head *ah = su ? perf_head_find(e->atasan)
			                                : NULL;
			const char *aa = ah ? ah->atasan : NULL;

			if (aa && aa[0]) {
				int au, at, an[PERF_MAX_RHK];
				struct rng rr;

				perf_shape(&rr, aa, &au, &at, an);
				snprintf(s.rhk[0].intervensi,
				         sizeof s.rhk[0].intervensi, "%s.%d", aa,
				         1 + (int)rng_below(&c, (uint32_t)au));
			} else {
				kind = CACAT_NO_INTERVENSI;
			}
		}
		if (kind == CACAT_NO_INTERVENSI && !su)
			kind = CACAT_ASPEK;
		switch (kind) {
		case CACAT_NO_INTERVENSI:
			s.rhk[0].intervensi[0] = '\0';
			break;
		case CACAT_ASPEK:
			s.rhk[0].ind[0].aspek = "kuantitatif";
			break;
		case CACAT_DUP_ID:
			memcpy(s.rhk[s.nrhk - 1].id, s.rhk[0].id,
			       sizeof s.rhk[0].id);
			break;
		case CACAT_NO_TARGET:
			s.rhk[0].ind[0].target[0] = '\0';
			break;
		case CACAT_NO_SKP:
			s.none = 1;
			break;
		default:
			break;
		}
	}
	return &s;
}

/* A double-quoted YAML scalar. */
static void wb_yq(struct wbuf *w, const char *s)
{
	wb_ch(w, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			wb_ch(w, '\\');
		wb_ch(w, *s);
	}
	wb_ch(w, '"');
}

static void skp_yaml_row(struct wbuf *w, const struct emp *e)
{
	const struct perf_skp *s = perf_build(e);

	if (s->none)
		return;
	wb_reserve(w, 4096);
	wb_str(w, "---\nnip: \"");
	wb_str(w, e->nip);
	wb_str(w, "\"\ntahun: ");
	wb_ulong(w, (unsigned long)log_y);
	wb_str(w, "\npendekatan: kuantitatif\nrhk:\n");
	for (int k = 0; k < s->nrhk; k++) {
		const struct perf_rhk *h = &s->rhk[k];

		wb_reserve(w, 2048);
		wb_str(w, "  - id: \"");
		wb_str(w, h->id);
		wb_str(w, h->tambahan ? "\"\n    jenis: tambahan\n    teks: "
		                      : "\"\n    jenis: utama\n    teks: ");
		wb_yq(w, h->teks);
		if (h->intervensi[0]) {
			wb_str(w, "\n    intervensi: \"");
			wb_str(w, h->intervensi);
			wb_ch(w, '"');
		}
		if (h->perspektif) {
			wb_str(w, "\n    perspektif: ");
			wb_str(w, h->perspektif);
		}
		wb_str(w, "\n    indikator:\n");
		for (int i = 0; i < h->nind; i++) {
			const struct perf_ind *x = &h->ind[i];

			wb_str(w, "      - id: \"");
			wb_str(w, x->id);
			wb_str(w, "\"\n        teks: ");
			wb_yq(w, x->teks);
			wb_str(w, "\n        aspek: ");
			wb_str(w, x->aspek);
			if (x->target[0]) {
				wb_str(w, "\n        target: ");
				if (x->range)
					wb_yq(w, x->target);
				else
					wb_str(w, x->target);
			}
			wb_str(w, "\n        satuan: ");
			wb_str(w, x->satuan);
			wb_str(w, x->neg ? "\n        polaritas: negatif\n"
			                 : "\n        polaritas: positif\n");
		}
	}
}

static void skp_tsv_row(struct wbuf *w, const struct emp *e)
{
	const struct perf_skp *s = perf_build(e);

	if (s->none)
		return;
	for (int k = 0; k < s->nrhk; k++) {
		const struct perf_rhk *h = &s->rhk[k];

		for (int i = 0; i < h->nind; i++) {
			const struct perf_ind *x = &h->ind[i];

			wb_reserve(w, 1024);
			wb_str(w, e->nip);
			wb_tab(w);
			wb_ulong(w, (unsigned long)log_y);
			wb_tab(w);
			wb_str(w, h->id);
			wb_str(w, h->tambahan ? "\ttambahan\t" : "\tutama\t");
			wb_str(w, h->teks);
			wb_tab(w);
			wb_str(w, h->intervensi);
			wb_tab(w);
			if (h->perspektif)
				wb_str(w, h->perspektif);
			wb_tab(w);
			wb_str(w, x->id);
			wb_tab(w);
			wb_str(w, x->teks);
			wb_tab(w);
			wb_str(w, x->aspek);
			wb_tab(w);
			wb_str(w, x->target);
			wb_tab(w);
			wb_str(w, x->satuan);
			wb_str(w, x->neg ? "\tnegatif\n" : "\tpositif\n");
		}
	}
}

static void perf_periode(struct wbuf *w)
{
	char p[7];

	put4(p, log_y);
	p[4] = '-';
	put2(p + 5, log_m);
	wb_mem(w, p, 7);
}

/* A realisation near the target, x 100. */
static long perf_realisasi(struct rng *r, const struct perf_ind *x)
{
	int f, band = (int)rng_below(r, 1000);
	long v;

	f = band < 800 ? rng_range(r, 900, 1150)
	    : band < 950 ? rng_range(r, 500, 899) : rng_range(r, 1151, 1300);
	if (!strcmp(x->satuan, "bulan"))
		return 100L * (f >= 900 ? 12 : f >= 700 ? 11 : 10);
	if (x->range) {
		if (band < 700)
			return x->lo + (long)rng_below(r, (uint32_t)(x->hi -
			                                           x->lo + 1));
		return band < 900 ? x->lo * rng_range(r, 600, 999) / 1000
		                  : x->hi * rng_range(r, 1001, 1150) / 1000;
	}
	if (x->neg) {
		v = x->lo * (2000 - f) / 1000;
		/* Days to a tenth, complaints whole. */
		v = !strcmp(x->satuan, "hari") ? (v + 5) / 10 * 10
		                              : (v + 50) / 100 * 100;
		return v < 0 ? 0 : v;
	}
	v = x->lo * f / 1000;
	/* Percentages of a whole stay at 100 at most; counts are whole. */
	if (!strcmp(x->satuan, "persen"))
		return v > 10000 ? 10000 : v;
	return (v + 50) / 100 * 100;
}

static void realisasi_row(struct wbuf *w, const struct emp *e)
{
	const struct perf_skp *s = perf_build(e);
	struct rng r;

	if (s->none || strstr(e->ket, "cltn") ||
	    strstr(e->ket, "tugas_belajar"))
		return;
	rng_init(&r, log_seed, TAG_REAL,
	         nip_key(e->nip) ^ (uint64_t)(log_y * 12 + log_m) << 60);
	if (rng_pml(&r, 40))
		return;
	for (int k = 0; k < s->nrhk; k++) {
		const struct perf_rhk *h = &s->rhk[k];

		/* A duplicated RHK id (a defect) is reported once. */
		if (k && !strcmp(h->id, s->rhk[0].id))
			continue;
		for (int i = 0; i < h->nind; i++) {
			char num[24];

			wb_reserve(w, 256);
			wb_str(w, e->nip);
			wb_tab(w);
			perf_periode(w);
			wb_tab(w);
			wb_str(w, h->ind[i].id);
			wb_tab(w);
			perf_num(num, sizeof num,
			         perf_realisasi(&r, &h->ind[i]));
			wb_str(w, num);
			wb_tab(w);
			if (rng_pml(&r, 300)) {
				wb_str(w, "https://ekinerja.kotacontoh.go.id/"
				          "bukti/");
				wb_str(w, h->ind[i].id);
			}
			wb_ch(w, '\n');
		}
	}
}

static const char *const perf_rating[] = { "di_bawah", "sesuai", "di_atas" };

static void perilaku_row(struct wbuf *w, const struct emp *e)
{
	const struct perf_skp *s = perf_build(e);
	struct rng r;
	int kind, atas, bawah;

	if (s->none)
		return;
	rng_init(&r, log_seed, TAG_PERILAKU,
	         nip_key(e->nip) ^ (uint64_t)(log_y * 12 + log_m) << 60);
	kind = (int)rng_below(&r, 1000);
	/* Most work as expected; one in ten shines, one in twenty not. */
	atas = kind < 850 ? 100 : kind < 950 ? 600 : 20;
	bawah = kind < 850 ? 40 : kind < 950 ? 20 : 550;
	wb_reserve(w, 256);
	wb_str(w, e->nip);
	wb_tab(w);
	perf_periode(w);
	for (int i = 0; i < 7; i++) {
		int k = (int)rng_below(&r, 1000);

		wb_tab(w);
		wb_str(w, perf_rating[k < atas ? 2 : k < atas + bawah ? 0 : 1]);
	}
	wb_ch(w, '\n');
}

static void organisasi_finish(struct wbuf *w, const struct gen *g)
{
	static const char *const pred[] = { "istimewa", "baik",
		"butuh_perbaikan", "kurang", "sangat_kurang" };
	static const int pml[] = { 100, 700, 900, 970, 1000 };

	wb_str(w, "opd\tperiode\tpredikat\n");
	for (int i = 0; i < g->n_opd; i++) {
		struct rng r;
		int k, p = 0;

		rng_init(&r, g->seed, TAG_ORGPRED,
		         (uint64_t)i ^ (uint64_t)(log_y * 12 + log_m) << 40);
		k = (int)rng_below(&r, 1000);
		while (k >= pml[p])
			p++;
		wb_str(w, g->opd[i].code);
		wb_tab(w);
		perf_periode(w);
		wb_tab(w);
		wb_str(w, pred[p]);
		wb_ch(w, '\n');
	}
}

static const char *const perf_subkeg[] = {
	"Penyusunan Dokumen Perencanaan Perangkat Daerah",
	"Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar "
	"Realisasi Kinerja SKPD",
	"Evaluasi Kinerja Perangkat Daerah",
	"Penyediaan Gaji dan Tunjangan ASN",
	"Penyediaan Administrasi Pelaksanaan Tugas ASN",
	"Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
	"Penyediaan Bahan Logistik Kantor",
	"Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
	"Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
	"Penyediaan Jasa Pelayanan Umum Kantor",
	"Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
	"Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak "
	"Kendaraan Perorangan Dinas",
	"Pengadaan Peralatan dan Mesin Lainnya",
	"Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai",
	"Sosialisasi Peraturan Perundang-Undangan",
};

/* The quarter of --bulan, the quarter a lagging OPD, the first OPD of
 * a run of ten for the report log: one offset per seed. */
static int perf_offset(uint64_t seed, int what)
{
	struct rng r;

	rng_init(&r, seed, TAG_KEG, (uint64_t)what << 50);
	return (int)rng_below(&r, 40);
}

static void kegiatan_finish(struct wbuf *w, const struct gen *g)
{
	int q = (log_m - 1) / 3 + 1, off = perf_offset(g->seed, 1);
	char per[8] = "0000-TW";

	put4(per, log_y);
	wb_str(w, "opd\tkode\tnama\tperiode\tpagu\ttarget_fisik_pct\t"
	          "realisasi_fisik_pct\ttarget_keuangan\trealisasi_keuangan\n");
	for (int i = 0; i < g->n_opd; i++) {
		struct rng r;
		int lag = (i + off) % 4 == 1;
		int n, first;

		rng_init(&r, g->seed, TAG_KEG,
		         (uint64_t)i ^ (uint64_t)(log_y * 4 + q) << 40);
		n = rng_range(&r, 4, 12);
		first = (int)rng_below(&r, NEL(perf_subkeg));
		for (int k = 0; k < n; k++) {
			long pagu = 1000L * rng_range(&r, 50000, 5000000);
			int tf = 25 * q + rng_range(&r, -5, 5);
			int tk = tf - rng_range(&r, 0, 10);
			/* A lagging OPD: each sub kegiatan 40-74 % of its
			 * target; else 80-105 %, one in ten 60-79 %. */
			int f = lag ? rng_range(&r, 400, 740)
			        : rng_pml(&r, 100) ? rng_range(&r, 600, 790)
			                           : rng_range(&r, 800, 1050);
			long tkeu, rf;
			char num[48];

			if (tf > 100)
				tf = 100;
			if (tk < 1)
				tk = 1;
			tkeu = pagu / 100 * tk;
			rf = 100L * tf * f / 1000;
			if (rf > 10000)
				rf = 10000;
			wb_reserve(w, 512);
			wb_str(w, g->opd[i].code);
			wb_tab(w);
			snprintf(num, sizeof num, "%d.%02d.01.2.%02d.%04d",
			         1 + i % 7, 1 + i % 29, 1 + k / 3, 1 + k % 3);
			wb_str(w, num);
			wb_tab(w);
			wb_str(w, perf_subkeg[(first + k) % NEL(perf_subkeg)]);
			wb_tab(w);
			wb_str(w, per);
			wb_ch(w, (char)('0' + q));
			wb_tab(w);
			wb_ulong(w, (unsigned long)pagu);
			wb_tab(w);
			wb_ulong(w, (unsigned long)tf);
			wb_tab(w);
			perf_num(num, sizeof num, rf);
			wb_str(w, num);
			wb_tab(w);
			wb_ulong(w, (unsigned long)tkeu);
			wb_tab(w);
			wb_ulong(w, (unsigned long)(tkeu / 1000 * f));
			wb_ch(w, '\n');
		}
	}
}

static void laporan_finish(struct wbuf *w, const struct gen *g)
{
	int off = perf_offset(g->seed, 2);
	int ny = log_m == 12 ? log_y + 1 : log_y;
	int nm = log_m == 12 ? 1 : log_m + 1;

	wb_str(w, "opd\tperiode\tdikirim\n");
	for (int i = 0; i < g->n_opd; i++) {
		struct rng r;
		int c = (i + off) % 10, d;
		long secs;
		char t[10];

		if (c == 0)
			continue;           /* never reports */
		rng_init(&r, g->seed, TAG_LAPOR,
		         (uint64_t)i ^ (uint64_t)(log_y * 12 + log_m) << 40);
		d = c <= 2 ? rng_range(&r, 6, 25) : rng_range(&r, 1, 5);
		secs = 7 * 3600 + rng_range(&r, 0, 11 * 3600);
		wb_str(w, g->opd[i].code);
		wb_tab(w);
		perf_periode(w);
		wb_tab(w);
		wb_date(w, days_from_civil(ny, nm, d));
		t[0] = ' ';
		put2(t + 1, (int)(secs / 3600));
		t[3] = ':';
		put2(t + 4, (int)(secs / 60 % 60));
		t[6] = ':';
		put2(t + 7, (int)(secs % 60));
		wb_mem(w, t, 9);
		wb_ch(w, '\n');
	}
}

/* Performance outputs are written only when --what names them. */
static int perf_opt_in(const struct output *o)
{
	return o->employee == skp_yaml_row || o->employee == skp_tsv_row ||
	       o->employee == realisasi_row || o->employee == perilaku_row ||
	       o->finish == organisasi_finish || o->finish == kegiatan_finish ||
	       o->finish == laporan_finish;
}

/* The header line of a per-employee performance output. */
static void perf_header(const struct output *o, struct wbuf *w)
{
	if (o->employee == skp_tsv_row)
		wb_str(w, "nip\ttahun\trhk\tjenis\trhk_teks\tintervensi\t"
		          "perspektif\tindikator\tindikator_teks\taspek\t"
		          "target\tsatuan\tpolaritas\n");
	else if (o->employee == realisasi_row)
		wb_str(w, "nip\tperiode\tindikator\trealisasi\tbukti\n");
	else if (o->employee == perilaku_row)
		wb_str(w, "nip\tperiode\tberorientasi_pelayanan\takuntabel\t"
		          "kompeten\tharmonis\tloyal\tadaptif\tkolaboratif\n");
}

/* ---- end of performance data ---- */

/* ---- anjab ---- */

/*
 * ANJAB documents (--what anjab, anjab-cacat; only when named), one YAML
 * document per (OPD, unit, jabatan) of the roster, in the order the roster
 * first names them, for anjab-validate(1).  Each holds every element of
 * kinerja-formats(5) ANJAB AND ABK: the roster's nama, jenis, opd, unit
 * and kelas; bezetting = the employees of the roster in that (unit,
 * jabatan), as of 2025-12-31; 3 to 5 tasks whose beban is 70-110 % of
 * bezetting x 1,250 hours (75-95 % of one person for a struktural job),
 * with kebutuhan per task, jumlah_pegawai (4 decimals, half up) and
 * pembulatan (half up; 1 for a struktural job) stated right; evjab levels
 * chosen so that their points give the roster's kelas (left out when no
 * levels do).  So anjab-validate finds no error in anjab.yaml, and with
 * -p pegawai.tsv counts the same bezetting.
 *
 * anjab-cacat.yaml holds the same documents where about 1 in 10 carries
 * one seeded defect, named in a comment before the document
 * ("# cacat: A09"): a placeholder ikhtisar (A01), a bakat code outside the
 * list (A09), a fungsi pekerja D9 (A09), a kelas that the evjab points do
 * not give (A12, or A10 without evjab), a wrong stated kebutuhan (B03), a
 * negative jumlah (B01), a missing aspect of kondisi lingkungan (A03), a
 * task written twice (B10).  Each document draws from a stream keyed by
 * the seed and its index, so the files do not change when other outputs do.
 */
#include "abk.h"
#include "strmap.h"

#define TAG_ANJAB 0x414e4a4142ULL      /* "ANJAB" */

struct anj_grp {
	char key[480];      /* opd NUL unit NUL jabatan NUL */
	int jenis, kelas;
	long count;
};

struct anj_coll {
	struct anj_grp *g;
	size_t n, cap;
	kj_strmap *idx;
};

static struct anj_coll anj_plain, anj_cacat;

static void anj_collect(struct anj_coll *c, const struct emp *e)
{
	char key[480];
	int len = snprintf(key, sizeof key, "%s\t%s\t%s", e->opd, e->unit,
	                   e->jabatan);
	size_t i;
	int added;

	if (len < 0 || (size_t)len >= sizeof key)
		kj_die(KJ_EXIT_INTERNAL, "anjab: a jabatan name too long");
	if (!c->idx)
		c->idx = kj_strmap_new();
	i = kj_strmap_put(c->idx, key, (size_t)len, c->n, &added);
	if (!added) {
		c->g[i].count++;
		return;
	}
	kj_grow(&c->g, &c->cap, c->n + 1, sizeof *c->g);
	struct anj_grp *g = &c->g[c->n++];
	memcpy(g->key, key, (size_t)len + 1);
	g->key[strlen(e->opd)] = '\0';
	g->key[strlen(e->opd) + 1 + strlen(e->unit)] = '\0';
	g->jenis = (int)e->jenis;
	g->kelas = e->kelas;
	g->count = 1;
}

static void anjab_row(struct wbuf *w, const struct emp *e)
{
	(void)w;
	anj_collect(&anj_plain, e);
}

static void anjab_cacat_row(struct wbuf *w, const struct emp *e)
{
	(void)w;
	anj_collect(&anj_cacat, e);
}

/* A double-quoted YAML scalar. */
static void anj_q(struct wbuf *w, const char *s)
{
	wb_ch(w, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			wb_ch(w, '\\');
		wb_ch(w, *s);
	}
	wb_ch(w, '"');
}

static void anj_kv(struct wbuf *w, const char *key, const char *val)
{
	wb_str(w, key);
	wb_str(w, ": ");
	anj_q(w, val);
	wb_ch(w, '\n');
}

/* v / 10^4 with four decimals. */
static void anj_dec4(struct wbuf *w, unsigned long v)
{
	char b[40];

	snprintf(b, sizeof b, "%lu.%04lu", v / 10000, v % 10000);
	wb_str(w, b);
}

struct anj_task {
	const char *uraian, *hasil, *satuan;
};

static const struct anj_task anj_tasks[] = {
	{ "Menyusun rencana kerja", "Rencana kerja", "dokumen" },
	{ "Mengolah data dan informasi", "Data terolah", "berkas" },
	{ "Menyiapkan bahan pelaksanaan kegiatan", "Bahan kegiatan",
	  "kegiatan" },
	{ "Melaksanakan pelayanan kepada masyarakat", "Layanan", "layanan" },
	{ "Menyusun laporan pelaksanaan tugas", "Laporan", "laporan" },
	{ "Mengelola administrasi dan arsip", "Arsip tertata", "berkas" },
	{ "Melakukan koordinasi dengan unit terkait", "Notulen koordinasi",
	  "kegiatan" },
};

static const struct anj_task anj_tasks_struk[] = {
	{ "Memimpin dan mengoordinasikan pelaksanaan tugas unit",
	  "Laporan koordinasi", "kegiatan" },
	{ "Membina dan menilai kinerja bawahan", "Penilaian kinerja",
	  "dokumen" },
	{ "Menyusun rencana kerja unit", "Rencana kerja unit", "dokumen" },
	{ "Mengevaluasi dan melaporkan pelaksanaan tugas unit",
	  "Laporan evaluasi", "laporan" },
	{ "Memberikan telaahan kepada pimpinan", "Telaahan staf",
	  "telaahan" },
};

/* Evjab levels whose points give kelas (greedy, highest first), or 0. */
static int anj_levels(int struktural, int kelas, int *lv)
{
	static const int upper[17] = {
		240, 300, 370, 450, 650, 850, 1100, 1350, 1600, 1850, 2100,
		2350, 2750, 3150, 3600, 4050, 5000
	};
	int n = kj_evjab_nfactors(struktural), total = 0, rest = 0;

	if (kelas < 1 || kelas > 17)
		return 0;
	for (int i = 0; i < n; i++)
		rest += kj_evjab_points(struktural, i, 1);
	for (int i = 0; i < n; i++) {
		rest -= kj_evjab_points(struktural, i, 1);
		for (lv[i] = kj_evjab_nlevels(struktural, i); lv[i] > 1; lv[i]--)
			if (total + kj_evjab_points(struktural, i, lv[i]) +
			    rest <= upper[kelas - 1])
				break;
		total += kj_evjab_points(struktural, i, lv[i]);
	}
	return kj_evjab_kelas(total) == kelas;
}

static void anj_doc(struct wbuf *w, const struct anj_grp *g, uint64_t seed,
                    size_t idx, int cacat)
{
	static const char *const cacat_rule[8] = {
		"A01", "A09", "A09", "A12", "B03", "B01", "A03", "B10"
	};
	int struk = g->jenis <= JN_PENGAWAS;
	const struct anj_task *pool = struk ? anj_tasks_struk : anj_tasks;
	int npool = struk ? (int)NEL(anj_tasks_struk) : (int)NEL(anj_tasks);
	static const int quarters[] = { 2, 4, 6, 8, 12, 16, 24, 32 };
	unsigned long jumlah[5], wq[5], sum = 0;
	int pick[5], ntask, lv[9], has_ev, defect = -1;
	unsigned long target;
	struct rng r;
	char b[512];
	const char *opd = g->key, *unit = opd + strlen(opd) + 1;
	const char *jabatan = unit + strlen(unit) + 1;

	rng_init(&r, seed, TAG_ANJAB, (uint64_t)idx);
	ntask = rng_range(&r, 3, struk ? 4 : 5);
	/* target beban in quarter hours */
	if (struk)
		target = 1250UL * 4 * (unsigned long)rng_range(&r, 75, 95) / 100;
	else
		target = 1250UL * 4 * (unsigned long)g->count *
		         (unsigned long)rng_range(&r, 70, 110) / 100;
	for (int i = 0; i < ntask; i++) {
		int k;

		do {
			k = rng_range(&r, 0, npool - 1);
			for (int j = 0; j < i; j++)
				if (pick[j] == k)
					k = -1;
		} while (k < 0);
		pick[i] = k;
		wq[i] = (unsigned long)quarters[rng_below(&r, NEL(quarters))];
		jumlah[i] = target / (unsigned long)ntask / wq[i];
		if (jumlah[i] == 0)
			jumlah[i] = 1;
		sum += jumlah[i] * wq[i];
	}
	has_ev = anj_levels(struk, g->kelas, lv);
	if (cacat && rng_pml(&r, 100))
		defect = (int)rng_below(&r, 8);

	wb_str(w, "---\n");
	if (defect >= 0) {
		wb_str(w, "# cacat: ");
		wb_str(w, defect == 3 && !has_ev ? "A10" : cacat_rule[defect]);
		wb_ch(w, '\n');
	}
	anj_kv(w, "nama", jabatan);
	wb_str(w, "jenis: ");
	wb_str(w, jenis_word[g->jenis]);
	wb_ch(w, '\n');
	anj_kv(w, "opd", opd);
	anj_kv(w, "unit", unit);
	if (defect == 0) {
		wb_str(w, "ikhtisar: KOSONG\n");
	} else {
		snprintf(b, sizeof b, "Melaksanakan tugas %s di %s sesuai "
		         "ketentuan agar sasaran kinerja unit tercapai.",
		         jabatan, unit);
		anj_kv(w, "ikhtisar", b);
	}
	wb_str(w, "kualifikasi:\n  pendidikan: [");
	wb_str(w, g->jenis == JN_PELAKSANA && g->kelas <= 5 ?
	       "\"SMA/SMK sederajat\"" : g->kelas <= 6 ? "\"D3 sederajat\"" :
	       "\"S1 sederajat\"");
	wb_str(w, "]\n  pelatihan: [\"Pelatihan teknis sesuai bidang\"]\n"
	       "  pengalaman: [\"-\"]\ntugas:\n");
	for (int i = 0; i < ntask + (defect == 7); i++) {
		int t = i < ntask ? i : 0;
		const struct anj_task *a = &pool[pick[t]];
		unsigned long j = jumlah[t];
		/* kebutuhan = j x wq / 4 / 1250, 4 decimals half up */
		unsigned long k4 = (j * wq[t] * 10000 + 2500) / 5000;

		snprintf(b, sizeof b, "  - uraian: \"%s\"\n    hasil: \"%s\"\n"
		         "    satuan: %s\n    jumlah: %s%lu\n    waktu: %lu%s\n"
		         "    waktu_efektif: 1250\n    kebutuhan: ", a->uraian,
		         a->hasil, a->satuan, defect == 5 && t == 0 ? "-" : "",
		         j, wq[t] / 4, wq[t] % 4 == 0 ? "" :
		         wq[t] % 4 == 2 ? ".5" : wq[t] % 4 == 1 ? ".25" : ".75");
		wb_str(w, b);
		anj_dec4(w, k4 + (defect == 4 && t == 0 ? 1000 : 0));
		wb_ch(w, '\n');
	}
	if (defect != 7) {
		wb_str(w, "jumlah_pegawai: ");
		anj_dec4(w, (sum * 10000 + 2500) / 5000);
		snprintf(b, sizeof b, "\npembulatan: %lu\n",
		         struk ? 1UL : (sum + 2500) / 5000);
		wb_str(w, b);
	}
	wb_str(w, "hasil_kerja:\n");
	for (int i = 0; i < ntask; i++) {
		snprintf(b, sizeof b, "  - { hasil: \"%s\", satuan: %s }\n",
		         pool[pick[i]].hasil, pool[pick[i]].satuan);
		wb_str(w, b);
	}
	wb_str(w, "bahan_kerja:\n  - { bahan: \"Peraturan dan data unit\", "
	       "penggunaan: \"Bahan pelaksanaan tugas\" }\n"
	       "perangkat_kerja:\n  - { perangkat: \"Komputer dan aplikasi "
	       "kantor\", penggunaan: \"Pengolahan data\" }\n"
	       "tanggung_jawab: [\"Ketepatan dan kelengkapan hasil kerja\"]\n"
	       "wewenang: [\"Meminta data yang diperlukan\"]\n"
	       "korelasi:\n  - { jabatan: \"Atasan langsung\", unit: ");
	anj_q(w, opd);
	wb_str(w, ", dalam_hal: \"Pelaporan\" }\n"
	       "kondisi_lingkungan:\n  tempat_kerja: \"Di dalam ruangan\"\n"
	       "  suhu: \"Sejuk\"\n  udara: \"Segar\"\n"
	       "  keadaan_ruangan: \"Cukup luas\"\n  letak: \"Strategis\"\n"
	       "  penerangan: \"Terang\"\n  suara: \"Tenang\"\n"
	       "  keadaan_tempat_kerja: \"Bersih\"\n");
	if (defect != 6)
		wb_str(w, "  getaran: \"Tidak ada\"\n");
	wb_str(w, "risiko_bahaya: \"Tidak ada\"\nsyarat:\n"
	       "  keterampilan: [\"Komputer\", \"Komunikasi\"]\n");
	wb_str(w, defect == 1 ? "  bakat: [G, X]\n" :
	       struk ? "  bakat: [G, V, N]\n" : "  bakat: [G, Q]\n");
	wb_str(w, struk ? "  temperamen: [D, P]\n" : "  temperamen: [R, T]\n");
	wb_str(w, struk ? "  minat: [Kewirausahaan, Sosial]\n" :
	       "  minat: [Konvensional]\n");
	wb_str(w, "  upaya_fisik: [Duduk, Berbicara, Melihat]\n"
	       "  kondisi_fisik:\n"
	       "    jenis_kelamin: \"Laki-laki dan Perempuan\"\n"
	       "    umur: \"18-58 tahun\"\n    keadaan_fisik: \"Sehat\"\n");
	wb_str(w, defect == 2 ? "  fungsi: [D9, O8, B7]\n" :
	       struk ? "  fungsi: [D1, O1, B7]\n" : "  fungsi: [D3, O8, B7]\n");
	snprintf(b, sizeof b, "prestasi: \"Baik\"\nkelas: %d\n",
	         defect == 3 ? (has_ev ? (g->kelas < 17 ? g->kelas + 1 :
	                                  g->kelas - 1) : 18) : g->kelas);
	wb_str(w, b);
	if (has_ev) {
		int n = kj_evjab_nfactors(struk);

		wb_str(w, "evjab: {");
		for (int i = 0; i < n; i++) {
			snprintf(b, sizeof b, "%s %s: %d", i ? "," : "",
			         kj_evjab_factor(struk, i), lv[i]);
			wb_str(w, b);
		}
		wb_str(w, " }\n");
	}
	snprintf(b, sizeof b, "bezetting: %ld\nbezetting_per: 2025-12-31\n",
	         g->count);
	wb_str(w, b);
}

static void anj_finish(struct wbuf *w, const struct gen *g,
                       struct anj_coll *c, int cacat)
{
	wb_str(w, "# ANJAB documents of Kota Contoh, one per jabatan and "
	       "unit (gen-data)\n");
	for (size_t i = 0; i < c->n; i++)
		anj_doc(w, &c->g[i], g->seed, i, cacat);
	free(c->g);
	kj_strmap_free(c->idx);
	memset(c, 0, sizeof *c);
}

static void anjab_finish(struct wbuf *w, const struct gen *g)
{
	anj_finish(w, g, &anj_plain, 0);
}

static void anjab_cacat_finish(struct wbuf *w, const struct gen *g)
{
	anj_finish(w, g, &anj_cacat, 1);
}

static struct output outputs[] = {
	{ "opd", "opd.tsv", "one row per OPD: opd nama kepala email telepon",
	  NULL, opd_finish },
	{ "pegawai", "pegawai.tsv", "one row per employee", pegawai_row,
	  NULL },
	{ "log", log_file, "fingerprint punches of --bulan (only when named)",
	  log_row, NULL },
	{ "skp", "skp.yaml", "SKP of the year of --bulan (only when named)",
	  skp_yaml_row, NULL },
	{ "skptsv", "skp.tsv", "the same SKP as skp.tsv (only when named)",
	  skp_tsv_row, NULL },
	{ "realisasi", "realisasi.tsv", "realisasi of --bulan (only when named)",
	  realisasi_row, NULL },
	{ "perilaku", "perilaku.tsv", "BerAKHLAK values (only when named)",
	  perilaku_row, NULL },
	{ "organisasi", "organisasi.tsv", "predikat per OPD (only when named)",
	  NULL, organisasi_finish },
	{ "kegiatan", "kegiatan.tsv", "sub kegiatan per OPD (only when named)",
	  NULL, kegiatan_finish },
	{ "laporan", "laporan.tsv", "report log per OPD (only when named)",
	  NULL, laporan_finish },
	{ "anjab", "anjab.yaml", "ANJAB documents, one per jabatan and unit "
	  "(only when named)", anjab_row, anjab_finish },
	{ "anjab-cacat", "anjab-cacat.yaml", "the same with seeded defects "
	  "(only when named)", anjab_cacat_row, anjab_cacat_finish },
};
#define N_OUTPUTS (sizeof outputs / sizeof outputs[0])

/* ---- command line ------------------------------------------------------- */

static void usage(FILE *f)
{
	fprintf(f,
"Usage: gen-data --pegawai N [--seed S] [--what LIST] [--bulan YYYY-MM] -o DIR\n"
"\n"
"Write deterministic synthetic data for a fictional Pemda, Kota Contoh,\n"
"with N employees (ASN) into DIR, which is created if it does not exist.\n"
"The files follow kinerja-formats(5); each is written to a temporary file\n"
"and renamed into place, so a failed run leaves no half-written file.\n"
"\n"
"Options:\n"
"  -n, --pegawai N   number of employees, 1 to %ld\n"
"  -s, --seed S      seed, a decimal integer 0 to 2^64-1 (default 1)\n"
"  -w, --what LIST   outputs, separated by commas (default: opd and\n"
"                    pegawai; all: every one):\n",
	        MAX_PEGAWAI);
	for (size_t i = 0; i < N_OUTPUTS; i++)
		fprintf(f, "                      %-9s DIR/%s: %s\n",
		        outputs[i].name, outputs[i].file, outputs[i].help);
	fprintf(f,
"  -b, --bulan YYYY-MM  the month of the log output (default 2026-11;\n"
"                    the log is a function of it too), of realisasi,\n"
"                    perilaku, organisasi and laporan, its quarter that\n"
"                    of kegiatan, its year that of the SKP\n"
"      --noise       the log also has duplicates, punches on days off and\n"
"                    NIPs that are not in the roster\n"
"      --cacat PERMIL  that many SKP per mille (0 to 1000, default 0)\n"
"                    get one defect each, drawn per NIP: an utama RHK\n"
"                    without intervensi, an intervensi to an RHK of the\n"
"                    atasan's atasan, an unknown aspek ('kuantitatif'),\n"
"                    an RHK id used twice, an indicator without target,\n"
"                    or no SKP at all (then no realisasi nor perilaku)\n"
"      --indikator K  every SKP has exactly K indicators (2 to 15) over\n"
"                    2 to 5 RHK (default: 1 to 3 per RHK, drawn)\n"
"  -o, --output DIR  the folder to write into\n"
"      --stdout      write the one output --what names to standard output\n"
"                    instead of a file in DIR (then -o is not needed): a\n"
"                    national log piped into gzip needs no plain copy\n"
"  -h, --help        show this help and exit\n"
"  -V, --version     show the generator version and exit\n"
"\n"
"Determinism.  The files are a function of N, S and the generator version\n"
"(gen-data --version) and of nothing else: no clock, locale, environment,\n"
"machine or --what selection enters, and no floating point is used.  The\n"
"same N and S give byte-identical files on every machine.  The PRNG is\n"
"splitmix64; every employee draws from its own stream, seeded from S and\n"
"the employee's row number in pegawai.tsv, and the organisation from\n"
"streams seeded from S and the OPD's number.  A different N gives another\n"
"organisation (more OPD and units), so the files change as a whole, not\n"
"only in length.  A change to the generator that alters any output for\n"
"some N and S raises the version.\n"
"\n"
"SKP.  Each employee's SKP has 2 to 4 utama RHK, sometimes a tambahan\n"
"one, each with 1 to 3 indicators.  RHK ids are NIP.k, indicator ids\n"
"NIP.k.a; how many utama RHK a NIP has depends on S and the NIP only.\n"
"The RHK of a JPT have a perspektif; below the JPT each utama RHK\n"
"intervenes an utama RHK of the direct superior (atasan).  With --cacat 0\n"
"every intervensi points at an RHK of the atasan.  realisasi: about 4 %%\n"
"of the employees, and those on CLTN or tugas belajar, do not report.\n"
"kegiatan: one OPD in four lags (realisation 40-74 %% of the target).\n"
"laporan (deadline the 5th of the next month): of every ten OPD in\n"
"pegawai.tsv order one never reports, two report late, seven on time.\n"
"\n"
"The data describe November 2026: ages (20 to 58), masa kerja, CPNS\n"
"(TMT from December 2025) and retirement (tmt_keluar in 2026 or\n"
"2027-01-01) are counted to 2026-11-01.\n"
"\n"
"Exit status: 0 success, 2 bad usage, 3 I/O or internal error.\n");
}

static _Noreturn void bad_usage(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static _Noreturn void bad_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", kj_prog());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n",
	        kj_prog());
	exit(KJ_EXIT_USAGE);
}

static int parse_u64(const char *s, uint64_t *v)
{
	uint64_t x = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (x > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return -1;
		x = x * 10 + (uint64_t)(*s - '0');
	}
	*v = x;
	return 0;
}

/* mkdir -p */
static void make_dir(const char *dir)
{
	char *p = kj_xstrdup(dir), *s;
	struct stat st;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST)
			kj_die(KJ_EXIT_INTERNAL, "%s: cannot create: %s", p,
			       strerror(errno));
		*s = '/';
	}
	if (mkdir(p, 0777) < 0 && errno != EEXIST)
		kj_die(KJ_EXIT_INTERNAL, "%s: cannot create: %s", p,
		       strerror(errno));
	if (stat(p, &st) < 0 || !S_ISDIR(st.st_mode))
		kj_die(KJ_EXIT_INTERNAL, "%s: not a folder", p);
	free(p);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "pegawai", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "what", required_argument, NULL, 'w' },
		{ "bulan", required_argument, NULL, 'b' },
		{ "noise", no_argument, NULL, 'N' },
		{ "cacat", required_argument, NULL, 'C' },
		{ "indikator", required_argument, NULL, 'I' },
		{ "stdout", no_argument, NULL, 'S' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct gen g;
	const char *dir = NULL, *what = NULL;
	int want[N_OUTPUTS], have_n = 0, to_stdout = 0, c;
	uint64_t v;

	kj_diag_init(argv[0]);
	memset(&g, 0, sizeof g);
	g.seed = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:s:w:b:o:hV", longopts,
	                        NULL)) != -1) {
		switch (c) {
		case 'n':
			if (parse_u64(optarg, &v) < 0 || v < 1 ||
			    v > (uint64_t)MAX_PEGAWAI)
				bad_usage("--pegawai: '%s' is not a number "
				          "of employees from 1 to 50000000",
				          optarg);
			g.n = (long)v;
			have_n = 1;
			break;
		case 's':
			if (parse_u64(optarg, &v) < 0)
				bad_usage("--seed: '%s' is not an unsigned "
				          "64-bit decimal integer", optarg);
			g.seed = v;
			break;
		case 'w':
			what = optarg;
			break;
		case 'o':
			dir = optarg;
			break;
		case 'N':
			log_noise = 1;
			break;
		case 'S':
			to_stdout = 1;
			break;
		case 'C':
			if (parse_u64(optarg, &v) < 0 || v > 1000)
				bad_usage("--cacat: '%s' is not a number of "
				          "defective SKP per mille, 0 to 1000",
				          optarg);
			perf_cacat = (int)v;
			break;
		case 'I':
			if (parse_u64(optarg, &v) < 0 || v < 2 ||
			    v > PERF_MAX_RHK * PERF_MAX_IND)
				bad_usage("--indikator: '%s' is not a number "
				          "of indicators per SKP, 2 to 15",
				          optarg);
			perf_nind = (int)v;
			break;
		case 'b':
			if (sscanf(optarg, "%4d-%2d", &log_y, &log_m) != 2 ||
			    strlen(optarg) != 7 || log_y < 2000 ||
			    log_y > 2100 || log_m < 1 || log_m > 12)
				bad_usage("--bulan: '%s' is not a month such "
				          "as 2026-11", optarg);
			snprintf(log_file, sizeof log_file,
			         "log-%04d-%02d.tsv", log_y, log_m);
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) ? KJ_EXIT_INTERNAL : KJ_EXIT_OK;
		case 'V':
			printf("gen-data (kinerja) %s\n", GEN_VERSION);
			return KJ_EXIT_OK;
		case ':':
			bad_usage("option '%s' needs a value",
			          argv[optind - 1]);
		default:
			bad_usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		bad_usage("unexpected argument '%s'", argv[optind]);
	if (!have_n)
		bad_usage("--pegawai N is required");
	if (!to_stdout && (!dir || !*dir))
		bad_usage("-o DIR is required");
	if (to_stdout && dir)
		bad_usage("--stdout and -o DIR exclude each other");

	for (size_t i = 0; i < N_OUTPUTS; i++)
		want[i] = !what && outputs[i].employee != log_row &&
		          !perf_opt_in(&outputs[i]) &&
		          outputs[i].employee != anjab_row &&
		          outputs[i].employee != anjab_cacat_row;
	log_seed = g.seed;
	if (what) {
		char *list = kj_xstrdup(what), *save = NULL, *w;

		for (w = strtok_r(list, ",", &save); w;
		     w = strtok_r(NULL, ",", &save)) {
			size_t i;

			if (!strcmp(w, "all")) {
				for (i = 0; i < N_OUTPUTS; i++)
					want[i] = 1;
				continue;
			}
			for (i = 0; i < N_OUTPUTS; i++)
				if (!strcmp(w, outputs[i].name))
					break;
			if (i == N_OUTPUTS) {
				char known[256] = "";

				for (i = 0; i < N_OUTPUTS; i++) {
					strcat(known, outputs[i].name);
					strcat(known, ", ");
				}
				bad_usage("--what: unknown output '%s' (known: "
				          "%sall)", w, known);
			}
			want[i] = 1;
		}
		free(list);
		for (c = 0; c < (int)N_OUTPUTS && !want[c]; c++)
			;
		if (c == (int)N_OUTPUTS)
			bad_usage("--what: no output named");
	}
	if (to_stdout) {
		int nw = 0;

		for (size_t i = 0; i < N_OUTPUTS; i++)
			nw += want[i];
		if (!what || nw != 1)
			bad_usage("--stdout needs --what naming exactly one "
			          "output");
		if (isatty(STDOUT_FILENO))
			bad_usage("--stdout: standard output is a terminal");
	}

	gaji_init();
	g.birth_min = days_from_civil(BIRTH_MIN_Y, 1, 1);
	g.birth_max = days_from_civil(REF_Y - 20, REF_M, 1);
	g.n_bdays = g.birth_max - g.birth_min + 1;
	g.seq = kj_xcalloc((size_t)g.n_bdays * N_TMT * 2, sizeof *g.seq);
	for (int i = 0; i < 3; i++) {
		struct rng r;

		rng_init(&r, g.seed, TAG_PLACE, (uint64_t)i);
		g.place_off[i] = rng_below(&r, 192);
	}
	for (size_t q = 0; q < NEL(g.q_acc); q++) {
		struct rng r;

		rng_init(&r, g.seed, TAG_QUOTA, q);
		g.q_acc[q] = rng_below(&r, 1000000);
	}

	if (!to_stdout)
		make_dir(dir);
	atexit(remove_uncommitted);
	{
		static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

		for (size_t i = 0; i < NEL(sigs); i++)
			signal(sigs[i], on_signal);
	}
	g.out = kj_xcalloc(N_OUTPUTS, sizeof *g.out);
	g.wb = kj_xcalloc(N_OUTPUTS, sizeof *g.wb);
	for (size_t i = 0; i < N_OUTPUTS; i++) {
		if (!want[i])
			continue;
		g.out[g.n_out] = outputs[i];
		if (to_stdout)
			wb_open_stdout(&g.wb[g.n_out]);
		else
			wb_open(&g.wb[g.n_out], dir, outputs[i].file);
		if (outputs[i].employee == pegawai_row)
			pegawai_header(&g.wb[g.n_out]);
		if (outputs[i].employee == log_row)
			log_header(&g.wb[g.n_out]);
		perf_header(&outputs[i], &g.wb[g.n_out]);
		g.n_out++;
	}

	gen_org(&g);
	if (g.emitted != g.n)
		kj_die(KJ_EXIT_INTERNAL, "generated %ld employees, not %ld",
		       g.emitted, g.n);

	for (int i = 0; i < g.n_out; i++) {
		if (g.out[i].finish)
			g.out[i].finish(&g.wb[i], &g);
		wb_commit(&g.wb[i]);
	}
	n_open_bufs = 0;        /* all committed: nothing left to remove */
	free(g.seq);
	free(g.opd);
	free(g.out);
	free(g.wb);
	return KJ_EXIT_OK;
}
