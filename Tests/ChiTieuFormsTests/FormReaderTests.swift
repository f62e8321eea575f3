import ChiTieuCore
@testable import ChiTieuForms
import ChiTieuLoad
import Foundation
import XCTest
import XlsxRead

final class FormReaderTests: XCTestCase {
    var fixture: FormFixture!
    override func setUpWithError() throws { fixture = try FormFixture() }
    override func tearDown() { fixture.remove() }

    func testEveryKindOfFigure() throws {
        let form = try fixture.form()
        // Columns: E 2016 … I 2020, J source, K date, L note.
        let filled = try fixture.fill(form, "filled.xlsx", """
        ws['F10'] = 1234
        ws['G10'] = '1.234'
        ws['E11'] = '41'; ws['E12'] = '45'
        ws['E13'] = 62; ws['E14'] = 69
        ws['E15'] = 'Hoàn thành tốt nhiệm vụ'
        ws['F15'] = 'hoàn thành xuất sắc nhiệm vụ'
        ws['G16'] = '  '
        ws['J11'] = 'Báo cáo 01'; ws['K11'] = '20/12/2016'
        """)
        let reading = FormReader.read(filled, ledger: try fixture.ledger())
        XCTAssertEqual(reading.errors, [])
        let got = reading.figures.map { "\($0.targetID) \($0.year) \($0.value) \($0.cell.split(separator: "!").last ?? "")" }
        XCTAssertEqual(got, [
            "ket-nap 2017 number(1234) F10",
            "ket-nap 2018 number(1234) G10",
            "htt 2016 share(41, 45) E11:E12",
            "tsvm 2016 share(62, 69) E13:E14",
            "xep-loai 2016 rating(\"tot\") E15",
            "xep-loai 2017 rating(\"xuat-sac\") F15",
        ])
        XCTAssertEqual(reading.figures[2].document, "Báo cáo 01")
        XCTAssertEqual(reading.figures[2].documentDate, CalendarDate(year: 2016, month: 12, day: 20))
        XCTAssertTrue(reading.figures[0].cell.hasPrefix("filled.xlsx:Biểu mẫu!"))
    }

    func testMistakesAreNamedAtTheirCells() throws {
        let form = try fixture.form()
        let filled = try fixture.fill(form, "bad.xlsx", """
        ws['E10'] = '257,8'
        ws['F10'] = -3
        ws['E11'] = 50; ws['E12'] = 45
        ws['E15'] = 'Tốt'
        ws['E16'] = 5
        ws['K10'] = 'hôm qua'
        ws['N30'] = 7
        """)
        let reading = FormReader.read(filled, ledger: try fixture.ledger())
        let places = reading.errors.map { $0.place ?? "" }
        XCTAssertEqual(places, ["Biểu mẫu!K10", "Biểu mẫu!E10", "Biểu mẫu!F10", "Biểu mẫu!E11", "Biểu mẫu!E15", "Biểu mẫu!E16", "Biểu mẫu!N30"], "\(reading.errors)")
        XCTAssertTrue(reading.errors[1].message.contains("257,8 không phải số nguyên"), reading.errors[1].message)
        XCTAssertTrue(reading.errors[3].message.contains("số đạt 50 lớn hơn tổng số 45"), reading.errors[3].message)
        XCTAssertTrue(reading.errors[4].message.contains("\"Tốt\" không phải mức xếp loại"), reading.errors[4].message)
        XCTAssertTrue(reading.errors[5].message.contains("ô màu xám"), reading.errors[5].message)
        XCTAssertTrue(reading.figures.isEmpty)
    }

    func testHostileWorkbooks() throws {
        let form = try fixture.form()
        let merged = try fixture.fill(form, "merged.xlsx", "ws.protection.sheet = False\nws.merge_cells('E10:F10')\nws['E10'] = 5")
        let r1 = FormReader.read(merged, ledger: try fixture.ledger())
        XCTAssertTrue(r1.errors.contains { $0.place == "Biểu mẫu!E10" && $0.message.contains("bị gộp") }, "\(r1.errors)")
        let extra = try fixture.fill(form, "extra.xlsx", "wb.create_sheet('Nháp')['A1'] = 3")
        let r2 = FormReader.read(extra, ledger: try fixture.ledger())
        XCTAssertEqual(r2.errors.first?.place, "Nháp")
        let moved = try fixture.fill(form, "moved.xlsx", "ws.protection.sheet = False\nws.insert_rows(11)")
        let r3 = FormReader.read(moved, ledger: try fixture.ledger())
        XCTAssertTrue(r3.errors.contains { $0.place == "Biểu mẫu!B11" && $0.message.contains("hàng đã bị thêm") }, "\(r3.errors)")
        let older = try fixture.fill(form, "older.xlsx", "")
        // An older form version: rewrite the identity with version 0 and a matching checksum.
        let ledger = try fixture.ledger()
        var identity = try XCTUnwrap(FormReader.read(older, ledger: ledger).identity)
        identity.version = "0"
        let lines = identity.lines.map { "[" + $0.map { "'\($0)'" }.joined(separator: ",") + "]" }.joined(separator: ",")
        let old = try fixture.fill(form, "v0.xlsx", "s = wb['_chitieu']\nfor r in s.iter_rows():\n    for c in r: c.value = None\nfor i, line in enumerate([\(lines)]):\n    for j, v in enumerate(line): s.cell(i + 1, j + 1).value = v")
        let r4 = FormReader.read(old, ledger: ledger)
        XCTAssertTrue(r4.errors.first?.message.contains("biểu mẫu phiên bản 0") == true, "\(r4.errors)")
        let xls = fixture.root + "/cu.xlsx"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: xls))
        XCTAssertTrue(FormReader.read(xls, ledger: ledger).errors.first?.message.contains("Excel 97-2003 (.xls)") == true)
    }

    func testAUnitsFormBecomesItsFacts() throws {
        let form = try fixture.form(unit: "test/co-so-a", at: "a.xlsx")
        let filled = try fixture.fill(form, "a-filled.xlsx", "ws['E10'] = 7\nws['E11'] = 30; ws['E12'] = 31")
        let ledger = try fixture.ledger()
        let reading = FormReader.read(filled, ledger: ledger)
        XCTAssertEqual(reading.errors, [])
        let importer = FormImporter([reading], ledger: ledger)
        XCTAssertEqual(importer.added, 2)
        try importer.apply()
        let facts = try String(contentsOfFile: fixture.data + "/test/co-so-a/facts.yaml", encoding: .utf8)
        XCTAssertTrue(facts.hasPrefix("body: test/co-so-a\nsources:\n  bieu-mau-co-so-a-"), facts)
        XCTAssertTrue(facts.contains(#"- { indicator: ket-nap-dang-vien, period: 2016, value: "7", source: bieu-mau-co-so-a-"#), facts)
        XCTAssertTrue(facts.contains(#"- { indicator: dang-vien-htt, period: 2016, numerator: "30", denominator: "31""#), facts)
        // Loaded again, and imported a second time: nothing changes.
        let again = try fixture.ledger()
        let second = FormImporter([FormReader.read(filled, ledger: again)], ledger: again)
        XCTAssertEqual(second.added, 0)
        XCTAssertEqual(second.unchanged, 2)
        XCTAssertTrue(second.edits.isEmpty)
    }
}

final class FigureTextTests: XCTestCase {
    func testVietnameseText() {
        XCTAssertEqual(VietnameseText.format(1234), "1.234")
        XCTAssertEqual(VietnameseText.format(Decimal(string: "4418.5") ?? 0), "4.418,5")
        XCTAssertEqual(VietnameseText.format(Decimal(string: "-0.3") ?? 0), "-0,3")
        XCTAssertEqual(VietnameseText.format(1_234_567), "1.234.567")
        XCTAssertEqual(VietnameseText.format(0), "0")
    }
}

final class YAMLAppendTests: XCTestCase {
    func testBlocks() throws {
        let text = "body: x\nsources:\n  a: { title: \"A\" }\n\n# outcomes below\noutcomes:\n- { target: t, period: 2016 }\n# end\n"
        let out = try YAMLAppend.append(["- { target: t, period: 2017 }"], under: "outcomes", in: text)
        XCTAssertEqual(out, "body: x\nsources:\n  a: { title: \"A\" }\n\n# outcomes below\noutcomes:\n- { target: t, period: 2016 }\n- { target: t, period: 2017 }\n# end\n")
        let s = try YAMLAppend.append(["b: { title: \"B\" }"], under: "sources", in: out)
        XCTAssertTrue(s.contains("  a: { title: \"A\" }\n  b: { title: \"B\" }\n\n# outcomes below"), s)
        XCTAssertEqual(try YAMLAppend.append(["- x"], under: "facts", in: "body: y\nfacts: []\n"), "body: y\nfacts:\n  - x\n")
        XCTAssertEqual(try YAMLAppend.append(["- x"], under: "facts", in: "body: y"), "body: y\nfacts:\n  - x\n")
        XCTAssertThrowsError(try YAMLAppend.append(["- x"], under: "facts", in: "facts: [ { a: 1 } ]\n"))
        XCTAssertEqual(YAMLAppend.quoted("a \"b\" \\ c"), #""a \"b\" \\ c""#)
    }
}
