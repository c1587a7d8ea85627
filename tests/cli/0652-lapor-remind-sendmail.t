#!/bin/sh
# lapor-remind --sendmail: each message piped to the command, one run per
# message; a failing run is exit 3 naming the OPD, and the others are
# still sent.  The sendmail here is a script that saves what it gets.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
D=$KJ_TOP/tests/data/lapor
T=$D/template.txt
U=$D/unreported.tsv
SOURCE_DATE_EPOCH=1796691600
export SOURCE_DATE_EPOCH

plan 23

# fake-sendmail [ARGS]: save the arguments and the message in sent/N.args
# and sent/N.msg (N = 1, 2, ...); exit $FAIL_STATUS when the message is
# for an address that matches $FAIL_TO.
mkdir bin sent
cat > bin/sendmail <<'EOF'
#!/bin/sh
n=$(($(ls sent | wc -l) / 2 + 1))
printf '%s\n' "$*" > sent/$n.args
cat > sent/$n.msg
if [ -n "${FAIL_TO:-}" ] && grep -q "^To: .*$FAIL_TO" sent/$n.msg; then
	exit "${FAIL_STATUS:-75}"
fi
exit 0
EOF
chmod +x bin/sendmail
PATH=$SCRATCH/bin:$PATH

# The default command: sendmail -t -oi, found on PATH.
check "--sendmail: exit 0" lapor-remind -t "$T" --sendmail "$U"
check_text "nothing on stdout" "" "$(cat "$SCRATCH/.out")"
check_text "three runs, one per mail (BAPPEDA has no email)" "3" "$(ls sent/*.msg | wc -l | tr -d ' ')"
check_text "each with -t -oi" "-t -oi|-t -oi|-t -oi" "$(cat sent/1.args sent/2.args sent/3.args | tr '\n' '|' | sed 's/|$//')"
# What sendmail got is the message of the mbox, without the From_ line
# and the empty line that ends an mbox entry.
awk 'BEGIN { n = 0 } /^From / { n++; next } { print > ("mbox." n) }' "$D/expected.mbox"
for i in 1 2 3; do sed '$d' mbox.$i > want.$i; done
check_same "message 1 (DINKES) as in the mbox" want.1 sent/1.msg
check_same "message 2 (DISDIK) as in the mbox" want.2 sent/2.msg
check_same "message 3 (DPMPTSP) as in the mbox" want.3 sent/3.msg
check_text "the To: of each" "To: dinkes@kotacontoh.go.id|To: disdik@kotacontoh.go.id, kadis.disdik@kotacontoh.go.id|To: dpmptsp@kotacontoh.go.id" \
	"$(grep -h '^To:' sent/1.msg sent/2.msg sent/3.msg | tr '\n' '|' | sed 's/|$//')"

# --sendmail=CMD: any shell command, run by /bin/sh -c.
rm -f sent/*
check "--sendmail=CMD" lapor-remind -t "$T" --sendmail="sendmail -oi -f bkpsdm@kotacontoh.go.id -t" "$U"
check_text "CMD with its own arguments" "-oi -f bkpsdm@kotacontoh.go.id -t" "$(cat sent/1.args)"

# A failure: DISDIK's run exits 75 (EX_TEMPFAIL); exit 3 names the OPD,
# and DINKES and DPMPTSP are sent all the same.
rm -f sent/*
check_exit 3 "a failing sendmail: exit 3" env FAIL_TO=disdik lapor-remind -t "$T" --sendmail "$U"
check_text "the error names the OPD and the status" \
	"lapor-remind: error: 'sendmail -t -oi' exited with status 75 for OPD DISDIK, 2026-11: that reminder was not sent" \
	"$(grep error: "$SCRATCH/.err")"
check_text "and counts what was not sent" "lapor-remind: 1 of 3 reminders not sent" "$(tail -n 1 "$SCRATCH/.err")"
check_text "the other two were still sent (three runs)" "3" "$(ls sent/*.msg | wc -l | tr -d ' ')"
check_same "the third is DPMPTSP's, whole" want.3 sent/3.msg

# A command that is not there: sh exits 127, each message fails.
check_exit 3 "a missing command: exit 3" lapor-remind -t "$T" --sendmail=/nonexistent/sendmail "$U"
check_text "three errors" "3" "$(grep -c 'exited with status 127' "$SCRATCH/.err")"

# A command killed by a signal.
check_exit 3 "a command killed by a signal: exit 3" lapor-remind -t "$T" --sendmail='kill -TERM $$' "$U"
check_text "the signal is named" "lapor-remind: error: 'kill -TERM \$\$' killed by signal 15 for OPD DINKES, 2026-11: that reminder was not sent" \
	"$(grep -m1 error: "$SCRATCH/.err")"

# Bad input sends nothing: the bad row 3 stops the run before the
# first message is piped.
rm -f sent/*
sed '3s/2026-12-05/2026-12-32/' "$U" > bad.tsv
check_exit 2 "a bad row: exit 2" lapor-remind -t "$T" --sendmail bad.tsv
check_text "nothing was sent" "0" "$(ls sent | wc -l | tr -d ' ')"

# --qp reaches sendmail too.
check "--sendmail --qp" lapor-remind -t "$T" --sendmail --qp "$U"
check_text "quoted-printable" "Content-Transfer-Encoding: quoted-printable" "$(grep -h '^Content-Transfer' sent/1.msg)"

done_testing
