import ChiTieuReport
import Foundation
import XCTest

/// The Word report as printed: rendered to PDF by LibreOffice Writer (which must open it without
/// repair) and read back with poppler, page by page.
final class WordRenderTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws {
        try WorkbookFixture.requireLibreOfficeWriter()
        try WorkbookFixture.requirePoppler()
        fx = try WorkbookFixture()
    }

    override func tearDown() { fx?.remove() }

    /// The pages of the 2015–2020 report in a language, as text.
    private func pages(_ language: ReportLanguage) throws -> (pdf: String, pages: [String]) {
        let docx = try XCTUnwrap(try fx.wordReports([WorkbookFixture.xiii], language: language).first)
        let pdf = try fx.pdf(docx)
        let count = try WorkbookFixture.pageCount(pdf)
        // One page of report and signature, two of annex; a little room for font metrics.
        XCTAssertTrue((2...6).contains(count), "\(count) pages")
        return (pdf, try (1...max(1, count)).map { try WorkbookFixture.pageText(pdf, $0) })
    }

    func testTheReportPrintsAsAPartyDocument() throws {
        let (pdf, pages) = try pages(.vi)
        let first = try XCTUnwrap(pages.first)
        XCTAssertTrue(first.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), first)
        XCTAssertTrue(first.contains("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"), "the issuing body on one line: \(first)")
        XCTAssertTrue(first.contains("BÁO CÁO"), first)
        // The annex begins on a page of its own after the signed report; its heading row repeats.
        let annexStart = try XCTUnwrap(pages.firstIndex { $0.contains("PHỤ LỤC") })
        XCTAssertGreaterThan(annexStart, 0)
        XCTAssertTrue(pages[annexStart - 1].contains("BÍ THƯ"), "the signature on the report's last page")
        XCTAssertTrue(pages[annexStart - 1].contains("Nơi nhận:"))
        XCTAssertEqual(pages.filter { $0.contains("BÍ THƯ") }.count, 1)
        for page in pages[annexStart...] { XCTAssertTrue(page.contains("Nghị quyết đề ra"), "heading row on every annex page: \(page)") }
        let last = try XCTUnwrap(pages.last)
        XCTAssertTrue(last.contains("Tổng số: 17 chỉ tiêu"), last)
        XCTAssertTrue(last.contains("Vượt: 1; đạt: 0; không đạt: 0; chưa có số liệu: 16"), last)
        // Page numbers in the footer of every page.
        for (i, page) in pages.enumerated() { XCTAssertTrue(page.contains("Trang \(i + 1)"), "page \(i + 1): \(page)") }
        // No printed word under 10 pt: a word's box is about 1,3 times its font's size.
        let heights = try WorkbookFixture.wordHeights(pdf)
        XCTAssertGreaterThan(heights.count, 300)
        let small = heights.filter { $0.height < 13 }
        XCTAssertTrue(small.isEmpty, "words under 10 pt: \(small.prefix(10))")
    }

    func testTheEnglishReportPrints() throws {
        let (_, pages) = try pages(.en)
        XCTAssertTrue(pages[0].contains("COMMUNIST PARTY OF VIETNAM"), pages[0])
        XCTAssertTrue(pages[0].contains("REPORT"), pages[0])
        XCTAssertTrue(pages.contains { $0.contains("SECRETARY") })
        XCTAssertTrue(try XCTUnwrap(pages.last).contains("Exceeded: 1; met: 0; not met: 0; no data yet: 16"))
    }
}
