#!/usr/bin/env python3
"""Baseline: Python XlsxWriter writing, in constant-memory mode, the workbook chitieu wrote, from
the list workbook_dump.py made of it (the same calls as c_writer.c, which describes the list).
With --dry it only reads and splits the list, so that run.sh can take the reading out.

    xlsxwriter_writer.py OUT.xlsx LIST.txt [--dry]
"""
import datetime
import sys

import xlsxwriter

UNESCAPE = {"\\\\": "\\", "\\t": "\t", "\\n": "\n"}


def fields(line):
    parts = line.rstrip("\n").split("\t")
    return [p if "\\" not in p else _unescape(p) for p in parts]


def _unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def main():
    out, listing = sys.argv[1], sys.argv[2]
    dry = len(sys.argv) > 3 and sys.argv[3] == "--dry"
    if dry:
        n = sum(1 for line in open(listing, encoding="utf-8") if fields(line))
        print("read %d lines" % n, file=sys.stderr)
        return
    wb = None
    formats, colours, sheets, ws, chart = {}, {}, [], None, None
    for line in open(listing, encoding="utf-8"):
        f = fields(line)
        k = f[0]
        if k == "C":
            r, c, s, kind = int(f[1]), int(f[2]), int(f[3]), f[4]
            fmt = formats.get(s) if s else None
            if kind == "s":
                ws.write_string(r, c, f[5], fmt)
            elif kind == "n":
                ws.write_number(r, c, float(f[5]), fmt)
            elif kind == "b":
                ws.write_blank(r, c, None, fmt or formats.get(0))
            elif kind == "fs":
                ws.write_formula(r, c, f[6], fmt, f[5])
            else:
                ws.write_formula(r, c, f[6], fmt, float(f[5]) if f[5] else 0)
        elif k == "H":
            ws.set_row(int(f[1]), float(f[2]))
        elif k == "M":
            s = int(f[5])
            ws.merge_range(int(f[1]), int(f[2]), int(f[3]), int(f[4]), f[6], formats.get(s))
        elif k == "O":
            wb = xlsxwriter.Workbook(out, {"constant_memory": f[1] == "1"})
        elif k == "X":
            p = {}
            if f[2] != "-": p["bg_color"] = "#%06X" % int(f[2])
            if f[3] != "-": p["font_color"] = "#%06X" % int(f[3])
            if int(f[4]): p["bold"] = True
            colours[int(f[1])] = wb.add_format(p)
        elif k == "T":
            wb.set_properties({"title": f[1], "subject": f[2], "author": f[3], "keywords": f[4],
                               "created": datetime.datetime(2020, 12, 31)})
        elif k == "F":
            i = int(f[1])
            if i == 0:
                formats[0] = wb.add_format()
                continue
            p = {}
            if int(f[2]): p["bold"] = True
            if int(f[3]): p["italic"] = True
            if f[4] != "11": p["font_size"] = float(f[4])
            if f[5] != "Calibri": p["font_name"] = f[5]
            if f[6] != "-": p["font_color"] = "#%06X" % int(f[6])
            if f[7] != "-": p["bg_color"] = "#%06X" % int(f[7])
            if f[8] != "-": p["num_format"] = f[8]
            if int(f[9]): p["border"] = 1
            if int(f[10]): p["bottom"] = 1
            if f[11] != "-": p["align"] = f[11]
            if f[12] != "-": p["valign"] = "vcenter" if f[12] == "center" else f[12]
            if int(f[13]): p["text_wrap"] = True
            if int(f[14]): p["indent"] = int(f[14])
            if int(f[15]): p["locked"] = False
            formats[i] = wb.add_format(p)
        elif k == "N":
            sheets.append(wb.add_worksheet(f[1]))
        elif k == "Q":
            sheets[int(f[1])].print_area(int(f[2]), int(f[3]), int(f[4]), int(f[5]))
        elif k == "R":
            sheets[int(f[1])].repeat_rows(int(f[2]), int(f[3]))
        elif k == "S":
            ws = wb.get_worksheet_by_name(f[1])
        elif k == "W":
            ws.set_column(int(f[1]), int(f[2]), float(f[3]))
        elif k == "P":
            ws.freeze_panes(int(f[1]), int(f[2]))
        elif k == "L":
            ws.protect()
        elif k == "A":
            ws.autofilter(int(f[1]), int(f[2]), int(f[3]), int(f[4]))
        elif k == "K":
            colour = colours.get(int(f[7])) if f[7] != "-" else None
            if f[5] == "cellIs":
                rule = {"type": "cell", "criteria": "==", "value": f[8], "format": colour}
            else:
                rule = {"type": "formula", "criteria": f[8], "format": colour}
            ws.conditional_format(int(f[1]), int(f[2]), int(f[3]), int(f[4]), rule)
        elif k == "V":
            if f[5] in ("decimal", "whole"):
                v = {"validate": "integer" if f[5] == "whole" else "decimal", "criteria": ">=", "value": float(f[7])}
            elif f[5] == "list":
                v = {"validate": "list", "source": f[7]}
            else:
                v = {"validate": "custom", "value": f[7]}
            if f[8] != "-": v["error_title"] = f[8]
            if f[9] != "-": v["error_message"] = f[9]
            if len(f) > 10 and f[10] != "-": v["input_title"] = f[10]
            if len(f) > 11 and f[11] != "-": v["input_message"] = f[11]
            ws.data_validation(int(f[1]), int(f[2]), int(f[3]), int(f[4]), v)
        elif k == "G":
            ws.set_paper(int(f[1]))
            if f[2] == "landscape": ws.set_landscape()
            if f[3] == "fit": ws.fit_to_pages(1, 0)
            elif f[3] != "-": ws.set_print_scale(int(f[3]))
            if len(f) > 4 and f[4].startswith("="): ws.set_header(f[4][1:])
            if len(f) > 5 and f[5].startswith("="): ws.set_footer(f[5][1:])
        elif k == "Y":
            ws.set_margins(float(f[1]), float(f[2]), float(f[3]), float(f[4]))
        elif k == "B":
            ws.set_h_pagebreaks([int(b) for b in f[1].split()])
        elif k == "D":
            chart = wb.add_chart({"type": f[3]})
            chart.set_title({"name": f[6]})
            chart.set_legend({"position": "bottom"} if f[7] == "b" else {"none": True} if f[7] == "none" else {})
            chart.set_y_axis({"min": 0, **({"num_format": f[8]} if f[8] != "-" else {})})
            ws.insert_chart(int(f[1]), int(f[2]), chart, {"x_scale": float(f[4]), "y_scale": float(f[5])})
        elif k == "E":
            s = {"name": f[1], "categories": "=" + f[2], "values": "=" + f[3]}
            if f[4] in ("circle", "square"): s["marker"] = {"type": f[4]}
            if int(f[5]): s["data_labels"] = {"value": True}
            chart.add_series(s)
    wb.close()


if __name__ == "__main__":
    main()
