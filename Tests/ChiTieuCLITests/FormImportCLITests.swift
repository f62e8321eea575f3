import Foundation
import XCTest

/// The round trip a bloc's office runs: `chitieu form`, the form filled in by a script standing
/// in for the unit (openpyxl), `chitieu import`, then `chitieu report` shows the figures.
extension CLITests {
    static let term2015 = "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"

    /// A copy of the built-in data in the scratch folder.
    func dataCopy() throws -> URL {
        let target = scratch.appendingPathComponent("Targets")
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Targets"), to: target)
        return target
    }

    /// Fills `form` into `out` with openpyxl: `cells` maps "target-id/part-index/year-column" to a
    /// value, found by the target's id in column B (the part index counts the target's rows from 0).
    func fill(_ form: URL, _ out: URL, _ script: String) throws {
        let (status, _) = try shell("python3", ["-c", "import openpyxl"])
        if status != 0 {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" { XCTFail("openpyxl is missing; `make deps-test` installs it") }
            throw XCTSkip("openpyxl is not installed; run `make deps-test`")
        }
        let program = """
        import sys, datetime, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb['Biểu mẫu']
        def row(target, part=0):
            rows = [r for r in range(10, ws.max_row + 1) if ws.cell(r, 2).value == target]
            return rows[part]
        \(script)
        wb.save(sys.argv[2])
        """
        let (s, output) = try shell("python3", ["-c", program, form.path, out.path])
        XCTAssertEqual(s, 0, output)
    }

    func shell(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testFormFillImportReport() throws {
        _ = try dataCopy()
        let form = scratch.appendingPathComponent("form.xlsx")
        let made = try run(["form", Self.term2015, "-o", form.path], in: scratch)
        XCTAssertEqual(made.status, 0, made.stderr)
        let filled = scratch.appendingPathComponent("filled.xlsx")
        // Column E is 2016, F 2017; J the source document, K its date, L a note.
        try fill(form, filled, """
        ws.cell(row('yeu-kem'), 5).value = 0
        ws.cell(row('yeu-kem'), 6).value = '1'
        ws.cell(row('dang-vien-htt', 0), 5).value = '3.950'
        ws.cell(row('dang-vien-htt', 1), 5).value = 4294
        ws.cell(row('dang-vien-htt', 0), 10).value = 'Báo cáo 125-BC/ĐU'
        ws.cell(row('dang-vien-htt', 0), 11).value = datetime.date(2016, 12, 20)
        ws.cell(row('yeu-kem'), 12).value = 'số của Ban Tổ chức'
        """)
        let termFile = scratch.appendingPathComponent(Self.term2015)
        let before = try String(contentsOf: termFile, encoding: .utf8)
        let imported = try run(["import", filled.path], in: scratch)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("đã nhập 3 số liệu từ 1 biểu mẫu"), imported.stderr)
        let after = try String(contentsOf: termFile, encoding: .utf8)
        XCTAssertTrue(after.hasPrefix(before.components(separatedBy: "\nsources:\n")[0]), "the file's head is kept as written")
        XCTAssertTrue(after.contains(#"target: yeu-kem, period: 2016, value: "0""#), after)
        XCTAssertTrue(after.contains(#"target: yeu-kem, period: 2017, value: "1""#), after)
        XCTAssertTrue(after.contains(#"target: dang-vien-htt, period: 2016, numerator: "3.950", denominator: "4.294""#), after)
        XCTAssertTrue(after.contains(#"cell: "filled.xlsx:Biểu mẫu!E"#), after)
        XCTAssertTrue(after.contains(#"{ title: "Báo cáo 125-BC/ĐU", publisher: "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn", date: 2016-12-20 }"#), after)
        XCTAssertTrue(after.contains(#"note: "số của Ban Tổ chức""#), after)

        // The same form again changes nothing.
        let again = try run(["import", filled.path], in: scratch)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("đã nhập 0 số liệu"), again.stderr)
        XCTAssertEqual(try String(contentsOf: termFile, encoding: .utf8), after)

        let report = try run(["report", Self.term2015, "--as-of", "2020", "-o", "-"], in: scratch)
        XCTAssertEqual(report.status, 0, report.stderr)
        // 3.950 / 4.294 = 91,99 % → 92,0 %.
        XCTAssertTrue(report.stdout.contains("92,0"), report.stdout)
        XCTAssertTrue(report.stdout.contains("ô filled.xlsx:Biểu mẫu!E"), report.stdout)
    }

    func testBadFormsWriteNothing() throws {
        _ = try dataCopy()
        let form = scratch.appendingPathComponent("form.xlsx")
        XCTAssertEqual(try run(["form", Self.term2015, "-o", form.path], in: scratch).status, 0)
        let bad = scratch.appendingPathComponent("bad.xlsx")
        try fill(form, bad, """
        ws.cell(row('ket-nap'), 5).value = '7.5000'
        ws.cell(row('dang-vien-htt', 0), 6).value = 50
        ws.cell(row('yeu-kem'), 7).value = '=1/0'
        """)
        let good = scratch.appendingPathComponent("good.xlsx")
        try fill(form, good, "ws.cell(row('yeu-kem'), 5).value = 0")
        let edited = scratch.appendingPathComponent("edited.xlsx")
        try fill(form, edited, "wb['_chitieu']['B2'] = 'quang-ninh/khoi-cac-co-quan'")
        let termFile = scratch.appendingPathComponent(Self.term2015)
        let before = try String(contentsOf: termFile, encoding: .utf8)

        let refused = try run(["import", bad.path, good.path, edited.path], in: scratch)
        XCTAssertEqual(refused.status, 1)
        let ketNapRow = try XCTUnwrap(refused.stderr.components(separatedBy: "bad.xlsx:Biểu mẫu!E").dropFirst().first?.prefix { $0.isNumber })
        XCTAssertTrue(refused.stderr.contains("bad.xlsx:Biểu mẫu!E\(ketNapRow): error: \"7.5000\""), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("có số đạt (tử số) nhưng thiếu tổng số"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("ô có công thức =1/0 chưa được tính"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("edited.xlsx:_chitieu: error: thông tin nhận dạng của biểu mẫu đã bị sửa"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("không ghi gì: 2/3 biểu mẫu có lỗi"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: termFile, encoding: .utf8), before, "nothing is written while a form has errors")

        let partial = try run(["import", "--partial", bad.path, good.path], in: scratch)
        XCTAssertEqual(partial.status, 1)
        XCTAssertTrue(partial.stderr.contains("đã nhập 1 số liệu từ 1 biểu mẫu"), partial.stderr)
        XCTAssertTrue(partial.stderr.contains("1 biểu mẫu chưa nhập vì có lỗi: \(bad.path)"), partial.stderr)
        XCTAssertTrue(try String(contentsOf: termFile, encoding: .utf8).contains(#"target: yeu-kem, period: 2016, value: "0""#))
    }

    func testFormOfATermNotInTheData() throws {
        let data = try dataCopy()
        let form = scratch.appendingPathComponent("form.xlsx")
        XCTAssertEqual(try run(["form", Self.term2015, "-o", form.path], in: scratch).status, 0)
        try FileManager.default.removeItem(at: data.appendingPathComponent("lang-son/khoi-cac-co-quan/2015-2020.yaml"))
        let r = try run(["import", form.path], in: scratch)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("biểu mẫu của lang-son/khoi-cac-co-quan nhiệm kỳ 2015-2020, nhưng dữ liệu không có tệp nhiệm kỳ này"), r.stderr)
    }
}

extension CLITests {
    /// A bloc with three grassroots units: forms for each, two sent back, imported and added up.
    func testFormsForEachUnitImportedAndConsolidated() throws {
        let data = try dataCopy()
        let bodies = data.appendingPathComponent("bodies.yaml")
        var text = try String(contentsOf: bodies, encoding: .utf8)
        for (id, name) in [("cs-1", "Đảng bộ Sở Tài chính"), ("cs-2", "Đảng bộ Sở Y tế"), ("cs-3", "Chi bộ Sở Tư pháp")] {
            text += "  - { id: lang-son/\(id), name: \"\(name)\", name-en: \"\(id)\", province: \"Lạng Sơn\", kind: grassroots, parent: lang-son/khoi-cac-co-quan }\n"
        }
        try text.write(to: bodies, atomically: true, encoding: .utf8)
        let forms = scratch.appendingPathComponent("forms")
        let made = try run(["form", Self.term2015, "--for-each", "grassroots", "--output-dir", forms.path], in: scratch)
        XCTAssertEqual(made.status, 0, made.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: forms.path).sorted()
        XCTAssertEqual(names, ["bieu-mau-lang-son-khoi-cac-co-quan-2015-2020--lang-son-cs-1.xlsx", "bieu-mau-lang-son-khoi-cac-co-quan-2015-2020--lang-son-cs-2.xlsx", "bieu-mau-lang-son-khoi-cac-co-quan-2015-2020--lang-son-cs-3.xlsx"])
        let one = scratch.appendingPathComponent("cs-1.xlsx"), two = scratch.appendingPathComponent("cs-2.xlsx")
        try fill(forms.appendingPathComponent(names[0]), one, "ws.cell(row('ket-nap'), 5).value = 12\nws.cell(row('dang-vien-htt', 0), 5).value = 50\nws.cell(row('dang-vien-htt', 1), 5).value = 55")
        try fill(forms.appendingPathComponent(names[1]), two, "ws.cell(row('ket-nap'), 5).value = '8'\nws.cell(row('dang-vien-htt', 0), 5).value = '90'\nws.cell(row('dang-vien-htt', 1), 5).value = '100'")
        let r = try run(["import", "--consolidate", one.path, two.path], in: scratch)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: data.appendingPathComponent("lang-son/cs-1/facts.yaml").path))
        // 12 + 8 = 20; (50 + 90) / (55 + 100) = 140/155 = 90,32… → 90,3 %.
        XCTAssertTrue(r.stdout.contains("ket-nap: ") && r.stdout.contains("  Năm 2016: 20 — CHỈ LÀ TỔNG CỦA 2/3 CƠ SỞ"), r.stdout)
        XCTAssertTrue(r.stdout.contains("1/3 cơ sở chưa gửi số liệu: Chi bộ Sở Tư pháp"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  Năm 2016: 140/155 = 90,3%"), r.stdout)
        let c = try run(["consolidate", Self.term2015], in: scratch)
        XCTAssertEqual(c.status, 0, c.stderr)
        XCTAssertTrue(c.stdout.contains("3 cơ sở trực thuộc"), c.stdout)
    }
}

extension CLITests {
    /// A form saved by LibreOffice (its own writer: shared strings, styles, cached results it
    /// computed) reads back; a formula LibreOffice evaluated to #DIV/0! is refused at its cell.
    func testAFormSavedByLibreOffice() throws {
        let found = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: $0 + "/soffice") }
        if !found {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" { XCTFail("soffice is missing; `make deps-test` installs it") }
            throw XCTSkip("LibreOffice is not installed")
        }
        _ = try dataCopy()
        let form = scratch.appendingPathComponent("form.xlsx")
        XCTAssertEqual(try run(["form", Self.term2015, "-o", form.path], in: scratch).status, 0)
        let typed = scratch.appendingPathComponent("typed.xlsx"), broken = scratch.appendingPathComponent("broken.xlsx")
        try fill(form, typed, "ws.cell(row('yeu-kem'), 5).value = 0\nws.cell(row('dang-vien-htt', 0), 5).value = '3.950'\nws.cell(row('dang-vien-htt', 1), 5).value = 4294")
        try fill(typed, broken, "ws.cell(row('yeu-kem'), 6).value = '=1/0'")
        let out = scratch.appendingPathComponent("lo")
        for file in [typed, broken] {
            let (status, log) = try shell("soffice", ["-env:UserInstallation=file://" + scratch.path + "/profile", "--headless", "--convert-to", "xlsx", "--outdir", out.path, file.path])
            XCTAssertEqual(status, 0, log)
        }
        let refused = try run(["import", out.appendingPathComponent("broken.xlsx").path], in: scratch)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("broken.xlsx:Biểu mẫu!F"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("trả về lỗi #DIV/0!"), refused.stderr)
        let imported = try run(["import", out.appendingPathComponent("typed.xlsx").path], in: scratch)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("đã nhập 2 số liệu từ 1 biểu mẫu"), imported.stderr)
        let text = try String(contentsOf: scratch.appendingPathComponent(Self.term2015), encoding: .utf8)
        XCTAssertTrue(text.contains(#"target: dang-vien-htt, period: 2016, numerator: "3.950", denominator: "4.294""#), text)
    }
}

extension CLITests {
    /// The sheet saved as CSV the way a Vietnamese-locale Excel saves it: semicolons, decimal
    /// commas, figures as shown ("3.950"), UTF-8 with a byte-order mark; the same in Windows-1258
    /// is refused by name.
    func testAFormExportedAsVietnameseCSV() throws {
        _ = try dataCopy()
        let form = scratch.appendingPathComponent("form.xlsx")
        XCTAssertEqual(try run(["form", Self.term2015, "-o", form.path], in: scratch).status, 0)
        let csv = scratch.appendingPathComponent("so-lieu.csv"), legacy = scratch.appendingPathComponent("ansi.csv")
        let export = """
        import csv, io, unicodedata
        def win(s):
            # Windows-1258 writes a tone as a combining byte after the letter (ể = ê + hook).
            out = ''
            for ch in s:
                d = unicodedata.normalize('NFD', ch)
                out += unicodedata.normalize('NFC', d[:-1]) + d[-1] if len(d) > 1 and d[-1] in '\\u0300\\u0301\\u0303\\u0309\\u0323' else ch
            return out
        ws.cell(row('yeu-kem'), 5).value = '0'
        ws.cell(row('dang-vien-htt', 0), 5).value = '3.950'
        ws.cell(row('dang-vien-htt', 1), 5).value = '4.294'
        ws.cell(row('dang-vien-htt', 0), 11).value = '20/12/2016'
        buffer = io.StringIO()
        w = csv.writer(buffer, delimiter=';', lineterminator='\\r\\n')
        for r in ws.iter_rows(values_only=True):
            w.writerow(['' if v is None else v for v in r])
        open('\(csv.path)', 'w', encoding='utf-8-sig', newline='').write(buffer.getvalue())
        open('\(legacy.path)', 'wb').write(win(buffer.getvalue()).encode('cp1258', errors='replace'))
        """
        try fill(form, scratch.appendingPathComponent("unused.xlsx"), export)
        let r = try run(["import", csv.path], in: scratch)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("đã nhập 2 số liệu từ 1 biểu mẫu"), r.stderr)
        let text = try String(contentsOf: scratch.appendingPathComponent(Self.term2015), encoding: .utf8)
        XCTAssertTrue(text.contains(#"numerator: "3.950", denominator: "4.294""#), text)
        XCTAssertTrue(text.contains(#"cell: "so-lieu.csv:E"#), text)
        XCTAssertTrue(text.contains("date: 2016-12-20"), text)
        let refused = try run(["import", legacy.path], in: scratch)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("ansi.csv: error: tệp CSV không đọc được"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("Windows-1258"), refused.stderr)
    }
}
