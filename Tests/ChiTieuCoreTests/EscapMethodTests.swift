import ChiTieuCore
import Foundation
import XCTest

/// UN ESCAP's Current Status and Anticipated Progress indices on series worked by hand. ESCAP's
/// methodology text gives no worked example to copy, so every expectation is the hand calculation
/// in the comment beside it, with the weights chitieu assumes (1, 2, …, n by year from the first
/// figure; see `EscapMethod.weight`).
///
/// The weighted line through points (x = years after the first, y, w):
///   Σw, Σwx, Σwx², Σwy, Σwxy;  D = Σw·Σwx² − (Σwx)²;  N = Σw·Σwxy − Σwx·Σwy;
///   slope = N ÷ D;  ŷ(x) = (Σwy·D + (x·Σw − Σwx)·N) ÷ (Σw·D).
final class EscapMethodTests: XCTestCase {
    let share = Indicator(id: "htt", name: "HTT", nameEn: "Well", unit: .percent)
    let category4 = Indicator(id: "loai-4", name: "Loại 4", nameEn: "Cat. 4", unit: .percent, direction: .down)
    let admissions = Indicator(id: "ket-nap", name: "Kết nạp", nameEn: "Admitted", unit: .count)

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

    /// 80, 82, 85 % in 2020–2022, weights 1, 2, 3 at x = 0, 1, 2:
    /// Σw = 6, Σwx = 0 + 2 + 6 = 8, Σwx² = 0 + 2 + 12 = 14, Σwy = 80 + 164 + 255 = 499,
    /// Σwxy = 0 + 82·2 + 85·6 = 674; D = 6·14 − 8² = 20; N = 6·674 − 8·499 = 4044 − 3992 = 52;
    /// slope = 52 ÷ 20 = 2,6; ŷ(2025, x = 5) = (499·20 + (30 − 8)·52) ÷ (6·20) = 11124 ÷ 120 = 92,7.
    let rising = [(2020, "80"), (2021, "82"), (2022, "85")]

    func testAnticipatedValueMeetsTheTargetMaintainsProgress() throws {
        let e = try XCTUnwrap(ProgressMethods.escap(series(rising), rule: rule(">= 90%"), indicator: share, dueYear: 2025))
        XCTAssertEqual(e.weights, [1, 2, 3])
        XCTAssertEqual(e.slope, d("2.6"))
        XCTAssertEqual(e.anticipated, d("92.7"), "11124 ÷ 120, exact")
        XCTAssertEqual(e.currentStatus, 50) // (85 − 80) ÷ (90 − 80) × 100
        XCTAssertEqual(e.anticipatedGap, -27) // (90 − 92,7) ÷ (90 − 80) × 100
        XCTAssertEqual(e.category, .maintain)
    }

    func testShortOfTheTargetButBetterThanTheBaseAccelerates() throws {
        let e = try XCTUnwrap(ProgressMethods.escap(series(rising), rule: rule(">= 95%"), indicator: share, dueYear: 2025))
        close(e.currentStatus, "33.333333") // 5 ÷ 15 × 100
        close(e.anticipatedGap, "15.333333") // (95 − 92,7) ÷ (95 − 80) × 100 = 2,3 ÷ 15 × 100
        XCTAssertEqual(e.category, .accelerate)
    }

    func testDirectionDownMovingAwayReversesTheTrend() throws {
        // "dưới 2%" of category 4 from 5 %: 5, 5, 6. Σwy = 5 + 10 + 18 = 33; Σwxy = 0 + 10 + 36 = 46;
        // N = 6·46 − 8·33 = 276 − 264 = 12; slope 0,6; ŷ(5) = (33·20 + 22·12) ÷ 120 = 924 ÷ 120 = 7,7.
        let e = try XCTUnwrap(ProgressMethods.escap(series([(2020, "5"), (2021, "5"), (2022, "6")]), rule: rule("< 2%"), indicator: category4, dueYear: 2025))
        XCTAssertEqual(e.anticipated, d("7.7"))
        close(e.currentStatus, "-33.333333") // (6 − 5) ÷ (2 − 5) × 100
        XCTAssertEqual(e.anticipatedGap, 190) // (2 − 7,7) ÷ (2 − 5) × 100 = −5,7 ÷ −3 × 100
        XCTAssertEqual(e.category, .reverse)
    }

    func testDirectionDownFallingFastEnoughMaintains() throws {
        // 5, 4, 3: Σwy = 5 + 8 + 9 = 22; Σwxy = 0 + 8 + 18 = 26; N = 6·26 − 8·22 = 156 − 176 = −20;
        // slope −1; ŷ(5) = (22·20 + 22·(−20)) ÷ 120 = 0. Below 2 % → met; gap (2 − 0) ÷ (2 − 5) × 100.
        let e = try XCTUnwrap(ProgressMethods.escap(series([(2020, "5"), (2021, "4"), (2022, "3")]), rule: rule("< 2%"), indicator: category4, dueYear: 2025))
        XCTAssertEqual(e.slope, -1)
        XCTAssertEqual(e.anticipated, 0)
        close(e.anticipatedGap, "-66.666667")
        XCTAssertEqual(e.category, .maintain)
    }

    func testZeroBase() throws {
        // 0 then 4 admissions against "từ 10" by 2024: weights 1, 2; Σw = 3, Σwx = 2, Σwx² = 2,
        // Σwy = 8, Σwxy = 8; D = 6 − 4 = 2; N = 24 − 16 = 8; slope 4; ŷ(x = 3) = (16 + 7·8) ÷ 6 = 12.
        // No division by the base, so a zero base is measured as any other.
        let e = try XCTUnwrap(ProgressMethods.escap(series([(2021, "0"), (2022, "4")]), rule: rule(">= 10"), indicator: admissions, dueYear: 2024))
        XCTAssertEqual(e.anticipated, 12)
        XCTAssertEqual(e.currentStatus, 40) // 4 ÷ 10 × 100
        XCTAssertEqual(e.anticipatedGap, -20) // (10 − 12) ÷ 10 × 100
        XCTAssertEqual(e.category, .maintain)
    }

    func testNegativeValues() throws {
        // −2, −1, −1,5 towards "từ 1" by 2025 (x = 4): Σwy = −2 − 2 − 4,5 = −8,5; Σwxy = 0 − 2 − 9 = −11;
        // N = 6·(−11) − 8·(−8,5) = −66 + 68 = 2; slope 0,1; ŷ(4) = (−8,5·20 + (24 − 8)·2) ÷ 120
        // = (−170 + 32) ÷ 120 = −1,15; gap = (1 + 1,15) ÷ (1 + 2) × 100 = 71,666…
        let e = try XCTUnwrap(ProgressMethods.escap(series([(2021, "-2"), (2022, "-1"), (2023, "-1.5")]), rule: rule(">= 1"), indicator: admissions, dueYear: 2025))
        XCTAssertEqual(e.slope, d("0.1"))
        XCTAssertEqual(e.anticipated, d("-1.15"))
        close(e.anticipatedGap, "71.666667")
        close(e.currentStatus, "16.666667") // (−1,5 + 2) ÷ 3 × 100
        XCTAssertEqual(e.category, .accelerate)
    }

    func testASingleYearIsInsufficientData() throws {
        let e = try XCTUnwrap(ProgressMethods.escap(series([(2022, "85")]), rule: rule(">= 90%"), indicator: share, dueYear: 2025))
        XCTAssertEqual(e.category, .insufficientData)
        XCTAssertNil(e.anticipated)
        XCTAssertNil(ProgressMethods.escap([], rule: rule(">= 90%"), indicator: share, dueYear: 2025)?.anticipated)
    }

    func testTargetYearPassedTakesTheLatestFigure() throws {
        // Due 2022 with figures to 2022: nothing left to anticipate; 85 against 95: (95 − 85) ÷ 15 × 100.
        let e = try XCTUnwrap(ProgressMethods.escap(series(rising), rule: rule(">= 95%"), indicator: share, dueYear: 2022))
        XCTAssertEqual(e.anticipated, 85)
        close(e.anticipatedGap, "66.666667")
        XCTAssertEqual(e.category, .accelerate)
    }

    func testTargetAlreadyMetAtTheBase() throws {
        // 85, 86 against "từ 80": met throughout (weights 1, 2: Σw 3, Σwx 2, Σwx² 2,
        // Σwy 257, Σwxy 172; D 2; N = 516 − 514 = 2; ŷ(x = 3) = (514 + 7·2) ÷ 6 = 88).
        let kept = try XCTUnwrap(ProgressMethods.escap(series([(2020, "85"), (2021, "86")]), rule: rule(">= 80%"), indicator: share, dueYear: 2023))
        XCTAssertEqual(kept.anticipated, 88)
        XCTAssertEqual(kept.category, .maintain)
        // Met at the base and slipping below: 85, 82, 79 → slope −3, ŷ(5) = (Σwy 486·20 + 22·N) ÷ 120 with
        // Σwxy = 0 + 164 + 474 = 638, N = 3828 − 3888 = −60: (9720 − 1320) ÷ 120 = 70 → a reversal.
        let slipping = try XCTUnwrap(ProgressMethods.escap(series([(2020, "85"), (2021, "82"), (2022, "79")]), rule: rule(">= 80%"), indicator: share, dueYear: 2025))
        XCTAssertEqual(slipping.anticipated, 70)
        XCTAssertEqual(slipping.category, .reverse)
        // A base already past the target has no distance to measure: no index, never a 250 % status.
        XCTAssertNil(slipping.currentStatus)
        XCTAssertNil(slipping.anticipatedGap)
    }

    func testAStrictBoundReachedExactlyStillNeedsAMove() throws {
        // 700, 725 → slope 25, weights 1, 2: ŷ(x = 2) = (Σwy 2150·2 + (6 − 2)·N) ÷ 6, N = 3·1450 − 2·2150 = 50:
        // (4300 + 200) ÷ 6 = 750: "trên 750" is not met at 750; gap 0 → accelerate, not maintain.
        let e = try XCTUnwrap(ProgressMethods.escap(series([(2020, "700"), (2021, "725")]), rule: rule("> 750"), indicator: admissions, dueYear: 2022))
        XCTAssertEqual(e.anticipated, 750)
        XCTAssertEqual(e.anticipatedGap, 0)
        XCTAssertEqual(e.category, .accelerate)
    }
}
