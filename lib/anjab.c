/* anjab: see anjab.h. */
#include "anjab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "org.h"

const char *const kj_anj_kondisi_keys[KJ_ANJ_NKONDISI] = {
	"tempat_kerja", "suhu", "udara", "keadaan_ruangan", "letak",
	"penerangan", "suara", "keadaan_tempat_kerja", "getaran"
};
static const char *const kondisi_keys[KJ_ANJ_NKONDISI + 1] = {
	"tempat_kerja", "suhu", "udara", "keadaan_ruangan", "letak",
	"penerangan", "suara", "keadaan_tempat_kerja", "getaran", NULL
};

static const char *const top_keys[] = {
	"nama", "kode", "jenis", "opd", "unit", "unit_kerja", "ikhtisar",
	"kualifikasi", "tugas", "jumlah_pegawai", "pembulatan", "hasil_kerja",
	"bahan_kerja", "perangkat_kerja", "tanggung_jawab", "wewenang",
	"korelasi", "kondisi_lingkungan", "risiko_bahaya", "syarat",
	"prestasi", "kelas", "evjab", "bezetting", "bezetting_per",
	"butir_lain", NULL
};
static const char *const kualifikasi_keys[] = {
	"pendidikan", "pelatihan", "pengalaman", NULL
};
static const char *const tugas_keys[] = {
	"uraian", "tahapan", "hasil", "satuan", "jumlah", "waktu",
	"waktu_efektif", "kebutuhan", NULL
};
static const char *const hasil_keys[] = { "hasil", "satuan", NULL };
static const char *const bahan_keys[] = { "bahan", "penggunaan", NULL };
static const char *const perangkat_keys[] = {
	"perangkat", "penggunaan", NULL
};
static const char *const korelasi_keys[] = {
	"jabatan", "unit", "dalam_hal", NULL
};
static const char *const risiko_keys[] = { "nama", "penyebab", NULL };
static const char *const syarat_keys[] = {
	"keterampilan", "bakat", "temperamen", "minat", "upaya_fisik",
	"kondisi_fisik", "fungsi", NULL
};
static const char *const fisik_keys[] = {
	"jenis_kelamin", "umur", "tinggi_badan", "berat_badan",
	"postur_badan", "penampilan", "keadaan_fisik", NULL
};
static const char *const evjab_struktural[] = {
	"f1", "f2", "f3", "f4a", "f4b", "f5", "f6", NULL
};
static const char *const evjab_fungsional[] = {
	"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", NULL
};
static const char *const evjab_all[] = {
	"f1", "f2", "f3", "f4", "f4a", "f4b", "f5", "f6", "f7", "f8", "f9",
	NULL
};
static const char *const rekap_top[] = { "rekap", NULL };
static const char *const rekap_keys[] = {
	"opd", "unit", "kebutuhan", "bezetting", "eu", "pu", NULL
};

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool placeholder(const char *s, size_t len)
{
	static const char *const words[] = {
		"-", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa6", "kosong",
		"tidak diisi", "tidak ada data", "null", "~", NULL
	};
	static const size_t lens[] = { 1, 3, 3, 3, 6, 11, 14, 4, 1 };
	size_t i;

	while (len > 0 && is_blank((unsigned char)*s)) {
		s++;
		len--;
	}
	/* fast path: every placeholder starts with one of these */
	if (len > 0 && !strchr("-.~\xe2kKtTnN", *s))
		return false;
	while (len > 0 && is_blank((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return true;
	for (i = 0; i < len && (s[i] == '.' || s[i] == '-'); i++)
		;
	if (i == len)
		return true;
	for (i = 0; words[i]; i++)
		if (lens[i] == len && strncasecmp(words[i], s, len) == 0)
			return true;
	/* "…" repeated, or dots and ellipses mixed */
	for (i = 0; i < len;) {
		if (s[i] == '.')
			i++;
		else if (len - i >= 3 && memcmp(s + i, "\xe2\x80\xa6", 3) == 0)
			i += 3;
		else
			return false;
	}
	return true;
}

bool kj_anj_missing(const kj_ynode *n)
{
	if (!n)
		return true;
	switch (n->kind) {
	case KJ_Y_SCALAR:
		return kj_y_is_null(n) || placeholder(n->str, n->len);
	case KJ_Y_SEQ:
		for (size_t i = 0; i < n->len; i++)
			if (!kj_anj_missing(&n->items[i]))
				return false;
		return true;
	default:
		return n->len == 0;
	}
}

const kj_ynode *kj_anj_items(const kj_ynode *list, size_t *n)
{
	*n = 0;
	if (!list)
		return NULL;
	if (list->kind == KJ_Y_SEQ) {
		*n = list->len;
		return list->items;
	}
	if (list->kind == KJ_Y_SCALAR && !kj_anj_missing(list)) {
		*n = 1;
		return list;
	}
	return NULL;
}

/* Where the documents of a stream go: into a set (kept), or to fn. */
struct sink {
	kj_anjab_set *s;
	kj_anjab_fn fn;
	void *arg;
	size_t fileno;          /* fn: the file's index */
	kj_tugas *tugas;        /* fn: the tasks' array, reused */
	size_t captugas;
};

/* ---- typed fields ------------------------------------------------------- */

struct ctx {
	const kj_yfile *f;
	kj_err *err;
};

/*
 * The values of a mapping's keys in one pass: vals[i] is the value of
 * keys[i] (NULL-terminated, at most MAX_KEYS), NULL when absent.  A key
 * not in keys is refused exactly as kj_y_check_keys() refuses it (it is
 * called to say so).  Keys are looked for from just after the previous
 * one, so a document that follows the order of the form costs one
 * comparison a key.  A NULL or null map has no keys.
 */
#define MAX_KEYS 32

/* The lengths of the keys of a list, found once per list. */
static const unsigned char *key_lens(const char *const *keys)
{
	static struct {
		const char *const *keys;
		unsigned char len[MAX_KEYS];
	} cache[24];
	static size_t ncache;
	static unsigned char spare[MAX_KEYS];
	unsigned char *len = spare;
	size_t i;

	for (i = 0; i < ncache; i++)
		if (cache[i].keys == keys)
			return cache[i].len;
	if (ncache < sizeof cache / sizeof cache[0]) {
		cache[ncache].keys = keys;
		len = cache[ncache++].len;
	}
	for (i = 0; keys[i] && i < MAX_KEYS; i++)
		len[i] = (unsigned char)strlen(keys[i]);
	return len;
}

/* k's text is key (len bytes): by words of 8 and 4 bytes, the last one
 * overlapping the one before. */
static bool key_is(const kj_ynode *k, const char *key, unsigned char len)
{
	const char *a = k->str;
	uint64_t x, y;
	uint32_t p, q;
	size_t i;

	if (k->len != len)
		return false;
	if (len >= 8) {
		for (i = 0; i + 8 < len; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, key + i, 8);
			if (x != y)
				return false;
		}
		memcpy(&x, a + len - 8, 8);
		memcpy(&y, key + len - 8, 8);
		return x == y;
	}
	if (len >= 4) {
		memcpy(&p, a, 4);
		memcpy(&q, key, 4);
		if (p != q)
			return false;
		memcpy(&p, a + len - 4, 4);
		memcpy(&q, key + len - 4, 4);
		return p == q;
	}
	for (i = 0; i < len; i++)
		if (a[i] != key[i])
			return false;
	return true;
}

static int fields(const struct ctx *c, const kj_ynode *map,
                  const char *const *keys, const kj_ynode **vals)
{
	size_t n = 0, cur = 0;

	const unsigned char *len;

	while (keys[n])
		vals[n++] = NULL;
	if (!map || kj_y_is_null(map))
		return 0;
	if (map->kind != KJ_Y_MAP)
		return kj_y_check_keys(c->f, map, keys, c->err);
	len = key_lens(keys);
	for (size_t i = 0; i < map->len; i++) {
		const kj_ynode *k = &map->keys[i];
		size_t j = cur, tries;

		for (tries = 0; tries < n; tries++) {
			if (key_is(k, keys[j], len[j]))
				break;
			j = j + 1 == n ? 0 : j + 1;
		}
		if (tries == n)
			return kj_y_check_keys(c->f, map, keys, c->err);
		vals[j] = &kj_y_vals(map)[i];
		cur = j + 1 == n ? 0 : j + 1;
	}
	return 0;
}

/* A text value n (of key): NULL when absent or null. */
static int text(const struct ctx *c, const kj_ynode *n, const char *key,
                const kj_ynode **out)
{
	const char *s;

	*out = NULL;
	if (!n || kj_y_is_null(n))
		return 0;
	if (n->kind == KJ_Y_SCALAR && memchr(n->str, '\0', n->len) == NULL) {
		*out = n;           /* what kj_y_str() accepts */
		return 0;
	}
	if (kj_y_str(c->f, n, &s, c->err) < 0) {
		/* name the key */
		char msg[sizeof c->err->msg];

		snprintf(msg, sizeof msg, "%s: %.400s", key, c->err->msg);
		snprintf(c->err->msg, sizeof c->err->msg, "%s", msg);
		return -1;
	}
	*out = n;
	return 0;
}

static int text_key(const struct ctx *c, const kj_ynode *map, const char *key,
                    const kj_ynode **out)
{
	return text(c, kj_y_get(map, key), key, out);
}

/* A list of texts: a sequence of scalars, or one scalar. */
static int list(const struct ctx *c, const kj_ynode *n, const char *key,
                const kj_ynode **out)
{
	char buf[80];

	*out = NULL;
	if (!n || kj_y_is_null(n))
		return 0;
	if (n->kind == KJ_Y_MAP) {
		kj_y_err(c->err, c->f, n, "%s: expected a list of texts, "
		         "found %s", key, kj_y_found(n, buf, sizeof buf));
		return -1;
	}
	if (n->kind == KJ_Y_SEQ)
		for (size_t i = 0; i < n->len; i++)
			if (n->items[i].kind != KJ_Y_SCALAR) {
				kj_y_err(c->err, c->f, &n->items[i],
				         "%s: expected a text item, found %s",
				         key, kj_y_found(&n->items[i], buf,
				                         sizeof buf));
				return -1;
			}
	*out = n;
	return 0;
}

/* A mapping with the given keys, or NULL; a placeholder scalar is NULL.
 * vals: NULL, or where the values of keys go (all NULL unless *out is a
 * mapping). */
static int mapping(const struct ctx *c, const kj_ynode *n, const char *key,
                   const char *const *keys, const kj_ynode **out,
                   const kj_ynode **vals)
{
	const kj_ynode *tmp[MAX_KEYS];
	char buf[80];

	*out = NULL;
	if (vals)
		for (size_t i = 0; keys[i]; i++)
			vals[i] = NULL;
	if (!n || kj_y_is_null(n))
		return 0;
	if (n->kind == KJ_Y_SCALAR && kj_anj_missing(n)) {
		*out = n;
		return 0;
	}
	if (n->kind != KJ_Y_MAP) {
		kj_y_err(c->err, c->f, n, "%s: expected a mapping, found %s",
		         key, kj_y_found(n, buf, sizeof buf));
		return -1;
	}
	if (fields(c, n, keys, vals ? vals : tmp) < 0)
		return -1;
	*out = n;
	return 0;
}

/*
 * A table: a sequence of mappings with the given keys, whose values are
 * texts (or, for lists, sequences of texts).  A placeholder scalar
 * ("KOSONG", "-") stands for an empty table.
 */
static int table(const struct ctx *c, const kj_ynode *n, const char *key,
                 const char *const *keys, const kj_ynode **out)
{
	const kj_ynode *tmp[MAX_KEYS];
	char buf[80];

	*out = NULL;
	if (!n || kj_y_is_null(n))
		return 0;
	/* "Tidak ada": the section is answered, and the answer is none */
	if (n->kind == KJ_Y_SCALAR &&
	    (kj_anj_missing(n) || strcasecmp(n->str, "tidak ada") == 0)) {
		*out = n;
		return 0;
	}
	if (n->kind != KJ_Y_SEQ) {
		kj_y_err(c->err, c->f, n, "%s: expected a sequence of "
		         "mappings (%s: ...), found %s", key, keys[0],
		         kj_y_found(n, buf, sizeof buf));
		return -1;
	}
	for (size_t i = 0; i < n->len; i++) {
		const kj_ynode *it = &n->items[i];

		if (it->kind != KJ_Y_MAP) {
			kj_y_err(c->err, c->f, it, "%s: expected a mapping "
			         "(%s: ...), found %s", key, keys[0],
			         kj_y_found(it, buf, sizeof buf));
			return -1;
		}
		if (fields(c, it, keys, tmp) < 0)
			return -1;
		for (size_t k = 0; k < it->len; k++) {
			const kj_ynode *v = &kj_y_vals(it)[k];

			if (v->kind == KJ_Y_MAP) {
				kj_y_err(c->err, c->f, v, "%s: expected a "
				         "text, found a mapping",
				         it->keys[k].str);
				return -1;
			}
			if (v->kind == KJ_Y_SEQ &&
			    list(c, v, it->keys[k].str, &v) < 0)
				return -1;
		}
	}
	*out = n;
	return 0;
}

/*
 * The common numbers without kj_y_decimal: plain digits, at most one '.'
 * or ',' and then at most scale digits, 15 digits in all, within
 * [min, max].  Anything else (a sign, more decimals, out of range, not a
 * number) goes to kj_y_decimal, which reads it the same way or explains
 * what is wrong.  1 and *out set, or 0.
 */
static int quick_decimal(const kj_ynode *n, int scale, int64_t min,
                         int64_t max, int64_t *out)
{
	const char *s = n->str, *e = s + n->len;
	int64_t v = 0;
	int digits = 0, dec = -1;

	if (n->kind != KJ_Y_SCALAR || s == e || n->len > 16)
		return 0;
	for (; s < e; s++) {
		if (*s >= '0' && *s <= '9') {
			v = v * 10 + (*s - '0');
			digits++;
			if (dec >= 0)
				dec++;
		} else if ((*s == '.' || *s == ',') && dec < 0 && digits > 0 &&
		           s + 1 < e) {
			dec = 0;
		} else {
			return 0;
		}
	}
	if (dec < 0)
		dec = 0;
	if (dec > scale || digits > 15)
		return 0;
	for (; dec < scale; dec++) {
		if (v > INT64_MAX / 10)
			return 0;
		v *= 10;
	}
	if (v < min || v > max)
		return 0;
	*out = v;
	return 1;
}

/* A number: parse failures are kept for the rules, not returned. */
static void number(const struct ctx *c, const kj_ynode *n, int scale,
                   int64_t min, int64_t max, kj_anj_num *out)
{
	kj_err e;

	memset(out, 0, sizeof *out);
	if (!n || kj_y_is_null(n))
		return;
	out->node = n;
	if (quick_decimal(n, scale, min, max, &out->v))
		return;
	if (kj_y_decimal(c->f, n, scale, min, max, &out->v, &e) < 0)
		out->bad = kj_xstrdup(e.msg);
}

static void number_key(const struct ctx *c, const kj_ynode *map,
                       const char *key, int scale, int64_t min, int64_t max,
                       kj_anj_num *out)
{
	number(c, kj_y_get(map, key), scale, min, max, out);
}

/* ---- documents ---------------------------------------------------------- */

enum { T_URAIAN, T_TAHAPAN, T_HASIL, T_SATUAN, T_JUMLAH, T_WAKTU,
       T_EFEKTIF, T_KEBUTUHAN };

static int load_tugas(const struct ctx *c, kj_jabatan *j, struct sink *k)
{
	const kj_ynode *t = j->tugas_node;

	if (!t)
		return 0;
	j->ntugas = t->kind == KJ_Y_SEQ ? t->len : 0;
	if (k) {
		/* the sink's array, reused from one document to the next */
		kj_grow(&k->tugas, &k->captugas, j->ntugas ? j->ntugas : 1,
		        sizeof *k->tugas);
		j->tugas = k->tugas;
		memset(j->tugas, 0, (j->ntugas ? j->ntugas : 1) *
		       sizeof *j->tugas);
	} else {
		j->tugas = kj_xcalloc(j->ntugas ? j->ntugas : 1,
		                      sizeof *j->tugas);
	}
	for (size_t i = 0; i < j->ntugas; i++) {
		const kj_ynode *m = &t->items[i], *v[MAX_KEYS];
		kj_tugas *g = &j->tugas[i];
		const kj_ynode *dummy;

		g->node = m;
		/* the keys were checked by table() */
		if (fields(c, m, tugas_keys, v) < 0 ||
		    text(c, v[T_URAIAN], "uraian", &g->uraian) < 0 ||
		    text(c, v[T_HASIL], "hasil", &g->hasil) < 0 ||
		    text(c, v[T_SATUAN], "satuan", &g->satuan) < 0 ||
		    list(c, v[T_TAHAPAN], "tahapan", &dummy) < 0)
			return -1;
		/* negative numbers are refused here, 0 by rule B01 */
		number(c, v[T_JUMLAH], KJ_ANJ_JUMLAH_SCALE, 0, 1000000000LL,
		       &g->jumlah);
		number(c, v[T_WAKTU], KJ_ANJ_WAKTU_SCALE, 0, 100000000LL,
		       &g->waktu);
		number(c, v[T_EFEKTIF], 2, 0, 10000000000LL, &g->efektif);
		number(c, v[T_KEBUTUHAN], KJ_ANJ_KEB_SCALE, 0,
		       1000000000000LL, &g->kebutuhan);
	}
	return 0;
}

/*
 * An evjab level written as a label: "F1L6", "1-6", "Faktor 1 - 6",
 * "Faktor 1 Level 6", "F4A-2" (domain/anjab-abk.md §3.2), in any case,
 * blanks around the parts.  1 with the factor ("1", "4a") and the level,
 * or 0.
 */
static bool word_at(const char **p, const char *w)
{
	size_t n = strlen(w);

	if (strncasecmp(*p, w, n) != 0)
		return false;
	*p += n;
	return true;
}

static void skip_blanks(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

static int level_label(const char *s, char factor[4], int64_t *level)
{
	const char *p = s;
	size_t nf = 0;
	int64_t l = 0;
	int nl = 0;

	skip_blanks(&p);
	if (!word_at(&p, "faktor"))
		(void)word_at(&p, "f");
	skip_blanks(&p);
	while (*p >= '0' && *p <= '9' && nf < 2)
		factor[nf++] = *p++;
	if (nf == 0 || (*p >= '0' && *p <= '9'))
		return 0;
	if (*p == 'a' || *p == 'A' || *p == 'b' || *p == 'B')
		factor[nf++] = (char)(*p++ | 0x20);     /* 4a, 4b */
	factor[nf] = '\0';
	skip_blanks(&p);
	if (!word_at(&p, "-") && !word_at(&p, "\xe2\x80\x93") &&
	    !word_at(&p, "level") && !word_at(&p, "l"))
		return 0;
	skip_blanks(&p);
	while (*p >= '0' && *p <= '9' && nl < 3) {
		l = l * 10 + (*p++ - '0');
		nl++;
	}
	skip_blanks(&p);
	if (nl == 0 || *p != '\0')
		return 0;
	*level = l;
	return 1;
}

/* The level of a factor: an integer, or a label naming that factor. */
static void evjab_level(const struct ctx *c, kj_jabatan *j, size_t i,
                        const char *key, const kj_ynode *n)
{
	kj_anj_num *l = &j->level[i];
	char factor[4];
	int64_t level;

	number(c, n, 0, -1000, 1000, l);
	if (!l->bad || n->kind != KJ_Y_SCALAR ||
	    !level_label(n->str, factor, &level))
		return;
	free(l->bad);
	l->bad = NULL;
	l->v = level;
	if (strcmp(factor, key + 1) != 0)
		snprintf(j->level_of[i], sizeof j->level_of[i], "f%s", factor);
}

static int evjab_index(const char *const *keys, const char *factor)
{
	for (int i = 0; keys[i]; i++)
		if (strcmp(keys[i] + 1, factor) == 0)
			return i;
	return -1;
}

/* evjab as a sequence of labels: [F1L6, F2L4, ...]. */
static int evjab_labels(const struct ctx *c, kj_jabatan *j,
                        const kj_ynode *e)
{
	const char *const *keys;
	const kj_ynode *at[KJ_EVJAB_MAX] = { NULL };
	char factor[4], buf[80];
	int64_t level;

	for (size_t i = 0; i < e->len; i++) {
		const kj_ynode *it = &e->items[i];

		if (it->kind != KJ_Y_SCALAR ||
		    !level_label(it->str, factor, &level)) {
			kj_y_err(c->err, c->f, it, "evjab: expected a factor "
			         "level such as F1L6, 1-6 or 'Faktor 1 - 6', "
			         "found %s", kj_y_found(it, buf, sizeof buf));
			return -1;
		}
		if (j->jenis < 0 && factor[1] != '\0')
			j->evjab_struktural = true;     /* 4a, 4b */
	}
	if (j->jenis >= 0)
		j->evjab_struktural = kj_jenis_is_struktural(j->jenis);
	keys = j->evjab_struktural ? evjab_struktural : evjab_fungsional;
	for (size_t i = 0; i < e->len; i++) {
		const kj_ynode *it = &e->items[i];
		int k;

		level_label(it->str, factor, &level);
		k = evjab_index(keys, factor);
		if (k < 0) {
			kj_y_err(c->err, c->f, it, "evjab: '%s' is a level of "
			         "factor f%s, which %s jobs do not have (they "
			         "have %s)", it->str, factor,
			         j->evjab_struktural ? "struktural" :
			         "fungsional and pelaksana",
			         j->evjab_struktural ?
			         "f1 f2 f3 f4a f4b f5 f6" : "f1 to f9");
			return -1;
		}
		if (at[k]) {
			kj_y_err(c->err, c->f, it, "evjab: a second level for "
			         "factor f%s (first at line %lu, column %lu)",
			         factor, (unsigned long)at[k]->line,
			         (unsigned long)at[k]->col);
			return -1;
		}
		at[k] = it;
		j->level[k].node = it;
		j->level[k].v = level;
	}
	j->evjab = e;
	return 0;
}

static int load_evjab(const struct ctx *c, kj_jabatan *j, const kj_ynode *e)
{
	const char *const *keys;
	const kj_ynode *v[MAX_KEYS];

	if (!e || kj_y_is_null(e))
		return 0;
	if (e->kind == KJ_Y_SEQ)
		return evjab_labels(c, j, e);
	if (kj_y_map(c->f, e, c->err) < 0)
		return -1;
	if (j->jenis >= 0)
		j->evjab_struktural = kj_jenis_is_struktural(j->jenis);
	else
		j->evjab_struktural = kj_y_get(e, "f4a") || kj_y_get(e, "f4b");
	keys = j->evjab_struktural ? evjab_struktural : evjab_fungsional;
	if (fields(c, e, j->jenis >= 0 ? keys : evjab_all, v) < 0) {
		char msg[sizeof c->err->msg];

		snprintf(msg, sizeof msg, "evjab: %.400s (%s jobs have %s)",
		         c->err->msg, j->evjab_struktural ? "struktural" :
		         "fungsional and pelaksana", j->evjab_struktural ?
		         "f1 f2 f3 f4a f4b f5 f6" : "f1 to f9");
		snprintf(c->err->msg, sizeof c->err->msg, "%s", msg);
		return -1;
	}
	j->evjab = e;
	for (size_t i = 0; keys[i]; i++) {
		const kj_ynode *n = v[i];

		if (j->jenis < 0)   /* v follows evjab_all */
			n = v[evjab_index(evjab_all, keys[i] + 1)];
		if (n)
			evjab_level(c, j, i, keys[i], n);
	}
	return 0;
}

enum {
	K_NAMA, K_KODE, K_JENIS, K_OPD, K_UNIT, K_UNIT_KERJA, K_IKHTISAR,
	K_KUALIFIKASI, K_TUGAS, K_JUMLAH_PEGAWAI, K_PEMBULATAN, K_HASIL_KERJA,
	K_BAHAN_KERJA, K_PERANGKAT_KERJA, K_TANGGUNG_JAWAB, K_WEWENANG,
	K_KORELASI, K_KONDISI, K_RISIKO_BAHAYA, K_SYARAT, K_PRESTASI, K_KELAS,
	K_EVJAB, K_BEZETTING, K_BEZETTING_PER, K_BUTIR_LAIN
};
enum { S_KETERAMPILAN, S_BAKAT, S_TEMPERAMEN, S_MINAT, S_UPAYA_FISIK,
       S_KONDISI_FISIK, S_FUNGSI };

static int load_jabatan(const struct ctx *c, kj_jabatan *j, struct sink *k)
{
	const kj_ynode *r = j->root, *n;
	const kj_ynode *v[MAX_KEYS], *kual[MAX_KEYS], *kond[MAX_KEYS],
	      *sy[MAX_KEYS], *fis[MAX_KEYS];

	if (fields(c, r, top_keys, v) < 0)
		return -1;
	j->jenis = -1;
	if (text(c, v[K_NAMA], "nama", &j->nama) < 0 ||
	    text(c, v[K_KODE], "kode", &j->kode) < 0 ||
	    text(c, v[K_JENIS], "jenis", &j->jenis_node) < 0 ||
	    text(c, v[K_OPD], "opd", &j->opd) < 0 ||
	    text(c, v[K_UNIT], "unit", &j->unit) < 0 ||
	    list(c, v[K_UNIT_KERJA], "unit_kerja", &j->unit_kerja) < 0 ||
	    text(c, v[K_IKHTISAR], "ikhtisar", &j->ikhtisar) < 0 ||
	    mapping(c, v[K_KUALIFIKASI], "kualifikasi", kualifikasi_keys,
	            &j->kualifikasi, kual) < 0 ||
	    table(c, v[K_HASIL_KERJA], "hasil_kerja", hasil_keys,
	          &j->hasil_kerja) < 0 ||
	    table(c, v[K_BAHAN_KERJA], "bahan_kerja", bahan_keys,
	          &j->bahan_kerja) < 0 ||
	    table(c, v[K_PERANGKAT_KERJA], "perangkat_kerja", perangkat_keys,
	          &j->perangkat_kerja) < 0 ||
	    list(c, v[K_TANGGUNG_JAWAB], "tanggung_jawab",
	         &j->tanggung_jawab) < 0 ||
	    list(c, v[K_WEWENANG], "wewenang", &j->wewenang) < 0 ||
	    table(c, v[K_KORELASI], "korelasi", korelasi_keys,
	          &j->korelasi) < 0 ||
	    mapping(c, v[K_KONDISI], "kondisi_lingkungan", kondisi_keys,
	            &j->kondisi, kond) < 0 ||
	    table(c, v[K_RISIKO_BAHAYA], "risiko_bahaya", risiko_keys,
	          &j->risiko_bahaya) < 0 ||
	    mapping(c, v[K_SYARAT], "syarat", syarat_keys, &j->syarat,
	            sy) < 0 ||
	    text(c, v[K_PRESTASI], "prestasi", &j->prestasi) < 0 ||
	    text(c, v[K_BEZETTING_PER], "bezetting_per",
	         &j->bezetting_per) < 0 ||
	    list(c, v[K_BUTIR_LAIN], "butir_lain", &n) < 0 ||
	    table(c, v[K_TUGAS], "tugas", tugas_keys, &j->tugas_node) < 0)
		return -1;
	if (j->jenis_node && !kj_anj_missing(j->jenis_node)) {
		j->jenis = kj_jenis_parse(j->jenis_node->str,
		                          j->jenis_node->len);
		if (j->jenis < 0) {
			kj_y_err(c->err, c->f, j->jenis_node, "jenis: expected "
			         "jpt_madya, jpt_pratama, administrator, "
			         "pengawas, pelaksana or fungsional, found '%s'",
			         j->jenis_node->str);
			return -1;
		}
	}
	if (j->kualifikasi && j->kualifikasi->kind == KJ_Y_MAP &&
	    (list(c, kual[0], "pendidikan", &j->pendidikan) < 0 ||
	     list(c, kual[1], "pelatihan", &j->pelatihan) < 0 ||
	     list(c, kual[2], "pengalaman", &j->pengalaman) < 0))
		return -1;
	if (j->kondisi && j->kondisi->kind == KJ_Y_MAP)
		for (size_t i = 0; i < KJ_ANJ_NKONDISI; i++)
			if (text(c, kond[i], kj_anj_kondisi_keys[i], &n) < 0)
				return -1;
	if (j->syarat && j->syarat->kind == KJ_Y_MAP) {
		if (list(c, sy[S_KETERAMPILAN], "keterampilan",
		         &j->keterampilan) < 0 ||
		    list(c, sy[S_BAKAT], "bakat", &j->bakat) < 0 ||
		    list(c, sy[S_TEMPERAMEN], "temperamen",
		         &j->temperamen) < 0 ||
		    list(c, sy[S_MINAT], "minat", &j->minat) < 0 ||
		    list(c, sy[S_UPAYA_FISIK], "upaya_fisik",
		         &j->upaya_fisik) < 0 ||
		    list(c, sy[S_FUNGSI], "fungsi", &j->fungsi) < 0 ||
		    mapping(c, sy[S_KONDISI_FISIK], "kondisi_fisik",
		            fisik_keys, &j->kondisi_fisik, fis) < 0)
			return -1;
		if (j->kondisi_fisik && j->kondisi_fisik->kind == KJ_Y_MAP)
			for (size_t i = 0; fisik_keys[i]; i++)
				if (text(c, fis[i], fisik_keys[i], &n) < 0)
					return -1;
	}
	number(c, v[K_KELAS], 0, INT64_MIN, INT64_MAX, &j->kelas);
	number(c, v[K_BEZETTING], 0, INT64_MIN, INT64_MAX, &j->bezetting);
	number(c, v[K_JUMLAH_PEGAWAI], KJ_ANJ_KEB_SCALE, 0, 1000000000000LL,
	       &j->jumlah_pegawai);
	number(c, v[K_PEMBULATAN], 0, INT64_MIN, INT64_MAX, &j->pembulatan);
	if (load_evjab(c, j, v[K_EVJAB]) < 0)
		return -1;
	return load_tugas(c, j, k);
}

static int load_rekap(const struct ctx *c, kj_anj_rekap *k,
                      const kj_ynode *root)
{
	const kj_ynode *r;

	if (kj_y_check_keys(c->f, root, rekap_top, c->err) < 0)
		return -1;
	r = kj_y_get(root, "rekap");
	if (kj_y_map(c->f, r, c->err) < 0 ||
	    kj_y_check_keys(c->f, r, rekap_keys, c->err) < 0)
		return -1;
	k->node = r;
	if (text_key(c, r, "opd", &k->opd) < 0 ||
	    text_key(c, r, "unit", &k->unit) < 0 ||
	    text_key(c, r, "pu", &k->pu) < 0)
		return -1;
	if (!k->opd) {
		kj_y_err(c->err, c->f, r, "rekap: missing required key 'opd'");
		return -1;
	}
	number_key(c, r, "kebutuhan", 0, 0, INT64_MAX, &k->kebutuhan);
	number_key(c, r, "bezetting", 0, 0, INT64_MAX, &k->bezetting);
	number_key(c, r, "eu", KJ_ANJ_EU_SCALE, 0, INT64_MAX, &k->eu);
	if (k->kebutuhan.bad || k->bezetting.bad || k->eu.bad) {
		const kj_anj_num *b = k->kebutuhan.bad ? &k->kebutuhan :
		                      k->bezetting.bad ? &k->bezetting : &k->eu;

		kj_y_err(c->err, c->f, b->node, "rekap: %s", b->bad);
		return -1;
	}
	return 0;
}

/* ---- keeping ------------------------------------------------------------ */

/*
 * Documents are read one at a time (kj_ystream), into memory that is
 * reused for the next one; what the model points at is copied out first
 * into the set's kj_ykeep.  Only that: a value's scalar, the lists and
 * tables the rules walk, and a bare node (kind and place) for what is
 * only ever a place in a finding (the document, a tugas, evjab).  The
 * keys, and the scalars already read into numbers, are not kept, which
 * is most of a document's tree.
 */

static void keep_num(kj_ykeep *k, kj_anj_num *m)
{
	m->node = kj_ykeep_node(k, m->node);
}

/* The value of key in the kept mapping map, as list() and mapping()
 * return it: NULL when absent or null. */
static const kj_ynode *kept(const kj_ynode *map, const kj_ynode *was,
                            const char *key)
{
	const kj_ynode *n;

	if (!was)
		return NULL;
	n = kj_y_get(map, key);
	return n && !kj_y_is_null(n) ? n : NULL;
}

/* A mapping the rules walk and lists inside it: the mapping as a tree,
 * the lists found again in the copy. */
static const kj_ynode *keep_map(kj_ykeep *k, const kj_ynode *map,
                                const char *const *keys,
                                const kj_ynode **const *outs)
{
	const kj_ynode *c = kj_ykeep_tree(k, map);

	for (size_t i = 0; keys[i]; i++)
		*outs[i] = c && c->kind == KJ_Y_MAP ?
		           kept(c, *outs[i], keys[i]) : NULL;
	return c;
}

static void keep_jabatan(kj_ykeep *k, kj_jabatan *j)
{
	static const char *const kual[] = {
		"pendidikan", "pelatihan", "pengalaman", NULL
	};
	static const char *const syarat[] = {
		"keterampilan", "bakat", "temperamen", "minat",
		"upaya_fisik", "kondisi_fisik", "fungsi", NULL
	};
	const kj_ynode **const kual_out[] = {
		&j->pendidikan, &j->pelatihan, &j->pengalaman
	};
	const kj_ynode **const syarat_out[] = {
		&j->keterampilan, &j->bakat, &j->temperamen, &j->minat,
		&j->upaya_fisik, &j->kondisi_fisik, &j->fungsi
	};

	j->root = kj_ykeep_node(k, j->root);
	j->nama = kj_ykeep_node(k, j->nama);
	j->kode = kj_ykeep_node(k, j->kode);
	j->opd = kj_ykeep_node(k, j->opd);
	j->unit = kj_ykeep_node(k, j->unit);
	j->jenis_node = kj_ykeep_node(k, j->jenis_node);
	j->unit_kerja = kj_ykeep_tree(k, j->unit_kerja);
	j->ikhtisar = kj_ykeep_node(k, j->ikhtisar);
	j->kualifikasi = keep_map(k, j->kualifikasi, kual, kual_out);
	for (size_t i = 0; i < j->ntugas; i++) {
		kj_tugas *g = &j->tugas[i];

		g->node = kj_ykeep_node(k, g->node);
		g->uraian = kj_ykeep_node(k, g->uraian);
		g->hasil = kj_ykeep_node(k, g->hasil);
		g->satuan = kj_ykeep_node(k, g->satuan);
		keep_num(k, &g->jumlah);
		keep_num(k, &g->waktu);
		keep_num(k, &g->efektif);
		keep_num(k, &g->kebutuhan);
	}
	j->tugas_node = kj_ykeep_node(k, j->tugas_node);
	keep_num(k, &j->jumlah_pegawai);
	keep_num(k, &j->pembulatan);
	j->hasil_kerja = kj_ykeep_tree(k, j->hasil_kerja);
	j->bahan_kerja = kj_ykeep_tree(k, j->bahan_kerja);
	j->perangkat_kerja = kj_ykeep_tree(k, j->perangkat_kerja);
	j->tanggung_jawab = kj_ykeep_tree(k, j->tanggung_jawab);
	j->wewenang = kj_ykeep_tree(k, j->wewenang);
	j->korelasi = kj_ykeep_tree(k, j->korelasi);
	j->risiko_bahaya = kj_ykeep_tree(k, j->risiko_bahaya);
	j->kondisi = kj_ykeep_tree(k, j->kondisi);
	j->prestasi = kj_ykeep_node(k, j->prestasi);
	j->syarat = keep_map(k, j->syarat, syarat, syarat_out);
	keep_num(k, &j->kelas);
	j->evjab = kj_ykeep_node(k, j->evjab);
	for (size_t i = 0; i < KJ_EVJAB_MAX; i++)
		keep_num(k, &j->level[i]);
	keep_num(k, &j->bezetting);
	j->bezetting_per = kj_ykeep_node(k, j->bezetting_per);
}

static void keep_rekap(kj_ykeep *k, kj_anj_rekap *q)
{
	q->node = kj_ykeep_node(k, q->node);
	q->opd = kj_ykeep_node(k, q->opd);
	q->unit = kj_ykeep_node(k, q->unit);
	q->pu = kj_ykeep_node(k, q->pu);
	keep_num(k, &q->kebutuhan);
	keep_num(k, &q->bezetting);
	keep_num(k, &q->eu);
}

static void free_num(kj_anj_num *n)
{
	free(n->bad);
	n->bad = NULL;
}

/* borrowed: the tasks' array is the sink's. */
static void free_jabatan(kj_jabatan *j, bool borrowed)
{
	for (size_t t = 0; t < j->ntugas; t++) {
		free_num(&j->tugas[t].jumlah);
		free_num(&j->tugas[t].waktu);
		free_num(&j->tugas[t].efektif);
		free_num(&j->tugas[t].kebutuhan);
	}
	if (!borrowed)
		free(j->tugas);
	free_num(&j->jumlah_pegawai);
	free_num(&j->pembulatan);
	free_num(&j->kelas);
	free_num(&j->bezetting);
	for (size_t l = 0; l < KJ_EVJAB_MAX; l++)
		free_num(&j->level[l]);
}

static void free_rekap(kj_anj_rekap *q)
{
	free_num(&q->kebutuhan);
	free_num(&q->bezetting);
	free_num(&q->eu);
}

/* One document of the stream, checked on the stream's view; then either
 * handed to the sink's fn and forgotten, or moved onto kept copies in the
 * set, with file the set's own. */
static int add_doc(struct sink *k, const kj_yfile *view, const kj_yfile *file,
                   size_t fileno, kj_err *err)
{
	struct ctx c = { view, err };
	const kj_ynode *root = &view->docs[0];
	kj_anjab_set *s = k->s;
	char buf[80];

	if (kj_y_is_null(root))
		return 0;           /* an empty document */
	if (root->kind != KJ_Y_MAP) {
		kj_y_err(err, view, root, "expected a mapping (one "
		         "jabatan: nama, unit, tugas, ...), found %s",
		         kj_y_found(root, buf, sizeof buf));
		return -1;
	}
	if (kj_y_get(root, "rekap")) {
		kj_anj_rekap one, *q = &one;

		if (s) {
			kj_grow(&s->rekap, &s->caprekap, s->nrekap + 1,
			        sizeof *s->rekap);
			q = &s->rekap[s->nrekap];
		}
		memset(q, 0, sizeof *q);
		q->fileno = fileno;
		q->file = file;
		if (load_rekap(&c, q, root) < 0) {
			free_rekap(q);
			return -1;
		}
		if (!s) {
			k->fn(k->arg, NULL, q);
			free_rekap(q);
			return 0;
		}
		keep_rekap(s->keep, q);
		s->nrekap++;
	} else {
		kj_jabatan one, *j = &one;
		int rc;

		if (s) {
			kj_grow(&s->jab, &s->capjab, s->njab + 1,
			        sizeof *s->jab);
			j = &s->jab[s->njab];
		}
		memset(j, 0, sizeof *j);
		j->fileno = fileno;
		j->file = file;
		j->root = root;
		rc = load_jabatan(&c, j, s ? NULL : k);
		if (rc < 0 || !s) {
			if (rc == 0)
				k->fn(k->arg, j, NULL);
			free_jabatan(j, s == NULL);
			return rc;
		}
		keep_jabatan(s->keep, j);
		s->njab++;
	}
	return 0;
}

static int add_stream(struct sink *k, kj_ystream *st, kj_err *err)
{
	kj_anjab_set *s = k->s;
	const char *name = kj_ystream_name(st);
	size_t fileno = s ? s->nfiles : 0, len = strlen(name);
	const kj_yfile *view;
	kj_yfile *file = NULL;
	char *copy;
	int rc;

	if (s) {
		if (!s->keep)
			s->keep = kj_ykeep_new();
		/* The set's record of the file: its name, for findings. */
		file = kj_xcalloc(1, sizeof *file + len + 1);
		copy = (char *)(file + 1);
		memcpy(copy, name, len + 1);
		file->name = copy;
		kj_grow(&s->files, &s->capfiles, s->nfiles + 1,
		        sizeof *s->files);
		s->files[s->nfiles++] = file;
	} else {
		fileno = k->fileno;
	}
	while ((rc = kj_ystream_next(st, &view, err)) == 1)
		if (add_doc(k, view, file ? file : view, fileno, err) < 0) {
			rc = -1;
			break;
		}
	kj_ystream_close(st);
	free(k->tugas);
	return rc;
}

int kj_anjab_each(const char *path, size_t fileno, kj_anjab_fn fn,
                  void *arg, kj_err *err)
{
	struct sink k = { NULL, fn, arg, fileno, NULL, 0 };
	kj_ystream *st = kj_ystream_open_path(path, err);

	return st ? add_stream(&k, st, err) : -1;
}

int kj_anjab_each_mem(const char *name, const void *buf, size_t len,
                      size_t fileno, kj_anjab_fn fn, void *arg,
                      kj_err *err)
{
	struct sink k = { NULL, fn, arg, fileno, NULL, 0 };
	kj_ystream *st = kj_ystream_open_mem(name, buf, len, err);

	return st ? add_stream(&k, st, err) : -1;
}

int kj_anjab_load(kj_anjab_set *s, const char *path, kj_err *err)
{
	struct sink k = { s, NULL, NULL, 0, NULL, 0 };
	kj_ystream *st = kj_ystream_open_path(path, err);

	return st ? add_stream(&k, st, err) : -1;
}

int kj_anjab_load_mem(kj_anjab_set *s, const char *name, const void *buf,
                      size_t len, kj_err *err)
{
	struct sink k = { s, NULL, NULL, 0, NULL, 0 };
	kj_ystream *st = kj_ystream_open_mem(name, buf, len, err);

	return st ? add_stream(&k, st, err) : -1;
}

void kj_anjab_free(kj_anjab_set *s)
{
	for (size_t i = 0; i < s->njab; i++)
		free_jabatan(&s->jab[i], false);
	for (size_t i = 0; i < s->nrekap; i++)
		free_rekap(&s->rekap[i]);
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	kj_ykeep_free(s->keep);
	free(s->files);
	free(s->jab);
	free(s->rekap);
	memset(s, 0, sizeof *s);
}
