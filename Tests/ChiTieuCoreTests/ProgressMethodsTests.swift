import ChiTieuCore
import Foundation
import XCTest

/// The progress methods on cases calculated by hand (the working is in the comment beside each
/// expectation), including every edge the methods must survive without ∞, NaN or a crash.
final class ProgressMethodsTests: XCTestCase {
    let here = SourceLocation(file: "test.yaml", line: 1, column: 1)
    let admissions = Indicator(id: "ket-nap", name: "Kết nạp", nameEn: "Admitted", unit: .count)
    let share = Indicator(id: "htt", name: "HTT", nameEn: "Well", unit: .percent)
    let category4 = Indicator(id: "loai-4", name: "Loại 4", nameEn: "Cat. 4", unit: .percent, direction: .down)
    let weak = Indicator(id: "yeu-kem", name: "Yếu kém", nameEn: "Weak", unit: .count, direction: .down)
    let term2020 = Term(congress: "XIV", ordinal: 14, startYear: 2020, endYear: 2025)

    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }
    private func rule(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Rule {
        do { return try RuleParser.parse(text) } catch {
            XCTFail("'\(text)' does not parse: \(error)", file: file, line: line)
            return Rule(.zero, isPercent: false, text: "invalid")
        }
    }
    private func series(_ points: [(Int, String)]) -> [SeriesPoint] { points.map { SeriesPoint(year: $0.0, value: d($0.1)) } }
    private func close(_ a: Decimal?, _ b: String, _ places: Int = 6, file: StaticString = #filePath, line: UInt = #line) {
        guard let a else { return XCTFail("nil, expected \(b)", file: file, line: line) }
        XCTAssertEqual(Rounding.halfUp(a, places: places), Rounding.halfUp(d(b), places: places), file: file, line: line)
    }

    // MARK: - Pro-rata

    func testProRataBands() throws {
        // "trên 750" in 3 of 5 years: 750 × 3 ÷ 5 = 450 expected, 60 % of the time.
        let slightly = try XCTUnwrap(ProRata(soFar: 420, target: 750, elapsed: 3, total: 5))
        XCTAssertEqual(slightly.expected, 450)
        XCTAssertEqual(slightly.achievedPercent, 56) // 420 ÷ 750 × 100
        XCTAssertEqual(slightly.pointsBehind, 4) // 60 − 56
        XCTAssertEqual(slightly.band, .slightlyBehind)
        XCTAssertEqual(ProRata(soFar: 450, target: 750, elapsed: 3, total: 5)?.band, .onTrack, "exactly on the expected share")
        XCTAssertEqual(ProRata(soFar: 375, target: 750, elapsed: 3, total: 5)?.band, .atRisk, "50 % against 60 %: 10 points, the at-risk edge")
        XCTAssertEqual(ProRata(soFar: 300, target: 750, elapsed: 3, total: 5)?.band, .atRisk) // 40 % against 60 %: 20 points
        XCTAssertEqual(ProRata(soFar: 262, target: 750, elapsed: 3, total: 5)?.band, .concerned) // 34,93 %: 25,07 points
        XCTAssertEqual(ProRata(soFar: 263, target: 750, elapsed: 3, total: 5)?.band, .atRisk) // 35,07 %: 24,93 points
        XCTAssertNil(ProRata(soFar: 5, target: 0, elapsed: 3, total: 5), "a zero target is not pro-rated (no ÷ 0)")
        XCTAssertNil(ProRata(soFar: 5, target: 750, elapsed: 0, total: 5), "before a year has passed there is nothing to judge")
    }

    func testProRataEdges() throws {
        // Target already met in year 2 of 5: 800 of "trên 750" = 106,67 % against 40 % → on track,
        // 66,67 points ahead (pointsBehind negative).
        let met = try XCTUnwrap(ProRata(soFar: 800, target: 750, elapsed: 2, total: 5))
        XCTAssertEqual(met.band, .onTrack)
        XCTAssertEqual(Rounding.halfUp(met.pointsBehind, places: 2), d("-66.67"))
        // The term's years all passed (5 of 5): expected is the target itself; 700 of 750 = 93,33 %
        // against 100 %: 6,67 points behind → slightly behind.
        let done = try XCTUnwrap(ProRata(soFar: 700, target: 750, elapsed: 5, total: 5))
        XCTAssertEqual(done.expected, 750)
        XCTAssertEqual(done.band, .slightlyBehind)
        // A negative running total (an amount that fell, e.g. −30 against 100 after 1 of 5 years):
        // −30 % against 20 %: 50 points behind → of concern; no sign trouble.
        let negative = try XCTUnwrap(ProRata(soFar: -30, target: 100, elapsed: 1, total: 5))
        XCTAssertEqual(negative.achievedPercent, -30)
        XCTAssertEqual(negative.pointsBehind, 50)
        XCTAssertEqual(negative.band, .concerned)
        // Zero so far after a year: 0 % against 20 % → 20 points → at risk (10–25).
        XCTAssertEqual(ProRata(soFar: 0, target: 100, elapsed: 1, total: 5)?.band, .atRisk)
        // A falling target has no total to pro-rate (target 0 or below): nil, never ÷ 0.
        XCTAssertNil(ProRata(soFar: 3, target: -1, elapsed: 1, total: 5))
    }

    func testARunningTermTotalCarriesItsProRataAndRunningTotal() {
        let t = Target(id: "t", text: "…", citation: Citation(source: "s", line: nil), indicatorID: "ket-nap", rule: rule("> 750"), period: .term, location: here)
        let o = [(2021, "140"), (2022, "150"), (2023, "130")].map {
            Observation(indicatorID: "ket-nap", period: .year($0.0), value: .number(d($0.1)), quote: "…", citation: Citation(source: "s", line: nil), location: here)
        }
        let a = Evaluator(ledger: Ledger(indicators: [:], bodies: [:], records: []), asOf: 2023).assess(t, indicator: admissions, term: term2020, observations: o)
        XCTAssertEqual(a.summary.value, 420) // 140 + 150 + 130
        XCTAssertEqual(a.summary.proRata?.band, .slightlyBehind)
        XCTAssertEqual(a.summary.progress, .atRisk, "below the expected 450")
        XCTAssertEqual(a.series, series([(2021, "140"), (2022, "290"), (2023, "420")]), "running totals")
        XCTAssertTrue(a.seriesIsCumulative)
        XCTAssertNil(a.baselineProgress, "a running total has no baseline: attainment says it")
    }

    func testATotalDueByAYearIsProRatedOverTheYearsUpToIt() {
        // "by 2022" in 2020–2025 (reporting 2021–2025), assessed in 2021: 1 of the 2 years to 2022
        // has passed, so half of 200 is expected, not a fifth; 90 is 45 % against 50 %.
        let t = Target(id: "t", text: "…", citation: Citation(source: "s", line: nil), indicatorID: "ket-nap", rule: rule(">= 200"), period: .byYear(2022), location: here)
        let o = [Observation(indicatorID: "ket-nap", period: .year(2021), value: .number(90), quote: "…", citation: Citation(source: "s", line: nil), location: here)]
        let a = Evaluator(ledger: Ledger(indicators: [:], bodies: [:], records: []), asOf: 2021).assess(t, indicator: admissions, term: term2020, observations: o)
        XCTAssertEqual(a.summary.proRata?.total, 2)
        XCTAssertEqual(a.summary.proRata?.expected, 100)
        XCTAssertEqual(a.summary.proRata?.band, .slightlyBehind) // 5 points behind
        XCTAssertEqual(a.dueYear, 2022)
    }

    // MARK: - Trend

    func testAFallingTargetOnTrackByCompoundGrowth() throws {
        // Type-4 members "dưới 0,5%": 1,2 % (2020) → 0,6 % (2023), due 2025.
        // actual = (0,6 ÷ 1,2)^(1/3) − 1 = 0,5^(1/3) − 1 = 0,793700526 − 1 = −0,206299474
        // required = (0,5 ÷ 0,6)^(1/2) − 1 = 0,833333^(1/2) − 1 = 0,912870929 − 1 = −0,087129071
        // ratio = 0,206299474 ÷ 0,087129071 = 2,367746…
        let t = try XCTUnwrap(ProgressMethods.trend(series([(2020, "1.2"), (2021, "0.9"), (2022, "0.8"), (2023, "0.6")]), rule: rule("< 0,5%"), indicator: category4, dueYear: 2025))
        XCTAssertTrue(t.compound)
        close(t.actual, "-0.206299474", 8)
        close(t.required, "-0.087129071", 8)
        close(t.ratio, "2.367746", 5)
        XCTAssertEqual(t.status, .onTrack)
    }

    func testModerateLimitedAndMovingAway() throws {
        // 100 (2021) → 110 (2023): actual = 1,1^(1/2) − 1 = 0,048808848.
        let rising = series([(2021, "100"), (2023, "110")])
        // ≥ 125 by 2025: required = (125 ÷ 110)^(1/2) − 1 = 1,136364^(1/2) − 1 = 0,066003582; ratio 0,739488 → moderate.
        let moderate = try XCTUnwrap(ProgressMethods.trend(rising, rule: rule(">= 125"), indicator: admissions, dueYear: 2025))
        close(moderate.ratio, "0.739488", 5)
        XCTAssertEqual(moderate.status, .moderate)
        // ≥ 140 by 2025: required = (140 ÷ 110)^(1/2) − 1 = 0,128152149; ratio 0,380867 → limited.
        let limited = try XCTUnwrap(ProgressMethods.trend(rising, rule: rule(">= 140"), indicator: admissions, dueYear: 2025))
        close(limited.ratio, "0.380867", 5)
        XCTAssertEqual(limited.status, .limited)
        // 90 → 80 against ≥ 95: falling while it must rise; ratio < 0.
        let away = try XCTUnwrap(ProgressMethods.trend(series([(2021, "90"), (2023, "80")]), rule: rule(">= 95%"), indicator: share, dueYear: 2025))
        XCTAssertLessThan(try XCTUnwrap(away.ratio), 0)
        XCTAssertEqual(away.status, .movingAway)
    }

    func testAZeroTakesLinearGrowthNotALogarithmOfZero() throws {
        // "không có cơ sở yếu kém": 4 (2021) → 2 (2023), target 0 by 2025.
        // linear: actual = (2 − 4) ÷ 2 = −1 a year; required = (0 − 2) ÷ 2 = −1; ratio 1 → on track.
        let t = try XCTUnwrap(ProgressMethods.trend(series([(2021, "4"), (2023, "2")]), rule: rule("= 0"), indicator: weak, dueYear: 2025))
        XCTAssertFalse(t.compound)
        XCTAssertEqual(t.actual, -1)
        XCTAssertEqual(t.required, -1)
        XCTAssertEqual(t.ratio, 1)
        XCTAssertEqual(t.status, .onTrack)
        // From 0 %: 0 (2021) → 10 (2023) against ≥ 50 % by 2025: actual 5, required (50 − 10) ÷ 2 = 20, ratio 0,25.
        let fromZero = try XCTUnwrap(ProgressMethods.trend(series([(2021, "0"), (2023, "10")]), rule: rule(">= 50%"), indicator: share, dueYear: 2025))
        XCTAssertFalse(fromZero.compound)
        XCTAssertEqual(fromZero.ratio, d("0.25"))
        XCTAssertEqual(fromZero.status, .limited)
    }

    func testNegativeFiguresTakeLinearGrowthEitherWay() throws {
        // An amount that may be negative: growth of output −2 %/năm (2021) → 1 (2023), target ≥ 3 by
        // 2025. No compound growth across a sign: linear actual = (1 − (−2)) ÷ 2 = 1,5 a year;
        // required = (3 − 1) ÷ 2 = 1; ratio 1,5 → on track.
        let growth = Indicator(id: "tang-truong", name: "Tăng trưởng", nameEn: "Growth", unit: .amount, aggregation: .none, measure: "%/năm", measureEn: "%/year")
        let up = try XCTUnwrap(ProgressMethods.trend(series([(2021, "-2"), (2023, "1")]), rule: rule(">= 3"), indicator: growth, dueYear: 2025))
        XCTAssertFalse(up.compound)
        XCTAssertEqual(up.actual, d("1.5"))
        XCTAssertEqual(up.required, 1)
        XCTAssertEqual(up.ratio, d("1.5"))
        XCTAssertEqual(up.status, .onTrack)
        // Both negative and falling, direction down: −5 (2021) → −8 (2023) against ≤ −10 by 2025:
        // actual (−8 − (−5)) ÷ 2 = −1,5; required (−10 − (−8)) ÷ 2 = −1; ratio 1,5 → on track.
        let fall = Indicator(id: "bien-dong", name: "Biến động", nameEn: "Change", unit: .amount, direction: .down, aggregation: .none, measure: "điểm %", measureEn: "pp")
        // (A negative bound is built directly: a target's wording has no minus sign to parse.)
        let atMost = Rule(.atMost(-10), isPercent: false, text: "không quá −10")
        let down = try XCTUnwrap(ProgressMethods.trend(series([(2021, "-5"), (2023, "-8")]), rule: atMost, indicator: fall, dueYear: 2025))
        XCTAssertFalse(down.compound)
        XCTAssertEqual(down.ratio, d("1.5"))
        XCTAssertEqual(down.status, .onTrack)
        // The same series rising instead (−5 → −4): actual +0,5 against required (−10 − (−4)) ÷ 2 = −3:
        // ratio −0,1667 → moving away.
        let away = try XCTUnwrap(ProgressMethods.trend(series([(2021, "-5"), (2023, "-4")]), rule: atMost, indicator: fall, dueYear: 2025))
        XCTAssertEqual(away.status, .movingAway)
        close(away.ratio, "-0.166667")
    }

    func testAchievedExpiredInsufficientAndAStrictBoundAtItsFigure() throws {
        XCTAssertEqual(ProgressMethods.trend(series([(2021, "80"), (2023, "91")]), rule: rule(">= 90%"), indicator: share, dueYear: 2025)?.status, .achieved)
        let expired = try XCTUnwrap(ProgressMethods.trend(series([(2021, "80"), (2025, "85")]), rule: rule(">= 90%"), indicator: share, dueYear: 2025))
        XCTAssertEqual(expired.status, .expired, "no year left to grow in")
        XCTAssertNil(expired.required, "no growth is required over zero years (no ÷ 0)")
        XCTAssertEqual(ProgressMethods.trend(series([(2023, "80")]), rule: rule(">= 90%"), indicator: share, dueYear: 2025)?.status, .insufficientData)
        XCTAssertEqual(ProgressMethods.trend([], rule: rule(">= 90%"), indicator: share, dueYear: 2025)?.status, .insufficientData)
        // "trên 750" at exactly 750: nothing left to grow by, yet not met; any rise meets it.
        let strict = try XCTUnwrap(ProgressMethods.trend(series([(2021, "600"), (2023, "750")]), rule: rule("> 750"), indicator: admissions, dueYear: 2025))
        XCTAssertNil(strict.ratio)
        XCTAssertEqual(strict.status, .onTrack)
        XCTAssertNil(ProgressMethods.trend(series([(2021, "1"), (2022, "2")]), rule: Rule(.ratingAtLeast("tot"), isPercent: false, text: "xếp loại >= tot"), indicator: share, dueYear: 2025), "ratings have no trend")
    }

    func testRootsPastDecimalsRangeFallBackToLinearGrowth() throws {
        // 1 → 10^20 over 300 years: Newton's step would need y^299 with y near 3·10^17, past Decimal's
        // range; the trend is then linear: (10^20 − 1) ÷ 300 a year, never a NaN or a wrong root.
        let huge = Decimal(sign: .plus, exponent: 20, significand: 1)
        // Against "≥ 10^21" by 2201: linear actual (10^20 − 1) ÷ 300, required (10^21 − 10^20) ÷ 1 = 9·10^20,
        // ratio ≈ 0,00037 → limited.
        let t = try XCTUnwrap(ProgressMethods.trend([SeriesPoint(year: 1900, value: 1), SeriesPoint(year: 2200, value: huge)],
                                                    rule: rule(">= 1.000.000.000.000.000.000.000"), indicator: admissions, dueYear: 2201))
        XCTAssertFalse(t.compound)
        XCTAssertEqual(t.actual, (huge - 1) / 300)
        XCTAssertEqual(t.required, huge * 9)
        XCTAssertFalse(t.ratio?.isNaN ?? true)
        XCTAssertEqual(t.status, .limited)
        XCTAssertNil(Planner.root(huge, 300), "no root rather than a wrong one")
        XCTAssertEqual(Planner.root(8, 3), 2)
    }

    // MARK: - Baselines

    func testProgressFromABaselineInEveryEdge() throws {
        // (1,2 − 0,6) ÷ (1,2 − 0,5) × 100 = 0,6 ÷ 0,7 × 100 = 85,714285…
        close(ProgressMethods.baseline(series([(2020, "1.2"), (2023, "0.6")]), rule: rule("< 0,5%"), indicator: category4)?.percent, "85.714286")
        // Past the target: (1,2 − 0,3) ÷ 0,7 × 100 = 128,571429; away from it: (1,2 − 1,5) ÷ 0,7 × 100 = −42,857143.
        close(ProgressMethods.baseline(series([(2020, "1.2"), (2023, "0.3")]), rule: rule("< 0,5%"), indicator: category4)?.percent, "128.571429")
        close(ProgressMethods.baseline(series([(2020, "1.2"), (2023, "1.5")]), rule: rule("< 0,5%"), indicator: category4)?.percent, "-42.857143")
        // A zero baseline is an ordinary start: (30 − 0) ÷ (60 − 0) × 100 = 50.
        XCTAssertEqual(ProgressMethods.baseline(series([(2020, "0"), (2023, "30")]), rule: rule(">= 60%"), indicator: share)?.percent, 50)
        // "dưới 1%" from exactly 1 %: the baseline is the target's figure and does not meet it; no distance, no ∞.
        let equal = try XCTUnwrap(ProgressMethods.baseline(series([(2020, "1"), (2023, "0.8")]), rule: rule("< 1%"), indicator: category4))
        XCTAssertNil(equal.percent)
        // A baseline that already meets the target has no distance to cover.
        XCTAssertNil(ProgressMethods.baseline(series([(2020, "0.4"), (2023, "0.3")]), rule: rule("< 0,5%"), indicator: category4))
        XCTAssertNil(ProgressMethods.baseline(series([(2023, "0.6")]), rule: rule("< 0,5%"), indicator: category4), "one year is no baseline and a figure")
    }

    // MARK: - Shares and rounding

    func testSharesOfSeveralYearsAddCountsNeverAveragePercentages() throws {
        let t = Target(id: "t", text: "…", citation: Citation(source: "s", line: nil), indicatorID: "htt", rule: rule(">= 85%"), period: .eachYear, location: here)
        let term = Term(congress: "XIII", ordinal: 13, startYear: 2015, endYear: 2017)
        let o = [(2016, 62, 69), (2017, 60, 70)].map {
            Observation(indicatorID: "htt", period: .year($0.0), value: .share(numerator: Decimal($0.1), denominator: Decimal($0.2)), quote: "…", citation: Citation(source: "s", line: nil), location: here)
        }
        let a = Evaluator(ledger: Ledger(indicators: [:], bodies: [:], records: []), asOf: 2026).assess(t, indicator: share, term: term, observations: o)
        let pooled = try XCTUnwrap(a.cumulative)
        // (62 + 60) ÷ (69 + 70) × 100 = 122 ÷ 139 × 100 = 87,769784…; the mean of 89,855 and 85,714 would be 87,785.
        close(pooled.value, "87.769784")
        XCTAssertEqual(pooled.verdict, .exceeded)
    }

    func testANotMetFigureIsNeverShownAsMet() {
        // 6.997 ÷ 7.000 × 100 = 99,957…: half up is 100,0, which would read as met.
        let value = Decimal(6997) / Decimal(7000) * 100
        XCTAssertEqual(Rounding.shown(value, places: 1, bound: 100, met: false), d("99.9"))
        XCTAssertEqual(Rounding.shown(value, places: 1, bound: 100, met: nil), 100, "with no judgement, plain half up")
        XCTAssertEqual(Rounding.shown(d("99.94"), places: 1, bound: 100, met: false), d("99.9"), "already below after rounding: unchanged")
        // A ceiling "dưới 0,5%" at 0,504 %: half up 0,5 reads as met by "≤"; shown 0,6.
        XCTAssertEqual(Rounding.shown(d("0.504"), places: 1, bound: d("0.5"), met: false), d("0.6"))
        // A gap of −0,04 points must not print as ±0,0.
        XCTAssertEqual(Rounding.shown(d("-0.04"), places: 1, bound: 0, met: false), d("-0.1"))
        XCTAssertEqual(Rounding.shown(750, places: 0, bound: 750, met: false), 750, "at the figure of a strict bound: shown as it is")
        XCTAssertEqual(Rounding.floor(d("-0.04"), places: 1), d("-0.1"))
        XCTAssertEqual(Rounding.ceiling(d("0.501"), places: 1), d("0.6"))
    }
}
