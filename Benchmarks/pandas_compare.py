#!/usr/bin/env python3
"""Baseline for the comparison benchmark: pandas reading the same SYNTHETIC national data set
(generate_national.py), taking each body's figures of one year (the newest inside the year),
dividing by the organisations and members of that year, and ranking every indicator and ratio
with ties sharing a rank (groupby + rank(method="min")), written as one tidy CSV. Less than
chitieu does: no validation of the figures, no lineage, no spread or totals.

    pandas_compare.py DATA_DIR YEAR OUT.csv
"""
import sys

import pandas as pd

from national import read_facts


def number(s):
    """Vietnamese thousands dots removed; every figure in the synthetic set is whole."""
    return pd.to_numeric(s.astype(str).str.replace(".", "", regex=False), errors="coerce")


def main():
    data, year, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    df = read_facts(data)
    df["year"] = df["period"].str.slice(0, 4).astype(int)
    df = df[df["year"] == year].copy()
    df["value"] = number(df["value"])
    shares = df["numerator"].notna()
    df.loc[shares, "value"] = number(df.loc[shares, "numerator"]) / number(df.loc[shares, "denominator"]) * 100
    # The newest figure of each body and indicator inside the year.
    df = df.sort_values("period").groupby(["body", "indicator"], as_index=False).last()
    wide = df.pivot(index="body", columns="indicator", values="value")
    measures = [(ind, "value", wide[ind]) for ind in wide.columns]
    measures.append(("dang-vien", "per-organisation", wide["dang-vien"] / wide["to-chuc-co-so-dang"]))
    measures.append(("ket-nap-dang-vien", "per-100-members", wide["ket-nap-dang-vien"] / wide["dang-vien"] * 100))
    measures.append(("ket-nap-dang-vien", "per-organisation", wide["ket-nap-dang-vien"] / wide["to-chuc-co-so-dang"]))
    tidy = pd.concat([pd.DataFrame({"indicator": i, "measure": m, "body": v.index, "value": v.values}) for i, m, v in measures])
    tidy["rank"] = tidy.groupby(["indicator", "measure"])["value"].rank(method="min", ascending=False)
    tidy.to_csv(out, index=False)


if __name__ == "__main__":
    main()
