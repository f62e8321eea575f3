@testable import ChiTieuCore
import Foundation
import XCTest

/// A record of many targets is judged in chunks on every core; these tests hold that path to the
/// one-by-one path on a record mixing periods, rules, indicators and figures given for a target,
/// by indicator only, out of the term and after the year of assessment.
final class ParallelAssessmentTests: XCTestCase {
    let admissions = Indicator(id: "ket-nap", name: "Kết nạp", nameEn: "Admitted", unit: .count, noun: "đảng viên", nounEn: "members")
    let share = Indicator(id: "htt", name: "HTT", nameEn: "Well", unit: .percent, shareOf: ShareBase(id: "members", name: "đảng viên", nameEn: "members"))
    let weak = Indicator(id: "yeu-kem", name: "Yếu kém", nameEn: "Weak", unit: .count, direction: .down)
    let term = Term(congress: "XIII", ordinal: 13, startYear: 2015, endYear: 2020)

    private func at(_ line: Int) -> SourceLocation { SourceLocation(file: "many.yaml", line: line, column: 3) }

    private func rule(_ text: String) -> Rule {
        (try? RuleParser.parse(text)) ?? Rule(.zero, isPercent: false, text: "invalid")
    }

    /// 600 targets of 40 indicators (counts, shares, counts that should fall) and five kinds of
    /// period, with figures for most of them.
    private func manyTargets(seed: UInt64) -> (Ledger, Record) {
        var rng = SplitMix(seed: seed)
        let periods: [PeriodKind] = [.term, .eachYear, .endOfTerm, .byYear(2018), .year(2017)]
        let kinds = [admissions, share, weak]
        let indicators = (0..<40).map { k -> Indicator in
            var indicator = kinds[k % 3]
            if k >= 3 { indicator.id += "-\(k)" }
            return indicator
        }
        var targets: [Target] = [], observations: [Observation] = []
        var line = 1
        // The first target is worked by hand below: "kết nạp từ 10 trở lên" in the term, 12 admitted.
        targets.append(Target(id: "t0", text: "…", citation: Citation(source: "s", line: nil), indicatorID: admissions.id, rule: rule(">= 10"), period: .term, location: at(line)))
        observations.append(Observation(indicatorID: admissions.id, targetID: "t0", period: .term, value: .number(12), quote: "12", citation: Citation(source: "s", line: nil), location: at(1_000_000)))
        for i in 1..<600 {
            line += 1
            let indicator = indicators[i % indicators.count]
            let period = periods[Int.random(in: 0..<periods.count, using: &rng)]
            let level = indicator.unit == .percent ? Int.random(in: 50...99, using: &rng) : Int.random(in: 1...300, using: &rng)
            let text = indicator.direction == .down ? "<= \(level)" : (i % 7 == 0 ? "> \(level)" : ">= \(level)")
            targets.append(Target(id: "t\(i)", text: "…", citation: Citation(source: "s", line: nil), indicatorID: indicator.id, rule: rule(text), period: period, location: at(line)))
        }
        for (i, target) in targets.enumerated().dropFirst() {
            let indicator = indicators[i % indicators.count]
            // Years 2014 (before the term), 2016–2020 and 2027 (after the year of assessment), and the term.
            for period in [ObservedPeriod.year(2014), .year(2016), .year(2017), .year(2018), .year(2019), .year(2020), .year(2027), .term] {
                guard Int.random(in: 0..<4, using: &rng) != 0 else { continue }
                line += 1
                let value = Decimal(Int.random(in: 0...400, using: &rng)) / (indicator.unit == .percent ? 4 : 1)
                // Most figures are given for their target; some by indicator only, serving every target of it.
                let given = Int.random(in: 0..<10, using: &rng) == 0 ? nil : target.id
                observations.append(Observation(indicatorID: indicator.id, targetID: given, period: period, value: .number(value), quote: "\(value)", citation: Citation(source: "s", line: nil), location: at(line)))
            }
        }
        // A figure of an indicator no target follows: another outcome.
        observations.append(Observation(indicatorID: "khac", period: .year(2019), value: .number(3), quote: "3", citation: Citation(source: "s", line: nil), location: at(line + 1)))
        let other = Indicator(id: "khac", name: "Khác", nameEn: "Other", unit: .count)
        let body = Body(id: "b", name: "Khối", nameEn: "Bloc", province: "p", kind: .bloc)
        let record = Record(file: "many.yaml", bodyID: "b", term: term, sources: [:], targets: targets, observations: observations)
        var catalogue = Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0) })
        catalogue[other.id] = other
        let ledger = Ledger(indicators: catalogue, bodies: ["b": body], records: [record])
        return (ledger, record)
    }

    func testManyTargetsAreJudgedAsOneByOne() throws {
        for seed: UInt64 in [1, 20, 2026] {
            let (ledger, record) = manyTargets(seed: seed)
            XCTAssertGreaterThanOrEqual(record.targets.count, Evaluator.parallelTargets, "the record must be large enough for the parallel path")
            for asOf in [2018, 2026] {
                let evaluator = Evaluator(ledger: ledger, asOf: asOf)
                let chunked = try XCTUnwrap(evaluator.assess(record))
                let serial = try XCTUnwrap(evaluator.assess(record, parallel: false))
                // In the order of the file, every target once.
                XCTAssertEqual(chunked.targets.map(\.target.id), record.targets.map(\.id))
                XCTAssertEqual(chunked.targets, serial.targets, "seed \(seed), as of \(asOf)")
                XCTAssertEqual(chunked.unusedFigures, serial.unusedFigures, "seed \(seed), as of \(asOf)")
                XCTAssertEqual(chunked.otherOutcomes, serial.otherOutcomes)
                XCTAssertEqual(chunked.otherOutcomes.count, 1)
                // Figures of 2014 and of 2027 are never used, so the list is not empty.
                XCTAssertFalse(chunked.unusedFigures.isEmpty)
                // 12 admitted against "từ 10 trở lên": 12 / 10 × 100 = 120 %, 2 more than needed,
                // exceeded once the term is over.
                let first = try XCTUnwrap(chunked.targets.first)
                XCTAssertEqual(first.summary.attainment, 120)
                XCTAssertEqual(first.summary.gap, 2)
                if asOf == 2026 { XCTAssertEqual(first.summary.verdict, .exceeded) }
            }
        }
    }
}
