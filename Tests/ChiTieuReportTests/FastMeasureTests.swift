@testable import ChiTieuReport
import Foundation
import XCTest

/// The fast ways rows are sized (scalar by scalar, counting without building lines) give what the
/// character-by-character ways give, on every kind of text they take and the ones they pass on.
final class FastMeasureTests: XCTestCase {
    let texts = [
        "", " ", "  ", "a", "chưa có số liệu", "Tổ chức 00012: hằng năm đạt từ 1.234 trở lên", "từ 100 % trở lên", "1,2 % % x",
        "%", "% a", "a  b   c ", " lead", "Đảng bộ Khối giả định (SỐ LIỆU TỔNG HỢP GIẢ ĐỊNH)", "Nghị quyết — “đạt” … · – x",
        "Đảng viên".decomposedStringWithCanonicalMapping + " mới", "quá-dài-một-từ-không-có-khoảng-trắng-nào-cả tiếp",
        "中文 字符 宽", "tab\there", "line\r\nbreak", "emoji 🙂 ok", "≥ 1.234 × 5 → ≤ 6", "Kết nạp — từ 1.234 đảng viên trở lên, mỗi năm", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b",
    ]

    func testLineCountIsWrapsCount() {
        for text in texts {
            for width in 0...45 {
                XCTAssertEqual(DisplayWidth.lineCount(text, width: width), DisplayWidth.wrap(text, width: width).count, "\(text) at \(width)")
            }
        }
    }

    func testTimesLinesAreTheSlowLines() {
        for text in texts {
            for bold in [false, true] {
                for width in stride(from: 0.0, through: 300, by: 3.7) {
                    XCTAssertEqual(TimesWidth.lines(text, size: 12, bold: bold, width: width),
                                   TimesWidth.slowLines(text, size: 12, bold: bold, width: width), "\(text) at \(width)")
                }
            }
        }
    }

    /// Random texts from every kind of scalar the counter meets or passes on: its one-pass count
    /// is `wrap`'s, and a row's height is what it was when texts narrower than the room were
    /// measured first.
    func testLineCountIsWrapsCountOnRandomTexts() {
        let pieces = ["a", "Z", "9", " ", " ", "  ", "%", ",", ".", "ư", "ệ", "Đ", "ố", "—", "–", "“", "”", "…", "≥", "×", "→", "‰",
                      "e\u{0301}", "\u{200B}", "中", "字", "🙂", "\t", "\n", "\u{00A0}", "\u{7F}", "\u{85}", "é", "ß", "1.234", "từ", "quá-dài-một-từ"]
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<next(40) { text += pieces[next(pieces.count)] }
            for width in [1, 2, 3, 5, 8, 13, 21, 34, 60] {
                XCTAssertEqual(DisplayWidth.lineCount(text, width: width), DisplayWidth.wrap(text, width: width).count, "\(text.debugDescription) at \(width)")
            }
            for columnWidth in [5.0, 15, 22, 38] {
                let room = max(1, Int(columnWidth * 0.95) - 1)
                let before = text.utf8.count <= room || DisplayWidth.of(text) <= room ? 1 : DisplayWidth.lineCount(text, width: room)
                XCTAssertEqual(Styles.rowHeight([(text, columnWidth)]), 15 * Double(max(1, before)), text.debugDescription)
            }
        }
    }
}
