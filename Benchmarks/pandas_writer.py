#!/usr/bin/env python3
"""Baseline: pandas DataFrames of the same cell values as c_writer.c (SYNTHETIC data), written with
DataFrame.to_excel (XlsxWriter engine, constant memory). Less than the others write: formulas go
in as text starting with "=", without cached values, and there are no per-cell formats, row
heights, conditional formats, charts or print set-up, which to_excel does not offer.

    pandas_writer.py OUT.xlsx [ORGS=4000] [INDICATORS=10]
"""
import sys

import pandas as pd

from generate import YEARS, figures, vn
from xlsxwriter_writer import NAMES, NOUNS, judged_row, term_formulas


def main():
    out = sys.argv[1]
    orgs = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    inds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    by, summary, quotes, targets = [], [], [], []
    r = 4
    for o in range(orgs):
        for k in range(inds):
            t, v = figures(o, k)
            i = o * inds + k
            label, name = str(i + 1), NAMES[k % 10]
            words = "Tổ chức %05d: hằng năm đạt từ %s trở lên" % (o, vn(t))
            first = r
            for y in range(len(YEARS)):
                by.append([label, words, YEARS[y], t, v[y], *judged_row(r)])
                r += 1
            tally, judged = term_formulas(first, r - 1)
            by.append([label, words, "Cả nhiệm kỳ", t, tally, None, None, judged])
            r += 1
            by.append([label, words, "Cộng 5 năm", t * 5, '=IF(COUNT(E%d:E%d)=5,SUM(E%d:E%d),"")' % (first + 1, first + 5, first + 1, first + 5),
                       *judged_row(r)])
            r += 1
            summary.append([label, words, name, "từ %s %s trở lên" % (vn(t), NOUNS[k % 10]), "mỗi năm", t, tally,
                            "='Theo năm'!$F$%d" % r, "='Theo năm'!$G$%d" % r, judged, "[gd]"])
            targets.append([label, name, "mỗi năm", "từ %s trở lên" % vn(t), words, "gd"])
            for y in range(len(YEARS)):
                quotes.append(["kết quả", name, "năm %d" % YEARS[y], vn(v[y]), "năm %d: %s" % (YEARS[y], vn(v[y])), "gd"])
    cols8 = ["STT", "Chỉ tiêu", "Năm", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá"]
    cols11 = ["STT", "Chỉ tiêu (nguyên văn)", "Chỉ số", "Quy tắc", "Kỳ đánh giá", "Mức chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá", "Nguồn"]
    cols6 = ["STT / loại", "Chỉ tiêu hoặc chỉ số", "Kỳ", "Số liệu", "Trích dẫn nguyên văn", "Nguồn"]
    with pd.ExcelWriter(out, engine="xlsxwriter", engine_kwargs={"options": {"constant_memory": True}}) as w:
        pd.DataFrame(by, columns=cols8).to_excel(w, sheet_name="Theo năm", index=False, startrow=3)
        pd.DataFrame(summary, columns=cols11).to_excel(w, sheet_name="Tổng hợp", index=False, startrow=3)
        pd.DataFrame(targets + quotes, columns=cols6).to_excel(w, sheet_name="Nguồn", index=False, startrow=5)


if __name__ == "__main__":
    main()
