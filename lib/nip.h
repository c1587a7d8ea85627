/*
 * nip: the 18-digit identity number of a civil servant, NIP for a PNS
 * (and CPNS) and NI PPPK for a contract employee (PPPK).
 *
 * Layout of a NIP (Peraturan Kepala BKN 43/2007):
 *
 *     19850310 201001 1 002
 *     birth    TMT    sex sequence
 *     YYYYMMDD YYYYMM 1/2 001-999
 *
 * TMT is the year and month of the first appointment as CPNS.  An NI PPPK
 * has the same layout except digits 13-14: instead of a month they hold a
 * PPPK code ("21" is by far the most common; BKN describes it as the
 * number of work agreements, and part-time PPPK numbers of 2025 carry
 * "24").  So digits 13-14 tell the two apart: 01-12 is a PNS month,
 * 21-29 an NI PPPK code; anything else is an error.  The domain notes are
 * silent here; this reading is recorded in DEVIATIONS.md.
 *
 * What is checked: exactly 18 ASCII digits (no spaces: FORMATS.md keeps
 * the NIP as one 18-digit word everywhere); a birth date that exists, in
 * KJ_YEAR_MIN..KJ_YEAR_MAX; the PNS month or PPPK code; a TMT year not
 * before the birth year and not after KJ_YEAR_MAX; the sex digit 1 or 2.
 * No age rule is enforced (minimum age at appointment, retirement): those
 * belong to the domain modules, which know the regulation in force.
 * Sequence 000 is accepted: BKN numbers from 001, but the domain notes do
 * not say so and refusing a real (if odd) NIP would stop a payroll run.
 *
 * The parser follows period.h: (s, len), 0 or -1 with err filled, err->col
 * 1-based within s, file and line left to the caller.
 */
#ifndef KJ_NIP_H
#define KJ_NIP_H

#include <stddef.h>

#include "diag.h"
#include "period.h"

#define KJ_NIP_LEN 18

enum kj_nip_kind {
	KJ_NIP_PNS = 1,    /* NIP of a PNS or CPNS */
	KJ_NIP_PPPK = 2    /* NI PPPK */
};

enum kj_sex {
	KJ_SEX_MAN = 1,
	KJ_SEX_WOMAN = 2
};

typedef struct kj_nip {
	char text[KJ_NIP_LEN + 1];   /* the 18 digits, NUL-terminated */
	enum kj_nip_kind kind;
	kj_date birth;
	int tmt_year;                /* year of the first appointment */
	int tmt_month;               /* 1-12 for a PNS; 0 for a PPPK */
	int pppk_code;               /* 21-29 for a PPPK; 0 for a PNS */
	enum kj_sex sex;
	int seq;                     /* 0-999 */
} kj_nip;

int kj_nip_parse(const char *s, size_t len, kj_nip *out, kj_err *err);
/* "pns" or "pppk", the enum words of pegawai.tsv's status column. */
const char *kj_nip_kind_name(enum kj_nip_kind kind);

#endif
