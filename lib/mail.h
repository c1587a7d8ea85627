/*
 * mail: Internet messages (RFC 5322) for lapor-remind, and mbox quoting.
 *
 * The module builds text in memory and never does I/O.  Messages use LF
 * line ends, as sendmail(8) and mbox files expect them locally (sendmail
 * makes them CRLF on the wire).
 *
 *  - Header values that are printable ASCII are written as they are,
 *    folded at spaces before 78 characters.  Any other value (UTF-8, or
 *    text that holds "=?", or a word too long to fold) is written as RFC
 *    2047 encoded-words "=?UTF-8?B?...?=" of at most 75 characters each,
 *    one per line, never splitting a character.  A control character in
 *    a value (a line break from a TSV field) becomes a space, so a value
 *    can never add a header.
 *  - The body is UTF-8.  It goes as 7bit when it is ASCII, as 8bit
 *    otherwise, and as quoted-printable when asked or when a line is
 *    longer than 998 bytes (RFC 5322's limit).  Quoted-printable lines are
 *    at most 76 characters and a line starting "From " is written
 *    "=46rom ", so that no mbox reader splits there.
 *  - The Message-ID is "<YYYYMMDDhhmmss.HASH@domain>": the time of the
 *    Date header and a 64-bit FNV-1a hash of the addresses, subject, body
 *    and a caller's salt, so that the same message at the same time gets
 *    the same id and any two different messages different ones.
 *  - mbox is "mboxrd": a "From " line, the message with every line that
 *    matches /^>*From / given one more '>', and an empty line.
 */
#ifndef KJ_MAIL_H
#define KJ_MAIL_H

#include <stddef.h>
#include <stdint.h>

/* A growing text buffer; zero-initialise it, free p when done. */
typedef struct kj_buf {
	char *p;
	size_t len, cap;
} kj_buf;

void kj_buf_add(kj_buf *b, const char *s, size_t n);
void kj_buf_adds(kj_buf *b, const char *s);
void kj_buf_free(kj_buf *b);

/*
 * An address list as written in a field ("a@x.go.id, b@y.go.id"; ',' or
 * ';' between addresses, blanks around them ignored) checked and written
 * to out as "a@x.go.id, b@y.go.id".  An address is local@domain with the
 * characters of RFC 5322's dot-atom on both sides.  Returns 0, or -1 with
 * *bad the byte offset in s of the address at fault (nothing added).
 */
int kj_mail_addr_list(const char *s, size_t n, kj_buf *out, size_t *bad);

/*
 * A sender "addr" or "Display Name <addr>" (ASCII, or a UTF-8 display
 * name, which is then encoded).  Writes the header value to hdr and the
 * bare address to addr.  Returns 0, or -1 when it is not one.
 */
int kj_mail_mailbox(const char *s, kj_buf *hdr, kj_buf *addr);

/* "Name: value\n", folded or encoded as described above. */
void kj_mail_header(kj_buf *b, const char *name, const char *value,
                    size_t len);

/* RFC 5322 date of t (seconds since the epoch, UTC) shown at a zone
 * offset of off minutes east: "Wed, 25 Nov 2026 14:00:00 +0700". */
#define KJ_MAIL_DATE_BUFSZ 40
void kj_mail_date(int64_t t, int off, char *buf, size_t n);

enum kj_cte { KJ_CTE_7BIT, KJ_CTE_8BIT, KJ_CTE_QP };

/* The encoding the body will get. */
enum kj_cte kj_mail_cte(const char *body, size_t len, int want_qp);

typedef struct kj_mail {
	const char *from;       /* header value (kj_mail_mailbox) */
	const char *to;         /* address list (kj_mail_addr_list) */
	const char *cc;         /* another list, or NULL */
	const char *reply_to;   /* a mailbox, or NULL */
	const char *subject;    /* UTF-8 */
	const char *body;       /* UTF-8, LF line ends */
	size_t body_len;
	int64_t date;           /* seconds since the epoch */
	int date_off;           /* minutes east of UTC for the Date header */
	const char *domain;     /* for the Message-ID */
	const char *salt;       /* hashed into the Message-ID, may be NULL */
	int qp;                 /* quoted-printable wanted */
} kj_mail;

/* The whole message, headers and body, appended to out. */
void kj_mail_build(const kj_mail *m, kj_buf *out);

/* The id alone (without the angle brackets), as kj_mail_build makes it. */
void kj_mail_msgid(const kj_mail *m, char *buf, size_t n);

/* One mboxrd entry: "From sender asctime-date\n", the quoted message
 * (which must end in a newline) and an empty line. */
void kj_mbox_append(kj_buf *out, const char *sender, int64_t t,
                    const char *msg, size_t len);

#endif
