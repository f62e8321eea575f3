import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// A real spreadsheet engine recalculates the workbooks: every formula must give the value chitieu
/// cached. LibreOffice is installed by `make test` (CHITIEU_REQUIRE_TOOLS=1 there, so a
/// missing engine fails instead of skipping).
final class LibreOfficeRecalcTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws {
        fx = try WorkbookFixture()
        try WorkbookFixture.requireLibreOffice()
    }

    override func tearDown() { fx.remove() }

    func testBuiltInWorkbooksRecalculateToTheirCachedValues() throws {
        let paths = try fx.workbooks([WorkbookFixture.repo.path + "/Targets"])
        XCTAssertEqual(paths.count, 8)
        let english = try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"], language: .en)
        let (status, output) = try WorkbookFixture.validator(paths + english)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("recalc: 9 passed, 0 failed"), output)
    }

    func testEveryComparatorAndPeriodKindRecalculates() throws {
        let paths = try fx.workbooks([try fx.fixtureData("every-rule.yaml")])
        let running = try fx.workbooks([try fx.fixtureData("running-term.yaml")], out: fx.dir + "/running", asOf: 2023)
        let (status, output) = try WorkbookFixture.validator(paths + running)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("recalc: 2 passed, 0 failed"), output)
    }

    /// The "So sánh" workbook: ratios, RANK, MIN, MEDIAN, MAX and, for bodies of one year, the
    /// totals (SUM, and SUM over SUM for a ratio).
    func testComparisonWorkbooksRecalculate() throws {
        let (builtIn, catalogue) = try ComparisonReportTests.builtIn()
        let first = fx.dir + "/so-sanh.xlsx"
        try ComparisonWorkbook().write(builtIn, catalogue: catalogue.indicators, to: first)
        let data = fx.dir + "/cmp"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WorkbookFixture.repo.path + "/Targets/indicators.yaml", toPath: data + "/indicators.yaml")
        try Data("""
            bodies:
              - { id: a/khoi, name: "Khối A", name-en: "Bloc A", province: "A", kind: bloc }
              - { id: b/khoi, name: "Khối B", name-en: "Bloc B", province: "B", kind: bloc }
            """.utf8).write(to: URL(fileURLWithPath: data + "/bodies.yaml"))
        for (body, members, organisations, admitted) in [("a", "4.294", "69", "150"), ("b", "2.229", "71", "95")] {
            try Data("""
                body: \(body)/khoi
                sources: { s: { title: "t", publisher: "p" } }
                facts:
                  - { indicator: dang-vien, period: 2020-07-21, value: "\(members)", source: s, quote: q }
                  - { indicator: to-chuc-co-so-dang, period: 2020-07-21, value: "\(organisations)", source: s, quote: q }
                  - { indicator: ket-nap-dang-vien, period: 2020, value: "\(admitted)", source: s, quote: q }
                """.utf8).write(to: URL(fileURLWithPath: "\(data)/\(body).yaml"))
        }
        let ledger = try XCTUnwrap(LedgerLoader.load(paths: [data]).ledger)
        let columns = try ["a/khoi", "b/khoi"].map { ComparisonColumn(body: try XCTUnwrap(ledger.bodies[$0]), alignment: .year(2020)) }
        let indicators = try ["dang-vien", "ket-nap-dang-vien"].map { try XCTUnwrap(ledger.indicators[$0]) }
        let aligned = Comparer(ledger: ledger).compare(columns, indicators: indicators)
        // 4.294 + 2.229 = 6.523 members; (150 + 95) / 6.523 × 100 = 3,756 admitted per 100 members.
        XCTAssertEqual(aligned.rows.first?.total, 6523)
        XCTAssertEqual(aligned.rows.first { $0.normalisation == .per100Members }?.total, Decimal(245) / 6523 * 100)
        let second = fx.dir + "/so-sanh-2020.xlsx"
        try ComparisonWorkbook(language: .en).write(aligned, catalogue: ledger.indicators, to: second)
        let (status, output) = try WorkbookFixture.validator([first, second])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("recalc: 2 passed, 0 failed"), output)
        // Counts: 2 ranks + MIN, MEDIAN, MAX + 1 SUM = 6 each for members and admissions; ratios
        // add 2 quotients: 8 each for members per organisation, admissions per 100 members and per
        // organisation. 6 + 8 + 6 + 8 + 8 = 36.
        XCTAssertTrue(output.contains("so-sanh-2020.xlsx: 36 formulas, 0 mismatches"), output)
    }

    /// The check can fail: a workbook whose cached value is wrong is caught, which proves
    /// LibreOffice recalculated instead of showing the cached results.
    func testAWrongCachedValueIsCaught() throws {
        let path = try XCTUnwrap(try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"]).first)
        let tampered = fx.dir + "/tampered.xlsx"
        let (made, log) = try WorkbookFixture.validator(["--tamper", path, tampered])
        XCTAssertEqual(made, 0, log)
        let (status, output) = try WorkbookFixture.validator([tampered])
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("1 mismatches"), output)
        XCTAssertTrue(output.contains("recalc: 0 passed, 1 failed"), output)
    }
}
