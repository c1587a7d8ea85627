#!/bin/sh
# Crash safety at the command level (lib/io at the library level is in
# test_io): each command is killed while it writes a large output over an
# existing file.  SIGTERM and SIGINT: the command dies of the signal, the
# old file is intact, no temporary is left.  SIGKILL: the old file is
# intact, and nothing is left: a stream output (tpp-calc, absen-rekap) is
# an unnamed O_TMPFILE, and so is the file rekap-xlsx has libxlsxwriter
# write, named for it as /proc/self/fd/N (lib/io.h).
# A run after the kills then replaces the file and leaves nothing else.
. "${KJ_TOP:-.}/tests/cli/lib.sh"
R=$KJ_TOP/examples/rules
J=$KJ_TOP/examples/kota-contoh/jadwal-2026.yaml

if [ ! -x "${KJ_TOOLS:-}/gen-data" ]; then
	echo "1..0 # skip no gen-data (run through make)"
	exit 0
fi

plan 34

# 200,000 employees: rekap-xlsx takes seconds; absen-rekap and tpp-calc
# write 15 and 33 MB.  Under valgrind (about 30 times slower) 20,000.  A header-only absen.tsv makes tpp-calc count every
# employee absent (a warning), and one punch is enough for absen-rekap.
mkdir out
N=${KJ_VALGRIND:+20000}
N=${N:-200000}
"$KJ_TOOLS/gen-data" -n "$N" -w pegawai -o g >/dev/null || exit 1
head -n 1 "$KJ_TOP/tests/data/tpp/absen.tsv" > a0.tsv
printf 'nip\twaktu\n%s\t2026-11-02 07:30:00\n' \
	"$(awk -F'\t' 'NR == 2 { print $1 }' g/pegawai.tsv)" > log.tsv

# kill.py SIG TARGET CMD...: run CMD with SIGINT and SIGTERM at their
# defaults (a background job of sh ignores SIGINT), wait until CMD has
# opened its temporary (.TARGET.XXXXXX, or an unnamed O_TMPFILE in the
# target's folder) and, for a stream, written to it,
# send SIG, and print how CMD ended: "signal N" or "exit N".
cat > kill.py <<'PY'
import os, signal, subprocess, sys, time
sig = getattr(signal, sys.argv[1])
target = sys.argv[2]
d, b = os.path.split(target)
d = d or "."
def dfl():
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
p = subprocess.Popen(sys.argv[3:], preexec_fn=dfl, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL)
absd = os.path.realpath(d)
def writing():
    # A hidden temporary beside the target...
    tmps = [e for e in os.scandir(d) if e.name.startswith("." + b + ".")]
    if tmps:
        return b.endswith(".xlsx") or tmps[0].stat().st_size > 0
    # ...or an unnamed O_TMPFILE in its folder ("DIR/#INODE (deleted)").
    fds = "/proc/%d/fd" % p.pid
    try:
        for fd in os.listdir(fds):
            if os.readlink(fds + "/" + fd).startswith(absd + "/#"):
                return os.stat(fds + "/" + fd).st_size > 0
    except OSError:
        pass
    return False
deadline = time.time() + 300
while p.poll() is None and time.time() < deadline:
    if writing():
        break
    time.sleep(0.001)
if p.poll() is None:
    p.send_signal(sig)
rc = p.wait()
# Under make check-valgrind: a process killed on purpose is not checked
# for leaks (memcheck reports what a killed process still held).
vglog = os.environ.get("KJ_VALGRIND_LOG")
if vglog and rc < 0:
    for f in os.listdir(vglog):
        if f.endswith(".%d.log" % p.pid):
            os.remove(os.path.join(vglog, f))
print("signal %d" % -rc if rc < 0 else "exit %d" % rc)
PY

# crash NAME SIG TARGET CMD...
crash() {
	_name=$1
	_sig=$2
	_t=$3
	shift 3
	echo "old $_name" > "$_t"
	cp "$_t" old.copy
	_how=$("$PYTHON" kill.py "$_sig" "$_t" "$@")
	check_text "$_name, $_sig: dies of the signal" \
		"signal $("$PYTHON" -c "import signal; print(int(signal.$_sig))")" "$_how"
	check "$_name, $_sig: the old file is intact" cmp old.copy "$_t"
	_left=$(ls -A "$(dirname "$_t")" | grep "^\.$(basename "$_t")\." | tr '\n' ' ')
	check_text "$_name, $_sig: no temporary left" "" "$_left"
	rm -f "$(dirname "$_t")"/."$(basename "$_t")".*
}

for sig in SIGTERM SIGINT SIGKILL; do
	crash rekap-xlsx $sig out/rekap.xlsx rekap-xlsx -o out/rekap.xlsx g/pegawai.tsv
	crash tpp-calc $sig out/tpp.tsv tpp-calc -r "$R/template-permenpan-63.yaml" \
		-m 2026-11 -p g/pegawai.tsv -a a0.tsv -o out/tpp.tsv
	crash absen-rekap $sig out/absen.tsv absen-rekap -m 2026-11 -j "$J" \
		-p g/pegawai.tsv -o out/absen.tsv log.tsv
done

# After the kills, a whole run replaces the old file.
check "tpp-calc after the kills: exit 0" tpp-calc -r "$R/template-permenpan-63.yaml" \
	-m 2026-11 -p g/pegawai.tsv -a a0.tsv -o out/tpp.tsv
check_text "tpp-calc after the kills: every employee written" $((N + 1)) \
	"$(wc -l < out/tpp.tsv | tr -d ' ')"
check "absen-rekap after the kills: exit 0" absen-rekap -m 2026-11 -j "$J" \
	-p g/pegawai.tsv -o out/absen.tsv log.tsv
check_text "absen-rekap after the kills: every employee written" $((N + 1)) \
	"$(wc -l < out/absen.tsv | tr -d ' ')"
check "rekap-xlsx after the kills: exit 0" rekap-xlsx -o out/rekap.xlsx g/pegawai.tsv
check_text "rekap-xlsx after the kills: a workbook" "PK" "$(head -c 2 out/rekap.xlsx)"
check_text "nothing else in the folder" "absen.tsv rekap.xlsx tpp.tsv" \
	"$(ls -A out | tr '\n' ' ' | sed 's/ $//')"

done_testing
