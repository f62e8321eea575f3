import Foundation
import XCTest
import Xlsx

/// `PageRender` measures what it claims: a word's printed size from poppler's box, a sheet printed
/// alone, the page count and each page's text.
final class PageRenderTests: XCTestCase {
    var pages: PageRender!
    override func setUpWithError() throws {
        try PageRender.requireTools()
        pages = try PageRender()
    }

    override func tearDown() { pages?.remove() }

    /// A workbook with a 10 pt and a 14 pt cell on a sheet printed at 100 %, and a second sheet
    /// whose one very wide column makes "one page wide" shrink its 10 pt text to well under 10 pt.
    private func calibrationWorkbook() throws -> String {
        let path = pages.dir + "/calibration.xlsx"
        let wb = try Workbook(path: path)
        let plain = try wb.addWorksheet("Cỡ chữ")
        try plain.write(.string("Mười"), row: 0, column: 0, style: CellStyle(fontSize: 10))
        try plain.write(.string("Mười-bốn"), row: 2, column: 0, style: CellStyle(fontSize: 14))
        let wide = try wb.addWorksheet("Rộng")
        // 20 columns of 15 characters, 300 in all, on a page about 120 wide: the fit shrinks the
        // print to about 40 %. (One column that wide alone is printed at 100 % and cut.)
        try wide.setColumns(0, 19, width: 15)
        try wide.write(.string("Thu-nhỏ"), row: 0, column: 0, style: CellStyle(fontSize: 10))
        try wide.write(.string("cuối"), row: 0, column: 19, style: CellStyle(fontSize: 10))
        try wide.printSetup(repeatRows: nil, header: "", footer: "")
        try wb.close()
        return path
    }

    func testBoxHeightPerPointIsCalibratedOnTenAndFourteenPointCells() throws {
        let sheets = try pages.sheetPDFs([try calibrationWorkbook()], sheets: ["Cỡ chữ", "Rộng"])[0]
        let plain = try PageRender.words(try XCTUnwrap(sheets["Cỡ chữ"]))
        let ten = try XCTUnwrap(plain.first { $0.text == "Mười" })
        let fourteen = try XCTUnwrap(plain.first { $0.text == "Mười-bốn" })
        // The constant is the ratio measured here; both sizes must agree with it within 2 %.
        XCTAssertEqual(ten.boxHeight / 10, PageRender.boxHeightPerPoint, accuracy: 0.026, "\(ten.boxHeight)")
        XCTAssertEqual(fourteen.boxHeight / 14, PageRender.boxHeightPerPoint, accuracy: 0.026, "\(fourteen.boxHeight)")
        XCTAssertEqual(ten.printedSize, 10, accuracy: 0.2)
        XCTAssertEqual(fourteen.printedSize, 14, accuracy: 0.3)
        XCTAssertEqual(try PageRender.smallestPrintedSize(try XCTUnwrap(sheets["Cỡ chữ"])), 10, accuracy: 0.2)

        // Scaled to one page wide, the same 10 pt prints far smaller, and is reported.
        let wide = try XCTUnwrap(sheets["Rộng"])
        let shrunk = try XCTUnwrap(try PageRender.words(wide).first { $0.text == "Thu-nhỏ" })
        XCTAssertLessThan(shrunk.printedSize, 7, "\(shrunk)")
        XCTAssertEqual(try PageRender.words(in: wide, smallerThan: 10).map(\.text), ["Thu-nhỏ", "cuối"])
    }

    /// The same ratio holds for a Word document in Times New Roman (printed in Liberation Serif):
    /// an HTML page with a 10 pt and a 14 pt line, made a .docx by LibreOffice, then printed.
    func testBoxHeightPerPointHoldsForAWordDocumentInTimesNewRoman() throws {
        let html = pages.dir + "/co-chu.html"
        try Data(#"""
            <html><body>
            <p><span style="font-family:'Times New Roman';font-size:10pt">Mười</span></p>
            <p><span style="font-family:'Times New Roman';font-size:14pt">Mười-bốn</span></p>
            </body></html>
            """#.utf8).write(to: URL(fileURLWithPath: html))
        let profile = URL(fileURLWithPath: pages.dir + "/profile").absoluteString
        let (status, output) = try PageRender.run(
            "soffice", ["-env:UserInstallation=" + profile, "--headless", "--norestore", "--infilter=HTML (StarWriter)",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", pages.dir, html],
            environment: ["HOME": pages.dir], timeout: 300)
        XCTAssertEqual(status, 0, output)
        let pdf = try pages.pdf(pages.dir + "/co-chu.docx")
        let words = try PageRender.words(pdf)
        let ten = try XCTUnwrap(words.first { $0.text == "Mười" })
        let fourteen = try XCTUnwrap(words.first { $0.text == "Mười-bốn" })
        XCTAssertEqual(ten.printedSize, 10, accuracy: 0.2, "\(ten.boxHeight)")
        XCTAssertEqual(fourteen.printedSize, 14, accuracy: 0.3, "\(fourteen.boxHeight)")
    }

    func testASheetPrintsAloneAndItsPagesAreRead() throws {
        let sheets = try pages.sheetPDFs([try calibrationWorkbook()], sheets: ["Rộng"])[0]
        let pdf = try XCTUnwrap(sheets["Rộng"])
        XCTAssertEqual(try PageRender.pageCount(pdf), 1)
        let text = try PageRender.pageText(pdf, page: 1)
        XCTAssertTrue(text.contains("Thu-nhỏ"), text)
        XCTAssertTrue(text.contains("cuối"), text)
        XCTAssertFalse(text.contains("Mười"), "the other sheet is hidden, so not printed: \(text)")
        XCTAssertEqual(PageRender.textLines(text).count, 1, text)
        XCTAssertEqual(try pages.images(pdf).count, 1)
    }

    func testTwoDocumentsOfOneNameAreRefusedRatherThanPrintedOverEachOther() throws {
        XCTAssertThrowsError(try pages.pdfs(["/a/tong-hop.xlsx", "/b/tong-hop.xlsx"])) { e in
            XCTAssertTrue("\(e)".contains("two documents are named 'tong-hop'"), "\(e)")
        }
    }

    /// Boxes measured on LibreOffice's pages (11 pt, 14,3 pt high, lines 12,8 pt apart): two lines
    /// of one cell overlap by 1,5 pt and are not reported; a footer's left text running 20 pt into
    /// its centre, or a line printed 5 pt over another, is.
    func testOverlappingWordsAreFoundAndLinesOfOneCellAreNot() {
        func word(_ text: String, _ left: Double, _ top: Double, _ right: Double, page: Int = 1) -> PageRender.Word {
            PageRender.Word(text: text, page: page, left: left, top: top, right: right, boxHeight: 14.3)
        }
        let lines = [word("Đảng", 100, 200, 130), word("viên", 100, 212.8, 125), word("mới", 135, 200, 160)]
        XCTAssertTrue(PageRender.overlapping(lines).isEmpty)
        let footer = [word("XIII,", 409.5, 560.7, 430.3), word("Trang", 415.7, 560.7, 447.6)]
        XCTAssertEqual(PageRender.overlapping(footer).map { [$0.0.text, $0.1.text] }, [["XIII,", "Trang"]])
        let spilled = [word("chúng", 300, 300, 340), word("Quần", 310, 305, 340)]
        XCTAssertEqual(PageRender.overlapping(spilled).count, 1)
        let otherPages = [word("chúng", 300, 300, 340, page: 1), word("Quần", 310, 305, 340, page: 2)]
        XCTAssertTrue(PageRender.overlapping(otherPages).isEmpty)
    }

    func testShowingOnlyHidesEveryOtherSheet() throws {
        let xml = #"<bookViews><workbookView xWindow="240" activeTab="1"/></bookViews><sheets><sheet name="Tổng hợp" sheetId="1" r:id="rId1"/><sheet name="Nguồn" sheetId="2" r:id="rId2"/><sheet name="Cách tính" sheetId="3" r:id="rId3"/></sheets>"#
        XCTAssertEqual(try PageRender.showingOnly("Cách tính", xml), #"<bookViews><workbookView activeTab="2" firstSheet="2" xWindow="240"/></bookViews><sheets><sheet state="hidden" name="Tổng hợp" sheetId="1" r:id="rId1"/><sheet state="hidden" name="Nguồn" sheetId="2" r:id="rId2"/><sheet name="Cách tính" sheetId="3" r:id="rId3"/></sheets>"#)
        XCTAssertThrowsError(try PageRender.showingOnly("Theo năm", xml))
    }

    /// LibreOffice prints a hidden sheet that has a print area (the summary has one): only the
    /// shown sheet keeps its own.
    func testShowingOnlyDropsTheOtherSheetsPrintAreas() throws {
        let xml = #"<sheets><sheet name="Tổng hợp" sheetId="1" r:id="rId1"/><sheet name="Nguồn" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'Tổng hợp'!$A$1:$J$38</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'Nguồn'!$A$1:$F$9</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'Tổng hợp'!$10:$10</definedName></definedNames>"#
        let nguon = try PageRender.showingOnly("Nguồn", xml)
        XCTAssertFalse(nguon.contains("'Tổng hợp'!$A$1:$J$38"), nguon)
        XCTAssertTrue(nguon.contains(#"<definedName name="_xlnm.Print_Area" localSheetId="1">'Nguồn'!$A$1:$F$9</definedName>"#), nguon)
        XCTAssertTrue(nguon.contains("'Tổng hợp'!$10:$10"), "print titles of a hidden sheet print nothing: \(nguon)")
        let summary = try PageRender.showingOnly("Tổng hợp", xml)
        XCTAssertTrue(summary.contains("'Tổng hợp'!$A$1:$J$38"), summary)
        XCTAssertFalse(summary.contains("'Nguồn'!$A$1:$F$9"), summary)
    }
}
