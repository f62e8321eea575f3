"""The peer readers of the forms benchmark: read every input cell of every form with openpyxl
or python-calamine (values only: no identity check, validation or writing), as a baseline.

    python3 Benchmarks/forms_read.py openpyxl|calamine FILLED_DIR
"""
import os
import sys

which, folder = sys.argv[1], sys.argv[2]
files = [os.path.join(folder, f) for f in sorted(os.listdir(folder))]
cells = 0
if which == "openpyxl":
    import openpyxl

    for path in files:
        wb = openpyxl.load_workbook(path, data_only=True)
        ident = [row for row in wb["_chitieu"].iter_rows(values_only=True)]
        for row in wb["Biểu mẫu"].iter_rows(min_row=10, values_only=True):
            cells += sum(1 for v in row[4:] if v is not None)
else:
    from python_calamine import CalamineWorkbook

    for path in files:
        wb = CalamineWorkbook.from_path(path)
        ident = wb.get_sheet_by_name("_chitieu").to_python()
        for row in wb.get_sheet_by_name("Biểu mẫu").to_python()[9:]:
            cells += sum(1 for v in row[4:] if v not in ("", None))
print(f"{which}: {len(files)} forms, {cells} filled cells")
