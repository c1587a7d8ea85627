/*
 * libFuzzer target for the report-log inputs of capaian-check --unreported
 * and lapor-remind: a laporan.tsv (opd or nip, periode, dikirim) or a
 * belum-lapor.tsv (batas, terlambat_hari), read through lib/tsv.c, with
 * every value parsed as the commands parse it (lib/period.c: a period, a
 * date of 10 characters or else a timestamp) and the deadline arithmetic
 * of lib/laporan.c run on what parses.
 *
 * The input is the TSV file (from a memfd, by its /proc/self/fd path).
 * Its 'tanggal' column, when present, gives the holidays; the deadline
 * rule (n 0..366 days, calendar or working days, 5- or 6-day week) is
 * picked from a checksum of the input.  For every row whose periode
 * parses, the target checks:
 *   - calendar days: the deadline is the period's last day + n;
 *   - working days: there are exactly n working days after the last day
 *     up to the deadline, and the deadline is one (n > 0);
 *   - days late from kj_terlambat are >= 0 and the definition's;
 *   - a parsed date or timestamp formats back to the same text.
 *
 *     make fuzz && build/fuzz/fuzz_laporan -max_len=4096 /tmp/c tests/fuzz/corpus/laporan
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "laporan.h"
#include "period.h"
#include "tsv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_input.h"

#define MAX_HOL 64

static void check_err(const kj_err *e)
{
	CHECK(e->msg[0] != '\0');
	CHECK(memchr(e->msg, '\0', sizeof e->msg) != NULL);
	CHECK(e->status == KJ_EXIT_USAGE || e->status == KJ_EXIT_INTERNAL);
}

/* A date or a timestamp, as read_laporan in capaian-check reads dikirim. */
static int when(const char *s, size_t len, kj_date *d)
{
	kj_err e;

	if (len == 10) {
		char buf[KJ_DATE_BUFSZ];

		if (kj_date_parse(s, len, d, &e) < 0) {
			check_err(&e);
			return -1;
		}
		CHECK(kj_date_format(*d, buf, sizeof buf) == 10);
		CHECK(memcmp(buf, s, 10) == 0);
	} else {
		kj_timestamp ts;
		char buf[KJ_TIMESTAMP_BUFSZ];
		kj_timestamp back;

		if (kj_timestamp_parse(s, len, &ts, &e) < 0) {
			check_err(&e);
			return -1;
		}
		*d = kj_timestamp_date(ts);
		kj_timestamp_format(ts, buf, sizeof buf);
		CHECK(kj_timestamp_parse(buf, strlen(buf), &back, &e) == 0);
		CHECK(back == ts);
	}
	return 0;
}

static void deadline(const kj_period *p, int n, bool hk, unsigned week,
                     const kj_date *hol, size_t nhol, int has_sent,
                     kj_date sent)
{
	kj_date last = kj_period_last(p), b;
	long late;
	kj_date per = last + 40;

	b = kj_batas_lapor(p, n, hk, week, hol, nhol);
	if (!hk) {
		CHECK(b == last + n);
	} else {
		CHECK(b >= last + n);
		CHECK(kj_working_days(last + 1, b, week, hol, nhol) == n);
		if (n > 0)
			CHECK(kj_is_working_day(b, week, hol, nhol));
	}
	late = kj_terlambat(b, has_sent, sent, per);
	CHECK(late >= 0);
	if (has_sent)
		CHECK(late == (sent > b ? (long)(sent - b) : 0));
	else
		CHECK(late == (per > b ? (long)(per - b) : 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_tsv *t;
	kj_err err;
	kj_date hol[MAX_HOL];
	size_t nhol = 0;
	unsigned sum = 0;
	int cper, csent, ctgl, cbatas, rc, n;
	bool hk;
	unsigned week;

	for (size_t i = 0; i < size; i++)
		sum = sum * 33 + data[i];
	n = (int)(sum % 367);
	if (sum & 0x10000)
		n %= 32;    /* mostly short deadlines, like the real ones */
	hk = (sum >> 20) & 1;
	week = (sum >> 21) & 1 ? KJ_WEEK_MON_SAT : KJ_WEEK_MON_FRI;

	set_content(data, size);
	memset(&err, 0, sizeof err);
	t = kj_tsv_open(in_path, &err);
	if (!t) {
		check_err(&err);
		return 0;
	}
	cper = kj_tsv_col(t, "periode");
	csent = kj_tsv_col(t, "dikirim");
	ctgl = kj_tsv_col(t, "tanggal");
	cbatas = kj_tsv_col(t, "batas");
	while ((rc = kj_tsv_next(t, &err)) == 1) {
		kj_period p;
		kj_date sent = 0, d;
		int has_sent = 0;
		kj_err e;

		if (ctgl >= 0 && nhol < MAX_HOL &&
		    kj_date_parse(kj_tsv_field(t, ctgl),
		                  kj_tsv_len(t, ctgl), &d, &e) == 0)
			hol[nhol++] = d;
		if (cbatas >= 0)
			(void)when(kj_tsv_field(t, cbatas),
			           kj_tsv_len(t, cbatas), &d);
		if (csent >= 0 && kj_tsv_len(t, csent) > 0 &&
		    when(kj_tsv_field(t, csent), kj_tsv_len(t, csent),
		         &sent) == 0)
			has_sent = 1;
		if (cper < 0)
			continue;
		if (kj_period_parse(kj_tsv_field(t, cper), kj_tsv_len(t, cper),
		                    &p, &e) < 0) {
			check_err(&e);
			continue;
		}
		deadline(&p, n, hk, week, hol, nhol, has_sent, sent);
		/* the edges of the rule: same day, a year of working days */
		deadline(&p, 0, true, KJ_WEEK_MON_FRI, hol, nhol, has_sent,
		         sent);
		deadline(&p, 366, true, KJ_WEEK_MON_SAT, hol, nhol, 0, 0);
	}
	if (rc < 0)
		check_err(&err);
	kj_tsv_close(t);
	return 0;
}
