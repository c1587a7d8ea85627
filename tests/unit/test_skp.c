/*
 * Unit tests of lib/skp.c: SKP documents loaded from YAML in memory and
 * from skp.tsv, every value and place checked; targets as fixed point;
 * the errors with their line and column; the writers read back equal.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "colreg.h"
#include "skp.h"

static const char two_docs[] =
	"nip: \"197001011995031001\"\n"                   /* 1 */
	"tahun: 2026\n"                                    /* 2 */
	"rhk:\n"                                           /* 3 */
	"  - id: DINKES.1\n"                               /* 4 */
	"    teks: Meningkatnya derajat kesehatan\n"       /* 5 */
	"    perspektif: Penerima Layanan\n"               /* 6 */
	"    indikator:\n"                                 /* 7 */
	"      - id: DINKES.1.a\n"                         /* 8 */
	"        aspek: kuantitas\n"                       /* 9 */
	"        target: 72,5\n"                           /* 10 */
	"        satuan: tahun\n"                          /* 11 */
	"      - id: DINKES.1.b\n"                         /* 12 */
	"        target: \"80 - 90\"\n"                    /* 13 */
	"        aspek: mutu\n"                            /* 14 */
	"        polaritas: negatif\n"                     /* 15 */
	"---\n"                                            /* 16 */
	"nip: 197502022000032002\n"                        /* 17 */
	"tahun: 2026\n"                                    /* 18 */
	"pendekatan: kualitatif\n"                         /* 19 */
	"rhk:\n"                                           /* 20 */
	"  - id: KESMAS.1\n"                               /* 21 */
	"    jenis: tambahan\n"                            /* 22 */
	"    intervensi: DINKES.1\n"                       /* 23 */
	"    indikator:\n"                                 /* 24 */
	"      - {id: KESMAS.1.a, target: banyak}\n";      /* 25 */

static void test_yaml(void **state)
{
	kj_skp_set *s = kj_skp_set_new();
	kj_err err;
	const kj_skp_indikator *d;
	const kj_skp_rhk *r;

	(void)state;
	assert_int_equal(kj_skp_load_yaml_mem(s, "a.yaml", two_docs,
	                                      strlen(two_docs), &err), 0);
	assert_int_equal(s->n, 2);
	assert_int_equal(s->nrhk, 2);
	assert_int_equal(s->nind, 3);
	assert_string_equal(kj_skp_file(s, s->skp[0].pos.file), "a.yaml");
	assert_string_equal(s->skp[0].nip, "197001011995031001");
	assert_int_equal(s->skp[0].tahun, 2026);
	assert_int_equal(s->skp[0].pendekatan, KJ_PENDEKATAN_KUANTITATIF);
	assert_int_equal(s->skp[0].pos.line, 1);
	assert_int_equal(s->skp[0].nrhk, 1);
	r = &s->rhk[0];
	assert_string_equal(r->id, "DINKES.1");
	assert_int_equal(r->jenis, KJ_RHK_UTAMA);
	assert_null(r->intervensi);
	assert_int_equal(r->perspektif, KJ_PERSPEKTIF_PENERIMA_LAYANAN);
	assert_int_equal(r->perspektif_pos.line, 6);
	assert_int_equal(r->perspektif_pos.col, 17);
	assert_int_equal(r->pos.line, 4);
	assert_int_equal(r->pos.col, 5);
	assert_int_equal(r->nind, 2);
	d = &s->ind[0];
	assert_string_equal(d->id, "DINKES.1.a");
	assert_int_equal(d->aspek, KJ_ASPEK_KUANTITAS);
	/* 72,5 -> 72.5 * 10000 */
	assert_int_equal(d->target.kind, KJ_TARGET_NUMBER);
	assert_int_equal(d->target.lo, 725000);
	assert_int_equal(d->target.hi, 725000);
	assert_int_equal(d->target_pos.line, 10);
	assert_int_equal(d->target_pos.col, 17);
	assert_string_equal(d->satuan, "tahun");
	assert_int_equal(d->polaritas, KJ_POLARITAS_POSITIF);
	d = &s->ind[1];
	assert_int_equal(d->target.kind, KJ_TARGET_RANGE);
	assert_int_equal(d->target.lo, 800000);
	assert_int_equal(d->target.hi, 900000);
	assert_int_equal(d->aspek, KJ_ASPEK_UNKNOWN);
	assert_string_equal(d->aspek_text, "mutu");
	assert_int_equal(d->aspek_pos.line, 14);
	assert_int_equal(d->polaritas, KJ_POLARITAS_NEGATIF);
	/* Unquoted NIP stays 18 characters. */
	assert_string_equal(s->skp[1].nip, "197502022000032002");
	assert_int_equal(s->skp[1].pos.line, 17);
	assert_int_equal(s->skp[1].pendekatan, KJ_PENDEKATAN_KUALITATIF);
	r = &s->rhk[1];
	assert_int_equal(r->skp, 1);
	assert_int_equal(r->jenis, KJ_RHK_TAMBAHAN);
	assert_string_equal(r->intervensi, s->rhk[0].id);
	assert_int_equal(r->intervensi_pos.line, 23);
	assert_int_equal(r->perspektif, KJ_PERSPEKTIF_NONE);
	d = &s->ind[2];
	assert_int_equal(d->rhk, 1);
	assert_int_equal(d->target.kind, KJ_TARGET_BAD);
	assert_string_equal(d->target.text, "banyak");
	assert_int_equal(d->aspek, KJ_ASPEK_NONE);

	assert_int_equal(kj_skp_find(s, "197502022000032002", 2026), 1);
	assert_int_equal(kj_skp_find(s, "197502022000032002", 0), 1);
	assert_int_equal(kj_skp_find(s, "197502022000032002", 2025), -1);
	assert_int_equal(kj_skp_find_rhk(s, "KESMAS.1"), 1);
	assert_int_equal(kj_skp_find_indikator(s, "DINKES.1.b"), 1);
	assert_int_equal(kj_skp_find_indikator(s, "X"), -1);
	kj_skp_set_free(s);
}

static void test_targets(void **state)
{
	static const struct {
		const char *in;
		int kind;
		int64_t lo, hi;
	} cases[] = {
		{ "95", KJ_TARGET_NUMBER, 950000, 950000 },
		{ "0.75", KJ_TARGET_NUMBER, 7500, 7500 },
		{ "2,5", KJ_TARGET_NUMBER, 25000, 25000 },
		{ "1.23456", KJ_TARGET_BAD, 0, 0 },       /* 5 decimals */
		{ "1.23450", KJ_TARGET_NUMBER, 12345, 12345 },
		{ "80-90", KJ_TARGET_RANGE, 800000, 900000 },
		{ " 80 - 90 ", KJ_TARGET_RANGE, 800000, 900000 },
		{ "90-80", KJ_TARGET_BAD, 0, 0 },         /* lo > hi */
		{ "-5", KJ_TARGET_BAD, 0, 0 },
		{ "80-", KJ_TARGET_BAD, 0, 0 },
		{ "12 bulan", KJ_TARGET_BAD, 0, 0 },
		{ "1.", KJ_TARGET_BAD, 0, 0 },
		{ "99999999999999999999", KJ_TARGET_BAD, 0, 0 },
		{ "", KJ_TARGET_NONE, 0, 0 },
		{ "  ", KJ_TARGET_NONE, 0, 0 },
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		kj_skp_target t;

		assert_int_equal(kj_skp_target_parse(cases[i].in,
		                                     strlen(cases[i].in), &t),
		                 cases[i].kind);
		if (cases[i].kind == KJ_TARGET_NUMBER ||
		    cases[i].kind == KJ_TARGET_RANGE) {
			assert_int_equal(t.lo, cases[i].lo);
			assert_int_equal(t.hi, cases[i].hi);
		}
	}
	{
		kj_skp_target t;

		kj_skp_target_parse("2,50-7", 6, &t);
		kj_skp_target_format(&t, buf, sizeof buf);
		assert_string_equal(buf, "2.5-7");
	}
}

static void expect_error(const char *yaml, long line, long col,
                         const char *msg)
{
	kj_skp_set *s = kj_skp_set_new();
	kj_err err;

	memset(&err, 0, sizeof err);
	assert_int_equal(kj_skp_load_yaml_mem(s, "e.yaml", yaml, strlen(yaml),
	                                      &err), -1);
	assert_int_equal(err.status, 2);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	kj_skp_set_free(s);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("nip: \"197001011995031001\"\ntahun: 2026\nrhk:\n"
	             "  - id: A\n    intervesi: B\n", 5, 5,
	             "unknown key 'intervesi' (expected one of: id, jenis, "
	             "teks, intervensi, perspektif, indikator); did you "
	             "mean 'intervensi'?");
	/* Inside the quotes: the first digit. */
	expect_error("nip: \"19700101199503100\"\ntahun: 2026\n", 1, 7,
	             "nip: expected 18 digits, found 17");
	expect_error("nip: 197001011995031001\ntahun: 2026\nnip: x\n", 3, 1,
	             "duplicate key 'nip'");
	expect_error("tahun: 2026\n", 1, 1, "missing required key 'nip'");
	expect_error("nip: 197001011995031001\ntahun: 26\n", 2, 8,
	             "tahun: expected a year such as 2026, found '26'");
	expect_error("nip: 197001011995031001\ntahun: 2026\nrhk:\n"
	             "  - id: A\n    jenis: pokok\n", 5, 12,
	             "jenis: expected utama or tambahan, found 'pokok'");
	expect_error("nip: 197001011995031001\ntahun: 2026\nrhk: [a]\n", 3, 7,
	             "rhk: expected RHK (a mapping), found 'a'");
	expect_error("nip: 197001011995031001\ntahun: 2026\nrhk:\n"
	             "  - id: A\n    teks: {a: 1}\n", 5, 11,
	             "teks: expected a text value, found a mapping");
	expect_error("nip: 197001011995031001\ntahun: 2026\nrhk:\n"
	             "  - teks: x\n", 4, 5,
	             "missing required key 'id' (the RHK's id)");
	expect_error("nip: &a 197001011995031001\n", 1, 6,
	             "anchors are not allowed");
	expect_error("- a\n", 1, 1, "expected an SKP document (a mapping "
	             "with nip, tahun, rhk), found a sequence");
	/* libyaml's own message, at its 1-based place. */
	expect_error("nip: \"197001011995031001\ntahun: 2026\n", 3, 1,
	             "found unexpected end of stream (while scanning a "
	             "quoted scalar that starts at line 1, column 6)");
}

/* Write set a as YAML and TSV, read both back, compare field by field. */
static void same_sets(const kj_skp_set *a, const kj_skp_set *b)
{
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->nrhk, b->nrhk);
	assert_int_equal(a->nind, b->nind);
	for (size_t i = 0; i < a->n; i++) {
		assert_string_equal(a->skp[i].nip, b->skp[i].nip);
		assert_int_equal(a->skp[i].tahun, b->skp[i].tahun);
		assert_int_equal(a->skp[i].pendekatan, b->skp[i].pendekatan);
		assert_int_equal(a->skp[i].nrhk, b->skp[i].nrhk);
	}
	for (size_t i = 0; i < a->nrhk; i++) {
		const kj_skp_rhk *x = &a->rhk[i], *y = &b->rhk[i];

		assert_string_equal(x->id, y->id);
		assert_string_equal(x->teks, y->teks);
		assert_int_equal(x->jenis, y->jenis);
		assert_int_equal(!x->intervensi, !y->intervensi);
		if (x->intervensi)
			assert_string_equal(x->intervensi, y->intervensi);
		assert_int_equal(x->perspektif, y->perspektif);
		/* The writers put the canonical word for a known one. */
		if (x->perspektif == KJ_PERSPEKTIF_UNKNOWN)
			assert_string_equal(x->perspektif_text,
			                    y->perspektif_text);
		assert_int_equal(x->nind, y->nind);
	}
	for (size_t i = 0; i < a->nind; i++) {
		const kj_skp_indikator *x = &a->ind[i], *y = &b->ind[i];

		assert_string_equal(x->id, y->id);
		assert_string_equal(x->teks, y->teks);
		assert_string_equal(x->satuan, y->satuan);
		assert_int_equal(x->aspek, y->aspek);
		assert_int_equal(x->polaritas, y->polaritas);
		assert_int_equal(x->target.kind, y->target.kind);
		assert_int_equal(x->target.lo, y->target.lo);
		assert_int_equal(x->target.hi, y->target.hi);
		assert_string_equal(x->target.text, y->target.text);
	}
}

static const char awkward[] =
	"nip: \"197001011995031001\"\n"
	"tahun: 2026\n"
	"rhk:\n"
	"  - id: \"A: 1\"\n"
	"    teks: \"null\"\n"
	"    perspektif: anggaran\n"
	"    indikator:\n"
	"      - id: \"#x\"\n"
	"        teks: \"tab\\there, quote \\\" and \\\\ back\\nslash\"\n"
	"        target: \"- 5\"\n"
	"        satuan: \"yes\"\n"
	"  - id: B\n"
	"    jenis: tambahan\n"
	"    teks: \" lead and trail \"\n"
	"    intervensi: \"true\"\n";

/* The compact side (skp.h) says what the structs say, element by element. */
static void check_hots(const kj_skp_set *s)
{
	const kj_skp_rhk_hot *rh = kj_skp_rhk_hots(s);
	const kj_skp_ind_hot *ih = kj_skp_ind_hots(s);

	for (size_t i = 0; i < s->nrhk; i++) {
		const kj_skp_rhk *r = &s->rhk[i];

		assert_int_equal(rh[i].skp, r->skp);
		assert_int_equal(rh[i].ind, r->ind);
		assert_int_equal(rh[i].nind, r->nind);
		assert_int_equal(rh[i].id_hash, kj_skp_id_hash(r->id));
		assert_int_equal(rh[i].has_intervensi, r->intervensi != NULL);
		assert_int_equal(rh[i].iv_hash, r->intervensi
		                 ? kj_skp_id_hash(r->intervensi) : 0);
		assert_int_equal(rh[i].jenis, r->jenis);
		assert_int_equal(rh[i].perspektif, r->perspektif);
	}
	for (size_t i = 0; i < s->nind; i++) {
		assert_int_equal(ih[i].id_hash, kj_skp_id_hash(s->ind[i].id));
		assert_int_equal(ih[i].target_kind, s->ind[i].target.kind);
		assert_int_equal(ih[i].aspek, s->ind[i].aspek);
	}
}

static void round_trip(const char *yaml)
{
	kj_skp_set *a = kj_skp_set_new(), *b = kj_skp_set_new();
	kj_skp_set *c = kj_skp_set_new();
	char *buf = NULL, tsvname[] = "/tmp/test_skp.XXXXXX";
	size_t len = 0;
	FILE *f;
	kj_err err;
	int fd;

	assert_int_equal(kj_skp_load_yaml_mem(a, "a.yaml", yaml, strlen(yaml),
	                                      &err), 0);
	f = open_memstream(&buf, &len);
	kj_skp_write_yaml(a, 0, a->n, f);
	fclose(f);
	if (kj_skp_load_yaml_mem(b, "b.yaml", buf, len, &err))
		fail_msg("%ld:%ld: %s\n%s", err.line, err.col, err.msg, buf);
	same_sets(a, b);
	free(buf);

	fd = mkstemp(tsvname);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	kj_skp_write_tsv_header(f);
	kj_skp_write_tsv(a, 0, a->n, f);
	fclose(f);
	if (kj_skp_load_tsv(c, tsvname, &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	remove(tsvname);
	same_sets(a, c);
	check_hots(a);
	check_hots(b);
	check_hots(c);
	kj_skp_set_free(a);
	kj_skp_set_free(b);
	kj_skp_set_free(c);
}

static void test_round_trip(void **state)
{
	(void)state;
	round_trip(two_docs);
	round_trip(awkward);
}

static void test_tsv_errors(void **state)
{
	static const struct {
		const char *text;
		long line, col;
		const char *msg;
	} cases[] = {
		{ "nip\ttahun\n197001011995031001\t2026\n", 1, 0,
		  "missing column 'rhk' in the header" },
		{ "nip\ttahun\trhk\n197001011995031001\t2026\t\n", 2, 25,
		  "rhk: the RHK id is required" },
		{ "nip\ttahun\trhk\n1970010119950310\t2026\tA\n", 2, 1,
		  "nip: expected 18 digits, found 16" },
		{ "nip\ttahun\trhk\tjenis\n197001011995031001\t2026\tA\tx\n",
		  2, 27, "jenis: expected utama or tambahan, found 'x'" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[] = "/tmp/test_skp.XXXXXX";
		int fd = mkstemp(name);
		FILE *f = fdopen(fd, "w");
		kj_skp_set *s = kj_skp_set_new();
		kj_err err;

		fputs(cases[i].text, f);
		fclose(f);
		memset(&err, 0, sizeof err);
		assert_int_equal(kj_skp_load_tsv(s, name, &err), -1);
		remove(name);
		assert_string_equal(err.msg, cases[i].msg);
		assert_int_equal(err.line, cases[i].line);
		assert_int_equal(err.col, cases[i].col);
		kj_skp_set_free(s);
	}
}

/*
 * The loader reads enum words as written without asking the registry:
 * right only while the registry maps each of them to itself (or does not
 * know it).  A label or another case still goes through the registry.
 */
static void test_enum_words_are_their_own(void **state)
{
	static const struct {
		const char *const *w;
		int n;
	} lists[] = {
		{ kj_rhk_jenis_words, 2 }, { kj_pendekatan_words, 2 },
		{ kj_aspek_words, KJ_ASPEK_N },
		{ kj_perspektif_words, KJ_PERSPEKTIF_N },
		{ kj_polaritas_words, 2 },
	};

	(void)state;
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
		for (int i = 0; i < lists[l].n; i++) {
			const char *w = lists[l].w[i];
			const char *r = kj_enum_word(w, strlen(w));

			if (r)
				assert_string_equal(r, w);
		}
	assert_int_equal(kj_aspek_parse("kualitas", 8), KJ_ASPEK_KUALITAS);
	assert_int_equal(kj_perspektif_parse("Penerima Layanan", 16),
	                 KJ_PERSPEKTIF_PENERIMA_LAYANAN);
	assert_int_equal(kj_aspek_parse("kualitasx", 8), KJ_ASPEK_KUALITAS);
	assert_int_equal(kj_aspek_parse("mutu", 4), -1);
}

/*
 * Interned words: equal text, one pointer; different text, different
 * pointers, also for words that meet in the intern cache ("orang" and
 * "oring": same length, first and last byte) and evict each other.
 */
static const char satuan_doc[] =
	"nip: \"197001011995031001\"\n"
	"tahun: 2026\n"
	"rhk:\n"
	"  - id: R.1\n"
	"    indikator:\n"
	"      - {id: R.1.a, target: 1, satuan: orang, aspek: kuantitas}\n"
	"      - {id: R.1.b, target: 2, satuan: oring, aspek: waktu}\n"
	"      - {id: R.1.c, target: 3, satuan: orang, aspek: kuantitas}\n"
	"      - {id: R.1.d, target: 4, satuan: oring, aspek: Waktu}\n";

static void test_intern_shares(void **state)
{
	kj_skp_set *s = kj_skp_set_new();
	kj_err err;

	(void)state;
	assert_int_equal(kj_skp_load_yaml_mem(s, "i.yaml", satuan_doc,
	                                      strlen(satuan_doc), &err), 0);
	assert_int_equal(s->nind, 4);
	assert_string_equal(s->ind[0].satuan, "orang");
	assert_string_equal(s->ind[1].satuan, "oring");
	assert_string_equal(s->ind[2].satuan, "orang");
	assert_string_equal(s->ind[3].satuan, "oring");
	assert_ptr_equal(s->ind[0].satuan, s->ind[2].satuan);
	assert_ptr_equal(s->ind[1].satuan, s->ind[3].satuan);
	assert_ptr_not_equal(s->ind[0].satuan, s->ind[1].satuan);
	assert_ptr_equal(s->ind[0].aspek_text, s->ind[2].aspek_text);
	/* "Waktu" is kept as written, and read as waktu. */
	assert_string_equal(s->ind[3].aspek_text, "Waktu");
	assert_int_equal(s->ind[1].aspek, KJ_ASPEK_WAKTU);
	assert_int_equal(s->ind[3].aspek, KJ_ASPEK_WAKTU);
	kj_skp_set_free(s);
}

/*
 * Enough SKP that the arrays leave the heap for their own mappings and
 * grow by mremap (past 256 KiB: 2,048 indicators of 128 bytes), and the
 * arena takes several blocks: 400 SKP x 3 RHK x 4 indicators = 1,200 RHK
 * and 4,800 indicators, each id and target known from its numbers.
 */
static void test_many(void **state)
{
	kj_skp_set *s = kj_skp_set_new();
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	kj_err err;

	(void)state;
	for (int k = 0; k < 400; k++) {
		fprintf(f, "---\nnip: \"19700101199503%04d\"\ntahun: 2026\n"
		        "rhk:\n", 1000 + k);
		for (int r = 0; r < 3; r++) {
			fprintf(f, "  - id: R%d.%d\n    teks: Teks %d %d\n"
			        "    intervensi: A.%d\n    indikator:\n",
			        k, r, k, r, r);
			for (int i = 0; i < 4; i++)
				fprintf(f, "      - {id: R%d.%d.%d, target: %d, "
				        "aspek: %s}\n", k, r, i, k * 10 + i,
				        i == 3 ? "mutu" : "kuantitas");
		}
	}
	fclose(f);
	if (kj_skp_load_yaml_mem(s, "many.yaml", buf, len, &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	assert_int_equal(s->n, 400);
	assert_int_equal(s->nrhk, 1200);
	assert_int_equal(s->nind, 4800);
	/* SKP 399, RHK 2, indicator 3: the last of all. */
	assert_string_equal(s->skp[399].nip, "197001011995031399");
	assert_string_equal(s->rhk[1199].id, "R399.2");
	assert_string_equal(s->rhk[1199].teks, "Teks 399 2");
	assert_string_equal(s->rhk[1199].intervensi, "A.2");
	assert_int_equal(s->rhk[1199].ind, 4796);
	assert_string_equal(s->ind[4799].id, "R399.2.3");
	assert_int_equal(s->ind[4799].target.lo, 3993 * KJ_SKP_SCALE);
	assert_int_equal(s->ind[4799].aspek, KJ_ASPEK_UNKNOWN);
	assert_int_equal(s->ind[4799].rhk, 1199);
	/* Each SKP takes 4 lines ("---", nip, tahun, rhk) and 3 RHK of
	 * 4 + 4 lines: 28; the last indicator is the last line of SKP 399,
	 * 400 * 28 = 11,200. */
	assert_int_equal(s->ind[4799].pos.line, 399 * 28 + 28);
	check_hots(s);
	free(buf);
	kj_skp_set_free(s);
}

/* A load cut short inside an RHK: what was read is kept, and the compact
 * side holds it too (filled at the end of the load). */
static void test_cut_short(void **state)
{
	static const char doc[] =
		"nip: \"197001011995031001\"\n"
		"tahun: 2026\n"
		"rhk:\n"
		"  - id: A.1\n"
		"    intervensi: B.1\n"
		"    indikator:\n"
		"      - {id: A.1.a, target: x}\n"
		"      - {id: A.1.b, target: 5, aspek: mutu, satuna: orang}\n";
	kj_skp_set *s = kj_skp_set_new();
	kj_err err;

	(void)state;
	assert_int_equal(kj_skp_load_yaml_mem(s, "cut.yaml", doc, strlen(doc),
	                                      &err), -1);
	assert_int_equal(err.line, 8);
	assert_int_equal(s->nrhk, 1);
	assert_int_equal(s->nind, 2);
	assert_int_equal(s->ind[0].target.kind, KJ_TARGET_BAD);
	assert_int_equal(s->ind[1].aspek, KJ_ASPEK_UNKNOWN);
	check_hots(s);
	kj_skp_set_free(s);
}

static void same_pos(kj_skp_pos a, kj_skp_pos b)
{
	assert_int_equal(a.file, b.file);
	assert_int_equal(a.line, b.line);
	assert_int_equal(a.col, b.col);
}

/*
 * A file big enough (over 16 MB) that the loader reserves its arrays from
 * the file's size and maps their pages on a second thread (the feeder):
 * 16,000 SKP x 3 RHK x 4 indicators, about 18 MB of YAML and 24 MB as
 * skp.tsv.  Loaded from the file, the set is the one loaded from the same
 * bytes in memory (no feeder), places included; loaded again into the
 * same set it doubles; with KJ_SKP_NO_IND_TEKS only the indicators' texts
 * are left out.
 */
#define BIG_SKP 16000

static void test_big_file(void **state)
{
	kj_skp_set *a = kj_skp_set_new(), *b = kj_skp_set_new();
	kj_skp_set *c = kj_skp_set_new(), *d = kj_skp_set_new();
	char yname[] = "/tmp/test_skp_big.XXXXXX.yaml";
	char tname[] = "/tmp/test_skp_big.XXXXXX.tsv";
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	kj_err err;
	int fd;

	(void)state;
	for (int k = 0; k < BIG_SKP; k++) {
		/* A valid NIP each: TMT 1995-01 on, sequence 100-999. */
		fprintf(f, "---\nnip: \"19700101%04d%02d1%03d\"\ntahun: 2026\n"
		        "rhk:\n", 1995 + k / 900 / 12, 1 + k / 900 % 12,
		        100 + k % 900);
		for (int r = 0; r < 3; r++) {
			fprintf(f, "  - id: R%d.%d\n    teks: Teks RHK %d %d "
			        "yang cukup panjang\n    intervensi: A.%d\n"
			        "    indikator:\n", k, r, k, r, r);
			for (int i = 0; i < 4; i++)
				fprintf(f, "      - id: R%d.%d.%d\n"
				        "        teks: Indikator %d %d %d\n"
				        "        target: %d\n"
				        "        aspek: kuantitas\n", k, r, i,
				        k, r, i, k * 10 + i);
		}
	}
	fclose(f);
	assert_true(len > (size_t)16 << 20);
	if (kj_skp_load_yaml_mem(a, yname, buf, len, &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);

	fd = mkstemps(yname, 5);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	close(fd);
	if (kj_skp_load_path(b, yname, &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	assert_int_equal(b->n, BIG_SKP);
	assert_int_equal(b->nind, BIG_SKP * 12);
	same_sets(a, b);
	for (size_t i = 0; i < a->nrhk; i++) {
		same_pos(a->rhk[i].pos, b->rhk[i].pos);
		same_pos(a->rhk[i].intervensi_pos, b->rhk[i].intervensi_pos);
	}
	for (size_t i = 0; i < a->nind; i++) {
		same_pos(a->ind[i].pos, b->ind[i].pos);
		same_pos(a->ind[i].target_pos, b->ind[i].target_pos);
	}
	/* The last indicator: SKP 15999, RHK 2, indicator 3. */
	assert_string_equal(b->ind[BIG_SKP * 12 - 1].id, "R15999.2.3");
	assert_string_equal(b->ind[BIG_SKP * 12 - 1].teks,
	                    "Indikator 15999 2 3");
	assert_int_equal(b->ind[BIG_SKP * 12 - 1].target.lo,
	                 159993 * (int64_t)KJ_SKP_SCALE);
	check_hots(b);

	/* Again into the same set: appended, nothing reserved anew. */
	if (kj_skp_load_path(b, yname, &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	assert_int_equal(b->n, 2 * BIG_SKP);
	assert_int_equal(b->nind, 2 * BIG_SKP * 12);
	assert_string_equal(b->ind[2 * BIG_SKP * 12 - 1].id, "R15999.2.3");
	assert_int_equal(b->ind[2 * BIG_SKP * 12 - 1].rhk, 2 * BIG_SKP * 3 - 1);
	assert_int_equal(b->rhk[2 * BIG_SKP * 3 - 1].skp, 2 * BIG_SKP - 1);
	check_hots(b);

	/* The same as skp.tsv. */
	fd = mkstemps(tname, 4);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	kj_skp_write_tsv_header(f);
	kj_skp_write_tsv(a, 0, a->n, f);
	fclose(f);
	if (kj_skp_load_path(c, tname, &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	same_sets(a, c);
	check_hots(c);

	/* Without the indicators' texts. */
	kj_skp_set_options(d, KJ_SKP_NO_IND_TEKS);
	if (kj_skp_load_path(d, tname, &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	assert_int_equal(d->nind, BIG_SKP * 12);
	assert_string_equal(d->ind[5].id, "R0.1.1");
	assert_string_equal(d->ind[5].teks, "");
	assert_string_equal(d->rhk[1].teks, "Teks RHK 0 1 yang cukup panjang");
	assert_int_equal(d->ind[5].target.lo, 1 * (int64_t)KJ_SKP_SCALE);
	remove(yname);
	remove(tname);
	free(buf);
	kj_skp_set_free(a);
	kj_skp_set_free(b);
	kj_skp_set_free(c);
	kj_skp_set_free(d);
}

/* The option on a YAML document in memory: the indicator's teks is not
 * kept (it is without the option), the RHK's is. */
static void test_no_ind_teks(void **state)
{
	static const char doc[] =
		"nip: \"197001011995031001\"\n"
		"tahun: 2026\n"
		"rhk:\n"
		"  - id: A.1\n"
		"    teks: Meningkatnya cakupan\n"
		"    indikator:\n"
		"      - {id: A.1.a, teks: Cakupan imunisasi, target: 95, "
		"satuan: persen}\n";
	kj_err err;

	(void)state;
	for (int lean = 0; lean < 2; lean++) {
		kj_skp_set *s = kj_skp_set_new();

		if (lean)
			kj_skp_set_options(s, KJ_SKP_NO_IND_TEKS);
		assert_int_equal(kj_skp_load_yaml_mem(s, "a.yaml", doc,
		                                      strlen(doc), &err), 0);
		assert_int_equal(s->nind, 1);
		assert_string_equal(s->rhk[0].teks, "Meningkatnya cakupan");
		assert_string_equal(s->ind[0].id, "A.1.a");
		assert_string_equal(s->ind[0].teks,
		                    lean ? "" : "Cakupan imunisasi");
		assert_string_equal(s->ind[0].satuan, "persen");
		assert_int_equal(s->ind[0].target.lo, 95 * KJ_SKP_SCALE);
		kj_skp_set_free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_tsv_errors),
		cmocka_unit_test(test_enum_words_are_their_own),
		cmocka_unit_test(test_intern_shares),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_cut_short),
		cmocka_unit_test(test_big_file),
		cmocka_unit_test(test_no_ind_teks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
