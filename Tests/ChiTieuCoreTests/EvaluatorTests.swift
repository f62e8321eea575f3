import ChiTieuCore
import Foundation
import XCTest

/// Each expectation is calculated by hand in the comment beside it, never taken from the engine.
final class EvaluatorTests: XCTestCase {
    let here = SourceLocation(file: "test.yaml", line: 1, column: 1)
    let admissions = Indicator(id: "ket-nap", name: "Kết nạp", nameEn: "Admitted", unit: .count, noun: "đảng viên", nounEn: "members")
    let share = Indicator(id: "htt", name: "HTT", nameEn: "Well", unit: .percent, shareOf: ShareBase(id: "members", name: "đảng viên", nameEn: "members"))
    let weak = Indicator(id: "yeu-kem", name: "Yếu kém", nameEn: "Weak", unit: .count, direction: .down)
    let category4 = Indicator(id: "loai-4", name: "Loại 4", nameEn: "Cat. 4", unit: .percent, direction: .down)
    let scale = RatingScale(id: "x", levels: [
        RatingLevel(id: "xuat-sac", name: "Xuất sắc", nameEn: "Excellent"),
        RatingLevel(id: "tot", name: "Tốt", nameEn: "Well"),
        RatingLevel(id: "hoan-thanh", name: "Hoàn thành", nameEn: "Fulfilled"),
    ])
    let term2015 = Term(congress: "XIII", ordinal: 13, startYear: 2015, endYear: 2020)
    let term2020 = Term(congress: "XIV", ordinal: 14, startYear: 2020, endYear: 2025)

    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }

    private func rule(_ text: String) -> Rule {
        (try? RuleParser.parse(text)) ?? Rule(.zero, isPercent: false, text: "invalid")
    }

    private func target(_ r: String, _ indicator: Indicator, _ period: PeriodKind) -> Target {
        Target(id: "t", text: "…", citation: Citation(source: "s", line: nil), indicatorID: indicator.id, rule: rule(r), period: period, location: here)
    }

    private func obs(_ indicator: Indicator, _ period: ObservedPeriod, _ value: ObservedValue, stated: String? = nil) -> Observation {
        let s = stated.flatMap { try? VietnameseNumber.parse($0) }.map { StatedPercent(text: stated ?? "", value: $0.value, places: $0.fractionDigits) }
        return Observation(indicatorID: indicator.id, period: period, value: value, stated: s, quote: "…", citation: Citation(source: "s", line: nil), location: here)
    }

    private func assess(_ r: String, _ i: Indicator, _ p: PeriodKind, _ o: [Observation], term: Term? = nil, asOf: Int = 2026) -> TargetAssessment {
        let ledger = Ledger(indicators: [:], bodies: [:], records: [])
        return Evaluator(ledger: ledger, asOf: asOf).assess(target(r, i, p), indicator: i, term: term ?? term2015, observations: o)
    }

    // MARK: counts

    func testWorkedExample868AgainstMoreThan750() {
        let a = assess("> 750", admissions, .term, [obs(admissions, .term, .number(868), stated: "115,7%")])
        // 868 / 750 × 100 = 115,7333…
        XCTAssertEqual(Rounding.halfUp(a.summary.attainment ?? 0, places: 1), d("115.7"))
        XCTAssertEqual(a.summary.gap, 118) // 868 − 750
        XCTAssertEqual(a.summary.verdict, .exceeded)
        XCTAssertEqual(a.summary.statedCheck?.match, .matches)
    }

    func testStrictAndNonStrictAreKeptApart() {
        let strict = assess("> 750", admissions, .term, [obs(admissions, .term, .number(750))])
        XCTAssertEqual(strict.summary.attainment, 100) // 750 / 750 × 100
        XCTAssertEqual(strict.summary.verdict, .notMet) // "trên 750" needs more than 750
        let loose = assess(">= 750", admissions, .term, [obs(admissions, .term, .number(750))])
        XCTAssertEqual(loose.summary.verdict, .met)
        XCTAssertEqual(loose.summary.gap, 0)
    }

    func testMissingDataIsNeverZero() {
        let a = assess("> 750", admissions, .term, [])
        XCTAssertEqual(a.summary.verdict, .noData)
        XCTAssertNil(a.summary.value)
        XCTAssertNil(a.summary.attainment)
        XCTAssertNil(a.summary.gap)
    }

    func testZeroTargetHasAMarginButNoRatio() {
        let none = assess("= 0", weak, .term, [obs(weak, .term, .number(0))])
        XCTAssertEqual(none.summary.verdict, .met)
        XCTAssertEqual(none.summary.gap, 0)
        XCTAssertNil(none.summary.attainment, "a ratio against zero is undefined: never ∞ or NaN")
        let two = assess("= 0", weak, .term, [obs(weak, .term, .number(2))])
        XCTAssertEqual(two.summary.verdict, .notMet)
        XCTAssertEqual(two.summary.gap, -2) // two weak organisations too many
        XCTAssertNil(two.summary.attainment)
    }

    func testCountRange() {
        XCTAssertEqual(assess("150-200", admissions, .term, [obs(admissions, .term, .number(180))]).summary.verdict, .met)
        let over = assess("150-200", admissions, .term, [obs(admissions, .term, .number(210))]).summary
        XCTAssertEqual(over.verdict, .exceeded) // more admissions is better
        XCTAssertEqual(over.gap, 10) // 210 − 200
        let under = assess("150-200", admissions, .term, [obs(admissions, .term, .number(140))]).summary
        XCTAssertEqual(under.verdict, .notMet)
        XCTAssertEqual(under.gap, -10) // 140 − 150
    }

    // MARK: shares

    func testShareGapInPoints() {
        let a = assess(">= 90%", share, .endOfTerm, [obs(share, .year(2020), .number(92))]).summary
        XCTAssertEqual(a.gap, 2) // 92 − 90 points
        XCTAssertEqual(a.verdict, .exceeded)
        // Offices also write the ratio to the target: 92 ÷ 90 × 100 = 102,22… % ("đạt 102,2 % chỉ tiêu").
        XCTAssertEqual(a.attainment.map { Rounding.halfUp($0, places: 1) }, Decimal(string: "102.2"))
        // 46/50 = 92 % against "trên 90 %": 102,2 % of the target and +2,0 points (issue 14's example).
        let counted = assess("> 90%", share, .endOfTerm, [obs(share, .year(2020), .share(numerator: 46, denominator: 50))]).summary
        XCTAssertEqual(counted.attainment.map { Rounding.halfUp($0, places: 1) }, Decimal(string: "102.2"))
        XCTAssertEqual(counted.gap, 2)
        XCTAssertNil(assess("< 5%", share, .endOfTerm, [obs(share, .year(2020), .number(3))]).summary.attainment, "a ceiling has no ratio to the target")
        XCTAssertEqual(NumberFormat(.vietnamese).points(a.gap ?? 0), "+2,0 điểm %")
        XCTAssertEqual(assess(">= 90%", share, .endOfTerm, [obs(share, .year(2020), .number(90))]).summary.verdict, .met)
    }

    func testShareFromNumeratorAndDenominator() {
        // 62 / 69 = 89,855…% against ≥ 90 %: not met by 0,144… points.
        let a = assess(">= 90%", share, .endOfTerm, [obs(share, .year(2020), .share(numerator: 62, denominator: 69))]).summary
        XCTAssertEqual(a.verdict, .notMet)
        XCTAssertEqual(Rounding.halfUp(a.value ?? 0, places: 2), d("89.86"))
        XCTAssertEqual(Rounding.halfUp(a.gap ?? 0, places: 2), d("-0.14"))
    }

    func testCeiling() {
        let a = assess("< 0,5%", category4, .byYear(2020), [obs(category4, .year(2020), .number(d("0.3")))]).summary
        XCTAssertEqual(a.verdict, .met)
        XCTAssertEqual(a.gap, d("0.2")) // 0,5 − 0,3 below the ceiling
        let b = assess("< 0,5%", category4, .byYear(2020), [obs(category4, .year(2020), .number(d("0.5")))]).summary
        XCTAssertEqual(b.verdict, .notMet, "exactly 0,5 % is not under 0,5 %")
    }

    func testFractionOfAWhole() {
        let all = assess("3/3", share, .endOfTerm, [obs(share, .year(2020), .share(numerator: 3, denominator: 3))]).summary
        XCTAssertEqual(all.verdict, .met)
        let two = assess("3/3", share, .endOfTerm, [obs(share, .year(2020), .share(numerator: 2, denominator: 3))]).summary
        XCTAssertEqual(two.verdict, .notMet)
        // 2/3 of cells: 25 of 36 = 69,44 % > 66,67 %.
        let cells = assess("2/3", share, .endOfTerm, [obs(share, .year(2020), .share(numerator: 25, denominator: 36))]).summary
        XCTAssertEqual(cells.verdict, .exceeded)
        XCTAssertEqual(Rounding.halfUp(cells.gap ?? 0, places: 2), d("2.78")) // 69,444… − 66,666…
    }

    func testApproximatelyWithDeclaredTolerance() {
        let near = assess("~ 50% ± 5", share, .term, [obs(share, .term, .number(53))]).summary
        XCTAssertEqual(near.verdict, .met)
        XCTAssertEqual(near.gap, 3) // deviation from the centre
        XCTAssertEqual(assess("~ 50% ± 5", share, .term, [obs(share, .term, .number(44))]).summary.verdict, .notMet)
        XCTAssertEqual(assess("~ 50% ± 5", share, .term, [obs(share, .term, .number(55))]).summary.verdict, .met)
    }

    func testRatingAtOrAbove() {
        let rated = Indicator(id: "xl", name: "Xếp loại", nameEn: "Rating", unit: .rating, scale: scale)
        let r = "xếp loại >= tot"
        XCTAssertEqual(assess(r, rated, .endOfTerm, [obs(rated, .year(2020), .rating("xuat-sac"))]).summary.verdict, .exceeded)
        XCTAssertEqual(assess(r, rated, .endOfTerm, [obs(rated, .year(2020), .rating("tot"))]).summary.verdict, .met)
        XCTAssertEqual(assess(r, rated, .endOfTerm, [obs(rated, .year(2020), .rating("hoan-thanh"))]).summary.verdict, .notMet)
    }

    // MARK: periods

    func testEachYearWithTermRowAndCumulativeTotal() {
        // ≥ 120 a year in 2021–2025: 130, 120, 110, 125, 140 → 4/5 years met (2023 missed).
        let values: [Int: Decimal] = [2021: 130, 2022: 120, 2023: 110, 2024: 125, 2025: 140]
        let o = values.map { obs(admissions, .year($0.key), .number($0.value)) }
        let a = assess(">= 120", admissions, .eachYear, o, term: term2020)
        XCTAssertEqual(a.years.map(\.verdict), [.exceeded, .met, .notMet, .exceeded, .exceeded])
        XCTAssertEqual(a.summary.tally?.met, 4)
        XCTAssertEqual(a.summary.tally?.total, 5)
        XCTAssertEqual(a.summary.verdict, .notMet)
        // Cumulative: 625 against 120 × 5 = 600 → 104,1666… %.
        XCTAssertEqual(a.cumulative?.value, 625)
        XCTAssertEqual(a.cumulative?.rule.threshold, 600)
        XCTAssertEqual(Rounding.halfUp(a.cumulative?.attainment ?? 0, places: 1), d("104.2"))
        XCTAssertEqual(a.cumulative?.verdict, .exceeded)
    }

    func testEachYearWithAMissingYear() {
        let o = [2021, 2022, 2024, 2025].map { obs(admissions, .year($0), .number(150)) }
        let a = assess(">= 120", admissions, .eachYear, o, term: term2020)
        XCTAssertEqual(a.years[2].verdict, .noData)
        XCTAssertEqual(a.summary.tally?.met, 4)
        XCTAssertEqual(a.summary.tally?.noData, 1)
        XCTAssertEqual(a.summary.verdict, .noData, "a missing year is not counted as met or as zero")
        XCTAssertEqual(a.summary.missingYears, [2023])
        XCTAssertNil(a.cumulative, "no cumulative total while a year is missing")
    }

    func testTermTotalFromYearlyCounts() {
        // "trên 750" over 2016–2020, reported year by year: 150+160+170+180+190 = 850 → 113,3 %.
        let o = [(2016, 150), (2017, 160), (2018, 170), (2019, 180), (2020, 190)].map { obs(admissions, .year($0.0), .number(Decimal($0.1))) }
        let a = assess("> 750", admissions, .term, o)
        XCTAssertEqual(a.summary.value, 850)
        XCTAssertEqual(Rounding.halfUp(a.summary.attainment ?? 0, places: 1), d("113.3"))
        let partial = assess("> 750", admissions, .term, Array(o.prefix(4)))
        XCTAssertEqual(partial.summary.verdict, .noData, "four years of five are not the term's total")
        XCTAssertEqual(partial.summary.missingYears, [2020])
    }

    func testRunningTermOnTrackAndAtRisk() {
        // As of 2017, 2 of 5 years have passed: pro-rata 750 × 2/5 = 300.
        let ahead = [obs(admissions, .year(2016), .number(150)), obs(admissions, .year(2017), .number(160))] // 310
        let a = assess("> 750", admissions, .term, ahead, asOf: 2017)
        XCTAssertEqual(a.summary.progress, .onTrack)
        XCTAssertNil(a.summary.verdict)
        let behind = [obs(admissions, .year(2016), .number(140)), obs(admissions, .year(2017), .number(150))] // 290
        XCTAssertEqual(assess("> 750", admissions, .term, behind, asOf: 2017).summary.progress, .atRisk)
        XCTAssertEqual(assess("> 750", admissions, .term, [], asOf: 2015).summary.progress, .notDue)
    }

    func testRunningTermYearlyTarget() {
        let o = [obs(admissions, .year(2021), .number(130)), obs(admissions, .year(2022), .number(125))]
        let a = assess(">= 120", admissions, .eachYear, o, term: term2020, asOf: 2022)
        XCTAssertEqual(a.years.map(\.progress), [nil, nil, .notDue, .notDue, .notDue])
        XCTAssertEqual(a.summary.progress, .onTrack)
        // The written rule (README, "Running-term words"): a missed year is said as missed, final
        // for that year, before anything else; then a past year without its figure; then on track.
        let missed = assess(">= 120", admissions, .eachYear, [obs(admissions, .year(2021), .number(100))], term: term2020, asOf: 2022)
        XCTAssertEqual(missed.summary.progress, .yearMissed)
        let missedAndMissing = assess(">= 120", admissions, .eachYear, [obs(admissions, .year(2022), .number(100))], term: term2020, asOf: 2022)
        XCTAssertEqual(missedAndMissing.summary.progress, .yearMissed, "a missed year comes before a missing one")
        let missing = assess(">= 120", admissions, .eachYear, [obs(admissions, .year(2021), .number(130))], term: term2020, asOf: 2022)
        XCTAssertEqual(missing.summary.progress, .yearMissing, "2022 is due and has no figure: not on track on 2021 alone")
        XCTAssertEqual(assess(">= 120", admissions, .eachYear, [], term: term2020, asOf: 2022).summary.verdict, .noData, "no figure for any past year")
        // A level target short of its level inside the term, even by a point or two, is at risk: the
        // latest figure is the only ground for the end of the term (the rule, written in the README).
        let share = assess(">= 90%", share, .endOfTerm, [obs(share, .year(2022), .number(88))], term: term2020, asOf: 2023)
        XCTAssertEqual(share.summary.progress, .atRisk)
    }

    // MARK: stated figures

    func testStatedFigureComparedAtItsOwnPrecision() {
        let computed = Decimal(1235) / Decimal(1200) * 100 // 102,91666…
        func check(_ text: String) -> StatedMatch? {
            guard let n = try? VietnameseNumber.parse(text) else { return nil }
            return StatedCheck(stated: StatedPercent(text: text, value: n.value, places: n.fractionDigits), computed: computed).match
        }
        XCTAssertEqual(check("102,92%"), .matches)
        XCTAssertEqual(check("102,91%"), .matchesIfTruncated)
        XCTAssertEqual(check("102,9%"), .matches)
        XCTAssertEqual(check("103%"), .matches)
        XCTAssertEqual(check("103,5%"), .mismatch)
        let wrong = assess("> 750", admissions, .term, [obs(admissions, .term, .number(868), stated: "117,5%")])
        XCTAssertEqual(wrong.summary.statedCheck?.match, .mismatch)
    }
}
