#!/bin/sh
# lapor-remind: every exit 2; bad templates and bad rows are reported at
# file:line:col, and nothing is written (nor sent).
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/lapor
T=$D/template.txt
U=$D/unreported.tsv
USAGE="usage: lapor-remind -t template [--mbox | --sendmail[=CMD] | --tsv] [-f ADDR] [--qp] [--strict] [-o FILE] [unreported.tsv...]"
SOURCE_DATE_EPOCH=1796691600
export SOURCE_DATE_EPOCH
KNOWN="{opd}, {nama}, {periode}, {periode_teks}, {batas}, {batas_teks}, {terlambat_hari}, {kepala}, {email}, {telepon}"

plan 96

# bad DESC MESSAGE CMD...: exit 2, the first line of stderr, no out.mbox.
bad() {
	_desc=$1
	_msg=$2
	shift 2
	check_exit 2 "$_desc: exit 2" "$@"
	check_stderr "$_desc: message" "$_msg"
	check_absent "$_desc: no output file" out.mbox
}

# Usage.
bad "no -t" "lapor-remind: -t FILE is required (the message template)" \
	lapor-remind -o out.mbox "$U"
check_text "no -t: the usage follows" "$USAGE" "$(sed -n 2p "$SCRATCH/.err")"
bad "two modes" "lapor-remind: --mbox, --sendmail and --tsv: choose one" \
	lapor-remind -t "$T" --mbox --tsv -o out.mbox "$U"
bad "--sendmail with -o" "lapor-remind: -o: --sendmail writes no file" \
	lapor-remind -t "$T" --sendmail=cat -o out.mbox "$U"
bad "an empty --sendmail=" "lapor-remind: --sendmail=: the command is empty" \
	lapor-remind -t "$T" --sendmail= "$U"
bad "--qp with --tsv" "lapor-remind: --qp: only for mail (--mbox, --sendmail)" \
	lapor-remind -t "$T" --tsv --qp -o out.mbox "$U"
bad "a --from that is not an address" "lapor-remind: --from: 'BKPSDM bkpsdm@x.go.id' is not an address ('addr' or 'Name <addr>')" \
	lapor-remind -t "$T" --from "BKPSDM bkpsdm@x.go.id" -o out.mbox "$U"
printf 'Subject: {opd}\n\n{nama}\n' > nofrom.txt
bad "mail without a sender" "lapor-remind: no sender: give --from ADDR or a From: header in nofrom.txt" \
	lapor-remind -t nofrom.txt -o out.mbox "$U"
check "--tsv needs no sender" lapor-remind -t nofrom.txt --tsv -o out.tsv "$U"
rm -f out.tsv
bad "standard input twice" "lapor-remind: standard input (-) can be read only once" \
	lapor-remind -t - -o out.mbox -
bad "unknown option" "lapor-remind: unrecognized option '--bogus'" \
	lapor-remind --bogus -t "$T" -o out.mbox "$U"
bad "a bad SOURCE_DATE_EPOCH" "lapor-remind: SOURCE_DATE_EPOCH: expected seconds since 1970, found 'kemarin'" \
	env SOURCE_DATE_EPOCH=kemarin lapor-remind -t "$T" -o out.mbox "$U"

# Unreadable inputs.
bad "a missing template" "lapor-remind: nofile.txt: error: cannot open: No such file or directory" \
	lapor-remind -t nofile.txt -o out.mbox "$U"
bad "a missing input" "lapor-remind: nofile.tsv: error: cannot open: No such file or directory" \
	lapor-remind -t "$T" -o out.mbox nofile.tsv "$U"

# Templates: every error, each at its line and column.
printf 'From: b@x.go.id\nSubject: {periode}: {Nama}\n\nYth. {kepala_nama},\n{nama} {opd\n{}\n{{opd}} is fine\n' > bad.txt
bad "unknown placeholders" "lapor-remind: bad.txt:2:21: error: unknown placeholder {Nama} (expected one of $KNOWN)" \
	lapor-remind -t bad.txt -o out.mbox "$U"
check_text "every template error is reported, in order" \
	"bad.txt:2:21: error: unknown placeholder {Nama}|bad.txt:4:6: error: unknown placeholder {kepala_nama}|bad.txt:5:8: error: '{' without its '}': expected {name}, or {{ for a literal brace|bad.txt:6:1: error: empty placeholder {}: expected {name}, or {{ for a literal brace" \
	"$(sed 's/^lapor-remind: //; s/ (expected one of.*//' "$SCRATCH/.err" | tr '\n' '|' | sed 's/|$//')"
printf 'From: b@x.go.id\n\n{nama}\n' > nosub.txt
bad "no Subject" "lapor-remind: nosub.txt:1:1: error: the template has no Subject: header (it starts with the headers, then an empty line and the body)" \
	lapor-remind -t nosub.txt -o out.mbox "$U"
printf 'From: b@x.go.id\nSubject: x\nYth. {nama}\n' > nohdr.txt
bad "no empty line after the headers" "lapor-remind: nohdr.txt:3:1: error: expected a header line 'Name: value', or an empty line between the headers and the body" \
	lapor-remind -t nohdr.txt -o out.mbox "$U"
printf 'From: b@x.go.id\nSubject: x\nTo: {email}\n\nx\n' > to.txt
bad "a To: header (To comes from the email column)" "lapor-remind: to.txt:3:1: error: unknown header 'To' (expected From, Subject, Cc, Reply-To)" \
	lapor-remind -t to.txt -o out.mbox "$U"
printf 'Subject: x\n\n\377\n' > utf.txt
bad "a template that is not UTF-8" "lapor-remind: utf.txt:3:1: error: invalid UTF-8 or a NUL byte: a template is UTF-8 text" \
	lapor-remind -t utf.txt -o out.mbox "$U"
printf 'From: {nama}\nSubject: x\n\nx\n' > badfrom.txt
bad "a From: that renders to no address" "lapor-remind: badfrom.txt:1:1: error: From: 'Dinas Kesehatan' is not an address ('addr' or 'Name <addr>')" \
	lapor-remind -t badfrom.txt -o out.mbox "$U"
printf 'From: b@x.go.id\nCc: {nama}\nSubject: x\n\nx\n' > badcc.txt
bad "a Cc: that renders to no address" "lapor-remind: badcc.txt:2:1: error: Cc: 'Dinas Kesehatan' is not an address list" \
	lapor-remind -t badcc.txt -o out.mbox "$U"
printf 'From: b@x.go.id\nReply-To: {opd}\nSubject: x\n\nx\n' > badrt.txt
bad "a Reply-To: that renders to no address" "lapor-remind: badrt.txt:2:1: error: Reply-To: 'DINKES' is not an address" \
	lapor-remind -t badrt.txt -o out.mbox "$U"

# Rows: a bad value anywhere stops the run before anything is written.
cut -f1-6 "$U" > nocol.tsv
bad "a missing column" "lapor-remind: nocol.tsv:1: error: missing column 'email' in the header" \
	lapor-remind -t "$T" -o out.mbox nocol.tsv
sed '3s/2026-11/2026-13/' "$U" > badper.tsv
bad "a periode that does not exist (row 3)" "lapor-remind: badper.tsv:3:45: error: periode: month 13 does not exist; expected 01-12" \
	lapor-remind -t "$T" -o out.mbox badper.tsv
sed '3s/2026-12-05/5-12-2026/' "$U" > badbatas.tsv
bad "a batas that is not a date" "lapor-remind: badbatas.tsv:3:48: error: batas: expected a date YYYY-MM-DD with a 4-digit year, found 1 digits" \
	lapor-remind -t "$T" -o out.mbox badbatas.tsv
sed '3s/	3	/	-1	/' "$U" > badlate.tsv
bad "a negative terlambat_hari" "lapor-remind: badlate.tsv:3:59: error: terlambat_hari: expected a whole number of days >= 0, found '-1'" \
	lapor-remind -t "$T" -o out.mbox badlate.tsv
sed '3s/	3	/	tiga	/' "$U" > badlate2.tsv
bad "a terlambat_hari in words" "lapor-remind: badlate2.tsv:3:59: error: terlambat_hari: expected a whole number of days >= 0, found 'tiga'" \
	lapor-remind -t "$T" -o out.mbox badlate2.tsv
sed '3s/197005101995121001/19700510/' "$U" > badnip.tsv
bad "a kepala that is not a NIP" "lapor-remind: badnip.tsv:3:61: error: kepala: expected 18 digits, found 8" \
	lapor-remind -t "$T" -o out.mbox badnip.tsv
sed '3s/^DISDIK//' "$U" > noopd.tsv
bad "an empty opd" "lapor-remind: noopd.tsv:3:1: error: opd: empty (the code of the OPD is needed)" \
	lapor-remind -t "$T" -o out.mbox noopd.tsv
printf 'opd\tnama\n' > short.tsv
bad "the unreported TSV of something else" "lapor-remind: short.tsv:1: error: missing column 'periode' in the header" \
	lapor-remind -t "$T" -o out.mbox short.tsv

# An existing output is left as it was.
echo "the old mbox" > out.mbox
check_exit 2 "a bad row with -o over an existing file: exit 2" lapor-remind -t "$T" -o out.mbox badper.tsv
check_text "the existing file is untouched" "the old mbox" "$(cat out.mbox)"
rm -f out.mbox

# Bad contacts are warnings: that row is skipped, the rest go.
sed '3s/disdik@kotacontoh.go.id;/disdik at kotacontoh;/' "$U" > bademail.tsv
check "an email that is not an address: exit 0" lapor-remind -t "$T" -o e.mbox bademail.tsv
check_stderr "the warning points into the email field" \
	"lapor-remind: bademail.tsv:3:80: warning: email: 'disdik at kotacontoh; kadis.disdik@kotacontoh.go.id' is not an address list: no mail for OPD DISDIK (row skipped)"
check_text "DINKES and DPMPTSP still get theirs" "2" "$(grep -c '^From ' e.mbox)"
sed '2s/0812-3456-7001/0812 34/' "$U" > badtel.tsv
check "a telepon too short: exit 0" lapor-remind -t "$T" --tsv -o t.tsv badtel.tsv
check_stderr "the warning points at the telepon field" \
	"lapor-remind: badtel.tsv:2:88: warning: telepon: '0812 34' is not a phone number (10 to 15 digits, 0 or +62 first): no message for OPD DINKES (row skipped)"
check_text "BAPPEDA and DPMPTSP still get theirs" "BAPPEDA DPMPTSP" \
	"$(tail -n +2 t.tsv | cut -f3 | tr '\n' ' ' | sed 's/ $//')"
check_exit 1 "the same under --strict: exit 1" lapor-remind -t "$T" --tsv --strict -o t2.tsv badtel.tsv

done_testing
