/*
 * anjab: ANJAB documents (analisis jabatan, one YAML document per
 * jabatan) loaded into a model that keeps, for every value, the node it
 * came from, so that every later finding points at file:line:col.
 *
 * Loading refuses with a kj_err (exit 2) only what makes a document
 * unreadable: malformed YAML, an unknown key (with "did you mean"), a
 * mapping where text is expected and the like.  Everything a reviewer
 * would mark on paper -- a missing section, a placeholder ("-", "KOSONG"),
 * a volume that is not a number, a kelas of 18 -- loads, and is reported
 * by the rule catalogue of lib/abk.h, with its rule id.
 *
 * The format is kinerja-formats(5), section ANJAB.
 */
#ifndef KJ_ANJAB_H
#define KJ_ANJAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "yaml.h"

/* Scales of the numbers (value x 10^scale). */
#define KJ_ANJ_JUMLAH_SCALE 2   /* jumlah hasil per year */
#define KJ_ANJ_WAKTU_SCALE 4    /* waktu penyelesaian, hours */
#define KJ_ANJ_KEB_SCALE 6      /* a stated kebutuhan */
#define KJ_ANJ_EU_SCALE 2       /* a stated EU */

/* A number of the document.  node NULL: absent (or null).  bad non-NULL:
 * present but not a number in range; the text says what was expected. */
typedef struct kj_anj_num {
	const kj_ynode *node;
	int64_t v;
	char *bad;
} kj_anj_num;

typedef struct kj_tugas {
	const kj_ynode *node;               /* the task's mapping */
	const kj_ynode *uraian, *hasil, *satuan; /* scalars or NULL */
	kj_anj_num jumlah, waktu, efektif, kebutuhan;
} kj_tugas;

/* The nine aspects of kondisi lingkungan kerja, in the order of the form. */
#define KJ_ANJ_NKONDISI 9
extern const char *const kj_anj_kondisi_keys[KJ_ANJ_NKONDISI];

/* Evaluasi jabatan: struktural f1 f2 f3 f4a f4b f5 f6 (7 scores);
 * fungsional and pelaksana f1..f9. */
#define KJ_EVJAB_MAX 9

typedef struct kj_jabatan {
	size_t fileno;                      /* index in the set's files */
	const kj_yfile *file;
	const kj_ynode *root;
	/* identity; scalars or NULL */
	const kj_ynode *nama, *kode, *opd, *unit, *jenis_node;
	const kj_ynode *unit_kerja;         /* sequence of names or NULL */
	int jenis;                          /* enum kj_jenis_jabatan, -1 */
	const kj_ynode *ikhtisar;
	/* kualifikasi: lists (a sequence, or one scalar) or NULL */
	const kj_ynode *kualifikasi, *pendidikan, *pelatihan, *pengalaman;
	kj_tugas *tugas;
	size_t ntugas;
	const kj_ynode *tugas_node;         /* NULL: no key */
	kj_anj_num jumlah_pegawai;          /* scale KJ_ANJ_KEB_SCALE */
	kj_anj_num pembulatan;              /* integer */
	/* sections; a sequence, a placeholder scalar, or NULL */
	const kj_ynode *hasil_kerja, *bahan_kerja, *perangkat_kerja,
	      *tanggung_jawab, *wewenang, *korelasi, *risiko_bahaya;
	const kj_ynode *kondisi;            /* mapping or NULL */
	const kj_ynode *prestasi;
	/* syarat jabatan */
	const kj_ynode *syarat, *keterampilan, *bakat, *temperamen, *minat,
	      *upaya_fisik, *kondisi_fisik, *fungsi;
	kj_anj_num kelas;                   /* integer, any value */
	/* evjab: levels by factor, 0 = not given; a level is an integer
	 * or a label (F1L6, 1-6, Faktor 1 - 6: kinerja-formats(5)) */
	const kj_ynode *evjab;              /* a mapping or a sequence */
	bool evjab_struktural;              /* the 7-score scheme */
	kj_anj_num level[KJ_EVJAB_MAX];
	/* a label of another factor ("f1" for f2: F1L6): "" when not */
	char level_of[KJ_EVJAB_MAX][6];
	kj_anj_num bezetting;               /* integer, any value */
	const kj_ynode *bezetting_per;      /* date text or NULL */
} kj_jabatan;

/* A unit total as a document states it (`rekap:`), for rule B09. */
typedef struct kj_anj_rekap {
	size_t fileno;
	const kj_yfile *file;
	const kj_ynode *node, *opd, *unit;
	kj_anj_num kebutuhan, bezetting, eu;    /* eu scale 2 */
	const kj_ynode *pu;
} kj_anj_rekap;

typedef struct kj_anjab_set {
	/* One per file loaded, for its name (ndocs 0: the documents are read
	 * one at a time and not kept; never kj_yfree these). */
	kj_yfile **files;
	size_t nfiles, capfiles;
	kj_jabatan *jab;
	size_t njab, capjab;
	kj_anj_rekap *rekap;
	size_t nrekap, caprekap;
	/* Private: the copies of the nodes the model points at. */
	kj_ykeep *keep;
} kj_anjab_set;

/*
 * Load every document of PATH ("-" stdin) into S (appended), one document
 * at a time: the model keeps copies of the nodes it points at (a value's
 * scalar, the lists and tables the rules walk, a childless node for a
 * place only: the document, a tugas, evjab), not the document's tree.
 * 0, or -1 with ERR filled (S keeps the documents before the one that
 * failed, safe to free).
 */
int kj_anjab_load(kj_anjab_set *s, const char *path, kj_err *err);
/* The same from memory (tests, the fuzzer). */
int kj_anjab_load_mem(kj_anjab_set *s, const char *name, const void *buf,
                      size_t len, kj_err *err);
void kj_anjab_free(kj_anjab_set *s);

/*
 * Read the documents of PATH ("-" stdin) one at a time, without a set:
 * fn is called for each jabatan (q NULL) or rekap (j NULL) in order, with
 * a model whose nodes live only during the call (the document is then
 * forgotten, and its memory reused for the next one).  Every finding
 * names fileno as the file's index.  0, or -1 with ERR filled (fn has
 * seen the documents before the one that failed).
 */
typedef void (*kj_anjab_fn)(void *arg, const kj_jabatan *j,
                            const kj_anj_rekap *q);
int kj_anjab_each(const char *path, size_t fileno, kj_anjab_fn fn,
                  void *arg, kj_err *err);
int kj_anjab_each_mem(const char *name, const void *buf, size_t len,
                      size_t fileno, kj_anjab_fn fn, void *arg,
                      kj_err *err);

/* Text of a scalar node, "" for NULL. */
static inline const char *kj_anj_str(const kj_ynode *n)
{
	return n && n->kind == KJ_Y_SCALAR ? n->str : "";
}
/*
 * True when n is absent or says "nothing": empty, null, or one of the
 * placeholders of e-Formasi prints and Word forms: "-", "–", "—", "…",
 * a run of dots, "KOSONG", "TIDAK DIISI", "TIDAK ADA DATA" (any case,
 * surrounding blanks ignored).  A sequence is missing when it has no item
 * that is not missing; a mapping when it has no keys.
 */
bool kj_anj_missing(const kj_ynode *n);
/* The items of a list value: a sequence's items, or the node itself for
 * a scalar (one item).  *n = 0 for NULL or a placeholder. */
const kj_ynode *kj_anj_items(const kj_ynode *list, size_t *n);

#endif
