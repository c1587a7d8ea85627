/*
 * libFuzzer target for the SKP loader (lib/skp.c, on libyaml's events),
 * its writers and the cascade rules (lib/cascade.c).
 *
 * Each input is SKP YAML loaded from memory.  On failure the error must
 * carry a message, a place >= 0 and status 2 or 3.  On success:
 *   - every RHK and indicator points back into the set, with a place;
 *   - the YAML writer's output loads again and gives the same SKP, value
 *     by value (the round trip of --to yaml);
 *   - the TSV writer's output loads again (through a temporary file);
 *   - the cascade check runs against a small fixed roster, and every
 *     finding has a rule, a message and a place, and every valid link
 *     points at an RHK of the set.
 *
 * Build and run (see the Makefile's fuzz and test-fuzz targets):
 *   make fuzz
 *   build/fuzz/fuzz_skp -max_len=4096 /tmp/scratch tests/fuzz/corpus/skp
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cascade.h"
#include "org.h"
#include "skp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "fuzz_skp: %s:%d: check failed: %s\n", \
			        __FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

static char roster_path[64], tsv_path[64];
static kj_roster roster;

static void init(void)
{
	int fd;
	FILE *f;
	kj_err err;

	snprintf(roster_path, sizeof roster_path, "/tmp/fuzz_skp_r.XXXXXX");
	fd = mkstemp(roster_path);
	CHECK(fd >= 0);
	f = fdopen(fd, "w");
	fputs("nip\tnama\topd\tjabatan\tjenis_jabatan\tatasan\n"
	      "197001011995031001\tK\tA\tKepala\tjpt_pratama\t\n"
	      "197502022000032002\tB\tA\tKabid\tadministrator\t197001011995031001\n"
	      "198004042005012004\tC\tA\tKasi\tpengawas\t197502022000032002\n"
	      "198505052010011005\tD\tA\tStaf\tpelaksana\t198004042005012004\n",
	      f);
	fclose(f);
	CHECK(kj_roster_load(&roster, roster_path, &err) == 0);
	unlink(roster_path);
	snprintf(tsv_path, sizeof tsv_path, "/tmp/fuzz_skp_t.XXXXXX");
	fd = mkstemp(tsv_path);
	CHECK(fd >= 0);
	close(fd);
}

static void same(const kj_skp_set *a, const kj_skp_set *b)
{
	CHECK(a->n == b->n && a->nrhk == b->nrhk && a->nind == b->nind);
	for (size_t i = 0; i < a->n; i++) {
		CHECK(!strcmp(a->skp[i].nip, b->skp[i].nip));
		CHECK(a->skp[i].tahun == b->skp[i].tahun);
		CHECK(a->skp[i].pendekatan == b->skp[i].pendekatan);
		CHECK(a->skp[i].nrhk == b->skp[i].nrhk);
	}
	for (size_t i = 0; i < a->nrhk; i++) {
		const kj_skp_rhk *x = &a->rhk[i], *y = &b->rhk[i];

		CHECK(!strcmp(x->id, y->id) && !strcmp(x->teks, y->teks));
		CHECK(x->jenis == y->jenis && x->perspektif == y->perspektif);
		CHECK(!x->intervensi == !y->intervensi);
		CHECK(!x->intervensi || !strcmp(x->intervensi, y->intervensi));
		CHECK(x->nind == y->nind);
	}
	for (size_t i = 0; i < a->nind; i++) {
		const kj_skp_indikator *x = &a->ind[i], *y = &b->ind[i];

		CHECK(!strcmp(x->id, y->id) && !strcmp(x->teks, y->teks));
		CHECK(!strcmp(x->satuan, y->satuan));
		CHECK(x->aspek == y->aspek && x->polaritas == y->polaritas);
		CHECK(x->target.kind == y->target.kind);
		CHECK(x->target.lo == y->target.lo);
		CHECK(x->target.hi == y->target.hi);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_skp_set *s, *b;
	kj_cascade c;
	kj_err err;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	if (!roster_path[0])
		init();
	s = kj_skp_set_new();
	memset(&err, 0, sizeof err);
	if (kj_skp_load_yaml_mem(s, "fuzz.yaml", data, size, &err)) {
		CHECK(err.msg[0] != '\0');
		CHECK(err.line >= 0 && err.col >= 0);
		CHECK(err.status == 2 || err.status == 3);
		kj_skp_set_free(s);
		return 0;
	}
	for (size_t j = 0; j < s->nrhk; j++) {
		CHECK(s->rhk[j].skp < s->n);
		CHECK(s->rhk[j].pos.line >= 1);
		CHECK(s->rhk[j].ind + s->rhk[j].nind <= s->nind);
	}
	for (size_t m = 0; m < s->nind; m++)
		CHECK(s->ind[m].rhk < s->nrhk && s->ind[m].pos.line >= 1);

	/* YAML round trip. */
	f = open_memstream(&buf, &len);
	CHECK(f);
	kj_skp_write_yaml(s, 0, s->n, f);
	fclose(f);
	b = kj_skp_set_new();
	if (kj_skp_load_yaml_mem(b, "again.yaml", buf, len, &err)) {
		fprintf(stderr, "%s\n---- reloading: %ld:%ld: %s\n", buf,
		        err.line, err.col, err.msg);
		CHECK(!"the YAML writer's output loads");
	}
	same(s, b);
	kj_skp_set_free(b);
	free(buf);

	/* TSV: it loads again. */
	f = fopen(tsv_path, "w");
	CHECK(f);
	kj_skp_write_tsv_header(f);
	kj_skp_write_tsv(s, 0, s->n, f);
	fclose(f);
	b = kj_skp_set_new();
	if (kj_skp_load_tsv(b, tsv_path, &err)) {
		fprintf(stderr, "reloading TSV: %ld:%ld: %s\n", err.line,
		        err.col, err.msg);
		CHECK(!"the TSV writer's output loads");
	}
	CHECK(b->nind == s->nind);
	kj_skp_set_free(b);

	/* The cascade. */
	kj_cascade_check(s, &roster, 0, &c);
	for (size_t i = 0; i < c.nf; i++) {
		CHECK(c.f[i].rule && c.f[i].rule[0]);
		CHECK(c.f[i].msg && c.f[i].msg[0]);
		CHECK(c.f[i].line >= 0 && c.f[i].col >= 0);
	}
	CHECK(c.errors + c.warnings == c.nf);
	for (size_t j = 0; j < s->nrhk; j++)
		CHECK(c.parent[j] < (long)s->nrhk);
	kj_cascade_free(&c);
	kj_skp_set_free(s);
	return 0;
}
