/*
 * yaml: YAML files as a small tree that remembers where every node came
 * from, so that every later error can point at the source.
 *
 * The tree is built from libyaml's event API into one arena per loaded file
 * and freed all at once with kj_yfree(); nothing in it is allocated or freed
 * on its own.  Loading refuses, with file:line:col and exit status 2:
 *
 *   - anchors and aliases (no billion laughs, and nothing our formats need);
 *   - nesting deeper than KJ_Y_MAX_DEPTH sequences and mappings (libyaml
 *     0.2.5 has no limit of its own);
 *   - a scalar longer than KJ_Y_MAX_SCALAR bytes;
 *   - a duplicate key in one mapping (reported at the second one);
 *   - a mapping key that is not a scalar;
 *   - tags other than !!str (which makes a scalar text) and !!map / !!seq
 *     on the matching node: a tag would change what a value means, and our
 *     formats never need one.
 *
 * The helpers at the end are for the loaders of the formats (SKP documents,
 * TPP rule sets, schedules, ANJAB documents).  They all follow one rule for
 * optional values, so that a loader can write
 *
 *     int64_t kelas = 0;
 *     if (kj_y_int(f, kj_y_get(map, "kelas"), 1, 17, &kelas, err) < 0)
 *             return -1;
 *
 * They return 0 when the value was stored, -1 with err filled when it is
 * malformed, and 1 without touching *out when the node is NULL (key absent)
 * or a null scalar (`key:`, `~`, `null`), which YAML says is "no value".
 * A required key is fetched with kj_y_need(), which refuses both cases.
 */

#ifndef KJ_YAML_H
#define KJ_YAML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "io.h"

#define KJ_Y_MAX_DEPTH  64                  /* nested sequences + mappings */
#define KJ_Y_MAX_SCALAR ((size_t)1 << 20)   /* bytes in one scalar */

enum kj_ykind {
	KJ_Y_SCALAR,
	KJ_Y_SEQ,
	KJ_Y_MAP
};

typedef struct kj_ynode kj_ynode;

/*
 * One node, 24 bytes.  Children are stored by value in arrays, so walking a
 * sequence or mapping is plain indexing with no pointer chasing.  Size
 * matters: a tree takes two to three times the bytes of its text, and
 * touching fresh memory is most of what loading costs beyond libyaml's own
 * parse.
 */
struct kj_ynode {
	uint32_t line, col;  /* 1-based start of the node */
	uint32_t len;        /* scalar: bytes; sequence: items; mapping: pairs */
	unsigned char kind;  /* enum kj_ykind */
	/* Scalar written without quotes, block indicator (| >) or !!str: only
	 * such a scalar can mean null, a number or a boolean to a YAML reader,
	 * so a caller can tell `123` or `null` from "123" or "null". */
	bool plain;
	union {
		/* Scalar: len bytes, NUL-terminated (the bytes may hold a NUL
		 * written as "\0"; kj_y_str() refuses those). */
		const char *str;
		const kj_ynode *items;   /* sequence */
		/* Mapping: len keys (scalars) in document order, followed
		 * directly by their len values: see kj_y_vals(). */
		const kj_ynode *keys;
	};
};

/* The values of a mapping, parallel to its keys: vals[i] belongs to
 * keys[i].  They sit right after the keys, so no pointer is stored. */
static inline const kj_ynode *kj_y_vals(const kj_ynode *map)
{
	return map->keys + map->len;
}

/* A loaded file: every document in it, in order. */
typedef struct kj_yfile {
	const char *name;        /* for messages: as given, or "<stdin>" */
	size_t ndocs;            /* 0 for an empty or comment-only file */
	const kj_ynode *docs;    /* the root node of each document */
	struct kj_yarena *arena; /* private: where all of the above lives */
} kj_yfile;

/*
 * Load every document of an input (read through kj_input_read, so "-",
 * gzip and plain files alike).  The input is not closed.  NULL and err
 * filled on failure: status 2 for bad input, the input's own status for
 * read and gzip errors, 3 when libyaml runs out of memory.
 */
kj_yfile *kj_yload(kj_input *in, kj_err *err);
/* Open path ("-" is standard input, ".gz" is decompressed), load, close. */
kj_yfile *kj_yload_path(const char *path, kj_err *err);
/* Load from memory; name is used in messages (tests, the fuzzer). */
kj_yfile *kj_yload_mem(const char *name, const void *buf, size_t len,
                       kj_err *err);
/* Free the tree and everything in it; NULL is allowed. */
void kj_yfree(kj_yfile *f);

/* ---- streaming: one document at a time --------------------------------- */

/*
 * A stream hands out the documents of an input one at a time, each as a
 * kj_yfile view holding that one document (ndocs 1, docs[0] its root), so
 * that every helper below works on it.  The view and every node in it live
 * in one arena that is reset, not freed, before the next document: memory
 * stays the size of the biggest document and hot in the cache, however
 * long the input.  A caller that keeps anything from a document must copy
 * it before the next call.  Loading refuses exactly what kj_yload refuses,
 * with the same messages; positions are line:col in the whole input, so
 * an error in the third document points at its line of the file.
 *
 * libyaml still checks the syntax of a document only as it reads it: a
 * stream may hand out documents before it finds an error further on.
 */
typedef struct kj_ystream kj_ystream;

/* Read from in (not closed by kj_ystream_close), from path ("-" is
 * standard input, ".gz" is decompressed; closed with the stream), or from
 * memory (buf must outlive the stream; name for messages, NULL gives
 * "<memory>").  NULL and err filled on failure. */
kj_ystream *kj_ystream_open(kj_input *in, kj_err *err);
kj_ystream *kj_ystream_open_path(const char *path, kj_err *err);
kj_ystream *kj_ystream_open_mem(const char *name, const void *buf,
                                size_t len, kj_err *err);
/*
 * The next document: 1 and *doc set (valid until the next call or the
 * close; never kj_yfree it), 0 at the end of the input, -1 with err filled
 * as kj_yload would fill it.  After the end or an error, every later call
 * returns the same (the error again).  An empty document ("---" followed
 * by nothing) is a null scalar; an empty or comment-only input has none.
 */
int kj_ystream_next(kj_ystream *s, const kj_yfile **doc, kj_err *err);
/* The name used in messages. */
const char *kj_ystream_name(const kj_ystream *s);
/* Free the stream (NULL is allowed); closes an input it opened. */
void kj_ystream_close(kj_ystream *s);

/* ---- keeping nodes past their document ---------------------------------- */

/*
 * A place to keep copies of nodes of streamed documents, exactly sized
 * and freed all at once: a loader that streams copies only the nodes its
 * model points at, so memory grows by what it keeps, not by the tree.
 * A text of up to KJ_Y_KEEP_INTERN bytes that recurs (mapping keys,
 * "Tidak ada", units) is mostly kept once: a copy may share its bytes
 * with another.
 */
#ifndef KJ_Y_KEEP_INTERN
#define KJ_Y_KEEP_INTERN 48
#endif

typedef struct kj_ykeep kj_ykeep;

kj_ykeep *kj_ykeep_new(void);
/* A deep copy of n (NULL gives NULL), valid until kj_ykeep_free(). */
const kj_ynode *kj_ykeep_tree(kj_ykeep *k, const kj_ynode *n);
/* A copy of n alone: a scalar with its text; a sequence or mapping with
 * its kind and place but no children (len 0), for a node that is only
 * pointed at as a place.  NULL gives NULL. */
const kj_ynode *kj_ykeep_node(kj_ykeep *k, const kj_ynode *n);
/* Free everything kept; NULL is allowed. */
void kj_ykeep_free(kj_ykeep *k);

/* ---- looking at nodes --------------------------------------------------- */

/* True for a plain scalar that YAML reads as null: empty, ~, null. */
bool kj_y_is_null(const kj_ynode *n);
/* True when scalar n holds exactly the NUL-terminated text s. */
bool kj_y_is(const kj_ynode *n, const char *s);
/*
 * The value of key in mapping map, or NULL when map is NULL, not a
 * mapping, or has no such key.  A linear scan, meant for the few fixed
 * keys a loader asks for; iterate over keys[] to visit a large mapping.
 */
const kj_ynode *kj_y_get(const kj_ynode *map, const char *key);
/*
 * Describe n for "expected ..., found %s": "a mapping", "a sequence",
 * "an empty value" or the quoted text ('abc', shortened when long).
 * Writes into buf (size at least 64 is sensible) and returns it.
 */
const char *kj_y_found(const kj_ynode *n, char *buf, size_t size);

/* ---- checking mappings -------------------------------------------------- */

/*
 * Every key of map must be in allowed (NULL-terminated); the first one that
 * is not is an error at that key:
 *   unknown key 'intervesi' (expected one of: id, jenis, intervensi);
 *   did you mean 'intervensi'?
 * The suggestion is the closest allowed key within edit distance 2; of
 * two equally close, the first that contains the key as written ('f4'
 * suggests 'f4a' before 'f1').
 * map must be a mapping; NULL or a null scalar has no keys and passes.
 * Returns 0 or -1.
 */
int kj_y_check_keys(const kj_yfile *f, const kj_ynode *map,
                    const char *const *allowed, kj_err *err);
/*
 * Every key in required (NULL-terminated) must be present with a value:
 * "missing required key 'nip'" at the mapping, or "key 'nip' has no value"
 * at a key given a null.  Returns 0 or -1.
 */
int kj_y_require(const kj_yfile *f, const kj_ynode *map,
                 const char *const *required, kj_err *err);
/*
 * The value of a required key: NULL and err filled when map is not a
 * mapping, lacks the key, or gives it a null.
 */
const kj_ynode *kj_y_need(const kj_yfile *f, const kj_ynode *map,
                          const char *key, kj_err *err);

/* ---- typed values ------------------------------------------------------- */
/* Each returns 0 (stored), 1 (absent or null, *out untouched) or -1 (err
 * filled at the node).  Quoted and plain scalars are read alike: a number
 * is a number however it is written. */

/* n must be a mapping / a sequence: "expected a mapping, found a sequence". */
int kj_y_map(const kj_yfile *f, const kj_ynode *n, kj_err *err);
int kj_y_seq(const kj_yfile *f, const kj_ynode *n, kj_err *err);
/*
 * Text: any scalar, taken as it is written, so an 18-digit NIP written
 * without quotes stays the same 18 characters.  *out points into the tree.
 * Refuses a mapping or sequence ("expected a text value, found a mapping")
 * and text holding a NUL character.
 */
int kj_y_str(const kj_yfile *f, const kj_ynode *n, const char **out,
             kj_err *err);
/*
 * Integer in [min, max]: optional sign and decimal digits only; leading
 * zeros are decimal ("08" is 8), fractions and overflow are refused:
 * "expected an integer between 1 and 17, found '18'".  INT64_MIN or
 * INT64_MAX leave that side open, and out of the message.
 */
int kj_y_int(const kj_yfile *f, const kj_ynode *n, int64_t min, int64_t max,
             int64_t *out, kj_err *err);
/* Boolean: true, false, yes, no, in any case. */
int kj_y_bool(const kj_yfile *f, const kj_ynode *n, bool *out, kj_err *err);
/*
 * Decimal number as an exact scaled integer: *out = value * 10^scale, with
 * scale 0..18.  Either '.' or the Indonesian ',' separates the decimals
 * ("0,5" with scale 2 is 50); there is no thousands separator, since "1.234"
 * must mean one point two three four.  More significant decimals than scale
 * are refused rather than rounded ("1.2345" with scale 3); trailing zeros
 * are fine ("0.50" with scale 1 is 5).  min and max are scaled too, and
 * the message shows them as decimals:
 * "expected a number between 0 and 100 with at most 2 decimals, found 'x'".
 */
int kj_y_decimal(const kj_yfile *f, const kj_ynode *n, int scale,
                 int64_t min, int64_t max, int64_t *out, kj_err *err);

/* Fill err at node n of file f (n may be NULL: no position). */
void kj_y_err(kj_err *err, const kj_yfile *f, const kj_ynode *n,
              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * libyaml puts the end of an input that does not end in a line break at
 * column 0 of a line past the last (it forces a line break before its
 * stream end), so "did not find expected '}'" in a file cut inside a flow
 * collection named a line the file does not have.  A loader feeds kj_ytail
 * every chunk it gives libyaml; kj_ytail_place then moves such a 0-based
 * mark (at_end: the mark is the parser's final position) to just after
 * the last character of the last line, where the text stops.
 */
typedef struct kj_ytail {
	size_t col;     /* characters after the last line break so far */
} kj_ytail;
void kj_ytail_feed(kj_ytail *t, const void *buf, size_t n);
void kj_ytail_place(const kj_ytail *t, bool at_end, size_t *line,
                    size_t *col);

#endif

