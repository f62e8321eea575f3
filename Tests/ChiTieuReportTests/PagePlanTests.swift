@testable import ChiTieuReport
import ChiTieuCore
import XCTest

/// Where a sheet printed at 100 % breaks into pages. Heights are in points; a page here has 100
/// points of room and a heading row of 10, so the sums can be followed by hand.
final class PagePlanTests: XCTestCase {
    let plan = PagePlan(room: 100, headingHeight: 10)

    func testRowsFillAPageAndLaterPagesStartWithTheHeading() {
        // Title 20 + heading 10 + 30 + 30 = 90; the next 30 would make 120: break before row 4.
        // Page 2: heading 10 + 30 + 30 + 30 = 100, which fits exactly.
        XCTAssertEqual(plan.breaks([20, 10, 30, 30, 30, 30, 30], firstBody: 2), [4])
        XCTAssertEqual(plan.breaks([20, 10, 15], firstBody: 2), [], "one page: no break")
    }

    func testTheLastPageIsNotLeftWithALineOrTwo() {
        // 20 + 10 + 30 + 30 = 90 and 15 more is 105: row 4 alone (15 pt) would be the last page;
        // the break moves up one row so the last page holds rows 3 and 4 (45 pt, all there is
        // to move while page 1 keeps a row under its heading).
        XCTAssertEqual(plan.breaks([20, 10, 30, 30, 15], firstBody: 2), [3])
    }

    func testAGroupMovesToTheNextPageWhole() {
        // Rows 3–6 are one target's steps. Page 1 fills at row 5 (20 + 10 + 20 + 20 + 20 = 90,
        // + 20 = 110): the group began on this page and fits on one (10 + 60 = 70), so the
        // break comes before row 3. Without groups it comes before row 5, and then moves up to
        // row 4 to give the last page 60 pt.
        let heights: [Double] = [20, 10, 20, 20, 20, 20, 20]
        XCTAssertEqual(plan.breaks(heights, firstBody: 2, groupStarts: [2, 3]), [3])
        XCTAssertEqual(plan.breaks(heights, firstBody: 2), [4])
    }

    func testA4LandscapeWithinThePartyMarginsHasRoomFor431Points() {
        // 210 − 25 − 25 = 160 mm = 453,5 pt, of which 95 % is planned: 430,9 pt.
        XCTAssertEqual(PagePlan(margins: .partyDefault, headingHeight: 15).room, 430.87, accuracy: 0.01)
    }
}
