/* nip: see nip.h. */
#include "nip.h"

#include <stdio.h>
#include <string.h>

/* Value of the n digits at s[i]; the caller checked they are digits. */
static int field(const char *s, size_t i, size_t n)
{
	int v = 0;

	while (n--)
		v = v * 10 + (s[i++] - '0');
	return v;
}

int kj_nip_parse(const char *s, size_t len, kj_nip *out, kj_err *err)
{
	kj_nip nip;
	int y, m, d, code;
	size_t i;

	memset(&nip, 0, sizeof nip);
	if (len == 0) {
		kj_err_set(err, NULL, 0, 0,
		           "expected an 18-digit NIP, found empty text");
		return -1;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= '0' && c <= '9')
			continue;
		if (c == ' ')
			kj_err_set(err, NULL, 0, (long)i + 1,
			           "expected 18 digits, found a space (write "
			           "the NIP without spaces)");
		else if (c > ' ' && c < 0x7f)
			kj_err_set(err, NULL, 0, (long)i + 1,
			           "expected 18 digits, found '%c'", c);
		else
			kj_err_set(err, NULL, 0, (long)i + 1,
			           "expected 18 digits, found byte 0x%02x", c);
		return -1;
	}
	if (len != KJ_NIP_LEN) {
		kj_err_set(err, NULL, 0, 0, "expected 18 digits, found %zu",
		           len);
		return -1;
	}
	memcpy(nip.text, s, KJ_NIP_LEN);

	y = field(s, 0, 4);
	m = field(s, 4, 2);
	d = field(s, 6, 2);
	if (y < KJ_YEAR_MIN || y > KJ_YEAR_MAX) {
		kj_err_set(err, NULL, 0, 1,
		           "birth year %04d is outside %d-%d", y, KJ_YEAR_MIN,
		           KJ_YEAR_MAX);
		return -1;
	}
	if (kj_date_from_ymd(y, m, d, &nip.birth) < 0) {
		kj_err_set(err, NULL, 0, m < 1 || m > 12 ? 5 : 7,
		           "birth date %04d-%02d-%02d does not exist", y, m, d);
		return -1;
	}

	nip.tmt_year = field(s, 8, 4);
	code = field(s, 12, 2);
	if (code >= 1 && code <= 12) {
		nip.kind = KJ_NIP_PNS;
		nip.tmt_month = code;
	} else if (code >= 21 && code <= 29) {
		nip.kind = KJ_NIP_PPPK;
		nip.pppk_code = code;
	} else {
		kj_err_set(err, NULL, 0, 13,
		           "expected a TMT month 01-12 (PNS) or a PPPK code "
		           "21-29 at digits 13-14, found %02d", code);
		return -1;
	}
	/*
	 * A sanity check only: whatever the minimum age at appointment, no
	 * one is appointed before they are born.
	 */
	if (nip.tmt_year < y) {
		kj_err_set(err, NULL, 0, 9,
		           "TMT year %04d is before the birth year %04d",
		           nip.tmt_year, y);
		return -1;
	}
	if (nip.tmt_year > KJ_YEAR_MAX) {
		kj_err_set(err, NULL, 0, 9, "TMT year %04d is after %d",
		           nip.tmt_year, KJ_YEAR_MAX);
		return -1;
	}

	switch (s[14]) {
	case '1':
		nip.sex = KJ_SEX_MAN;
		break;
	case '2':
		nip.sex = KJ_SEX_WOMAN;
		break;
	default:
		kj_err_set(err, NULL, 0, 15,
		           "expected sex digit 1 (man) or 2 (woman) at digit "
		           "15, found %c", s[14]);
		return -1;
	}
	/* 000 is accepted on purpose: see nip.h. */
	nip.seq = field(s, 15, 3);
	*out = nip;
	return 0;
}

const char *kj_nip_kind_name(enum kj_nip_kind kind)
{
	return kind == KJ_NIP_PPPK ? "pppk" : "pns";
}
