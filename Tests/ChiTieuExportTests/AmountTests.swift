import ChiTieuCore
import ChiTieuExport
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Amounts (issue 14, part 3): money, money per person, km and ha, a growth rate and a change in
/// points, carried from the data through the judgement, the report and the feed, and back in by
/// importing the feed. Every expected figure is worked by hand in the comments.
final class AmountTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "chitieu-amount-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    static let catalogue = """
        indicators:
          - { id: thu-ngan-sach, name: "Thu ngân sách trên địa bàn", name-en: "Budget revenue", unit: amount, measure: "tỷ đồng", measure-en: "billion VND", aggregate: sum }
          - { id: thu-nhap, name: "Thu nhập bình quân đầu người", name-en: "Average income", unit: amount, measure: "triệu đồng/người/tháng", measure-en: "million VND per person per month" }
          - { id: duong, name: "Đường giao thông nông thôn", name-en: "Rural roads", unit: amount, measure: "km", measure-en: "km", aggregate: sum }
          - { id: rung, name: "Rừng trồng mới", name-en: "Forest planted", unit: amount, measure: "ha", measure-en: "ha", aggregate: sum }
          - { id: grdp, name: "Tốc độ tăng trưởng GRDP", name-en: "GRDP growth", unit: amount, measure: "%/năm", measure-en: "%/year", aggregate: none }
          - { id: ho-ngheo, name: "Mức giảm tỷ lệ hộ nghèo", name-en: "Fall in the poverty rate", unit: amount, measure: "điểm %", measure-en: "pp", aggregate: none }
          - { id: viec-lam, name: "Việc làm mới", name-en: "New jobs", unit: count, noun: "lao động", noun-en: "workers" }
        """

    static let bodies = """
        bodies:
          - { id: mau/huyen-a, name: "Đảng bộ huyện A", name-en: "District A", province: "Tỉnh Mẫu", kind: district }
        """

    static let head = """
        body: mau/huyen-a
        term: { congress: "?", years: 2020-2025 }
        sources:
          nq: { title: "Nghị quyết", publisher: "Huyện ủy A", date: 2020-08-15 }
          bc: { title: "Báo cáo tổng kết", publisher: "Huyện ủy A", date: 2025-12-20 }
        targets:
          - { id: ngan-sach, text: "thu ngân sách đạt 4.200 tỷ đồng", source: nq, indicator: thu-ngan-sach, rule: ">= 4.200", period: term }
          - { id: grdp, text: "tăng trưởng GRDP bình quân trên 7,5 %/năm", source: nq, indicator: grdp, rule: "> 7,5 %/năm", period: term }
          - { id: viec-lam, text: "giải quyết việc làm mới 14.000 - 16.000 lao động/năm", source: nq, indicator: viec-lam, rule: "14.000-16.000", period: year 2022 }
          - { id: duong, text: "cứng hóa 120 km đường giao thông nông thôn", source: nq, indicator: duong, rule: ">= 120 km", period: term }
          - { id: rung, text: "mỗi năm trồng mới từ 450 ha rừng trở lên", source: nq, indicator: rung, rule: ">= 450", period: each-year }
          - { id: ho-ngheo, text: "tỷ lệ hộ nghèo giảm 1 - 1,5 điểm %/năm", source: nq, indicator: ho-ngheo, rule: "1-1,5", period: year 2024 }
          - { id: thu-nhap, text: "thu nhập bình quân 31,5 triệu đồng/người/tháng", source: nq, indicator: thu-nhap, rule: ">= 31,5", period: end-of-term }

        """

    static let outcomes = """
        outcomes:
          - { target: ngan-sach, period: term, value: "4.418,5 tỷ đồng", stated: "105,2%", source: bc, quote: "thu ngân sách 4.418,5 tỷ đồng, đạt 105,2 %" }
          - { target: grdp, period: 2021, value: "6,8", source: bc, quote: "năm 2021 tăng 6,8 %" }
          - { target: grdp, period: 2022, value: "8", source: bc, quote: "năm 2022 tăng 8 %" }
          - { target: grdp, period: 2025, value: "7,2%", source: bc, quote: "năm 2025 tăng 7,2 %" }
          - { target: viec-lam, period: 2022, value: "13.950", source: bc, quote: "13.950 lao động" }
          - { target: duong, period: 2021, value: "20", source: bc, quote: "20 km" }
          - { target: duong, period: 2022, value: "25,5 km", source: bc, quote: "25,5 km" }
          - { target: duong, period: 2023, value: "30", source: bc, quote: "30 km" }
          - { target: duong, period: 2024, value: "22,25", source: bc, quote: "22,25 km" }
          - { target: duong, period: 2025, value: "28", source: bc, quote: "28 km" }
          - { target: rung, period: 2021, value: "520,5", source: bc, quote: "520,5 ha" }
          - { target: rung, period: 2022, value: "430", source: bc, quote: "430 ha" }
          - { target: rung, period: 2023, value: "450", source: bc, quote: "450 ha" }
          - { target: rung, period: 2024, value: "475,25 ha", source: bc, quote: "475,25 ha" }
          - { target: rung, period: 2025, value: "500", source: bc, quote: "500 ha" }
          - { target: ho-ngheo, period: 2024, value: "-0,3", source: bc, quote: "tỷ lệ hộ nghèo tăng 0,3 %" }
          - { target: thu-nhap, period: 2025, value: "32,45 triệu đồng/người/tháng", source: bc, quote: "32,45 triệu đồng/người/tháng" }

        """

    private func write(_ name: String, _ text: String) throws {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func assess(_ folder: String) throws -> Assessment {
        let result = LedgerLoader.load(paths: [dir + "/" + folder])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        return try XCTUnwrap(Evaluator(ledger: ledger, asOf: 2026).assessAll().first)
    }

    private func data() throws -> Assessment {
        try write("data/indicators.yaml", Self.catalogue)
        try write("data/bodies.yaml", Self.bodies)
        try write("data/huyen-a/2020-2025.yaml", Self.head + Self.outcomes)
        return try assess("data")
    }

    private func target(_ a: Assessment, _ id: String) throws -> TargetAssessment {
        try XCTUnwrap(a.targets.first { $0.target.id == id }, id)
    }

    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }

    func testAmountsAreJudgedExactly() throws {
        let a = try data()
        // Money: 4.418,5 ÷ 4.200 × 100 = 105,2023809…%, vượt; gap 4.418,5 − 4.200 = +218,5.
        let money = try target(a, "ngan-sach").summary
        XCTAssertEqual(money.value, d("4418.5"))
        XCTAssertEqual(money.attainment, d("4418.5") / 4200 * 100)
        XCTAssertEqual(money.attainment.map { Rounding.halfUp($0, places: 1) }, d("105.2"))
        XCTAssertEqual(money.gap, d("218.5"))
        XCTAssertEqual(money.verdict, .exceeded)
        XCTAssertEqual(money.statedCheck?.match, .matches, "the source's 105,2 % is 105,20… rounded")

        // A rate over the term is its latest level, 7,2 (2025), never the sum 22 or the mean 7,33…:
        // 7,2 is not above 7,5, không đạt; gap 7,2 − 7,5 = −0,3; 7,2 ÷ 7,5 × 100 = 96 %.
        let growth = try target(a, "grdp").summary
        XCTAssertEqual(growth.value, d("7.2"))
        XCTAssertEqual(growth.verdict, .notMet)
        XCTAssertEqual(growth.gap, d("-0.3"))
        XCTAssertEqual(growth.attainment, 96)

        // A range of a yearly count of people: 13.950 is 50 short of 14.000.
        let jobs = try target(a, "viec-lam").summary
        XCTAssertEqual(jobs.verdict, .notMet)
        XCTAssertEqual(jobs.gap, -50)

        // km over the term: 20 + 25,5 + 30 + 22,25 + 28 = 125,75 against 120: 104,79…%, vượt.
        let roads = try target(a, "duong").summary
        XCTAssertEqual(roads.value, d("125.75"))
        XCTAssertEqual(roads.observations.count, 5)
        XCTAssertEqual(roads.attainment, d("125.75") / 120 * 100)
        XCTAssertEqual(roads.verdict, .exceeded)

        // ha each year, then the five years together: 520,5 + 430 + 450 + 475,25 + 500 = 2.375,75
        // against 450 × 5 = 2.250: 105,588…%; 4 of 5 years met (430 < 450).
        let forest = try target(a, "rung")
        XCTAssertEqual(forest.summary.tally?.met, 4)
        XCTAssertEqual(forest.summary.verdict, .notMet)
        let together = try XCTUnwrap(forest.cumulative)
        XCTAssertEqual(together.value, d("2375.75"))
        XCTAssertEqual(together.rule.threshold, 2250)
        XCTAssertEqual(together.attainment, d("2375.75") / 2250 * 100)

        // A fall in points that was a rise: −0,3 against 1–1,5 is 1,3 points short.
        let poverty = try target(a, "ho-ngheo").summary
        XCTAssertEqual(poverty.value, d("-0.3"))
        XCTAssertEqual(poverty.gap, d("-1.3"))
        XCTAssertEqual(poverty.verdict, .notMet)

        // Per person, with no 'aggregate': never summed; 32,45 ÷ 31,5 × 100 = 103,01…%.
        let income = try target(a, "thu-nhap")
        XCTAssertEqual(income.indicator.aggregation, Aggregation.none)
        XCTAssertFalse(income.indicator.addsUpOverYears)
        XCTAssertEqual(income.summary.attainment, d("32.45") / d("31.5") * 100)
    }

    func testTheReportShowsEveryMeasure() throws {
        let a = try data()
        let vi = TextReport().render(a).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [
            "Thu ngân sách trên địa bàn: 4.418,5 tỷ đồng, đạt 105,2 % chỉ tiêu (chỉ tiêu: từ 4.200 tỷ đồng trở lên, cả nhiệm kỳ), vượt chỉ tiêu đề ra.",
            "Tốc độ tăng trưởng GRDP: 7,2 %/năm, đạt 96,0 % chỉ tiêu (chỉ tiêu: trên 7,5 %/năm, cả nhiệm kỳ), không đạt chỉ tiêu đề ra.",
            "Mức giảm tỷ lệ hộ nghèo: −0,3 điểm %, chênh lệch −1,3 điểm % so với chỉ tiêu",
            "Cộng 5 năm: 2.375,75 ha, đạt 105,6 % của 2.250 ha (450 × 5 năm).",
            // Cách tính: the working with the figures put in.
            "tỷ lệ đạt = 4.418,5 ÷ 4.200 × 100 = 105,2 %; 4.418,5 tỷ đồng so với từ 4.200 tỷ đồng trở lên → vượt",
            "20 (năm 2021) + 25,5 (năm 2022) + 30 (năm 2023) + 22,25 (năm 2024) + 28 (năm 2025) = 125,75 km",
            // The table: outcome with its measure, attainment, the gap in the measure, verdict.
            "7,2 %/năm 96,0 % −0,3 không đạt",
            "32,45 triệu đồng/người/tháng",
        ] {
            XCTAssertTrue(vi.contains(expected), "missing: " + expected)
        }
        let en = TextReport(language: .en).render(a).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["4,418.5 billion VND", "more than 7.5%/year", "7.2%/year", "−0.3 pp", "32.45 million VND per person per month"] {
            XCTAssertTrue(en.contains(expected), "missing: " + expected)
        }
    }

    /// Export → import: the feed names each amount's measure, and reading the table back in place
    /// of the outcomes gives the same assessment, row by row.
    func testTheFeedCarriesTheMeasureAndImportsBack() throws {
        let original = try data()
        try FileManager.default.createDirectory(atPath: dir + "/again/huyen-a", withIntermediateDirectories: true)
        try write("again/indicators.yaml", Self.catalogue)
        try write("again/bodies.yaml", Self.bodies)
        let csv = dir + "/again/huyen-a/ket-qua.csv"
        try FeedWriter.csv([original], to: csv)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let column = Dictionary(uniqueKeysWithValues: FeedSchema.columns.enumerated().map { ($1, $0) })
        let rows = lines.dropFirst().map(FeedTests.fields)
        func row(_ id: String) throws -> [String] { try XCTUnwrap(rows.first { $0[column["id"] ?? 0] == id }, id) }
        func cell(_ r: [String], _ key: String) -> String { r[column[key] ?? 0] }
        let money = try row("mau/huyen-a/2020-2025/ngan-sach/term")
        XCTAssertEqual(cell(money, "unit"), "amount")
        XCTAssertEqual(cell(money, "measure"), "tỷ đồng")
        XCTAssertEqual(cell(money, "value"), "4418.5")
        XCTAssertEqual(cell(money, "attainment"), "105.202381", "4.418,5 ÷ 4.200 × 100 = 105,20238095…, six places")
        XCTAssertEqual(cell(money, "gap"), "218.5")
        let poverty = try row("mau/huyen-a/2020-2025/ho-ngheo/2024")
        XCTAssertEqual(cell(poverty, "value"), "-0.3", "a negative amount stays a number, unguarded")
        XCTAssertEqual(cell(poverty, "measure"), "điểm %")
        XCTAssertEqual(cell(try row("mau/huyen-a/2020-2025/viec-lam/2022"), "measure"), "", "a count has no measure")

        try write("again/huyen-a/2020-2025.yaml", Self.head + "outcomes-csv: ket-qua.csv\n")
        let again = try assess("again")
        XCTAssertEqual(again.record.observations.count, original.record.observations.count, "every figure came back, none twice")
        XCTAssertEqual(again.targets.count, original.targets.count)
        for (x, y) in zip(original.targets, again.targets) {
            for (p, q) in zip(x.years + [x.summary] + (x.cumulative.map { [$0] } ?? []), y.years + [y.summary] + (y.cumulative.map { [$0] } ?? [])) {
                XCTAssertEqual(p.value, q.value, x.target.id)
                XCTAssertEqual(p.attainment, q.attainment, x.target.id)
                XCTAssertEqual(p.gap, q.gap, x.target.id)
                XCTAssertEqual(p.verdict, q.verdict, x.target.id)
            }
        }

        // The same table with another measure written for the money: refused at that cell.
        let moneyLine = try XCTUnwrap(lines.firstIndex { $0.contains("/ngan-sach/term,") })
        var edited = lines
        edited[moneyLine] = lines[moneyLine].replacingOccurrences(of: ",amount,tỷ đồng,", with: ",amount,triệu đồng,")
        try Data((edited.joined(separator: "\r\n") + "\r\n").utf8).write(to: URL(fileURLWithPath: csv))
        let result = LedgerLoader.load(paths: [dir + "/again"])
        let error = try XCTUnwrap(result.diagnostics.items.first { $0.severity == .error }, "\(result.diagnostics.items)")
        XCTAssertTrue(error.message.contains("the measure 'triệu đồng' is not that of 'thu-ngan-sach' (tỷ đồng)"), error.message)
        XCTAssertEqual(error.location?.line, moneyLine + 1)
        let before = try XCTUnwrap(edited[moneyLine].range(of: ",amount,")).upperBound
        XCTAssertEqual(error.location?.column, edited[moneyLine].unicodeScalars.distance(from: edited[moneyLine].unicodeScalars.startIndex, to: before.samePosition(in: edited[moneyLine].unicodeScalars) ?? edited[moneyLine].unicodeScalars.startIndex) + 1)
    }
}
