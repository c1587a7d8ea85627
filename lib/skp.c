/* skp: see skp.h.  A stub until the loader lands: every load fails. */
#include "skp.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

const char *const kj_rhk_jenis_words[2] = { "utama", "tambahan" };
const char *const kj_pendekatan_words[2] = { "kuantitatif", "kualitatif" };
const char *const kj_aspek_words[KJ_ASPEK_N] = {
	"kuantitas", "kualitas", "waktu", "biaya"
};
const char *const kj_perspektif_words[KJ_PERSPEKTIF_N] = {
	"penerima_layanan", "proses_bisnis", "penguatan_internal", "anggaran"
};
const char *const kj_polaritas_words[2] = { "positif", "negatif" };

kj_skp_set *kj_skp_set_new(void)
{
	return kj_xcalloc(1, sizeof(kj_skp_set));
}

void kj_skp_set_free(kj_skp_set *s)
{
	free(s);
}

static int stub(const char *name, kj_err *err)
{
	kj_err_set(err, name, 0, 0, "the SKP loader is not implemented yet");
	err->status = KJ_EXIT_INTERNAL;
	return -1;
}

int kj_skp_load_path(kj_skp_set *s, const char *path, kj_err *err)
{
	(void)s;
	return stub(path, err);
}

int kj_skp_load_yaml_mem(kj_skp_set *s, const char *name, const void *buf,
                         size_t len, kj_err *err)
{
	(void)s; (void)buf; (void)len;
	return stub(name, err);
}

int kj_skp_load_tsv(kj_skp_set *s, const char *path, kj_err *err)
{
	(void)s;
	return stub(path, err);
}

const char *kj_skp_file(const kj_skp_set *s, uint32_t file)
{
	return file < s->nfiles ? s->files[file] : "";
}

long kj_skp_find(const kj_skp_set *s, const char *nip, int tahun)
{
	(void)s; (void)nip; (void)tahun;
	return -1;
}

long kj_skp_find_rhk(const kj_skp_set *s, const char *id)
{
	(void)s; (void)id;
	return -1;
}

long kj_skp_find_indikator(const kj_skp_set *s, const char *id)
{
	(void)s; (void)id;
	return -1;
}

int kj_skp_target_parse(const char *s, size_t len, kj_skp_target *t)
{
	(void)s; (void)len;
	memset(t, 0, sizeof *t);
	t->text = "";
	return KJ_TARGET_NONE;
}

void kj_skp_target_format(const kj_skp_target *t, char *buf, size_t size)
{
	(void)t;
	if (size)
		buf[0] = 0;
}

int kj_aspek_parse(const char *s, size_t len)
{
	(void)s; (void)len;
	return -1;
}

int kj_perspektif_parse(const char *s, size_t len)
{
	(void)s; (void)len;
	return -1;
}

void kj_skp_write_yaml(const kj_skp_set *s, size_t from, size_t to, FILE *f)
{
	(void)s; (void)from; (void)to; (void)f;
}

void kj_skp_write_tsv_header(FILE *f)
{
	(void)f;
}

void kj_skp_write_tsv(const kj_skp_set *s, size_t from, size_t to, FILE *f)
{
	(void)s; (void)from; (void)to; (void)f;
}

void kj_skp_put_yaml_str(FILE *f, const char *s)
{
	(void)f; (void)s;
}
