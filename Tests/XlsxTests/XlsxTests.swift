import Foundation
import XCTest
import Xlsx
import ZIPFoundation

final class XlsxTests: XCTestCase {
    func testCellNames() {
        XCTAssertEqual(Worksheet.cellName(row: 0, column: 0), "A1")
        XCTAssertEqual(Worksheet.cellName(row: 4, column: 25), "Z5")
        XCTAssertEqual(Worksheet.cellName(row: 4, column: 26), "AA5")
        XCTAssertEqual(Worksheet.cellName(row: 9, column: 701, absolute: true), "$ZZ$10")
        XCTAssertEqual(Worksheet.reference(sheet: "Theo năm", firstRow: 4, firstColumn: 4, lastRow: 8, lastColumn: 4), "'Theo năm'!$E$5:$E$9")
    }

    func testSheetNamesAreSanitised() {
        XCTAssertEqual(Workbook.sanitizedSheetName("Tổng hợp", taken: []), "Tổng hợp")
        XCTAssertEqual(Workbook.sanitizedSheetName("a/b:c*d?e[f]g\\h", taken: []), "a-b-c-d-e-f-g-h")
        let long = String(repeating: "Đ", count: 40)
        XCTAssertEqual(Workbook.sanitizedSheetName(long, taken: []).count, 31, "31 characters, not bytes")
        XCTAssertEqual(Workbook.sanitizedSheetName("Nguồn", taken: ["nguồn"]), "Nguồn (2)")
        XCTAssertEqual(Workbook.sanitizedSheetName(long, taken: [String(repeating: "Đ", count: 31)]), String(repeating: "Đ", count: 27) + " (2)")
        XCTAssertEqual(Workbook.sanitizedSheetName("'quoted'", taken: []), "quoted")
        XCTAssertEqual(Workbook.sanitizedSheetName("", taken: []), "Sheet")
    }

    private func scratch() -> String { NSTemporaryDirectory() + "xlsx-" + UUID().uuidString + ".xlsx" }

    func testLimitsGiveClearErrorsNotCorruptFiles() throws {
        let path = scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let wb = try Workbook(path: path)
        let ws = try wb.addWorksheet("A")
        XCTAssertThrowsError(try ws.write(.string(String(repeating: "x", count: 32_768)), row: 0, column: 0)) { e in
            XCTAssertTrue("\(e)".contains("32768 characters"), "\(e)")
        }
        XCTAssertThrowsError(try ws.write(.number(1), row: 1_048_576, column: 0)) { e in
            XCTAssertTrue("\(e)".contains("beyond Excel's 1048576 rows"), "\(e)")
        }
        XCTAssertThrowsError(try wb.addWorksheet("bad/name"))
        try ws.write(.string(String(repeating: "x", count: 32_767)), row: 0, column: 0)
        try wb.close()
        XCTAssertThrowsError(try wb.close(), "closing twice is an error, not a crash")
    }

    func testCloseIntoAMissingFolderThrows() throws {
        let wb = try Workbook(path: "/nonexistent-folder-\(UUID().uuidString)/x.xlsx")
        _ = try wb.addWorksheet("A")
        XCTAssertThrowsError(try wb.close()) { e in
            XCTAssertTrue("\(e)".contains("workbook_close"), "\(e)")
        }
    }

    func testFixedCreationTimeGivesIdenticalBytes() throws {
        func make() throws -> Data {
            let path = scratch()
            defer { try? FileManager.default.removeItem(atPath: path) }
            let wb = try Workbook(path: path)
            try wb.setProperties(DocumentProperties(title: "Tiêu đề", subject: "s", author: "a", keywords: "k", created: 1_595_289_600))
            let ws = try wb.addWorksheet("Tổng hợp")
            try ws.write(.formula("=1+1", cached: 2), row: 0, column: 0, style: CellStyle(bold: true))
            try wb.close()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let a = try make()
        Thread.sleep(forTimeInterval: 1.1)
        let b = try make()
        XCTAssertEqual(a, b)
        let archive = try Archive(data: a, accessMode: .read)
        var core = Data()
        _ = try archive.extract(try XCTUnwrap(archive["docProps/core.xml"])) { core.append($0) }
        let xml = String(decoding: core, as: UTF8.self)
        XCTAssertTrue(xml.contains("<dc:title>Tiêu đề</dc:title>"), xml)
        XCTAssertTrue(xml.contains("2020-07-21T00:00:00Z"), xml)
    }

    /// Text from sources that starts like a formula is a string cell, never a formula (OWASP's
    /// CSV-injection rule applies to workbooks too): no `<f>` element, the text in the shared strings.
    func testTextThatLooksLikeAFormulaStaysText() throws {
        let path = scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let wb = try Workbook(path: path)
        let ws = try wb.addWorksheet("A")
        let texts = ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+1", "-2+3", "@SUM(A1)", "= 0"]
        for (row, text) in texts.enumerated() { try ws.write(.string(text), row: row, column: 0) }
        try wb.close()
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try XCTUnwrap(archive[name])) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let sheet = try part("xl/worksheets/sheet1.xml")
        XCTAssertFalse(sheet.contains("<f>"), sheet)
        XCTAssertEqual(sheet.components(separatedBy: "t=\"s\"").count - 1, texts.count, sheet)
        let strings = try part("xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("<t>=HYPERLINK(&quot;http://x&quot;,&quot;bấm&quot;)</t>") || strings.contains("<t>=HYPERLINK(\"http://x\",\"bấm\")</t>"), strings)
        XCTAssertTrue(strings.contains("<t>@SUM(A1)</t>"), strings)
    }

    func testDataValidationIsWrittenAndRefusedBeyondExcelsLimits() throws {
        let path = scratch()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let wb = try Workbook(path: path)
        let ws = try wb.addWorksheet("A")
        let words = { (k: DataValidation.Kind) in
            DataValidation(k, inputTitle: "Nhập số", inputMessage: "Gõ 92% hoặc 0,92", errorTitle: "Sai", errorMessage: "Không phải số", errorStyle: .warning)
        }
        try ws.validate(row: 0, column: 0, words(.whole(atLeast: 0)))
        try ws.validate(row: 1, column: 0, words(.decimal(0...1)))
        try ws.validate(row: 2, column: 0, words(.list(["tốt", "khá"])))
        XCTAssertThrowsError(try ws.validate(row: 3, column: 0, words(.list(["a,b"])))) { e in
            XCTAssertTrue("\(e)".contains("comma"), "\(e)")
        }
        XCTAssertThrowsError(try ws.validate(row: 3, column: 0, words(.list([String(repeating: "x", count: 300)])))) { e in
            XCTAssertTrue("\(e)".contains("255"), "\(e)")
        }
        XCTAssertThrowsError(try ws.validate(row: 3, column: 0, DataValidation(.whole(atLeast: 0), inputTitle: String(repeating: "Đ", count: 33), inputMessage: "", errorTitle: "", errorMessage: ""))) { e in
            XCTAssertTrue("\(e)".contains("32"), "\(e)")
        }
        XCTAssertThrowsError(try ws.validate(row: 1_048_576, column: 0, words(.whole(atLeast: 0))))
        try wb.close()
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let entry = try XCTUnwrap(archive["xl/worksheets/sheet1.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        let xml = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(xml.contains("<dataValidations count=\"3\">"), xml)
        XCTAssertTrue(xml.contains("<dataValidation type=\"whole\" operator=\"greaterThanOrEqual\" errorStyle=\"warning\""), xml)
        XCTAssertTrue(xml.contains("sqref=\"A1\"><formula1>0</formula1></dataValidation>"), xml)
        XCTAssertTrue(xml.contains("sqref=\"A2\"><formula1>0</formula1><formula2>1</formula2></dataValidation>"), xml)
        XCTAssertTrue(xml.contains("sqref=\"A3\"><formula1>\"tốt,khá\"</formula1></dataValidation>"), xml)
        XCTAssertTrue(xml.contains("promptTitle=\"Nhập số\" prompt=\"Gõ 92% hoặc 0,92\""), xml)
        XCTAssertTrue(xml.contains("errorTitle=\"Sai\" error=\"Không phải số\""), xml)
    }
}
