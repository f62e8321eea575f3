"""Reading the SYNTHETIC national data set (generate_national.py) into one pandas frame, for the
pandas baselines of the comparison and export benchmarks."""
import glob
import os

import pandas as pd


def read_facts(data):
    """Every body's facts.csv, with the body id (its folder) as a column."""
    frames = []
    for path in sorted(glob.glob(os.path.join(data, "**", "facts.csv"), recursive=True)):
        f = pd.read_csv(path, dtype=str)
        f["body"] = os.path.relpath(os.path.dirname(path), data)
        frames.append(f)
    return pd.concat(frames, ignore_index=True)
