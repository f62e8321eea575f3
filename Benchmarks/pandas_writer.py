#!/usr/bin/env python3
"""Baseline: pandas DataFrames of the cells chitieu wrote (from the list workbook_dump.py made of
its workbook; c_writer.c describes it), one per sheet, written with DataFrame.to_excel (XlsxWriter
engine; not in constant-memory mode, see below). Less than the others write: formulas go in as
text starting with "=", without cached values, and there are no per-cell formats, merged ranges, row heights, conditional
formats, charts or print set-up, which to_excel does not offer. With --dry it only reads the list.

    pandas_writer.py OUT.xlsx LIST.txt [--dry]
"""
import sys

import pandas as pd

from xlsxwriter_writer import fields


def main():
    out, listing = sys.argv[1], sys.argv[2]
    dry = len(sys.argv) > 3 and sys.argv[3] == "--dry"
    sheets, order, cells = {}, [], None
    for line in open(listing, encoding="utf-8"):
        f = fields(line)
        if dry:
            continue
        if f[0] == "N":
            order.append(f[1])
        elif f[0] == "S":
            cells = sheets.setdefault(f[1], {})
        elif f[0] == "C":
            r, c, kind = int(f[1]), int(f[2]), f[4]
            if kind == "s":
                cells.setdefault(r, {})[c] = f[5]
            elif kind == "n":
                cells.setdefault(r, {})[c] = float(f[5])
            elif kind in ("fs", "fn", "fb"):
                cells.setdefault(r, {})[c] = "=" + f[6]
        elif f[0] == "M":
            cells.setdefault(int(f[1]), {})[int(f[2])] = f[6]
    if dry:
        return
    # Not in constant-memory mode: to_excel writes a frame column by column, and that mode keeps
    # only the row being written, so it would drop all but the first column's cells.
    with pd.ExcelWriter(out, engine="xlsxwriter", engine_kwargs={"options": {"strings_to_formulas": True}}) as w:
        for name in order:
            rows = sheets.get(name, {})
            last = max(rows) + 1 if rows else 0
            frame = pd.DataFrame([rows.get(r, {}) for r in range(last)])
            frame = frame.reindex(columns=sorted(frame.columns))
            frame.to_excel(w, sheet_name=name, index=False, header=False)


if __name__ == "__main__":
    main()
