import ChiTieuCore
import ChiTieuExport
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Issue 14: every figure of the input is judged under a target, listed as another outcome, or
/// listed apart with the reason (in the report, as a `check` warning, and as one row of the
/// feed); figures of part of a period show progress, never a final verdict. The five silent-loss
/// cases and the yearly-to-term case are named tests; expected figures are worked by hand beside
/// each assertion.
final class FigureAccountingTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "chitieu-accounting-" + UUID().uuidString
        try prepare(dir)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func prepare(_ folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/" + file, toPath: folder + "/" + file)
        }
    }

    static func head(_ years: String = "2020-2025", congress: String = "XIV") -> String {
        """
        body: lang-son/khoi-cac-co-quan
        term: { congress: \(congress), years: \(years) }
        sources: { s: { title: "Báo cáo giả định", publisher: "chitieu" } }

        """
    }

    /// Loads one term file and judges it.
    private func assess(_ yaml: String, asOf: Int, folder: String? = nil) throws -> (Assessment, LedgerLoader.Result) {
        let folder: String = folder ?? dir
        let file = folder + "/\(UUID().uuidString).yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
        let loaded = LedgerLoader.load(paths: [file])
        XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics.items)")
        let ledger = try XCTUnwrap(loaded.ledger)
        return (try XCTUnwrap(Evaluator(ledger: ledger, asOf: asOf).assessAll().first), loaded)
    }

    private func line(of text: String, in yaml: String) -> Int? {
        yaml.components(separatedBy: "\n").firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }

    /// A report with its lines joined, so that a phrase is found wherever the wrapping broke it.
    private func flow(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The feed rows that carry a figure (its quote): the observations.
    private func observationRows(_ a: Assessment) -> [FeedRow] { Feed.rows(a).filter { !$0.quote.isEmpty } }

    // MARK: - The five silent-loss cases

    func testCase1AFigureOfTheCongressYearOutsideTheReportingYears() throws {
        let yaml = Self.head() + """
            targets:
              - { id: ket-nap, text: "hằng năm kết nạp ít nhất 120", source: s, indicator: ket-nap-dang-vien, rule: ">= 120", period: each-year }
            outcomes:
              - { target: ket-nap, period: 2020, value: "140", source: s, quote: "năm 2020 kết nạp 140" }
              - { target: ket-nap, period: 2021, value: "130", source: s, quote: "năm 2021 kết nạp 130" }
            """
        let (a, _) = try assess(yaml, asOf: 2026)
        XCTAssertEqual(a.unusedFigures.count, 1)
        XCTAssertEqual(a.unusedFigures.first?.observation.period, .year(2020))
        XCTAssertEqual(a.unusedFigures.first?.reasons.first?.kind, .notReportingYear(2020, years: 2021...2025))
        let report = flow(TextReport().render(a))
        XCTAssertTrue(report.contains("SỐ LIỆU KHÔNG DÙNG ĐỂ ĐÁNH GIÁ"))
        XCTAssertTrue(report.contains("năm 2020 không thuộc các năm đánh giá 2021–2025"), report)
        let warning = UnusedFigureChecks.diagnostics(for: a).items.first
        XCTAssertEqual(warning?.location?.line, line(of: "năm 2020 kết nạp 140", in: yaml))
        XCTAssertTrue(warning?.message.contains("2020 is not one of the term's reporting years 2021–2025") == true)
        XCTAssertEqual(observationRows(a).count, 2, "both figures are rows of the feed")
        XCTAssertEqual(observationRows(a).first { $0.period == "2020" }?.row, "unused")
    }

    func testCase2AnIndicatorOnlyYearlyShareBesideAnEndOfTermTarget() throws {
        let yaml = Self.head() + """
            targets:
              - { id: tsvm, text: "đến cuối nhiệm kỳ 70% cơ sở trong sạch vững mạnh", source: s, indicator: co-so-tsvm, rule: ">= 70%", period: end-of-term }
            outcomes:
              - { indicator: co-so-tsvm, period: 2022, value: "68%", source: s, quote: "năm 2022 đạt 68%" }
              - { indicator: co-so-tsvm, period: 2023, value: "71%", source: s, quote: "năm 2023 đạt 71%" }
            """
        let (ended, _) = try assess(yaml, asOf: 2026)
        XCTAssertEqual(ended.targets[0].summary.verdict, .noData, "the end of term (2025) has no figure")
        XCTAssertEqual(ended.unusedFigures.map(\.observation.period), [.year(2022), .year(2023)])
        XCTAssertEqual(Set(ended.unusedFigures.flatMap(\.reasons).map(\.kind)), [.otherYear(judged: 2025)])
        XCTAssertTrue(flow(TextReport().render(ended)).contains("chỉ tiêu chỉ xét năm 2025"))
        // While the term runs, the latest level (71 %, 2023) is the progress; 2022 is listed.
        let (running, _) = try assess(yaml, asOf: 2023)
        XCTAssertEqual(running.targets[0].summary.progress, .onTrack) // 71 ≥ 70
        XCTAssertEqual(running.unusedFigures.map(\.observation.period), [.year(2022)])
    }

    func testCase3ADatedFigureAgainstATermTargetAndAByYearTarget() throws {
        let yaml = Self.head() + """
            targets:
              - { id: nk, text: "cả nhiệm kỳ kết nạp trên 600", source: s, indicator: ket-nap-dang-vien, rule: "> 600", period: term }
              - { id: den-2022, text: "đến năm 2022 kết nạp 200", source: s, indicator: ket-nap-dang-vien, rule: ">= 200", period: by 2022 }
            outcomes:
              - { indicator: ket-nap-dang-vien, period: 2021, value: "100", source: s, quote: "năm 2021: 100" }
              - { indicator: ket-nap-dang-vien, period: 2022-06-30, value: "214", source: s, quote: "tính đến 30/6/2022: 214" }
            """
        let (a, _) = try assess(yaml, asOf: 2022)
        XCTAssertTrue(a.unusedFigures.isEmpty, "\(a.unusedFigures)")
        let term = a.targets[0].summary
        XCTAssertNil(term.verdict, "a figure to 30 June is progress, never a verdict")
        XCTAssertEqual(term.value, 314) // 100 + 214
        XCTAssertEqual(term.partialThrough, CalendarDate(year: 2022, month: 6, day: 30))
        // 2021 whole and 181 of 365 days of 2022, of 5 reporting years: (1 + 181/365) ÷ 5 = 546/1825.
        XCTAssertEqual(Rounding.halfUp((term.proRata?.share ?? 0) * 1825, places: 6), 546)
        XCTAssertEqual(term.progress, .onTrack) // 314/600 = 52,3 % of the target against 29,9 % of the time
        let byYear = a.targets[1].summary
        XCTAssertNil(byYear.verdict, "due in 2022, but 2022 is known to 30 June only")
        // (1 + 181/365) ÷ 2 = 546/730 = 74,8 % of the time; 314/200 = 157 % of the target.
        XCTAssertEqual(Rounding.halfUp((byYear.proRata?.share ?? 0) * 730, places: 6), 546)
        XCTAssertEqual(byYear.progress, .onTrack)
        let report = flow(TextReport().render(a))
        XCTAssertTrue(report.contains("314 (tính đến 30/6/2022)"), report)
    }

    func testCase4ATermFigureAgainstAnEachYearTarget() throws {
        let yaml = Self.head("2015-2020", congress: "XIII") + """
            targets:
              - { id: hang-nam, text: "mỗi năm kết nạp ít nhất 120", source: s, indicator: ket-nap-dang-vien, rule: ">= 120", period: each-year }
            outcomes:
              - { target: hang-nam, period: term, value: "868", source: s, quote: "cả nhiệm kỳ kết nạp 868" }
            """
        let (a, _) = try assess(yaml, asOf: 2026)
        XCTAssertTrue(a.unusedFigures.isEmpty)
        let c = try XCTUnwrap(a.targets[0].cumulative)
        XCTAssertEqual(c.value, 868)
        XCTAssertEqual(c.rule.threshold, 600) // 120 × 5 reporting years
        XCTAssertEqual(c.verdict, .exceeded)
        XCTAssertEqual(a.targets[0].summary.verdict, .noData, "no single year is known")
        XCTAssertTrue(flow(TextReport().render(a)).contains("868"))
    }

    /// A figure of the term so far against a yearly target is no year's figure: listed apart with
    /// that reason, never "a more complete figure is used" when no figure is used at all; and the
    /// report's sentences about it end with one full stop each.
    func testATermToDateFigureAgainstAnEachYearTargetSaysWhy() throws {
        let yaml = Self.head() + """
            targets:
              - { id: hang-nam, text: "hằng năm kết nạp trên 120", source: s, indicator: ket-nap-dang-vien, rule: "> 120", period: each-year }
            outcomes:
              - { indicator: ket-nap-dang-vien, period: 2022-12-31, covers: term-to-date, value: "312", stated: "104%", source: s, quote: "từ đầu nhiệm kỳ đến nay kết nạp 312" }
            """
        let (a, _) = try assess(yaml, asOf: 2023)
        XCTAssertEqual(a.unusedFigures.count, 1)
        XCTAssertEqual(a.unusedFigures.first?.reasons.map(\.kind), [.termToDateOfYearlyTarget])
        XCTAssertEqual(a.targets[0].years.compactMap(\.value), [], "no year has a figure of its own")
        let report = flow(TextReport().render(a))
        XCTAssertTrue(report.contains("Không dùng vì chỉ tiêu 1: số liệu lũy kế từ đầu nhiệm kỳ, còn chỉ tiêu xét từng năm"), report)
        XCTAssertFalse(report.contains("đầy đủ hơn"), report)
        XCTAssertFalse(report.contains(".."), report)
        XCTAssertTrue(flow(TextReport(language: .en).render(a)).contains("Not used: target 1: it covers the term to a date and the target is judged year by year"))
        XCTAssertEqual(Feed.rows(a).first { $0.quote.hasPrefix("từ đầu nhiệm kỳ") }?.unusedReason, "hang-nam: term-to-date-of-yearly-target")
    }

    func testCase5YearlyFiguresOfAnEndOfTermTarget() throws {
        let yaml = Self.head("2015-2020", congress: "XIII") + """
            targets:
              - { id: tsvm, text: "cuối nhiệm kỳ 70% cơ sở TSVM", source: s, indicator: co-so-tsvm, rule: ">= 70%", period: end-of-term }
            outcomes:
              - { target: tsvm, period: 2016, value: "61%", source: s, quote: "2016: 61%" }
              - { target: tsvm, period: 2017, value: "63%", source: s, quote: "2017: 63%" }
              - { target: tsvm, period: 2018, value: "66%", source: s, quote: "2018: 66%" }
              - { target: tsvm, period: 2019, value: "69%", source: s, quote: "2019: 69%" }
              - { target: tsvm, period: 2020, value: "72%", source: s, quote: "2020: 72%" }
            """
        for asOf in [2017, 2018, 2020, 2026] {
            let (a, _) = try assess(yaml, asOf: asOf)
            XCTAssertEqual(observationRows(a).count, 5, "every figure is one row of the feed at --as-of \(asOf)")
            XCTAssertEqual(Set(observationRows(a).map(\.quote)).count, 5)
            let used = a.targets[0].summary.observations.count
            XCTAssertEqual(used + a.unusedFigures.count, 5, "as of \(asOf)")
        }
        let (ended, _) = try assess(yaml, asOf: 2026)
        XCTAssertEqual(ended.targets[0].summary.value, 72)
        XCTAssertEqual(ended.targets[0].summary.verdict, .exceeded)
        XCTAssertEqual(ended.unusedFigures.count, 4)
    }

    func testYearlyFiguresCountTowardTheTermTotalOfTheSameIndicator() throws {
        let yaml = Self.head() + """
            targets:
              - { id: nk, text: "kết nạp trên 600 trong nhiệm kỳ", source: s, indicator: ket-nap-dang-vien, rule: "> 600", period: term }
              - { id: hang-nam, text: "hằng năm kết nạp ít nhất 120", source: s, indicator: ket-nap-dang-vien, rule: ">= 120", period: each-year }
            outcomes:
              - { target: hang-nam, period: 2021, value: "130", source: s, quote: "2021: 130" }
              - { target: hang-nam, period: 2022, value: "125", source: s, quote: "2022: 125" }
              - { target: hang-nam, period: 2023, value: "118", source: s, quote: "2023: 118" }
              - { target: hang-nam, period: 2024, value: "135", source: s, quote: "2024: 135" }
              - { target: hang-nam, period: 2025, value: "140", source: s, quote: "2025: 140" }
            """
        let (a, _) = try assess(yaml, asOf: 2026)
        let term = a.targets[0].summary
        XCTAssertEqual(term.value, 648) // 130 + 125 + 118 + 135 + 140
        XCTAssertEqual(term.verdict, .exceeded) // 648 > 600
        XCTAssertEqual(a.targets[1].summary.tally?.met, 4) // 2023's 118 < 120
        XCTAssertTrue(a.unusedFigures.isEmpty)
        // Each figure is one row of the feed: its yearly row; the term total is derived.
        XCTAssertEqual(observationRows(a).count, 5)
        XCTAssertEqual(Set(observationRows(a).map(\.target)), ["hang-nam"])
        let report = flow(TextReport().render(a))
        XCTAssertTrue(report.contains("130 (năm 2021) + 125 (năm 2022) + 118 (năm 2023) + 135 (năm 2024) + 140 (năm 2025) = 648"), report)
        // check --figures says which figures feed which target, at the target's line.
        let notes = FigureUseNotes.diagnostics(for: a).items
        let first = try XCTUnwrap(line(of: "2021: 130", in: yaml))
        XCTAssertEqual(notes.first?.location?.line, line(of: "id: nk", in: yaml))
        XCTAssertTrue(notes.first?.message.hasPrefix("target 'nk' uses 5 figures: line \(first) (2021, given for 'hang-nam')") == true, "\(notes)")
    }

    // MARK: - Partial-year and mid-term figures

    func testAFigureToThirtyJuneIsProgressNotAFinalVerdict() throws {
        let yaml = Self.head() + """
            targets:
              - { id: nam, text: "hằng năm kết nạp 640", source: s, indicator: ket-nap-dang-vien, rule: ">= 640", period: each-year }
            outcomes:
              - { target: nam, period: 2022-06-30, value: "214", source: s, quote: "tính đến 30/6/2022 kết nạp 214" }
            """
        let (a, _) = try assess(yaml, asOf: 2026)
        let row = try XCTUnwrap(a.targets[0].years.first { $0.period == .year(2022) })
        XCTAssertNil(row.verdict)
        // 214 ÷ 640 = 33,4375 % of the year's target, against 181/365 = 49,59 % of the year: 16,2 points behind.
        XCTAssertEqual(Rounding.halfUp(row.attainment ?? 0, places: 4), d("33.4375"))
        XCTAssertEqual(row.proRata?.band, .atRisk)
        XCTAssertEqual(a.targets[0].summary.verdict, nil, "a year known in part keeps the term from a final verdict")
        XCTAssertEqual(a.targets[0].summary.tally?.inProgress, 1)
        let report = flow(TextReport().render(a))
        XCTAssertTrue(report.contains("214 (tính đến 30/6/2022)"), report)
        XCTAssertTrue(report.contains("33,4 %"), report)
    }

    func testAPartOfAYearAgainstAYearlyRangeIsProRataToItsLowerBound() throws {
        let yaml = Self.head() + """
            targets:
              - { id: vl, text: "giải quyết việc làm 14.000 - 16.000 lao động/năm", source: s, indicator: kiem-tra-to-chuc, rule: "14.000-16.000", period: each-year }
            outcomes:
              - { target: vl, period: 2022-06-30, value: "7.100", source: s, quote: "6 tháng: 7.100" }
            """
        let (a, _) = try assess(yaml, asOf: 2026)
        let row = try XCTUnwrap(a.targets[0].years.first { $0.period == .year(2022) })
        // 14.000 × 181/365 = 6.942,5 expected by 30 June; 7.100 is ahead.
        XCTAssertEqual(row.proRata?.target, 14_000)
        XCTAssertEqual(row.progress, .onTrack)
        XCTAssertNil(row.verdict)
    }

    func testTwoFiguresOfOneYearTheLaterIsTheYearsFigure() throws {
        let yaml = Self.head() + """
            targets:
              - { id: nam, text: "hằng năm kết nạp 65", source: s, indicator: ket-nap-dang-vien, rule: ">= 65", period: each-year }
            outcomes:
              - { target: nam, period: 2022-06-30, value: "60", source: s, quote: "6 tháng: 60" }
              - { target: nam, period: 2022-12-31, value: "70", source: s, quote: "cả năm: 70" }
            """
        let (a, _) = try assess(yaml, asOf: 2026)
        let row = try XCTUnwrap(a.targets[0].years.first { $0.period == .year(2022) })
        XCTAssertEqual(row.value, 70)
        XCTAssertEqual(row.verdict, .exceeded) // 70 > 65, a whole year (to 31 December)
        XCTAssertEqual(a.unusedFigures.map(\.observation.quote), ["6 tháng: 60"])
        let later = try XCTUnwrap(line(of: "cả năm: 70", in: yaml))
        XCTAssertEqual(a.unusedFigures.first?.reasons.first?.kind.english(from: SourceLocation(file: "x", line: 1, column: 1)).contains("\(later)"), true)
        XCTAssertTrue(flow(TextReport().render(a)).contains("đã dùng số liệu mới hơn hoặc đầy đủ hơn (dòng \(later))"))
    }

    func testHalvesQuartersAndMidTerm() throws {
        let yaml = Self.head() + """
            targets:
              - { id: nam, text: "hằng năm kết nạp 100", source: s, indicator: ket-nap-dang-vien, rule: ">= 100", period: each-year }
              - { id: nk, text: "cả nhiệm kỳ kết nạp trên 500", source: s, indicator: giam-sat-chuyen-de, rule: "> 500", period: term }
            outcomes:
              - { target: nam, period: 2021, covers: 6 tháng đầu năm, value: "55", source: s, quote: "6 tháng đầu năm 2021: 55" }
              - { target: nam, period: 2022, covers: quý II, value: "30", source: s, quote: "quý II năm 2022: 30" }
              - { target: nk, period: 2023-06-30, covers: giữa nhiệm kỳ, value: "260", source: s, quote: "sơ kết giữa nhiệm kỳ: 260" }
            """
        let (a, loaded) = try assess(yaml, asOf: 2026)
        XCTAssertTrue(loaded.diagnostics.items.isEmpty)
        let half = try XCTUnwrap(a.targets[0].years.first { $0.period == .year(2021) })
        XCTAssertNil(half.verdict)
        XCTAssertEqual(half.proRata?.share, d("0.5")) // 6 of 12 months
        XCTAssertEqual(half.progress, .onTrack) // 55 % of the target against 50 % of the year
        XCTAssertEqual(a.unusedFigures.map(\.observation.quote), ["quý II năm 2022: 30"])
        XCTAssertEqual(a.unusedFigures.first?.reasons.first?.kind, .partialSpan(first: 4, last: 6))
        let mid = a.targets[1].summary
        XCTAssertNil(mid.verdict, "a mid-term figure is never the term's verdict, even after the term")
        // 2021 and 2022 whole, 181/365 of 2023, of 5 years: (2 + 181/365) ÷ 5 = 911/1825.
        XCTAssertEqual(Rounding.halfUp((mid.proRata?.share ?? 0) * 1825, places: 6), 911)
        XCTAssertEqual(mid.progress, .onTrack) // 260/500 = 52 % against 49,9 %
    }

    func testCoverageWordsAreCheckedWithPositions() throws {
        for (covers, period, expect) in [
            ("quý V", "2022", "is not a part of a period"),
            ("quý II", "2022-06-30", "a span of months"),
            ("từ đầu năm", "2022", "needs the date"),
        ] {
            let yaml = Self.head() + """
                targets:
                  - { id: nam, text: "hằng năm kết nạp 100", source: s, indicator: ket-nap-dang-vien, rule: ">= 100", period: each-year }
                outcomes:
                  - { target: nam, period: \(period), covers: \(covers), value: "55", source: s, quote: "q" }
                """
            let file = dir + "/c.yaml"
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
            let loaded = LedgerLoader.load(paths: [file])
            let error = loaded.diagnostics.items.first { $0.severity == .error }
            XCTAssertTrue(error?.message.contains(expect) == true, "\(covers): \(loaded.diagnostics.items)")
            XCTAssertEqual(error?.location?.line, line(of: "covers:", in: yaml))
        }
    }

    // MARK: - A target for one year inside the term

    func testATargetForOneYearAlone() throws {
        let yaml = Self.head() + """
            targets:
              - { id: nam-2022, text: "Năm 2022, phấn đấu kết nạp 90 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: ">= 90", period: year 2022 }
            outcomes:
              - { indicator: ket-nap-dang-vien, period: 2021, value: "80", source: s, quote: "2021: 80" }
              - { indicator: ket-nap-dang-vien, period: 2022, value: "95", source: s, quote: "2022: 95" }
            """
        let (a, _) = try assess(yaml, asOf: 2026)
        XCTAssertEqual(a.targets[0].summary.value, 95, "that year alone, not a sum from the term's start")
        XCTAssertEqual(a.targets[0].summary.verdict, .exceeded)
        XCTAssertEqual(a.unusedFigures.first?.reasons.first?.kind, .otherYear(judged: 2022))
        let (early, _) = try assess(yaml, asOf: 2021)
        XCTAssertEqual(early.targets[0].summary.progress, .notDue)
        // Written as a bare year too; a year outside the term is refused at its column.
        let bare = try assess(yaml.replacingOccurrences(of: "period: year 2022", with: "period: 2022"), asOf: 2026).0
        XCTAssertEqual(bare.targets[0].target.period, .year(2022))
        let file = dir + "/y.yaml"
        try Data(yaml.replacingOccurrences(of: "year 2022", with: "year 2030").utf8).write(to: URL(fileURLWithPath: file))
        let refused = LedgerLoader.load(paths: [file]).diagnostics.items.first { $0.severity == .error }
        XCTAssertTrue(refused?.message.contains("outside the term") == true)
    }

    // MARK: - A district's file: 36 figures of every kind, at any --as-of

    static let district = head() + """
        targets:
          - { id: ket-nap-nk, text: "cả nhiệm kỳ kết nạp trên 600 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: "> 600", period: term }
          - { id: ket-nap-hn, text: "hằng năm kết nạp ít nhất 120 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: ">= 120", period: each-year }
          - { id: ket-nap-2022, text: "năm 2022 kết nạp 90 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: ">= 90", period: year 2022 }
          - { id: htt, text: "hằng năm 90% đảng viên hoàn thành tốt nhiệm vụ", source: s, indicator: dang-vien-htt, rule: ">= 90%", period: each-year }
          - { id: tsvm, text: "cuối nhiệm kỳ 70% cơ sở trong sạch vững mạnh", source: s, indicator: co-so-tsvm, rule: ">= 70%", period: end-of-term }
          - { id: loai-4, text: "đến năm 2023 đảng viên loại 4 dưới 0,5%", source: s, indicator: dang-vien-loai-4, rule: "< 0,5%", period: by 2023 }
          - { id: kiem-tra, text: "hằng năm kiểm tra 03 tổ chức", source: s, indicator: kiem-tra-to-chuc, rule: ">= 3", period: each-year }
          - { id: giam-sat, text: "giám sát trên 20 tổ chức trong nhiệm kỳ", source: s, indicator: giam-sat-chuyen-de, rule: "> 20", period: term }
          - { id: yeu-kem, text: "không có cơ sở yếu kém", source: s, indicator: co-so-yeu-kem, rule: "= 0", period: each-year }
          - { id: xep-loai, text: "hằng năm xếp loại hoàn thành tốt nhiệm vụ trở lên", source: s, indicator: xep-loai-dang-bo, rule: "xếp loại >= hoan-thanh-tot", period: each-year }
          - { id: quan-triet, text: "100% đảng viên học tập nghị quyết", source: s, indicator: quan-triet-dang-vien, rule: ">= 100%", period: term }
        outcomes:
          - { target: ket-nap-hn, period: 2020, value: "140", source: s, quote: "năm 2020 (năm đại hội) kết nạp 140" }
          - { target: ket-nap-hn, period: 2021, value: "130", source: s, quote: "năm 2021 kết nạp 130" }
          - { target: ket-nap-hn, period: 2022, value: "125", source: s, quote: "năm 2022 kết nạp 125" }
          - { target: ket-nap-hn, period: 2023, value: "118", source: s, quote: "năm 2023 kết nạp 118" }
          - { target: ket-nap-hn, period: 2024-06-30, value: "60", source: s, quote: "6 tháng đầu năm 2024 kết nạp 60" }
          - { target: ket-nap-hn, period: 2024, value: "135", source: s, quote: "năm 2024 kết nạp 135" }
          - { target: ket-nap-nk, period: 2023-06-30, covers: giữa nhiệm kỳ, value: "310", source: s, quote: "sơ kết giữa nhiệm kỳ: 310" }
          - { target: htt, period: 2021, numerator: "3.950", denominator: "4.294", source: s, quote: "3.950/4.294 đảng viên" }
          - { target: htt, period: 2022, value: "92%", source: s, quote: "năm 2022: 92%" }
          - { target: htt, period: 2023, value: "91,5%", source: s, quote: "năm 2023: 91,5%" }
          - { target: htt, period: 2024, value: "89%", source: s, quote: "năm 2024: 89%" }
          - { target: htt, period: 2025, value: "90%", source: s, quote: "năm 2025: 90%" }
          - { indicator: co-so-tsvm, period: 2021, value: "65%", source: s, quote: "TSVM 2021: 65%" }
          - { indicator: co-so-tsvm, period: 2022, value: "68%", source: s, quote: "TSVM 2022: 68%" }
          - { indicator: co-so-tsvm, period: 2023, value: "71%", source: s, quote: "TSVM 2023: 71%" }
          - { indicator: co-so-tsvm, period: 2025, value: "72%", source: s, quote: "TSVM 2025: 72%" }
          - { target: loai-4, period: 2021, value: "0,8%", source: s, quote: "loại 4 2021: 0,8%" }
          - { target: loai-4, period: 2022, value: "0,6%", source: s, quote: "loại 4 2022: 0,6%" }
          - { target: loai-4, period: 2023, value: "0,4%", source: s, quote: "loại 4 2023: 0,4%" }
          - { target: loai-4, period: 2024, value: "0,3%", source: s, quote: "loại 4 2024: 0,3%" }
          - { target: kiem-tra, period: 2021, value: "3", source: s, quote: "kiểm tra 2021: 3" }
          - { target: kiem-tra, period: 2022, value: "2", source: s, quote: "kiểm tra 2022: 2" }
          - { target: kiem-tra, period: 2023, covers: quý II, value: "1", source: s, quote: "kiểm tra quý II 2023: 1" }
          - { target: kiem-tra, period: 2023, value: "4", source: s, quote: "kiểm tra 2023: 4" }
          - { target: kiem-tra, period: term, value: "15", source: s, quote: "kiểm tra cả nhiệm kỳ: 15" }
          - { target: giam-sat, period: 2021, value: "5", source: s, quote: "giám sát 2021: 5" }
          - { target: giam-sat, period: 2022, value: "6", source: s, quote: "giám sát 2022: 6" }
          - { target: giam-sat, period: 2023, value: "4", source: s, quote: "giám sát 2023: 4" }
          - { target: giam-sat, period: 2024, value: "7", source: s, quote: "giám sát 2024: 7" }
          - { target: giam-sat, period: 2025, value: "5", source: s, quote: "giám sát 2025: 5" }
          - { target: yeu-kem, period: 2021, value: "0", source: s, quote: "yếu kém 2021: 0" }
          - { target: yeu-kem, period: 2022, value: "0", source: s, quote: "yếu kém 2022: 0" }
          - { target: xep-loai, period: 2021, value: hoan-thanh-tot, source: s, quote: "xếp loại 2021: hoàn thành tốt" }
          - { target: xep-loai, period: 2022, value: hoan-thanh-xuat-sac, source: s, quote: "xếp loại 2022: xuất sắc" }
          - { target: quan-triet, period: term, value: "100%", source: s, quote: "100% đảng viên học tập" }
          - { indicator: van-ban-ban-hanh, period: 2023, value: "450", source: s, quote: "ban hành 450 văn bản" }
        """

    func testADistrictFileWith36FiguresExports36AtAnyAsOfAndImportsBackTheSame() throws {
        let quotes = Self.district.components(separatedBy: "\n").filter { $0.contains("quote:") && !$0.contains("text:") }
        XCTAssertEqual(quotes.count, 36)
        for asOf in [2021, 2022, 2023, 2024, 2025, 2026] {
            let (a, loaded) = try assess(Self.district, asOf: asOf)
            XCTAssertEqual(a.record.observations.count, 36)
            // (a) every figure in the report: judged, another outcome, or listed apart.
            let used = Set(a.targets.flatMap { judgedRows($0).flatMap(\.observations) }.map(\.location))
            let listed = Set(a.otherOutcomes.map(\.observation.location)).union(a.unusedFigures.map(\.observation.location))
            XCTAssertEqual(used.union(listed).count, 36, "as of \(asOf)")
            XCTAssertTrue(used.isDisjoint(with: a.unusedFigures.map(\.observation.location)))
            // (b) exactly one row of the feed each, in CSV, JSON and SQLite alike (one row list).
            let rows = observationRows(a)
            XCTAssertEqual(rows.count, 36, "as of \(asOf): \(rows.map(\.quote))")
            XCTAssertEqual(Set(rows.map(\.quote)).count, 36)
            // Every row's stable id is its own (a quarter beside its year, a term figure beside a
            // yearly target's term row once shared one, and the database refused the export).
            let all = Feed.rows(a)
            XCTAssertEqual(Set(all.map(\.id)).count, all.count, "as of \(asOf): \(all.map(\.id))")
            XCTAssertNoThrow(try FeedDatabase.write(try XCTUnwrap(loaded.ledger), [a], to: dir + "/feed-\(asOf).sqlite"))
            // check warns at the line of each figure no verdict uses.
            XCTAssertEqual(UnusedFigureChecks.diagnostics(for: a).items.count, a.unusedFigures.count)
            // (c) export → import → the same judgements.
            let again = dir + "/again-\(asOf)"
            try prepare(again)
            try FeedWriter.csv([a], to: again + "/ket-qua.csv")
            let head = try XCTUnwrap(Self.district.components(separatedBy: "outcomes:\n").first)
            let (b, _) = try assess(head + "outcomes-csv: ket-qua.csv\n", asOf: asOf, folder: again)
            XCTAssertEqual(b.record.observations.count, 36, "as of \(asOf)")
            assertSameJudgements(a, b, "as of \(asOf)")
        }
    }

    func testTheDistrictsFiguresAreJudgedAsWorkedByHand() throws {
        let (a, _) = try assess(Self.district, asOf: 2026)
        func target(_ id: String) throws -> TargetAssessment { try XCTUnwrap(a.targets.first { $0.target.id == id }) }
        // ket-nap over the term: 2021–2024 whole (130 + 125 + 118 + 135 = 508), 2025 missing, and
        // the mid-term figure (310 to 30/6/2023) is older than the sum: no final verdict.
        XCTAssertEqual(try target("ket-nap-nk").summary.verdict, .noData)
        XCTAssertEqual(try target("ket-nap-nk").summary.missingYears, [2025])
        // ket-nap 2022 alone: 125 ≥ 90.
        XCTAssertEqual(try target("ket-nap-2022").summary.value, 125)
        XCTAssertEqual(try target("ket-nap-2022").summary.verdict, .exceeded)
        // htt each year: 91,99 / 92 / 91,5 / 89 / 90 → 2024 missed.
        XCTAssertEqual(try target("htt").summary.tally?.met, 4)
        XCTAssertEqual(try target("htt").summary.verdict, .notMet)
        // loai-4 by 2023 (a level): 0,4 % < 0,5 %; 2021, 2022 and 2024 listed apart.
        XCTAssertEqual(try target("loai-4").summary.value, d("0.4"))
        XCTAssertEqual(try target("loai-4").summary.verdict, .met)
        // giám sát over the term: 5 + 6 + 4 + 7 + 5 = 27 > 20.
        XCTAssertEqual(try target("giam-sat").summary.value, 27)
        XCTAssertEqual(try target("giam-sat").summary.verdict, .exceeded)
        let reasons = Dictionary(a.unusedFigures.map { ($0.observation.quote, $0.reasons.map(\.kind)) }, uniquingKeysWith: { x, _ in x })
        XCTAssertEqual(reasons["năm 2020 (năm đại hội) kết nạp 140"]?.contains(.notReportingYear(2020, years: 2021...2025)), true)
        XCTAssertEqual(reasons["kiểm tra quý II 2023: 1"], [.partialSpan(first: 4, last: 6)])
        XCTAssertEqual(reasons["TSVM 2021: 65%"], [.otherYear(judged: 2025)])
        XCTAssertEqual(reasons["loại 4 2024: 0,3%"], [.afterDue(2023)])
        XCTAssertNotNil(reasons["6 tháng đầu năm 2024 kết nạp 60"], "superseded by the year's own figure")
        XCTAssertNil(reasons["kiểm tra cả nhiệm kỳ: 15"], "a term figure of a yearly count floor is set against 3 × 5")
    }
}

/// Stated attainments with words, an excess as a figure, and one with no target in the data.
final class StatedFigureTests: XCTestCase {
    func testStatedWordsExcessAndNoTargetAreKeptShownAndChecked() throws {
        let dir = NSTemporaryDirectory() + "chitieu-stated-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: FigureAccountingTests.repo.path + "/Targets/" + file, toPath: dir + "/" + file)
        }
        let yaml = FigureAccountingTests.head() + """
            targets:
              - { id: nam, text: "hằng năm kết nạp 140", source: s, indicator: ket-nap-dang-vien, rule: ">= 140", period: each-year }
            outcomes:
              - { target: nam, period: 2021, value: "152", stated: "trên 108%", excess: "12", source: s, quote: "kết nạp 152, vượt chỉ tiêu 12 (trên 108%)" }
              - { target: nam, period: 2022, value: "152", excess: "10", source: s, quote: "kết nạp 152, vượt chỉ tiêu 10" }
              - { indicator: van-ban-ban-hanh, period: 2023, value: "47", stated: "58,75%", source: s, quote: "ban hành 47 văn bản, đạt 58,75% chỉ tiêu" }
            """
        let file = dir + "/f.yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
        let loaded = LedgerLoader.load(paths: [file])
        XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics.items)")
        let a = try XCTUnwrap(Evaluator(ledger: try XCTUnwrap(loaded.ledger), asOf: 2026).assessAll().first)
        let y2021 = try XCTUnwrap(a.targets[0].years.first { $0.period == .year(2021) })
        XCTAssertEqual(y2021.statedCheck?.match, .matches) // 152 ÷ 140 = 108,57 % > 108 %
        XCTAssertEqual(y2021.excessCheck?.matches, true) // 152 − 12 = 140
        let y2022 = try XCTUnwrap(a.targets[0].years.first { $0.period == .year(2022) })
        XCTAssertEqual(y2022.excessCheck?.implied, 142) // 152 − 10, not 140
        XCTAssertEqual(y2022.excessCheck?.matches, false)
        // 47 at 58,75 %: no target for documents in the data; it implies 47 ÷ 58,75 × 100 = 80.
        let unchecked = StatedChecks.unchecked(a)
        XCTAssertEqual(unchecked.map(\.quote), ["ban hành 47 văn bản, đạt 58,75% chỉ tiêu"])
        XCTAssertEqual(unchecked.first?.impliedTarget, 80)
        let report = TextReport().render(a).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        XCTAssertTrue(report.contains("Nguồn ghi đạt 58,75% chỉ tiêu: không tính được (dữ liệu chưa có số chỉ tiêu; ứng với chỉ tiêu 80)"), report)
        XCTAssertTrue(report.contains("Nguồn ghi vượt chỉ tiêu 10, tức chỉ tiêu là 142, nhưng chỉ tiêu là 140: KHÔNG KHỚP"), report)
        XCTAssertTrue(report.contains("Nguồn ghi trên 108%; tính lại được 108,57 %: khớp."), report)
        let warnings = StatedChecks.diagnostics(for: a).items.map(\.message)
        XCTAssertTrue(warnings.contains { $0.contains("makes the target 142, but the target is 140") })
        XCTAssertTrue(warnings.contains { $0.contains("implies a target of 80") })
        // The feed keeps the words and the excess, and import reads them back.
        let rows = Feed.rows(a).filter { !$0.quote.isEmpty }
        XCTAssertEqual(rows.first { $0.period == "2021" }?.stated, "trên 108%")
        XCTAssertEqual(rows.first { $0.period == "2021" }?.excess, "12")
        let again = dir + "/again"
        try FileManager.default.createDirectory(atPath: again, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] { try FileManager.default.copyItem(atPath: dir + "/" + file, toPath: again + "/" + file) }
        try FeedWriter.csv([a], to: again + "/ket-qua.csv")
        let head = try XCTUnwrap(yaml.components(separatedBy: "outcomes:\n").first)
        try Data((head + "outcomes-csv: ket-qua.csv\n").utf8).write(to: URL(fileURLWithPath: again + "/f.yaml"))
        let reloaded = LedgerLoader.load(paths: [again])
        XCTAssertFalse(reloaded.diagnostics.hasErrors, "\(reloaded.diagnostics.items)")
        let b = try XCTUnwrap(Evaluator(ledger: try XCTUnwrap(reloaded.ledger), asOf: 2026).assessAll().first)
        // The same words and numbers (the text itself is in the feed's machine convention: 58.75%).
        XCTAssertEqual(b.record.observations.map { $0.stated?.attainment }, a.record.observations.map { $0.stated?.attainment })
        XCTAssertEqual(b.record.observations.map { $0.stated?.qualifier }, a.record.observations.map { $0.stated?.qualifier })
        XCTAssertEqual(b.record.observations.map { $0.stated?.places }, a.record.observations.map { $0.stated?.places })
        XCTAssertEqual(b.record.observations.map(\.statedExcess), a.record.observations.map(\.statedExcess))
    }
}

/// Outcomes given as a range, and targets that apply to each unit (issue 14, part 3).
final class RangeAndPerUnitTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "chitieu-units-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: FigureAccountingTests.repo.path + "/Targets/" + file, toPath: dir + "/" + file)
        }
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func assess(_ yaml: String, in folder: String? = nil) throws -> Assessment {
        let folder: String = folder ?? dir
        let file = folder + "/f.yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
        let loaded = LedgerLoader.load(paths: [file])
        XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics.items)")
        return try XCTUnwrap(Evaluator(ledger: try XCTUnwrap(loaded.ledger), asOf: 2026).assessAll().first)
    }

    private func flow(_ text: String) -> String { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }

    func testARangeOutcomeIsJudgedAtBothEnds() throws {
        let yaml = FigureAccountingTests.head() + """
            targets:
              - { id: a, text: "cuối nhiệm kỳ trên 5% đảng viên loại 1", source: s, indicator: dang-vien-loai-1, rule: "> 5%", period: end-of-term }
              - { id: b, text: "cuối nhiệm kỳ trên 6,5% cơ sở TSVM", source: s, indicator: co-so-tsvm, rule: "> 6,5%", period: end-of-term }
            outcomes:
              - { target: a, period: 2025, value: "6 % – 7 %", source: s, quote: "đạt khoảng 6 - 7%" }
              - { target: b, period: 2025, value: "6%-7%", source: s, quote: "6 - 7%" }
            """
        let a = try assess(yaml)
        XCTAssertEqual(a.targets[0].summary.valueRange, 6...7)
        XCTAssertEqual(a.targets[0].summary.verdict, .exceeded) // 6 > 5 and 7 > 5
        XCTAssertEqual(a.targets[1].summary.verdict, .undetermined) // 6 < 6,5 < 7
        XCTAssertEqual(a.targets[1].summary.undetermined, .rangeAcrossTarget)
        let report = flow(TextReport().render(a))
        XCTAssertTrue(report.contains("6–7 %"), report)
        XCTAssertTrue(report.contains("không đánh giá được (khoảng số liệu chứa mức chỉ tiêu"), report)
        XCTAssertTrue(report.contains("1 chỉ tiêu không đánh giá được"), report)
        // The feed writes the range and import reads it back.
        XCTAssertEqual(Feed.rows(a).first { !$0.quote.isEmpty }?.value, "6-7")
        let again = dir + "/again"
        try FileManager.default.createDirectory(atPath: again, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] { try FileManager.default.copyItem(atPath: dir + "/" + file, toPath: again + "/" + file) }
        try FeedWriter.csv([a], to: again + "/ket-qua.csv")
        let head = try XCTUnwrap(yaml.components(separatedBy: "outcomes:\n").first)
        let b = try assess(head + "outcomes-csv: ket-qua.csv\n", in: again)
        XCTAssertEqual(b.targets.map(\.summary.verdict), [.exceeded, .undetermined])
    }

    func testATargetForEachUnitIsJudgedUnitByUnit() throws {
        let yaml = FigureAccountingTests.head() + """
            targets:
              - { id: moi-xa, text: "mỗi xã kết nạp ít nhất 05 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: ">= 5", period: term, per-unit: xã }
            outcomes:
              - { target: moi-xa, period: term, unit-name: "Xã Tân Lập", value: "6", source: s, quote: "Tân Lập kết nạp 6" }
              - { target: moi-xa, period: term, unit-name: "Xã Hữu Kiên", value: "5", source: s, quote: "Hữu Kiên kết nạp 5" }
              - { target: moi-xa, period: term, unit-name: "Xã Yên Trạch", value: "3", source: s, quote: "Yên Trạch kết nạp 3" }
              - { target: moi-xa, period: term, value: "14", source: s, quote: "cả ba xã kết nạp 14" }
            """
        let a = try assess(yaml)
        let t = a.targets[0]
        XCTAssertEqual(t.perUnit.map(\.unit), ["Xã Tân Lập", "Xã Hữu Kiên", "Xã Yên Trạch"])
        XCTAssertEqual(t.summary.units?.met, 2) // 6 ≥ 5, 5 ≥ 5; 3 < 5
        XCTAssertEqual(t.summary.units?.notMet, ["Xã Yên Trạch"])
        XCTAssertEqual(t.summary.verdict, .notMet)
        // The total is no unit's figure: listed apart with the reason.
        XCTAssertEqual(a.unusedFigures.map(\.observation.quote), ["cả ba xã kết nạp 14"])
        XCTAssertEqual(a.unusedFigures.first?.reasons.first?.kind, .notPerUnit(noun: "xã"))
        let report = flow(TextReport().render(a))
        XCTAssertTrue(report.contains("2/3 xã đạt; không đạt: Xã Yên Trạch"), report)
        XCTAssertEqual(Feed.rows(a).filter { !$0.quote.isEmpty }.count, 4)
        XCTAssertEqual(Feed.rows(a).first { $0.quote == "Tân Lập kết nạp 6" }?.unitName, "Xã Tân Lập")

        // With only a total, the target is stated as not assessable, with the reason.
        let totalOnly = try assess(FigureAccountingTests.head() + """
            targets:
              - { id: moi-xa, text: "mỗi xã kết nạp ít nhất 05 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: ">= 5", period: term, per-unit: xã }
            outcomes:
              - { target: moi-xa, period: term, value: "14", source: s, quote: "cả ba xã kết nạp 14" }
            """)
        XCTAssertEqual(totalOnly.targets[0].summary.verdict, .undetermined)
        XCTAssertEqual(totalOnly.targets[0].summary.undetermined, .needsFiguresPerUnit(noun: "xã"))
        XCTAssertTrue(flow(TextReport().render(totalOnly)).contains("chỉ tiêu tính cho từng xã, chưa có số liệu của từng xã"))
    }

    func testAUnitNameNeedsAPerUnitTarget() throws {
        let yaml = FigureAccountingTests.head() + """
            targets:
              - { id: nk, text: "kết nạp trên 600", source: s, indicator: ket-nap-dang-vien, rule: "> 600", period: term }
            outcomes:
              - { target: nk, period: term, unit-name: "Xã A", value: "6", source: s, quote: "q" }
            """
        let file = dir + "/u.yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
        let error = LedgerLoader.load(paths: [file]).diagnostics.items.first { $0.severity == .error }
        XCTAssertTrue(error?.message.contains("has no 'per-unit'") == true, "\(String(describing: error))")
        XCTAssertEqual(error?.location?.line, yaml.components(separatedBy: "\n").firstIndex { $0.contains("unit-name") }.map { $0 + 1 })
    }
}
