#!/usr/bin/env python3
"""Checks that a baseline writes the same cells as chitieu: every worksheet, the styles and the
workbook part of the two .xlsx files equal, except cached numbers, which may differ in the last
bits (chitieu converts exact decimals, the baselines divide doubles) and must agree to 12
significant digits. Other parts (charts, theme, properties) are counted but may differ in how
each library serialises them (Python XlsxWriter adds empty chart caches, for one).

    compare_cells.py CHITIEU.xlsx BASELINE.xlsx      (exit status 1 if they differ)
"""
import re
import sys
import zipfile

NUMBER = re.compile(r"<v>(-?[0-9.Ee+-]+)</v>")
# An empty text cell: libxlsxwriter writes it blank, Python XlsxWriter as an empty string.
EMPTY = re.compile(r' t="inlineStr"><is><t></t></is></c>')
CELLS = re.compile(r"xl/(worksheets/sheet\d+|styles|workbook)\.xml$")


def close(a, b):
    x, y = float(a), float(b)
    return abs(x - y) <= 1e-12 * max(1.0, abs(x), abs(y))


SHEET = re.compile(r'<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"/>')


def sheets(book):
    """Sheet name -> part, in tab order."""
    rels = dict(re.findall(r'<Relationship Id="(rId\d+)" Type="[^"]*/worksheet" Target="([^"]*)"/>',
                           book.read("xl/_rels/workbook.xml.rels").decode()))
    return [(n, "xl/" + rels[r]) for n, r in SHEET.findall(book.read("xl/workbook.xml").decode()) if r in rels]


def main():
    ours, base = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
    problems, other = [], 0
    # chitieu may write sheets of its own after the common ones (the "Cách tính" working): the
    # baselines do not, so those are listed and left out; every common sheet must match.
    ours_sheets, base_sheets = sheets(ours), sheets(base)
    extra = [(n, p) for n, p in ours_sheets if n not in dict(base_sheets)]
    if ours_sheets[:len(base_sheets)] != base_sheets:
        problems.append("sheets differ: %s / %s" % (ours_sheets, base_sheets))
    extra_parts = {p for _, p in extra}
    names = set(ours.namelist()) - extra_parts
    if names != set(base.namelist()):
        problems.append("parts differ: %s" % sorted(names ^ set(base.namelist()))[:5])
    for name in sorted(names & set(base.namelist())):
        x, y = ours.read(name).decode(), EMPTY.sub("/>", base.read(name).decode())
        if name == "xl/workbook.xml":
            # Without the extra sheets and their print titles (their sheet index is past the common ones).
            for i, (n, _) in enumerate(extra, start=len(base_sheets)):
                x = re.sub(r'<sheet name="%s" sheetId="\d+" r:id="rId\d+"/>' % re.escape(n), "", x)
                x = re.sub(r'<definedName name="[^"]*" localSheetId="%d"[^>]*>[^<]*</definedName>' % i, "", x)
        if x == y:
            continue
        if not CELLS.match(name):
            other += 1
            continue
        if name.startswith("xl/worksheets/sheet") and NUMBER.sub("<v>#</v>", x) == NUMBER.sub("<v>#</v>", y):
            bad = [(a, b) for a, b in zip(NUMBER.findall(x), NUMBER.findall(y)) if not close(a, b)]
            if not bad:
                continue
            problems.append("%s: cached numbers differ, e.g. %s" % (name, bad[:3]))
            continue
        i = next((i for i in range(min(len(x), len(y))) if x[i] != y[i]), min(len(x), len(y)))
        problems.append("%s differs at %d:\n  chitieu:  %s\n  baseline: %s" % (name, i, x[max(0, i - 150):i + 150], y[max(0, i - 150):i + 150]))
    for p in problems:
        print(p)
    print("compare: %d parts; sheets, styles and workbook %s; %d other parts serialised differently%s"
          % (len(names), "the same" if not problems else "DIFFER (%d)" % len(problems), other,
             "; chitieu also writes: %s" % ", ".join(n for n, _ in extra) if extra else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
