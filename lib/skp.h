/*
 * skp: the SKP (Sasaran Kinerja Pegawai) documents of FORMATS.md
 * ("Performance") as compact structs, loaded from YAML or from skp.tsv,
 * and written back to either.
 *
 * A kj_skp_set holds every SKP loaded into it, from any number of inputs:
 * YAML files (several documents per file), folders of them (read
 * recursively, *.yaml *.yml *.tsv and their .gz, in name order), skp.tsv,
 * or "-" (standard input, YAML or TSV by its first line).  The YAML loader
 * works on libyaml's event stream directly: no document tree is kept,
 * strings go into one arena (the few distinct words of satuan, aspek and
 * perspektif are interned: stored once), so memory grows with
 * the content of the SKP, not with the YAML syntax around it.  Ids are
 * compared with strcmp, never by pointer.
 *
 * What the loader refuses (status 2, file:line:col, the first problem
 * stops the load): malformed YAML (libyaml's place, 1-based), anchors and
 * aliases, a document that is not a mapping, unknown keys ("did you mean"),
 * duplicate keys, a value of the wrong shape (a mapping where text is
 * expected), a missing nip or tahun, a NIP that is not a valid 18-digit NIP,
 * an unknown enum word for jenis, polaritas or pendekatan, a TSV without
 * the nip, tahun and rhk columns.
 *
 * What the loader keeps for the checks of lib/cascade.h to report (so that
 * one bad indicator does not hide the rest of the organisation): a missing
 * or malformed target (kind KJ_TARGET_NONE / KJ_TARGET_BAD), an unknown
 * aspek or perspektif word (enum -1, the text kept), duplicate ids, two SKP
 * of one employee and year.
 *
 * Every RHK and indicator remembers its place (file, line, column, all
 * 1-based) and the places of the values the checks talk about.
 */
#ifndef KJ_SKP_H
#define KJ_SKP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

/* Targets are fixed-point numbers: value * KJ_SKP_SCALE (4 decimals). */
#define KJ_SKP_DECIMALS 4
#define KJ_SKP_SCALE 10000

enum kj_rhk_jenis { KJ_RHK_UTAMA = 0, KJ_RHK_TAMBAHAN = 1 };
enum kj_pendekatan { KJ_PENDEKATAN_KUANTITATIF = 0,
                     KJ_PENDEKATAN_KUALITATIF = 1 };
enum kj_aspek { KJ_ASPEK_NONE = -2, KJ_ASPEK_UNKNOWN = -1,
                KJ_ASPEK_KUANTITAS = 0, KJ_ASPEK_KUALITAS, KJ_ASPEK_WAKTU,
                KJ_ASPEK_BIAYA, KJ_ASPEK_N };
enum kj_perspektif { KJ_PERSPEKTIF_NONE = -2, KJ_PERSPEKTIF_UNKNOWN = -1,
                     KJ_PERSPEKTIF_PENERIMA_LAYANAN = 0,
                     KJ_PERSPEKTIF_PROSES_BISNIS,
                     KJ_PERSPEKTIF_PENGUATAN_INTERNAL,
                     KJ_PERSPEKTIF_ANGGARAN, KJ_PERSPEKTIF_N };
enum kj_polaritas { KJ_POLARITAS_POSITIF = 0, KJ_POLARITAS_NEGATIF = 1 };
enum kj_target_kind {
	KJ_TARGET_NONE = 0,   /* absent or empty */
	KJ_TARGET_NUMBER,     /* lo == hi */
	KJ_TARGET_RANGE,      /* "a-b", lo <= hi */
	KJ_TARGET_BAD         /* written, but neither: text holds it */
};

/* Words of the enums (FORMATS.md), indexed by the enum value. */
extern const char *const kj_rhk_jenis_words[2];
extern const char *const kj_pendekatan_words[2];
extern const char *const kj_aspek_words[KJ_ASPEK_N];
extern const char *const kj_perspektif_words[KJ_PERSPEKTIF_N];
extern const char *const kj_polaritas_words[2];

/* A place in an input: file is an index into kj_skp_set.files. */
typedef struct kj_skp_pos {
	uint32_t file, line, col;
} kj_skp_pos;

typedef struct kj_skp_target {
	int kind;                 /* enum kj_target_kind */
	int64_t lo, hi;           /* * KJ_SKP_SCALE */
	const char *text;         /* as written; "" when absent */
} kj_skp_target;

/*
 * The indicators and RHK are most of a set's memory (100,000 employees:
 * 590,000 and 330,000), so their small fields are as small as their
 * values: enums in a byte, indexes in 32 bits (the loaders stop before
 * either count passes UINT32_MAX).  120 and 96 bytes.
 */
typedef struct kj_skp_indikator {
	const char *id;           /* "" when absent */
	const char *teks;         /* "" when absent */
	const char *satuan;       /* "" when absent */
	const char *aspek_text;   /* as written; "" when absent */
	int8_t aspek;             /* enum kj_aspek */
	int8_t polaritas;         /* enum kj_polaritas (default positif) */
	uint32_t rhk;             /* index of its RHK in kj_skp_set.rhk */
	kj_skp_target target;
	kj_skp_pos pos;           /* the indicator (its mapping or TSV row) */
	kj_skp_pos id_pos, aspek_pos, target_pos;
} kj_skp_indikator;

typedef struct kj_skp_rhk {
	const char *id;           /* "" when absent */
	const char *teks;         /* "" when absent */
	const char *intervensi;   /* NULL when absent */
	const char *perspektif_text; /* as written; "" when absent */
	int8_t jenis;             /* enum kj_rhk_jenis (default utama) */
	int8_t perspektif;        /* enum kj_perspektif */
	uint32_t skp;             /* index of its SKP in kj_skp_set.skp */
	uint32_t ind, nind;       /* its indicators: kj_skp_set.ind[ind..] */
	kj_skp_pos pos, id_pos, intervensi_pos, perspektif_pos;
} kj_skp_rhk;

typedef struct kj_skp {
	const char *nip;          /* 18 digits */
	int tahun;
	int pendekatan;           /* enum kj_pendekatan */
	size_t rhk, nrhk;         /* its RHK: kj_skp_set.rhk[rhk..] */
	kj_skp_pos pos;           /* the document (its nip key for YAML) */
} kj_skp;

typedef struct kj_skp_set {
	kj_skp *skp;              /* in the order loaded */
	size_t n;
	kj_skp_rhk *rhk;
	size_t nrhk;
	kj_skp_indikator *ind;
	size_t nind;
	const char **files;       /* names for messages, as given */
	size_t nfiles;
	struct kj_skp_priv *priv; /* private: arena, intern table, capacities */
} kj_skp_set;

/*
 * The compact side of the set, for checks that pass over every RHK and
 * indicator (lib/cascade): what they read of each, in 24 and 8 bytes
 * instead of the 112 and 128 of the structs above, with the ids already
 * hashed (kj_skp_id_hash).  Filled by the loaders as each RHK or indicator
 * is complete; element i describes s->rhk[i] / s->ind[i].
 */
typedef struct kj_skp_rhk_hot {
	uint32_t skp;             /* as kj_skp_rhk.skp */
	uint32_t ind, nind;       /* as kj_skp_rhk.ind, .nind */
	uint32_t id_hash;         /* kj_skp_id_hash of id */
	uint32_t iv_hash;         /* of intervensi; 0 when it is NULL */
	uint8_t jenis;            /* enum kj_rhk_jenis */
	uint8_t has_intervensi;   /* intervensi != NULL */
	int8_t perspektif;        /* enum kj_perspektif */
	uint8_t pad_;
} kj_skp_rhk_hot;

typedef struct kj_skp_ind_hot {
	uint32_t id_hash;         /* kj_skp_id_hash of id */
	uint8_t target_kind;      /* enum kj_target_kind */
	int8_t aspek;             /* enum kj_aspek */
	uint16_t pad_;
} kj_skp_ind_hot;

/* The hash of an id (any string) as the compact side holds it. */
uint32_t kj_skp_id_hash(const char *id);
/* The compact side: s->nrhk and s->nind elements. */
const kj_skp_rhk_hot *kj_skp_rhk_hots(const kj_skp_set *s);
const kj_skp_ind_hot *kj_skp_ind_hots(const kj_skp_set *s);

kj_skp_set *kj_skp_set_new(void);
void kj_skp_set_free(kj_skp_set *s);

/*
 * What the loaders leave out, for a command that never shows it (set
 * before loading; 0, the default, keeps everything):
 * KJ_SKP_NO_IND_TEKS: the indicators' teks are read and checked as before
 * but not kept (ind[].teks is ""): a third of the text of a set, which
 * skp-cascade --check, --tree and --dot do not print.
 */
#define KJ_SKP_NO_IND_TEKS 1u
void kj_skp_set_options(kj_skp_set *s, unsigned opts);

/*
 * Load PATH into S: "-" (standard input; TSV when the first line holds a
 * TAB, YAML otherwise), a folder (recursively, names ending .yaml .yml
 * .tsv, optionally .gz, in byte order of the path), a file ending .tsv or
 * .tsv.gz (skp.tsv), any other file as YAML.  0 on success, -1 with ERR
 * filled (status 2 for bad input, 3 for I/O).  What was loaded before the
 * error stays in S.
 */
int kj_skp_load_path(kj_skp_set *s, const char *path, kj_err *err);
/* YAML from memory (tests, the fuzzer); NAME is used in messages. */
int kj_skp_load_yaml_mem(kj_skp_set *s, const char *name, const void *buf,
                         size_t len, kj_err *err);
/* skp.tsv from a path ("-" is standard input). */
int kj_skp_load_tsv(kj_skp_set *s, const char *path, kj_err *err);

/* The name of a file index, for messages. */
const char *kj_skp_file(const kj_skp_set *s, uint32_t file);

/* Index of the (first) SKP of NIP for TAHUN (0: any year), or -1. */
long kj_skp_find(const kj_skp_set *s, const char *nip, int tahun);
/* Index of the (first) RHK / indicator with this id, or -1. */
long kj_skp_find_rhk(const kj_skp_set *s, const char *id);
long kj_skp_find_indikator(const kj_skp_set *s, const char *id);

/*
 * Parse a target: a number ("95", "2,5", "0.75") or a range "80-90"
 * (spaces around '-' allowed; lo <= hi), at most KJ_SKP_DECIMALS decimals.
 * Fills *t (text points to s, the caller keeps it alive) and returns its
 * kind; KJ_TARGET_NONE for an empty s, KJ_TARGET_BAD otherwise.
 */
int kj_skp_target_parse(const char *s, size_t len, kj_skp_target *t);
/* Format a target as written by the writers ("95", "80-90", "2.5"). */
void kj_skp_target_format(const kj_skp_target *t, char *buf, size_t size);

/* The enum value of a word or its label (any case), or -1. */
int kj_aspek_parse(const char *s, size_t len);
int kj_perspektif_parse(const char *s, size_t len);

/*
 * Writers.  SKP [from, to) of S (the whole set: 0, s->n) in their order.
 * YAML: one document per SKP, "---" between them, keys in the order of
 * FORMATS.md, absent values left out, text quoted where YAML would read it
 * otherwise.  TSV: the header of FORMATS.md plus pendekatan, one row per
 * indicator (an RHK without indicators: one row with empty indicator
 * fields).  Reading either back gives the same SKP.
 */
void kj_skp_write_yaml(const kj_skp_set *s, size_t from, size_t to, FILE *f);
void kj_skp_write_tsv_header(FILE *f);
void kj_skp_write_tsv(const kj_skp_set *s, size_t from, size_t to, FILE *f);
/* One YAML scalar, quoted when needed (for other writers, e.g. --draft). */
void kj_skp_put_yaml_str(FILE *f, const char *s);

#endif
