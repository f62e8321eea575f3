@testable import ChiTieuReport
import XCTest

/// Widths of Times New Roman text, worked by hand from its advance widths (thousandths of an em),
/// and the summary's printed columns: what sets its row heights and its fit on the page.
final class TimesWidthTests: XCTestCase {
    func testWidthsOfVietnameseText() {
        // c 444 + h 500 + ư 500 + a 444, space 250, c 444 + ó 500, space, s 389 + ố 500, space,
        // l 278 + i 278 + ệ 444 + u 500 = 5.971 thousandths: 71,652 pt at 12 pt.
        XCTAssertEqual(TimesWidth.points("chưa có số liệu", size: 12), 71.652, accuracy: 1e-9)
        // Đ is as wide as D (722), đ as d (500).
        XCTAssertEqual(TimesWidth.points("Đđ", size: 10), 12.22, accuracy: 1e-9)
    }

    func testLinesBreakAtSpaces() {
        // "từ 100 % trở lên": t 278 + ừ 500, 1 and 0 0 at 500, % 833, t 278 + r 333 + ở 500, l 278 +
        // ê 444 + n 500, four spaces 1.000: 6.444 thousandths, 77,328 pt at 12 pt.
        XCTAssertEqual(TimesWidth.lines("từ 100 % trở lên", size: 12, width: 77.4), 1)
        XCTAssertEqual(TimesWidth.lines("từ 100 % trở lên", size: 12, width: 77.3), 2)
        XCTAssertEqual(TimesWidth.lines("", size: 12, width: 10), 1)
    }

    /// The printed columns fit A4 landscape between the default margins at the print scale, at
    /// the 7,47 pt a column unit takes in LibreOffice here (the Party margins leave 714 pt).
    func testThePrintedColumnsFitThePage() {
        let printed = SummarySheet.lastPrinted + 1
        XCTAssertEqual(SummarySheet.widths.prefix(printed).reduce(0, +), 111)
        XCTAssertEqual(SummarySheet.widthsEn.prefix(printed).reduce(0, +), 111)
        let room = (297.0 - 30 - 15) * 72 / 25.4
        XCTAssertLessThan(111 * 7.47 * Double(SummaryType.printScale) / 100, room)
        // 12 pt at the scale is 10 pt or more on paper.
        XCTAssertGreaterThanOrEqual(SummaryType.body * Double(SummaryType.printScale) / 100, 10)
    }
}
