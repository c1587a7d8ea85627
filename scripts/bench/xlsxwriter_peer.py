#!/usr/bin/python3
"""xlsxwriter_peer: the Python XlsxWriter peer of the rekap-xlsx benchmark.

    /usr/bin/python3 scripts/bench/xlsxwriter_peer.py [--default-mode] IN.tsv OUT.xlsx

The same workbook as scripts/bench/xlsx_loop.c, cell for cell: constant_memory
mode, one sheet named after the input, a bold header row, numbers for the
numeric columns with one format per kind (Rupiah, percent as a fraction,
integer), strings for the text columns, empty fields left empty, frozen header
and an autofilter.

--default-mode drops constant_memory: the way most Python users call
XlsxWriter, with a shared-string table (a smaller file) and every cell held in
memory until close.  It is a context figure in the benchmark (scripts/bench/run
-x), not the peer the goal names.

It calls write_number/write_string directly rather than worksheet.write():
write() guesses the type of every value, which would make Python look slower
than a careful Python programmer would make it.  Needs python3-xlsxwriter
(Debian's /usr/bin/python3; a pyenv python3 on PATH does not have it).
"""

import os
import sys

import xlsxwriter

TEXT = {"nip", "nama", "opd", "jabatan", "periode", "rincian"}
INTEGER = {"kelas", "hari_kerja", "tk"}
K_TEXT, K_MONEY, K_PERCENT, K_INTEGER = range(4)


def kind_of(name):
    # The same decision as kind_of() in xlsx_loop.c.
    if name in TEXT:
        return K_TEXT
    if name in INTEGER:
        return K_INTEGER
    if name.endswith("_pct"):
        return K_PERCENT
    return K_MONEY


def sheet_name(path):
    base = os.path.basename(path)
    if base.endswith(".tsv"):
        base = base[:-4]
    return base[:31] or "Data"


def main(argv):
    args = argv[1:]
    constant_memory = True
    if args and args[0] == "--default-mode":
        constant_memory = False
        args = args[1:]
    if len(args) != 2:
        sys.stderr.write("usage: xlsxwriter_peer.py [--default-mode] "
                         "IN.tsv OUT.xlsx\n")
        return 2
    src, dst = args
    wb = xlsxwriter.Workbook(dst, {"constant_memory": constant_memory})
    ws = wb.add_worksheet(sheet_name(src))
    bold = wb.add_format({"bold": True})
    fmt = {
        K_MONEY: wb.add_format({"num_format": '"Rp "#,##0'}),
        K_PERCENT: wb.add_format({"num_format": "0.00%"}),
        K_INTEGER: wb.add_format({"num_format": "#,##0"}),
    }
    write_number = ws.write_number
    write_string = ws.write_string

    with open(src, encoding="utf-8", newline="\n") as f:
        names = f.readline().rstrip("\n").split("\t")
        kinds = [kind_of(n) for n in names]
        ncols = len(names)
        for c, n in enumerate(names):
            write_string(0, c, n, bold)
        ws.freeze_panes(1, 0)
        # Per column: (index, kind, format), so the inner loop does no lookups.
        cols = [(c, kinds[c], fmt.get(kinds[c])) for c in range(ncols)]
        row = 0
        for lineno, line in enumerate(f, start=2):
            field = line.rstrip("\n").split("\t")
            if len(field) != ncols:
                sys.stderr.write("xlsxwriter_peer: %s:%d: expected %d fields, "
                                 "found %d\n" % (src, lineno, ncols, len(field)))
                return 2
            row += 1
            for c, k, cf in cols:
                v = field[c]
                if not v:
                    continue
                # XlsxWriter reports a bad cell by returning non-zero, not by
                # raising; the check costs about 1 % of the run.
                if k == K_TEXT:
                    r = write_string(row, c, v)
                elif k == K_PERCENT:
                    r = write_number(row, c, float(v) / 100, cf)
                else:
                    r = write_number(row, c, float(v), cf)
                if r:
                    sys.stderr.write("xlsxwriter_peer: %s:%d: cannot write "
                                     "column %d (%d)\n" % (src, lineno, c + 1, r))
                    return 3
    ws.autofilter(0, 0, row, ncols - 1)
    wb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
