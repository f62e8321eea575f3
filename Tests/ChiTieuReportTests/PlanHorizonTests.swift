import ChiTieuCore
import ChiTieuReport
import Foundation
import XCTest

/// `plan` prints Eurostat's horizons beside the whole record's trend: for a draft target the ratio
/// over the past 5 and 15 years, for a series without a target Open SDG's status over each.
final class PlanHorizonTests: XCTestCase {
    let members = Indicator(id: "dang-vien", name: "Số đảng viên", nameEn: "Members", unit: .count, position: 0)
    let cells = Indicator(id: "chi-bo", name: "Chi bộ", nameEn: "Cells", unit: .count, position: 1)

    func figure(_ i: Indicator, _ year: Int, _ v: Decimal) -> Observation {
        Observation(indicatorID: i.id, period: .year(year), value: .number(v), quote: "q", citation: Citation(source: "s", line: nil),
                    location: SourceLocation(file: "f.yaml", line: 1, column: 1))
    }

    func testHorizonsArePrintedWithTheirFigures() throws {
        // Members as in PlannerTests.testEurostatsShortAndLongTermHorizons: against "≥ 1.600" by 2025
        // the short term 2015–2020 grows 1,92 % a year (ratio 0,33: insufficient), the long term
        // 2005–2020 −0,48 % (ratio −0,08: movement away).
        // Cells without a target: 100 (2005), 90 (2015), 99 (2020). Whole record 2005–2020:
        // (0,99)^(1/15) − 1 = −0,07 % → deterioration; short term 2015–2020: (1,1)^(1/5) − 1 =
        // +1,92 % → substantial; the long term's base is 2005, the record's first: not repeated.
        let body = Body(id: "b", name: "Đảng bộ B", nameEn: "B", province: "P", kind: .bloc)
        let past = Record(file: "f.yaml", bodyID: "b", term: nil, sources: [:], targets: [], observations: [
            figure(members, 2000, 800), figure(members, 2005, 1300), figure(members, 2015, 1100), figure(members, 2020, 1210),
            figure(cells, 2005, 100), figure(cells, 2015, 90), figure(cells, 2020, 99),
        ])
        let term = Term(congress: "XIV", ordinal: 14, startYear: 2020, endYear: 2025)
        let draft = Record(file: "xiv.yaml", bodyID: "b", term: term, sources: [:], targets: [
            Target(id: "cao", text: "trên 1.600 đảng viên", citation: Citation(source: "s", line: nil), indicatorID: members.id,
                   rule: Rule(.atLeast(1600), isPercent: false, text: ">= 1.600"), period: .endOfTerm, location: SourceLocation(file: "d.yaml", line: 1, column: 1)),
        ], observations: [])
        let ledger = Ledger(indicators: [members.id: members, cells.id: cells], bodies: ["b": body], records: [past])
        let planner = Planner(ledger: ledger)
        let text = PlanReport(format: .markdown).render(body: body, term: term, checks: planner.check(draft), outlooks: planner.outlooks(body: "b", through: 2020))
        XCTAssertTrue(text.contains("Theo khung thời gian của Eurostat (5 và 15 năm gần nhất; ngưỡng 0,95 / 0,60 / 0 của Open SDG): ngắn hạn 2015–2020: +1,9 %/năm, tỷ số 0,33 → tiến bộ chưa đủ; dài hạn 2005–2020: −0,5 %/năm, tỷ số −0,08 → đi xa chỉ tiêu."), text)
        XCTAssertTrue(text.contains("Chi bộ (2005–2020): −0,07 %/năm → đi xuống; ngắn hạn 2015–2020: +1,92 %/năm → tiến bộ đáng kể"), text)
        XCTAssertFalse(text.contains("dài hạn 2005–2020: −0,07"), "a horizon from the record's first figure repeats the whole record's status")
    }
}
