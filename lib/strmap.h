/*
 * strmap: a hash map from strings to indexes (size_t), for joins by key
 * (NIP, OPD code, a split value).  Keys are copied into the map's own
 * arena; lookups cost one hash and, on average, one comparison.
 */
#ifndef KJ_STRMAP_H
#define KJ_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct kj_strmap kj_strmap;

kj_strmap *kj_strmap_new(void);
void kj_strmap_free(kj_strmap *m);
size_t kj_strmap_count(const kj_strmap *m);
/* Index stored for key, or (size_t)-1 when absent. */
size_t kj_strmap_get(const kj_strmap *m, const char *key, size_t len);
/*
 * Insert key with value unless present.  Returns the value now stored
 * (the old one when the key was there; *added tells which, if not NULL).
 */
size_t kj_strmap_put(kj_strmap *m, const char *key, size_t len, size_t value,
                     int *added);
/*
 * Make room for n keys in all (the table and the key list), so that
 * putting that many rehashes nothing: for a caller that knows, or can
 * estimate from a file's size, how many keys come.  Never shrinks;
 * an estimate too low only means the usual growth after it.
 */
void kj_strmap_reserve(kj_strmap *m, size_t n);
/* The hash the map uses, for a caller that keeps hashes of its own
 * (lib/skp's ids): eight bytes at a time, then murmur3's fmix64. */
uint64_t kj_strmap_hash(const char *s, size_t len);
/* The key stored under the i-th insertion (0-based), NUL-terminated. */
const char *kj_strmap_key(const kj_strmap *m, size_t i);

#define KJ_STRMAP_NONE ((size_t)-1)

#endif
