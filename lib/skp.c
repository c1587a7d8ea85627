/*
 * skp: see skp.h.
 *
 * The YAML loader is a recursive descent over libyaml's events for the one
 * shape an SKP document has (mapping -> rhk sequence -> mapping ->
 * indikator sequence -> mapping).  Scalars are copied once, into the set's
 * arena (texts, ids, NIPs) or its intern table (satuan, aspek,
 * perspektif); nothing else is allocated per node.
 */
#include "skp.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "colreg.h"
#include "io.h"
#include "mem.h"
#include "nip.h"
#include "strmap.h"
#include "tsv.h"
#include "yaml.h"

const char *const kj_rhk_jenis_words[2] = { "utama", "tambahan" };
const char *const kj_pendekatan_words[2] = { "kuantitatif", "kualitatif" };
const char *const kj_aspek_words[KJ_ASPEK_N] = {
	"kuantitas", "kualitas", "waktu", "biaya"
};
const char *const kj_perspektif_words[KJ_PERSPEKTIF_N] = {
	"penerima_layanan", "proses_bisnis", "penguatan_internal", "anggaran"
};
const char *const kj_polaritas_words[2] = { "positif", "negatif" };

/* ---- the set ------------------------------------------------------------ */

struct block {
	struct block *next;
	size_t used, cap;
	size_t mapped;            /* bytes of its own mapping (the feeder's) */
	char text[];
};

/* A small cache in front of the intern table: the few words of satuan,
 * aspek and perspektif come again and again. */
#define ICACHE 64

struct icache {
	const char *str;          /* interned; NULL when empty */
	size_t len;
};

struct kj_skp_priv {
	unsigned opts;            /* KJ_SKP_NO_IND_TEKS... */
	struct block *blocks;
	kj_strmap *intern;
	struct icache icache[ICACHE];
	/* How many bytes of skp, rhk, ind are prefaulted (see ahead()). */
	size_t pf_skp, pf_rhk, pf_ind;
	size_t capskp, caprhk, capind, capfiles;
	/* Bytes mapped for skp, rhk, ind (0 while they are on the heap). */
	size_t mapskp, maprhk, mapind;
	/* The compact side (skp.h), its capacities, mappings, prefaulted
	 * bytes, and how many of its elements are filled (sealed). */
	kj_skp_rhk_hot *rhot;
	kj_skp_ind_hot *ihot;
	size_t caprhot, capihot, maprhot, mapihot, pf_rhot, pf_ihot;
	size_t rsealed, isealed;
	/* Built on the first find, dropped when the set grows. */
	kj_strmap *by_nip, *by_rhk, *by_ind;
	size_t indexed_n;
	/* While a big file loads: the thread that maps pages ahead. */
	struct feeder *feed;
	struct block *feed_block;
};

kj_skp_set *kj_skp_set_new(void)
{
	kj_skp_set *s = kj_xcalloc(1, sizeof *s);

	s->priv = kj_xcalloc(1, sizeof *s->priv);
	s->priv->intern = kj_strmap_new();
	return s;
}

void kj_skp_set_options(kj_skp_set *s, unsigned opts)
{
	s->priv->opts = opts;
}

static void drop_index(struct kj_skp_priv *p)
{
	kj_strmap_free(p->by_nip);
	kj_strmap_free(p->by_rhk);
	kj_strmap_free(p->by_ind);
	p->by_nip = p->by_rhk = p->by_ind = NULL;
}

/*
 * The arrays of SKP, RHK and indicators grow by doubling.  On the heap a
 * grown array is a copy (glibc keeps blocks below its dynamic mmap
 * threshold, up to 32 MiB, in the heap, and the copy writes fresh pages):
 * at 100,000 employees that copying was a fifth of the YAML load and two
 * fifths of the TSV load.  So past MAP_MIN an array lives in its own
 * mapping and grows with mremap, which moves the pages instead of their
 * contents; what ahead() prefaulted stays mapped.
 */
#define MAP_MIN ((size_t)256 << 10)

static void free_array(void *p, size_t mapped)
{
	if (mapped)
		munmap(p, mapped);
	else
		free(p);
}

static void grow_array(void *items, size_t *cap, size_t need, size_t size,
                       size_t *mapped)
{
	void **pp = items;
	size_t c = *cap, bytes;
	long ps;
	void *q;

	if (need <= c)
		return;
	if (c < 16)
		c = 16;
	while (c < need) {
		if (c > SIZE_MAX / 4 / size)
			kj_die(KJ_EXIT_INTERNAL, "out of memory (%zu items)",
			       need);
		c *= 2;
	}
	bytes = c * size;
	if (bytes < MAP_MIN && !*mapped) {
		*pp = kj_xreallocarray(*pp, c, size);
		*cap = c;
		return;
	}
	ps = sysconf(_SC_PAGESIZE);
	if (ps <= 0)
		ps = 4096;
	bytes = (bytes + (size_t)ps - 1) / (size_t)ps * (size_t)ps;
	if (*mapped) {
		q = mremap(*pp, *mapped, bytes, MREMAP_MAYMOVE);
	} else {
		q = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (q != MAP_FAILED) {
			if (*cap)
				memcpy(q, *pp, *cap * size);
			free(*pp);
		}
	}
	if (q == MAP_FAILED)
		kj_die(KJ_EXIT_INTERNAL, "out of memory (allocating %zu "
		       "bytes)", bytes);
#ifdef MADV_HUGEPAGE
	madvise(q, bytes, MADV_HUGEPAGE);
#endif
	*pp = q;
	*mapped = bytes;
	*cap = bytes / size;
}

static void feed_stop(kj_skp_set *s);

void kj_skp_set_free(kj_skp_set *s)
{
	if (!s)
		return;
	feed_stop(s);
	while (s->priv->blocks) {
		struct block *b = s->priv->blocks;

		s->priv->blocks = b->next;
		if (b->mapped)
			munmap(b, b->mapped);
		else
			free(b);
	}
	drop_index(s->priv);
	kj_strmap_free(s->priv->intern);
	for (size_t i = 0; i < s->nfiles; i++)
		free((char *)s->files[i]);
	free(s->files);
	free_array(s->skp, s->priv->mapskp);
	free_array(s->rhk, s->priv->maprhk);
	free_array(s->ind, s->priv->mapind);
	free_array(s->priv->rhot, s->priv->maprhot);
	free_array(s->priv->ihot, s->priv->mapihot);
	free(s->priv);
	free(s);
}

/*
 * The feeder.  The first write to a fresh page of memory costs the kernel
 * a page fault and the zeroing of the page; in the VMs we measure on that
 * is about 2 ms per MB, a third of the CPU time of loading skp.tsv.  For
 * a big regular file the arrays and the arena are reserved at once, at a
 * size bounded by the file's (address space only: MAP_NORESERVE, nothing
 * is touched), and a second thread maps their pages a few MB ahead of
 * where the loader writes, so that the zeroing runs on another core.
 * Nothing changes in what is loaded; where the loader overtakes the
 * feeder it faults the pages itself, as without it.  An array that
 * outgrows its reservation stops the feeder first (it would move).
 */
enum { R_SKP, R_RHK, R_IND, R_RHOT, R_IHOT, R_TEXT, R_N };

struct feeder {
	pthread_t th;
	atomic_int stop;
	char *base[R_N];
	size_t cap[R_N];             /* bytes */
	atomic_size_t used[R_N];     /* bytes the loader has written */
	size_t done[R_N];            /* bytes mapped (the feeder's own) */
	/* Bytes of the file read so far (about), and its size: from them,
	 * how big each region will end, so that no more is mapped. */
	atomic_size_t consumed;
	size_t total;
};

/* From this file size on (below it the load is quick anyway). */
#define FEED_MIN ((size_t)16 << 20)
/* How far ahead of the loader, in steps of a huge page. */
#define FEED_AHEAD ((size_t)4 << 20)
#define FEED_STEP ((size_t)2 << 20)

static void feed_note(struct kj_skp_priv *p, int r, size_t used)
{
	if (p->feed)
		atomic_store_explicit(&p->feed->used[r], used,
		                      memory_order_relaxed);
}

/* The file read so far, about (for the feeder's estimate). */
static void feed_progress(struct kj_skp_priv *p, size_t bytes)
{
	if (p->feed)
		atomic_store_explicit(&p->feed->consumed, bytes,
		                      memory_order_relaxed);
}

/* Where a region will end, about: in proportion to the file read. */
static size_t feed_estimate(const struct feeder *f, size_t used)
{
	size_t c = atomic_load_explicit(&f->consumed, memory_order_relaxed);

	if (c < f->total / 64 || c >= f->total || used > SIZE_MAX / f->total)
		return SIZE_MAX;
	used = used / c * f->total + used % c * f->total / c;
	return used + used / 32 + ((size_t)256 << 10);
}

static void *feed_run(void *arg)
{
	struct feeder *f = arg;

	while (!atomic_load_explicit(&f->stop, memory_order_relaxed)) {
		bool worked = false;

		for (int r = 0; r < R_N; r++) {
			size_t used = atomic_load_explicit(
				&f->used[r], memory_order_relaxed);
			size_t want = used + FEED_AHEAD, end;
			size_t est = feed_estimate(f, used);

			if (want > est)
				want = est;
			if (want > f->cap[r])
				want = f->cap[r];
			/* Pages the loader has passed are its own. */
			if (f->done[r] < used / FEED_STEP * FEED_STEP)
				f->done[r] = used / FEED_STEP * FEED_STEP;
			if (f->done[r] >= want)
				continue;
			end = f->done[r] + FEED_STEP;
			if (end > want)
				end = want;
			kj_prefault(f->base[r] + f->done[r], end - f->done[r]);
			f->done[r] = end;
			worked = true;
		}
		if (!worked) {
			struct timespec ts = { 0, 500000 };

			nanosleep(&ts, NULL);
		}
	}
	return NULL;
}

static void feed_stop(kj_skp_set *s)
{
	struct feeder *f = s->priv->feed;

	if (!f)
		return;
	atomic_store_explicit(&f->stop, 1, memory_order_relaxed);
	pthread_join(f->th, NULL);
	free(f);
	s->priv->feed = NULL;
	s->priv->feed_block = NULL;
}

/* An anonymous mapping of n bytes (rounded up to pages) that reserves
 * address space only; NULL when refused. */
static void *reserve(size_t *n)
{
	long ps = sysconf(_SC_PAGESIZE);
	void *q;

	if (ps <= 0)
		ps = 4096;
	*n = (*n + (size_t)ps - 1) / (size_t)ps * (size_t)ps;
	q = mmap(NULL, *n, PROT_READ | PROT_WRITE,
	         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (q == MAP_FAILED)
		return NULL;
#ifdef MADV_HUGEPAGE
	madvise(q, *n, MADV_HUGEPAGE);
#endif
	return q;
}

/*
 * Before loading a regular file of BYTES into an empty set: reserve for
 * what it can hold at most (MIN_ROW: the fewest bytes an indicator, an
 * RHK or an SKP takes in its format) and start the feeder.  Does nothing
 * when the set is not empty, the file is small, or the system refuses.
 */
static void feed_start(kj_skp_set *s, size_t bytes, size_t min_row)
{
	struct kj_skp_priv *p = s->priv;
	size_t rows, len[R_N], size[R_N];
	char *base[R_N] = { NULL };
	struct feeder *f;
	struct block *b;
	int r;

	if (p->feed || bytes < FEED_MIN || s->n || s->nrhk || s->nind ||
	    s->skp || s->rhk || s->ind || p->rhot || p->ihot ||
	    bytes > SIZE_MAX / 64)
		return;
	rows = bytes / min_row + 1024;
	size[R_SKP] = sizeof *s->skp;
	size[R_RHK] = sizeof *s->rhk;
	size[R_IND] = sizeof *s->ind;
	size[R_RHOT] = sizeof *p->rhot;
	size[R_IHOT] = sizeof *p->ihot;
	size[R_TEXT] = 1;
	for (r = 0; r < R_N; r++) {
		if (r == R_TEXT)
			/* Every text is in the file, with a NUL more. */
			len[r] = sizeof *b + bytes + bytes / 2 + 4096;
		else if (rows > SIZE_MAX / 2 / size[r])
			break;
		else
			len[r] = rows * size[r];
		base[r] = reserve(&len[r]);
		if (!base[r])
			break;
	}
	if (r < R_N) {
		while (r-- > 0)
			munmap(base[r], len[r]);
		return;
	}
	s->skp = (kj_skp *)(void *)base[R_SKP];
	p->mapskp = p->pf_skp = len[R_SKP];
	p->capskp = len[R_SKP] / size[R_SKP];
	s->rhk = (kj_skp_rhk *)(void *)base[R_RHK];
	p->maprhk = p->pf_rhk = len[R_RHK];
	p->caprhk = len[R_RHK] / size[R_RHK];
	s->ind = (kj_skp_indikator *)(void *)base[R_IND];
	p->mapind = p->pf_ind = len[R_IND];
	p->capind = len[R_IND] / size[R_IND];
	p->rhot = (kj_skp_rhk_hot *)(void *)base[R_RHOT];
	p->maprhot = p->pf_rhot = len[R_RHOT];
	p->caprhot = len[R_RHOT] / size[R_RHOT];
	p->ihot = (kj_skp_ind_hot *)(void *)base[R_IHOT];
	p->mapihot = p->pf_ihot = len[R_IHOT];
	p->capihot = len[R_IHOT] / size[R_IHOT];
	b = (struct block *)(void *)base[R_TEXT];
	b->used = 0;
	b->cap = len[R_TEXT] - sizeof *b;
	b->mapped = len[R_TEXT];
	b->next = p->blocks;
	p->blocks = b;

	f = kj_xcalloc(1, sizeof *f);
	for (r = 0; r < R_N; r++) {
		f->base[r] = base[r];
		f->cap[r] = len[r];
		atomic_init(&f->used[r], 0);
	}
	atomic_init(&f->used[R_TEXT], sizeof *b);
	atomic_init(&f->stop, 0);
	atomic_init(&f->consumed, 0);
	f->total = bytes;
	if (pthread_create(&f->th, NULL, feed_run, f) != 0) {
		/* No feeder: the loader maps its pages as it goes. */
		free(f);
		p->pf_skp = p->pf_rhk = p->pf_ind = p->pf_rhot = p->pf_ihot = 0;
		return;
	}
	p->feed = f;
	p->feed_block = b;
}

/* The fewest bytes of an indicator, an RHK or an SKP: a YAML flow
 * mapping "{id: a}," and a TSV row of three columns with an 18-digit NIP. */
#define YAML_MIN_ROW 8
#define TSV_MIN_ROW 24

/* feed_start for PATH when it is a regular file, not compressed. */
static void feed_file(kj_skp_set *s, const char *path, size_t min_row)
{
	struct stat st;
	size_t n = strlen(path);

	if (n >= 3 && !strcmp(path + n - 3, ".gz"))
		return;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		feed_start(s, (size_t)st.st_size, min_row);
}

/* The arena's blocks: from 64 KiB (a small set stays small) doubling up
 * to 8 MiB, the size from which lib/mem asks for transparent huge pages
 * (one fault per 2 MiB instead of per 4 KiB); each mapped in one go
 * (kj_prefault) since it fills up but for the last. */
#define ARENA_FIRST ((size_t)64 << 10)
#define ARENA_BLOCK ((size_t)8 << 20)

/* A copy of s[0..len) in the arena, NUL-terminated. */
static const char *store(kj_skp_set *s, const char *str, size_t len)
{
	struct block *b = s->priv->blocks;
	char *p;

	if (len == 0)
		return "";
	if (!b || b->cap - b->used < len + 1) {
		size_t cap = !b ? ARENA_FIRST : b->cap < ARENA_BLOCK ?
		             b->cap * 2 : ARENA_BLOCK;

		if (cap < len + 1)
			cap = len + 1;

		b = kj_xmalloc(sizeof *b + cap);
		kj_prefault(b->text, cap);
		b->used = 0;
		b->cap = cap;
		b->mapped = 0;
		b->next = s->priv->blocks;
		s->priv->blocks = b;
	}
	p = b->text + b->used;
	memcpy(p, str, len);
	p[len] = '\0';
	b->used += len + 1;
	if (b == s->priv->feed_block)
		feed_note(s->priv, R_TEXT, sizeof *b + b->used);
	return p;
}

/* The one copy of s[0..len) that every equal string shares. */
static const char *intern(kj_skp_set *s, const char *str, size_t len)
{
	kj_strmap *m = s->priv->intern;
	struct icache *c;

	if (len == 0)
		return "";
	c = &s->priv->icache[(len * 31 + (unsigned char)str[0] * 7 +
	                      (unsigned char)str[len - 1]) % ICACHE];
	if (c->str && c->len == len && !memcmp(c->str, str, len))
		return c->str;
	c->str = kj_strmap_key(m, kj_strmap_put(m, str, len,
	                                        kj_strmap_count(m), NULL));
	c->len = len;
	return c->str;
}

static uint32_t add_file(kj_skp_set *s, const char *name)
{
	kj_grow(&s->files, &s->priv->capfiles, s->nfiles + 1,
	        sizeof *s->files);
	s->files[s->nfiles] = kj_xstrdup(name);
	return (uint32_t)s->nfiles++;
}

const char *kj_skp_file(const kj_skp_set *s, uint32_t file)
{
	return file < s->nfiles ? s->files[file] : "";
}

/*
 * Prefault an array of the set a chunk ahead of what is written: *done
 * bytes from its start are mapped; when used passes it, map up to a chunk
 * more (within cap), so the pages of a growing array come in bulk rather
 * than one fault each.  Realloc keeps the prefix, so offsets stay valid.
 */
#define PREFAULT_CHUNK ((size_t)1 << 20)

static void ahead(void *base, size_t used, size_t cap, size_t *done)
{
	size_t end;

	if (used <= *done)
		return;
	end = used + PREFAULT_CHUNK;
	if (end > cap)
		end = cap;
	kj_prefault((char *)base + *done, end - *done);
	*done = end;
}

static kj_skp *new_skp(kj_skp_set *s)
{
	kj_skp *k;

	if (s->priv->feed && s->n + 1 > s->priv->capskp)
		feed_stop(s);
	grow_array(&s->skp, &s->priv->capskp, s->n + 1, sizeof *s->skp,
	           &s->priv->mapskp);
	ahead(s->skp, (s->n + 1) * sizeof *s->skp,
	      s->priv->capskp * sizeof *s->skp, &s->priv->pf_skp);
	k = &s->skp[s->n++];
	feed_note(s->priv, R_SKP, s->n * sizeof *s->skp);
	memset(k, 0, sizeof *k);
	k->nip = "";
	k->rhk = s->nrhk;
	return k;
}

static kj_skp_rhk *new_rhk(kj_skp_set *s)
{
	struct kj_skp_priv *p = s->priv;
	kj_skp_rhk_hot *h;
	kj_skp_rhk *r;

	if (p->feed && (s->nrhk + 1 > p->caprhk || s->nrhk + 1 > p->caprhot))
		feed_stop(s);
	grow_array(&s->rhk, &s->priv->caprhk, s->nrhk + 1, sizeof *s->rhk,
	           &s->priv->maprhk);
	ahead(s->rhk, (s->nrhk + 1) * sizeof *s->rhk,
	      s->priv->caprhk * sizeof *s->rhk, &s->priv->pf_rhk);
	grow_array(&p->rhot, &p->caprhot, s->nrhk + 1, sizeof *p->rhot,
	           &p->maprhot);
	ahead(p->rhot, (s->nrhk + 1) * sizeof *p->rhot,
	      p->caprhot * sizeof *p->rhot, &p->pf_rhot);
	if (s->nrhk >= UINT32_MAX - 1 || s->n > UINT32_MAX)
		kj_die(KJ_EXIT_INTERNAL, "too many RHK (%zu)", s->nrhk);
	h = &p->rhot[s->nrhk];
	memset(h, 0, sizeof *h);
	h->skp = (uint32_t)(s->n - 1);
	h->ind = (uint32_t)s->nind;
	h->perspektif = KJ_PERSPEKTIF_NONE;
	r = &s->rhk[s->nrhk++];
	feed_note(p, R_RHK, s->nrhk * sizeof *s->rhk);
	feed_note(p, R_RHOT, s->nrhk * sizeof *p->rhot);
	memset(r, 0, sizeof *r);
	r->id = r->teks = r->perspektif_text = "";
	r->perspektif = KJ_PERSPEKTIF_NONE;
	r->skp = (uint32_t)(s->n - 1);
	r->ind = (uint32_t)s->nind;
	s->skp[s->n - 1].nrhk++;
	return r;
}

/* Fill the compact side of RHK i (all of its fields are read). */
static void seal_rhk(kj_skp_set *s, size_t i)
{
	const kj_skp_rhk *r = &s->rhk[i];
	kj_skp_rhk_hot *h = &s->priv->rhot[i];

	h->id_hash = kj_skp_id_hash(r->id);
	h->has_intervensi = r->intervensi != NULL;
	h->iv_hash = r->intervensi ? kj_skp_id_hash(r->intervensi) : 0;
	h->jenis = (uint8_t)r->jenis;
	h->perspektif = (int8_t)r->perspektif;
	if (i + 1 > s->priv->rsealed)
		s->priv->rsealed = i + 1;
}

static void seal_ind(kj_skp_set *s, size_t i)
{
	const kj_skp_indikator *d = &s->ind[i];
	kj_skp_ind_hot *h = &s->priv->ihot[i];

	h->id_hash = kj_skp_id_hash(d->id);
	h->target_kind = (uint8_t)d->target.kind;
	h->aspek = (int8_t)d->aspek;
	if (i + 1 > s->priv->isealed)
		s->priv->isealed = i + 1;
}

/* At the end of a load (whole or cut short by an error): fill what the
 * loader did not (nothing, after a complete load). */
static void seal_rest(kj_skp_set *s)
{
	for (size_t i = s->priv->rsealed; i < s->nrhk; i++)
		seal_rhk(s, i);
	for (size_t i = s->priv->isealed; i < s->nind; i++)
		seal_ind(s, i);
}

/* lib/strmap's hash, cut to 32 bits: ids are 20 to 30 bytes. */
uint32_t kj_skp_id_hash(const char *id)
{
	return (uint32_t)kj_strmap_hash(id, strlen(id));
}

const kj_skp_rhk_hot *kj_skp_rhk_hots(const kj_skp_set *s)
{
	return s->priv->rhot;
}

const kj_skp_ind_hot *kj_skp_ind_hots(const kj_skp_set *s)
{
	return s->priv->ihot;
}

static kj_skp_indikator *new_ind(kj_skp_set *s)
{
	struct kj_skp_priv *p = s->priv;
	kj_skp_ind_hot *h;
	kj_skp_indikator *d;

	if (p->feed && (s->nind + 1 > p->capind || s->nind + 1 > p->capihot))
		feed_stop(s);
	grow_array(&s->ind, &s->priv->capind, s->nind + 1, sizeof *s->ind,
	           &s->priv->mapind);
	ahead(s->ind, (s->nind + 1) * sizeof *s->ind,
	      s->priv->capind * sizeof *s->ind, &s->priv->pf_ind);
	grow_array(&p->ihot, &p->capihot, s->nind + 1, sizeof *p->ihot,
	           &p->mapihot);
	ahead(p->ihot, (s->nind + 1) * sizeof *p->ihot,
	      p->capihot * sizeof *p->ihot, &p->pf_ihot);
	if (s->nind >= UINT32_MAX - 1)
		kj_die(KJ_EXIT_INTERNAL, "too many indicators (%zu)",
		       s->nind);
	h = &p->ihot[s->nind];
	memset(h, 0, sizeof *h);
	h->aspek = KJ_ASPEK_NONE;
	p->rhot[s->nrhk - 1].nind++;
	d = &s->ind[s->nind++];
	feed_note(p, R_IND, s->nind * sizeof *s->ind);
	feed_note(p, R_IHOT, s->nind * sizeof *p->ihot);
	memset(d, 0, sizeof *d);
	d->id = d->teks = d->satuan = d->aspek_text = "";
	d->target.text = "";
	d->aspek = KJ_ASPEK_NONE;
	d->rhk = (uint32_t)(s->nrhk - 1);
	s->rhk[s->nrhk - 1].nind++;
	return d;
}

/* ---- values ------------------------------------------------------------- */

static int word_index(const char *const *words, int n, const char *str,
                      size_t len)
{
	const char *w;

	/* The word as written (nearly every value): no need to ask the
	 * registry, which maps each of these words to itself (a unit test
	 * holds it to that). */
	for (int i = 0; i < n; i++)
		if (strlen(words[i]) == len && !memcmp(words[i], str, len))
			return i;
	w = kj_enum_word(str, len);

	for (int i = 0; i < n; i++)
		if (w ? !strcmp(w, words[i])
		      : (strlen(words[i]) == len && !memcmp(words[i], str, len)))
			return i;
	return -1;
}

int kj_aspek_parse(const char *s, size_t len)
{
	return word_index(kj_aspek_words, KJ_ASPEK_N, s, len);
}

int kj_perspektif_parse(const char *s, size_t len)
{
	return word_index(kj_perspektif_words, KJ_PERSPEKTIF_N, s, len);
}

/* A decimal at *p (digits, optional '.' or ',' and at most
 * KJ_SKP_DECIMALS decimals) as a scaled integer; advances *p. */
static int scaled(const char **p, const char *e, int64_t *out)
{
	const char *s = *p;
	int64_t v = 0;
	int digits = 0, dec = -1;

	while (s < e) {
		if (*s >= '0' && *s <= '9') {
			if (dec >= 0 && ++dec > KJ_SKP_DECIMALS) {
				if (*s != '0')
					return -1;
				s++;
				continue;
			}
			if (v > (INT64_MAX / 10 - 9) / KJ_SKP_SCALE)
				return -1;
			v = v * 10 + (*s - '0');
			digits++;
		} else if ((*s == '.' || *s == ',') && dec < 0 && digits) {
			dec = 0;
		} else {
			break;
		}
		s++;
	}
	if (!digits || dec == 0)
		return -1;
	for (int k = dec < 0 ? 0 : (dec > KJ_SKP_DECIMALS ? KJ_SKP_DECIMALS
	                                                  : dec);
	     k < KJ_SKP_DECIMALS; k++)
		v *= 10;
	*out = v;
	*p = s;
	return 0;
}

static const char *skip_sp(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

int kj_skp_target_parse(const char *s, size_t len, kj_skp_target *t)
{
	const char *p = s, *e = s + len;
	int64_t lo, hi;

	memset(t, 0, sizeof *t);
	t->text = s;
	p = skip_sp(p, e);
	if (p == e) {
		t->kind = KJ_TARGET_NONE;
		return t->kind;
	}
	t->kind = KJ_TARGET_BAD;
	if (scaled(&p, e, &lo))
		return t->kind;
	p = skip_sp(p, e);
	if (p == e) {
		t->kind = KJ_TARGET_NUMBER;
		t->lo = t->hi = lo;
		return t->kind;
	}
	if (*p != '-')
		return t->kind;
	p = skip_sp(p + 1, e);
	if (scaled(&p, e, &hi) || skip_sp(p, e) != e || hi < lo)
		return t->kind;
	t->kind = KJ_TARGET_RANGE;
	t->lo = lo;
	t->hi = hi;
	return t->kind;
}

static void fmt_scaled(int64_t v, char *buf, size_t size)
{
	int64_t whole = v / KJ_SKP_SCALE, frac = v % KJ_SKP_SCALE;
	int n;

	n = snprintf(buf, size, "%lld", (long long)whole);
	if (frac && n > 0 && (size_t)n < size) {
		char d[8];
		int k = KJ_SKP_DECIMALS;

		snprintf(d, sizeof d, "%04lld", (long long)frac);
		while (k > 0 && d[k - 1] == '0')
			d[--k] = '\0';
		snprintf(buf + n, size - (size_t)n, ".%s", d);
	}
}

void kj_skp_target_format(const kj_skp_target *t, char *buf, size_t size)
{
	char a[32], b[32];

	switch (t->kind) {
	case KJ_TARGET_NUMBER:
		fmt_scaled(t->lo, buf, size);
		break;
	case KJ_TARGET_RANGE:
		fmt_scaled(t->lo, a, sizeof a);
		fmt_scaled(t->hi, b, sizeof b);
		snprintf(buf, size, "%s-%s", a, b);
		break;
	case KJ_TARGET_BAD:
		snprintf(buf, size, "%s", t->text);
		break;
	default:
		if (size)
			buf[0] = '\0';
	}
}

/* ---- YAML --------------------------------------------------------------- */

struct yl {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have;
	kj_skp_set *s;
	uint32_t file;
	const char *name;
	kj_err *err;
	kj_input *in;
	kj_err read_err;
	bool read_failed;
	kj_ytail tail;          /* the input's last line (kj_ytail_place) */
	size_t consumed;        /* bytes read */
};

static void yerr(struct yl *y, const yaml_mark_t *m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void yerr(struct yl *y, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kj_err_setv(y->err, y->name, m ? (long)m->line + 1 : 0,
	            m ? (long)m->column + 1 : 0, fmt, ap);
	va_end(ap);
	y->err->status = KJ_EXIT_USAGE;
}

static kj_skp_pos ypos(const struct yl *y, const yaml_mark_t *m)
{
	kj_skp_pos p;

	p.file = y->file;
	p.line = m->line < UINT32_MAX ? (uint32_t)m->line + 1 : UINT32_MAX;
	p.col = m->column < UINT32_MAX ? (uint32_t)m->column + 1
	                               : UINT32_MAX;
	return p;
}

/* Place of a reader error (see lib/yaml.c, reader_place). */
static void reader_place(const yaml_parser_t *p, long *line, long *col)
{
	const unsigned char *s = p->buffer.pointer, *e = p->buffer.last;
	size_t l = p->mark.line, c = p->mark.column;

	if (s && e && s <= e) {
		while (s < e) {
			if (s[0] == '\r' && s + 1 < e && s[1] == '\n') {
				l++, c = 0, s += 2;
			} else if (s[0] == '\r' || s[0] == '\n') {
				l++, c = 0, s++;
			} else {
				s++;
				while (s < e && (*s & 0xC0) == 0x80)
					s++;
				c++;
			}
		}
	}
	*line = (long)l + 1;
	*col = (long)c + 1;
}

static void parser_error(struct yl *y)
{
	const yaml_parser_t *p = &y->parser;
	const char *problem = p->problem ? p->problem : "unknown error";
	long line, col;

	if (p->error == YAML_MEMORY_ERROR) {
		kj_err_set(y->err, y->name, 0, 0,
		           "out of memory while reading YAML");
		y->err->status = KJ_EXIT_INTERNAL;
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		if (y->read_failed) {
			*y->err = y->read_err;
			y->err->line = y->err->col = 0;
			return;
		}
		reader_place(p, &line, &col);
		kj_err_set(y->err, y->name, line, col,
		           "%s at byte offset %zu: expected UTF-8 text",
		           problem, p->problem_offset);
		return;
	}
	yaml_mark_t pm = p->problem_mark;

	/* libyaml's end of an input without a final line break is past
	 * its last line: the end of that line instead. */
	kj_ytail_place(&y->tail, p->eof && pm.index == p->mark.index,
	               &pm.line, &pm.column);
	if (p->context && (p->context_mark.line != pm.line ||
	                   p->context_mark.column != pm.column))
		yerr(y, &pm,
		     "%s (%s that starts at line %zu, column %zu)", problem,
		     p->context, p->context_mark.line + 1,
		     p->context_mark.column + 1);
	else if (p->context)
		yerr(y, &pm, "%s (%s)", problem, p->context);
	else
		yerr(y, &pm, "%s", problem);
}

static bool tag_is(const yaml_char_t *tag, const char *full)
{
	return tag && !strcmp((const char *)tag, full);
}

/* The next event into y->ev; refuses aliases, anchors and tags. */
static int next(struct yl *y)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;

	if (y->have)
		yaml_event_delete(&y->ev);
	y->have = false;
	if (!yaml_parser_parse(&y->parser, &y->ev)) {
		parser_error(y);
		return -1;
	}
	y->have = true;
	switch (y->ev.type) {
	case YAML_STREAM_START_EVENT:
		/* UTF-8 only, as lib/yaml: libyaml would decode a file with
		 * a UTF-16 byte order mark and accept it. */
		if (y->ev.data.stream_start.encoding != YAML_UTF8_ENCODING &&
		    y->ev.data.stream_start.encoding != YAML_ANY_ENCODING) {
			yerr(y, &y->ev.start_mark, "UTF-16 text (expected "
			     "UTF-8 text; convert the file with iconv)");
			return -1;
		}
		break;
	case YAML_ALIAS_EVENT:
		yerr(y, &y->ev.start_mark, "aliases are not allowed");
		return -1;
	case YAML_SCALAR_EVENT:
		anchor = y->ev.data.scalar.anchor;
		tag = y->ev.data.scalar.tag;
		if (tag && tag_is(tag, "tag:yaml.org,2002:str"))
			tag = NULL;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = y->ev.data.sequence_start.anchor;
		tag = y->ev.data.sequence_start.tag;
		if (tag && tag_is(tag, "tag:yaml.org,2002:seq"))
			tag = NULL;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = y->ev.data.mapping_start.anchor;
		tag = y->ev.data.mapping_start.tag;
		if (tag && tag_is(tag, "tag:yaml.org,2002:map"))
			tag = NULL;
		break;
	default:
		break;
	}
	if (anchor) {
		yerr(y, &y->ev.start_mark, "anchors are not allowed");
		return -1;
	}
	if (tag) {
		yerr(y, &y->ev.start_mark, "tag '%s' is not allowed",
		     (const char *)tag);
		return -1;
	}
	return 0;
}

/* Is the current event a plain scalar that YAML reads as null? */
static bool ev_null(const struct yl *y)
{
	const char *v;
	size_t n;

	if (y->ev.type != YAML_SCALAR_EVENT || !y->ev.data.scalar.plain_implicit)
		return false;
	v = (const char *)y->ev.data.scalar.value;
	n = y->ev.data.scalar.length;
	return n == 0 || (n == 1 && v[0] == '~') ||
	       (n == 4 && (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) ||
	                   !memcmp(v, "NULL", 4)));
}

static const char *ev_found(const struct yl *y, char *buf, size_t size)
{
	switch (y->ev.type) {
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a sequence";
	case YAML_SCALAR_EVENT:
		if (ev_null(y))
			return "an empty value";
		{
			size_t n = y->ev.data.scalar.length, i, k = 0;
			const char *v = (const char *)y->ev.data.scalar.value;

			if (size < 8)
				return "a value";
			buf[k++] = '\'';
			for (i = 0; i < n && k + 6 < size && i < 40; i++) {
				unsigned char c = (unsigned char)v[i];

				buf[k++] = c < 0x20 || c == 0x7F ? '?' : (char)c;
			}
			/* Do not cut a UTF-8 character. */
			while (i < n && k > 1 &&
			       ((unsigned char)v[i] & 0xC0) == 0x80) {
				k--;
				i--;
			}
			if (i < n)
				buf[k++] = '.', buf[k++] = '.', buf[k++] = '.';
			buf[k++] = '\'';
			buf[k] = '\0';
			return buf;
		}
	default:
		return "something else";
	}
}

/*
 * A text value: 0 with *str, *len set (pointing into the event), 1 for a
 * null, -1 for anything else (err filled).
 */
static int text(struct yl *y, const char *key, const char **str, size_t *len)
{
	char buf[80];

	if (y->ev.type != YAML_SCALAR_EVENT) {
		yerr(y, &y->ev.start_mark, "%s: expected a text value, found %s",
		     key, ev_found(y, buf, sizeof buf));
		return -1;
	}
	if (ev_null(y))
		return 1;
	*str = (const char *)y->ev.data.scalar.value;
	*len = y->ev.data.scalar.length;
	if (memchr(*str, '\0', *len)) {
		yerr(y, &y->ev.start_mark, "%s: a NUL character is not allowed",
		     key);
		return -1;
	}
	return 0;
}

/* The id of an RHK or an indicator (WHAT): required, stored, its place
 * kept.  0, or -1 with the error. */
static int read_id(struct yl *y, const char *what, const char **id,
                   kj_skp_pos *pos)
{
	const char *v;
	size_t len;
	int rc;

	if ((rc = text(y, "id", &v, &len)) < 0)
		return -1;
	if (rc == 1) {
		yerr(y, &y->ev.start_mark, "id: the %s id is required", what);
		return -1;
	}
	*id = store(y->s, v, len);
	*pos = ypos(y, &y->ev.start_mark);
	return 0;
}

/* Which of keys[] the current scalar event is, or -1 with the error. */
static int which_key(struct yl *y, const char *const *keys,
                     unsigned *seen)
{
	const char *k;
	size_t n;
	int i;

	if (y->ev.type != YAML_SCALAR_EVENT) {
		yerr(y, &y->ev.start_mark, "a mapping key must be a text");
		return -1;
	}
	k = (const char *)y->ev.data.scalar.value;
	n = y->ev.data.scalar.length;
	for (i = 0; keys[i]; i++)
		if (strlen(keys[i]) == n && !memcmp(keys[i], k, n))
			break;
	if (!keys[i]) {
		/* lib/yaml's message, with its "did you mean". */
		kj_ynode pair[2];
		kj_ynode map;
		kj_yfile f;

		memset(pair, 0, sizeof pair);
		memset(&f, 0, sizeof f);
		pair[0].kind = pair[1].kind = KJ_Y_SCALAR;
		pair[0].line = (uint32_t)y->ev.start_mark.line + 1;
		pair[0].col = (uint32_t)y->ev.start_mark.column + 1;
		pair[0].len = (uint32_t)(n < 1000 ? n : 1000);
		pair[0].str = k;
		pair[1].str = "";
		memset(&map, 0, sizeof map);
		map.kind = KJ_Y_MAP;
		map.len = 1;
		map.keys = pair;
		f.name = y->name;
		kj_y_check_keys(&f, &map, keys, y->err);
		y->err->status = KJ_EXIT_USAGE;
		return -1;
	}
	if (*seen & (1u << i)) {
		yerr(y, &y->ev.start_mark, "duplicate key '%s'", keys[i]);
		return -1;
	}
	*seen |= 1u << i;
	return i;
}

/* An enum value; null leaves *out. */
static int enum_value(struct yl *y, const char *key, const char *const *words,
                      int n, int *out)
{
	const char *v;
	size_t len;
	int rc = text(y, key, &v, &len), i;
	char list[200];
	size_t used = 0;

	if (rc)
		return rc < 0 ? -1 : 0;
	i = word_index(words, n, v, len);
	if (i >= 0) {
		*out = i;
		return 0;
	}
	list[0] = '\0';
	for (int k = 0; k < n; k++)
		used += (size_t)snprintf(list + used, sizeof list - used,
		                         "%s%s", k == 0 ? "" :
		                         k == n - 1 ? " or " : ", ", words[k]);
	{
		char buf[80];

		yerr(y, &y->ev.start_mark, "%s: expected %s, found %s", key,
		     list, ev_found(y, buf, sizeof buf));
	}
	return -1;
}

static const char *const skp_keys[] = {
	"nip", "tahun", "pendekatan", "rhk", NULL
};
static const char *const rhk_keys[] = {
	"id", "jenis", "teks", "intervensi", "perspektif", "indikator", NULL
};
static const char *const ind_keys[] = {
	"id", "teks", "aspek", "target", "satuan", "polaritas", NULL
};

static int load_ind(struct yl *y)
{
	kj_skp_set *s = y->s;
	kj_skp_indikator *d = new_ind(s);
	yaml_mark_t start = y->ev.start_mark;
	unsigned seen = 0;
	const char *v;
	size_t len;
	int rc;

	d->pos = ypos(y, &start);
	for (;;) {
		int k;

		if (next(y))
			return -1;
		if (y->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if ((k = which_key(y, ind_keys, &seen)) < 0 || next(y))
			return -1;
		switch (k) {
		case 0: /* id */
			if (read_id(y, "indicator", &d->id, &d->id_pos) < 0)
				return -1;
			break;
		case 1: /* teks */
			if ((rc = text(y, "teks", &v, &len)) < 0)
				return -1;
			if (rc == 0 && !(s->priv->opts & KJ_SKP_NO_IND_TEKS))
				d->teks = store(s, v, len);
			break;
		case 2: /* aspek */
			if ((rc = text(y, "aspek", &v, &len)) < 0)
				return -1;
			d->aspek_pos = ypos(y, &y->ev.start_mark);
			if (rc == 0) {
				d->aspek_text = intern(s, v, len);
				d->aspek = (int8_t)kj_aspek_parse(v, len);
			}
			break;
		case 3: /* target */
			if ((rc = text(y, "target", &v, &len)) < 0)
				return -1;
			d->target_pos = ypos(y, &y->ev.start_mark);
			if (rc == 0) {
				v = store(s, v, len);
				kj_skp_target_parse(v, len, &d->target);
			}
			break;
		case 4: /* satuan */
			if ((rc = text(y, "satuan", &v, &len)) < 0)
				return -1;
			if (rc == 0)
				d->satuan = intern(s, v, len);
			break;
		default: { /* polaritas */
			int pol = d->polaritas;

			if (enum_value(y, "polaritas", kj_polaritas_words, 2,
			               &pol))
				return -1;
			d->polaritas = (int8_t)pol;
			break;
		}
		}
	}
	if (!(seen & 1u)) {
		yerr(y, &start, "missing required key 'id' (the indicator's "
		     "id)");
		return -1;
	}
	if (!d->target_pos.line)
		d->target_pos = d->pos;
	if (!d->aspek_pos.line)
		d->aspek_pos = d->pos;
	seal_ind(s, (size_t)(d - s->ind));
	return 0;
}

/* A sequence of mappings, each loaded by fn; null is an empty list. */
static int load_list(struct yl *y, const char *key, const char *what,
                     int (*fn)(struct yl *))
{
	char buf[80];

	if (ev_null(y))
		return 0;
	if (y->ev.type != YAML_SEQUENCE_START_EVENT) {
		yerr(y, &y->ev.start_mark, "%s: expected a sequence of %s, "
		     "found %s", key, what, ev_found(y, buf, sizeof buf));
		return -1;
	}
	for (;;) {
		if (next(y))
			return -1;
		if (y->ev.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (y->ev.type != YAML_MAPPING_START_EVENT) {
			yerr(y, &y->ev.start_mark, "%s: expected %s (a "
			     "mapping), found %s", key, what,
			     ev_found(y, buf, sizeof buf));
			return -1;
		}
		if (fn(y))
			return -1;
	}
}

static int load_rhk(struct yl *y)
{
	kj_skp_set *s = y->s;
	size_t ri = s->nrhk;
	yaml_mark_t start = y->ev.start_mark;
	unsigned seen = 0;
	const char *v;
	size_t len;
	int rc;

	new_rhk(s);
	s->rhk[ri].pos = ypos(y, &start);
	for (;;) {
		kj_skp_rhk *r = &s->rhk[ri];
		int k;

		if (next(y))
			return -1;
		if (y->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if ((k = which_key(y, rhk_keys, &seen)) < 0 || next(y))
			return -1;
		switch (k) {
		case 0: /* id */
			if (read_id(y, "RHK", &r->id, &r->id_pos) < 0)
				return -1;
			break;
		case 1: { /* jenis */
			int jenis = r->jenis;

			if (enum_value(y, "jenis", kj_rhk_jenis_words, 2,
			               &jenis))
				return -1;
			r->jenis = (int8_t)jenis;
			break;
		}
		case 2: /* teks */
			if ((rc = text(y, "teks", &v, &len)) < 0)
				return -1;
			if (rc == 0)
				r->teks = store(s, v, len);
			break;
		case 3: /* intervensi */
			if ((rc = text(y, "intervensi", &v, &len)) < 0)
				return -1;
			r->intervensi_pos = ypos(y, &y->ev.start_mark);
			if (rc == 0)
				r->intervensi = store(s, v, len);
			break;
		case 4: /* perspektif */
			if ((rc = text(y, "perspektif", &v, &len)) < 0)
				return -1;
			r->perspektif_pos = ypos(y, &y->ev.start_mark);
			if (rc == 0) {
				r->perspektif_text = intern(s, v, len);
				r->perspektif = (int8_t)kj_perspektif_parse(
					v, len);
			}
			break;
		default: /* indikator */
			if (load_list(y, "indikator", "indicators", load_ind))
				return -1;
			break;
		}
	}
	if (!(seen & 1u)) {
		yerr(y, &start, "missing required key 'id' (the RHK's id)");
		return -1;
	}
	if (!s->rhk[ri].intervensi_pos.line)
		s->rhk[ri].intervensi_pos = s->rhk[ri].pos;
	if (!s->rhk[ri].perspektif_pos.line)
		s->rhk[ri].perspektif_pos = s->rhk[ri].pos;
	seal_rhk(s, ri);
	return 0;
}

static int load_doc(struct yl *y)
{
	kj_skp_set *s = y->s;
	size_t si;
	yaml_mark_t start = y->ev.start_mark, nip_mark = start;
	unsigned seen = 0;
	const char *v;
	size_t len;
	int rc;

	new_skp(s);
	si = s->n - 1;
	s->skp[si].pos = ypos(y, &start);
	for (;;) {
		int k;

		if (next(y))
			return -1;
		if (y->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if ((k = which_key(y, skp_keys, &seen)) < 0)
			return -1;
		if (k == 0)
			nip_mark = y->ev.start_mark;
		if (next(y))
			return -1;
		switch (k) {
		case 0: { /* nip */
			kj_nip nip;
			kj_err e;

			if ((rc = text(y, "nip", &v, &len)) < 0)
				return -1;
			if (rc == 1) {
				yerr(y, &nip_mark, "key 'nip' has no value");
				return -1;
			}
			if (kj_nip_parse(v, len, &nip, &e)) {
				yaml_mark_t m = y->ev.start_mark;

				/* Inside quotes the text starts one later. */
				if (!y->ev.data.scalar.plain_implicit)
					m.column++;
				if (e.col > 0)
					m.column += (size_t)e.col - 1;
				yerr(y, &m, "nip: %s", e.msg);
				return -1;
			}
			s->skp[si].nip = store(s, v, len);
			s->skp[si].pos = ypos(y, &nip_mark);
			break;
		}
		case 1: { /* tahun */
			char buf[80];
			long t = 0;
			size_t i;

			if ((rc = text(y, "tahun", &v, &len)) < 0)
				return -1;
			for (i = 0; rc == 0 && i < len && i < 5 &&
			            v[i] >= '0' && v[i] <= '9'; i++)
				t = t * 10 + (v[i] - '0');
			if (rc != 0 || i != len || t < 1900 || t > 2999) {
				yerr(y, &y->ev.start_mark, "tahun: expected a "
				     "year such as 2026, found %s",
				     ev_found(y, buf, sizeof buf));
				return -1;
			}
			s->skp[si].tahun = (int)t;
			break;
		}
		case 2: /* pendekatan */
			if (enum_value(y, "pendekatan", kj_pendekatan_words, 2,
			               &s->skp[si].pendekatan))
				return -1;
			break;
		default: /* rhk */
			if (load_list(y, "rhk", "RHK", load_rhk))
				return -1;
			break;
		}
	}
	if (!(seen & 1u)) {
		yerr(y, &start, "missing required key 'nip'");
		return -1;
	}
	if (!(seen & 2u)) {
		yerr(y, &start, "missing required key 'tahun'");
		return -1;
	}
	return 0;
}

static int yaml_run(struct yl *y)
{
	char buf[80];
	int rc = -1;

	if (next(y))
		goto out;
	for (;;) {
		if (next(y))
			goto out;
		if (y->ev.type == YAML_STREAM_END_EVENT)
			break;
		/* DOCUMENT_START */
		if (next(y))
			goto out;
		if (y->ev.type == YAML_MAPPING_START_EVENT) {
			if (load_doc(y))
				goto out;
		} else if (!ev_null(y)) {
			yerr(y, &y->ev.start_mark, "expected an SKP document "
			     "(a mapping with nip, tahun, rhk), found %s",
			     ev_found(y, buf, sizeof buf));
			goto out;
		}
		/* DOCUMENT_END */
		if (next(y))
			goto out;
	}
	rc = 0;
out:
	if (y->have)
		yaml_event_delete(&y->ev);
	y->have = false;
	yaml_parser_delete(&y->parser);
	feed_stop(y->s);
	drop_index(y->s->priv);
	seal_rest(y->s);
	return rc;
}

static int read_handler(void *data, unsigned char *buf, size_t size,
                        size_t *size_read)
{
	struct yl *y = data;
	ssize_t r = kj_input_read(y->in, buf, size, &y->read_err);

	if (r < 0) {
		y->read_failed = true;
		*size_read = 0;
		return 0;
	}
	*size_read = (size_t)r;
	kj_ytail_feed(&y->tail, buf, (size_t)r);
	y->consumed += (size_t)r;
	feed_progress(y->s->priv, y->consumed);
	return 1;
}

static int yl_init(struct yl *y, kj_skp_set *s, const char *name,
                   kj_err *err)
{
	memset(y, 0, sizeof *y);
	y->s = s;
	y->err = err;
	y->file = add_file(s, name);
	y->name = s->files[y->file];
	if (!yaml_parser_initialize(&y->parser)) {
		kj_err_set(err, name, 0, 0, "out of memory");
		err->status = KJ_EXIT_INTERNAL;
		return -1;
	}
	return 0;
}

int kj_skp_load_yaml_mem(kj_skp_set *s, const char *name, const void *buf,
                         size_t len, kj_err *err)
{
	struct yl y;

	if (yl_init(&y, s, name, err))
		return -1;
	yaml_parser_set_input_string(&y.parser, buf, len);
	kj_ytail_feed(&y.tail, buf, len);
	return yaml_run(&y);
}

static int load_yaml_input(kj_skp_set *s, kj_input *in, kj_err *err)
{
	struct yl y;

	if (yl_init(&y, s, kj_input_name(in), err))
		return -1;
	y.in = in;
	yaml_parser_set_input(&y.parser, read_handler, &y);
	return yaml_run(&y);
}

/* ---- TSV ---------------------------------------------------------------- */

enum { C_NIP, C_TAHUN, C_RHK, C_JENIS, C_RHK_TEKS, C_INTERVENSI,
       C_PERSPEKTIF, C_IND, C_IND_TEKS, C_ASPEK, C_TARGET, C_SATUAN,
       C_POLARITAS, C_PENDEKATAN, C_N };
static const char *const tsv_cols[C_N] = {
	"nip", "tahun", "rhk", "jenis", "rhk_teks", "intervensi",
	"perspektif", "indikator", "indikator_teks", "aspek", "target",
	"satuan", "polaritas", "pendekatan"
};

struct tl {
	kj_tsv *t;
	int col[C_N];
	uint32_t file;
};

static const char *fld(const struct tl *t, int c, size_t *len)
{
	if (t->col[c] < 0) {
		*len = 0;
		return "";
	}
	*len = kj_tsv_len(t->t, (size_t)t->col[c]);
	return kj_tsv_field(t->t, (size_t)t->col[c]);
}

static kj_skp_pos tpos(const struct tl *t, int c)
{
	kj_skp_pos p;

	p.file = t->file;
	p.line = (uint32_t)kj_tsv_line(t->t);
	p.col = t->col[c] >= 0 ? (uint32_t)kj_tsv_fieldcol(t->t,
	                                                  (size_t)t->col[c])
	                       : 1;
	return p;
}

static int tsv_enum(const struct tl *t, int c, const char *const *words,
                    int n, int *out, kj_err *err)
{
	size_t len;
	const char *v = fld(t, c, &len);
	int i;

	if (len == 0)
		return 0;
	i = word_index(words, n, v, len);
	if (i < 0) {
		kj_tsv_field_err(t->t, (size_t)t->col[c], err,
		                 "%s: expected %s or %s, found '%s'",
		                 tsv_cols[c], words[0], words[n - 1], v);
		return -1;
	}
	*out = i;
	return 0;
}

static int tsv_rows(kj_skp_set *s, struct tl *t, kj_err *err)
{
	const char *last_nip = NULL;
	int last_tahun = 0;
	size_t consumed = 0;
	int rc;

	while ((rc = kj_tsv_next(t->t, err)) > 0) {
		size_t len, nlen;
		const char *nip = fld(t, C_NIP, &nlen), *v, *id;
		kj_skp_rhk *r;
		long tahun = 0;
		size_t i;
		kj_nip parsed;
		kj_err e;

		if (s->priv->feed) {
			/* The row's length, about: its known fields. */
			for (int c = 0; c < C_N; c++)
				if (t->col[c] >= 0)
					consumed += kj_tsv_len(t->t,
					                       (size_t)t->col[c]) + 1;
			feed_progress(s->priv, consumed);
		}
		/* Rows of one SKP follow each other: check a NIP once. */
		if (last_nip && !strcmp(nip, last_nip)) {
			nip = last_nip;
		} else {
			if (kj_nip_parse(nip, nlen, &parsed, &e)) {
				kj_tsv_value_err(t->t, (size_t)t->col[C_NIP],
				                 &e, err);
				return -1;
			}
			nip = store(s, nip, nlen);
		}
		v = fld(t, C_TAHUN, &len);
		for (i = 0; i < len && i < 5 && v[i] >= '0' && v[i] <= '9'; i++)
			tahun = tahun * 10 + (v[i] - '0');
		if (i != len || tahun < 1900 || tahun > 2999) {
			kj_tsv_field_err(t->t, (size_t)t->col[C_TAHUN], err,
			                 "tahun: expected a year such as 2026, "
			                 "found '%s'", v);
			return -1;
		}
		if (nip != last_nip || tahun != last_tahun) {
			kj_skp *k = new_skp(s);

			k->nip = nip;
			k->tahun = (int)tahun;
			k->pos = tpos(t, C_NIP);
			if (tsv_enum(t, C_PENDEKATAN, kj_pendekatan_words, 2,
			             &k->pendekatan, err))
				return -1;
			last_nip = nip;
			last_tahun = (int)tahun;
		}
		v = fld(t, C_RHK, &len);
		if (len == 0) {
			kj_tsv_field_err(t->t, (size_t)t->col[C_RHK], err,
			                 "rhk: the RHK id is required");
			return -1;
		}
		r = s->skp[s->n - 1].nrhk ? &s->rhk[s->nrhk - 1] : NULL;
		if (!r || strcmp(r->id, v) != 0) {
			id = store(s, v, len);
			r = new_rhk(s);
			r->id = id;
			r->pos = tpos(t, C_RHK);
			r->id_pos = r->pos;
			{
				int jenis = KJ_RHK_UTAMA;

				if (tsv_enum(t, C_JENIS, kj_rhk_jenis_words, 2,
				             &jenis, err))
					return -1;
				r->jenis = (int8_t)jenis;
			}
			v = fld(t, C_RHK_TEKS, &len);
			r->teks = store(s, v, len);
			v = fld(t, C_INTERVENSI, &len);
			r->intervensi = len ? store(s, v, len) : NULL;
			r->intervensi_pos = len ? tpos(t, C_INTERVENSI) : r->pos;
			v = fld(t, C_PERSPEKTIF, &len);
			r->perspektif_pos = len ? tpos(t, C_PERSPEKTIF) : r->pos;
			if (len) {
				r->perspektif_text = intern(s, v, len);
				r->perspektif = (int8_t)kj_perspektif_parse(
					v, len);
			}
			seal_rhk(s, s->nrhk - 1);
		}
		v = fld(t, C_IND, &len);
		{
			size_t l2, l3, l4, l5;

			fld(t, C_IND_TEKS, &l2);
			fld(t, C_ASPEK, &l3);
			fld(t, C_TARGET, &l4);
			fld(t, C_SATUAN, &l5);
			if (len == 0 && (l2 || l3 || l4 || l5)) {
				kj_tsv_field_err(t->t, (size_t)t->col[C_IND],
				                 err, "indikator: the indicator "
				                 "id is required");
				return -1;
			}
		}
		if (len) {
			kj_skp_indikator *d = new_ind(s);

			d->id = store(s, v, len);
			d->pos = tpos(t, C_IND);
			d->id_pos = d->pos;
			v = fld(t, C_IND_TEKS, &len);
			if (!(s->priv->opts & KJ_SKP_NO_IND_TEKS))
				d->teks = store(s, v, len);
			v = fld(t, C_ASPEK, &len);
			d->aspek_pos = len ? tpos(t, C_ASPEK) : d->pos;
			if (len) {
				d->aspek_text = intern(s, v, len);
				d->aspek = (int8_t)kj_aspek_parse(v, len);
			}
			v = fld(t, C_TARGET, &len);
			d->target_pos = len ? tpos(t, C_TARGET) : d->pos;
			kj_skp_target_parse(store(s, v, len), len, &d->target);
			v = fld(t, C_SATUAN, &len);
			d->satuan = intern(s, v, len);
			{
				int pol = KJ_POLARITAS_POSITIF;

				if (tsv_enum(t, C_POLARITAS,
				             kj_polaritas_words, 2, &pol, err))
					return -1;
				d->polaritas = (int8_t)pol;
			}
			seal_ind(s, s->nind - 1);
		}
	}
	return rc;
}

static int load_tsv_open(kj_skp_set *s, const char *path, const char *name,
                         kj_err *err)
{
	struct tl t;
	int rc;

	t.t = name ? kj_tsv_open_as(path, name, err) : kj_tsv_open(path, err);
	if (!t.t)
		return -1;
	t.file = add_file(s, kj_tsv_name(t.t));
	for (int c = 0; c < C_N; c++)
		t.col[c] = kj_tsv_col(t.t, tsv_cols[c]);
	if (kj_tsv_need(t.t, "nip", err) < 0 ||
	    kj_tsv_need(t.t, "tahun", err) < 0 ||
	    kj_tsv_need(t.t, "rhk", err) < 0) {
		kj_tsv_close(t.t);
		return -1;
	}
	feed_file(s, path, TSV_MIN_ROW);
	rc = tsv_rows(s, &t, err);
	feed_stop(s);
	kj_tsv_close(t.t);
	drop_index(s->priv);
	seal_rest(s);
	return rc < 0 ? -1 : 0;
}

int kj_skp_load_tsv(kj_skp_set *s, const char *path, kj_err *err)
{
	return load_tsv_open(s, path, NULL, err);
}

/* ---- paths -------------------------------------------------------------- */

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

static bool is_tsv_name(const char *p)
{
	return ends_with(p, ".tsv") || ends_with(p, ".tsv.gz");
}

static bool is_skp_name(const char *p)
{
	return is_tsv_name(p) || ends_with(p, ".yaml") ||
	       ends_with(p, ".yml") || ends_with(p, ".yaml.gz") ||
	       ends_with(p, ".yml.gz");
}

static int load_yaml_path(kj_skp_set *s, const char *path, const char *name,
                          kj_err *err)
{
	kj_input *in = name ? kj_input_open_as(path, name, err)
	                    : kj_input_open(path, err);
	int rc;

	if (!in)
		return -1;
	feed_file(s, path, YAML_MIN_ROW);
	rc = load_yaml_input(s, in, err);
	feed_stop(s);
	kj_input_close(in);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_dir(kj_skp_set *s, const char *path, int depth, kj_err *err)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (!d) {
		kj_err_sys(err, path, "cannot open folder");
		err->status = KJ_EXIT_USAGE;
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len;
		char *full;

		if (de->d_name[0] == '.')
			continue;
		len = strlen(path) + strlen(de->d_name) + 2;
		full = kj_xmalloc(len);
		snprintf(full, len, "%s%s%s", path,
		         ends_with(path, "/") ? "" : "/", de->d_name);
		kj_grow(&names, &cap, n + 1, sizeof *names);
		names[n++] = full;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		struct stat st;

		if (rc == 0 && stat(names[i], &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				if (depth < 32)
					rc = load_dir(s, names[i], depth + 1,
					              err);
			} else if (is_skp_name(names[i])) {
				rc = is_tsv_name(names[i])
				     ? load_tsv_open(s, names[i], NULL, err)
				     : load_yaml_path(s, names[i], NULL, err);
			}
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Standard input: spooled to a temporary file, TSV when its first line
 * holds a TAB. */
static int load_stdin(kj_skp_set *s, kj_err *err)
{
	kj_output *spool = kj_output_open_named(NULL, err);
	char buf[1 << 16];
	ssize_t n;
	FILE *f;
	int rc, tsv = -1;

	if (!spool)
		return -1;
	f = fopen(kj_output_path(spool), "wb");
	if (!f) {
		kj_err_sys(err, "<stdin>", "cannot spool standard input");
		kj_output_abort(spool);
		return -1;
	}
	while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0) {
		if (tsv < 0) {
			const char *nl = memchr(buf, '\n', (size_t)n);
			size_t first = nl ? (size_t)(nl - buf) : (size_t)n;

			tsv = memchr(buf, '\t', first) != NULL;
		}
		if (fwrite(buf, 1, (size_t)n, f) != (size_t)n)
			break;
	}
	if (n < 0 || fclose(f) != 0) {
		kj_err_sys(err, "<stdin>", "cannot spool standard input");
		kj_output_abort(spool);
		return -1;
	}
	rc = tsv > 0 ? load_tsv_open(s, kj_output_path(spool), "<stdin>", err)
	             : load_yaml_path(s, kj_output_path(spool), "<stdin>",
	                              err);
	kj_output_abort(spool);
	return rc;
}

int kj_skp_load_path(kj_skp_set *s, const char *path, kj_err *err)
{
	struct stat st;

	if (!strcmp(path, "-"))
		return load_stdin(s, err);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return load_dir(s, path, 0, err);
	if (is_tsv_name(path))
		return load_tsv_open(s, path, NULL, err);
	return load_yaml_path(s, path, NULL, err);
}

/* ---- finding ------------------------------------------------------------ */

static void build_index(const kj_skp_set *s)
{
	struct kj_skp_priv *p = s->priv;
	char key[64];

	if (p->by_nip && p->indexed_n == s->n)
		return;
	drop_index(p);
	p->by_nip = kj_strmap_new();
	p->by_rhk = kj_strmap_new();
	p->by_ind = kj_strmap_new();
	for (size_t i = 0; i < s->n; i++) {
		int n = snprintf(key, sizeof key, "%s/%d", s->skp[i].nip,
		                 s->skp[i].tahun);

		kj_strmap_put(p->by_nip, key, (size_t)n, i, NULL);
		/* The first of each NIP also answers "any year". */
		kj_strmap_put(p->by_nip, s->skp[i].nip, strlen(s->skp[i].nip),
		              i, NULL);
	}
	for (size_t i = 0; i < s->nrhk; i++)
		kj_strmap_put(p->by_rhk, s->rhk[i].id, strlen(s->rhk[i].id),
		              i, NULL);
	for (size_t i = 0; i < s->nind; i++)
		kj_strmap_put(p->by_ind, s->ind[i].id, strlen(s->ind[i].id),
		              i, NULL);
	p->indexed_n = s->n;
}

static long found(size_t v)
{
	return v == KJ_STRMAP_NONE ? -1 : (long)v;
}

long kj_skp_find(const kj_skp_set *s, const char *nip, int tahun)
{
	char key[64];
	int n;

	build_index(s);
	if (tahun == 0)
		return found(kj_strmap_get(s->priv->by_nip, nip, strlen(nip)));
	n = snprintf(key, sizeof key, "%s/%d", nip, tahun);
	if (n < 0 || (size_t)n >= sizeof key)
		return -1;
	return found(kj_strmap_get(s->priv->by_nip, key, (size_t)n));
}

long kj_skp_find_rhk(const kj_skp_set *s, const char *id)
{
	build_index(s);
	return found(kj_strmap_get(s->priv->by_rhk, id, strlen(id)));
}

long kj_skp_find_indikator(const kj_skp_set *s, const char *id)
{
	build_index(s);
	return found(kj_strmap_get(s->priv->by_ind, id, strlen(id)));
}

/* ---- writers ------------------------------------------------------------ */

/* The code point of the UTF-8 sequence at p (valid UTF-8: both loaders
 * check it); *n its length. */
static unsigned long utf8_at(const unsigned char *p, size_t *n)
{
	if (p[0] < 0x80) {
		*n = 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0 && p[1]) {
		*n = 2;
		return ((p[0] & 0x1FUL) << 6) | (p[1] & 0x3F);
	}
	if ((p[0] & 0xF0) == 0xE0 && p[1] && p[2]) {
		*n = 3;
		return ((p[0] & 0x0FUL) << 12) | ((p[1] & 0x3FUL) << 6) |
		       (p[2] & 0x3F);
	}
	if ((p[0] & 0xF8) == 0xF0 && p[1] && p[2] && p[3]) {
		*n = 4;
		return ((p[0] & 0x07UL) << 18) | ((p[1] & 0x3FUL) << 12) |
		       ((p[2] & 0x3FUL) << 6) | (p[3] & 0x3F);
	}
	*n = 1;
	return 0xFFFD;
}

/* A character libyaml takes as it is inside a quoted scalar (YAML 1.1
 * printable, no line break, no BOM). */
static bool yaml_printable(unsigned long c)
{
	return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) ||
	       (c >= 0x10000 && c <= 0x10FFFF);
}

static bool yaml_plain_ok(const char *s)
{
	static const char *const special[] = {
		"null", "true", "false", "yes", "no", "on", "off", "y", "n",
		NULL
	};
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	if (n == 0 || s[n - 1] == ' ' ||
	    !((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z') ||
	      (p[0] >= '0' && p[0] <= '9') || p[0] == '(' || p[0] >= 0x80))
		return false;
	for (size_t i = 0; special[i]; i++)
		if (!strcasecmp(s, special[i]))
			return false;
	while (*p) {
		size_t k;
		unsigned long c = utf8_at(p, &k);

		if (c >= 0x80 ? !yaml_printable(c)
		              : !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		                  (c >= '0' && c <= '9') || c == ' ' || c == '.' ||
		                  c == '_' || c == '-' || c == '/' || c == '(' ||
		                  c == ')' || c == '%' || c == ',' || c == '+'))
			return false;
		p += k;
	}
	return true;
}

void kj_skp_put_yaml_str(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (yaml_plain_ok(s)) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	while (*p) {
		size_t k;
		unsigned long c = utf8_at(p, &k);

		if (c == '"')
			fputs("\\\"", f);
		else if (c == '\\')
			fputs("\\\\", f);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (yaml_printable(c))
			fwrite(p, 1, k, f);
		else if (c <= 0xFF)
			fprintf(f, "\\x%02lx", c);
		else if (c <= 0xFFFF)
			fprintf(f, "\\u%04lx", c);
		else
			fprintf(f, "\\U%08lx", c);
		p += k;
	}
	fputc('"', f);
}

static void ykv(FILE *f, const char *indent, const char *key, const char *v)
{
	fprintf(f, "%s%s: ", indent, key);
	kj_skp_put_yaml_str(f, v);
	fputc('\n', f);
}

void kj_skp_write_yaml(const kj_skp_set *s, size_t from, size_t to, FILE *f)
{
	for (size_t i = from; i < to && i < s->n; i++) {
		const kj_skp *k = &s->skp[i];

		if (i > from)
			fputs("---\n", f);
		fprintf(f, "nip: \"%s\"\ntahun: %d\npendekatan: %s\n", k->nip,
		        k->tahun, kj_pendekatan_words[k->pendekatan]);
		if (k->nrhk == 0) {
			fputs("rhk: []\n", f);
			continue;
		}
		fputs("rhk:\n", f);
		for (size_t j = k->rhk; j < k->rhk + k->nrhk; j++) {
			const kj_skp_rhk *r = &s->rhk[j];

			ykv(f, "  - ", "id", r->id);
			fprintf(f, "    jenis: %s\n",
			        kj_rhk_jenis_words[r->jenis]);
			if (*r->teks)
				ykv(f, "    ", "teks", r->teks);
			if (r->intervensi)
				ykv(f, "    ", "intervensi", r->intervensi);
			if (*r->perspektif_text)
				ykv(f, "    ", "perspektif",
				    r->perspektif >= 0
				    ? kj_perspektif_words[r->perspektif]
				    : r->perspektif_text);
			if (r->nind == 0)
				continue;
			fputs("    indikator:\n", f);
			for (size_t m = r->ind; m < r->ind + r->nind; m++) {
				const kj_skp_indikator *d = &s->ind[m];

				ykv(f, "      - ", "id", d->id);
				if (*d->teks)
					ykv(f, "        ", "teks", d->teks);
				if (*d->aspek_text)
					ykv(f, "        ", "aspek",
					    d->aspek >= 0
					    ? kj_aspek_words[d->aspek]
					    : d->aspek_text);
				if (d->target.kind != KJ_TARGET_NONE)
					ykv(f, "        ", "target",
					    d->target.text);
				if (*d->satuan)
					ykv(f, "        ", "satuan", d->satuan);
				fprintf(f, "        polaritas: %s\n",
				        kj_polaritas_words[d->polaritas]);
			}
		}
	}
}

void kj_skp_write_tsv_header(FILE *f)
{
	kj_tsv_put_row(f, tsv_cols, C_N);
}

void kj_skp_write_tsv(const kj_skp_set *s, size_t from, size_t to, FILE *f)
{
	for (size_t i = from; i < to && i < s->n; i++) {
		const kj_skp *k = &s->skp[i];
		char tahun[16];

		snprintf(tahun, sizeof tahun, "%d", k->tahun);
		for (size_t j = k->rhk; j < k->rhk + k->nrhk; j++) {
			const kj_skp_rhk *r = &s->rhk[j];
			const char *row[C_N];
			size_t m = r->ind, end = r->ind + r->nind;

			row[C_NIP] = k->nip;
			row[C_TAHUN] = tahun;
			row[C_RHK] = r->id;
			row[C_JENIS] = kj_rhk_jenis_words[r->jenis];
			row[C_RHK_TEKS] = r->teks;
			row[C_INTERVENSI] = r->intervensi ? r->intervensi : "";
			row[C_PERSPEKTIF] = r->perspektif >= 0
			                    ? kj_perspektif_words[r->perspektif]
			                    : r->perspektif_text;
			row[C_PENDEKATAN] = kj_pendekatan_words[k->pendekatan];
			do {
				const kj_skp_indikator *d =
					m < end ? &s->ind[m] : NULL;

				row[C_IND] = d ? d->id : "";
				row[C_IND_TEKS] = d ? d->teks : "";
				row[C_ASPEK] = !d ? "" : d->aspek >= 0
				               ? kj_aspek_words[d->aspek]
				               : d->aspek_text;
				row[C_TARGET] = d ? d->target.text : "";
				row[C_SATUAN] = d ? d->satuan : "";
				row[C_POLARITAS] = d
				        ? kj_polaritas_words[d->polaritas] : "";
				kj_tsv_put_row(f, row, C_N);
			} while (++m < end);
		}
		/* An SKP without RHK cannot be a TSV row: it has no rhk. */
	}
}
