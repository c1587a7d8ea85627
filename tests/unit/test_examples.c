/*
 * The bundled example Pemda (examples/kota-contoh) is valid data: every
 * NIP parses, NI PPPK and status agree, every atasan is in the roster,
 * kelas within 1-17, every money value parses, and each OPD's kepala is an
 * employee of that OPD.  Read through the library's own readers, so the
 * demo can never ship data the commands would refuse.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mem.h"
#include "money.h"
#include "nip.h"
#include "strmap.h"
#include "tsv.h"

static char *example(const char *name)
{
	const char *top = getenv("KJ_TOP");
	static char path[4096];

	snprintf(path, sizeof path, "%s/examples/kota-contoh/%s",
	         top ? top : ".", name);
	return path;
}

static void fail_with(const kj_err *e)
{
	print_error("%s:%ld:%ld: %s\n", e->file, e->line, e->col, e->msg);
	fail();
}

static void test_pegawai_valid(void **state)
{
	kj_err err;
	kj_tsv *t = kj_tsv_open(example("pegawai.tsv"), &err);
	kj_strmap *nips = kj_strmap_new();
	char **atasan = NULL;
	size_t n = 0, cap = 0, pppk = 0;
	int c_nip, c_status, c_atasan, c_kelas, c_gaji, rc;

	(void)state;
	if (!t)
		fail_with(&err);
	c_nip = kj_tsv_need(t, "nip", &err);
	c_status = kj_tsv_need(t, "status", &err);
	c_atasan = kj_tsv_need(t, "atasan", &err);
	c_kelas = kj_tsv_need(t, "kelas", &err);
	c_gaji = kj_tsv_need(t, "gaji", &err);
	assert_true(c_nip >= 0 && c_status >= 0 && c_atasan >= 0 &&
	            c_kelas >= 0 && c_gaji >= 0);
	while ((rc = kj_tsv_next(t, &err)) > 0) {
		const char *nip = kj_tsv_field(t, (size_t)c_nip);
		const char *status = kj_tsv_field(t, (size_t)c_status);
		int kelas = atoi(kj_tsv_field(t, (size_t)c_kelas));
		kj_nip parsed;
		kj_money gaji;
		int added;

		if (kj_nip_parse(nip, strlen(nip), &parsed, &err))
			fail_with(&err);
		/* pppk <=> the NI PPPK code in digits 13-14. */
		assert_int_equal(strcmp(status, "pppk") == 0,
		                 parsed.kind == KJ_NIP_PPPK);
		pppk += parsed.kind == KJ_NIP_PPPK;
		assert_true(kelas >= 1 && kelas <= 17);
		if (kj_money_parse(kj_tsv_field(t, (size_t)c_gaji),
		                   kj_tsv_len(t, (size_t)c_gaji), &gaji, &err))
			fail_with(&err);
		assert_true(gaji > 0);
		kj_strmap_put(nips, nip, strlen(nip), n, &added);
		assert_true(added); /* no NIP twice */
		kj_grow(&atasan, &cap, n + 1, sizeof *atasan);
		atasan[n++] = strdup(kj_tsv_field(t, (size_t)c_atasan));
	}
	if (rc < 0)
		fail_with(&err);
	/* About 1,000 employees, some of them PPPK. */
	assert_in_range(n, 900, 1100);
	assert_true(pppk > 0);
	size_t tops = 0;
	for (size_t i = 0; i < n; i++) {
		if (!*atasan[i])
			tops++;
		else
			assert_int_not_equal(kj_strmap_get(nips, atasan[i],
			                                   strlen(atasan[i])),
			                     KJ_STRMAP_NONE);
		free(atasan[i]);
	}
	assert_int_equal(tops, 1); /* only the Sekda has no atasan */
	free(atasan);
	kj_strmap_free(nips);
	kj_tsv_close(t);
}

static void test_opd_heads(void **state)
{
	kj_err err;
	kj_tsv *p = kj_tsv_open(example("pegawai.tsv"), &err);
	kj_tsv *o;
	kj_strmap *opd_of = kj_strmap_new();
	char **opds = NULL;
	size_t n = 0, cap = 0;
	int rc;

	(void)state;
	if (!p)
		fail_with(&err);
	int pn = kj_tsv_need(p, "nip", &err), po = kj_tsv_need(p, "opd", &err);
	while ((rc = kj_tsv_next(p, &err)) > 0) {
		kj_grow(&opds, &cap, n + 1, sizeof *opds);
		opds[n] = strdup(kj_tsv_field(p, (size_t)po));
		kj_strmap_put(opd_of, kj_tsv_field(p, (size_t)pn),
		              kj_tsv_len(p, (size_t)pn), n, NULL);
		n++;
	}
	kj_tsv_close(p);
	o = kj_tsv_open(example("opd.tsv"), &err);
	if (!o)
		fail_with(&err);
	int oo = kj_tsv_need(o, "opd", &err), ok = kj_tsv_need(o, "kepala", &err);
	size_t count = 0;
	while ((rc = kj_tsv_next(o, &err)) > 0) {
		const char *kepala = kj_tsv_field(o, (size_t)ok);
		size_t i = kj_strmap_get(opd_of, kepala, strlen(kepala));

		assert_int_not_equal(i, KJ_STRMAP_NONE);
		assert_string_equal(opds[i], kj_tsv_field(o, (size_t)oo));
		count++;
	}
	assert_in_range(count, 15, 25); /* about 20 OPD */
	kj_tsv_close(o);
	for (size_t i = 0; i < n; i++)
		free(opds[i]);
	free(opds);
	kj_strmap_free(opd_of);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pegawai_valid),
		cmocka_unit_test(test_opd_heads),
	};

	return cmocka_run_group_tests_name("examples", tests, NULL, NULL);
}
