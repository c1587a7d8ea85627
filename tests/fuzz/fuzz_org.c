/*
 * libFuzzer target for the roster loader (lib/org.c over lib/tsv.c,
 * lib/nip.c, lib/strmap.c and lib/colreg.c).
 *
 * Each input is a pegawai.tsv, loaded through kj_roster_load from a memfd
 * (by its /proc/self/fd path, so the same input path as the commands).
 * On failure the error must carry a message, a status 2 or 3 and a place
 * within the file.  On success the target checks what the loader
 * promises every command:
 *   - every NIP is a valid NIP, found again by kj_roster_find at its own
 *     index, and only once;
 *   - nama, opd and jabatan are set; unit is set (the opd when absent);
 *     kelas is 0..17; jenis is KJ_JJ_NONE or a word that parses back;
 *   - atasan is -1 or another employee, and depth is the atasan's + 1
 *     (0 for a top): so no cycle survives the load;
 *   - the subordinate lists (kj_roster_bawahan of -1 and of everyone)
 *     hold every employee exactly once, under its atasan, in file order;
 *   - lines increase from 2.
 *
 *     make fuzz && build/fuzz/fuzz_org -max_len=4096 /tmp/c tests/fuzz/corpus/org
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "nip.h"
#include "org.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_input.h"

static void check_subordinates(const kj_roster *r)
{
	unsigned char *seen = calloc(r->n + 1, 1);

	CHECK(seen != NULL);
	for (long a = -1; a < (long)r->n; a++) {
		size_t nb;
		const long *b = kj_roster_bawahan(r, a, &nb);

		CHECK(nb == 0 || b != NULL);
		for (size_t k = 0; k < nb; k++) {
			CHECK(b[k] >= 0 && (size_t)b[k] < r->n);
			CHECK(r->p[b[k]].atasan == a);
			CHECK(!seen[b[k]]);
			seen[b[k]] = 1;
			if (k)
				CHECK(b[k] > b[k - 1]);
		}
	}
	for (size_t i = 0; i < r->n; i++)
		CHECK(seen[i]);
	free(seen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_roster r;
	kj_err err;

	set_content(data, size);
	memset(&r, 0, sizeof r);
	memset(&err, 0, sizeof err);
	if (kj_roster_load(&r, in_path, &err) < 0) {
		CHECK(err.msg[0] != '\0');
		CHECK(memchr(err.msg, '\0', sizeof err.msg) != NULL);
		CHECK(err.status == KJ_EXIT_USAGE ||
		      err.status == KJ_EXIT_INTERNAL);
		CHECK(err.line >= 0 && err.col >= 0);
		CHECK(r.n == 0);
		kj_roster_free(&r);
		return 0;
	}
	for (size_t i = 0; i < r.n; i++) {
		const kj_pegawai *p = &r.p[i];
		kj_nip nip;
		kj_err e;
		size_t len;

		CHECK(p->nip && p->nama && p->opd && p->jabatan && p->unit);
		CHECK(p->status && p->golongan && p->jenjang && p->keterangan);
		len = strlen(p->nip);
		CHECK(kj_nip_parse(p->nip, len, &nip, &e) == 0);
		CHECK(kj_roster_find(&r, p->nip, len) == (long)i);
		if (!r.has_unit)
			CHECK(strcmp(p->unit, p->opd) == 0);
		CHECK(p->unit[0] != '\0' || p->opd[0] == '\0');
		CHECK(p->kelas >= 0 && p->kelas <= 17);
		if (p->jenis == KJ_JJ_NONE) {
			CHECK(kj_jenis_word(p->jenis)[0] == '\0');
		} else {
			const char *w;

			CHECK(p->jenis >= 0 && p->jenis < KJ_JJ_N);
			w = kj_jenis_word(p->jenis);
			CHECK(kj_jenis_parse(w, strlen(w)) == p->jenis);
		}
		if (p->atasan < 0) {
			CHECK(p->atasan == -1 && p->depth == 0);
		} else {
			CHECK((size_t)p->atasan < r.n && p->atasan != (long)i);
			CHECK(p->depth == r.p[p->atasan].depth + 1);
		}
		CHECK(p->line >= 2);
		if (i)
			CHECK(p->line > r.p[i - 1].line);
	}
	CHECK(kj_roster_find(&r, "x", 1) == -1);
	check_subordinates(&r);
	kj_roster_free(&r);
	return 0;
}
