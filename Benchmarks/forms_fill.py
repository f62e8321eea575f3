"""Fills every form of a folder with openpyxl, standing in for the units: counts as numbers,
shares as Vietnamese text ("1.234") in half the cells, a source document and a date per row.

    python3 Benchmarks/forms_fill.py FORMS_DIR OUT_DIR
"""
import datetime
import os
import sys

import openpyxl

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for n, name in enumerate(sorted(os.listdir(src))):
    wb = openpyxl.load_workbook(os.path.join(src, name))
    ws = wb["Biểu mẫu"]
    years = [c for c in range(5, ws.max_column + 1) if str(ws.cell(9, c).value or "").startswith("Năm ")]
    for r in range(10, ws.max_row + 1):
        ask = str(ws.cell(r, 4).value or "")
        for k, c in enumerate(years):
            # A share's two rows take the same base: the numerator row's.
            first = r - 1 if ask.startswith("Tổng số") else r
            base = 1000 + (n * 37 + first * 11 + k * 7) % 400
            if ask.startswith("Số đạt"):
                v = base - (n + k) % 50
            elif ask.startswith("Tổng số"):
                v = base
            else:
                v = (n + r + k) % 9
            ws.cell(r, c).value = v if (n + r + k) % 2 else f"{v:,}".replace(",", ".")
        ws.cell(r, years[-1] + 1).value = f"Báo cáo {n + 1}-BC/ĐU"
        ws.cell(r, years[-1] + 2).value = datetime.date(2025, 12, 20)
    wb.save(os.path.join(out, name))
