#!/usr/bin/env python3
"""Reads the workbook chitieu wrote and lists, as plain lines, every call a writer must make to
write the same workbook: formats, sheets, column widths, row heights, cells (strings, numbers,
formulas with their cached results, blanks), merged ranges, frozen panes, autofilters,
conditional formats, data validations, print set-up and charts. The baselines (c_writer.c,
xlsxwriter_writer.py) read this list into memory and then only write, so that the benchmark
compares like with like: the very cells, strings, formulas and formats of today's layout, however
it changes. Not timed: made once per run, before the measurements.

    workbook_dump.py CHITIEU.xlsx OUT.txt

The lines are tab-separated; text fields escape backslash, tab and newline as \\\\, \\t, \\n.
"""
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "mm-dd-yy"}
ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'"}


def unescape(s):
    s = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), s) if "_x" in s else s
    return re.sub(r"&(lt|gt|amp|quot|apos);", lambda m: ENTITIES[m.group(0)], s) if "&" in s else s


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def column_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell(ref):
    m = re.match(r"\$?([A-Z]+)\$?(\d+)", ref)
    return int(m.group(2)) - 1, column_number(m.group(1))


def area(ref):
    a, _, b = ref.partition(":")
    r0, c0 = cell(a)
    r1, c1 = cell(b) if b else (r0, c0)
    return r0, c0, r1, c1


def rgb(el):
    v = el.get("rgb") if el is not None else None
    return str(int(v[-6:], 16)) if v else "-"


def formats(book, out):
    """One line per cell format (cellXfs), in index order: the properties CellStyle can set."""
    styles = ET.fromstring(book.read("xl/styles.xml"))
    numfmts = dict(BUILTIN_FORMATS)
    for f in styles.iterfind("m:numFmts/m:numFmt", NS):
        numfmts[int(f.get("numFmtId"))] = f.get("formatCode")
    fonts = styles.findall("m:fonts/m:font", NS)
    fills = styles.findall("m:fills/m:fill", NS)
    borders = styles.findall("m:borders/m:border", NS)
    # The colours of conditional formats (dxfs), one line each.
    for i, dxf in enumerate(styles.findall("m:dxfs/m:dxf", NS)):
        fill = dxf.find("m:fill/m:patternFill/m:bgColor", NS)
        out.write("X\t%d\t%s\t%s\t%d\n" % (i, rgb(fill), rgb(dxf.find("m:font/m:color", NS)), dxf.find("m:font/m:b", NS) is not None))
    for i, xf in enumerate(styles.findall("m:cellXfs/m:xf", NS)):
        font = fonts[int(xf.get("fontId", 0))]
        bold = font.find("m:b", NS) is not None
        italic = font.find("m:i", NS) is not None
        size = font.find("m:sz", NS).get("val")
        name = font.find("m:name", NS).get("val")
        fill = fills[int(xf.get("fillId", 0))].find("m:patternFill/m:fgColor", NS)
        border = borders[int(xf.get("borderId", 0))]
        sides = [border.find("m:" + s, NS) for s in ("left", "right", "top", "bottom")]
        box = all(s is not None and s.get("style") == "thin" for s in sides)
        under = not box and sides[3] is not None and sides[3].get("style") == "thin"
        al = xf.find("m:alignment", NS)
        get = (lambda k: al.get(k, "")) if al is not None else (lambda k: "")
        prot = xf.find("m:protection", NS)
        unlocked = prot is not None and prot.get("locked") == "0"
        numfmt = numfmts.get(int(xf.get("numFmtId", 0)), "General")
        out.write("F\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%d\t%s\t%d\n" % (
            i, bold, italic, size, esc(name), rgb(font.find("m:color", NS)), rgb(fill),
            esc(numfmt) if numfmt != "General" else "-", box, under, get("horizontal") or "-", get("vertical") or "-",
            get("wrapText") == "1", get("indent") or "0", unlocked))


CELL = re.compile(r'<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?(?:/>|>(.*?)</c>)', re.S)
ROW = re.compile(r'<row r="(\d+)"([^>]*?)(/?)>')
TEXT = re.compile(r"<t(?: [^>]*)?>(.*?)</t>", re.S)


def sheet(book, name, part, shared, out, charts_of):
    x = book.read(part).decode()
    head, _, rest = x.partition("<sheetData")
    data, _, tail = rest.partition("</sheetData>")
    out.write("S\t%s\n" % esc(name))
    for col in re.finditer(r'<col min="(\d+)" max="(\d+)" width="([0-9.]+)"', head):
        # The width asked for: libxlsxwriter adds the cell's padding (5 pixels of 7 a character).
        width = (round(float(col.group(3)) * 7) - 5) / 7
        out.write("W\t%d\t%d\t%s\n" % (int(col.group(1)) - 1, int(col.group(2)) - 1, repr(round(width, 6))))
    pane = re.search(r'<pane (?:xSplit="(\d+)" )?(?:ySplit="(\d+)" )?', head)
    if pane:
        out.write("P\t%s\t%s\n" % (pane.group(2) or 0, pane.group(1) or 0))
    if "<sheetProtection" in tail:
        out.write("L\n")
    # Ranges over the rows (autofilter, conditional formats, validations): a constant-memory
    # writer takes them only while their last row is still the one being written, so each is
    # listed right after that row's cells, where chitieu sets it.
    items = []  # (last row, line)
    af = re.search(r'<autoFilter ref="([A-Z0-9:]+)"', tail)
    if af:
        ref = area(af.group(1))
        items.append((ref[2], "A\t%d\t%d\t%d\t%d\n" % ref))
    for m in re.finditer(r'<conditionalFormatting sqref="([A-Z0-9: ]+)">(.*?)</conditionalFormatting>', tail, re.S):
        for rule in re.finditer(r'<cfRule ([^>]*)>(.*?)</cfRule>', m.group(2), re.S):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', rule.group(1)))
            formula = re.search(r"<formula>(.*?)</formula>", rule.group(2), re.S)
            for ref in m.group(1).split():
                ref = area(ref)
                items.append((ref[2], "K\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n" % (ref + (
                    attrs.get("type"), attrs.get("operator", "-"), attrs.get("dxfId", "-"), esc(unescape(formula.group(1))) if formula else "-"))))
    for m in re.finditer(r'<dataValidation ([^>]*)>(.*?)</dataValidation>', tail, re.S):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        f1 = re.search(r"<formula1>(.*?)</formula1>", m.group(2), re.S)
        for ref in attrs.get("sqref", "").split():
            ref = area(ref)
            items.append((ref[2], "V\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" % (ref + (
                attrs.get("type", "-"), attrs.get("operator", "-"), esc(unescape(f1.group(1))) if f1 else "-",
                esc(unescape(attrs.get("errorTitle", "-"))), esc(unescape(attrs.get("error", "-"))),
                esc(unescape(attrs.get("promptTitle", "-"))), esc(unescape(attrs.get("prompt", "-")))))))
    items.sort(key=lambda i: i[0])
    merges = {}
    for m in re.finditer(r'<mergeCell ref="([A-Z0-9:]+)"/>', tail):
        r0, c0, r1, c1 = area(m.group(1))
        merges[(r0, c0)] = (r1, c1)
    covered = {(r, c) for (r0, c0), (r1, c1) in merges.items() for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - set(merges)
    # Rows with their cells, in order (the constant-memory writer writes them so).
    rows = list(ROW.finditer(data))
    pending = 0
    for k, row in enumerate(rows):
        r = int(row.group(1)) - 1
        while pending < len(items) and items[pending][0] < r:
            out.write(items[pending][1])
            pending += 1
        ht = re.search(r' ht="([0-9.]+)"', row.group(2))
        if ht:
            out.write("H\t%d\t%s\n" % (r, ht.group(1)))
        if row.group(3):
            continue
        end = rows[k + 1].start() if k + 1 < len(rows) else len(data)
        for c in CELL.finditer(data, row.end(), end):
            col, s, t, body = column_number(c.group(1)), c.group(3) or "0", c.group(4), c.group(5) or ""
            if (r, col) in covered:
                continue
            f = re.search(r"<f>(.*?)</f>", body, re.S)
            v = re.search(r"<v>(.*?)</v>", body, re.S)
            if (r, col) in merges:
                # A merged range of text, or an empty one with a formula written over its first cell.
                r1, c1 = merges[(r, col)]
                text = "" if f else shared[int(v.group(1))] if t == "s" else unescape("".join(TEXT.findall(body)))
                out.write("M\t%d\t%d\t%d\t%d\t%s\t%s\n" % (r, col, r1, c1, s, esc(text)))
            if f:
                cached = unescape(v.group(1)) if v else ""
                kind = "fs" if t == "str" else "fb" if t == "b" else "fn"
                out.write("C\t%d\t%d\t%s\t%s\t%s\t%s\n" % (r, col, s, kind, esc(cached), esc(unescape(f.group(1)))))
            elif (r, col) in merges:
                pass
            elif t == "s":
                out.write("C\t%d\t%d\t%s\ts\t%s\n" % (r, col, s, esc(shared[int(v.group(1))])))
            elif t == "inlineStr":
                out.write("C\t%d\t%d\t%s\ts\t%s\n" % (r, col, s, esc(unescape("".join(TEXT.findall(body))))))
            elif v:
                out.write("C\t%d\t%d\t%s\tn\t%s\n" % (r, col, s, v.group(1)))
            else:
                out.write("C\t%d\t%d\t%s\tb\n" % (r, col, s))
    for _, line in items[pending:]:
        out.write(line)
    page = re.search(r"<pageSetup ([^>]*)/>", tail)
    if page:
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', page.group(1)))
        hdr = re.search(r"<oddHeader>(.*?)</oddHeader>", tail, re.S)
        ftr = re.search(r"<oddFooter>(.*?)</oddFooter>", tail, re.S)
        # A header or footer, even empty, is written with "=" before it; none, as nothing.
        fit = "fit" if "fitToHeight" in attrs or "fitToWidth" in attrs else attrs.get("scale", "-")
        out.write("G\t%s\t%s\t%s\t%s\t%s\n" % (attrs.get("paperSize", "9"), attrs.get("orientation", "-"), fit,
                                              "=" + esc(unescape(hdr.group(1))) if hdr else "", "=" + esc(unescape(ftr.group(1))) if ftr else ""))
    margins = re.search(r'<pageMargins left="([0-9.]+)" right="([0-9.]+)" top="([0-9.]+)" bottom="([0-9.]+)"', tail)
    if margins and margins.groups() != ("0.7", "0.7", "0.75", "0.75"):
        out.write("Y\t%s\t%s\t%s\t%s\n" % margins.groups())
    breaks = [int(b) for b in re.findall(r'<brk id="(\d+)"', tail)]
    if breaks:
        out.write("B\t%s\n" % " ".join(map(str, breaks)))
    for chart in charts_of(part):
        out.write(chart)


def charts(book):
    """Sheet part -> its charts as lines: anchor, kind, title, then a line per series."""
    def rels(part):
        folder, _, file = part.rpartition("/")
        name = folder + "/_rels/" + file + ".rels"
        if name not in book.namelist():
            return {}
        root = ET.fromstring(book.read(name))
        return {r.get("Id"): re.sub(r"[^/]+/\.\./", "", folder + "/" + r.get("Target")) for r in root}

    def of(part):
        lines = []
        for target in rels(part).values():
            if "/drawings/" not in target:
                continue
            drawing = ET.fromstring(book.read(target))
            drels = rels(target)
            for anchor in drawing.findall("xdr:twoCellAnchor", NS):
                frm = anchor.find("xdr:from", NS)
                row, col = int(frm.find("xdr:row", NS).text), int(frm.find("xdr:col", NS).text)
                ext = anchor.find(".//a:ext", NS)
                chart_ref = anchor.find(".//c:chart", NS)
                if chart_ref is None:
                    continue
                chart = ET.fromstring(book.read(drels[chart_ref.get("{%s}id" % NS["r"])]))
                kind = "line" if chart.find(".//c:lineChart", NS) is not None else "column"
                title = "".join(t.text or "" for t in chart.findall("c:chart/c:title//a:t", NS))
                legend = chart.find(".//c:legend/c:legendPos", NS)
                axis_fmt = chart.find(".//c:valAx/c:numFmt", NS)
                series = chart.findall(".//c:ser", NS)
                cx, cy = (int(ext.get("cx")), int(ext.get("cy"))) if ext is not None else (4572000, 2743200)
                lines.append("D\t%d\t%d\t%s\t%.4f\t%.4f\t%s\t%s\t%s\t%d\n" % (
                    row, col, kind, cx / 4572000, cy / 2743200, esc(title), legend.get("val") if legend is not None else "none",
                    esc(axis_fmt.get("formatCode")) if axis_fmt is not None else "-", len(series)))
                for s in series:
                    name = s.find("c:tx//c:v", NS)
                    name = name.text if name is not None else s.find("c:tx/c:v", NS).text if s.find("c:tx/c:v", NS) is not None else ""
                    cat = s.find("c:cat//c:f", NS).text
                    val = s.find("c:val//c:f", NS).text
                    marker = s.find("c:marker/c:symbol", NS)
                    lines.append("E\t%s\t%s\t%s\t%s\t%d\n" % (esc(name), esc(cat), esc(val), marker.get("val") if marker is not None else "-",
                                                            s.find("c:dLbls", NS) is not None))
        return lines
    return of


def main():
    book = zipfile.ZipFile(sys.argv[1])
    shared = []
    if "xl/sharedStrings.xml" in book.namelist():
        x = book.read("xl/sharedStrings.xml").decode()
        shared = [unescape("".join(TEXT.findall(si))) for si in re.findall(r"<si>(.*?)</si>", x, re.S)]
    wb = book.read("xl/workbook.xml").decode()
    rels = dict(re.findall(r'<Relationship Id="(rId\d+)" Type="[^"]*/worksheet" Target="([^"]*)"/>',
                           book.read("xl/_rels/workbook.xml.rels").decode()))
    with open(sys.argv[2], "w") as out:
        core = book.read("docProps/core.xml").decode()
        props = [unescape(m.group(1)) if m else "" for m in (re.search(r"<%s>(.*?)</%s>" % (t, t), core, re.S)
                 for t in ("dc:title", "dc:subject", "dc:creator", "cp:keywords"))]
        # chitieu writes in constant-memory mode (strings inline, no shared table) past 20.000 rows.
        out.write("O\t%d\n" % ("xl/sharedStrings.xml" not in book.namelist()))
        out.write("T\t%s\n" % "\t".join(esc(p) for p in props))
        formats(book, out)
        # Every sheet is added first (formulas refer to sheets further on), then written in turn.
        names = re.findall(r'<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"/>', wb)
        for name, _ in names:
            out.write("N\t%s\n" % esc(unescape(name)))
        for m in re.finditer(r'<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">[^!]*!\$(\d+):\$(\d+)</definedName>', wb):
            out.write("R\t%s\t%d\t%d\n" % (m.group(1), int(m.group(2)) - 1, int(m.group(3)) - 1))
        for m in re.finditer(r'<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">[^!]*!([$A-Z0-9:]+)</definedName>', wb):
            out.write("Q\t%s\t%d\t%d\t%d\t%d\n" % ((m.group(1),) + area(m.group(2).replace("$", ""))))
        of = charts(book)
        # The sheets in the order chitieu wrote them, which numbers the formats (each the first
        # time a cell uses it): by the lowest format each uses.
        parts = []
        for name, rid in names:
            buf = io.StringIO()
            sheet(book, unescape(name), "xl/" + rels[rid], shared, buf, of)
            used = [int(m) for m in re.findall(r"^[CM]\t\d+\t\d+\t(?:\d+\t\d+\t)?(\d+)\t", buf.getvalue(), re.M)]
            parts.append((min([u for u in used if u > 0], default=1 << 30), buf.getvalue()))
        for _, text in sorted(parts, key=lambda p: p[0]):
            out.write(text)


if __name__ == "__main__":
    main()
