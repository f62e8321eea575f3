import Foundation
import XCTest
import Xlsx
import ZIPFoundation

/// Margins and print area, as written into the file.
final class PrintSetupTests: XCTestCase {
    func testMarginsInMillimetresAndPrintAreaAreWritten() throws {
        let path = NSTemporaryDirectory() + "xlsx-print-" + UUID().uuidString + ".xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let wb = try Workbook(path: path)
        let ws = try wb.addWorksheet("Nguồn")
        ws.setMargins(top: 25, bottom: 25, left: 30, right: 15)
        try ws.setPrintArea(firstRow: 0, firstColumn: 0, lastRow: 4, lastColumn: 2)
        XCTAssertThrowsError(try ws.setPrintArea(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 16_384))
        try wb.close()
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try XCTUnwrap(archive[name])) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let sheet = try part("xl/worksheets/sheet1.xml")
        // 30 mm ÷ 25,4 = 1,1811… in; 15 mm = 0,5905… in; 25 mm = 0,9842… in (16 significant digits).
        XCTAssertTrue(sheet.contains(#"<pageMargins left="1.181102362204725" right="0.5905511811023623" top="0.984251968503937" bottom="0.984251968503937""#), sheet)
        let book = try part("xl/workbook.xml")
        XCTAssertTrue(book.contains(#"<definedName name="_xlnm.Print_Area" localSheetId="0">'Nguồn'!$A$1:$C$5</definedName>"#), book)
    }
}
