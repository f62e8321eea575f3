"""SYNTHETIC data for the forms benchmark: a bloc with 70 grassroots units (bodies.yaml,
parent: the bloc) and one term file of 10 targets (6 counts, 4 shares) over 5 reporting years.

    python3 Benchmarks/forms_generate.py DATA_DIR [UNITS=70]
"""
import os
import shutil
import sys

out = sys.argv[1]
units = int(sys.argv[2]) if len(sys.argv) > 2 else 70
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(out, "bench/khoi"), exist_ok=True)
shutil.copy(os.path.join(here, "..", "Targets", "indicators.yaml"), os.path.join(out, "indicators.yaml"))
with open(os.path.join(out, "bodies.yaml"), "w", encoding="utf-8") as f:
    f.write("bodies:\n")
    f.write('  - { id: bench/khoi, name: "Đảng bộ Khối thử nghiệm", name-en: "Benchmark bloc", province: "Tỉnh Mẫu", kind: bloc }\n')
    for i in range(1, units + 1):
        f.write(f'  - {{ id: bench/co-so-{i:03d}, name: "Đảng bộ cơ sở số {i}", name-en: "Unit {i}", province: "Tỉnh Mẫu", kind: grassroots, parent: bench/khoi }}\n')
targets = [
    ("ket-nap", "ket-nap-dang-vien", ">= 2"),
    ("kiem-tra", "kiem-tra-to-chuc", ">= 1"),
    ("giam-sat", "giam-sat-chuyen-de", ">= 1"),
    ("yeu-kem", "co-so-yeu-kem", "= 0"),
    ("van-ban", "van-ban-ban-hanh", ">= 10"),
    ("quyet-dinh", "quyet-dinh-dang-vien", ">= 5"),
    ("dang-vien-htt", "dang-vien-htt", ">= 90%"),
    ("quan-triet", "quan-triet-dang-vien", ">= 95%"),
    ("tien-phong", "dang-vien-tien-phong", ">= 20%"),
    ("kiem-tra-dv", "dang-vien-duoc-kiem-tra", ">= 10%"),
]
with open(os.path.join(out, "bench/khoi/2020-2025.yaml"), "w", encoding="utf-8") as f:
    f.write("body: bench/khoi\nterm: { congress: XIV, years: 2020-2025 }\nsources:\n")
    f.write('  nq: { title: "Nghị quyết Đại hội (tổng hợp)", publisher: "Đảng ủy Khối" }\ntargets:\n')
    for tid, ind, rule in targets:
        f.write(f'  - {{ id: {tid}, text: "chỉ tiêu {tid}", source: nq, indicator: {ind}, rule: "{rule}", period: each-year }}\n')
