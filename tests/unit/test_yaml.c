/*
 * Unit tests of lib/yaml: positions, documents, scalar styles, every
 * refusal with its place and message, the key checks and typed getters.
 * Every expected line and column below was counted by hand from the YAML
 * written next to it (1-based, columns in characters).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "yaml.h"

#if defined(__SANITIZE_ADDRESS__)
#define ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASAN 1
#endif
#endif
#ifndef ASAN
#define ASAN 0
#endif

static kj_yfile *load(const char *text, kj_err *err)
{
	return kj_yload_mem("t.yaml", text, strlen(text), err);
}

static kj_yfile *load_ok(const char *text)
{
	kj_err err;
	kj_yfile *f;

	memset(&err, 0, sizeof err);
	f = load(text, &err);
	if (!f)
		fail_msg("unexpected error %ld:%ld: %s", err.line, err.col,
		         err.msg);
	return f;
}

/* The load must fail at line:col with exactly msg and status 2. */
static void load_fails_n(const char *text, size_t len, long line, long col,
                         const char *msg)
{
	kj_err err;
	kj_yfile *f;

	memset(&err, 0, sizeof err);
	f = kj_yload_mem("t.yaml", text, len, &err);
	if (f) {
		kj_yfree(f);
		fail_msg("expected error '%s', got none", msg);
	}
	assert_string_equal(err.file, "t.yaml");
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	assert_int_equal(err.status, KJ_EXIT_USAGE);
}

static void load_fails(const char *text, long line, long col, const char *msg)
{
	load_fails_n(text, strlen(text), line, col, msg);
}

static void assert_at(const kj_ynode *n, enum kj_ykind kind, long line,
                      long col)
{
	assert_non_null(n);
	assert_int_equal(n->kind, kind);
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
}

static void assert_scalar(const kj_ynode *n, const char *text, bool plain,
                          long line, long col)
{
	assert_at(n, KJ_Y_SCALAR, line, col);
	assert_int_equal(n->len, strlen(text));
	assert_string_equal(n->str, text);
	assert_int_equal(n->plain, plain);
}

static void assert_err(const kj_err *err, long line, long col,
                       const char *msg)
{
	assert_string_equal(err->msg, msg);
	assert_int_equal(err->line, line);
	assert_int_equal(err->col, col);
	assert_int_equal(err->status, KJ_EXIT_USAGE);
}

/* ---- tree and positions ------------------------------------------------- */

static void test_positions(void **state)
{
	static const char text[] =
		"nip: \"198503102010011002\"\n"   /* 1 */
		"tahun: 2026\n"                   /* 2 */
		"rhk:\n"                          /* 3 */
		"  - id: DINKES.1.2\n"            /* 4 */
		"    indikator:\n"                /* 5 */
		"      - id: a\n"                 /* 6 */
		"        target: 95\n"            /* 7 */
		"  - {teks: x, n: [1, \"2\"]}\n"; /* 8 */
	kj_yfile *f = load_ok(text);
	const kj_ynode *root, *rhk, *r0, *ind, *i0, *r1, *n;

	(void)state;
	assert_int_equal(f->ndocs, 1);
	root = &f->docs[0];
	assert_at(root, KJ_Y_MAP, 1, 1);
	assert_int_equal(root->len, 3);
	assert_scalar(&root->keys[0], "nip", true, 1, 1);
	assert_scalar(&kj_y_vals(root)[0], "198503102010011002", false, 1, 6);
	assert_scalar(&root->keys[1], "tahun", true, 2, 1);
	assert_scalar(&kj_y_vals(root)[1], "2026", true, 2, 8);
	assert_scalar(&root->keys[2], "rhk", true, 3, 1);

	/* A block sequence starts at its first '-', a block mapping at its
	 * first key. */
	rhk = &kj_y_vals(root)[2];
	assert_at(rhk, KJ_Y_SEQ, 4, 3);
	assert_int_equal(rhk->len, 2);
	r0 = &rhk->items[0];
	assert_at(r0, KJ_Y_MAP, 4, 5);
	assert_scalar(&r0->keys[0], "id", true, 4, 5);
	assert_scalar(&kj_y_vals(r0)[0], "DINKES.1.2", true, 4, 9);
	assert_scalar(&r0->keys[1], "indikator", true, 5, 5);
	ind = &kj_y_vals(r0)[1];
	assert_at(ind, KJ_Y_SEQ, 6, 7);
	i0 = &ind->items[0];
	assert_at(i0, KJ_Y_MAP, 6, 9);
	assert_scalar(&kj_y_vals(i0)[0], "a", true, 6, 13);
	assert_scalar(&i0->keys[1], "target", true, 7, 9);
	assert_scalar(&kj_y_vals(i0)[1], "95", true, 7, 17);

	/* Flow collections start at their bracket. */
	r1 = &rhk->items[1];
	assert_at(r1, KJ_Y_MAP, 8, 5);
	assert_scalar(&r1->keys[0], "teks", true, 8, 6);
	assert_scalar(&kj_y_vals(r1)[0], "x", true, 8, 12);
	assert_scalar(&r1->keys[1], "n", true, 8, 15);
	n = &kj_y_vals(r1)[1];
	assert_at(n, KJ_Y_SEQ, 8, 18);
	assert_int_equal(n->len, 2);
	assert_scalar(&n->items[0], "1", true, 8, 19);
	assert_scalar(&n->items[1], "2", false, 8, 22);

	assert_ptr_equal(kj_y_get(root, "tahun"), &kj_y_vals(root)[1]);
	assert_ptr_equal(kj_y_get(r0, "indikator"), ind);
	assert_null(kj_y_get(root, "Tahun"));
	assert_null(kj_y_get(rhk, "id"));        /* not a mapping */
	assert_null(kj_y_get(NULL, "id"));
	kj_yfree(f);
}

static void test_multi_document(void **state)
{
	static const char text[] =
		"a: 1\n"           /* 1 */
		"---\n"            /* 2 */
		"- x\n"            /* 3 */
		"--- \"s\"\n"      /* 4 */
		"...\n"            /* 5 */
		"---\n"            /* 6 */
		"# only a comment\n"; /* 7: an empty document */
	kj_yfile *f = load_ok(text);

	(void)state;
	assert_string_equal(f->name, "t.yaml");
	assert_int_equal(f->ndocs, 4);
	assert_at(&f->docs[0], KJ_Y_MAP, 1, 1);
	assert_at(&f->docs[1], KJ_Y_SEQ, 3, 1);
	assert_scalar(&f->docs[1].items[0], "x", true, 3, 3);
	assert_scalar(&f->docs[2], "s", false, 4, 5);
	assert_int_equal(f->docs[3].kind, KJ_Y_SCALAR);
	assert_true(kj_y_is_null(&f->docs[3]));
	kj_yfree(f);
}

static void test_empty_inputs(void **state)
{
	kj_err err;
	kj_yfile *f;

	(void)state;
	f = load_ok("");
	assert_int_equal(f->ndocs, 0);
	assert_null(f->docs);
	kj_yfree(f);
	f = load_ok("# nothing here\n\n   \n");
	assert_int_equal(f->ndocs, 0);
	kj_yfree(f);

	/* A NULL buffer of length 0 and no name. */
	memset(&err, 0, sizeof err);
	f = kj_yload_mem(NULL, NULL, 0, &err);
	assert_non_null(f);
	assert_string_equal(f->name, "<memory>");
	assert_int_equal(f->ndocs, 0);
	kj_yfree(f);
	kj_yfree(NULL);
}

static void test_empty_collections(void **state)
{
	kj_yfile *f = load_ok("[]\n---\na: {}\nb: []\n");
	const kj_ynode *m;

	(void)state;
	assert_int_equal(f->ndocs, 2);
	assert_at(&f->docs[0], KJ_Y_SEQ, 1, 1);
	assert_int_equal(f->docs[0].len, 0);
	m = &f->docs[1];
	assert_at(&kj_y_vals(m)[0], KJ_Y_MAP, 3, 4);
	assert_at(&kj_y_vals(m)[1], KJ_Y_SEQ, 4, 4);
	/* Empty collections still point somewhere. */
	assert_int_equal(kj_y_vals(m)[0].len, 0);
	assert_non_null(kj_y_vals(m)[0].keys);
	assert_non_null(kj_y_vals(&kj_y_vals(m)[0]));
	assert_non_null(kj_y_vals(m)[1].items);
	assert_null(kj_y_get(&kj_y_vals(m)[0], "a"));
	kj_yfree(f);
}

static void test_plain_and_quoted(void **state)
{
	static const char text[] =
		"a: null\n"
		"b: \"null\"\n"
		"c: 123\n"
		"d: '123'\n"
		"e:\n"
		"f: ~\n"
		"g: |\n"
		"  lit\n"
		"h: !!str 5\n"
		"i: NULL\n"
		"j: nul\n";
	kj_yfile *f = load_ok(text);
	const kj_ynode *m = &f->docs[0];
	const char *s = "untouched";
	kj_err err;

	(void)state;
	assert_true(kj_y_get(m, "a")->plain);
	assert_false(kj_y_get(m, "b")->plain);
	assert_true(kj_y_get(m, "c")->plain);
	assert_false(kj_y_get(m, "d")->plain);
	assert_false(kj_y_get(m, "g")->plain);
	assert_false(kj_y_get(m, "h")->plain);   /* !!str makes it text */
	assert_string_equal(kj_y_get(m, "g")->str, "lit\n");

	assert_true(kj_y_is_null(kj_y_get(m, "a")));
	assert_false(kj_y_is_null(kj_y_get(m, "b")));
	assert_true(kj_y_is_null(kj_y_get(m, "e")));
	assert_true(kj_y_is_null(kj_y_get(m, "f")));
	assert_true(kj_y_is_null(kj_y_get(m, "i")));
	assert_false(kj_y_is_null(kj_y_get(m, "j")));
	assert_false(kj_y_is_null(m));
	assert_false(kj_y_is_null(NULL));

	/* A null is "no value": the getter leaves *out alone. */
	assert_int_equal(kj_y_str(f, kj_y_get(m, "a"), &s, &err), 1);
	assert_string_equal(s, "untouched");
	assert_int_equal(kj_y_str(f, kj_y_get(m, "b"), &s, &err), 0);
	assert_string_equal(s, "null");
	assert_int_equal(kj_y_str(f, kj_y_get(m, "d"), &s, &err), 0);
	assert_string_equal(s, "123");
	assert_true(kj_y_is(kj_y_get(m, "c"), "123"));
	assert_false(kj_y_is(kj_y_get(m, "c"), "12"));
	assert_false(kj_y_is(m, "123"));
	kj_yfree(f);
}

static void test_nip_stays_text(void **state)
{
	kj_yfile *f = load_ok("nip: 198503102010011002\nkode: 007\n");
	const char *s = NULL;
	kj_err err;

	(void)state;
	assert_int_equal(kj_y_str(f, kj_y_get(&f->docs[0], "nip"), &s, &err),
	                 0);
	assert_string_equal(s, "198503102010011002");
	assert_int_equal(kj_y_str(f, kj_y_get(&f->docs[0], "kode"), &s, &err),
	                 0);
	assert_string_equal(s, "007");
	kj_yfree(f);
}

/* ---- refusals ----------------------------------------------------------- */

static void test_aliases_refused(void **state)
{
	(void)state;
	load_fails("a: 1\nb: *x\n", 2, 4, "aliases are not allowed");
	load_fails("a: &x 1\nb: *x\n", 1, 4, "anchors are not allowed");
	load_fails("- &s [1, 2]\n", 1, 3, "anchors are not allowed");
	/* The classic billion laughs stops at its first anchor. */
	load_fails("a: &a [\"lol\",\"lol\"]\nb: &b [*a,*a]\n", 1, 4,
	           "anchors are not allowed");
}

/* n nested flow sequences: "[[[...]]]" */
static char *flow_nest(int n)
{
	char *s = malloc((size_t)n * 2 + 2);

	assert_non_null(s);
	memset(s, '[', (size_t)n);
	memset(s + n, ']', (size_t)n);
	s[2 * n] = '\n';
	s[2 * n + 1] = '\0';
	return s;
}

/* n nested block mappings: "a:\n  a:\n    a:\n ... x" */
static char *block_nest(int n)
{
	size_t cap = (size_t)n * (2 * (size_t)n + 8), used = 0;
	char *s = malloc(cap);

	assert_non_null(s);
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(s + used, cap - used, "%*sa:%s",
		                         2 * i, "", i == n - 1 ? " x\n" : "\n");
	return s;
}

static void test_depth_limit(void **state)
{
	char *s;
	kj_yfile *f;
	const kj_ynode *n;
	int depth;

	(void)state;
	s = flow_nest(64);
	f = load_ok(s);
	for (n = &f->docs[0], depth = 1; n->len > 0; depth++) {
		assert_at(n, KJ_Y_SEQ, 1, depth);
		n = &n->items[0];
	}
	assert_at(n, KJ_Y_SEQ, 1, 64);
	kj_yfree(f);
	free(s);

	/* The 65th '[' is on line 1, column 65. */
	s = flow_nest(65);
	load_fails(s, 1, 65, "nesting deeper than 64 levels");
	free(s);

	s = block_nest(64);
	f = load_ok(s);
	kj_yfree(f);
	free(s);
	/* Mapping k starts at its key: line k, column 2k - 1. */
	s = block_nest(65);
	load_fails(s, 65, 129, "nesting deeper than 64 levels");
	free(s);

	/* Sequences and mappings count alike: 32 block sequences "- " fill
	 * columns 1-64, 31 '[' columns 65-95 (depth 63), '{' at 96 is level
	 * 64, "a: " and the '[' at column 100 is level 65. */
	s = malloc(200);
	assert_non_null(s);
	for (int i = 0; i < 32; i++)
		memcpy(s + 2 * i, "- ", 2);
	memset(s + 64, '[', 31);
	strcpy(s + 95, "{a: [1]}");
	memset(s + 103, ']', 31);
	strcpy(s + 134, "\n");
	load_fails(s, 1, 100, "nesting deeper than 64 levels");
	/* Without the last '[' it is exactly 64 levels. */
	strcpy(s + 95, "{a: 1}");
	memset(s + 101, ']', 31);
	strcpy(s + 132, "\n");
	f = load_ok(s);
	kj_yfree(f);
	free(s);
}

static char *long_scalar(size_t n)
{
	char *s = malloc(n + 5);

	assert_non_null(s);
	memcpy(s, "a: ", 3);
	memset(s + 3, 'x', n);
	memcpy(s + 3 + n, "\n", 2);
	return s;
}

static void test_scalar_limit(void **state)
{
	char *s;
	kj_yfile *f;

	(void)state;
	s = long_scalar(KJ_Y_MAX_SCALAR);
	f = load_ok(s);
	assert_int_equal(kj_y_vals(&f->docs[0])[0].len, (size_t)1 << 20);
	assert_int_equal(kj_y_vals(&f->docs[0])[0].str[(1 << 20) - 1], 'x');
	assert_int_equal(kj_y_vals(&f->docs[0])[0].str[1 << 20], '\0');
	kj_yfree(f);
	free(s);

	s = long_scalar(KJ_Y_MAX_SCALAR + 1);
	load_fails(s, 1, 4, "scalar longer than 1 MiB");
	free(s);
}

/* A block mapping of n keys k0 .. k(n-1), key i on line i + 1, then the
 * extra lines in tail. */
static char *big_map(size_t n, const char *tail)
{
	size_t cap = n * 24 + strlen(tail) + 1, used = 0;
	char *s = malloc(cap);

	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(s + used, cap - used, "k%zu: %zu\n",
		                         i, i);
	memcpy(s + used, tail, strlen(tail) + 1);
	return s;
}

static void test_duplicate_keys(void **state)
{
	char *s;
	kj_yfile *f;

	(void)state;
	load_fails("id: 1\nteks: a\nnip: x\nnama: b\nnip: y\n", 5, 1,
	           "duplicate key 'nip' (first at line 3)");
	load_fails("{a: 1, a: 2}\n", 1, 8,
	           "duplicate key 'a' (first at line 1, column 2)");
	/* Keys are compared as text, however they are written. */
	load_fails("\"1\": a\n1: b\n", 2, 1, "duplicate key '1' (first at line 1)");
	/* Nested mappings have their own keys. */
	f = load_ok("a: {x: 1}\nb: {x: 2}\nx: 3\n");
	kj_yfree(f);

	/* 1000 keys: the duplicate of key 500 (line 501) on line 1001. */
	s = big_map(1000, "k500: again\n");
	load_fails(s, 1001, 1, "duplicate key 'k500' (first at line 501)");
	free(s);
	/* A duplicate of the very first and of the 17th key, found through
	 * the table that big mappings use. */
	s = big_map(1000, "k0: again\n");
	load_fails(s, 1001, 1, "duplicate key 'k0' (first at line 1)");
	free(s);
	s = big_map(17, "k16: again\n");
	load_fails(s, 18, 1, "duplicate key 'k16' (first at line 17)");
	free(s);

	/* 50000 distinct keys load, and each can be found. */
	s = big_map(50000, "");
	f = load_ok(s);
	assert_int_equal(f->docs[0].len, 50000);
	assert_scalar(&f->docs[0].keys[49999], "k49999", true, 50000, 1);
	assert_scalar(kj_y_get(&f->docs[0], "k31337"), "31337", true, 31338, 9);
	kj_yfree(f);
	free(s);
}

static void test_key_not_scalar(void **state)
{
	(void)state;
	load_fails("? [a]\n: 1\n", 1, 3, "mapping key must be a scalar");
	load_fails("ok: 1\n? {a: 1}\n: 2\n", 2, 3, "mapping key must be a scalar");
	load_fails("{[a]: 1}\n", 1, 2, "mapping key must be a scalar");
}

static void test_tags(void **state)
{
	(void)state;
	load_fails("a: !!int 5\n", 1, 4, "tag '!!int' is not allowed (only !!str)");
	load_fails("a: !foo x\n", 1, 4, "tag '!foo' is not allowed (only !!str)");
	load_fails("--- !!seq\na: 1\n", 1, 5,
	           "tag '!!seq' is not allowed on a mapping (only !!map)");
}

static void test_syntax_errors(void **state)
{
	(void)state;
	load_fails("a: b: c\n", 1, 5,
	           "mapping values are not allowed in this context");
	load_fails("a: 1\n b: 2\n", 2, 3,
	           "mapping values are not allowed in this context");
	load_fails("a: \"abc\n", 2, 1,
	           "found unexpected end of stream (while scanning a quoted "
	           "scalar that starts at line 1, column 4)");
	load_fails("- a\nb: c\n", 2, 1,
	           "did not find expected '-' indicator (while parsing a block "
	           "collection that starts at line 1, column 1)");
	load_fails("a: [1, 2\n", 2, 1,
	           "did not find expected ',' or ']' (while parsing a flow "
	           "sequence that starts at line 1, column 4)");
	load_fails("\ta: 1\n", 1, 1,
	           "found character that cannot start any token (while "
	           "scanning for the next token)");
	/* CRLF line ends count as one line end. */
	load_fails("a: 1\r\nb: 2\r\nc: *x\r\n", 3, 4, "aliases are not allowed");
}

static void test_encoding_errors(void **state)
{
	char *s;
	size_t len = 0, cap = 50000 * 16;

	(void)state;
	/* "a: 1\n" is 5 bytes, "b: x" 4 more: the bad byte is at offset 9,
	 * line 2, column 5. */
	load_fails("a: 1\nb: x\xff\n", 2, 5,
	           "invalid leading UTF-8 octet 0xff at byte offset 9: "
	           "expected UTF-8 text");
	/* Columns count characters: "é" is one. */
	load_fails("a: \xc3\xa9\xc3\xa9\x01\n", 1, 6,
	           "control characters are not allowed (U+0001 at byte offset 7)");
	load_fails_n("a: \xe2\x82", 5, 1, 4,
	             "incomplete UTF-8 octet sequence at byte offset 3: "
	             "expected UTF-8 text");

	/* Far past libyaml's buffers: the line is still exact. */
	s = malloc(cap);
	assert_non_null(s);
	for (int i = 1; i < 50000; i++)
		len += (size_t)snprintf(s + len, cap - len, "k%d: v\r\n", i);
	memcpy(s + len, "bad: \xc3\x28\n", 9);
	load_fails(s, 50000, 6,
	           "invalid trailing UTF-8 octet 0x28 at byte offset 538889: "
	           "expected UTF-8 text");
	free(s);
}

/* ---- key checks --------------------------------------------------------- */

static const char *const rhk_keys[] = {
	"id", "jenis", "teks", "intervensi", "perspektif", "indikator", NULL
};

static void test_check_keys(void **state)
{
	kj_yfile *f = load_ok("id: A.1\n"
	                      "jenis: utama\n"
	                      "  # comment\n"
	                      "intervesi: A\n");
	kj_yfile *g = load_ok("id: A.1\nzzz: 1\n");
	kj_yfile *h = load_ok("jneis: x\n");
	kj_yfile *ok = load_ok("teks: x\nid: y\n");
	static const char *const none[] = { NULL };
	kj_err err;

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_y_check_keys(f, &f->docs[0], rhk_keys, &err), -1);
	assert_string_equal(err.file, "t.yaml");
	assert_err(&err, 4, 1,
	           "unknown key 'intervesi' (expected one of: id, jenis, teks, "
	           "intervensi, perspektif, indikator); did you mean "
	           "'intervensi'?");
	assert_int_equal(kj_y_check_keys(g, &g->docs[0], rhk_keys, &err), -1);
	assert_err(&err, 2, 1,
	           "unknown key 'zzz' (expected one of: id, jenis, teks, "
	           "intervensi, perspektif, indikator)");
	/* A swap of two letters is one edit. */
	assert_int_equal(kj_y_check_keys(h, &h->docs[0], rhk_keys, &err), -1);
	assert_err(&err, 1, 1,
	           "unknown key 'jneis' (expected one of: id, jenis, teks, "
	           "intervensi, perspektif, indikator); did you mean 'jenis'?");
	assert_int_equal(kj_y_check_keys(ok, &ok->docs[0], rhk_keys, &err), 0);
	assert_int_equal(kj_y_check_keys(ok, NULL, rhk_keys, &err), 0);
	assert_int_equal(kj_y_check_keys(ok, &ok->docs[0], none, &err), -1);
	assert_err(&err, 1, 1, "unknown key 'teks' (this mapping takes no keys)");
	assert_int_equal(kj_y_check_keys(ok, &kj_y_vals(&ok->docs[0])[0], rhk_keys,
	                                 &err), -1);
	assert_err(&err, 1, 7, "expected a mapping, found 'x'");
	kj_yfree(f);
	kj_yfree(g);
	kj_yfree(h);
	kj_yfree(ok);
}

/* Two keys one edit from 'f4' ('f1' by a change, 'f4a' by an addition):
 * the one that contains what was written wins, whatever the order. */
static void test_check_keys_tie(void **state)
{
	static const char *const evjab[] = {
		"f1", "f2", "f3", "f4a", "f4b", "f5", "f6", NULL
	};
	static const char *const rev[] = { "f4b", "f4a", "f1", NULL };
	static const char *const plain[] = { "f1", "f2", NULL };
	kj_yfile *f = load_ok("f4: 1\n");
	kj_err err;

	(void)state;
	assert_int_equal(kj_y_check_keys(f, &f->docs[0], evjab, &err), -1);
	assert_err(&err, 1, 1,
	           "unknown key 'f4' (expected one of: f1, f2, f3, f4a, f4b, "
	           "f5, f6); did you mean 'f4a'?");
	/* Of two that contain it, the first in the list. */
	assert_int_equal(kj_y_check_keys(f, &f->docs[0], rev, &err), -1);
	assert_err(&err, 1, 1,
	           "unknown key 'f4' (expected one of: f4b, f4a, f1); did you "
	           "mean 'f4b'?");
	/* None contains it: the first closest, as before. */
	assert_int_equal(kj_y_check_keys(f, &f->docs[0], plain, &err), -1);
	assert_err(&err, 1, 1,
	           "unknown key 'f4' (expected one of: f1, f2); did you mean "
	           "'f1'?");
	kj_yfree(f);
}

static void test_check_keys_long_list(void **state)
{
	/* 60 allowed keys do not fit the message: the list is cut, the
	 * suggestion stays. */
	static char names[60][24];
	const char *allowed[61];
	kj_yfile *f = load_ok("kunci_ke_59x: 1\n");
	kj_err err;

	(void)state;
	for (int i = 0; i < 60; i++) {
		snprintf(names[i], sizeof names[i], "kunci_ke_%d", i);
		allowed[i] = names[i];
	}
	allowed[60] = NULL;
	assert_int_equal(kj_y_check_keys(f, &f->docs[0], allowed, &err), -1);
	assert_non_null(strstr(err.msg, "unknown key 'kunci_ke_59x' (expected "
	                                "one of: kunci_ke_0, kunci_ke_1,"));
	assert_non_null(strstr(err.msg, ", ...); did you mean 'kunci_ke_59'?"));
	kj_yfree(f);
}

static void test_require(void **state)
{
	static const char *const req[] = { "nip", "tahun", NULL };
	kj_yfile *f = load_ok("tahun: 2026\n");
	kj_yfile *g = load_ok("x: 1\nnip:\ntahun: 1\n");
	kj_yfile *h = load_ok("nip: '1'\ntahun: 1\n");
	kj_err err;

	(void)state;
	assert_int_equal(kj_y_require(f, &f->docs[0], req, &err), -1);
	assert_err(&err, 1, 1, "missing required key 'nip'");
	assert_int_equal(kj_y_require(g, &g->docs[0], req, &err), -1);
	assert_err(&err, 2, 1, "key 'nip' has no value");
	assert_int_equal(kj_y_require(h, &h->docs[0], req, &err), 0);

	assert_ptr_equal(kj_y_need(h, &h->docs[0], "tahun", &err),
	                 &kj_y_vals(&h->docs[0])[1]);
	assert_null(kj_y_need(h, &kj_y_vals(&h->docs[0])[1], "tahun", &err));
	assert_err(&err, 2, 8, "expected a mapping with key 'tahun', found '1'");
	assert_null(kj_y_need(h, NULL, "tahun", &err));
	assert_string_equal(err.msg, "missing required key 'tahun'");
	assert_int_equal(err.line, 0);
	kj_yfree(f);
	kj_yfree(g);
	kj_yfree(h);
}

/* ---- typed values ------------------------------------------------------- */

static void test_kinds(void **state)
{
	kj_yfile *f = load_ok("m: {a: 1}\ns: [1]\nt: teks\nn: ~\n");
	const kj_ynode *r = &f->docs[0];
	const char *str = NULL;
	kj_err err;

	(void)state;
	assert_int_equal(kj_y_map(f, kj_y_get(r, "m"), &err), 0);
	assert_int_equal(kj_y_seq(f, kj_y_get(r, "s"), &err), 0);
	assert_int_equal(kj_y_map(f, kj_y_get(r, "s"), &err), -1);
	assert_err(&err, 2, 4, "expected a mapping, found a sequence");
	assert_int_equal(kj_y_seq(f, kj_y_get(r, "m"), &err), -1);
	assert_err(&err, 1, 4, "expected a sequence, found a mapping");
	assert_int_equal(kj_y_seq(f, kj_y_get(r, "t"), &err), -1);
	assert_err(&err, 3, 4, "expected a sequence, found 'teks'");
	assert_int_equal(kj_y_seq(f, kj_y_get(r, "n"), &err), 1);
	assert_int_equal(kj_y_seq(f, kj_y_get(r, "absent"), &err), 1);

	assert_int_equal(kj_y_str(f, kj_y_get(r, "m"), &str, &err), -1);
	assert_err(&err, 1, 4, "expected a text value, found a mapping");
	assert_int_equal(kj_y_str(f, kj_y_get(r, "s"), &str, &err), -1);
	assert_err(&err, 2, 4, "expected a text value, found a sequence");
	assert_null(str);
	kj_yfree(f);

	f = load_ok("a: \"x\\0y\"\n");
	assert_int_equal(kj_y_vals(&f->docs[0])[0].len, 3);
	assert_int_equal(kj_y_str(f, &kj_y_vals(&f->docs[0])[0], &str, &err), -1);
	assert_err(&err, 1, 4, "text contains a NUL character");
	kj_yfree(f);
}

static void test_found(void **state)
{
	kj_yfile *f = load_ok("a: 01234567890123456789012345678901234567890123456789\n"
	                      "b: \"tab\\there\"\n"
	                      "c:\n");
	char buf[64];

	(void)state;
	assert_string_equal(kj_y_found(&kj_y_vals(&f->docs[0])[0], buf, sizeof buf),
	                    "'0123456789012345678901234567890123456789...'");
	assert_string_equal(kj_y_found(&kj_y_vals(&f->docs[0])[1], buf, sizeof buf),
	                    "'tab?here'");
	assert_string_equal(kj_y_found(&kj_y_vals(&f->docs[0])[2], buf, sizeof buf),
	                    "an empty value");
	assert_string_equal(kj_y_found(NULL, buf, sizeof buf), "nothing");
	kj_yfree(f);
}

/* Value of key k of the first document as an integer in [min, max]. */
static int get_int(const kj_yfile *f, const char *k, int64_t min, int64_t max,
                   int64_t *v, kj_err *err)
{
	return kj_y_int(f, kj_y_get(&f->docs[0], k), min, max, v, err);
}

static void test_int(void **state)
{
	kj_yfile *f = load_ok("a: 1\nb: 17\nc: 0\nd: 18\ne: 08\nf: 1.5\n"
	                      "g: '12'\nh: +5\ni: -3\nj: 9223372036854775807\n"
	                      "k: 9223372036854775808\nl: -9223372036854775808\n"
	                      "m: -9223372036854775809\nn: {x: 1}\no: ~\n"
	                      "p: 1_000\nq: 0x10\nr: ' 5'\ns: '-'\n");
	int64_t v = 0;
	kj_err err;

	(void)state;
	assert_int_equal(get_int(f, "a", 1, 17, &v, &err), 0);
	assert_int_equal(v, 1);
	assert_int_equal(get_int(f, "b", 1, 17, &v, &err), 0);
	assert_int_equal(v, 17);
	assert_int_equal(get_int(f, "c", 1, 17, &v, &err), -1);
	assert_err(&err, 3, 4, "expected an integer between 1 and 17, found '0'");
	assert_int_equal(get_int(f, "d", 1, 17, &v, &err), -1);
	assert_err(&err, 4, 4, "expected an integer between 1 and 17, found '18'");
	assert_int_equal(get_int(f, "e", 1, 17, &v, &err), 0);
	assert_int_equal(v, 8);
	assert_int_equal(get_int(f, "f", 1, 17, &v, &err), -1);
	assert_err(&err, 6, 4, "expected an integer between 1 and 17, found '1.5'");
	assert_int_equal(get_int(f, "g", 1, 17, &v, &err), 0);
	assert_int_equal(v, 12);
	assert_int_equal(get_int(f, "h", 1, 17, &v, &err), 0);
	assert_int_equal(v, 5);
	assert_int_equal(get_int(f, "i", -3, 0, &v, &err), 0);
	assert_int_equal(v, -3);
	assert_int_equal(get_int(f, "j", INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(get_int(f, "k", INT64_MIN, INT64_MAX, &v, &err), -1);
	assert_err(&err, 11, 4, "expected an integer, found '9223372036854775808'");
	assert_int_equal(get_int(f, "l", INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_true(v == INT64_MIN);
	assert_int_equal(get_int(f, "m", INT64_MIN, INT64_MAX, &v, &err), -1);
	assert_err(&err, 13, 4, "expected an integer, found '-9223372036854775809'");
	assert_int_equal(get_int(f, "n", 0, INT64_MAX, &v, &err), -1);
	assert_err(&err, 14, 4, "expected an integer of at least 0, found a mapping");
	assert_int_equal(get_int(f, "p", INT64_MIN, 100, &v, &err), -1);
	assert_err(&err, 16, 4, "expected an integer of at most 100, found '1_000'");
	assert_int_equal(get_int(f, "q", 0, 100, &v, &err), -1);
	assert_int_equal(get_int(f, "r", 0, 100, &v, &err), -1);
	assert_int_equal(get_int(f, "s", 0, 100, &v, &err), -1);

	v = 42;
	assert_int_equal(get_int(f, "o", 1, 17, &v, &err), 1);
	assert_int_equal(get_int(f, "absent", 1, 17, &v, &err), 1);
	assert_int_equal(v, 42);
	kj_yfree(f);
}

static void test_bool(void **state)
{
	kj_yfile *f = load_ok("- true\n- FALSE\n- Yes\n- no\n- 'true'\n- maybe\n"
	                      "- 1\n- ~\n");
	const kj_ynode *s = &f->docs[0];
	bool b = false;
	kj_err err;

	(void)state;
	assert_int_equal(kj_y_bool(f, &s->items[0], &b, &err), 0);
	assert_true(b);
	assert_int_equal(kj_y_bool(f, &s->items[1], &b, &err), 0);
	assert_false(b);
	assert_int_equal(kj_y_bool(f, &s->items[2], &b, &err), 0);
	assert_true(b);
	assert_int_equal(kj_y_bool(f, &s->items[3], &b, &err), 0);
	assert_false(b);
	assert_int_equal(kj_y_bool(f, &s->items[4], &b, &err), 0);
	assert_true(b);
	assert_int_equal(kj_y_bool(f, &s->items[5], &b, &err), -1);
	assert_err(&err, 6, 3, "expected true, false, yes or no, found 'maybe'");
	assert_int_equal(kj_y_bool(f, &s->items[6], &b, &err), -1);
	assert_err(&err, 7, 3, "expected true, false, yes or no, found '1'");
	assert_int_equal(kj_y_bool(f, &s->items[7], &b, &err), 1);
	assert_int_equal(kj_y_bool(f, s, &b, &err), -1);
	assert_err(&err, 1, 1, "expected true, false, yes or no, found a sequence");
	kj_yfree(f);
}

static int get_dec(const kj_yfile *f, const char *k, int scale, int64_t min,
                   int64_t max, int64_t *v, kj_err *err)
{
	return kj_y_decimal(f, kj_y_get(&f->docs[0], k), scale, min, max, v,
	                    err);
}

static void test_decimal(void **state)
{
	kj_yfile *f = load_ok("a: 0,5\nb: 1.234\nc: 1.2345\nd: 0.50\ne: -2,25\n"
	                      "f: 12\ng: 92233720368547758.07\n"
	                      "h: 92233720368547758.08\ni: 100,01\nj: 1.234.567\n"
	                      "k: 1e3\nl: .5\nm: '1,'\nn: '75,5'\no: 100\n"
	                      "p: -92233720368547758.08\nq: 1.20000000000000000000001\n"
	                      "r: 99999999999999999999\n");
	int64_t v = 0;
	kj_err err;

	(void)state;
	assert_int_equal(get_dec(f, "a", 2, INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_int_equal(v, 50);
	assert_int_equal(get_dec(f, "b", 3, INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_int_equal(v, 1234);
	assert_int_equal(get_dec(f, "c", 3, INT64_MIN, INT64_MAX, &v, &err), -1);
	assert_err(&err, 3, 4,
	           "expected a number with at most 3 decimals, found '1.2345'");
	assert_int_equal(get_dec(f, "d", 1, INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_int_equal(v, 5);
	assert_int_equal(get_dec(f, "e", 2, INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_int_equal(v, -225);
	assert_int_equal(get_dec(f, "f", 2, INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_int_equal(v, 1200);
	assert_int_equal(get_dec(f, "f", 0, INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_int_equal(v, 12);
	assert_int_equal(get_dec(f, "g", 2, INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(get_dec(f, "h", 2, INT64_MIN, INT64_MAX, &v, &err), -1);
	assert_err(&err, 8, 4, "expected a number with at most 2 decimals, "
	                       "found '92233720368547758.08'");
	assert_int_equal(get_dec(f, "p", 2, INT64_MIN, INT64_MAX, &v, &err), 0);
	assert_true(v == INT64_MIN);
	assert_int_equal(get_dec(f, "i", 2, 0, 10000, &v, &err), -1);
	assert_err(&err, 9, 4, "expected a number between 0 and 100 with at most "
	                       "2 decimals, found '100,01'");
	assert_int_equal(get_dec(f, "o", 2, 0, 10000, &v, &err), 0);
	assert_int_equal(v, 10000);
	assert_int_equal(get_dec(f, "j", 2, 0, 10000, &v, &err), -1);
	assert_int_equal(get_dec(f, "k", 2, 0, 10000, &v, &err), -1);
	assert_int_equal(get_dec(f, "l", 2, 0, 10000, &v, &err), -1);
	assert_int_equal(get_dec(f, "m", 2, 0, 10000, &v, &err), -1);
	assert_err(&err, 13, 4, "expected a number between 0 and 100 with at "
	                        "most 2 decimals, found '1,'");
	assert_int_equal(get_dec(f, "n", 1, 0, 1000, &v, &err), 0);
	assert_int_equal(v, 755);
	assert_int_equal(get_dec(f, "n", 0, 0, 1000, &v, &err), -1);
	assert_err(&err, 14, 4, "expected a number between 0 and 1000 without "
	                        "decimals, found '75,5'");
	/* Bounds are shown as decimals: 25 with scale 1 is 2.5. */
	assert_int_equal(get_dec(f, "o", 1, 25, 555, &v, &err), -1);
	assert_err(&err, 15, 4, "expected a number between 2.5 and 55.5 with at "
	                        "most 1 decimal, found '100'");
	assert_int_equal(get_dec(f, "q", 2, INT64_MIN, INT64_MAX, &v, &err), -1);
	assert_int_equal(get_dec(f, "r", 0, INT64_MIN, INT64_MAX, &v, &err), -1);
	assert_int_equal(get_dec(f, "r", 18, INT64_MIN, INT64_MAX, &v, &err), -1);
	v = 7;
	assert_int_equal(get_dec(f, "absent", 2, 0, 1, &v, &err), 1);
	assert_int_equal(v, 7);
	kj_yfree(f);
}

/* ---- inputs ------------------------------------------------------------- */

static void test_gzip_file(void **state)
{
	char path[] = "/tmp/test_yaml_XXXXXX";
	static const char text[] = "opd: DINKES\n"
	                           "pegawai:\n"
	                           "  - nip: \"198503102010011002\"\n"
	                           "    kelas: 9\n";
	kj_yfile *f;
	const kj_ynode *p;
	kj_err err;
	gzFile gz;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	gz = gzopen(path, "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, text, sizeof text - 1), sizeof text - 1);
	assert_int_equal(gzclose(gz), Z_OK);

	memset(&err, 0, sizeof err);
	f = kj_yload_path(path, &err);
	if (!f)
		fail_msg("%s", err.msg);
	assert_string_equal(f->name, path);
	assert_int_equal(f->ndocs, 1);
	p = kj_y_get(&f->docs[0], "pegawai");
	assert_at(p, KJ_Y_SEQ, 3, 3);
	assert_at(&p->items[0], KJ_Y_MAP, 3, 5);
	assert_scalar(kj_y_get(&p->items[0], "nip"), "198503102010011002",
	              false, 3, 10);
	assert_scalar(kj_y_get(&p->items[0], "kelas"), "9", true, 4, 12);
	kj_yfree(f);

	/* A duplicate inside the compressed file is placed as in the text. */
	gz = gzopen(path, "wb");
	assert_non_null(gz);
	gzputs(gz, "a: 1\nb:\n  c: 2\n  c: 3\n");
	assert_int_equal(gzclose(gz), Z_OK);
	assert_null(kj_yload_path(path, &err));
	assert_string_equal(err.file, path);
	assert_err(&err, 4, 3, "duplicate key 'c' (first at line 3)");

	/* A cut gzip stream is the input's error, not a place in the text. */
	gz = gzopen(path, "wb");
	assert_non_null(gz);
	for (int i = 0; i < 2000; i++)
		gzprintf(gz, "k%d: %d\n", i, i * 7919);
	assert_int_equal(gzclose(gz), Z_OK);
	assert_int_equal(truncate(path, 200), 0);
	assert_null(kj_yload_path(path, &err));
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.msg, "gzip"));
	assert_int_equal(err.line, 0);
	assert_true(err.status != 0);
	unlink(path);

	/* A missing file is unreadable input. */
	assert_null(kj_yload_path("/nonexistent/kinerja.yaml", &err));
	assert_int_equal(err.status, KJ_EXIT_USAGE);
}

static void test_plain_file_input(void **state)
{
	char path[] = "/tmp/test_yaml_XXXXXX";
	static const char text[] = "\xEF\xBB\xBF" "a: 1\r\nb: [x, y]\r\n";
	kj_input *in;
	kj_yfile *f;
	kj_err err;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, sizeof text - 1), sizeof text - 1);
	close(fd);
	in = kj_input_open(path, &err);
	assert_non_null(in);
	f = kj_yload(in, &err);
	kj_input_close(in);
	unlink(path);
	if (!f)
		fail_msg("%s", err.msg);
	/* The BOM is not a column. */
	assert_scalar(&f->docs[0].keys[0], "a", true, 1, 1);
	assert_at(&kj_y_vals(&f->docs[0])[1], KJ_Y_SEQ, 2, 4);
	assert_scalar(&kj_y_vals(&f->docs[0])[1].items[1], "y", true, 2, 8);
	kj_yfree(f);
}

/* ---- streaming ---------------------------------------------------------- */

/* The next document of s, which must be there. */
static const kj_ynode *next_ok(kj_ystream *s, const kj_yfile **f)
{
	kj_err err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = kj_ystream_next(s, f, &err);
	if (rc != 1)
		fail_msg("expected a document, got %d: %ld:%ld: %s", rc,
		         err.line, err.col, err.msg);
	assert_int_equal((*f)->ndocs, 1);
	return &(*f)->docs[0];
}

/* The same text as test_multi_document, one document at a time: the
 * same roots at the same places of the whole input. */
/* UTF-16 (a byte order mark FF FE, then "a: 1\n" in UTF-16LE) is refused
 * at 1:1 by both the whole-file load and the stream: kinerja's formats
 * are UTF-8, and libyaml would silently decode it. */
static void test_utf16_refused(void **state)
{
	static const char u16[] = "\xff\xfe" "a\0:\0 \0" "1\0\n\0";
	const kj_yfile *doc;
	kj_ystream *st;
	kj_err err;

	(void)state;
	assert_null(kj_yload_mem("u.yaml", u16, sizeof u16 - 1, &err));
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 1);
	assert_non_null(strstr(err.msg, "UTF-16 text"));
	st = kj_ystream_open_mem("u.yaml", u16, sizeof u16 - 1, &err);
	assert_non_null(st);
	assert_int_equal(kj_ystream_next(st, &doc, &err), -1);
	assert_non_null(strstr(err.msg, "UTF-16 text"));
	kj_ystream_close(st);
}

static void test_stream_documents(void **state)
{
	static const char text[] =
		"a: 1\n"           /* 1 */
		"---\n"            /* 2 */
		"- x\n"            /* 3 */
		"--- \"s\"\n"      /* 4 */
		"...\n"            /* 5 */
		"---\n"            /* 6 */
		"# only a comment\n"; /* 7: an empty document */
	kj_ystream *s = kj_ystream_open_mem("t.yaml", text, strlen(text),
	                                    NULL);
	const kj_yfile *f;
	const kj_ynode *r;
	kj_err err;

	(void)state;
	assert_non_null(s);
	assert_string_equal(kj_ystream_name(s), "t.yaml");
	r = next_ok(s, &f);
	assert_string_equal(f->name, "t.yaml");
	assert_at(r, KJ_Y_MAP, 1, 1);
	assert_scalar(&r->keys[0], "a", true, 1, 1);
	assert_scalar(&kj_y_vals(r)[0], "1", true, 1, 4);
	r = next_ok(s, &f);
	assert_at(r, KJ_Y_SEQ, 3, 1);
	assert_scalar(&r->items[0], "x", true, 3, 3);
	r = next_ok(s, &f);
	assert_scalar(r, "s", false, 4, 5);
	r = next_ok(s, &f);
	assert_true(kj_y_is_null(r));
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_ystream_next(s, &f, &err), 0);
	assert_null(f);
	/* The end stays the end. */
	assert_int_equal(kj_ystream_next(s, &f, &err), 0);
	kj_ystream_close(s);
	kj_ystream_close(NULL);

	/* No document at all. */
	s = kj_ystream_open_mem(NULL, NULL, 0, &err);
	assert_string_equal(kj_ystream_name(s), "<memory>");
	assert_int_equal(kj_ystream_next(s, &f, &err), 0);
	kj_ystream_close(s);
	s = kj_ystream_open_mem("c.yaml", "# x\n", 4, &err);
	assert_int_equal(kj_ystream_next(s, &f, &err), 0);
	kj_ystream_close(s);
}

/* An error in a later document comes after the good ones, at its line of
 * the whole input, and is repeated by every later call. */
static void test_stream_error_later(void **state)
{
	static const char dup[] =
		"a: 1\n"           /* 1 */
		"---\n"            /* 2 */
		"b: 2\n"           /* 3 */
		"c: [x,\n"         /* 4 */
		"    y]\n"         /* 5 */
		"b: 3\n"           /* 6: duplicate, column 1 */
		"---\n"            /* 7 */
		"d: 4\n";          /* 8 */
	static const char syntax[] =
		"a: 1\n"           /* 1 */
		"---\n"            /* 2 */
		"b: [1, 2\n"       /* 3 */
		"c: 3\n";          /* 4 */
	static const char alias[] =
		"- 1\n"            /* 1 */
		"---\n"            /* 2 */
		"- *x\n";          /* 3 */
	kj_ystream *s;
	const kj_yfile *f;
	kj_err err;

	(void)state;
	s = kj_ystream_open_mem("t.yaml", dup, strlen(dup), &err);
	next_ok(s, &f);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_ystream_next(s, &f, &err), -1);
	assert_null(f);
	assert_string_equal(err.file, "t.yaml");
	assert_err(&err, 6, 1, "duplicate key 'b' (first at line 3)");
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_ystream_next(s, &f, &err), -1);
	assert_err(&err, 6, 1, "duplicate key 'b' (first at line 3)");
	/* An error with no err to fill still fails. */
	assert_int_equal(kj_ystream_next(s, &f, NULL), -1);
	kj_ystream_close(s);

	/* The same message and place as a whole load. */
	s = kj_ystream_open_mem("t.yaml", syntax, strlen(syntax), &err);
	next_ok(s, &f);
	memset(&err, 0, sizeof err);
	assert_int_equal(kj_ystream_next(s, &f, &err), -1);
	{
		kj_err whole;

		memset(&whole, 0, sizeof whole);
		assert_null(kj_yload_mem("t.yaml", syntax, strlen(syntax),
		                         &whole));
		assert_string_equal(err.msg, whole.msg);
		assert_int_equal(err.line, whole.line);
		assert_int_equal(err.col, whole.col);
		assert_true(err.line >= 3);
	}
	kj_ystream_close(s);

	/* Closing in the middle of a document (open frames) frees them. */
	s = kj_ystream_open_mem("t.yaml", alias, strlen(alias), &err);
	next_ok(s, &f);
	assert_int_equal(kj_ystream_next(s, &f, &err), -1);
	assert_err(&err, 3, 3, "aliases are not allowed");
	kj_ystream_close(s);
}

/* Documents of the same shape reuse the same memory: the arena is reset,
 * not grown, between them; a bigger one in between still works. */
static void test_stream_arena_reset(void **state)
{
	enum { NDOCS = 200 };
	char *text = malloc(NDOCS * 64 + 8192);
	const kj_ynode *first_keys = NULL;
	const kj_yfile *f;
	kj_ystream *s;
	kj_err err;
	size_t len = 0;
	long line[NDOCS], at = 1;

	(void)state;
	assert_non_null(text);
	for (int i = 0; i < NDOCS; i++) {
		/* "---" on line at, the document from the next one */
		line[i] = at + 1;
		at += i == 100 ? 2 : 3;
		if (i == 100) {
			/* one document bigger than the first block (4 KiB) */
			len += (size_t)sprintf(text + len, "---\nbig: [");
			for (int k = 0; k < 400; k++)
				len += (size_t)sprintf(text + len, "%s%d",
				                       k ? "," : "", k);
			len += (size_t)sprintf(text + len, "]\n");
			continue;
		}
		len += (size_t)sprintf(text + len,
		                       "---\nnama: \"doc %03d\"\nn: [%d, 2]\n",
		                       i, i);
	}
	s = kj_ystream_open_mem("r.yaml", text, len, &err);
	for (int i = 0; i < NDOCS; i++) {
		const kj_ynode *r = next_ok(s, &f);
		char want[16];

		if (i == 100) {
			const kj_ynode *big = kj_y_get(r, "big");

			assert_non_null(big);
			assert_int_equal(big->len, 400);
			/* "big: [" then 0..9 as "0," (2 columns), 10..99
			 * as "10," (3), 100..398 as "100," (4): */
			assert_scalar(&big->items[399], "399", true, line[i],
			              7 + 10 * 2 + 90 * 3 + 299 * 4);
			continue;
		}
		snprintf(want, sizeof want, "doc %03d", i);
		assert_at(r, KJ_Y_MAP, line[i], 1);
		assert_scalar(&kj_y_vals(r)[0], want, false, line[i], 7);
		assert_at(&kj_y_vals(r)[1], KJ_Y_SEQ, line[i] + 1, 4);
		/* (Under AddressSanitizer lib/yaml frees instead, so that a
		 * stale pointer is caught.) */
		if (i == 0)
			first_keys = r->keys;
		else if (i < 100 && !ASAN)
			assert_ptr_equal(r->keys, first_keys);
	}
	assert_int_equal(kj_ystream_next(s, &f, &err), 0);
	kj_ystream_close(s);
	free(text);
}

/* A stream from a file, and from a path, gives what kj_yload gives. */
static void test_stream_path(void **state)
{
	char path[] = "/tmp/test_yaml_XXXXXX";
	static const char text[] = "a: 1\n---\nb: [x, y]\n";
	const kj_yfile *f;
	const kj_ynode *r;
	kj_ystream *s;
	kj_input *in;
	kj_err err;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, sizeof text - 1), sizeof text - 1);
	close(fd);

	s = kj_ystream_open_path(path, &err);
	assert_non_null(s);
	assert_string_equal(kj_ystream_name(s), path);
	r = next_ok(s, &f);
	assert_string_equal(f->name, path);
	assert_scalar(&r->keys[0], "a", true, 1, 1);
	r = next_ok(s, &f);
	assert_scalar(&kj_y_vals(r)[0].items[1], "y", true, 3, 8);
	assert_int_equal(kj_ystream_next(s, &f, &err), 0);
	kj_ystream_close(s);

	in = kj_input_open(path, &err);
	assert_non_null(in);
	s = kj_ystream_open(in, &err);
	r = next_ok(s, &f);
	assert_scalar(&kj_y_vals(r)[0], "1", true, 1, 4);
	kj_ystream_close(s);     /* does not close in */
	kj_input_close(in);
	unlink(path);

	memset(&err, 0, sizeof err);
	assert_null(kj_ystream_open_path("/nonexistent/kinerja.yaml", &err));
	assert_int_equal(err.status, KJ_EXIT_USAGE);
}

/* The helpers work on a document of a stream, naming the input. */
static void test_stream_helpers(void **state)
{
	static const char text[] = "id: A.1\n---\nid: A.2\nintervesi: x\n";
	kj_ystream *s = kj_ystream_open_mem("h.yaml", text, strlen(text),
	                                    NULL);
	const kj_yfile *f;
	const kj_ynode *r;
	kj_err err;

	(void)state;
	r = next_ok(s, &f);
	assert_int_equal(kj_y_check_keys(f, r, rhk_keys, &err), 0);
	r = next_ok(s, &f);
	assert_int_equal(kj_y_check_keys(f, r, rhk_keys, &err), -1);
	assert_string_equal(err.file, "h.yaml");
	assert_err(&err, 4, 1,
	           "unknown key 'intervesi' (expected one of: id, jenis, teks, "
	           "intervensi, perspektif, indikator); did you mean "
	           "'intervensi'?");
	kj_ystream_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_multi_document),
		cmocka_unit_test(test_empty_inputs),
		cmocka_unit_test(test_empty_collections),
		cmocka_unit_test(test_plain_and_quoted),
		cmocka_unit_test(test_nip_stays_text),
		cmocka_unit_test(test_aliases_refused),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_scalar_limit),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_key_not_scalar),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_encoding_errors),
		cmocka_unit_test(test_check_keys),
		cmocka_unit_test(test_check_keys_long_list),
		cmocka_unit_test(test_require),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_found),
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_gzip_file),
		cmocka_unit_test(test_plain_file_input),
		cmocka_unit_test(test_utf16_refused),
		cmocka_unit_test(test_stream_documents),
		cmocka_unit_test(test_stream_error_later),
		cmocka_unit_test(test_stream_arena_reset),
		cmocka_unit_test(test_stream_path),
		cmocka_unit_test(test_stream_helpers),
		cmocka_unit_test(test_check_keys_tie),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
