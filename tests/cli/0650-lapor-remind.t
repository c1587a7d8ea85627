#!/bin/sh
# lapor-remind: the late units of tests/data/lapor (see its README) as an
# mbox read back by Python's mailbox module, as TSV, and every option.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/lapor
T=$D/template.txt
U=$D/unreported.tsv
SOURCE_DATE_EPOCH=1796691600
export SOURCE_DATE_EPOCH

plan 45

check "--help exits 0" lapor-remind --help
check_text "--help starts with the usage" \
	"usage: lapor-remind -t template [--mbox | --sendmail[=CMD] | --tsv] [-f ADDR] [--qp] [--strict] [-o FILE] [unreported.tsv...]" \
	"$(head -n 1 "$SCRATCH/.out")"
check "--version exits 0" lapor-remind --version
check_text "--version names the toolkit" "lapor-remind (kinerja) 0.1.0" "$(cat "$SCRATCH/.out")"

# The mbox (the default mode) on standard output.
check "the mbox to stdout" sh -c "lapor-remind -t '$T' '$U' > out.mbox"
check_same "the mbox: the same bytes" "$D/expected.mbox" out.mbox
check_text "no email for BAPPEDA: a warning at its email field" \
	"lapor-remind: $U:4:68: warning: OPD BAPPEDA has no email: no mail for 2026-11 (row skipped)" \
	"$(cat "$SCRATCH/.err")"
check "Python's mailbox reads it" sh -c "'$PYTHON' '$D/mbox-summary.py' out.mbox > summary.txt"
check_same "the decoded mails are the template filled in by hand" "$D/expected-summary.txt" summary.txt
check_text "three messages, three From_ lines" "3" "$(grep -c '^From ' out.mbox)"
check_text "the subject is encoded, and folded after 'November 2026'" \
	"Subject: =?UTF-8?B?UGVuZ2luZ2F0IGxhcG9yYW4ga2luZXJqYSBOb3ZlbWJlciAyMDI2?=" \
	"$(grep -m1 '^Subject:' out.mbox)"
check_text "three different Message-IDs" "3" \
	"$(grep '^Message-ID:' out.mbox | sort -u | wc -l | tr -d ' ')"

# --mbox and -o, the same bytes; the same run twice, the same bytes.
check "--mbox -o FILE" lapor-remind --mbox --template "$T" -o o.mbox "$U"
check_same "-o: the same bytes" "$D/expected.mbox" o.mbox
check_text "-o: nothing on stdout" "" "$(cat "$SCRATCH/.out")"
check "standard input (-)" sh -c "lapor-remind -t '$T' - < '$U' > in.mbox"
check_same "standard input: the same bytes" "$D/expected.mbox" in.mbox
check "no file reads standard input" sh -c "lapor-remind -t '$T' < '$U' > none.mbox"
check_same "no file: the same bytes" "$D/expected.mbox" none.mbox

# Without SOURCE_DATE_EPOCH the Date is now, with the local zone.
check "the time of the run" sh -c "unset SOURCE_DATE_EPOCH; TZ=Asia/Jakarta lapor-remind -t '$T' '$U' > now.mbox"
check_text "Date: today, WIB (+0700)" "$(TZ=Asia/Jakarta date '+%d %b %Y' | sed 's/^0//') +0700" \
	"$(grep -m1 '^Date:' now.mbox | sed 's/^Date: [A-Z][a-z][a-z], //; s/ [0-9][0-9]:[0-9:]* / /')"

# --from overrides the template's From (and the From_ line and the
# Message-ID domain follow it).
check "--from" lapor-remind -t "$T" -f "Admin Kinerja <admin@bkpsdm.example.go.id>" -o f.mbox "$U"
check_text "--from: the header" "From: Admin Kinerja <admin@bkpsdm.example.go.id>" \
	"$(grep -m1 '^From:' f.mbox)"
check_text "--from: the From_ line and the Message-ID domain" \
	"From admin@bkpsdm.example.go.id Tue Dec  8 01:00:00 2026|@bkpsdm.example.go.id>" \
	"$(head -n 1 f.mbox)|$(grep -m1 '^Message-ID:' f.mbox | sed 's/.*@/@/')"

# --tsv for the WhatsApp gateway.
check "--tsv" sh -c "lapor-remind -t '$T' --tsv '$U' > out.tsv"
check_same "--tsv: telepon, pesan, opd, periode" "$D/expected.tsv" out.tsv
check_text "--tsv: no telepon for DISDIK: a warning" \
	"lapor-remind: $U:3:135: warning: OPD DISDIK has no telepon: no message for 2026-11 (row skipped)" \
	"$(cat "$SCRATCH/.err")"
check_text "--tsv: numbers in the 62 form" "6281234567001 628112000300 62274512345" \
	"$(tail -n +2 out.tsv | cut -f1 | tr '\n' ' ' | sed 's/ $//')"

# --qp: quoted-printable, decoded by Python to the same text.
printf 'Subject: Tes {opd}\n\nFrom the BKPSDM: {nama} \342\200\224 caf\303\251 = 1%%\n>From here\n' > qp.txt
check "--qp" sh -c "lapor-remind -t qp.txt --qp -f b@x.go.id '$U' > qp.mbox"
check_text "--qp: the encoded body (From at a line start as =46)" \
	"=46rom the BKPSDM: Dinas Kesehatan =E2=80=94 caf=C3=A9 =3D 1%|>>From here" \
	"$(sed -n '/^$/{n;p;n;p;q}' qp.mbox | tr '\n' '|' | sed 's/|$//')"
# (Python's mbox does not undo the mboxrd quoting: >>From stays.)
check_text "--qp: Python decodes it" \
	"From the BKPSDM: Dinas Kesehatan — café = 1%|>>From here" \
	"$("$PYTHON" "$D/mbox-summary.py" qp.mbox > qp.sum; sed -n '/^body:/{n;p;n;p;q}' qp.sum | tr '\n' '|' | sed 's/|$//')"
check "without --qp" sh -c "lapor-remind -t qp.txt -f b@x.go.id '$U' > 8bit.mbox"
check_text "without --qp: 8bit, and >From quoting in the mbox (mboxrd)" \
	"Content-Transfer-Encoding: 8bit|>From the BKPSDM: Dinas Kesehatan — café = 1%|>>From here" \
	"$(grep -m1 '^Content-Transfer' 8bit.mbox)|$(sed -n '/^$/{n;p;n;p;q}' 8bit.mbox | tr '\n' '|' | sed 's/|$//')"
check_text "without --qp: Python reads the quoted lines back" \
	">From the BKPSDM: Dinas Kesehatan — café = 1%|>>From here" \
	"$("$PYTHON" "$D/mbox-summary.py" 8bit.mbox > 8bit.sum; sed -n '/^body:/{n;p;n;p;q}' 8bit.sum | tr '\n' '|' | sed 's/|$//')"

# A Cc header; several inputs; a duplicate row.
printf 'From: b@x.go.id\nCc: inspektorat@x.go.id, sekda@x.go.id\nSubject: {opd}\n\n{nama}\n' > cc.txt
check "Cc and two inputs" sh -c "lapor-remind -t cc.txt '$U' '$U' > cc.mbox"
check_text "Cc as written" "Cc: inspektorat@x.go.id, sekda@x.go.id" "$(grep -m1 '^Cc:' cc.mbox)"
check_text "the second file repeats every row: one message each" "3" "$(grep -c '^From ' cc.mbox)"
check_text "a repeated row: a warning naming the OPD" \
	"lapor-remind: $U:2: warning: OPD DINKES, 2026-11: a second row (skipped)" \
	"$(grep DINKES "$SCRATCH/.err" | tail -n 1)"

# --strict: a skipped row makes exit 1 (the output is still written).
check_exit 1 "--strict with a skipped row: exit 1" lapor-remind -t "$T" --strict -o s.mbox "$U"
check_same "--strict: the mbox is written" "$D/expected.mbox" s.mbox
head -n 2 "$U" > one.tsv
check "--strict without warnings: exit 0" lapor-remind -t "$T" --strict -o one.mbox one.tsv

# A header only: no message, an empty mbox; --tsv: the header.
head -n 1 "$U" > empty.tsv
check "no late unit: exit 0" sh -c "lapor-remind -t '$T' empty.tsv > e.mbox && lapor-remind -t '$T' --tsv empty.tsv > e.tsv"
check_text "no late unit: empty mbox, TSV header only" "0|telepon	pesan	opd	periode" \
	"$(wc -c < e.mbox | tr -d ' ')|$(cat e.tsv)"

# Placeholders email and telepon, and the column order does not matter.
awk -F '\t' -v OFS='\t' '{print $8, $7, $6, $5, $4, $3, $2, $1}' "$U" > swapped.tsv
printf 'Subject: {opd} {terlambat_hari} {batas}\n\n{email}|{telepon}|{kepala}\n' > all.txt
check "columns in another order" sh -c "lapor-remind -t all.txt --tsv swapped.tsv > sw.tsv"
check_text "every column placeholder" \
	"DINKES 3 2026-12-05\n\ndinkes@kotacontoh.go.id|0812-3456-7001|197203151998031004" \
	"$(sed -n 2p sw.tsv | cut -f2)"

done_testing
