/* cascade: see cascade.h. */
#include "cascade.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strmap.h"

/*
 * An index of the ids of the RHK (or indicators) by hash, pointing into the
 * set's own arrays: no key is copied, and the table is sized once, so a
 * check of 100,000 SKP makes two allocations here, not a million.
 */
struct slot {
	uint32_t h;
	uint32_t i;              /* index + 1; 0 is an empty slot */
};

struct idx {
	struct slot *t;
	size_t mask;
	const char *base;        /* &array[0].id */
	size_t stride;           /* sizeof array[0] */
};

static const char *idx_key(const struct idx *x, size_t i)
{
	return *(const char *const *)(const void *)(x->base + i * x->stride);
}

static void idx_init(struct idx *x, size_t n, const void *base,
                     size_t stride)
{
	size_t cap = 16;

	/* At most two thirds full: short probes, and a third less memory
	 * than half full for the 100,000-employee case. */
	while (cap < n + n / 2 + 2)
		cap *= 2;
	x->t = kj_xcalloc(cap, sizeof *x->t);
	x->mask = cap - 1;
	x->base = base;
	x->stride = stride;
}

/*
 * The index of the first entry whose id has hash h and equals *idp (idp
 * NULL: the id of entry self), or -1; with add, insert self when absent
 * (and return -1).  The id is read only when a hash matches, so that a
 * probe touches neither the set's structs nor its text unless it must.
 * The hashes are the loader's (kj_skp_id_hash).
 */
static long idx_probe(struct idx *x, uint32_t h, const char *const *idp,
                      size_t self, bool add)
{
	for (size_t k = h & x->mask;; k = (k + 1) & x->mask) {
		struct slot *sl = &x->t[k];

		if (!sl->i) {
			if (add) {
				sl->h = h;
				sl->i = (uint32_t)self + 1;
			}
			return -1;
		}
		if (sl->h == h &&
		    !strcmp(idx_key(x, sl->i - 1), idp ? *idp
		                                       : idx_key(x, self)))
			return (long)sl->i - 1;
	}
}

/* Prefetch the slot where a key of hash h starts its probe: the table is
 * far larger than the caches, and a miss per id is most of what an insert
 * costs. */
static void idx_prefetch(const struct idx *x, uint32_t h)
{
	__builtin_prefetch(&x->t[h & x->mask], 1);
}

/* How far ahead the inserts prefetch. */
#define AHEAD 16

/*
 * The check's arrays (22 MB at 100,000 employees: per RHK, per indicator,
 * the id indexes) are written from the start, and the first write to a
 * fresh page costs a fault and its zeroing.  A second thread maps them in
 * bulk (kj_prefault), in the order the check comes to them, while the
 * check begins; where the check is faster it faults the pages itself.
 */
#define NPREFAULT 12

struct prefaulter {
	pthread_t th;
	bool started;
	size_t n;
	void *p[NPREFAULT];
	size_t len[NPREFAULT];
};

static void pf_add(struct prefaulter *pf, void *p, size_t len)
{
	if (pf->n < NPREFAULT && len) {
		pf->p[pf->n] = p;
		pf->len[pf->n++] = len;
	}
}

static void *pf_run(void *arg)
{
	struct prefaulter *pf = arg;

	for (size_t i = 0; i < pf->n; i++)
		kj_prefault(pf->p[i], pf->len[i]);
	return NULL;
}

/* Start the thread; without one, map the pages here. */
static void pf_start(struct prefaulter *pf)
{
	pf->started = pthread_create(&pf->th, NULL, pf_run, pf) == 0;
	if (!pf->started)
		pf_run(pf);
}

static void pf_join(struct prefaulter *pf)
{
	if (pf->started)
		pthread_join(pf->th, NULL);
	pf->started = false;
}

const char *const kj_cascading_words[4] = {
	"", "direct", "indirect", "non_cascading"
};

static void add(kj_cascade *c, int sev, const char *rule, size_t order,
                const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

static void add(kj_cascade *c, int sev, const char *rule, size_t order,
                const char *file, long line, long col, const char *fmt, ...)
{
	char buf[1024];
	kj_finding *f;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	kj_grow(&c->f, &c->capf, c->nf + 1, sizeof *c->f);
	f = &c->f[c->nf++];
	f->severity = sev;
	f->rule = rule;
	f->file = file;
	f->line = line;
	f->col = col;
	f->msg = kj_xstrdup(buf);
	f->order = order;
	if (sev == KJ_SEV_ERROR)
		c->errors++;
	else
		c->warnings++;
}

static void add_at(kj_cascade *c, const kj_skp_set *s, int sev,
                   const char *rule, kj_skp_pos p, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void add_at(kj_cascade *c, const kj_skp_set *s, int sev,
                   const char *rule, kj_skp_pos p, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	add(c, sev, rule, p.file, kj_skp_file(s, p.file), (long)p.line,
	    (long)p.col,
	    "%s", buf);
}

int kj_skp_latest_year(const kj_skp_set *s)
{
	int y = 0;

	for (size_t i = 0; i < s->n; i++)
		if (s->skp[i].tahun > y)
			y = s->skp[i].tahun;
	return y;
}

/* Lower case, one space for each run of white space, none at the ends,
 * no final full stop; into buf when t fits (size), else a new allocation. */
static char *normalise(const char *t, char *buf, size_t size)
{
	size_t n = strlen(t);
	char *out = n < size ? buf : kj_xmalloc(n + 1), *o = out;
	bool space = false;

	for (; *t; t++) {
		unsigned char ch = (unsigned char)*t;

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = o > out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
	}
	if (o > out && o[-1] == '.')
		o--;
	*o = '\0';
	return out;
}

bool kj_rhk_same_text(const char *a, const char *b)
{
	char bx[512], by[512];
	char *x = normalise(a, bx, sizeof bx), *y = normalise(b, by, sizeof by);
	bool same = *x && !strcmp(x, y);

	if (x != bx)
		free(x);
	if (y != by)
		free(y);
	return same;
}

void kj_skp_rhk_list(const kj_skp_set *s, size_t k, char *buf, size_t size)
{
	const kj_skp *p = &s->skp[k];
	size_t used = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t j = p->rhk; j < p->rhk + p->nrhk; j++) {
		const char *id = s->rhk[j].id;
		size_t n = strlen(id);

		if (used + n + 2 + 6 >= size) {
			snprintf(buf + used, size - used, ", ...");
			return;
		}
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
		                         used ? ", " : "", id);
	}
	if (!p->nrhk)
		snprintf(buf, size, "(none)");
}

/* Who an employee is, for messages: "NIP (nama)". */
static const char *who(const kj_roster *r, long i, char *buf, size_t size)
{
	snprintf(buf, size, "%s (%s)", r->p[i].nip, r->p[i].nama);
	return buf;
}

static bool is_top(const kj_roster *r, long i)
{
	return kj_jenis_is_jpt(r->p[i].jenis) || r->p[i].atasan < 0;
}

/* Sort findings by file order (as first seen in the set, the roster
 * last), line, column, then the order they were found. */
struct sortrec {
	size_t file, idx;
	long line, col;
};

static int cmp_rec(const void *a, const void *b)
{
	const struct sortrec *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static void sort_findings(kj_cascade *c)
{
	struct sortrec *rec;
	kj_finding *out;

	if (c->nf < 2)
		return;
	rec = kj_xreallocarray(NULL, c->nf, sizeof *rec);
	for (size_t i = 0; i < c->nf; i++) {
		rec[i].file = c->f[i].order;
		rec[i].idx = i;
		rec[i].line = c->f[i].line;
		rec[i].col = c->f[i].col;
	}
	qsort(rec, c->nf, sizeof *rec, cmp_rec);
	out = kj_xreallocarray(NULL, c->nf, sizeof *out);
	for (size_t i = 0; i < c->nf; i++)
		out[i] = c->f[rec[i].idx];
	free(c->f);
	c->f = out;
	c->capf = c->nf;
	free(rec);
}

/* Check the indicators of RHK j. */
static void check_indicators(kj_cascade *c, const kj_skp_set *s,
                             const kj_skp_rhk_hot *rj,
                             const kj_skp_ind_hot *ih, struct idx *ind_ids)
{
	for (size_t m = rj->ind; m < (size_t)rj->ind + rj->nind; m++) {
		const kj_skp_indikator *d = &s->ind[m];
		long first;

		if (m + AHEAD < s->nind)
			idx_prefetch(ind_ids, ih[m + AHEAD].id_hash);
		first = idx_probe(ind_ids, ih[m].id_hash, NULL, m, true);
		if (first >= 0) {
			const kj_skp_indikator *o = &s->ind[first];

			add_at(c, s, KJ_SEV_ERROR, "id-ganda", d->id_pos,
			       "indicator id %s is already used at %s:%u",
			       d->id, kj_skp_file(s, o->id_pos.file),
			       o->id_pos.line);
		}
		if (ih[m].target_kind == KJ_TARGET_NONE)
			add_at(c, s, KJ_SEV_ERROR, "target-hilang", d->pos,
			       "indicator %s has no target", d->id);
		else if (ih[m].target_kind == KJ_TARGET_BAD)
			add_at(c, s, KJ_SEV_ERROR, "target-salah",
			       d->target_pos, "indicator %s: target '%s' is "
			       "not a number or a range a-b (e.g. 95 or "
			       "80-90)", d->id, d->target.text);
		if (ih[m].aspek == KJ_ASPEK_UNKNOWN)
			add_at(c, s, KJ_SEV_ERROR, "aspek-salah", d->aspek_pos,
			       "indicator %s: unknown aspek '%s' (expected "
			       "kuantitas, kualitas, waktu or biaya)", d->id,
			       d->aspek_text);
	}
}

/* Is roster employee a an atasan, at any height, of employee b? */
static bool above(const kj_roster *r, long a, long b)
{
	for (long k = r->p[b].atasan; k >= 0; k = r->p[k].atasan)
		if (k == a)
			return true;
	return false;
}

/*
 * The RHK that RHK j's intervensi names: the first active RHK with that id
 * (what the id index answers), or -1.  Most intervensi name an RHK of the
 * direct superior: those are found among the superior's few RHK, without a
 * probe of the index, when that RHK is the first with its id (dup[] tells
 * the others).
 */
static long link_target(const kj_cascade *c, const kj_skp_set *s,
                        const kj_roster *r, size_t j, struct idx *rhk_ids,
                        const unsigned char *dup)
{
	const kj_skp_rhk_hot *rh = kj_skp_rhk_hots(s);
	long e = c->pegawai[rh[j].skp], sup = r->p[e].atasan;
	long ssk = sup >= 0 ? c->skp_of[sup] : -1;
	const char *const *iv = &s->rhk[j].intervensi;  /* read on a match */
	uint32_t h = rh[j].iv_hash;

	if (ssk >= 0) {
		const kj_skp *p = &s->skp[ssk];

		for (size_t t = p->rhk; t < p->rhk + p->nrhk; t++)
			if (rh[t].id_hash == h && !strcmp(s->rhk[t].id, *iv)) {
				if (!dup[t])
					return (long)t;
				break;
			}
	}
	return idx_probe(rhk_ids, h, iv, 0, false);
}

/* The superior's RHK ids for a message, made only when one is written. */
static const char *rhk_list(const kj_skp_set *s, long ssk, char *buf,
                            size_t size)
{
	if (ssk < 0)
		return "";
	kj_skp_rhk_list(s, (size_t)ssk, buf, size);
	return buf;
}

static void check_link(kj_cascade *c, const kj_skp_set *s,
                       const kj_roster *r, size_t j, const long *target)
{
	const kj_skp_rhk_hot *hj = &kj_skp_rhk_hots(s)[j];
	const kj_skp_rhk *h = &s->rhk[j];   /* read for messages only */
	long e = c->pegawai[hj->skp], sup = r->p[e].atasan;
	long ssk = sup >= 0 ? c->skp_of[sup] : -1;
	char wb[300], list[400];
	long t, owner;

	if (!hj->has_intervensi) {
		if (hj->jenis != KJ_RHK_UTAMA) {
			c->cascading[j] = KJ_CASC_NON;
			return;
		}
		if (sup < 0)
			return;
		if (ssk >= 0)
			add_at(c, s, KJ_SEV_ERROR, "intervensi-hilang", h->pos,
			       "RHK utama %s has no intervensi: name an RHK "
			       "of the atasan %s: %s", h->id,
			       who(r, sup, wb, sizeof wb),
			       rhk_list(s, ssk, list, sizeof list));
		else
			add_at(c, s, KJ_SEV_ERROR, "intervensi-hilang", h->pos,
			       "RHK utama %s has no intervensi (the atasan "
			       "%s has no SKP for %d)", h->id,
			       who(r, sup, wb, sizeof wb), c->tahun);
		return;
	}
	t = target[j];
	owner = t < 0 ? -1 : c->pegawai[kj_skp_rhk_hots(s)[t].skp];
	if (t >= 0 && owner == e) {
		add_at(c, s, KJ_SEV_ERROR, "intervensi-diri", h->intervensi_pos,
		       "RHK %s intervenes %s, an RHK of the same employee; "
		       "name an RHK of the atasan%s%s", h->id, h->intervensi,
		       ssk >= 0 ? ": " : "", rhk_list(s, ssk, list, sizeof list));
		return;
	}
	if (t >= 0 && owner >= 0 && owner == sup) {
		c->parent[j] = t;
		c->nchild[t]++;
		return;
	}
	if (t >= 0 && owner >= 0 && above(r, owner, e)) {
		add_at(c, s, KJ_SEV_ERROR, "intervensi-lompat",
		       h->intervensi_pos, "RHK %s intervenes %s of %s, which "
		       "skips a level: name an RHK of the direct atasan "
		       "%s%s%s", h->id, h->intervensi,
		       who(r, owner, wb, sizeof wb), r->p[sup].nip,
		       ssk >= 0 ? ": " : " (no SKP)",
		       rhk_list(s, ssk, list, sizeof list));
		return;
	}
	if (sup < 0)
		add_at(c, s, KJ_SEV_ERROR, "intervensi-bukan-atasan",
		       h->intervensi_pos, "RHK %s intervenes %s, but the "
		       "employee has no atasan in the roster", h->id,
		       h->intervensi);
	else if (ssk >= 0)
		add_at(c, s, KJ_SEV_ERROR, "intervensi-bukan-atasan",
		       h->intervensi_pos, "RHK %s intervenes %s, which is "
		       "not an RHK of the atasan %s: %s", h->id,
		       h->intervensi, who(r, sup, wb, sizeof wb),
		       rhk_list(s, ssk, list, sizeof list));
	else
		add_at(c, s, KJ_SEV_ERROR, "intervensi-bukan-atasan",
		       h->intervensi_pos, "RHK %s intervenes %s, which is "
		       "not an RHK of the atasan %s (who has no SKP for %d)",
		       h->id, h->intervensi, who(r, sup, wb, sizeof wb),
		       c->tahun);
}

/* Cycles among the intervensi links (whatever their validity): every
 * RHK has at most one outgoing link, so colouring finds each cycle once. */
static void check_cycles(kj_cascade *c, const kj_skp_set *s, long *target)
{
	unsigned char *colour = kj_xcalloc(s->nrhk + 1, 1);
	/* The links, made in place of target (-1 for an RHK that is not
	 * active or has no intervensi already). */
	long *next = target;

	for (size_t j = 0; j < s->nrhk; j++)
		if (next[j] == (long)j)
			next[j] = -1;
	for (size_t j = 0; j < s->nrhk; j++) {
		long k = (long)j;

		if (colour[j])
			continue;
		/* Walk, marking 1 (on this walk), until a known node. */
		while (k >= 0 && !colour[k]) {
			colour[k] = 1;
			k = next[k];
		}
		if (k >= 0 && colour[k] == 1) {
			/* A cycle through k: report at its first RHK. */
			char path[600];
			size_t used = 0;
			long m = k, first = k;

			do {
				if (m < first)
					first = m;
				m = next[m];
			} while (m != k);
			m = first;
			do {
				if (used + strlen(s->rhk[m].id) + 12 < sizeof path)
					used += (size_t)snprintf(
						path + used, sizeof path - used,
						"%s -> ", s->rhk[m].id);
				m = next[m];
			} while (m != first);
			snprintf(path + used, sizeof path - used, "%s",
			         s->rhk[first].id);
			add_at(c, s, KJ_SEV_ERROR, "intervensi-siklus",
			       s->rhk[first].intervensi_pos,
			       "intervensi links go round in a cycle: %s",
			       path);
		}
		/* Mark this walk done. */
		for (k = (long)j; k >= 0 && colour[k] == 1; k = next[k])
			colour[k] = 2;
	}
	free(colour);
}

void kj_cascade_check(const kj_skp_set *s, const kj_roster *r, int tahun,
                      kj_cascade *c)
{
	const kj_skp_rhk_hot *rh = kj_skp_rhk_hots(s);
	const kj_skp_ind_hot *ih = kj_skp_ind_hots(s);
	struct idx rhk_ids, ind_ids;
	struct prefaulter pf = { .n = 0 };
	kj_strmap *opds = kj_strmap_new();
	unsigned char *dup;
	long *target;
	const char *last_opd = NULL;
	char wb[300];

	memset(c, 0, sizeof *c);
	c->tahun = tahun ? tahun : kj_skp_latest_year(s);
	c->pegawai = kj_xreallocarray(NULL, s->n + 1, sizeof *c->pegawai);
	c->skp_of = kj_xreallocarray(NULL, r->n + 1, sizeof *c->skp_of);
	c->parent = kj_xreallocarray(NULL, s->nrhk + 1, sizeof *c->parent);
	c->cascading = kj_xcalloc(s->nrhk + 1, 1);
	c->nchild = kj_xcalloc(s->nrhk + 1, sizeof *c->nchild);
	c->active = kj_xcalloc(s->nrhk + 1, sizeof *c->active);
	c->opd_loaded = kj_xcalloc(r->n + 1, sizeof *c->opd_loaded);
	idx_init(&rhk_ids, s->nrhk, s->nrhk ? (const void *)&s->rhk[0].id
	                                    : NULL, sizeof *s->rhk);
	idx_init(&ind_ids, s->nind, s->nind ? (const void *)&s->ind[0].id
	                                    : NULL, sizeof *s->ind);
	dup = kj_xcalloc(s->nrhk + 1, 1);
	target = kj_xreallocarray(NULL, s->nrhk + 1, sizeof *target);
	/* All of these get written: map them in bulk, on the side, in the
	 * order the loops below come to them. */
	pf_add(&pf, c->skp_of, r->n * sizeof *c->skp_of);
	pf_add(&pf, c->pegawai, s->n * sizeof *c->pegawai);
	pf_add(&pf, c->active, s->nrhk * sizeof *c->active);
	pf_add(&pf, c->parent, s->nrhk * sizeof *c->parent);
	pf_add(&pf, rhk_ids.t, (rhk_ids.mask + 1) * sizeof *rhk_ids.t);
	pf_add(&pf, ind_ids.t, (ind_ids.mask + 1) * sizeof *ind_ids.t);
	pf_add(&pf, dup, s->nrhk);
	pf_add(&pf, target, s->nrhk * sizeof *target);
	pf_add(&pf, c->nchild, s->nrhk * sizeof *c->nchild);
	pf_add(&pf, c->cascading, s->nrhk);
	pf_add(&pf, c->opd_loaded, r->n * sizeof *c->opd_loaded);
	pf_start(&pf);
	for (size_t i = 0; i < r->n; i++)
		c->skp_of[i] = -1;
	for (size_t j = 0; j < s->nrhk; j++)
		c->parent[j] = -1;

	/* Who each SKP belongs to; two SKP of one employee. */
	for (size_t k = 0; k < s->n; k++) {
		const kj_skp *p = &s->skp[k];
		long e;

		c->pegawai[k] = -1;
		e = kj_roster_find(r, p->nip, strlen(p->nip));
		/* An SKP of any year says this run is about its OPD. */
		if (e >= 0 && (!last_opd || strcmp(last_opd, r->p[e].opd))) {
			last_opd = r->p[e].opd;
			kj_strmap_put(opds, last_opd, strlen(last_opd), 0, NULL);
		}
		if (p->tahun != c->tahun)
			continue;
		if (e < 0) {
			add_at(c, s, KJ_SEV_ERROR, "nip-tidak-dikenal", p->pos,
			       "NIP %s is not in the roster %s", p->nip,
			       r->path);
			continue;
		}
		if (c->skp_of[e] >= 0) {
			const kj_skp *o = &s->skp[c->skp_of[e]];

			add_at(c, s, KJ_SEV_ERROR, "skp-ganda", p->pos,
			       "a second SKP of %s for %d (the first is at "
			       "%s:%u); this one is ignored",
			       who(r, e, wb, sizeof wb), c->tahun,
			       kj_skp_file(s, o->pos.file), o->pos.line);
			continue;
		}
		c->skp_of[e] = (long)k;
		c->pegawai[k] = e;
		for (size_t j = p->rhk; j < p->rhk + p->nrhk; j++)
			c->active[j] = true;
	}

	/* Ids, texts of JPT and non-JPT RHK, indicators: from the compact
	 * side of the set, the structs read only for a finding. */
	for (size_t j = 0; j < s->nrhk; j++) {
		const kj_skp_rhk_hot *hj = &rh[j];
		const kj_skp_rhk *h = &s->rhk[j];
		long first, e;

		if (!c->active[j])
			continue;
		if (j + AHEAD < s->nrhk)
			idx_prefetch(&rhk_ids, rh[j + AHEAD].id_hash);
		first = idx_probe(&rhk_ids, hj->id_hash, NULL, j, true);
		if (first >= 0) {
			dup[j] = 1;
			const kj_skp_rhk *o = &s->rhk[first];

			add_at(c, s, KJ_SEV_ERROR, "id-ganda", h->id_pos,
			       "RHK id %s is already used at %s:%u", h->id,
			       kj_skp_file(s, o->id_pos.file), o->id_pos.line);
		}
		e = c->pegawai[hj->skp];
		if (kj_jenis_is_jpt(r->p[e].jenis)) {
			if (hj->has_intervensi)
				add_at(c, s, KJ_SEV_ERROR, "jpt-intervensi",
				       h->intervensi_pos, "RHK %s of a JPT "
				       "(%s) has intervensi %s: a JPT's RHK "
				       "come from the Perjanjian Kinerja",
				       h->id, r->p[e].jabatan, h->intervensi);
			if (hj->perspektif == KJ_PERSPEKTIF_NONE)
				add_at(c, s, KJ_SEV_ERROR, "perspektif-hilang",
				       h->pos, "RHK %s of a JPT (%s) has no "
				       "perspektif (penerima_layanan, "
				       "proses_bisnis, penguatan_internal or "
				       "anggaran)", h->id, r->p[e].jabatan);
		} else if (hj->perspektif != KJ_PERSPEKTIF_NONE) {
			add_at(c, s, KJ_SEV_ERROR, "perspektif-non-jpt",
			       h->perspektif_pos, "RHK %s has perspektif, "
			       "which only a JPT's RHK take (%s is %s)", h->id,
			       r->p[e].nip, *kj_jenis_word(r->p[e].jenis)
			       ? kj_jenis_word(r->p[e].jenis) : "not a JPT");
		}
		if (hj->perspektif == KJ_PERSPEKTIF_UNKNOWN)
			add_at(c, s, KJ_SEV_ERROR, "perspektif-salah",
			       h->perspektif_pos, "RHK %s: unknown perspektif "
			       "'%s' (expected penerima_layanan, proses_bisnis, "
			       "penguatan_internal or anggaran)", h->id,
			       h->perspektif_text);
		check_indicators(c, s, hj, ih, &ind_ids);
	}

	/* What each intervensi names, once for the links and the cycles. */
	for (size_t j = 0; j < s->nrhk; j++)
		target[j] = c->active[j] && rh[j].has_intervensi
		            ? link_target(c, s, r, j, &rhk_ids, dup) : -1;

	/* Links. */
	for (size_t j = 0; j < s->nrhk; j++) {
		long e;

		if (!c->active[j])
			continue;
		e = c->pegawai[rh[j].skp];
		if (kj_jenis_is_jpt(r->p[e].jenis))
			continue;
		if (is_top(r, e) && !rh[j].has_intervensi) {
			if (rh[j].jenis != KJ_RHK_UTAMA)
				c->cascading[j] = KJ_CASC_NON;
			continue;
		}
		check_link(c, s, r, j, target);
	}
	check_cycles(c, s, target);
	for (size_t j = 0; j < s->nrhk; j++) {
		long t = c->parent[j];

		if (t < 0)
			continue;
		c->cascading[j] = c->nchild[t] == 1 &&
		                  kj_rhk_same_text(s->rhk[j].teks,
		                                   s->rhk[t].teks)
		                  ? KJ_CASC_DIRECT : KJ_CASC_INDIRECT;
	}

	/* Not cascaded: an RHK utama of a superior none of whose direct
	 * subordinates with an SKP intervenes it. */
	for (size_t e = 0; e < r->n; e++) {
		long k = c->skp_of[e];
		size_t nb, withskp = 0;
		const long *b;
		const kj_skp *p;

		if (k < 0)
			continue;
		b = kj_roster_bawahan(r, (long)e, &nb);
		for (size_t i = 0; i < nb; i++)
			withskp += c->skp_of[b[i]] >= 0;
		if (!withskp)
			continue;
		p = &s->skp[k];
		for (size_t j = p->rhk; j < p->rhk + p->nrhk; j++)
			if (rh[j].jenis == KJ_RHK_UTAMA &&
			    c->nchild[j] == 0)
				add_at(c, s, KJ_SEV_WARNING, "tidak-diturunkan",
				       s->rhk[j].pos, "RHK %s is not cascaded: "
				       "none of the %zu subordinate%s with an "
				       "SKP intervenes it", s->rhk[j].id,
				       withskp, withskp == 1 ? "" : "s");
	}

	/* Employees without SKP, in the OPDs this run is about (the roster
	 * stores each OPD code once: the employees of one OPD, mostly
	 * together, share its pointer). */
	last_opd = NULL;
	bool loaded = false;
	for (size_t e = 0; e < r->n; e++) {
		const kj_pegawai *p = &r->p[e];

		if (p->opd != last_opd) {
			last_opd = p->opd;
			loaded = kj_strmap_get(opds, p->opd, strlen(p->opd))
			         != KJ_STRMAP_NONE;
		}
		c->opd_loaded[e] = loaded;
		if (c->skp_of[e] >= 0 || !c->opd_loaded[e] ||
		    kj_pegawai_has_ket(p, "tugas_belajar") ||
		    kj_pegawai_has_ket(p, "cltn"))
			continue;
		add(c, KJ_SEV_ERROR, "tidak-menyusun-skp", s->nfiles, r->path,
		    p->line, 1,
		    "%s, %s: tidak menyusun SKP %d (no SKP for the year)",
		    who(r, (long)e, wb, sizeof wb), p->jabatan, c->tahun);
	}
	sort_findings(c);
	pf_join(&pf);
	free(rhk_ids.t);
	free(ind_ids.t);
	free(dup);
	free(target);
	kj_strmap_free(opds);
}

void kj_cascade_free(kj_cascade *c)
{
	for (size_t i = 0; i < c->nf; i++)
		free(c->f[i].msg);
	free(c->f);
	free(c->pegawai);
	free(c->skp_of);
	free(c->parent);
	free(c->cascading);
	free(c->nchild);
	free(c->active);
	free(c->opd_loaded);
	memset(c, 0, sizeof *c);
}
