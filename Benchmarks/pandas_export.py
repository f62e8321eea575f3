#!/usr/bin/env python3
"""Baseline for the export benchmark: pandas reading the SYNTHETIC national data set
(generate_national.py) and writing it as one tidy CSV (to_csv) and a SQLite table (to_sql).
Less than chitieu does: no validation, no targets or judgements, one flat table.

    pandas_export.py DATA_DIR OUT.csv OUT.sqlite
"""
import sqlite3
import sys

import pandas as pd

from national import read_facts


def main():
    data, out_csv, out_db = sys.argv[1], sys.argv[2], sys.argv[3]
    df = read_facts(data)
    for column in ["value", "numerator", "denominator"]:
        df[column] = pd.to_numeric(df[column].str.replace(".", "", regex=False), errors="coerce")
    df.to_csv(out_csv, index=False)
    with sqlite3.connect(out_db) as db:
        df.to_sql("observations", db, index=False, if_exists="replace")


if __name__ == "__main__":
    main()
