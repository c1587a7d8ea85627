/*
 * libFuzzer target for lib/nip.c: kj_nip_parse on arbitrary bytes,
 * checked against a plain reading of the NIP layout (BKN):
 *   digits  1-8   birth date yyyymmdd (a real date, 1900-2999)
 *   digits  9-12  year of the first appointment (TMT), not before birth
 *   digits 13-14  TMT month 01-12 (PNS) or a PPPK code 21-29
 *   digit  15     sex: 1 man, 2 woman
 *   digits 16-18  sequence 000-999
 * On success every field must be that reading; on failure the message
 * is printable ASCII and the column is within the text (0: no column).
 * The same bytes are also parsed with every shorter length, which must
 * fail unless they are exactly 18 digits.
 *
 *     make fuzz && build/fuzz/fuzz_nip tests/fuzz/corpus/nip
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static int num(const uint8_t *s, size_t n)
{
	int v = 0;

	while (n--)
		v = v * 10 + (*s++ - '0');
	return v;
}

static void check_err(const kj_err *e, size_t len)
{
	CHECK(e->msg[0] != '\0');
	CHECK(memchr(e->msg, '\0', sizeof e->msg) != NULL);
	for (const char *p = e->msg; *p; p++)
		CHECK(*p >= ' ' && *p < 0x7f);
	CHECK(e->col >= 0 && (size_t)e->col <= len);
	CHECK(e->line == 0);
}

/* 1 when a valid NIP by the layout above, 0 otherwise. */
static int ref_valid(const uint8_t *s, size_t len)
{
	int y, m, d, tmt, code, mdays;
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	                            30, 31 };

	if (len != KJ_NIP_LEN)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	y = num(s, 4), m = num(s + 4, 2), d = num(s + 6, 2);
	if (y < 1900 || y > 2999 || m < 1 || m > 12)
		return 0;
	mdays = days[m - 1] +
	        (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
	if (d < 1 || d > mdays)
		return 0;
	tmt = num(s + 8, 4);
	code = num(s + 12, 2);
	if (!((code >= 1 && code <= 12) || (code >= 21 && code <= 29)))
		return 0;
	if (tmt < y || tmt > 2999)
		return 0;
	if (s[14] != '1' && s[14] != '2')
		return 0;
	return 1;
}

static void one(const uint8_t *data, size_t size)
{
	kj_nip n;
	kj_err e;
	int rc, want = ref_valid(data, size);

	memset(&e, 0, sizeof e);
	memset(&n, 0x5a, sizeof n);
	rc = kj_nip_parse((const char *)data, size, &n, &e);
	CHECK((rc == 0) == want);
	if (rc < 0) {
		check_err(&e, size);
		return;
	}
	CHECK(rc == 0);
	CHECK(memcmp(n.text, data, KJ_NIP_LEN) == 0 &&
	      n.text[KJ_NIP_LEN] == '\0');
	{
		int y, m, d;
		kj_date b;

		kj_date_ymd(n.birth, &y, &m, &d);
		CHECK(y == num(data, 4) && m == num(data + 4, 2) &&
		      d == num(data + 6, 2));
		CHECK(kj_date_from_ymd(y, m, d, &b) == 0 && b == n.birth);
	}
	CHECK(n.tmt_year == num(data + 8, 4));
	if (n.kind == KJ_NIP_PNS) {
		CHECK(n.tmt_month == num(data + 12, 2) && n.pppk_code == 0);
		CHECK(strcmp(kj_nip_kind_name(n.kind), "pns") == 0);
	} else {
		CHECK(n.kind == KJ_NIP_PPPK);
		CHECK(n.pppk_code == num(data + 12, 2) && n.tmt_month == 0);
		CHECK(strcmp(kj_nip_kind_name(n.kind), "pppk") == 0);
	}
	CHECK(n.sex == (data[14] == '1' ? KJ_SEX_MAN : KJ_SEX_WOMAN));
	CHECK(n.seq == num(data + 15, 3));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The input itself, and its prefixes: "is it 18 digits" must not
	 * read past len (ASan sees any over-read of this copy). */
	uint8_t *copy = malloc(size ? size : 1);

	CHECK(copy != NULL);
	memcpy(copy, data, size);
	for (size_t n = size; ; n--) {
		one(copy, n);
		if (n == 0 || size - n >= 20)
			break;
	}
	free(copy);
	return 0;
}
