#!/usr/bin/env python3
"""Baseline: pandas DataFrames of the same cells as c_writer.c (SYNTHETIC data), written with
DataFrame.to_excel (XlsxWriter engine; formulas as text starting with "=", without cached values).

    pandas_writer.py OUT.xlsx [ORGS=4000] [INDICATORS=10]
"""
import sys
import pandas as pd
from generate import figures, YEARS


def main():
    out = sys.argv[1]
    orgs = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    inds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    by, summary, src, quotes = [], [], [], []
    r = 5
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            label = "Tổ chức %05d: hằng năm đạt từ %d trở lên" % (o, t)
            first = r
            for y in range(len(YEARS)):
                by.append([str(o), label, YEARS[y], t, v[y], '=IF(ISNUMBER(E%d),E%d/D%d,"")' % (r, r, r),
                           '=IF(ISNUMBER(E%d),(E%d-D%d),"")' % (r, r, r),
                           '=IF(E%d="","chưa có số liệu",IF(E%d>D%d,"vượt",IF(E%d=D%d,"đạt","không đạt")))' % (r, r, r, r, r)])
                r += 1
            by.append([str(o), label, "Cả nhiệm kỳ", t, '=(COUNTIF($H$%d:$H$%d,"vượt")+COUNTIF($H$%d:$H$%d,"đạt"))&"/5 năm đạt"' % (first, r - 1, first, r - 1), None, None,
                       '=IF(COUNTIF($H$5:$H$9,"không đạt")>0,"không đạt","đạt")'])
            r += 1
            by.append([str(o), label, "Cộng 5 năm", t * 5, '=IF(COUNT(E%d:E%d)=5,SUM(E%d:E%d),"")' % (first, first + 4, first, first + 4), '=IF(ISNUMBER(E%d),E%d/D%d,"")' % (r, r, r), None, None])
            r += 1
            summary.append(["1", label, "Kết nạp đảng viên mới", "từ 120 đảng viên trở lên", "mỗi năm", t,
                            "=(COUNTIF('Theo năm'!$H$5:$H$9,\"vượt\")+COUNTIF('Theo năm'!$H$5:$H$9,\"đạt\"))&\"/5 năm đạt\"",
                            "='Theo năm'!$F$11", "='Theo năm'!$G$11", "=IF(COUNTIF('Theo năm'!$H$5:$H$9,\"không đạt\")>0,\"không đạt\",\"đạt\")",
                            "[gd] Số liệu giả định cho đo tốc độ"])
            src.append(["1", "Kết nạp đảng viên mới", "mỗi năm", "từ 120 trở lên", label, "gd"])
            for y in range(len(YEARS)):
                quotes.append(["kết quả", "Kết nạp đảng viên mới", "năm", str(v[y]), "năm %d: %d" % (YEARS[y], v[y]), "gd"])
    cols8 = ["STT", "Chỉ tiêu", "Năm", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá"]
    cols11 = ["STT", "Chỉ tiêu", "Chỉ số", "Quy tắc", "Kỳ", "Mức", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá", "Nguồn"]
    cols6 = ["STT", "Chỉ số", "Kỳ", "Số liệu", "Trích dẫn", "Nguồn"]
    with pd.ExcelWriter(out, engine="xlsxwriter", engine_kwargs={"options": {"constant_memory": True}}) as w:
        pd.DataFrame(summary, columns=cols11).to_excel(w, sheet_name="Tổng hợp", index=False, startrow=3)
        pd.DataFrame(by, columns=cols8).to_excel(w, sheet_name="Theo năm", index=False, startrow=3)
        pd.DataFrame(src + quotes, columns=cols6).to_excel(w, sheet_name="Nguồn", index=False, startrow=1)


if __name__ == "__main__":
    main()
