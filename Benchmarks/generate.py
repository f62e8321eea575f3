#!/usr/bin/env python3
"""Writes a SYNTHETIC ledger for the writer benchmark: invented figures, not data.

ORGS organisations x INDICATORS yearly count targets x 5 years of outcomes, in the data format
users write: one YAML term file with the targets and, as the design has it for large series, the
outcomes as a tidy CSV beside it (`outcomes-csv:`), or with OUTCOMES=yaml every outcome in the
YAML file itself. The built-in catalogue is copied beside them. Deterministic: the same
arguments give the same bytes.

    generate.py OUT_DIR [ORGS=4000] [INDICATORS=10] [OUTCOMES=csv|yaml|bodies=N]

With bodies=N the organisations are spread over N bodies, one folder and term file each.
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COUNT_INDICATORS = ["ket-nap-dang-vien", "dang-vien", "to-chuc-co-so-dang", "dang-bo-co-so", "chi-bo-co-so",
                    "to-chuc-dang-duoi-co-so", "kiem-tra-to-chuc", "giam-sat-chuyen-de", "van-ban-ban-hanh",
                    "quyet-dinh-dang-vien"]
YEARS = [2016, 2017, 2018, 2019, 2020]


def vn(n):
    """Thousands grouped the Vietnamese way."""
    return "{:,}".format(n).replace(",", ".")


def figures(org, k):
    """The synthetic target and yearly outcomes of one organisation and indicator (also used by the baselines)."""
    target = 10 + (org * 7 + k * 13) % 190
    values = [target - 5 + (org * 31 + k * 17 + y * 11) % 25 for y in range(len(YEARS))]
    return target, values


def many_bodies(out, orgs, indicators, bodies):
    """The same figures spread over BODIES bodies, each a folder with its term file and CSV: the
    memory curve's data (a workbook per body and term needs only that record in memory)."""
    os.makedirs(out, exist_ok=True)
    shutil.copy(os.path.join(HERE, "..", "Targets", "indicators.yaml"), out)
    per = -(-orgs // bodies)
    with open(os.path.join(out, "bodies.yaml"), "w") as f:
        f.write("# SYNTHETIC benchmark data: invented bodies and figures, not from any source.\nbodies:\n")
        for b in range(bodies):
            f.write('  - { id: gia-dinh/b%05d, name: "Đảng bộ giả định %05d (SỐ LIỆU GIẢ ĐỊNH)", name-en: "Synthetic body %d", '
                    'province: "Giả định", kind: bloc }\n' % (b, b, b))
    for b in range(bodies):
        folder = os.path.join(out, "gia-dinh", "b%05d" % b)
        os.makedirs(folder, exist_ok=True)
        mine = range(b * per, min(orgs, (b + 1) * per))
        with open(os.path.join(folder, "2015-2020.yaml"), "w") as f:
            f.write("# SYNTHETIC benchmark data.\nbody: gia-dinh/b%05d\nterm: { congress: XIII, years: 2015-2020 }\n" % b)
            f.write('sources:\n  gd: { title: "Số liệu giả định cho đo tốc độ", publisher: "chitieu", date: 2020-12-31 }\n')
            f.write("targets:\n")
            for o in mine:
                for k in range(indicators):
                    target, _ = figures(o, k)
                    f.write('  - { id: t%05d-%02d, text: "Tổ chức %05d: hằng năm đạt từ %s trở lên", source: gd, '
                            'indicator: %s, rule: ">= %s", period: each-year }\n'
                            % (o, k, o, vn(target), COUNT_INDICATORS[k % len(COUNT_INDICATORS)], vn(target)))
            f.write("outcomes-csv: outcomes.csv\n")
        with open(os.path.join(folder, "outcomes.csv"), "w") as f:
            f.write("target,period,value,source,quote\n")
            for o in mine:
                for k in range(indicators):
                    for y, v in zip(YEARS, figures(o, k)[1]):
                        f.write('t%05d-%02d,%d,%s,gd,"năm %d: %s"\n' % (o, k, y, vn(v), y, vn(v)))


def main():
    out = sys.argv[1]
    orgs = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    indicators = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    outcomes = sys.argv[4] if len(sys.argv) > 4 else "csv"
    if outcomes.startswith("bodies="):
        many_bodies(out, orgs, indicators, int(outcomes.split("=", 1)[1]))
        return
    os.makedirs(out, exist_ok=True)
    shutil.copy(os.path.join(HERE, "..", "Targets", "indicators.yaml"), out)
    with open(os.path.join(out, "bodies.yaml"), "w") as f:
        f.write('bodies:\n  - { id: gia-dinh/khoi, name: "Đảng bộ Khối giả định (SỐ LIỆU TỔNG HỢP GIẢ ĐỊNH)", '
                'name-en: "Synthetic bloc (SYNTHETIC DATA)", province: "Giả định", kind: bloc }\n')
    with open(os.path.join(out, "synthetic.yaml"), "w") as f:
        f.write("# SYNTHETIC benchmark data: invented figures, not from any source.\n")
        f.write("body: gia-dinh/khoi\nterm: { congress: XIII, years: 2015-2020 }\n")
        f.write('sources:\n  gd: { title: "Số liệu giả định cho đo tốc độ", publisher: "chitieu", date: 2020-12-31 }\n')
        f.write("targets:\n")
        for o in range(orgs):
            for k in range(indicators):
                target, _ = figures(o, k)
                f.write('  - { id: t%05d-%02d, text: "Tổ chức %05d: hằng năm đạt từ %s trở lên", source: gd, '
                        'indicator: %s, rule: ">= %s", period: each-year }\n'
                        % (o, k, o, vn(target), COUNT_INDICATORS[k % len(COUNT_INDICATORS)], vn(target)))
        if outcomes == "csv":
            f.write("outcomes-csv: synthetic-outcomes.csv\n")
        else:
            f.write("outcomes:\n")
    rows = ((o, k, y, v) for o in range(orgs) for k in range(indicators) for y, v in zip(YEARS, figures(o, k)[1]))
    if outcomes == "csv":
        with open(os.path.join(out, "synthetic-outcomes.csv"), "w") as f:
            f.write("target,period,value,source,quote\n")
            for o, k, y, v in rows:
                f.write('t%05d-%02d,%d,%s,gd,"năm %d: %s"\n' % (o, k, y, vn(v), y, vn(v)))
    else:
        with open(os.path.join(out, "synthetic.yaml"), "a") as f:
            for o, k, y, v in rows:
                f.write('  - { target: t%05d-%02d, period: %d, value: "%s", source: gd, quote: "năm %d: %s" }\n'
                        % (o, k, y, vn(v), y, vn(v)))


if __name__ == "__main__":
    main()
