import ChiTieuCore
import Foundation
import XCTest

/// Projections and the ambition check, every figure worked out by hand here.
final class PlannerTests: XCTestCase {
    let members = Indicator(id: "dang-vien", name: "Số đảng viên", nameEn: "Members", unit: .count)
    let admitted = Indicator(id: "ket-nap-dang-vien", name: "Kết nạp", nameEn: "Admitted", unit: .count, position: 1)

    func figure(_ i: Indicator, _ period: ObservedPeriod, _ v: Decimal) -> Observation {
        Observation(indicatorID: i.id, period: period, value: .number(v), quote: "q", citation: Citation(source: "s", line: nil),
                    location: SourceLocation(file: "f.yaml", line: 1, column: 1))
    }

    func ledger(_ records: [Record]) -> Ledger {
        Ledger(indicators: [members.id: members, admitted.id: admitted],
               bodies: ["b": Body(id: "b", name: "B", nameEn: "B", province: "P", kind: .bloc)], records: records)
    }

    func rule(_ text: String, _ c: Comparison) -> Rule { Rule(c, isPercent: false, text: text) }

    func target(_ id: String, _ i: Indicator, _ r: Rule, _ p: PeriodKind) -> Target {
        Target(id: id, text: id, citation: Citation(source: "s", line: nil), indicatorID: i.id, rule: r, period: p,
               location: SourceLocation(file: "d.yaml", line: 1, column: 1))
    }

    func testRootsAndGrowthAreExactToTwelveDigits() throws {
        // 1,21 = 1,1²; 2 = 1,189207115002…⁴.
        let x = try XCTUnwrap(Decimal(string: "1.21")), y = try XCTUnwrap(Decimal(string: "1.1"))
        XCTAssertEqual(Planner.root(x, 2), y)
        XCTAssertEqual(Planner.root(2, 4), Decimal(string: "1.189207115003"), "1,189207115002721… rounded to 12 places")
        XCTAssertEqual(Planner.power(y, 2), x)
        XCTAssertNil(Planner.root(-1, 2))
    }

    func testATermTotalIsAYearlyAverageAndTheDraftIsAlreadyReached() throws {
        // The built-in case in small: 868 admissions in 2016–2020 is 173,6 a year; the XIV draft
        // asks at least 120 each year.
        let xiii = Term(congress: "XIII", ordinal: 13, startYear: 2015, endYear: 2020)
        let past = Record(file: "xiii.yaml", bodyID: "b", term: xiii, sources: [:], targets: [], observations: [figure(admitted, .term, 868)])
        let xiv = Term(congress: "XIV", ordinal: 14, startYear: 2020, endYear: 2025)
        let draft = Record(file: "xiv.yaml", bodyID: "b", term: xiv, sources: [:],
                           targets: [target("ket-nap", admitted, rule(">= 120", .atLeast(120)), .eachYear)], observations: [])
        let check = try XCTUnwrap(Planner(ledger: ledger([past])).check(draft).first)
        XCTAssertEqual(check.outlook.last?.level, Decimal(string: "173.6"))
        XCTAssertEqual(check.outlook.last?.averagedOver, 2016...2020)
        XCTAssertEqual(check.ambition, .reached)
    }

    func testStretchWithTheGrowthItNeedsAgainstTheGrowthObserved() throws {
        // Members 1.000 (2010) → 1.210 (2020): 10 years of (1,21)^(1/10) − 1 = 1,9245… % a year.
        let past = Record(file: "f.yaml", bodyID: "b", term: nil, sources: [:], targets: [],
                          observations: [figure(members, .year(2010), 1000), figure(members, .year(2020), 1210)])
        let xiv = Term(congress: "XIV", ordinal: 14, startYear: 2020, endYear: 2025)
        let draft = Record(file: "xiv.yaml", bodyID: "b", term: xiv, sources: [:], targets: [
            target("kha-thi", members, rule(">= 1.300", .atLeast(1300)), .endOfTerm),
            target("thach-thuc", members, rule(">= 1.600", .atLeast(1600)), .endOfTerm),
            target("tran", members, rule("<= 1.000", .atMost(1000)), .endOfTerm),
        ], observations: [])
        let checks = Planner(ledger: ledger([past])).check(draft)
        let outlook = checks[0].outlook
        // Slope: the line through (2010; 1.000) and (2020; 1.210) rises 21 a year.
        XCTAssertEqual(outlook.slope, 21)
        XCTAssertEqual(outlook.linear(at: 2025), 1315)
        // 1,21^(1/10) = 1,019245…; 1.210 × 1,019245…⁵ = 1.210 × 1,1 = 1.331 by 2025.
        let growth = try XCTUnwrap(outlook.growth)
        XCTAssertEqual(Rounding.halfUp(growth * 100, places: 4), Decimal(string: "1.9245"))
        XCTAssertEqual(Rounding.halfUp(try XCTUnwrap(outlook.compound(at: 2025)), places: 6), 1331)
        XCTAssertEqual(checks[0].ambition, .withinTrend, "1.331 ≥ 1.300 by 2025")
        XCTAssertEqual(checks[1].ambition, .stretch)
        // 1.600 / 1.210 over 5 years: (1,322314…)^(1/5) − 1 = e^(0,279387/5) − 1 = 5,7467… % a year;
        // 1,9245 / 5,7467 = 0,335.
        XCTAssertEqual(Rounding.halfUp(try XCTUnwrap(checks[1].requiredGrowth) * 100, places: 4), Decimal(string: "5.7467"))
        XCTAssertEqual(Rounding.halfUp(try XCTUnwrap(checks[1].ratio), places: 3), Decimal(string: "0.335"))
        XCTAssertEqual(checks[2].ambition, .stretch, "a ceiling of 1.000 against a rising series")
        // UN ESCAP on the same record, weights 1 (2010, x = 0) and 2 (2020, x = 10): Σw = 3,
        // Σwx = 20, Σwx² = 200, Σwy = 1000 + 2420 = 3420, Σwxy = 2·10·1210 = 24200;
        // D = 600 − 400 = 200; N = 72600 − 68400 = 4200; slope 21 (two points: the line itself);
        // ŷ(2025, x = 15) = (3420·200 + (45 − 20)·4200) ÷ 600 = (684000 + 105000) ÷ 600 = 1315.
        let within = try XCTUnwrap(checks[0].escap)
        XCTAssertEqual(within.anticipated, 1315)
        XCTAssertEqual(within.category, .maintain, "1.315 ≥ 1.300")
        let short = try XCTUnwrap(checks[1].escap)
        // (1600 − 1315) ÷ (1600 − 1000) × 100 = 47,5 % of the way still missing.
        XCTAssertEqual(short.anticipatedGap, Decimal(string: "47.5"))
        XCTAssertEqual(short.category, .accelerate)
        // The ceiling 1.000 was met at the base (1.000 ≤ 1.000) and is left behind: reverse.
        XCTAssertEqual(checks[2].escap?.category, .reverse)
    }

    func testNoRecordAndNoProjection() {
        let xiv = Term(congress: "XIV", ordinal: 14, startYear: 2020, endYear: 2025)
        let draft = Record(file: "xiv.yaml", bodyID: "b", term: xiv, sources: [:], targets: [
            target("khong-so-lieu", members, rule(">= 10", .atLeast(10)), .endOfTerm),
            target("khoang", members, rule("15-20", .range(15, 20)), .endOfTerm),
        ], observations: [])
        let checks = Planner(ledger: ledger([])).check(draft)
        XCTAssertEqual(checks.map(\.ambition), [.noRecord, .notProjected])
    }

    func testEurostatsShortAndLongTermHorizons() throws {
        // Members 800 (2000), 1.300 (2005), 1.100 (2015), 1.210 (2020); draft "≥ 1.600" and
        // "≥ 1.300" by 2025. Eurostat's horizons from the latest year 2020: short term from 2015,
        // long term from 2005 (the figure of that year; sdg-build's base-year rule).
        // Required: (1.600/1.210)^(1/5) − 1 = 5,7467 %; (1.300/1.210)^(1/5) − 1 = 1,4452 %.
        // Short term: (1.210/1.100)^(1/5) − 1 = 1,9245 %; long term: (1.210/1.300)^(1/15) − 1 = −0,4772 %.
        // Ratios against 5,7467 %: 0,3349 (insufficient, under 0,60) and −0,0830 (movement away);
        // against 1,4452 %: 1,3316 (significant, ≥ 0,95) and −0,3302 (movement away).
        let past = Record(file: "f.yaml", bodyID: "b", term: nil, sources: [:], targets: [], observations: [
            figure(members, .year(2000), 800), figure(members, .year(2005), 1300), figure(members, .year(2015), 1100), figure(members, .year(2020), 1210),
        ])
        let xiv = Term(congress: "XIV", ordinal: 14, startYear: 2020, endYear: 2025)
        let draft = Record(file: "xiv.yaml", bodyID: "b", term: xiv, sources: [:], targets: [
            target("cao", members, rule(">= 1.600", .atLeast(1600)), .endOfTerm),
            target("vua", members, rule(">= 1.300", .atLeast(1300)), .endOfTerm),
        ], observations: [])
        let checks = Planner(ledger: ledger([past])).check(draft)
        let high = try XCTUnwrap(checks.first { $0.target.id == "cao" })
        XCTAssertEqual(high.horizons.map(\.years), [5, 15])
        XCTAssertEqual(high.horizons.map(\.first.year), [2015, 2005])
        XCTAssertEqual(high.horizons.map(\.status), [.insufficient, .movingAway])
        XCTAssertEqual(Rounding.halfUp(high.horizons[0].growth, places: 6), Decimal(string: "0.019245"))
        XCTAssertEqual(Rounding.halfUp(high.horizons[0].ratio, places: 4), Decimal(string: "0.3349"))
        XCTAssertEqual(Rounding.halfUp(high.horizons[1].ratio, places: 4), Decimal(string: "-0.0830"))
        let low = try XCTUnwrap(checks.first { $0.target.id == "vua" })
        XCTAssertEqual(low.horizons.map(\.status), [.significant, .movingAway])
        XCTAssertEqual(Rounding.halfUp(low.horizons[0].ratio, places: 4), Decimal(string: "1.3316"))
    }

    func testAHorizonNeedsTheDataToReachBackToItsFirstYear() {
        // Figures only from 2012: the short term (from 2015) is there, the long term (from 2005) is not.
        let points = [SeriesPoint(year: 2012, value: 100), SeriesPoint(year: 2016, value: 110), SeriesPoint(year: 2020, value: 121)]
        XCTAssertNotNil(EurostatHorizons.trend(points, years: 5, required: Decimal(string: "0.02")))
        XCTAssertNil(EurostatHorizons.trend(points, years: 15, required: Decimal(string: "0.02")))
        // The short term's base is 2016 (no 2015 figure): 110 → 121 over 4 years.
        XCTAssertEqual(EurostatHorizons.trend(points, years: 5, required: Decimal(string: "0.02"))?.first.year, 2016)
        // Nothing required (target met), a single year, a zero or a sign change: no horizon.
        XCTAssertNil(EurostatHorizons.trend(points, years: 5, required: nil))
        XCTAssertNil(EurostatHorizons.trend([SeriesPoint(year: 2020, value: 121)], years: 5, required: 1))
        XCTAssertNil(EurostatHorizons.trend([SeriesPoint(year: 2015, value: 0), SeriesPoint(year: 2020, value: 5)], years: 5, required: 1))
        XCTAssertNil(EurostatHorizons.trend([SeriesPoint(year: 2015, value: -2), SeriesPoint(year: 2020, value: 5)], years: 5, required: 1))
    }

    func testHorizonsOfAFallingTarget() throws {
        // Direction down: weak organisations 20 (2015) → 10 (2020), "không quá 5" by 2025.
        // Required (5/10)^(1/5) − 1 = −12,9449 %; observed (10/20)^(1/5) − 1 = −12,9449 %: ratio 1 → significant.
        let points = [SeriesPoint(year: 2015, value: 20), SeriesPoint(year: 2020, value: 10)]
        let required = try XCTUnwrap(Planner.root(Decimal(string: "0.5") ?? 0, 5)) - 1
        let h = try XCTUnwrap(EurostatHorizons.trend(points, years: 5, required: required))
        XCTAssertEqual(h.ratio, 1)
        XCTAssertEqual(h.status, .significant)
    }
}
