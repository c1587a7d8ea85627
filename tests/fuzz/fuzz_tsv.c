/*
 * libFuzzer target for the TSV reader (lib/tsv.c over lib/io.c).
 *
 * Each input is written to a memfd and opened by its /proc/self/fd path,
 * so it goes through the same kj_input_open -> gzdopen path as a real
 * file (gzip included).  The target
 *   - reads every record and touches every field, checking invariants
 *     (NUL-terminated at len, no NUL inside, valid UTF-8, increasing
 *     character columns, every column found by its canonical name);
 *   - writes the header and every good record back with kj_tsv_put and
 *     rereads that: the fields must come back byte for byte;
 *   - compares kj_utf8_check with a plain byte-at-a-time decoder.
 *
 * Build (see the Makefile's fuzz target):
 *   clang -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE -Ilib \
 *     tests/fuzz/fuzz_tsv.c lib/diag.c lib/mem.c lib/io.c lib/tsv.c \
 *     lib/colreg.c -lz -o ft
 *   ./ft -max_len=4096 tests/fuzz/corpus/tsv
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "colreg.h"
#include "tsv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "fuzz_tsv: %s:%d: check failed: %s\n", \
			        __FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

static int in_fd = -1, rt_fd = -1;
static char in_path[64], rt_path[64];

static int make_memfd(const char *name, char *path, size_t n)
{
	int fd = memfd_create(name, MFD_CLOEXEC);

	if (fd < 0) {
		perror("memfd_create");
		abort();
	}
	snprintf(path, n, "/proc/self/fd/%d", fd);
	return fd;
}

/* Replace the whole content of fd. */
static void set_content(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	off_t off = 0;

	CHECK(ftruncate(fd, 0) == 0);
	while (len > 0) {
		ssize_t w = pwrite(fd, p, len, off);

		CHECK(w > 0);
		p += w;
		off += w;
		len -= (size_t)w;
	}
}

/* A plain decoder to compare kj_utf8_check with: 1 ASCII, 0 valid,
 * -1 invalid with *bad the first bad lead byte. */
static int ref_utf8(const unsigned char *s, size_t len, size_t *bad)
{
	int ascii = 1;

	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		size_t need;
		uint32_t cp, min;

		if (c == 0)
			goto invalid;
		if (c < 0x80) {
			i++;
			continue;
		}
		ascii = 0;
		if ((c & 0xE0) == 0xC0) {
			need = 1, cp = c & 0x1F, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			need = 2, cp = c & 0x0F, min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			need = 3, cp = c & 0x07, min = 0x10000;
		} else {
			goto invalid;
		}
		if (len - i <= need)
			goto invalid;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto invalid;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto invalid;
		i += need + 1;
		continue;
invalid:
		*bad = i;
		return -1;
	}
	return ascii;
}

static void check_utf8(const uint8_t *data, size_t size)
{
	/* the whole input, and the same shifted by 1..7 bytes so that the
	 * 8-byte fast path sees every alignment */
	for (size_t shift = 0; shift < 8 && shift <= size; shift++) {
		size_t b1 = (size_t)-1, b2 = (size_t)-2;
		int r1 = kj_utf8_check((const char *)data + shift,
		                       size - shift, &b1);
		int r2 = ref_utf8(data + shift, size - shift, &b2);

		CHECK(r1 == r2);
		if (r1 < 0)
			CHECK(b1 == b2);
		else
			CHECK(kj_utf8_len((const char *)data + shift,
			                  size - shift) <= size - shift);
	}
}

/* Read every record, check it, write it back to out with kj_tsv_put and
 * keep a copy of its fields (length, bytes) in keep.  Returns the number
 * of good records before the end or the first error. */
static size_t read_all(kj_tsv *t, FILE *out, FILE *keep, uint64_t *sum)
{
	size_t n = kj_tsv_ncols(t), records = 0;
	kj_err err;
	int rc;

	while ((rc = kj_tsv_next(t, &err)) == 1) {
		long prev = 0;

		records++;
		CHECK(kj_tsv_line(t) >= 2);
		for (size_t i = 0; i < n; i++) {
			const char *f = kj_tsv_field(t, i);
			size_t len = kj_tsv_len(t, i);
			long col = kj_tsv_fieldcol(t, i);

			CHECK(f != NULL);
			CHECK(f[len] == '\0');
			CHECK(strlen(f) == len);
			CHECK(kj_utf8_check(f, len, NULL) >= 0);
			CHECK(col > prev);
			prev = col;
			for (size_t k = 0; k < len; k++)
				*sum = *sum * 31 + (unsigned char)f[k];
			if (i)
				putc('\t', out);
			kj_tsv_put(out, f, len);
			fwrite(&len, sizeof len, 1, keep);
			fwrite(f, 1, len, keep);
		}
		putc('\n', out);
	}
	if (rc < 0) {
		/* errors in records name a record line, never the header */
		CHECK(err.line >= 2 || err.line == 0);
		CHECK(err.col >= 0);
		CHECK(err.status == KJ_EXIT_USAGE ||
		      err.status == KJ_EXIT_INTERNAL);
		CHECK(err.msg[0] != '\0');
	}
	return records;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_err err;
	kj_tsv *t, *u;
	char *buf = NULL, *kept = NULL, **hdr;
	size_t bufsize = 0, keptsize = 0, n, records, pos = 0;
	uint64_t sum = 0;
	FILE *out, *keep;
	int strict = getenv("FUZZ_TSV_STRICT_BOM") != NULL;

	if (in_fd < 0) {
		in_fd = make_memfd("fuzz-tsv-in", in_path, sizeof in_path);
		rt_fd = make_memfd("fuzz-tsv-rt", rt_path, sizeof rt_path);
	}
	check_utf8(data, size);

	set_content(in_fd, data, size);
	memset(&err, 0, sizeof err);
	t = kj_tsv_open(in_path, &err);
	if (!t) {
		CHECK(err.msg[0] != '\0');
		CHECK(err.line == 0 || err.line == 1);
		return 0;
	}
	n = kj_tsv_ncols(t);
	CHECK(n >= 1);
	out = open_memstream(&buf, &bufsize);
	keep = open_memstream(&kept, &keptsize);
	CHECK(out != NULL && keep != NULL);
	hdr = calloc(n, sizeof *hdr);
	CHECK(hdr != NULL);
	for (size_t i = 0; i < n; i++) {
		const char *h = kj_tsv_header(t, i);
		const char *c = kj_tsv_colname(t, i);

		CHECK(c[0] != '\0');
		/* unique canonical names: each is found at its own index */
		CHECK(kj_tsv_col(t, c) == (int)i);
		CHECK(kj_utf8_check(h, strlen(h), NULL) >= 0);
		hdr[i] = strdup(h);
		CHECK(hdr[i] != NULL);
		if (i)
			putc('\t', out);
		kj_tsv_puts(out, h);
	}
	putc('\n', out);
	records = read_all(t, out, keep, &sum);
	kj_tsv_close(t);
	CHECK(fclose(out) == 0);
	CHECK(fclose(keep) == 0);

	/*
	 * Round trip: what kj_tsv_put wrote reads back the same.  Known
	 * exception, reported: a first column name that begins with U+FEFF
	 * (a file with two BOMs) is written with it at the start of the
	 * file, where the reader takes it for a BOM and drops it.
	 */
	if (strncmp(hdr[0], "\xEF\xBB\xBF", 3) == 0 && !strict)
		goto done;
	set_content(rt_fd, buf, bufsize);
	u = kj_tsv_open(rt_path, &err);
	if (!u) {
		fprintf(stderr, "fuzz_tsv: reread: %ld:%ld: %s\n", err.line,
		        err.col, err.msg);
		abort();
	}
	CHECK(kj_tsv_ncols(u) == n);
	for (size_t i = 0; i < n; i++)
		CHECK(strcmp(hdr[i], kj_tsv_header(u, i)) == 0);
	for (size_t r = 0; r < records; r++) {
		if (kj_tsv_next(u, &err) != 1) {
			fprintf(stderr, "fuzz_tsv: reread record %zu: "
			        "%ld:%ld: %s\n", r + 1, err.line, err.col,
			        err.msg);
			abort();
		}
		for (size_t i = 0; i < n; i++) {
			size_t len;

			CHECK(pos + sizeof len <= keptsize);
			memcpy(&len, kept + pos, sizeof len);
			pos += sizeof len;
			CHECK(pos + len <= keptsize);
			CHECK(kj_tsv_len(u, i) == len);
			CHECK(memcmp(kj_tsv_field(u, i), kept + pos, len) == 0);
			pos += len;
		}
	}
	CHECK(pos == keptsize);
	CHECK(kj_tsv_next(u, &err) == 0);
	kj_tsv_close(u);
done:
	for (size_t i = 0; i < n; i++)
		free(hdr[i]);
	free(hdr);
	free(buf);
	free(kept);
	return sum == 42 ? 0 : 0; /* keep sum alive */
}
