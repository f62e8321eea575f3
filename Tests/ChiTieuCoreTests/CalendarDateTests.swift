import ChiTieuCore
import XCTest

/// Dates as the data writes them: 2020-07-21, 2014-12 or 2014, nothing looser.
final class CalendarDateTests: XCTestCase {
    func testISOForms() {
        XCTAssertEqual(CalendarDate(iso: "2020-07-21"), CalendarDate(year: 2020, month: 7, day: 21))
        XCTAssertEqual(CalendarDate(iso: "2014-12"), CalendarDate(year: 2014, month: 12))
        XCTAssertEqual(CalendarDate(iso: "2014"), CalendarDate(year: 2014))
        XCTAssertEqual(CalendarDate(iso: "2020-02-29"), CalendarDate(year: 2020, month: 2, day: 29), "2020 is a leap year")
        for bad in ["", "2020-", "2020-7-21", "20201", "2020-13", "2021-02-29", "2020-07-21-01", "2020/07/21", "２０２０", "2020-07-32", String(repeating: "9", count: 40), "2020-" + String(repeating: "1", count: 30)] {
            XCTAssertNil(CalendarDate(iso: bad), bad)
        }
    }
}
