import ChiTieuCore
import Foundation
import XCTest

/// Germany's weather-symbol check (dns-indikatoren.de, "Status of indicators – Methodology") on
/// series worked by hand; the source gives its rule but no worked figures to copy.
final class WeatherMethodTests: XCTestCase {
    let share = Indicator(id: "htt", name: "HTT", nameEn: "Well", unit: .percent)
    let category4 = Indicator(id: "loai-4", name: "Loại 4", nameEn: "Cat. 4", unit: .percent, direction: .down)

    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }
    private func rule(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Rule {
        do { return try RuleParser.parse(text) } catch {
            XCTFail("'\(text)' does not parse: \(error)", file: file, line: line)
            return Rule(.zero, isPercent: false, text: "invalid")
        }
    }
    private func series(_ points: [(Int, String)]) -> [SeriesPoint] { points.map { SeriesPoint(year: $0.0, value: d($0.1)) } }
    private func check(_ points: [(Int, String)], _ r: String, _ i: Indicator? = nil, due: Int = 2025) throws -> WeatherCheck {
        try XCTUnwrap(ProgressMethods.weather(series(points), rule: rule(r), indicator: i ?? share, dueYear: due))
    }

    /// 80 … 85 % in 2017–2022: average change (85 − 80) ÷ 5 = 1 a year; 2025: 85 + 3 × 1 = 88.
    let rising = [(2017, "80"), (2018, "81"), (2019, "82"), (2020, "83"), (2021, "84"), (2022, "85")]

    func testTheBandsOfTheMiss() throws {
        let cloudy = try check(rising, ">= 90%")
        XCTAssertEqual(cloudy.averageChange, 1)
        XCTAssertEqual(cloudy.projected, 88)
        XCTAssertEqual(cloudy.missPercent, 40) // (90 − 88) ÷ (90 − 85) × 100
        XCTAssertEqual(cloudy.symbol, .cloudy)
        let slightly = try check(rising, ">= 88,5%") // (88,5 − 88) ÷ 3,5 × 100 = 14,29 %
        XCTAssertEqual(Rounding.halfUp(slightly.missPercent ?? 0, places: 4), d("14.2857"))
        XCTAssertEqual(slightly.symbol, .slightlyCloudy)
        XCTAssertEqual(try check(rising, ">= 88,1%").symbol, .sun) // 0,1 ÷ 3,1 × 100 = 3,23 % < 5 %
        XCTAssertEqual(try check(rising, ">= 88,25%").symbol, .slightlyCloudy) // 0,25 ÷ 3,25 × 100 = 7,69 %
        XCTAssertEqual(try check(rising, ">= 88%").symbol, .sun, "the projection meets it")
    }

    func testOnlyTheLatestSixFiguresCount() throws {
        // A 2010 figure of 0 would make the change (85 − 0) ÷ 12; only 2017–2022 are used.
        let c = try check([(2010, "0")] + rising, ">= 90%")
        XCTAssertEqual(c.used.count, 6)
        XCTAssertEqual(c.averageChange, 1)
    }

    func testDirectionDownWithTheFewestFigures() throws {
        // "dưới 2%" from 5; 4,8; 4,6; 4,4 (four figures, the minimum): change (4,4 − 5) ÷ 3 = −0,2;
        // 2025: 4,4 − 3 × 0,2 = 3,8; shortfall (3,8 − 2) ÷ (4,4 − 2) × 100 = 75 %.
        let c = try check([(2019, "5"), (2020, "4.8"), (2021, "4.6"), (2022, "4.4")], "< 2%", category4)
        XCTAssertEqual(c.averageChange, d("-0.2"))
        XCTAssertEqual(c.projected, d("3.8"))
        XCTAssertEqual(c.missPercent, 75)
        XCTAssertEqual(c.symbol, .cloudy)
    }

    func testTheWrongWayOrNoChangeIsAThunderstorm() throws {
        XCTAssertEqual(try check([(2018, "80"), (2019, "80"), (2020, "79"), (2021, "79"), (2022, "78")], ">= 90%").symbol, .thunderstorm)
        XCTAssertEqual(try check([(2019, "80"), (2020, "80"), (2021, "80"), (2022, "80")], ">= 90%").symbol, .thunderstorm)
        // Met now but falling: 95, 94, 93, 92 → 2025: 89 → the wrong way.
        XCTAssertEqual(try check([(2019, "95"), (2020, "94"), (2021, "93"), (2022, "92")], ">= 90%").symbol, .thunderstorm)
    }

    func testTooFewFigures() throws {
        let c = try check([(2020, "80"), (2021, "82"), (2022, "85")], ">= 90%")
        XCTAssertEqual(c.symbol, .notCalculable)
        XCTAssertNil(c.projected)
    }

    func testTargetMetTargetYearPassedNegativeAndZero() throws {
        XCTAssertEqual(try check([(2019, "89"), (2020, "90"), (2021, "91"), (2022, "92")], ">= 90%").symbol, .sun, "met and rising")
        // Due 2022, the latest year: nothing is carried forward; 85 against 90 with a rising trend:
        // the whole distance is missing, 100 % → cloudy.
        let passed = try check(rising, ">= 90%", due: 2022)
        XCTAssertEqual(passed.projected, 85)
        XCTAssertEqual(passed.missPercent, 100)
        XCTAssertEqual(passed.symbol, .cloudy)
        // −3, −2, −1, 0 towards "từ 2": change 1 a year; 2025: 0 + 3 = 3 ≥ 2 → sun.
        let counts = Indicator(id: "c", name: "C", nameEn: "C", unit: .count)
        let negative = try check([(2019, "-3"), (2020, "-2"), (2021, "-1"), (2022, "0")], ">= 2", counts)
        XCTAssertEqual(negative.projected, 3)
        XCTAssertEqual(negative.symbol, .sun)
    }
}
