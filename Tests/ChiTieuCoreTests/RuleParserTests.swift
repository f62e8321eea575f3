import ChiTieuCore
import Foundation
import XCTest

final class RuleParserTests: XCTestCase {
    func testEveryComparator() throws {
        let half = Decimal(string: "0.5") ?? 0
        let table: [(text: String, comparison: Comparison, percent: Bool)] = [
            (">= 90%", .atLeast(90), true),
            ("≥ 90%", .atLeast(90), true),
            ("> 750", .moreThan(750), false),
            ("<= 5", .atMost(5), false),
            ("≤ 5", .atMost(5), false),
            ("< 0,5%", .lessThan(half), true),
            ("15-20%", .range(15, 20), true),
            ("từ 02 đến 03", .range(2, 3), false),
            ("150-200", .range(150, 200), false),
            ("= 0", .zero, false),
            ("không có", .zero, false),
            ("3/3", .fraction(numerator: 3, whole: 3), false),
            ("2/3", .fraction(numerator: 2, whole: 3), false),
            ("~ 50% ± 5", .approximately(50, tolerance: 5), true),
            ("khoảng 50% ± 5", .approximately(50, tolerance: 5), true),
            ("xếp loại >= hoan-thanh-tot", .ratingAtLeast("hoan-thanh-tot"), false),
        ]
        for (text, comparison, percent) in table {
            let rule = try RuleParser.parse(text)
            XCTAssertEqual(rule.comparison, comparison, text)
            XCTAssertEqual(rule.isPercent, percent, text)
        }
    }

    private func error(_ text: String) -> NumberError? {
        do {
            _ = try RuleParser.parse(text)
            return nil
        } catch let e as NumberError {
            return e
        } catch {
            return nil
        }
    }

    func testBadRulesSayWhatToWrite() throws {
        XCTAssertTrue(try XCTUnwrap(error("750")).message.contains("needs a comparator"))
        XCTAssertTrue(try XCTUnwrap(error("~ 50%")).message.contains("tolerance"))
        XCTAssertTrue(try XCTUnwrap(error("4/3")).message.contains("not a fraction"))
        XCTAssertTrue(try XCTUnwrap(error("= 5")).message.contains("only for none"))
        XCTAssertTrue(try XCTUnwrap(error("lots")).message.contains("is not a rule"))
        let bad = try XCTUnwrap(error("> 7.5000"))
        XCTAssertEqual(bad.offset, 4, "offset of the bad group inside the rule text")
        XCTAssertNotNil(error(""))
    }

    func testARatingStrictlyAboveALevelIsRefusedAndSaysWhatToWrite() throws {
        // "xếp loại trên hoàn thành tốt" is strictly above "good", which a scale of levels can only
        // say by naming the level above; judging it as "good or better" would be wrong.
        for (text, level, offset) in [("xếp loại > hoan-thanh-tot", "hoan-thanh-tot", 9), ("xếp loại trên hoàn thành tốt", "hoàn thành tốt", 9),
                                      ("rating above hoan-thanh-tot", "hoan-thanh-tot", 7)] {
            let e = try XCTUnwrap(error(text), text)
            XCTAssertEqual(e.offset, offset, "at the comparator of '\(text)'")
            XCTAssertTrue(e.message.contains("strictly above"), e.message)
            XCTAssertTrue(e.message.contains(">= \(level)' if the words mean this level or better"), e.message)
            XCTAssertEqual(RuleParser.strictRatingLevel(text), level)
        }
        XCTAssertNil(RuleParser.strictRatingLevel("xếp loại >= hoan-thanh-tot"))
        XCTAssertNil(RuleParser.strictRatingLevel("> 750"))
        XCTAssertEqual(try RuleParser.parse("xếp loại ≥ hoan-thanh-tot").comparison, .ratingAtLeast("hoan-thanh-tot"))
    }

    func testThresholdAndScaling() throws {
        XCTAssertEqual(try RuleParser.parse("> 750").threshold, 750)
        XCTAssertEqual(try RuleParser.parse(">= 120").scaled(by: 5)?.comparison, .atLeast(600))
        XCTAssertNil(try RuleParser.parse("< 0,5%").scaled(by: 5))
    }
}
