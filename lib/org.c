/* org: see org.h. */
#include "org.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "colreg.h"
#include "mem.h"
#include "nip.h"
#include "strmap.h"
#include "tsv.h"

const char *const kj_jenis_jabatan_words[KJ_JJ_N] = {
	"jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana",
	"fungsional",
};

struct kj_org_priv {
	kj_strmap *bynip;       /* NIP -> index; its keys are the NIP strings */
	kj_strmap *words;       /* interned opd, unit, jabatan, ... */
	char **names;           /* nama, one block per 64 KiB */
	size_t nnames, capnames, used, cap;
	long *child;            /* subordinates, grouped by atasan (CSR) */
	size_t *first;          /* first[i + 1] .. first[i + 2]: of i; [0..1]: tops */
};

bool kj_jenis_is_jpt(int jenis)
{
	return jenis == KJ_JJ_JPT_MADYA || jenis == KJ_JJ_JPT_PRATAMA;
}

bool kj_jenis_is_struktural(int jenis)
{
	return kj_jenis_is_jpt(jenis) || jenis == KJ_JJ_ADMINISTRATOR ||
	       jenis == KJ_JJ_PENGAWAS;
}

const char *kj_jenis_word(int jenis)
{
	return jenis >= 0 && jenis < KJ_JJ_N ? kj_jenis_jabatan_words[jenis]
	                                     : "";
}

/* i when s[0..len) is words[i] as written, else -1. */
static int exact_word(const char *const *words, int n, const char *s,
                      size_t len)
{
	for (int i = 0; i < n; i++)
		if (strncmp(words[i], s, len) == 0 && words[i][len] == '\0')
			return i;
	return -1;
}

int kj_jenis_parse(const char *s, size_t len)
{
	const char *w;
	int k = exact_word(kj_jenis_jabatan_words, KJ_JJ_N, s, len);

	/* the canonical word as written needs no kj_enum_word (which maps
	 * it to itself) */
	if (k >= 0)
		return k;
	w = kj_enum_word(s, len);
	for (int i = 0; w && i < KJ_JJ_N; i++)
		if (strcmp(w, kj_jenis_jabatan_words[i]) == 0)
			return i;
	return -1;
}

/* Low-cardinality text (OPD codes, jabatan, ...) is stored once. */
static const char *intern(struct kj_org_priv *o, const char *s, size_t len)
{
	size_t i = kj_strmap_put(o->words, s, len, kj_strmap_count(o->words),
	                         NULL);

	return kj_strmap_key(o->words, i);
}

/* The previous row's interned value of a column: rows of one unit come
 * together, so most values repeat and need no hash. */
struct last {
	const char *s;
	size_t len;
};

static const char *intern_col(struct kj_org_priv *o, struct last *l,
                              const char *s, size_t len)
{
	if (l->s && l->len == len && memcmp(l->s, s, len) == 0)
		return l->s;
	l->s = intern(o, s, len);
	l->len = len;
	return l->s;
}

/* Names are mostly distinct: copied into 64 KiB blocks. */
static const char *keep(struct kj_org_priv *o, const char *s, size_t len)
{
	char *p;

	if (o->cap - o->used < len + 1) {
		size_t size = len + 1 > 65536 ? len + 1 : 65536;

		kj_grow(&o->names, &o->capnames, o->nnames + 1,
		        sizeof *o->names);
		o->names[o->nnames++] = kj_xmalloc(size);
		o->used = 0;
		o->cap = size;
	}
	p = o->names[o->nnames - 1] + o->used;
	memcpy(p, s, len);
	p[len] = '\0';
	o->used += len + 1;
	return p;
}

void kj_roster_free(kj_roster *r)
{
	struct kj_org_priv *o = r->priv;

	if (o) {
		kj_strmap_free(o->bynip);
		kj_strmap_free(o->words);
		for (size_t i = 0; i < o->nnames; i++)
			free(o->names[i]);
		free(o->names);
		free(o->child);
		free(o->first);
		free(o);
	}
	free(r->p);
	free(r->path);
	memset(r, 0, sizeof *r);
}

long kj_roster_find(const kj_roster *r, const char *nip, size_t len)
{
	size_t i;

	if (!r->priv)
		return -1;
	i = kj_strmap_get(r->priv->bynip, nip, len);
	return i == KJ_STRMAP_NONE ? -1 : (long)i;
}

const long *kj_roster_bawahan(const kj_roster *r, long i, size_t *n)
{
	const struct kj_org_priv *o = r->priv;

	if (!o || i < -1 || i >= (long)r->n) {
		*n = 0;
		return NULL;
	}
	*n = o->first[i + 2] - o->first[i + 1];
	return o->child + o->first[i + 1];
}

bool kj_pegawai_has_ket(const kj_pegawai *p, const char *word)
{
	size_t n = strlen(word);

	for (const char *s = p->keterangan; *s;) {
		size_t k = strcspn(s, ",");

		if (k == n && memcmp(s, word, n) == 0)
			return true;
		s += k + (s[k] == ',');
	}
	return false;
}

/* ---- loading ------------------------------------------------------------ */

struct cols {
	int nip, nama, status, gol, opd, unit, jab, jenis, kelas, atasan, ket,
	    jenjang;
};

static const char *fld(const kj_tsv *t, int c)
{
	return c >= 0 ? kj_tsv_field(t, (size_t)c) : "";
}

static const char *const ket_words[] = {
	"tugas_belajar", "cltn", "hukdis_ringan", "hukdis_sedang",
	"hukdis_berat", "mpp",
};

static bool is_ket_word(const char *w)
{
	for (size_t i = 0; w && i < sizeof ket_words / sizeof *ket_words; i++)
		if (strcmp(w, ket_words[i]) == 0)
			return true;
	return false;
}

/* keterangan: words (or labels) joined by ',', stored canonical. */
static int parse_ket(kj_tsv *t, int c, char *out, size_t cap, kj_err *err)
{
	const char *s = fld(t, c), *start = s;
	size_t used = 0;

	out[0] = '\0';
	while (*s) {
		size_t n = strcspn(s, ",");
		const char *w = kj_enum_word(s, n);
		size_t wl;

		if (!is_ket_word(w)) {
			kj_tsv_field_err(t, (size_t)c, err, "keterangan: "
			                 "unknown word '%.*s' (expected "
			                 "tugas_belajar, cltn, hukdis_ringan, "
			                 "hukdis_sedang, hukdis_berat or mpp)",
			                 (int)n, s);
			err->col += s - start;
			return -1;
		}
		wl = strlen(w);
		if (used + wl + 2 > cap) {
			kj_tsv_field_err(t, (size_t)c, err,
			                 "keterangan: too many words");
			return -1;
		}
		if (used)
			out[used++] = ',';
		memcpy(out + used, w, wl + 1);
		used += wl;
		s += n + (s[n] == ',');
	}
	return 0;
}

static int read_rows(kj_roster *r, kj_tsv *t, const struct cols *c,
                     const char ***atasan_nip, size_t expect, kj_err *err)
{
	struct kj_org_priv *o = r->priv;
	size_t cap = 0, capat = 0;
	struct last lopd = { 0 }, lunit = { 0 }, ljab = { 0 }, lgol = { 0 },
	            ljenjang = { 0 }, lket = { 0 }, latasan = { 0 };
	int rc;

	if (expect) {
		/* Room for the rows the file's size tells: no copy of the
		 * arrays, no rehash of the NIP index on the way. */
		kj_grow(&r->p, &cap, expect, sizeof *r->p);
		kj_grow(atasan_nip, &capat, expect, sizeof **atasan_nip);
		kj_strmap_reserve(o->bynip, expect);
	}
	while ((rc = kj_tsv_next(t, err)) == 1) {
		const char *s = fld(t, c->nip);
		size_t len = kj_tsv_len(t, (size_t)c->nip);
		kj_pegawai *p;
		kj_nip nip;
		kj_err inner;
		char ket[256];
		int added;
		size_t at;

		if (kj_nip_parse(s, len, &nip, &inner) < 0) {
			kj_tsv_value_err(t, (size_t)c->nip, &inner, err);
			return -1;
		}
		at = kj_strmap_put(o->bynip, s, len, r->n, &added);
		if (!added) {
			kj_tsv_field_err(t, (size_t)c->nip, err, "NIP %s twice "
			                 "in the roster (first on line %ld)", s,
			                 r->p[at].line);
			return -1;
		}
		kj_grow(&r->p, &cap, r->n + 1, sizeof *r->p);
		kj_grow(atasan_nip, &capat, r->n + 1, sizeof **atasan_nip);
		p = &r->p[r->n];
		memset(p, 0, sizeof *p);
		p->line = kj_tsv_line(t);
		p->nip = kj_strmap_key(o->bynip, at);
		p->nama = keep(o, fld(t, c->nama), strlen(fld(t, c->nama)));
		p->opd = intern_col(o, &lopd, fld(t, c->opd),
		                    strlen(fld(t, c->opd)));
		if (!*p->opd) {
			kj_tsv_field_err(t, (size_t)c->opd, err, "opd: empty "
			                 "(every employee belongs to an OPD)");
			return -1;
		}
		s = fld(t, c->unit);
		p->unit = *s ? intern_col(o, &lunit, s, strlen(s)) : p->opd;
		p->jabatan = intern_col(o, &ljab, fld(t, c->jab),
		                        strlen(fld(t, c->jab)));
		p->golongan = intern_col(o, &lgol, fld(t, c->gol),
		                         strlen(fld(t, c->gol)));
		p->jenjang = intern_col(o, &ljenjang, fld(t, c->jenjang),
		                        strlen(fld(t, c->jenjang)));
		s = fld(t, c->status);
		p->status = "";
		if (*s) {
			static const char *const status_words[] = {
				"pns", "cpns", "pppk"
			};
			int k = exact_word(status_words, 3, s, strlen(s));
			const char *w = k >= 0 ? status_words[k]
			                       : kj_enum_word(s, strlen(s));

			if (!w || (strcmp(w, "pns") && strcmp(w, "cpns") &&
			           strcmp(w, "pppk"))) {
				kj_tsv_field_err(t, (size_t)c->status, err,
				                 "status: expected pns, cpns or "
				                 "pppk, found '%s'", s);
				return -1;
			}
			p->status = w;
		}
		s = fld(t, c->jenis);
		p->jenis = KJ_JJ_NONE;
		if (*s && (p->jenis = kj_jenis_parse(s, strlen(s))) < 0) {
			kj_tsv_field_err(t, (size_t)c->jenis, err,
			                 "jenis_jabatan: expected jpt_madya, "
			                 "jpt_pratama, administrator, pengawas, "
			                 "pelaksana or fungsional, found '%s'", s);
			return -1;
		}
		s = fld(t, c->kelas);
		if (*s) {
			char *end;
			long k = strtol(s, &end, 10);

			if (*end || k < 1 || k > 17 || s[0] == '-' ||
			    s[0] == '+' || s[0] == ' ') {
				kj_tsv_field_err(t, (size_t)c->kelas, err,
				                 "kelas: expected a kelas jabatan "
				                 "1 to 17, found '%s'", s);
				return -1;
			}
			p->kelas = (int)k;
		}
		if (parse_ket(t, c->ket, ket, sizeof ket, err) < 0)
			return -1;
		p->keterangan = intern_col(o, &lket, ket, strlen(ket));
		s = fld(t, c->atasan);
		(*atasan_nip)[r->n] = *s ? intern_col(o, &latasan, s, strlen(s))
		                         : NULL;
		if (*s && strcmp(s, p->nip) == 0) {
			kj_tsv_field_err(t, (size_t)c->atasan, err, "atasan: "
			                 "%s is the employee's own NIP", s);
			return -1;
		}
		p->atasan = -1;
		r->n++;
	}
	return rc;
}

/* Resolve atasan NIPs, then walk every chain once: depth, and cycles. */
static int link(kj_roster *r, const char **atasan_nip, kj_err *err)
{
	struct kj_org_priv *o = r->priv;
	/* 0 unvisited, 1 on the current chain, 2 done */
	unsigned char *mark = kj_xcalloc(r->n ? r->n : 1, 1);
	long *chain = kj_xmalloc((r->n ? r->n : 1) * sizeof *chain);
	int rc = 0;

	for (size_t i = 0; i < r->n; i++) {
		const char *a = atasan_nip[i];

		if (!a)
			continue;
		/* interned: the same pointer is the same NIP, and the
		 * employees of one atasan mostly come together */
		if (i > 0 && a == atasan_nip[i - 1]) {
			r->p[i].atasan = r->p[i - 1].atasan;
			continue;
		}
		r->p[i].atasan = kj_roster_find(r, a, strlen(a));
		if (r->p[i].atasan < 0) {
			kj_err_set(err, r->path, r->p[i].line, 0,
			           "atasan %s of NIP %s is not in the roster", a,
			           r->p[i].nip);
			rc = -1;
			goto out;
		}
	}
	for (size_t i = 0; i < r->n && rc == 0; i++) {
		size_t n = 0;
		long j = (long)i, depth;

		while (j >= 0 && mark[j] == 0) {
			mark[j] = 1;
			chain[n++] = j;
			j = r->p[j].atasan;
		}
		if (j >= 0 && mark[j] == 1) {
			/* The chain came back to j: report the cycle from j. */
			char msg[512];
			size_t k = 0, used = 0;

			while (chain[k] != j)
				k++;
			for (size_t m = k; m < n && used < sizeof msg - 40; m++)
				used += (size_t)snprintf(msg + used,
				                         sizeof msg - used, "%s -> ",
				                         r->p[chain[m]].nip);
			snprintf(msg + used, sizeof msg - used, "%s",
			         r->p[j].nip);
			kj_err_set(err, r->path, r->p[j].line, 0,
			           "atasan: a cycle in the chain of superiors: "
			           "%s", msg);
			rc = -1;
			break;
		}
		depth = j >= 0 ? r->p[j].depth + 1 : 0;
		while (n-- > 0) {
			r->p[chain[n]].depth = depth++;
			mark[chain[n]] = 2;
		}
	}
	if (rc == 0) {
		/* Subordinates in CSR form, in file order (counting sort). */
		o->first = kj_xcalloc(r->n + 2, sizeof *o->first);
		o->child = kj_xmalloc((r->n ? r->n : 1) * sizeof *o->child);
		for (size_t i = 0; i < r->n; i++)
			o->first[r->p[i].atasan + 2]++;
		for (size_t i = 1; i < r->n + 2; i++)
			o->first[i] += o->first[i - 1];
		/* first[a + 1] is now the start of atasan a's group; fill
		 * and advance it, which leaves it at the group's end: shift
		 * back by one slot afterwards. */
		{
			size_t *pos = kj_xmalloc((r->n + 2) * sizeof *pos);

			memcpy(pos, o->first, (r->n + 2) * sizeof *pos);
			for (size_t i = 0; i < r->n; i++)
				o->child[pos[r->p[i].atasan + 1]++] = (long)i;
			free(pos);
		}
	}
out:
	free(mark);
	free(chain);
	return rc;
}

/* Rows of a roster, about, from its file's size (a row of pegawai.tsv
 * as gen-data writes it: 160 bytes; FORMATS.md's shortest, with nip,
 * nama, opd and jabatan only, some 60): 0 when the size tells nothing. */
#define ROSTER_ROW 128
#define ROSTER_PRESIZE_MIN ((off_t)1 << 20)

static size_t expected_rows(const char *path)
{
	struct stat st;
	size_t n = strlen(path);

	if (!strcmp(path, "-") || (n >= 3 && !strcmp(path + n - 3, ".gz")) ||
	    stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size < ROSTER_PRESIZE_MIN)
		return 0;
	return (size_t)st.st_size / ROSTER_ROW;
}

int kj_roster_load(kj_roster *r, const char *path, kj_err *err)
{
	kj_tsv *t;
	struct cols c;
	const char **atasan_nip = NULL;
	int rc = -1;

	memset(r, 0, sizeof *r);
	t = kj_tsv_open(path, err);
	if (!t)
		return -1;
	r->path = kj_xstrdup(kj_tsv_name(t));
	r->priv = kj_xcalloc(1, sizeof *r->priv);
	r->priv->bynip = kj_strmap_new();
	r->priv->words = kj_strmap_new();
	if ((c.nip = kj_tsv_need(t, "nip", err)) < 0 ||
	    (c.nama = kj_tsv_need(t, "nama", err)) < 0 ||
	    (c.opd = kj_tsv_need(t, "opd", err)) < 0 ||
	    (c.jab = kj_tsv_need(t, "jabatan", err)) < 0)
		goto out;
	c.status = kj_tsv_col(t, "status");
	c.gol = kj_tsv_col(t, "golongan");
	c.unit = kj_tsv_col(t, "unit");
	c.jenis = kj_tsv_col(t, "jenis_jabatan");
	c.kelas = kj_tsv_col(t, "kelas");
	c.atasan = kj_tsv_col(t, "atasan");
	c.ket = kj_tsv_col(t, "keterangan");
	c.jenjang = kj_tsv_col(t, "jenjang");
	r->has_unit = c.unit >= 0;
	r->has_status = c.status >= 0;
	r->has_jenis = c.jenis >= 0;
	r->has_kelas = c.kelas >= 0;
	r->has_atasan = c.atasan >= 0;
	r->has_keterangan = c.ket >= 0;
	r->has_jenjang = c.jenjang >= 0;
	r->has_golongan = c.gol >= 0;
	if (read_rows(r, t, &c, &atasan_nip, expected_rows(path), err) < 0)
		goto out;
	/* A roster cut to its header would make every employee vanish
	 * from the outputs (or be reported unknown) instead of failing. */
	if (r->n == 0) {
		kj_err_set(err, r->path, kj_tsv_line(t) + 1, 0,
		           "no employee in the roster (a header only)");
		goto out;
	}
	if (link(r, atasan_nip, err) < 0)
		goto out;
	rc = 0;
out:
	free(atasan_nip);
	kj_tsv_close(t);
	if (rc < 0)
		kj_roster_free(r);
	return rc;
}
