import ChiTieuCore
import Foundation
import XCTest

/// Observations share their fields between copies until one is changed; they must still behave
/// as values: a change to a copy never shows in the original, equality and hashing see fields.
final class ObservationSharingTests: XCTestCase {
    private func outcome(_ value: Decimal) -> Observation {
        Observation(indicatorID: "ket-nap", targetID: "t1", period: .year(2021), value: .number(value), quote: "kết nạp 868 đảng viên",
                    citation: Citation(source: "s1", line: 3), location: SourceLocation(file: "a.yaml", line: 7, column: 5))
    }

    func testAChangedCopyLeavesTheOriginal() {
        let original = outcome(868)
        var copy = original
        XCTAssertEqual(copy, original)
        copy.value = .number(750)
        copy.citation.line = 9
        copy.unitName = "Xã Tân Lập"
        copy.coverage = .yearToDate
        XCTAssertEqual(original.value, .number(868))
        XCTAssertEqual(original.citation.line, 3)
        XCTAssertNil(original.unitName)
        XCTAssertEqual(original.coverage, .whole)
        XCTAssertEqual(copy.value, .number(750))
        XCTAssertEqual(copy.citation.line, 9)
        XCTAssertNotEqual(copy, original)
        // A copy in an array changed through the array leaves the one it was taken from.
        var list = [original, original]
        list[1].quote = "khác"
        XCTAssertEqual(list[0].quote, "kết nạp 868 đảng viên")
        XCTAssertEqual(original.quote, "kết nạp 868 đảng viên")
    }

    func testEqualFieldsAreEqualAndHashAlike() {
        let a = outcome(868), b = outcome(868)
        XCTAssertEqual(a, b)
        XCTAssertEqual(Set([a, b]).count, 1)
        var c = b
        c.note = "đọc theo bảng 2"
        XCTAssertEqual(Set([a, b, c]).count, 2)
        c.note = nil
        XCTAssertEqual(c, a)
        XCTAssertEqual(a.hashValue, c.hashValue)
    }
}
