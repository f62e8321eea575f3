#!/usr/bin/env python3
"""Recalculate .xlsx workbooks with LibreOffice and check every formula's cached value.

A validator for the tests, not part of the product. For each workbook it reads the formulas and
the values chitieu cached, has LibreOffice (headless, in a throw-away profile set to always
recalculate on load) open and re-save the file, and compares every recalculated result with the
cached one: numbers within 1e-9 relative, text exactly.

    recalc_check.py FILE.xlsx...            exit 0 if all match, 1 otherwise
    recalc_check.py --tamper IN.xlsx OUT.xlsx
                                            copy IN with one cached number made wrong (to prove the check can fail)
    recalc_check.py --put IN.xlsx OUT.xlsx N REF TEXT
                                            copy IN with cell REF of the Nth worksheet part holding TEXT
                                            as a clerk would type it (empty TEXT: an empty cell)
    recalc_check.py --put-number IN.xlsx OUT.xlsx N REF NUMBER
                                            the same with a number typed (a corrected figure)

Closing line: "recalc: N passed, M failed".
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def sheets(path):
    """{sheet name: {cell: (formula or None, type, cached value)}}"""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        out = {}
        for s in wb.find("m:sheets", NS).findall("m:sheet", NS):
            rid = s.get("{%s}id" % NS["r"])
            part = target[rid].lstrip("/")
            if not part.startswith("xl/"):
                part = "xl/" + part
            root = ET.fromstring(z.read(part))
            cells = {}
            for c in root.iter("{%s}c" % NS["m"]):
                f = c.find("m:f", NS)
                v = c.find("m:v", NS)
                t = c.get("t", "n")
                value = v.text if v is not None and v.text is not None else ""
                if t == "s" and value != "":
                    value = shared[int(value)]
                cells[c.get("r")] = (f.text if f is not None else None, t, value)
            out[s.get("name")] = cells
        return out


def recalculate(path, workdir):
    profile = os.path.join(workdir, "profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    outdir = os.path.join(workdir, "out")
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, HOME=workdir)
    cmd = ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outdir, path]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    result = os.path.join(outdir, os.path.basename(path))
    if not os.path.exists(result):
        raise RuntimeError("LibreOffice wrote no file for " + path)
    return result


def same(a, b):
    try:
        x, y = float(a), float(b)
    except ValueError:
        return a == b
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def check(path):
    original = sheets(path)
    with tempfile.TemporaryDirectory() as work:
        recalculated = sheets(recalculate(path, work))
    checked, problems = 0, []
    for name, cells in original.items():
        after = recalculated.get(name, {})
        for ref, (formula, _t, cached) in cells.items():
            if formula is None:
                continue
            checked += 1
            got = after.get(ref, (None, "", ""))[2]
            if not same(cached, got):
                problems.append("%s: %s!%s =%s cached %r, LibreOffice computes %r" % (os.path.basename(path), name, ref, formula, cached, got))
    return checked, problems


def tamper(src, dst):
    """Copies src with the first cached numeric formula result changed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        done = False
        for item in zin.infolist():
            data = zin.read(item.filename)
            if not done and item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                m = re.search(r'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?><f>[^<]*</f><v>)(-?[0-9.Ee+-]+)(</v>)', text)
                if m:
                    wrong = str(float(m.group(2)) + 7.25)
                    text = text[:m.start(2)] + wrong + text[m.end(2):]
                    data = text.encode("utf-8")
                    done = True
            zout.writestr(item, data)
    if not done:
        sys.exit("tamper: no numeric formula found in " + src)


def put(src, dst, sheet, ref, text, number=False):
    """Copies src with one cell's content replaced by typed text or a number (or emptied), its style kept."""
    part = "xl/worksheets/sheet%s.xml" % sheet
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        done = False
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                xml = data.decode("utf-8")
                m = re.search(r'<c r="%s"( s="[0-9]+")?[^>]*?(/>|>.*?</c>)' % re.escape(ref), xml)
                if m:
                    style = m.group(1) or ""
                    if number:
                        float(text)  # refuses what is not a number
                        cell = '<c r="%s"%s><v>%s</v></c>' % (ref, style, text)
                    elif text:
                        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        cell = '<c r="%s"%s t="inlineStr"><is><t>%s</t></is></c>' % (ref, style, escaped)
                    else:
                        cell = '<c r="%s"%s/>' % (ref, style)
                    xml = xml[:m.start()] + cell + xml[m.end():]
                    data = xml.encode("utf-8")
                    done = True
            zout.writestr(item, data)
    if not done:
        sys.exit("put: no cell %s in %s of %s" % (ref, part, src))


def main(argv):
    if len(argv) == 6 and argv[0] == "--put":
        put(argv[1], argv[2], argv[3], argv[4], argv[5])
        return 0
    if len(argv) == 6 and argv[0] == "--put-number":
        put(argv[1], argv[2], argv[3], argv[4], argv[5], number=True)
        return 0
    if len(argv) == 3 and argv[0] == "--tamper":
        tamper(argv[1], argv[2])
        return 0
    if shutil.which("soffice") is None:
        print("recalc: soffice not found; install libreoffice-calc-nogui", file=sys.stderr)
        return 2
    passed = failed = 0
    for path in argv:
        checked, problems = check(path)
        for p in problems:
            print(p)
        if problems or checked == 0:
            failed += 1
            if checked == 0:
                print("%s: no formulas to check" % path)
        else:
            passed += 1
        print("%s: %d formulas, %d mismatches" % (os.path.basename(path), checked, len(problems)))
    print("recalc: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
