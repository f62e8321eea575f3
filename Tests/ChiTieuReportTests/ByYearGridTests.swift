import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Issue 16: "Theo năm" as a grid (a block per yearly target, the years as columns, no block split
/// by a page), and charts that read correctly: a chart for an indicator with two figures, none
/// without figures, value axes from zero, percent axes for shares, bars named by body.
final class ByYearGridTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws { fx = try WorkbookFixture() }
    override func tearDown() { fx.remove() }

    private var folder: String { WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/" }

    /// The texts of the cells of a sheet part matching a pattern's first group.
    private func matches(_ xml: String, _ pattern: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap { m in
            Range(m.range(at: 1), in: xml).map { String(xml[$0]) }
        }
    }

    private func charts(_ path: String) throws -> [String] {
        try WorkbookFixture.parts(path).filter { $0.hasPrefix("xl/charts/chart") }.map { try WorkbookFixture.part(path, $0) }
    }

    func testTheoNamHasOneBlockPerYearlyTargetNotOneRowPerYear() throws {
        let path = try XCTUnwrap(try fx.workbooks([folder + "2015-2020.yaml"]).first)
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet2.xml")
        // 2015-2020.yaml has 8 each-year targets (yeu-kem, kiem-tra, giam-sat, giam-sat-to-chuc,
        // giam-sat-dang-vien, doan-the, doan-the-yeu-kem, van-hoa): 8 texts, each merged down its block.
        let textBlocks = try matches(sheet, "<mergeCell ref=\"B(\\d+):B\\d+\"/>")
        XCTAssertEqual(textBlocks.count, 8, sheet)
        // The years once, as columns of the heading row: 2016–2020, then the term.
        let strings = try WorkbookFixture.part(path, "xl/sharedStrings.xml")
        let shared = try matches(strings, "<si><t[^>]*>([^<]*)</t></si>")
        for (ref, year) in [("D4", "2016"), ("H4", "2020"), ("I4", "Cả nhiệm kỳ")] {
            let cell = try XCTUnwrap(WorkbookFixture.cell(sheet, ref), ref)
            let index = try XCTUnwrap(Int(try XCTUnwrap(try matches(cell, "<v>(\\d+)</v>").first)))
            XCTAssertEqual(shared[index], year, ref)
        }
        // At most five rows a target (figure, outcome, attainment, gap, verdict), where one row a
        // year and two more a target took 5 + 2 = 7: the last row is at most 4 + 8 × 5.
        let rows = try matches(sheet, "<row r=\"(\\d+)\"").compactMap(Int.init)
        XCTAssertLessThanOrEqual(try XCTUnwrap(rows.max()), 4 + 8 * 5)
        // A page starts only where a block starts, at a fixed scale (fitting would drop the
        // breaks) no smaller than 91 %: 11-point text prints at 10 points or more.
        let starts = Set(textBlocks.compactMap(Int.init))
        let breaks = try matches(sheet, "<brk id=\"(\\d+)\"").compactMap(Int.init)
        for b in breaks { XCTAssertTrue(starts.contains(b + 1), "break after row \(b) splits a block: \(starts.sorted())") }
        let scale = try XCTUnwrap(Int(try XCTUnwrap(try matches(sheet, "<pageSetup [^>]*scale=\"(\\d+)\"").first)))
        XCTAssertGreaterThanOrEqual(scale, 91)
        XCTAssertFalse(sheet.contains("fitToPage"), "a fixed scale, so that the page breaks count")
        XCTAssertTrue(try WorkbookFixture.part(path, "xl/workbook.xml").contains("'Theo năm'!$4:$4"), "the heading row repeats")
    }

    func testEveryChartOfTheBuiltInWorkbooksHasFiguresAndAnAxisFromZero() throws {
        let paths = try fx.workbooks([WorkbookFixture.repo.path + "/Targets"])
        XCTAssertEqual(paths.count, 8)
        var total = 0
        for path in paths {
            for chart in try charts(path) {
                total += 1
                XCTAssertTrue(chart.contains("<c:numCache>") && chart.contains("<c:pt idx="), "a chart without figures in \(path): \(chart)")
                XCTAssertEqual(chart.components(separatedBy: "<c:valAx>").count - 1, chart.components(separatedBy: "<c:min val=\"0\"/>").count - 1, "every value axis from zero: \(chart)")
                XCTAssertFalse(chart.contains("<c:v>(1)</c:v>"), chart)
            }
        }
        // 2015-2020: the admissions target "trên 750" and its outcome 868 — two figures, one chart,
        // drawn from the cells of the chart sheet's table.
        let xiii = try XCTUnwrap(paths.first { $0.hasSuffix("2015-2020.xlsx") })
        let admitted = try XCTUnwrap(try charts(xiii).first { $0.contains("Kết nạp đảng viên mới") })
        XCTAssertTrue(admitted.contains("<c:v>750</c:v>") && admitted.contains("<c:v>868</c:v>"), admitted)
        XCTAssertTrue(admitted.contains("'Biểu đồ'!$C$5:$D$5"), admitted)
        // 2020-2025 has no outcome yet (its file lists targets only): no chart at all, not an empty one.
        let xiv = try XCTUnwrap(paths.first { $0.hasSuffix("2020-2025.xlsx") })
        XCTAssertEqual(try charts(xiv).count, 0)
        XCTAssertFalse(try WorkbookFixture.part(xiv, "xl/workbook.xml").contains("Biểu đồ"))
        XCTAssertGreaterThanOrEqual(total, 1)
    }

    func testAShareIsChartedOnAPercentAxisAndEveryYearlyFigureIsCharted() throws {
        let path = try XCTUnwrap(try fx.workbooks([try fx.fixtureData("every-rule.yaml")]).first)
        let all = try charts(path)
        // khoang-ty-le (15–20 % each year): outcomes 17 %, 12 %, 22 % in row 15 of "Theo năm",
        // stored as fractions; the axis shows whole percents, not 0–0,25.
        let share = try XCTUnwrap(all.first { $0.contains("'Theo năm'!$D$15:$H$15") }, "the share's chart")
        XCTAssertTrue(share.contains("<c:numFmt formatCode=\"0%\" sourceLinked=\"0\"/>"), share)
        XCTAssertTrue(share.contains("<c:v>0.17</c:v>"), share)
        // The rating (xếp loại) has no numbers to draw: no chart reads its block (rows 22–24).
        XCTAssertFalse(all.contains { $0.contains("'Theo năm'!$D$23:$H$23") })
    }

    func testComparisonBarsAreNamedByBodyAndDateAndStartAtZero() throws {
        let (c, ledger) = try ComparisonReportTests.builtIn()
        let path = fx.dir + "/so-sanh.xlsx"
        try ComparisonWorkbook().write(c, catalogue: ledger.indicators, to: path)
        let all = try charts(path)
        // Three rows have figures of several bodies (organisations, members, members per
        // organisation); the share of staff has one figure (Quảng Ninh 1985, 33 %): no chart of it.
        XCTAssertEqual(all.count, 3)
        for chart in all {
            XCTAssertTrue(chart.contains("<c:v>Đảng bộ Khối các cơ quan tỉnh Lạng Sơn (21/7/2020)</c:v>"), chart)
            XCTAssertTrue(chart.contains("<c:v>Đảng bộ cơ quan Dân Chính Đảng tỉnh (22/12/1985)</c:v>"), chart)
            XCTAssertFalse(chart.contains("<c:v>(1)</c:v>"), chart)
            XCTAssertTrue(chart.contains("<c:min val=\"0\"/>"), "no axis from 60: \(chart)")
        }
    }
}
