import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// The review workbook read back part by part: sheets, cells, formulas, formats, print setup and properties.
final class WorkbookTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws { fx = try WorkbookFixture() }
    override func tearDown() { fx.remove() }

    private var xiii: String { WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml" }

    func testSheetsOfTheXIIIWorkbook() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        XCTAssertTrue(path.hasSuffix("lang-son-khoi-cac-co-quan-2015-2020.xlsx"))
        let workbook = try WorkbookFixture.part(path, "xl/workbook.xml")
        XCTAssertTrue(workbook.contains("<sheet name=\"Tổng hợp\""))
        XCTAssertTrue(workbook.contains("<sheet name=\"Theo năm\""))
        XCTAssertTrue(workbook.contains("<sheet name=\"Nguồn\""))
        // Print titles: the heading row repeats on every page.
        XCTAssertTrue(workbook.contains("_xlnm.Print_Titles"))
    }

    func testTheWorkedExampleRowHasLiveFormulasWithCachedValues() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        let strings = try WorkbookFixture.part(path, "xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("toàn Đảng bộ kết nạp được trên 750 đảng viên"))
        // Target 9 (ket-nap) is the sixth target of field II: under the letterhead (rows 1–9), the
        // heading (10), field I (11–14) and field II's row (15), it stands on row 21.
        XCTAssertEqual(WorkbookFixture.cell(sheet, "I21").map { $0.contains("<v>750</v>") }, true)
        XCTAssertEqual(WorkbookFixture.cell(sheet, "E21").map { $0.contains("<v>868</v>") }, true)
        let attainment = try XCTUnwrap(WorkbookFixture.cell(sheet, "F21"))
        XCTAssertTrue(attainment.contains("<f>IF(ISNUMBER(E21),E21/I21,\"\")</f>"), attainment)
        // 868 / 750 = 1,157333… stored as a fraction, shown 115,7% by the 0.0% format.
        let cached = try XCTUnwrap(attainment.components(separatedBy: "<v>").last?.components(separatedBy: "</v>").first)
        XCTAssertEqual(try XCTUnwrap(Double(cached)), 868.0 / 750.0, accuracy: 1e-12)
        let gap = try XCTUnwrap(WorkbookFixture.cell(sheet, "H21"))
        XCTAssertTrue(gap.contains("<v>118</v>"), gap)
        let verdict = try XCTUnwrap(WorkbookFixture.cell(sheet, "G21"))
        XCTAssertTrue(verdict.contains("t=\"str\""), verdict)
        XCTAssertTrue(verdict.contains("<v>vượt</v>"), verdict)
        XCTAssertTrue(verdict.contains("IF(E21=\"\",\"chưa có số liệu\",IF(ISNUMBER(E21),IF(E21&gt;I21,\"vượt\",\"không đạt\"),\"kiểm tra lại\"))"), verdict)
        // A target with no outcome (the first, row 12): blank outcome (never zero), verdict "chưa có số liệu".
        let missing = try XCTUnwrap(WorkbookFixture.cell(sheet, "G12"))
        XCTAssertTrue(missing.contains("<v>chưa có số liệu</v>"), missing)
        XCTAssertFalse(WorkbookFixture.cell(sheet, "E12")?.contains("<v>") ?? false, "no figure is written for missing data")
        // A yearly target with no year reported (target 5, row 17) says so, like the text report, not "0/5 năm đạt".
        let yearly = try XCTUnwrap(WorkbookFixture.cell(sheet, "E17"))
        XCTAssertTrue(yearly.contains("<v>chưa có số liệu</v>"), yearly)
    }

    func testFormatsColoursAndPrintSetup() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        let styles = try WorkbookFixture.part(path, "xl/styles.xml")
        XCTAssertTrue(styles.contains("formatCode=\"0.0%\""))
        XCTAssertTrue(styles.contains("formatCode=\"#,##0\""))
        XCTAssertTrue(styles.contains("điểm %"))
        XCTAssertEqual(sheet.components(separatedBy: "<cfRule type=\"cellIs\"").count - 1, 22, "vượt, đạt, không đạt, chưa có số liệu, kiểm tra lại, đúng tiến độ, có nguy cơ, đã có năm không đạt, thiếu số liệu năm đã qua, chậm hơn tiến độ, đáng lo ngại, four trend statuses, three ESCAP categories and four weather symbols")
        XCTAssertTrue(sheet.contains("<formula>\"cần đẩy nhanh tiến độ\"</formula>"))
        XCTAssertTrue(sheet.contains("<formula>\"vượt\"</formula>"))
        XCTAssertTrue(sheet.contains("<formula>\"kiểm tra lại\"</formula>"))
        // A fixed 85 %, not "fit to one page wide": Excel ignores manual page breaks on a fitted sheet.
        XCTAssertTrue(sheet.contains("<pageSetup paperSize=\"9\" scale=\"85\" orientation=\"landscape\"/>"), sheet)
        XCTAssertFalse(sheet.contains("fitToPage"), sheet)
        XCTAssertTrue(sheet.contains("state=\"frozen\""))
        XCTAssertTrue(sheet.contains("<autoFilter ref=\"A10:L31\""), "through the manual-verdict column")
        // No running header over the letterhead; the footer in the sheet's type, large enough to print at 10 pt or more.
        XCTAssertFalse(sheet.contains("<oddHeader>&amp;L"), sheet)
        XCTAssertTrue(sheet.contains("<oddFooter>&amp;L&amp;\"Times New Roman,Regular\"&amp;13Đảng bộ Khối các cơ quan tỉnh Lạng Sơn — Đại hội lần thứ XIII, nhiệm kỳ 2015–2020&amp;R&amp;\"Times New Roman,Regular\"&amp;13Trang &amp;P/&amp;N</oddFooter>"), "body, term and page; no file path: \(sheet)")
    }

    func testPropertiesComeFromTheDataAndBytesRepeat() throws {
        let first = try XCTUnwrap(try fx.workbooks([xiii], out: fx.dir + "/a").first)
        Thread.sleep(forTimeInterval: 1.1)
        let second = try XCTUnwrap(try fx.workbooks([xiii], out: fx.dir + "/b").first)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: first)), try Data(contentsOf: URL(fileURLWithPath: second)), "same input, same bytes")
        let core = try WorkbookFixture.part(first, "docProps/core.xml")
        XCTAssertTrue(core.contains("<dc:title>Kết quả thực hiện chỉ tiêu nghị quyết đại hội — Đảng bộ Khối các cơ quan tỉnh Lạng Sơn — Đại hội lần thứ XIII, nhiệm kỳ 2015–2020</dc:title>"), core)
        // The XIII file's figures are for the term, reported on 21/7/2020 (its targets cite the
        // 2021 history, which does not date the term's report).
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-07-21T00:00:00Z</dcterms:created>"), core)
        // A term whose figures a 2021 history reports is dated by what its figures cover (1964).
        let ii = try XCTUnwrap(try fx.workbooks([Golden.repo.appendingPathComponent("Targets/lang-son/khoi-cac-co-quan/1962-1964.yaml").path], out: fx.dir + "/c").first)
        XCTAssertTrue(try WorkbookFixture.part(ii, "docProps/core.xml").contains("1964-12-31T00:00:00Z"))
        XCTAssertTrue(core.contains("<cp:keywords>chỉ tiêu, nghị quyết đại hội, Lạng Sơn, XIII</cp:keywords>"), core)
    }

    func testByYearSheetAndChartForAYearlyCount() throws {
        let path = try XCTUnwrap(try fx.workbooks([try fx.fixtureData("every-rule.yaml")]).first)
        let byYear = try WorkbookFixture.part(path, "xl/worksheets/sheet2.xml")
        // hang-nam (≥ 120 a year) is the first block: row 5 the target figures, 6 the outcomes,
        // 7 attainment, 8 gap, 9 verdicts; columns D–H are 2016–2020, I the term, J the years together.
        let term = try XCTUnwrap(WorkbookFixture.cell(byYear, "I6"))
        XCTAssertTrue(term.contains("<v>4/5 năm đạt</v>"), term)
        XCTAssertTrue(term.contains("COUNTIF('Theo năm'!$D$9:$H$9,\"vượt\")"), "the years met count the verdict row: \(term)")
        // 130 + 120 + 110 + 125 + 140 = 625 against 120 × 5 = 600: +25, 625 / 600 = 104,17 %.
        let sum = try XCTUnwrap(WorkbookFixture.cell(byYear, "J6"))
        XCTAssertTrue(sum.contains("<f>IF(COUNT(D6:H6)=5,SUM(D6:H6),\"\")</f><v>625</v>"), sum)
        XCTAssertTrue(try XCTUnwrap(WorkbookFixture.cell(byYear, "J5")).contains("<v>600</v>"))
        XCTAssertTrue(try XCTUnwrap(WorkbookFixture.cell(byYear, "J8")).contains("<v>25</v>"))
        // The summary's row of hang-nam reads the running total's attainment and gap there.
        let summary = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(summary.contains("<f>'Theo năm'!$J$7</f>"), summary)
        XCTAssertTrue(summary.contains("<f>'Theo năm'!$J$8</f>"), summary)
        let charts = try WorkbookFixture.parts(path).filter { $0.hasPrefix("xl/charts/chart") }
        let chart = try XCTUnwrap(try charts.map { try WorkbookFixture.part(path, $0) }.first { $0.contains("'Theo năm'!$D$6:$H$6") }, "a chart of hang-nam's outcomes")
        XCTAssertTrue(chart.contains("'Theo năm'!$D$5:$H$5"), "against its target figures: \(chart)")
        XCTAssertTrue(chart.contains("'Theo năm'!$D$4:$H$4"), "by year: \(chart)")
        XCTAssertTrue(chart.contains("<c:v>Kết quả</c:v>") && chart.contains("<c:v>Mức chỉ tiêu</c:v>"), "series named in words: \(chart)")
    }

    func testEnglishWorkbook() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii], language: .en).first)
        XCTAssertTrue(path.hasSuffix(".en.xlsx"))
        let workbook = try WorkbookFixture.part(path, "xl/workbook.xml")
        XCTAssertTrue(workbook.contains("<sheet name=\"Summary\""))
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(WorkbookFixture.cell(sheet, "G21")?.contains("<v>exceeded</v>") ?? false)
    }

    func testAFailedWriteLeavesThePreviousWorkbook() throws {
        let out = fx.dir + "/keep"
        let path = try XCTUnwrap(try fx.workbooks([xiii], out: out).first)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A target text longer than a cell can hold makes the writer fail half way.
        var result = LedgerLoader.load(paths: [xiii])
        var ledger = try XCTUnwrap(result.ledger)
        ledger.records[0].targets[0].text = String(repeating: "chỉ tiêu ", count: 4_000)
        result.ledger = ledger
        let set = ReportSet(ledger: ledger, asOf: 2026, language: .vi, format: .text)
        XCTAssertThrowsError(try set.writeWorkbooks(to: out)) { e in
            XCTAssertTrue("\(e)".contains("Excel allows 32767"), "\(e)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [URL(fileURLWithPath: path).lastPathComponent], "no temporary file left")
    }

    /// The progress methods in the workbook: the headline above the table, the manual verdict in
    /// its own column beside the computed one, a share short of 100 % shown with the digit that
    /// keeps it short, and the "Cách tính" sheet with the worked steps.
    func testHeadlineManualVerdictHonestDigitsAndTheWorkingSheet() throws {
        let data = try fx.fixtureData("progress-methods.yaml")
        let path = try XCTUnwrap(try fx.workbooks([data], asOf: 2023).first)
        let book = try WorkbookFixture.part(path, "xl/workbook.xml")
        XCTAssertTrue(book.contains("<sheet name=\"Cách tính\""), book)
        let strings = try WorkbookFixture.part(path, "xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("đạt (thủ công; kết quả tính: không đạt) — Ban Thường vụ Đảng ủy Khối (giả định), 15/1/2023"), strings)
        // (62 + 60 + 55) ÷ (69 + 70 + 70) and the trend of the falling target, as worked.
        XCTAssertTrue(strings.contains("(62 + 60 + 55) ÷ (69 + 70 + 70) × 100 = 177 ÷ 209 × 100"), strings)
        XCTAssertTrue(strings.contains("(0,6 % ÷ 1,2 %)^(1/3) − 1 = −20,63 %/năm"), strings)
        // 6.997 ÷ 7.000 = 99,957 %: "0.0%" would show 100,0 %; the cell shows two decimals.
        let styles = try WorkbookFixture.part(path, "xl/styles.xml")
        XCTAssertTrue(styles.contains("formatCode=\"0.00%\""), styles)
        let summary = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        // The headline (row 9, under the letterhead) is live and counts the running statuses, with
        // the manual-verdict note as fixed text.
        let headline = try XCTUnwrap(WorkbookFixture.cell(summary, "A9"))
        XCTAssertTrue(headline.contains("t=\"str\""), headline)
        XCTAssertTrue(headline.contains("<v>Có 0/5 chỉ tiêu đạt và vượt; 1 chỉ tiêu không đạt; 1 chỉ tiêu chậm hơn tiến độ; 2 chỉ tiêu có nguy cơ không đạt; 1 chỉ tiêu đã có năm không đạt"), headline)
        // Five targets under three fields (I: 1 target, II: 3, III: 1) fill rows 11–18.
        XCTAssertTrue(headline.contains("COUNTIF($G$11:$G$18,\"chậm hơn tiến độ\")"), headline)
        XCTAssertTrue(headline.contains("(1 chỉ tiêu có đánh giá thủ công khác kết quả tính, xem mục Đánh giá).</v>"), headline)
        // With every status a running term may show, the formula stays within Excel's 8.192 characters.
        let formula = try XCTUnwrap(headline.components(separatedBy: "<f>").last?.components(separatedBy: "</f>").first)
        let length = formula.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&quot;", with: "\"").count
        XCTAssertLessThan(length, 8_192)
        XCTAssertGreaterThan(length, 1_000, "the formula read back is the whole of it")
    }
}
