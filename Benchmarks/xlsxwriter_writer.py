#!/usr/bin/env python3
"""Baseline: Python XlsxWriter writing the same cells as c_writer.c (SYNTHETIC data), constant memory.

    xlsxwriter_writer.py OUT.xlsx [ORGS=4000] [INDICATORS=10]
"""
import sys
import xlsxwriter
from generate import figures, YEARS


def verdict(v, t):
    return "vượt" if v > t else "đạt" if v == t else "không đạt"


def main():
    out = sys.argv[1]
    orgs = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    inds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    summary, by, src = wb.add_worksheet("Tổng hợp"), wb.add_worksheet("Theo năm"), wb.add_worksheet("Nguồn")
    text = wb.add_format({"text_wrap": True, "border": 1})
    count = wb.add_format({"num_format": "#,##0", "border": 1})
    pct = wb.add_format({"num_format": "0.0%", "border": 1})
    gap = wb.add_format({"num_format": "+#,##0;-#,##0;0", "border": 1})
    by.write_string(3, 0, "STT", text)
    r = 4
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            label = "Tổ chức %05d: hằng năm đạt từ %d trở lên" % (o, t)
            first = r
            for y in range(len(YEARS)):
                n = r + 1
                by.write_string(r, 0, str(o))
                by.write_string(r, 1, label, text)
                by.write_number(r, 2, YEARS[y])
                by.set_row(r, 15)
                by.write_number(r, 3, t, count)
                by.write_number(r, 4, v[y], count)
                by.write_formula(r, 5, '=IF(ISNUMBER(E%d),E%d/D%d,"")' % (n, n, n), pct, v[y] / t)
                by.write_formula(r, 6, '=IF(ISNUMBER(E%d),(E%d-D%d),"")' % (n, n, n), gap, v[y] - t)
                by.write_formula(r, 7, '=IF(E%d="","chưa có số liệu",IF(E%d>D%d,"vượt",IF(E%d=D%d,"đạt","không đạt")))' % (n, n, n, n, n), None, verdict(v[y], t))
                r += 1
            met = sum(1 for x in v if x >= t)
            by.write_string(r, 1, label, text)
            by.write_formula(r, 4, '=(COUNTIF($H$%d:$H$%d,"vượt")+COUNTIF($H$%d:$H$%d,"đạt"))&"/5 năm đạt"' % (first + 1, r, first + 1, r), None, "%d/5 năm đạt" % met)
            by.write_formula(r, 7, '=IF(COUNTIF($H$5:$H$9,"không đạt")>0,"không đạt","đạt")', None, "đạt" if met == 5 else "không đạt")
            r += 1
            by.write_string(r, 1, label, text)
            by.write_number(r, 3, t * 5, count)
            by.write_formula(r, 4, '=IF(COUNT(E%d:E%d)=5,SUM(E%d:E%d),"")' % (first + 1, first + 5, first + 1, first + 5), count, sum(v))
            by.write_formula(r, 5, '=IF(ISNUMBER(E%d),E%d/D%d,"")' % (r + 1, r + 1, r + 1), pct, sum(v) / (t * 5))
            r += 1
    summary.write_string(3, 0, "STT", text)
    r = 4
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            summary.write_string(r, 0, "1")
            summary.write_string(r, 1, "Tổ chức %05d: hằng năm đạt từ %d trở lên" % (o, t), text)
            summary.write_string(r, 2, "Kết nạp đảng viên mới", text)
            summary.write_string(r, 3, "từ 120 đảng viên trở lên", text)
            summary.write_string(r, 4, "mỗi năm", text)
            summary.set_row(r, 30)
            summary.write_number(r, 5, t, count)
            summary.write_formula(r, 6, "=(COUNTIF('Theo năm'!$H$5:$H$9,\"vượt\")+COUNTIF('Theo năm'!$H$5:$H$9,\"đạt\"))&\"/5 năm đạt\"", None, "4/5 năm đạt")
            summary.write_formula(r, 7, "='Theo năm'!$F$11", pct, 1.0)
            summary.write_formula(r, 8, "='Theo năm'!$G$11", gap, 0)
            summary.write_formula(r, 9, "=IF(COUNTIF('Theo năm'!$H$5:$H$9,\"không đạt\")>0,\"không đạt\",\"đạt\")", None, "không đạt")
            summary.write_string(r, 10, "[gd] Số liệu giả định cho đo tốc độ", text)
            r += 1
    r = 2
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            for c, s in enumerate(["1", "Kết nạp đảng viên mới", "mỗi năm", "từ 120 trở lên", "Tổ chức %05d: hằng năm đạt từ %d trở lên" % (o, t), "gd"]):
                src.write_string(r, c, s, text)
            src.set_row(r, 15)
            r += 1
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            for y in range(len(YEARS)):
                for c, s in enumerate(["kết quả", "Kết nạp đảng viên mới", "năm", str(v[y]), "năm %d: %d" % (YEARS[y], v[y]), "gd"]):
                    src.write_string(r, c, s, text)
                src.set_row(r, 15)
                r += 1
    wb.close()


if __name__ == "__main__":
    main()
