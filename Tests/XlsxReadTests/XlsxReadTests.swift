import Foundation
import Xlsx
import XCTest
@testable import XlsxRead

final class CellReferenceTests: XCTestCase {
    func testReferences() {
        XCTAssertEqual(CellReference("C7"), CellReference(row: 7, column: 3))
        XCTAssertEqual(CellReference("$AA$10"), CellReference(row: 10, column: 27))
        XCTAssertEqual(CellReference("xfd1048576"), CellReference(row: 1_048_576, column: 16_384))
        XCTAssertNil(CellReference("XFE1"))
        XCTAssertNil(CellReference("A0"))
        XCTAssertNil(CellReference("7C"))
        XCTAssertNil(CellReference("C7x"))
        XCTAssertEqual(CellReference(row: 7, column: 28).description, "AB7")
        XCTAssertEqual(CellRange("D3:B1")?.description, "B1:D3")
        XCTAssertEqual(CellRange("B1:D3")?.contains(CellReference(row: 2, column: 3)), true)
    }

    func testExactNumbers() {
        XCTAssertEqual(ExactNumber.parse("91.5"), Decimal(string: "91.5"))
        XCTAssertEqual(ExactNumber.parse("1.5E-3"), Decimal(sign: .plus, exponent: -4, significand: 15))
        XCTAssertEqual(ExactNumber.parse("-7E+2"), -700)
        XCTAssertEqual(ExactNumber.parse("0.1"), Decimal(sign: .plus, exponent: -1, significand: 1))
        // Exactly the digits written: 0.1 + 0.2 in a double would not be 0.3.
        XCTAssertEqual(ExactNumber.parse("0.30000000000000004"), Decimal(sign: .plus, exponent: -17, significand: Decimal(string: "30000000000000004") ?? 0))
        XCTAssertNil(ExactNumber.parse("1.234,5"))
        XCTAssertNil(ExactNumber.parse("NaN"))
        XCTAssertNil(ExactNumber.parse(""))
        XCTAssertNil(ExactNumber.parse("1e"))
    }

    func testDateSerials() {
        // Excel: 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01, 45366 = 2024-03-15.
        XCTAssertEqual(SpreadsheetDate(serial: 1, date1904: false)?.description, "1900-01-01")
        XCTAssertEqual(SpreadsheetDate(serial: 59, date1904: false)?.description, "1900-02-28")
        XCTAssertNil(SpreadsheetDate(serial: 60, date1904: false))
        XCTAssertEqual(SpreadsheetDate(serial: 61, date1904: false)?.description, "1900-03-01")
        XCTAssertEqual(SpreadsheetDate(serial: 45366, date1904: false)?.description, "2024-03-15")
        // The 1904 system is 1462 days behind: 43904 = 2024-03-15.
        XCTAssertEqual(SpreadsheetDate(serial: 0, date1904: true)?.description, "1904-01-01")
        XCTAssertEqual(SpreadsheetDate(serial: 43904, date1904: true)?.description, "2024-03-15")
        XCTAssertEqual(SpreadsheetDate(year: 2024, month: 3, day: 15).serial(date1904: false), 45366)
        XCTAssertEqual(SpreadsheetDate(year: 1900, month: 1, day: 1).serial(date1904: false), 1)
    }
}

final class HandWrittenPartsTests: XCTestCase {
    var dir = ""
    override func setUpWithError() throws { dir = try ReadFixture.scratch() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testEveryKindOfCell() throws {
        let path = dir + "/a.xlsx"
        let sst = """
        <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Kết nạp</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Đảng viên </t></r><r><t>mới &amp; cũ</t></r><rPh sb="0" eb="1"><t>フリ</t></rPh></si></sst>
        """
        let sheet = ReadFixture.sheetXML("""
        <row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2"><v>1234.5</v></c><c r="D2" t="inlineStr"><is><r><t>91,5</t></r><r><t>%</t></r></is></c></row>
        <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C3" s="1"><f>SUM(C2:C2)</f><v>1234.5</v></c><c r="D3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E3" s="2"/></row>
        <row><c><v>7</v></c><c t="d"><v>2024-03-15T00:00:00</v></c></row>
        """, extra: #"<sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>"#)
        try ReadFixture.workbook(sheet: sheet, sharedStrings: sst, at: path)
        let file = try XlsxFile(path: path)
        XCTAssertEqual(file.sheets.map(\.name), ["S"])
        let s = try file.sheet(named: "S")
        func at(_ r: String) -> Cell? { CellReference(r).flatMap { s[$0] } }
        XCTAssertEqual(at("A2")?.content, .text("Kết nạp"))
        XCTAssertEqual(at("B2")?.content, .text("Đảng viên mới & cũ"))
        XCTAssertEqual(at("C2")?.decimal, Decimal(string: "1234.5"))
        XCTAssertEqual(at("D2")?.content, .text("91,5%"))
        XCTAssertEqual(at("A3")?.content, .boolean(true))
        XCTAssertEqual(at("B3")?.content, .error("#DIV/0!"))
        XCTAssertEqual(at("C3")?.formula, "SUM(C2:C2)")
        XCTAssertEqual(at("C3")?.content, .number("1234.5"))
        XCTAssertEqual(at("D3")?.content, .text("ab"))
        XCTAssertNil(at("E3"), "a cell with a format only holds no figure")
        // A row and cells without `r` follow on from the previous ones.
        XCTAssertEqual(at("A4")?.content, .number("7"))
        XCTAssertEqual(at("B4")?.content, .isoDate("2024-03-15T00:00:00"))
        XCTAssertTrue(s.isProtected)
        XCTAssertEqual(s.mergedRange(containing: CellReference(row: 5, column: 2))?.description, "A5:B5")
    }

    func testDefinedNamesHiddenSheetsPrefixesAnd1904() throws {
        let path = dir + "/b.xlsx"
        let workbook = """
        <?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Biểu mẫu" sheetId="1" r:id="rId1"/><x:sheet name="_id" sheetId="2" state="veryHidden" r:id="rId2"/></x:sheets><x:definedNames><x:definedName name="chitieu_body">"lang-son/khoi"</x:definedName><x:definedName name="Print_Area" localSheetId="0" hidden="1">'Biểu mẫu'!$A$1:$C$9</x:definedName></x:definedNames></x:workbook>
        """
        let styles = """
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;ngày&quot;\\ 0"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>
        """
        let sheet = ReadFixture.sheetXML(#"<x:row r="1"><x:c r="A1" s="1"><x:v>43904</x:v></x:c><x:c r="B1" s="2"><x:v>43904</x:v></x:c><x:c r="C1" s="0"><x:v>43904</x:v></x:c><x:c r="D1" s="3"><x:v>43904.75</x:v></x:c></x:row>"#)
        let second = Data(ReadFixture.sheetXML(#"<row r="1"><c r="A1" t="inlineStr"><is><t>v1</t></is></c></row>"#).utf8)
        try ReadFixture.workbook(sheet: sheet, workbook: workbook, styles: styles, extra: ["xl/worksheets/sheet2.xml": second], at: path)
        let file = try XlsxFile(path: path)
        XCTAssertTrue(file.date1904)
        XCTAssertEqual(file.sheets.map(\.name), ["Biểu mẫu", "_id"])
        XCTAssertEqual(file.sheets.map(\.state), ["visible", "veryHidden"])
        XCTAssertEqual(file.definedNames.first?.formula, "\"lang-son/khoi\"")
        XCTAssertEqual(file.definedNames.last?.localSheet, 0)
        XCTAssertEqual(file.definedNames.last?.hidden, true)
        let s = try file.sheet(named: "Biểu mẫu")
        func at(_ r: String) -> Cell? { CellReference(r).flatMap { s[$0] } }
        XCTAssertEqual(at("A1").flatMap(file.date)?.description, "2024-03-15")
        XCTAssertNil(at("B1").flatMap(file.date), "\"ngày\" is quoted text, not a date format")
        XCTAssertNil(at("C1").flatMap(file.date))
        XCTAssertEqual(at("D1").flatMap(file.date)?.description, "2024-03-15", "the time of day is dropped")
        XCTAssertEqual(try file.sheet(named: "_id")[CellReference(row: 1, column: 1)]?.content, .text("v1"))
        XCTAssertThrowsError(try file.sheet(named: "Khác")) { error in
            XCTAssertTrue("\(error)".contains("\"Biểu mẫu\""), "\(error)")
        }
    }

    func testRenamedFilesAreRefusedByName() throws {
        let xls = dir + "/old.xlsx"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).write(to: URL(fileURLWithPath: xls))
        XCTAssertThrowsError(try XlsxFile(path: xls)) { XCTAssertTrue("\($0)".contains(".xls"), "\($0)") }
        let ods = dir + "/calc.xlsx"
        try ReadFixture.zip(["mimetype": Data("application/vnd.oasis.opendocument.spreadsheet".utf8), "content.xml": Data("<x/>".utf8)], at: ods)
        XCTAssertThrowsError(try XlsxFile(path: ods)) { XCTAssertTrue("\($0)".contains("(.ods)"), "\($0)") }
        let csv = dir + "/table.xlsx"
        try Data("a;b\n1;2\n".utf8).write(to: URL(fileURLWithPath: csv))
        XCTAssertThrowsError(try XlsxFile(path: csv)) { XCTAssertTrue("\($0)".hasPrefix(csv + ": error: "), "\($0)") }
    }

    func testZipBombIsRefusedBeforeItExpands() throws {
        let path = dir + "/bomb.xlsx"
        // 4 MB of one repeated row compresses to a few kilobytes.
        let row = #"<row><c><v>0</v></c></row>"#
        let big = ReadFixture.sheetXML(String(repeating: row, count: 4 << 20 / row.utf8.count))
        try ReadFixture.workbook(sheet: big, at: path)
        let file = try XlsxFile(path: path, limits: ReadLimits(partBytes: 1 << 20))
        XCTAssertThrowsError(try file.sheet(named: "S")) { error in
            let e = error as? XlsxReadError
            XCTAssertEqual(e?.place, "xl/worksheets/sheet1.xml")
            XCTAssertTrue(e?.message.contains("bom nén") == true, "\(error)")
        }
    }

    func testHugeSharedStringTableIsRefused() throws {
        let declared = dir + "/declared.xlsx"
        try ReadFixture.workbook(sheet: ReadFixture.sheetXML(""), sharedStrings: #"<sst uniqueCount="5000000"><si><t>a</t></si></sst>"#, at: declared)
        XCTAssertThrowsError(try XlsxFile(path: declared, limits: ReadLimits(sharedStrings: 1000))) { XCTAssertTrue("\($0)".contains("5000000"), "\($0)") }
        let undeclared = dir + "/undeclared.xlsx"
        try ReadFixture.workbook(sheet: ReadFixture.sheetXML(""), sharedStrings: "<sst>" + String(repeating: "<si><t>a</t></si>", count: 1001) + "</sst>", at: undeclared)
        XCTAssertThrowsError(try XlsxFile(path: undeclared, limits: ReadLimits(sharedStrings: 1000))) { XCTAssertTrue("\($0)".contains("xl/sharedStrings.xml: error: "), "\($0)") }
    }

    func testBrokenPartsNameTheirPlace() throws {
        let path = dir + "/broken.xlsx"
        try ReadFixture.workbook(sheet: ReadFixture.sheetXML(#"<row r="7"><c r="C7" t="s"><v>3</v></c></row>"#), at: path)
        XCTAssertThrowsError(try XlsxFile(path: path).sheet(named: "S")) { XCTAssertEqual(($0 as? XlsxReadError)?.place, "S!C7") }
        let bad = dir + "/badxml.xlsx"
        try ReadFixture.workbook(sheet: "<worksheet><sheetData><row>", at: bad)
        XCTAssertThrowsError(try XlsxFile(path: bad).sheet(named: "S")) { XCTAssertTrue("\($0)".contains("XML hỏng"), "\($0)") }
    }
}

/// Files made by other writers: our own (libxlsxwriter), LibreOffice and openpyxl.
final class OtherWritersTests: XCTestCase {
    var dir = ""
    override func setUpWithError() throws { dir = try ReadFixture.scratch() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testOurOwnWriter() throws {
        let path = dir + "/ours.xlsx"
        let wb = try Workbook(path: path)
        let ws = try wb.addWorksheet("Kết quả")
        try ws.write(.string("Đảng viên"), row: 0, column: 0)
        try ws.write(.number(868), row: 1, column: 0)
        try ws.write(.number(91.5), row: 1, column: 1)
        try ws.write(.formula("A2/750*100", cached: 115.7), row: 1, column: 2)
        try ws.write(.textFormula("\"đạt\"", cached: "đạt"), row: 1, column: 3)
        try wb.close()
        let s = try XlsxFile(path: path).sheet(named: "Kết quả")
        XCTAssertEqual(s[CellReference(row: 1, column: 1)]?.content, .text("Đảng viên"))
        XCTAssertEqual(s[CellReference(row: 2, column: 1)]?.decimal, 868)
        XCTAssertEqual(s[CellReference(row: 2, column: 2)]?.decimal, Decimal(string: "91.5"))
        XCTAssertEqual(s[CellReference(row: 2, column: 3)]?.formula, "A2/750*100")
        XCTAssertEqual(s[CellReference(row: 2, column: 3)]?.decimal, Decimal(string: "115.7"))
        XCTAssertEqual(s[CellReference(row: 2, column: 4)]?.content, .text("đạt"))
    }

    func testLibreOffice() throws {
        try ReadFixture.requireLibreOffice()
        let csv = dir + "/lo.csv"
        try Data("Chỉ tiêu,Số,Ngày,Đúng\nKết nạp,1234.5,2024-03-15,TRUE\n".utf8).write(to: URL(fileURLWithPath: csv))
        try ReadFixture.soffice(convert: csv, to: "xlsx", outdir: dir, infilter: "CSV:44,34,76,1")
        let file = try XlsxFile(path: dir + "/lo.xlsx")
        XCTAssertFalse(file.date1904)
        let s = try file.sheet(named: try XCTUnwrap(file.sheets.first?.name))
        XCTAssertEqual(s[CellReference(row: 1, column: 1)]?.content, .text("Chỉ tiêu"))
        XCTAssertEqual(s[CellReference(row: 2, column: 1)]?.content, .text("Kết nạp"))
        XCTAssertEqual(s[CellReference(row: 2, column: 2)]?.decimal, Decimal(string: "1234.5"))
        let date = try XCTUnwrap(s[CellReference(row: 2, column: 3)])
        XCTAssertEqual(file.date(of: date)?.description, "2024-03-15")
        XCTAssertEqual(s[CellReference(row: 2, column: 4)]?.content, .boolean(true))
    }

    func testOpenpyxl1904AndDates() throws {
        try ReadFixture.requireOpenpyxl()
        let path = dir + "/py.xlsx"
        let script = """
        import sys, datetime, openpyxl
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb = openpyxl.Workbook(); wb.epoch = CALENDAR_MAC_1904
        ws = wb.active; ws.title = 'Biểu'
        ws['A1'] = datetime.date(2024, 3, 15); ws['B1'] = 0.1; ws['C1'] = '91,5%'; ws['D1'] = False; ws['E1'] = '=B1*2'
        from openpyxl.workbook.defined_name import DefinedName
        wb.defined_names['chitieu_version'] = DefinedName('chitieu_version', attr_text='"1"')
        wb.save(sys.argv[1])
        """
        let (status, out) = try ReadFixture.run("python3", ["-c", script, path])
        XCTAssertEqual(status, 0, out)
        let file = try XlsxFile(path: path)
        XCTAssertTrue(file.date1904)
        XCTAssertEqual(file.definedNames.first { $0.name == "chitieu_version" }?.formula, "\"1\"")
        let s = try file.sheet(named: "Biểu")
        XCTAssertEqual(s[CellReference(row: 1, column: 1)].flatMap(file.date)?.description, "2024-03-15")
        XCTAssertEqual(s[CellReference(row: 1, column: 2)]?.decimal, Decimal(sign: .plus, exponent: -1, significand: 1))
        XCTAssertEqual(s[CellReference(row: 1, column: 3)]?.content, .text("91,5%"))
        XCTAssertEqual(s[CellReference(row: 1, column: 4)]?.content, .boolean(false))
        // openpyxl stores no cached result: the formula's value is unknown, which is not "empty".
        XCTAssertEqual(s[CellReference(row: 1, column: 5)]?.content, .noCachedValue)
        XCTAssertEqual(s[CellReference(row: 1, column: 5)]?.formula, "B1*2")
    }
}
