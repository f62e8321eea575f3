import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// The built-in comparison of the seeds (the Makefile's `make report` runs the same one): the
/// Lạng Sơn bloc in 2020 against the Quảng Ninh bloc in 2022 and 1985, Lạng Sơn province in 2014
/// as context. Expected figures are the seeds' own, divided by hand here.
final class ComparisonReportTests: XCTestCase {

    /// The built-in comparison, as `make report` writes it.
    static func builtIn() throws -> (CrossComparison, Ledger) {
        let result = LedgerLoader.load(paths: [Golden.repo.appendingPathComponent("Targets").path])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        let ls = try XCTUnwrap(ledger.bodies["lang-son/khoi-cac-co-quan"]), qn = try XCTUnwrap(ledger.bodies["quang-ninh/khoi-cac-co-quan"])
        let province = try XCTUnwrap(ledger.bodies["lang-son/tinh"])
        let indicators = try ["to-chuc-co-so-dang", "dang-vien", "dang-vien-tren-can-bo"].map { try XCTUnwrap(ledger.indicators[$0]) }
        let columns = [
            ComparisonColumn(body: ls, alignment: .year(2020)), ComparisonColumn(body: qn, alignment: .year(2022)),
            ComparisonColumn(body: qn, alignment: .year(1985)), ComparisonColumn(body: province, alignment: .year(2014), isContext: true),
        ]
        return (Comparer(ledger: ledger).compare(columns, indicators: indicators), ledger)
    }

    func testMembersPerOrganisationFromTheSeeds() throws {
        let (c, _) = try Self.builtIn()
        let perOrganisation = try XCTUnwrap(c.rows.first { $0.indicator.id == "dang-vien" && $0.normalisation == .perOrganisation })
        // Seed 002: 4.294 members, 69 organisations (21/7/2020). Seed 004: over "7.5000" (read 7.500) and 82
        // organisations (2022); 2.229 and 71 (1985). Seed 002: 54.986 and 766 (2014).
        XCTAssertEqual(perOrganisation.cells.map(\.value), [Decimal(4294) / 69, Decimal(7500) / 82, Decimal(2229) / 71, Decimal(54986) / 766])
        XCTAssertEqual(perOrganisation.cells.map(\.qualifier), [.exact, .moreThan, .exact, .exact])
        XCTAssertEqual(perOrganisation.cells.map(\.rank), [2, 1, 3, nil])
        let report = ComparisonReport(language: .vi)
        // 62,23… → 62,2; more than 91,46… → "trên 91,4" (a bound is rounded towards what it guarantees);
        // 31,39… → 31,4; 71,78… → 71,8.
        XCTAssertEqual(perOrganisation.cells.map { report.shown($0.value, $0.qualifier, perOrganisation) }, ["62,2", "trên 91,4", "31,4", "71,8"])
        XCTAssertEqual(ComparisonReport(language: .en).shown(perOrganisation.cells[0].value, .exact, perOrganisation), "62.2")
    }

    /// The Lạng Sơn bloc's 4.294 members (2020) against the Quảng Ninh bloc's "trên 7.5000" (read
    /// 7.500, 2022): their median is above (4.294 + 7.500) / 2 = 5.897, and is said so.
    func testTheMedianOfABoundIsSaidToBeABound() throws {
        let result = LedgerLoader.load(paths: [Golden.repo.appendingPathComponent("Targets").path])
        let ledger = try XCTUnwrap(result.ledger)
        let ls = try XCTUnwrap(ledger.bodies["lang-son/khoi-cac-co-quan"]), qn = try XCTUnwrap(ledger.bodies["quang-ninh/khoi-cac-co-quan"])
        let members = try XCTUnwrap(ledger.indicators["dang-vien"])
        let c = Comparer(ledger: ledger).compare([ComparisonColumn(body: ls, alignment: .year(2020)), ComparisonColumn(body: qn, alignment: .year(2022))], indicators: [members])
        let vi = ComparisonReport(language: .vi).render(c), en = ComparisonReport(language: .en).render(c)
        XCTAssertTrue(vi.contains("Thấp nhất 4.294, trung vị trên 5.897, cao nhất trên 7.500."), vi)
        XCTAssertTrue(en.contains("Lowest 4,294, median over 5,897, highest over 7,500."), en)
        // Per organisation: 4.294 / 69 = 62,23… and over 7.500 / 82 = 91,46…; their mean is over 76,84…, cut to 76,8.
        XCTAssertTrue(vi.contains("Thấp nhất 62,2, trung vị trên 76,8, cao nhất trên 91,4."), vi)
        // The workbook's MEDIAN cell holds the number; its note beside says what the number is.
        let dir = NSTemporaryDirectory() + "chitieu-median-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ComparisonWorkbook().write(c, catalogue: ledger.indicators, to: dir + "/m.xlsx")
        let strings = try WorkbookFixture.part(dir + "/m.xlsx", "xl/sharedStrings.xml")
        XCTAssertTrue(strings.contains("<t>trên 5.897</t>"), strings)
        XCTAssertTrue(strings.contains("<t>trên 7.500</t>"), strings)
    }

    func testTheShareOfStaffIsShownWhereKnownAndNoDataElsewhere() throws {
        let (c, _) = try Self.builtIn()
        let staff = try XCTUnwrap(c.rows.first { $0.indicator.id == "dang-vien-tren-can-bo" })
        XCTAssertEqual(staff.cells.map(\.value), [nil, nil, 33, nil], "seed 004: 33% of staff in 1985 only")
    }

    func testThe2022JumpInMembersIsATransfer() throws {
        let (c, _) = try Self.builtIn()
        let change = try XCTUnwrap(c.changes.first)
        XCTAssertEqual(change.body.id, "quang-ninh/khoi-cac-co-quan")
        XCTAssertTrue(change.events.contains { $0.kind == .transfer })
        let members = try XCTUnwrap(change.changes.first { $0.indicator.id == "dang-vien" })
        XCTAssertEqual(members.change, 7500 - 2229)
        XCTAssertEqual(members.qualifier, .moreThan)
        XCTAssertEqual(members.transferred, 2000, "seed 004: hơn 2000 đảng viên chuyển về, 12/4/2022")
        let organisations = try XCTUnwrap(change.changes.first { $0.indicator.id == "to-chuc-co-so-dang" })
        XCTAssertEqual(organisations.change, 82 - 71)
        XCTAssertEqual(organisations.transferred, 17)
    }

    func testTextGolden() throws {
        let (c, ledger) = try Self.builtIn()
        let text = ComparisonReport(language: .vi).render(c, catalogue: ledger.indicators)
        XCTAssertTrue(text.contains("không cộng") || text.contains("Không cộng"))
        XCTAssertTrue(text.contains("là chuyển giao, không phải kết nạp"))
        // Open SDG's no-target status of a stock without a target: 71 → 82 organisations, 1985 → 2022:
        // (82 ÷ 71)^(1/37) − 1 = e^(0,14405 ÷ 37) − 1 = 0,39 %/năm; 71 ≤ 82 < 71 × 1,005³⁷ = 85,4 → limited.
        XCTAssertTrue(text.replacingOccurrences(of: "\n    ", with: " ").contains("xu hướng khi không có chỉ tiêu (Open SDG): +0,39 %/năm → tiến bộ hạn chế (tính cả phần chuyển về)"), text)
        try Golden.assert(text, "so-sanh-khoi-co-quan.txt")
        try Golden.assert(ComparisonReport(language: .en, format: .markdown).render(c, catalogue: ledger.indicators), "so-sanh-khoi-co-quan.en.md")
    }

    func testCSVIsTidyAndPlain() throws {
        let (c, ledger) = try Self.builtIn()
        let csv = ComparisonReport(language: .en).csv(c, catalogue: ledger.indicators)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, ComparisonReport.csvColumns.joined(separator: ","))
        // Machine figures: a plain '.' decimal mark, ISO dates, the qualifier in its own column.
        XCTAssertTrue(lines.contains { $0.hasPrefix("dang-vien,per-organisation,2,quang-ninh/khoi-cac-co-quan,") && $0.contains(",2022-09-04,91.463415,more-than,to-chuc-co-so-dang,2022-09-04,82,1,") }, csv)
        let columns = ComparisonReport.csvColumns.count
        XCTAssertTrue(lines.allSatisfy { Self.fields($0) == columns }, "every row has \(columns) fields")
    }

    /// Fields of one CSV line, quotes respected.
    static func fields(_ line: String) -> Int {
        var count = 1, quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { count += 1 }
        }
        return count
    }

    /// A 2024 yearly figure (118) beside a 2015–2020 term total (868) and a 2023 yearly one (95):
    /// the term total is shown, not ranked, and the output says why; the median is (95 + 118) / 2.
    func testAFigureOfAnotherPeriodKindIsShownWithTheReasonItIsLeftOut() throws {
        let admitted = Indicator(id: "ket-nap-dang-vien", name: "Kết nạp đảng viên mới", nameEn: "New members admitted", unit: .count, position: 0)
        func body(_ id: String, _ kind: BodyKind = .bloc, province: String? = nil) -> Body {
            Body(id: id, name: "Khối \(id)", nameEn: "Bloc \(id)", province: province ?? id, kind: kind)
        }
        func figure(_ period: ObservedPeriod, _ v: Decimal) -> Observation {
            Observation(indicatorID: admitted.id, period: period, value: .number(v), qualifier: .exact, quote: "q", citation: Citation(source: "s", line: nil),
                        location: SourceLocation(file: "f.yaml", line: 1, column: 1))
        }
        let a = body("a"), b = body("b"), c = body("c")
        let ledger = Ledger(indicators: [admitted.id: admitted], bodies: ["a": a, "b": b, "c": c], records: [
            Record(file: "a.yaml", bodyID: "a", term: nil, sources: [:], targets: [], observations: [figure(.year(2024), 118)]),
            Record(file: "b.yaml", bodyID: "b", term: Term(congress: "XI", ordinal: 11, startYear: 2015, endYear: 2020), sources: [:], targets: [], observations: [figure(.term, 868)]),
            Record(file: "c.yaml", bodyID: "c", term: nil, sources: [:], targets: [], observations: [figure(.year(2023), 95)]),
        ])
        let comparison = Comparer(ledger: ledger).compare([a, b, c].map { ComparisonColumn(body: $0, alignment: .latest) }, indicators: [admitted])
        // The workbook: the term total stands below the ranked rows, outside RANK and MEDIAN.
        // Rows: title, 3 columns, a blank, the block's name and header; (1) row 8, (3) row 9, (2) row 10.
        let dir = NSTemporaryDirectory() + "chitieu-kinds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ComparisonWorkbook().write(comparison, catalogue: ledger.indicators, to: dir + "/k.xlsx")
        let sheet = try WorkbookFixture.part(dir + "/k.xlsx", "xl/worksheets/sheet1.xml")
        XCTAssertTrue(WorkbookFixture.cell(sheet, "G8")?.contains("RANK(D8,$D$8:$D$9,0)") == true, sheet)
        XCTAssertFalse(WorkbookFixture.cell(sheet, "G10")?.contains("RANK") ?? false, "the left-out row has no rank")
        XCTAssertTrue(sheet.contains("MEDIAN(D8:D9)"), sheet)
        let text = ComparisonReport(language: .vi, format: .markdown).render(comparison)
        XCTAssertTrue(text.contains("Thấp nhất 95, trung vị 106,5, cao nhất 118."), text)
        XCTAssertTrue(text.contains("(2) Không xếp hạng, không tính vào trung vị và tổng: số liệu cả nhiệm kỳ 5 năm (nhiệm kỳ 2015–2020), các cột được so sánh là số liệu một năm."), text)
        let english = ComparisonReport(language: .en, format: .markdown).render(comparison)
        XCTAssertTrue(english.contains("(2) Not ranked, nor in the median or total: a figure for a whole term of 5 years (term 2015–2020), while the columns compared have a yearly figure."), english)
        let csv = ComparisonReport(language: .en).csv(comparison).components(separatedBy: "\r\n")
        let row = try XCTUnwrap(csv.first { $0.hasPrefix("ket-nap-dang-vien,value,2,") })
        XCTAssertTrue(row.contains("not ranked, nor in the median"), row)

        // Blocs of different provinces beside a district of a third: unrelated, so no "one may hold another".
        let district = body("d", .district)
        let mixed = Comparer(ledger: Ledger(indicators: ledger.indicators, bodies: ["a": a, "d": district], records: [
            Record(file: "a.yaml", bodyID: "a", term: nil, sources: [:], targets: [], observations: [figure(.year(2024), 118)]),
            Record(file: "d.yaml", bodyID: "d", term: nil, sources: [:], targets: [], observations: [figure(.year(2024), 40)]),
        ])).compare([a, district].map { ComparisonColumn(body: $0, alignment: .year(2024)) }, indicators: [admitted])
        let words = ComparisonReport(language: .en, format: .markdown).render(mixed)
        XCTAssertFalse(words.contains("may hold another"), words)
        XCTAssertTrue(words.contains("a sum across levels means nothing"), words)
    }
}

extension ComparisonReportTests {
    /// Issue 16: the ratio cell of "trên 7.500" ÷ 82 read 91,5 while its note says "trên 91,4";
    /// a bound's quotient gets one more decimal, so the cell shows 91,46.
    func testABoundsQuotientCellDoesNotReadPastItsNote() throws {
        let (c, ledger) = try Self.builtIn()
        let dir = NSTemporaryDirectory() + "chitieu-ratio-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ComparisonWorkbook().write(c, catalogue: ledger.indicators, to: dir + "/k.xlsx")
        let sheet = try WorkbookFixture.part(dir + "/k.xlsx", "xl/worksheets/sheet1.xml")
        // The cell whose cached quotient is 7.500 ÷ 82 = 91,46…
        let ratio = try XCTUnwrap(sheet.components(separatedBy: "<c r=\"").dropFirst().first { $0.contains("<v>91.46") }, "the quotient's cell")
        let ref = try XCTUnwrap(ratio.components(separatedBy: "\"").first)
        XCTAssertEqual(try WorkbookFixture.numberFormat(dir + "/k.xlsx", sheet: "xl/worksheets/sheet1.xml", cell: ref), "#,##0.00")
    }
}
