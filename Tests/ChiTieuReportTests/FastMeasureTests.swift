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
}
