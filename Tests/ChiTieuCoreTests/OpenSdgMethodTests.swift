import ChiTieuCore
import Foundation
import XCTest

/// Open SDG's no-target status (sdg-build `ProgressMeasure.py`, methodology 1: signed CAGR against
/// 0,015 / 0,005 / 0), every case worked by hand. sdg-build's tests give no worked numbers to copy.
final class OpenSdgMethodTests: XCTestCase {
    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }
    private func series(_ points: [(Int, String)]) -> [SeriesPoint] { points.map { SeriesPoint(year: $0.0, value: d($0.1)) } }
    private func status(_ points: [(Int, String)], up: Bool = true) -> NoTargetStatus {
        OpenSdgMethod.noTarget(series(points), higherIsBetter: up).status
    }

    func testTheFourBandsOfARisingCount() {
        // Over 5 years the bars are 1,015⁵ = 1,077284… and 1,005⁵ = 1,025251…:
        // 1.000 → 1.100: 1,1 ≥ 1,0773 → substantial (CAGR 1,1^(1/5) − 1 = 1,9245 %).
        let p = OpenSdgMethod.noTarget(series([(2015, "1000"), (2020, "1100")]), higherIsBetter: true)
        XCTAssertEqual(p.status, .substantial)
        XCTAssertEqual(Rounding.halfUp(p.growth ?? 0, places: 6), d("0.019245"))
        // 1.000 → 1.040: 1,0253 ≤ 1,04 < 1,0773 → moderate (CAGR 0,7875 %).
        XCTAssertEqual(status([(2015, "1000"), (2020, "1040")]), .moderate)
        // 1.000 → 1.020: 1 ≤ 1,02 < 1,0253 → limited (CAGR 0,3968 %).
        XCTAssertEqual(status([(2015, "1000"), (2020, "1020")]), .limited)
        // 1.000 → 990: below 1 → deterioration.
        XCTAssertEqual(status([(2015, "1000"), (2020, "990")]), .deterioration)
        // 1.000 → 1.000: a CAGR of exactly 0 is limited progress, not deterioration (sdg-build: z <= value).
        XCTAssertEqual(status([(2015, "1000"), (2020, "1000")]), .limited)
    }

    func testThresholdsAreInclusiveAndExact() {
        // 1.000 → 1.015 in one year: CAGR exactly 0,015 → substantial (value >= high).
        XCTAssertEqual(status([(2020, "1000"), (2021, "1015")]), .substantial)
        // 200 → 201: exactly 0,005 → moderate; 200 → 200,999: just under → limited.
        XCTAssertEqual(status([(2020, "200"), (2021, "201")]), .moderate)
        XCTAssertEqual(status([(2020, "200"), (2021, "200.999")]), .limited)
    }

    func testDirectionDown() {
        // 10 → 8 weak organisations in 2 years: CAGR = √0,8 − 1 = −10,557 %; lower is better, so
        // the signed value is +10,557 % → substantial. Rising instead (8 → 10) → deterioration.
        XCTAssertEqual(status([(2020, "10"), (2022, "8")], up: false), .substantial)
        XCTAssertEqual(status([(2020, "8"), (2022, "10")], up: false), .deterioration)
        // Falling by 0,3 % a year is limited: 1.000 → 997 in one year, −0,3 % signed +0,3 %.
        XCTAssertEqual(status([(2020, "1000"), (2021, "997")], up: false), .limited)
    }

    func testZeroBaseIsReplacedByOneThousandth() {
        // 0 → 5 in 2 years: base 0,001, ratio 5.000, CAGR = √5000 − 1 = 69,71 → substantial.
        let p = OpenSdgMethod.noTarget(series([(2020, "0"), (2022, "5")]), higherIsBetter: true)
        XCTAssertEqual(p.baseUsed, d("0.001"))
        XCTAssertEqual(Rounding.halfUp(p.growth ?? 0, places: 4), d("69.7107"))
        XCTAssertEqual(p.status, .substantial)
        // A latest figure of 0: CAGR −100 %.
        let gone = OpenSdgMethod.noTarget(series([(2020, "10"), (2022, "0")]), higherIsBetter: true)
        XCTAssertEqual(gone.growth, -1)
        XCTAssertEqual(gone.status, .deterioration)
    }

    func testNegativeValues() {
        // −10 → −8 in one year, higher is better: CAGR = 0,8 − 1 = −0,2; sdg-build signs it by the
        // base (−1) and the direction (+1): +0,2 → substantial (the figure rose).
        let p = OpenSdgMethod.noTarget(series([(2020, "-10"), (2021, "-8")]), higherIsBetter: true)
        XCTAssertEqual(p.growth, d("-0.2"))
        XCTAssertEqual(p.sign, -1)
        XCTAssertEqual(p.status, .substantial)
        // −10 → −12: CAGR +0,2, signed −0,2 → deterioration.
        XCTAssertEqual(status([(2020, "-10"), (2021, "-12")]), .deterioration)
        // Opposite signs have no growth rate.
        XCTAssertEqual(status([(2020, "-5"), (2021, "5")]), .notAvailable)
    }

    func testASingleYearIsNotAvailable() {
        XCTAssertEqual(status([(2020, "1000")]), .notAvailable)
        XCTAssertEqual(status([]), .notAvailable)
    }

    // MARK: - sdg-build's limit (sdg/ProgressMeasure.py, SeriesProgress.get_progress_thresholds:
    // "a = 4.44"; C = 1 when base >= 2*limit, 1 - (base/limit)**a when base <= limit,
    // 1 - ((2*limit - base)/limit)**a between; the thresholds 'high' 0.015 and 'med' 0.005 times C).

    func testALimitShrinksTheThresholdsNearIt() throws {
        // A share rising to at most 100 %: 95 % in 2020, 96 % in 2022.
        // C = 1 − 0,95^4,44 = 0,203670494438 (by hand: ln 0,95 = −0,0512933; × 4,44 = −0,2277422;
        // e^that = 0,7963295; 1 − it = 0,2036705). Thresholds: 0,015 × C = 0,0030551 and
        // 0,005 × C = 0,0010184. CAGR = √(96/95) − 1 = 0,0052494: without the limit moderate
        // (0,5–1,5 %), with it substantial (≥ 0,31 %).
        let points = series([(2020, "95"), (2022, "96")])
        XCTAssertEqual(OpenSdgMethod.noTarget(points, higherIsBetter: true).status, .moderate)
        let p = OpenSdgMethod.noTarget(points, higherIsBetter: true, limit: 100)
        XCTAssertEqual(Rounding.halfUp(p.coefficient, places: 6), d("0.203670"))
        XCTAssertEqual(p.limit, 100)
        XCTAssertEqual(p.status, .substantial)
        // 95 → 95,2: CAGR = √(95,2/95) − 1 = 0,0010521 — between 0,0010184 and 0,0030551: moderate;
        // without the limit, limited (under 0,5 %).
        XCTAssertEqual(status([(2020, "95"), (2022, "95.2")]), .limited)
        XCTAssertEqual(OpenSdgMethod.noTarget(series([(2020, "95"), (2022, "95.2")]), higherIsBetter: true, limit: 100).status, .moderate)
        // A fall is still deterioration: the lowest threshold 0 is not shrunk below 0.
        XCTAssertEqual(OpenSdgMethod.noTarget(series([(2020, "95"), (2022, "94")]), higherIsBetter: true, limit: 100).status, .deterioration)
    }

    func testTheLimitCoefficientsThreeCases() throws {
        // base ≥ 2 × limit: C = 1 (sdg-build checks it first, so base 0 and limit 0 give 1).
        XCTAssertEqual(OpenSdgMethod.limitCoefficient(base: 20, limit: 10), 1)
        XCTAssertEqual(OpenSdgMethod.limitCoefficient(base: 0, limit: 0), 1)
        // A share that must fall towards 0 % (limit 0): every base is ≥ 2 × 0, C = 1.
        XCTAssertEqual(OpenSdgMethod.limitCoefficient(base: 3, limit: 0), 1)
        // Between the limit and twice it: 12 against 10, x = (20 − 12)/10 = 0,8;
        // C = 1 − 0,8^4,44 = 0,628704623 (ln 0,8 = −0,2231436; × 4,44 = −0,9907574; e^that = 0,3712954).
        XCTAssertEqual(Rounding.halfUp(try XCTUnwrap(OpenSdgMethod.limitCoefficient(base: 12, limit: 10)), places: 6), d("0.628705"))
        // At the limit: C = 0, every threshold 0, and holding the limit is substantial progress
        // (sdg-build's score: "base value is equal to limit … limit is maintained or exceeded").
        XCTAssertEqual(OpenSdgMethod.limitCoefficient(base: 100, limit: 100), 0)
        XCTAssertEqual(OpenSdgMethod.noTarget(series([(2020, "100"), (2022, "100")]), higherIsBetter: true, limit: 100).status, .substantial)
        // Signs are dropped (sdg-build: abs(self.base_value), abs(self.limit)).
        XCTAssertEqual(OpenSdgMethod.limitCoefficient(base: -12, limit: -10), OpenSdgMethod.limitCoefficient(base: 12, limit: 10))
    }

    func testOnlyALimitInTheDesiredDirectionCounts() throws {
        // Open SDG's progress-methodology.md: "Only a limit that affects progress in the desired
        // direction is considered. For example, a maximum limit is not considered for indicators
        // whose desired direction of progress is negative."
        // A share that should fall (category-4 members), 4 % → 3,9 % over 2 years, with a maximum
        // of 100 set: the maximum is ignored (C stays 1). CAGR = √(3,9/4) − 1 = −1,2579 %, signed
        // +1,2579 % → moderate (0,5–1,5 %), as without a limit.
        let falling = OpenSdgMethod.noTarget(series([(2020, "4"), (2022, "3.9")]), higherIsBetter: false, limit: 100)
        XCTAssertEqual(falling.coefficient, 1)
        XCTAssertEqual(falling.status, .moderate)
        // The same share with a minimum of 3 % (a floor it falls towards): base 4 is between 3 and
        // 6, x = (6 − 4)/3 = 0,6667; C = 1 − 0,6667^4,44 = 0,834745 (ln(2/3) = −0,405465; × 4,44 =
        // −1,800265; e^that = 0,165255). Thresholds 1,2521 % / 0,4174 %: +1,2579 % → substantial.
        let floor = OpenSdgMethod.noTarget(series([(2020, "4"), (2022, "3.9")]), higherIsBetter: false, limit: 3)
        XCTAssertEqual(Rounding.halfUp(floor.coefficient, places: 4), d("0.8347"))
        XCTAssertEqual(floor.status, .substantial)
        // A rising count above a "limit" below it (a minimum where a rise is progress): ignored.
        XCTAssertEqual(OpenSdgMethod.noTarget(series([(2020, "150"), (2022, "152")]), higherIsBetter: true, limit: 100).coefficient, 1)
    }

    // MARK: - sdg-build's defaults, checked (sdg/ProgressMeasure.py, SeriesProgress.__init__ and
    // calculate_progress_value).

    func testBaseYearIsThatYearOrTheNextWithAFigure() {
        // sdg-build: "self.base_year = config.get('base_year', 2015)"; "if the base year is not in
        // the available data, assign it to be the next available year". Figures for 2012, 2016,
        // 2020: with base year 2015 the base is 2016's 1.000, not 2012's 500.
        // 1.000 → 1.100 over 4 years: 1,1 ≥ 1,015⁴ = 1,061364 → substantial; from 2012's 500
        // (500 → 1.100) the base would differ.
        let points = series([(2012, "500"), (2016, "1000"), (2020, "1100")])
        let p = OpenSdgMethod.noTarget(points, higherIsBetter: true, baseYear: 2015)
        XCTAssertEqual(p.base, SeriesPoint(year: 2016, value: 1000))
        XCTAssertEqual(p.status, .substantial)
        // 2016 → 2020: 1.000 → 1.030: 1,03 < 1,061364 and ≥ 1,005⁴ = 1,020151 → moderate; from
        // 2012 (500 → 1.030 in 8 years) it would be substantial: the base year decides.
        let q = series([(2012, "500"), (2016, "1000"), (2020, "1030")])
        XCTAssertEqual(OpenSdgMethod.noTarget(q, higherIsBetter: true, baseYear: 2015).status, .moderate)
        XCTAssertEqual(OpenSdgMethod.noTarget(q, higherIsBetter: true).status, .substantial)
        // Only the latest year at or after the base year: "must have at least 2 data points".
        XCTAssertEqual(OpenSdgMethod.noTarget(series([(2012, "500"), (2020, "1100")]), higherIsBetter: true, baseYear: 2015).status, .notAvailable)
    }

    func testDirectionIsTheCataloguesNotSdgBuildsDefault() {
        // sdg-build: "self.direction = 1 if config.get('direction') == 'positive' else -1 #
        // defaults to negative (-1)": unset means lower is better there. chitieu passes the
        // catalogue's direction, whose default is up (Indicator(direction: .up)), so a rising count
        // without `direction:` is progress, as an office reads it.
        let members = Indicator(id: "dang-vien", name: "Số đảng viên", nameEn: "Party members", unit: .count)
        XCTAssertEqual(members.direction, .up)
        XCTAssertEqual(status([(2020, "1000"), (2022, "1100")], up: members.direction != .down), .substantial)
        // sdg-build's default (−1) would call the same rise deterioration.
        XCTAssertEqual(status([(2020, "1000"), (2022, "1100")], up: false), .deterioration)
    }
}
