import ChiTieuCore
import Foundation
import XCTest

/// An amount's figures and rules may be negative (a growth rate that fell, a change in points);
/// counts and shares keep refusing a sign.
final class SignedFigureTests: XCTestCase {
    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }

    func testSignedFigures() throws {
        XCTAssertEqual(try VietnameseNumber.parseSigned("-0,3").value, d("-0.3"))
        XCTAssertEqual(try VietnameseNumber.parseSigned("−1.234,5").value, d("-1234.5"), "the minus sign U+2212 too")
        XCTAssertEqual(try VietnameseNumber.parseSigned("7,2").value, d("7.2"))
        XCTAssertEqual(try VietnameseNumber.parseSigned("-1.5", convention: .english).value, d("-1.5"))
        XCTAssertThrowsError(try VietnameseNumber.parse("-0,3"), "a count or share has no sign")
        // A fault after the sign is pointed at where it stands: the '5' of "7.5000" at offset 3.
        XCTAssertThrowsError(try VietnameseNumber.parseSigned("-7.5000")) { e in
            XCTAssertEqual((e as? NumberError)?.offset, 3)
        }
        XCTAssertThrowsError(try VietnameseNumber.parseSigned("- 5")) { e in
            XCTAssertEqual((e as? NumberError)?.message, "a minus sign stands before its digits, without a space (write -5)")
        }
    }

    func testSignedRules() throws {
        XCTAssertEqual(try RuleParser.parse("> -2", signed: true).comparison, .moreThan(-2))
        XCTAssertEqual(try RuleParser.parse(">= −0,5", signed: true).comparison, .atLeast(d("-0.5")))
        XCTAssertEqual(try RuleParser.parse("-1 - 1,5", signed: true).comparison, .range(-1, d("1.5")))
        XCTAssertEqual(try RuleParser.parse("từ -2 đến -1", signed: true).comparison, .range(-2, -1))
        XCTAssertEqual(try RuleParser.parse("~ -1 ± 0,5", signed: true).comparison, .approximately(-1, tolerance: d("0.5")))
        XCTAssertEqual(try RuleParser.parse("4.200-4.500,5", signed: true).comparison, .range(4200, d("4500.5")))
        XCTAssertThrowsError(try RuleParser.parse("> -2"), "unsigned by default")
        // "giảm 1 - 1,5 điểm %/năm" is a range: a comparator before it is refused with the advice.
        XCTAssertThrowsError(try RuleParser.parse(">= 1-1,5", signed: true)) { e in
            let error = e as? NumberError
            XCTAssertEqual(error?.offset, 3, "at the range's first figure")
            XCTAssertTrue(error?.message.contains("write '1-1,5'") == true, error?.message ?? "")
        }
    }
}
