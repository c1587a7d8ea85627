/*
 * Unit tests for lib/strmap.c: the string -> index hash map used for joins
 * by key (NIP, OPD code, a split value).
 *
 * The map starts with 16 slots and doubles whenever it would be more than
 * half full, so 9 keys already force one rehash (9 * 2 > 16) and 100,000
 * keys force fourteen (16 = 2^4 -> 2^18 = 262144 slots: 100000 * 2 >
 * 131072, <= 262144).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "strmap.h"

/* Put a NUL-terminated key; returns the value now stored. */
static size_t put(kj_strmap *m, const char *key, size_t value, int *added)
{
	return kj_strmap_put(m, key, strlen(key), value, added);
}

static size_t get(const kj_strmap *m, const char *key)
{
	return kj_strmap_get(m, key, strlen(key));
}

/* ---- basics -------------------------------------------------------------- */

static void test_empty_map(void **state)
{
	kj_strmap *m = kj_strmap_new();

	(void)state;
	assert_int_equal(kj_strmap_count(m), 0);
	assert_true(get(m, "DINKES") == KJ_STRMAP_NONE);
	assert_true(kj_strmap_get(m, "", 0) == KJ_STRMAP_NONE);
	kj_strmap_free(m);
	kj_strmap_free(NULL); /* a no-op, like free(NULL) */
}

static void test_put_get(void **state)
{
	kj_strmap *m = kj_strmap_new();
	int added = -1;

	(void)state;
	assert_int_equal(put(m, "DINKES", 0, &added), 0);
	assert_int_equal(added, 1);
	assert_int_equal(put(m, "DISDIK", 1, &added), 1);
	assert_int_equal(added, 1);
	/* The value is the caller's; it need not be the insertion index. */
	assert_int_equal(put(m, "BAPPEDA", 42, &added), 42);
	assert_int_equal(added, 1);
	assert_int_equal(kj_strmap_count(m), 3);

	assert_int_equal(get(m, "DINKES"), 0);
	assert_int_equal(get(m, "DISDIK"), 1);
	assert_int_equal(get(m, "BAPPEDA"), 42);
	/* Case matters: codes are compared byte for byte. */
	assert_true(get(m, "dinkes") == KJ_STRMAP_NONE);
	kj_strmap_free(m);
}

static void test_duplicates_keep_first(void **state)
{
	kj_strmap *m = kj_strmap_new();
	int added = -1;

	(void)state;
	assert_int_equal(put(m, "198503102010011002", 7, &added), 7);
	assert_int_equal(added, 1);
	/* Second put of the same key: the first value comes back, added=0,
	 * nothing is stored. */
	assert_int_equal(put(m, "198503102010011002", 99, &added), 7);
	assert_int_equal(added, 0);
	assert_int_equal(kj_strmap_count(m), 1);
	assert_int_equal(get(m, "198503102010011002"), 7);
	/* added may be NULL. */
	assert_int_equal(put(m, "198503102010011002", 5, NULL), 7);
	assert_int_equal(put(m, "199001012015032001", 8, NULL), 8);
	assert_int_equal(kj_strmap_count(m), 2);
	/* The key list holds each key once. */
	assert_string_equal(kj_strmap_key(m, 0), "198503102010011002");
	assert_string_equal(kj_strmap_key(m, 1), "199001012015032001");
	kj_strmap_free(m);
}

/* The empty key is a key like any other (an empty split value). */
static void test_empty_key(void **state)
{
	kj_strmap *m = kj_strmap_new();
	int added = -1;

	(void)state;
	assert_int_equal(kj_strmap_put(m, "", 0, 3, &added), 3);
	assert_int_equal(added, 1);
	assert_int_equal(kj_strmap_get(m, "", 0), 3);
	assert_int_equal(kj_strmap_put(m, "x", 0, 4, &added), 3);
	assert_int_equal(added, 0);
	assert_string_equal(kj_strmap_key(m, 0), "");
	assert_true(get(m, "x") == KJ_STRMAP_NONE);
	kj_strmap_free(m);
}

/* ---- lengths and bytes --------------------------------------------------- */

/* Keys are (pointer, length): a key inside a longer buffer, prefixes of
 * each other, and the copy in the map is NUL-terminated. */
static void test_lengths(void **state)
{
	static const char line[] = "DINKES\tDINKES.1\tDINKES.1.2";
	kj_strmap *m = kj_strmap_new();
	int added;

	(void)state;
	/* line+0 len 6 "DINKES"; line+7 len 8 "DINKES.1";
	 * line+16 len 10 "DINKES.1.2" */
	assert_int_equal(kj_strmap_put(m, line, 6, 0, &added), 0);
	assert_int_equal(kj_strmap_put(m, line + 7, 8, 1, &added), 1);
	assert_int_equal(added, 1);
	assert_int_equal(kj_strmap_put(m, line + 16, 10, 2, &added), 2);
	assert_int_equal(added, 1);
	assert_int_equal(kj_strmap_count(m), 3);

	assert_int_equal(get(m, "DINKES"), 0);
	assert_int_equal(get(m, "DINKES.1"), 1);
	assert_int_equal(get(m, "DINKES.1.2"), 2);
	/* Prefixes that were never put. */
	assert_true(get(m, "DINKES.") == KJ_STRMAP_NONE);
	assert_true(get(m, "DINKE") == KJ_STRMAP_NONE);
	assert_true(get(m, "DINKES.1.") == KJ_STRMAP_NONE);
	/* A lookup by length inside another buffer: "DINKES.1" of line+7. */
	assert_int_equal(kj_strmap_get(m, line + 7, 8), 1);
	assert_int_equal(kj_strmap_get(m, line + 7, 6), 0);
	/* The stored copies stop at their own length. */
	assert_string_equal(kj_strmap_key(m, 0), "DINKES");
	assert_string_equal(kj_strmap_key(m, 1), "DINKES.1");
	assert_string_equal(kj_strmap_key(m, 2), "DINKES.1.2");
	kj_strmap_free(m);
}

/*
 * The hash reads eight bytes at a time, the last word padded with zeros:
 * keys that differ only in the length of a run (0 to 40 'a's, and the
 * same with NUL bytes, which the padding would hide without the length),
 * and 18-digit NIPs that differ in one digit at every place, stay apart.
 */
static void test_word_boundaries(void **state)
{
	static const char zeros[48];
	char key[48], nip[19] = "199001012020121001";
	kj_strmap *m = kj_strmap_new();
	size_t v = 0;
	int added;

	(void)state;
	memset(key, 'a', sizeof key);
	for (size_t len = 0; len <= 40; len++) {
		assert_int_equal(kj_strmap_put(m, key, len, v++, &added),
		                 len);
		assert_int_equal(added, 1);
	}
	for (size_t len = 1; len <= 40; len++) {
		assert_int_equal(kj_strmap_put(m, zeros, len, v++, &added),
		                 41 + len - 1);
		assert_int_equal(added, 1);
	}
	for (int pos = 0; pos < 18; pos++)
		for (char d = '0'; d <= '9'; d++) {
			char saved = nip[pos];

			if (d == saved)
				continue;
			nip[pos] = d;
			kj_strmap_put(m, nip, 18, v, &added);
			assert_int_equal(added, 1);
			v++;
			nip[pos] = saved;
		}
	assert_int_equal(kj_strmap_count(m), v);
	for (size_t len = 0; len <= 40; len++)
		assert_int_equal(kj_strmap_get(m, key, len), len);
	for (size_t len = 1; len <= 40; len++)
		assert_int_equal(kj_strmap_get(m, zeros, len), 41 + len - 1);
	/* the NIP itself was never put */
	assert_true(kj_strmap_get(m, nip, 18) == KJ_STRMAP_NONE);
	nip[17] = '9';
	assert_int_equal(kj_strmap_get(m, nip, 18), v - 1);
	kj_strmap_free(m);
}

/* Every byte value except NUL, including bytes >= 0x80 that are not valid
 * UTF-8 on their own: the map compares bytes, not characters. */
static void test_binary_bytes(void **state)
{
	kj_strmap *m = kj_strmap_new();
	char keys[255][3];
	int added;

	(void)state;
	/* key k = { k+1, 0xff - k, 0x80 }: 255 distinct 3-byte keys */
	for (int k = 0; k < 255; k++) {
		keys[k][0] = (char)(k + 1);
		keys[k][1] = (char)(0xff - k);
		keys[k][2] = (char)0x80;
		assert_int_equal(kj_strmap_put(m, keys[k], 3, (size_t)k,
		                               &added), k);
		assert_int_equal(added, 1);
	}
	assert_int_equal(kj_strmap_count(m), 255);
	for (int k = 0; k < 255; k++) {
		const char *s = kj_strmap_key(m, (size_t)k);

		assert_int_equal(kj_strmap_get(m, keys[k], 3), k);
		assert_int_equal(strlen(s), 3);
		assert_memory_equal(s, keys[k], 3);
		/* the 2-byte prefix is another key, absent */
		assert_true(kj_strmap_get(m, keys[k], 2) == KJ_STRMAP_NONE);
	}
	/* UTF-8 "é" (c3 a9) and Latin-1 "é" (e9) are different keys. */
	assert_int_equal(put(m, "caf\xc3\xa9", 1000, &added), 1000);
	assert_int_equal(put(m, "caf\xe9", 1001, &added), 1001);
	assert_int_equal(added, 1);
	assert_int_equal(get(m, "caf\xc3\xa9"), 1000);
	assert_int_equal(get(m, "caf\xe9"), 1001);
	kj_strmap_free(m);
}

/* ---- growth -------------------------------------------------------------- */

/* 100,000 NIP-like keys: every one retrievable after fourteen rehashes,
 * kj_strmap_key in insertion order, near misses absent. */
static void test_100k_keys(void **state)
{
	enum { N = 100000 };
	kj_strmap *m = kj_strmap_new();
	char key[32];
	int added;

	(void)state;
	for (size_t i = 0; i < N; i++) {
		/* 198503102010 + 6 digits: 18 characters, like a NIP */
		snprintf(key, sizeof key, "198503102010%06zu", i * 7 % N);
		assert_int_equal(put(m, key, i, &added), i);
		assert_int_equal(added, 1);
	}
	assert_int_equal(kj_strmap_count(m), N);
	for (size_t i = 0; i < N; i++) {
		snprintf(key, sizeof key, "198503102010%06zu", i * 7 % N);
		assert_int_equal(get(m, key), i);
		/* insertion order survives the rehashes */
		assert_string_equal(kj_strmap_key(m, i), key);
	}
	/* i*7 mod 100000 is a permutation of 0..99999 (gcd(7, 100000) =
	 * 1), so a put of any of them again finds the first value. */
	snprintf(key, sizeof key, "198503102010%06d", 7);
	assert_int_equal(put(m, key, 123456, &added), 1);
	assert_int_equal(added, 0);
	assert_int_equal(kj_strmap_count(m), N);
	/* absent: a seventh digit, another prefix, one digit fewer */
	assert_true(get(m, "1985031020100000070") == KJ_STRMAP_NONE);
	assert_true(get(m, "199003102010000007") == KJ_STRMAP_NONE);
	assert_true(get(m, "19850310201000007") == KJ_STRMAP_NONE);
	kj_strmap_free(m);
}

/* Keys that are put and looked up while the table grows: after each
 * insertion every earlier key is still there (catches a rehash that
 * loses or misplaces an entry at the wrap-around of the probe). */
static void test_growth_step_by_step(void **state)
{
	kj_strmap *m = kj_strmap_new();
	char key[16];

	(void)state;
	for (size_t i = 0; i < 600; i++) {
		snprintf(key, sizeof key, "OPD-%zu", i);
		assert_int_equal(put(m, key, i * 3, NULL), i * 3);
		for (size_t j = 0; j <= i; j++) {
			snprintf(key, sizeof key, "OPD-%zu", j);
			assert_int_equal(get(m, key), j * 3);
		}
	}
	assert_string_equal(kj_strmap_key(m, 0), "OPD-0");
	assert_string_equal(kj_strmap_key(m, 599), "OPD-599");
	kj_strmap_free(m);
}

/* Keys are copied into blocks that double from 1 KiB up to 4 MiB (a
 * larger key gets a block of its own): keys longer than a block, and enough keys to fill many blocks,
 * must keep their bytes and their kj_strmap_key pointers while later keys
 * are added. */
static void test_keys_across_blocks(void **state)
{
	static char big[200000];
	kj_strmap *m = kj_strmap_new();
	const char *first, *bigkey;
	char key[32];
	int added;

	(void)state;
	memset(big, 'x', sizeof big - 1);
	put(m, "a", 0, NULL);
	first = kj_strmap_key(m, 0);
	assert_int_equal(put(m, big, 1, &added), 1);
	assert_int_equal(added, 1);
	bigkey = kj_strmap_key(m, 1);
	for (size_t i = 0; i < 20000; i++) {   /* about 400 KB of keys */
		snprintf(key, sizeof key, "1990010120200%05zu", i);
		assert_int_equal(put(m, key, i + 2, NULL), i + 2);
	}
	assert_ptr_equal(kj_strmap_key(m, 0), first);
	assert_ptr_equal(kj_strmap_key(m, 1), bigkey);
	assert_string_equal(first, "a");
	assert_int_equal(strlen(bigkey), sizeof big - 1);
	assert_int_equal(get(m, big), 1);
	big[100] = 'y';
	assert_true(get(m, big) == KJ_STRMAP_NONE);
	big[100] = 'x';
	for (size_t i = 0; i < 20000; i++) {
		snprintf(key, sizeof key, "1990010120200%05zu", i);
		assert_int_equal(get(m, key), i + 2);
		assert_string_equal(kj_strmap_key(m, i + 2), key);
	}
	assert_int_equal(kj_strmap_count(m), 20002);
	kj_strmap_free(m);
}

/*
 * kj_strmap_reserve makes room ahead: what was in the map stays, 50,000
 * keys put after it are all found, and a smaller reserve changes
 * nothing.  (That it spares the rehashes shows in the time only.)
 */
static void test_reserve(void **state)
{
	kj_strmap *m = kj_strmap_new(), *e = kj_strmap_new();
	char key[32];
	int added;

	(void)state;
	put(m, "DINKES", 7, NULL);
	kj_strmap_reserve(m, 50000);
	assert_int_equal(kj_strmap_count(m), 1);
	assert_int_equal(get(m, "DINKES"), 7);
	assert_string_equal(kj_strmap_key(m, 0), "DINKES");
	for (size_t i = 0; i < 50000; i++) {
		snprintf(key, sizeof key, "19900101202001%04zu", i % 10000);
		/* 5 prefixes x 10000: the tail repeats, the head differs */
		key[0] = (char)('1' + i / 10000);
		assert_int_equal(put(m, key, i, &added), i);
		assert_int_equal(added, 1);
	}
	kj_strmap_reserve(m, 10);
	kj_strmap_reserve(m, 0);
	assert_int_equal(kj_strmap_count(m), 50001);
	for (size_t i = 0; i < 50000; i++) {
		snprintf(key, sizeof key, "19900101202001%04zu", i % 10000);
		key[0] = (char)('1' + i / 10000);
		assert_int_equal(get(m, key), i);
		assert_string_equal(kj_strmap_key(m, i + 1), key);
	}
	assert_int_equal(get(m, "DINKES"), 7);
	assert_true(get(m, "69900101202001 0000") == KJ_STRMAP_NONE);
	assert_true(get(m, "699001012020010000") == KJ_STRMAP_NONE);
	/* reserve on an empty map, then nothing put: still empty */
	kj_strmap_reserve(e, 1000);
	assert_int_equal(kj_strmap_count(e), 0);
	assert_true(get(e, "DINKES") == KJ_STRMAP_NONE);
	kj_strmap_free(e);
	kj_strmap_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_map),
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_duplicates_keep_first),
		cmocka_unit_test(test_empty_key),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_word_boundaries),
		cmocka_unit_test(test_binary_bytes),
		cmocka_unit_test(test_100k_keys),
		cmocka_unit_test(test_growth_step_by_step),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_keys_across_blocks),
	};

	return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
