/*
 * libFuzzer target for the message templates of lapor-remind
 * (lib/template.c) and the messages built from them (lib/mail.c).
 *
 * Each input is a template.  On failure every error must carry a message
 * and a place (line >= 1; col >= 0) in the file "fuzz.txt", in text
 * order.  On success the target renders every header and the body with
 * fixed values (one of them UTF-8, one with a line break), builds the
 * message as lapor-remind does (the From and Cc through the address
 * checks) and an mbox entry of it, and checks:
 *   - the header block (up to the first empty line) has no control
 *     character, no line over 998 bytes, no folded encoded-word line
 *     over 76, and every line is "Name: ..." or a continuation;
 *   - the body after the header block is the rendered body (not QP);
 *   - in the mbox entry no line of the message starts with "From ".
 *
 * Build and run (see the Makefile's fuzz and test-fuzz targets):
 *   make fuzz
 *   build/fuzz/fuzz_template -max_len=4096 /tmp/scratch tests/fuzz/corpus/template
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail.h"
#include "template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "fuzz_template: %s:%d: check failed: %s\n", \
			        __FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

static const char *const vars[] = { "opd", "nama", "periode", "x" };
static const char *const vals[] = {
	"DINKES", "Dinas Kesehatan \xe2\x80\x94 P2P", "2026-11",
	"baris\nBcc: x@y.go.id"
};
static const char *const hdrs[] = { "From", "Subject", "Cc", "Reply-To" };

static void check_headers(const char *m, size_t len)
{
	const char *end = strstr(m, "\n\n");
	size_t i = 0;
	int subject = 0;

	CHECK(end != NULL);
	while (m + i <= end) {
		const char *nl = memchr(m + i, '\n', len - i);
		size_t n = (size_t)(nl - (m + i));

		CHECK(nl != NULL);
		for (size_t k = 0; k < n; k++)
			CHECK((unsigned char)m[i + k] >= 0x20 &&
			      (unsigned char)m[i + k] != 0x7f);
		if (m[i] != ' ') {
			CHECK(memchr(m + i, ':', n) != NULL);
			subject = !memcmp(m + i, "Subject: ", 9);
		}
		/* The encoded-words of a subject: lines of 76 at most. */
		if (subject && memmem(m + i, n, "=?UTF-8?B?", 10))
			CHECK(n <= 76);
		/* 78 is a SHOULD (a long word stays whole); 998 a MUST. */
		CHECK(n <= 998);
		i += n + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kj_err errs[4];
	size_t nerr = 0;
	kj_tpl *t;

	memset(errs, 0, sizeof errs);
	t = kj_tpl_parse("fuzz.txt", (const char *)data, size, vars, 4, hdrs,
	                 4, errs, 4, &nerr);
	if (!t) {
		CHECK(nerr >= 1 && nerr <= 4);
		for (size_t i = 0; i < nerr; i++) {
			CHECK(errs[i].msg[0] != '\0');
			CHECK(!strcmp(errs[i].file, "fuzz.txt"));
			CHECK(errs[i].line >= 1 && errs[i].col >= 0);
			if (i)
				CHECK(errs[i].line >= errs[i - 1].line);
		}
		return 0;
	}
	{
		kj_buf from = { 0 }, addr = { 0 }, cc = { 0 }, msg = { 0 };
		kj_buf box = { 0 }, rt = { 0 }, rta = { 0 };
		kj_mail m;
		char *subject = NULL, *body;
		size_t blen, bad;

		memset(&m, 0, sizeof m);
		m.from = "b@x.go.id";
		m.domain = "x.go.id";
		if (kj_tpl_header(t, 0)) {
			char *f = kj_tpl_render(t, 0, vals, NULL);

			if (!kj_mail_mailbox(f, &from, &addr)) {
				m.from = from.p;
				CHECK(strchr(addr.p, '@') != NULL);
			}
			free(f);
		}
		if (kj_tpl_header(t, 2)) {
			char *c = kj_tpl_render(t, 2, vals, NULL);

			if (!kj_mail_addr_list(c, strlen(c), &cc, &bad))
				m.cc = cc.p;
			else
				CHECK(bad <= strlen(c));
			free(c);
		}
		if (kj_tpl_header(t, 3)) {
			char *c = kj_tpl_render(t, 3, vals, NULL);

			if (!kj_mail_mailbox(c, &rt, &rta))
				m.reply_to = rt.p;
			free(c);
		}
		subject = kj_tpl_header(t, 1) ? kj_tpl_render(t, 1, vals, NULL)
		                              : strdup("");
		body = kj_tpl_render(t, KJ_TPL_BODY, vals, &blen);
		CHECK(strlen(body) == blen);
		CHECK(blen == 0 || body[blen - 1] == '\n');
		m.to = "dinkes@x.go.id";
		m.subject = subject;
		m.body = body;
		m.body_len = blen;
		m.date = 1796691600;
		m.salt = "DINKES\t2026-11\t1";
		m.qp = (size & 1) != 0;
		kj_mail_build(&m, &msg);
		check_headers(msg.p, msg.len);
		if (kj_mail_cte(body, blen, m.qp) != KJ_CTE_QP)
			CHECK(!strcmp(strstr(msg.p, "\n\n") + 2, body));
		kj_mbox_append(&box, "b@x.go.id", m.date, msg.p, msg.len);
		for (size_t i = 1; i < box.len; i++)
			if (box.p[i - 1] == '\n')
				CHECK(strncmp(box.p + i, "From ", 5) != 0);
		free(subject);
		free(body);
		kj_buf_free(&from);
		kj_buf_free(&addr);
		kj_buf_free(&cc);
		kj_buf_free(&rt);
		kj_buf_free(&rta);
		kj_buf_free(&msg);
		kj_buf_free(&box);
	}
	kj_tpl_free(t);
	return 0;
}
