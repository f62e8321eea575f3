import ChiTieuCore
import Foundation
import XCTest

/// Stated attainments as sources write them, with words (issue 14, part 3). Expected values are
/// read off the text by hand.
final class StatedWordsTests: XCTestCase {
    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }

    func testWordsAroundTheNumber() throws {
        let plain = try StatedPercent.read("115,7%")
        XCTAssertEqual(plain.value, d("115.7"))
        XCTAssertEqual(plain.places, 1)
        XCTAssertEqual(plain.qualifier, .exact)
        let over = try StatedPercent.read("trên 108 %")
        XCTAssertEqual(over.qualifier, .moreThan)
        XCTAssertEqual(over.attainment, 108)
        let near = try StatedPercent.read("gần 35%")
        XCTAssertEqual(near.qualifier, .lessThan)
        let excess = try StatedPercent.read("vượt 14%")
        XCTAssertTrue(excess.isExcess)
        XCTAssertEqual(excess.attainment, 114) // 100 + 14
        let both = try StatedPercent.read("vượt gần 25 %")
        XCTAssertTrue(both.isExcess)
        XCTAssertEqual(both.qualifier, .lessThan)
        XCTAssertEqual(both.attainment, 125)
        let budget = try StatedPercent.read("bằng 112,4 % dự toán")
        XCTAssertEqual(budget.value, d("112.4"))
        XCTAssertEqual(budget.basis, "dự toán")
        XCTAssertEqual(try StatedPercent.read("đạt 71 % so với chỉ tiêu").basis, nil, "'chỉ tiêu' is the default basis")
    }

    func testAMalformedStatedFigureIsRefusedAtItsCharacter() {
        XCTAssertThrowsError(try StatedPercent.read("trên 1.08,5%")) { e in
            // "trên " is 5 characters; the bad group "08" starts 2 into "1.08,5%".
            XCTAssertEqual((e as? NumberError)?.offset ?? -1, 7, "the error points at the bad group inside the number")
        }
        XCTAssertThrowsError(try StatedPercent.read("trên 108")) { e in
            XCTAssertTrue((e as? NumberError)?.message.contains("'%'") == true)
        }
    }

    func testBoundedAndEstimatedStatementsAreCheckedByTheirWords() throws {
        // 152 of 140: 108,571… %.
        let computed = Decimal(152) / 140 * 100
        XCTAssertEqual(StatedCheck(stated: try StatedPercent.read("trên 108%"), computed: computed).match, .matches)
        XCTAssertEqual(StatedCheck(stated: try StatedPercent.read("trên 109%"), computed: computed).match, .mismatch)
        XCTAssertEqual(StatedCheck(stated: try StatedPercent.read("gần 109%"), computed: computed).match, .matches)
        XCTAssertEqual(StatedCheck(stated: try StatedPercent.read("khoảng 109%"), computed: computed).match, .matches) // within a point
        XCTAssertEqual(StatedCheck(stated: try StatedPercent.read("vượt 8,6%"), computed: computed).match, .matches) // 108,6
        XCTAssertEqual(StatedCheck(stated: try StatedPercent.read("vượt 9%"), computed: computed).match, .matches) // 108,57 → 109 at 0 places
        XCTAssertEqual(StatedCheck(stated: try StatedPercent.read("vượt 10%"), computed: computed).match, .mismatch) // 110 ≠ 109
    }

    func testExcessAsAFigure() {
        // "kết nạp được 152 đảng viên, vượt chỉ tiêu 12": the target is 140.
        let check = ExcessCheck(outcome: 152, excess: 12, target: 140)
        XCTAssertEqual(check.implied, 140)
        XCTAssertTrue(check.matches)
        XCTAssertFalse(ExcessCheck(outcome: 152, excess: 12, target: 150).matches)
    }
}
