import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Bands an office sets itself in its term file (after DHIS2's legend sets): read, checked for
/// gaps and overlaps, and used to grade each target's attainment in the text report.
final class OfficeBandsTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "chitieu-bands-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: Golden.repo.path + "/Targets/" + file, toPath: dir + "/" + file)
        }
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func load(bands: String) -> LedgerLoader.Result {
        try? Data("""
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIII, years: 2015-2020 }
            sources:
              gia-dinh: { title: "Số liệu giả định cho kiểm thử", publisher: "chitieu" }
            bands:
            \(bands)
            targets:
              - { id: ket-nap, text: "kết nạp 750 đảng viên", source: gia-dinh, indicator: ket-nap-dang-vien, rule: ">= 750", period: term }
              - { id: dang-vien, text: "đến cuối nhiệm kỳ có 2.000 đảng viên", source: gia-dinh, indicator: dang-vien, rule: ">= 2.000", period: end-of-term }
            outcomes:
              - { target: ket-nap, period: term, value: "700", source: gia-dinh, quote: "700" }
              - { target: dang-vien, period: 2020, value: "2.000", source: gia-dinh, quote: "2.000" }
            """.utf8).write(to: URL(fileURLWithPath: dir + "/2015-2020.yaml"))
        return LedgerLoader.load(paths: [dir])
    }

    func testTheOfficesBandsGradeEachAttainment() throws {
        let result = load(bands: """
              - { from: 0, to: 90, colour: FFC7CE, label: "chưa hoàn thành" }
              - { from: 90, to: 100, colour: FFEB9C, label: "cơ bản hoàn thành" }
              - { from: 100, colour: C6EFCE, label: "hoàn thành" }
            """)
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        let record = try XCTUnwrap(ledger.records.first)
        XCTAssertEqual(record.bands.map(\.label), ["chưa hoàn thành", "cơ bản hoàn thành", "hoàn thành"])
        XCTAssertEqual(record.bands.first?.colour, 0xFFC7CE)
        // 700 ÷ 750 × 100 = 93,33 % → [90, 100); 2.000 ÷ 2.000 × 100 = 100 % → from 100 (a lower bound is in its band).
        XCTAssertEqual(OfficeBands.band(record.bands, for: Decimal(700) / 750 * 100)?.label, "cơ bản hoàn thành")
        XCTAssertEqual(OfficeBands.band(record.bands, for: 100)?.label, "hoàn thành")
        XCTAssertEqual(OfficeBands.band(record.bands, for: 90)?.label, "cơ bản hoàn thành")
        XCTAssertNil(OfficeBands.band(record.bands, for: -1), "below every band")
        let text = try XCTUnwrap(ReportSet(ledger: ledger, asOf: 2026, language: .vi, format: .markdown).documents().first).text
        XCTAssertTrue(text.contains("## III. XẾP MỨC THEO THANG CỦA ĐƠN VỊ"), text)
        XCTAssertTrue(text.contains("0–90 %: chưa hoàn thành; 90–100 %: cơ bản hoàn thành; từ 100 %: hoàn thành"), text)
        XCTAssertTrue(text.contains("- 1. Kết nạp đảng viên mới: tỷ lệ đạt 93,3 % → cơ bản hoàn thành"), text)
        XCTAssertTrue(text.contains("tỷ lệ đạt 100,0 % → hoàn thành"), text)
        // The workbook colours the attainment cells by the same bands (a fraction under a % format).
        let out = dir + "/out"
        let path = try XCTUnwrap(try ReportSet(ledger: ledger, asOf: 2026, language: .vi, format: .text).writeWorkbooks(to: out).first)
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains("AND(ISNUMBER(F"), "the attainment column, F on the summary: \(sheet)")
        XCTAssertTrue(sheet.contains("&gt;=0.9,") && sheet.contains("&lt;1)"), "the band 90–100 % as 0,9 ≤ x < 1 (XML-escaped)")
        // Three bands colour the attainment column and three more write the band beside the
        // verdict (column G, from the row's attainment in F).
        XCTAssertEqual(sheet.components(separatedBy: "type=\"expression\"").count - 1, 6)
        XCTAssertTrue(sheet.contains("<conditionalFormatting sqref=\"G"), sheet)
        XCTAssertTrue(sheet.contains("AND(ISNUMBER($F"), "the verdict column reads the attainment of its own row")
        let styles = try WorkbookFixture.part(path, "xl/styles.xml")
        XCTAssertTrue(styles.contains("formatCode=\"@&quot; (cơ bản hoàn thành)&quot;\""), "the band as a text format: the cell's value stays the verdict word the headline counts")
        // The Word report's annex: the band under the verdict, in the band's colour.
        let docx = try XCTUnwrap(try ReportSet(ledger: ledger, asOf: 2026, language: .vi, format: .text).writeWordReports(to: out).first)
        let xml = try WorkbookFixture.part(docx, "word/document.xml")
        let annex = try XCTUnwrap(WorkbookFixture.tables(xml).last)
        // (The table reader joins a cell's paragraphs without a space: the band is a paragraph of its own.)
        XCTAssertTrue(annex.contains { $0.last == "không đạt(cơ bản hoàn thành)" }, "\(annex)")
        XCTAssertTrue(annex.contains { $0.last == "đạt(hoàn thành)" }, "\(annex)")
        XCTAssertTrue(xml.contains("w:fill=\"FFEB9C\""), "the band's colour on the verdict cell")
    }

    /// LibreOffice prints the band beside the verdict word (the conditional text format), and the
    /// headline still counts the verdict words.
    func testTheBandIsPrintedBesideTheVerdict() throws {
        try PageRender.requireTools()
        let result = load(bands: """
              - { from: 0, to: 90, colour: FFC7CE, label: "chưa hoàn thành" }
              - { from: 90, to: 100, colour: FFEB9C, label: "cơ bản hoàn thành" }
              - { from: 100, colour: C6EFCE, label: "hoàn thành" }
            """)
        let ledger = try XCTUnwrap(result.ledger)
        let path = try XCTUnwrap(try ReportSet(ledger: ledger, asOf: 2026, language: .vi, format: .text).writeWorkbooks(to: dir + "/out").first)
        let pages = try PageRender()
        defer { pages.remove() }
        let pdf = try XCTUnwrap(try pages.pdfs([try pages.onlySheet("Tổng hợp", of: path, tag: "bands")]).first)
        let text = try PageRender.pageText(pdf, page: 1).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("không đạt (cơ bản hoàn thành)"), text)
        XCTAssertTrue(text.contains("đạt (hoàn thành)"), text)
        XCTAssertTrue(text.contains("Có 1/2 chỉ tiêu đạt và vượt; 1 chỉ tiêu không đạt."), text)
    }

    func testGapsOverlapsAndBadColoursAreRefused() {
        let gap = load(bands: """
              - { from: 0, to: 80, label: "yếu" }
              - { from: 90, label: "khá" }
            """)
        XCTAssertTrue(gap.diagnostics.items.contains { $0.message.contains("a gap between 80 and 90") }, "\(gap.diagnostics.items)")
        let overlap = load(bands: """
              - { from: 0, to: 95, label: "yếu" }
              - { from: 90, label: "khá" }
            """)
        XCTAssertTrue(overlap.diagnostics.items.contains { $0.message.contains("bands may not overlap") }, "\(overlap.diagnostics.items)")
        let open = load(bands: """
              - { from: 0, label: "yếu" }
              - { from: 90, label: "khá" }
            """)
        XCTAssertTrue(open.diagnostics.items.contains { $0.message.contains("only the last band may be open") }, "\(open.diagnostics.items)")
        let colour = load(bands: """
              - { from: 0, colour: red, label: "yếu" }
            """)
        XCTAssertTrue(colour.diagnostics.items.contains { $0.message.contains("is not a colour") }, "\(colour.diagnostics.items)")
    }

    // MARK: - Bands in the catalogue

    /// Appends `bands:` to the folder's catalogue (a copy of the built-in one).
    private func catalogueBands(_ bands: String) throws {
        let path = dir + "/indicators.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data((text + "\nbands:\n" + bands + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    func testTheCataloguesBandsHoldWhereTheTermFileSetsNone() throws {
        try catalogueBands("""
              - { from: 0, to: 95, colour: FFC7CE, label: "chưa đạt" }
              - { from: 95, colour: C6EFCE, label: "đạt" }
            """)
        // The term file sets none (an empty list): the catalogue's hold. 700 ÷ 750 = 93,3 % → "chưa đạt".
        let result = load(bands: "  []")
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        XCTAssertEqual(ledger.records.first?.bands.map(\.label), ["chưa đạt", "đạt"])
        let text = try XCTUnwrap(ReportSet(ledger: ledger, asOf: 2026, language: .vi, format: .markdown).documents().first).text
        XCTAssertTrue(text.contains("- 1. Kết nạp đảng viên mới: tỷ lệ đạt 93,3 % → chưa đạt"), text)
        // A term file's own bands win over the catalogue's.
        let own = load(bands: """
              - { from: 0, to: 90, label: "chưa hoàn thành" }
              - { from: 90, label: "hoàn thành" }
            """)
        XCTAssertEqual(try XCTUnwrap(own.ledger).records.first?.bands.map(\.label), ["chưa hoàn thành", "hoàn thành"])
    }

    func testBadBandsInTheCatalogueAreRefusedAtTheirLine() throws {
        let before = try String(contentsOfFile: dir + "/indicators.yaml", encoding: .utf8).components(separatedBy: "\n").count
        try catalogueBands("""
              - { from: 0, to: 80, label: "yếu" }
              - { from: 90, label: "khá" }
            """)
        let result = load(bands: "  []")
        let error = try XCTUnwrap(result.diagnostics.items.first { $0.message.contains("a gap between 80 and 90") }, "\(result.diagnostics.items)")
        XCTAssertEqual(error.location.map { URL(fileURLWithPath: $0.file).lastPathComponent }, "indicators.yaml")
        // The catalogue's L lines end with a newline (`before` = L + 1 pieces); appended: an empty
        // line L + 1, "bands:" L + 2, the first band L + 3, the second, at fault, L + 4 = before + 3.
        XCTAssertEqual(error.location?.line, before + 3)
        XCTAssertEqual(error.location?.column, 5, "at the band's opening brace")
    }
}
