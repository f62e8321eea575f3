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
}
