#!/usr/bin/env python3
"""Counts, per sheet, what each workbook holds: cells by kind (text, number, formula, blank),
merged ranges, row heights, conditional formats, validations, charts, and the formats the
workbook defines: so that the benchmark can show its baselines write as much as chitieu does.
Read through workbook_dump.py (the baselines' own list), so every file is counted the same way.

    count_cells.py CHITIEU.xlsx [BASELINE.xlsx ...]
"""
import collections
import io
import os
import re
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workbook_dump  # noqa: E402

KINDS = [("text (merged incl.)", lambda f: f[0] == "C" and f[4] == "s" or f[0] == "M"), ("number", lambda f: f[0] == "C" and f[4] == "n"),
         ("formula", lambda f: f[0] == "C" and f[4].startswith("f")), ("blank", lambda f: f[0] == "C" and f[4] == "b"),
         ("merged", lambda f: f[0] == "M"), ("row heights", lambda f: f[0] == "H"), ("cond. formats", lambda f: f[0] == "K"),
         ("validations", lambda f: f[0] == "V"), ("charts", lambda f: f[0] == "D")]


def counts(path):
    out = io.StringIO()
    book = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in book.namelist():
        x = book.read("xl/sharedStrings.xml").decode()
        shared = [workbook_dump.unescape("".join(workbook_dump.TEXT.findall(si))) for si in re.findall(r"<si>(.*?)</si>", x, re.S)]
    wb = book.read("xl/workbook.xml").decode()
    rels = dict(re.findall(r'<Relationship Id="(rId\d+)" Type="[^"]*/worksheet" Target="([^"]*)"/>',
                           book.read("xl/_rels/workbook.xml.rels").decode()))
    workbook_dump.formats(book, out)
    formats = sum(1 for line in out.getvalue().splitlines() if line.startswith("F"))
    of = workbook_dump.charts(book)
    table = collections.OrderedDict()
    for name, rid in re.findall(r'<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"/>', wb):
        buf = io.StringIO()
        workbook_dump.sheet(book, name, "xl/" + rels[rid], shared, buf, of)
        tally = collections.Counter()
        for line in buf.getvalue().splitlines():
            f = line.split("\t")
            for kind, test in KINDS:
                if test(f):
                    tally[kind] += 1
        table[workbook_dump.unescape(name)] = tally
    return formats, table


def main():
    files = sys.argv[1:]
    results = [counts(p) for p in files]
    names = list(results[0][1])
    width = max(14, *(len(os.path.basename(p)) for p in files))
    print("%-12s %-20s " % ("sheet", "") + " ".join("%*s" % (width, os.path.basename(p)) for p in files))
    for name in names:
        for kind, _ in KINDS:
            values = [r[1].get(name, collections.Counter())[kind] for r in results]
            if any(values):
                print("%-12s %-20s " % (name[:12], kind) + " ".join("%*d" % (width, v) for v in values))
    print("%-12s %-20s " % ("workbook", "formats") + " ".join("%*d" % (width, r[0]) for r in results))
    total = lambda r: sum(t[k] for t in r[1].values() for k in ("text (merged incl.)", "number", "formula", "blank"))
    print("%-12s %-20s " % ("all sheets", "cells") + " ".join("%*d" % (width, total(r)) for r in results))


if __name__ == "__main__":
    main()
