/* jadwal: see jadwal.h. */
#include "jadwal.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Hours of one weekday: kerja false means not a working weekday. */
struct jam {
	bool kerja;
	int32_t mulai, selesai;
};

struct sched {
	const char *nama;
	struct jam hari[8];      /* ISO weekday 1..7 */
	int32_t toleransi;       /* seconds; -1: the file's */
	bool ikut_libur;         /* holidays are days off */
};

struct rentang {
	const char *nama;
	kj_date mulai, selesai;
	struct jam hari[8];      /* kerja: hours replaced on that weekday */
	size_t *sched;           /* schedules it applies to; n == 0: all */
	size_t nsched;
	const kj_ynode *node;
};

struct libur {
	kj_date mulai, selesai;
	const char *nama;
};

struct tugas {
	size_t sched;
	const char *opd, *unit;  /* one of them set */
};

struct kj_jadwal {
	kj_yfile *own;           /* freed with the set, or NULL */
	struct sched *s;
	size_t ns, caps;
	struct rentang *r;
	size_t nr;
	struct libur *l;
	size_t nl;
	struct tugas *t;
	size_t nt, capt;
	size_t bawaan;
	int32_t toleransi;
	int32_t masuk_sebelum, pulang_sesudah;
	kj_aturan aturan;
};

static const char *const hari_names[8] = {
	"", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"
};

int kj_jam_parse(const char *s, size_t len, int32_t *mulai,
                 int32_t *selesai, kj_err *err)
{
	const char *dash = memchr(s, '-', len);
	size_t l1, l2;
	int next = 0;
	kj_err e;

	if (!dash) {
		kj_err_set(err, "", 0, 1, "expected hours as HH:MM-HH:MM "
		           "(e.g. 07:30-16:00, or 19:00-07:00+1 for a shift "
		           "that ends the next day)");
		return -1;
	}
	l1 = (size_t)(dash - s);
	l2 = len - l1 - 1;
	if (l2 >= 2 && dash[1 + l2 - 2] == '+' && dash[1 + l2 - 1] == '1') {
		next = 1;
		l2 -= 2;
	}
	if (kj_time_parse(s, l1, mulai, &e) != 0) {
		kj_err_set(err, "", 0, e.col, "start: %s", e.msg);
		return -1;
	}
	if (kj_time_parse(dash + 1, l2, selesai, &e) != 0) {
		kj_err_set(err, "", 0, (long)l1 + 1 + e.col, "end: %s", e.msg);
		return -1;
	}
	if (next) {
		*selesai += 86400;
	} else if (*selesai <= *mulai) {
		kj_err_set(err, "", 0, (long)l1 + 2,
		           "the end is not after the start (write +1 after "
		           "the end of a shift that ends the next day, e.g. "
		           "19:00-07:00+1)");
		return -1;
	}
	return 0;
}

/* Parse a weekday value into h: hours, or null / "libur" for a day off. */
static int jam_node(const kj_yfile *f, const kj_ynode *n, struct jam *h,
                    kj_err *err)
{
	const char *s;
	int rc = kj_y_str(f, n, &s, err);
	kj_err e;

	if (rc < 0)
		return -1;
	if (rc == 1 || !strcmp(s, "libur")) {
		h->kerja = false;
		return 0;
	}
	if (kj_jam_parse(s, strlen(s), &h->mulai, &h->selesai, &e) != 0) {
		kj_y_err(err, f, n, "%s", e.msg);
		if (e.col > 1 && n->plain)
			err->col += e.col - 1;
		return -1;
	}
	h->kerja = true;
	return 0;
}

static int weekday_of(const char *k)
{
	for (int i = 1; i <= 7; i++)
		if (!strcmp(k, hari_names[i]))
			return i;
	return 0;
}

static int minutes(const kj_yfile *f, const kj_ynode *n, int64_t max,
                   int32_t *out, kj_err *err)
{
	int64_t v;
	int rc = kj_y_int(f, n, 0, max, &v, err);

	if (rc == 0)
		*out = (int32_t)(v * 60);
	return rc;
}

/*
 * kj_y_map and kj_y_str return 1, with err untouched, for a null: where
 * the schedule set needs a mapping or a text, a null is an error too.
 */
static int need_map(const kj_yfile *f, const kj_ynode *n, kj_err *err)
{
	int rc = kj_y_map(f, n, err);

	if (rc == 1)
		kj_y_err(err, f, n, "expected a mapping, found an empty "
		         "value");
	return rc ? -1 : 0;
}

static int need_str(const kj_yfile *f, const kj_ynode *n, const char **s,
                    kj_err *err)
{
	int rc = kj_y_str(f, n, s, err);

	if (rc == 1)
		kj_y_err(err, f, n, "expected a text value, found an empty "
		         "value");
	return rc ? -1 : 0;
}

static int load_sched(kj_jadwal *j, const kj_yfile *f, const char *nama,
                      const kj_ynode *m, kj_err *err)
{
	static const char *const keys[] = {
		"senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
		"minggu", "toleransi", "ikut_libur", NULL
	};
	struct sched s;
	size_t i;

	if (need_map(f, m, err) || kj_y_check_keys(f, m, keys, err))
		return -1;
	memset(&s, 0, sizeof s);
	s.nama = nama;
	s.toleransi = -1;
	s.ikut_libur = true;
	for (i = 0; i < m->len; i++) {
		const char *k = m->keys[i].str;
		const kj_ynode *v = &kj_y_vals(m)[i];
		int wd = weekday_of(k);

		if (wd) {
			if (jam_node(f, v, &s.hari[wd], err))
				return -1;
		} else if (!strcmp(k, "toleransi")) {
			if (minutes(f, v, 240, &s.toleransi, err) < 0)
				return -1;
		} else if (kj_y_bool(f, v, &s.ikut_libur, err) < 0) {
			return -1;
		}
	}
	for (i = 0; i < j->ns; i++)
		if (!strcmp(j->s[i].nama, nama))
			break;
	if (i == j->ns) {
		kj_grow(&j->s, &j->caps, j->ns + 1, sizeof *j->s);
		j->ns++;
	}
	j->s[i] = s;
	return 0;
}

static void builtin(kj_jadwal *j)
{
	struct sched *s;

	kj_grow(&j->s, &j->caps, 2, sizeof *j->s);
	j->ns = 2;
	memset(j->s, 0, 2 * sizeof *j->s);
	s = &j->s[0];
	s->nama = "lima_hari";
	s->toleransi = -1;
	s->ikut_libur = true;
	for (int d = 1; d <= 5; d++)
		s->hari[d] = (struct jam){ true, 7 * 3600 + 1800,
		                           d == 5 ? 16 * 3600 + 1800
		                                  : 16 * 3600 };
	s = &j->s[1];
	s->nama = "enam_hari";
	s->toleransi = -1;
	s->ikut_libur = true;
	for (int d = 1; d <= 6; d++)
		s->hari[d] = (struct jam){ true, 7 * 3600 + 1800,
		                           d == 5 ? 11 * 3600 :
		                           d == 6 ? 12 * 3600 + 1800 :
		                           14 * 3600 };
}

static int date_node(const kj_yfile *f, const kj_ynode *n, kj_date *out,
                     kj_err *err)
{
	const char *s;
	kj_err e;
	int rc = kj_y_str(f, n, &s, err);

	if (rc)
		return rc;
	if (kj_date_parse(s, strlen(s), out, &e) != 0) {
		kj_y_err(err, f, n, "%s", e.msg);
		return -1;
	}
	return 0;
}

static int sched_ref(const kj_jadwal *j, const kj_yfile *f,
                     const kj_ynode *n, size_t *out, kj_err *err)
{
	const char *s;

	if (need_str(f, n, &s, err))
		return -1;
	*out = kj_jadwal_find(j, s);
	if (*out == (size_t)-1) {
		kj_y_err(err, f, n, "unknown schedule '%s' (not under "
		         "'jadwal' and not lima_hari or enam_hari)", s);
		return -1;
	}
	return 0;
}

/* A text or a sequence of texts, for opd/unit/jadwal lists. */
static int each_text(const kj_yfile *f, const kj_ynode *n,
                     const kj_ynode **items, size_t *count, kj_err *err)
{
	if (n->kind == KJ_Y_SEQ) {
		*items = n->items;
		*count = n->len;
		for (size_t i = 0; i < n->len; i++) {
			const char *s;

			if (need_str(f, &n->items[i], &s, err))
				return -1;
		}
		return 0;
	}
	*items = n;
	*count = 1;
	{
		const char *s;

		return need_str(f, n, &s, err);
	}
}

static int load_tugas(kj_jadwal *j, const kj_yfile *f, const kj_ynode *seq,
                      kj_err *err)
{
	static const char *const keys[] = { "jadwal", "opd", "unit", NULL };

	if (kj_y_seq(f, seq, err))
		return -1;
	for (size_t i = 0; i < seq->len; i++) {
		const kj_ynode *m = &seq->items[i], *n, *it;
		size_t sched, cnt;

		if (need_map(f, m, err) || kj_y_check_keys(f, m, keys, err))
			return -1;
		n = kj_y_need(f, m, "jadwal", err);
		if (!n || sched_ref(j, f, n, &sched, err))
			return -1;
		if (!kj_y_get(m, "opd") && !kj_y_get(m, "unit")) {
			kj_y_err(err, f, m, "an assignment needs 'opd' or "
			         "'unit'");
			return -1;
		}
		for (int u = 0; u < 2; u++) {
			n = kj_y_get(m, u ? "unit" : "opd");
			if (!n || kj_y_is_null(n))
				continue;
			if (each_text(f, n, &it, &cnt, err))
				return -1;
			for (size_t k = 0; k < cnt; k++) {
				struct tugas *t;

				kj_grow(&j->t, &j->capt, j->nt + 1,
				        sizeof *j->t);
				t = &j->t[j->nt++];
				t->sched = sched;
				t->opd = u ? NULL : it[k].str;
				t->unit = u ? it[k].str : NULL;
			}
		}
	}
	return 0;
}

static int applies(const struct rentang *r, size_t sched)
{
	if (r->nsched == 0)
		return 1;
	for (size_t i = 0; i < r->nsched; i++)
		if (r->sched[i] == sched)
			return 1;
	return 0;
}

static int load_rentang(kj_jadwal *j, const kj_yfile *f,
                        const kj_ynode *seq, kj_err *err)
{
	static const char *const keys[] = {
		"nama", "mulai", "selesai", "jadwal", "senin", "selasa",
		"rabu", "kamis", "jumat", "sabtu", "minggu", NULL
	};
	static const char *const req[] = { "mulai", "selesai", NULL };

	if (kj_y_seq(f, seq, err))
		return -1;
	j->r = kj_xcalloc(seq->len ? seq->len : 1, sizeof *j->r);
	for (size_t i = 0; i < seq->len; i++) {
		const kj_ynode *m = &seq->items[i], *n;
		struct rentang *r = &j->r[j->nr];

		if (need_map(f, m, err) || kj_y_check_keys(f, m, keys, err) ||
		    kj_y_require(f, m, req, err))
			return -1;
		j->nr++;
		r->node = m;
		r->nama = "";
		if (kj_y_str(f, kj_y_get(m, "nama"), &r->nama, err) < 0 ||
		    date_node(f, kj_y_get(m, "mulai"), &r->mulai, err) ||
		    date_node(f, kj_y_get(m, "selesai"), &r->selesai, err))
			return -1;
		if (r->selesai < r->mulai) {
			kj_y_err(err, f, kj_y_get(m, "selesai"),
			         "the range ends before it starts");
			return -1;
		}
		for (int d = 1; d <= 7; d++) {
			n = kj_y_get(m, hari_names[d]);
			if (n && jam_node(f, n, &r->hari[d], err))
				return -1;
		}
		n = kj_y_get(m, "jadwal");
		if (n && !kj_y_is_null(n)) {
			const kj_ynode *it;
			size_t cnt;

			if (each_text(f, n, &it, &cnt, err))
				return -1;
			r->sched = kj_xcalloc(cnt, sizeof *r->sched);
			for (size_t k = 0; k < cnt; k++)
				if (sched_ref(j, f, &it[k], &r->sched[k], err))
					return -1;
			r->nsched = cnt;
		}
		/* Two ranges may not give one schedule two sets of hours. */
		for (size_t k = 0; k + 1 < j->nr; k++) {
			const struct rentang *o = &j->r[k];
			int common = 0;

			if (o->selesai < r->mulai || r->selesai < o->mulai)
				continue;
			for (size_t s = 0; s < j->ns && !common; s++)
				common = applies(o, s) && applies(r, s);
			if (common) {
				kj_y_err(err, f, m, "this range overlaps the "
				         "range at line %u for the same "
				         "schedule", (unsigned)o->node->line);
				return -1;
			}
		}
	}
	return 0;
}

static int load_libur(kj_jadwal *j, const kj_yfile *f, const kj_ynode *seq,
                      kj_err *err)
{
	static const char *const keys[] = {
		"tanggal", "sampai", "nama", "jenis", NULL
	};

	if (kj_y_seq(f, seq, err))
		return -1;
	j->l = kj_xcalloc(seq->len ? seq->len : 1, sizeof *j->l);
	for (size_t i = 0; i < seq->len; i++) {
		const kj_ynode *m = &seq->items[i], *n;
		struct libur *l = &j->l[j->nl];
		const char *jenis;

		if (need_map(f, m, err) || kj_y_check_keys(f, m, keys, err))
			return -1;
		n = kj_y_need(f, m, "tanggal", err);
		if (!n || date_node(f, n, &l->mulai, err))
			return -1;
		l->selesai = l->mulai;
		if (date_node(f, kj_y_get(m, "sampai"), &l->selesai, err) < 0)
			return -1;
		if (l->selesai < l->mulai) {
			kj_y_err(err, f, kj_y_get(m, "sampai"),
			         "'sampai' is before 'tanggal'");
			return -1;
		}
		l->nama = "libur";
		if (kj_y_str(f, kj_y_get(m, "nama"), &l->nama, err) < 0)
			return -1;
		n = kj_y_get(m, "jenis");
		if (kj_y_str(f, n, &jenis, err) < 0)
			return -1;
		if (n && !kj_y_is_null(n) && strcmp(jenis, "libur_nasional") &&
		    strcmp(jenis, "cuti_bersama")) {
			kj_y_err(err, f, n, "expected libur_nasional or "
			         "cuti_bersama, found '%s'", jenis);
			return -1;
		}
		j->nl++;
	}
	return 0;
}

static int load_band(kj_jadwal *j, const kj_yfile *f, const kj_ynode *n,
                     kj_err *err)
{
	if (kj_y_is_null(n))
		return 0;
	if (kj_y_seq(f, n, err))
		return -1;
	if (n->len != KJ_BANDS) {
		kj_y_err(err, f, n, "expected %d lower bounds in minutes "
		         "(e.g. [1, 31, 61, 91]), found %u", KJ_BANDS,
		         (unsigned)n->len);
		return -1;
	}
	for (size_t i = 0; i < KJ_BANDS; i++) {
		int64_t v;
		int64_t lo = i ? j->aturan.band[i - 1] + 1 : 1;

		int rc = kj_y_int(f, &n->items[i], lo, 1440, &v, err);

		/* 1 is a null item ("~", "null"): err is not filled. */
		if (rc > 0)
			kj_y_err(err, f, &n->items[i], "expected a lower bound "
			         "in minutes from %lld to 1440, found an empty "
			         "value", (long long)lo);
		if (rc != 0)
			return -1;
		j->aturan.band[i] = (int32_t)v;
	}
	return 0;
}

static int load_doc(kj_jadwal *j, const kj_yfile *f, const kj_ynode *doc,
                    kj_err *err)
{
	static const char *const keys[] = {
		"bawaan", "jadwal", "penugasan", "rentang", "libur",
		"toleransi", "band", "tanpa_absen", "jendela", NULL
	};
	static const char *const wkeys[] = {
		"masuk_sebelum", "pulang_sesudah", NULL
	};
	const kj_ynode *n;

	if (kj_y_is_null(doc))
		return 0;
	if (kj_y_map(f, doc, err) || kj_y_check_keys(f, doc, keys, err))
		return -1;
	n = kj_y_get(doc, "jadwal");
	if (n && !kj_y_is_null(n)) {
		if (kj_y_map(f, n, err))
			return -1;
		for (size_t i = 0; i < n->len; i++)
			if (load_sched(j, f, n->keys[i].str, &kj_y_vals(n)[i],
			               err))
				return -1;
	}
	n = kj_y_get(doc, "bawaan");
	if (n && !kj_y_is_null(n) && sched_ref(j, f, n, &j->bawaan, err))
		return -1;
	if (minutes(f, kj_y_get(doc, "toleransi"), 240, &j->toleransi,
	            err) < 0)
		return -1;
	n = kj_y_get(doc, "band");
	if (n && load_band(j, f, n, err))
		return -1;
	n = kj_y_get(doc, "tanpa_absen");
	if (n && !kj_y_is_null(n)) {
		if (kj_y_is(n, "lupa_absen")) {
			j->aturan.lupa_absen = true;
		} else if (kj_y_is(n, "tl4_psw4")) {
			j->aturan.lupa_absen = false;
		} else {
			char buf[64];

			kj_y_err(err, f, n, "expected tl4_psw4 or lupa_absen, "
			         "found %s", kj_y_found(n, buf, sizeof buf));
			return -1;
		}
	}
	n = kj_y_get(doc, "jendela");
	if (n && !kj_y_is_null(n)) {
		if (kj_y_map(f, n, err) || kj_y_check_keys(f, n, wkeys, err) ||
		    minutes(f, kj_y_get(n, "masuk_sebelum"), 720,
		            &j->masuk_sebelum, err) < 0 ||
		    minutes(f, kj_y_get(n, "pulang_sesudah"), 720,
		            &j->pulang_sesudah, err) < 0)
			return -1;
	}
	n = kj_y_get(doc, "penugasan");
	if (n && !kj_y_is_null(n) && load_tugas(j, f, n, err))
		return -1;
	n = kj_y_get(doc, "rentang");
	if (n && !kj_y_is_null(n) && load_rentang(j, f, n, err))
		return -1;
	n = kj_y_get(doc, "libur");
	if (n && !kj_y_is_null(n) && load_libur(j, f, n, err))
		return -1;
	return 0;
}

kj_jadwal *kj_jadwal_load(const kj_yfile *f, kj_err *err)
{
	kj_jadwal *j = kj_xcalloc(1, sizeof *j);

	builtin(j);
	j->bawaan = 0;
	j->toleransi = 0;
	j->masuk_sebelum = 120 * 60;
	j->pulang_sesudah = 240 * 60;
	j->aturan.band[0] = 1;
	j->aturan.band[1] = 31;
	j->aturan.band[2] = 61;
	j->aturan.band[3] = 91;
	if (f->ndocs > 1) {
		kj_y_err(err, f, &f->docs[1], "expected one document, found "
		         "a second one");
		kj_jadwal_free(j);
		return NULL;
	}
	if (f->ndocs == 1 && load_doc(j, f, &f->docs[0], err)) {
		kj_jadwal_free(j);
		return NULL;
	}
	return j;
}

static kj_jadwal *owning(kj_yfile *f, kj_err *err)
{
	kj_jadwal *j;

	if (!f)
		return NULL;
	j = kj_jadwal_load(f, err);
	if (!j) {
		kj_yfree(f);
		return NULL;
	}
	j->own = f;
	return j;
}

kj_jadwal *kj_jadwal_load_path(const char *path, kj_err *err)
{
	return owning(kj_yload_path(path, err), err);
}

kj_jadwal *kj_jadwal_load_mem(const char *name, const char *text,
                              kj_err *err)
{
	return owning(kj_yload_mem(name, text, strlen(text), err), err);
}

void kj_jadwal_free(kj_jadwal *j)
{
	if (!j)
		return;
	for (size_t i = 0; i < j->nr; i++)
		free(j->r[i].sched);
	free(j->r);
	free(j->l);
	free(j->t);
	free(j->s);
	kj_yfree(j->own);
	free(j);
}

const kj_aturan *kj_jadwal_aturan(const kj_jadwal *j)
{
	return &j->aturan;
}

size_t kj_jadwal_count(const kj_jadwal *j)
{
	return j->ns;
}

size_t kj_jadwal_find(const kj_jadwal *j, const char *name)
{
	for (size_t i = 0; i < j->ns; i++)
		if (!strcmp(j->s[i].nama, name))
			return i;
	return (size_t)-1;
}

const char *kj_jadwal_name(const kj_jadwal *j, size_t sched)
{
	return j->s[sched].nama;
}

size_t kj_jadwal_assign(const kj_jadwal *j, const char *opd,
                        const char *unit)
{
	size_t by_opd = (size_t)-1;

	for (size_t i = 0; i < j->nt; i++) {
		const struct tugas *t = &j->t[i];

		if (t->unit && unit && !strcmp(t->unit, unit))
			return t->sched;
		if (t->opd && opd && by_opd == (size_t)-1 &&
		    !strcmp(t->opd, opd))
			by_opd = t->sched;
	}
	return by_opd != (size_t)-1 ? by_opd : j->bawaan;
}

const char *kj_jadwal_holiday(const kj_jadwal *j, kj_date d)
{
	for (size_t i = 0; i < j->nl; i++)
		if (j->l[i].mulai <= d && d <= j->l[i].selesai)
			return j->l[i].nama;
	return NULL;
}

void kj_jadwal_day(const kj_jadwal *j, size_t sched, kj_date d,
                   kj_hari *out)
{
	const struct sched *s = &j->s[sched];
	int wd = kj_date_weekday(d);
	struct jam h = s->hari[wd];
	int32_t half;

	memset(out, 0, sizeof *out);
	if (!h.kerja)
		return;
	if (s->ikut_libur && kj_jadwal_holiday(j, d))
		return;
	for (size_t i = 0; i < j->nr; i++) {
		const struct rentang *r = &j->r[i];

		if (r->mulai <= d && d <= r->selesai && applies(r, sched) &&
		    r->hari[wd].kerja) {
			h = r->hari[wd];
			break;
		}
	}
	half = (h.selesai - h.mulai) / 2;
	out->kerja = true;
	out->mulai = h.mulai;
	out->selesai = h.selesai;
	out->toleransi = s->toleransi >= 0 ? s->toleransi : j->toleransi;
	out->masuk_buka = h.mulai - j->masuk_sebelum;
	out->batas = h.mulai + half;
	out->pulang_tutup = h.selesai + j->pulang_sesudah;
}
