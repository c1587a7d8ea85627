/* strmap: see strmap.h.  Open addressing with linear probing; the table
 * stays at most half full. */
#include "strmap.h"
#include "diag.h"
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * A slot is 8 bytes: 0 when empty, else the high half of the key's hash
 * above 1 + the key's index in keys[].  The home slot is the hash's low
 * bits, so the tag compares the other half: a probe rarely reads a key
 * that is not the one sought.  At 4.7 million NIPs the table is 128 MiB,
 * not 512 as with 32-byte slots, and a cache line holds eight slots.
 */
struct key {
	const char *s;          /* in a block, NUL-terminated */
	size_t len;
	size_t value;
};

/* The keys' bytes, in blocks that double from 1 KiB to 4 MiB: a small map
 * costs little, a large one few allocations (and huge pages, mem.c). */
struct block {
	struct block *next;
	size_t used, cap;
	char text[];
};

#define BLOCK_MIN ((size_t)1 << 10)
#define BLOCK_MAX ((size_t)4 << 20)
/* Keys index 32 bits of a slot; the table stays at most half full. */
#define KEYS_MAX ((size_t)UINT32_MAX / 2 < SIZE_MAX / 4 \
                  ? (size_t)UINT32_MAX / 2 : SIZE_MAX / 4)

struct kj_strmap {
	uint64_t *slots;
	size_t nslots;      /* a power of two */
	struct key *keys;   /* in insertion order */
	struct block *blocks;
	size_t count, capkeys;
};

/*
 * Eight bytes at a time (a NIP is two words and a bit, not 18 rounds of
 * FNV), each word mixed in by a multiply, then a final avalanche so that
 * the low bits the table uses depend on every byte.
 */
uint64_t kj_strmap_hash(const char *s, size_t len)
{
	const uint64_t k = 0x9E3779B97F4A7C15ULL;
	uint64_t h = (uint64_t)len * k, w;

	while (len >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
		s += 8;
		len -= 8;
	}
	if (len >= 4) {
		/* 4 to 7 bytes: two loads that may overlap (the length is
		 * in the seed, and equality is decided by the bytes) */
		uint32_t a, b;

		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		h = (h ^ ((uint64_t)b << 32 | a)) * k;
	} else if (len) {
		w = (uint64_t)(unsigned char)s[0] |
		    (uint64_t)(unsigned char)s[len / 2] << 8 |
		    (uint64_t)(unsigned char)s[len - 1] << 16;
		h = (h ^ w) * k;
	}
	/* murmur3's fmix64 */
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t *new_slots(size_t n)
{
	return kj_xcalloc(n, sizeof(uint64_t));
}

kj_strmap *kj_strmap_new(void)
{
	kj_strmap *m = kj_xcalloc(1, sizeof *m);

	m->nslots = 16;
	m->slots = new_slots(m->nslots);
	return m;
}

void kj_strmap_free(kj_strmap *m)
{
	if (!m)
		return;
	while (m->blocks) {
		struct block *b = m->blocks;

		m->blocks = b->next;
		free(b);
	}
	free(m->keys);
	free(m->slots);
	free(m);
}

size_t kj_strmap_count(const kj_strmap *m)
{
	return m->count;
}

#define TAG(h) ((h) >> 32 << 32)

/* The slot of key, or the empty slot where it would go. */
static uint64_t *find(const kj_strmap *m, const char *key, size_t len,
                      uint64_t h)
{
	size_t mask = m->nslots - 1;
	uint64_t tag = TAG(h);

	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		uint64_t *e = &m->slots[i];

		if (!*e)
			return e;
		if (TAG(*e) == tag) {
			const struct key *k = &m->keys[(uint32_t)*e - 1];

			if (k->len == len && memcmp(k->s, key, len) == 0)
				return e;
		}
	}
}

/* A table of n slots (a power of two) holding every key: the hashes are
 * computed again from the keys, read in order, rather than kept. */
static void resize(kj_strmap *m, size_t n)
{
	size_t mask = n - 1;

	free(m->slots);
	m->slots = new_slots(n);
	m->nslots = n;
	for (size_t i = 0; i < m->count; i++) {
		uint64_t h = kj_strmap_hash(m->keys[i].s, m->keys[i].len);
		size_t j = (size_t)h & mask;

		while (m->slots[j])
			j = (j + 1) & mask;
		m->slots[j] = TAG(h) | (uint64_t)(i + 1);
	}
}

void kj_strmap_reserve(kj_strmap *m, size_t n)
{
	size_t slots = m->nslots;

	if (n > KEYS_MAX)
		n = KEYS_MAX;
	while (n > slots / 2)
		slots *= 2;
	if (slots != m->nslots)
		resize(m, slots);
	kj_grow(&m->keys, &m->capkeys, n, sizeof *m->keys);
}

/* key and a NUL in the current block, a new one when it is full. */
static char *copy_key(kj_strmap *m, const char *key, size_t len)
{
	struct block *b = m->blocks;
	char *p;

	if (!b || b->cap - b->used < len + 1) {
		size_t cap = !b ? BLOCK_MIN : b->cap < BLOCK_MAX ? b->cap * 2
		                                                 : BLOCK_MAX;

		if (cap < len + 1)
			cap = len + 1;
		b = kj_xmalloc(sizeof *b + cap);
		b->next = m->blocks;
		b->used = 0;
		b->cap = cap;
		m->blocks = b;
	}
	p = b->text + b->used;
	b->used += len + 1;
	memcpy(p, key, len);
	p[len] = '\0';
	return p;
}

size_t kj_strmap_get(const kj_strmap *m, const char *key, size_t len)
{
	const uint64_t *e = find(m, key, len, kj_strmap_hash(key, len));

	return *e ? m->keys[(uint32_t)*e - 1].value : KJ_STRMAP_NONE;
}

size_t kj_strmap_put(kj_strmap *m, const char *key, size_t len, size_t value,
                     int *added)
{
	uint64_t h = kj_strmap_hash(key, len);
	uint64_t *e = find(m, key, len, h);
	struct key *k;

	if (*e) {
		if (added)
			*added = 0;
		return m->keys[(uint32_t)*e - 1].value;
	}
	if (m->count >= KEYS_MAX)
		kj_die(KJ_EXIT_INTERNAL, "more than %zu keys in one table",
		       KEYS_MAX);
	kj_grow(&m->keys, &m->capkeys, m->count + 1, sizeof *m->keys);
	k = &m->keys[m->count];
	k->s = copy_key(m, key, len);
	k->len = len;
	k->value = value;
	*e = TAG(h) | (uint64_t)++m->count;
	if (added)
		*added = 1;
	if (m->count * 2 > m->nslots)
		resize(m, m->nslots * 2);
	return value;
}

const char *kj_strmap_key(const kj_strmap *m, size_t i)
{
	return m->keys[i].s;
}
