#!/usr/bin/env python3
"""Writes a SYNTHETIC national data set for the comparison benchmark: invented figures, not data.

Every province (63) with its provincial committee, two blocs and eight districts (693 bodies), 15
indicators (10 counts, 5 shares of members) x 10 years (2011-2020), in the data format users
write: bodies.yaml, and per body a small YAML facts file naming a CSV table of its figures. The
built-in catalogue is copied beside them. Deterministic: the same arguments give the same bytes.

    generate_national.py OUT_DIR [PROVINCES=63] [DISTRICTS=8] [GRASSROOTS=0]

With GRASSROOTS=N it writes instead N grassroots organisations (kind grassroots) x 10 counts x 5
years (2016-2020), the grassroots-level set of the export benchmark.
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTS = ["dang-vien", "to-chuc-co-so-dang", "ket-nap-dang-vien", "dang-bo-co-so", "chi-bo-co-so", "to-chuc-dang-duoi-co-so",
          "kiem-tra-to-chuc", "giam-sat-chuyen-de", "van-ban-ban-hanh", "quyet-dinh-dang-vien"]
SHARES = ["dang-vien-htt", "dang-vien-loai-1", "dang-vien-tien-phong", "dang-vien-duoc-kiem-tra", "dang-vien-loai-4"]
YEARS = range(2011, 2021)


def vn(n):
    return "{:,}".format(n).replace(",", ".")


def bodies(provinces, districts):
    """(id, name, kind, province name, size) of every synthetic body."""
    out = []
    for p in range(provinces):
        province = "Tỉnh giả định %02d" % (p + 1)
        slug = "tinh-%02d" % (p + 1)
        out.append((slug + "/tinh", "Đảng bộ %s (GIẢ ĐỊNH)" % province, "province", province, 40000 + p * 997 % 30000))
        out.append((slug + "/khoi-cac-co-quan", "Đảng bộ Khối các cơ quan %s (GIẢ ĐỊNH)" % province, "bloc", province, 3000 + p * 331 % 3000))
        out.append((slug + "/khoi-doanh-nghiep", "Đảng bộ Khối doanh nghiệp %s (GIẢ ĐỊNH)" % province, "bloc", province, 2000 + p * 257 % 2500))
        for d in range(districts):
            out.append(("%s/huyen-%02d" % (slug, d + 1), "Đảng bộ huyện %02d, %s (GIẢ ĐỊNH)" % (d + 1, province), "district", province,
                        1500 + (p * 37 + d * 113) % 4000))
    return out


def grassroots(n):
    return [("co-so/%06d" % (i + 1), "Tổ chức cơ sở đảng giả định %06d (GIẢ ĐỊNH)" % (i + 1), "grassroots", "Tỉnh giả định %02d" % (i % 63 + 1),
             20 + i * 37 % 400) for i in range(n)]


def main():
    out = sys.argv[1]
    provinces = int(sys.argv[2]) if len(sys.argv) > 2 else 63
    districts = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    small = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    os.makedirs(out, exist_ok=True)
    shutil.copy(os.path.join(HERE, "..", "Targets", "indicators.yaml"), out)
    all_bodies = grassroots(small) if small else bodies(provinces, districts)
    years = range(2016, 2021) if small else YEARS
    with open(os.path.join(out, "bodies.yaml"), "w") as f:
        f.write("# SYNTHETIC benchmark data: invented bodies and figures, not from any source.\nbodies:\n")
        for i, (bid, name, kind, province, _) in enumerate(all_bodies):
            f.write('  - { id: %s, name: "%s", name-en: "Synthetic body %d", province: "%s", kind: %s }\n' % (bid, name, i + 1, province, kind))
    for i, (bid, name, kind, province, size) in enumerate(all_bodies):
        folder = os.path.join(out, bid)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "facts.yaml"), "w") as f:
            f.write("# SYNTHETIC benchmark data.\nbody: %s\nsources:\n  gd: { title: \"Số liệu giả định\", publisher: \"chitieu\" }\n"
                    "outcomes-csv: facts.csv\n" % bid)
        with open(os.path.join(folder, "facts.csv"), "w") as f:
            f.write("indicator,period,value,numerator,denominator,source,quote\n")
            for y in years:
                members = size + (y - 2011) * (size // 50) + (i * 7 + y) % 13
                for k, ind in enumerate(COUNTS):
                    if ind == "dang-vien":
                        v, period = members, "%d-12-31" % y
                    elif ind == "to-chuc-co-so-dang":
                        v, period = members // 60 + (i + k) % 5, "%d-12-31" % y
                    else:
                        v, period = (members * (k + 3)) // 400 + (i * 11 + k * 5 + y) % 17, str(y)
                    f.write('%s,%s,%s,,,gd,"năm %d: %s"\n' % (ind, period, vn(v), y, vn(v)))
                for k, ind in enumerate([] if small else SHARES):
                    n = members * (60 + (i * 3 + k * 7 + y) % 35) // 100
                    f.write('%s,%d,,%s,%s,gd,"%s/%s"\n' % (ind, y, vn(n), vn(members), vn(n), vn(members)))


if __name__ == "__main__":
    main()
