/* abk: see abk.h. */
#include "abk.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "money.h"
#include "org.h"
#include "strmap.h"

__extension__ typedef __int128 i128;

/* ---- arithmetic --------------------------------------------------------- */

static int64_t div128(i128 num, i128 den, int mode)
{
	i128 q = num / den, r = num % den;

	switch (mode) {
	case KJ_BULAT_CEIL:
		if (r)
			q++;
		break;
	case KJ_BULAT_FLOOR:
		break;
	default:
		if (2 * r >= den)
			q++;
	}
	return (int64_t)q;
}

int64_t kj_abk_div(int64_t num, int64_t den, int mode)
{
	return div128(num, den, mode);
}

int64_t kj_abk_hitung(int64_t beban, int64_t wke_jam)
{
	return div128((i128)beban * 100, (i128)wke_jam * KJ_ABK_BEBAN_SCALE,
	              KJ_BULAT_HALF_UP);
}

int64_t kj_abk_kebutuhan(int64_t beban, int64_t wke_jam, int mode)
{
	return div128(beban, (i128)wke_jam * KJ_ABK_BEBAN_SCALE, mode);
}

int64_t kj_abk_ej(int64_t beban, int64_t bezetting, int64_t wke_jam)
{
	if (bezetting <= 0)
		return -1;
	return div128((i128)beban * 100,
	              (i128)bezetting * wke_jam * KJ_ABK_BEBAN_SCALE,
	              KJ_BULAT_HALF_UP);
}

char kj_abk_pj(int64_t ej)
{
	if (ej < 0)
		return 0;
	if (ej > 100)
		return 'A';
	if (ej >= 90)
		return 'B';
	if (ej >= 70)
		return 'C';
	if (ej >= 50)
		return 'D';
	return 'E';
}

/* ---- evaluasi jabatan (domain §3) --------------------------------------- */

struct factor {
	const char *key;
	int n;
	int pts[9];
};

static const struct factor f_struktural[7] = {
	{ "f1", 5, { 175, 350, 550, 775, 900 } },
	{ "f2", 3, { 100, 250, 350 } },
	{ "f3", 3, { 450, 775, 900 } },
	{ "f4a", 4, { 25, 50, 75, 100 } },
	{ "f4b", 4, { 30, 75, 100, 125 } },
	{ "f5", 8, { 75, 205, 340, 505, 650, 800, 930, 1030 } },
	{ "f6", 6, { 310, 575, 975, 1120, 1225, 1325 } },
};

static const struct factor f_fungsional[9] = {
	{ "f1", 9, { 50, 200, 350, 550, 750, 950, 1250, 1550, 1850 } },
	{ "f2", 5, { 25, 125, 275, 450, 650 } },
	{ "f3", 5, { 25, 125, 275, 450, 650 } },
	{ "f4", 6, { 25, 75, 150, 225, 325, 450 } },
	{ "f5", 6, { 25, 75, 150, 225, 325, 450 } },
	{ "f6", 4, { 10, 25, 60, 110 } },
	{ "f7", 4, { 20, 50, 120, 220 } },
	{ "f8", 3, { 5, 20, 50 } },
	{ "f9", 3, { 5, 20, 50 } },
};

int kj_evjab_nfactors(bool struktural)
{
	return struktural ? 7 : 9;
}

static const struct factor *factor(bool struktural, int i)
{
	return struktural ? &f_struktural[i] : &f_fungsional[i];
}

const char *kj_evjab_factor(bool struktural, int i)
{
	return factor(struktural, i)->key;
}

int kj_evjab_nlevels(bool struktural, int i)
{
	return factor(struktural, i)->n;
}

int kj_evjab_points(bool struktural, int i, int64_t level)
{
	const struct factor *f = factor(struktural, i);

	if (level < 1 || level > f->n)
		return -1;
	return f->pts[level - 1];
}

int kj_evjab_kelas(int64_t total)
{
	/* upper bounds of kelas 1..16 (§3.3); 17 is 4055 and above */
	static const int upper[16] = {
		240, 300, 370, 450, 650, 850, 1100, 1350, 1600, 1850, 2100,
		2350, 2750, 3150, 3600, 4050
	};

	if (total < 190 || total % 5 != 0)
		return -1;
	for (int k = 0; k < 16; k++)
		if (total <= upper[k])
			return k + 1;
	return 17;
}

/* ---- names and code lists ----------------------------------------------- */

void kj_anj_norm(const char *s, char *buf, size_t n)
{
	size_t j = 0;
	bool space = false;

	if (n == 0)
		return;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = j > 0;
			continue;
		}
		if (space && j + 1 < n)
			buf[j++] = ' ';
		space = false;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (j + 1 < n)
			buf[j++] = (char)c;
	}
	buf[j] = '\0';
}

/* kj_anj_norm(a) == kj_anj_norm(b), without the buffers. */
static bool norm_eq(const char *a, const char *b)
{
	for (;;) {
		bool sa = false, sb = false;
		unsigned char x, y;

		while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r') {
			a++;
			sa = true;
		}
		while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r') {
			b++;
			sb = true;
		}
		if (!*a || !*b)
			return !*a && !*b;
		if (sa != sb)
			return false;
		x = (unsigned char)*a++;
		y = (unsigned char)*b++;
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
}

/* Lower case, every run of non-alphanumerics one space, trimmed. */
static void norm_words(const char *s, char *buf, size_t n)
{
	size_t j = 0;
	bool space = false;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		             (c >= 'A' && c <= 'Z') || c >= 0x80;

		if (!alnum) {
			space = j > 0;
			continue;
		}
		if (space && j + 1 < n)
			buf[j++] = ' ';
		space = false;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (j + 1 < n)
			buf[j++] = (char)c;
	}
	buf[j] = '\0';
}

/* A code and the names accepted for it ("|"-separated, normalised). */
struct code {
	const char *code;
	const char *names;
};

static const struct code bakat_codes[] = {
	{ "g", "intelegensia|inteligensia|intelegensi|inteligensi" },
	{ "v", "bakat verbal|verbal" },
	{ "n", "bakat numerik|numerik" },
	{ "s", "bakat pandang ruang|pandang ruang" },
	{ "p", "bakat penerapan bentuk|penerapan bentuk" },
	{ "q", "bakat ketelitian|ketelitian" },
	{ "k", "koordinasi motorik" },
	{ "f", "kecekatan jari" },
	{ "m", "kecekatan tangan" },
	{ "e", "koordinasi mata tangan kaki" },
	{ "c", "kemampuan membedakan warna|membedakan warna" },
	{ NULL, NULL }
};

static const struct code temperamen_codes[] = {
	{ "d", "directing|direction control planning" },
	{ "f", "feelings|feeling|feelings ideas facts" },
	{ "i", "influencing|influencing people" },
	{ "j", "judgement|judgment|sensory judgement|sensory judgment" },
	{ "m", "measurable|measurable criteria" },
	{ "p", "people|dealing with people" },
	{ "r", "repetitive|repetitive continuous" },
	{ "s", "stress|performing under stress" },
	{ "t", "tolerances|tolerance|set of limits tolerances" },
	{ "v", "variety|variety and change" },
	{ NULL, NULL }
};

static const struct code minat_codes[] = {
	{ "r", "realistik|realistic" },
	{ "i", "investigatif|investigative" },
	{ "a", "artistik|artistic" },
	{ "s", "sosial|social" },
	{ "e", "kewirausahaan|enterprising|enterpreneurial|entrepreneurial|"
	       "wirausaha" },
	{ "ke", "kewirausahaan|enterprising|wirausaha" },
	{ "k", "konvensional|conventional" },
	{ "c", "konvensional|conventional" },
	{ NULL, NULL }
};

static const struct code fungsi_codes[] = {
	{ "d0", "memadukan data" },
	{ "d1", "mengkoordinasikan data|mengoordinasikan data" },
	{ "d2", "menganalisis data" },
	{ "d3", "menyusun data" },
	{ "d4", "menghitung data" },
	{ "d5", "menyalin data|membandingkan data|mencocokkan data" },
	{ "d6", "membandingkan data|menyalin data|mencocokkan data" },
	{ "o0", "menasehati|menasihati" },
	{ "o1", "berunding" },
	{ "o2", "mengajar" },
	{ "o3", "menyelia" },
	{ "o4", "menghibur" },
	{ "o5", "mempengaruhi|memengaruhi" },
	{ "o6", "berbicara memberi tanda|berbicara" },
	{ "o7", "melayani orang" },
	{ "o8", "menerima instruksi|menerima instruksi membantu" },
	{ "b0", "memasang mesin|merakit|instalasi mesin" },
	{ "b1", "mengerjakan presisi" },
	{ "b2", "menjalankan mengontrol mesin|menjalankan mesin" },
	{ "b3", "mengemudikan menjalankan mesin|mengemudikan" },
	{ "b4", "mengerjakan benda dengan tangan atau perkakas|"
	        "memanipulasi" },
	{ "b5", "melayani mesin" },
	{ "b6", "memasukkan mengeluarkan barang ke dari mesin|"
	        "memasukkan mengeluarkan barang" },
	{ "b7", "memegang" },
	{ NULL, NULL }
};

static const char *const upaya_names[] = {
	"berdiri", "berjalan", "duduk", "mengangkat", "membawa", "mendorong",
	"menarik", "memanjat", "menyimpan imbangan", "mengatur imbangan",
	"menunduk", "berlutut", "membungkuk", "merangkak", "menjangkau",
	"memegang", "bekerja dengan jari", "meraba", "berbicara", "mendengar",
	"melihat", "ketajaman jarak jauh", "ketajaman jarak dekat",
	"pengamatan secara mendalam", "penyesuaian lensa mata",
	"melihat berbagai warna", "luas lapangan pandangan", "luas",
	NULL
};

/* s (len bytes, no '|') is one of names ("|"-separated). */
static bool in_names(const char *names, const char *s, size_t len)
{
	const char *p = names;

	while (p && *p) {
		size_t i = 0;

		while (i < len && p[i] == s[i])
			i++;
		if (i == len && (p[i] == '|' || p[i] == '\0'))
			return true;
		p += i;
		while (*p && *p != '|')
			p++;
		if (*p == '|')
			p++;
	}
	return false;
}

/* "G", "Intelegensia", "G - Intelegensia" (any case and punctuation). */
static bool known_code(const struct code *list, const char *item)
{
	char w[256];
	size_t len;

	norm_words(item, w, sizeof w);
	len = strlen(w);
	/* the Blade forms' "00".."08" for O0..O8 */
	if (list == fungsi_codes && w[0] == '0' && w[1] >= '0' &&
	    w[1] <= '8' && (w[2] == '\0' || w[2] == ' '))
		w[0] = 'o';
	/* the code alone, or followed by one of its names */
	for (size_t i = 0; list[i].code; i++) {
		const char *code = list[i].code;
		size_t cl = code[1] ? 2 : 1;

		if (len >= cl && w[0] == code[0] && (cl == 1 || w[1] == code[1]) &&
		    (w[cl] == '\0' ||
		     (w[cl] == ' ' && in_names(list[i].names, w + cl + 1,
		                               len - cl - 1))))
			return true;
	}
	/* a name alone */
	for (size_t i = 0; list[i].code; i++)
		if (in_names(list[i].names, w, len))
			return true;
	return false;
}

static bool known_upaya(const char *item)
{
	char w[256];

	norm_words(item, w, sizeof w);
	for (size_t i = 0; upaya_names[i]; i++) {
		const char *u = upaya_names[i];
		size_t n;

		if (u[0] != w[0])
			continue;
		n = strlen(u);
		if (strncmp(w, u, n) == 0 && (w[n] == '\0' || w[n] == ' '))
			return true;
	}
	return false;
}

static bool legacy_minat(const char *item)
{
	char w[256];

	norm_words(item, w, sizeof w);
	return w[0] >= '1' && w[0] <= '5' && (w[1] == 'a' || w[1] == 'b') &&
	       (w[2] == '\0' || w[2] == ' ');
}

/* ---- findings ----------------------------------------------------------- */

/* A place in a document, 1-based; 0:0 for none. */
struct pos {
	uint32_t line, col;
};

static struct pos posof(const kj_ynode *n)
{
	struct pos p = { 0, 0 };

	if (n) {
		p.line = n->line;
		p.col = n->col;
	}
	return p;
}

/*
 * Texts kept past their document (names, units, file names), in blocks
 * freed all at once with the result that points at them.
 */
struct pblock {
	struct pblock *next;
	char data[];
};

struct pool {
	struct pblock *blocks;
	char *cur, *end;
};

#define POOL_BLOCK ((size_t)64 << 10)

static const char *pool_str(struct pool *p, const char *s, size_t len)
{
	char *d;

	if (len == 0)
		return "";
	if (!p->cur || (size_t)(p->end - p->cur) < len + 1) {
		size_t size = len + 1 > POOL_BLOCK ? len + 1 : POOL_BLOCK;
		struct pblock *b = kj_xmalloc(sizeof *b + size);

		b->next = p->blocks;
		p->blocks = b;
		p->cur = b->data;
		p->end = b->data + size;
	}
	d = p->cur;
	memcpy(d, s, len);
	d[len] = '\0';
	p->cur += len + 1;
	return d;
}

static void pool_free(struct pool *p)
{
	struct pblock *b, *next;

	if (!p)
		return;
	for (b = p->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	free(p);
}

/* A task that alone needs more than one pegawai (B05, judged against the
 * bezetting once it is known). */
struct b05 {
	size_t t;
	struct pos at;
};

/* What is kept of a jabatan once its nodes are gone. */
struct jsum {
	size_t fileno;
	const char *file;
	struct pos root, nama_at, kode_at, jenis_at, kelas_at, uk_at,
	           bez_at, tugas_at;
	const char *nama;       /* as written, "" when absent */
	bool nama_missing;
	const char *kode;       /* NULL when missing */
	const char *opd;        /* as written, "" when absent */
	const char *unit;       /* kj_anj_unit() */
	int jenis;
	bool has_kelas;         /* a number, whatever its value */
	int64_t kelas;
	bool uk_seq;            /* unit_kerja is a sequence */
	uint32_t uk_len;
	int bez;                /* 0 absent, 1 not a number, 2 a number */
	int64_t bez_v;
	char *bez_bad;
	struct b05 *b05;
	size_t nb05;
	kj_abk_row row;         /* without the bezetting columns */
};

/* What is kept of a rekap document. */
struct rsum {
	size_t fileno;
	const char *file;
	struct pos at;
	const char *opd, *unit; /* unit NULL for the OPD */
	bool has_keb, has_bez, has_eu;
	int64_t keb, bezv, eu;
	struct pos keb_at, bez_at, eu_at, pu_at;
	const char *pu;         /* NULL when absent */
	size_t pu_len;
};

struct kj_abk {
	kj_abk_opts opts;
	const kj_abk_opts *o;   /* &opts */
	kj_abk_result res;
	kj_abk_result *r;       /* &res */
	struct pool *pool;
	const char **files;     /* name by fileno, in the pool */
	size_t nfiles;
	const char *cur_file;
	struct jsum *jab;
	size_t njab, capjab;
	struct rsum *rek;
	size_t nrek, caprek;
	/* the last OPD and unit kept, shared by the next jabatan */
	const char *last_opd, *last_unit;
};

static const char *file_name(struct kj_abk *u, size_t fileno,
                             const char *name)
{
	if (fileno >= u->nfiles) {
		size_t cap = u->nfiles;

		kj_grow(&u->files, &cap, fileno + 1, sizeof *u->files);
		for (size_t i = u->nfiles; i <= fileno; i++)
			u->files[i] = NULL;
		u->nfiles = fileno + 1;
	}
	if (!u->files[fileno])
		u->files[fileno] = pool_str(u->pool, name, strlen(name));
	return u->files[fileno];
}

__attribute__((format(printf, 6, 7)))
static void add(struct kj_abk *u, const char *file, size_t fileno,
                struct pos at, const char *rule, const char *fmt, ...)
{
	kj_abk_result *r = u->r;
	kj_finding *x;
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kj_grow(&r->f, &r->capf, r->nf + 1, sizeof *r->f);
	x = &r->f[r->nf];
	x->fileno = fileno;
	x->file = file;
	x->line = at.line;
	x->col = at.col;
	/* rules whose severity is W in the catalogue, unless E below */
	x->error = rule[3] != 'w';
	memcpy(x->rule, rule, 3);
	x->rule[3] = '\0';
	x->msg = kj_xstrdup(msg);
	x->seq = r->nf++;
	if (x->error)
		r->errors++;
	else
		r->warnings++;
}

/* Rule ids: "A01" an error, "A02w" a warning.  At a node of the jabatan
 * being added, or at its document when the node is NULL. */
#define ADD(u, j, at, rule, ...) \
	add(u, (u)->cur_file, (j)->fileno, posof((at) ? (at) : (j)->root), \
	    rule, __VA_ARGS__)
/* At a place of a kept jabatan m. */
#define ADDM(u, m, at, rule, ...) \
	add(u, (m)->file, (m)->fileno, at, rule, __VA_ARGS__)

/* ---- per document ------------------------------------------------------- */

static const char *jenis_label(int jenis)
{
	return jenis >= 0 ? kj_jenis_word(jenis) : "?";
}

/* A01: required values. */
static void need_text(struct kj_abk *u, const kj_jabatan *j,
                      const kj_ynode *n, const char *what)
{
	if (kj_anj_missing(n))
		ADD(u, j, n, "A01", "%s is missing%s", what,
		    n && !kj_y_is_null(n) ? " (a placeholder)" : "");
}

static void check_identity(struct kj_abk *u, const kj_jabatan *j)
{
	need_text(u, j, j->nama, "nama (nama jabatan)");
	need_text(u, j, j->opd, "opd (unit kerja)");
	if (j->unit && kj_anj_missing(j->unit))
		need_text(u, j, j->unit, "unit (unit kerja)");
	need_text(u, j, j->jenis_node, "jenis (jenis jabatan)");
	need_text(u, j, j->ikhtisar, "ikhtisar (ikhtisar jabatan)");
	if (kj_anj_missing(j->pendidikan))
		ADD(u, j, j->pendidikan ? j->pendidikan : j->kualifikasi,
		    "A01", "kualifikasi.pendidikan (pendidikan formal) is "
		    "missing");
	if (!j->tugas_node || j->ntugas == 0)
		ADD(u, j, j->tugas_node, "A01", "tugas (tugas pokok) is "
		    "missing: no task, so no beban kerja");
	if (kj_anj_missing(j->hasil_kerja))
		ADD(u, j, j->hasil_kerja, "A01", "hasil_kerja is missing");
	if (j->opd && j->unit && !kj_anj_missing(j->opd) &&
	    !kj_anj_missing(j->unit)) {
		size_t n = j->opd->len;

		if (strncmp(j->unit->str, j->opd->str, n) != 0 ||
		    (j->unit->str[n] != '\0' && j->unit->str[n] != '.'))
			ADD(u, j, j->unit, "A13w", "unit '%s' is not in OPD "
			    "'%s' (a unit code starts with its OPD's code)",
			    j->unit->str, j->opd->str);
	}
}

static void check_sections(struct kj_abk *u, const kj_jabatan *j)
{
	static const char *const a02[] = {
		"bahan_kerja", "perangkat_kerja", "tanggung_jawab", "wewenang",
		"korelasi", "risiko_bahaya", "prestasi"
	};
	const kj_ynode *v[] = {
		j->bahan_kerja, j->perangkat_kerja, j->tanggung_jawab,
		j->wewenang, j->korelasi, j->risiko_bahaya, j->prestasi
	};

	for (size_t i = 0; i < sizeof a02 / sizeof a02[0]; i++)
		if (kj_anj_missing(v[i]))
			ADD(u, j, v[i], "A02w", "%s is missing", a02[i]);
	if (!j->kondisi || j->kondisi->kind != KJ_Y_MAP) {
		ADD(u, j, j->kondisi, "A03w", "kondisi_lingkungan is missing "
		    "(all nine aspects)");
	} else {
		for (size_t i = 0; i < KJ_ANJ_NKONDISI; i++) {
			const kj_ynode *a = kj_y_get(j->kondisi,
			                             kj_anj_kondisi_keys[i]);

			if (kj_anj_missing(a))
				ADD(u, j, a ? a : j->kondisi, "A03w",
				    "kondisi_lingkungan.%s is missing",
				    kj_anj_kondisi_keys[i]);
		}
	}
}

/* A04: more than one sentence: a '.', '!' or '?' followed by blanks and
 * an upper-case letter or a digit. */
static void check_ikhtisar(struct kj_abk *u, const kj_jabatan *j)
{
	const char *s = kj_anj_str(j->ikhtisar);

	if (kj_anj_missing(j->ikhtisar))
		return;
	for (; *s; s++) {
		const char *p = s + 1;

		if (*s != '.' && *s != '!' && *s != '?')
			continue;
		if (*p != ' ' && *p != '\n')
			continue;
		while (*p == ' ' || *p == '\n')
			p++;
		if ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) {
			ADD(u, j, j->ikhtisar, "A04w", "ikhtisar has more "
			    "than one sentence (an ikhtisar jabatan is one "
			    "sentence)");
			return;
		}
	}
}

static const kj_ynode *field(const kj_ynode *m, const char *key)
{
	return m && m->kind == KJ_Y_MAP ? kj_y_get(m, key) : NULL;
}

/* A08: tasks, results and their units. */
static void check_hasil(struct kj_abk *u, const kj_jabatan *j)
{
	size_t nh;
	const kj_ynode *h = kj_anj_items(j->hasil_kerja, &nh);

	if (j->hasil_kerja && j->hasil_kerja->kind != KJ_Y_SEQ)
		nh = 0;
	for (size_t i = 0; i < nh; i++) {
		const kj_ynode *hk = field(&h[i], "hasil");

		if (kj_anj_missing(hk)) {
			ADD(u, j, hk ? hk : &h[i], "A08", "hasil_kerja item "
			    "%zu has no hasil", i + 1);
			continue;
		}
		if (kj_anj_missing(field(&h[i], "satuan")))
			ADD(u, j, &h[i], "A08", "hasil kerja '%s' has no "
			    "satuan", hk->str);
		bool used = false;
		for (size_t t = 0; t < j->ntugas && !used; t++)
			used = norm_eq(hk->str, kj_anj_str(j->tugas[t].hasil));
		if (!used && j->ntugas > 0)
			ADD(u, j, hk, "A08w", "hasil kerja '%s' is the "
			    "result of no tugas", hk->str);
	}
	for (size_t t = 0; t < j->ntugas; t++) {
		const kj_tugas *g = &j->tugas[t];
		bool listed = false;

		if (kj_anj_missing(g->uraian))
			ADD(u, j, g->uraian ? g->uraian : g->node, "A01",
			    "tugas %zu: uraian is missing", t + 1);
		if (kj_anj_missing(g->hasil)) {
			ADD(u, j, g->hasil ? g->hasil : g->node, "A08",
			    "tugas %zu has no hasil (hasil kerja)", t + 1);
			continue;
		}
		if (kj_anj_missing(g->satuan))
			ADD(u, j, g->satuan ? g->satuan : g->node, "A08",
			    "tugas %zu: hasil '%s' has no satuan", t + 1,
			    g->hasil->str);
		for (size_t i = 0; i < nh && !listed; i++)
			listed = norm_eq(g->hasil->str,
			                 kj_anj_str(field(&h[i], "hasil")));
		if (!listed && nh > 0)
			ADD(u, j, g->hasil, "A08w", "tugas %zu: hasil '%s' "
			    "is not listed in hasil_kerja", t + 1,
			    g->hasil->str);
	}
}

/* A09: the closed lists of syarat jabatan. */
static void check_codes(struct kj_abk *u, const kj_jabatan *j)
{
	static const char *const parts[] = {
		"keterampilan", "bakat", "temperamen", "minat", "upaya_fisik",
		"kondisi_fisik", "fungsi"
	};
	const kj_ynode *v[] = {
		j->keterampilan, j->bakat, j->temperamen, j->minat,
		j->upaya_fisik, j->kondisi_fisik, j->fungsi
	};
	size_t n;
	const kj_ynode *it;

	if (kj_anj_missing(j->syarat)) {
		ADD(u, j, j->syarat, "A02w", "syarat (syarat jabatan) is "
		    "missing");
		return;
	}
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (kj_anj_missing(v[i]))
			ADD(u, j, v[i] ? v[i] : j->syarat, "A02w",
			    "syarat.%s is missing", parts[i]);
	it = kj_anj_items(j->bakat, &n);
	for (size_t i = 0; i < n; i++)
		if (!kj_anj_missing(&it[i]) &&
		    !known_code(bakat_codes, it[i].str))
			ADD(u, j, &it[i], "A09", "bakat '%s' is not a bakat "
			    "kerja (G V N S P Q K F M E C or their names)",
			    it[i].str);
	it = kj_anj_items(j->temperamen, &n);
	for (size_t i = 0; i < n; i++)
		if (!kj_anj_missing(&it[i]) &&
		    !known_code(temperamen_codes, it[i].str))
			ADD(u, j, &it[i], "A09", "temperamen '%s' is not a "
			    "temperamen kerja (D F I J M P R S T V or their "
			    "names)", it[i].str);
	it = kj_anj_items(j->minat, &n);
	for (size_t i = 0; i < n; i++) {
		if (kj_anj_missing(&it[i]))
			continue;
		if (legacy_minat(it[i].str))
			ADD(u, j, &it[i], "A09w", "minat '%s' is the old "
			    "1a-5b coding (format lama); use Realistik, "
			    "Investigatif, Artistik, Sosial, Kewirausahaan "
			    "or Konvensional", it[i].str);
		else if (!known_code(minat_codes, it[i].str))
			ADD(u, j, &it[i], "A09", "minat '%s' is not a minat "
			    "kerja (Realistik, Investigatif, Artistik, "
			    "Sosial, Kewirausahaan, Konvensional)",
			    it[i].str);
	}
	it = kj_anj_items(j->upaya_fisik, &n);
	for (size_t i = 0; i < n; i++)
		if (!kj_anj_missing(&it[i]) && !known_upaya(it[i].str))
			ADD(u, j, &it[i], "A09", "upaya fisik '%s' is not in "
			    "the list of upaya fisik (Duduk, Berdiri, "
			    "Berjalan, ...)", it[i].str);
	it = kj_anj_items(j->fungsi, &n);
	for (size_t i = 0; i < n; i++)
		if (!kj_anj_missing(&it[i]) &&
		    !known_code(fungsi_codes, it[i].str))
			ADD(u, j, &it[i], "A09", "fungsi pekerja '%s' is not "
			    "one of D0-D6, O0-O8, B0-B7 or their names",
			    it[i].str);
}

/* A10, A11, A12: kelas and evaluasi jabatan; fills the row. */
static void check_kelas(struct kj_abk *u, const kj_jabatan *j, kj_abk_row *w)
{
	bool struk = j->jenis >= 0 && kj_jenis_is_struktural(j->jenis);
	int64_t total = 0;
	bool levels_ok = true;
	int nf;

	if (!j->kelas.node)
		ADD(u, j, NULL, "A10", "kelas (kelas jabatan) is missing");
	else if (j->kelas.bad || j->kelas.v < 1 || j->kelas.v > 17)
		ADD(u, j, j->kelas.node, "A10", "kelas: expected an integer "
		    "from 1 to 17, found '%s'", kj_anj_str(j->kelas.node));
	else
		w->kelas = (int)j->kelas.v;
	if (struk && w->kelas && w->kelas < 8)
		ADD(u, j, j->kelas.node, "A11", "kelas %d is below 8, the "
		    "lowest kelas a struktural jabatan (%s) can reach by "
		    "evaluasi jabatan",
		    w->kelas, jenis_label(j->jenis));
	if (!j->evjab)
		return;
	nf = kj_evjab_nfactors(j->evjab_struktural);
	for (int i = 0; i < nf; i++) {
		const kj_anj_num *l = &j->level[i];
		const char *key = kj_evjab_factor(j->evjab_struktural, i);
		int p;

		if (!l->node) {
			ADD(u, j, j->evjab, "A11", "evjab.%s has no level",
			    key);
			levels_ok = false;
			continue;
		}
		if (j->level_of[i][0]) {
			ADD(u, j, l->node, "A11", "evjab.%s: level '%s' is a "
			    "level of %s, not of %s", key,
			    kj_anj_str(l->node), j->level_of[i], key);
			levels_ok = false;
			continue;
		}
		p = l->bad ? -1 : kj_evjab_points(j->evjab_struktural, i,
		                                  l->v);
		if (p < 0) {
			ADD(u, j, l->node, "A11", "evjab.%s: level '%s' is "
			    "out of range (1 to %d)", key,
			    kj_anj_str(l->node),
			    kj_evjab_nlevels(j->evjab_struktural, i));
			levels_ok = false;
			continue;
		}
		total += p;
	}
	if (!levels_ok)
		return;
	w->nilai_evjab = total;
	w->kelas_evjab = kj_evjab_kelas(total);
	if (w->kelas_evjab < 0) {
		ADD(u, j, j->evjab, "A11", "evjab total %lld is not a valid "
		    "total", (long long)total);
		w->kelas_evjab = 0;
		return;
	}
	if (w->kelas && w->kelas != w->kelas_evjab)
		ADD(u, j, j->kelas.node, "A12", "kelas %d stated, but evjab "
		    "gives %lld points, kelas %d", w->kelas,
		    (long long)total, w->kelas_evjab);
}

/* Decimals written in a number's text. */
static int decimals(const kj_ynode *n)
{
	const char *s = kj_anj_str(n);
	const char *p = strpbrk(s, ".,");
	int d = 0;

	if (!p)
		return 0;
	for (p++; *p >= '0' && *p <= '9'; p++)
		d++;
	return d;
}

static i128 pow10i(int d)
{
	i128 x = 1;

	while (d-- > 0)
		x *= 10;
	return x;
}

/* |stated - num/den| < 10^-d, stated at scale KJ_ANJ_KEB_SCALE (6). */
static bool close_enough(int64_t stated, i128 num, i128 den, int d)
{
	i128 diff = (i128)stated * den - num;

	if (d > KJ_ANJ_KEB_SCALE)
		d = KJ_ANJ_KEB_SCALE;
	if (diff < 0)
		diff = -diff;
	return diff < pow10i(KJ_ANJ_KEB_SCALE - d) * den;
}

static const char *wke_hint(int64_t e100)
{
	switch (e100) {
	case 120000: return " (1,200 hours is the old WKE of Perka BKN "
	                    "19/2011)";
	case 130000: return " (1,300 hours is the Permendagri 12/2008 "
	                    "method)";
	case 7200000: case 7500000: return " (this is minutes, not hours)";
	default: return "";
	}
}

static void fmt_dec(int64_t v, int scale, char *buf, size_t n)
{
	kj_decimal_format(v, scale, scale, buf, n);
}

/* Hundredths with both decimals: "3.20". */
static void fmt_2(int64_t v, char *buf, size_t n)
{
	snprintf(buf, n, "%lld.%02lld", (long long)(v / 100),
	         (long long)(v % 100));
}

/* B01-B07, B10: the ABK table of one job; fills the row's numbers. */
static void check_abk(struct kj_abk *u, const kj_jabatan *j, kj_abk_row *w,
                      struct jsum *sum)
{
	int64_t wke = u->o->wke_jam;
	bool struk = j->jenis >= 0 && kj_jenis_is_struktural(j->jenis);
	i128 beban = 0;
	bool ok = j->ntugas > 0, b02 = false, same_e = true;
	int64_t doc_e = -1;
	char x[64], y[64];

	for (size_t t = 0; t < j->ntugas; t++) {
		const kj_tugas *g = &j->tugas[t];
		const kj_anj_num *nums[2] = { &g->jumlah, &g->waktu };
		static const char *const names[2] = { "jumlah", "waktu" };
		bool good = true;
		i128 jw;
		int64_t e100;

		for (int k = 0; k < 2; k++) {
			const kj_anj_num *m = nums[k];

			if (!m->node)
				ADD(u, j, g->node, "B01", "tugas %zu: %s is "
				    "missing", t + 1, names[k]);
			else if (m->bad)
				ADD(u, j, m->node, "B01", "tugas %zu: %s: %s",
				    t + 1, names[k], m->bad);
			else if (m->v <= 0)
				ADD(u, j, m->node, "B01", "tugas %zu: %s must "
				    "be more than 0, found %s", t + 1,
				    names[k], kj_anj_str(m->node));
			else
				continue;
			good = false;
		}
		e100 = wke * 100;
		if (g->efektif.node) {
			if (g->efektif.bad) {
				ADD(u, j, g->efektif.node, "B01", "tugas %zu: "
				    "waktu_efektif: %s", t + 1,
				    g->efektif.bad);
				good = false;
			} else if (g->efektif.v <= 0) {
				ADD(u, j, g->efektif.node, "B01", "tugas %zu: "
				    "waktu_efektif must be more than 0", t + 1);
				good = false;
			} else {
				e100 = g->efektif.v;
				if (e100 != wke * 100 && !b02) {
					fmt_dec(e100, 2, x, sizeof x);
					ADD(u, j, g->efektif.node, "B02w",
					    "waktu_efektif %s is not the WKE of "
					    "%lld hours a year%s", x,
					    (long long)wke, wke_hint(e100));
					b02 = true;
				}
			}
		}
		if (doc_e < 0)
			doc_e = e100;
		else if (doc_e != e100)
			same_e = false;
		if (!good) {
			ok = false;
			continue;
		}
		/* B04: one unit takes a whole year, or under a minute */
		if ((i128)g->waktu.v >= (i128)wke * 10000)
			ADD(u, j, g->waktu.node, "B04w", "tugas %zu: waktu %s "
			    "hours for one %s is the whole WKE of a year or "
			    "more", t + 1, kj_anj_str(g->waktu.node),
			    kj_anj_missing(g->satuan) ? "hasil" :
			    g->satuan->str);
		else if (g->waktu.v * 60 < 10000)
			ADD(u, j, g->waktu.node, "B04w", "tugas %zu: waktu %s "
			    "hours is under one minute (minutes written as "
			    "hours?)", t + 1, kj_anj_str(g->waktu.node));
		jw = (i128)g->jumlah.v * g->waktu.v;   /* millionths */
		beban += jw;
		if (beban > (i128)INT64_MAX / 100) {
			ADD(u, j, g->jumlah.node, "B01", "tugas %zu: the "
			    "beban kerja is too large to be real", t + 1);
			ok = false;
			beban = 0;
			break;
		}
		/* B03: the task's stated kebutuhan */
		if (g->kebutuhan.node && g->kebutuhan.bad) {
			ADD(u, j, g->kebutuhan.node, "B03", "tugas %zu: "
			    "kebutuhan: %s", t + 1, g->kebutuhan.bad);
		} else if (g->kebutuhan.node &&
		           !close_enough(g->kebutuhan.v, jw * 100, e100,
		                         decimals(g->kebutuhan.node))) {
			int64_t want = div128(jw * 100 * 10000,
			                      (i128)e100 * KJ_ABK_BEBAN_SCALE,
			                      KJ_BULAT_HALF_UP);

			fmt_dec(want, 4, x, sizeof x);
			ADD(u, j, g->kebutuhan.node, "B03", "tugas %zu: "
			    "kebutuhan %s stated, but %s x %s / %s = %s",
			    t + 1, kj_anj_str(g->kebutuhan.node),
			    kj_anj_str(g->jumlah.node),
			    kj_anj_str(g->waktu.node),
			    (fmt_dec(e100, 2, y, sizeof y), y), x);
		}
		/* B05: one task alone needs more than one person */
		if (!struk && jw > (i128)wke * KJ_ABK_BEBAN_SCALE) {
			/* judged in bezetting() against the bezetting */
			sum->b05 = kj_xrealloc(sum->b05, (sum->nb05 + 1) *
			                       sizeof *sum->b05);
			sum->b05[sum->nb05].t = t;
			sum->b05[sum->nb05].at = posof(g->node ? g->node :
			                               j->root);
			sum->nb05++;
		}
		/* B10: the same task twice */
		for (size_t p = 0; p < t && !kj_anj_missing(g->uraian); p++) {
			if (norm_eq(g->uraian->str,
			            kj_anj_str(j->tugas[p].uraian))) {
				ADD(u, j, g->uraian, "B10w", "tugas %zu "
				    "repeats tugas %zu ('%s'): its beban is "
				    "counted twice", t + 1, p + 1,
				    g->uraian->str);
				break;
			}
		}
	}
	w->ok = ok;
	if (ok) {
		w->beban = (int64_t)beban;
		w->hitung = kj_abk_hitung(w->beban, wke);
		w->kebutuhan = struk ? 1 : kj_abk_kebutuhan(w->beban, wke,
		                                            u->o->pembulatan);
	}
	/* B03: the stated totals, at the document's own waktu efektif */
	if (ok && !same_e)
		doc_e = wke * 100;
	if (ok && j->jumlah_pegawai.node) {
		if (j->jumlah_pegawai.bad) {
			ADD(u, j, j->jumlah_pegawai.node, "B03",
			    "jumlah_pegawai: %s", j->jumlah_pegawai.bad);
		} else {
			int d = decimals(j->jumlah_pegawai.node);

			if (!close_enough(j->jumlah_pegawai.v, beban * 100,
			                  doc_e, d < 2 ? d : 2)) {
				int64_t want = div128(beban * 100 * 10000,
				                      (i128)doc_e *
				                      KJ_ABK_BEBAN_SCALE,
				                      KJ_BULAT_HALF_UP);

				fmt_dec(want, 4, x, sizeof x);
				ADD(u, j, j->jumlah_pegawai.node, "B03",
				    "jumlah_pegawai %s stated, but the tasks "
				    "add up to %s", kj_anj_str(
				    j->jumlah_pegawai.node), x);
			}
		}
	}
	if (ok && j->pembulatan.node) {
		if (j->pembulatan.bad) {
			ADD(u, j, j->pembulatan.node, "B03", "pembulatan: %s",
			    j->pembulatan.bad);
		} else if (struk) {
			if (j->pembulatan.v != 1)
				ADD(u, j, j->pembulatan.node, "B06", "a "
				    "struktural jabatan (%s) is held by one "
				    "person: kebutuhan must be 1, found %lld", jenis_label(j->jenis),
				    (long long)j->pembulatan.v);
		} else {
			int64_t want = div128(beban * 100, (i128)doc_e *
			                      KJ_ABK_BEBAN_SCALE,
			                      u->o->pembulatan);

			if (want != j->pembulatan.v)
				ADD(u, j, j->pembulatan.node, "B03",
				    "pembulatan %lld stated, but the tasks "
				    "round to %lld", (long long)
				    j->pembulatan.v, (long long)want);
		}
	}
	if (ok && !struk && w->beban * 2 < wke * KJ_ABK_BEBAN_SCALE) {
		fmt_2(w->hitung, x, sizeof x);
		ADD(u, j, j->tugas_node, "B07w", "kebutuhan_hitung %s is "
		    "below 0.5 pegawai: consider merging this jabatan "
		    "with another", x);
	}
}

/* B08: the date of the bezetting, known from the document alone. */
static void check_bezetting_per(struct kj_abk *u, const kj_jabatan *j)
{
	if (j->bezetting_per && !kj_anj_missing(j->bezetting_per)) {
		const char *d = j->bezetting_per->str;

		if (strlen(d) != 10 || strcmp(d + 4, "-12-31") != 0)
			ADD(u, j, j->bezetting_per, "B08w", "bezetting_per "
			    "'%s' is not 31 December (bezetting is counted "
			    "as of 31 Desember of the previous year)", d);
	}
}

/* B08 and the bezetting columns; B05 against the bezetting: run once
 * every document is in, since the bezetting may come from a roster. */
static void bezetting(struct kj_abk *u, struct jsum *m,
                      const int64_t *bez_roster, size_t ji)
{
	kj_abk_row *w = &m->row;
	bool struk = m->jenis >= 0 && kj_jenis_is_struktural(m->jenis);

	/* B05: a task alone needs more than one pegawai */
	for (size_t k = 0; k < m->nb05; k++) {
		int64_t bz = bez_roster ? bez_roster[ji] :
		             m->bez == 2 ? m->bez_v : -1;

		if (bz >= 0 && bz <= 1)
			ADDM(u, m, m->b05[k].at, "B05w", "tugas %zu alone "
			     "needs more than one pegawai, and the bezetting "
			     "is %lld", m->b05[k].t + 1, (long long)bz);
	}
	if (m->bez == 1)
		ADDM(u, m, m->bez_at, "B08", "bezetting: %s", m->bez_bad);
	else if (m->bez == 2 && m->bez_v < 0)
		ADDM(u, m, m->bez_at, "B08", "bezetting must be 0 or more, "
		     "found %lld", (long long)m->bez_v);
	else if (m->bez == 2 && !bez_roster) {
		w->has_bez = true;
		w->bezetting = m->bez_v;
	}
	if (bez_roster) {
		w->has_bez = true;
		w->bezetting = bez_roster[ji];
		if (m->bez == 2 && m->bez_v != bez_roster[ji])
			ADDM(u, m, m->bez_at, "B08w", "bezetting %lld in the "
			     "document, %lld in pegawai.tsv (used)",
			     (long long)m->bez_v, (long long)bez_roster[ji]);
	} else if (m->bez == 0) {
		ADDM(u, m, m->root, "B08w", "bezetting is missing: selisih "
		     "and EJ are not computed (give it, or -p pegawai.tsv)");
	}
	if (!w->has_bez || !w->ok)
		return;
	w->selisih = w->bezetting - w->kebutuhan;
	w->ej = kj_abk_ej(w->beban, w->bezetting, u->o->wke_jam);
	w->pj = kj_abk_pj(w->ej);
	if (!struk && w->bezetting > 0) {
		/* raw > 3 x bezetting or raw < 0.3 x bezetting */
		i128 cap = (i128)w->bezetting * u->o->wke_jam *
		           KJ_ABK_BEBAN_SCALE;

		if ((i128)w->beban > 3 * cap || (i128)w->beban * 10 < 3 * cap) {
			char x[64];

			fmt_2(w->hitung, x, sizeof x);
			ADDM(u, m, m->tugas_at, "B05w", "kebutuhan_hitung %s "
			     "is far from the bezetting of %lld", x,
			     (long long)w->bezetting);
		}
	}
}

/* ---- across documents --------------------------------------------------- */

static int jenis_rank(int jenis)
{
	return jenis < 0 ? KJ_JJ_N : jenis;
}

/* Compare unit codes component by component ("A.B" < "A.B.C" < "A-C"). */
static int unit_cmp(const char *a, const char *b)
{
	for (;;) {
		size_t la = strcspn(a, "."), lb = strcspn(b, ".");
		int c = strncmp(a, b, la < lb ? la : lb);

		if (c)
			return c;
		if (la != lb)
			return la < lb ? -1 : 1;
		a += la;
		b += lb;
		if (!*a || !*b)
			return *a ? 1 : *b ? -1 : 0;
		a++;
		b++;
	}
}

const char *kj_anj_unit(const kj_jabatan *j)
{
	if (j->unit && !kj_anj_missing(j->unit))
		return j->unit->str;
	return kj_anj_str(j->opd);
}

static const struct kj_abk *sort_abk;

static int cmp_jab(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	const struct jsum *a = &sort_abk->jab[ia], *b = &sort_abk->jab[ib];
	int c = a->opd == b->opd ? 0 : strcmp(a->opd, b->opd);

	if (c)
		return c;
	c = a->unit == b->unit ? 0 : unit_cmp(a->unit, b->unit);
	if (c)
		return c;
	c = jenis_rank(a->jenis) - jenis_rank(b->jenis);
	if (c)
		return c;
	return ia < ib ? -1 : ia > ib;
}

/* "opd\tunit\tnama", each normalised and cut as kj_anj_norm() into 256
 * bytes would cut it; buf has at least 3 x 256 bytes. */
static size_t key_of(char *buf, size_t n, const char *opd, const char *unit,
                     const char *nama)
{
	size_t len;

	(void)n;
	kj_anj_norm(opd, buf, 256);
	len = strlen(buf);
	buf[len++] = '\t';
	kj_anj_norm(unit, buf + len, 256);
	len += strlen(buf + len);
	buf[len++] = '\t';
	kj_anj_norm(nama, buf + len, 256);
	return len + strlen(buf + len);
}

/* A05, A06, A07, A13 across the set. */
static void check_set(struct kj_abk *u)
{
	kj_strmap *names = kj_strmap_new(), *kodes = kj_strmap_new(),
	          *heads = kj_strmap_new(), *kelas = kj_strmap_new();
	char key[800];
	size_t len;
	int added;

	for (size_t i = 0; i < u->njab; i++) {
		const struct jsum *j = &u->jab[i];

		if (j->nama_missing)
			continue;
		len = key_of(key, sizeof key, j->opd, j->unit, j->nama);
		size_t first = kj_strmap_put(names, key, len, i, &added);
		if (!added) {
			const struct jsum *o = &u->jab[first];

			ADDM(u, j, j->nama_at, "A05", "jabatan '%s' appears "
			     "twice in unit %s (also %s:%u)", j->nama, j->unit,
			     o->file, o->nama_at.line);
		}
		if (j->kode) {
			size_t k = kj_strmap_put(kodes, j->kode,
			                         strlen(j->kode), i, &added);
			const struct jsum *o = &u->jab[k];

			if (!added && !norm_eq(j->nama, o->nama))
				ADDM(u, j, j->kode_at, "A06", "kode %s is also "
				     "the kode of '%s' (%s:%u)", j->kode,
				     o->nama, o->file, o->kode_at.line);
		}
		if (j->jenis >= 0 && kj_jenis_is_struktural(j->jenis)) {
			char a[256];

			kj_anj_norm(j->unit, a, sizeof a);
			kj_strmap_put(heads, a, strlen(a), i, &added);
		} else if (j->jenis >= 0 && j->has_kelas) {
			char a[256], b[256];

			kj_anj_norm(j->opd, a, sizeof a);
			kj_anj_norm(j->nama, b, sizeof b);
			len = (size_t)snprintf(key, sizeof key, "%s\t%s", a,
			                       b);
			size_t k = kj_strmap_put(kelas, key, len, i, &added);
			const struct jsum *o = &u->jab[k];

			if (!added && o->kelas != j->kelas)
				ADDM(u, j, j->kelas_at, "A07w", "'%s' is kelas "
				     "%lld here and kelas %lld in %s (%s:%u)",
				     j->nama, (long long)j->kelas,
				     (long long)o->kelas, o->unit, o->file,
				     o->kelas_at.line);
		}
	}
	/* A13: levels against the unit tree. */
	for (size_t i = 0; i < u->njab; i++) {
		const struct jsum *j = &u->jab[i];
		const char *unit = j->unit;
		size_t depth = 1;
		char a[256];

		if (j->jenis < 0 || !*unit)
			continue;
		for (const char *p = unit; *p; p++)
			depth += *p == '.';
		if (kj_jenis_is_jpt(j->jenis) && depth > 2)
			ADDM(u, j, j->jenis_at, "A13w", "jabatan %s in unit "
			     "%s, %zu levels below the OPD",
			     jenis_label(j->jenis), unit, depth - 1);
		/* a Camat (administrator) heads a kecamatan, an OPD; a
		 * pengawas never heads one */
		if (j->jenis == KJ_JJ_PENGAWAS && depth < 2)
			ADDM(u, j, j->jenis_at, "A13w", "jabatan %s heads "
			     "the OPD itself (%s): its unit should be below "
			     "the OPD", jenis_label(j->jenis), unit);
		if (j->uk_seq && j->uk_len != depth)
			ADDM(u, j, j->uk_at, "A13w", "unit_kerja names %u "
			     "units, but unit %s has %zu levels", j->uk_len,
			     unit, depth);
		if (!kj_jenis_is_struktural(j->jenis))
			continue;
		/* the nearest head above must be of a higher level */
		kj_anj_norm(unit, a, sizeof a);
		for (char *dot = strrchr(a, '.'); dot; dot = strrchr(a, '.')) {
			size_t h;

			*dot = '\0';
			h = kj_strmap_get(heads, a, strlen(a));
			if (h == KJ_STRMAP_NONE)
				continue;
			/* the same level is normal: an Asisten under the
			 * Sekda, a Sekcam under the Camat */
			if (jenis_rank(u->jab[h].jenis) > jenis_rank(j->jenis))
				ADDM(u, j, j->jenis_at, "A13w", "jabatan %s "
				     "under '%s', jabatan %s (%s:%u)",
				     jenis_label(j->jenis), u->jab[h].nama,
				     jenis_label(u->jab[h].jenis),
				     u->jab[h].file, u->jab[h].root.line);
			break;
		}
	}
	kj_strmap_free(names);
	kj_strmap_free(kodes);
	kj_strmap_free(heads);
	kj_strmap_free(kelas);
}

/* ---- rows --------------------------------------------------------------- */

static kj_abk_row *new_row(kj_abk_result *r)
{
	kj_abk_row *w;

	kj_grow(&r->rows, &r->caprows, r->nrows + 1, sizeof *r->rows);
	w = &r->rows[r->nrows++];
	memset(w, 0, sizeof *w);
	w->ej = -1;
	w->jenis = -1;
	return w;
}

struct acc {
	bool ok, has_bez;
	int64_t beban, kebutuhan, bezetting;
};

static void acc_add(struct acc *a, const kj_abk_row *w)
{
	a->ok = a->ok && w->ok;
	a->has_bez = a->has_bez && w->has_bez;
	a->beban += w->beban;
	a->kebutuhan += w->kebutuhan;
	a->bezetting += w->bezetting;
}

static void acc_row(const struct kj_abk *u, const struct acc *a, int kind,
                    const char *opd, const char *unit)
{
	kj_abk_row *w = new_row(u->r);

	w->kind = kind;
	w->opd = opd;
	w->unit = unit;
	w->ok = a->ok;
	w->has_bez = a->has_bez;
	w->bezetting = a->bezetting;
	if (!a->ok)
		return;
	w->beban = a->beban;
	w->hitung = kj_abk_hitung(a->beban, u->o->wke_jam);
	w->kebutuhan = a->kebutuhan;
	if (a->has_bez) {
		w->selisih = a->bezetting - a->kebutuhan;
		w->ej = kj_abk_ej(a->beban, a->bezetting, u->o->wke_jam);
		w->pj = kj_abk_pj(w->ej);
	}
}

/* B09: the stated unit totals. */
static void check_rekap(struct kj_abk *u)
{
	for (size_t k = 0; k < u->nrek; k++) {
		const struct rsum *q = &u->rek[k];
		const kj_abk_row *w = NULL;
		const char *unit = q->unit ? q->unit : "";

		for (size_t i = 0; i < u->r->nrows && !w; i++) {
			const kj_abk_row *x = &u->r->rows[i];

			if (x->kind == KJ_ROW_JABATAN ||
			    strcmp(x->opd, q->opd) != 0)
				continue;
			if (q->unit ? x->kind == KJ_ROW_UNIT &&
			              strcmp(x->unit, unit) == 0 :
			              x->kind == KJ_ROW_OPD)
				w = x;
		}
		if (!w) {
			ADDM(u, q, q->at, "B09", "rekap: no jabatan of %s %s "
			     "in the documents", q->unit ? "unit" : "OPD",
			     q->unit ? unit : q->opd);
			continue;
		}
		if (!w->ok)
			continue;
		if (q->has_keb && q->keb != w->kebutuhan)
			ADDM(u, q, q->keb_at, "B09", "rekap: kebutuhan %lld "
			     "stated, the jabatan add up to %lld",
			     (long long)q->keb, (long long)w->kebutuhan);
		if (q->has_bez && w->has_bez && q->bezv != w->bezetting)
			ADDM(u, q, q->bez_at, "B09", "rekap: bezetting %lld "
			     "stated, the jabatan add up to %lld",
			     (long long)q->bezv, (long long)w->bezetting);
		if (q->has_eu && w->ej >= 0 && q->eu != w->ej) {
			char x[32], y[32];

			fmt_2(q->eu, x, sizeof x);
			fmt_2(w->ej, y, sizeof y);
			ADDM(u, q, q->eu_at, "B09", "rekap: EU %s stated, but "
			     "it is %s", x, y);
		}
		if (q->pu && w->pj &&
		    (q->pu_len != 1 || (q->pu[0] & ~0x20) != w->pj))
			ADDM(u, q, q->pu_at, "B09", "rekap: PU '%s' stated, "
			     "but it is %c", q->pu, w->pj);
	}
}

static int cmp_finding(const void *pa, const void *pb)
{
	const kj_finding *a = pa, *b = pb;

	if (a->fileno != b->fileno)
		return a->fileno < b->fileno ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* ---- one document at a time --------------------------------------------- */

kj_abk *kj_abk_new(const kj_abk_opts *o)
{
	kj_abk *a = kj_xcalloc(1, sizeof *a);

	a->opts = *o;
	a->o = &a->opts;
	a->r = &a->res;
	a->pool = kj_xcalloc(1, sizeof *a->pool);
	return a;
}

/* A text of the jabatan kept in the pool; the OPD and unit of the
 * previous jabatan are shared. */
static const char *keep_text(kj_abk *a, const char *s, const char **last)
{
	size_t len = strlen(s);

	if (last && *last && strcmp(*last, s) == 0)
		return *last;
	s = pool_str(a->pool, s, len);
	if (last)
		*last = s;
	return s;
}

void kj_abk_add(kj_abk *a, const kj_jabatan *j)
{
	struct jsum *m;
	kj_abk_row *w;

	kj_grow(&a->jab, &a->capjab, a->njab + 1, sizeof *a->jab);
	m = &a->jab[a->njab];
	memset(m, 0, sizeof *m);
	a->cur_file = file_name(a, j->fileno, j->file->name);
	m->fileno = j->fileno;
	m->file = a->cur_file;
	m->root = posof(j->root);
	m->nama = keep_text(a, kj_anj_str(j->nama), NULL);
	m->nama_missing = kj_anj_missing(j->nama);
	m->nama_at = posof(j->nama);
	if (j->kode && !kj_anj_missing(j->kode)) {
		m->kode = keep_text(a, j->kode->str, NULL);
		m->kode_at = posof(j->kode);
	}
	m->opd = keep_text(a, kj_anj_str(j->opd), &a->last_opd);
	m->unit = keep_text(a, kj_anj_unit(j), &a->last_unit);
	m->jenis = j->jenis;
	m->jenis_at = posof(j->jenis_node ? j->jenis_node : j->root);
	if (j->kelas.node && !j->kelas.bad) {
		m->has_kelas = true;
		m->kelas = j->kelas.v;
		m->kelas_at = posof(j->kelas.node);
	}
	if (j->unit_kerja && j->unit_kerja->kind == KJ_Y_SEQ) {
		m->uk_seq = true;
		m->uk_len = j->unit_kerja->len;
		m->uk_at = posof(j->unit_kerja);
	}
	if (j->bezetting.node) {
		m->bez = j->bezetting.bad ? 1 : 2;
		m->bez_v = j->bezetting.v;
		if (j->bezetting.bad)
			m->bez_bad = kj_xstrdup(j->bezetting.bad);
		m->bez_at = posof(j->bezetting.node);
	}
	m->tugas_at = posof(j->tugas_node ? j->tugas_node : j->root);
	w = &m->row;
	w->kind = KJ_ROW_JABATAN;
	w->jab = a->njab;
	w->opd = m->opd;
	w->unit = m->unit;
	w->nama = m->nama;
	w->jenis = m->jenis;
	w->ej = -1;
	a->njab++;
	check_identity(a, j);
	check_sections(a, j);
	check_ikhtisar(a, j);
	check_hasil(a, j);
	check_codes(a, j);
	check_kelas(a, j, w);
	check_abk(a, j, w, m);
	check_bezetting_per(a, j);
}

void kj_abk_add_rekap(kj_abk *a, const kj_anj_rekap *q)
{
	struct rsum *k;

	kj_grow(&a->rek, &a->caprek, a->nrek + 1, sizeof *a->rek);
	k = &a->rek[a->nrek++];
	memset(k, 0, sizeof *k);
	k->fileno = q->fileno;
	k->file = file_name(a, q->fileno, q->file->name);
	k->at = posof(q->node);
	k->opd = keep_text(a, kj_anj_str(q->opd), NULL);
	if (q->unit)
		k->unit = keep_text(a, q->unit->str, NULL);
	if (q->kebutuhan.node) {
		k->has_keb = true;
		k->keb = q->kebutuhan.v;
		k->keb_at = posof(q->kebutuhan.node);
	}
	if (q->bezetting.node) {
		k->has_bez = true;
		k->bezv = q->bezetting.v;
		k->bez_at = posof(q->bezetting.node);
	}
	if (q->eu.node) {
		k->has_eu = true;
		k->eu = q->eu.v;
		k->eu_at = posof(q->eu.node);
	}
	if (q->pu) {
		k->pu = keep_text(a, q->pu->str, NULL);
		k->pu_len = q->pu->len;
		k->pu_at = posof(q->pu);
	}
}

size_t kj_abk_njab(const kj_abk *a)
{
	return a->njab;
}

void kj_abk_names(const kj_abk *a, size_t i, const char **opd,
                  const char **unit, const char **nama)
{
	*opd = a->jab[i].opd;
	*unit = a->jab[i].unit;
	*nama = a->jab[i].nama;
}

void kj_abk_finish(kj_abk *a, const int64_t *bez_roster, kj_abk_result *r)
{
	size_t *order;
	struct acc unit_acc = { 0 }, opd_acc = { 0 };
	size_t n = a->njab;

	for (size_t i = 0; i < n; i++)
		bezetting(a, &a->jab[i], bez_roster, i);
	check_set(a);
	/* rows in tree order with the totals */
	order = kj_xcalloc(n ? n : 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_abk = a;
	qsort(order, n, sizeof *order, cmp_jab);
	for (size_t k = 0; k < n; k++) {
		const kj_abk_row *w = &a->jab[order[k]].row;
		const kj_abk_row *prev = k ? &a->jab[order[k - 1]].row : NULL;
		const kj_abk_row *next = k + 1 < n ?
		                         &a->jab[order[k + 1]].row : NULL;
		bool new_opd = !prev || strcmp(w->opd, prev->opd) != 0;
		bool new_unit = new_opd || strcmp(w->unit, prev->unit) != 0;

		if (new_opd)
			opd_acc = (struct acc){ true, true, 0, 0, 0 };
		if (new_unit)
			unit_acc = (struct acc){ true, true, 0, 0, 0 };
		*new_row(a->r) = *w;
		acc_add(&unit_acc, w);
		acc_add(&opd_acc, w);
		bool end_opd = !next || strcmp(w->opd, next->opd) != 0;
		bool end_unit = end_opd || strcmp(w->unit, next->unit) != 0;
		if (end_unit)
			acc_row(a, &unit_acc, KJ_ROW_UNIT, w->opd, w->unit);
		if (end_opd)
			acc_row(a, &opd_acc, KJ_ROW_OPD, w->opd, "");
	}
	check_rekap(a);
	if (a->r->nf > 1)
		qsort(a->r->f, a->r->nf, sizeof *a->r->f, cmp_finding);
	free(order);
	/* the result takes the texts and the findings */
	*r = a->res;
	r->priv = a->pool;
	a->pool = kj_xcalloc(1, sizeof *a->pool);
	memset(&a->res, 0, sizeof a->res);
	a->nfiles = 0;
	free(a->files);
	a->files = NULL;
}

void kj_abk_free(kj_abk *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->njab; i++) {
		free(a->jab[i].bez_bad);
		free(a->jab[i].b05);
	}
	free(a->jab);
	free(a->rek);
	free(a->files);
	kj_abk_result_free(&a->res);
	pool_free(a->pool);
	free(a);
}

void kj_abk_run(const kj_anjab_set *s, const kj_abk_opts *o,
                const int64_t *bez_roster, kj_abk_result *r)
{
	kj_abk *a = kj_abk_new(o);

	for (size_t i = 0; i < s->njab; i++)
		kj_abk_add(a, &s->jab[i]);
	for (size_t i = 0; i < s->nrekap; i++)
		kj_abk_add_rekap(a, &s->rekap[i]);
	kj_abk_finish(a, bez_roster, r);
	kj_abk_free(a);
}

void kj_abk_result_free(kj_abk_result *r)
{
	for (size_t i = 0; i < r->nf; i++)
		free(r->f[i].msg);
	free(r->f);
	free(r->rows);
	pool_free(r->priv);
	memset(r, 0, sizeof *r);
}
