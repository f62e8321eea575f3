import ChiTieuCore
import ChiTieuReport
import Foundation
import XCTest

/// The review workbooks of the built-in data as an office prints them: LibreOffice prints each
/// sheet to PDF, and the pages are read back (`PageRender`). LibreOffice and poppler are installed
/// by `make test` (CHITIEU_REQUIRE_TOOLS=1 there, so a missing tool fails instead of skipping).
final class PrintedPageTests: XCTestCase {
    var fx: WorkbookFixture!
    var pages: PageRender!
    override func setUpWithError() throws {
        try PageRender.requireTools()
        fx = try WorkbookFixture()
        pages = try PageRender()
    }

    override func tearDown() {
        fx?.remove()
        pages?.remove()
    }

    /// The smallest size a printed word may have, in points.
    static let smallest = 10.0
    /// The fewest lines of content (between the margins: not the header or footer) on any page,
    /// so that no page is printed for a row or two.
    static let fewestLines = 3

    /// One sheet printed alone, with what every page of it must show.
    struct Sheet {
        var workbook: String
        var name: String
        /// Words of the heading row, which must be on every page (the row repeats).
        var heading: [String]
    }

    /// Checks a sheet's pages: A4 landscape, every word at least 10 pt, no word over another, the
    /// heading on every page, no page with fewer than three lines of content; returns the smallest
    /// printed size.
    @discardableResult
    func checkPages(_ pdf: String, _ sheet: Sheet) throws -> Double {
        let what = "\(URL(fileURLWithPath: sheet.workbook).lastPathComponent) / \(sheet.name)"
        let size = try PageRender.pageSize(pdf)
        XCTAssertEqual(size.width, 841.9, accuracy: 1, "A4 landscape: \(what)")
        XCTAssertEqual(size.height, 595.3, accuracy: 1, "A4 landscape: \(what)")
        let small = try PageRender.words(in: pdf, smallerThan: Self.smallest)
        XCTAssertEqual(small.count, 0, "\(what): words printed under 10 pt: \(small.prefix(8))")
        let words = try PageRender.words(pdf)
        let over = PageRender.overlapping(words)
        XCTAssertEqual(over.count, 0, "\(what): words printed over each other: \(over.prefix(5))")
        let count = try PageRender.pageCount(pdf)
        let margins = PageMargins.partyDefault
        // 2 pt of slack: a cell's border and padding may stand a little into the margin.
        let top = Double(margins.top) * PageRender.pointsPerMillimetre - 2
        let bottom = size.height - Double(margins.bottom) * PageRender.pointsPerMillimetre + 2
        for page in 1...count {
            let text = try PageRender.pageText(pdf, page: page)
            for h in sheet.heading {
                XCTAssertTrue(text.contains(h), "\(what): page \(page) of \(count) lacks the heading '\(h)':\n\(text)")
            }
            let lines = PageRender.lineCount(words, page: page, from: top, to: bottom)
            XCTAssertGreaterThanOrEqual(lines, Self.fewestLines, "\(what): page \(page) of \(count) prints \(lines) lines:\n\(text)")
        }
        return words.map(\.printedSize).min() ?? 0
    }

    /// "Nguồn" and "Cách tính" of every review workbook of the built-in data, and of one in
    /// English: at least 10 pt on A4 landscape, one page wide (the last column's heading on
    /// every page), headings repeated, no near-empty page.
    func testSourcesAndWorkingPrintReadably() throws {
        let vi = try fx.workbooks([WorkbookFixture.repo.path + "/Targets"])
        XCTAssertEqual(vi.count, 8)
        let en = try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"], language: .en, out: fx.dir + "/en")
        try checkSourcesAndWorking(vi: vi, en: en)
    }

    /// The fixtures with every rule and every progress method: a working of several pages, whose
    /// targets' steps the page breaks keep together.
    func testLongWorkingPrintsReadably() throws {
        let everyRule = try fx.workbooks([try fx.fixtureData("every-rule.yaml")], out: fx.dir + "/every-rule", asOf: 2023)
        let methods = try fx.workbooks([try fx.fixtureData("progress-methods.yaml")], out: fx.dir + "/methods", asOf: 2023)
        try checkSourcesAndWorking(vi: everyRule + methods, en: [])
    }

    /// "Cách tính" under every progress method: ESCAP's and the weather symbols' steps and legend
    /// make the working longer, and its page plan must still be where LibreOffice breaks (an
    /// overfilled page would print one page more than the plan's breaks).
    func testWorkingPrintsAsPlannedUnderEveryMethod() throws {
        var books: [String] = []
        let methods = try fx.fixtureData("progress-methods.yaml"), running = try fx.fixtureData("running-term.yaml")
        for m in ProgressMethod.allCases {
            books += try fx.workbooks([methods], out: fx.dir + "/" + m.rawValue, asOf: 2023, method: m)
            books += try fx.workbooks([running], out: fx.dir + "/running-" + m.rawValue, asOf: 2023, method: m)
        }
        XCTAssertEqual(books.count, 2 * ProgressMethod.allCases.count)
        try checkSourcesAndWorking(vi: books, en: [])
    }

    /// Prints "Nguồn" and "Cách tính" of each workbook alone and checks their pages.
    func checkSourcesAndWorking(vi: [String], en: [String]) throws {
        var sheets: [Sheet] = []
        for w in vi {
            sheets.append(Sheet(workbook: w, name: "Nguồn", heading: ["STT / loại", "Trích dẫn nguyên văn", "Dòng"]))
            sheets.append(Sheet(workbook: w, name: "Cách tính", heading: ["STT", "Phép tính", "Kết quả (ngày"]))
        }
        for w in en {
            sheets.append(Sheet(workbook: w, name: "Sources", heading: ["No. / kind", "Verbatim quote", "Line"]))
            sheets.append(Sheet(workbook: w, name: "Working", heading: ["No.", "Computation", "Result (as of"]))
        }
        let copies = try sheets.enumerated().map { try pages.onlySheet($1.name, of: $1.workbook, tag: "s\($0)") }
        let pdfs = try pages.pdfs(copies)
        var smallest: [String: Double] = [:]
        for (sheet, pdf) in zip(sheets, pdfs) {
            smallest[sheet.name] = min(smallest[sheet.name] ?? .infinity, try checkPages(pdf, sheet))
            // LibreOffice breaks the pages where the workbook's plan does and nowhere else: a
            // plan that overfilled a page would show as an extra page.
            let breaks = try Self.sheetPart(sheet.workbook, sheet.name).components(separatedBy: "<brk ").count - 1
            XCTAssertEqual(try PageRender.pageCount(pdf), breaks + 1, "\(sheet.workbook) / \(sheet.name)")
            // Every word of every text cell is printed: none is lost past the page's edge or
            // outside the printed columns.
            let printed = Set(try PageRender.words(pdf).map(\.text))
            let written = try Self.texts(sheet.workbook, sheet.name).flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
            XCTAssertGreaterThan(written.count, 20, "the sheet's texts were read: \(written)")
            let missing = written.filter { !printed.contains($0) }
            XCTAssertEqual(missing, [], "\(sheet.workbook) / \(sheet.name): words not printed")
        }
        // Every sheet was printed and read: a sheet with no words would give 0 and fail above.
        XCTAssertEqual(smallest.count, en.isEmpty ? 2 : 4, "\(smallest)")
    }

    /// The XML part of a named sheet (libxlsxwriter numbers the parts in the order of the sheets).
    static func sheetPart(_ path: String, _ name: String) throws -> String {
        let book = try WorkbookFixture.part(path, "xl/workbook.xml")
        let names = book.components(separatedBy: "<sheet name=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
        let index = try XCTUnwrap(names.firstIndex(of: name), "\(name) in \(names)")
        return try WorkbookFixture.part(path, "xl/worksheets/sheet\(index + 1).xml")
    }

    /// The texts of a sheet's cells (shared strings; libxlsxwriter writes every text cell so
    /// unless in constant-memory mode, which these small workbooks do not use).
    static func texts(_ path: String, _ name: String) throws -> [String] {
        let sheet = try sheetPart(path, name)
        let shared = try WorkbookFixture.part(path, "xl/sharedStrings.xml").components(separatedBy: "<si>").dropFirst().map { si in
            si.components(separatedBy: "</si>")[0].components(separatedBy: "<t").dropFirst()
                .map { $0.components(separatedBy: ">").dropFirst().joined(separator: ">").components(separatedBy: "</t")[0] }
                .joined()
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        }
        return try sheet.components(separatedBy: "<c r=\"").dropFirst().compactMap { c -> String? in
            let cell = c.components(separatedBy: "</c>")[0]
            guard cell.contains("t=\"s\""), let v = cell.components(separatedBy: "<v>").dropFirst().first?.components(separatedBy: "</v>").first else { return nil }
            let index = try XCTUnwrap(Int(v))
            return shared.indices.contains(index) ? shared[index] : nil
        }
    }

    /// The working of 2015–2020 is worked from the figures of 21/7/2020 (868 admitted, reported in
    /// Báo Lạng Sơn that day): the printout says so in its title and on every page's heading, so
    /// an outcome edited later does not leave a page that contradicts the summary unannounced.
    func testTheWorkingSaysWhoseFiguresItWorks() throws {
        let path = try XCTUnwrap(try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"]).first)
        let pdf = try pages.pdf(try pages.onlySheet("Cách tính", of: path, tag: "working"))
        XCTAssertEqual(try PageRender.pageCount(pdf), 1)
        let text = try PageRender.pageText(pdf, page: 1).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("Cách tính từng số liệu, theo số liệu ngày 21/7/2020"), text)
        XCTAssertTrue(text.contains("Cách tính (số liệu ngày 21/7/2020)"), text)
        XCTAssertTrue(text.contains("868 ÷ 750 × 100 = 115,7 %"), text)
        XCTAssertTrue(text.contains("không tự tính lại"), text)
    }

    /// The 2015–2020 summary as the Party document it is: the letterhead on its first page, the
    /// signer's title on its last, every word at 10 pt or more, the table's heading on every page,
    /// and the source and manual-verdict columns not printed.
    ///
    /// Two pages, not one: at 10 pt the letterhead, title, headline, table heading, four field
    /// rows, totals and signature take 250 pt of the 453 pt between the margins, and the 17 rows
    /// of ten columns take 310 pt (ten of them wrap the target's words onto a second line in the
    /// room the other nine columns leave). One page would need the words under 10 pt or fewer
    /// printed columns.
    func testTheSummaryPrintsAsAPartyDocument() throws {
        let path = try XCTUnwrap(try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"]).first)
        let pdf = try pages.pdf(try pages.onlySheet("Tổng hợp", of: path, tag: "summary"))
        let smallest = try checkPages(pdf, Sheet(workbook: path, name: "Tổng hợp", heading: ["Chỉ tiêu (nguyên văn)", "Đánh giá"]))
        // 12 pt at the sheet's 85 %: 10,2 pt.
        XCTAssertEqual(smallest, 10.2, accuracy: 0.15)
        let count = try PageRender.pageCount(pdf)
        XCTAssertEqual(count, 2)
        let first = try PageRender.pageText(pdf, page: 1)
        let last = try PageRender.pageText(pdf, page: count)
        for line in ["ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "BÁO CÁO", "Lạng Sơn, ngày … tháng … năm …"] {
            XCTAssertTrue(first.contains(line), "'\(line)' on the first page:\n\(first)")
        }
        XCTAssertTrue(first.contains("Có 1/17 chỉ tiêu đạt và vượt"), first)
        for line in ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nơi nhận:", "Tổng số 17 chỉ tiêu. Đạt: 0 · Vượt: 1"] {
            XCTAssertTrue(last.contains(line), "'\(line)' on the last page:\n\(last)")
        }
        // The break falls before field IV, whose heading goes with its targets, and the signature
        // has targets above it on its page.
        XCTAssertFalse(first.contains("IV. Công tác dân vận"), first)
        XCTAssertTrue(last.contains("IV. Công tác dân vận và lãnh đạo đoàn thể"), last)
        XCTAssertTrue(last.contains("Hằng năm, các đoàn thể chính trị"), last)
        // The edit-only columns are outside the print area.
        for page in [first, last] {
            XCTAssertFalse(page.contains("Nguồn") || page.contains("[lichsu]") || page.contains("thủ công"), page)
        }
        let over = PageRender.overlapping(try PageRender.words(pdf))
        XCTAssertEqual(over.count, 0, "words printed over each other: \(over.prefix(5))")
    }

    /// The English summary: longer words ("PARTY COMMITTEE OF THE PROVINCIAL AGENCIES' BLOC",
    /// "ON BEHALF OF THE STANDING COMMITTEE", "organisations") wrap inside their cells, nothing
    /// prints over anything else, and every word stays at 10 pt or more.
    func testTheEnglishSummaryPrintsReadably() throws {
        let path = try XCTUnwrap(try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"], language: .en).first)
        let pdf = try pages.pdf(try pages.onlySheet("Summary", of: path, tag: "summary-en"))
        try checkPages(pdf, Sheet(workbook: path, name: "Summary", heading: ["Target (as written)", "Verdict"]))
        let over = PageRender.overlapping(try PageRender.words(pdf))
        XCTAssertEqual(over.count, 0, "words printed over each other: \(over.prefix(5))")
        let count = try PageRender.pageCount(pdf)
        let first = try PageRender.pageText(pdf, page: 1)
        XCTAssertTrue(first.contains("COMMUNIST PARTY OF VIETNAM"), first)
        XCTAssertTrue(first.contains("REPORT"), first)
        let last = try PageRender.pageText(pdf, page: count)
        XCTAssertTrue(last.contains("SECRETARY"), last)
        XCTAssertTrue(last.contains("Recipients:"), last)
    }
}

extension PrintedPageTests {
    /// The built-in comparison as printed: the table at 100 % within the Party margins (every word
    /// at least 10 pt, none over another — the rank no longer runs into the note), one block per
    /// page at most split where it does not fit, and the charts on a sheet of their own, two a page,
    /// bars named by body and date.
    func testTheComparisonPrintsReadablyWithItsChartsApart() throws {
        let (c, ledger) = try ComparisonReportTests.builtIn()
        let path = fx.dir + "/so-sanh.xlsx"
        try ComparisonWorkbook().write(c, catalogue: ledger.indicators, to: path)
        let pdfs = try pages.sheetPDFs([path], sheets: ["So sánh", "Biểu đồ"])
        let table = try XCTUnwrap(pdfs.first?["So sánh"]), charts = try XCTUnwrap(pdfs.first?["Biểu đồ"])
        try checkPages(table, Sheet(workbook: path, name: "So sánh", heading: ["Hạng", "Ghi chú"]))
        // Three charted indicators (two figures or more each; the share has one): two pages.
        XCTAssertEqual(try PageRender.pageCount(charts), 2)
        let first = try PageRender.pageText(charts, page: 1)
        for name in ["Tổ chức cơ sở đảng trực thuộc", "Số đảng viên", "(21/7/2020)", "(4/9/2022)"] {
            XCTAssertTrue(first.contains(name), "the first chart page lacks '\(name)':\n\(first)")
        }
        XCTAssertFalse(first.contains("(1)"), "bars are named, not numbered")
        let small = try PageRender.words(in: charts, smallerThan: Self.smallest)
        XCTAssertEqual(small.count, 0, "chart words under 10 pt: \(small.prefix(5))")
    }
}

extension PrintedPageTests {
    /// "Theo năm" and "Biểu đồ" of the 2015–2020 review: A4 landscape, every word at least 10 pt and
    /// none printed over another — the footer's body and term once ran into a centred "Trang 3/10".
    func testTheYearlyGridAndTheChartsPrintReadably() throws {
        let path = try XCTUnwrap(try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"]).first)
        let pdfs = try XCTUnwrap(try pages.sheetPDFs([path], sheets: ["Theo năm", "Biểu đồ"]).first)
        for sheet in ["Theo năm", "Biểu đồ"] {
            let pdf = try XCTUnwrap(pdfs[sheet], sheet)
            let size = try PageRender.pageSize(pdf)
            XCTAssertGreaterThan(size.width, size.height, "\(sheet): landscape")
            let small = try PageRender.words(in: pdf, smallerThan: Self.smallest)
            XCTAssertEqual(small.count, 0, "\(sheet): words under 10 pt: \(small.prefix(5))")
            let over = PageRender.overlapping(try PageRender.words(pdf))
            XCTAssertEqual(over.count, 0, "\(sheet): words printed over each other: \(over.prefix(5))")
            for page in 1...(try PageRender.pageCount(pdf)) {
                XCTAssertTrue(try PageRender.pageText(pdf, page: page).contains("Trang \(page)/"), "\(sheet): page \(page) is numbered")
            }
        }
    }
}
