import ChiTieuReport
import Foundation
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testVietnameseLettersTakeOneColumnInNFCAndNFD() {
        let nfc = "Đảng viên"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertGreaterThan(nfd.unicodeScalars.count, nfc.unicodeScalars.count)
        XCTAssertEqual(DisplayWidth.of(nfc), 9)
        XCTAssertEqual(DisplayWidth.of(nfd), 9, "combining marks take no column")
        XCTAssertEqual(DisplayWidth.of("Đ"), 1)
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
    }

    func testPaddingAlignsByWidthNotCount() {
        let nfd = "Kết quả".decomposedStringWithCanonicalMapping
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad(nfd, to: 10)), 10)
        XCTAssertEqual(DisplayWidth.pad("868", to: 6, right: true), "   868")
    }

    func testWrapKeepsWordsAndWidth() {
        let lines = DisplayWidth.wrap("toàn Đảng bộ kết nạp được trên 750 đảng viên", width: 20)
        XCTAssertEqual(lines, ["toàn Đảng bộ kết nạp", "được trên 750 đảng", "viên"])
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        XCTAssertEqual(DisplayWidth.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
    }
}
