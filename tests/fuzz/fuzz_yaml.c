/*
 * libFuzzer target for the YAML layer (lib/yaml.c over libyaml and
 * lib/io.c).
 *
 * Each input is loaded from memory (kj_yload_mem) and, for one input in 8
 * and every gzip input, also as a file through kj_input (a memfd opened by
 * its /proc/self/fd path, so the read handler and gzdopen are on the
 * path).  Unless the input is gzip, the two must agree: the same
 * documents, or the same error at the same place.  It is also read one
 * document at a time (kj_ystream_open_mem), which must hand out the same
 * documents, in an arena reset between them, and stop with 0 where the
 * whole load succeeds, or with the whole load's error after the documents
 * before it.
 * Then the target
 *   - walks every tree checking the invariants the loader promises:
 *     1-based positions, NUL-terminated scalars, scalar keys, no duplicate
 *     key in a mapping, nesting within KJ_Y_MAX_DEPTH, scalars within
 *     KJ_Y_MAX_SCALAR;
 *   - runs every getter on every node and checks them against each other
 *     (an integer read as a decimal gives the same value; a key found by
 *     kj_y_get is the first with its text; a refusal fills the message).
 *
 * Build (see the Makefile's fuzz target):
 *   clang -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE -Ilib \
 *     tests/fuzz/fuzz_yaml.c lib/yaml.c lib/diag.c lib/mem.c lib/io.c \
 *     -lyaml -lz -o fy
 *   ./fy -max_len=4096 tests/fuzz/corpus/yaml
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_input.h"

static const char *const some_keys[] = {
	"id", "jenis", "teks", "intervensi", "indikator", "nip", "a", "", NULL
};

static void check_err(const kj_err *e)
{
	CHECK(e->msg[0] != '\0');
	CHECK(memchr(e->msg, '\0', sizeof e->msg) != NULL);
	CHECK(e->line >= 0 && e->col >= 0);
	CHECK(e->status == KJ_EXIT_USAGE || e->status == KJ_EXIT_INTERNAL);
}

/* The typed getters on one node, against each other. */
static void getters(const kj_yfile *f, const kj_ynode *n)
{
	const char *s = NULL;
	int64_t i = 0, d = 0;
	bool b;
	char buf[80];
	kj_err e;
	int r, ri, rd;

	r = kj_y_str(f, n, &s, &e);
	if (r == 0)
		CHECK(s == n->str && strlen(s) == n->len);
	else if (r < 0)
		check_err(&e);
	CHECK((r == 1) == kj_y_is_null(n));

	ri = kj_y_int(f, n, INT64_MIN, INT64_MAX, &i, &e);
	if (ri < 0)
		check_err(&e);
	rd = kj_y_decimal(f, n, 0, INT64_MIN, INT64_MAX, &d, &e);
	if (rd < 0)
		check_err(&e);
	/* Every integer is a decimal with scale 0, with the same value. */
	if (ri == 0) {
		CHECK(rd == 0);
		CHECK(d == i);
		/* And with scale 2 it is 100 times that, when that fits. */
		if (i > -INT64_MAX / 100 && i < INT64_MAX / 100) {
			CHECK(kj_y_decimal(f, n, 2, INT64_MIN, INT64_MAX, &d,
			                   &e) == 0);
			CHECK(d == i * 100);
		}
		/* The range is enforced at its edges. */
		if (i != INT64_MIN)
			CHECK(kj_y_int(f, n, INT64_MIN, i - 1, &d, &e) == -1);
		CHECK(kj_y_int(f, n, i, i, &d, &e) == 0 && d == i);
	}
	if (kj_y_decimal(f, n, 18, -1000, 1000, &d, &e) < 0)
		check_err(&e);
	if (kj_y_decimal(f, n, 3, 0, 100000, &d, &e) == 0)
		CHECK(d >= 0 && d <= 100000);
	if (kj_y_bool(f, n, &b, &e) < 0)
		check_err(&e);
	if (kj_y_map(f, n, &e) < 0)
		check_err(&e);
	if (kj_y_seq(f, n, &e) < 0)
		check_err(&e);
	kj_y_found(n, buf, sizeof buf);
	CHECK(strlen(buf) < sizeof buf);
	kj_y_found(n, buf, 8);
	CHECK(strlen(buf) < 8);
}

static void walk(const kj_yfile *f, const kj_ynode *n, int depth)
{
	kj_err e;

	CHECK(n->line >= 1 && n->col >= 1);
	switch (n->kind) {
	case KJ_Y_SCALAR:
		CHECK(n->len <= KJ_Y_MAX_SCALAR);
		CHECK(n->str && n->str[n->len] == '\0');
		break;
	case KJ_Y_SEQ:
		CHECK(depth < KJ_Y_MAX_DEPTH);
		CHECK(n->items != NULL);
		for (size_t i = 0; i < n->len; i++)
			walk(f, &n->items[i], depth + 1);
		break;
	case KJ_Y_MAP:
		CHECK(depth < KJ_Y_MAX_DEPTH);
		CHECK(n->keys != NULL);
		for (size_t i = 0; i < n->len; i++) {
			const kj_ynode *k = &n->keys[i];

			CHECK(k->kind == KJ_Y_SCALAR);
			/* Keys are unique, so lookup by text finds this one
			 * (when the text has no NUL to cut it short). */
			if (!memchr(k->str, '\0', k->len))
				CHECK(kj_y_get(n, k->str) == &kj_y_vals(n)[i]);
			if (n->len <= 64)
				for (size_t j = 0; j < i; j++)
					CHECK(n->keys[j].len != k->len ||
					      memcmp(n->keys[j].str, k->str,
					             k->len) != 0);
			walk(f, k, depth + 1);
			walk(f, &kj_y_vals(n)[i], depth + 1);
		}
		if (kj_y_check_keys(f, n, some_keys, &e) < 0) {
			check_err(&e);
			CHECK(strncmp(e.msg, "unknown key '", 13) == 0);
		}
		if (kj_y_require(f, n, some_keys + 5, &e) < 0)
			check_err(&e);
		if (kj_y_need(f, n, "id", &e) == NULL)
			check_err(&e);
		break;
	default:
		CHECK(!"bad kind");
	}
	getters(f, n);
}

static void same(const kj_ynode *a, const kj_ynode *b)
{
	CHECK(a->kind == b->kind && a->len == b->len && a->plain == b->plain);
	CHECK(a->line == b->line && a->col == b->col);
	if (a->kind == KJ_Y_SCALAR) {
		CHECK(memcmp(a->str, b->str, a->len) == 0);
	} else if (a->kind == KJ_Y_SEQ) {
		for (size_t i = 0; i < a->len; i++)
			same(&a->items[i], &b->items[i]);
	} else {
		for (size_t i = 0; i < 2 * (size_t)a->len; i++)
			same(&a->keys[i], &b->keys[i]);
	}
}

/* The stream over the same bytes against the whole load fm (or its error
 * em). */
static void stream(const uint8_t *data, size_t size, const kj_yfile *fm,
                   const kj_err *em)
{
	kj_ystream *s;
	const kj_yfile *d;
	kj_err e;
	size_t n = 0;
	int rc;

	memset(&e, 0, sizeof e);
	s = kj_ystream_open_mem("fuzz.yaml", data, size, &e);
	CHECK(s != NULL);
	while ((rc = kj_ystream_next(s, &d, &e)) == 1) {
		CHECK(d->ndocs == 1 && strcmp(d->name, "fuzz.yaml") == 0);
		if (fm) {
			CHECK(n < fm->ndocs);
			same(&d->docs[0], &fm->docs[n]);
		} else {
			CHECK(d->docs[0].line >= 1 && d->docs[0].col >= 1);
		}
		n++;
	}
	CHECK(d == NULL);
	if (fm) {
		CHECK(rc == 0 && n == fm->ndocs);
	} else {
		CHECK(rc == -1);
		check_err(&e);
		CHECK(strcmp(e.msg, em->msg) == 0);
		CHECK(e.line == em->line && e.col == em->col);
		CHECK(e.status == em->status);
	}
	/* The end or the error stays. */
	CHECK(kj_ystream_next(s, &d, &e) == rc);
	kj_ystream_close(s);
}

/*
 * Opening a file costs zlib's large buffers, which under ASan are a fresh
 * mmap each time: the file path runs for gzip inputs and one input in 8
 * (chosen by content, so that a crash reproduces), the memory path always.
 */
static bool want_file(const uint8_t *data, size_t size, bool gz)
{
	unsigned sum = 0;

	for (size_t i = 0; i < size; i++)
		sum += data[i];
	return gz || sum % 8 == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_err em, ef;
	kj_yfile *fm, *ff = NULL;
	kj_input *in;
	bool gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;

	memset(&em, 0, sizeof em);
	memset(&ef, 0, sizeof ef);
	fm = kj_yload_mem("fuzz.yaml", data, size, &em);
	if (!fm) {
		check_err(&em);
		CHECK(strcmp(em.file, "fuzz.yaml") == 0);
	}

	if (want_file(data, size, gz)) {
		set_content(data, size);
		in = kj_input_open(in_path, &ef);
		CHECK(in != NULL);
		ff = kj_yload(in, &ef);
		kj_input_close(in);
		if (!ff)
			check_err(&ef);
		if (!gz) {
			CHECK(!fm == !ff);
			if (!fm) {
				CHECK(strcmp(em.msg, ef.msg) == 0);
				CHECK(em.line == ef.line && em.col == ef.col);
				CHECK(em.status == ef.status);
			} else {
				CHECK(fm->ndocs == ff->ndocs);
				for (size_t i = 0; i < fm->ndocs; i++)
					same(&fm->docs[i], &ff->docs[i]);
			}
		} else if (ff) {
			for (size_t i = 0; i < ff->ndocs; i++)
				walk(ff, &ff->docs[i], 0);
		}
	}
	stream(data, size, fm, &em);
	if (fm)
		for (size_t i = 0; i < fm->ndocs; i++)
			walk(fm, &fm->docs[i], 0);
	kj_yfree(fm);
	kj_yfree(ff);
	return 0;
}
