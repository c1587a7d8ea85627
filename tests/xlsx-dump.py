#!/usr/bin/python3
"""Print an XLSX workbook as text, read back with openpyxl, for the
command tests: sheet names, frozen panes, autofilter, charts, and every
non-empty cell with its type, number format and boldness.

    xlsx-dump.py FILE.xlsx [--cells] [--sheet NAME]

A cell line is: COORD TYPE VALUE [fmt=FORMAT] [bold] [cached=VALUE], where
TYPE is openpyxl's data type: s text, n number, f formula, d date.
"""
import sys
import zipfile

import openpyxl


def main():
    args = sys.argv[1:]
    path = args[0]
    only = None
    if "--sheet" in args:
        only = args[args.index("--sheet") + 1]
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/"))
        drawings = {}
        for n in z.namelist():
            if n.startswith("xl/worksheets/_rels/"):
                rels = z.read(n).decode()
                sheet = n.split("/")[-1].replace(".rels", "")
                drawings[sheet] = "drawing" in rels
    print("sheets:", " | ".join(wb.sheetnames))
    print("charts:", len(charts))
    for i, ws in enumerate(wb.worksheets):
        if only and ws.title != only:
            continue
        print("== %s" % ws.title)
        print("freeze:", ws.freeze_panes, "filter:", ws.auto_filter.ref,
              "drawing:", drawings.get("sheet%d.xml" % (i + 1), False))
        cws = cached[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                v = c.value
                if c.data_type == "d":
                    v = v.strftime("%Y-%m-%d")
                line = "%s %s %r" % (c.coordinate, c.data_type, v)
                if c.number_format != "General":
                    line += " fmt=%s" % c.number_format
                if c.font is not None and c.font.b:
                    line += " bold"
                if c.data_type == "f":
                    line += " cached=%r" % cws[c.coordinate].value
                print(line)


try:
    main()
except BrokenPipeError:
    pass
