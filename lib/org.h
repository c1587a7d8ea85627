/*
 * org: the roster (pegawai.tsv) as an organisation: who works where, who
 * reports to whom.  One loader for every command that needs the roster's
 * shape (skp-cascade, capaian-check, anjab-validate); tpp-calc reads the
 * money columns itself.
 *
 * Loading checks what every command relies on, and stops at the first
 * problem with a file:line:col error (the caller prints it, exit 2):
 *   - the columns nip, nama, opd, jabatan are present (unit, status,
 *     jenis_jabatan, kelas, atasan, keterangan, jenjang, golongan are taken
 *     when present; has_* says which were);
 *   - every NIP is a valid NIP or NI PPPK, and appears once;
 *   - jenis_jabatan is one of the six words, kelas 1..17 when not empty;
 *   - every atasan is a NIP of the roster, not the employee's own, and the
 *     atasan chains have no cycle (the error names the whole cycle).
 * Strings live in an arena owned by the roster.
 */
#ifndef KJ_ORG_H
#define KJ_ORG_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum kj_jenis_jabatan {
	KJ_JJ_NONE = -1,             /* column absent or empty */
	KJ_JJ_JPT_MADYA,
	KJ_JJ_JPT_PRATAMA,
	KJ_JJ_ADMINISTRATOR,
	KJ_JJ_PENGAWAS,
	KJ_JJ_PELAKSANA,
	KJ_JJ_FUNGSIONAL,
	KJ_JJ_N
};
extern const char *const kj_jenis_jabatan_words[KJ_JJ_N];

/* JPT madya or pratama: the top of an SKP cascade (perspektif, no intervensi). */
bool kj_jenis_is_jpt(int jenis);
/* administrator, pengawas or JPT: a structural job (kebutuhan 1, heads a unit). */
bool kj_jenis_is_struktural(int jenis);
/* The word for an enum value, "" for KJ_JJ_NONE. */
const char *kj_jenis_word(int jenis);
/* The enum value of a word (canonical or label, via colreg); -1 if unknown. */
int kj_jenis_parse(const char *s, size_t len);

typedef struct kj_pegawai {
	const char *nip;
	const char *nama;
	const char *status;          /* pns, cpns, pppk, or "" */
	const char *golongan;        /* "" when absent */
	const char *opd;
	const char *unit;            /* the opd when the column is absent or empty */
	const char *jabatan;
	const char *jenjang;         /* "" when absent */
	const char *keterangan;      /* canonical words joined by ',' or "" */
	int jenis;                   /* enum kj_jenis_jabatan */
	int kelas;                   /* 1..17, 0 when absent or empty */
	long atasan;                 /* index in the roster, -1 for the top */
	long line;                   /* line in pegawai.tsv */
	long depth;                  /* 0 for a top, atasan's depth + 1 */
} kj_pegawai;

typedef struct kj_roster {
	char *path;                  /* as given to kj_roster_load */
	kj_pegawai *p;               /* in the order of the file */
	size_t n;
	bool has_unit, has_status, has_jenis, has_kelas, has_atasan,
	     has_keterangan, has_jenjang, has_golongan;
	/* private */
	struct kj_org_priv *priv;
} kj_roster;

/* Load PATH ("-" is stdin, ".gz" transparent).  0 on success; -1 with ERR
 * set (and R empty, safe to free) on the first problem. */
int kj_roster_load(kj_roster *r, const char *path, kj_err *err);
void kj_roster_free(kj_roster *r);

/* Index of the employee with this NIP, or -1. */
long kj_roster_find(const kj_roster *r, const char *nip, size_t len);

/* The direct subordinates of employee I (I = -1: the tops), in file order.
 * *N receives their number; the array belongs to the roster. */
const long *kj_roster_bawahan(const kj_roster *r, long i, size_t *n);

/* True when keterangan holds WORD (e.g. "tugas_belajar"). */
bool kj_pegawai_has_ket(const kj_pegawai *p, const char *word);

#endif
