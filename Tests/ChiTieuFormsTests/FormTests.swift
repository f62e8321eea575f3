import ChiTieuCore
@testable import ChiTieuForms
import Foundation
import XCTest
import XlsxRead

final class FormWriterTests: XCTestCase {
    var fixture: FormFixture!
    override func setUpWithError() throws { fixture = try FormFixture() }
    override func tearDown() { fixture.remove() }

    func testLayoutIdentityAndProtection() throws {
        let path = try fixture.form()
        let file = try XlsxFile(path: path)
        XCTAssertEqual(file.sheets.map(\.name), ["Biểu mẫu", "_chitieu"])
        XCTAssertEqual(file.sheets.last?.state, "hidden")
        XCTAssertEqual(file.definedNames.first { $0.name == "chitieu_body" }?.formula, "\"test/khoi\"")
        let sheet = try file.sheet(named: "Biểu mẫu")
        XCTAssertTrue(sheet.isProtected)
        func text(_ r: Int, _ c: Int) -> String? {
            if case let .text(s)? = sheet[CellReference(row: r, column: c)]?.content { return s }
            return nil
        }
        // Header on row 9: four label columns, the years 2016–2020, then source, date, note.
        XCTAssertEqual(text(9, 5), "Năm 2016")
        XCTAssertEqual(text(9, 9), "Năm 2020")
        XCTAssertEqual(text(9, 10), "Văn bản nguồn (số, tên văn bản)")
        XCTAssertEqual(text(9, 12), "Ghi chú")
        // Rows: ket-nap, htt and tsvm as numerator and denominator, xep-loai, nam-2018.
        XCTAssertEqual((10...16).map { text($0, 2) }, ["ket-nap", "htt", "htt", "tsvm", "tsvm", "xep-loai", "nam-2018"])
        XCTAssertEqual(text(11, 4), "Số đạt (tử số): Đảng viên hoàn thành tốt nhiệm vụ")
        XCTAssertEqual(text(12, 4), "Tổng số (mẫu số): đảng viên")
        XCTAssertNil(sheet[CellReference(row: 10, column: 5)], "an input cell is empty: no figure yet")
        // The identity in one visible line, for a CSV export of this sheet alone.
        let line = try XCTUnwrap(text(8, 1))
        let parsed = try XCTUnwrap(FormIdentity.parseLine(line))
        XCTAssertEqual([parsed.version, parsed.body, parsed.term], ["1", "test/khoi", "2015-2020"])
        XCTAssertNil(parsed.unit)
        XCTAssertNil(parsed.year)

        let id = try file.sheet(named: "_chitieu")
        var lines: [[String]] = []
        for r in 1...30 {
            let line = (1...12).compactMap { c -> String? in
                if case let .text(s)? = id[CellReference(row: r, column: c)]?.content { return s }
                return nil
            }
            if !line.isEmpty { lines.append(line) }
        }
        guard case let .success(identity) = FormIdentity.parse(lines) else { return XCTFail("identity not read: \(lines)") }
        XCTAssertEqual(identity.bodyID, "test/khoi")
        XCTAssertEqual(identity.term, "2015-2020")
        XCTAssertEqual(identity.years, [2016, 2017, 2018, 2019, 2020])
        XCTAssertEqual(identity.rows.map(\.part), [.value, .numerator, .denominator, .numerator, .denominator, .rating, .value])
        XCTAssertEqual(identity.rows.last?.years, [2018])
        // An edited identity fails its check.
        var edited = lines
        edited[1][1] = "test/khac"
        guard case .failure(.edited) = FormIdentity.parse(edited) else { return XCTFail("an edited identity was accepted") }
    }

    func testEveryInputCellIsValidated() throws {
        let path = try fixture.form()
        let xml = try String(decoding: readPart(path, "xl/worksheets/sheet1.xml"), as: UTF8.self)
        // By hand: 5 year cells on each of the six every-year rows, 1 for nam-2018, and source,
        // date and note on each of the 7 rows: 31 + 21 = 52.
        XCTAssertEqual(xml.components(separatedBy: "<dataValidation ").count - 1, 52)
        XCTAssertTrue(xml.contains("type=\"list\""))
        XCTAssertTrue(xml.contains("Hoàn thành xuất sắc nhiệm vụ,Hoàn thành tốt nhiệm vụ,Hoàn thành nhiệm vụ"))
        XCTAssertTrue(xml.contains("type=\"date\""))
        XCTAssertTrue(xml.contains("<sheetProtection"))
    }

    func testOneYearOnly() throws {
        let ledger = try fixture.ledger()
        let record = try XCTUnwrap(ledger.records.first { $0.term != nil })
        let plan = try XCTUnwrap(FormPlan(record: record, ledger: ledger, year: 2018))
        XCTAssertEqual(plan.years, [2018])
        XCTAssertEqual(plan.entries.map(\.row.years), Array(repeating: [2018], count: 7))
        XCTAssertEqual(FormNames.fileName(plan), "bieu-mau-test-khoi-2015-2020-nam-2018.xlsx")
        XCTAssertNil(FormPlan(record: record, ledger: ledger, year: 2015), "2015 is the congress's year, not a reporting year")
        let path = fixture.root + "/y.xlsx"
        try FormWriter.write(plan, to: path)
        let sheet = try XlsxFile(path: path).sheet(named: "Biểu mẫu")
        XCTAssertEqual(sheet[CellReference(row: 9, column: 5)]?.content, .text("Năm 2018"))
        XCTAssertEqual(sheet[CellReference(row: 9, column: 6)]?.content, .text("Văn bản nguồn (số, tên văn bản)"))
    }

    func testOneFormPerUnit() throws {
        let a = try fixture.form(unit: "test/co-so-a", at: "a.xlsx")
        let file = try XlsxFile(path: a)
        XCTAssertEqual(file.definedNames.first { $0.name == "chitieu_unit" }?.formula, "\"test/co-so-a\"")
        let ledger = try fixture.ledger()
        let units = ledger.bodies.values.filter { $0.parent == "test/khoi" }.map(\.id).sorted()
        XCTAssertEqual(units, ["test/co-so-a", "test/co-so-b"])
    }

    func readPart(_ path: String, _ name: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import zipfile,sys; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))", path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
