/*
 * mail: RFC 5322 messages, RFC 2047 encoded-words, mboxrd.  See mail.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mail.h"
#include "mem.h"

void kj_buf_add(kj_buf *b, const char *s, size_t n)
{
	kj_grow(&b->p, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void kj_buf_adds(kj_buf *b, const char *s)
{
	kj_buf_add(b, s, strlen(s));
}

void kj_buf_free(kj_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

/* ---- addresses ----------------------------------------------------------- */

/* RFC 5322 atext. */
static int atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-/=?^_`{|}~",
	                                              c) != NULL);
}

/* dot-atom: atext runs joined by single dots. */
static int dot_atom(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (s[i + 1] == '.')
				return 0;
		} else if (!atext((unsigned char)s[i])) {
			return 0;
		}
	}
	return 1;
}

static int addr_spec(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	size_t k;

	if (!at)
		return 0;
	k = (size_t)(at - s);
	/* RFC 5321's limits: 64 for the local part, 255 for the domain. */
	if (k > 64 || n - k - 1 > 255)
		return 0;
	if (!dot_atom(s, k) || !dot_atom(at + 1, n - k - 1))
		return 0;
	/* The domain: letters, digits, '-' and '.' only. */
	for (size_t i = k + 1; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '.'))
			return 0;
	}
	return 1;
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

int kj_mail_addr_list(const char *s, size_t n, kj_buf *out, size_t *bad)
{
	size_t i = 0, start = out->len;
	int count = 0;

	while (i < n) {
		size_t a, e;

		while (i < n && (blank(s[i]) || s[i] == ',' || s[i] == ';'))
			i++;
		if (i >= n)
			break;
		a = i;
		while (i < n && s[i] != ',' && s[i] != ';')
			i++;
		e = i;
		while (e > a && blank(s[e - 1]))
			e--;
		if (!addr_spec(s + a, e - a)) {
			*bad = a;
			out->len = start;
			if (out->p)
				out->p[start] = '\0';
			return -1;
		}
		if (count++)
			kj_buf_add(out, ", ", 2);
		kj_buf_add(out, s + a, e - a);
	}
	if (count == 0) {
		*bad = 0;
		return -1;
	}
	return 0;
}

static void encoded_words(kj_buf *b, const char *s, size_t n, size_t first,
                          size_t later);

static int strstr_n(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, w, k))
			return 1;
	return 0;
}

/* Words of atext separated by single spaces: a phrase needing no quotes. */
static int phrase(const char *s, size_t n)
{
	if (n == 0 || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ' ' ? s[i + 1] == ' ' : !atext((unsigned char)s[i]))
			return 0;
	return 1;
}

int kj_mail_mailbox(const char *s, kj_buf *hdr, kj_buf *addr)
{
	const char *lt, *end;
	size_t n = strlen(s), dn;
	int ascii = 1;

	while (n > 0 && blank(s[n - 1]))
		n--;
	while (n > 0 && blank(*s)) {
		s++;
		n--;
	}
	lt = memchr(s, '<', n);
	if (!lt) {
		if (!addr_spec(s, n))
			return -1;
		kj_buf_add(hdr, s, n);
		kj_buf_add(addr, s, n);
		return 0;
	}
	if (lt >= s + n || s[n - 1] != '>' ||
	    !addr_spec(lt + 1, (size_t)(s + n - 1 - lt) - 1))
		return -1;
	end = s + n - 1;
	dn = (size_t)(lt - s);
	while (dn > 0 && blank(s[dn - 1]))
		dn--;
	if (dn > 200)
		return -1;
	for (size_t i = 0; i < dn; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f || c == '<' || c == '>')
			return -1;
		if (c >= 0x80)
			ascii = 0;
	}
	if (dn > 0 && s[0] == '"' && s[dn - 1] == '"' && dn >= 2) {
		s++;
		dn -= 2;
	}
	/* "=?" in a bare phrase would read as an encoded-word. */
	if (dn > 0 && ascii && phrase(s, dn) && !strstr_n(s, dn, "=?")) {
		kj_buf_add(hdr, s, dn);
		kj_buf_add(hdr, " ", 1);
	} else if (dn > 0 && ascii) {
		kj_buf_add(hdr, "\"", 1);
		for (size_t i = 0; i < dn; i++) {
			if (s[i] == '"' || s[i] == '\\')
				kj_buf_add(hdr, "\\", 1);
			kj_buf_add(hdr, s + i, 1);
		}
		kj_buf_add(hdr, "\" ", 2);
	} else if (dn > 0) {
		/* The first word after "Reply-To: " (10) within 76; the
		 * address on a line of its own. */
		encoded_words(hdr, s, dn, 66, 75);
		kj_buf_add(hdr, "\n ", 2);
	}
	kj_buf_add(hdr, "<", 1);
	kj_buf_add(hdr, lt + 1, (size_t)(end - lt) - 1);
	kj_buf_add(hdr, ">", 1);
	kj_buf_add(addr, lt + 1, (size_t)(end - lt) - 1);
	return 0;
}

/* ---- headers ------------------------------------------------------------- */

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void base64(kj_buf *b, const unsigned char *s, size_t n)
{
	char q[4];

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;

		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		kj_buf_add(b, q, 4);
	}
}

/* Bytes of s[0..n) that fit in base64 of at most room characters, cut at a
 * character boundary (at least one character, whatever its size). */
static size_t chunk(const unsigned char *s, size_t n, size_t room)
{
	size_t max = room / 4 * 3, k;

	if (max >= n)
		return n;
	k = max;
	while (k > 0 && (s[k] & 0xC0) == 0x80)
		k--;
	if (k == 0) {
		k = 1;
		while (k < n && (s[k] & 0xC0) == 0x80)
			k++;
	}
	return k;
}

/* Encoded-words "=?UTF-8?B?...?=", the first at most `first` characters,
 * the later ones `later`, joined by "\n ". */
static void encoded_words(kj_buf *b, const char *s, size_t n, size_t first,
                          size_t later)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, lim = first;

	do {
		size_t k = chunk(u + i, n - i, lim > 12 ? lim - 12 : 4);

		if (i)
			kj_buf_add(b, "\n ", 2);
		kj_buf_add(b, "=?UTF-8?B?", 10);
		base64(b, u + i, k);
		kj_buf_add(b, "?=", 2);
		i += k;
		lim = later;
	} while (i < n);
}

void kj_mail_header(kj_buf *b, const char *name, const char *value,
                    size_t len)
{
	size_t nl = strlen(name), i, linelen, run = 0;
	char *v = kj_xmalloc(len + 1);
	int encode = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)value[i];

		v[i] = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
		if (c >= 0x80)
			encode = 1;
		if (c == '=' && i + 1 < len && value[i + 1] == '?')
			encode = 1;
		/* A token is blanks and a word: folding happens only
		 * before one, so a token too long to fit 998 is encoded. */
		run = (v[i] == ' ' && i > 0 && v[i - 1] != ' ') ? 1 : run + 1;
		if (run > 900)
			encode = 1;
	}
	kj_buf_add(b, name, nl);
	kj_buf_add(b, ": ", 2);
	if (encode) {
		size_t first = nl + 2 < 64 ? 76 - (nl + 2) : 12 + 4;

		encoded_words(b, v, len, first > 75 ? 75 : first, 75);
	} else {
		linelen = nl + 2;
		i = 0;
		while (i < len) {
			/* A token: its leading blanks and a word. */
			size_t j = i;

			while (j < len && v[j] == ' ')
				j++;
			while (j < len && v[j] != ' ')
				j++;
			if (i > 0 && linelen + (j - i) > 78 && linelen > nl + 2) {
				kj_buf_add(b, "\n", 1);
				linelen = 0;
			}
			kj_buf_add(b, v + i, j - i);
			linelen += j - i;
			i = j;
		}
	}
	kj_buf_add(b, "\n", 1);
	free(v);
}

static const char *const wday[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const mon[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

static void utc(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	memset(tm, 0, sizeof *tm);
	gmtime_r(&tt, tm);
}

void kj_mail_date(int64_t t, int off, char *buf, size_t n)
{
	struct tm tm;
	int a = off < 0 ? -off : off;

	utc(t + (int64_t)off * 60, &tm);
	snprintf(buf, n, "%s, %d %s %04d %02d:%02d:%02d %c%02d%02d",
	         wday[tm.tm_wday % 7], tm.tm_mday, mon[tm.tm_mon % 12],
	         tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
	         off < 0 ? '-' : '+', a / 60 % 100, a % 60);
}

/* ---- body ---------------------------------------------------------------- */

enum kj_cte kj_mail_cte(const char *body, size_t len, int want_qp)
{
	size_t line = 0;
	int ascii = 1;

	if (want_qp)
		return KJ_CTE_QP;
	for (size_t i = 0; i < len; i++) {
		if (body[i] == '\n') {
			line = 0;
			continue;
		}
		if (++line > 998 || body[i] == '\r' || body[i] == '\0')
			return KJ_CTE_QP;
		if ((unsigned char)body[i] >= 0x80)
			ascii = 0;
	}
	return ascii ? KJ_CTE_7BIT : KJ_CTE_8BIT;
}

static void qp_line(kj_buf *b, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0;

	for (size_t i = 0; i < n; i++) {
		char tmp[3];
		size_t w;
		int lit = (s[i] >= 33 && s[i] <= 126 && s[i] != '=') ||
		          ((s[i] == ' ' || s[i] == '\t') && i + 1 < n);

		if (i == 0 && n >= 5 && !memcmp(s, "From ", 5))
			lit = 0;
		if (lit) {
			tmp[0] = (char)s[i];
			w = 1;
		} else {
			tmp[0] = '=';
			tmp[1] = hex[s[i] >> 4];
			tmp[2] = hex[s[i] & 15];
			w = 3;
		}
		/* Keep room for the soft break "=" within 76 columns,
		 * unless this is the last character of the line. */
		if (col + w > (i + 1 < n ? 75u : 76u)) {
			kj_buf_add(b, "=\n", 2);
			col = 0;
		}
		kj_buf_add(b, tmp, w);
		col += w;
	}
	kj_buf_add(b, "\n", 1);
}

/* ---- the message --------------------------------------------------------- */

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= UINT64_C(1099511628211);
	}
	/* A separator, so that ("ab", "c") and ("a", "bc") differ. */
	h ^= 0xff;
	h *= UINT64_C(1099511628211);
	return h;
}

static uint64_t fnvs(uint64_t h, const char *s)
{
	return fnv(h, s ? s : "", s ? strlen(s) : 0);
}

void kj_mail_msgid(const kj_mail *m, char *buf, size_t n)
{
	uint64_t h = UINT64_C(14695981039346656037);
	char t[24];
	struct tm tm;

	h = fnvs(h, m->from);
	h = fnvs(h, m->to);
	h = fnvs(h, m->cc);
	h = fnvs(h, m->reply_to);
	h = fnvs(h, m->subject);
	h = fnv(h, m->body, m->body_len);
	h = fnvs(h, m->salt);
	snprintf(t, sizeof t, "%lld", (long long)m->date);
	h = fnvs(h, t);
	utc(m->date, &tm);
	snprintf(buf, n, "%04d%02d%02d%02d%02d%02d.%016llx@%s",
	         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	         tm.tm_min, tm.tm_sec, (unsigned long long)h,
	         m->domain && *m->domain ? m->domain : "localhost");
}

/* A header whose value is already in its final form (addresses, which
 * may hold folded encoded-words): folded before a space where a line
 * would pass 78 characters. */
static void raw_header(kj_buf *b, const char *name, const char *value)
{
	size_t linelen = strlen(name) + 2, i = 0, len = strlen(value);

	kj_buf_adds(b, name);
	kj_buf_add(b, ": ", 2);
	while (i < len) {
		size_t j = i;

		if (value[i] == '\n') {
			kj_buf_add(b, "\n", 1);
			linelen = 0;
			i++;
			continue;
		}
		while (j < len && value[j] == ' ')
			j++;
		while (j < len && value[j] != ' ' && value[j] != '\n')
			j++;
		if (linelen > 0 && value[i] == ' ' && linelen + (j - i) > 78) {
			kj_buf_add(b, "\n", 1);
			linelen = 0;
		}
		kj_buf_add(b, value + i, j - i);
		linelen += j - i;
		i = j;
	}
	kj_buf_add(b, "\n", 1);
}

void kj_mail_build(const kj_mail *m, kj_buf *out)
{
	char date[KJ_MAIL_DATE_BUFSZ], id[400];
	enum kj_cte cte = kj_mail_cte(m->body, m->body_len, m->qp);
	static const char *const cte_name[] = {
		"7bit", "8bit", "quoted-printable"
	};

	kj_mail_date(m->date, m->date_off, date, sizeof date);
	raw_header(out, "Date", date);
	raw_header(out, "From", m->from);
	raw_header(out, "To", m->to);
	if (m->cc)
		raw_header(out, "Cc", m->cc);
	if (m->reply_to)
		raw_header(out, "Reply-To", m->reply_to);
	kj_mail_header(out, "Subject", m->subject, strlen(m->subject));
	kj_mail_msgid(m, id, sizeof id);
	kj_buf_adds(out, "Message-ID: <");
	kj_buf_adds(out, id);
	kj_buf_adds(out, ">\n");
	kj_buf_adds(out, "MIME-Version: 1.0\n"
	            "Content-Type: text/plain; charset=UTF-8\n"
	            "Content-Transfer-Encoding: ");
	kj_buf_adds(out, cte_name[cte]);
	kj_buf_adds(out, "\nAuto-Submitted: auto-generated\n\n");
	if (cte != KJ_CTE_QP) {
		kj_buf_add(out, m->body, m->body_len);
		if (m->body_len && m->body[m->body_len - 1] != '\n')
			kj_buf_add(out, "\n", 1);
		return;
	}
	for (size_t i = 0; i < m->body_len;) {
		const char *nl = memchr(m->body + i, '\n', m->body_len - i);
		size_t k = nl ? (size_t)(nl - (m->body + i)) : m->body_len - i;

		qp_line(out, (const unsigned char *)m->body + i, k);
		i += k + (nl != NULL);
	}
}

void kj_mbox_append(kj_buf *out, const char *sender, int64_t t,
                    const char *msg, size_t len)
{
	char line[128];
	struct tm tm;

	utc(t, &tm);
	snprintf(line, sizeof line, " %s %s %2d %02d:%02d:%02d %04d\n",
	         wday[tm.tm_wday % 7], mon[tm.tm_mon % 12], tm.tm_mday,
	         tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
	kj_buf_adds(out, "From ");
	kj_buf_adds(out, sender && *sender ? sender : "MAILER-DAEMON");
	kj_buf_adds(out, line);
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(msg + i, '\n', len - i);
		size_t k = nl ? (size_t)(nl - (msg + i)) + 1 : len - i, j = i;

		while (j < i + k && msg[j] == '>')
			j++;
		if (i + k - j >= 5 && !memcmp(msg + j, "From ", 5))
			kj_buf_add(out, ">", 1);
		kj_buf_add(out, msg + i, k);
		i += k;
	}
	if (len && msg[len - 1] != '\n')
		kj_buf_add(out, "\n", 1);
	kj_buf_add(out, "\n", 1);
}
