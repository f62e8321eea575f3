import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// The first lines of every report say how the term was judged (issue 14): as of which year and
/// why, ended or running, and how old the newest figure is, because a 2020–2025 file whose
/// figures stop in 2024 reads as "ended" under the default year of assessment.
final class HeadingTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws { fx = try WorkbookFixture() }
    override func tearDown() { fx.remove() }

    /// A 2020–2025 term of the built-in bloc, congress not given, whose figures stop in 2024
    /// (or which has none).
    private func term(figures: Bool = true) throws -> String {
        let path = fx.dir + "/data/2020-2025.yaml"
        try FileManager.default.createDirectory(atPath: fx.dir + "/data", withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] where !FileManager.default.fileExists(atPath: fx.dir + "/data/" + file) {
            try FileManager.default.copyItem(atPath: WorkbookFixture.repo.path + "/Targets/" + file, toPath: fx.dir + "/data/" + file)
        }
        var text = """
            body: lang-son/khoi-cac-co-quan
            term: { congress: "?", years: 2020-2025 }
            sources:
              bc: { title: "Báo cáo", publisher: "Đảng ủy Khối", date: 2024-12-20 }
            targets:
              - { id: kn, text: "mỗi năm kết nạp ít nhất 120 đảng viên mới", source: bc, indicator: ket-nap-dang-vien, rule: ">= 120", period: each-year }

            """
        if figures {
            text += """
                outcomes:
                  - { target: kn, period: 2023, value: "130", source: bc, quote: "năm 2023 kết nạp 130" }
                  - { target: kn, period: 2024, value: "125", source: bc, quote: "năm 2024 kết nạp 125" }

                """
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func heading(_ path: String, asOf: Int, _ origin: AsOfOrigin, _ language: ReportLanguage = .vi) throws -> [String] {
        let result = LedgerLoader.load(paths: [path])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        let record = try XCTUnwrap(ledger.records.first { $0.file == path })
        let assessment = try XCTUnwrap(Evaluator(ledger: ledger, asOf: asOf).assess(record))
        var renderer = TextReport(language: language)
        renderer.asOfOrigin = origin
        return Array(renderer.render(assessment).components(separatedBy: "\n").prefix(7))
    }

    func testAnEndedTermByTheDefaultYearSaysWhyAndHowOldItsFiguresAre() throws {
        let lines = try heading(try term(), asOf: 2026, .currentYear)
        XCTAssertEqual(lines[3], "Đại hội (chưa rõ lần thứ), nhiệm kỳ 2020–2025")
        XCTAssertEqual(lines[4], "Đánh giá tại năm 2026 (mặc định: năm hiện tại; đổi bằng --as-of): nhiệm kỳ kết thúc năm 2025, đã kết thúc.")
        XCTAssertEqual(lines[5], "Số liệu mới nhất: năm 2024. Để đánh giá tiến độ tại năm đó, dùng --as-of 2024.")
        let en = try heading(try term(), asOf: 2026, .currentYear, .en)
        XCTAssertEqual(en[3], "Congress (ordinal not given), term 2020–2025")
        XCTAssertEqual(en[4], "Assessed as of 2026 (default: the current year; change with --as-of): the term ended in 2025.")
        XCTAssertEqual(en[5], "Newest figure: 2024. To judge progress as of that year, use --as-of 2024.")
    }

    func testARunningTermByAGivenYear() throws {
        // As of 2024: reporting years 2021–2025, of which 2021–2024 (4) have passed.
        let lines = try heading(try term(), asOf: 2024, .given)
        XCTAssertEqual(lines[4], "Đánh giá tại năm 2024 (chọn bằng --as-of): nhiệm kỳ kết thúc năm 2025, đang diễn ra (đã qua 4/5 năm).")
        XCTAssertEqual(lines[5], "Số liệu mới nhất: năm 2024.", "no advice to change the year: it is already the figures' year")
        let en = try heading(try term(), asOf: 2024, .given, .en)
        XCTAssertEqual(en[4], "Assessed as of 2024 (set with --as-of): the term ends in 2025 and is running (4 of 5 years elapsed).")
    }

    func testATermWithNoFiguresSaysSo() throws {
        let lines = try heading(try term(figures: false), asOf: 2026, .currentYear)
        XCTAssertEqual(lines[5], "Chưa có số liệu kết quả nào.")
    }

    func testTheFiguresOfTheLastYearAddNothing() throws {
        // The XIII term (2015–2020): its newest figures are of 2020, the term's last year.
        let xiii = WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"
        let lines = try heading(xiii, asOf: 2026, .given)
        XCTAssertEqual(lines[4], "Đánh giá tại năm 2026 (chọn bằng --as-of): nhiệm kỳ kết thúc năm 2020, đã kết thúc.")
        XCTAssertEqual(lines[5], "", "nothing about the figures' age")
    }

    /// A signed, printed summary is read by people who never run the command: the same year and
    /// reason, without the option's name or advice to use it.
    func testTheWorkbookSummarySaysTheSameWithoutTheOption() throws {
        let result = LedgerLoader.load(paths: [try term()])
        let ledger = try XCTUnwrap(result.ledger)
        let assessment = try XCTUnwrap(Evaluator(ledger: ledger, asOf: 2026).assessAll().first { $0.record.term != nil })
        var writer = ReviewWorkbook(language: .vi)
        writer.asOfOrigin = .currentYear
        let path = fx.dir + "/out.xlsx"
        try writer.write(assessment, to: path)
        let strings = try WorkbookFixture.part(path, "xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("Đánh giá tại năm 2026 (năm hiện tại): nhiệm kỳ kết thúc năm 2025, đã kết thúc. Số liệu mới nhất: năm 2024.<"), strings)
        XCTAssertFalse(strings.contains("--as-of"), "no command-line option on a signed page")
        // What the cells are is said beside the headline, for whoever edits, outside the print area.
        XCTAssertTrue(strings.contains("Tỷ lệ đạt, chênh lệch, đánh giá, câu tóm tắt và dòng tổng số là công thức"), strings)
        XCTAssertTrue(strings.contains("Đại hội (chưa rõ lần thứ), nhiệm kỳ 2020–2025"), "in the title and the page header")
    }
}
