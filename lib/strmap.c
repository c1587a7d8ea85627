/* strmap: see strmap.h.  Open addressing with linear probing; the table
 * stays at most half full. */
#include "strmap.h"
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	uint64_t hash;
	size_t key;     /* index into keys[], or KJ_STRMAP_NONE when empty */
	size_t value;
	size_t len;     /* the key's length, here to spare a load per probe */
};

/* The keys' bytes, in blocks of 64 KiB or more, not a malloc each. */
struct block {
	struct block *next;
	size_t used, cap;
	char text[];
};

struct kj_strmap {
	struct entry *slots;
	size_t nslots;      /* a power of two */
	char **keys;        /* in insertion order */
	struct block *blocks;
	size_t count, capkeys;
};

/*
 * Eight bytes at a time (a NIP is two words and a bit, not 18 rounds of
 * FNV), each word mixed in by a multiply, then a final avalanche so that
 * the low bits the table uses depend on every byte.
 */
static uint64_t hash_bytes(const char *s, size_t len)
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

kj_strmap *kj_strmap_new(void)
{
	kj_strmap *m = kj_xcalloc(1, sizeof *m);

	m->nslots = 16;
	m->slots = kj_xmalloc(m->nslots * sizeof *m->slots);
	for (size_t i = 0; i < m->nslots; i++)
		m->slots[i].key = KJ_STRMAP_NONE;
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

static struct entry *find(const kj_strmap *m, const char *key, size_t len,
                          uint64_t h)
{
	size_t mask = m->nslots - 1;

	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		struct entry *e = &m->slots[i];

		if (e->key == KJ_STRMAP_NONE)
			return e;
		if (e->hash == h && e->len == len &&
		    memcmp(m->keys[e->key], key, len) == 0)
			return e;
	}
}

static void rehash(kj_strmap *m)
{
	struct entry *old = m->slots;
	size_t oldn = m->nslots;

	m->nslots *= 2;
	m->slots = kj_xreallocarray(NULL, m->nslots, sizeof *m->slots);
	for (size_t i = 0; i < m->nslots; i++)
		m->slots[i].key = KJ_STRMAP_NONE;
	for (size_t i = 0; i < oldn; i++) {
		if (old[i].key == KJ_STRMAP_NONE)
			continue;
		size_t mask = m->nslots - 1, j = (size_t)old[i].hash & mask;

		while (m->slots[j].key != KJ_STRMAP_NONE)
			j = (j + 1) & mask;
		m->slots[j] = old[i];
	}
	free(old);
}

/* key and a NUL in the current block, a new one when it is full. */
static char *copy_key(kj_strmap *m, const char *key, size_t len)
{
	struct block *b = m->blocks;
	char *p;

	if (!b || b->cap - b->used < len + 1) {
		size_t cap = len + 1 > 65536 ? len + 1 : 65536;

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
	const struct entry *e = find(m, key, len, hash_bytes(key, len));

	return e->key == KJ_STRMAP_NONE ? KJ_STRMAP_NONE : e->value;
}

size_t kj_strmap_put(kj_strmap *m, const char *key, size_t len, size_t value,
                     int *added)
{
	uint64_t h = hash_bytes(key, len);
	struct entry *e = find(m, key, len, h);

	if (e->key != KJ_STRMAP_NONE) {
		if (added)
			*added = 0;
		return e->value;
	}
	kj_grow(&m->keys, &m->capkeys, m->count + 1, sizeof *m->keys);
	m->keys[m->count] = copy_key(m, key, len);
	e->hash = h;
	e->len = len;
	e->key = m->count++;
	e->value = value;
	if (added)
		*added = 1;
	if (m->count * 2 > m->nslots)
		rehash(m);
	return value;
}

const char *kj_strmap_key(const kj_strmap *m, size_t i)
{
	return m->keys[i];
}
