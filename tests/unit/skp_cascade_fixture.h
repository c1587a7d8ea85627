/*
 * The small cascade of the unit tests of lib/draft, lib/peran and
 * lib/mph: a roster of nine (written to a file by the test's setup) and
 * the SKP 2026 of three of them, loaded, checked and viewed.  The hand
 * working that uses it is in tests/unit/test_draft.c and test_mph.c.
 *
 * Include after <cmocka.h>, "mph.h" or "draft.h".
 */
#ifndef KJ_TEST_SKP_CASCADE_FIXTURE_H
#define KJ_TEST_SKP_CASCADE_FIXTURE_H

#define K  "197001011995031001"
#define B  "197502022000032002"
#define C1 "198004042005012004"
#define C2 "198505052010011005"
#define S1 "199006062015032006"
#define S2 "198707072012012007"
#define S3 "199101012019031008"
#define S4 "199202022020032009"
#define P  "197603032001031003"

/* The roster above, written to f. */
static void write_roster(FILE *f)
{
	fputs("nip\tnama\topd\tunit\tjabatan\tjenis_jabatan\tatasan\t"
	      "keterangan\n"
	      K "\tKepala\tD\tD\tKepala Dinas\tjpt_pratama\t\t\n"
	      B "\tKabid\tD\tD.KESMAS\tKabid\tadministrator\t" K "\t\n"
	      C1 "\tKasi KGM\tD\tD.KESMAS.KGM\tKasi\tpengawas\t" B "\t\n"
	      C2 "\tKasi Promkes\tD\tD.KESMAS.PROMKES\tKasi\tpengawas\t"
	      B "\t\n"
	      S1 "\tStaf Satu\tD\tD.KESMAS.KGM\tStaf\tpelaksana\t" B "\t\n"
	      S2 "\tStaf Dua\tD\tD.KESMAS\tStaf\tpelaksana\t" B "\t\n"
	      S3 "\tStaf Tiga\tD\tD.KESMAS.GIZI\tStaf\tpelaksana\t" B "\t\n"
	      S4 "\tStaf Empat\tD\tD.KESMAS\tStaf\tpelaksana\t" B "\tcltn\n"
	      P "\tKabid P2P\tD\tD.P2P\tKabid\tadministrator\t" K "\t\n", f);
}

#define DOC(nip, rhk) "nip: " nip "\ntahun: 2026\nrhk:\n" rhk
#define SEP "---\n"

static const char skp[] =
	DOC(K, "  - id: D.1\n"
	       "    teks: Derajat kesehatan\n"
	       "    perspektif: penerima_layanan\n"
	       "    indikator:\n"
	       "      - {id: D.1.a, teks: AKI, target: 85}\n"
	       "      - {id: D.1.b, teks: Stunting, target: 14}\n"
	       "  - id: D.2\n"
	       "    teks: Penyakit terkendali\n"
	       "    perspektif: proses_bisnis\n"
	       "    indikator:\n"
	       "      - {id: D.2.a, teks: TB, target: 90}\n")
	SEP
	DOC(B, "  - id: KES.1\n"
	       "    teks: Gizi ibu dan anak\n"
	       "    intervensi: D.1\n"
	       "    indikator:\n"
	       "      - {id: KES.1.a, teks: ANC, target: 95}\n"
	       "      - {id: KES.1.b, teks: Timbang, target: 85}\n"
	       "  - {id: KES.2, teks: PHBS, intervensi: D.1}\n"
	       "  - {id: KES.T1, jenis: tambahan, teks: Panitia}\n")
	SEP
	DOC(C1, "  - id: KES.1.1\n"
	        "    teks: Persalinan di faskes\n"
	        "    intervensi: KES.1\n"
	        "    indikator:\n"
	        "      - {id: KES.1.2.a, teks: Faskes, target: 98}\n");

struct fixture {
	kj_skp_set *s;
	kj_roster r;
	kj_cascade c;
	kj_skpview v;
};

static void load_at(struct fixture *x, const char *roster)
{
	kj_err err;

	x->s = kj_skp_set_new();
	if (kj_skp_load_yaml_mem(x->s, "t.yaml", skp, strlen(skp), &err))
		fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
	if (kj_roster_load(&x->r, roster, &err))
		fail_msg("roster: %ld:%ld: %s", err.line, err.col, err.msg);
	kj_cascade_check(x->s, &x->r, 0, &x->c);
	kj_skpview_init(&x->v, x->s, &x->r, &x->c);
}

static void done(struct fixture *x)
{
	kj_cascade_free(&x->c);
	kj_roster_free(&x->r);
	kj_skp_set_free(x->s);
}

#endif
