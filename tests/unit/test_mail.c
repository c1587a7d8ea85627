/*
 * Unit tests of lib/mail.c: address lists and senders, header folding and
 * RFC 2047 encoded-words, dates, body encodings, whole messages and
 * mboxrd quoting.  Expected values are worked out in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mail.h"

/* 2026-12-08 01:00:00 UTC: 2026-01-01 is a Thursday and 8 December is
 * day 342 of 2026 (334 days to the end of November, + 8); (342 - 1) % 7
 * = 5 days after a Thursday: a Tuesday.  Days since 1970: 56 years with
 * 14 leap days (1972..2024) = 20454, + 341 = 20795; * 86400 = 1796688000,
 * + 3600 = 1796691600. */
#define T0 INT64_C(1796691600)

static void test_addr_list(void **state)
{
	kj_buf b = { 0 };
	size_t bad = 99;

	(void)state;
	/* ',' or ';' between, blanks and empty items dropped. */
	assert_int_equal(kj_mail_addr_list(" a@x.go.id ;b.c@y.go.id,, ", 26,
	                                   &b, &bad), 0);
	assert_string_equal(b.p, "a@x.go.id, b.c@y.go.id");
	b.len = 0;
	/* The second address starts at byte 11 of the text. */
	assert_int_equal(kj_mail_addr_list("a@x.go.id, bukan alamat", 23, &b,
	                                   &bad), -1);
	assert_int_equal(bad, 11);
	assert_int_equal(b.len, 0);
	assert_int_equal(kj_mail_addr_list("a@@x.go.id", 10, &b, &bad), -1);
	assert_int_equal(kj_mail_addr_list("a..b@x.go.id", 12, &b, &bad), -1);
	assert_int_equal(kj_mail_addr_list(".a@x.go.id", 10, &b, &bad), -1);
	assert_int_equal(kj_mail_addr_list("a@x_y.go.id", 11, &b, &bad), -1);
	assert_int_equal(kj_mail_addr_list("a@", 2, &b, &bad), -1);
	assert_int_equal(kj_mail_addr_list("a@x.go.id\n", 10, &b, &bad), -1);
	assert_int_equal(kj_mail_addr_list("", 0, &b, &bad), -1);
	/* RFC 5321: a local part of 64 characters at most. */
	{
		char a[80];

		memset(a, 'x', 64);
		strcpy(a + 64, "@x.go.id");
		assert_int_equal(kj_mail_addr_list(a, 72, &b, &bad), 0);
		b.len = 0;
		memset(a, 'x', 65);
		strcpy(a + 65, "@x.go.id");
		assert_int_equal(kj_mail_addr_list(a, 73, &b, &bad), -1);
	}
	assert_int_equal(kj_mail_addr_list(" , ", 3, &b, &bad), -1);
	kj_buf_free(&b);
}

static void check_mailbox(const char *in, const char *hdr, const char *addr)
{
	kj_buf h = { 0 }, a = { 0 };

	assert_int_equal(kj_mail_mailbox(in, &h, &a), 0);
	assert_string_equal(h.p, hdr);
	assert_string_equal(a.p, addr);
	kj_buf_free(&h);
	kj_buf_free(&a);
}

static void test_mailbox(void **state)
{
	kj_buf h = { 0 }, a = { 0 };

	(void)state;
	check_mailbox("  bkpsdm@x.go.id ", "bkpsdm@x.go.id", "bkpsdm@x.go.id");
	/* A phrase of atext words needs no quotes. */
	check_mailbox("BKPSDM Kota Contoh <b@x.go.id>",
	              "BKPSDM Kota Contoh <b@x.go.id>", "b@x.go.id");
	/* ',' and '.' are specials: quoted, '"' escaped. */
	check_mailbox("BKPSDM, Kota \"Contoh\" <b@x.go.id>",
	              "\"BKPSDM, Kota \\\"Contoh\\\"\" <b@x.go.id>",
	              "b@x.go.id");
	check_mailbox("\"Dr. A\" <b@x.go.id>", "\"Dr. A\" <b@x.go.id>",
	              "b@x.go.id");
	/* UTF-8: encoded-words.  "Badan Kepegawaian Daerah — Kota Contoh"
	 * is 40 bytes; the first word may be 66 characters (76 less
	 * "Reply-To: "), 54 of base64 after =?UTF-8?B? and ?=: 13 quads,
	 * 39 bytes, all but the final "h".  The address goes on a line of
	 * its own. */
	check_mailbox("Badan Kepegawaian Daerah \xe2\x80\x94 Kota Contoh "
	              "<b@x.go.id>",
	              "=?UTF-8?B?QmFkYW4gS2VwZWdhd2FpYW4gRGFlcmFoIOKAlCBLb3Rh"
	              "IENvbnRv?=\n =?UTF-8?B?aA==?=\n <b@x.go.id>",
	              "b@x.go.id");
	check_mailbox("<b@x.go.id>", "<b@x.go.id>", "b@x.go.id");
	assert_int_equal(kj_mail_mailbox("Nama <b@x.go.id", &h, &a), -1);
	assert_int_equal(kj_mail_mailbox("Nama <>", &h, &a), -1);
	assert_int_equal(kj_mail_mailbox("Nama b@x.go.id", &h, &a), -1);
	assert_int_equal(kj_mail_mailbox("", &h, &a), -1);
	assert_int_equal(kj_mail_mailbox("N\nX <b@x.go.id>", &h, &a), -1);
	kj_buf_free(&h);
	kj_buf_free(&a);
}

static void check_header(const char *value, const char *want)
{
	kj_buf b = { 0 };

	kj_mail_header(&b, "Subject", value, strlen(value));
	assert_string_equal(b.p, want);
	kj_buf_free(&b);
}

static void test_header_ascii(void **state)
{
	(void)state;
	check_header("Laporan kinerja", "Subject: Laporan kinerja\n");
	/* A line break from a field becomes a space: no header injection. */
	check_header("a\nBcc: x@y.go.id", "Subject: a Bcc: x@y.go.id\n");
	/* 9 + 63 = 72 characters to "belum" (words of 7+1...); the next
	 * word " diterima" (9) would make 81 > 78: folded before its
	 * space. */
	check_header("Laporan kinerja 2026-11 Dinas Pendidikan dan Kebudayaan "
	             "belum diterima (3 hari)",
	             "Subject: Laporan kinerja 2026-11 Dinas Pendidikan dan "
	             "Kebudayaan belum\n diterima (3 hari)\n");
	/* "=?" would be read as an encoded-word: encode.  "a =?b" is
	 * YSA9P2I= in base64. */
	check_header("a =?b", "Subject: =?UTF-8?B?YSA9P2I=?=\n");
}

static void test_header_encoded(void **state)
{
	(void)state;
	/* "Laporan — belum" (17 bytes) in one encoded-word. */
	check_header("Laporan \xe2\x80\x94 belum",
	             "Subject: =?UTF-8?B?TGFwb3JhbiDigJQgYmVsdW0=?=\n");
	/*
	 * 40 x "é" (C3 A9, 80 bytes).  First line: 76 - 9 ("Subject: ") =
	 * 67 characters for the word, 67 - 12 = 55 for base64, 13 quads =
	 * 39 bytes, cut back to 38 (byte 39 is inside an é): 19 é.  Later
	 * lines: 75 - 12 = 63, 15 quads = 45 bytes, and 42 remain: 21 é.
	 * "éé..." in base64 repeats w6nD qcOp every 3 bytes: 38 bytes are
	 * 12 triples (6 x "w6nDqcOp") and "w6k=", 42 bytes 7 x "w6nDqcOp".
	 */
	{
		char v[81];

		for (int i = 0; i < 40; i++)
			memcpy(v + 2 * i, "\xc3\xa9", 2);
		v[80] = '\0';
		check_header(v, "Subject: =?UTF-8?B?"
		             "w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOp"
		             "w6k=?=\n =?UTF-8?B?"
		             "w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOp"
		             "w6nDqcOp?=\n");
	}
}

static void test_header_limits(void **state)
{
	/* 300 "é" words: every line <= 76, every word <= 75, and no line
	 * ends inside a character (each word decodes alone). */
	char v[600 + 1];
	kj_buf b = { 0 };
	size_t start = 0;

	(void)state;
	for (int i = 0; i < 300; i++)
		memcpy(v + 2 * i, "\xc3\xa9", 2);
	v[600] = '\0';
	kj_mail_header(&b, "Subject", v, 600);
	for (size_t i = 0; i < b.len; i++) {
		if (b.p[i] == '\n') {
			size_t n = i - start;
			const char *w = memchr(b.p + start, '=', n);

			assert_true(n <= 76);
			assert_non_null(w);
			assert_true((size_t)(b.p + i - w) <= 75);
			/* base64 of whole é pairs: a multiple of 4 that
			 * ends in "=" only when the bytes are not a multiple
			 * of 3. */
			assert_int_equal((size_t)(b.p + i - w - 12) % 4, 0);
			start = i + 1;
		}
	}
	assert_int_equal(start, b.len);
	kj_buf_free(&b);
}

static void test_date(void **state)
{
	char buf[KJ_MAIL_DATE_BUFSZ];

	(void)state;
	kj_mail_date(T0, 0, buf, sizeof buf);
	assert_string_equal(buf, "Tue, 8 Dec 2026 01:00:00 +0000");
	/* WIB: seven hours east. */
	kj_mail_date(T0, 420, buf, sizeof buf);
	assert_string_equal(buf, "Tue, 8 Dec 2026 08:00:00 +0700");
	/* 90 minutes west crosses midnight back to Monday. */
	kj_mail_date(T0, -90, buf, sizeof buf);
	assert_string_equal(buf, "Mon, 7 Dec 2026 23:30:00 -0130");
}

static void test_cte(void **state)
{
	char line[1000];

	(void)state;
	assert_int_equal(kj_mail_cte("abc\n", 4, 0), KJ_CTE_7BIT);
	assert_int_equal(kj_mail_cte("\xc3\xa9\n", 3, 0), KJ_CTE_8BIT);
	assert_int_equal(kj_mail_cte("abc\n", 4, 1), KJ_CTE_QP);
	/* 998 bytes is the longest line RFC 5322 allows. */
	memset(line, 'a', sizeof line);
	assert_int_equal(kj_mail_cte(line, 998, 0), KJ_CTE_7BIT);
	assert_int_equal(kj_mail_cte(line, 999, 0), KJ_CTE_QP);
}

static kj_mail sample(void)
{
	kj_mail m;

	memset(&m, 0, sizeof m);
	m.from = "BKPSDM <b@x.go.id>";
	m.to = "dinkes@x.go.id";
	m.subject = "Laporan 2026-11";
	m.body = "Yth. Kepala\nFrom here on\n";
	m.body_len = strlen(m.body);
	m.date = T0;
	m.domain = "x.go.id";
	m.salt = "DINKES\t2026-11\t1";
	return m;
}

static void test_message(void **state)
{
	kj_mail m = sample();
	kj_buf b = { 0 };
	char id[200], id2[200];
	const char *p;

	(void)state;
	kj_mail_build(&m, &b);
	kj_mail_msgid(&m, id, sizeof id);
	/* 20261208010000 + '.' + 16 hex digits + "@x.go.id". */
	assert_int_equal(strlen(id), 14 + 1 + 16 + 8);
	assert_int_equal(strncmp(id, "20261208010000.", 15), 0);
	assert_string_equal(id + 31, "@x.go.id");
	p = strstr(b.p, "Message-ID: <");
	assert_non_null(p);
	assert_int_equal(strncmp(p + 13, id, strlen(id)), 0);
	/* Everything but the id, by hand. */
	{
		char want[1024];

		snprintf(want, sizeof want,
		         "Date: Tue, 8 Dec 2026 01:00:00 +0000\n"
		         "From: BKPSDM <b@x.go.id>\n"
		         "To: dinkes@x.go.id\n"
		         "Subject: Laporan 2026-11\n"
		         "Message-ID: <%s>\n"
		         "MIME-Version: 1.0\n"
		         "Content-Type: text/plain; charset=UTF-8\n"
		         "Content-Transfer-Encoding: 7bit\n"
		         "Auto-Submitted: auto-generated\n"
		         "\n"
		         "Yth. Kepala\n"
		         "From here on\n", id);
		assert_string_equal(b.p, want);
	}
	/* The same message gives the same id; another salt another. */
	kj_mail_msgid(&m, id2, sizeof id2);
	assert_string_equal(id, id2);
	m.salt = "DINKES\t2026-11\t2";
	kj_mail_msgid(&m, id2, sizeof id2);
	assert_string_not_equal(id, id2);
	m.salt = "DINKES\t2026-11\t1";
	m.date = T0 + 1;
	kj_mail_msgid(&m, id2, sizeof id2);
	assert_string_not_equal(id + 15, id2 + 15);
	kj_buf_free(&b);

	/* Cc and Reply-To, and a body without its final newline. */
	m = sample();
	m.cc = "a@x.go.id";
	m.reply_to = "c@x.go.id";
	m.body = "x";
	m.body_len = 1;
	kj_mail_build(&m, &b);
	assert_non_null(strstr(b.p, "\nTo: dinkes@x.go.id\nCc: a@x.go.id\n"
	                            "Reply-To: c@x.go.id\nSubject: "));
	assert_int_equal(strcmp(b.p + b.len - 3, "\nx\n"), 0);
	kj_buf_free(&b);

	/* A long To: folds before a space: "To: " and a 37-character
	 * address and its comma is 42; the next " a," 39 more, 81 > 78:
	 * folded.  The new line " a," is 39, and " a" 38 more make 77:
	 * it stays. */
	m = sample();
	m.to = "kecmargamakmur.camat@kotacontoh.go.id, "
	       "kecmargamakmur.camat@kotacontoh.go.id, "
	       "kecmargamakmur.camat@kotacontoh.go.id";
	kj_mail_build(&m, &b);
	assert_non_null(strstr(b.p, "\nTo: kecmargamakmur.camat@kotacontoh.go.id,"
	                            "\n kecmargamakmur.camat@kotacontoh.go.id,"
	                            " kecmargamakmur.camat@kotacontoh.go.id\n"
	                            "Subject: "));
	kj_buf_free(&b);
}

static void test_qp(void **state)
{
	kj_mail m = sample();
	kj_buf b = { 0 };
	char body[200];
	const char *p;

	(void)state;
	/* "From " at a line start: =46; é: =C3=A9; '=': =3D; a trailing
	 * blank: =20; 100 'a': 75 and a soft break, then 25. */
	memset(body, 0, sizeof body);
	strcpy(body, "From here\ncaf\xc3\xa9 = 1 \n");
	memset(body + strlen(body), 'a', 100);
	strcat(body, "\n");
	m.body = body;
	m.body_len = strlen(body);
	m.qp = 1;
	kj_mail_build(&m, &b);
	p = strstr(b.p, "\n\n");
	assert_non_null(p);
	assert_non_null(strstr(b.p, "Content-Transfer-Encoding: "
	                            "quoted-printable\n"));
	{
		char want[300];

		memset(want, 0, sizeof want);
		strcpy(want, "\n\n=46rom here\ncaf=C3=A9 =3D 1=20\n");
		memset(want + strlen(want), 'a', 75);
		strcat(want, "=\n");
		memset(want + strlen(want), 'a', 25);
		strcat(want, "\n");
		assert_string_equal(p, want);
	}
	kj_buf_free(&b);
}

static void test_mbox(void **state)
{
	const char *msg = "Subject: x\n\nFrom a\n>From b\n>>From c\nFromage\n"
	                  " From d\n";
	kj_buf b = { 0 };

	(void)state;
	/* asctime date: day of month padded to 2 with a space. */
	kj_mbox_append(&b, "b@x.go.id", T0, msg, strlen(msg));
	assert_string_equal(b.p, "From b@x.go.id Tue Dec  8 01:00:00 2026\n"
	                    "Subject: x\n\n>From a\n>>From b\n>>>From c\n"
	                    "Fromage\n From d\n\n");
	kj_buf_free(&b);
	/* No sender: MAILER-DAEMON; a missing final newline is added. */
	kj_mbox_append(&b, "", T0 + 86400 * 3, "x", 1);
	assert_string_equal(b.p, "From MAILER-DAEMON Fri Dec 11 01:00:00 "
	                    "2026\nx\n\n");
	kj_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addr_list),
		cmocka_unit_test(test_mailbox),
		cmocka_unit_test(test_header_ascii),
		cmocka_unit_test(test_header_encoded),
		cmocka_unit_test(test_header_limits),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_cte),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_qp),
		cmocka_unit_test(test_mbox),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
